/** The Settings sheet reader: labels as the sample has them, the cell each value came from, problems. */
import ExcelJS from "exceljs";
import * as path from "path";
import { readWorkbookSettings, settingLabels } from "../../../src/core/settings";
import { sheetValues, settingsOf } from "../../../src/cli/workbookInput";
import { serialFromIso } from "../../../src/core/dates";

describe("readWorkbookSettings", () => {
  it("reads the sample's Settings sheet, with the cell of each value", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(
      path.join(__dirname, "..", "..", "..", "assets", "sample-portfolio.xlsx")
    );
    const ws = book.getWorksheet("Settings")!;
    const s = readWorkbookSettings(sheetValues(ws));
    expect(s.settlement).toEqual({ value: serialFromIso("2025-01-02"), cell: "Settings!B2" });
    expect(s.asOf).toEqual({ value: serialFromIso("2024-12-31"), cell: "Settings!B3" });
    expect(s.currency).toEqual({ value: "USD", cell: "Settings!B4" });
    expect(s.targetDuration).toEqual({ value: 5, cell: "Settings!B6" });
    expect(s.contractCode).toEqual({ value: "ZN", cell: "Settings!B7" });
    expect(s.contractDv01?.cell).toBe("Settings!B8");
    expect(s.contractDv01!.value).toBeCloseTo(69.409, 3);
    expect(s.problems).toEqual([]);
    // The CLI's label map is the same parser's.
    expect(settingsOf(ws).get("target duration")).toBe(5);
  });

  it("reads what Office.js gives (date serials) at the range's origin; bad values are problems", () => {
    const s = readWorkbookSettings(
      [
        ["", ""],
        ["Settlement date:", 45659],
        ["Target duration (years)", "abc"],
        ["Hedge contract", "Bund"],
        ["Horizon (months)", 6],
        ["Contract DV01", ""],
      ],
      { sheet: "My Settings", originRow: 4, originColumn: 2 }
    );
    expect(s.settlement).toEqual({ value: 45659, cell: "'My Settings'!D5" });
    expect(s.targetDuration).toBeUndefined();
    expect(s.problems.map((p) => p.message)).toEqual([
      `'My Settings'!D6 (target duration): expected years, 0–100, got "abc"`,
    ]);
    // A contract name that is not a Treasury futures code gives the name, no code.
    expect(s.contractName?.value).toBe("Bund");
    expect(s.contractCode).toBeUndefined();
    expect(s.horizonMonths).toEqual({ value: 6, cell: "'My Settings'!D8" });
    expect(s.contractDv01).toBeUndefined();
  });

  it("reads the wizard's option settings with the parsers the pane uses", () => {
    const s = readWorkbookSettings([
      ["Rounding", "Down"],
      ["Sizing", "KRD"],
      ["Curve kind", "zero_cont"],
      ["Interpolation", "monotone cubic"],
      ["Repo", "4.3%"],
      ["Yield beta", 0.95],
    ]);
    expect(s.rounding?.value).toBe("down");
    expect(s.sizing?.value).toBe("krd");
    expect(s.curveKind?.value).toBe("zero_cont");
    expect(s.interpolation).toBeUndefined();
    expect(s.problems.map((p) => p.cell)).toEqual(["Settings!B4"]);
    expect(s.repo?.value).toBeCloseTo(0.043, 12);
    expect(s.beta).toEqual({ value: 0.95, cell: "Settings!B6" });
    // A repo of 4.3 (percent without the sign) is not guessed: a problem.
    expect(readWorkbookSettings([["Repo", 4.3]]).problems[0].message).toBe(
      "Settings!B1 (repo): expected a decimal rate, e.g. 0.043, got 4.3"
    );
  });

  it("keeps the first of a repeated label", () => {
    expect(
      settingLabels([
        ["Beta", 1],
        ["beta", 2],
      ]).get("beta")?.value
    ).toBe(1);
  });
});
