/**
 * The run history as rows of a hidden worksheet (the task pane keeps it in the workbook, so it is
 * saved, reopened and shared with the file on Excel on the web, Windows and Mac alike):
 *
 *   row 1: the marker "keyrate run history" and the layout's version;
 *   one row per stored run: "run", its name, the number of chunks n, then n cells of its text
 *     (an Excel cell holds at most 32,767 characters), each led by "~" so that Excel never reads
 *     a chunk as a number, a date or a formula;
 *   one row per log line: "log", the line.
 *
 * Reading never throws: a row that does not follow the layout is kept aside as damaged, and a
 * sheet that is not a history at all gives an empty history saying why.
 */
import { DamagedEntry, entryText, History, readHistory } from "./store";

export const HISTORY_SHEET_NAME = "keyrate history";
export const HISTORY_MARKER = "keyrate run history";
export const HISTORY_LAYOUT_VERSION = 1;
/** Leads every chunk (stripped on reading). */
const CHUNK_MARK = "~";
/** Characters per cell (Excel's limit is 32,767). */
export const HISTORY_CHUNK = 32_000;

/** The history as the sheet's rows (ragged: each row as long as it needs). */
export function historyRows(h: History): (string | number)[][] {
  const rows: (string | number)[][] = [[HISTORY_MARKER, HISTORY_LAYOUT_VERSION]];
  for (const e of h.entries) {
    const text = entryText(e);
    const chunks: string[] = [];
    for (let k = 0; k < text.length; k += HISTORY_CHUNK)
      chunks.push(CHUNK_MARK + text.slice(k, k + HISTORY_CHUNK));
    rows.push(["run", e.name, chunks.length, ...chunks]);
  }
  for (const line of h.log) rows.push(["log", line]);
  return rows;
}

/** The history in a sheet's values (as Excel returns them: a rectangle padded with ""). */
export function historyFromRows(values: readonly (readonly unknown[])[] | undefined): History {
  if (!values?.length) return { entries: [], damaged: [], log: [] };
  const [head, ...rows] = values;
  if (head[0] !== HISTORY_MARKER || Number(head[1]) !== HISTORY_LAYOUT_VERSION) {
    return {
      entries: [],
      damaged: [
        {
          name: HISTORY_SHEET_NAME,
          reason: `not a run history of layout ${HISTORY_LAYOUT_VERSION} (first cells ${JSON.stringify(head.slice(0, 2))}): started afresh`,
        },
      ],
      log: [],
    };
  }
  const stored: { name: string; text: string }[] = [];
  const damaged: DamagedEntry[] = [];
  const log: string[] = [];
  rows.forEach((r, k) => {
    const kind = r[0];
    if (kind === "log" && typeof r[1] === "string") log.push(r[1]);
    else if (kind === "run") {
      const name = String(r[1] ?? `row ${k + 2}`);
      const n = Number(r[2]);
      const chunks = r.slice(3, 3 + n);
      if (
        !Number.isInteger(n) ||
        n < 1 ||
        chunks.length < n ||
        chunks.some((c) => typeof c !== "string" || !c.startsWith(CHUNK_MARK))
      )
        damaged.push({ name, reason: `row ${k + 2}: ${r[2]} chunks announced, not all present` });
      else stored.push({ name, text: chunks.map((c) => String(c).slice(1)).join("") });
    } else if (r.some((c) => c !== "" && c !== null && c !== undefined))
      damaged.push({
        name: `row ${k + 2}`,
        reason: `row ${k + 2} is neither a run nor a log line`,
      });
  });
  const h = readHistory(stored, log);
  return { ...h, damaged: [...damaged, ...h.damaged] };
}
