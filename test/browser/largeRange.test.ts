/**
 * A large range in the playground, in Chromium: playground.html?holdings=20000 (the sample's 300
 * rows cycled to 20,000, src/playground/largeHoldings.ts), the whole range selected and the wizard
 * walked to Write with the inputs the playground test types. The written "Hedge Recommendation"
 * sheet lists all 20,000 holdings and its totals equal the core's job run in Node on the same
 * rows; no request exceeds Excel on the web's 5 MB payload limit; read/compute/write timings are
 * logged. Leaves a PNG in test-results/browser/; any console error, page error or failed request
 * fails the test.
 *
 * Without /usr/bin/chromium the suite is skipped, except under CI, where that is a failure.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { chromium } from "playwright-core";
import { workbookSnapshot } from "../../scripts/xlsx-json-loader";
import { settingsOf } from "../../src/cli/workbookInput";
import { serialFromIso } from "../../src/core/dates";
import { runRecommendation } from "../../src/core/report/recommendation";
import { shownValue } from "../../src/core/report/sheetModel";
import { fillLargeHoldings } from "../../src/playground/largeHoldings";
import { PAYLOAD_LIMIT_BYTES } from "../../src/playground/simBase";
import { SimWorkbook } from "../../src/playground/workbookModel";
import { buildDevelopment } from "./webpackBuild";
import { serveStatic, StaticServer } from "./staticServer";

const ROOT = path.join(__dirname, "..", "..");
const CHROMIUM = "/usr/bin/chromium";
const SHOTS = path.join(ROOT, "test-results", "browser");
const SAMPLE = path.join(ROOT, "assets", "sample-portfolio.xlsx");
const CI = /^(1|true|yes)$/i.test(process.env.CI ?? "");
const HAVE_CHROMIUM = fs.existsSync(CHROMIUM);
const LAUNCH_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const N = 20_000;

// Measured on 2 cores: build 5 s, page and wizard 35 s (Write → "Wrote" about 19 s).
jest.setTimeout(240_000);

if (!HAVE_CHROMIUM) {
  if (CI) {
    test("Chromium is installed", () => {
      throw new Error(`${CHROMIUM} is missing: .ci/run installs it (apt-get install -y chromium)`);
    });
  } else {
    console.warn(
      `Browser tests skipped: ${CHROMIUM} not found. Install it with \`apt-get install -y chromium\` ` +
        "(under CI=true its absence fails the suite)."
    );
  }
}

/** The hedge inputs the playground test types: the sample's Settings sheet, read by exceljs. */
async function sampleSettings() {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(SAMPLE);
  const settings = settingsOf(book.getWorksheet("Settings"));
  const settlement = settings.get("settlement date");
  if (!(settlement instanceof Date)) throw new Error("sample Settings has no settlement date");
  return {
    settlement: settlement.toISOString().slice(0, 10),
    target: Number(settings.get("target duration")),
    contractName: String(settings.get("hedge contract")),
    contractDv01: Number(settings.get("contract dv01")),
  };
}

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

const describeBrowser = HAVE_CHROMIUM ? describe : describe.skip;

