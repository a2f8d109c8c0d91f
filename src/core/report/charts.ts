/**
 * The recommendation workbook's native charts, attached to the sheet models from outside the
 * functions that build them: each chart's ranges are found by the labels the sheets already carry
 * (the "Key-rate profile" and "By sector" sections of the hedge sheet, the "Scenario" matrix of the
 * scenario sheet), so a chart always plots the cells it sits beside, and a sheet that gains rows
 * (a benchmark's or the hedged KRDs) gains series without a change here. Pure: models in, models
 * out; Office.js and the xlsx writer only draw what the specs say.
 */
import { CellRect, rangeA1 } from "../a1";
import { HEDGE_SHEET_NAME } from "./hedgeSheet";
import { SCENARIO_SHEET_NAME } from "./scenarioSheet";
import { ChartSpec, SheetModel, shownValue } from "./sheetModel";

/** Width of a column the model leaves at Excel's default, characters. */
const DEFAULT_COLUMN_CHARS = 8.43;
/** A chart's width, characters of the default font (≈ 7 points each: about 500 points). */
const CHART_WIDTH_CHARS = 72;
/** Height of a column or line chart, rows (15 points each: 270 points). */
const CHART_ROWS = 18;
/** Rows of a bar chart: a margin for title, axis and legend, plus a row per bar, within bounds. */
const BAR_MARGIN_ROWS = 8;
const BAR_ROWS_MIN = 16;
const BAR_ROWS_MAX = 40;

/** Row labels of the hedge sheet's sections (hedgeSheet.ts) and the scenario matrix's headers. */
export const CHART_LABELS = {
  keyRateSection: "Key-rate profile",
  /** Any row of the key-rate section whose label starts with this is a KRD series. */
  krdRowPrefix: "KRD",
  sectorSection: "By sector",
  /** The totals row of the sector table (and a totals column, never a tenor). */
  sectorTotal: "Total",
  contributionHeaderPrefix: "Contribution to duration",
  scenarioHeader: "Scenario",
  /** Followed by the currency: "Unhedged P&L, USD (full revaluation, now)". */
  unhedgedPnlPrefix: "Unhedged P&L, ",
  hedgedPnlPrefix: "Hedged P&L, ",
} as const;

/**
 * The sheets with their charts: the KRD profile (column) and the contribution to duration by
 * sector (bar) on the hedge sheet, the unhedged and hedged P&L by scenario (bar) on the scenario
 * sheet. Charts are recomputed from the rows (calling it twice gives the same charts); a section
 * that is missing or empty gives no chart; other sheets are returned as they are.
 */
export function withCharts(sheets: SheetModel[]): SheetModel[] {
  return sheets.map((sheet) => {
    if (sheet.name === HEDGE_SHEET_NAME) return { ...sheet, charts: hedgeCharts(sheet) };
    if (sheet.name === SCENARIO_SHEET_NAME) return { ...sheet, charts: scenarioCharts(sheet) };
    return sheet;
  });
}

/** The hedge sheet's charts: KRD profile, then contribution by sector, side by side. */
export function hedgeCharts(model: SheetModel): ChartSpec[] {
  const charts: ChartSpec[] = [];
  const krd = krdProfile(model);
  if (krd) {
    const anchor = placeBeside(model, charts, krd.header, CHART_ROWS);
    charts.push({ ...krd.chart, anchor });
  }
  const sectors = sectorContribution(model);
  if (sectors) {
    const rows = barRows(sectors.bars);
    charts.push({ ...sectors.chart, anchor: placeBeside(model, charts, sectors.header, rows) });
  }
  return charts;
}

/** The scenario sheet's chart, below everything on the sheet (the matrix is 18 columns wide). */
export function scenarioCharts(model: SheetModel): ChartSpec[] {
  const pnl = scenarioPnl(model);
  return pnl ? [{ ...pnl.chart, anchor: placeBelow(model, [], barRows(pnl.bars)) }] : [];
}

type Unplaced = Omit<ChartSpec, "anchor">;
interface Found {
  /** 0-based row of the section's header: where a chart beside it starts. */
  header: number;
  /** Bars drawn (categories × series), for bar charts' height. */
  bars: number;
  chart: Unplaced;
}

