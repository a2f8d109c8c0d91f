/**
 * `keyrate demo`: the main job outside Excel. Reads a holdings workbook (default: the bundled
 * sample), runs the same hedge job as the task pane, writes the recommendation workbook with
 * exceljs (with its charts) and prints the summary.
 */
import { readUniverse } from "../core/futures/universe";
import { readTables } from "./tableFile";
import { mkdirSync } from "fs";
import { dirname, join, resolve } from "path";
import ExcelJS from "exceljs";
import { flagValue, numberFlag, positionals, rejectUnknown } from "./args";
import { defaultSettlement } from "../functions/impl/curveFunctions";
import { parseDate, isoFromSerial } from "../core/dates";
import { runRecommendation, RecommendationResult } from "../core/report/recommendation";
import { parseCurveKind, parseCurveRange, parseInterpolation, tenorLabel } from "../core/curve";
import { DEFAULT_CONTRACT, DEFAULT_TARGET_DURATION } from "../core/conventions";
import { currencyOf } from "../core/report/headlineSection";
import { convexityNote, hedgeSummary, tradeText } from "../core/run/summary";
import { writeXlsx } from "../render/exceljs";
import { labelledValue, sheetValues, settingsOf } from "./workbookInput";
import { appendRunToDir, readHistoryDir } from "./historyDir";
import { driftLines } from "./driftText";

export const SAMPLE_WORKBOOK = join(__dirname, "..", "..", "assets", "sample-portfolio.xlsx");
export const DEFAULT_OUTPUT = join("out", "hedge-recommendation.xlsx");

export interface DemoOptions {
  input: string;
  output: string;
  /** Target effective duration in years; default: the Settings sheet's, else 5. */
  target?: number;
  /** DV01 per futures contract, money per bp; default: the Settings sheet's, else computed. */
  contractDv01?: number;
  /** "krd" sizes the allowed contracts with the optimiser; default the one-contract DV01 ratio. */
  sizing?: "dv01_ratio" | "krd";
  /** Date stamped on the report, ISO text; default today. */
  runDate?: string;
  /**
   * A Treasury universe file (.csv or .xlsx: CUSIP, coupon, issue date, maturity, optional price)
   * the CTDs are chosen from; default the input's "Universe" sheet, else the bundled CME table.
   */
  universe?: string;
  /** A history folder: the runs before this one are read from it and this run added (historyDir.ts). */
  history?: string;
  /** Marks this run a rebalance (its trades executed): the base of "since the last rebalance". */
  rebalance?: boolean;
  /**
   * A hedges file (.csv or .xlsx, the pane's hedges range: Instrument, Quantity, Expiry, Strike,
   * Vol) whose option rows the optimiser may buy or sell (with `sizing` "krd").
   */
  options?: string;
  /** With `options`: the fraction of the book's negative convexity to buy back (0–1). */
  convexityBuyBack?: number;
  /** With `options`: the least gamma after the hedge (change of DV01 for 1 bp, money per bp). */
  minGammaAfter?: number;
}

function numberSetting(value: unknown, what: string): number | undefined {
  if (value === undefined || value === "" || value === null) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n))
    throw new Error(`${what}: expected a number, got ${JSON.stringify(value)}`);
  return n;
}

