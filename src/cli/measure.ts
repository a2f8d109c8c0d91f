/**
 * `keyrate measure HOLDINGS --curve CURVE`: the "measure" step (SPEC S1 step 1) outside Excel.
 * Reads a holdings range and a curve from CSV or XLSX files, measures every holding against the
 * curve in one kernel call (Z-spread, effective duration and convexity, spread duration, KRDs,
 * DV01s), and prints a readable report or, with --json, one JSON object (fields in the README).
 */
import { basename, extname } from "path";
import ExcelJS from "exceljs";
import { isoFromSerial, parseDate } from "../core/dates";
import {
  CurveKind,
  CurveSpec,
  Interpolation,
  parseCurveKind,
  parseCurveRange,
  parseInterpolation,
  ShiftOn,
  tenorLabel,
} from "../core/curve";
import { HoldingProblem, Holdings, readHoldings } from "../core/holdings";
import {
  curveTotals,
  holdingCurveExposure,
  reconcile,
  sectorCurveExposure,
} from "../core/portfolio/curveExposure";
import { defaultSettlement } from "../functions/impl/curveFunctions";
import { shiftMethod } from "../functions/impl/portfolioFunctions";
import { settingsOf, sheetValues } from "./workbookInput";

export interface MeasureOptions {
  /** Holdings file, .csv or .xlsx (sheet "Holdings", else the first). */
  holdings: string;
  /** Curve file, .csv or .xlsx (sheet "Curve", else the first): two columns, tenor and rate. */
  curve: string;
  /** Settlement date (ISO text or serial); default the holdings workbook's Settings, else T+1. */
  settle?: string;
  kind?: string;
  interpolation?: string;
}

/** A number in JSON: null where it could not be computed (or does not apply). */
type Num = number | null;

/** KRDs or KR DV01s by key label: {"3M": …, "30Y": …}. */
type ByKey = Record<string, Num>;

export interface MeasureJson {
  settlement: string;
  settlementSource: string;
  curve: {
    file: string;
    sheet: string;
    kind: CurveKind;
    interpolation: Interpolation;
    shiftOn: ShiftOn;
    tenors: string[];
    rates: number[];
  };
  portfolio: {
    marketValue: Num;
    effDuration: Num;
    effConvexity: Num;
    spreadDuration: Num;
    dv01: Num;
    krd: ByKey;
    krDv01: ByKey;
    included: number;
    excluded: number;
  };
  sectors: {
    sector: string;
    marketValue: Num;
    weight: Num;
    effDuration: Num;
    durationContribution: Num;
    dv01: Num;
    dv01Share: Num;
    krd: ByKey;
    included: number;
    excluded: number;
  }[];
  holdings: {
    id: string;
    row: number;
    sector: string;
    type: string;
    par: number;
    cleanPrice: Num;
    dirtyPrice: Num;
    marketValue: Num;
    zspread: Num;
    effDuration: Num;
    effConvexity: Num;
    spreadDuration: Num;
    dv01: Num;
    krd: ByKey;
    krDv01: ByKey;
    excluded: string | null;
    flag: string | null;
  }[];
  reconciliation: {
    id: string;
    row: number;
    field: "duration" | "dv01";
    vendor: number;
    ours: number;
    difference: number;
    flagged: boolean;
  }[];
  problems: {
    sheet: string;
    row: number;
    column: string;
    cell: string;
    value: unknown;
    expected: string;
    message: string;
  }[];
}

const num = (x: number): Num => (Number.isFinite(x) ? x : null);

/** Reads a .csv or .xlsx file into a workbook (a CSV becomes one sheet). */
async function readBook(file: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  const ext = extname(file).toLowerCase();
  if (ext === ".xlsx") await book.xlsx.readFile(file);
  else if (ext === ".csv") await book.csv.readFile(file, { sheetName: basename(file) });
  else throw new Error(`${file}: expected a .csv or .xlsx file`);
  return book;
}

/** The sheet called `name` (case-insensitive), else the first. */
function sheetOf(book: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = book.worksheets.find((ws) => ws.name.toLowerCase() === name.toLowerCase());
  const ws = found ?? book.worksheets[0];
  if (!ws) throw new Error(`the workbook has no sheets`);
  return ws;
}

