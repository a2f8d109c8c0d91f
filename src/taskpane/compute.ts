/* global Worker, URL, document, setInterval, clearInterval, performance */
/**
 * Where the pane's analytics run: in a Web Worker (computeWorker.ts) when the host has workers —
 * the page stays responsive through the callables' lattices and the MBS paths, and Cancel stops
 * the run at once by terminating the worker — else on the page's thread (Node, office-addin-mock).
 * Either way the result is runRecommendation's, the one path every entry point takes.
 */
import type { History } from "../core/history/store";
import {
  RecommendationInput,
  RecommendationResult,
  runRecommendation,
} from "../core/report/recommendation";
import type { RunStage } from "../core/run/runInput";
import type { CancelSignal } from "../render/officejs";
import { sameData } from "./sameData";
import {
  COMPUTE_WORKER_SCRIPT,
  ComputeReply,
  ComputeRequest,
  fromWire,
  WorkerInput,
} from "./computeProtocol";
import { loadBrowserSolver } from "./solver";

/** The history a run is compared with, and whether it is a rebalance. */
export type RunHistory = { readonly history: History; readonly rebalance?: boolean };

/** Thrown when Cancel stops a run before its analytics finish (no sheet written). */
export class ComputeCancelled extends Error {
  constructor() {
    super("Cancelled before the analytics finished: nothing written. Your cells are unchanged.");
    this.name = "ComputeCancelled";
  }
}

/**
 * Runs the recommendation; tells each stage as it starts; cancelled through `signal`. When the
 * run had been started ahead (WorkerCompute.prepare, the same inputs), `onAhead` is told how many
 * milliseconds before this call it started.
 */
export type Compute = (
  input: RecommendationInput,
  history?: RunHistory,
  onStage?: (stage: RunStage) => void,
  signal?: CancelSignal,
  onAhead?: (ms: number) => void
) => Promise<RecommendationResult>;

/** On the page's thread (cancel is noticed only once the analytics are done). */
export const inlineCompute: Compute = async (input, history, onStage, signal) => {
  const solver = input.sizing === "krd" ? (input.solver ?? (await loadBrowserSolver())) : undefined;
  const result = await runRecommendation({ ...input, solver, onStage }, history);
  if (signal?.aborted) throw new ComputeCancelled();
  return result;
};

/** How often a running worker's cancel signal is looked at, milliseconds. */
const CANCEL_POLL_MS = 50;

/** One run in the worker: its inputs, the stages told so far, its outcome. */
interface WorkerRun {
  readonly data: WorkerInput;
  readonly history?: RunHistory;
  readonly startedAt: number;
  /** The stages told so far. */
  readonly stages: readonly RunStage[];
  /** Who hears the next stages (the Write that took the run). */
  readonly listen: (onStage?: (stage: RunStage) => void) => void;
  /** Whether the outcome has come (a finished run needs no worker terminated to drop it). */
  readonly isDone: () => boolean;
  readonly outcome: Promise<RecommendationResult>;
}

/** The inputs that cross to the worker: without the callback and the solver. */
function crossing(input: RecommendationInput): WorkerInput {
  const { onStage: _callback, solver: _solver, ...data } = input;
  void _callback;
  void _solver;
  return data;
}

/**
 * A compute worker kept between runs (its bundle and solver load once), one run at a time; a
 * cancelled or failed worker is terminated and the next run starts a fresh one.
 *
 * `prepare` starts a run ahead of Write, on the inputs read as a step opens; `compute`
 * takes it over when its inputs are the same, value for value (the holdings range re-read, the
 * settings, the history), else drops it and runs afresh. The result is the one the run would give
 * started at Write: the run is a function of its inputs alone.
 */
export class WorkerCompute {
  private worker?: Worker;
  private nextId = 1;
  /** The run prepare started, until compute takes or drops it. */
  private ahead?: WorkerRun;

  constructor(private readonly scriptUrl: string) {}

  readonly compute: Compute = (input, history, onStage, signal, onAhead) => {
    const data = crossing(input);
    const ahead = this.take(data, history);
    if (ahead) onAhead?.(performance.now() - ahead.startedAt);
    const run = ahead ?? this.start(data, history, input.sizing === "krd");
    return this.follow(run, onStage, signal);
  };

  /**
   * Starts the analytics of `input` ahead of Write (the run already prepared when it has the same
   * inputs); a run prepared before on other inputs is dropped. Settles when the run is done (it
   * never does when dropped first); a failure is reported again by the compute that takes it.
   */
  prepare(input: RecommendationInput, history?: RunHistory): Promise<void> {
    const data = crossing(input);
    if (!this.ahead || !same(this.ahead, data, history)) {
      this.drop();
      this.ahead = this.start(data, history, input.sizing === "krd");
    }
    return this.ahead.outcome.then(() => undefined);
  }

  /** The prepared run when its inputs are these, taken; any other prepared run is dropped. */
  private take(data: WorkerInput, history?: RunHistory): WorkerRun | undefined {
    const ahead = this.ahead;
    if (ahead && same(ahead, data, history)) {
      this.ahead = undefined;
      return ahead;
    }
    this.drop();
    return undefined;
  }

