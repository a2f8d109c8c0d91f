/**
 * Agency MBS at a horizon (scenarios/horizon.ts), paydowns as cash. Over a horizon of m whole
 * months from settlement s to H (same day of the month), the pool pays the cash flows of its
 * first m accrual months — interest, scheduled principal and prepayments, as the Monte Carlo
 * expects them on the unshocked curve — reinvested (or discounted) to H at the unshocked
 * forward, like a bond's coupons: Σ_{k ≤ m} e_k / P(0,h) per 100 of current face. At H the pool
 * is the same cohort m months older (WAM − m, WALA + m) on its expected balance f_m; it is
 * valued at H on the rolled (and, in a scenario, shocked) curve by the same engine with its OAS
 * held, and its accrued is f_m × the 30/360 accrued at H. The principal repaid inside the
 * horizon is 100·(1 − f_m).
 */
import { ZeroCurve } from "../curve/zeroCurve";
import type { Holdings } from "../holdings/types";
import { HullWhiteParams } from "../models/hullWhite";
import { mbsAccrued } from "../mbs/program";
import { MbsCohort, priceAtSpread } from "../mbs/valuation";
import { cachedFlows, engineModel, holdingCohorts } from "./mbs";

export interface MbsHorizon {
  /** True for the rows valued here (MBS in the totals). */
  readonly is: (i: number) => boolean;
  /** Accrued at settlement and at H, per 100 of current face at settlement. */
  readonly accrued0: Float64Array;
  readonly accruedH: Float64Array;
  /** Principal repaid in the horizon, per 100. */
  readonly redeemed: Float64Array;
  /** Cash of the horizon's months to H, per 100. */
  readonly cash: Float64Array;
  /** Dirty values at H per 100 of current face at settlement, on `rolled` (dated H), OAS + dz. */
  price(rolled: ZeroCurve, dz: Float64Array | undefined, out: Float64Array): void;
}

/**
 * The MBS rows of a book at the horizon date H = s + `months` months.
 * @param include Rows in the totals. @param oas Each row's OAS (decimal).
 * @param curve The unshocked curve dated s.
 */
export function mbsHorizon(
  h: Holdings,
  include: (i: number) => boolean,
  oas: Float64Array,
  hullWhite: HullWhiteParams,
  curve: ZeroCurve,
  date: number,
  months: number
): MbsHorizon {
  const n = h.count;
  const model = engineModel(hullWhite);
  const cohorts = holdingCohorts(h, (i) => include(i) && Number.isFinite(oas[i]));
  const aged: (MbsCohort | null)[] = cohorts.map((c) =>
    c && c.wam > months ? { ...c, wam: c.wam - months, wala: c.wala + months } : null
  );
  const accrued0 = new Float64Array(n);
  const accruedH = new Float64Array(n);
  const redeemed = new Float64Array(n);
  const cash = new Float64Array(n);
  const factor = new Float64Array(n);
  const dfH = curve.discount((date - curve.settlement) / 365);
  for (let i = 0; i < n; i++) {
    const c = cohorts[i];
    if (!c) continue;
    const f = cachedFlows(curve, c, model);
    const m = Math.min(months, c.wam);
    for (let k = 0; k < m; k++) cash[i] += f.pv[k] / dfH;
    factor[i] = m === 0 ? 1 : aged[i] ? f.balance[m - 1] : 0;
    redeemed[i] = 100 * (1 - factor[i]);
    accrued0[i] = mbsAccrued(curve.settlement, c.coupon);
    accruedH[i] = factor[i] * mbsAccrued(date, c.coupon);
  }
  return {
    is: (i) => cohorts[i] !== null,
    accrued0,
    accruedH,
    redeemed,
    cash,
    price(rolled, dz, out) {
      for (let i = 0; i < n; i++) {
        const c = aged[i];
        if (!cohorts[i]) continue;
        out[i] = c
          ? factor[i] * priceAtSpread(cachedFlows(rolled, c, model), oas[i] + (dz ? dz[i] : 0))
          : 0;
      }
    },
  };
}

/** What MBS pools pay between two dates, per row (see mbsPaydowns). */
export interface MbsPaydowns {
  /** True for the rows that are pools priced by the engine (the others: factor 1, nothing paid). */
  readonly is: (k: number) => boolean;
  /** Expected balance left after the payments in (s, to], per 1 of current face at s. */
  readonly factor: Float64Array;
  /** Expected principal (scheduled and prepaid) and interest paid in (s, to], per 100. */
  readonly principal: Float64Array;
  readonly interest: Float64Array;
}

/**
 * The expected paydowns of the pools among `h`'s rows between the curve's settlement s and `to`:
 * the payments of the accrual months whose payment date (the program's pay day, delay included)
 * falls in (s, to], as the Monte Carlo expects them on `curve` — principal 1 − f_j and interest
 * coupon/12 × the balance at the start of each month, f_j the path-average balance after month j.
 */
export function mbsPaydowns(
  h: Holdings,
  hullWhite: HullWhiteParams,
  curve: ZeroCurve,
  to: number
): MbsPaydowns {
  const n = h.count;
  const model = engineModel(hullWhite);
  const cohorts = holdingCohorts(h, () => true);
  const factor = new Float64Array(n).fill(1);
  const principal = new Float64Array(n);
  const interest = new Float64Array(n);
  const years = (to - curve.settlement) / 365;
  for (let i = 0; i < n; i++) {
    const c = cohorts[i];
    if (!c || !(years > 0)) continue;
    const f = cachedFlows(curve, c, model);
    let left = 1;
    for (let k = 0; k < c.wam && f.times[k] <= years; k++) {
      interest[i] += (100 * c.coupon * left) / 12;
      left = f.balance[k];
    }
    factor[i] = left;
    principal[i] = 100 * (1 - left);
  }
  return { is: (k) => cohorts[k] !== null, factor, principal, interest };
}
