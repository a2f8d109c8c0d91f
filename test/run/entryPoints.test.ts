/**
 * Every entry point gives the same numbers for the same bonds (issue 11, "What must hold").
 *
 * One holdings table (12 bullets and zeros with mixed frequency, basis and sector, two SOFR FRNs
 * (quarterly and daily resets), a fixed-to-float note, a Bermudan callable and a fixed-to-float
 * note callable at par on its switch date (both on the Hull–White lattice, OAS held), plus a
 * callable without its schedule and an MBS row that every entry point must leave out) is measured on one curve of each kind
 * (par, zero_cont, zero_semi, sofr_ois) under both interpolations, through:
 *
 * 1. the per-bond functions DURATION_EFF, CONVEXITY_EFF, SPREAD_DURATION, ZSPREAD, KRD and ACCRUED
 *    called as Excel calls them (column ranges), the reference; its totals are the market-value-
 *    weighted aggregates of the per-bond figures, market value = par × (clean + ACCRUED) / 100;
 *    the floaters' figures (no per-bond function prices them) from their engines called directly;
 * 2. PORTFOLIO (its labelled total rows; no per-holding figures);
 * 3. `keyrate measure --json` in-process (runMeasure with the CLI's argv, its printed JSON parsed)
 *    on CSV files;
 * 4. the demo's job (`demo()`) on an xlsx with Holdings, Curve and Settings sheets like the sample;
 *    the curve kind and interpolation are given as Settings rows "Curve kind" and "Interpolation";
 * 5. the pane's job: the pane's own parseForm (its defaults plus the fields a user sets for this
 *    workbook) and runOnSelection, on the same xlsx in the playground's simulated Excel.
 *
 * Each entry point is one adapter returning the common {@link Outcome}; when signatures change,
 * only the adapters in ENTRY_POINTS change. Per holding: effective duration and convexity, spread
 * duration, KRDs (default keys) and Z-spread; totals: market value, effective duration and
 * convexity, spread duration, DV01 and KRDs.
 *
 * Tolerance: relative 1e-10 (|a − b| ≤ 1e-10 · max(|a|, |b|)), or absolute 1e-13 in the figure's
 * unit for figures at zero (KRDs of keys beyond a bond's maturity). Comparisons are two-sided.
 */
import { readSettingsSheet } from "../../src/taskpane/workbookIO";
import { startingState } from "../../src/taskpane/workbookDefaults";
import { readWorkbookSettings } from "../../src/core/settings";
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import { workbookSnapshot } from "../../scripts/xlsx-json-loader";
import { accrued } from "../../src/functions/impl/bondFunctions";
import {
  convexityEff,
  durationEff,
  krd,
  spreadDuration,
  zspread,
} from "../../src/functions/impl/curveFunctions";
import { portfolio } from "../../src/functions/impl/portfolioFunctions";
import { Result } from "../../src/functions/impl/cells";
import { runMeasure, MeasureJson } from "../../src/cli/measure";
import { demo, SAMPLE_WORKBOOK } from "../../src/cli/demo";
import { RecommendationResult } from "../../src/core/report/recommendation";
import { CurveKind, Interpolation, tenorLabel } from "../../src/core/curve";
import { DEFAULT_KEYS_MONTHS } from "../../src/core/conventions";
import { isoFromSerial, serialFromIso } from "../../src/core/dates";
import { simulatedExcelRun } from "../../src/playground/excelSimulator";
import { SimWorkbook } from "../../src/playground/workbookModel";
import { DEFAULTS, FormState, parseForm } from "../../src/taskpane/form";
import { runOnSelection } from "../../src/taskpane/workbookIO";
import { readHoldings } from "../../src/core/holdings";
import { makeMarket } from "../../src/core/market/market";
import { parseCurveRange } from "../../src/core/curve";
import { holdingCurveExposure } from "../../src/core/portfolio/curveExposure";

const SETTLEMENT = serialFromIso("2025-01-02")!;
const RUN_DATE = "2025-01-02";

// ---------------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------------

