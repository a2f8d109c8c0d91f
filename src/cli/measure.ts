/**
 * `keyrate measure HOLDINGS --curve CURVE`: the "measure" step (SPEC S1 step 1) outside Excel.
 * Reads a holdings range and a curve from CSV or XLSX files, measures every holding against the
 * curve in one kernel call (Z-spread, effective duration and convexity, spread duration, KRDs,
 * DV01s), and prints a readable report or, with --json, one JSON object (fields in the README).
 */
import { defaultShiftOn } from "../core/conventions";
import { makeMarket } from "../core/market/market";
import { basename, extname } from "path";
import ExcelJS from "exceljs";
import { flagValue } from "./args";
import { formatMeasure, num } from "./measureText";
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
export type Num = number | null;

/** KRDs or KR DV01s by key label: {"3M": …, "30Y": …}. */
export type ByKey = Record<string, Num>;

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
  const shiftOn: ShiftOn = defaultShiftOn(kind);

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
  const x = holdingCurveExposure(
    h,
    makeMarket({ settlement, curve: spec, interpolation, shiftOn })
  );
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
