/**
 * Hedges under scenarios (SPEC S7): Treasury futures through their CTD and conversion factor, and
 * SOFR OIS swaps on a swap curve, each fully revalued on the shocked curves.
 *
 * Futures, per contract: P&L = (F_s − F₀) × face/100 with F = (CTD forward clean price) ÷ CF —
 * the futures price tracks the CTD's forward price over its conversion factor (SPEC S4). The CTD
 * is repriced on the shocked Treasury curve with its own Z-spread held (Z solved from its clean
 * price on the unshocked curve), and carried to the delivery date with basis.ts (`bondBasis`:
 * financed at repo, coupons reinvested). The repo moves with the curve: under a scenario it is the
 * repo plus the change of the simple ACT/360 rate the curve implies to delivery (so a parallel
 * move shifts the forward by the CTD's forward DV01, as the futures DV01 assumes). The CTD is held
 * fixed across scenarios (no CTD switch). Defaults: delivery month the first quarterly month whose roll date (5 business days
 * before first notice) is after settlement; CTD the bundled universe's deliverable with the
 * highest implied repo against the theoretical futures price, each priced on the curve with Z = 0;
 * repo the simple ACT/360 rate implied by the curve's discount factor to delivery.
 *
 * Swaps: value on the shocked swap curve − value on the unshocked one, at a fixed rate (given, or
 * the par rate at settlement). The swap curve's par rates move with the Treasury rate profile at
 * their own tenors plus the scenario's swap-spread shock, and are re-bootstrapped. Without a swap
 * curve, swaps are priced on the Treasury zero curve itself (the SOFR OIS par rates it implies: a
 * zero swap spread).
 *
 * Money is USD; quantities are signed: contracts > 0 long (buy), < 0 short (sell); swaps carry
 * their direction (pay fixed shortens duration).
 */
import { allocateTerms, schedules, setTerms } from "../bond";
import {
  buildCurve,
  cashFlowGrid,
  CurveSpec,
  discountGrid,
  Interpolation,
  parYieldOf,
  priceOnGrid,
  solveZSpread,
  ZeroCurve,
} from "../curve";
import { addMonths, isoFromSerial, ymdFromSerial } from "../dates";
import { MissingValueError, NoSolutionError } from "../errors";
import { basisAnalysis, bondBasis } from "../futures/basis";
import { lastDeliveryDay, rollDate } from "../futures/calendar";
import { contractSymbol, DeliveryMonth, FuturesContract } from "../futures/contracts";
import { defaultUniverse, deliverableBasket } from "../futures/universe";
import { OisSwap, swapValue } from "../swaps/ois";
import { spreadWeighted } from "./revalue";
import { shockedCurve, ShiftProfile } from "./shapes";

/** A Treasury's terms and clean price per 100 at settlement. */
export interface CtdBond {
  readonly coupon: number;
  readonly maturity: number;
  readonly cleanPrice: number;
}

export interface FuturesHedge {
  readonly kind: "futures";
  readonly contract: FuturesContract;
  /** Default: see the file comment. */
  readonly month?: DeliveryMonth;
  /** Signed: > 0 long (buy), < 0 short (sell). */
  readonly contracts: number;
  readonly ctd?: CtdBond;
  /** Repo, decimal, simple ACT/360. */
  readonly repo?: number;
}

export interface SwapHedge {
  readonly kind: "swap";
  readonly swap: OisSwap;
}

export type Hedge = FuturesHedge | SwapHedge;

/** A futures hedge with every default resolved. */
interface PreparedFutures {
  readonly hedge: FuturesHedge;
  readonly month: DeliveryMonth;
  readonly ctd: CtdBond;
  readonly repo: number;
  /** The curve-implied repo to delivery on the unshocked curve (repo moves by its change). */
  readonly curveRepo: number;
  readonly delivery: number;
  readonly cf: number;
  readonly basePrice: number;
}

/** Hedges prepared once for any number of scenarios. */
export interface HedgeBook {
  readonly settlement: number;
  readonly spec: CurveSpec;
  readonly swapSpec: CurveSpec;
  readonly interpolation: Interpolation;
  readonly hedges: readonly Hedge[];
  /** A label per hedge: "ZNM5 ×−120 (CTD 4.25% 2032-02-15)", "SOFR 10Y pay fixed 50,000,000". */
  readonly labels: readonly string[];
  /** Futures (index into hedges → prepared), CTDs on one grid. */
  readonly futures: ReadonlyMap<number, PreparedFutures>;
  readonly ctdPriceOn: (curve: ZeroCurve) => Float64Array;
  readonly ctdAccrued: Float64Array;
  /** Swap fixed rates used (par at settlement when not given), by hedge index. */
  readonly fixedRates: ReadonlyMap<number, number>;
}

