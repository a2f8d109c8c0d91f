/**
 * Bonds settling on different dates: each group's figures equal a curveRisk call on that group
 * alone, in the input order; a bond without a valid settlement gets NaN.
 */
import { allocateTerms, setTerms } from "../../../src/core/bond";
import { DEFAULT_CURVE } from "../../../src/core/curve";
import { curveRisk } from "../../../src/core/risk/bondRisk";
import { curveRiskBySettlement } from "../../../src/core/risk/curveRiskBySettlement";

const OPTIONS = { interpolation: "linear_zero" as const, shiftOn: "par" as const };
const BONDS = [
  { settlement: 45660, maturity: 47500, rate: 0.04, price: 99 },
  { settlement: 45700, maturity: 49000, rate: 0.05, price: 103 },
  { settlement: 45660, maturity: 52000, rate: 0.03, price: 88 },
  { settlement: NaN, maturity: 50000, rate: 0.04, price: 100 },
];

function terms(bonds: typeof BONDS) {
  const t = allocateTerms(bonds.length);
  bonds.forEach((b, i) => setTerms(t, i, { ...b, frequency: 2, basis: 1 }));
  return t;
}

describe("curveRiskBySettlement", () => {
  it("equals one curveRisk call per settlement date, in the input order", () => {
    const all = curveRiskBySettlement(
      terms(BONDS),
      Float64Array.from(BONDS, (b) => b.price),
      DEFAULT_CURVE,
      OPTIONS
    );
    const nk = all.keysMonths.length;
    for (const settlement of [45660, 45700]) {
      const members = BONDS.map((b, i) => [b, i] as const).filter(
        ([b]) => b.settlement === settlement
      );
      const alone = curveRisk(
        settlement,
        terms(members.map(([b]) => b)),
        Float64Array.from(members, ([b]) => b.price),
        DEFAULT_CURVE,
        OPTIONS
      );
      members.forEach(([, i], j) => {
        expect(all.zspread[i]).toBe(alone.zspread[j]);
        expect(all.effDuration[i]).toBe(alone.effDuration[j]);
        expect(all.effConvexity[i]).toBe(alone.effConvexity[j]);
        expect(all.spreadDuration[i]).toBe(alone.spreadDuration[j]);
        expect(Array.from(all.krd.subarray(i * nk, (i + 1) * nk))).toEqual(
          Array.from(alone.krd.subarray(j * nk, (j + 1) * nk))
        );
      });
      expect(Number.isFinite(alone.effDuration[0])).toBe(true);
    }
    expect(all.effDuration[3]).toBeNaN();
    expect(all.zspread[3]).toBeNaN();
  });
});
