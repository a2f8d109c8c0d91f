/**
 * The odd-first-period arguments of the bond functions: `issue` and `first_coupon` trail the
 * signature (after `face` in DV01); both or neither; each bad cell gets its own Excel error.
 */
import {
  accrued,
  convexity,
  durationMac,
  durationMod,
  dv01,
  priceFn,
  yieldFn,
} from "../../../src/functions/impl/bondFunctions";
import { KeyrateError } from "../../../src/core/errors";
import { bondRisk } from "../../../src/core/bond";
import { serialFromIso } from "../../../src/core/dates";

const d = (iso: string) => serialFromIso(iso)!;
const cell = (out: unknown[][]) => out[0][0];
const errorOf = (v: unknown) => {
  if (!(v instanceof KeyrateError)) throw new Error(`expected an error, got ${String(v)}`);
  return { code: v.code, message: v.message };
};

// Excel's documented ODDFPRICE example: 113.597717474079.
const S = "2008-11-11";
const M = "2021-03-01";
const ISSUE = "2008-10-15";
const FIRST = "2009-03-01";
const bond = {
  settlement: d(S),
  maturity: d(M),
  rate: 0.0785,
  frequency: 2 as const,
  basis: 1 as const,
  issue: d(ISSUE),
  firstCoupon: d(FIRST),
};

describe("issue and first_coupon arguments", () => {
  it("PRICE is ODDFPRICE and YIELD is ODDFYIELD (Excel's documented examples)", () => {
    expect(cell(priceFn(S, M, 0.0785, 0.0625, 2, 1, ISSUE, FIRST))).toBeCloseTo(
      113.597717474079,
      11
    );
    expect(cell(yieldFn(S, M, 0.0575, 84.5, 2, 0, ISSUE, FIRST))).toBeCloseTo(0.0772455, 7);
  });

  it("every yield function takes them in the same trailing place (after face in DV01)", () => {
    const r = bondRisk(bond, 0.0625);
    const args = [S, M, 0.0785, 0.0625, 2, 1] as const;
    expect(cell(durationMod(...args, ISSUE, FIRST))).toBe(r.modified);
    expect(cell(durationMac(...args, ISSUE, FIRST))).toBe(r.macaulay);
    expect(cell(convexity(...args, ISSUE, FIRST))).toBe(r.convexity);
    expect(cell(dv01(...args, 1_000_000, ISSUE, FIRST))).toBeCloseTo(r.dv01 * 10_000, 9);
    expect(cell(dv01(...args, undefined, ISSUE, FIRST))).toBe(r.dv01);
    expect(cell(accrued(S, M, 0.0785, 2, 1, ISSUE, FIRST))).toBe(r.accrued);
    // 27 days accrued from issue, over the 181-day quasi period 2008-09-01 … 2009-03-01.
    expect(r.accrued).toBeCloseTo((7.85 / 2) * (27 / 181), 12);
    // Blank issue and first coupon: the regular bond.
    expect(cell(priceFn(...args, "", null))).toBe(cell(priceFn(...args)));
    expect(cell(priceFn(...args))).not.toBeCloseTo(r.clean, 2);
  });

  it("a when-issued trade accrues nothing", () => {
    expect(cell(accrued("2008-10-01", M, 0.0785, 2, 1, ISSUE, FIRST))).toBe(0);
    const p = cell(priceFn("2008-10-01", M, 0.0785, 0.0625, 2, 1, ISSUE, FIRST)) as number;
    expect(cell(yieldFn("2008-10-01", M, 0.0785, p, 2, 1, ISSUE, FIRST))).toBeCloseTo(0.0625, 12);
  });

  it("one date without the other is #VALUE! naming the missing one", () => {
    const e = errorOf(cell(priceFn(S, M, 0.0785, 0.0625, 2, 1, ISSUE)));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/issue is given without first_coupon/);
    const f = errorOf(cell(accrued(S, M, 0.0785, 2, 1, undefined, FIRST)));
    expect(f.code).toBe("#VALUE!");
    expect(f.message).toMatch(/first_coupon is given without issue/);
  });

  it("a first coupon off the maturity's schedule, after maturity or not after issue is #NUM!", () => {
    const off = errorOf(cell(priceFn(S, M, 0.0785, 0.0625, 2, 1, ISSUE, "2009-02-15")));
    expect(off.code).toBe("#NUM!");
    expect(off.message).toMatch(/not a coupon date .* nearest are 2008-09-01 and 2009-03-01/);
    const late = errorOf(cell(priceFn(S, M, 0.0785, 0.0625, 2, 1, ISSUE, "2021-09-01")));
    expect(late.message).toMatch(/on or before maturity/);
    const order = errorOf(cell(priceFn(S, M, 0.0785, 0.0625, 2, 1, "2009-03-01", FIRST)));
    expect(order.code).toBe("#NUM!");
    expect(order.message).toMatch(/issue \(2009-03-01\) must be before first_coupon/);
    expect(errorOf(cell(priceFn(S, M, 0.0785, 0.0625, 2, 1, "soon", FIRST))).code).toBe("#VALUE!");
  });

  it("broadcasts over a column: each bond its own dates, each bad cell its own error", () => {
    const out = priceFn(
      S,
      M,
      0.0785,
      0.0625,
      2,
      1,
      [[ISSUE], [""], ["2008-10-15"]],
      [[FIRST], [""], ["2009-02-15"]]
    );
    expect(out[0][0]).toBeCloseTo(113.597717474079, 11);
    expect(out[1][0]).toBe(cell(priceFn(S, M, 0.0785, 0.0625, 2, 1)));
    expect(errorOf(out[2][0]).code).toBe("#NUM!");
  });
});
