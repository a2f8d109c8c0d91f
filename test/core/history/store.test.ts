/**
 * The run history store: a record written by version 1 is read by this version (migrated), a
 * summary survives its text, thinning keeps the latest and the last rebalance in full and logs
 * every run it thins or drops, and damaged texts are set aside with the reason.
 */
import { readFileSync } from "fs";
import { join } from "path";
import {
  parseRunRecord,
  serialiseRunRecord,
  serialiseRunRecordWithin,
} from "../../../src/core/run/serialise";
import { RUN_RECORD_VERSION, RunRecord } from "../../../src/core/run/runRecord";
import {
  entryOf,
  entryText,
  History,
  parseEntry,
  readHistory,
  thinHistory,
} from "../../../src/core/history/store";

const V1 = readFileSync(
  join(__dirname, "..", "..", "fixtures", "history", "record-v1.json"),
  "utf8"
);

describe("run record versions", () => {
  it("reads a record written by version 1 (migrated: not a rebalance, no drift)", () => {
    expect(JSON.parse(V1).version).toBe(1);
    const r = parseRunRecord(V1);
    expect(r.version).toBe(RUN_RECORD_VERSION);
    expect(RUN_RECORD_VERSION).toBe(2);
    expect(r.rebalance).toBe(false);
    expect(r.drift).toBeUndefined();
    expect(r.holdings.par).toBeInstanceOf(Float64Array);
    expect(r.totals.dv01).toBeGreaterThan(0);
    // Written again by this version and read back: the same record.
    expect(parseRunRecord(serialiseRunRecord(r))).toEqual(r);
  });

  it("is written within a bound as it is written whole, or refused one character short", () => {
    const base = parseRunRecord(V1);
    // Numbers JSON lacks, typed arrays, omitted values and arrays of objects in every position.
    const odd = {
      ...base,
      problems: [{ row: 3, value: NaN, note: undefined }, null, { row: -0, at: [Infinity, 1] }],
      extra: { lanes: new Int32Array([1, -2]), flags: new Uint8Array([0, 1]), f: () => 1 },
      nested: [[{ a: 1 }], [new Float64Array([NaN, -0, 2.5])], "text", undefined],
    } as unknown as RunRecord;
    for (const r of [base, odd]) {
      const whole = serialiseRunRecord(r);
      expect(serialiseRunRecordWithin(r, whole.length)).toBe(whole);
      expect(serialiseRunRecordWithin(r, whole.length - 1)).toBeUndefined();
      expect(serialiseRunRecordWithin(r, 1000)).toBeUndefined();
    }
    expect(serialiseRunRecord(odd)).toContain('{"$num":"NaN"}');
  });

  it("refuses a record of a newer version with a message", () => {
    const newer = V1.replace('"version":1', '"version":99');
    expect(() => parseRunRecord(newer)).toThrow(/version 99 was written by a newer keyrate/);
  });
});

function runs(n: number, rebalanceAt: number[] = []): History {
  const base = parseRunRecord(V1);
  const entries = Array.from({ length: n }, (_, k) => {
    const r: RunRecord = {
      ...base,
      runDate: `2025-01-${String(k + 1).padStart(2, "0")}`,
      rebalance: rebalanceAt.includes(k),
    };
    return entryOf(`run-${String(k + 1).padStart(6, "0")}-x.json`, r);
  });
  return { entries, damaged: [], log: [] };
}

describe("thinning", () => {
  it("keeps the latest and the last rebalance in full, thins the oldest, and logs each", () => {
    const h = thinHistory(runs(12, [1]), { fullRuns: 3 });
    const full = h.entries.filter((e) => e.record).map((e) => e.summary.runDate);
    expect(full).toEqual(["2025-01-02", "2025-01-09", "2025-01-10", "2025-01-11", "2025-01-12"]);
    expect(h.entries).toHaveLength(12);
    expect(h.log).toHaveLength(7);
    expect(h.log[0]).toMatch(/thinned run 2025-01-01 .* to its summary/);
  });

  it("thins to a size bound, then drops the oldest runs, saying so", () => {
    const e = runs(1).entries[0];
    const one = entryText(e).length;
    const summary = entryText({ name: e.name, summary: e.summary }).length;
    const h = thinHistory(runs(5, [0]), { fullRuns: 10, maxChars: one + 4 * summary + 100 });
    expect(h.entries.filter((e) => e.record)).toHaveLength(1);
    expect(h.entries[h.entries.length - 1].record).toBeDefined(); // the latest stays full
    expect(h.log.some((l) => /exceeds 1?[0-9,]+ characters/.test(l))).toBe(true);
    const dropped = thinHistory(runs(5), { maxRuns: 3 });
    expect(dropped.entries.map((e) => e.summary.runDate)).toEqual([
      "2025-01-03",
      "2025-01-04",
      "2025-01-05",
    ]);
    expect(dropped.log[0]).toMatch(/dropped 2 oldest runs \(2025-01-01 … 2025-01-02\)/);
  });

  it("thins a run larger than the whole bound, the latest too, as with its full text", () => {
    const one = entryText(runs(1).entries[0]).length;
    const h = thinHistory(runs(3, [1]), { fullRuns: 10, maxChars: one - 1 });
    expect(h.entries.filter((e) => e.record)).toHaveLength(0);
    expect(h.entries).toHaveLength(3);
    expect(h.log).toEqual([
      expect.stringMatching(/thinned run 2025-01-01 .*exceeds/),
      expect.stringMatching(/thinned run 2025-01-02 .*exceeds/),
      expect.stringMatching(/thinned run 2025-01-03 .*exceeds/),
    ]);
    const fits = thinHistory(runs(1), { maxChars: one });
    expect(fits.entries[0].record).toBeDefined();
  });

  it("a thinned run's summary survives its text (NaN included)", () => {
    const [e] = runs(1).entries;
    const t = { name: e.name, summary: { ...e.summary, marketPnl: NaN } };
    const back = parseEntry(t.name, entryText(t));
    expect(back).toEqual(t);
  });

  it("sets damaged texts aside with the reason", () => {
    const h = readHistory([
      { name: "a.json", text: '{"kind":"keyrate-run","version":1,' },
      { name: "b.json", text: "[]" },
      { name: "c.json", text: V1 },
    ]);
    expect(h.entries.map((e) => e.name)).toEqual(["c.json"]);
    expect(h.damaged.map((d) => d.name)).toEqual(["a.json", "b.json"]);
    expect(h.damaged[0].reason).toMatch(/not JSON/);
  });
});
