/**
 * Dynamic arrays and error messages in the simulated workbook, with the add-in's own custom
 * functions registered through the simulated CustomFunctions global, as the playground does: a KRD
 * row and a PORTFOLIO table spill from one cell, #SPILL! where the spill range holds data, spilled
 * cells read back through Range.values/formulas as in Excel, and a function's error message stays
 * with its cell. An empty required cell and an omitted argument reach the functions as Excel
 * passes them (null), so their #N/A path runs.
 */
import { simulatedExcelRun } from "../../src/playground/excelSimulator";
import { installOfficeGlobals } from "../../src/playground/officeShim";
import { SPILL_BLOCKED } from "../../src/playground/calculator";
import { SimWorkbook } from "../../src/playground/workbookModel";

const book = new SimWorkbook("Data");
const { customFunctions } = installOfficeGlobals(globalThis, book);
// The function files read the CustomFunctions global when they load: require them after it exists.
const curveFns = require("../../src/functions/curve");
const bondFns = require("../../src/functions/bond");
for (const name of ["KRD", "PORTFOLIO", "DURATION_EFF"]) {
  (globalThis as any).CustomFunctions.associate(name, curveFns[name]);
}
(globalThis as any).CustomFunctions.associate("DURATION_MOD", bondFns.DURATION_MOD);

const CURVE = [
  ["Tenor", "Rate"],
  ["1Y", 0.041],
  ["2Y", 0.04],
  ["5Y", 0.041],
  ["10Y", 0.043],
  ["30Y", 0.046],
];
const HOLDINGS = [
  ["ID", "Par", "Coupon", "Maturity", "Price", "Sector"],
  ["A", 1000000, 0.0425, "2035-02-15", 98.1, "Treasury"],
  ["B", 2000000, 0.03, "2029-05-15", 96.5, "Treasury"],
  ["C", 500000, 0.05, "2044-08-15", 101.25, "Corporate"],
];
const BOND = ["2025-01-02", "2035-02-15", 0.0425, 98.1, 2];

/** Writes a block of values from a top-left cell on the Data sheet. */
function put(row: number, column: number, rows: (string | number)[][]): void {
  const sheet = book.sheet("Data")!;
  rows.forEach((r, i) => r.forEach((v, j) => (sheet.cellForWrite(row + i, column + j).value = v)));
  book.noteWrite(sheet, { row, column, rowCount: rows.length, columnCount: rows[0].length });
  book.recalculate();
}

const value = (address: string) => book.cellAt(address)?.value;

beforeAll(() => {
  put(0, 0, CURVE); // A1:B6
  put(0, 3, [BOND]); // D1:H1
  put(10, 0, HOLDINGS); // A11:F14
});

