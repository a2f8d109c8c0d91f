/**
 * Curve-based risk of bonds that settle on different dates (a range of KEYRATE arguments can mix
 * them): grouped by settlement, one curveRisk kernel call per group.
 */
import { allocateTerms, BondTerms } from "../bond";
import { DEFAULT_KEYS_MONTHS } from "../conventions";
import { CurveSpec } from "../curve/curveSpec";
import { curveRisk, CurveRisk, CurveRiskOptions } from "./bondRisk";
import { copyFigures, emptyFigures } from "./ladder";

/**
 * {@link curveRisk} for bonds that may settle on different dates: one kernel call per distinct
 * settlement (bonds with invalid terms, settlement NaN, get NaN).
 */
export function curveRiskBySettlement(
  terms: BondTerms,
  cleanPrice: Float64Array,
  spec: CurveSpec,
  options: CurveRiskOptions
): CurveRisk {
  const count = terms.settlement.length;
  const keysMonths = options.keysMonths ?? DEFAULT_KEYS_MONTHS;
  const nk = keysMonths.length;
  const groups = new Map<number, number[]>();
  for (let i = 0; i < count; i++) {
    const s = terms.settlement[i];
    if (!Number.isFinite(s)) continue;
    const group = groups.get(s);
    if (group) group.push(i);
    else groups.set(s, [i]);
  }
  if (groups.size === 1) {
    const [settlement] = groups.keys();
    return curveRisk(settlement, terms, cleanPrice, spec, options);
  }
  const nan = (n: number) => new Float64Array(n).fill(NaN);
  const out = {
    count,
    keysMonths,
    zspread: nan(count),
    ...emptyFigures(count, nk),
    krdGap: nan(count),
  };
  for (const [settlement, members] of groups) {
    const sub = allocateTerms(members.length);
    const price = new Float64Array(members.length);
    members.forEach((i, j) => {
      sub.settlement[j] = terms.settlement[i];
      sub.maturity[j] = terms.maturity[i];
      sub.rate[j] = terms.rate[i];
      sub.frequency[j] = terms.frequency[i];
      sub.basis[j] = terms.basis[i];
      price[j] = cleanPrice[i];
    });
    const r = curveRisk(settlement, sub, price, spec, options);
    members.forEach((i, j) => {
      out.zspread[i] = r.zspread[j];
      out.krdGap[i] = r.krdGap[j];
      copyFigures(r, j, out, i, nk);
    });
  }
  return out;
}
