/**
 * The pane's analytics off the page's thread (issue 15): the worker's protocol carries a run's
 * inputs and its recommendation through structured cloning unchanged, tells the stages in order,
 * and Cancel terminates the worker and rejects at once. The worker here is the real
 * computeWorker.ts in a stand-in scope whose messages are structured-cloned as a browser's are;
 * Chromium runs the real Worker in test/browser/playground.test.ts.
 */
import ExcelJS from "exceljs";
import { join } from "path";
import { sheetValues } from "../../src/cli/workbookInput";
import { serialFromIso, serialFromYmd } from "../../src/core/dates";
import { RecommendationInput, runRecommendation } from "../../src/core/report/recommendation";
import { RUN_STAGES, RunStage } from "../../src/core/run/runInput";
import { ComputeCancelled, inlineCompute, WorkerCompute } from "../../src/taskpane/compute";
import { ComputeRequest } from "../../src/taskpane/computeProtocol";

jest.setTimeout(600_000);

const SAMPLE = join(__dirname, "..", "..", "assets", "sample-portfolio.xlsx");

/** A stand-in for a browser's Worker running computeWorker.ts: messages cloned both ways. */
class ClonedWorker {
  static created = 0;
  static terminated = 0;
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
