import { serialFromIso, serialFromYmd } from "../../../src/core/dates";
import { CONTRACT_CODES, contractSpec, ContractCode } from "../../../src/core/futures/contracts";
import { deliverableMask, isDeliverable } from "../../../src/core/futures/deliverable";
import { CmeRow, describeWithTable, loadCmeTable } from "./cmeTable";

const table = loadCmeTable();

/**
 * 7-year notes that Treasury reopened as 5-year notes (same coupon and maturity, so the same
 * CUSIP): CME lists them for ZT/ZF, where the original-term limit (5y3m) is met by the 5-year
 * tranche. The table gives the first issue date; these are the reopenings' issue dates.
 */
const REOPENED_AS_FIVE_YEAR: Record<string, string> = {
  "912828Z78": "2022-01-31", // 1.5% 2027-01-31, 7-year of 2020-01-31
  "91282CGQ8": "2025-02-28", // 4% 2030-02-28, 7-year of 2023-02-28
};

/** Issue date whose original term counts for a contract (the 5-year tranche for ZT/ZF). */
function issueFor(contract: ContractCode, cusip: string, issue: number): number {
  const reopened = REOPENED_AS_FIVE_YEAR[cusip];
  return reopened && (contract === "ZT" || contract === "ZF") ? serialFromIso(reopened)! : issue;
}

/**
 * Bonds the rules judge deliverable that CME's workbook does not list for that month. All are
 * at the far end of a sheet's months; the workbook's ZN sheet does not carry the February 2035
 * note at all, and its TWE sheet stops before the 2046-11 and 2047-02 bonds.
 */
const UNLISTED_BY_CME = new Set([
  "ZN 91282CMM0 2027-3",
  "ZN 91282CMM0 2027-6",
  "ZN 91282CMM0 2027-9",
  "ZN 91282CMM0 2027-12",
  "ZN 91282CMM0 2028-3",
  "TWE 912810RU4 2027-3",
  "TWE 912810RU4 2027-6",
  "TWE 912810RV2 2027-6",
]);

describeWithTable(table)("deliverable rules against CME's 2025-03-13 table", () => {
  const rows = table ?? [];

  it("judges every listed (bond, contract, month) deliverable", () => {
    const rejected = rows
      .filter(
        (r) =>
          !isDeliverable(
            contractSpec(r.contract),
            r.month,
            issueFor(r.contract, r.cusip, r.issue),
            r.maturity
          )
      )
      .map((r) => `line ${r.line}: ${r.contract} ${r.cusip} ${r.month.y}-${r.month.m}`);
    expect(rejected).toEqual([]);
  });

  it("judges no other bond of the table deliverable in a listed month (two-sided)", () => {
    const bonds = new Map<string, CmeRow>();
    const listed = new Set<string>();
    const months = new Map<ContractCode, Set<string>>();
    for (const r of rows) {
      bonds.set(r.cusip, r);
      listed.add(`${r.contract} ${r.cusip} ${r.month.y}-${r.month.m}`);
      months.set(
        r.contract,
        (months.get(r.contract) ?? new Set()).add(`${r.month.y}-${r.month.m}`)
      );
    }
    const universe = [...bonds.values()];
    const extra: string[] = [];
    for (const code of CONTRACT_CODES) {
      for (const key of months.get(code) ?? []) {
        const [y, m] = key.split("-").map(Number);
        const mask = deliverableMask(
          contractSpec(code),
          { y, m },
          Float64Array.from(universe, (b) => issueFor(code, b.cusip, b.issue)),
          Float64Array.from(universe, (b) => b.maturity)
        );
        universe.forEach((b, i) => {
          const id = `${code} ${b.cusip} ${key}`;
          if (mask[i] === 1 && !listed.has(id) && !UNLISTED_BY_CME.has(id)) extra.push(id);
        });
      }
    }
    expect(extra).toEqual([]);
  });

  it("rejects the 7-year notes for ZT/ZF when given their first issue date", () => {
    const z78 = rows.find((r) => r.cusip === "912828Z78" && r.contract === "ZT")!;
    expect(isDeliverable(contractSpec("ZT"), z78.month, z78.issue, z78.maturity)).toBe(false);
  });
});

describe("deliverable rules, by hand", () => {
  const d = (code: ContractCode, y: number, m: number, issue: string, maturity: string) =>
    isDeliverable(contractSpec(code), { y, m }, serialFromIso(issue)!, serialFromIso(maturity)!);

  it("applies ZT's limits at both ends of the month", () => {
    // ≥ 1y9m from 2025-06-01 is 2027-03-01; ≤ 2y from 2025-06-30 is 2027-06-30.
    expect(d("ZT", 2025, 6, "2025-02-28", "2027-02-28")).toBe(false);
    expect(d("ZT", 2025, 6, "2025-03-01", "2027-03-01")).toBe(true);
    expect(d("ZT", 2025, 6, "2025-06-30", "2027-06-30")).toBe(true);
    expect(d("ZT", 2025, 6, "2025-07-01", "2027-07-01")).toBe(false);
    // A 10-year note with 2 years left is not a ZT deliverable (original term).
    expect(d("ZT", 2025, 6, "2017-05-15", "2027-05-15")).toBe(false);
  });

  it("keeps ZB's 25-year limit exclusive and UB's inclusive", () => {
    expect(d("ZB", 2025, 6, "2020-06-01", "2050-06-01")).toBe(false);
    expect(d("UB", 2025, 6, "2020-06-01", "2050-06-01")).toBe(true);
    expect(d("ZB", 2025, 6, "2020-05-31", "2050-05-31")).toBe(true);
    expect(d("ZB", 2025, 6, "2010-06-01", "2040-05-31")).toBe(false); // 14y11m
  });

  it("rejects obviously ineligible bonds for every contract", () => {
    const bill = [serialFromYmd(2025, 1, 2), serialFromYmd(2025, 12, 30)];
    const longBond = [serialFromYmd(2025, 2, 15), serialFromYmd(2055, 2, 15)];
    for (const code of CONTRACT_CODES) {
      const spec = contractSpec(code);
      expect(isDeliverable(spec, { y: 2025, m: 6 }, bill[0], bill[1])).toBe(false);
      expect(isDeliverable(spec, { y: 2025, m: 6 }, longBond[0], longBond[1])).toBe(code === "UB");
    }
  });

  it("caps ZN at 8 years remaining (CME's table, not SPEC's 10)", () => {
    expect(d("ZN", 2025, 3, "2022-11-15", "2032-11-15")).toBe(true); // 7y8m14d
    expect(d("ZN", 2025, 3, "2023-05-15", "2033-05-15")).toBe(false); // 8y2m14d
    expect(d("ZN", 2025, 3, "2018-08-15", "2028-08-15")).toBe(false); // 3y5m: too short
  });

  it("requires TN deliverables to be 10-year notes with 9y5m–10y left", () => {
    expect(d("TN", 2025, 6, "2025-05-15", "2035-05-15")).toBe(true);
    expect(d("TN", 2025, 6, "2024-11-15", "2034-11-15")).toBe(true); // 9y5m14d
    expect(d("TN", 2025, 6, "2024-08-15", "2034-08-15")).toBe(false); // 9y2m
    expect(d("TN", 2025, 6, "2015-05-15", "2035-05-15")).toBe(false); // a 20-year bond
  });
});
