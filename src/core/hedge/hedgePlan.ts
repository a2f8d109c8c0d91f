/**
 * A multi-contract Treasury-futures hedge on a curve (SPEC S4, S8): each allowed contract becomes
 * an instrument (front month, CTD, KR DV01s — see futuresInstruments), the optimiser sizes whole
 * contracts so the portfolio's KR DV01 profile reaches the target profile within the mandate's
 * leverage cap and no-net-short rule, and each trade is costed.
 *
 * Costs per contract traded, stated defaults a desk should replace: half the bid/ask (half a tick
 * of the contract: tick × face/100 ÷ 2) plus a commission (default 2.00 money). Futures notional
 * counted against the leverage cap = |contracts| × face × futures price/100. Initial margin per
 * contract is an input (exchange margins change); without it, margin is "not given".
 *
 * SOFR OIS swaps may join as continuous instruments in notional units of 1,000,000 (receive-fixed
 * per unit; the optimiser's sign gives pay or receive), on the swap curve given or, without one,
 * the SOFR OIS par rates the Treasury curve implies. Their KR DV01s are measured on the swap
 * curve's own key-rate shifts and matched against the Treasury keys: the Treasury–swap basis is a
 * residual risk the plan names. Swaps do not count against the futures leverage cap; their cost is
 * a quarter of a basis point of running spread per unit (0.25 × DV01), a stated default.
 *
 * Options (swaptions, caps/floors, futures options) may join as candidates (optionInstruments.ts)
 * with gamma and vega rows, so that "neutralise DV01 and buy back half the negative convexity"
 * is the krd mode with gamma: convexityBuyBack(portfolio gamma, 0.5). The plan lists each option
 * trade's premium, DV01, gamma, vega and theta, and the expiries to act on.
 */
import { tenorLabel } from "../curve";
import { Market, swapMarket } from "../market/market";
import { swapRisk } from "../swaps/ois";
import { FuturesContract } from "../futures/contracts";
import { TreasuryBond } from "../futures/universe";
import { futuresInstrument, FuturesInstrument } from "./futuresInstruments";
import { GreekRow, HedgeMode, optimiseHedge } from "./optimiser";
import { OptionInstrument, optionInstruments } from "./optionInstruments";
import { OptionPosition } from "../options/optionHedges";
import type { Highs } from "highs";

/** Default commission per contract traded, money (an assumption to replace). */
export const DEFAULT_COMMISSION = 2;

export interface HedgePlanInput {
  readonly mode: Exclude<HedgeMode, "single">;
  /** The market: curve, keys, shift rule, and the swap curve for the swaps. */
  readonly market: Market;
  /** Portfolio and target KR DV01s, money per bp, one per key. */
  readonly portfolio: readonly number[];
  readonly target: readonly number[];
  readonly portfolioValue: number;
  readonly contracts: readonly FuturesContract[];
  /** Largest futures notional as a fraction of portfolio value (mandate); none when undefined. */
  readonly leverageCap?: number;
  readonly allowNetShort?: boolean;
  /** Initial margin per contract, money, by contract code. */
  readonly initialMargin?: Readonly<Partial<Record<string, number>>>;
  readonly commission?: number;
  /** Futures prices per 100 by contract code (default theoretical), and the repo (default the curve's). */
  readonly futuresPrices?: Readonly<Partial<Record<string, number>>>;
  readonly repo?: number;
  /** Treasuries the CTDs are chosen from; default the bundled universe. */
  readonly universe?: readonly TreasuryBond[];
  /** Swap tenors (months) the optimiser may use; none by default. */
  readonly swapTenors?: readonly number[];
  /** Option candidates (any quantity: sized per unit, see optionInstruments); none by default. */
  readonly options?: readonly OptionPosition[];
  /** Conditions on portfolio gamma and vega after the hedge (e.g. convexityBuyBack(γ, 0.5)). */
  readonly gamma?: GreekRow;
  readonly vega?: GreekRow;
}

/** An option trade of the plan, money. */
export interface PlannedOption {
  readonly instrument: OptionInstrument;
  /** Units: notional ÷ 1,000,000 (swaptions, caps) or contracts (futures options); < 0 sold. */
  readonly units: number;
  /** Premium paid (> 0) or received (< 0). */
  readonly premium: number;
  readonly dv01Impact: number;
  readonly krDv01Impact: number[];
  readonly gammaImpact: number;
  readonly vegaImpact: number;
  /** Theta per calendar day. */
  readonly theta: number;
  readonly cost: number;
}

