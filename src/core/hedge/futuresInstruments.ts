/**
 * Treasury futures as hedge instruments on a curve: for each contract, its front month, the
 * cheapest-to-deliver from the bundled deliverable universe priced on the curve (or one given), the
 * conversion factor, and its key-rate DV01s per contract — the rows the optimiser sizes with.
 *
 * The futures price follows the CTD's forward clean price ÷ CF (delivery options ignored, and said
 * so). Each figure reprices that forward on the same shifted curves as the portfolio's KRDs (par
 * or zero shifts): the CTD's dirty price with its Z-spread held, carried to delivery at the repo,
 * where the repo keeps its spread to the curve's own rate to delivery and so moves with the short
 * end. KR DV01_k (money per bp per contract held long) = (F(−1 bp at key k) − F(+1 bp))/2 × face/100
 * ÷ CF; their sum is the futures' forward DV01 (SPEC S4).
 */
import { allocateTerms, schedules, setTerms } from "../bond";
import {
  cashFlowGrid,
  CurveRiskOptions,
  CurveSpec,
  DEFAULT_KEYS_MONTHS,
  discountGrid,
  priceOnGrid,
  scenarioCurves,
  solveZSpread,
  tenorTime,
  ZeroCurve,
} from "../curve";
import { contractDates, ContractDates } from "../futures/calendar";
import { contractSymbol, DeliveryMonth, FuturesContract } from "../futures/contracts";
import { bondBasis } from "../futures/basis";
import { CtdBond, curveRepo, defaultCtd, defaultDeliveryMonth } from "../scenarios/hedges";
import { NoSolutionError } from "../errors";

export interface FuturesInstrument {
  readonly contract: FuturesContract;
  readonly month: DeliveryMonth;
  /** e.g. "ZNH5". */
  readonly symbol: string;
  readonly ctd: CtdBond;
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

export interface FuturesInstrumentOptions extends CurveRiskOptions {
  /** Contract month; default the first whose roll date is after settlement. */
  readonly month?: DeliveryMonth;
  /** The CTD; default the bundled universe's, priced on the curve. */
  readonly ctd?: CtdBond;
  /** Repo, decimal ACT/360; default the curve's to delivery. */
  readonly repo?: number;
  /** Futures price per 100 (picks the CTD, sets the notional); default theoretical. */
  readonly futuresPrice?: number;
}

/** A futures contract ready for sizing against a curve at a settlement date. */
export function futuresInstrument(
  contract: FuturesContract,
  settlement: number,
  spec: CurveSpec,
  options: FuturesInstrumentOptions
): FuturesInstrument {
  const month = options.month ?? defaultDeliveryMonth(settlement);
  const dates = contractDates(contract, month);
  const delivery = dates.lastDeliveryDay;
  const keysMonths = options.keysMonths ?? DEFAULT_KEYS_MONTHS;
  const curves = scenarioCurves(
    spec,
    settlement,
    options,
    Float64Array.from(keysMonths, (m) => tenorTime(settlement, m))
  );
  const base = curves[0];
  const repo = options.repo ?? curveRepo(base, delivery);
  const ctd = options.ctd ?? defaultCtd(contract, month, base, repo, options.futuresPrice);

  // The CTD's cash flows and Z-spread over the base curve, held in every scenario.
  const terms = allocateTerms(1);
  setTerms(terms, 0, {
    settlement,
    maturity: ctd.maturity,
    rate: ctd.coupon,
    frequency: 2,
    basis: 1,
  });
  const sched = schedules(terms);
  const grid = cashFlowGrid(settlement, terms, sched.n, () => sched.n[0] > 0);
  const z = solveZSpread(
    grid,
    discountGrid(base, grid.dates),
    0,
    ctd.cleanPrice + sched.accrued[0]
  );
  if (!Number.isFinite(z)) {
    throw new NoSolutionError(
      `${contractSymbol(contract, month)}: no Z-spread reprices its CTD at ${ctd.cleanPrice}`,
      ctd.cleanPrice,
      "ctd_price"
    );
  }
  const weighted = grid.amount.map((a, j) => a * Math.exp(-z * grid.time[j]));
  const baseRepo = curveRepo(base, delivery);
  const forward = (curve: ZeroCurve) => {
    const dirty = priceOnGrid(
      grid,
      weighted,
      discountGrid(curve, grid.dates),
      new Float64Array(1)
    )[0];
    const r = repo + curveRepo(curve, delivery) - baseRepo;
    return bondBasis(
      contract,
      month,
      { coupon: ctd.coupon, maturity: ctd.maturity, cleanPrice: dirty - sched.accrued[0] },
      settlement,
      r,
      undefined,
      delivery
    );
  };
  const at = forward(base);
  const perPoint = contract.face / 100 / at.conversionFactor;
  const dv01Of = (down: ZeroCurve, up: ZeroCurve) =>
    ((forward(down).forwardClean - forward(up).forwardClean) / 2) * perPoint;
  return {
    contract,
    month,
    symbol: contractSymbol(contract, month),
    ctd,
    conversionFactor: at.conversionFactor,
    repo,
    price: options.futuresPrice ?? at.forwardClean / at.conversionFactor,
    dates,
    krDv01: keysMonths.map((_, k) => dv01Of(curves[3 + 2 * k], curves[4 + 2 * k])),
    dv01: dv01Of(curves[1], curves[2]),
  };
}
