/**
 * The pane's analytics off the page's thread (issue 15): the worker's protocol carries a run's
 * inputs and its recommendation through structured cloning unchanged, tells the stages in order,
 * and Cancel terminates the worker and rejects at once. A run started ahead of Write (prepare) is
 * taken over only by a Write on the same inputs, value for value. The worker here is the real
 * computeWorker.ts in a stand-in scope whose messages are structured-cloned as a browser's are;
 * Chromium runs the real Worker in test/browser/playground.test.ts.
 */
import ExcelJS from "exceljs";
import { join } from "path";
import { sheetValues } from "../../src/cli/workbookInput";
import { serialFromIso, serialFromYmd } from "../../src/core/dates";
import {
  RecommendationInput,
  RecommendationResult,
  runRecommendation,
} from "../../src/core/report/recommendation";
import { RUN_STAGES, RunStage } from "../../src/core/run/runInput";
import {
  ComputeCancelled,
  inlineCompute,
  RunHistory,
  WorkerCompute,
} from "../../src/taskpane/compute";
import { ComputeRequest } from "../../src/taskpane/computeProtocol";

jest.setTimeout(600_000);

const SAMPLE = join(__dirname, "..", "..", "assets", "sample-portfolio.xlsx");

/** A stand-in for a browser's Worker running computeWorker.ts: messages cloned both ways. */
class ClonedWorker {
  static created = 0;
  static terminated = 0;
  /** Runs asked of any worker. */
  static runs = 0;
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onerror: ((e: unknown) => void) | null = null;
  private scope: { onmessage?: (e: { data: unknown }) => Promise<void> } = {};
  private alive = true;

  constructor(readonly url: string) {
    ClonedWorker.created++;
    const scope = {
      location: { href: url },
      postMessage: (m: unknown) => {
        const data = structuredClone(m);
        if (this.alive) setImmediate(() => this.alive && this.onmessage?.({ data }));
      },
    };
    this.scope = scope as typeof this.scope;
    const g = globalThis as unknown as { self?: unknown };
    const before = g.self;
    g.self = scope;
    jest.isolateModules(() => require("../../src/taskpane/computeWorker"));
    g.self = before;
  }

  postMessage(m: ComputeRequest): void {
    const data = structuredClone(m);
    ClonedWorker.runs++;
    setImmediate(() => void this.scope.onmessage?.({ data }));
  }

  terminate(): void {
    this.alive = false;
    ClonedWorker.terminated++;
  }
}

/**
 * A record as exact text, whatever realm its typed arrays come from (Jest's test realm and
 * structuredClone's differ, so the run record's own serialiser, which tests instanceof, and
 * toEqual, which compares constructors, cannot judge a clone).
 */
const plain = (x: unknown) =>
  JSON.stringify(x, (_k, v: unknown) => {
    if (ArrayBuffer.isView(v))
      return { [v.constructor.name]: Array.from(v as Float64Array, String) };
    if (typeof v === "number" && (Object.is(v, -0) || !Number.isFinite(v)))
      return `${v}:${Object.is(v, -0)}`;
    return v;
  });

let input: RecommendationInput;

beforeAll(async () => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(SAMPLE);
  // Every fifth holding of the sample: bullets, callables, floaters and pools, quick to run.
  // Dates as Excel's Range.values gives them: serial numbers.
  const serial = (v: unknown) =>
    v instanceof Date ? serialFromYmd(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate()) : v;
  const [header, ...rows] = sheetValues(book.getWorksheet("Holdings")!).map((r) => r.map(serial));
  input = {
    values: [header, ...rows.filter((_, i) => i % 5 === 0)],
    sheet: "Holdings",
    originRow: 1,
    originColumn: 0,
    settlement: serialFromIso("2025-01-02")!,
    targetDuration: 6,
    contractDv01: 85,
    runDate: "2025-01-02",
    source: "Holdings (every fifth row)",
  };
  (globalThis as unknown as { Worker: unknown }).Worker = ClonedWorker;
});

afterAll(() => {
  delete (globalThis as unknown as { Worker?: unknown }).Worker;
});

test("the worker's recommendation equals the page's, stages told in order", async () => {
  const direct = await runRecommendation(input);
  const seen: RunStage[] = [];
  const viaWorker = await new WorkerCompute("compute-worker.js").compute(
    { ...input, onStage: () => undefined },
    undefined,
    (stage) => seen.push(stage)
  );
  expect(seen).toEqual([...RUN_STAGES]);
  if (!direct.ok || !viaWorker.ok) throw new Error("the sample should run");
  expect(viaWorker.sheets).toEqual(direct.sheets);
  expect(plain(viaWorker.record)).toBe(plain(direct.record));
  // Two-sided: another target gives another record.
  const other = await runRecommendation({ ...input, targetDuration: 4 });
  if (!other.ok) throw new Error("the sample should run");
  expect(plain(other.record)).not.toBe(plain(direct.record));
});

test("Cancel terminates the worker and rejects; the next run starts a fresh worker", async () => {
  const worker = new WorkerCompute("compute-worker.js");
  const signal = { aborted: false };
  const created = ClonedWorker.created;
  const terminated = ClonedWorker.terminated;
  const cancelled = worker.compute(
    input,
    undefined,
    (stage) => {
      if (stage === "risk") signal.aborted = true;
    },
    signal
  );
  await expect(cancelled).rejects.toBeInstanceOf(ComputeCancelled);
  expect(ClonedWorker.terminated).toBe(terminated + 1);
  const again = await worker.compute(input);
  expect(again.ok).toBe(true);
  expect(ClonedWorker.created).toBe(created + 2);
  // Kept between runs: a third run reuses the worker.
  await worker.compute(input);
  expect(ClonedWorker.created).toBe(created + 2);
});

