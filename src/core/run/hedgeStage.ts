/**
 * The hedge of a run: the contract and where its DV01 comes from, the one-contract DV01-ratio
 * hedge, the optimiser's plan when sized by KRDs, every trade as one list (futures and swaps),
 * the book before and after, and the hedges the scenarios revalue.
 *
 * A contract DV01 the user types is an override labelled "input"; otherwise it is the futures
 * engine's forward DV01 from the CTD on the curve, labelled "from CTD <CUSIP>". In the scenarios the
 * one-contract hedge's P&L is the engine's, scaled by input ÷ model DV01, so that the hedge moves
 * by the DV01 it was sized with (said in its label).
 */
import { percentText } from "../percentText";
import type { Highs } from "highs";
import { DEFAULT_CONTRACT, DEFAULT_HEDGE_CONTRACTS } from "../conventions";
import { isoFromSerial } from "../dates";
import { parseContract } from "../futures/contracts";
import { futuresInstrument, FuturesInstrument } from "../hedge/futuresInstruments";
import { sizeDv01Hedge } from "../hedge/dv01Hedge";
import { costPerContract, planHedge, SWAP_UNIT } from "../hedge/hedgePlan";
import { convexityBuyBack, GreekRow } from "../hedge/hedgeProblem";
import { OPTION_UNIT } from "../hedge/optionInstruments";
import { OptionPosition } from "../options/optionHedges";
import { parseHedgesRange } from "../scenarios/hedgeRange";
import { Market } from "../market/market";
import { SYNTHETIC_CTD } from "../engines/treasuryFuture";
import { CurveTotals } from "../portfolio/curveExposure";
import { Hedge } from "../scenarios/hedges";
import { ContractChoice, HedgeRecord, TradeLine } from "./runRecord";
import { RunInput } from "./runInput";

/** Where a computed DV01 comes from: "from CTD 91282CLF6 (4.25% 2034-11-15)". */
function ctdText(f: FuturesInstrument): string {
  if (f.ctd.synthetic)
    return `from the ${SYNTHETIC_CTD} (${percentText(f.ctd.coupon)} ${isoFromSerial(f.ctd.maturity)})`;
  const id = f.ctd.cusip ? `${f.ctd.cusip} ` : "";
  return `from CTD ${id}(${percentText(f.ctd.coupon)} ${isoFromSerial(f.ctd.maturity)})`;
}

/** The one-contract hedge's futures on the market: front month, CTD, KR DV01s. */
function contractInstrument(input: RunInput, market: Market): FuturesInstrument {
  const contract = parseContract(input.contractCode ?? DEFAULT_CONTRACT, "hedge contract");
  return futuresInstrument(contract, market, {
    futuresPrice: input.futuresPrices?.[contract.code],
    repo: input.repo,
    universe: input.universe,
  });
}

/** The one-contract hedge's contract, with its DV01 and where it came from. */
export function contractChoice(input: RunInput, f: FuturesInstrument): ContractChoice {
  const typed = input.contractDv01 !== undefined;
  return {
    code: f.contract.code,
    symbol: f.symbol,
    name: `${f.symbol} (${f.contract.name} futures)`,
    month: f.month,
    dv01: typed ? input.contractDv01! : f.dv01,
    dv01Source: typed ? "input" : ctdText(f),
    modelDv01: f.dv01,
    ctd: f.ctd,
    conversionFactor: f.conversionFactor,
    repo: f.repo,
  };
}

export interface HedgeStage {
  readonly record: HedgeRecord;
  /** The trades as the scenarios revalue them. */
  readonly hedges: readonly Hedge[];
}

/** The option candidates of a run: given, or the option rows of its option hedges range. */
function optionCandidates(input: RunInput): readonly OptionPosition[] | undefined {
  if (input.options || !input.optionValues) return input.options;
  return parseHedgesRange(input.optionValues).flatMap((h) =>
    h.kind === "option" ? [h.option] : []
  );
}

