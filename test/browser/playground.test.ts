/**
 * The playground in a real browser: Debian's Chromium driven by playwright-core. The development
 * build (add-in and playground) goes to a temporary directory, served on 127.0.0.1. The tests
 * walk the real task pane over the simulated sample workbook and check the written sheets cell by
 * cell, and their charts, against the core's own job run in Node on the same workbook read by
 * exceljs; bad input lists its problems, selects the cell clicked and lands on the Excluded
 * Holdings sheet. Every step leaves a PNG in test-results/browser/; any console error, page error
 * or failed request fails the test.
 *
 * Without /usr/bin/chromium the suite is skipped, except under CI, where that is a failure
 * (.ci/run installs it with apt).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { FrameLocator, Page } from "playwright-core";
import { shownValue } from "../../src/core/report/sheetModel";
import { columnLetters } from "../../src/core/holdings/cells";
import { cellA1, parseRangeA1 } from "../../src/core/a1";
import { HISTORY_SHEET_NAME } from "../../src/core/history/workbookLayout";
import { MONITORING_SHEET_NAME } from "../../src/core/report/monitoringSheet";
import { buildDevelopment } from "./webpackBuild";
import { serveStatic, StaticServer } from "./staticServer";
import {
  browserSuite,
  currentStep,
  expectedJob,
  fill,
  goToStep,
  nextTo,
  onStep,
  openSession,
  sampleInputs,
  SampleInputs,
  Session,
  walkToWrite,
} from "./session";

jest.setTimeout(600_000);

type Api = {
  keyratePlayground: {
    selectHoldings(): string;
    select(address: string): void;
    selection(): string;
    enter(address: string, value: unknown): void;
    sheetValues(name: string): unknown[][];
    sheetNames(): string[];
    sheetVisibility(name: string): string;
    customFunctions(): string[];
    reloadPane(): void;
  };
};

/** The Holdings step's mapping as [field label, column chosen] pairs. */
function mappingPairs(pane: FrameLocator): Promise<[string, string][]> {
  return pane
    .locator("#kr-mapping tr")
    .evaluateAll((rows) =>
      rows.map((r) => [
        r.querySelector("label")?.textContent ?? "",
        (r.querySelector("fluent-select") as HTMLSelectElement | null)?.value ?? "",
      ])
    ) as Promise<[string, string][]>;
}

/** The sheet tabs the playground shows, in order. */
function tabNames(page: Page): Promise<string[]> {
  return page.locator("#pg-tabs .pg-tab").allInnerTexts();
}

/** Calls the page's window.keyratePlayground. */
function api<T>(page: Page, f: (w: Api) => T): Promise<T> {
  return page.evaluate(`(${f.toString()})(window)`) as Promise<T>;
}

