/**
 * The wizard cannot mislead (issue 13, items 1–3), in Chromium over the playground's sample:
 * - Write runs the range checked on step 1, whatever is selected when Write is pressed: checked
 *   the whole sample (A1:V303), A1:L100 selected at Write, the result is the whole book's (as the
 *   core's job in Node on all rows), and the status and the Write step say which range ran and when it was
 *   checked; a row typed below after the check is not run, and the status says the data goes on.
 * - A partial range (A1:L150) is flagged on step 1 ("the data continues below row 150 to the
 *   last row"), on the Write step, and the offered region is taken with one click.
 * - Defaults come from the workbook's Settings sheet, each field saying from which cell: no row
 *   of the sample is rejected as matured.
 * - What is not in the totals (a callable whose call schedule is cleared) is listed by row and ID with its value before Write, stated in the
 *   Write status, and written as the "Excluded Holdings" table.
 * - The analytics the pane starts as the range is checked and as later steps open serve Write
 *   only when its inputs are the same when Write is pressed: a par changed meanwhile gives the
 *   changed book's trade.
 * Every step leaves a PNG in test-results/browser/; any console error or failed request fails.
 */
import { columnLetters } from "../../src/core/holdings/cells";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { FrameLocator, Page } from "playwright-core";
import { exclusionSentence } from "../../src/core/report/excludedSection";
import { buildDevelopment } from "./webpackBuild";
import { serveStatic, StaticServer } from "./staticServer";
import {
  browserSuite,
  expectedJob,
  nextTo,
  onStep,
  openSession,
  sampleInputs,
  SampleInputs,
  Session,
} from "./session";

jest.setTimeout(600_000);

const api = (page: Page, script: string) => page.evaluate(`keyratePlayground.${script}`);
const text = (pane: FrameLocator, id: string) => pane.locator(`#${id}`).innerText();

/** Next from Holdings to Write, the inputs as the Settings sheet gave them. */
async function nextToWrite(pane: FrameLocator): Promise<void> {
  for (const step of ["Curve", "Target", "Instruments", "Scenarios", "Write"])
    await nextTo(pane, step);
}

