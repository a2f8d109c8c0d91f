/* global document */
/**
 * `node scripts/make-screenshots.js`: the README's pictures, into docs/images/.
 *
 *  - playground.png: the playground (development build, Chromium headless) after the wizard wrote
 *    the sample's hedge recommendation, showing the Hedge Recommendation sheet.
 *  - workbook-hedge.png, workbook-scenarios.png: the demo's workbook (`npm run demo`, run here
 *    first: out/hedge-recommendation.xlsx) rendered by LibreOffice headless with its native
 *    charts — the top of the Hedge Recommendation sheet (summary, hedge, KRD and sector charts)
 *    and the Scenario Analysis sheet. LibreOffice writes each sheet as one PDF page
 *    (SinglePageSheets); pdftoppm turns the pages into PNGs, cropped where the text says.
 *  - workbook-print-page1.png: the first printed page of the Hedge Recommendation sheet as the
 *    workbook's own print setup lays it out (landscape, one page wide, the summary a page of its
 *    own), cropped to the printed content. `node scripts/make-screenshots.js print` makes only it.
 *
 * Needs /usr/bin/chromium, soffice (LibreOffice ≥ 7.4) and pdftoppm/pdftotext (poppler-utils).
 * Each image should stay under 400 KB; the script says so when one does not.
 */
const { execFileSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { CHROMIUM } = require("../bench/chromium");
const { walkToWrite, guard, withPlayground } = require("../bench/wizard");

const ROOT = path.join(__dirname, "..");
const IMAGES = path.join(ROOT, "docs", "images");
const WORKBOOK = path.join(ROOT, "out", "hedge-recommendation.xlsx");
const MAX_BYTES = 400 * 1024;

function run(command, args, options = {}) {
  execFileSync(command, args, { cwd: ROOT, stdio: "inherit", ...options });
}

/** The playground after the wizard wrote the sample's recommendation. */
async function playgroundShot(file) {
  await withPlayground(async (browser, url, inputs) => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 810 } });
    const page = await context.newPage();
    const errors = await guard(context, page);
    const pane = await walkToWrite(page, url, "", inputs);
    await pane.locator("#kr-run").click();
    await pane
      .locator("#kr-status")
      .filter({ hasText: /^Wrote/ })
      .waitFor({ timeout: 60000 });
    await page.waitForFunction(() =>
      document.querySelector("#pg-tabs [aria-selected=true]")?.textContent?.includes("Hedge")
    );
    await page.locator("#pg-grid").evaluate((g) => (g.scrollTop = 0));
    await page.screenshot({ path: file });
    if (errors.length) throw new Error(errors.join("\n"));
  });
}

/** Words of a PDF page with their boxes in points (pdftotext -bbox). */
function words(pdf, page) {
  const html = execFileSync("pdftotext", ["-bbox", "-f", page, "-l", page, pdf, "-"], {
    encoding: "utf8",
  });
  const out = [];
  const re =
    /<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g;
  for (let m; (m = re.exec(html));) {
    out.push({ xMin: +m[1], yMin: +m[2], xMax: +m[3], yMax: +m[4], text: m[5] });
  }
  return out;
}

/** One page of a PDF as a PNG at `dpi`, cropped to a box in points (whole page without one). */
function pagePng(pdf, page, dpi, file, box) {
  const base = file.replace(/\.png$/, "");
  const args = ["-png", "-singlefile", "-r", String(dpi), "-f", String(page), "-l", String(page)];
  if (box) {
    const px = (pt) => String(Math.round((pt * dpi) / 72));
    args.push("-x", px(box.x), "-y", px(box.y), "-W", px(box.width), "-H", px(box.height));
  }
  execFileSync("pdftoppm", [...args, pdf, base]);
}