/** The first quarterly contract month whose roll date is after `settlement`. */
export function defaultDeliveryMonth(settlement: number): DeliveryMonth {
  const d = ymdFromSerial(settlement);
  let month = { y: d.y, m: Math.ceil(d.m / 3) * 3 };
  while (rollDate(month) <= settlement) {
    const next = addMonths({ y: month.y, m: month.m, d: 1 }, 3);
    month = { y: next.y, m: next.m };
  }
  return month;
}

/** Simple ACT/360 rate implied by a curve's discount factor from settlement to `date`. */
export function curveRepo(curve: ZeroCurve, date: number): number {
  const days = date - curve.settlement;
  return ((1 / curve.discount(days / 365) - 1) * 360) / days;
}

/** Dirty price per 100 of Treasuries (semiannual, ACT/ACT) on a curve with Z-spread 0. */
function onCurveClean(curve: ZeroCurve, coupons: number[], maturities: number[]): number[] {
  const terms = allocateTerms(coupons.length);
  coupons.forEach((c, i) =>
    setTerms(terms, i, {
      settlement: curve.settlement,
      maturity: maturities[i],
      rate: c,
      frequency: 2,
      basis: 1,
    })
  );
  const sched = schedules(terms);
  const grid = cashFlowGrid(curve.settlement, terms, sched.n, (i) => sched.n[i] > 0);
  const dirty = priceOnGrid(
    grid,
    grid.amount,
    discountGrid(curve, grid.dates),
    new Float64Array(coupons.length)
  );
  return Array.from(dirty, (p, i) => p - sched.accrued[i]);
}

/**
 * The default CTD of a contract month: the bundled universe's deliverable with the highest implied
 * repo at the futures price given (default: the theoretical one), priced on the curve with Z = 0.
 * @throws MissingValueError when the bundled universe has no deliverable for the month.
 */
export function defaultCtd(
  contract: FuturesContract,
  month: DeliveryMonth,
  curve: ZeroCurve,
  repo: number,
  futuresPrice?: number
): CtdBond {
  const basket = deliverableBasket(contract, month, defaultUniverse()).filter(
    (b) => b.issue <= curve.settlement
  );
  if (!basket.length) {
    throw new MissingValueError(
      `hedges: the bundled Treasury universe has no ${contractSymbol(contract, month)} deliverable; give ctd_coupon, ctd_maturity and ctd_price`,
      contract.code,
      "hedges"
    );
  }
  const coupons = basket.map((b) => b.coupon);
  const maturities = basket.map((b) => b.maturity);
  const clean = onCurveClean(curve, coupons, maturities);
  const a = basisAnalysis({
    contract,
    month,
    settlement: curve.settlement,
    repo,
    futuresPrice,
    coupons: Float64Array.from(coupons),
    maturities: Float64Array.from(maturities),
    cleanPrices: Float64Array.from(clean),
  });
  return { coupon: coupons[a.ctd], maturity: maturities[a.ctd], cleanPrice: clean[a.ctd] };
}

/** The swap curve to use: the one given, or the SOFR OIS par rates the Treasury curve implies. */
export function swapSpecOf(
  spec: CurveSpec,
  swapSpec: CurveSpec | undefined,
  base: ZeroCurve
): CurveSpec {
  if (swapSpec) return swapSpec;
  return {
    kind: "sofr_ois",
    months: spec.months,
    rates: spec.months.map((m) => parYieldOf(base, m, "sofr_ois")),
  };
}

const pct = (x: number) => `${(x * 100).toFixed(3).replace(/\.?0+$/, "")}%`;