const HEADER = [
  "ID",
  "Description",
  "Sector",
  "Type",
  "Par",
  "Coupon",
  "Maturity",
  "Price",
  "Frequency",
  "Basis",
  "Float Date",
  "Spread (bp)",
  "Reset Frequency",
  "Index",
  "Call Schedule",
  "Call Style",
];

/** Made-up positions: clean prices per 100, frequency 1/2/4, Excel basis 0–4. */
const ROWS: [string, string, string, string, number, number, string, number, number, number][] = [
  ["T1", "UST 4.250% 2026", "Treasury", "Bullet", 5_000_000, 0.0425, "2026-12-31", 99.8, 2, 1],
  ["T2", "UST 3.875% 2029", "Treasury", "Bullet", 3_000_000, 0.03875, "2029-08-15", 97.1, 2, 1],
  ["T3", "UST 4.375% 2034", "Treasury", "Bullet", 7_000_000, 0.04375, "2034-11-15", 98.2, 2, 1],
  ["T4", "UST 4.625% 2054", "Treasury", "Bullet", 4_000_000, 0.04625, "2054-11-15", 97.4, 2, 1],
  ["Z1", "STRIP 2030", "Treasury", "Zero", 2_000_000, 0, "2030-02-15", 81.5, 2, 1],
  ["Z2", "STRIP 2044", "Treasury", "Zero", 1_500_000, 0, "2044-11-15", 41.0, 2, 1],
  ["A1", "Agency 4.5% 2028", "Agency", "Bullet", 2_500_000, 0.045, "2028-03-10", 100.4, 2, 0],
  ["C1", "Corp 5.25% 2031", "Corporate", "Bullet", 3_500_000, 0.0525, "2031-06-01", 101.2, 2, 0],
  ["C2", "Corp 5.95% 2045", "Corporate", "Bullet", 2_000_000, 0.0595, "2045-03-01", 103, 2, 0],
  ["C3", "Corp 4.8% 2027 qtly", "Corporate", "Bullet", 1_000_000, 0.048, "2027-09-30", 99.5, 4, 2],
  ["M1", "Muni 4.0% 2036 annual", "Municipal", "Bullet", 1_200_000, 0.04, "2036-08-01", 98, 1, 4],
  ["E1", "Supra 3.5% 2032 annual", "Other", "Bullet", 1_800_000, 0.035, "2032-05-20", 94, 1, 3],
  ["F1", "SOFR FRN 2028", "Corporate", "FRN", 2_000_000, 0.0465, "2028-03-15", 100.2, 4, 2],
  ["F2", "SOFR FRN 2027 daily", "Agency", "FRN", 1_500_000, 0.0441, "2027-08-20", 99.9, 4, 2],
  [
    "FF1",
    "Bank 5.1% fix-to-float 2031",
    "Corporate",
    "Fixed-to-float",
    2_500_000,
    0.051,
    "2031-04-22",
    100.8,
    2,
    0,
  ],
  ["CALL1", "Agency callable 2030", "Agency", "Callable", 1_000_000, 0.05, "2030-06-15", 99, 2, 0],
  [
    "CALL2",
    "Agency callable 2031",
    "Agency",
    "Callable",
    1_500_000,
    0.048,
    "2031-03-15",
    99.2,
    2,
    0,
  ],
  [
    "FF2",
    "Bank 5.4% fix-to-float 2030 callable",
    "Corporate",
    "Fixed-to-float",
    2_000_000,
    0.054,
    "2030-10-21",
    101.1,
    2,
    0,
  ],
  ["MBS1", "FNMA 5.5% pool", "Securitized", "MBS", 1_000_000, 0.055, "2054-01-01", 100.5, 4, 0],
];

/** Floating terms by ID (switch date, quoted margin in bp, resets a year, index); others empty. */
const FLOATING: Record<string, [string, number, string, string]> = {
  F1: ["", 85, "Quarterly", "SOFR"],
  F2: ["", 45, "Daily", "SOFR"],
  FF1: ["2030-04-22", 120, "Quarterly", "SOFR"],
  FF2: ["2029-10-21", 140, "Quarterly", "SOFR"],
};

