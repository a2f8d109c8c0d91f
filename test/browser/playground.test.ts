/**
 * The playground in a real browser: Debian's Chromium driven by playwright-core. The development
 * build (add-in and playground) goes to a temporary directory, served on 127.0.0.1. The tests
 * walk the real task pane over the simulated sample workbook and check the written sheets cell by
 * cell, and their charts, against the core's own job run in Node on the same workbook read by
 * exceljs; bad input lists its problems, selects the cell clicked and writes nothing. Every step leaves a PNG in
 * test-results/browser/; any console error, page error or failed request fails the test.
 *
 * Without /usr/bin/chromium the suite is skipped, except under CI, where that is a failure
 * (.ci/run installs it with apt).
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { chromium, BrowserContext, FrameLocator, Page } from "playwright-core";
import { serialFromIso } from "../../src/core/dates";
import { runRecommendation } from "../../src/core/report/recommendation";
import { shownValue } from "../../src/core/report/sheetModel";
import { cellA1, parseRangeA1 } from "../../src/core/report/a1";
import { settingsOf, sheetValues } from "../../src/cli/workbookInput";
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

jest.setTimeout(180_000);

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

/** The hedge inputs the test types into the pane: the sample's Settings sheet, read by exceljs. */
interface Inputs {
  holdings: unknown[][];
  settlement: string;
  target: number;
  contractName: string;
  contractDv01: number;
}

async function sampleInputs(): Promise<Inputs> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(SAMPLE);
  const settings = settingsOf(book.getWorksheet("Settings"));
  const settlement = settings.get("settlement date");
  if (!(settlement instanceof Date)) throw new Error("sample Settings has no settlement date");
  return {
    holdings: sheetValues(book.getWorksheet("Holdings")!),
    settlement: settlement.toISOString().slice(0, 10),
    target: Number(settings.get("target duration")),
    contractName: String(settings.get("hedge contract")),
    contractDv01: Number(settings.get("contract dv01")),
  };
}

/** The core's job on the sample, as the pane should run it (the CLI's exceljs reading). */
async function expectedJob(inputs: Inputs, contractDv01 = inputs.contractDv01) {
  const result = await runRecommendation({
    values: inputs.holdings,
    sheet: "Holdings",
    originRow: 1,
    originColumn: 0,
    settlement: serialFromIso(inputs.settlement)!,
    targetDuration: inputs.target,
    contractDv01,
    contractName: inputs.contractName,
    beta: 1,
    rounding: "nearest",
    contractCode: "ZN",
    runDate: new Date().toISOString().slice(0, 10),
    source: `Holdings!A1:L${inputs.holdings.length}`,
  });
  if (!result.ok) throw new Error(`the sample should run: ${JSON.stringify(result.problems)}`);
  return result;
}

/** Browser, page and the problems it reports. */
interface Session {
  context: BrowserContext;
  page: Page;
  pane: FrameLocator;
  errors: string[];
  shot(name: string): Promise<void>;
}

type Api = {
  keyratePlayground: {
    selectHoldings(): string;
    select(address: string): void;
    selection(): string;
    enter(address: string, value: unknown): void;
    sheetValues(name: string): unknown[][];
    sheetNames(): string[];
    customFunctions(): string[];
  };
};

/** Calls the page's window.keyratePlayground. */
function api<T>(page: Page, f: (w: Api) => T): Promise<T> {
  return page.evaluate(`(${f.toString()})(window)`) as Promise<T>;
}

const describeBrowser = HAVE_CHROMIUM ? describe : describe.skip;