/** The demo workbook through LibreOffice: the hedge sheet's top and the scenario sheet. */
function workbookShots(hedgeFile, scenarioFile) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "keyrate-lo-"));
  try {
    // A profile of its own, so that a running LibreOffice (or its lock) does not interfere.
    run("soffice", [
      `-env:UserInstallation=file://${path.join(dir, "profile")}`,
      "--headless",
      "--convert-to",
      'pdf:calc_pdf_Export:{"SinglePageSheets":{"type":"boolean","value":"true"}}',
      "--outdir",
      dir,
      WORKBOOK,
    ]);
    const pdf = path.join(dir, "hedge-recommendation.pdf");
    // Page 1 is the Hedge Recommendation sheet: everything above the holdings table's header
    // (the row starting "ID"); as wide as the text there, the charts' axis labels included.
    const hedge = words(pdf, 1);
    const header = hedge.find((w) => w.text === "ID" && w.xMin < 5);
    if (!header) throw new Error("no holdings table (a row starting ID) on the hedge sheet's page");
    const above = hedge.filter((w) => w.yMax < header.yMin);
    const width = Math.max(...above.map((w) => w.xMax)) + 12;
    pagePng(pdf, 1, 60, hedgeFile, { x: 0, y: 0, width, height: header.yMin - 4 });
    // Page 2 is the Scenario Analysis sheet, table and chart.
    if (!words(pdf, 2).some((w) => w.text === "Scenario")) {
      throw new Error("page 2 is not the Scenario Analysis sheet");
    }
    pagePng(pdf, 2, 60, scenarioFile);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The first printed page (the workbook's print setup, not SinglePageSheets), cropped to its text. */
function printPageShot(file) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "keyrate-lo-print-"));
  try {
    run("soffice", [
      `-env:UserInstallation=file://${path.join(dir, "profile")}`,
      "--headless",
      "--convert-to",
      "pdf",
      "--outdir",
      dir,
      WORKBOOK,
    ]);
    const pdf = path.join(dir, "hedge-recommendation.pdf");
    const page = words(pdf, 1);
    if (!page.some((w) => w.text === "Recommendation")) {
      throw new Error("page 1 is not the Hedge Recommendation sheet");
    }
    const box = {
      x: Math.max(0, Math.min(...page.map((w) => w.xMin)) - 8),
      y: Math.max(0, Math.min(...page.map((w) => w.yMin)) - 8),
    };
    box.width = Math.max(...page.map((w) => w.xMax)) + 8 - box.x;
    box.height = Math.max(...page.map((w) => w.yMax)) + 8 - box.y;
    pagePng(pdf, 1, 150, file, box);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  for (const tool of ["soffice", "pdftoppm", "pdftotext"]) {
    try {
      execFileSync("sh", ["-c", `command -v ${tool}`], { stdio: "ignore" });
    } catch {
      throw new Error(`${tool} not found (apt-get install libreoffice-calc poppler-utils)`);
    }
  }
  const printOnly = process.argv[2] === "print";
  if (!printOnly && !fs.existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} not found (apt-get install chromium)`);
  fs.mkdirSync(IMAGES, { recursive: true });
  // The demo workbook from the current sources.
  run("npx", ["tsc", "-p", "tsconfig.node.json"]);
  run("node", ["bin/keyrate.js", "demo"], { stdio: "ignore" });

  const printPage = path.join(IMAGES, "workbook-print-page1.png");
  if (printOnly) {
    printPageShot(printPage);
    console.log(
      `${path.relative(ROOT, printPage)}  ${(fs.statSync(printPage).size / 1024).toFixed(0)} KB`
    );
    return;
  }
  const files = {
    playground: path.join(IMAGES, "playground.png"),
    hedge: path.join(IMAGES, "workbook-hedge.png"),
    scenarios: path.join(IMAGES, "workbook-scenarios.png"),
    printPage,
  };
  workbookShots(files.hedge, files.scenarios);
  printPageShot(files.printPage);
  await playgroundShot(files.playground);
  for (const file of Object.values(files)) {
    const bytes = fs.statSync(file).size;
    const note = bytes > MAX_BYTES ? "  — over 400 KB: lower the resolution" : "";
    console.log(`${path.relative(ROOT, file)}  ${(bytes / 1024).toFixed(0)} KB${note}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
