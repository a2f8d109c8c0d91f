/* global Worker, URL, document, setInterval, clearInterval */
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
import { COMPUTE_WORKER_SCRIPT, ComputeReply, ComputeRequest, fromWire } from "./computeProtocol";
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

/** Runs the recommendation; tells each stage as it starts; cancelled through `signal`. */
export type Compute = (
  input: RecommendationInput,
  history?: RunHistory,
  onStage?: (stage: RunStage) => void,
  signal?: CancelSignal
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

/**
 * A compute worker kept between runs (its bundle and solver load once), one run at a time; a
 * cancelled or failed worker is terminated and the next run starts a fresh one.
 */
export class WorkerCompute {
  private worker?: Worker;
  private nextId = 1;

  constructor(private readonly scriptUrl: string) {}

  readonly compute: Compute = (input, history, onStage, signal) => {
    const { onStage: _callback, solver: _solver, ...data } = input;
    void _callback;
    void _solver;
    const id = this.nextId++;
    const worker = (this.worker ??= new Worker(this.scriptUrl));
    return new Promise<RecommendationResult>((resolve, reject) => {
      const finish = (settle: () => void, keep: boolean) => {
        clearInterval(poll);
        worker.onmessage = null;
        worker.onerror = null;
        if (!keep) this.stop();
        settle();
      };
      const cancelled = () => {
        if (signal?.aborted) finish(() => reject(new ComputeCancelled()), false);
        return signal?.aborted === true;
      };
      const poll = setInterval(cancelled, CANCEL_POLL_MS);
      worker.onmessage = (e: MessageEvent<ComputeReply>) => {
        const reply = e.data;
        if (reply.id !== id || cancelled()) return;
        if (reply.kind === "stage") onStage?.(reply.stage);
        else if (reply.kind === "done") finish(() => resolve(fromWire(reply.result)), true);
        else finish(() => reject(new Error(reply.message)), false);
      };
      worker.onerror = (e: ErrorEvent) => {
        e.preventDefault();
        finish(() => reject(new Error(`the compute worker failed: ${e.message}`)), false);
      };
      const request: ComputeRequest = {
        kind: "run",
        id,
        input: data,
        history,
        needsSolver: input.sizing === "krd",
      };
      try {
        worker.postMessage(request);
      } catch (e) {
        // Inputs that cannot be cloned (DataCloneError): the worker never saw the run.
        finish(() => reject(e as Error), true);
      }
    });
  };

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

let paneWorker: WorkerCompute | undefined;

/**
 * The pane's compute: its worker beside the page when the host has Web Workers, else inline;
 * `where` says which (the status line's data-analytics, for tests and support).
 */
export function paneCompute(): PaneCompute {
  if (typeof Worker === "undefined" || typeof document === "undefined") {
    return { compute: inlineCompute, where: "page", warm: () => undefined };
  }
  const worker = (paneWorker ??= new WorkerCompute(
    new URL(COMPUTE_WORKER_SCRIPT, document.baseURI).href
  ));
  return { compute: worker.compute, where: "worker", warm: () => worker.warm() };
}

/** The pane's compute, where it runs, and a way to start its worker before the first Write. */
export interface PaneCompute {
  readonly compute: Compute;
  readonly where: "worker" | "page";
  readonly warm: () => void;
}
