/**
 * The run history: stored runs oldest first, each a full run record (versioned JSON, run/
 * serialise.ts) or, once thinned, its summary (the figures the Monitoring sheet's chart and the
 * triggers need). Thinning keeps the latest run and the last rebalance in full, then the most
 * recent others up to a count and a size; older runs become summaries, and beyond the most runs
 * kept the oldest summaries are dropped. Every thinning and drop is said in `log` lines (kept
 * with the history, shown on the Monitoring sheet): nothing is lost silently. A stored text that
 * cannot be read is kept aside as damaged (named, with the reason), never fatal.
 */
import { HISTORY_FULL_RUNS, HISTORY_MAX_RUNS } from "../conventions";
import { parseRunRecord, serialiseRunRecord, serialiseRunRecordWithin } from "../run/serialise";
import { RunRecord } from "../run/runRecord";
import { FuturesPosition } from "../compare/events";
import { keyZeroRatesBp } from "./states";

/** Version of the summary's layout. */
export const RUN_SUMMARY_VERSION = 1;

/** What a stored run keeps once thinned: units as in the run record. */
export interface RunSummary {
  readonly runDate: string;
  /** Settlement, Excel serial. */
  readonly settlement: number;
  readonly rebalance: boolean;
  readonly marketValue: number;
  /** Durations, years. */
  readonly effective: number;
  readonly modified: number;
  readonly macaulay: number;
  /** Holdings' DV01, the hedge's (its trades' DV01 impact) and the two together, money per bp. */
  readonly dv01: number;
  readonly hedgeDv01: number;
  readonly netDv01: number;
  readonly targetDv01: number;
  readonly keysMonths: readonly number[];
  readonly krd: readonly number[];
  /** The hedge's KR DV01 per key (after − before), money per bp. */
  readonly hedgeKrDv01: readonly number[];
  /** Zero rates at the keys, bp (for rate moves and the hedge's P&L between runs). */
  readonly keyZeroBp: readonly number[];
  /** Tracking error before the hedge, decimal per year (NaN without a covariance). */
  readonly trackingError: number;
  /** Benchmark (or target) effective duration and the mandate's ± band around it, years. */
  readonly benchmarkDuration: number;
  readonly durationBand: number;
  /** Market part of the market value's change since the previous run, money (NaN: none). */
  readonly marketPnl: number;
  readonly futures: readonly FuturesPosition[];
  /** The hedge contract and its cheapest to deliver. */
  readonly contract: { readonly code: string; readonly symbol: string; readonly ctd: string };
}

export interface HistoryEntry {
  /** Its name in the store: a file name, or a key in the workbook. */
  readonly name: string;
  readonly summary: RunSummary;
  /** The full record (absent once thinned). */
  readonly record?: RunRecord;
}

/** A stored text that could not be read. */
export interface DamagedEntry {
  readonly name: string;
  readonly reason: string;
}

export interface History {
  /** Oldest first. */
  readonly entries: readonly HistoryEntry[];
  readonly damaged: readonly DamagedEntry[];
  /** What thinning did, oldest first. */
  readonly log: readonly string[];
}

/** The CTD's name: its CUSIP, else coupon and maturity. */
const ctdName = (r: RunRecord) =>
  r.hedge.contract.ctd.cusip ??
  `${(r.hedge.contract.ctd.coupon * 100).toFixed(3)}% ${r.hedge.contract.ctd.maturity}`;

/** A run's summary. */
export function summariseRun(r: RunRecord): RunSummary {
  const t = r.totals;
  const keys = r.positions.risk.keysMonths;
  const market = r.drift?.previous?.rows.find((x) => x.label === "Market value");
  return {
    runDate: r.runDate,
    settlement: r.market.settlement,
    rebalance: r.rebalance,
    marketValue: t.marketValue,
    effective: t.effDuration,
    modified: r.comparison.portfolio.duration.modified,
    macaulay: r.comparison.portfolio.duration.macaulay,
    dv01: t.dv01,
    hedgeDv01: r.hedge.dv01Impact,
    netDv01: t.dv01 + r.hedge.dv01Impact,
    targetDv01: r.hedge.ratio.targetDv01,
    keysMonths: [...keys],
    krd: Array.from(t.krd),
    hedgeKrDv01: r.hedge.krDv01After.map((v, k) => v - r.hedge.krDv01Before[k]),
    keyZeroBp: keyZeroRatesBp(r.market, keys),
    trackingError: r.comparison.gapsBefore.trackingError?.te ?? NaN,
    benchmarkDuration: r.comparison.benchmark.duration.effective,
    durationBand: r.comparison.mandate.durationBand,
    marketPnl: market ? market.parts[2] : NaN,
    futures: r.monitoring.futures,
    contract: { code: r.hedge.contract.code, symbol: r.hedge.contract.symbol, ctd: ctdName(r) },
  };
}

/** A full entry of a record. */
export function entryOf(name: string, record: RunRecord): HistoryEntry {
  return { name, summary: summariseRun(record), record };
}

/** Entries' stored texts, each written once (an entry is not changed once made). */
const texts = new WeakMap<HistoryEntry, string>();

/** The stored text of an entry: the run record's JSON, or the summary's once thinned. */
export function entryText(e: HistoryEntry): string {
  let text = texts.get(e);
  if (text === undefined) {
    text = e.record
      ? serialiseRunRecord(e.record)
      : serialiseRunRecordLike({
          kind: "keyrate-run-summary",
          version: RUN_SUMMARY_VERSION,
          summary: e.summary,
        });
    texts.set(e, text);
  }
  return text;
}