describeBrowser("the playground in Chromium", () => {
  let outDir: string;
  let server: StaticServer;
  let inputs: Inputs;
  const userDirs: string[] = [];

  beforeAll(async () => {
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), "keyrate-playground-"));
    [, inputs] = await Promise.all([buildDevelopment(outDir), sampleInputs()]);
    server = await serveStatic(outDir);
    fs.mkdirSync(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    await server?.close();
    for (const dir of [outDir, ...userDirs]) {
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  async function open(test: string): Promise<Session> {
    const userDir = fs.mkdtempSync(path.join(os.tmpdir(), "keyrate-chromium-"));
    userDirs.push(userDir);
    const context = await chromium.launchPersistentContext(userDir, {
      executablePath: CHROMIUM,
      args: LAUNCH_ARGS,
      viewport: { width: 1600, height: 900 },
    });
    const page = context.pages()[0] ?? (await context.newPage());
    const errors: string[] = [];
    page.on("console", (m) => m.type() === "error" && errors.push(`console: ${m.text()}`));
    page.on("pageerror", (e) => errors.push(`page error: ${e.message}`));
    page.on("requestfailed", (r) => errors.push(`request failed: ${r.url()}`));
    page.on("response", (r) => r.status() >= 400 && errors.push(`HTTP ${r.status()}: ${r.url()}`));
    // Loopback only: anything else is a defect (the add-in makes no third-party requests).
    await context.route(/^(?!http:\/\/127\.0\.0\.1:)/, (route) => {
      errors.push(`non-local request: ${route.request().url()}`);
      return route.abort();
    });
    await page.goto(`${server.url}playground.html`);
    const pane = page.frameLocator("#kr-pane");
    await pane.locator("#kr-check").waitFor();
    let step = 0;
    const shot = async (name: string) => {
      step++;
      const file = `${test}-${String(step).padStart(2, "0")}-${name}.png`;
      await page.screenshot({ path: path.join(SHOTS, file) });
    };
    return { context, page, pane, errors, shot };
  }

  /** Types into a Fluent text field (its input sits in the shadow DOM). */
  async function fill(pane: FrameLocator, id: string, value: string | number): Promise<void> {
    await pane.locator(`#${id} input`).fill(String(value));
  }

  /** The wizard's current step, as the step list marks it. */
  function currentStep(pane: FrameLocator): Promise<string> {
    return pane.locator('.kr-steps [aria-current="step"]').innerText();
  }

  /** Waits until the wizard shows the step (going forward validates first, which takes a moment). */
  async function onStep(pane: FrameLocator, name: string): Promise<void> {
    await pane.locator('.kr-steps [aria-current="step"]', { hasText: name }).waitFor();
  }

  /** Goes to a wizard step by clicking its name in the step list. */
  async function goToStep(pane: FrameLocator, name: string): Promise<void> {
    await pane.locator(".kr-steps button", { hasText: name }).click();
    await onStep(pane, name);
  }

  /** Presses Next and waits for the step it leads to. */
  async function nextTo(pane: FrameLocator, name: string): Promise<void> {
    await pane.locator("#kr-next").click();
    await onStep(pane, name);
  }

  test("select the holdings, check them, size the hedge and write the sheet", async () => {
    const { context, page, pane, errors, shot } = await open("hedge");
    try {
      await shot("opened");
      expect(await api(page, (w) => w.keyratePlayground.sheetNames())).toEqual([
        "Holdings",
        "Curve",
        "Settings",
      ]);
      // The shared runtime's custom functions registered in the pane's page too.
      expect(await api(page, (w) => w.keyratePlayground.customFunctions())).toContain("DV01");
      const holdingsBefore = await api(page, (w) => w.keyratePlayground.sheetValues("Holdings"));

      await page.click("#pg-select-holdings");
      const last = inputs.holdings.length;
      expect(await api(page, (w) => w.keyratePlayground.selection())).toBe(`Holdings!A1:L${last}`);
      // The grid redraws on its next frame.
      await page.waitForFunction(
        (v) => (document.querySelector("#pg-namebox") as HTMLInputElement | null)?.value === v,
        `A1:L${last}`
      );
      await shot("holdings-selected");

      await pane.locator("#kr-check").click();
      const mapping = pane.locator("#kr-mapping");
      await mapping.locator("table").waitFor();
      await expect(mapping.innerText()).resolves.toMatch(
        new RegExp(`^Holdings!A1:L${last}: ${last - 1} rows, \\d+ usable at settlement \\d{4}-`)
      );
      const pairs = await mapping
        .locator("tr")
        .evaluateAll((rows) =>
          rows.map((r) => [...r.querySelectorAll("td")].map((td) => td.textContent))
        );
      expect(pairs).toEqual(
        expect.arrayContaining([
          ["id", "ID"],
          ["par", "Par"],
          ["coupon", "Coupon"],
          ["maturity", "Maturity"],
          ["price", "Price"],
        ])
      );
      await shot("mapping");

      // Through the wizard with Next: Holdings → Curve → Target → Instruments → Scenarios → Write.
      const next = pane.locator("#kr-next");
      await nextTo(pane, "Curve");
      await nextTo(pane, "Target");
      await fill(pane, "kr-settlement", inputs.settlement);
      await fill(pane, "kr-target", inputs.target);
      await nextTo(pane, "Instruments");
      await fill(pane, "kr-contract", inputs.contractName);
      await fill(pane, "kr-contract-dv01", inputs.contractDv01);
      await fill(pane, "kr-beta", 1);
      await shot("inputs");
      await nextTo(pane, "Scenarios");
      await nextTo(pane, "Write");
      await expect(next.isHidden()).resolves.toBe(true);
      await expect(pane.locator("#kr-cancel").isHidden()).resolves.toBe(true);

      await pane.locator("#kr-run").click();
      const status = pane.locator("#kr-status");
      await status.filter({ hasText: "Wrote" }).waitFor({ timeout: 60_000 });
      await page.waitForFunction(() =>
        document.querySelector("#pg-tabs [aria-selected=true]")?.textContent?.includes("Hedge")
      );
      await shot("written");

      const expected = await expectedJob(inputs);
      const sheetName = "Hedge Recommendation";
      expect(await api(page, (w) => w.keyratePlayground.sheetNames())).toEqual([
        "Holdings",
        "Curve",
        "Settings",
        ...expected.sheets.map((m) => m.name),
      ]);
      expect(expected.sheets[0].name).toBe(sheetName);
      // Every other sheet of the recommendation, value by value.
      for (const other of expected.sheets.slice(1)) {
        const values = (await page.evaluate(
          `keyratePlayground.sheetValues(${JSON.stringify(other.name)})`
        )) as unknown[][];
        other.rows.forEach((row, r) => {
          // Differences of large figures (estimate errors) inherit their operands' rounding: scale
          // the tolerance by the row's largest figure.
          const scale = Math.max(1, ...row.map((cell) => Math.abs(Number(shownValue(cell)) || 0)));
          row.forEach((cell, c) => {
            const want = shownValue(cell) ?? "";
            const got = values[r]?.[c] ?? "";
            // Chromium's and Node's V8 may round Math.exp differently in the last bit: 1e-9 relative.
            if (typeof want === "number") {
              const off = Math.abs((got as number) - want) / scale;
              expect([other.name, r, c, off <= 1e-9]).toEqual([other.name, r, c, true]);
            } else expect([other.name, r, c, got]).toEqual([other.name, r, c, want]);
          });
        });
      }
      const written = await api(page, (w) =>
        w.keyratePlayground.sheetValues("Hedge Recommendation")
      );
      const model = expected.sheet.rows.map((row) => row.map((cell) => shownValue(cell) ?? ""));
      // Trailing empty rows/columns are not part of the used range.
      expect(written.length).toBe(model.length);
      model.forEach((row, r) =>
        row.forEach((want, c) => {
          const got = written[r]?.[c] ?? "";
          if (typeof want === "number") expect(got).toBeCloseTo(want, 6);
          else expect([r, c, got]).toEqual([r, c, want]);
        })
      );

      const contractsRow = written.findIndex((row) => row[0] === "Contracts to trade");
      expect(contractsRow).toBeGreaterThan(0);
      const contracts = written[contractsRow][1] as number;
      expect(contracts).toBe(expected.hedge.contracts);
      expect(contracts).not.toBe(0);
      // Two-sided: other inputs give another answer, so the equality above is not an accident.
      expect((await expectedJob(inputs, inputs.contractDv01 * 2)).hedge.contracts).not.toBe(
        contracts
      );
      await expect(status.innerText()).resolves.toContain(
        `${contracts < 0 ? "sell" : "buy"} ${Math.abs(contracts)} contracts`
      );

      // Formats and view as the Office.js renderer set them.
      const view = await page.evaluate(
        `(() => { const s = keyratePlayground.workbook.sheet("Hedge Recommendation");
          return { frozen: s.freezeRows, format: s.cell(${contractsRow}, 1).numberFormat }; })()`
      );
      expect(view).toEqual({
        frozen: expected.sheet.freezeRows,
        format: expected.sheet.rows[contractsRow][1].numFmt,
      });

      // Charts as the models specify them, on every written sheet: type, titles, series ranges,
      // categories and place, as the Office.js renderer made them.
      const chartTypes = { column: "ColumnClustered", bar: "BarClustered", line: "Line" };
      for (const m of expected.sheets) {
        const recorded = await page.evaluate(
          `keyratePlayground.workbook.sheet(${JSON.stringify(m.name)}).charts`
        );
        const specs = (m.charts ?? []).map((c) => ({
          name: expect.any(String),
          type: chartTypes[c.type],
          title: c.title,
          categoryAxisTitle: c.categoryAxisTitle,
          valueAxisTitle: c.valueAxisTitle,
          categoryLabelPosition: "Low",
          legendPosition: "Bottom",
          series: c.series.map((s) => ({
            name: s.name,
            values: s.values,
            categories: c.categories,
          })),
          position: {
            start: cellA1(c.anchor.row, c.anchor.column),
            end: cellA1(c.anchor.row + c.anchor.rows - 1, c.anchor.column + c.anchor.columns - 1),
          },
        }));
        expect([m.name, recorded]).toEqual([m.name, specs]);
      }
      // Two-sided: the KRD chart's series is the written KRD row, not its KR DV01 neighbour.
      const krdChart = expected.sheet.charts?.[0];
      if (krdChart) {
        const krdRow = parseRangeA1(krdChart.series[0].values).row;
        expect(written[krdRow][0]).toMatch(/^KRD, years/);
        expect(written[krdRow + 1][0]).toMatch(/^KR DV01/);
      }

      // The user's cells are untouched.
      expect(await api(page, (w) => w.keyratePlayground.sheetValues("Holdings"))).toEqual(
        holdingsBefore
      );
      await page.locator("#pg-grid").evaluate((g) => (g.scrollTop = 0));
      await shot("hedge-sheet");
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test("KRD sizing: HiGHS loads from our own server and the trades are written", async () => {
    const { context, page, pane, errors, shot } = await open("krd");
    try {
      await page.click("#pg-select-holdings");
      await goToStep(pane, "Target");
      await fill(pane, "kr-settlement", "2025-01-02");
      await fill(pane, "kr-target", 5);
      await goToStep(pane, "Instruments");
      // Fluent's select: choose the option by clicking it.
      await pane.locator("#kr-sizing").click();
      await pane.locator('#kr-sizing fluent-option[value="krd"]').click();
      await goToStep(pane, "Write");
      await pane.locator("#kr-run").click();
      const status = pane.locator("#kr-status");
      await status.filter({ hasText: "Wrote" }).waitFor({ timeout: 60_000 });
      await shot("written");
      const sheet = (await page.evaluate(
        `keyratePlayground.sheetValues("Hedge Recommendation")`
      )) as unknown[][];
      const at = sheet.findIndex((r) => r[0] === "Hedge (KRD-matched across contracts, HiGHS)");
      expect(at).toBeGreaterThan(0);
      const trades = sheet.slice(at + 1).filter((r) => /^Z[TFNB]H5|^TNH5|^UBH5/.test(String(r[0])));
      expect(trades.length).toBeGreaterThan(2);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test("wizard: one step at a time, Back/Next keep what was typed, keyboard and step list", async () => {
    const { context, pane, page, errors, shot } = await open("wizard");
    try {
      const focused = (id: string) =>
        pane.locator(`#${id}`).evaluate((el) => el === el.ownerDocument.activeElement);
      // One step marked current, the others not; later steps' fields are hidden.
      await expect(currentStep(pane)).resolves.toContain("Holdings");
      await expect(pane.locator('.kr-steps [aria-current="step"]').count()).resolves.toBe(1);
      await expect(pane.locator(".kr-steps li").count()).resolves.toBe(6);
      await expect(pane.locator("#kr-settlement").isHidden()).resolves.toBe(true);
      await expect(pane.locator("#kr-back").getAttribute("disabled")).resolves.not.toBeNull();
      await expect(pane.locator('[role="region"]:visible').count()).resolves.toBe(1);

      // Next validates the step: without a holdings range selected the wizard stays on Holdings.
      await pane.locator("#kr-next").click();
      await pane.locator("#kr-step-errors-1 li").waitFor();
      await expect(currentStep(pane)).resolves.toContain("Holdings");
      await page.click("#pg-select-holdings");
      await nextTo(pane, "Curve");
      await expect(pane.locator("#kr-step-errors-1 li").count()).resolves.toBe(0);
      await nextTo(pane, "Target");
      // Focus moves to the step's heading, which labels the region.
      await expect(focused("kr-step-title-3")).resolves.toBe(true);
      await expect(pane.locator("#kr-step-3").getAttribute("aria-labelledby")).resolves.toBe(
        "kr-step-title-3"
      );
      await expect(pane.locator("#kr-check").isHidden()).resolves.toBe(true);
      // A bad field keeps the wizard on its step, with the message there; fixed, Next goes on.
      await fill(pane, "kr-target", "seven");
      await pane.locator("#kr-next").click();
      const targetError = pane.locator("#kr-step-errors-3 li");
      await targetError.waitFor();
      await expect(targetError.innerText()).resolves.toMatch(/^Target duration: expected years/);
      await expect(currentStep(pane)).resolves.toContain("Target");
      await shot("target-invalid");
      await fill(pane, "kr-target", "7.25");
      await shot("target");

      // Next then Back: the typed value is still there.
      await nextTo(pane, "Instruments");
      await expect(pane.locator("#kr-target").isHidden()).resolves.toBe(true);
      await pane.locator("#kr-back").click();
      await expect(currentStep(pane)).resolves.toContain("Target");
      await expect(pane.locator("#kr-target input").inputValue()).resolves.toBe("7.25");

      // The Write step's summary shows it; jumping back by the step list keeps it too.
      await goToStep(pane, "Write");
      await expect(pane.locator("#kr-summary").innerText()).resolves.toContain("7.25 years");
      await goToStep(pane, "Target");
      await expect(pane.locator("#kr-target input").inputValue()).resolves.toBe("7.25");

      // Keyboard: from the heading, Tab reaches Next and Enter advances.
      await pane.locator("#kr-step-title-3").focus();
      for (let i = 0; i < 30 && !(await focused("kr-next")); i++) await page.keyboard.press("Tab");
      await expect(focused("kr-next")).resolves.toBe(true);
      await page.keyboard.press("Enter");
      await onStep(pane, "Instruments");
      await expect(focused("kr-step-title-4")).resolves.toBe(true);
      await shot("instruments-by-keyboard");
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test("bad input: problems listed with sheet/row/column, click selects the cell, nothing written", async () => {
    const { context, page, pane, errors, shot } = await open("bad-input");
    try {
      await api(page, (w) => w.keyratePlayground.enter("Holdings!F2", "abc"));
      // Select A1:H2 (header and the one bad row; id … price) by dragging over the grid.
      const cell = (r: number, c: number) =>
        page.locator(`#pg-grid td[data-r="${r}"][data-c="${c}"]`);
      await cell(0, 0).hover();
      await page.mouse.down();
      await cell(1, 3).hover();
      await cell(1, 7).hover();
      await page.mouse.up();
      expect(await api(page, (w) => w.keyratePlayground.selection())).toBe("Holdings!A1:H2");
      await shot("bad-cell-selected");

      // Next checks the selection: its only row is bad, so the Holdings step lists the problem.
      await pane.locator("#kr-next").click();
      const early = pane.locator("#kr-holdings-problems li", { hasText: "Holdings!F2" });
      await early.waitFor();
      await expect(early.innerText()).resolves.toMatch(/^Holdings!F2 Coupon: "abc" — expected /);
      await expect(currentStep(pane)).resolves.toContain("Holdings");
      await shot("problems-on-holdings-step");

      // With the whole range the bad row is skipped and listed, and the wizard goes on; the
      // one-row range selected again at Write time writes nothing and lists the problem there.
      await page.click("#pg-select-holdings");
      await goToStep(pane, "Target");
      await fill(pane, "kr-settlement", inputs.settlement);
      await goToStep(pane, "Instruments");
      await fill(pane, "kr-contract-dv01", inputs.contractDv01);
      await goToStep(pane, "Write");
      await api(page, (w) => w.keyratePlayground.select("Holdings!A1:H2"));
      await pane.locator("#kr-run").click();
      const status = pane.locator("#kr-status");
      await status.filter({ hasText: "Nothing written" }).waitFor();
      const problem = pane.locator("#kr-problems li", { hasText: "Holdings!F2" });
      await expect(problem.innerText()).resolves.toMatch(/^Holdings!F2 Coupon: "abc" — expected /);
      await shot("problems");

      // Switch sheets first, so that the click has to bring Holdings back.
      await page.click('#pg-tabs [data-sheet="Curve"]');
      expect(await api(page, (w) => w.keyratePlayground.selection())).toMatch(/^Curve!/);
      await problem.locator("button").click();
      await page.waitForFunction(
        () =>
          (window as unknown as Api).keyratePlayground.selection() === "Holdings!F2" &&
          document.querySelector("#pg-grid td.pg-active")?.textContent === "abc"
      );
      await expect(page.inputValue("#pg-namebox")).resolves.toBe("F2");
      await shot("problem-selected");

      expect(await api(page, (w) => w.keyratePlayground.sheetNames())).toEqual([
        "Holdings",
        "Curve",
        "Settings",
      ]);
      expect(await api(page, (w) => w.keyratePlayground.sheetValues("Holdings")[1][5])).toBe("abc");
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
