/**
 * A workbook's Settings sheet: label/value rows ("Settlement date | 2025-01-02", "Target duration
 * | 5", …), as the sample workbook (assets/sample-portfolio.xlsx) has them. One reader for the
 * task pane (which defaults its fields from them and says which cell each came from) and the CLI.
 * Pure: values in as a range gives them (Office.js Range.values or exceljs rows), no host calls.
 */
import { parseDate } from "./dates";
import { a1Address, cellNumber, cellText, cellValue } from "./holdings";
import { parseContract } from "./futures/contracts";
import { parseRounding, Rounding, ROUNDINGS } from "./hedge/dv01Hedge";
import { parseOption } from "./options";
import {
  CURVE_KINDS,
  CurveKind,
  INTERPOLATIONS,
  Interpolation,
  parseCurveKind,
  parseInterpolation,
} from "./curve";

/** A value found on the Settings sheet and the cell it came from ("Settings!B2"). */
export interface Setting<T> {
  readonly value: T;
  readonly cell: string;
}

/** A label whose value could not be read: where, what was found, what was expected. */
export interface SettingProblem {
  readonly cell: string;
  readonly label: string;
  readonly value: unknown;
  readonly expected: string;
  readonly message: string;
}

/** The settings the wizard and the CLI use; each absent when the sheet has no such label. */
export interface WorkbookSettings {
  /** Settlement date, Excel serial. */
  readonly settlement?: Setting<number>;
  /** As-of date of prices and curve, Excel serial. */
  readonly asOf?: Setting<number>;
  /** Portfolio currency, ISO code upper case. */
  readonly currency?: Setting<string>;
  /** Target effective duration, years. */
  readonly targetDuration?: Setting<number>;
  /** The hedge contract as written ("ZN Mar-2025 (10-year T-note futures)"). */
  readonly contractName?: Setting<string>;
  /** Its futures code, the first word of the contract name when it is one (ZT … UB). */
  readonly contractCode?: Setting<string>;
  /** DV01 of one contract, money per bp. */
  readonly contractDv01?: Setting<number>;
  /** Portfolio yield change per hedge yield change. */
  readonly beta?: Setting<number>;
  /** Scenario horizon, whole months. */
  readonly horizonMonths?: Setting<number>;
  /** Commission per contract, money. */
  readonly commission?: Setting<number>;
  /** Rounding of the contracts: nearest, down or none. */
  readonly rounding?: Setting<Rounding>;
  /** Hedge sizing: one contract by DV01 ratio, or KRD-matched across contracts. */
  readonly sizing?: Setting<"dv01_ratio" | "krd">;
  /** What the curve's rates are (par, zero_cont, zero_semi, sofr_ois). */
  readonly curveKind?: Setting<CurveKind>;
  readonly interpolation?: Setting<Interpolation>;
  /** Repo rate to delivery, decimal, ACT/360. */
  readonly repo?: Setting<number>;
  /** Every label present whose value is unusable. */
  readonly problems: readonly SettingProblem[];
}

type Key = Exclude<keyof WorkbookSettings, "problems" | "contractCode">;

/** Labels recognised per setting (compared after {@link normalizeLabel}). */
export const SETTING_LABELS: Readonly<Record<Key, readonly string[]>> = {
  settlement: ["settlement date", "settlement", "settle"],
  asOf: ["as-of date", "as of date", "as of", "as-of"],
  currency: ["currency", "portfolio currency"],
  targetDuration: ["target duration", "target effective duration"],
  contractName: ["hedge contract", "futures contract", "contract"],
  contractDv01: ["contract dv01", "dv01 per contract"],
  beta: ["yield beta", "beta"],
  horizonMonths: ["horizon", "horizon months", "scenario horizon"],
  commission: ["commission", "commission per contract"],
  rounding: ["rounding"],
  sizing: ["sizing", "hedge sizing"],
  curveKind: ["curve kind", "rates are", "curve type"],
  interpolation: ["interpolation"],
  repo: ["repo", "repo to delivery", "repo rate"],
};

/** A label as compared: lower case, notes in parentheses and a trailing colon dropped. */
export function normalizeLabel(label: string): string {
  return label
    .replace(/\([^)]*\)/g, " ")
    .replace(/:\s*$/, "")
    .trim()
    .replace(/\s+/g, " ")
    .toLowerCase();
}

/** A labelled value and its 0-based place in the range. */
export interface LabelledCell {
  readonly value: unknown;
  readonly row: number;
  readonly column: number;
}

/**
 * Label → the value in the cell right of it, for every row whose first non-empty cell is text;
 * the first occurrence of a label wins. Labels normalised ({@link normalizeLabel}).
 */
export function settingLabels(values: readonly (readonly unknown[])[]): Map<string, LabelledCell> {
  const out = new Map<string, LabelledCell>();
  values.forEach((row, r) => {
    const c = row.findIndex((v) => cellValue(v) !== null);
    const label = c >= 0 ? cellValue(row[c]) : null;
    if (typeof label !== "string") return;
    const key = normalizeLabel(label);
    if (key !== "" && !out.has(key))
      out.set(key, { value: cellValue(row[c + 1]), row: r, column: c + 1 });
  });
  return out;
}

