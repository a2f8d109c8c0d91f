/**
 * Treasury futures as hedge instruments on a market: for each contract, its front month, the
 * cheapest-to-deliver from the bundled deliverable universe priced on the curve (or one given), the
 * conversion factor, and its key-rate DV01s per contract — the rows the optimiser sizes with.
 *
 * Prices come from the futures engine (engines/treasuryFuture.ts); each figure reprices the
 * futures on the same ladder of shifted curves as the portfolio's KRDs (risk/ladder.ts).
 * KR DV01_k (money per bp per contract held long) = (F(−1 bp at key k) − F(+1 bp))/2 × face/100;
 * their sum is the futures' forward DV01 (SPEC S4).
 */
import { contractDates, ContractDates } from "../futures/calendar";
import { contractSymbol, DeliveryMonth, FuturesContract } from "../futures/contracts";
import { TreasuryBond } from "../futures/universe";
import { CurveMarket, baseCurve } from "../market/market";
import { ladderCurves } from "../risk/ladder";
import {
  calibrateFutures,
  CtdBond,
  curveRepo,
  defaultCtd,
  defaultDeliveryMonth,
} from "../engines/treasuryFuture";

export interface FuturesInstrument {
  readonly contract: FuturesContract;
  readonly month: DeliveryMonth;
  /** e.g. "ZNH5". */
  readonly symbol: string;
  readonly ctd: CtdBond;
  /** Where the CTD came from. */
  readonly ctdSource: "input" | "bundled universe" | "universe given" | "synthetic";
  readonly conversionFactor: number;
  /** Repo to delivery, decimal ACT/360 (default: the curve's). */
  readonly repo: number;
  /** Futures price per 100: the one given, or the theoretical CTD forward clean ÷ CF. */
  readonly price: number;
  readonly dates: ContractDates;
  /** KR DV01 per contract held long, money per bp, one per key. */
  readonly krDv01: number[];
  /** Forward DV01 per contract from a parallel shift, money per bp. */
  readonly dv01: number;
}

export interface FuturesInstrumentOptions {
  /** Contract month; default the first whose roll date is after settlement. */
  readonly month?: DeliveryMonth;
  /** The CTD; default the bundled universe's, priced on the curve. */
  readonly ctd?: CtdBond;
  /** Repo, decimal ACT/360; default the curve's to delivery. */
  readonly repo?: number;
  /** Futures price per 100 (picks the CTD, sets the notional); default theoretical. */
  readonly futuresPrice?: number;
  /** Treasuries the CTD is chosen from; default the bundled universe (CME's table). */
  readonly universe?: readonly TreasuryBond[];
}

/** A futures contract ready for sizing on a market. */
export function futuresInstrument(
  contract: FuturesContract,
  market: CurveMarket,
  options: FuturesInstrumentOptions = {}
): FuturesInstrument {
  const month = options.month ?? defaultDeliveryMonth(market.settlement);
  const dates = contractDates(contract, month);
  const curves = ladderCurves(market);
  const base = baseCurve(market);
  const repo = options.repo ?? curveRepo(base, dates.lastDeliveryDay);
  const ctd =
    options.ctd ?? defaultCtd(contract, month, base, repo, options.futuresPrice, options.universe);
  const priced = calibrateFutures([{ contract, month, ctd, repo }], base);
  const perPoint = contract.face / 100;
  const dv01Of = (k: number) =>
    ((priced.price(curves[k])[0] - priced.price(curves[k + 1])[0]) / 2) * perPoint;
  return {
    contract,
    month,
    symbol: contractSymbol(contract, month),
    ctd,
    ctdSource: options.ctd
      ? "input"
      : ctd.synthetic
        ? "synthetic"
        : options.universe
          ? "universe given"
          : "bundled universe",
    conversionFactor: priced.conversionFactor[0],
    repo,
    price: options.futuresPrice ?? priced.basePrice[0],
    dates,
    krDv01: market.keysMonths.map((_, k) => dv01Of(3 + 2 * k)),
    dv01: dv01Of(1),
  };
}