  /** Drops the prepared run (terminating the worker if it is still running). */
  private drop(): void {
    const ahead = this.ahead;
    this.ahead = undefined;
    if (ahead) this.stopRun(ahead);
  }

  /** Stops the worker when `run` has not finished (a finished run leaves the worker idle). */
  private stopRun(run: WorkerRun): void {
    if (!run.isDone()) this.stop();
  }

  /** Posts one run to the worker (started if need be). */
  private start(
    data: WorkerInput,
    history: RunHistory | undefined,
    needsSolver: boolean
  ): WorkerRun {
    const id = this.nextId++;
    const worker = (this.worker ??= new Worker(this.scriptUrl));
    const startedAt = performance.now();
    const stages: RunStage[] = [];
    let listener: ((stage: RunStage) => void) | undefined;
    let done = false;
    const outcome = new Promise<RecommendationResult>((resolve, reject) => {
      const finish = (settle: () => void, keep: boolean) => {
        worker.onmessage = null;
        worker.onerror = null;
        done = true;
        if (!keep && this.worker === worker) this.stop();
        settle();
      };
      worker.onmessage = (e: MessageEvent<ComputeReply>) => {
        const reply = e.data;
        if (reply.id !== id) return;
        if (reply.kind === "stage") {
          stages.push(reply.stage);
          listener?.(reply.stage);
        } else if (reply.kind === "done") finish(() => resolve(fromWire(reply.result)), true);
        else finish(() => reject(new Error(reply.message)), false);
      };
      worker.onerror = (e: ErrorEvent) => {
        e.preventDefault();
        finish(() => reject(new Error(`the compute worker failed: ${e.message}`)), false);
      };
      const request: ComputeRequest = { kind: "run", id, input: data, history, needsSolver };
      try {
        worker.postMessage(request);
      } catch (e) {
        // Inputs that cannot be cloned (DataCloneError): the worker never saw the run.
        finish(() => reject(e as Error), true);
      }
    });
    const listen = (onStage?: (stage: RunStage) => void) => (listener = onStage);
    return { data, history, startedAt, stages, listen, isDone: () => done, outcome };
  }

  /**
   * The run's outcome for one caller: the stages told so far, then each as it starts; Cancel
   * (`signal`, looked at every CANCEL_POLL_MS) terminates the worker and rejects at once.
   */
  private follow(
    run: WorkerRun,
    onStage?: (stage: RunStage) => void,
    signal?: CancelSignal
  ): Promise<RecommendationResult> {
    return new Promise<RecommendationResult>((resolve, reject) => {
      // Looked at as each stage is told, and meanwhile every CANCEL_POLL_MS.
      const cancelled = () => {
        if (!signal?.aborted) return;
        clearInterval(poll);
        this.stopRun(run);
        reject(new ComputeCancelled());
      };
      const poll = setInterval(cancelled, CANCEL_POLL_MS);
      const tell = (stage: RunStage) => {
        onStage?.(stage);
        cancelled();
      };
      run.stages.forEach(tell);
      run.listen(tell);
      run.outcome.then(
        (result) => {
          clearInterval(poll);
          if (signal?.aborted) reject(new ComputeCancelled());
          else resolve(result);
        },
        (e: unknown) => {
          clearInterval(poll);
          reject(signal?.aborted ? new ComputeCancelled() : e);
        }
      );
    });
  }

  /** Starts the worker ahead of its first run, so that its script is loaded by then. */
  warm(): void {
    this.worker ??= new Worker(this.scriptUrl);
  }

  /** Terminates the worker (a run in progress stops at once). */
  stop(): void {
    this.worker?.terminate();
    this.worker = undefined;
  }
}

/** Whether a run was started on these inputs, value for value. */
function same(run: WorkerRun, data: WorkerInput, history?: RunHistory): boolean {
  return sameData(run.data, data) && sameData(run.history, history);
}

let paneWorker: WorkerCompute | undefined;

/**
 * The pane's compute: its worker beside the page when the host has Web Workers, else inline;
 * `where` says which (the status line's data-analytics, for tests and support).
 */
export function paneCompute(): PaneCompute {
  if (typeof Worker === "undefined" || typeof document === "undefined") {
    return {
      compute: inlineCompute,
      where: "page",
      warm: () => undefined,
      prepare: async () => undefined,
    };
  }
  const worker = (paneWorker ??= new WorkerCompute(
    new URL(COMPUTE_WORKER_SCRIPT, document.baseURI).href
  ));
  return {
    compute: worker.compute,
    where: "worker",
    warm: () => worker.warm(),
    prepare: (input, history) => worker.prepare(input, history),
  };
}

/**
 * The pane's compute, where it runs, a way to start its worker before the first Write, and a way
 * to start the analytics ahead of Write (in the worker only: on the page's thread they would
 * block the pane).
 */
export interface PaneCompute {
  readonly compute: Compute;
  readonly where: "worker" | "page";
  readonly warm: () => void;
  /** Settles when the prepared run is done; the page's thread prepares nothing. */
  readonly prepare: (input: RecommendationInput, history?: RunHistory) => Promise<void>;
}
