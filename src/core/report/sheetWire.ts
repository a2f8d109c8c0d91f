/**
 * A sheet model packed for crossing between threads (the task pane's compute worker and the
 * page): the grid as flat columns — values, formula texts where there are formulas, number
 * formats and styles as small indexes, wrap and alignment as bits — instead of one object per
 * cell. Structured cloning 220,000 cell objects took longer on the page's side than the sheets
 * took to write; the packed form clones as a few arrays, most of them typed. Unpacking gives a
 * model equal to the one packed.
 */
import { Cell, CELL_STYLES, SheetModel } from "./sheetModel";

const WRAP = 1;
const ALIGN_RIGHT = 2;

/** A sheet model's grid as columns (row-major cell index i = row × width + column). */
export interface PackedSheet extends Omit<SheetModel, "rows"> {
  readonly rowCount: number;
  /** Each cell's value; a formula cell's expected result. */
  readonly values: (number | string | null)[];
  /** The cells holding formulas (ascending) and their texts. */
  readonly formulaCells: Int32Array;
  readonly formulas: string[];
  /** 1-based index into `formats` (0: no number format). */
  readonly numFmt: Uint16Array;
  readonly formats: string[];
  /** 1-based index into CELL_STYLES (0: none). */
  readonly style: Uint8Array;
  /** Bit 1: text wraps; bit 2: right-aligned. */
  readonly flags: Uint8Array;
}

/** The model as columns. */
export function packSheet(model: SheetModel): PackedSheet {
  const { rows, ...rest } = model;
  const width = model.columnWidths.length;
  const size = rows.length * width;
  const values = new Array<number | string | null>(size);
  const numFmt = new Uint16Array(size);
  const style = new Uint8Array(size);
  const flags = new Uint8Array(size);
  const formulaCells: number[] = [];
  const formulas: string[] = [];
  const formats: string[] = [];
  const formatIndex = new Map<string, number>();
  let i = 0;
  for (const row of rows) {
    for (const cell of row) {
      const v = cell.value;
      if (v !== null && typeof v === "object") {
        formulaCells.push(i);
        formulas.push(v.formula);
        values[i] = v.result;
      } else values[i] = v;
      if (cell.numFmt !== undefined) {
        let f = formatIndex.get(cell.numFmt);
        if (f === undefined) formatIndex.set(cell.numFmt, (f = formats.push(cell.numFmt)));
        numFmt[i] = f;
      }
      if (cell.style) style[i] = CELL_STYLES.indexOf(cell.style) + 1;
      flags[i] = (cell.wrap ? WRAP : 0) | (cell.alignRight ? ALIGN_RIGHT : 0);
      i++;
    }
  }
  return {
    ...rest,
    rowCount: rows.length,
    values,
    formulaCells: Int32Array.from(formulaCells),
    formulas,
    numFmt,
    formats,
    style,
    flags,
  };
}

/** The model again (cells carry only the properties set). */
export function unpackSheet(packed: PackedSheet): SheetModel {
  const { rowCount, values, formulaCells, formulas, numFmt, formats, style, flags, ...rest } =
    packed;
  const width = packed.columnWidths.length;
  const rows: Cell[][] = new Array<Cell[]>(rowCount);
  let next = 0;
  for (let r = 0, i = 0; r < rowCount; r++) {
    const row = new Array<Cell>(width);
    for (let c = 0; c < width; c++, i++) {
      const isFormula = next < formulaCells.length && formulaCells[next] === i;
      const cell: { -readonly [K in keyof Cell]: Cell[K] } = {
        value: isFormula
          ? { formula: formulas[next++], result: values[i] as number | string }
          : values[i],
      };
      if (numFmt[i]) cell.numFmt = formats[numFmt[i] - 1];
      if (style[i]) cell.style = CELL_STYLES[style[i] - 1];
      if (flags[i] & WRAP) cell.wrap = true;
      if (flags[i] & ALIGN_RIGHT) cell.alignRight = true;
      row[c] = cell;
    }
    rows[r] = row;
  }
  return { ...rest, rows };
}
