/**
 * `keyrate measure HOLDINGS --curve CURVE`: the "measure" step (SPEC S1 step 1) outside Excel.
 * Reads a holdings range and a curve from CSV or XLSX files, measures every holding against the
 * curve in one kernel call (Z-spread, effective duration and convexity, spread duration, KRDs,
 * DV01s), and prints a readable report or, with --json, one JSON object (fields in the README).
 */
import { makeMarket } from "../core/market/market";
import { FlagSpec, flagValue, positionals, rejectUnknown } from "./args";
import { formatMeasure, num } from "./measureText";
import { clip, isoFromSerial, parseDate } from "../core/dates";
import {
  CurveKind,
  curveOfRange,
  CurveSpec,
  Interpolation,
  parseCurveKind,
  parseInterpolation,
  ShiftOn,
  tenorLabel,
} from "../core/curve";
import {
  HoldingProblem,
  Holdings,
  mappedColumns,
  MappedColumn,
  readHoldings,
  SkippedRow,
} from "../core/holdings";
import { exposureBy, groupingNamed } from "../core/portfolio/groupingNamed";
import {
  curveTotals,
  GroupCurveExposure,
  holdingCurveExposure,
  reconcile,
  sectorCurveExposure,
} from "../core/portfolio/curveExposure";
import { defaultSettlement } from "../functions/impl/curveFunctions";
import { settlementFromSettings } from "../core/settings";
import { readTables, Table, tableNamed } from "./tableFile";

export interface MeasureOptions {
  /** Holdings file, .csv or .xlsx (sheet "Holdings", else the first). */
  holdings: string;
  /**
   * Curve file, .csv or .xlsx (sheet "Curve", else the first): two columns, tenor and rate, or a
   * curve history (first cell "Date", then tenors; Treasury's par-yield file).
   */
  curve: string;
  /** Date of the curve in a history (ISO or any date text); default the latest on or before settlement. */
  curveDate?: string;
  /** Settlement date (ISO text or serial); default the holdings workbook's Settings, else T+1. */
  settle?: string;
  kind?: string;
  interpolation?: string;
  /**
   * A grouping beside the sectors: sector, rating, maturity, issuer, currency, type or any header
   * of the holdings file (core/portfolio/groupingNamed.ts).
   */
  groupBy?: string;
  /** A history folder the run is added to (measureHistory.ts). */
  history?: string;
  /** Marks the run stored a rebalance. */
  rebalance?: boolean;
}

/** A number in JSON: null where it could not be computed (or does not apply). */
export type Num = number | null;

/** KRDs or KR DV01s by key label: {"3M": …, "30Y": …}. */
export type ByKey = Record<string, Num>;

