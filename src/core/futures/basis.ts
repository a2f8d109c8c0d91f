/**
 * Basis, carry, implied repo and the cheapest to deliver of a Treasury futures basket (SPEC S4),
 * in array form over many deliverables (the scalar form is the array form with one bond).
 *
 * Conventions (per 100 of face; dates are Excel serials; rates decimals):
 * - Deliverables are US Treasuries: semiannual coupons, accrued interest on Excel's basis 1
 *   (actual/actual) with Excel's coupon schedule (src/core/bond), a coupon per period C = 100·c/2.
 * - Repo is a simple money-market rate on ACT/360: financing P for d days costs P·r·d/360.
 * - s = settlement, D = delivery date. Default D: the contract month's last delivery day
 *   (calendar.ts: the last business day of the contract month for ZN, TN, TWE, ZB and UB; the third
 *   business day after the last trading day for ZT, Z3N and ZF), i.e. delivery at the end of the
 *   delivery window, as the short usually delivers when carry is positive.
 * - d = D − s (actual days). Intermediate coupons are those paid on dates t with s < t ≤ D (a
 *   coupon paid on s belongs to the seller, one paid on D to the holder before delivery, as in
 *   Excel's accrued interest); d'_i = D − t_i, each reinvested at repo until D.
 *
 * With P the clean price at s, AI_s and AI_D the accrued interest at s and D, DP = P + AI_s the
 * dirty price, F the futures price and CF the conversion factor:
 *   gross basis      = P − F·CF
 *   invoice price    = F·CF + AI_D
 *   coupon income    = AI_D − AI_s + Σ C_i + Σ C_i·r·d'_i/360
 *   financing cost   = DP·r·d/360
 *   carry            = coupon income − financing cost
 *   net basis        = gross basis − carry
 *   forward dirty    = DP·(1 + r·d/360) − Σ C_i·(1 + r·d'_i/360);  forward clean = that − AI_D
 *                      (so net basis = forward clean − F·CF)
 *   implied repo     = (invoice + Σ C_i − DP) · 360 / (DP·d − Σ C_i·d'_i)
 * The implied repo is the repo rate r at which buying the bond at DP, financing it, reinvesting
 * its coupons at r and delivering it at the invoice price breaks even; without intermediate
 * coupons it is (invoice/DP − 1)·360/d. Hence net basis = (r − implied repo)·K with
 * K = (DP·d − Σ C_i·d'_i)/360 > 0: net basis is zero exactly when the implied repo equals repo.
 * The cheapest to deliver is the bond with the highest implied repo (equivalently the lowest
 * net basis per unit of K; raw net basis per 100 face can rank bonds of very different dirty
 * prices slightly differently).
 *
 * Without a futures price, the theoretical price is min over the basket of forward clean ÷ CF:
 * the delivery options (quality, timing, wild card, end of month) are ignored, which overstates
 * the fair futures price.
 */
import { couponPeriod } from "../bond/coupons";
import { allocateTerms, setTerms } from "../bond/terms";
import { schedules } from "../bond/yieldKernel";
import { isoFromSerial } from "../dates";
import { InvalidValueError, OutOfDomainError } from "../errors";
import { lastDeliveryDay } from "./calendar";
import { DeliveryMonth, FuturesContract } from "./contracts";
import { conversionFactors } from "./conversionFactor";

/** Treasuries pay twice a year and accrue on actual/actual (Excel basis 1). */
const FREQUENCY = 2;
const BASIS = 1;

/** Inputs of a basis analysis; the bond arrays have one element per deliverable. */
export interface BasisInputs {
  readonly contract: FuturesContract;
  readonly month: DeliveryMonth;
  /** Settlement date of the cash bonds (and the start of the repo), Excel serial. */
  readonly settlement: number;
  /** Delivery date, Excel serial; default the contract month's last delivery day. */
  readonly delivery?: number;
  /** Repo rate, decimal, simple ACT/360. */
  readonly repo: number;
  /** Futures price per 100 (decimal); undefined for the theoretical price. */
  readonly futuresPrice?: number;
  /** Annual coupon rates, decimals. */
  readonly coupons: Float64Array;
  /** Maturity dates, Excel serials, after the delivery date. */
  readonly maturities: Float64Array;
  /** Clean prices at settlement per 100 of face. */
  readonly cleanPrices: Float64Array;
}

