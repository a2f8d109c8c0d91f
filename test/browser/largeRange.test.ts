/**
 * A large range in the playground, in Chromium: playground.html?holdings=20000 (the sample's 300
 * rows cycled to 20,000, src/playground/largeHoldings.ts), the whole range selected and the wizard
 * walked to Write with the inputs the playground test types. The written "Holdings Risk" sheet
 * lists all 20,000 holdings and the "Hedge Recommendation" totals equal the core's job run in Node
 * on the same rows; no request exceeds Excel on the web's 5 MB payload limit; read/compute/write timings are
 * logged. Leaves a PNG in test-results/browser/; any console error, page error or failed request
 * fails the test.
 *
 * Without /usr/bin/chromium the suite is skipped, except under CI, where that is a failure.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { workbookSnapshot } from "../../scripts/xlsx-json-loader";
import { shownValue } from "../../src/core/report/sheetModel";
import { fillLargeHoldings } from "../../src/playground/largeHoldings";
import { PAYLOAD_LIMIT_BYTES } from "../../src/playground/simBase";
import { SimWorkbook } from "../../src/playground/workbookModel";
import { buildDevelopment } from "./webpackBuild";
import { serveStatic, StaticServer } from "./staticServer";
import {
  browserSuite,
  expectedJob,
  openSession,
  SAMPLE,
  sampleInputs,
  SHOTS,
  walkToWrite,
} from "./session";

const N = 20_000;

// Measured on 2 cores: build 5 s, page and wizard 35 s (Write → "Wrote" about 19 s).
jest.setTimeout(600_000);

/** The 20,000-row Holdings values built in Node by the playground's own generator. */
async function largeHoldingsValues(): Promise<unknown[][]> {
  const book = SimWorkbook.fromSnapshot(await workbookSnapshot(SAMPLE));
  fillLargeHoldings(book, "Holdings", N);
  return book.usedValues("Holdings");
}

/** What the page reports about the written sheet (computed in the page: the sheet is large). */
interface Written {
  headerRow: number;
  ids: string[];
  /** Column B of the rows above the holdings table by their label (first occurrence). */
  labelled: Record<string, { value: unknown; formula?: string }>;
}

