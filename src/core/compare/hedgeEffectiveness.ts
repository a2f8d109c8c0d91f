/**
 * Hedge effectiveness from a history of changes (SPEC S6): the portfolio's changes p_t and the
 * hedge's changes h_t over the same periods (money, or any one unit: the figures are ratios), the
 * hedge's changes being the P&L of the hedge as held, so that the hedged changes are p_t + h_t.
 *
 * - effectiveness = 1 − σ(p + h) / σ(p): 1 for a perfect hedge, 0 for none, negative when the
 *   hedge adds risk;
 * - β = cov(p, h) / var(h), the regression slope of portfolio changes on hedge changes (−1 for a
 *   hedge that offsets one for one; scaling the hedge by −β minimises the hedged variance);
 * - ρ = corr(p, h), negative for a hedge that offsets.
 *
 * Flags (the seeds' practice, SPEC S6) on the offsetting correlation −ρ: ≥ 0.85 "effective";
 * below 0.85 "do not rely"; below 0.70 "exit". A hedge moving with the portfolio (ρ > 0) has
 * −ρ < 0 and is flagged "exit".
 */
import { InvalidValueError, OutOfDomainError } from "../errors";

/** Do not rely on a hedge whose offsetting correlation is below this. */
export const RELY_CORRELATION = 0.85;
/** Exit a hedge whose offsetting correlation is below this. */
export const EXIT_CORRELATION = 0.7;

export type HedgeFlag = "effective" | "do not rely" | "exit";

export interface HedgeEffectiveness {
  /** 1 − σ(hedged)/σ(unhedged), a fraction. */
  readonly effectiveness: number;
  /** Regression slope of portfolio changes on hedge changes. */
  readonly beta: number;
  /** corr(portfolio, hedge): near −1 for a good hedge. */
  readonly correlation: number;
  readonly flag: HedgeFlag;
  /** Sample standard deviations (n − 1) of the unhedged and hedged changes, input units. */
  readonly sigmaUnhedged: number;
  readonly sigmaHedged: number;
  /** Periods used (both changes present). */
  readonly observations: number;
}

/** The flag of an offsetting correlation −ρ: at 0.85 exactly "effective", at 0.70 "do not rely". */
export function hedgeFlag(correlation: number): HedgeFlag {
  const offsetting = -correlation;
  if (offsetting >= RELY_CORRELATION) return "effective";
  if (offsetting >= EXIT_CORRELATION) return "do not rely";
  return "exit";
}

/**
 * Effectiveness, β and correlation of a hedge from paired changes (NaN in either series leaves
 * that period out).
 * @throws InvalidValueError when the lengths differ or fewer than 3 periods remain;
 *   OutOfDomainError when either series does not vary.
 */
export function hedgeEffectiveness(
  portfolio: readonly number[],
  hedge: readonly number[]
): HedgeEffectiveness {
  if (portfolio.length !== hedge.length) {
    throw new InvalidValueError(
      `portfolio_changes has ${portfolio.length} values but hedge_changes has ${hedge.length}: give one per period for both`,
      hedge.length,
      "hedge_changes"
    );
  }
  const p: number[] = [];
  const h: number[] = [];
  portfolio.forEach((v, t) => {
    if (Number.isFinite(v) && Number.isFinite(hedge[t])) {
      p.push(v);
      h.push(hedge[t]);
    }
  });
  const n = p.length;
  if (n < 3) {
    throw new InvalidValueError(
      `${n} periods with both changes given; at least 3 are needed`,
      n,
      "portfolio_changes"
    );
  }
  const mean = (x: number[]) => x.reduce((a, b) => a + b, 0) / x.length;
  const mp = mean(p);
  const mh = mean(h);
  let spp = 0;
  let shh = 0;
  let sph = 0;
  for (let t = 0; t < n; t++) {
    spp += (p[t] - mp) ** 2;
    shh += (h[t] - mh) ** 2;
    sph += (p[t] - mp) * (h[t] - mh);
  }
  if (!(spp > 0) || !(shh > 0)) {
    const which = spp > 0 ? "hedge_changes" : "portfolio_changes";
    throw new OutOfDomainError(`${which}: the changes do not vary`, 0, which);
  }
  // var(p + h) = var(p) + var(h) + 2 cov(p, h); clamp rounding below 0.
  const shedged = Math.max(0, spp + shh + 2 * sph);
  const sigmaUnhedged = Math.sqrt(spp / (n - 1));
  const sigmaHedged = Math.sqrt(shedged / (n - 1));
  const correlation = Math.max(-1, Math.min(1, sph / Math.sqrt(spp * shh)));
  return {
    effectiveness: 1 - sigmaHedged / sigmaUnhedged,
    beta: sph / shh,
    correlation,
    flag: hedgeFlag(correlation),
    sigmaUnhedged,
    sigmaHedged,
    observations: n,
  };
}
