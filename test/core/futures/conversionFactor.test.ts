import { serialFromYmd } from "../../../src/core/dates";
import { InvalidValueError, OutOfDomainError } from "../../../src/core/errors";
import { contractSpec, parseContract } from "../../../src/core/futures/contracts";
import {
  conversionFactor,
  conversionFactors,
  yearsAndMonths,
} from "../../../src/core/futures/conversionFactor";
import { describeWithTable, loadCmeTable } from "./cmeTable";

const table = loadCmeTable();

describeWithTable(table)("CME conversion factors, 2025-03-13 table", () => {
  const rows = table ?? [];

  it("has all 2,301 rows", () => {
    expect(rows).toHaveLength(2301);
  });

  it("reproduces every row to 4 decimals (scalar form)", () => {
    const mismatches = rows
      .map((r) => ({
        r,
        cf: conversionFactor(contractSpec(r.contract), r.month, r.coupon, r.maturity),
      }))
      .filter(({ r, cf }) => cf !== r.factor)
      .map(
        ({ r, cf }) =>
          `line ${r.line} ${r.contract} ${r.cusip} ${r.month.y}-${r.month.m}: ${cf} vs ${r.factor}`
      );
    expect(mismatches).toEqual([]);
  });

  it("reproduces every row with the array form, one call per contract month", () => {
    const groups = new Map<string, typeof rows>();
    for (const r of rows) {
      const key = `${r.contract} ${r.month.y}-${r.month.m}`;
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    let matched = 0;
    for (const group of groups.values()) {
      const { contract, month } = group[0];
      const cfs = conversionFactors(
        contractSpec(contract),
        month,
        Float64Array.from(group, (r) => r.coupon),
        Float64Array.from(group, (r) => r.maturity)
      );
      group.forEach((r, i) => {
        if (cfs[i] === r.factor) matched++;
      });
    }
    expect(matched).toBe(2301);
  });
});

describe("conversionFactor", () => {
  const zn = parseContract("ZN");
  const zt = parseContract("ZT");
  const jun25 = { y: 2025, m: 6 };

  it("is 1 for a 6% coupon at whole years (quarter rule)", () => {
    expect(conversionFactor(zn, jun25, 0.06, serialFromYmd(2032, 6, 15))).toBe(1);
  });

  it("rounds z down to quarters for ZN and to months for ZT", () => {
    const maturity = serialFromYmd(2032, 11, 30); // 7y5m from 2025-06-01
    expect(yearsAndMonths(zn, jun25, maturity)).toEqual({ n: 7, z: 3 });
    expect(yearsAndMonths(zt, jun25, maturity)).toEqual({ n: 7, z: 5 });
  });

  it("is below 1 for coupons under 6% and above 1 for coupons over 6%", () => {
    const m = serialFromYmd(2033, 2, 15);
    expect(conversionFactor(zn, jun25, 0.04, m)).toBeLessThan(1);
    expect(conversionFactor(zn, jun25, 0.08, m)).toBeGreaterThan(1);
  });

  it("rejects coupons given in percent, maturities before delivery, and ragged arrays", () => {
    const m = serialFromYmd(2033, 2, 15);
    expect(() => conversionFactor(zn, jun25, 4.375, m)).toThrow(OutOfDomainError);
    expect(() => conversionFactor(zn, jun25, 0.04, serialFromYmd(2025, 6, 30))).toThrow(
      OutOfDomainError
    );
    expect(() => conversionFactor(zn, jun25, Number.NaN, m)).toThrow(InvalidValueError);
    expect(() =>
      conversionFactors(zn, jun25, Float64Array.of(0.04, 0.05), Float64Array.of(m))
    ).toThrow(InvalidValueError);
  });

  it("returns an empty array for no bonds", () => {
    expect(conversionFactors(zn, jun25, new Float64Array(0), new Float64Array(0))).toHaveLength(0);
  });
});