/** Where the range sits, for cell addresses in messages. */
export interface SettingsOrigin {
  /** Sheet name; default "Settings". */
  readonly sheet?: string;
  /** 1-based worksheet row of the range's first row; default 1. */
  readonly originRow?: number;
  /** 0-based worksheet column of its first column; default 0. */
  readonly originColumn?: number;
}

const positive = (x: number) => x > 0;

/** Readers per setting: the value or an Error saying what was expected. */
const READERS: Record<Key, { expected: string; read: (v: unknown) => unknown }> = {
  settlement: { expected: "a date", read: (v) => parseDate(v, "Settlement date") },
  asOf: { expected: "a date", read: (v) => parseDate(v, "As-of date") },
  currency: {
    expected: "a three-letter currency code",
    read: (v) => {
      const t = cellText(cellValue(v)).toUpperCase();
      if (!/^[A-Z]{3}$/.test(t)) throw new Error("not a currency code");
      return t;
    },
  },
  targetDuration: { expected: "years, 0–100", read: number((x) => x >= 0 && x < 100) },
  contractName: { expected: "text", read: (v) => text(v) },
  contractDv01: { expected: "money per bp, > 0", read: number(positive) },
  beta: { expected: "a positive ratio", read: number(positive) },
  horizonMonths: {
    expected: "whole months, 1–120",
    read: number((x) => Number.isInteger(x) && x >= 1 && x <= 120),
  },
  commission: { expected: "money per contract, ≥ 0", read: number((x) => x >= 0) },
  rounding: { expected: `one of ${ROUNDINGS.join(", ")}`, read: (v) => parseRounding(text(v)) },
  sizing: {
    expected: "dv01_ratio or krd",
    read: (v) => parseOption(text(v), ["dv01_ratio", "krd"] as const, "dv01_ratio", "sizing"),
  },
  curveKind: { expected: `one of ${CURVE_KINDS.join(", ")}`, read: (v) => parseCurveKind(text(v)) },
  interpolation: {
    expected: `one of ${INTERPOLATIONS.join(", ")}`,
    read: (v) => parseInterpolation(text(v)),
  },
  repo: { expected: "a decimal rate, e.g. 0.043", read: number((x) => x > -0.05 && x < 0.5) },
};

function number(check: (x: number) => boolean): (v: unknown) => number {
  return (v) => {
    const x = cellNumber(cellValue(v));
    if (x === undefined || !check(x)) throw new Error("out of range");
    return x;
  };
}

function text(v: unknown): string {
  const t = cellText(cellValue(v));
  if (t === "") throw new Error("empty");
  return t;
}

/**
 * Reads the settings a Settings range holds. A label with an empty value is as if absent; a label
 * with an unusable value is a problem (and the setting absent), never a guess.
 */
export function readWorkbookSettings(
  values: readonly (readonly unknown[])[],
  origin: SettingsOrigin = {}
): WorkbookSettings {
  const sheet = origin.sheet ?? "Settings";
  const labels = settingLabels(values);
  const out: Record<string, unknown> = {};
  const problems: SettingProblem[] = [];
  for (const key of Object.keys(SETTING_LABELS) as Key[]) {
    const label = SETTING_LABELS[key].find((l) => labels.has(l));
    const found = label === undefined ? undefined : labels.get(label)!;
    if (!found || found.value === null) continue;
    const cell = a1Address(
      sheet,
      (origin.originRow ?? 1) + found.row,
      (origin.originColumn ?? 0) + found.column
    );
    const { expected, read } = READERS[key];
    try {
      out[key] = { value: read(found.value), cell };
    } catch {
      const shown =
        found.value instanceof Date ? found.value.toISOString().slice(0, 10) : found.value;
      problems.push({
        cell,
        label: label!,
        value: found.value,
        expected,
        message: `${cell} (${label}): expected ${expected}, got ${JSON.stringify(shown)}`,
      });
    }
  }
  const name = out.contractName as Setting<string> | undefined;
  const code = name && contractCodeOf(name.value);
  if (name && code) out.contractCode = { value: code, cell: name.cell };
  return { ...(out as Omit<WorkbookSettings, "problems">), problems };
}

/** The futures code a contract name starts with ("ZN Mar-2025 …" → "ZN"), or undefined. */
export function contractCodeOf(name: string): string | undefined {
  try {
    return parseContract(name.trim().split(/\s+/)[0], "contract").code;
  } catch {
    return undefined;
  }
}

/** Label (normalised) → value of a settings range: the CLI's view of a Settings sheet. */
export function settingsFromValues(values: readonly (readonly unknown[])[]): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [label, found] of settingLabels(values)) out.set(label, found.value ?? "");
  return out;
}

/**
 * The settlement date of a settings range (its "Settlement date" row), Excel serial; undefined
 * when the range has no such row or it is empty.
 * @throws InvalidValueError when the value is not a date.
 */
export function settlementFromSettings(
  values: readonly (readonly unknown[])[],
  where = "Settings!Settlement date"
): number | undefined {
  const v = settingsFromValues(values).get("settlement date");
  return v === undefined || v === null || v === "" ? undefined : parseDate(v, where);
}
