/**
 * The messages between the task pane and its compute worker (computeWorker.ts): one run asked,
 * its stages reported as they start, then its result or its failure. Everything crossing is
 * structured-cloneable data: the run's inputs without their callbacks and solver, the
 * recommendation (run record and sheet models, packed: core/report/sheetWire.ts) back.
 */
import type { History } from "../core/history/store";
import type { RecommendationInput, RecommendationResult } from "../core/report/recommendation";
import type { RunStage } from "../core/run/runInput";
import { PackedSheet, packSheet, unpackSheet } from "../core/report/sheetWire";

/** A run's inputs as they cross to the worker: no callbacks, no solver (the worker loads its own). */
export type WorkerInput = Omit<RecommendationInput, "onStage" | "solver">;

/** The pane asks for one run. */
export interface ComputeRequest {
  readonly kind: "run";
  readonly id: number;
  readonly input: WorkerInput;
  readonly history?: { readonly history: History; readonly rebalance?: boolean };
  /** Load the HiGHS solver first (KRD sizing). */
  readonly needsSolver: boolean;
}

/** The worker's answers for the run `id`. */
export type ComputeReply =
  | { readonly kind: "stage"; readonly id: number; readonly stage: RunStage }
  | { readonly kind: "done"; readonly id: number; readonly result: WireResult }
  | { readonly kind: "failed"; readonly id: number; readonly message: string };

type Done = Extract<RecommendationResult, { ok: true }>;

/** A result as it crosses: its sheet models packed (a few arrays each, not an object a cell). */
export type WireResult =
  | Extract<RecommendationResult, { ok: false }>
  | (Omit<Done, "sheets"> & { readonly sheets: PackedSheet[] });

/** The result packed for the pane (in the worker). */
export function toWire(result: RecommendationResult): WireResult {
  return result.ok ? { ...result, sheets: result.sheets.map(packSheet) } : result;
}

/** The result again (in the pane). */
export function fromWire(wire: WireResult): RecommendationResult {
  return wire.ok ? { ...wire, sheets: wire.sheets.map(unpackSheet) } : wire;
}

/** The worker's script, beside the pane's bundles (webpack entry "compute-worker"). */
export const COMPUTE_WORKER_SCRIPT = "compute-worker.js";
