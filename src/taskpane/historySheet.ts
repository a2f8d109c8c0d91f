/**
 * The pane's run history in the workbook: a very hidden worksheet (core/history/workbookLayout.ts)
 * read before each run and rewritten after it, thinned to PANE_HISTORY_MAX_CHARS. A damaged or
 * oversized history never stops a run: what cannot be read is reported on the Monitoring sheet
 * and the history starts afresh from what could.
 */
import { PANE_HISTORY_MAX_CHARS } from "../core/conventions";
import { entryOf, History, thinHistory } from "../core/history/store";
import { HISTORY_SHEET_NAME, historyFromRows, historyRows } from "../core/history/workbookLayout";
import { RunRecord } from "../core/run/runRecord";

/** Characters of history written per request. */
const WRITE_BATCH_CHARS = 500_000;

/**
 * The stored history (empty when the workbook has none; damaged rows set aside), or undefined
 * where the host lacks the worksheet calls it needs (ExcelApi 1.4's null objects; the playground's
 * simulator): the run then goes without a history, as before.
 */
export async function readHistorySheet(
  context: Excel.RequestContext
): Promise<History | undefined> {
  if (typeof context.workbook.worksheets.getItemOrNullObject !== "function") return undefined;
  try {
    const sheet = context.workbook.worksheets.getItemOrNullObject(HISTORY_SHEET_NAME);
    await context.sync();
    if (sheet.isNullObject) return { entries: [], damaged: [], log: [] };
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("values");
    await context.sync();
    return historyFromRows(used.isNullObject ? [] : used.values);
  } catch (e) {
    return {
      entries: [],
      damaged: [{ name: HISTORY_SHEET_NAME, reason: `could not be read: ${(e as Error).message}` }],
      log: [],
    };
  }
}

/**
 * Adds the run to the history, thins it to the pane's bound and rewrites the hidden sheet.
 * @returns The history written.
 */
export async function writeHistorySheet(
  context: Excel.RequestContext,
  history: History,
  record: RunRecord
): Promise<History> {
  const stamp = `${record.runDate} ${new Date().toISOString().slice(11, 19)}`;
  const dropped = history.damaged.map(
    (d) => `dropped unreadable stored run ${d.name} on ${stamp}: ${d.reason}`
  );
  const next = thinHistory(
    {
      entries: [...history.entries, entryOf(`run ${stamp}`, record)],
      damaged: [],
      log: [...history.log, ...dropped],
    },
    { maxChars: PANE_HISTORY_MAX_CHARS }
  );
  const rows = historyRows(next);
  const width = Math.max(...rows.map((r) => r.length));
  const values = rows.map((r) => [...r, ...new Array<string>(width - r.length).fill("")]);
  const old = context.workbook.worksheets.getItemOrNullObject(HISTORY_SHEET_NAME);
  await context.sync();
  // Cleared and rewritten in place (a very hidden sheet is not deleted).
  const sheet = old.isNullObject ? context.workbook.worksheets.add(HISTORY_SHEET_NAME) : old;
  if (!old.isNullObject) sheet.getRange().clear();
  // The enum's value as text: "VeryHidden" (the user cannot unhide it from the UI).
  sheet.visibility = "VeryHidden";
  // Rows in batches of at most WRITE_BATCH_CHARS, one request each (Excel on the web's payload limit).
  let first = 0;
  let chars = 0;
  for (let r = 0; r <= values.length; r++) {
    const size =
      r < values.length ? values[r].reduce<number>((a, v) => a + String(v).length, 0) : 0;
    if (r === values.length || (r > first && chars + size > WRITE_BATCH_CHARS)) {
      sheet.getRangeByIndexes(first, 0, r - first, width).values = values.slice(first, r);
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per batch, under the payload limit
      await context.sync();
      first = r;
      chars = 0;
    }
    chars += size;
  }
  return next;
}
