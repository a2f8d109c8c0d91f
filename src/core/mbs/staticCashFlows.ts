/**
 * Cash flows of a level-payment pool at a fixed prepayment speed, month by month (the standard
 * formulas; SIFMA Uniform Practices, "Standard Formulas for the Analysis of MBS"):
 *   scheduled payment  = B·r / (1 − (1 + r)^−n),  r = WAC/12, n = months left (WAM − k + 1);
 *   scheduled principal = payment − B·r;  prepayment = SMM × (B − scheduled principal);
 *   interest (to the investor) = B × coupon/12;  SMM = 1 − (1 − CPR)^(1/12);
 *   PSA s% → CPR = s/100 × 6% × min(age/30, 1), age = WALA + k in month k.
 * Balances are per the given starting balance (default 100 of current face).
 */
import { InvalidValueError, OutOfDomainError } from "../errors";

/** A fixed speed: PSA (speed 150 = 150% PSA) or CPR (a decimal annual rate). */
export interface FixedSpeed {
  readonly kind: "PSA" | "CPR";
  readonly value: number;
}

/** The speed in words: "150 PSA", "8% CPR". */
export function describeSpeed(s: FixedSpeed): string {
  return s.kind === "PSA" ? `${s.value} PSA` : `${Math.round(s.value * 1e6) / 1e4}% CPR`;
}

/**
 * A fixed speed from text ("150 PSA", "150PSA", "8 CPR", "8% CPR", "0.08 CPR"): the number before
 * CPR is a percent when above 1 (8 CPR = 8%), a decimal otherwise (0.08 CPR); blank: undefined.
 */
export function parseSpeedText(value: unknown, argument = "prepay"): FixedSpeed | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  const t = String(value).trim().toUpperCase();
  const m = /^([0-9]*\.?[0-9]+)\s*(%?)\s*(PSA|CPR)$/.exec(t);
  if (!m) {
    throw new InvalidValueError(
      `${argument}: expected a speed such as "150 PSA" or "8 CPR" (blank for the prepayment model); found ${JSON.stringify(String(value))}`,
      value,
      argument
    );
  }
  const n = Number(m[1]);
  if (m[3] === "PSA") return checkSpeed({ kind: "PSA", value: n }, argument);
  return checkSpeed({ kind: "CPR", value: m[2] === "%" || n > 1 ? n / 100 : n }, argument);
}

/** The speed if valid: PSA ≥ 0, 0 ≤ CPR < 1. */
export function checkSpeed(s: FixedSpeed, argument = "speed"): FixedSpeed {
  const ok = s.kind === "PSA" ? s.value >= 0 && s.value < 1e5 : s.value >= 0 && s.value < 1;
  if (!ok || !Number.isFinite(s.value)) {
    throw new OutOfDomainError(
      s.kind === "PSA"
        ? `${argument}: a PSA speed must be ≥ 0 (150 = 150% PSA)`
        : `${argument}: a CPR must be a decimal in [0, 1) (0.08 = 8% a year)`,
      s.value,
      argument
    );
  }
  return s;
}

/** SMM of an annual CPR: 1 − (1 − CPR)^(1/12). */
export function smmOfCpr(cpr: number): number {
  return -Math.expm1(Math.log1p(-cpr) / 12);
}

/** CPR of a fixed speed at loan age `age` months. */
export function speedCpr(s: FixedSpeed, age: number): number {
  return s.kind === "CPR" ? s.value : Math.min(1, (s.value / 100) * 0.06 * Math.min(age / 30, 1));
}

/** Month-by-month cash flows, each array one entry per month 1…n. */
export interface PoolCashFlows {
  readonly month: Int32Array;
  readonly beginBalance: Float64Array;
  readonly scheduled: Float64Array;
  readonly prepayment: Float64Array;
  readonly interest: Float64Array;
  readonly total: Float64Array;
  readonly endBalance: Float64Array;
  readonly smm: Float64Array;
}

/** Checks a pool's terms (decimals and months). */
export function checkPoolTerms(coupon: number, wac: number, wam: number, wala: number): void {
  const bad = (what: string, v: number, arg: string) => {
    throw new OutOfDomainError(what, v, arg);
  };
  if (!(coupon >= 0 && coupon < 1))
    bad("coupon must be a decimal in [0, 1) (0.055 for 5.5%)", coupon, "coupon");
  if (!(wac >= 0 && wac < 1)) bad("wac must be a decimal in [0, 1) (0.0625 for 6.25%)", wac, "wac");
  if (!(Number.isInteger(wam) && wam >= 1 && wam <= 480))
    bad("wam must be whole months, 1 to 480", wam, "wam");
  if (!(Number.isInteger(wala) && wala >= 0 && wala <= 480))
    bad("wala must be whole months ≥ 0", wala, "wala");
}

/**
 * Scheduled-principal fraction of the balance in each month of a level-payment loan at `wac` with
 * `wam` months left: r/((1 + r)^n − 1) (1/n at r = 0), n = wam − k + 1.
 */
export function scheduledFractions(wac: number, wam: number): Float64Array {
  const r = wac / 12;
  const out = new Float64Array(wam);
  for (let k = 1; k <= wam; k++) {
    const n = wam - k + 1;
    out[k - 1] = r === 0 ? 1 / n : r / Math.expm1(n * Math.log1p(r));
  }
  return out;
}

/**
 * Cash flows of a pool at a fixed speed.
 * @param coupon Pass-through (net) coupon, decimal. @param wac Gross weighted-average coupon, decimal.
 * @param wam Months left. @param wala Loan age, months. @param balance Starting balance (default 100).
 */
export function poolCashFlows(
  coupon: number,
  wac: number,
  wam: number,
  wala: number,
  speed: FixedSpeed,
  balance = 100
): PoolCashFlows {
  checkPoolTerms(coupon, wac, wam, wala);
  checkSpeed(speed);
  const sf = scheduledFractions(wac, wam);
  const f = () => new Float64Array(wam);
  const out: PoolCashFlows = {
    month: Int32Array.from({ length: wam }, (_, k) => k + 1),
    beginBalance: f(),
    scheduled: f(),
    prepayment: f(),
    interest: f(),
    total: f(),
    endBalance: f(),
    smm: f(),
  };
  let b = balance;
  for (let k = 1; k <= wam; k++) {
    const smm = smmOfCpr(speedCpr(speed, wala + k));
    const sched = b * sf[k - 1];
    const prepay = smm * (b - sched);
    const interest = (b * coupon) / 12;
    const i = k - 1;
    out.beginBalance[i] = b;
    out.scheduled[i] = sched;
    out.prepayment[i] = prepay;
    out.interest[i] = interest;
    out.total[i] = sched + prepay + interest;
    b = k === wam ? 0 : b - sched - prepay;
    out.endBalance[i] = b;
    out.smm[i] = smm;
  }
  return out;
}

/** Weighted-average life of principal, years from the start of month 1 (month k at k/12). */
export function weightedAverageLife(cf: PoolCashFlows): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < cf.month.length; i++) {
    const p = cf.scheduled[i] + cf.prepayment[i];
    num += (p * cf.month[i]) / 12;
    den += p;
  }
  return den > 0 ? num / den : NaN;
}