browserSuite("the playground in Chromium", () => {
  let outDir: string;
  let server: StaticServer;
  let inputs: SampleInputs;
  /** The sample's last holdings column ("V"). */
  const lastColumn = () => columnLetters(inputs.holdings[0].length - 1);

  beforeAll(async () => {
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), "keyrate-playground-"));
    [, inputs] = await Promise.all([buildDevelopment(outDir), sampleInputs()]);
    server = await serveStatic(outDir);
  });

  afterAll(async () => {
    await server?.close();
    if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
  });

  const open = (test: string): Promise<Session> =>
    openSession(`${server.url}playground.html`, test);

  test("select the holdings, check them, size the hedge and write the sheet", async () => {
    const { close, page, pane, errors, shot } = await open("hedge");
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
      expect(await api(page, (w) => w.keyratePlayground.selection())).toBe(
        `Holdings!A1:${lastColumn()}${last}`
      );
      // The grid redraws on its next frame.
      await page.waitForFunction(
        (v) => (document.querySelector("#pg-namebox") as HTMLInputElement | null)?.value === v,
        `A1:${lastColumn()}${last}`
      );
      await shot("holdings-selected");

      // At the sample's settlement every row is usable (the check runs at the date typed).
      await fill(pane, "kr-settlement", inputs.settlement);
      await pane.locator("#kr-check").click();
      const mapping = pane.locator("#kr-mapping");
      await mapping.locator("#kr-mapping-table").waitFor();
      await expect(mapping.innerText()).resolves.toContain(
        `Holdings!A1:${lastColumn()}${last}: ${last - 1} rows, ${last - 1} usable at settlement ${inputs.settlement}.`
      );
      const pairs = await mappingPairs(pane);
      expect(pairs).toEqual(
        expect.arrayContaining([
          ["id *", "ID"],
          ["par *", "Par"],
          ["coupon *", "Coupon"],
          ["maturity *", "Maturity"],
          ["price", "Price"],
        ])
      );
      await shot("mapping");

      // Through the wizard with Next: Holdings → Curve → Target → Instruments → Scenarios → Write.
      const next = pane.locator("#kr-next");
      await walkToWrite(pane, inputs, () => shot("inputs"));
      await expect(next.isHidden()).resolves.toBe(true);
      await expect(pane.locator("#kr-cancel").isHidden()).resolves.toBe(true);

      await pane.locator("#kr-run").click();
      const status = pane.locator("#kr-status");
      await status.filter({ hasText: "Wrote" }).waitFor({ timeout: 300_000 });
      await page.waitForFunction(() =>
        document.querySelector("#pg-tabs [aria-selected=true]")?.textContent?.includes("Hedge")
      );
      await shot("written");

      const expected = await expectedJob(inputs);
      const sheetName = "Hedge Recommendation";
      // The written sheets, then the run history's very hidden sheet, which has no tab.
      expect(await api(page, (w) => w.keyratePlayground.sheetNames())).toEqual([
        "Holdings",
        "Curve",
        "Settings",
        ...expected.sheets.map((m) => m.name),
        HISTORY_SHEET_NAME,
      ]);
      await expect(
        api(page, (w) => w.keyratePlayground.sheetVisibility("keyrate history"))
      ).resolves.toBe("VeryHidden");
      await expect(tabNames(page)).resolves.toEqual([
        "Holdings",
        "Curve",
        "Settings",
        ...expected.sheets.map((m) => m.name),
      ]);
      await expect(status.innerText()).resolves.toContain(
        "Run kept in the workbook's history (1 run)"
      );
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
      const model = expected.sheets[0].rows.map((row) => row.map((cell) => shownValue(cell) ?? ""));
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
      expect(contracts).toBe(expected.record.hedge.ratio.contracts);
      expect(contracts).not.toBe(0);
      // Two-sided: other inputs give another answer, so the equality above is not an accident.
      expect(
        (await expectedJob(inputs, inputs.holdings, inputs.contractDv01 * 2)).record.hedge.ratio
          .contracts
      ).not.toBe(contracts);
      await expect(status.innerText()).resolves.toContain(
        `${contracts < 0 ? "SELL" : "BUY"} ${Math.abs(contracts).toLocaleString("en-US")} ZN`
      );

      // Formats and view as the Office.js renderer set them.
      const view = await page.evaluate(
        `(() => { const s = keyratePlayground.workbook.sheet("Hedge Recommendation");
          return { frozen: s.freezeRows, format: s.cell(${contractsRow}, 1).numberFormat }; })()`
      );
      expect(view).toEqual({
        frozen: expected.sheets[0].freezeRows,
        format: expected.sheets[0].rows[contractsRow][1].numFmt,
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
      // Two-sided: every KRD chart series is a written KRD row (before, target, after), and the
      // row after the last is its KR DV01 neighbour, not plotted.
      const krdChart = expected.sheets[0].charts?.[0];
      if (krdChart) {
        const rows = krdChart.series.map((x) => parseRangeA1(x.values).row);
        for (const r of rows) expect(written[r][0]).toMatch(/^KRD, years/);
        expect(written[rows[rows.length - 1] + 1][0]).toMatch(/^KR DV01/);
      }

      // The user's cells are untouched.
      expect(await api(page, (w) => w.keyratePlayground.sheetValues("Holdings"))).toEqual(
        holdingsBefore
      );
      await page.locator("#pg-grid").evaluate((g) => (g.scrollTop = 0));
      await shot("hedge-sheet");

      // Saved and reopened (the page reloads on the saved workbook): the next run reads the
      // history the first one kept, and compares with it on a Monitoring sheet.
      await Promise.all([page.waitForURL(/reopen=1/), page.click("#pg-save-reopen")]);
      await pane.locator("#kr-check").waitFor();
      await expect(
        api(page, (w) => w.keyratePlayground.sheetVisibility("keyrate history"))
      ).resolves.toBe("VeryHidden");
      await expect(tabNames(page)).resolves.not.toContain(HISTORY_SHEET_NAME);
      await page.click("#pg-select-holdings");
      await fill(pane, "kr-settlement", inputs.settlement);
      await pane.locator("#kr-check").click();
      await pane.locator("#kr-mapping-table").waitFor();
      await walkToWrite(pane, inputs);
      await pane.locator("#kr-run").click();
      await status.filter({ hasText: "Wrote" }).waitFor({ timeout: 300_000 });
      await expect(status.innerText()).resolves.toContain(
        "Run kept in the workbook's history (2 runs)"
      );
      const reopenedSheets = await api(page, (w) => w.keyratePlayground.sheetNames());
      expect(reopenedSheets).toContain(MONITORING_SHEET_NAME);
      const monitoring = (await page.evaluate(
        `keyratePlayground.sheetValues(${JSON.stringify(MONITORING_SHEET_NAME)})`
      )) as unknown[][];
      expect(monitoring.flat().join(" ")).toMatch(/previous run/i);
      await shot("reopened-monitoring");
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  test("KRD sizing: HiGHS loads from our own server and the trades are written", async () => {
    const { close, page, pane, errors, shot } = await open("krd");
    try {
      await page.click("#pg-select-holdings");
      await fill(pane, "kr-settlement", "2025-01-02");
      await goToStep(pane, "Target");
      await fill(pane, "kr-target", 5);
      await goToStep(pane, "Instruments");
      // Fluent's select: choose the option by clicking it.
      await pane.locator("#kr-sizing").click();
      await pane.locator('#kr-sizing fluent-option[value="krd"]').click();
      await goToStep(pane, "Write");
      await pane.locator("#kr-run").click();
      const status = pane.locator("#kr-status");
      await status.filter({ hasText: "Wrote" }).waitFor({ timeout: 300_000 });
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
      await close();
    }
  });

  test("Write's analytics run in a Web Worker: the pane shows each stage, Cancel stops them at once", async () => {
    const { close, page, pane, errors, shot } = await open("worker");
    try {
      const sheetsBefore = await api(page, (w) => w.keyratePlayground.sheetNames());
      await page.click("#pg-select-holdings");
      await fill(pane, "kr-settlement", inputs.settlement);
      await pane.locator("#kr-check").click();
      await pane.locator("#kr-mapping-table").waitFor();
      await walkToWrite(pane, inputs);
      const status = pane.locator("#kr-status");
      await pane.locator("#kr-run").click();
      // The pane's thread is free while the worker prices the book: its stage shows, and Cancel is
      // heard before the analytics end (on the page's thread neither could happen mid-run).
      await status.filter({ hasText: /Analytics [2-5] of 6/ }).waitFor();
      await expect(status.getAttribute("data-analytics")).resolves.toBe("worker");
      await shot("analytics");
      await pane.locator("#kr-cancel").click();
      await status.filter({ hasText: "Cancelled before the analytics finished" }).waitFor();
      expect(await api(page, (w) => w.keyratePlayground.sheetNames())).toEqual(sheetsBefore);
      await shot("cancelled");
      // The next Write starts a fresh worker and goes through.
      await pane.locator("#kr-run").click();
      await status.filter({ hasText: "Wrote" }).waitFor({ timeout: 300_000 });
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  test("column mapping: an unknown header is mapped by hand, used by the run and remembered", async () => {
    const { close, page, pane, errors, shot } = await open("mapping");
    try {
      const header = (await api(
        page,
        (w) => w.keyratePlayground.sheetValues("Holdings")[0]
      )) as string[];
      const column = String.fromCharCode(65 + header.indexOf("Coupon"));
      await page.evaluate(`keyratePlayground.enter("Holdings!${column}1", "Kupon")`);
      await page.click("#pg-select-holdings");
      await pane.locator("#kr-check").click();
      // Not recognised: the coupon column is missing, and Next stays on Holdings.
      const missing = pane.locator("#kr-holdings-problems li", { hasText: "coupon" });
      await missing.waitFor();
      await expect(
        pane.locator("#kr-map-coupon").evaluate((el) => (el as HTMLSelectElement).value)
      ).resolves.toBe("(none)");
      await pane.locator("#kr-next").click();
      await pane.locator("#kr-step-errors-1 li").waitFor();
      await shot("coupon-missing");

      // Map it by hand: the check runs again and the problem goes.
      await pane.locator("#kr-map-coupon").click();
      await pane.locator('#kr-map-coupon fluent-option[value="Kupon"]').click();
      await pane.locator("label", { hasText: "coupon * (yours)" }).waitFor();
      await expect(missing.count()).resolves.toBe(0);
      expect(await mappingPairs(pane)).toEqual(
        expect.arrayContaining([["coupon * (yours)", "Kupon"]])
      );
      await shot("coupon-mapped");

      await walkToWrite(pane, inputs);
      await expect(pane.locator("#kr-summary").innerText()).resolves.toContain("coupon → Kupon");
      await pane.locator("#kr-run").click();
      await pane.locator("#kr-status").filter({ hasText: "Wrote" }).waitFor({ timeout: 300_000 });
      // The same holdings as with the original header: the same count in the totals.
      const sheet = (await api(page, (w) =>
        w.keyratePlayground.sheetValues("Hedge Recommendation")
      )) as unknown[][];
      const inTotals = sheet.find((r) => r[0] === "Holdings in totals")?.[1];
      const expected = await expectedJob(inputs);
      expect(inTotals).toBe(expected.record.totals.included);

      // Remembered in the workbook: a reloaded pane applies it to the next check.
      await api(page, (w) => w.keyratePlayground.reloadPane());
      await page.click("#pg-select-holdings");
      await pane.locator("#kr-check").click();
      await pane.locator("label", { hasText: "coupon * (yours)" }).waitFor();
      await expect(
        pane.locator("#kr-holdings-problems li", { hasText: "coupon" }).count()
      ).resolves.toBe(0);
      await shot("remembered");
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  test("wizard: one step at a time, Back/Next keep what was typed, keyboard and step list", async () => {
    const { close, pane, page, errors, shot } = await open("wizard");
    try {
      const focused = (id: string) =>
        pane.locator(`#${id}`).evaluate((el) => el === el.ownerDocument.activeElement);
      // One step marked current, the others not; later steps' fields are hidden.
      await expect(currentStep(pane)).resolves.toContain("Holdings");
      await expect(pane.locator('.kr-steps [aria-current="step"]').count()).resolves.toBe(1);
      await expect(pane.locator(".kr-steps li").count()).resolves.toBe(6);
      await expect(pane.locator("#kr-target").isHidden()).resolves.toBe(true);
      await expect(pane.locator("#kr-back").getAttribute("disabled")).resolves.not.toBeNull();
      await expect(pane.locator('[role="region"]:visible').count()).resolves.toBe(1);

      // Next validates the step: a bad settlement date is listed on the step, which stays.
      await fill(pane, "kr-settlement", "soon");
      await pane.locator("#kr-next").click();
      const settlementError = pane.locator("#kr-step-errors-1 li", { hasText: "Settlement date" });
      await settlementError.waitFor();
      await expect(currentStep(pane)).resolves.toContain("Holdings");
      await fill(pane, "kr-settlement", "2025-01-02");
      // Without a holdings range selected the wizard stays on Holdings too.
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
      await close();
    }
  });

  test("bad input: problems listed with sheet/row/column, click selects the cell, the row excluded", async () => {
    const { close, page, pane, errors, shot } = await open("bad-input");
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

      // With the whole range checked the bad row is skipped and listed, and the wizard goes on;
      // the one-row range selected at Write time is not what Write runs: the checked range is.
      await page.click("#pg-select-holdings");
      await fill(pane, "kr-settlement", inputs.settlement);
      await goToStep(pane, "Instruments");
      await fill(pane, "kr-contract-dv01", inputs.contractDv01);
      await goToStep(pane, "Write");
      await api(page, (w) => w.keyratePlayground.select("Holdings!A1:H2"));
      await pane.locator("#kr-run").click();
      const status = pane.locator("#kr-status");
      await status.filter({ hasText: "Wrote" }).waitFor({ timeout: 300_000 });
      await expect(status.innerText()).resolves.toContain(
        `from Holdings!A1:${lastColumn()}${inputs.holdings.length}, ${inputs.holdings.length - 1} rows`
      );
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

      // The user's cells are unchanged; the bad row is on the Excluded Holdings sheet.
      expect(await api(page, (w) => w.keyratePlayground.sheetValues("Holdings")[1][5])).toBe("abc");
      const excluded = (await api(page, (w) =>
        w.keyratePlayground.sheetValues("Excluded Holdings")
      )) as unknown[][];
      expect(excluded.find((r) => r[0] === 2)?.slice(1, 3)).toEqual([
        inputs.holdings[1][0],
        "rejected",
      ]);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  test("grid: a KRD formula spills, #SPILL! when blocked, an error cell's message shows when selected", async () => {
    const { close, page, errors, shot } = await open("grid");
    /** The active cell's text, the formula bar (and whether read-only) and the message line. */
    const selected = (address: string) =>
      page.evaluate(async (a) => {
        (window as unknown as Api).keyratePlayground.select(a);
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        const bar = document.querySelector("#pg-formula") as HTMLInputElement;
        const message = document.querySelector("#pg-message") as HTMLElement;
        return {
          text: document.querySelector("#pg-grid td.pg-active")?.textContent ?? "",
          formula: bar.value,
          readOnly: bar.readOnly,
          message: message.hidden ? null : message.textContent,
        };
      }, address);
    try {
      const rows = (await api(page, (w) => w.keyratePlayground.sheetValues("Curve"))).length;
      const krd = `=KEYRATE.KRD("2025-01-02","2035-02-15",0.0425,98.1,2,Curve!A1:B${rows})`;
      await page.evaluate(
        ([f]) => (window as unknown as Api).keyratePlayground.enter("Curve!H2", f),
        [krd]
      );
      const anchor = await selected("Curve!H2");
      expect(anchor).toMatchObject({ formula: krd, readOnly: false, message: null });
      expect(Number(anchor.text)).not.toBeNaN();
      // A spilled cell: a value, its anchor's formula greyed and read-only in the formula bar.
      const spilled = await selected("Curve!Q2");
      expect(spilled).toMatchObject({ formula: krd, readOnly: true, message: null });
      expect(Number(spilled.text)).not.toBeNaN();
      expect((await selected("Curve!R2")).text).toBe("");
      await shot("spilled");

      await page.evaluate(() =>
        (window as unknown as Api).keyratePlayground.enter("Curve!J2", "x")
      );
      expect(await selected("Curve!H2")).toMatchObject({
        text: "#SPILL!",
        message: "#SPILL!: Spill range isn't blank: J2 holds data",
      });
      await shot("spill-blocked");

      // An empty required cell: #N/A with the function's message, shown on selection only.
      const dmod = '=KEYRATE.DURATION_MOD("2025-01-02","2035-02-15",Z1,0.045,2)';
      await page.evaluate(
        ([f]) => (window as unknown as Api).keyratePlayground.enter("Curve!H5", f),
        [dmod]
      );
      const na = await selected("Curve!H5");
      expect(na.text).toBe("#N/A");
      expect(na.message).toMatch(/^#N\/A: .*coupon/i);
      await shot("error-message");
      expect((await selected("Curve!H6")).message).toBeNull();
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