/** Measures a holdings file against a curve file; the result as the JSON object --json prints. */
export async function measure(options: MeasureOptions): Promise<MeasureJson> {
  const holdingsBook = await readBook(options.holdings);
  const holdingsSheet = sheetOf(holdingsBook, "Holdings");
  const curveBook =
    options.curve === options.holdings ? holdingsBook : await readBook(options.curve);
  const curveSheet = sheetOf(curveBook, "Curve");

  let settlement: number;
  let settlementSource: string;
  const fromSettings = settingsOf(
    holdingsBook.worksheets.find((ws) => ws.name.toLowerCase() === "settings")
  ).get("settlement date");
  if (options.settle !== undefined) {
    settlement = parseDate(
      Number.isFinite(Number(options.settle)) ? Number(options.settle) : options.settle,
      "--settle"
    );
    settlementSource = "--settle";
  } else if (fromSettings !== undefined && fromSettings !== "") {
    settlement = parseDate(fromSettings, "Settings!Settlement date");
    settlementSource = "Settings sheet of the holdings workbook";
  } else {
    settlement = defaultSettlement();
    settlementSource = "T+1 US government securities business day after today";
  }

  const kind = parseCurveKind(options.kind);
  const interpolation = parseInterpolation(options.interpolation);
  let spec: CurveSpec;
  try {
    spec = parseCurveRange(
      sheetValues(curveSheet).map((r) => r.slice(0, 2)),
      kind
    );
  } catch (e) {
    throw new Error(`${options.curve} (sheet ${curveSheet.name}): ${(e as Error).message}`);
  }
  const shiftOn: ShiftOn = kind === "par" ? "par" : "zero";

  const read = readHoldings(sheetValues(holdingsSheet), {
    settlement,
    sheet: holdingsSheet.name,
    originRow: 1,
    originColumn: 0,
  });
  const h: Holdings = read.holdings;
  if (h.count === 0) {
    const why = read.problems.length ? `: ${read.problems[0].message}` : "";
    throw new Error(`${options.holdings}: no holdings to measure${why}`);
  }
  const x = holdingCurveExposure(h, settlement, spec, { interpolation, shiftOn });
  const keys = x.risk.keysMonths.map(tenorLabel);
  const nk = keys.length;
  const byKey = (values: ArrayLike<number>, offset = 0): ByKey =>
    Object.fromEntries(keys.map((k, j) => [k, num(values[offset + j])]));
  const t = curveTotals(x);

  return {
    settlement: isoFromSerial(settlement),
    settlementSource,
    curve: {
      file: options.curve,
      sheet: curveSheet.name,
      kind,
      interpolation,
      shiftOn,
      tenors: spec.months.map(tenorLabel),
      rates: [...spec.rates],
    },
    portfolio: {
      marketValue: num(t.marketValue),
      effDuration: num(t.effDuration),
      effConvexity: num(t.effConvexity),
      spreadDuration: num(t.spreadDuration),
      dv01: num(t.dv01),
      krd: byKey(t.krd),
      krDv01: byKey(t.krDv01),
      included: t.included,
      excluded: t.excluded,
    },
    sectors: sectorCurveExposure(h, x).map((s) => ({
      sector: s.sector,
      marketValue: num(s.marketValue),
      weight: num(s.weight),
      effDuration: num(s.effDuration),
      durationContribution: num(s.durationContribution),
      dv01: num(s.dv01),
      dv01Share: num(s.dv01Share),
      krd: byKey(s.krd),
      included: s.included,
      excluded: s.excluded,
    })),
    holdings: Array.from({ length: h.count }, (_, i) => {
      // Holdings left out are not priced as bullets: no risk figures for them.
      const risk = (v: number): Num => (x.excluded[i] ? null : num(v));
      const nulls = Object.fromEntries(keys.map((k) => [k, null]));
      return {
        id: h.id[i],
        row: h.sourceRow[i],
        sector: h.sector[i],
        type: h.type[i],
        par: h.par[i],
        cleanPrice: num(x.clean[i]),
        dirtyPrice: num(x.risk.dirty[i]),
        marketValue: num(x.marketValue[i]),
        zspread: risk(x.risk.zspread[i]),
        effDuration: risk(x.risk.effDuration[i]),
        effConvexity: risk(x.risk.effConvexity[i]),
        spreadDuration: risk(x.risk.spreadDuration[i]),
        dv01: risk(x.dv01[i]),
        krd: x.excluded[i] ? nulls : byKey(x.risk.krd, i * nk),
        krDv01: x.excluded[i] ? nulls : byKey(x.krDv01, i * nk),
        excluded: x.excluded[i],
        flag: x.flag[i],
      };
    }),
    reconciliation: reconcile(h, x).map((r) => ({
      id: h.id[r.index],
      row: h.sourceRow[r.index],
      field: r.field,
      vendor: r.vendor,
      ours: r.ours,
      difference: r.difference,
      flagged: r.flagged,
    })),
    problems: read.problems.map((p: HoldingProblem) => ({
      sheet: p.sheet,
      row: p.row,
      column: p.column,
      cell: p.cell,
      value: p.value instanceof Date ? isoFromSerial(parseDate(p.value)) : p.value,
      expected: p.expected,
      message: p.message,
    })),
  };
}