/** A SOFR OIS swap as a hedge instrument, per 1,000,000 of notional received fixed. */
export interface SwapInstrument {
  readonly kind: "swap";
  readonly months: number;
  readonly symbol: string;
  readonly fixedRate: number;
  readonly krDv01: number[];
  readonly dv01: number;
}

/** Notional unit of the swap instruments, money. */
export const SWAP_UNIT = 1_000_000;

export interface PlannedSwap {
  readonly instrument: SwapInstrument;
  /** Units of 1,000,000: positive receive fixed, negative pay fixed. */
  readonly units: number;
  readonly dv01Impact: number;
  readonly krDv01Impact: number[];
  readonly cost: number;
}

export interface PlannedTrade {
  readonly instrument: FuturesInstrument;
  /** Negative = sell. */
  readonly contracts: number;
  /** DV01 added, money per bp. */
  readonly dv01Impact: number;
  readonly krDv01Impact: number[];
  /** |contracts| × face × price/100, money. */
  readonly notional: number;
  /** Initial margin, money; NaN when not given. */
  readonly margin: number;
  /** Half bid/ask plus commission, money. */
  readonly cost: number;
}

export interface HedgePlan {
  readonly mode: HedgePlanInput["mode"];
  readonly keys: string[];
  readonly trades: PlannedTrade[];
  readonly swaps: PlannedSwap[];
  readonly before: number[];
  readonly target: number[];
  readonly after: number[];
  readonly dv01After: number;
  readonly notional: number;
  readonly margin: number;
  readonly cost: number;
  /** SPEC S8 warnings: leverage, net short. */
  readonly warnings: string[];
  /** Option trades (empty without candidates), gamma and vega after, and the expiries to act on. */
  readonly options?: PlannedOption[];
  readonly gammaAfter?: number;
  readonly vegaAfter?: number;
  readonly expiries?: { readonly date: number; readonly action: string }[];
}

/** Running spread charged per unit of swap notional, in basis points of its DV01. */
export const SWAP_COST_BP = 0.25;

/** SOFR OIS swaps per 1,000,000 received fixed, on the swap curve, at the portfolio's keys. */
function swapInstruments(input: HedgePlanInput, keysMonths: readonly number[]): SwapInstrument[] {
  if (!input.swapTenors?.length) return [];
  const swaps = swapMarket(input.market);
  return input.swapTenors.map((months) => {
    const r = swapRisk(
      swaps.curve,
      swaps.settlement,
      { months, notional: SWAP_UNIT, payFixed: false },
      swaps.interpolation,
      keysMonths,
      swaps.bumpBp
    );
    return {
      kind: "swap",
      months,
      symbol: `SOFR ${tenorLabel(months)}`,
      fixedRate: r.fixedRate,
      krDv01: Array.from(r.krDv01),
      dv01: r.dv01,
    };
  });
}

/** Money cost of trading one contract: half a tick of price plus the commission. */
export function costPerContract(
  contract: FuturesContract,
  commission = DEFAULT_COMMISSION
): number {
  return (contract.tick * contract.face) / 100 / 2 + commission;
}

/** The option part of a plan: trades, greeks after, and the expiries in date order. */
function optionSummary(
  planned: PlannedOption[],
  result: { gammaAfter?: number; vegaAfter?: number }
): Pick<HedgePlan, "options" | "gammaAfter" | "vegaAfter" | "expiries"> {
  return {
    options: planned,
    ...(result.gammaAfter !== undefined ? { gammaAfter: result.gammaAfter } : {}),
    ...(result.vegaAfter !== undefined ? { vegaAfter: result.vegaAfter } : {}),
    expiries: planned
      .map((p) => ({
        date: p.instrument.expiry,
        action: `${p.instrument.position.kind === "capfloor" ? "starts" : "expires"}: ${p.instrument.symbol} (${p.units > 0 ? "bought" : "sold"} ${Math.abs(p.units)} ${p.instrument.integer ? "contracts" : "× 1,000,000"}) — exercise, roll or replace the convexity`,
      }))
      .sort((a, b) => a.date - b.date),
  };
}

