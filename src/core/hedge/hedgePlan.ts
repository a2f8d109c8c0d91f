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
 */
import { CurveRiskOptions, CurveSpec, tenorLabel, DEFAULT_KEYS_MONTHS } from "../curve";
import { FuturesContract } from "../futures/contracts";
import { futuresInstrument, FuturesInstrument } from "./futuresInstruments";
import { HedgeMode, optimiseHedge } from "./optimiser";
import type { Highs } from "highs";

/** Default commission per contract traded, money (an assumption to replace). */
export const DEFAULT_COMMISSION = 2;

export interface HedgePlanInput {
  readonly mode: Exclude<HedgeMode, "single">;
  readonly settlement: number;
  readonly spec: CurveSpec;
  readonly curveOptions: CurveRiskOptions;
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
  readonly before: number[];
  readonly target: number[];
  readonly after: number[];
  readonly dv01After: number;
  readonly notional: number;
  readonly margin: number;
  readonly cost: number;
  /** SPEC S8 warnings: leverage, net short. */
  readonly warnings: string[];
}

/** Money cost of trading one contract: half a tick of price plus the commission. */
export function costPerContract(
  contract: FuturesContract,
  commission = DEFAULT_COMMISSION
): number {
  return (contract.tick * contract.face) / 100 / 2 + commission;
}

/** Sizes and costs the hedge. */
export async function planHedge(input: HedgePlanInput, highs?: Highs): Promise<HedgePlan> {
  const keysMonths = input.curveOptions.keysMonths ?? DEFAULT_KEYS_MONTHS;
  const instruments = input.contracts.map((c) =>
    futuresInstrument(c, input.settlement, input.spec, input.curveOptions)
  );
  const commission = input.commission ?? DEFAULT_COMMISSION;
  const result = await optimiseHedge(
    {
      mode: input.mode,
      keys: keysMonths.map(tenorLabel),
      portfolio: input.portfolio,
      target: input.target,
      instruments: instruments.map((f) => ({
        name: f.symbol,
        krDv01: f.krDv01,
        notional: (f.contract.face * f.price) / 100,
        cost: costPerContract(f.contract, commission),
      })),
      portfolioValue: input.portfolioValue,
      leverageCap: input.leverageCap,
      allowNetShort: input.allowNetShort,
    },
    highs
  );
  const trades: PlannedTrade[] = result.trades
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
  const notional = trades.reduce((a, t) => a + t.notional, 0);
  const warnings: string[] = [];
  const leverage = notional / input.portfolioValue;
  if (leverage > 0.2)
    warnings.push(
      `futures notional is ${(leverage * 100).toFixed(1)}% of portfolio value (SPEC S8 warns above 20–30%)`
    );
  if (result.dv01After < 0) warnings.push("the hedge leaves the portfolio net short duration");
  return {
    mode: input.mode,
    keys: keysMonths.map(tenorLabel),
    trades,
    before: result.before,
    target: result.target,
    after: result.after,
    dv01After: result.dv01After,
    notional,
    margin: trades.reduce((a, t) => a + t.margin, 0),
    cost: trades.reduce((a, t) => a + t.cost, 0),
    warnings,
  };
}
