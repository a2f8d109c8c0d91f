/**
 * The task pane's reads and writes of the user's workbook. Reads never change a cell; writes only
 * ever go to new sheets (see render/officejs). Large selections are read in row chunks, one
 * `context.sync()` per chunk, under Excel on the web's response-size limit.
 */
import { readHistorySheet, writeHistorySheet } from "./historySheet";
import { RecommendationInput, RecommendationResult } from "../core/report/recommendation";
import type { RunStage } from "../core/run/runInput";
import { CancelSignal, renderSheet } from "../render/officejs";
import { Compute, inlineCompute, RunHistory } from "./compute";
import { CurveKind, curveOfRange } from "../core/curve";
import { isoFromSerial } from "../core/dates";
import { readUniverse } from "../core/futures/universe";
import { applicableOverride, HeaderChoice } from "../core/holdings";

/** Rows per read request (Excel on the web limits a response to about 5 MB). */
export const READ_ROWS_PER_CHUNK = 5000;

/** A selected range's values and where it sits. */
export interface Selection {
  values: unknown[][];
  sheet: string;
  /** Address with the sheet, e.g. "Holdings!A1:L301". */
  address: string;
  /** 1-based worksheet row of the range's first row. */
  originRow: number;
  /** 0-based worksheet column of the range's first column. */
  originColumn: number;
}

/** Reads the current selection (values only; formatting and formulas are left alone). */
export async function readSelection(context: Excel.RequestContext): Promise<Selection> {
  // The selection is always on the active sheet.
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  return readBlock(context, sheet, context.workbook.getSelectedRange());
}

/** Reads the range an address names ("Holdings!A1:L301"), values only, as readSelection does. */
export async function readRange(
  context: Excel.RequestContext,
  address: string
): Promise<Selection> {
  const { sheet, a1 } = splitAddress(address);
  const ws = context.workbook.worksheets.getItem(sheet);
  return readBlock(context, ws, ws.getRange(a1));
}

/** A range's values in row chunks, one `context.sync()` per chunk, with its address and origin. */
async function readBlock(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  range: Excel.Range
): Promise<Selection> {
  range.load(["address", "rowIndex", "columnIndex", "rowCount", "columnCount"]);
  sheet.load("name");
  await context.sync();
  const values: unknown[][] = [];
  for (let r0 = 0; r0 < range.rowCount; r0 += READ_ROWS_PER_CHUNK) {
    const n = Math.min(READ_ROWS_PER_CHUNK, range.rowCount - r0);
    const chunk = sheet.getRangeByIndexes(
      range.rowIndex + r0,
      range.columnIndex,
      n,
      range.columnCount
    );
    chunk.load("values");
    // One sync per chunk bounds each response's size.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    values.push(...chunk.values);
  }
  return {
    values,
    sheet: sheet.name,
    address: range.address,
    originRow: range.rowIndex + 1,
    originColumn: range.columnIndex,
  };
}

/** Where a block of cells sits: its address, 0-based first row and column, and size. */
export interface Block {
  readonly address: string;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
}

/**
 * Excel's current region around the top-left cell of the range at `address` (the block bounded
 * by empty rows and columns, Ctrl+*): Range.getSurroundingRegion, ExcelApi 1.13. Undefined where
 * the host lacks it.
 */
export async function surroundingRegion(
  context: Excel.RequestContext,
  address: string
): Promise<Block | undefined> {
  try {
    const region = rangeAt(context, address).getSurroundingRegion();
    region.load(["address", "rowIndex", "columnIndex", "rowCount", "columnCount"]);
    await context.sync();
    const { rowIndex, columnIndex, rowCount, columnCount } = region;
    return { address: region.address, rowIndex, columnIndex, rowCount, columnCount };
  } catch {
    return undefined;
  }
}

/** Sheet name and A1 part of an address ("'My sheet'!A1:B2" → My sheet, A1:B2). */
function splitAddress(address: string): { sheet: string; a1: string } {
  const bang = address.lastIndexOf("!");
  const sheet = address
    .slice(0, bang)
    .replace(/^'(.*)'$/, "$1")
    .replace(/''/g, "'");
  return { sheet, a1: address.slice(bang + 1) };
}

/** The range an address names ("Sheet!A1:B14", "'My sheet'!A1"): a proxy, nothing loaded. */
function rangeAt(context: Excel.RequestContext, address: string): Excel.Range {
  const { sheet, a1 } = splitAddress(address);
  return context.workbook.worksheets.getItem(sheet).getRange(a1);
}

/**
 * The used range of the first sheet named "Settings" (any case), with its origin; undefined when
 * the workbook has none.
 */
export async function readSettingsSheet(
  context: Excel.RequestContext
): Promise<Selection | undefined> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const found = sheets.items.find((ws) => ws.name.trim().toLowerCase() === "settings");
  if (!found) return undefined;
  const ws = sheets.getItem(found.name);
  return readBlock(context, ws, ws.getUsedRange());
}

