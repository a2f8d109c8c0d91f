/**
 * The scenario library as a table users can edit (the "Scenario Library" sheet, the `scenarios`
 * range of KEYRATE.SCENARIOS) and its parser. One header row, then one row per component:
 *
 *   Scenario | Shape | Size, bp | Pivot | Sector | Rating | Spread, bp | Swap spread, bp |
 *   From | To | Source | Note | 1M | 3M | … | 30Y
 *
 * - Consecutive rows with the same Scenario name (or a blank name) are one scenario: each row adds
 *   a rate shape and/or a spread rule — that is how moves are combined. A name may not reappear
 *   later.
 * - Shape: parallel, twist, bull_steepener, bear_steepener, bull_flattener, bear_flattener,
 *   butterfly (Size, bp required; Pivot a tenor, default 5Y), custom or replay (bp in the tenor
 *   columns; blank tenors are not part of the vector; replay rows also carry From, To, Source), or
 *   blank for no rate move on that row. Definitions in shapes.ts.
 * - Sector (government, agency, corporate, securitized, municipal, cash, other or all), Rating
 *   (optional, matched as text) and Spread, bp: a spread rule (blank sector with a spread = all).
 * - Swap spread, bp: the swap curve's move relative to Treasuries (rows add up).
 * - Headers are matched case-insensitively ignoring spaces and punctuation; tenor columns are any
 *   header that reads as a tenor ("3M", "10 Yr").
 */
import { cellNumber, cellValue } from "../holdings/cells";
import { isoFromSerial, parseDate } from "../dates";
import { InvalidValueError, KeyrateError, MissingValueError, throwIfProblems } from "../errors";
import { parseOption, parseTenor, tenorLabel } from "../curve";
import { DEFAULT_KEYS_MONTHS } from "../conventions";
import { Scenario, SPREAD_SECTORS, SpreadShock, SpreadSector } from "./scenario";
import {
  DEFAULT_PIVOT_MONTHS,
  PIVOT_SHAPE_KINDS,
  PivotShapeKind,
  RateShape,
  SHAPE_KINDS,
  ShapeKind,
} from "./shapes";

/** The fixed columns, in order. */
export const LIBRARY_COLUMNS = [
  "Scenario",
  "Shape",
  "Size, bp",
  "Pivot",
  "Sector",
  "Rating",
  "Spread, bp",
  "Swap spread, bp",
  "From",
  "To",
  "Source",
  "Note",
] as const;

type Column = (typeof LIBRARY_COLUMNS)[number];
type LibraryCell = string | number | null;

export interface LibraryTable {
  readonly header: string[];
  readonly rows: LibraryCell[][];
  /** Tenor columns, months. */
  readonly tenorMonths: number[];
}

/** The tenor columns for a set of scenarios: the default keys and every custom/replay tenor. */
function tenorColumns(scenarios: readonly Scenario[]): number[] {
  const months = new Set<number>(DEFAULT_KEYS_MONTHS);
  for (const s of scenarios)
    for (const r of s.rates)
      if (r.kind === "custom" || r.kind === "replay") r.months.forEach((m) => months.add(m));
  return [...months].sort((a, b) => a - b);
}

/** The library table of scenarios (one row per rate shape or spread rule, at least one). */
export function libraryTable(scenarios: readonly Scenario[]): LibraryTable {
  const tenorMonths = tenorColumns(scenarios);
  const header = [...LIBRARY_COLUMNS, ...tenorMonths.map(tenorLabel)];
  const rows: LibraryCell[][] = [];
  for (const s of scenarios) {
    const n = Math.max(1, s.rates.length, s.spreads.length);
    for (let k = 0; k < n; k++) {
      const row: LibraryCell[] = new Array(header.length).fill(null);
      const set = (c: Column, v: LibraryCell) => (row[LIBRARY_COLUMNS.indexOf(c)] = v);
      set("Scenario", s.name);
      const r = s.rates[k];
      if (r) {
        set("Shape", r.kind);
        if (r.kind === "custom" || r.kind === "replay") {
          r.months.forEach(
            (m, i) => (row[LIBRARY_COLUMNS.length + tenorMonths.indexOf(m)] = r.bp[i])
          );
          if (r.kind === "replay") {
            set("From", r.from);
            set("To", r.to);
            set("Source", r.source);
          }
        } else {
          set("Size, bp", r.bp);
          if (r.kind !== "parallel") set("Pivot", tenorLabel(r.pivotMonths));
        }
      }
      const sp = s.spreads[k];
      if (sp) {
        set("Sector", sp.sector);
        set("Rating", sp.rating || null);
        set("Spread, bp", sp.bp);
      }
      if (k === 0) {
        set("Swap spread, bp", s.swapSpreadBp || null);
        set("Note", s.note ?? null);
      }
      rows.push(row);
    }
  }
  return { header, rows, tenorMonths };
}

const normal = (h: unknown) =>
  String(h ?? "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
const blank = (v: unknown) => v === undefined || v === null || String(v).trim() === "";

function numberCell(v: unknown, what: string): number {
  const x = typeof v === "number" ? v : (cellNumber(cellValue(v)) ?? NaN);
  if (!Number.isFinite(x))
    throw new InvalidValueError(`${what}: expected a number, got ${JSON.stringify(v)}`, v, what);
  return x;
}

function dateCell(v: unknown, what: string): string {
  return typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v.trim())
    ? v.trim()
    : isoFromSerial(parseDate(v, what));
}

/**
 * Reads a library range (header row first) back into scenarios.
 * @throws InvalidValueError listing up to five problems (row of the range, column, what was
 * expected) and their count; MissingValueError without a Scenario column or rows.
 */
