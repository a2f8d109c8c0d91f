/**
 * The playground stays out of production: after `npm run build` (which npm test runs before
 * jest) dist/ has no playground page, script or stylesheet, and the production bundles carry none
 * of the simulator.
 */
import * as fs from "fs";
import * as path from "path";

const DIST = path.join(__dirname, "..", "..", "dist");

/** Every file under dir, relative to it. */
function files(dir: string, prefix = ""): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(prefix, entry.name);
    return entry.isDirectory() ? files(path.join(dir, entry.name), rel) : [rel];
  });
}

describe("production build (dist/)", () => {
  beforeAll(() => {
    if (!fs.existsSync(path.join(DIST, "taskpane.js"))) {
      throw new Error("dist/ is missing: run `npm run build` first (npm test builds before jest).");
    }
  });

  test("is a production build", () => {
    // A development build (npm run build:dev) would have source maps; this test is about production.
    expect(files(DIST).filter((f) => f.endsWith(".map"))).toEqual([]);
  });

  test("has no playground files", () => {
    expect(files(DIST).filter((f) => /playground/i.test(f))).toEqual([]);
  });

  test("its pages and bundles carry none of the simulator", () => {
    const ours = files(DIST).filter((f) => !f.startsWith("office-js") && /\.(js|html)$/.test(f));
    expect(ours).toEqual(
      expect.arrayContaining(["taskpane.html", "taskpane.js", "functions.js", "compute-worker.js"])
    );
    for (const file of ours) {
      const text = fs.readFileSync(path.join(DIST, file), "utf8");
      for (const marker of ["keyratePlayground", "playground-office", "RunMustReturnPromise"]) {
        expect([file, text.includes(marker)]).toEqual([file, false]);
      }
    }
  });
});
