/* global Office, document */
/**
 * The pane's form: what the user chose (remembered per workbook in Office settings), read from the
 * fields and parsed into the recommendation's settings, every bad field reported at once.
 */

import { isoFromSerial, parseDate } from "../core/dates";

import { parseRounding } from "../core/hedge/dv01Hedge";

import { parseContract } from "../core/futures/contracts";
import { parse32 } from "../core/quote32";
import { DEFAULT_COMMISSION } from "../core/hedge/hedgePlan";
import { DEFAULT_HEDGE_CONTRACTS } from "../core/conventions";

import { parseCurveKind, parseInterpolation, parseOption, parseTenor } from "../core/curve";
import { HeaderChoice } from "../core/holdings";
import { JobSettings } from "./workbookIO";
import { valueOf } from "./dom";
import { defaultSettlement } from "../core/calendar/usGovernmentSecurities";

export const SETTINGS_KEY = "keyrate.hedgeWizard";

export interface FormState {
  settlement: string;
  target: string;
  contractDv01: string;
  beta: string;
  rounding: string;
  /** Address of the curve range ("" = the bundled curve). */
  curveAddress: string;
  /** Date taken from a curve history range ("" = the latest on or before settlement). */
  curveDate: string;
  /** Address of a Treasury universe range ("" = CME's bundled table). */
  universeAddress: string;
  curveKind: string;
  interpolation: string;
  perHoldingKrd: boolean;
  /** The holdings table as live formulas (links and KEYRATE functions) rather than values. */
  liveFormulas: boolean;
  contractCode: string;
  benchmarkAddress: string;
  mandateAddress: string;
  scenarioAddress: string;
  horizonMonths: string;
  sizing: string;
  allowedContracts: string;
  swapTenors: string;
  futuresPrices: string;
  repo: string;
  initialMargin: string;
  commission: string;
  /** Column corrections of the holdings step, by header text. */
  mapping: HeaderChoice;
}

export const DEFAULTS: FormState = {
  // T+1 business day after today on the US government securities calendar (SPEC S3).
  settlement: isoFromSerial(defaultSettlement()),
  target: "5",
  contractDv01: "",
  beta: "1",
  rounding: "nearest",
  curveAddress: "",
  curveDate: "",
  universeAddress: "",
  curveKind: "par",
  interpolation: "linear_zero",
  perHoldingKrd: false,
  liveFormulas: true,
  contractCode: "ZN",
  benchmarkAddress: "",
  mandateAddress: "",
  scenarioAddress: "",
  horizonMonths: "3",
  sizing: "dv01_ratio",
  allowedContracts: DEFAULT_HEDGE_CONTRACTS.join(" "),
  swapTenors: "",
  futuresPrices: "",
  repo: "",
  initialMargin: "",
  commission: String(DEFAULT_COMMISSION),
  mapping: {},
};

