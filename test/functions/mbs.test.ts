/** The Excel-facing MBS wrappers: spilled cash flows, OAS/OAD/OAC, bad input as Excel errors. */
import { FakeExcelError } from "./customFunctionsStub";
import { poolCashFlows } from "../../src/core/mbs/staticCashFlows";

const mbsFns = require("../../src/functions/mbs");

const CURVE = [
  ["Tenor", "Rate"],
  ["1Y", 0.041],
  ["2Y", 0.04],
  ["5Y", 0.041],
  ["10Y", 0.043],
  ["30Y", 0.046],
];
const POOL = [[["2025-01-15"]], [[0.055]], [[0.0625]], [[357]], [[3]], [[99]], CURVE];

describe("MBS function wrappers", () => {
  it("MBS_CASHFLOWS spills one row per month, equal to the core's cash flows", () => {
    const rows: number[][] = mbsFns.MBS_CASHFLOWS([[0.055]], [[0.0625]], [[360]], [[0]], [[150]]);
    expect(rows).toHaveLength(360);
    expect(rows[0]).toHaveLength(8);
    const cf = poolCashFlows(0.055, 0.0625, 360, 0, { kind: "PSA", value: 150 });
    expect(rows[11]).toEqual([
      12,
      cf.beginBalance[11],
      cf.scheduled[11],
      cf.prepayment[11],
      cf.interest[11],
      cf.total[11],
      cf.endBalance[11],
      cf.smm[11],
    ]);
    const cpr = mbsFns.MBS_CASHFLOWS(
      [[0.055]],
      [[0.0625]],
      [[12]],
      [[0]],
      [[0.08]],
      [["CPR"]],
      [[1e6]]
    );
    expect(cpr[0][1]).toBe(1e6);
    expect(cpr[0][7]).toBeCloseTo(1 - Math.pow(0.92, 1 / 12), 15);
  });

  it("MBS_OAS, MBS_DURATION, MBS_CONVEXITY at a fixed speed and with the model", () => {
    const fixed = [...POOL, [[0.01]], undefined, [[64]], [["150 PSA"]]];
    const [[oas]] = mbsFns.MBS_OAS(...fixed);
    expect(oas).toBeGreaterThan(-0.02);
    expect(oas).toBeLessThan(0.03);
    const model = [...POOL, [[0.01]], undefined, [[64]]];
    const [[oad]] = mbsFns.MBS_DURATION(...model);
    const [[oac]] = mbsFns.MBS_CONVEXITY(...model);
    expect(oad).toBeGreaterThan(2);
    expect(oad).toBeLessThan(9);
    expect(Number.isFinite(oac)).toBe(true);
  });

  it("refuses a speed it cannot read and a volatility in basis points", () => {
    const [[e]] = mbsFns.MBS_OAS(...POOL, undefined, undefined, [[64]], [["fast"]]);
    expect(e).toBeInstanceOf(FakeExcelError);
    expect(e.message).toMatch(/150 PSA/);
    const [[v]] = mbsFns.MBS_DURATION(...POOL, [[100]]);
    expect(v).toBeInstanceOf(FakeExcelError);
    const [[w]] = mbsFns.MBS_CASHFLOWS([[0.055]], [[0.0625]], [[0]], [[0]], [[150]]);
    expect(w).toBeInstanceOf(FakeExcelError);
  });
});
