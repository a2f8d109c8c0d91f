/**
 * Pool cash flows at a fixed speed against (1) an independent implementation of the standard
 * formulas in Python decimal arithmetic (test/fixtures/mbs/make_cashflows.py), every month of five
 * pools, relative 1e-10; (2) the published worked pool: Fabozzi, "Bond Markets, Analysis, and
 * Strategies" (the $400 million 7.5% pass-through, WAC 8.125%, WAM 357, 100 PSA exhibit), whose
 * first three months are printed rounded to the dollar and SMM to 5 decimals.
 */
import fixture from "../../fixtures/mbs/cashflows.json";
import {
  parseSpeedText,
  poolCashFlows,
  smmOfCpr,
  weightedAverageLife,
} from "../../../src/core/mbs/staticCashFlows";

describe("poolCashFlows", () => {
  it.each(fixture.cases.map((c) => [`${c.speed} ${c.kind}, WAM ${c.wam}, WALA ${c.wala}`, c]))(
    "matches the independent implementation month by month: %s",
    (_, c) => {
      const cf = poolCashFlows(
        Number(c.coupon),
        Number(c.wac),
        c.wam,
        c.wala,
        { kind: c.kind as "PSA" | "CPR", value: Number(c.speed) },
        Number(c.balance)
      );
      const cols = [
        cf.month,
        cf.beginBalance,
        cf.scheduled,
        cf.prepayment,
        cf.interest,
        cf.total,
        cf.endBalance,
        cf.smm,
      ];
      const scale = Number(c.balance);
      let worst = 0;
      c.rows.forEach((row, k) =>
        row.forEach((v, j) => (worst = Math.max(worst, Math.abs(cols[j][k] - v))))
      );
      expect(cf.month.length).toBe(c.rows.length);
      expect(worst).toBeLessThanOrEqual(1e-10 * scale);
    }
  );

  it("reproduces the published 100 PSA worked pool (Fabozzi), first three months", () => {
    const cf = poolCashFlows(0.075, 0.08125, 357, 3, { kind: "PSA", value: 100 }, 400e6);
    // month: beginning balance, SMM, net interest, scheduled principal, prepayment, total principal, cash flow
    const published = [
      [400000000, 0.00067, 2500000, 267535, 267470, 535005, 3035005],
      [399464995, 0.00084, 2496656, 269166, 334198, 603364, 3100020],
      [398861631, 0.00101, 2492885, 270762, 400800, 671562, 3164447],
    ];
    published.forEach((p, k) => {
      expect(Math.round(cf.beginBalance[k])).toBe(p[0]);
      expect(Math.round(cf.smm[k] * 1e5) / 1e5).toBe(p[1]);
      expect(Math.round(cf.interest[k])).toBe(p[2]);
      expect(Math.round(cf.scheduled[k])).toBe(p[3]);
      expect(Math.round(cf.prepayment[k])).toBe(p[4]);
      expect(Math.round(cf.scheduled[k] + cf.prepayment[k])).toBe(p[5]);
      expect(Math.round(cf.total[k])).toBe(p[6]);
    });
  });

  it("pays the balance down to zero and the principal sums to it", () => {
    const cf = poolCashFlows(0.055, 0.0625, 357, 3, { kind: "PSA", value: 150 });
    let principal = 0;
    for (let k = 0; k < 357; k++) principal += cf.scheduled[k] + cf.prepayment[k];
    expect(principal).toBeCloseTo(100, 10);
    expect(cf.endBalance[356]).toBe(0);
    expect(weightedAverageLife(cf)).toBeGreaterThan(5);
    expect(weightedAverageLife(cf)).toBeLessThan(12);
  });

  it("reads speeds as text and refuses what it cannot read", () => {
    expect(parseSpeedText("150 PSA")).toEqual({ kind: "PSA", value: 150 });
    expect(parseSpeedText("8 CPR")).toEqual({ kind: "CPR", value: 0.08 });
    expect(parseSpeedText("8% CPR")).toEqual({ kind: "CPR", value: 0.08 });
    expect(parseSpeedText("0.08 CPR")).toEqual({ kind: "CPR", value: 0.08 });
    expect(parseSpeedText("")).toBeUndefined();
    expect(() => parseSpeedText("fast")).toThrow(/150 PSA/);
    expect(smmOfCpr(0.06)).toBeCloseTo(0.005143, 6);
  });
});