/** Call terms by ID (schedule text, style): priced on the Hull–White lattice, OAS held. */
const CALLS: Record<string, [string, string]> = {
  CALL2: ["2026-03-15@101; 2027-03-15@100", "bermudan"],
  FF2: ["2029-10-21@100", "european"],
};

/** A row's cells under HEADER (dates as ISO text, as a CSV has them). */
const cellsOf = (r: (typeof ROWS)[number]): (string | number)[] => [
  ...r,
  ...(FLOATING[r[0]] ?? ["", "", "", ""]),
  ...(CALLS[r[0]] ?? ["", ""]),
];

/** The holdings the bullet analytics price; the others must be left out everywhere. */
const PRICED = ROWS.filter((r) => r[3] === "Bullet" || r[3] === "Zero");
/**
 * FRNs, fixed-to-float notes and callables with their schedules, priced by their engines (the
 * reference calls the engines, as for rows no per-bond function prices).
 */
const FLOATERS = ROWS.filter((r) => r[0] in FLOATING || r[0] in CALLS);
const LEFT_OUT = ROWS.filter((r) => !PRICED.includes(r) && !FLOATERS.includes(r)).map((r) => r[0]);

/** Curves as ranges (tenor, decimal rate), one per kind; plausible end-2024 levels. */
const CURVES: Record<CurveKind, [string, number][]> = {
  // US Treasury par yields, 2024-12-31 (the sample's Curve sheet).
  par: [
    ["1M", 0.044],
    ["2M", 0.0439],
    ["3M", 0.0437],
    ["4M", 0.0432],
    ["6M", 0.0424],
    ["1Y", 0.0416],
    ["2Y", 0.0425],
    ["3Y", 0.0427],
    ["5Y", 0.0438],
    ["7Y", 0.0448],
    ["10Y", 0.0458],
    ["20Y", 0.0486],
    ["30Y", 0.0478],
  ],
  zero_cont: [
    ["3M", 0.043],
    ["6M", 0.0425],
    ["1Y", 0.0415],
    ["2Y", 0.042],
    ["3Y", 0.0424],
    ["5Y", 0.0434],
    ["7Y", 0.0445],
    ["10Y", 0.0457],
    ["20Y", 0.0492],
    ["30Y", 0.0485],
  ],
  zero_semi: [
    ["3M", 0.0435],
    ["6M", 0.043],
    ["1Y", 0.042],
    ["2Y", 0.0425],
    ["3Y", 0.0429],
    ["5Y", 0.0439],
    ["7Y", 0.045],
    ["10Y", 0.0462],
    ["20Y", 0.0497],
    ["30Y", 0.049],
  ],
  // SOFR OIS par swap rates (annual fixed ACT/360 against compounded SOFR).
  sofr_ois: [
    ["1M", 0.0433],
    ["3M", 0.0431],
    ["6M", 0.0424],
    ["1Y", 0.0419],
    ["2Y", 0.0406],
    ["3Y", 0.0399],
    ["5Y", 0.0392],
    ["7Y", 0.0393],
    ["10Y", 0.0396],
    ["15Y", 0.04],
    ["20Y", 0.0398],
    ["30Y", 0.0378],
  ],
};

const KINDS: CurveKind[] = ["par", "zero_cont", "zero_semi", "sofr_ois"];
const INTERPOLATIONS: Interpolation[] = ["linear_zero", "monotone_convex"];

interface Case {
  kind: CurveKind;
  interpolation: Interpolation;
  /** Holdings range with its header, maturities as Excel serials (as Excel's Range.values). */
  holdings: unknown[][];
  /** Curve range with its header. */
  curve: unknown[][];
  dir: string;
}

// ---------------------------------------------------------------------------------------------
// The common shape
// ---------------------------------------------------------------------------------------------

interface HoldingFigures {
  effDuration: number;
  effConvexity: number;
  spreadDuration: number;
  /** One per default key (DEFAULT_KEYS_MONTHS), years. */
  krd: number[];
  /** Decimal, continuous ACT/365F; undefined where the entry point does not show it. */
  zspread?: number;
}

