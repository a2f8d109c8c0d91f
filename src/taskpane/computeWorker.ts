/* global self, MessageEvent */
/**
 * The task pane's compute worker (a Web Worker; webpack entry "compute-worker"): runs the
 * recommendation — the callables' lattices, the MBS paths, the scenarios, the sheets' models — off
 * the page's thread, so the pane stays responsive and Cancel is immediate (the pane terminates
 * the worker). Reports each stage as it starts. Loads nothing but highs.wasm, from beside itself.
 */
import { runRecommendation } from "../core/report/recommendation";
import { ComputeReply, ComputeRequest, toWire } from "./computeProtocol";
import { loadBrowserSolver } from "./solver";

/** The worker's global scope, taken once. */
const scope = self;
const post = (reply: ComputeReply) => scope.postMessage(reply);

scope.onmessage = async (e: MessageEvent<ComputeRequest>) => {
  const { id, input, history, needsSolver } = e.data;
  try {
    // The worker's own URL is the base: it sits beside the page in dist/.
    const solver = needsSolver ? await loadBrowserSolver(scope.location.href) : undefined;
    const result = await runRecommendation(
      { ...input, solver, onStage: (stage) => post({ kind: "stage", id, stage }) },
      history
    );
    post({ kind: "done", id, result: toWire(result) });
  } catch (err) {
    post({ kind: "failed", id, message: (err as Error).message });
  }
};