browserSuite("the wizard runs what was checked and says what it leaves out", () => {
  let outDir: string;
  let server: StaticServer;
  let inputs: SampleInputs;

  beforeAll(async () => {
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), "keyrate-honesty-"));
    [, inputs] = await Promise.all([buildDevelopment(outDir), sampleInputs()]);
    server = await serveStatic(outDir);
  });

  afterAll(async () => {
    await server?.close();
    if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
  });

  const open = (test: string): Promise<Session> =>
    openSession(`${server.url}playground.html`, test);

  test("defaults from Settings; Write runs the checked whole sample though A1:L100 is selected", async () => {
    const { close, page, pane, errors, shot } = await open("honesty-checked");
    try {
      const rows = inputs.holdings.length - 1;
      // Every default the Settings sheet gives, with its cell.
      const value = (id: string) => pane.locator(`#${id} input`).inputValue();
      await expect(value("kr-settlement")).resolves.toBe(inputs.settlement);
      await expect(text(pane, "kr-settlement-source")).resolves.toBe("Value: from Settings!B2");
      await expect(value("kr-target")).resolves.toBe(String(inputs.target));
      await expect(text(pane, "kr-target-source")).resolves.toBe("Value: from Settings!B6");
      await expect(value("kr-contract-dv01")).resolves.toBe(String(inputs.contractDv01));
      await expect(text(pane, "kr-contract-dv01-source")).resolves.toBe("Value: from Settings!B8");
      await expect(text(pane, "kr-contract-code-source")).resolves.toBe("Value: from Settings!B7");
      await expect(text(pane, "kr-beta-source")).resolves.toBe("Value: default");

      // Every kind in the sample has an engine: a callable whose schedule is cleared ("-", missing)
      // is left out.
      const scheduleColumn = (inputs.holdings[0] as string[]).indexOf("Call Schedule");
      const callable = inputs.holdings.findIndex((r) => r[3] === "Callable" && r[scheduleColumn]);
      const cleared = `Holdings!${columnLetters(scheduleColumn)}${callable + 1}`;
      await api(page, `enter(${JSON.stringify(cleared)}, "-")`);
      const holdings = inputs.holdings.map((r, i) =>
        i === callable ? r.map((v, j) => (j === scheduleColumn ? null : v)) : r
      );

      await page.click("#pg-select-holdings");
      await pane.locator("#kr-check").click();
      const checked = pane.locator("#kr-checked");
      await checked.waitFor();
      // At the Settings' settlement no row is rejected as matured.
      await expect(checked.innerText()).resolves.toBe(
        `Holdings!A1:V${rows + 1}: ${rows} rows, ${rows} usable at settlement ${inputs.settlement}.`
      );
      await expect(pane.locator("#kr-holdings-problems li").count()).resolves.toBe(0);
      await expect(pane.locator("#kr-extent-warning").count()).resolves.toBe(0);

      // Before Write: what is left out, by row and ID, with its value.
      const expected = await expectedJob(inputs, holdings);
      const account = exclusionSentence(
        expected.record.exclusions.summary,
        expected.record.exclusions.currency
      );
      expect(account).toMatch(
        new RegExp(`^${rows} rows checked: \\d+ in totals, [1-9]\\d* left out \\(`)
      );
      await expect(text(pane, "kr-exclusion")).resolves.toBe(`${account}.`);
      await pane.locator("#kr-excluded-details summary").click();
      const listed = await pane
        .locator("#kr-excluded-table tr")
        .evaluateAll((trs) =>
          trs.slice(1).map((tr) => [...tr.children].slice(0, 2).map((td) => td.textContent))
        );
      expect(listed).toEqual(expected.record.exclusions.rows.map((r) => [String(r.row), r.id]));
      await shot("checked");

      await nextToWrite(pane);
      const summary = await text(pane, "kr-summary");
      expect(summary).toMatch(
        new RegExp(`Holdings!A1:V${rows + 1}, ${rows} rows, checked \\d\\d:\\d\\d`)
      );

      // A row typed below after the check: Write runs the range checked and says the data goes on.
      await api(page, `enter("Holdings!A${rows + 2}", "NEW-ROW")`);
      // Another range selected now: Write still runs the checked one.
      await api(page, `select("Holdings!A1:L100")`);
      expect(await api(page, "selection()")).toBe("Holdings!A1:L100");
      await pane.locator("#kr-run").click();
      const status = pane.locator("#kr-status");
      await status.filter({ hasText: "Wrote" }).waitFor({ timeout: 300_000 });
      await shot("written");
      const said = await status.innerText();
      expect(said).toContain(`from Holdings!A1:V${rows + 1}, ${rows} rows, checked `);
      expect(said).toContain(`${account}.`);
      expect(said).toContain(
        `Only the range checked ran: the data continues below row ${rows + 1} to row ${rows + 2}.`
      );
      // Two-sided: the selected rows alone give another trade, so the equality below means something.
      const selectedOnly = await expectedJob(inputs, inputs.holdings.slice(0, 100));
      expect(selectedOnly.record.hedge.ratio.contracts).not.toBe(
        expected.record.hedge.ratio.contracts
      );
      const side = expected.record.hedge.ratio.contracts < 0 ? "sell" : "buy";
      expect(said).toContain(
        `${side.toUpperCase()} ${Math.abs(expected.record.hedge.ratio.contracts).toLocaleString("en-US")} ZN`
      );
      const hedge = (await api(page, `sheetValues("Hedge Recommendation")`)) as unknown[][];
      expect(hedge.find((r) => r[0] === "Holdings in totals")?.[1]).toBe(
        expected.record.totals.included
      );

      // The Excluded Holdings sheet: a row per excluded holding, the IDs the core found.
      const excludedSheet = (await api(page, `sheetValues("Excluded Holdings")`)) as unknown[][];
      const header = excludedSheet.findIndex((r) => r[0] === "Row");
      expect(header).toBeGreaterThan(0);
      expect(excludedSheet.slice(header + 1).map((r) => [r[0], r[1]])).toEqual(
        expected.record.exclusions.rows.map((r) => [r.row, r.id])
      );
      expect(excludedSheet.some((r) => r[0] === account)).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  test("analytics started ahead of Write serve Write only when nothing changed since", async () => {
    const { close, page, pane, errors, shot } = await open("honesty-ahead");
    try {
      const rows = inputs.holdings.length - 1;
      await page.click("#pg-select-holdings");
      await pane.locator("#kr-check").click();
      await pane.locator("#kr-checked").waitFor();
      // The Write step's line, read while it is hidden: the analytics start on the range checked.
      const ahead = pane.locator("#kr-ahead");
      const readyOnThisStep = async () => {
        const since = Date.now();
        while (!((await ahead.textContent()) ?? "").includes("Analytics ready")) {
          if (Date.now() - since > 300_000) throw new Error("the analytics never got ready");
          await page.waitForTimeout(50);
        }
        return (Date.now() - since) / 1000;
      };
      await readyOnThisStep();
      await onStep(pane, "Holdings");
      // The steps between read nothing large again, their inputs unchanged; the Write step reads
      // the checked range afresh (bytes the workbook answered with, two-sided).
      const bytesRead = async () =>
        Number(await api(page, "workbook.stats.responseBytes")) as number;
      const atHoldings = await bytesRead();
      for (const step of ["Curve", "Target", "Instruments", "Scenarios"]) await nextTo(pane, step);
      const between = (await bytesRead()) - atHoldings;
      await nextTo(pane, "Write");
      const atWrite = (await bytesRead()) - atHoldings - between;
      expect(atWrite).toBeGreaterThan(4 * between);
      await ahead.filter({ hasText: "Analytics ready" }).waitFor({ timeout: 300_000 });

      // A cell of the checked range changed after the analytics started: Write runs afresh.
      const parColumn = (inputs.holdings[0] as string[]).indexOf("Par");
      const par = (inputs.holdings[1][parColumn] as number) * 100;
      await api(page, `enter("Holdings!${columnLetters(parColumn)}2", ${par})`);
      const changed = inputs.holdings.map((r, i) =>
        i === 1 ? r.map((v, j) => (j === parColumn ? par : v)) : r
      );
      const [before, after] = await Promise.all([
        expectedJob(inputs),
        expectedJob(inputs, changed),
      ]);
      // Two-sided: the changed par changes the trade.
      expect(after.record.hedge.ratio.contracts).not.toBe(before.record.hedge.ratio.contracts);
      const status = pane.locator("#kr-status");
      const contracts = (n: number) =>
        `${n < 0 ? "SELL" : "BUY"} ${Math.abs(n).toLocaleString("en-US")} ZN`;
      await pane.locator("#kr-run").click();
      await status.filter({ hasText: "Wrote" }).waitFor({ timeout: 300_000 });
      let said = await status.innerText();
      expect(said).toContain(contracts(after.record.hedge.ratio.contracts));
      expect(said).not.toContain("before Write");
      expect(said).toContain(`from Holdings!A1:V${rows + 1}, ${rows} rows`);

      // Back to the Curve step (the history now has that run): the analytics start again as the
      // first step after Write shows. Ready while the user is still on the Curve step (the Write
      // step's line, read hidden), they are taken over by a Write pressed as soon as the Write
      // step shows, nothing having changed.
      for (let back = 0; back < 4; back++) await pane.locator("#kr-back").click();
      await onStep(pane, "Curve");
      const waitedS = await readyOnThisStep();
      for (const step of ["Target", "Instruments", "Scenarios", "Write"]) await nextTo(pane, step);
      await pane.locator("#kr-run").click();
      await status.filter({ hasText: "Wrote" }).waitFor({ timeout: 300_000 });
      await shot("written-ahead");
      said = await status.innerText();
      const started = said.match(
        /analytics \d+\.\d\d s \(started (\d+\.\d\d) s before Write, on the same inputs\)/
      );
      expect(started).not.toBeNull();
      // Started on the Curve step: before all the time spent waiting there (two-sided: a run
      // started as the Write step opened would have started after it).
      expect(Number(started![1])).toBeGreaterThanOrEqual(waitedS - 0.05);
      expect(said).toContain(contracts(after.record.hedge.ratio.contracts));
      expect(said).toContain("Run kept in the workbook's history (");
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  test("a partial range is flagged on step 1 and on Write, and extended with one click", async () => {
    const { close, page, pane, errors, shot } = await open("honesty-partial");
    try {
      const last = inputs.holdings.length;
      await api(page, `select("Holdings!A1:L150")`);
      await pane.locator("#kr-check").click();
      const warning = pane.locator("#kr-extent-warning");
      await warning.waitFor();
      await expect(warning.innerText()).resolves.toContain(
        `the data continues below row 150 to row ${last}`
      );
      await shot("partial");

      // Going on anyway: the Write step says the range is partial.
      await nextToWrite(pane);
      await expect(text(pane, "kr-summary")).resolves.toContain(
        `Holdings!A1:L150, 149 rows, checked`
      );
      await expect(text(pane, "kr-summary")).resolves.toContain(
        `partial: the data continues below row 150 to row ${last}`
      );
      await pane.locator("#kr-stepnav-1").click();

      // The offered region, with one click: selected and checked.
      await pane.locator("#kr-extend").click();
      await pane.locator("#kr-checked", { hasText: `Holdings!A1:V${last}:` }).waitFor();
      expect(await api(page, "selection()")).toBe(`Holdings!A1:V${last}`);
      await expect(warning.count()).resolves.toBe(0);
      await nextToWrite(pane);
      await expect(text(pane, "kr-summary")).resolves.toContain(
        `Holdings!A1:V${last}, ${last - 1} rows, checked`
      );
      await shot("extended");
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  test("the mapping shows each column's unit; problems are listed with their cells, 50 and a count", async () => {
    const { close, page, pane, errors, shot } = await open("honesty-problems");
    try {
      // 55 coupons that are not numbers (column F), plus one row's maturity (column G).
      await page.evaluate(
        `for (let r = 2; r <= 56; r++) keyratePlayground.enter("Holdings!F" + r, "n/a!");
         keyratePlayground.enter("Holdings!G57", "someday");`
      );
      await page.click("#pg-select-holdings");
      await pane.locator("#kr-check").click();
      await pane.locator("#kr-checked").waitFor();
      // The unit each column is read in, decided once for the column.
      await expect(text(pane, "kr-unit-coupon")).resolves.toMatch(/decimal/);
      const problems = pane.locator("#kr-holdings-problems li");
      await expect(problems.count()).resolves.toBe(51);
      await expect(problems.first().innerText()).resolves.toMatch(
        /^Holdings!F2 Coupon: "n\/a!" — expected /
      );
      await expect(text(pane, "kr-problems-more")).resolves.toBe(
        "… and 6 more (fix these and check again)"
      );
      await expect(pane.locator("#kr-holdings-problems .kr-warning").innerText()).resolves.toBe(
        "56 problems in 56 rows of the holdings (your cells are unchanged):"
      );
      await shot("problems");
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