/** Selects the cell or range at an address ("Sheet!A1", a problem clicked; a region offered). */
export async function selectCell(context: Excel.RequestContext, address: string): Promise<void> {
  rangeAt(context, address).select();
  await context.sync();
}

/**
 * Reads ranges by address ("Sheet!A1:B14"), values only, all in one request; undefined where no
 * address is given.
 */
export async function readRanges(
  context: Excel.RequestContext,
  addresses: readonly (string | undefined)[]
): Promise<(unknown[][] | undefined)[]> {
  const ranges = addresses.map((address) => {
    if (!address) return undefined;
    const range = rangeAt(context, address);
    range.load("values");
    return range;
  });
  await context.sync();
  return ranges.map((range) => range?.values);
}

/**
 * The hedge job's inputs other than the holdings range, as the pane's form collects them; the
 * curve is given by the address of its range (read afresh on every run) or omitted for the
 * bundled default.
 */
export type JobSettings = Omit<
  RecommendationInput,
  "values" | "sheet" | "originRow" | "originColumn" | "source" | "curve" | "curveSource" | "mapping"
> & {
  /** The user's column corrections by header text (those the selection's header has apply). */
  headerChoice?: HeaderChoice;
  curveAddress?: string;
  curveKind?: CurveKind;
  /** The date taken from a curve history range (default: the latest on or before settlement). */
  curveDate?: number;
  /** A Treasury universe range (CUSIP, coupon, issue date, maturity, optional price) for the CTDs. */
  universeAddress?: string;
  benchmarkAddress?: string;
  mandateAddress?: string;
  scenarioAddress?: string;
  /** A hedges range whose option rows the KRD sizing may buy or sell. */
  optionAddress?: string;
  /** Marks this run a rebalance (its trades executed): the base of the triggers. */
  rebalance?: boolean;
  /** Keeps the run in the workbook's history (default true). */
  keepHistory?: boolean;
};

export type { CancelSignal };

/** Where a run's time went, milliseconds of wall clock. */
export interface RunTimings {
  /** Reading the selection and the curve, benchmark, mandate and scenario ranges. */
  readonly readMs: number;
  /** The analytics: exposure, hedge, scenarios, comparison, sheet models. */
  readonly computeMs: number;
  /** Writing the sheets (values, formats, tables, charts). */
  readonly writeMs: number;
  /**
   * When the analytics had started before Write (the same inputs, read as a step opened):
   * how long before; computeMs is then only the wait for what was left.
   */
  readonly aheadMs?: number;
}

/**
 * Reads the holdings range checked in the wizard (by address: never whatever is selected when
 * Write is pressed), runs the recommendation and, when it can, writes its sheets (hedge
 * recommendation, scenario analysis, risk dashboard, action items, scenario library), each on a
 * new sheet.
 *
 * Cancellation is cooperative: `signal.aborted` is checked before each sheet and between the row
 * chunks of a sheet; a sheet cancelled partway is deleted again, so only whole sheets remain.
 * Sheets already written stay (they are new sheets; no cell of the user's is ever touched) and
 * `cancelled` is set.
 * @returns The result, the names of the sheets written (the hedge sheet first) — none when the
 * holdings could not be used — and how many sheets the full run writes.
 */
export async function runOnRange(
  context: Excel.RequestContext,
  settings: JobSettings,
  holdingsAddress: string,
  onProgress?: (done: number, total: number) => void,
  signal?: CancelSignal,
  analytics: AnalyticsHooks = {}
): Promise<RunOutcome> {
  const read = () => readRange(context, holdingsAddress);
  return run(context, settings, read, onProgress, signal, analytics);
}

/** Where the analytics run (default on this thread) and who hears their stages. */
export interface AnalyticsHooks {
  /** The pane passes its Web Worker's (compute.ts); tests and scripts run inline. */
  readonly compute?: Compute;
  readonly onStage?: (stage: RunStage) => void;
}

/** As {@link runOnRange}, on the range selected now (for scripts and tests; the pane runs the checked range). */
export async function runOnSelection(
  context: Excel.RequestContext,
  settings: JobSettings,
  onProgress?: (done: number, total: number) => void,
  signal?: CancelSignal
): Promise<RunOutcome> {
  return run(context, settings, () => readSelection(context), onProgress, signal);
}

/** What a run gives back. */
export interface RunOutcome {
  result: RecommendationResult;
  sheetName?: string;
  sheetNames: string[];
  /** Sheets the full run writes (sheetNames.length unless cancelled). */
  sheetCount: number;
  cancelled: boolean;
  selection: Selection;
  timings: RunTimings;
  /** Why the run was not kept in the workbook's history (absent when it was, or not asked). */
  historyError?: string;
}