/** Runs the job on a workbook file and writes the output workbook; returns the job result. */
export async function demo(
  options: DemoOptions
): Promise<RecommendationResult & { settlement: number }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(options.input);
  const holdingsSheet = book.getWorksheet("Holdings") ?? book.worksheets[0];
  const settings = settingsOf(book.getWorksheet("Settings"));
  // The Settings sheet's settlement date when there is one, else T+1 (as measure does).
  const settlementValue = settings.get("settlement date");
  const settlement =
    settlementValue === undefined || settlementValue === null || settlementValue === ""
      ? defaultSettlement()
      : parseDate(settlementValue, "Settings!Settlement date");
  const contractDv01 =
    options.contractDv01 ?? numberSetting(settings.get("contract dv01"), "Settings!Contract DV01");
  const curveSheet = book.getWorksheet("Curve");
  const contractSetting = String(settings.get("hedge contract") ?? DEFAULT_CONTRACT);
  const curveAsOf = curveSheet ? labelledValue(curveSheet, "as of") : undefined;
  const kind = parseCurveKind(settings.get("curve kind"));
  const universeSheet = book.getWorksheet("Universe");
  const universeValues = options.universe
    ? (await readTables(options.universe))[0].values
    : universeSheet && sheetValues(universeSheet);
  if (options.rebalance && !options.history)
    throw new Error("--rebalance marks a run in a history: give --history DIR");
  if (options.options && options.sizing !== "krd")
    throw new Error("--options are candidates of the KRD optimiser: give --sizing krd");
  if ((options.convexityBuyBack ?? options.minGammaAfter) !== undefined && !options.options)
    throw new Error("--buy-back and --min-gamma buy convexity with options: give --options FILE");
  if (
    options.convexityBuyBack !== undefined &&
    !(options.convexityBuyBack >= 0 && options.convexityBuyBack <= 1)
  )
    throw new Error(
      `--buy-back: expected a fraction, 0–1 (0.5 buys back half), got ${options.convexityBuyBack}`
    );
  const history = options.history ? readHistoryDir(options.history) : undefined;
  const result = await runRecommendation(
    {
      values: sheetValues(holdingsSheet),
      curve: curveSheet
        ? parseCurveRange(
            sheetValues(curveSheet).map((r) => r.slice(0, 2)),
            kind
          )
        : undefined,
      interpolation: parseInterpolation(settings.get("interpolation")),
      curveSource: curveSheet ? `Curve sheet of ${options.input.split(/[\\/]/).pop()}` : undefined,
      sheet: holdingsSheet.name,
      originRow: 1,
      originColumn: 0,
      settlement,
      targetDuration:
        options.target ??
        numberSetting(settings.get("target duration"), "Settings!Target duration") ??
        DEFAULT_TARGET_DURATION,
      contractDv01,
      universe: universeValues ? readUniverse(universeValues, settlement) : undefined,
      sizing: options.sizing,
      optionValues: options.options ? (await readTables(options.options))[0].values : undefined,
      convexityBuyBack: options.convexityBuyBack,
      minGammaAfter: options.minGammaAfter,
      // The contract code is the setting's first word ("ZN Mar-2025 (10-year T-note futures)").
      contractCode: contractSetting.trim().split(/\s+/)[0],
      curveAsOf: curveAsOf !== undefined ? parseDate(curveAsOf, "Curve!As of") : undefined,
      runDate: options.runDate ?? new Date().toISOString().slice(0, 10),
      source: `${holdingsSheet.name} of ${options.input.split(/[\\/]/).pop()}`,
    },
    history && { history, rebalance: options.rebalance }
  );
  if (result.ok && options.history && history)
    appendRunToDir(options.history, history, result.record);
  if (result.ok) {
    mkdirSync(dirname(resolve(options.output)), { recursive: true });
    await writeXlsx(result.sheets, options.output);
  }
  return { ...result, settlement };
}

const money = (x: number) => Math.round(x).toLocaleString("en-US");

const DEMO_FLAGS = {
  values: [
    "--input",
    "--out",
    "--target",
    "--contract-dv01",
    "--sizing",
    "--universe",
    "--history",
    "--options",
    "--buy-back",
    "--min-gamma",
  ],
  switches: ["--help", "--rebalance"],
};

const DEMO_USAGE =
  "usage: keyrate demo [--input X.xlsx] [--out Y.xlsx] [--target YEARS] [--contract-dv01 MONEY]\n" +
  "         [--sizing krd|dv01_ratio] [--universe TREASURIES.csv|.xlsx] [--history DIR [--rebalance]]\n" +
  "         [--options HEDGES.csv|.xlsx [--buy-back FRACTION] [--min-gamma MONEY]] (with --sizing krd:\n" +
  "         the option rows the optimiser may trade; --buy-back 0.5 buys back half the book's negative\n" +
  "         convexity; --min-gamma: the least gamma after the hedge, money per bp for a 1 bp move)\n" +
  "         (settlement: the Settings sheet's, else T+1; universe: the input's Universe sheet, else CME's bundled table)";

