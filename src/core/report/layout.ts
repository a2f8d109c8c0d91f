/**
 * Column widths, wrapping, row heights and merged notes of a sheet model, from its values as Excel
 * shows them: every number is formatted with its cell's number format (numfmt, Excel's format
 * language) and its column made wide enough for the text, so no cell shows "###". Header and
 * section cells wrap (at most HEADER_LINES lines); long text in a table column wraps within
 * MAX_TEXT_WIDTH; a note alone on its row longer than the sheet is merged across the sheet and
 * wrapped; a header over a column of numbers is right-aligned. The widths a sheet asks for are kept only for columns with no value of their own (a
 * chart's columns, a column of long notes that spill). Widths are in characters of the default font (Calibri 11: a digit is one character),
 * heights in points.
 */
import { format } from "numfmt";
import type { Cell, CellStyle, SheetModel } from "./sheetModel";
import type { CellRect } from "../a1";

/** Widest a text column grows, characters; longer text wraps. */
export const MAX_TEXT_WIDTH = 60;
/** Lines a header may wrap to before its column widens. */
export const HEADER_LINES = 3;
/** Narrowest column, and the width of a column with no content, characters. */
const MIN_WIDTH = 6;
const EMPTY_WIDTH = 9;
/** Room beside a number (Excel's cell margins), and beside a table header's filter button. */
const NUMBER_PADDING = 2;
const TEXT_PADDING = 1;
const FILTER_BUTTON = 2.5;
/** Height of one line of 11-point text, points. */
export const LINE_POINTS = 15;

/** How much wider than the default font each style's text is (bold ≈ 10%, the 14-pt title). */
const WIDTH_FACTOR: Readonly<Record<CellStyle, number>> = {
  title: 1.45,
  subtitle: 1,
  section: 1.1,
  header: 1.1,
  label: 1,
  total: 1.1,
  note: 1,
  warning: 1.1,
};

/** A cell's text as Excel shows it with its number format ("" for an empty cell). */
export function shownText(cell: Cell): string {
  const v = cell.value !== null && typeof cell.value === "object" ? cell.value.result : cell.value;
  if (v === null) return "";
  if (typeof v === "string") return v;
  return format(cell.numFmt ?? "General", v);
}

/** Lines `text` takes when wrapped at `width` characters (words broken only when longer). */
export function wrappedLines(text: string, width: number): number {
  // (6.6 / 1.1 is 5.999… in binary: a width meant as 6 must stay 6.)
  const w = Math.max(1, Math.floor(width + 1e-9));
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const need = used === 0 ? word.length : used + 1 + word.length;
    if (need <= w) used = need;
    else {
      lines += used === 0 ? 0 : 1;
      lines += Math.ceil(word.length / w) - 1;
      used = word.length % w || w;
    }
  }
  return lines;
}

const isHeaderStyle = (s?: CellStyle) => s === "header" || s === "section";

