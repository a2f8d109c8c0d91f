/**
 * The packed form of a sheet model (what the compute worker sends the pane): unpacked, it equals
 * the model packed — values of every kind, formulas with their expected results, number formats,
 * every named style, wrap and right alignment, and the sheet's own settings — and it crosses a
 * structured clone as a few arrays rather than an object per cell.
 */
import { packSheet, unpackSheet } from "../../../src/core/report/sheetWire";
import { Cell, CELL_STYLES, SheetModel } from "../../../src/core/report/sheetModel";

function model(): SheetModel {
  const rows: Cell[][] = [];
  for (let r = 0; r < 40; r++) {
    const row: Cell[] = [];
    for (let c = 0; c < 5; c++) {
      const k = r * 5 + c;
      const value =
        k % 7 === 0
          ? { formula: `SUM(A${r + 1}:B${r + 1})`, result: k % 2 ? "n/a" : k * 1.5 }
          : k % 5 === 0
            ? null
            : k % 3 === 0
              ? `text ${k}`
              : k === 4
                ? -0
                : k / 3;
      const cell: { -readonly [K in keyof Cell]: Cell[K] } = { value };
      if (k % 4 === 0) cell.numFmt = k % 8 ? "#,##0.00" : "0.0%";
      if (k % 6 === 0) cell.style = CELL_STYLES[(k / 6) % CELL_STYLES.length];
      if (k % 9 === 0) cell.wrap = true;
      if (k % 11 === 0) cell.alignRight = true;
      row.push(cell);
    }
    rows.push(row);
  }
  return {
    name: "Packed",
    rows,
    columnWidths: [10, 12, 8, 20, 9],
    freezeRows: 2,
    tables: [{ name: "krT", row: 1, column: 0, rows: 10, columns: 5 }],
    rowHeights: [{ row: 3, points: 30 }],
    merges: [{ row: 0, column: 0, rows: 1, columns: 5 }],
    print: { orientation: "landscape", fitToPagesWide: 1, rowBreaks: [20] },
  } as SheetModel;
}

describe("a packed sheet model", () => {
  it("unpacks to the model packed, after a structured clone", () => {
    const m = model();
    const back = unpackSheet(structuredClone(packSheet(m)));
    expect(back).toEqual(m);
    expect(Object.is(back.rows[0][4].value, -0)).toBe(true);
    // Two-sided: a changed cell is seen.
    const changed = model();
    (changed.rows[7][2] as { value: unknown }).value = 99;
    expect(unpackSheet(packSheet(changed))).not.toEqual(m);
  });

  it("is a few arrays: formats and formulas once each, styles and flags as bytes", () => {
    const p = packSheet(model());
    expect(p.values).toHaveLength(200);
    expect(p.formats).toEqual(["0.0%", "#,##0.00"]);
    expect(p.formulaCells.length).toBe(p.formulas.length);
    expect(p.style).toBeInstanceOf(Uint8Array);
    expect(p.flags).toBeInstanceOf(Uint8Array);
    expect(p).not.toHaveProperty("rows");
  });
});
