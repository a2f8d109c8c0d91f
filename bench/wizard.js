/* global URL, document, performance, MutationObserver, window -- the last four inside frame.evaluate, in the page */
/**
 * `npm run bench` (task pane part): the wizard end to end in the playground, in Chromium, on
 * 10,000 holdings (playground.html?holdings=10000: the sample's 300 rows cycled). Each of 5 runs
 * opens a fresh page, selects the holdings, walks the wizard with the sample's Settings (as the
 * browser tests type them) and presses Write; the time is from the click to the status line
 * starting "Wrote", measured in the page. Prints the median, its read/compute/write split (the
 * status line's data-timings), the page's CPU seconds (main thread and renderer process, from the
 * DevTools protocol's Performance metrics: the wall clock of a shared machine says little alone),
 * holdings per second, and the target met or missed (issue 13: 10,000 holdings in 2 s, 50,000 in
 * 8 s; BENCH_WIZARD_HOLDINGS=50000 for the latter).
 *
 * Not a test: numbers depend on the machine. Needs the compiled library in lib/ (npm run bench
 * runs tsc first) and Debian's /usr/bin/chromium; without Chromium it prints a skip line. The
 * development build (webpack, the project's config) goes to a temporary directory served on
 * 127.0.0.1; the page may make no other request. scripts/make-screenshots.js reuses the build,
 * server and wizard walk exported here.
 *
 * Two series, interleaved: Write pressed as soon as the Write step shows, and Write pressed once
 * the pane says the analytics are ready (a user who reads the step first). Either way the pane
 * started them ahead, as the holdings were checked (the walk's first Next), and kept them as each
 * later step opened on the same inputs; the split says how long before Write. The targets are the
 * issue's either way.
 */
const fs = require("fs");
const http = require("http");
const os = require("os");
const path = require("path");
const { CHROMIUM, LAUNCH_ARGS } = require("./chromium");

const ROOT = path.join(__dirname, "..");
const SAMPLE = path.join(ROOT, "assets", "sample-portfolio.xlsx");
const HOLDINGS = Number(process.env.BENCH_WIZARD_HOLDINGS || 10000);
const RUNS = Number(process.env.BENCH_WIZARD_RUNS || 5);
const TARGET_S = HOLDINGS > 10000 ? 8 : 2;

/** The development build (add-in and playground) into outDir, with the project's config. */
async function build(outDir) {
  const webpack = require("webpack");
  const makeConfig = require(path.join(ROOT, "webpack.config.js"));
  const config = await makeConfig({}, { mode: "development" });
  const compiler = webpack({
    ...config,
    mode: "development",
    context: ROOT,
    devtool: false,
    infrastructureLogging: { level: "warn" },
    stats: "errors-warnings",
    output: { ...config.output, path: outDir },
  });
  const stats = await new Promise((resolve, reject) =>
    compiler.run((err, result) => (err || !result ? reject(err) : resolve(result)))
  );
  await new Promise((resolve) => compiler.close(resolve));
  if (stats.hasErrors()) throw new Error(stats.toString("errors-only"));
}

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
  ".wasm": "application/wasm",
};

/** Serves root on 127.0.0.1 and a free port (GET/HEAD, nothing outside root). */
function serve(root) {
  const base = path.resolve(root);
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url || "/", "http://x").pathname);
    const file = path.resolve(
      base,
      "." + (pathname.endsWith("/") ? `${pathname}index.html` : pathname)
    );
    if (!file.startsWith(base + path.sep) || (req.method !== "GET" && req.method !== "HEAD")) {
      res.writeHead(403).end();
      return;
    }
    fs.readFile(file, (err, body) => {
      if (err) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, {
        "Content-Type": TYPES[path.extname(file)] || "application/octet-stream",
        "Cache-Control": "no-store",
      });
      res.end(req.method === "HEAD" ? undefined : body);
    });
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({
        url: `http://127.0.0.1:${server.address().port}/`,
        close: () => new Promise((done) => server.close(done)),
      })
    )
  );
}