/** Text of a cell, "" for empty cells and numbers. */
function text(model: SheetModel, row: number, column: number): string {
  const v = model.rows[row]?.[column] ? shownValue(model.rows[row][column]) : null;
  return typeof v === "string" ? v.trim() : "";
}

function hasValue(model: SheetModel, row: number, column: number): boolean {
  const cell = model.rows[row]?.[column];
  const v = cell ? shownValue(cell) : null;
  return v !== null && v !== "";
}

/** First row whose first cell reads `label`, or −1. */
function rowLabelled(model: SheetModel, label: string): number {
  return model.rows.findIndex((_, r) => text(model, r, 0) === label);
}

/** Rows after `header` up to the first one with an empty first cell (a section's body). */
function sectionRows(model: SheetModel, header: number): number[] {
  const rows: number[] = [];
  for (let r = header + 1; r < model.rows.length && text(model, r, 0) !== ""; r++) rows.push(r);
  return rows;
}

/** A column of `rows` (consecutive) as a rectangle. */
function columnRect(rows: number[], column: number): CellRect {
  return { row: rows[0], column, rows: rows.length, columns: 1 };
}

/**
 * "Key-rate profile" header (tenor labels from column B on) and every row below it, in the
 * section, whose label starts with "KRD": the portfolio's, and a benchmark's or the hedged
 * profile's when the sheet has them ("KRD, years — benchmark" is named "benchmark"). KR DV01 rows
 * (money, another unit) are not plotted.
 */
function krdProfile(model: SheetModel): Found | undefined {
  const header = rowLabelled(model, CHART_LABELS.keyRateSection);
  if (header < 0) return undefined;
  // Tenor labels run from column B to the first empty cell or a "Total" column.
  let tenors = 0;
  const tenorAt = (c: number) =>
    hasValue(model, header, c) && text(model, header, c) !== CHART_LABELS.sectorTotal;
  while (tenorAt(tenors + 1)) tenors++;
  const rows = sectionRows(model, header).filter((r) =>
    text(model, r, 0).startsWith(CHART_LABELS.krdRowPrefix)
  );
  if (tenors === 0 || rows.length === 0) return undefined;
  const rowRange = (row: number) => rangeA1({ row, column: 1, rows: 1, columns: tenors });
  const names = rows.map((r) => krdSeriesName(text(model, r, 0)));
  const beforeAfter = names.some((n) => /after hedge/i.test(n));
  return {
    header,
    bars: tenors * rows.length,
    chart: {
      type: "column",
      title: beforeAfter
        ? "Key-rate duration profile, before and after hedge"
        : "Key-rate duration profile",
      categoryAxisTitle: "Key rate (tenor)",
      valueAxisTitle: "KRD, years",
      categories: rowRange(header),
      series: rows.map((r, i) => ({ name: names[i], values: rowRange(r) })),
    },
  };
}

/**
 * "KRD, years — portfolio after hedge" → "Portfolio after hedge"; the row without a qualifier is
 * the portfolio's.
 */
export function krdSeriesName(label: string): string {
  const dash = /\s[—–-]\s(.+)$/.exec(label);
  const name = dash ? dash[1].trim() : "Portfolio";
  return name[0].toUpperCase() + name.slice(1);
}

/** "By sector" rows (up to the Total row) and their contribution to duration column. */
function sectorContribution(model: SheetModel): Found | undefined {
  const header = rowLabelled(model, CHART_LABELS.sectorSection);
  if (header < 0) return undefined;
  const width = model.rows[header].length;
  let column = -1;
  for (let c = 1; c < width && column < 0; c++) {
    if (text(model, header, c).startsWith(CHART_LABELS.contributionHeaderPrefix)) column = c;
  }
  const total = sectionRows(model, header).findIndex(
    (r) => text(model, r, 0) === CHART_LABELS.sectorTotal
  );
  const rows = sectionRows(model, header).slice(0, total < 0 ? undefined : total);
  if (column < 0 || rows.length === 0) return undefined;
  return {
    header,
    bars: rows.length,
    chart: {
      type: "bar",
      title: "Contribution to duration by sector (holdings, before hedge)",
      categoryAxisTitle: "Sector",
      valueAxisTitle: "Contribution to duration, years (weight × effective duration)",
      categories: rangeA1(columnRect(rows, 0)),
      series: [{ name: text(model, header, column), values: rangeA1(columnRect(rows, column)) }],
    },
  };
}

