/**
 * playground.html?holdings=N: the sample's Holdings rows cycled to N rows, each ID unique, every
 * other cell (value and number format) as in its source row; the header and the other sheets
 * untouched; the same rows every time; bad counts refused.
 */
import * as path from "path";
import { workbookSnapshot } from "../../scripts/xlsx-json-loader";
import {
  fillLargeHoldings,
  MAX_LARGE_HOLDINGS,
  parseHoldingsCount,
} from "../../src/playground/largeHoldings";
import { SimWorkbook, WorkbookSnapshot } from "../../src/playground/workbookModel";

const SAMPLE = path.join(__dirname, "..", "..", "assets", "sample-portfolio.xlsx");

let snapshot: WorkbookSnapshot;
beforeAll(async () => {
  snapshot = await workbookSnapshot(SAMPLE);
});

/** The sample with its Holdings rows replaced by n rows. */
function large(n: number): SimWorkbook {
  const book = SimWorkbook.fromSnapshot(snapshot);
  fillLargeHoldings(book, "Holdings", n);
  return book;
}

describe("fillLargeHoldings", () => {
  test("N rows cycling the sample's rows, IDs unique, other cells and formats as their source", () => {
    const original = SimWorkbook.fromSnapshot(snapshot);
    const src = original.sheet("Holdings")!;
    const sourceValues = original.usedValues("Holdings");
    const s = sourceValues.length - 1; // the sample's holdings rows
    expect(s).toBeGreaterThan(250);
    expect(s).toBeLessThan(334); // so that 1,000 rows are 3 full cycles and a part
    expect(sourceValues[0][0]).toBe("ID");

    const n = 1000; // 3 full cycles and a part
    const book = large(n);
    const sheet = book.sheet("Holdings")!;
    const values = book.usedValues("Holdings");
    expect(values.length).toBe(n + 1);
    expect(values[0]).toEqual(sourceValues[0]);
    expect(sheet.usedRect().columnCount).toBe(src.usedRect().columnCount);

    const ids = values.slice(1).map((r) => r[0]);
    expect(new Set(ids).size).toBe(n);
    expect(ids[0]).toBe(sourceValues[1][0]); // the first cycle keeps the sample's IDs
    expect(ids[s]).toBe(`${sourceValues[1][0]}-2`);
    expect(ids[999]).toBe(`${sourceValues[1 + (999 % s)][0]}-4`);

    for (let i = 0; i < n; i++) {
      const from = 1 + (i % s);
      for (let c = 0; c < sourceValues[0].length; c++) {
        const want = src.cell(from, c);
        const got = sheet.cell(i + 1, c);
        if (c !== 0) expect([i, c, got?.value]).toEqual([i, c, want?.value]);
        expect([i, c, got?.numberFormat]).toEqual([i, c, want?.numberFormat]);
        expect([i, c, got?.look]).toEqual([i, c, want?.look]);
      }
    }
    // Number formats really are there (dates, percentages), not all undefined.
    expect(sheet.cell(700, 6)?.numberFormat).toBe(src.cell(100, 6)?.numberFormat);
    expect(src.cell(100, 6)?.numberFormat).toMatch(/yyyy/);

    // The header row's look and the other sheets are untouched.
    expect(sheet.cell(0, 0)).toEqual(src.cell(0, 0));
    for (const name of ["Curve", "Settings"]) {
      expect(book.usedValues(name)).toEqual(original.usedValues(name));
    }
    expect(sheet.freezeRows).toBe(src.freezeRows);
  });

  test("fewer rows than the sample: only the first N, nothing left below", () => {
    const original = SimWorkbook.fromSnapshot(snapshot).usedValues("Holdings");
    const values = large(5).usedValues("Holdings");
    expect(values).toEqual(original.slice(0, 6));
    expect(large(1).usedValues("Holdings")).toEqual(original.slice(0, 2));
  });

  test("deterministic: the same N gives the same cells", () => {
    const a = large(2000).sheet("Holdings")!;
    const b = large(2000).sheet("Holdings")!;
    expect([...a.cells.entries()]).toEqual([...b.cells.entries()]);
  });

  test("the maximum, 50,000 rows, with 50,000 distinct IDs", () => {
    const s = SimWorkbook.fromSnapshot(snapshot).usedValues("Holdings").length - 1;
    const values = large(MAX_LARGE_HOLDINGS).usedValues("Holdings");
    expect(values.length).toBe(MAX_LARGE_HOLDINGS + 1);
    expect(new Set(values.slice(1).map((r) => r[0])).size).toBe(MAX_LARGE_HOLDINGS);
    const last = MAX_LARGE_HOLDINGS - 1; // 0-based index of the last holding
    const cycle = Math.floor(last / s) + 1;
    expect(values[MAX_LARGE_HOLDINGS][0]).toBe(`${values[1 + (last % s)][0]}-${cycle}`);
  });

  test("refuses a count out of range, a missing sheet, a sheet without an ID column", () => {
    const book = SimWorkbook.fromSnapshot(snapshot);
    expect(() => fillLargeHoldings(book, "Holdings", 0)).toThrow(RangeError);
    expect(() => fillLargeHoldings(book, "Holdings", MAX_LARGE_HOLDINGS + 1)).toThrow(RangeError);
    expect(() => fillLargeHoldings(book, "Holdings", 2.5)).toThrow(RangeError);
    expect(() => fillLargeHoldings(book, "Nope", 10)).toThrow(/no "Nope" sheet/);
    expect(() => fillLargeHoldings(book, "Curve", 10)).toThrow(/no ID column/);
    // Nothing changed by the refusals.
    expect(book.usedValues("Holdings")).toEqual(
      SimWorkbook.fromSnapshot(snapshot).usedValues("Holdings")
    );
  });

  test("two equal IDs would be refused", () => {
    const book = SimWorkbook.fromSnapshot({
      sheets: [
        {
          name: "H",
          values: [
            ["ID", "Par"],
            ["A", 1],
            ["A-2", 2],
          ],
        },
      ],
    });
    // Row 3 is the second cycle's "A-2", already the source's second ID.
    expect(() => fillLargeHoldings(book, "H", 3)).toThrow(/"A-2" would appear twice/);
    expect(book.usedValues("H")).toEqual([
      ["ID", "Par"],
      ["A", 1],
      ["A-2", 2],
    ]);
  });
});

describe("parseHoldingsCount", () => {
  test.each([
    ["1", 1],
    ["20000", 20000],
    ["20,000", 20000],
    [" 50000 ", 50000],
  ])("%j → %d", (text, n) => expect(parseHoldingsCount(text)).toBe(n));

  test.each(["", "0", "-5", "50001", "1e4", "2.5", "abc", "20,00"])("%j is refused", (text) =>
    expect(() => parseHoldingsCount(text)).toThrow(
      /expected a whole number of rows from 1 to 50,000/
    )
  );
});