/** Basis figures per deliverable (per 100 of face) and the basket's CTD. */
export interface BasisAnalysis {
  readonly settlement: number;
  readonly delivery: number;
  /** d = delivery − settlement, actual days. */
  readonly days: number;
  readonly repo: number;
  /** Futures price used, per 100. */
  readonly futuresPrice: number;
  /** "given", or "theoretical" = min forward clean ÷ CF with delivery options ignored. */
  readonly futuresPriceSource: "given" | "theoretical";
  readonly conversionFactor: Float64Array;
  readonly accruedAtSettlement: Float64Array;
  readonly accruedAtDelivery: Float64Array;
  /** Dirty price at settlement: clean + accrued. */
  readonly dirtyPrice: Float64Array;
  /** Σ C_i of coupons paid after settlement up to and including delivery. */
  readonly intermediateCoupons: Float64Array;
  /** Σ C_i·d'_i: coupon-days to delivery (for the reinvestment terms). */
  readonly couponDays: Float64Array;
  readonly grossBasis: Float64Array;
  readonly invoicePrice: Float64Array;
  readonly carry: Float64Array;
  readonly netBasis: Float64Array;
  readonly impliedRepo: Float64Array;
  /** Forward clean price at delivery financed at repo. */
  readonly forwardClean: Float64Array;
  /** K = (DP·d − Σ C_i·d'_i)/360: net basis = (repo − implied repo)·K. */
  readonly repoSensitivity: Float64Array;
  /** Index of the cheapest to deliver (highest implied repo; the first on a tie). */
  readonly ctd: number;
}

/** Coupon dates t with from < t ≤ to of a semiannual bond maturing on `maturity` (Excel schedule). */
export function couponDatesBetween(from: number, to: number, maturity: number): number[] {
  const dates: number[] = [];
  let t = from;
  while (t < maturity) {
    const next = couponPeriod(t, maturity, FREQUENCY, BASIS).ncd;
    if (next > to) break;
    dates.push(next);
    t = next;
  }
  return dates;
}

function checkInputs(inputs: BasisInputs, delivery: number): void {
  const { coupons, maturities, cleanPrices, settlement, repo, futuresPrice } = inputs;
  if (coupons.length !== maturities.length || coupons.length !== cleanPrices.length) {
    throw new InvalidValueError(
      `coupons, maturities and prices differ in length ` +
        `(${coupons.length}, ${maturities.length}, ${cleanPrices.length})`,
      coupons.length,
      "coupons"
    );
  }
  if (coupons.length === 0) {
    throw new InvalidValueError("the basket is empty: no deliverable bond", 0, "universe");
  }
  if (!(delivery > settlement)) {
    throw new OutOfDomainError(
      `settlement (${isoFromSerial(settlement)}) must be before delivery (${isoFromSerial(delivery)})`,
      settlement,
      "settlement"
    );
  }
  if (!Number.isFinite(repo) || repo <= -1) {
    throw new OutOfDomainError(
      `repo: expected a decimal rate (0.043 for 4.3%), got ${repo}`,
      repo,
      "repo"
    );
  }
  if (futuresPrice !== undefined && !(futuresPrice > 0)) {
    throw new OutOfDomainError(
      `futures_price: must be > 0 (per 100), got ${futuresPrice}`,
      futuresPrice,
      "futures_price"
    );
  }
  for (let i = 0; i < coupons.length; i++) {
    if (!(maturities[i] > delivery)) {
      throw new OutOfDomainError(
        `bond ${i + 1}: maturity must be after delivery (${isoFromSerial(delivery)})`,
        maturities[i],
        "maturity"
      );
    }
    if (!(cleanPrices[i] > 0)) {
      throw new OutOfDomainError(
        `bond ${i + 1}: clean price must be > 0 (per 100), got ${cleanPrices[i]}`,
        cleanPrices[i],
        "price"
      );
    }
  }
}

/** Accrued interest per 100 of each bond on `date` (basis 1, semiannual). */
function accruedOn(date: number, coupons: Float64Array, maturities: Float64Array): Float64Array {
  const terms = allocateTerms(coupons.length);
  for (let i = 0; i < coupons.length; i++) {
    setTerms(terms, i, {
      settlement: date,
      maturity: maturities[i],
      rate: coupons[i],
      frequency: FREQUENCY,
      basis: BASIS,
    });
  }
  return schedules(terms).accrued;
}

/**
 * Gross basis, carry, net basis, implied repo, invoice and forward prices of every deliverable,
 * and the CTD (see the file comment for the formulas).
 * @throws InvalidValueError for arrays of different lengths or an empty basket; OutOfDomainError
 * for delivery not after settlement, a maturity not after delivery, a price or futures price not
 * positive, a repo rate ≤ −1, or a coupon outside [0, 1).
 */
