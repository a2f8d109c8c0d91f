/**
 * The Treasury futures engine: the futures price follows the cheapest-to-deliver's forward clean
 * price ÷ its conversion factor (SPEC S4; delivery options ignored, and said so).
 *
 * The CTD is priced by the fixed-bond engine with its own Z-spread held (solved from its clean
 * price on the unshocked curve) and carried to the last delivery day with basis.ts (`bondBasis`:
 * financed at repo, coupons reinvested). On a moved curve the repo keeps its spread to the curve's
 * own simple ACT/360 rate to delivery, so a parallel move shifts the forward by the CTD's forward
 * DV01, as the futures DV01 assumes. The CTD is held fixed on every curve (no CTD switch).
 *
 * Defaults: contract month the first quarterly month whose roll date (5 business days before first
 * notice) is after settlement; CTD the bundled universe's deliverable with the highest implied repo
 * against the theoretical futures price, each priced on the curve with Z = 0; repo the simple
 * ACT/360 rate implied by the curve's discount factor to delivery.
 */
import { allocateTerms, BondTerms, setTerms } from "../bond";
import { TREASURY_BASIS, TREASURY_FREQUENCY } from "../conventions";
import { ZeroCurve } from "../curve/zeroCurve";
import { addMonths, ymdFromSerial } from "../dates";
import { NoSolutionError } from "../errors";
import { parYieldOf } from "../curve/bootstrap";
import { maturityWindow } from "../futures/deliverable";
import { basisAnalysis, bondBasis } from "../futures/basis";
import { lastDeliveryDay, rollDate } from "../futures/calendar";
import { contractSymbol, DeliveryMonth, FuturesContract } from "../futures/contracts";
import { defaultUniverse, deliverableBasket, TreasuryBond } from "../futures/universe";
import { calibrateFixedBonds, fixedBondBook } from "./fixedBond";

/** Method text of the futures figures. */
export const FUTURES_METHOD =
  "CTD forward clean ÷ conversion factor (CTD Z-spread held, repo moving with the curve; delivery options ignored)";

/** A Treasury's terms and clean price per 100 at settlement. */
export interface CtdBond {
  /** CUSIP when known (the universe's). */
  readonly cusip?: string;
  /**
   * True for the stand-in used when the universe has no deliverable for the month: a bond in the
   * deliverable window at the curve's par coupon.
   */
  readonly synthetic?: boolean;
  readonly coupon: number;
  readonly maturity: number;
  readonly cleanPrice: number;
}

/** A futures position's pricing terms, every default resolved. */
export interface FuturesTerms {
  readonly contract: FuturesContract;
  readonly month: DeliveryMonth;
  readonly ctd: CtdBond;
  /** Repo to delivery, decimal, simple ACT/360. */
  readonly repo: number;
}

/** Futures calibrated on a base curve, priced on any curve. */
export interface PricedFutures {
  readonly terms: readonly FuturesTerms[];
  readonly conversionFactor: Float64Array;
  /** Last delivery day of each, Excel serial. */
  readonly delivery: Float64Array;
  /** Theoretical futures price per 100 on the base curve. */
  readonly basePrice: Float64Array;
  /** Futures prices per 100 on `curve`. */
  price(curve: ZeroCurve): Float64Array;
}