describe("dynamic arrays", () => {
  test("a KRD formula spills its row; the values are the function's own, the formula only in the anchor", async () => {
    expect(customFunctions.has("KRD")).toBe(true);
    book.enter("Data!D3", "=KEYRATE.KRD(D1,E1,F1,G1,H1,A1:B6)");
    const direct: number[][] = curveFns.KRD(...BOND.map((v) => [[v]]), CURVE);
    expect(direct[0]).toHaveLength(10);
    const read = await simulatedExcelRun(book)(async (context) => {
      const range = context.workbook.worksheets.getItem("Data").getRange("D3:N3");
      range.load(["values", "formulas"]);
      await context.sync();
      return { values: range.values, formulas: range.formulas };
    });
    expect(read.values[0].slice(0, 10)).toEqual(direct[0]);
    expect(read.values[0][10]).toBe(""); // nothing beyond the spill
    expect(read.formulas[0][0]).toBe("=KEYRATE.KRD(D1,E1,F1,G1,H1,A1:B6)");
    expect(read.formulas[0].slice(1, 10)).toEqual(direct[0].slice(1));
    expect(book.calc.spillAnchor(book.sheet("Data")!, 2, 8)).toEqual({
      row: 2,
      column: 3,
      rowCount: 1,
      columnCount: 1,
    });
    expect(book.calc.spillAnchor(book.sheet("Data")!, 2, 3)).toBeUndefined();
  });

  test("formulas reading spilled cells follow the spill when an input changes", () => {
    book.enter("Data!P3", "=SUM(D3:M3)");
    const eff = (price: number) =>
      curveFns.DURATION_EFF(...BOND.slice(0, 3).map((v) => [[v]]), [[price]], [[2]], CURVE)[0][0];
    expect(value("Data!P3")).toBeCloseTo(eff(98.1), 4);
    book.enter("Data!G1", 90);
    expect(value("Data!P3")).toBeCloseTo(eff(90), 4);
    expect(value("Data!P3")).not.toBeCloseTo(eff(98.1), 4);
    book.enter("Data!G1", 98.1);
  });

  test("a value in the spill range gives #SPILL! with Excel's message; clearing it spills again", () => {
    book.enter("Data!H3", "mine");
    const anchor = book.cellAt("Data!D3")!;
    expect(anchor.value).toBe("#SPILL!");
    expect(anchor.message).toMatch(new RegExp(`^${SPILL_BLOCKED}: H3`));
    expect(value("Data!E3")).toBe(""); // the rest of the old spill is cleared
    expect(value("Data!H3")).toBe("mine"); // the user's cell is never overwritten
    expect(value("Data!P3")).toBe("#SPILL!"); // SUM passes the anchor's error on, as in Excel
    book.enter("Data!H3", "");
    expect(typeof value("Data!D3")).toBe("number");
    expect(typeof value("Data!H3")).toBe("number");
    expect(book.cellAt("Data!D3")!.message).toBeUndefined();
    expect(typeof value("Data!P3")).toBe("number");
  });

  test("a formula in the spill range blocks it too; a smaller result clears the cells it left", () => {
    book.enter("Data!E5", "=1+1");
    book.enter("Data!D5", "=KEYRATE.KRD(D1,E1,F1,G1,H1,A1:B6)");
    expect(value("Data!D5")).toBe("#SPILL!");
    expect(value("Data!E5")).toBe(2);
    book.enter("Data!E5", "");
    expect(typeof value("Data!M5")).toBe("number");
    book.enter("Data!D5", '=KEYRATE.KRD(D1,E1,F1,G1,H1,A1:B6,,"2Y")');
    expect(typeof value("Data!D5")).toBe("number");
    expect(value("Data!E5")).toBe("");
    expect(value("Data!M5")).toBe("");
    book.enter("Data!D5", "");
    expect(value("Data!D5")).toBe("");
  });

  test("a PORTFOLIO table spills rows and columns; #SPILL! when a cell below holds data", () => {
    const direct: unknown[][] = curveFns.PORTFOLIO(HOLDINGS, CURVE, [["2025-01-02"]]);
    expect(direct.length).toBeGreaterThan(5);
    book.enter("Data!A20", '=KEYRATE.PORTFOLIO(A11:F14,A1:B6,"2025-01-02")');
    const sheet = book.sheet("Data")!;
    const width = direct[0].length;
    const shown = sheet.valuesIn({
      row: 19,
      column: 0,
      rowCount: direct.length,
      columnCount: width,
    });
    expect(shown).toEqual(direct);
    expect(
      sheet.valuesIn({ row: 19 + direct.length, column: 0, rowCount: 1, columnCount: width })
    ).toEqual([Array(width).fill("")]);
    book.enter(`Data!B${20 + direct.length - 1}`, 1);
    expect(value("Data!A20")).toBe("#SPILL!");
    expect(value("Data!A21")).toBe("");
  });

  test("a range reference in one cell spills, as in Excel 365", () => {
    book.enter("Data!J20", "=A2:B3");
    expect(
      book.sheet("Data")!.valuesIn({ row: 19, column: 9, rowCount: 2, columnCount: 2 })
    ).toEqual([
      ["1Y", 0.041],
      ["2Y", 0.04],
    ]);
  });
});