/** Runs the `demo` command; returns the process exit code. */
export async function runDemo(argv: string[], out: (text: string) => void): Promise<number> {
  rejectUnknown(argv, "demo", DEMO_FLAGS);
  if (argv.includes("--help")) {
    out(DEMO_USAGE);
    return 0;
  }
  const positional = positionals(argv, DEMO_FLAGS);
  if (positional.length) throw new Error(`demo: unexpected argument ${positional[0]}`);
  const sizing = flagValue(argv, "--sizing");
  if (sizing !== undefined && sizing !== "krd" && sizing !== "dv01_ratio")
    throw new Error(`--sizing: expected krd or dv01_ratio, got ${JSON.stringify(sizing)}`);
  const options: DemoOptions = {
    input: flagValue(argv, "--input") ?? SAMPLE_WORKBOOK,
    output: flagValue(argv, "--out") ?? DEFAULT_OUTPUT,
    target: numberFlag(argv, "--target"),
    contractDv01: numberFlag(argv, "--contract-dv01"),
    sizing: sizing === "krd" ? "krd" : undefined,
    universe: flagValue(argv, "--universe"),
    history: flagValue(argv, "--history"),
    rebalance: argv.includes("--rebalance"),
    options: flagValue(argv, "--options"),
    convexityBuyBack: numberFlag(argv, "--buy-back"),
    minGammaAfter: numberFlag(argv, "--min-gamma"),
  };
  const result = await demo(options);
  // The first 50 problems and a count, as measure prints them.
  for (const p of result.problems.slice(0, 50)) out(`problem: ${p.message}`);
  if (result.problems.length > 50)
    out(`… and ${result.problems.length - 50} more problems (${result.problems.length} in all)`);
  if (!result.ok) {
    out(`nothing written: fix the problems above in ${options.input}`);
    return 1;
  }
  const r = result.record;
  const t = r.totals;
  const h = r.hedge;
  out(`keyrate demo — ${options.input} (settlement ${isoFromSerial(result.settlement)})`);
  out(
    `  holdings in totals     ${t.included} (left out: ${t.excluded}; rows rejected: ${new Set(result.problems.map((p) => p.row)).size})`
  );
  if (r.market.warning) out(`  warning: ${r.market.warning}`);
  out(`  curve                  ${r.market.description}`);
  out(`  market value (dirty)   ${money(t.marketValue)} ${currencyOf(r)}`);
  out(`  effective duration     ${t.effDuration.toFixed(3)} years (curve ±1 bp, MV-weighted)`);
  out(`  effective convexity    ${t.effConvexity.toFixed(2)} years²`);
  out(`  spread duration        ${t.spreadDuration.toFixed(3)} years`);
  out(`  DV01 (effective)       ${money(t.dv01)} ${currencyOf(r)} per bp`);
  const profile = r.positions.risk.keysMonths.map(
    (m, k) => `${tenorLabel(m)} ${t.krd[k].toFixed(3)}`
  );
  out(`  KRD profile, years     ${profile.join("  ")}`);
  out(
    `  target duration        ${h.ratio.targetDuration.toFixed(3)} years → target DV01 ${money(h.ratio.targetDv01)}`
  );
  out(`  contract               ${h.contract.name}`);
  out(
    `  contract DV01          ${h.contract.dv01.toFixed(2)} per contract (${h.contract.dv01Source})`
  );
  out(`  hedge                  ${hedgeSummary(r)}`);
  const convexity = convexityNote(r, currencyOf(r));
  if (convexity) out(`  convexity              ${convexity}.`);
  for (const x of h.trades)
    out(`    ${tradeText(x).padEnd(40)} DV01 impact ${money(x.dv01Impact)}, cost ${money(x.cost)}`);
  out(
    `  after hedge            DV01 ${money(h.dv01After)}, duration ${h.durationAfter.toFixed(3)} years, cost ${money(h.cost)}`
  );
  for (const w of h.warnings) out(`  warning: ${w}`);
  if (r.drift) for (const line of driftLines(r)) out(line);
  out(`wrote ${options.output}: ${result.sheets.map((sh) => sh.name).join(", ")}`);
  return 0;
}
