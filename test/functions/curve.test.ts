/** The Excel-facing curve wrappers: ranges in, spilled matrices out, core errors as Excel errors. */
import { FakeExcelError } from "./customFunctionsStub";

const curveFns = require("../../src/functions/curve");

const CURVE = [
  ["Tenor", "Rate"],
  ["1Y", 0.041],
  ["2Y", 0.04],
  ["5Y", 0.041],
  ["10Y", 0.043],
  ["30Y", 0.046],
];

describe("curve function wrappers", () => {
  it("spill KRD rows that sum to DURATION_EFF", () => {
    const bond = [[["2025-01-02"]], [["2035-02-15"]], [[0.0425]], [[98.1]], [[2]], CURVE];
    const krd: number[][] = curveFns.KRD(...bond);
    expect(krd).toHaveLength(1);
    expect(krd[0]).toHaveLength(10);
    const [[eff]] = curveFns.DURATION_EFF(...bond);
    expect(krd[0].reduce((a, b) => a + b, 0)).toBeCloseTo(eff, 4);
    expect(
      curveFns.ZERO_RATES(CURVE, [["2Y", "7Y"]], [["par"]], undefined, [["2025-01-02"]])[0]
    ).toHaveLength(2);
  });

  it("map a bad curve to #VALUE! with the row", () => {
    const [[e]] = curveFns.ZSPREAD(
      [["2025-01-02"]],
      [["2035-02-15"]],
      [[0.0425]],
      [[98.1]],
      [[2]],
      [
        ["Tenor", "Rate"],
        ["1Y", 0.04],
        ["soon", 0.04],
      ]
    );
    expect(e).toBeInstanceOf(FakeExcelError);
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/row 3/);
  });
});

export {};