export function parseScenarioLibrary(range: readonly (readonly unknown[])[]): Scenario[] {
  if (range.length < 2) {
    throw new MissingValueError(
      "scenarios: expected a header row and at least one scenario row",
      range.length,
      "scenarios"
    );
  }
  const col = new Map<Column, number>();
  const tenors: [number, number][] = [];
  // An optional "Vol shift, bp" column: the normal volatility move of option hedges.
  const volCol = range[0].findIndex((h) => normal(h) === "volshiftbp");
  range[0].forEach((h, c) => {
    if (c === volCol) return;
    const fixed = LIBRARY_COLUMNS.find((name) => normal(name) === normal(h));
    if (fixed) col.set(fixed, c);
    else if (!blank(h)) {
      try {
        tenors.push([c, parseTenor(typeof h === "string" ? h.trim() : h)]);
      } catch {
        /* other columns are ignored */
      }
    }
  });
  if (!col.has("Scenario"))
    throw new MissingValueError(
      'scenarios: no "Scenario" column in the header row',
      range[0],
      "scenarios"
    );
  tenors.sort((a, b) => a[1] - b[1]);
  const problems: string[] = [];
  const out: {
    name: string;
    rates: RateShape[];
    spreads: SpreadShock[];
    swap: number;
    vol: number;
    note?: string;
  }[] = [];
  const seen = new Set<string>();
  range.slice(1).forEach((row, r) => {
    if (row.every(blank)) return;
    const get = (c: Column) => (col.has(c) ? row[col.get(c)!] : undefined);
    try {
      const name = blank(get("Scenario")) ? undefined : String(get("Scenario")).trim();
      let current = out[out.length - 1];
      if (name !== undefined && (!current || current.name !== name)) {
        if (seen.has(name))
          throw new InvalidValueError(
            `scenario "${name}" appears again after other scenarios`,
            name,
            "Scenario"
          );
        seen.add(name);
        current = { name, rates: [], spreads: [], swap: 0, vol: 0 };
        out.push(current);
      }
      if (!current)
        throw new MissingValueError("the first row needs a Scenario name", null, "Scenario");
      const shape = rowShape(row, get, tenors);
      if (shape) current.rates.push(shape);
      const spread = blank(get("Spread, bp"))
        ? undefined
        : numberCell(get("Spread, bp"), "Spread, bp");
      if (spread !== undefined) {
        const sector = parseOption<SpreadSector>(get("Sector"), SPREAD_SECTORS, "all", "Sector");
        current.spreads.push({
          sector,
          rating: blank(get("Rating")) ? "" : String(get("Rating")).trim(),
          bp: spread,
        });
      } else if (!blank(get("Sector")) || !blank(get("Rating"))) {
        throw new MissingValueError(
          "a Sector or Rating needs a Spread, bp",
          get("Sector"),
          "Spread, bp"
        );
      }
      if (!blank(get("Swap spread, bp")))
        current.swap += numberCell(get("Swap spread, bp"), "Swap spread, bp");
      if (volCol >= 0 && !blank(row[volCol]))
        current.vol += numberCell(row[volCol], "Vol shift, bp");
      if (!blank(get("Note"))) current.note = String(get("Note"));
    } catch (e) {
      if (!(e instanceof KeyrateError)) throw e;
      problems.push(`row ${r + 2}: ${e.message}`);
    }
  });
  throwIfProblems(problems, "scenarios");
  if (!out.length) throw new MissingValueError("scenarios: no scenario rows", 0, "scenarios");
  return out.map((s) => ({
    name: s.name,
    rates: s.rates,
    spreads: s.spreads,
    swapSpreadBp: s.swap,
    ...(s.vol ? { volShiftBp: s.vol } : {}),
    ...(s.note !== undefined ? { note: s.note } : {}),
  }));
}

/** The rate shape of one library row, or undefined when its Shape is blank. */
function rowShape(
  row: readonly unknown[],
  get: (c: Column) => unknown,
  tenors: readonly [number, number][]
): RateShape | undefined {
  if (blank(get("Shape"))) return undefined;
  const kind = parseOption<ShapeKind>(
    String(get("Shape"))
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, "_"),
    SHAPE_KINDS,
    "parallel",
    "Shape"
  );
  if (kind === "custom" || kind === "replay") {
    const points = tenors.filter(([c]) => !blank(row[c]));
    if (!points.length)
      throw new MissingValueError(`${kind}: give bp in the tenor columns`, null, "tenors");
    const months = points.map(([, m]) => m);
    const bp = points.map(([c, m]) => numberCell(row[c], tenorLabel(m)));
    if (kind === "custom") return { kind, months, bp };
    return {
      kind,
      months,
      bp,
      from: dateCell(get("From"), "From"),
      to: dateCell(get("To"), "To"),
      source: blank(get("Source")) ? "" : String(get("Source")),
    };
  }
  if (blank(get("Size, bp")))
    throw new MissingValueError(`${kind}: Size, bp is empty`, null, "Size, bp");
  const bp = numberCell(get("Size, bp"), "Size, bp");
  if (kind === "parallel") return { kind, bp };
  const pivotMonths = blank(get("Pivot"))
    ? DEFAULT_PIVOT_MONTHS
    : parseTenor(get("Pivot"), "Pivot");
  if (!(PIVOT_SHAPE_KINDS as readonly string[]).includes(kind))
    throw new InvalidValueError(`unknown shape ${kind}`, kind, "Shape");
  return { kind: kind as PivotShapeKind, bp, pivotMonths };
}