interface Totals {
  marketValue: number;
  effDuration: number;
  effConvexity: number;
  spreadDuration: number;
  dv01: number;
  krd: number[];
}

interface Outcome {
  /** By holding ID, the holdings in the totals; undefined where the entry point has no rows. */
  perHolding?: Map<string, HoldingFigures>;
  totals: Totals;
  /** IDs left out of the totals; undefined where the entry point is given priced bonds only. */
  leftOut?: string[];
}

// ---------------------------------------------------------------------------------------------
// Adapters: one per entry point
// ---------------------------------------------------------------------------------------------

const col = <T>(values: T[]): T[][] => values.map((v) => [v]);

/** A single result cell as a number (fails on an Excel error). */
function numberAt(r: Result, row: number, column = 0): number {
  const v = r[row][column];
  if (typeof v !== "number") throw new Error(`expected a number, got ${String(v)}`);
  return v;
}

/** Market-value-weighted totals of per-holding figures (DV01 = Σ duration × MV × 1e-4). */
function weighted(figures: HoldingFigures[], mv: number[]): Totals {
  const total = mv.reduce((a, b) => a + b, 0);
  const avg = (f: (x: HoldingFigures) => number) =>
    figures.reduce((s, x, i) => s + f(x) * mv[i], 0) / total;
  return {
    marketValue: total,
    effDuration: avg((x) => x.effDuration),
    effConvexity: avg((x) => x.effConvexity),
    spreadDuration: avg((x) => x.spreadDuration),
    dv01: figures.reduce((s, x, i) => s + x.effDuration * mv[i] * 1e-4, 0),
    krd: DEFAULT_KEYS_MONTHS.map((_, k) => avg((x) => x.krd[k])),
  };
}

/** (1) DURATION_EFF, CONVEXITY_EFF, SPREAD_DURATION, ZSPREAD, KRD and ACCRUED over column ranges. */
async function perBondFunctions(c: Case): Promise<Outcome> {
  const dates = col(PRICED.map((r) => serialFromIso(r[6])!));
  const settlement = col(PRICED.map(() => SETTLEMENT));
  const coupon = col(PRICED.map((r) => r[5]));
  const price = col(PRICED.map((r) => r[7]));
  const frequency = col(PRICED.map((r) => r[8]));
  const basis = col(PRICED.map((r) => r[9]));
  const kind = [[c.kind]];
  const interp = [[c.interpolation]];
  const bond = [settlement, dates, coupon, price, frequency, c.curve, basis, kind, interp];
  const dur = durationEff(...bond);
  const cvx = convexityEff(...bond);
  const sd = spreadDuration(...bond);
  const zs = zspread(...bond);
  const k = krd(
    settlement,
    dates,
    coupon,
    price,
    frequency,
    c.curve,
    basis,
    undefined,
    undefined,
    kind,
    interp
  );
  const ai = accrued(settlement, dates, coupon, frequency, basis);
  const figures = PRICED.map((_, i) => ({
    effDuration: numberAt(dur, i),
    effConvexity: numberAt(cvx, i),
    spreadDuration: numberAt(sd, i),
    zspread: numberAt(zs, i),
    krd: DEFAULT_KEYS_MONTHS.map((_, j) => numberAt(k, i, j)),
  }));
  const mv = PRICED.map((r, i) => (r[4] * (r[7] + numberAt(ai, i))) / 100);
  const floaters = floatingFigures(c);
  return {
    perHolding: new Map([
      ...PRICED.map((r, i) => [r[0], figures[i]] as const),
      ...FLOATERS.map((r, i) => [r[0], floaters.figures[i]] as const),
    ]),
    totals: weighted([...figures, ...floaters.figures], [...mv, ...floaters.mv]),
  };
}

/**
 * The floaters' figures from their engines called directly (the FRN and fixed-to-float engines
 * on the ladder), on the case's curve: the reference for rows no per-bond function prices.
 */
