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
import { CurveMarket, baseCurve } from "../market/market";
import { ladderCurves } from "../risk/ladder";
import {
  calibrateFutures,
  CtdBond,
  FuturesChoices,
  resolveFuturesTerms,
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

/** What the instrument leaves to the defaults: month, CTD, repo, futures price, universe. */
export type FuturesInstrumentOptions = FuturesChoices;

/** A futures contract ready for sizing on a market. */
export function futuresInstrument(
  contract: FuturesContract,
  market: CurveMarket,
  options: FuturesInstrumentOptions = {}
): FuturesInstrument {
  const curves = ladderCurves(market);
  const base = baseCurve(market);
  const terms = resolveFuturesTerms(contract, base, options);
  const { month, ctd, repo } = terms;
  const dates = contractDates(contract, month);
  const priced = calibrateFutures([terms], base);
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