/** The hedge inputs the browser tests type: the sample's Settings sheet. */
async function sampleSettings() {
  const ExcelJS = require("exceljs");
  const { settingsOf } = require("../lib/cli/workbookInput");
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(SAMPLE);
  const settings = settingsOf(book.getWorksheet("Settings"));
  const settlement = settings.get("settlement date");
  if (!(settlement instanceof Date)) throw new Error("sample Settings has no settlement date");
  return {
    settlement: settlement.toISOString().slice(0, 10),
    target: Number(settings.get("target duration")),
    contractDv01: Number(settings.get("contract dv01")),
  };
}

/**
 * Opens playground.html (query `search`, e.g. "?holdings=10000") in `page`, selects the holdings
 * and walks the wizard to its Write step with `inputs`; returns the pane's frame locator.
 */
async function walkToWrite(page, url, search, inputs) {
  await page.goto(`${url}playground.html${search}`);
  const pane = page.frameLocator("#kr-pane");
  await pane.locator("#kr-check").waitFor();
  await page.evaluate("keyratePlayground.selectHoldings()");
  const fill = (id, value) => pane.locator(`#${id} input`).fill(String(value));
  // Next validates each step first: wait for the step it leads to before typing.
  const next = async (name) => {
    await pane.locator("#kr-next").click();
    await pane.locator('.kr-steps [aria-current="step"]', { hasText: name }).waitFor();
  };
  await fill("kr-settlement", inputs.settlement);
  await next("Curve");
  await next("Target");
  await fill("kr-target", inputs.target);
  await next("Instruments");
  await fill("kr-contract-dv01", inputs.contractDv01);
  await fill("kr-beta", 1);
  await next("Scenarios");
  await next("Write");
  await pane.locator("#kr-run").waitFor();
  return pane;
}

/**
 * The page's console errors, page errors, failed requests and requests off 127.0.0.1 (aborted),
 * collected as they come into the returned list.
 */
async function guard(context, page) {
  const errors = [];
  await context.route(/^(?!http:\/\/127\.0\.0\.1:)/, (route) => {
    errors.push(`non-local request: ${route.request().url()}`);
    return route.abort();
  });
  page.on("console", (m) => m.type() === "error" && errors.push(`console: ${m.text()}`));
  page.on("pageerror", (e) => errors.push(`page error: ${e.message}`));
  page.on("requestfailed", (r) => errors.push(`request failed: ${r.url()}`));
  page.on("response", (r) => r.status() >= 400 && errors.push(`HTTP ${r.status()}: ${r.url()}`));
  return errors;
}

/**
 * One run on a fresh page: { ms, timings, largestRequestBytes }. Write is pressed as soon as the
 * Write step shows, or with `ready` once the pane says the analytics it started ahead are ready (a
 * user who reads the step first).
 */
async function run(browser, url, inputs, ready) {
  const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
  try {
    const page = await context.newPage();
    const errors = await guard(context, page);
    const pane = await walkToWrite(page, url, `?holdings=${HOLDINGS}`, inputs);
    if (ready) {
      await pane.locator("#kr-ahead", { hasText: "Analytics ready" }).waitFor({ timeout: 300000 });
    }

    // CPU seconds of the page (main thread; whole renderer process, GC helpers included): the
    // wall clock of a shared machine says little on its own.
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    const cpu = async () => {
      const { metrics } = await cdp.send("Performance.getMetrics");
      const get = (name) => metrics.find((m) => m.name === name)?.value ?? NaN;
      return { thread: get("ThreadTime"), process: get("ProcessTime") };
    };
    const cpu0 = await cpu();
    // Click and watch the status line in the pane's own page: the clock is the page's.
    const frame = await (await page.$("#kr-pane")).contentFrame();
    const result = await frame.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const status = document.getElementById("kr-status");
          const t0 = performance.now();
          const watch = new MutationObserver(() => {
            const text = status.textContent || "";
            if (text.startsWith("Wrote")) {
              watch.disconnect();
              // Then until the custom functions' cells (#BUSY! meanwhile, as in Excel) are calculated.
              window.krCalculated = window.parent.keyratePlayground.workbook
                .calculated()
                .then(() => performance.now() - t0);
              resolve({ ms: performance.now() - t0, timings: JSON.parse(status.dataset.timings) });
            } else if (/^(Failed|Nothing written|Cancelled)/.test(text)) {
              watch.disconnect();
              reject(new Error(text));
            }
          });
          watch.observe(status, { childList: true, characterData: true, subtree: true });
          document.getElementById("kr-run").click();
        })
    );
    const cpu1 = await cpu();
    result.threadS = cpu1.thread - cpu0.thread;
    result.processS = cpu1.process - cpu0.process;
    result.calculatedMs = await frame.evaluate(() => window.krCalculated);
    const cpu2 = await cpu();
    result.threadCalcS = cpu2.thread - cpu0.thread;
    result.largestRequestBytes = await page.evaluate(
      "keyratePlayground.workbook.stats.largestRequestBytes"
    );
    if (errors.length) throw new Error(errors.join("\n"));
    return result;
  } finally {
    await context.close();
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Builds the development bundle into a temporary directory, serves it, launches Chromium and runs
 * `body(browser, url, inputs)`; everything is closed and removed afterwards, whatever happens.
 */
async function withPlayground(body) {
  const { chromium } = require("playwright-core");
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "keyrate-playground-"));
  let server;
  let browser;
  try {
    const [inputs] = await Promise.all([sampleSettings(), build(outDir)]);
    server = await serve(outDir);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
    return await body(browser, server.url, inputs);
  } finally {
    await browser?.close();
    await server?.close();
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}