function floatingFigures(c: Case): { figures: HoldingFigures[]; mv: number[] } {
  const rows = FLOATERS.map((r) =>
    cellsOf(r).map((v, j) => (j === 6 ? serialFromIso(v as string) : v))
  );
  const read = readHoldings([HEADER, ...rows], { settlement: SETTLEMENT });
  expect(read.problems).toEqual([]);
  const market = makeMarket({
    settlement: SETTLEMENT,
    curve: parseCurveRange(c.curve, c.kind),
    interpolation: c.interpolation,
  });
  const x = holdingCurveExposure(read.holdings, market);
  FLOATERS.forEach((r, i) => {
    if (r[0] in CALLS) expect(x.method[i]).toMatch(/Hull–White 1F trinomial/);
  });
  const nk = x.risk.keysMonths.length;
  return {
    figures: FLOATERS.map((_, i) => ({
      effDuration: x.risk.effDuration[i],
      effConvexity: x.risk.effConvexity[i],
      spreadDuration: x.risk.spreadDuration[i],
      zspread: x.risk.zspread[i],
      krd: Array.from(x.risk.krd.subarray(i * nk, (i + 1) * nk)),
    })),
    mv: Array.from(x.marketValue),
  };
}

/** (2) PORTFOLIO: the total rows of its labelled table. */
async function portfolioFunction(c: Case): Promise<Outcome> {
  const table = portfolio(c.holdings, c.curve, [[SETTLEMENT]], [[c.kind]], [[c.interpolation]]);
  const row = (label: string) => {
    const found = table.find((r) => r[0] === label);
    if (!found || typeof found[1] !== "number")
      throw new Error(`PORTFOLIO: no number in row "${label}" (${JSON.stringify(table[0])})`);
    return found[1];
  };
  expect(row("Holdings left out")).toBe(LEFT_OUT.length);
  return {
    totals: {
      marketValue: row("Market value"),
      effDuration: row("Effective duration"),
      effConvexity: row("Effective convexity"),
      spreadDuration: row("Spread duration"),
      dv01: row("Effective DV01"),
      krd: DEFAULT_KEYS_MONTHS.map((m) => row(`KRD ${tenorLabel(m)}`)),
    },
  };
}

/** (3) `keyrate measure HOLDINGS.csv --curve CURVE.csv --settle … --kind … --interpolation … --json`. */
async function measureCli(c: Case): Promise<Outcome> {
  const csv = (rows: unknown[][]) => rows.map((r) => r.map(String).join(",")).join("\n") + "\n";
  const holdings = join(c.dir, "holdings.csv");
  const curve = join(c.dir, "curve.csv");
  // Maturities as ISO text, as a CSV export has them.
  writeFileSync(holdings, csv([HEADER, ...ROWS.map(cellsOf)]));
  writeFileSync(curve, csv(c.curve));
  const printed: string[] = [];
  const argv = [holdings, "--curve", curve, "--settle", isoFromSerial(SETTLEMENT)];
  argv.push("--kind", c.kind, "--interpolation", c.interpolation, "--json");
  const code = await runMeasure(argv, (text) => printed.push(text));
  const m = JSON.parse(printed.join("\n")) as MeasureJson;
  expect({ code, problems: m.problems }).toEqual({ code: 0, problems: [] });
  if (!m.portfolio) throw new Error(`measure gave no portfolio: ${m.error}`);
  const portfolio = m.portfolio;
  const keys = DEFAULT_KEYS_MONTHS.map(tenorLabel);
  const n = (v: number | null) => (v === null ? NaN : v);
  const byKey = (r: Record<string, number | null>) => keys.map((k) => n(r[k]));
  const kept = m.holdings.filter((x) => x.excluded === null);
  return {
    perHolding: new Map(
      kept.map((x) => [
        x.id,
        {
          effDuration: n(x.effDuration),
          effConvexity: n(x.effConvexity),
          spreadDuration: n(x.spreadDuration),
          krd: byKey(x.krd),
          zspread: n(x.zspread),
        },
      ])
    ),
    totals: {
      marketValue: n(portfolio.marketValue),
      effDuration: n(portfolio.effDuration),
      effConvexity: n(portfolio.effConvexity),
      spreadDuration: n(portfolio.spreadDuration),
      dv01: n(portfolio.dv01),
      krd: byKey(portfolio.krd),
    },
    leftOut: m.holdings.filter((x) => x.excluded !== null).map((x) => x.id),
  };
}