/** Prepares hedges: defaults resolved, CTD Z-spreads solved, swap fixed rates set. */
export function hedgeBook(
  hedges: readonly Hedge[],
  settlement: number,
  spec: CurveSpec,
  interpolation: Interpolation,
  swapCurve?: CurveSpec
): HedgeBook {
  const base = buildCurve(spec, settlement, interpolation);
  const swapSpec = swapSpecOf(spec, swapCurve, base);
  const swapBase = buildCurve(swapSpec, settlement, interpolation);
  const futures = new Map<number, PreparedFutures>();
  const fixedRates = new Map<number, number>();
  const labels: string[] = [];
  const ctds: CtdBond[] = [];
  const pending: [number, FuturesHedge, DeliveryMonth, CtdBond, number][] = [];
  hedges.forEach((hedge, k) => {
    if (hedge.kind === "swap") {
      const rate = hedge.swap.fixedRate ?? parYieldOf(swapBase, hedge.swap.months, "sofr_ois");
      fixedRates.set(k, rate);
      const years = hedge.swap.months % 12 ? `${hedge.swap.months}M` : `${hedge.swap.months / 12}Y`;
      labels.push(
        `SOFR ${years} ${hedge.swap.payFixed ? "pay" : "receive"} fixed ${pct(rate)} on ${hedge.swap.notional.toLocaleString("en-US")}`
      );
      return;
    }
    const month = hedge.month ?? defaultDeliveryMonth(settlement);
    const repo = hedge.repo ?? curveRepo(base, lastDeliveryDay(hedge.contract, month));
    const ctd = hedge.ctd ?? defaultCtd(hedge.contract, month, base, repo);
    pending.push([k, hedge, month, ctd, repo]);
    ctds.push(ctd);
    labels.push(
      `${contractSymbol(hedge.contract, month)} ×${hedge.contracts} (CTD ${pct(ctd.coupon)} ${isoFromSerial(ctd.maturity)})`
    );
  });
  // The CTDs on one grid, each with its Z-spread over the unshocked curve.
  const terms = allocateTerms(ctds.length);
  ctds.forEach((c, i) =>
    setTerms(terms, i, { settlement, maturity: c.maturity, rate: c.coupon, frequency: 2, basis: 1 })
  );
  const sched = schedules(terms);
  const grid = cashFlowGrid(settlement, terms, sched.n, (i) => sched.n[i] > 0);
  const dfBase = discountGrid(base, grid.dates);
  const z = Float64Array.from(ctds, (c, i) => {
    const zi = solveZSpread(grid, dfBase, i, c.cleanPrice + sched.accrued[i]);
    if (!Number.isFinite(zi))
      throw new NoSolutionError(`hedges: no Z-spread reprices the CTD of ${labels[i]}`, i);
    return zi;
  });
  const weighted = spreadWeighted(grid, z);
  const ctdPriceOn = (curve: ZeroCurve) =>
    priceOnGrid(grid, weighted, discountGrid(curve, grid.dates), new Float64Array(ctds.length));
  const baseDirty = ctdPriceOn(base);
  pending.forEach(([k, hedge, month, ctd, repo], i) => {
    const clean = baseDirty[i] - sched.accrued[i];
    const b = bondBasis(hedge.contract, month, { ...ctd, cleanPrice: clean }, settlement, repo);
    const delivery = lastDeliveryDay(hedge.contract, month);
    futures.set(k, {
      hedge,
      month,
      ctd,
      repo,
      curveRepo: curveRepo(base, delivery),
      delivery,
      cf: b.conversionFactor,
      basePrice: b.forwardClean / b.conversionFactor,
    });
  });
  return {
    settlement,
    spec,
    swapSpec,
    interpolation,
    hedges,
    labels,
    futures,
    ctdPriceOn,
    ctdAccrued: sched.accrued,
    fixedRates,
  };
}

/** Each hedge's P&L (money) under a Treasury rate profile and a swap-spread shock (bp). */
export function hedgePnl(
  book: HedgeBook,
  profile: ShiftProfile,
  swapSpreadBp: number
): Float64Array {
  const out = new Float64Array(book.hedges.length);
  const { settlement, interpolation } = book;
  if (book.futures.size) {
    const curve = shockedCurve(book.spec, settlement, interpolation, profile);
    const dirty = book.ctdPriceOn(curve);
    let i = 0;
    for (const [k, f] of book.futures) {
      const clean = dirty[i] - book.ctdAccrued[i];
      const fwd = bondBasis(
        f.hedge.contract,
        f.month,
        { ...f.ctd, cleanPrice: clean },
        settlement,
        f.repo + curveRepo(curve, f.delivery) - f.curveRepo
      ).forwardClean;
      out[k] = (f.hedge.contracts * (fwd / f.cf - f.basePrice) * f.hedge.contract.face) / 100;
      i++;
    }
  }
  if (book.fixedRates.size) {
    const base = buildCurve(book.swapSpec, settlement, interpolation);
    const moved = shockedCurve(book.swapSpec, settlement, interpolation, profile, swapSpreadBp);
    for (const [k, rate] of book.fixedRates) {
      const swap = (book.hedges[k] as SwapHedge).swap;
      out[k] = swapValue(moved, swap, rate) - swapValue(base, swap, rate);
    }
  }
  return out;
}
