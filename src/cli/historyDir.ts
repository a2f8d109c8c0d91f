/**
 * A run history kept in a folder (`--history DIR`): one file per run, `run-NNNNNN-<run date>.json`
 * (NNNNNN the run's sequence, so names sort oldest first), each the run record's JSON or, once
 * thinned, its summary's; `thinning.log` lists every run thinned or dropped (history/store.ts).
 * An unreadable file is left in place and reported, never fatal.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { join } from "path";
import { RunRecord } from "../core/run/runRecord";
import { entryOf, entryText, History, readHistory, thinHistory } from "../core/history/store";

const RUN_FILE = /^run-(\d{6})-.*\.json$/;
export const THINNING_LOG = "thinning.log";

/** The history stored in `dir` (empty when the folder does not exist yet). */
export function readHistoryDir(dir: string): History {
  if (!existsSync(dir)) return { entries: [], damaged: [], log: [] };
  const names = readdirSync(dir)
    .filter((n) => RUN_FILE.test(n))
    .sort();
  const logFile = join(dir, THINNING_LOG);
  const log = existsSync(logFile) ? readFileSync(logFile, "utf8").split("\n").filter(Boolean) : [];
  return readHistory(
    names.map((name) => ({ name, text: readFileSync(join(dir, name), "utf8") })),
    log
  );
}

/**
 * Adds a run to the folder and thins it: the new run's file is written, thinned runs rewritten as
 * summaries, dropped runs' files removed, and the log's new lines appended. Returns the file name.
 */
export function appendRunToDir(dir: string, history: History, record: RunRecord): string {
  mkdirSync(dir, { recursive: true });
  const last = [...history.entries.map((e) => e.name), ...history.damaged.map((d) => d.name)]
    .map((n) => Number(RUN_FILE.exec(n)?.[1] ?? 0))
    .reduce((a, b) => Math.max(a, b), 0);
  const name = `run-${String(last + 1).padStart(6, "0")}-${record.runDate.replace(/[^0-9A-Za-z-]/g, "")}.json`;
  const withNew: History = { ...history, entries: [...history.entries, entryOf(name, record)] };
  const thinned = thinHistory(withNew);
  const kept = new Map(thinned.entries.map((e) => [e.name, e]));
  for (const e of withNew.entries) {
    const now = kept.get(e.name);
    if (!now) rmSync(join(dir, e.name), { force: true });
    else if (e.name === name || (e.record && !now.record))
      writeFileSync(join(dir, e.name), entryText(now));
  }
  const added = thinned.log.slice(history.log.length);
  if (added.length)
    writeFileSync(join(dir, THINNING_LOG), [...history.log, ...added].join("\n") + "\n");
  return name;
}