/** Per-holding figures and totals of a recommendation run (the demo's or the pane's). */
function fromJob(result: RecommendationResult): Outcome {
  if (!result.ok)
    throw new Error(`the job failed: ${result.problems.map((p) => p.message).join("; ")}`);
  const { holdings: h, positions: x, totals: t } = result.record;
  const nk = x.risk.keysMonths.length;
  expect(x.risk.keysMonths).toEqual(DEFAULT_KEYS_MONTHS);
  const perHolding = new Map<string, HoldingFigures>();
  const leftOut: string[] = [];
  for (let i = 0; i < h.count; i++) {
    if (x.excluded[i]) {
      leftOut.push(h.id[i]);
      continue;
    }
    perHolding.set(h.id[i], {
      effDuration: x.risk.effDuration[i],
      effConvexity: x.risk.effConvexity[i],
      spreadDuration: x.risk.spreadDuration[i],
      krd: Array.from(x.risk.krd.subarray(i * nk, (i + 1) * nk)),
      zspread: x.risk.zspread[i],
    });
  }
  return {
    perHolding,
    leftOut,
    totals: {
      marketValue: t.marketValue,
      effDuration: t.effDuration,
      effConvexity: t.effConvexity,
      spreadDuration: t.spreadDuration,
      dv01: t.dv01,
      krd: Array.from(t.krd),
    },
  };
}

/** The case as a workbook like the sample: Holdings, Curve and Settings sheets. */
async function writeWorkbook(c: Case): Promise<string> {
  const file = join(c.dir, "book.xlsx");
  const book = new ExcelJS.Workbook();
  book.addWorksheet("Holdings").addRows(c.holdings);
  book.addWorksheet("Curve").addRows(c.curve);
  book.addWorksheet("Settings").addRows([
    ["Setting", "Value"],
    ["Settlement date", SETTLEMENT],
    ["Target duration", 5],
    ["Hedge contract", "ZN"],
    ["Curve kind", c.kind],
    ["Interpolation", c.interpolation],
  ]);
  await book.xlsx.writeFile(file);
  return file;
}

/** (4) The demo's job: `demo()` on the case's workbook. */
async function demoJob(c: Case): Promise<Outcome> {
  const input = await writeWorkbook(c);
  const result = await demo({ input, output: join(c.dir, "demo-out.xlsx"), runDate: RUN_DATE });
  return fromJob(result);
}

/**
 * The pane's settings for a workbook as a user fills the wizard in: the form's defaults with the
 * settlement date, target, curve range, curve kind and interpolation set (and any other field
 * given); parsed by the pane's own parseForm.
 */
function paneSettings(fields: Partial<FormState>) {
  const { settings, errors } = parseForm({ ...DEFAULTS, ...fields });
  // (fields: the pane's starting state with the user's typing over it)
  if (!settings) throw new Error(`the pane's form rejects the inputs: ${errors.join("; ")}`);
  return { ...settings, runDate: RUN_DATE };
}

/** Runs the pane's job (runOnSelection) on an xlsx in the simulated Excel, holdings selected. */
async function paneRun(file: string, holdingsAddress: string, fields: Partial<FormState>) {
  const book = SimWorkbook.fromSnapshot(await workbookSnapshot(file));
  book.selectAddress(holdingsAddress);
  return simulatedExcelRun(book)(async (context) => {
    const excel = context as unknown as Excel.RequestContext;
    // As the pane opens: its defaults from the workbook's Settings sheet, then what the user types.
    const sheet = await readSettingsSheet(excel);
    const { state } = startingState(null, sheet && readWorkbookSettings(sheet.values, sheet));
    return runOnSelection(excel, paneSettings({ ...state, ...fields }));
  });
}