export function basisAnalysis(inputs: BasisInputs): BasisAnalysis {
  const { contract, month, settlement, repo, coupons, maturities, cleanPrices } = inputs;
  const delivery = inputs.delivery ?? lastDeliveryDay(contract, month);
  checkInputs(inputs, delivery);
  const n = coupons.length;
  const cf = conversionFactors(contract, month, coupons, maturities);
  const aiS = accruedOn(settlement, coupons, maturities);
  const aiD = accruedOn(delivery, coupons, maturities);
  const days = delivery - settlement;
  const dirty = new Float64Array(n);
  const cpn = new Float64Array(n);
  const cpnDays = new Float64Array(n);
  const forward = new Float64Array(n);
  const k = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    dirty[i] = cleanPrices[i] + aiS[i];
    const c = (100 * coupons[i]) / FREQUENCY;
    for (const t of couponDatesBetween(settlement, delivery, maturities[i])) {
      cpn[i] += c;
      cpnDays[i] += c * (delivery - t);
    }
    forward[i] = dirty[i] * (1 + (repo * days) / 360) - cpn[i] - (repo * cpnDays[i]) / 360 - aiD[i];
    k[i] = (dirty[i] * days - cpnDays[i]) / 360;
  }
  let futuresPrice = inputs.futuresPrice;
  const source = futuresPrice === undefined ? "theoretical" : "given";
  if (futuresPrice === undefined) {
    futuresPrice = Infinity;
    for (let i = 0; i < n; i++) futuresPrice = Math.min(futuresPrice, forward[i] / cf[i]);
  }
  const gross = new Float64Array(n);
  const invoice = new Float64Array(n);
  const carry = new Float64Array(n);
  const net = new Float64Array(n);
  const irr = new Float64Array(n);
  let ctd = 0;
  for (let i = 0; i < n; i++) {
    const fcf = futuresPrice * cf[i];
    gross[i] = cleanPrices[i] - fcf;
    invoice[i] = fcf + aiD[i];
    const income = aiD[i] - aiS[i] + cpn[i] + (repo * cpnDays[i]) / 360;
    carry[i] = income - (dirty[i] * repo * days) / 360;
    net[i] = gross[i] - carry[i];
    irr[i] = (invoice[i] + cpn[i] - dirty[i]) / k[i];
    if (irr[i] > irr[ctd]) ctd = i;
  }
  return {
    settlement,
    delivery,
    days,
    repo,
    futuresPrice,
    futuresPriceSource: source,
    conversionFactor: cf,
    accruedAtSettlement: aiS,
    accruedAtDelivery: aiD,
    dirtyPrice: dirty,
    intermediateCoupons: cpn,
    couponDays: cpnDays,
    grossBasis: gross,
    invoicePrice: invoice,
    carry,
    netBasis: net,
    impliedRepo: irr,
    forwardClean: forward,
    repoSensitivity: k,
    ctd,
  };
}

/** One deliverable's basis figures (the array form with one bond). */
export interface BondBasis {
  conversionFactor: number;
  accruedAtSettlement: number;
  accruedAtDelivery: number;
  dirtyPrice: number;
  intermediateCoupons: number;
  grossBasis: number;
  invoicePrice: number;
  carry: number;
  netBasis: number;
  impliedRepo: number;
  forwardClean: number;
}

/** Basis figures of one deliverable; `futuresPrice` undefined gives its own forward ÷ CF. */
export function bondBasis(
  contract: FuturesContract,
  month: DeliveryMonth,
  bond: { coupon: number; maturity: number; cleanPrice: number },
  settlement: number,
  repo: number,
  futuresPrice?: number,
  delivery?: number
): BondBasis {
  const a = basisAnalysis({
    contract,
    month,
    settlement,
    delivery,
    repo,
    futuresPrice,
    coupons: Float64Array.of(bond.coupon),
    maturities: Float64Array.of(bond.maturity),
    cleanPrices: Float64Array.of(bond.cleanPrice),
  });
  return {
    conversionFactor: a.conversionFactor[0],
    accruedAtSettlement: a.accruedAtSettlement[0],
    accruedAtDelivery: a.accruedAtDelivery[0],
    dirtyPrice: a.dirtyPrice[0],
    intermediateCoupons: a.intermediateCoupons[0],
    grossBasis: a.grossBasis[0],
    invoicePrice: a.invoicePrice[0],
    carry: a.carry[0],
    netBasis: a.netBasis[0],
    impliedRepo: a.impliedRepo[0],
    forwardClean: a.forwardClean[0],
  };
}