/** Sizes and costs the hedge. */
export async function planHedge(input: HedgePlanInput, highs?: Highs): Promise<HedgePlan> {
  const keysMonths = input.market.keysMonths;
  const instruments = input.contracts.map((c) =>
    futuresInstrument(c, input.market, {
      futuresPrice: input.futuresPrices?.[c.code],
      universe: input.universe,
      repo: input.repo,
    })
  );
  const commission = input.commission ?? DEFAULT_COMMISSION;
  const swaps = swapInstruments(input, keysMonths);
  const options = input.options?.length
    ? optionInstruments(input.options, input.market, commission)
    : [];
  const result = await optimiseHedge(
    {
      mode: input.mode,
      keys: keysMonths.map(tenorLabel),
      portfolio: input.portfolio,
      target: input.target,
      instruments: instruments
        .map((f) => ({
          name: f.symbol,
          krDv01: f.krDv01,
          notional: (f.contract.face * f.price) / 100,
          cost: costPerContract(f.contract, commission),
        }))
        .concat(
          swaps.map((w) => ({
            name: w.symbol,
            krDv01: w.krDv01,
            notional: 0,
            cost: SWAP_COST_BP * Math.abs(w.dv01),
            integer: false,
          }))
        )
        .concat(
          options.map((o) => ({
            name: o.symbol,
            krDv01: o.krDv01,
            notional: 0,
            cost: o.cost,
            integer: o.integer,
            gamma: o.gamma,
            vega: o.vega,
          }))
        ),
      portfolioValue: input.portfolioValue,
      leverageCap: input.leverageCap,
      allowNetShort: input.allowNetShort,
      gamma: input.gamma,
      vega: input.vega,
    },
    highs
  );
  const trades: PlannedTrade[] = result.trades
    .slice(0, instruments.length)
    .map((t, j) => ({ t, f: instruments[j] }))
    .filter(({ t }) => t.contracts !== 0)
    .map(({ t, f }) => ({
      instrument: f,
      contracts: t.contracts,
      dv01Impact: t.dv01Impact,
      krDv01Impact: t.krDv01Impact,
      notional: (Math.abs(t.contracts) * f.contract.face * f.price) / 100,
      margin: Math.abs(t.contracts) * (input.initialMargin?.[f.contract.code] ?? NaN),
      cost: Math.abs(t.contracts) * costPerContract(f.contract, commission),
    }));
  const plannedSwaps: PlannedSwap[] = swaps
    .map((w, j) => ({ w, t: result.trades[instruments.length + j] }))
    .filter(({ t }) => Math.abs(t.contracts) > 1e-9)
    .map(({ w, t }) => ({
      instrument: w,
      units: t.contracts,
      dv01Impact: t.dv01Impact,
      krDv01Impact: t.krDv01Impact,
      cost: Math.abs(t.contracts) * SWAP_COST_BP * Math.abs(w.dv01),
    }));
  const first = instruments.length + swaps.length;
  const plannedOptions: PlannedOption[] = options
    .map((o, j) => ({ o, t: result.trades[first + j] }))
    .filter(({ t }) => Math.abs(t.contracts) > 1e-9)
    .map(({ o, t }) => ({
      instrument: o,
      units: t.contracts,
      premium: t.contracts * o.premium,
      dv01Impact: t.dv01Impact,
      krDv01Impact: t.krDv01Impact,
      gammaImpact: t.gammaImpact,
      vegaImpact: t.vegaImpact,
      theta: t.contracts * o.theta,
      cost: Math.abs(t.contracts) * o.cost,
    }));
  const notional = trades.reduce((a, t) => a + t.notional, 0);
  const warnings: string[] = [];
  const leverage = notional / input.portfolioValue;
  if (leverage > 0.2)
    warnings.push(
      `futures notional is ${(leverage * 100).toFixed(1)}% of portfolio value (SPEC S8 warns above 20–30%)`
    );
  if (result.dv01After < 0) warnings.push("the hedge leaves the portfolio net short duration");
  if (plannedSwaps.length)
    warnings.push(
      "swaps hedge on the SOFR curve: the Treasury–swap basis stays open as a residual risk"
    );
  return {
    mode: input.mode,
    keys: keysMonths.map(tenorLabel),
    trades,
    swaps: plannedSwaps,
    before: result.before,
    target: result.target,
    after: result.after,
    dv01After: result.dv01After,
    notional,
    margin: trades.reduce((a, t) => a + t.margin, 0),
    cost:
      trades.reduce((a, t) => a + t.cost, 0) +
      plannedSwaps.reduce((a, t) => a + t.cost, 0) +
      plannedOptions.reduce((a, t) => a + t.cost, 0),
    warnings,
    ...(options.length ? optionSummary(plannedOptions, result) : {}),
  };
}