/** (5) The pane's job on the case's workbook. */
async function paneJob(c: Case): Promise<Outcome> {
  const file = await writeWorkbook(c);
  const { result } = await paneRun(
    file,
    `Holdings!A1:${String.fromCharCode(64 + HEADER.length)}${c.holdings.length}`,
    {
      settlement: isoFromSerial(SETTLEMENT),
      target: "5",
      curveAddress: `Curve!A1:B${c.curve.length}`,
      curveKind: c.kind,
      interpolation: c.interpolation,
    }
  );
  return fromJob(result);
}

/** The entry points; the first is the reference the others are compared with. */
const ENTRY_POINTS: [string, (c: Case) => Promise<Outcome>][] = [
  ["per-bond functions", perBondFunctions],
  ["PORTFOLIO", portfolioFunction],
  ["keyrate measure --json", measureCli],
  ["demo job", demoJob],
  ["pane job", paneJob],
];

// ---------------------------------------------------------------------------------------------
// Comparison
// ---------------------------------------------------------------------------------------------

const REL = 1e-10;
const ABS = 1e-13;

/**
 * The figures outside the tolerance, one line per figure (a total, or a per-holding figure over
 * all holdings): how many holdings differ and the worst, "got vs reference (relative …)".
 */
function differences(got: Outcome, ref: Outcome): string[] {
  const worst = new Map<string, { count: number; line: string; rel: number }>();
  const missing: string[] = [];
  const check = (figure: string, id: string | undefined, a: number, b: number) => {
    const d = Math.abs(a - b);
    const scale = Math.max(Math.abs(a), Math.abs(b));
    if (d <= REL * scale || d <= ABS) return;
    const rel = Number.isNaN(d) ? Infinity : d / scale;
    const w = worst.get(figure) ?? { count: 0, line: "", rel: -1 };
    w.count++;
    if (rel > w.rel) {
      w.rel = rel;
      w.line = `${id ? `worst ${id}: ` : ""}${a} vs ${b} (relative ${rel.toExponential(2)})`;
    }
    worst.set(figure, w);
  };
  const keys = DEFAULT_KEYS_MONTHS.map(tenorLabel);
  const t = got.totals;
  const r = ref.totals;
  check("total market value", undefined, t.marketValue, r.marketValue);
  check("total effective duration", undefined, t.effDuration, r.effDuration);
  check("total effective convexity", undefined, t.effConvexity, r.effConvexity);
  check("total spread duration", undefined, t.spreadDuration, r.spreadDuration);
  check("total DV01", undefined, t.dv01, r.dv01);
  keys.forEach((k, j) => check(`total KRD ${k}`, undefined, t.krd[j], r.krd[j]));
  if (got.perHolding && ref.perHolding) {
    const ids = [...new Set([...got.perHolding.keys(), ...ref.perHolding.keys()])];
    for (const id of ids) {
      const a = got.perHolding.get(id);
      const b = ref.perHolding.get(id);
      if (!a || !b) {
        missing.push(`${id}: ${a ? "not priced by the reference" : "missing"}`);
        continue;
      }
      check("effective duration", id, a.effDuration, b.effDuration);
      check("effective convexity", id, a.effConvexity, b.effConvexity);
      check("spread duration", id, a.spreadDuration, b.spreadDuration);
      keys.forEach((k, j) => check(`KRD ${k}`, id, a.krd[j], b.krd[j]));
      if (a.zspread !== undefined && b.zspread !== undefined)
        check("Z-spread", id, a.zspread, b.zspread);
    }
  }
  const n = ref.perHolding?.size ?? 0;
  return [
    ...missing,
    ...[...worst].map(([figure, w]) =>
      figure.startsWith("total")
        ? `${figure}: ${w.line}`
        : `${figure}: ${w.count} of ${n} holdings differ, ${w.line}`
    ),
  ];
}

const CASES = KINDS.flatMap((kind) =>
  INTERPOLATIONS.map((interpolation) => ({ kind, interpolation }))
);