/** The scenario matrix: its header row starts "Scenario" and has both P&L columns. */
function scenarioPnl(model: SheetModel): Found | undefined {
  const column = (header: number, prefix: string) =>
    model.rows[header].findIndex((_, c) => text(model, header, c).startsWith(prefix));
  const header = model.rows.findIndex(
    (_, r) =>
      text(model, r, 0) === CHART_LABELS.scenarioHeader &&
      column(r, CHART_LABELS.unhedgedPnlPrefix) > 0 &&
      column(r, CHART_LABELS.hedgedPnlPrefix) > 0
  );
  if (header < 0) return undefined;
  const rows = sectionRows(model, header);
  if (rows.length === 0) return undefined;
  const unhedged = column(header, CHART_LABELS.unhedgedPnlPrefix);
  const hedged = column(header, CHART_LABELS.hedgedPnlPrefix);
  // The unit as the header gives it: "Unhedged P&L, USD (full revaluation, now)" → "USD".
  const unit = text(model, header, unhedged)
    .slice(CHART_LABELS.unhedgedPnlPrefix.length)
    .replace(/\s*\(.*$/, "");
  return {
    header,
    bars: rows.length * 2,
    chart: {
      type: "bar",
      title: "Scenario P&L, unhedged vs hedged (full revaluation, now)",
      categoryAxisTitle: "Scenario",
      valueAxisTitle: `P&L, ${unit}`,
      categories: rangeA1(columnRect(rows, 0)),
      series: [
        { name: "Unhedged", values: rangeA1(columnRect(rows, unhedged)) },
        { name: "Hedged", values: rangeA1(columnRect(rows, hedged)) },
      ],
    },
  };
}

/** Rows of a bar chart with `bars` bars: a row (15 points) per bar plus the margin, bounded. */
function barRows(bars: number): number {
  return Math.min(BAR_ROWS_MAX, Math.max(BAR_ROWS_MIN, bars + BAR_MARGIN_ROWS));
}

/** Columns from `column` on that make at least CHART_WIDTH_CHARS characters. */
function columnsFor(model: SheetModel, column: number): number {
  let chars = 0;
  let n = 0;
  while (chars < CHART_WIDTH_CHARS) {
    chars += model.columnWidths[column + n] ?? DEFAULT_COLUMN_CHARS;
    n++;
  }
  return n;
}

/** Whether two rectangles share a row. */
const rowsOverlap = (a: CellRect, top: number, rows: number) =>
  a.row < top + rows && top < a.row + a.rows;

/**
 * A chart of `rows` rows from row `top`, one empty column right of every value in those rows
 * and right of the charts already placed there: it covers no data and no other chart.
 */
export function placeBeside(
  model: SheetModel,
  placed: readonly ChartSpec[],
  top: number,
  rows: number
): CellRect {
  let column = 0;
  for (let r = top; r < Math.min(top + rows, model.rows.length); r++) {
    for (let c = model.rows[r].length - 1; c >= column - 1; c--) {
      if (hasValue(model, r, c)) {
        column = Math.max(column, c + 2);
        break;
      }
    }
  }
  for (const p of placed) {
    if (rowsOverlap(p.anchor, top, rows))
      column = Math.max(column, p.anchor.column + p.anchor.columns + 1);
  }
  return { row: top, column, rows, columns: columnsFor(model, column) };
}

/** A chart of `rows` rows from column A, one empty row below the sheet's last row and charts. */
export function placeBelow(
  model: SheetModel,
  placed: readonly ChartSpec[],
  rows: number
): CellRect {
  const bottom = Math.max(model.rows.length, ...placed.map((p) => p.anchor.row + p.anchor.rows));
  return { row: bottom + 1, column: 0, rows, columns: columnsFor(model, 0) };
}