/** "ZN 110-16+, ZB 117-08" → { ZN: 110.515625, ZB: 117.25 }; blank → undefined. */
function codeValues(
  text: string,
  what: string,
  value: (v: string) => number
): Record<string, number> | undefined {
  const out: Record<string, number> = {};
  for (const part of text
    .split(/[,;]+/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [code, v] = part.split(/\s+/);
    const contract = parseContract(code, what);
    const x = value(v ?? "");
    if (!Number.isFinite(x) || x <= 0)
      throw new Error(`${what}: expected "${contract.code} <value>", got "${part}"`);
    out[contract.code] = x;
  }
  return Object.keys(out).length ? out : undefined;
}

/** What the last run in this workbook used (Office settings), or null. */
export function loadSaved(): Partial<FormState> | null {
  return Office.context.document.settings.get(SETTINGS_KEY) as Partial<FormState> | null;
}

export function saveState(state: FormState): void {
  Office.context.document.settings.set(SETTINGS_KEY, state);
  Office.context.document.settings.saveAsync();
}

/** Choices made outside the plain fields: the range pickers' addresses and the column mapping. */
export type Picked = Pick<
  FormState,
  | "curveAddress"
  | "universeAddress"
  | "benchmarkAddress"
  | "mandateAddress"
  | "scenarioAddress"
  | "mapping"
>;

/** A checkbox's state, or `absent` when the pane has no such box. */
function checked(id: string, absent: boolean): boolean {
  return (document.getElementById(id) as HTMLInputElement | null)?.checked ?? absent;
}

export function readForm(picked: Picked): FormState {
  return {
    ...picked,
    horizonMonths: valueOf("kr-horizon"),
    sizing: valueOf("kr-sizing") || "dv01_ratio",
    allowedContracts: valueOf("kr-allowed"),
    swapTenors: valueOf("kr-swaps"),
    futuresPrices: valueOf("kr-prices"),
    repo: valueOf("kr-repo"),
    initialMargin: valueOf("kr-margin"),
    commission: valueOf("kr-commission"),
    curveKind: valueOf("kr-curve-kind") || "par",
    curveDate: valueOf("kr-curve-date"),
    interpolation: valueOf("kr-interpolation") || "linear_zero",
    contractCode: valueOf("kr-contract-code") || "ZN",
    perHoldingKrd: checked("kr-per-holding", false),
    liveFormulas: checked("kr-live-formulas", true),
    settlement: valueOf("kr-settlement"),
    target: valueOf("kr-target"),
    contractDv01: valueOf("kr-contract-dv01"),
    beta: valueOf("kr-beta"),
    rounding: valueOf("kr-rounding") || "nearest",
  };
}

/** The wizard step (0-based) where each field is entered, for per-step validation. */
export const FIELD_STEP: Readonly<Partial<Record<keyof FormState, number>>> = {
  curveKind: 1,
  curveDate: 1,
  interpolation: 1,
  settlement: 0,
  target: 2,
  contractDv01: 3,
  beta: 3,
  rounding: 3,
  sizing: 3,
  allowedContracts: 3,
  futuresPrices: 3,
  repo: 3,
  initialMargin: 3,
  commission: 3,
  swapTenors: 3,
  horizonMonths: 4,
};

/**
 * Form values to job settings; every bad field is reported at once, in `errors` and by field in
 * `fieldErrors` (so each wizard step can show its own).
 */
export function parseForm(state: FormState): {
  settings?: JobSettings;
  errors: string[];
  fieldErrors: Partial<Record<keyof FormState, string>>;
} {
  const errors: string[] = [];
  const fieldErrors: Partial<Record<keyof FormState, string>> = {};
  const attempt = <T>(field: keyof FormState, f: () => T): T | undefined => {
    try {
      return f();
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      errors.push(message);
      fieldErrors[field] = message;
      return undefined;
    }
  };
  const number = (text: string, what: string, check: (x: number) => boolean, expected: string) => {
    const x = Number(text);
    if (text === "" || !Number.isFinite(x) || !check(x))
      throw new Error(`${what}: expected ${expected}, got "${text}"`);
    return x;
  };
  const settlement = attempt("settlement", () => parseDate(state.settlement, "Settlement date"));
  const targetDuration = attempt("target", () =>
    number(state.target, "Target duration", (x) => x >= 0 && x < 100, "years, 0–100")
  );
  // Blank: computed from the contract's CTD on the curve.
  const contractDv01 = attempt("contractDv01", () =>
    state.contractDv01 === ""
      ? undefined
      : number(
          state.contractDv01,
          "Contract DV01",
          (x) => x > 0,
          "money per bp per contract, > 0, or blank"
        )
  );
  const sizing = attempt("sizing", () =>
    parseOption(state.sizing, ["dv01_ratio", "krd"] as const, "dv01_ratio", "Sizing")
  );
  const swapTenors = attempt("swapTenors", () => {
    const tenors = state.swapTenors
      .split(/[\s,;]+/)
      .filter(Boolean)
      .map((t) => parseTenor(t, "Swap tenors"));
    return tenors.length ? tenors : undefined;
  });
  const futuresPrices = attempt("futuresPrices", () =>
    codeValues(state.futuresPrices, "Futures prices", (v) => parse32(v, "Futures prices"))
  );
  const initialMargin = attempt("initialMargin", () =>
    codeValues(state.initialMargin, "Initial margin", (v) => Number(v))
  );
  const repo = attempt("repo", () =>
    state.repo === ""
      ? undefined
      : number(state.repo, "Repo", (x) => x > -0.05 && x < 0.5, "a decimal rate, e.g. 0.043")
  );
  const commission = attempt("commission", () =>
    number(state.commission, "Commission", (x) => x >= 0, "money per contract, ≥ 0")
  );
  const allowedContracts = attempt("allowedContracts", () => {
    const codes = state.allowedContracts.split(/[\s,;]+/).filter(Boolean);
    codes.forEach((c) => parseContract(c, "Allowed contracts"));
    return codes.length ? codes : undefined;
  });
  const beta = attempt("beta", () =>
    number(state.beta, "Yield beta", (x) => x > 0, "a positive ratio")
  );
  const rounding = attempt("rounding", () => parseRounding(state.rounding));
  const curveKind = attempt("curveKind", () => parseCurveKind(state.curveKind));
  const curveDate = attempt("curveDate", () =>
    state.curveDate ? parseDate(state.curveDate, "Curve date") : undefined
  );
  const interpolation = attempt("interpolation", () => parseInterpolation(state.interpolation));
  const horizonMonths = attempt("horizonMonths", () =>
    number(
      state.horizonMonths,
      "Horizon",
      (x) => Number.isInteger(x) && x >= 1 && x <= 120,
      "whole months, 1–120"
    )
  );
  if (errors.length > 0) return { errors, fieldErrors };
  return {
    errors,
    fieldErrors,
    settings: {
      settlement: settlement!,
      targetDuration: targetDuration!,
      contractDv01,
      sizing: sizing!,
      allowedContracts,
      swapTenors,
      futuresPrices,
      initialMargin,
      repo,
      commission: commission!,
      beta: beta!,
      rounding: rounding!,
      curveAddress: state.curveAddress || undefined,
      curveDate,
      universeAddress: state.universeAddress || undefined,
      benchmarkAddress: state.benchmarkAddress || undefined,
      mandateAddress: state.mandateAddress || undefined,
      scenarioAddress: state.scenarioAddress || undefined,
      horizonMonths: horizonMonths!,
      curveKind: curveKind!,
      interpolation: interpolation!,
      perHoldingKrd: state.perHoldingKrd,
      liveFormulas: state.liveFormulas ?? true,
      headerChoice: Object.keys(state.mapping ?? {}).length ? state.mapping : undefined,
      contractCode: state.contractCode,
      runDate: new Date().toISOString().slice(0, 10),
    },
  };
}
