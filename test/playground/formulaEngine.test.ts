/**
 * The simulator's calculation: the formula subset the add-in writes, Excel's error rules, and
 * recalculation of dependents (transitively, across sheets, ranges included) after a write.
 */
import {
  evaluate,
  evaluateFormula,
  formulaShape,
  parseFormula,
  precedents,
  shiftFormula,
} from "../../src/playground/formulaEngine";
import { SimWorkbook } from "../../src/playground/workbookModel";
import { columnIndex } from "../../src/playground/a1";
import fc from "fast-check";

/** Evaluates a formula against a fixed grid on the formula's own sheet. */
function value(formula: string, grid: (number | string)[][] = [], functions = undefined) {
  return evaluate(parseFormula(formula), {
    functions,
    values: (_sheet, rect) =>
      Array.from({ length: rect.rowCount }, (_, r) =>
        Array.from(
          { length: rect.columnCount },
          (_, c) => grid[rect.row + r]?.[rect.column + c] ?? ""
        )
      ),
  });
}

describe("formula engine", () => {
  it("arithmetic with Excel's precedence, unary minus and parentheses", () => {
    expect(value("=1+2*3")).toBe(7);
    expect(value("=(1+2)*3")).toBe(9);
    expect(value("=-2*-3")).toBe(6);
    expect(value("=10/4-1.5e0")).toBe(1);
    expect(value("=1/0")).toBe("#DIV/0!");
    expect(value('="a"+1')).toBe("#VALUE!");
  });

  it("references: relative, absolute, ranges and other sheets", () => {
    const grid = [
      [1, 2],
      [3, 4],
    ];
    expect(value("=A1+$B$2", grid)).toBe(5);
    expect(value("=SUM(A1:B2)", grid)).toBe(10);
    expect(precedents(parseFormula("='It''s here'!C3*Data!A1:A9"))).toEqual([
      { sheet: "It's here", rect: { row: 2, column: 2, rowCount: 1, columnCount: 1 } },
      { sheet: "Data", rect: { row: 0, column: 0, rowCount: 9, columnCount: 1 } },
    ]);
  });

  it("SUMIFS with equality criteria, case-insensitive for text", () => {
    const grid = [
      [10, "yes"],
      [20, "no"],
      [30, "YES"],
    ];
    expect(value('=SUMIFS(A1:A3,B1:B3,"yes")', grid)).toBe(40);
    expect(value('=SUMIFS(A1:A3,B1:B3,"maybe")', grid)).toBe(0);
  });

  it("custom functions get one matrix per argument; errors in arguments propagate uncalled", () => {
    const calls: unknown[] = [];
    const fns = ((name: string, args: unknown[][][]) => {
      calls.push([name, args]);
      return name === "KEYRATE.TWICE" ? Number(args[0][0][0]) * 2 : undefined;
    }) as never;
    expect(value("=KEYRATE.TWICE(A1)", [[21]], fns)).toBe(42);
    expect(calls).toEqual([["KEYRATE.TWICE", [[[21]]]]]);
    expect(value("=KEYRATE.TWICE(A1)", [["#NUM!"]], fns)).toBe("#NUM!");
    expect(calls.length).toBe(1);
    expect(value("=NOPE(1)", [], fns)).toBe("#NAME?");
  });

  it("passes empty cells and omitted arguments as null, as Excel on the web does", () => {
    const calls: unknown[] = [];
    const fns = ((name: string, args: unknown[]) => {
      calls.push(args);
      return 1;
    }) as never;
    expect(value("=KEYRATE.F(A1,,B1:C1,)", [[0, 5, ""]], fns)).toBe(1);
    expect(calls).toEqual([[[[0]], null, [[5, null]], null]]);
  });

  it("keeps a custom function's matrix and its error messages", () => {
    const fns = (() => [[1, { error: "#N/A", message: "coupon: the cell is empty" }]]) as never;
    const out = evaluateFormula(parseFormula("=KEYRATE.G()"), { functions: fns, values: () => [] });
    expect(out).toEqual({
      values: [[1, "#N/A"]],
      messages: [[undefined, "coupon: the cell is empty"]],
    });
    expect(value("=KEYRATE.G()+1", [], fns)).toBe(2);
  });

  it("rejects what it cannot read", () => {
    expect(() => parseFormula("=A1&B1")).toThrow(/cannot read/);
    expect(() => parseFormula("=SUM(A1")).toThrow(/expected "\)"/);
  });
});

