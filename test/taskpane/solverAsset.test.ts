/**
 * The HiGHS solver in the task pane: the production build (npm test builds before jest) serves
 * highs.wasm from our own origin as dist/highs/highs.wasm, byte for byte the package's binary,
 * and the pane's loader asks for it there, relative to the page.
 */
import * as fs from "fs";
import * as path from "path";
import { SOLVER_ASSET_DIR, solverAssetUrl } from "../../src/taskpane/solver";

const ROOT = path.join(__dirname, "..", "..");
const DIST = path.join(ROOT, "dist");
const PACKAGE_WASM = require.resolve("highs/runtime");

describe("the HiGHS solver asset", () => {
  test("dist/ contains highs/highs.wasm, identical to the highs package's", () => {
    if (!fs.existsSync(path.join(DIST, "taskpane.html"))) {
      throw new Error(
        "dist/ is missing or incomplete: run `npm run build` first (npm test builds before jest)."
      );
    }
    const served = path.join(DIST, SOLVER_ASSET_DIR, "highs.wasm");
    expect(fs.existsSync(served)).toBe(true);
    const bytes = fs.readFileSync(served);
    expect(bytes.subarray(0, 4)).toEqual(Buffer.from([0x00, 0x61, 0x73, 0x6d])); // "\0asm"
    expect(bytes.equals(fs.readFileSync(PACKAGE_WASM))).toBe(true);
  });

  test("the loader looks for it beside the page, under highs/", () => {
    expect(solverAssetUrl("highs.wasm", "https://example.com/addin/taskpane.html")).toBe(
      "https://example.com/addin/highs/highs.wasm"
    );
    expect(solverAssetUrl("highs.wasm", "https://localhost:3000/taskpane.html?x=1")).toBe(
      "https://localhost:3000/highs/highs.wasm"
    );
  });
});