/** Kernel terms of Treasuries (semiannual, actual/actual) settling on `settlement`. */
export function treasuryTerms(
  settlement: number,
  bonds: readonly { coupon: number; maturity: number }[]
): BondTerms {
  const terms = allocateTerms(bonds.length);
  bonds.forEach((b, i) =>
    setTerms(terms, i, {
      settlement,
      maturity: b.maturity,
      rate: b.coupon,
      frequency: TREASURY_FREQUENCY,
      basis: TREASURY_BASIS,
    })
  );
  return terms;
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

/** Name of the stand-in CTD, said wherever it is used. */
export const SYNTHETIC_CTD = "synthetic CTD — supply a Treasury universe";

/**
 * The stand-in CTD of a month the universe has no deliverable for: a bond maturing in the middle
 * of the contract's deliverable window (its lower bound plus a year when the window is open-ended),
 * paying the curve's Treasury par yield at that maturity, priced at par on the curve.
 */
export function syntheticCtd(
  contract: FuturesContract,
  month: DeliveryMonth,
  curve: ZeroCurve
): CtdBond {
  const w = maturityWindow(contract, month);
  const maturity = Math.round(Number.isFinite(w.max) ? (w.min + w.max) / 2 : w.min + 365);
  const months = Math.max(1, Math.round(((maturity - curve.settlement) / 365.25) * 12));
  const coupon = Math.round(parYieldOf(curve, months, "treasury") * 8e4) / 8e4;
  const terms = treasuryTerms(curve.settlement, [{ coupon, maturity }]);
  const book = fixedBondBook(curve.settlement, terms, new Float64Array(1), curve);
  return {
    cusip: SYNTHETIC_CTD,
    synthetic: true,
    coupon,
    maturity,
    cleanPrice: book.dirty[0] - book.accrued[0],
  };
}

/**
 * The default CTD of a contract month: the universe's deliverable (default the bundled one, CME's
 * table) with the highest implied repo at the futures price given (default: the theoretical one),
 * each at the universe's clean price for the curve's settlement when it gives one, else priced on
 * the curve with Z = 0; the synthetic CTD when the universe has none for the month.
 */
export function defaultCtd(
  contract: FuturesContract,
  month: DeliveryMonth,
  curve: ZeroCurve,
  repo: number,
  futuresPrice?: number,
  universe: readonly TreasuryBond[] = defaultUniverse()
): CtdBond {
  const basket = deliverableBasket(contract, month, universe).filter(
    (b) => b.issue <= curve.settlement
  );
  if (!basket.length) return syntheticCtd(contract, month, curve);
  const terms = treasuryTerms(curve.settlement, basket);
  const book = fixedBondBook(curve.settlement, terms, new Float64Array(basket.length), curve);
  // The universe's own prices where it gives them for this settlement, else the curve's.
  const clean = Array.from(book.dirty, (p, i) =>
    basket[i].cleanPrice !== undefined && basket[i].pricedAt === curve.settlement
      ? basket[i].cleanPrice
      : p - book.accrued[i]
  );
  const a = basisAnalysis({
    contract,
    month,
    settlement: curve.settlement,
    repo,
    futuresPrice,
    coupons: Float64Array.from(basket, (b) => b.coupon),
    maturities: Float64Array.from(basket, (b) => b.maturity),
    cleanPrices: Float64Array.from(clean),
  });
  const ctd = basket[a.ctd];
  return { cusip: ctd.cusip, coupon: ctd.coupon, maturity: ctd.maturity, cleanPrice: clean[a.ctd] };
}

/** What a futures position may leave to the defaults (see the file comment). */
export interface FuturesChoices {
  /** Contract month; default the first whose roll date is after settlement. */
  readonly month?: DeliveryMonth;
  /** The CTD; default the universe's, priced on the curve. */
  readonly ctd?: CtdBond;
  /** Repo, decimal ACT/360; default the curve's to delivery. */
  readonly repo?: number;
  /** Futures price per 100 (picks the CTD); default theoretical. */
  readonly futuresPrice?: number;
  /** Treasuries the CTD is chosen from; default the bundled universe (CME's table). */
  readonly universe?: readonly TreasuryBond[];
}

/** A futures position's terms with every default resolved on the base curve. */
export function resolveFuturesTerms(
  contract: FuturesContract,
  base: ZeroCurve,
  choices: FuturesChoices = {}
): FuturesTerms {
  const month = choices.month ?? defaultDeliveryMonth(base.settlement);
  const repo = choices.repo ?? curveRepo(base, lastDeliveryDay(contract, month));
  const ctd =
    choices.ctd ?? defaultCtd(contract, month, base, repo, choices.futuresPrice, choices.universe);
  return { contract, month, ctd, repo };
}

/**
 * Calibrates futures on the base curve: each CTD's Z-spread from its clean price.
 * @throws NoSolutionError when no Z-spread reprices a CTD.
 */
export function calibrateFutures(futures: readonly FuturesTerms[], base: ZeroCurve): PricedFutures {
  const settlement = base.settlement;
  const ctds = futures.map((f) => f.ctd);
  const book = calibrateFixedBonds(
    settlement,
    treasuryTerms(settlement, ctds),
    ctds.map((c) => c.cleanPrice),
    base
  );
  futures.forEach((f, i) => {
    if (!Number.isFinite(book.spread[i]))
      throw new NoSolutionError(
        `${contractSymbol(f.contract, f.month)}: no Z-spread reprices its CTD at ${f.ctd.cleanPrice}`,
        f.ctd.cleanPrice,
        "ctd_price"
      );
  });
  const delivery = Float64Array.from(futures, (f) => lastDeliveryDay(f.contract, f.month));
  const baseRepo = Float64Array.from(delivery, (d) => curveRepo(base, d));
  const conversionFactor = new Float64Array(futures.length);
  const price = (curve: ZeroCurve) => {
    const dirty = book.price(curve);
    return Float64Array.from(futures, (f, i) => {
      const b = bondBasis(
        f.contract,
        f.month,
        { ...f.ctd, cleanPrice: dirty[i] - book.accrued[i] },
        settlement,
        f.repo + curveRepo(curve, delivery[i]) - baseRepo[i],
        undefined,
        delivery[i]
      );
      conversionFactor[i] = b.conversionFactor;
      return b.forwardClean / b.conversionFactor;
    });
  };
  const basePrice = price(base);
  return { terms: futures, conversionFactor, delivery, basePrice, price };
}