function flagValue(argv: string[], name: string): string | undefined {
  const k = argv.indexOf(name);
  if (k < 0) return undefined;
  const v = argv[k + 1];
  if (v === undefined || v.startsWith("--")) throw new Error(`${name} needs a value`);
  return v;
}

const VALUE_FLAGS = ["--curve", "--settle", "--kind", "--interpolation"];

/** Parses the command's arguments. */
export function measureOptions(argv: string[]): MeasureOptions & { json: boolean } {
  const positional = argv.filter(
    (a, k) => !a.startsWith("--") && !VALUE_FLAGS.includes(argv[k - 1])
  );
  const unknown = argv.filter((a) => a.startsWith("--") && ![...VALUE_FLAGS, "--json"].includes(a));
  if (unknown.length) throw new Error(`measure: unknown option ${unknown[0]}`);
  if (positional.length !== 1) throw new Error(`measure: give one holdings file\n${MEASURE_USAGE}`);
  const curve = flagValue(argv, "--curve");
  if (!curve) throw new Error(`measure: --curve CURVE.(csv|xlsx) is required\n${MEASURE_USAGE}`);
  return {
    holdings: positional[0],
    curve,
    settle: flagValue(argv, "--settle"),
    kind: flagValue(argv, "--kind"),
    interpolation: flagValue(argv, "--interpolation"),
    json: argv.includes("--json"),
  };
}

export const MEASURE_USAGE =
  "usage: keyrate measure HOLDINGS.(csv|xlsx) --curve CURVE.(csv|xlsx) [--settle YYYY-MM-DD]\n" +
  "         [--kind par|zero_cont|zero_semi] [--interpolation linear_zero|monotone_convex] [--json]";

const money = (x: Num) => (x === null ? "—" : Math.round(x).toLocaleString("en-US"));
const fixed = (x: Num, d: number) => (x === null ? "—" : x.toFixed(d));
const pad = (s: string, n: number) => s.padEnd(n);
const lpad = (s: string, n: number) => s.padStart(n);