describe.each(CASES)("curve $kind, $interpolation", ({ kind, interpolation }) => {
  const c: Case = {
    kind,
    interpolation,
    holdings: [
      HEADER,
      ...ROWS.map((r) => cellsOf(r).map((v, j) => (j === 6 ? serialFromIso(v as string) : v))),
    ],
    curve: [["Tenor", "Rate"], ...CURVES[kind]],
    dir: mkdtempSync(join(tmpdir(), `keyrate-entry-${kind}-${interpolation}-`)),
  };
  const outcomes = new Map<string, Promise<Outcome>>();
  const outcome = (name: string) => {
    if (!outcomes.has(name)) {
      const adapter = ENTRY_POINTS.find(([n]) => n === name)![1];
      outcomes.set(name, adapter(c));
    }
    return outcomes.get(name)!;
  };
  const [reference, ...others] = ENTRY_POINTS.map(([name]) => name);

  test("the reference prices every bullet, zero and floater", async () => {
    const ref = await outcome(reference);
    expect([...ref.perHolding!.keys()]).toEqual([...PRICED, ...FLOATERS].map((r) => r[0]));
    for (const f of ref.perHolding!.values()) {
      expect(
        [f.effDuration, f.effConvexity, f.spreadDuration, ...f.krd].every(Number.isFinite)
      ).toBe(true);
    }
  });

  test.each(others)("%s gives the reference's numbers to 1e-10", async (name) => {
    const got = await outcome(name);
    if (got.leftOut) expect(got.leftOut).toEqual(LEFT_OUT);
    expect(differences(got, await outcome(reference))).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// The demo and the wizard on the sample
// ---------------------------------------------------------------------------------------------

/** The trades a run chose: the optimiser's, or the one-contract DV01-ratio hedge. */
function trades(result: RecommendationResult): string[] {
  if (!result.ok) throw new Error("the job failed");
  return result.record.hedge.trades.map((t) => `${t.symbol} ${t.direction} ${t.quantity}`);
}

describe("the demo and the wizard on the sample, same inputs", () => {
  // Two full runs of the sample (MBS Monte Carlo and callable lattices in every scenario) each.
  jest.setTimeout(600_000);
  /** What a user types into the wizard for the sample: its Settings and its Curve range. */
  const SAMPLE_FIELDS: Partial<FormState> = {
    settlement: "2025-01-02", // Settings!Settlement date
    target: "5", // Settings!Target duration
    contractCode: "ZN",
    curveAddress: "Curve!A1:B14",
    curveKind: "par",
    interpolation: "linear_zero",
  };
  const dir = mkdtempSync(join(tmpdir(), "keyrate-demo-vs-pane-"));

  test("the same trades with each entry point's own contract DV01 default", async () => {
    const fromDemo = await demo({
      input: SAMPLE_WORKBOOK,
      output: join(dir, "a.xlsx"),
      runDate: RUN_DATE,
    });
    const { result: fromPane } = await paneRun(SAMPLE_WORKBOOK, "Holdings!A1:V303", SAMPLE_FIELDS);
    expect(trades(fromPane)).toEqual(trades(fromDemo));
    if (fromDemo.ok && fromPane.ok)
      expect(fromPane.record.hedge.contract.dv01).toBeCloseTo(
        fromDemo.record.hedge.contract.dv01,
        10
      );
  });

  test("the same trades with the sample's contract DV01 typed into the pane", async () => {
    const fromDemo = await demo({
      input: SAMPLE_WORKBOOK,
      output: join(dir, "b.xlsx"),
      runDate: RUN_DATE,
    });
    if (!fromDemo.ok) throw new Error("the demo failed");
    const { result: fromPane } = await paneRun(SAMPLE_WORKBOOK, "Holdings!A1:V303", {
      ...SAMPLE_FIELDS,
      contractDv01: String(fromDemo.record.hedge.contract.dv01),
    });
    expect(trades(fromPane)).toEqual(trades(fromDemo));
  });
});