test("a failure in the worker rejects with its message", async () => {
  const worker = new WorkerCompute("compute-worker.js");
  await expect(
    worker.compute({ ...input, values: undefined as unknown as unknown[][] })
  ).rejects.toThrow(/undefined/);
});

test("inputs that cannot cross to the worker reject at once, the worker kept", async () => {
  const worker = new WorkerCompute("compute-worker.js");
  const created = ClonedWorker.created;
  const terminated = ClonedWorker.terminated;
  const bad = { ...input, values: [[() => 1]] as unknown as unknown[][] };
  await expect(worker.compute(bad)).rejects.toThrow(/clone/i);
  expect(ClonedWorker.terminated).toBe(terminated);
  await expect(worker.compute(input)).resolves.toMatchObject({ ok: true });
  expect(ClonedWorker.created).toBe(created + 1);
});

test("inline, a cancel seen after the analytics rejects too (nothing is written)", async () => {
  const signal = { aborted: true };
  await expect(inlineCompute(input, undefined, undefined, signal)).rejects.toBeInstanceOf(
    ComputeCancelled
  );
});

describe("a run started ahead of Write (as a step opens)", () => {
  // The same values as a fresh read of the workbook gives them: equal, not identical.
  const reread = () => structuredClone(input);

  /**
   * A worker with a run prepared on the sample, the runs and terminations counted before it, and
   * other inputs (another target).
   */
  const preparedThenChanged = () => {
    const worker = new WorkerCompute("compute-worker.js");
    const runs = ClonedWorker.runs;
    const terminated = ClonedWorker.terminated;
    void worker.prepare(input);
    return { worker, runs, terminated, changed: { ...reread(), targetDuration: 4 } };
  };

  /** Write on `data`: the result and how long before the prepared run it took over started. */
  const write = async (worker: WorkerCompute, data: RecommendationInput) => {
    const ahead: number[] = [];
    const result = await worker.compute(data, undefined, undefined, undefined, (ms) =>
      ahead.push(ms)
    );
    return { result, ahead };
  };

  /** The result is the one a run on `data` started directly gives. */
  const expectDirect = async (result: RecommendationResult, data: RecommendationInput) => {
    const direct = await runRecommendation(data);
    if (!direct.ok || !result.ok) throw new Error("the sample should run");
    expect(plain(result.record)).toBe(plain(direct.record));
  };

  test("Write on the same inputs takes it over: no second run, the same recommendation", async () => {
    const worker = new WorkerCompute("compute-worker.js");
    const runs = ClonedWorker.runs;
    const ready = worker.prepare(input);
    // Asked again as a checkbox is ticked back: still one run.
    void worker.prepare(reread());
    await ready;
    const seen: RunStage[] = [];
    const ahead: number[] = [];
    const result = await worker.compute(
      reread(),
      undefined,
      (s) => seen.push(s),
      undefined,
      (ms) => ahead.push(ms)
    );
    expect(ClonedWorker.runs).toBe(runs + 1);
    expect(seen).toEqual([...RUN_STAGES]);
    expect(ahead).toHaveLength(1);
    expect(ahead[0]).toBeGreaterThan(0);
    const direct = await runRecommendation(input);
    if (!direct.ok || !result.ok) throw new Error("the sample should run");
    expect(plain(result.record)).toBe(plain(direct.record));
    expect(result.sheets).toEqual(direct.sheets);
    // Taken once: the next Write runs afresh.
    await worker.compute(reread());
    expect(ClonedWorker.runs).toBe(runs + 2);
  });

  test("Write on other inputs drops it (the worker stopped) and runs its own", async () => {
    const { worker, runs, terminated, changed } = preparedThenChanged();
    const { result, ahead } = await write(worker, changed);
    expect(ahead).toEqual([]);
    expect(ClonedWorker.runs).toBe(runs + 2);
    // Still running when dropped: its worker was terminated.
    expect(ClonedWorker.terminated).toBe(terminated + 1);
    await expectDirect(result, changed);
  });

  test("a later step on other inputs (a target typed) starts again; Write takes the new run", async () => {
    const { worker, runs, terminated, changed } = preparedThenChanged();
    const ready = worker.prepare(changed);
    // The first run was still going: its worker was terminated.
    expect(ClonedWorker.terminated).toBe(terminated + 1);
    await ready;
    const { result, ahead } = await write(worker, structuredClone(changed));
    expect(ClonedWorker.runs).toBe(runs + 2);
    expect(ahead).toHaveLength(1);
    await expectDirect(result, changed);
  });

  test("a history read since (another run kept) is another input", async () => {
    const worker = new WorkerCompute("compute-worker.js");
    const runs = ClonedWorker.runs;
    await worker.prepare(input);
    const history: RunHistory = { history: { entries: [], damaged: [], log: [] } };
    await worker.compute(reread(), history);
    expect(ClonedWorker.runs).toBe(runs + 2);
  });

  test("Cancel while Write waits for it rejects and terminates the worker", async () => {
    const worker = new WorkerCompute("compute-worker.js");
    const terminated = ClonedWorker.terminated;
    void worker.prepare(input);
    const signal = { aborted: false };
    const waiting = worker.compute(reread(), undefined, () => (signal.aborted = true), signal);
    await expect(waiting).rejects.toBeInstanceOf(ComputeCancelled);
    expect(ClonedWorker.terminated).toBe(terminated + 1);
  });
});