/** A run's inputs as read from the workbook: what the analytics take, the history, the holdings. */
export interface JobInputs {
  readonly input: RecommendationInput;
  /** The workbook's history and whether this run is a rebalance (absent: history not kept). */
  readonly history?: RunHistory;
  readonly selection: Selection;
}

/**
 * Reads what a run on the holdings range at `holdingsAddress` takes: the pane reads it to start
 * the analytics ahead (as the range is checked, as a later step opens with the pane's inputs
 * changed, and as the Write step opens; compute.ts) and again on Write, which reuses the analytics
 * only when the two reads are the same.
 */
export async function readJobAt(
  context: Excel.RequestContext,
  settings: JobSettings,
  holdingsAddress: string
): Promise<JobInputs> {
  return readJob(context, settings, () => readRange(context, holdingsAddress));
}

async function readJob(
  context: Excel.RequestContext,
  settings: JobSettings,
  readHoldingsRange: () => Promise<Selection>
): Promise<JobInputs> {
  const {
    curveAddress,
    curveKind,
    curveDate,
    universeAddress,
    benchmarkAddress,
    mandateAddress,
    scenarioAddress,
    optionAddress,
    headerChoice,
    rebalance,
    keepHistory,
    ...rest
  } = settings;
  // The optional ranges in one request (each sync is a round trip to Excel).
  const [
    curveValues,
    benchmarkValues,
    mandateValues,
    scenarioValues,
    universeValues,
    optionValues,
  ] = await readRanges(context, [
    curveAddress,
    benchmarkAddress,
    mandateAddress,
    scenarioAddress,
    universeAddress,
    optionAddress,
  ]);
  // A tenor/rate range, or a curve history on its date (named in the curve's source).
  const read = curveValues
    ? curveOfRange(curveValues, curveKind ?? "par", rest.settlement, curveDate, "Curve date")
    : undefined;
  const curveSource =
    read?.date != null ? `${curveAddress} (history, ${isoFromSerial(read.date)})` : curveAddress;
  const selection = await readHoldingsRange();
  const history = keepHistory === false ? undefined : await readHistorySheet(context);
  const input: RecommendationInput = {
    ...rest,
    curve: read?.spec,
    curveSource,
    curveAsOf: read?.date ?? undefined,
    universe: universeValues ? readUniverse(universeValues, rest.settlement) : undefined,
    benchmarkValues,
    mandateValues,
    scenarioValues,
    optionValues,
    mapping: headerChoice && applicableOverride(headerChoice, selection.values[0] ?? []),
    values: selection.values,
    sheet: selection.sheet,
    originRow: selection.originRow,
    originColumn: selection.originColumn,
    source: selection.address,
  };
  return { input, history: history && { history, rebalance }, selection };
}

async function run(
  context: Excel.RequestContext,
  settings: JobSettings,
  readHoldingsRange: () => Promise<Selection>,
  onProgress?: (done: number, total: number) => void,
  signal?: CancelSignal,
  { compute = inlineCompute, onStage }: AnalyticsHooks = {}
): Promise<RunOutcome> {
  const t0 = performance.now();
  const { input, history, selection } = await readJob(context, settings, readHoldingsRange);
  const t1 = performance.now();
  // Cancel during the analytics throws ComputeCancelled: nothing was written.
  let aheadMs: number | undefined;
  const result = await compute(input, history, onStage, signal, (ms) => (aheadMs = ms));
  const t2 = performance.now();
  const timings = (t3: number) => ({
    readMs: t1 - t0,
    computeMs: t2 - t1,
    writeMs: t3 - t2,
    aheadMs,
  });
  if (!result.ok) {
    const none = { sheetNames: [], sheetCount: 0, cancelled: false };
    return { result, ...none, selection, timings: timings(t2) };
  }
  const sheetCount = result.sheets.length;
  const sheetNames: string[] = [];
  for (const sheet of result.sheets) {
    if (signal?.aborted) break;
    // Sheets one after another: each render syncs in chunks of its own.
    const name = await renderSheet(context, sheet, onProgress, signal);
    if (name === undefined) break;
    sheetNames.push(name);
  }
  const cancelled = sheetNames.length < sheetCount;
  let historyError: string | undefined;
  if (history && !cancelled) {
    try {
      await writeHistorySheet(context, history.history, result.record);
    } catch (e) {
      historyError = `the run could not be kept in the workbook's history: ${(e as Error).message}`;
    }
  }
  if (sheetNames.length > 0) {
    // The hedge sheet is the one to show first.
    context.workbook.worksheets.getItem(sheetNames[0]).activate();
    await context.sync();
  }
  const t3 = performance.now();
  return {
    result,
    sheetName: sheetNames[0],
    sheetNames,
    sheetCount,
    cancelled,
    selection,
    timings: timings(t3),
    historyError,
  };
}