describeBrowser("a 20,000-row holdings range in the playground", () => {
  let outDir: string;
  let userDir: string;
  let server: StaticServer;

  beforeAll(async () => {
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), "keyrate-large-"));
    userDir = fs.mkdtempSync(path.join(os.tmpdir(), "keyrate-chromium-"));
    const t0 = Date.now();
    await buildDevelopment(outDir);
    console.log(`largeRange: development build ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    server = await serveStatic(outDir);
    fs.mkdirSync(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    await server?.close();
    for (const dir of [outDir, userDir]) {
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("select, walk the wizard, write: 20,000 holding rows, totals as in Node, requests < 5 MB", async () => {
    const [inputs, holdings] = await Promise.all([sampleSettings(), largeHoldingsValues()]);
    expect(holdings.length).toBe(N + 1);
    const context = await chromium.launchPersistentContext(userDir, {
      executablePath: CHROMIUM,
      args: LAUNCH_ARGS,
      viewport: { width: 1600, height: 900 },
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const errors: string[] = [];
      page.on("console", (m) => m.type() === "error" && errors.push(`console: ${m.text()}`));
      page.on("pageerror", (e) => errors.push(`page error: ${e.message}`));
      page.on("requestfailed", (r) => errors.push(`request failed: ${r.url()}`));
      page.on(
        "response",
        (r) => r.status() >= 400 && errors.push(`HTTP ${r.status()}: ${r.url()}`)
      );
      // Loopback only: anything else is a defect (the add-in makes no third-party requests).
      await context.route(/^(?!http:\/\/127\.0\.0\.1:)/, (route) => {
        errors.push(`non-local request: ${route.request().url()}`);
        return route.abort();
      });
      await page.goto(`${server.url}playground.html?holdings=${N}`);
      const pane = page.frameLocator("#kr-pane");
      await pane.locator("#kr-check").waitFor();

      // The page's Holdings are the rows the generator makes in Node.
      expect(await page.evaluate(`keyratePlayground.sheetValues("Holdings")`)).toEqual(holdings);
      expect(await page.evaluate(`keyratePlayground.selectHoldings()`)).toBe(
        `Holdings!A1:L${N + 1}`
      );
      await pane.locator("#kr-check").click();
      await expect(pane.locator("#kr-mapping").innerText()).resolves.toContain(
        `Holdings!A1:L${N + 1}: ${N} rows`
      );

      // Holdings → Curve → Target → Instruments → Scenarios → Write, as the playground test does.
      const fill = (id: string, value: string | number) =>
        pane.locator(`#${id} input`).fill(String(value));
      const currentStep = () => pane.locator('.kr-steps [aria-current="step"]').innerText();
      const next = pane.locator("#kr-next");
      await next.click();
      await next.click();
      await expect(currentStep()).resolves.toContain("Target");
      await fill("kr-settlement", inputs.settlement);
      await fill("kr-target", inputs.target);
      await next.click();
      await fill("kr-contract", inputs.contractName);
      await fill("kr-contract-dv01", inputs.contractDv01);
      await fill("kr-beta", 1);
      await next.click();
      await next.click();
      await expect(currentStep()).resolves.toContain("Write");

      const status = pane.locator("#kr-status");
      const t0 = Date.now();
      await pane.locator("#kr-run").click();
      await status.filter({ hasText: /^Wrote/ }).waitFor({ timeout: 150_000 });
      const wallMs = Date.now() - t0;
      const timings = JSON.parse((await status.getAttribute("data-timings")) ?? "null") as {
        readMs: number;
        computeMs: number;
        writeMs: number;
      };
      expect(timings).toEqual({
        readMs: expect.any(Number),
        computeMs: expect.any(Number),
        writeMs: expect.any(Number),
      });
      console.log(
        `largeRange: ${N.toLocaleString("en-US")} holdings, Write → "Wrote" ${wallMs} ms ` +
          `(read ${timings.readMs.toFixed(0)} ms, compute ${timings.computeMs.toFixed(0)} ms, ` +
          `write ${timings.writeMs.toFixed(0)} ms)`
      );
      await page.waitForFunction(() =>
        document.querySelector("#pg-tabs [aria-selected=true]")?.textContent?.includes("Hedge")
      );
      await page.screenshot({ path: path.join(SHOTS, "large-range-written.png") });

      // The holdings table: the row whose first cell is "ID", then one row per holding.
      const written = (await page.evaluate(`(() => {
        const rows = keyratePlayground.sheetValues("Hedge Recommendation");
        const headerRow = rows.findIndex((r) => r[0] === "ID");
        const ids = [];
        for (let r = headerRow + 1; r < rows.length && rows[r][0] !== ""; r++) ids.push(rows[r][0]);
        const sheet = keyratePlayground.workbook.sheet("Hedge Recommendation");
        const labelled = {};
        rows.slice(0, headerRow).forEach((r, i) => {
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
      const expected = await runRecommendation({
        values: holdings,
        sheet: "Holdings",
        originRow: 1,
        originColumn: 0,
        settlement: serialFromIso(inputs.settlement)!,
        targetDuration: inputs.target,
        contractDv01: inputs.contractDv01,
        contractName: inputs.contractName,
        beta: 1,
        rounding: "nearest",
        contractCode: "ZN",
        runDate: new Date().toISOString().slice(0, 10),
        source: `Holdings!A1:L${N + 1}`,
      });
      if (!expected.ok) throw new Error(`should run: ${JSON.stringify(expected.problems)}`);
      const want: Record<string, unknown> = {};
      for (const row of expected.sheet.rows) {
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
      expect(written.labelled["Contracts to trade"].value).toBe(expected.hedge.contracts);

      const largest = (await page.evaluate(
        `keyratePlayground.workbook.stats.largestRequestBytes`
      )) as number;
      console.log(`largeRange: largest request ${(largest / 1024).toFixed(0)} KB`);
      expect(largest).toBeGreaterThan(0);
      expect(largest).toBeLessThan(PAYLOAD_LIMIT_BYTES);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
