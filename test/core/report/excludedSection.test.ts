/**
 * The account of what a run leaves out: rejected rows and holdings left out, by row and ID, with
 * par × price / 100 and the share of the book; on a small range built here and on the sample
 * workbook, where the expected rows are read straight from its cells (Type callable or MBS).
 */
import ExcelJS from "exceljs";
import * as path from "path";
import { readHoldings } from "../../../src/core/holdings";
import { leftOutBeforePricing } from "../../../src/core/engines/registry";
import {
  buildExcludedSheet,
  excludedHoldings,
  exclusionSentence,
} from "../../../src/core/report/excludedSection";
import { runRecommendation } from "../../../src/core/report/recommendation";
import { sheetValues } from "../../../src/cli/workbookInput";
import { serialFromIso } from "../../../src/core/dates";

const SETTLE = serialFromIso("2025-01-02")!;
const HEADER = ["ID", "Type", "Par", "Coupon", "Maturity", "Price"];
const VALUES: unknown[][] = [
  HEADER,
  ["A", "bullet", 1_000_000, 0.04, "2030-01-15", 98],
  ["B", "bullet", 2_000_000, 0.03, "2024-06-30", 99.5], // matured at settlement: rejected
  ["C", "mbs", 3_000_000, 0.05, "2032-05-01", 101], // left out: option-adjusted analytics
  [],
  ["D", "bullet", 500_000, 0.04, "2031-01-15", "n/a"], // price unreadable: rejected, value unknown
  ["E", "bullet", 4_000_000, 0.045, "2035-01-15", 100],
];

function account(values: unknown[][] = VALUES) {
  const read = readHoldings(values, {
    settlement: SETTLE,
    sheet: "Book",
    originRow: 3,
    originColumn: 1,
  });
  return excludedHoldings({
    values,
    sheet: "Book",
    originRow: 3,
    originColumn: 1,
    mapping: read.mapping,
    problems: read.problems,
    holdings: read.holdings,
    // An MBS row without its pool columns is left out by its engine (MBS_NO_TERMS).
    reasons: leftOutBeforePricing(read.holdings),
  });
}

describe("excludedHoldings", () => {
  it("lists rejected rows and left-out holdings by worksheet row, with par × price / 100", () => {
    const { rows, summary } = account();
    expect(rows.map((r) => [r.row, r.id, r.status])).toEqual([
      [5, "B", "rejected"],
      [6, "C", "left out"],
      [8, "D", "rejected"],
    ]);
    expect(rows[0].marketValue).toBeCloseTo(1_990_000, 6);
    expect(rows[0].reason).toMatch(/Maturity/);
    expect(rows[1].marketValue).toBeCloseTo(3_030_000, 6);
    expect(rows[1].cell).toBe("Book!B6");
    expect(rows[2].marketValue).toBeNull();
    expect(rows[2].share).toBeNull();
    // Book: A 980,000 + E 4,000,000 in totals, plus B and C known.
    const book = 980_000 + 4_000_000 + 1_990_000 + 3_030_000;
    expect(summary).toEqual({
      rowsChecked: 5,
      inTotals: 2,
      leftOut: 3,
      leftOutValue: 1_990_000 + 3_030_000,
      unknownValues: 1,
      bookValue: book,
      share: (1_990_000 + 3_030_000) / book,
    });
    expect(rows[1].share! + rows[0].share!).toBeCloseTo(summary.share, 12);
    expect(exclusionSentence(summary, "USD")).toBe(
      "5 rows checked: 2 in totals, 3 left out (5.0 m USD, 50.2%; 1 of unknown value)"
    );
  });

  it("builds the Excluded Holdings sheet with a real table of every row", () => {
    const { rows, summary } = account();
    const sheet = buildExcludedSheet({
      rows,
      summary,
      source: "Book!B3:G9",
      settlement: SETTLE,
      currency: "USD",
      runDate: "2025-01-02",
    });
    expect(sheet.name).toBe("Excluded Holdings");
    expect(sheet.tables).toHaveLength(1);
    const t = sheet.tables![0];
    expect(t.rows).toBe(rows.length + 1);
    expect(sheet.rows[t.row + 3][6].value).toBe("unknown");
    expect(sheet.rows[t.row + 2][1].value).toBe("C");
  });

  it("says so when nothing is left out (no table without rows)", () => {
    const { rows, summary } = account([VALUES[0], VALUES[1], VALUES[6]]);
    expect(rows).toEqual([]);
    expect(exclusionSentence(summary, "USD")).toBe("2 rows checked: 2 in totals, 0 left out");
    const sheet = buildExcludedSheet({
      rows,
      summary,
      source: "x",
      settlement: SETTLE,
      currency: "USD",
      runDate: "r",
    });
    expect(sheet.tables).toEqual([]);
  });
});

describe("the sample workbook's account", () => {
  it("puts every row in the totals (every kind has an engine): nothing left out", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(
      path.join(__dirname, "..", "..", "..", "assets", "sample-portfolio.xlsx")
    );
    const values = sheetValues(book.getWorksheet("Holdings")!);
    const result = await runRecommendation({
      values,
      sheet: "Holdings",
      originRow: 1,
      originColumn: 0,
      settlement: SETTLE,
      targetDuration: 5,
      contractDv01: 69.4,
      runDate: "2025-01-02",
      source: "Holdings!A1:V303",
    });
    if (!result.ok) throw new Error("the sample should run");
    const { rows, summary } = result.record.exclusions;
    // Every kind in the sample has an engine (callables, fixed-to-float, FRNs, MBS): none left out.
    expect(rows).toEqual([]);
    expect(summary.leftOutValue).toBe(0);
    expect(summary.rowsChecked).toBe(values.length - 1);
    expect(summary.inTotals).toBe(values.length - 1);
    expect(summary.inTotals).toBe(result.record.totals.included);
    expect(result.sheets.map((s) => s.name)).toContain("Excluded Holdings");
  });
});