async function main() {
  const label = `keyrate bench: the wizard in the playground, ${HOLDINGS.toLocaleString("en-US")} holdings, Write → "Wrote"`;
  if (!fs.existsSync(CHROMIUM)) {
    console.log(`${label}: skipped (${CHROMIUM} not found: apt-get install -y chromium)`);
    return;
  }
  await withPlayground(async (browser, url, inputs) => {
    // Interleaved, so that both series see the same phases of a shared machine.
    const series = { atOnce: [], ready: [] };
    for (let k = 0; k < RUNS; k++) {
      series.atOnce.push(await run(browser, url, inputs, false));
      series.ready.push(await run(browser, url, inputs, true));
    }
    console.log(`${label} (medians of ${RUNS}, fresh page each, Chromium headless)`);
    report("Write at once", "pressed as the Write step shows", series.atOnce);
    report("Write when ready", "pressed once the pane says the analytics are ready", series.ready);
  });
}

/** Prints one series: Write → "Wrote" median, its split, CPU, the runs. */
function report(name, how, runs) {
  const ms = median(runs.map((r) => r.ms));
  const split = (key) => median(runs.map((r) => r.timings[key] ?? 0));
  const split2 = (key) => median(runs.map((r) => r[key])).toFixed(2);
  const s = ms / 1000;
  console.log(`  ${name}: ${how}`);
  console.log(
    `    wizard Write        ${s.toFixed(2)} s  ${Math.round(HOLDINGS / s).toLocaleString("en-US")} holdings/s  ` +
      `(target < ${TARGET_S} s: ${s < TARGET_S ? "met" : "MISSED"})`
  );
  console.log(
    `    split (medians)     read ${(split("readMs") / 1000).toFixed(2)} s, analytics waited ${(split("computeMs") / 1000).toFixed(2)} s ` +
      `(started ${(split("aheadMs") / 1000).toFixed(2)} s before Write), write ${(split("writeMs") / 1000).toFixed(2)} s; ` +
      `largest request ${(Math.max(...runs.map((r) => r.largestRequestBytes)) / 1024).toFixed(0)} KB`
  );
  console.log(
    `    custom functions    calculated ${(median(runs.map((r) => r.calculatedMs)) / 1000).toFixed(2)} s after the click ` +
      `(#BUSY! until then, as in Excel)`
  );
  console.log(
    `    page CPU (medians)  to "Wrote": main thread ${split2("threadS")} s, renderer process ` +
      `${split2("processS")} s; to calculated: main thread ${split2("threadCalcS")} s`
  );
  console.log(`    runs                ${runs.map((r) => (r.ms / 1000).toFixed(2)).join(", ")} s`);
}

module.exports = { build, serve, sampleSettings, walkToWrite, guard, withPlayground };

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