describe("recalculation in the simulated workbook", () => {
  it("recalculates dependents transitively and across sheets when a cell is entered", () => {
    const book = new SimWorkbook("In");
    book.addSheet("Out");
    book.enter("In!A1", 2);
    book.enter("Out!A1", "=In!A1*10");
    book.enter("Out!B1", "=A1+1");
    book.enter("Out!C1", "=SUMIFS(A1:B1,A1:B1,21)");
    expect(book.usedValues("Out")).toEqual([[20, 21, 21]]);
    book.enter("In!A1", 3);
    expect(book.usedValues("Out")).toEqual([[30, 31, 0]]);
    book.enter("Out!A1", "=5");
    expect(book.usedValues("Out")).toEqual([[5, 6, 0]]);
  });

  it("a cycle shows #REF! instead of hanging; unsupported formulas show #NAME?", () => {
    const book = new SimWorkbook("S");
    book.enter("A1", "=B1+1");
    book.enter("B1", "=A1+1");
    expect([book.cellAt("A1")?.value, book.cellAt("B1")?.value]).toContain("#REF!");
    book.enter("C1", "=A1&B1");
    expect(book.cellAt("C1")?.value).toBe("#NAME?");
  });
});

describe("formula shapes", () => {
  it("a formula filled down or across has one shape; absolute parts and text stay as written", () => {
    const a = formulaShape("=KEYRATE.DV01($B$7,G55,F55,'Sheet A1'!E55,\"C3\")", 54, 16);
    const b = formulaShape("=KEYRATE.DV01($B$7,G56,F56,'Sheet A1'!E56,\"C3\")", 55, 16);
    expect(a).toBe(b);
    expect(a).toContain("$B$7");
    expect(a).toContain('"C3"');
    expect(a).toContain("KEYRATE.DV01(");
    // Another absolute row is another shape.
    expect(formulaShape("=$B$8+G55", 54, 16)).not.toBe(formulaShape("=$B$7+G55", 54, 16));
  });

  it("the scanner finds what the regular expression it replaced finds, on formula-like text", () => {
    // The expression formulaShape's comment gives, as it was used before the scanner.
    const byRegex = (formula: string, row: number, column: number) =>
      formula.replace(
        /"(?:[^"]|"")*"|'(?:[^']|'')*'|(?<![\w.$])(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![\w(.])/g,
        (m, colFixed?: string, letters?: string, rowFixed?: string, digits?: string) => {
          if (letters === undefined || digits === undefined) return m;
          const c = colFixed ? `$${letters.toUpperCase()}` : `c${columnIndex(letters) - column}`;
          const r = rowFixed ? `$${digits}` : `r${Number(digits) - 1 - row}`;
          return c + r;
        }
      );
    // Pieces formulas are made of, unbalanced quotes included.
    const piece = fc.constantFrom(
      ..."=+-*/,:!().$\"'_ 0123456789aAbBzZ".split(""),
      "KEYRATE.DV01(",
      "SUM(",
      "'Sheet A1'!",
      "'It''s'!",
      '"C3"',
      '"a""b"',
      "A1",
      "$B$7",
      "g55",
      "XFD1048576",
      "ABCD1",
      "A1B",
      "B$2",
      "$C4",
      "LOG10(",
      "x.A1"
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 14 }),
        fc.nat(200),
        fc.nat(40),
        (parts, row, column) => {
          const formula = parts.join("");
          expect(formulaShape(formula, row, column)).toBe(byRegex(formula, row, column));
        }
      ),
      { numRuns: 20000 }
    );
  });

  it("moving a formula shifts its relative parts only, as Excel's fill does", () => {
    const moved = shiftFormula(parseFormula("=SUM($A$1:A3)+B$2*$C4"), 2, 1);
    expect(precedents(moved)).toEqual([
      { sheet: undefined, rect: { row: 0, column: 0, rowCount: 5, columnCount: 2 } },
      { sheet: undefined, rect: { row: 1, column: 2, rowCount: 1, columnCount: 1 } },
      { sheet: undefined, rect: { row: 5, column: 2, rowCount: 1, columnCount: 1 } },
    ]);
  });
});