/**
 * The gamma row of a run with option candidates: gamma after ≥ the buy-back target and ≥ the
 * least gamma asked for (the larger of the two); none without either. Portfolio gamma = market
 * value × effective convexity × 1e-8 (change of DV01 for 1 bp, money).
 */
function gammaRule(input: RunInput, portfolioGamma: number): { gamma?: GreekRow } {
  if (!optionCandidates(input)?.length) return {};
  const targets: number[] = [];
  if (input.convexityBuyBack !== undefined)
    targets.push(convexityBuyBack(portfolioGamma, input.convexityBuyBack).target);
  if (input.minGammaAfter !== undefined) targets.push(input.minGammaAfter);
  return targets.length
    ? { gamma: { portfolio: portfolioGamma, target: Math.max(...targets), rule: "atLeast" } }
    : {};
}

/** Sizes the hedge on the portfolio's totals. */
export async function hedgeStage(
  input: RunInput,
  market: Market,
  t: CurveTotals,
  targetKrd: readonly number[] | undefined,
  limits: { leverageCap?: number; allowNetShort?: boolean },
  solver?: Highs
): Promise<HedgeStage> {
  const f = contractInstrument(input, market);
  const contract = contractChoice(input, f);
  const futures = f.contract;
  const ratio = sizeDv01Hedge(
    t.marketValue,
    t.dv01,
    input.targetDuration,
    contract.dv01,
    input.beta ?? 1,
    input.rounding ?? "nearest"
  );
  const sizing = input.sizing ?? "dv01_ratio";
  const plan =
    sizing === "krd"
      ? await planHedge(
          {
            mode: "krd",
            market,
            portfolio: Array.from(t.krDv01),
            target: targetKrd
              ? targetKrd.map((k) => k * t.marketValue * 1e-4)
              : Array.from(t.krDv01, (v) => (v * input.targetDuration) / t.effDuration),
            portfolioValue: t.marketValue,
            contracts: (input.allowedContracts ?? DEFAULT_HEDGE_CONTRACTS).map((c) =>
              parseContract(c, "allowed contracts")
            ),
            leverageCap: limits.leverageCap,
            allowNetShort: limits.allowNetShort,
            initialMargin: input.initialMargin,
            commission: input.commission,
            swapTenors: input.swapTenors,
            options: optionCandidates(input),
            ...gammaRule(input, t.marketValue * t.effConvexity * 1e-8),
            futuresPrices: input.futuresPrices,
            repo: input.repo,
            universe: input.universe,
          },
          solver
        )
      : undefined;
  const trades: TradeLine[] = [];
  const hedges: Hedge[] = [];
  const warnings: string[] = [];
  let krDv01After: number[];
  let futuresNotional: number;
  if (plan) {
    for (const p of plan.trades) {
      const f = p.instrument;
      trades.push({
        kind: "futures",
        instrument: `${f.symbol} (${f.contract.name} futures)`,
        symbol: f.symbol,
        direction: p.contracts < 0 ? "SELL" : "BUY",
        quantity: p.contracts,
        unit: "contracts",
        dv01Impact: p.dv01Impact,
        cost: p.cost,
        rollBy: f.dates.rollDate,
      });
      hedges.push({
        kind: "futures",
        contract: f.contract,
        month: f.month,
        contracts: p.contracts,
        ctd: f.ctd,
        repo: f.repo,
      });
    }
    for (const w of plan.swaps) {
      const notional = w.units * SWAP_UNIT;
      trades.push({
        kind: "swap",
        instrument: `${w.instrument.symbol} SOFR OIS, ${w.units < 0 ? "pay" : "receive"} fixed ${percentText(w.instrument.fixedRate)}`,
        symbol: w.instrument.symbol,
        direction: w.units < 0 ? "PAY FIXED" : "RECEIVE FIXED",
        quantity: notional,
        unit: "notional",
        dv01Impact: w.dv01Impact,
        cost: w.cost,
      });
      hedges.push({
        kind: "swap",
        swap: {
          months: w.instrument.months,
          notional: Math.abs(notional),
          payFixed: w.units < 0,
          fixedRate: w.instrument.fixedRate,
        },
      });
    }
    for (const o of plan.options ?? []) {
      const p = o.instrument.position;
      const rate = p.kind !== "futures-option";
      trades.push({
        kind: "option",
        instrument: o.instrument.symbol,
        symbol: o.instrument.symbol,
        direction: o.units < 0 ? "SELL" : "BUY",
        quantity: rate ? o.units * OPTION_UNIT : o.units,
        unit: rate ? "notional" : "contracts",
        dv01Impact: o.dv01Impact,
        cost: o.cost,
        premium: o.premium,
        gamma: o.gammaImpact,
        vega: o.vegaImpact,
        expiry: o.instrument.expiry,
      });
      hedges.push({
        kind: "option",
        option:
          p.kind === "futures-option"
            ? { ...p, contracts: o.units }
            : { ...p, notional: o.units * OPTION_UNIT },
      });
    }
    krDv01After = [...plan.after];
    futuresNotional = plan.notional;
    warnings.push(...plan.warnings);
  } else {
    // Per key, the contract's KR DV01s scaled to the DV01 it was sized with.
    const scale = contract.dv01 / contract.modelDv01;
    krDv01After = Array.from(
      t.krDv01,
      (v, k) => v + (ratio.contracts * f.krDv01[k] * scale) / ratio.beta
    );
    futuresNotional = (Math.abs(ratio.contracts) * futures.face * f.price) / 100;
    if (ratio.contracts !== 0) {
      trades.push({
        kind: "futures",
        instrument: contract.name,
        symbol: contract.symbol,
        direction: ratio.contracts < 0 ? "SELL" : "BUY",
        quantity: ratio.contracts,
        unit: "contracts",
        dv01Impact: ratio.hedgeDv01,
        // The optimiser's cost per contract (half a tick plus commission), as for its own trades.
        cost: Math.abs(ratio.contracts) * costPerContract(futures, input.commission),
        rollBy: f.dates.rollDate,
      });
      hedges.push({
        kind: "futures",
        contract: futures,
        month: contract.month,
        contracts: ratio.contracts,
        ctd: contract.ctd,
        repo: contract.repo,
        scale: scale / ratio.beta,
      });
    }
    if (Math.abs(scale - 1) > 0.05)
      warnings.push(
        `the contract DV01 (${contract.dv01.toFixed(2)}, ${contract.dv01Source}) differs from the CTD model's ${contract.modelDv01.toFixed(2)} by ${((scale - 1) * 100).toFixed(1)}%`
      );
  }
  const synthetic = plan
    ? plan.trades.filter((t) => t.instrument.ctd.synthetic).map((t) => t.instrument.symbol)
    : contract.ctd.synthetic
      ? [contract.symbol]
      : [];
  for (const symbol of synthetic)
    warnings.push(
      `no ${symbol} deliverable in the Treasury universe: sized against a ${SYNTHETIC_CTD}`
    );
  const dv01Impact = trades.reduce((a, x) => a + x.dv01Impact, 0);
  const bp = t.marketValue * 1e-4;
  const dv01After = t.dv01 + dv01Impact;
  return {
    hedges,
    record: {
      sizing,
      contract,
      ratio,
      plan,
      trades,
      dv01Before: t.dv01,
      dv01After,
      durationBefore: t.dv01 / bp,
      durationAfter: dv01After / bp,
      krDv01Before: Array.from(t.krDv01),
      krDv01After,
      dv01Impact,
      cost: trades.reduce((a, x) => a + x.cost, 0),
      futuresNotional,
      warnings,
    },
  };
}
