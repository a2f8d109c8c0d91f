/**
 * What the browser suites share: Debian's Chromium and its flags, the suite guard (skipped without
 * Chromium, a failure under CI), the sample's inputs as the tests type them, a page on the
 * playground whose console errors, page errors, failed and non-local requests are collected, and
 * the wizard's moves (Next validates each step first, so every move waits for the step it leads to).
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { chromium, BrowserContext, FrameLocator, Page } from "playwright-core";
import { settingsOf, sheetValues } from "../../src/cli/workbookInput";
import { serialFromIso } from "../../src/core/dates";
import { columnLetters } from "../../src/core/holdings/cells";
import { runRecommendation } from "../../src/core/report/recommendation";
import { CHROMIUM, LAUNCH_ARGS } from "../../bench/chromium";

export const ROOT = path.join(__dirname, "..", "..");
export const SHOTS = path.join(ROOT, "test-results", "browser");
export const SAMPLE = path.join(ROOT, "assets", "sample-portfolio.xlsx");
const CI = /^(1|true|yes)$/i.test(process.env.CI ?? "");
const HAVE_CHROMIUM = fs.existsSync(CHROMIUM);

/**
 * `describe` when Chromium is there; otherwise skipped with a warning, except under CI, where a
 * failing test says how to install it (.ci/run does).
 */
export function browserSuite(name: string, body: () => void): void {
  if (HAVE_CHROMIUM) {
    describe(name, body);
    return;
  }
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
  describe.skip(name, body);
}

/** The hedge inputs the tests type into the pane: the sample's Settings sheet, read by exceljs. */
export interface SampleInputs {
  holdings: unknown[][];
  settlement: string;
  target: number;
  contractDv01: number;
}

export async function sampleInputs(): Promise<SampleInputs> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(SAMPLE);
  const settings = settingsOf(book.getWorksheet("Settings"));
  const settlement = settings.get("settlement date");
  if (!(settlement instanceof Date)) throw new Error("sample Settings has no settlement date");
  return {
    holdings: sheetValues(book.getWorksheet("Holdings")!),
    settlement: settlement.toISOString().slice(0, 10),
    target: Number(settings.get("target duration")),
    contractDv01: Number(settings.get("contract dv01")),
  };
}

/** The core's job on holdings values with the inputs the tests type (the pane's defaults else). */
export async function expectedJob(
  inputs: SampleInputs,
  holdings = inputs.holdings,
  contractDv01 = inputs.contractDv01
) {
  const result = await runRecommendation({
    values: holdings,
    sheet: "Holdings",
    originRow: 1,
    originColumn: 0,
    settlement: serialFromIso(inputs.settlement)!,
    targetDuration: inputs.target,
    contractDv01,
    beta: 1,
    rounding: "nearest",
    contractCode: "ZN",
    runDate: new Date().toISOString().slice(0, 10),
    source: `Holdings!A1:${columnLetters(holdings[0].length - 1)}${holdings.length}`,
  });
  if (!result.ok) throw new Error(`the sample should run: ${JSON.stringify(result.problems)}`);
  return result;
}

/** Browser, page and the problems it reports. */
export interface Session {
  context: BrowserContext;
  page: Page;
  pane: FrameLocator;
  errors: string[];
  /** Saves a numbered screenshot of the page in test-results/browser. */
  shot(name: string): Promise<void>;
  /** Closes the browser and removes its profile. */
  close(): Promise<void>;
}

/**
 * Opens `url` (the playground page, with its query) in a fresh Chromium and waits for the pane.
 * Only 127.0.0.1 may be requested: anything else is aborted and counted as an error.
 */
export async function openSession(url: string, test: string): Promise<Session> {
  const userDir = fs.mkdtempSync(path.join(os.tmpdir(), "keyrate-chromium-"));
  const context = await chromium.launchPersistentContext(userDir, {
    executablePath: CHROMIUM,
    args: [...LAUNCH_ARGS],
    viewport: { width: 1600, height: 900 },
  });
  // Clicks and waits on the pane follow full runs of the sample: minutes on a loaded 2-core machine.
  context.setDefaultTimeout(180_000);
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on("console", (m) => m.type() === "error" && errors.push(`console: ${m.text()}`));
  page.on("pageerror", (e) => errors.push(`page error: ${e.message}`));
  page.on("requestfailed", (r) => errors.push(`request failed: ${r.url()}`));
  page.on("response", (r) => r.status() >= 400 && errors.push(`HTTP ${r.status()}: ${r.url()}`));
  await context.route(/^(?!http:\/\/127\.0\.0\.1:)/, (route) => {
    errors.push(`non-local request: ${route.request().url()}`);
    return route.abort();
  });
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.goto(url);
  const pane = page.frameLocator("#kr-pane");
  await pane.locator("#kr-check").waitFor();
  let step = 0;
  const shot = async (name: string) => {
    step++;
    const file = `${test}-${String(step).padStart(2, "0")}-${name}.png`;
    await page.screenshot({ path: path.join(SHOTS, file) });
  };
  const close = async () => {
    await context.close();
    fs.rmSync(userDir, { recursive: true, force: true });
  };
  return { context, page, pane, errors, shot, close };
}

/** Types into a Fluent text field (its input sits in the shadow DOM). */
export async function fill(pane: FrameLocator, id: string, value: string | number): Promise<void> {
  await pane.locator(`#${id} input`).fill(String(value));
}

/** The wizard's current step, as the step list marks it. */
export function currentStep(pane: FrameLocator): Promise<string> {
  return pane.locator('.kr-steps [aria-current="step"]').innerText();
}

/** Waits until the wizard shows the step (going forward validates first, which takes a moment). */
export async function onStep(pane: FrameLocator, name: string): Promise<void> {
  await pane.locator('.kr-steps [aria-current="step"]', { hasText: name }).waitFor();
}

/** Goes to a wizard step by clicking its name in the step list. */
export async function goToStep(pane: FrameLocator, name: string): Promise<void> {
  await pane.locator(".kr-steps button", { hasText: name }).click();
  await onStep(pane, name);
}

/** Presses Next and waits for the step it leads to. */
export async function nextTo(pane: FrameLocator, name: string): Promise<void> {
  await pane.locator("#kr-next").click();
  await onStep(pane, name);
}

/**
 * From the Holdings step (holdings selected) to Write with Next, typing the inputs: settlement
 * (on the Holdings step) and target, the contract, its DV01 and a beta of 1; `atInstruments` runs once those are typed.
 */
export async function walkToWrite(
  pane: FrameLocator,
  inputs: SampleInputs,
  atInstruments?: () => Promise<void>
): Promise<void> {
  await fill(pane, "kr-settlement", inputs.settlement);
  await nextTo(pane, "Curve");
  await nextTo(pane, "Target");
  await fill(pane, "kr-target", inputs.target);
  await nextTo(pane, "Instruments");
  await fill(pane, "kr-contract-dv01", inputs.contractDv01);
  await fill(pane, "kr-beta", 1);
  await atInstruments?.();
  await nextTo(pane, "Scenarios");
  await nextTo(pane, "Write");
}