describe("errors keep their message; empty and omitted arguments", () => {
  test("an empty required cell reaches the function as null and gives #N/A with its message", () => {
    book.enter("Data!R1", "=KEYRATE.DURATION_MOD(D1,E1,Z1,0.045,H1)");
    const cell = book.cellAt("Data!R1")!;
    expect(cell.value).toBe("#N/A");
    expect(cell.message).toMatch(/coupon/i);
    // Two-sided: with the coupon given the same formula calculates, and the message goes.
    book.enter("Data!Z1", 0.0425);
    expect(typeof cell.value).toBe("number");
    expect(cell.message).toBeUndefined();
    book.enter("Data!Z1", "");
    expect(cell.value).toBe("#N/A");
  });

  test("an omitted argument is null too: #N/A with a message, not a parse error", () => {
    book.enter("Data!R2", "=KEYRATE.DURATION_MOD(D1,E1,,0.045,H1)");
    expect(value("Data!R2")).toBe("#N/A");
    expect(book.cellAt("Data!R2")!.message).toMatch(/coupon/i);
  });

  test("optional parameters left out arrive as null, as Excel passes them", () => {
    const seen: unknown[][] = [];
    (globalThis as any).CustomFunctions.associate(
      "PROBE",
      (a: unknown, b?: unknown, c?: unknown) => {
        seen.push([a, b, c]);
        return [[1]];
      }
    );
    book.enter("Data!R3", "=KEYRATE.PROBE(D1)");
    expect(value("Data!R3")).toBe(1);
    expect(seen).toEqual([[[["2025-01-02"]], null, null]]);
  });

  test("typing over an error cell removes its message", () => {
    book.enter("Data!R2", 5);
    expect(book.cellAt("Data!R2")!.message).toBeUndefined();
  });
});

describe("custom functions after the request, as in Excel (asyncCustomFunctions)", () => {
  test("#BUSY! (and its readers) until the add-in's batch ends; then the values a synchronous calculation gives", async () => {
    const sheet = book.sheet("Data")!;
    const run = simulatedExcelRun(book, { asyncCustomFunctions: true });
    const formulas = [
      ["=KEYRATE.DURATION_MOD(D1,E1,F1,0.045,H1)", "=X5*2", "=SUM(X5:Y5)"],
      ['=KEYRATE.DURATION_MOD("2025-01-02","2029-05-15",0.03,0.045,2)', "=X6+1", "=1+1"],
    ];
    let during: unknown[] = [];
    await run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Data");
      ws.getRange("X5:Z6").formulas = formulas;
      await context.sync();
      // Still inside the batch: the custom functions wait, Excel's own formulas do not.
      during = ["X5", "Y5", "Z5", "X6", "Y6", "Z6"].map(value);
    });
    expect(during).toEqual(["#BUSY!", "#BUSY!", "#BUSY!", "#BUSY!", "#BUSY!", 2]);
    expect(book.calc.queuedCount).toBe(2);
    await book.calculated();
    const later = ["X5", "Y5", "Z5", "X6", "Y6"].map(value);
    // The same formulas calculated within the request (the default) give the same values.
    book.enter("Data!X5", formulas[0][0]);
    book.enter("Data!X6", formulas[1][0]);
    expect(["X5", "Y5", "Z5", "X6", "Y6"].map(value)).toEqual(later);
    expect(typeof later[0]).toBe("number");
    expect(later[1]).toBeCloseTo(2 * (later[0] as number), 12);
    expect(later[2]).toBeCloseTo(3 * (later[0] as number), 12);
    expect(book.calc.queuedCount).toBe(0);
    expect(sheet.cell(4, 23)?.formula).toBe(formulas[0][0]);
  });
});

describe("formulas reading one cell", () => {
  test("every reader follows it; a reader typed over stops following, the others go on", () => {
    // Three formulas filled down two rows, all reading J1 (one indexed reader, then several).
    put(20, 9, [[2]]); // J21
    book.enter("Data!K21", "=$J$21*2");
    book.enter("Data!L21", "=$J$21+1");
    book.enter("Data!M21", "=J21-1");
    book.enter("Data!K22", "=$J$21*3");
    expect([value("Data!K21"), value("Data!L21"), value("Data!M21"), value("Data!K22")]).toEqual([
      4, 3, 1, 6,
    ]);
    book.enter("Data!L21", "7");
    put(20, 9, [[5]]);
    expect([value("Data!K21"), value("Data!L21"), value("Data!M21"), value("Data!K22")]).toEqual([
      10, 7, 4, 15,
    ]);
    book.enter("Data!K21", "0");
    book.enter("Data!M21", "0");
    put(20, 9, [[6]]);
    expect([value("Data!K21"), value("Data!L21"), value("Data!M21"), value("Data!K22")]).toEqual([
      0, 7, 0, 18,
    ]);
  });
});
