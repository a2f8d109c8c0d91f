/**
 * The OAS functions as Excel calls them: one bond with its calls as rows, as a date or as text;
 * a column of bonds with a column of schedules returning columns (rows of KRDs); errors per bond.
 */
import { FakeExcelError } from "./customFunctionsStub";

const fns = require("../../src/functions/oas");

const CURVE = [
  ["Tenor", "Rate"],
  ["3M", 0.0435],
  ["1Y", 0.0422],
  ["2Y", 0.0418],
  ["5Y", 0.0428],
  ["10Y", 0.0446],
  ["30Y", 0.0468],
];
const BOND = [[["2025-01-15"]], [["2033-06-01"]], [[0.05]], [[99.25]], [[2]], CURVE];

describe("OAS functions", () => {
  it("accept calls as rows, as text and as one date, and name bad input", () => {
    const rows = [
      ["2028-06-01", 101, "bermudan"],
      ["2030-06-01", 100, "bermudan"],
    ];
    const [[fromRows]] = fns.OAS(...BOND, rows);
    const [[fromText]] = fns.OAS(...BOND, [["2028-06-01@101; 2030-06-01@100; bermudan"]]);
    expect(typeof fromRows).toBe("number");
    expect(fromText).toBeCloseTo(fromRows, 12);
    const [[american]] = fns.OAS(...BOND, [["2028-06-01"]]);
    expect(american).toBeLessThan(fromRows);
    const [[bad]] = fns.OAS(...BOND, [["2028-06-01@1.01"]]);
    expect(bad).toBeInstanceOf(FakeExcelError);
    const [[vol]] = fns.OAS(...BOND, rows, [[0]], [[10]]);
    expect(vol).toBeInstanceOf(FakeExcelError);
  });

  it("a column of bonds with a column of schedules returns columns; KRD rows sum to DURATION_OAS", () => {
    const col = (v: unknown) => [[v], [v], [v]];
    const bonds = [
      col("2025-01-15"),
      [["2033-06-01"], ["2031-03-15"], ["2035-01-15"]],
      [[0.05], [0.045], [0.055]],
      [[99.25], [98.1], [101.5]],
      col(2),
      CURVE,
    ];
    const calls = [["2028-06-01@101; 2030-06-01@100; bermudan"], ["2027-03-15"], [""]];
    const d: number[][] = fns.DURATION_OAS(...bonds, calls);
    const c: number[][] = fns.CONVEXITY_OAS(...bonds, calls);
    const k: number[][] = fns.KRD_OAS(...bonds, calls);
    expect(d).toHaveLength(3);
    expect(c).toHaveLength(3);
    expect(k).toHaveLength(3);
    for (let i = 0; i < 3; i++) {
      expect(k[i]).toHaveLength(10);
      expect(k[i].reduce((a, b) => a + b, 0)).toBeCloseTo(d[i][0], 3);
    }
    // The uncalled bond (blank schedule) has positive convexity, the callables negative.
    expect(c[2][0]).toBeGreaterThan(0);
    expect(c[1][0]).toBeLessThan(0);
  });
});
