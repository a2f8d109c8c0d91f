/**
 * The HiGHS solver for the task pane: highs.wasm is served from our own origin (webpack copies it
 * to dist/highs/highs.wasm, see webpack.config.js), never from a CDN, so the add-in makes no
 * third-party requests. It lives in the task-pane layer because only the page knows its URL.
 */
import type { Highs } from "highs";
import { loadSolver } from "../core/hedge/optimiser";

/** Where the production build puts highs.wasm, relative to the page (dist/highs/). */
export const SOLVER_ASSET_DIR = "highs/";

let cached: Promise<Highs> | undefined;

/**
 * The URL of a solver asset (highs.wasm) beside the page. Resolved against document.baseURI, not
 * the script's URL: the loader's own guess (`new URL(".", currentScript.src)`) is wrong once
 * webpack has bundled it into taskpane.js, and the page and its bundles share dist/.
 */
export function solverAssetUrl(file: string, base: string = document.baseURI): string {
  return new URL(SOLVER_ASSET_DIR + file, base).href;
}

/**
 * Loads (once per page) the HiGHS WebAssembly solver from dist/highs/. Pass the result to
 * optimiseHedge / planHedge: their default, loadSolver(), would look for highs.wasm next to the
 * bundle. A failed load is not cached, so a later call can retry (e.g. after a network error).
 * @param base The URL highs/ is beside (default the page's; the compute worker gives its own).
 */
export function loadBrowserSolver(base?: string): Promise<Highs> {
  cached ??= loadSolver({ locateFile: (file) => solverAssetUrl(file, base) }).catch(
    (e: unknown) => {
      cached = undefined;
      throw e;
    }
  );
  return cached;
}