export interface MeasureJson {
  /** False when nothing could be measured; `error` says why. */
  ok: boolean;
  /** Why nothing was measured (one bounded sentence), or null. */
  error: string | null;
  settlement: string | null;
  settlementSource: string | null;
  /** How the holdings file was read: its header row, each column's field and unit, skipped rows. */
  mapping: {
    file: string;
    sheet: string;
    headerRow: number;
    columns: MappedColumn[];
    skipped: SkippedRow[];
  } | null;
  curve: {
    file: string;
    sheet: string;
    /** "range" (tenor/rate) or "history" (a dated curve history). */
    source: "range" | "history";
    /** The history's date used (ISO), or null for a tenor/rate range. */
    date: string | null;
    kind: CurveKind;
    interpolation: Interpolation;
    shiftOn: ShiftOn;
    tenors: string[];
    rates: number[];
  } | null;
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
  } | null;
  /** The groups of --group-by (same figures as the sectors), or null without the option. */
  groups: {
    /** The option as given. */
    by: string;
    /** The grouping's title: "Rating", "Years to maturity", the header grouped by. */
    title: string;
    rows: GroupJson[];
  } | null;
  /** One row per sector: a group's figures, labelled `sector`. */
  sectors: (Omit<GroupJson, "group"> & { sector: string })[];
  holdings: {
    id: string;
    row: number;
    sector: string;
    /** The file's sector label ("Banking"); "" when none. */
    group: string;
    type: string;
    /** How its engine priced it (the spread held: Z-spread, OAS or discount margin); "" when left out. */
    method: string;
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
    field: "duration" | "dv01" | "marketValue";
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

/** One group's figures (as a sector's), labelled `group`. */
export interface GroupJson {
  group: string;
  marketValue: Num;
  weight: Num;
  effDuration: Num;
  durationContribution: Num;
  dv01: Num;
  dv01Share: Num;
  krd: ByKey;
  included: number;
  excluded: number;
}

/** A result with nothing measured yet. */
function emptyMeasure(): MeasureJson {
  return {
    ok: false,
    error: null,
    settlement: null,
    settlementSource: null,
    mapping: null,
    curve: null,
    portfolio: null,
    groups: null,
    sectors: [],
    holdings: [],
    reconciliation: [],
    problems: [],
  };
}

/** The settlement date: --settle, else the holdings workbook's Settings sheet, else T+1. */
function settlementOf(options: MeasureOptions, tables: readonly Table[]): [number, string] {
  if (options.settle !== undefined) {
    const v = Number.isFinite(Number(options.settle)) ? Number(options.settle) : options.settle;
    return [parseDate(v, "--settle"), "--settle"];
  }
  const settings = tables.find((t) => t.name.toLowerCase() === "settings");
  const fromSettings = settings ? settlementFromSettings(settings.values) : undefined;
  if (fromSettings !== undefined) return [fromSettings, "Settings sheet of the holdings workbook"];
  return [defaultSettlement(), "T+1 US government securities business day after today"];
}

/** The curve of a curve table: a tenor/rate range, or a history's curve on the curve date. */
function curveOf(
  table: Table,
  options: MeasureOptions,
  kind: CurveKind,
  settlement: number
): { spec: CurveSpec; date: number | null } {
  const date =
    options.curveDate !== undefined ? parseDate(options.curveDate, "--curve-date") : undefined;
  return curveOfRange(table.values, kind, settlement, date, "--curve-date");
}

/**
 * Measures a holdings file against a curve file; the result as the JSON object --json prints.
 * Never throws for bad input: `ok` is false and `error` says why, with the mapping and problems
 * found so far.
 */
export async function measure(options: MeasureOptions): Promise<MeasureJson> {
  const m = emptyMeasure();
  try {
    await measureInto(m, options);
  } catch (e) {
    m.ok = false;
    m.error = clip((e as Error).message, 400);
  }
  return m;
}

/** Fills `m` step by step, so that a failure keeps what was read before it. */
async function measureInto(m: MeasureJson, options: MeasureOptions): Promise<void> {
  const holdingsTables = await readTables(options.holdings);
  const holdingsTable = tableNamed(holdingsTables, "Holdings");
  const [settlement, settlementSource] = settlementOf(options, holdingsTables);
  m.settlement = isoFromSerial(settlement);
  m.settlementSource = settlementSource;

  const read = readHoldings(holdingsTable.values, {
    settlement,
    sheet: holdingsTable.name,
    originRow: 1,
    originColumn: 0,
  });
  m.mapping = {
    file: options.holdings,
    sheet: holdingsTable.name,
    headerRow: read.headerRow,
    columns: mappedColumns(read),
    skipped: read.skipped,
  };
  m.problems = read.problems.map((p: HoldingProblem) => ({
    sheet: p.sheet,
    row: p.row,
    column: p.column,
    cell: p.cell,
    value: p.value instanceof Date ? isoFromSerial(parseDate(p.value)) : p.value,
    expected: p.expected,
    message: p.message,
  }));

  const kind = parseCurveKind(options.kind);
  const interpolation = parseInterpolation(options.interpolation);
  const curveTable =
    options.curve === options.holdings
      ? tableNamed(holdingsTables, "Curve")
      : tableNamed(await readTables(options.curve), "Curve");
  let curve: { spec: CurveSpec; date: number | null };
  try {
    curve = curveOf(curveTable, options, kind, settlement);
  } catch (e) {
    throw new Error(`${options.curve} (sheet ${curveTable.name}): ${(e as Error).message}`);
  }
  const spec = curve.spec;
  const market = makeMarket({ settlement, curve: spec, interpolation });
  const shiftOn: ShiftOn = market.shiftOn;
  m.curve = {
    file: options.curve,
    sheet: curveTable.name,
    source: curve.date === null ? "range" : "history",
    date: curve.date === null ? null : isoFromSerial(curve.date),
    kind: spec.kind,
    interpolation,
    shiftOn,
    tenors: spec.months.map(tenorLabel),
    rates: [...spec.rates],
  };

  const h: Holdings = read.holdings;
  if (h.count === 0) {
    const n = read.problems.length;
    throw new Error(
      `${options.holdings}: no holdings to measure` +
        (n ? `; ${n} problem${n > 1 ? "s" : ""}, the first: ${read.problems[0].message}` : "")
    );
  }
  const x = holdingCurveExposure(h, market);
  const keys = x.risk.keysMonths.map(tenorLabel);
  const nk = keys.length;
  // A plain loop: 2 objects of 11 keys per holding (Object.fromEntries of pairs costs 3× more).
  const byKey = (values: ArrayLike<number>, offset = 0): ByKey => {
    const o: ByKey = {};
    for (let j = 0; j < nk; j++) o[keys[j]] = num(values[offset + j]);
    return o;
  };
  const t = curveTotals(x);
  const figures = (g: Omit<GroupCurveExposure, "group">) => ({
    marketValue: num(g.marketValue),
    weight: num(g.weight),
    effDuration: num(g.effDuration),
    durationContribution: num(g.durationContribution),
    dv01: num(g.dv01),
    dv01Share: num(g.dv01Share),
    krd: byKey(g.krd),
    included: g.included,
    excluded: g.excluded,
  });
  if (options.groupBy !== undefined) {
    const range = { values: holdingsTable.values, originRow: 1, headerRow: read.headerRow };
    const g = groupingNamed(options.groupBy, h, range, settlement, "--group-by");
    m.groups = {
      by: options.groupBy,
      title: g.title,
      rows: exposureBy(x, g).map((r) => ({ group: r.group, ...figures(r) })),
    };
  }
  m.ok = true;
  Object.assign(m, {
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
    sectors: sectorCurveExposure(h, x).map((s) => ({ sector: s.sector, ...figures(s) })),
    holdings: Array.from({ length: h.count }, (_, i) => {
      // Holdings left out are not priced as bullets: no risk figures for them.
      const risk = (v: number): Num => (x.excluded[i] ? null : num(v));
      const nulls = x.excluded[i] ? Object.fromEntries(keys.map((k) => [k, null])) : {};
      return {
        id: h.id[i],
        row: h.sourceRow[i],
        sector: h.sector[i],
        group: h.group[i],
        type: h.type[i],
        method: x.excluded[i] ? "" : x.method[i],
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
  });
}

const FLAGS: FlagSpec = {
  values: [
    "--curve",
    "--curve-date",
    "--settle",
    "--kind",
    "--interpolation",
    "--group-by",
    "--history",
  ],
  switches: ["--json", "--help", "--rebalance"],
};

/** Parses the command's arguments. */
export function measureOptions(argv: string[]): MeasureOptions & { json: boolean } {
  rejectUnknown(argv, "measure", FLAGS);
  const positional = positionals(argv, FLAGS);
  if (positional.length !== 1) throw new Error(`measure: give one holdings file\n${MEASURE_USAGE}`);
  const curve = flagValue(argv, "--curve");
  if (!curve) throw new Error(`measure: --curve CURVE.(csv|xlsx) is required\n${MEASURE_USAGE}`);
  return {
    holdings: positional[0],
    curve,
    curveDate: flagValue(argv, "--curve-date"),
    settle: flagValue(argv, "--settle"),
    kind: flagValue(argv, "--kind"),
    interpolation: flagValue(argv, "--interpolation"),
    groupBy: flagValue(argv, "--group-by"),
    json: argv.includes("--json"),
    history: flagValue(argv, "--history"),
    rebalance: argv.includes("--rebalance"),
  };
}

export const MEASURE_USAGE =
  "usage: keyrate measure HOLDINGS.(csv|xlsx) --curve CURVE.(csv|xlsx) [--curve-date DATE]\n" +
  "         [--settle DATE] [--kind par|zero_cont|zero_semi] [--interpolation linear_zero|monotone_convex]\n" +
  "         [--group-by sector|rating|maturity|issuer|currency|type|HEADER] [--json]\n" +
  "         [--history DIR [--rebalance]]  (keep the run in DIR: drift and triggers since the last rebalance)";

/**
 * Runs the `measure` command; exit code 0, or 1 when holdings rows had problems (still measured
 * without them) or nothing could be measured. With --json the result object is printed in every
 * case, a usage error included.
 */
export async function runMeasure(argv: string[], out: (text: string) => void): Promise<number> {
  if (argv.includes("--help")) {
    out(MEASURE_USAGE);
    return 0;
  }
  const json = argv.includes("--json");
  let options: MeasureOptions & { json: boolean };
  try {
    options = measureOptions(argv);
  } catch (e) {
    if (!json) throw e;
    out(JSON.stringify({ ...emptyMeasure(), error: clip((e as Error).message, 400) }, null, 2));
    return 2;
  }
  const m = await measure(options);
  const { history } = options;
  if (options.rebalance && !history)
    throw new Error("--rebalance marks a run in a history: give --history DIR");
  const kept =
    history && m.ok
      ? await (await import("./measureHistory")).storeMeasuredRun({ ...options, history }, m)
      : undefined;
  if (json)
    out(
      JSON.stringify(
        kept
          ? { ...m, history: { file: kept.file, runs: kept.runs, triggersHit: kept.triggersHit } }
          : m,
        null,
        2
      )
    );
  else {
    formatMeasure(m, options.holdings).forEach((line) => out(line));
    if (kept) [`kept in ${history}/${kept.file}`, ...kept.lines].forEach((line) => out(line));
  }
  if (!m.ok && !json) throw new Error(m.error ?? "nothing measured");
  return m.ok && m.problems.length === 0 ? 0 : 1;
}