browserSuite("a 20,000-row holdings range in the playground", () => {
  let outDir: string;
  let server: StaticServer;

  beforeAll(async () => {
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), "keyrate-large-"));
    const t0 = Date.now();
    await buildDevelopment(outDir);
    console.log(`largeRange: development build ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    server = await serveStatic(outDir);
  });

  afterAll(async () => {
    await server?.close();
    if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
  });

  test("select, walk the wizard, write: 20,000 holding rows, totals as in Node, requests < 5 MB", async () => {
    const [inputs, holdings] = await Promise.all([sampleInputs(), largeHoldingsValues()]);
    expect(holdings.length).toBe(N + 1);
    const session = await openSession(`${server.url}playground.html?holdings=${N}`, "large-range");
    const { page, pane, errors } = session;
    try {
      // The page's Holdings are the rows the generator makes in Node.
      expect(await page.evaluate(`keyratePlayground.sheetValues("Holdings")`)).toEqual(holdings);
      expect(await page.evaluate(`keyratePlayground.selectHoldings()`)).toBe(
        `Holdings!A1:V${N + 1}`
      );
      await pane.locator("#kr-check").click();
      // The check reads 20,000 rows: wait for its summary.
      await pane
        .locator("#kr-mapping", { hasText: `Holdings!A1:V${N + 1}: ${N} rows` })
        .waitFor({ timeout: 300_000 });

      // Holdings → Curve → Target → Instruments → Scenarios → Write, as the playground test does.
      await walkToWrite(pane, inputs);

      const status = pane.locator("#kr-status");
      const t0 = Date.now();
      await pane.locator("#kr-run").click();
      await status.filter({ hasText: /^Wrote/ }).waitFor({ timeout: 300_000 });
      const wallMs = Date.now() - t0;
      const timings = JSON.parse((await status.getAttribute("data-timings")) ?? "null") as {
        readMs: number;
        computeMs: number;
        writeMs: number;
        aheadMs?: number;
      };
      // aheadMs: the analytics had started ahead, as the range was checked or a later step opened
      // (when their inputs had been read by the time Write was pressed).
      const { aheadMs, ...split } = timings;
      expect(split).toEqual({
        readMs: expect.any(Number),
        computeMs: expect.any(Number),
        writeMs: expect.any(Number),
      });
      expect(aheadMs === undefined || aheadMs > 0).toBe(true);
      console.log(
        `largeRange: ${N.toLocaleString("en-US")} holdings, Write → "Wrote" ${wallMs} ms ` +
          `(read ${timings.readMs.toFixed(0)} ms, compute ${timings.computeMs.toFixed(0)} ms, ` +
          `write ${timings.writeMs.toFixed(0)} ms)`
      );
      await page.waitForFunction(() =>
        document.querySelector("#pg-tabs [aria-selected=true]")?.textContent?.includes("Hedge")
      );
      await page.screenshot({ path: path.join(SHOTS, "large-range-written.png") });

      // The holdings table on Holdings Risk: the row whose first cell is "ID", then one row per
      // holding; the labelled figures of the Hedge Recommendation.
      const written = (await page.evaluate(`(() => {
        const risk = keyratePlayground.sheetValues("Holdings Risk");
        const headerRow = risk.findIndex((r) => r[0] === "ID");
        const ids = [];
        for (let r = headerRow + 1; r < risk.length && risk[r][0] !== ""; r++) ids.push(risk[r][0]);
        const rows = keyratePlayground.sheetValues("Hedge Recommendation");
        const sheet = keyratePlayground.workbook.sheet("Hedge Recommendation");
        const labelled = {};
        rows.forEach((r, i) => {
          if (typeof r[0] === "string" && !(r[0] in labelled)) {
            labelled[r[0]] = { value: r[1], formula: sheet.cell(i, 1)?.formula };
          }
        });
        return { headerRow, ids, labelled };
      })()`)) as Written;
      expect(written.headerRow).toBeGreaterThan(0);
      expect(written.ids.length).toBe(N);
      expect(new Set(written.ids)).toEqual(new Set(holdings.slice(1).map((r) => r[0])));

      // The same job in Node on the same values.
      const expected = await expectedJob(inputs, holdings);
      const want: Record<string, unknown> = {};
      for (const row of expected.sheets[0].rows) {
        const label = shownValue(row[0]);
        if (typeof label === "string" && !(label in want)) want[label] = shownValue(row[1]);
      }
      // Exposure summary (first occurrences of the labels) and the hedge.
      const totals = [
        "Market value",
        "Effective duration",
        "Effective convexity",
        "Spread duration",
        "DV01 (effective)",
        "Modified duration",
        "DV01 (yield)",
        "Holdings in totals",
        "Holdings left out",
        "Contracts to trade",
      ];
      for (const label of totals) {
        const w = want[label] as number;
        // What the cell shows: a formula's calculated value (the simulator calculates them).
        const { value, formula } = written.labelled[label] ?? {};
        expect([label, formula, typeof w, typeof value]).toEqual([
          label,
          formula,
          "number",
          "number",
        ]);
        // Chromium's and Node's V8 may round Math.exp differently in the last bit.
        const off = Math.abs((value as number) - w) / Math.max(1, Math.abs(w));
        expect([label, value, off <= 1e-9]).toEqual([label, value, true]);
      }
      expect(written.labelled["Holdings in totals"].value).toBeGreaterThan(N / 2);
      expect(written.labelled["Contracts to trade"].value).toBe(
        expected.record.hedge.ratio.contracts
      );

      const largest = (await page.evaluate(
        `keyratePlayground.workbook.stats.largestRequestBytes`
      )) as number;
      console.log(`largeRange: largest request ${(largest / 1024).toFixed(0)} KB`);
      expect(largest).toBeGreaterThan(0);
      expect(largest).toBeLessThan(PAYLOAD_LIMIT_BYTES);
      expect(errors).toEqual([]);
    } finally {
      await session.close();
    }
  });
});