/** The model with columns wide enough for its values, wrapped headers, heights and merges. */
export function layoutSheet(model: SheetModel): SheetModel {
  const width = model.columnWidths.length;
  const filled = (row: readonly Cell[], c: number) => {
    const v = c < width && row[c] ? shownValueOf(row[c]) : null;
    return v !== null && v !== "";
  };
  const tables = model.tables ?? [];
  const isTableHeader = (r: number, c: number) =>
    tables.some((t) => t.row === r && c >= t.column && c < t.column + t.columns);
  const widths = model.columnWidths.map(() => MIN_WIDTH);
  const used = new Array<boolean>(width).fill(false);
  /** Wrapped cells: row → columns. */
  const wrap = new Map<number, Set<number>>();
  const wrapAt = (r: number, c: number) => (wrap.get(r) ?? wrap.set(r, new Set()).get(r)!).add(c);
  const merges: CellRect[] = [];
  /**
   * Formatted numbers grow with their size on each side of zero, so a column's widest is that of
   * its largest or its most negative value: tracked per column and format (with the widest style
   * seen), formatted once.
   */
  const extremes = Array.from(
    { length: width },
    () => new Map<string, { f: number; hi: number; lo: number }>()
  );

  model.rows.forEach((row, r) => {
    const alone = () => row.every((_, c) => c === 0 || !filled(row, c));
    row.forEach((cell, c) => {
      const v = shownValueOf(cell);
      if (v === null || v === "") return;
      const f = cell.style ? WIDTH_FACTOR[cell.style] : 1;
      if (typeof v === "number") {
        used[c] = true;
        if (!cell.numFmt) {
          widths[c] = Math.max(widths[c], shownText(cell).length * f + NUMBER_PADDING);
          return;
        }
        const e = extremes[c].get(cell.numFmt);
        if (!e) extremes[c].set(cell.numFmt, { f, hi: v, lo: v });
        else {
          if (v > e.hi) e.hi = v;
          if (v < e.lo) e.lo = v;
          if (f > e.f) e.f = f;
        }
        return;
      }
      const t = v;
      // Text spills into empty cells to its right; the last column's and a bounded cell's do not.
      const bounded = c === width - 1 || filled(row, c + 1);
      if (!bounded) {
        if (c === 0 && width > 1 && alone())
          merges.push({ row: r, column: 0, rows: 1, columns: width });
        return;
      }
      used[c] = true;
      const button = isTableHeader(r, c) ? FILTER_BUTTON : 0;
      if (isHeaderStyle(cell.style) || button > 0) {
        const longestWord = Math.max(...t.split(/\s+/).map((w) => w.length));
        const spread = Math.ceil(t.length / HEADER_LINES);
        widths[c] = Math.max(
          widths[c],
          Math.min(MAX_TEXT_WIDTH, Math.max(longestWord, spread) * f + TEXT_PADDING + button)
        );
        wrapAt(r, c);
      } else {
        const need = t.length * f + TEXT_PADDING;
        widths[c] = Math.max(widths[c], Math.min(MAX_TEXT_WIDTH, need));
        if (need > MAX_TEXT_WIDTH) wrapAt(r, c);
      }
    });
  });
  extremes.forEach((formats, c) => {
    for (const [fmt, { f, hi, lo }] of formats) {
      const longest = Math.max(format(fmt, hi).length, format(fmt, lo).length);
      widths[c] = Math.max(widths[c], longest * f + NUMBER_PADDING);
    }
  });
  // A column with no value of its own keeps the width the sheet asked for.
  widths.forEach((w, c) => {
    const given = Math.max(MIN_WIDTH, model.columnWidths[c] || EMPTY_WIDTH);
    widths[c] = Math.ceil((used[c] ? w : given) * 10) / 10;
  });
  // A lone note is merged across the sheet only when it is longer than the sheet is wide.
  const total = totalWidth(widths);
  const textAt = (r: number, c: number) => shownText(model.rows[r][c]);
  const factorAt = (r: number, c: number) => WIDTH_FACTOR[model.rows[r][c].style ?? "label"];
  const kept = merges.filter((m) => textAt(m.row, 0).length * factorAt(m.row, 0) > total);
  for (const m of kept) wrapAt(m.row, 0);

  const rowHeights: { row: number; points: number }[] = [];
  const rows = model.rows.slice();
  // A header over a column of numbers sits right, over the numbers' right edge.
  model.rows.forEach((row, r) => {
    const below = model.rows[r + 1];
    if (!below || !row.some((cell) => isHeaderStyle(cell.style))) return;
    const right = row.map(
      (cell, c) =>
        c > 0 &&
        isHeaderStyle(cell.style) &&
        typeof shownValueOf(cell) === "string" &&
        shownValueOf(cell) !== "" &&
        typeof shownValueOf(below[c] ?? { value: null }) === "number"
    );
    if (right.some(Boolean))
      rows[r] = row.map((cell, c) => (right[c] ? { ...cell, alignRight: true } : cell));
  });
  for (const [r, columns] of [...wrap].sort(([a], [b]) => a - b)) {
    rows[r] = rows[r].map((cell, c) => (columns.has(c) ? { ...cell, wrap: true } : cell));
    let lines = 1;
    for (const c of columns) {
      const merged = kept.some((m) => m.row === r) ? total : widths[c];
      const button = isTableHeader(r, c) ? FILTER_BUTTON : 0;
      lines = Math.max(
        lines,
        wrappedLines(textAt(r, c), (merged - TEXT_PADDING - button) / factorAt(r, c))
      );
    }
    if (lines > 1) rowHeights.push({ row: r, points: lines * LINE_POINTS });
  }
  return { ...model, rows, columnWidths: widths, rowHeights, merges: kept };
}

function shownValueOf(cell: Cell): number | string | null {
  const v = cell.value;
  return v !== null && typeof v === "object" ? v.result : v;
}

function totalWidth(widths: readonly number[]): number {
  return widths.reduce((a, b) => a + b, 0);
}

/**
 * Points of a column `chars` characters wide, as Excel converts them: a character of the default
 * font (Calibri 11) is 7 pixels, plus 5 pixels of margin, at 0.75 points a pixel.
 */
export const columnPoints = (chars: number) => (chars * 7 + 5) * 0.75;

/** A printed page in points: US Letter landscape with Excel's default margins (0.7 in, 0.75 in). */
export const LETTER_LANDSCAPE = { width: 792 - 2 * 0.7 * 72, height: 612 - 2 * 0.75 * 72 };

/**
 * How the sheet prints at its fit-to-width scale: the scale (Excel's whole percent, 10–100) at
 * which the print area's columns fill one page wide, and the height of the first page's rows
 * (above the first break) at that scale, in points (columnPoints).
 */
export function printFit(
  model: SheetModel,
  columns: number,
  firstBreak: number | undefined,
  page = LETTER_LANDSCAPE
): { scale: number; firstPageHeight: number; firstPageFits: boolean } {
  let width = 0;
  for (let c = 0; c < columns; c++) width += columnPoints(model.columnWidths[c] ?? EMPTY_WIDTH);
  const scale = Math.max(10, Math.min(100, Math.floor((100 * page.width) / width)));
  const heights = new Map((model.rowHeights ?? []).map((h) => [h.row, h.points]));
  let height = 0;
  for (let r = 0; r < (firstBreak ?? model.rows.length); r++)
    height += heights.get(r) ?? LINE_POINTS;
  const firstPageHeight = (height * scale) / 100;
  return { scale, firstPageHeight, firstPageFits: firstPageHeight <= page.height };
}