/**
 * The length of an entry's stored text, or Infinity when it is over maxChars: a run too large to
 * keep in full is found so without writing all of its text.
 */
function entrySize(e: HistoryEntry, maxChars?: number): number {
  const known = texts.get(e);
  if (known !== undefined || !e.record || maxChars === undefined) return entryText(e).length;
  const text = serialiseRunRecordWithin(e.record, maxChars);
  if (text === undefined) return Infinity;
  texts.set(e, text);
  return text.length;
}

/** JSON with the run record's number tags (NaN and ±Infinity survive). */
function serialiseRunRecordLike(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    typeof v === "number" && !Number.isFinite(v) ? { $num: String(v) } : v
  );
}

function reviveNumbers(_k: string, v: unknown): unknown {
  if (v && typeof v === "object" && typeof (v as { $num?: unknown }).$num === "string")
    return Number((v as { $num: string }).$num);
  return v;
}

/** Reads one stored text: a run record (of this or an older version) or a summary. */
export function parseEntry(name: string, text: string): HistoryEntry | DamagedEntry {
  try {
    const head = text.slice(0, 200);
    if (head.includes('"keyrate-run-summary"')) {
      const v = JSON.parse(text, reviveNumbers) as { version?: unknown; summary?: RunSummary };
      if (v.version !== RUN_SUMMARY_VERSION || !v.summary || typeof v.summary.runDate !== "string")
        return { name, reason: `summary of an unknown version ${String(v.version)}` };
      return { name, summary: v.summary };
    }
    return entryOf(name, parseRunRecord(text));
  } catch (e) {
    return { name, reason: (e as Error).message.slice(0, 200) };
  }
}

/** Reads stored texts (oldest first); unreadable ones are kept aside as damaged. */
export function readHistory(
  stored: readonly { readonly name: string; readonly text: string }[],
  log: readonly string[] = []
): History {
  const entries: HistoryEntry[] = [];
  const damaged: DamagedEntry[] = [];
  for (const s of stored) {
    const e = parseEntry(s.name, s.text);
    if ("reason" in e) damaged.push(e);
    else entries.push(e);
  }
  return { entries, damaged, log };
}

/** The last run marked a rebalance, if any. */
export function lastRebalance(entries: readonly HistoryEntry[]): HistoryEntry | undefined {
  for (let k = entries.length - 1; k >= 0; k--) if (entries[k].summary.rebalance) return entries[k];
  return undefined;
}

export interface ThinBounds {
  /** Runs kept in full besides the pinned ones (the latest, the last rebalance). */
  readonly fullRuns?: number;
  /** Runs kept at all. */
  readonly maxRuns?: number;
  /** Characters of stored text the history may take (full runs thinned, then the pinned ones). */
  readonly maxChars?: number;
}

/**
 * The history within its bounds: full runs beyond the count (oldest first, the pinned ones last)
 * become summaries until the stored text fits; runs beyond the most kept are dropped, oldest
 * first. Each step adds a log line naming the runs.
 */
export function thinHistory(h: History, bounds: ThinBounds = {}): History {
  const fullRuns = bounds.fullRuns ?? HISTORY_FULL_RUNS;
  const maxRuns = bounds.maxRuns ?? HISTORY_MAX_RUNS;
  const log = [...h.log];
  let entries = [...h.entries];
  if (entries.length > maxRuns) {
    const dropped = entries.slice(0, entries.length - maxRuns);
    entries = entries.slice(entries.length - maxRuns);
    log.push(
      `dropped ${dropped.length} oldest runs (${dropped[0].summary.runDate} … ${dropped[dropped.length - 1].summary.runDate}): more than ${maxRuns} runs kept`
    );
  }
  const pinned = new Set<HistoryEntry>();
  if (entries.length) pinned.add(entries[entries.length - 1]);
  const reb = lastRebalance(entries);
  if (reb) pinned.add(reb);
  const sizes = new Map(entries.map((e) => [e, entrySize(e, bounds.maxChars)]));
  const total = () => entries.reduce((a, e) => a + (sizes.get(e) ?? 0), 0);
  const thin = (e: HistoryEntry, why: string) => {
    const k = entries.indexOf(e);
    const t: HistoryEntry = { name: e.name, summary: e.summary };
    entries[k] = t;
    sizes.set(t, entrySize(t));
    log.push(`thinned run ${e.summary.runDate} (${e.name}) to its summary: ${why}`);
  };
  const unpinnedFull = () => entries.filter((e) => e.record && !pinned.has(e));
  for (let extra = unpinnedFull(); extra.length > fullRuns; extra = unpinnedFull())
    thin(extra[0], `more than ${fullRuns} full runs besides the latest and the last rebalance`);
  if (bounds.maxChars !== undefined) {
    const over = () => total() > bounds.maxChars!;
    for (const e of [...unpinnedFull(), ...entries.filter((x) => x.record && pinned.has(x))]) {
      if (!over()) break;
      thin(e, `the history exceeds ${bounds.maxChars.toLocaleString("en-US")} characters`);
    }
    while (over() && entries.length > 1) {
      const d = entries.shift()!;
      log.push(`dropped run ${d.summary.runDate} (${d.name}): the history exceeds its size`);
    }
  }
  return { entries, damaged: h.damaged, log };
}