/** The readable report of a measurement. */
export function formatMeasure(m: MeasureJson, holdingsFile: string): string[] {
  const p = m.portfolio;
  const lines: string[] = [];
  const c = m.curve;
  lines.push(`keyrate measure — ${holdingsFile}`);
  lines.push(`  settlement             ${m.settlement} (${m.settlementSource})`);
  lines.push(
    `  curve                  ${c.file} (${c.sheet}): ${c.kind}, ${c.tenors.length} tenors ${c.tenors[0]}–${c.tenors[c.tenors.length - 1]}, ${c.interpolation}`
  );
  lines.push("");
  lines.push("Portfolio (holdings in totals; durations market-value weighted)");
  const reasons = new Map<string, number>();
  for (const h of m.holdings) {
    if (h.excluded) reasons.set(h.excluded, (reasons.get(h.excluded) ?? 0) + 1);
  }
  const why = [...reasons].map(([reason, n]) => `${n} ${reason}`).join("; ");
  lines.push(
    `  holdings in totals     ${p.included} (left out: ${p.excluded}${why ? `: ${why}` : ""})`
  );
  lines.push(`  market value (dirty)   ${money(p.marketValue)}`);
  lines.push(
    `  effective duration     ${fixed(p.effDuration, 3)} years (curve ±1 bp, ${shiftMethod(c.shiftOn)}; Z-spread held)`
  );
  lines.push(`  effective convexity    ${fixed(p.effConvexity, 2)} years²`);
  lines.push(`  spread duration        ${fixed(p.spreadDuration, 3)} years (Z-spread ±1 bp)`);
  lines.push(`  effective DV01         ${money(p.dv01)} per bp`);
  lines.push("");
  lines.push(`KRD profile (${c.shiftOn}-curve KRDs, years; KR DV01 in money per bp)`);
  let sum = 0;
  let sumDv01 = 0;
  for (const k of Object.keys(p.krd)) {
    sum += p.krd[k] ?? NaN;
    sumDv01 += p.krDv01[k] ?? NaN;
    lines.push(`  ${pad(k, 6)} ${lpad(fixed(p.krd[k], 4), 9)} ${lpad(money(p.krDv01[k]), 14)}`);
  }
  lines.push(
    `  ${pad("sum", 6)} ${lpad(fixed(num(sum), 4), 9)} ${lpad(money(num(sumDv01)), 14)}  (= effective duration, DV01)`
  );
  lines.push("");
  lines.push("Sectors (holdings in totals; in/out: holdings counted/left out)");
  lines.push(
    `  ${pad("sector", 13)} ${lpad("market value", 16)} ${lpad("weight", 8)} ${lpad("eff dur", 8)} ${lpad("contrib", 8)} ${lpad("DV01", 12)} ${lpad("in", 4)} ${lpad("out", 4)}`
  );
  for (const s of m.sectors) {
    lines.push(
      `  ${pad(s.sector, 13)} ${lpad(money(s.marketValue), 16)} ${lpad(s.weight === null ? "—" : `${(100 * s.weight).toFixed(1)}%`, 8)} ${lpad(fixed(s.effDuration, 3), 8)} ${lpad(fixed(s.durationContribution, 3), 8)} ${lpad(money(s.dv01), 12)} ${lpad(String(s.included), 4)} ${lpad(String(s.excluded), 4)}`
    );
  }
  const flagged = m.holdings.filter((h) => h.excluded || h.flag);
  if (flagged.length) {
    lines.push("");
    lines.push(`Flags (${flagged.length} holdings)`);
    for (const h of flagged) {
      const why = [h.excluded && `left out of totals: ${h.excluded}`, h.flag].filter(Boolean);
      lines.push(`  ${pad(h.id, 14)} row ${lpad(String(h.row), 4)}  ${h.type}: ${why.join("; ")}`);
    }
  }
  const recon = m.reconciliation.filter((r) => r.flagged);
  if (m.reconciliation.length) {
    lines.push("");
    lines.push(
      `Reconciliation with vendor figures: ${m.reconciliation.length} compared, ${recon.length} beyond tolerance (duration 0.1 years, DV01 5%)`
    );
    for (const r of recon) {
      const d = r.field === "duration" ? 3 : 0;
      lines.push(
        `  ${pad(r.id, 14)} row ${lpad(String(r.row), 4)}  ${pad(r.field, 8)} vendor ${lpad(r.vendor.toFixed(d), 9)}  ours ${lpad(r.ours.toFixed(d), 9)}  difference ${lpad(r.difference.toFixed(d), 9)}`
      );
    }
  }
  if (m.problems.length) {
    lines.push("");
    lines.push(`Problems (${m.problems.length}; those rows are not measured)`);
    for (const pr of m.problems) lines.push(`  ${pr.message}`);
  }
  return lines;
}

/** Runs the `measure` command; exit code 0, or 1 when holdings rows had problems (still measured without them). */
export async function runMeasure(argv: string[], out: (text: string) => void): Promise<number> {
  if (argv.includes("--help")) {
    out(MEASURE_USAGE);
    return 0;
  }
  const options = measureOptions(argv);
  const m = await measure(options);
  if (options.json) out(JSON.stringify(m, null, 2));
  else formatMeasure(m, options.holdings).forEach((line) => out(line));
  return m.problems.length ? 1 : 0;
}
