/**
 * The wizard's starting values and where each came from: the workbook's Settings sheet first
 * (core/settings.ts reads it), then what the last run in this workbook used (Office
 * settings), then the built-in defaults. The pane shows the source under each field
 * ("from Settings!B2", "default"), so a default is never taken for a fact about the workbook.
 */
import { isoFromSerial } from "../core/dates";
import { Setting, WorkbookSettings } from "../core/settings";
import { DEFAULTS, FormState } from "./form";

/** The fields a Settings sheet can give, and how its value is written in the field. */
const FROM_SETTINGS: readonly [
  keyof FormState,
  (s: WorkbookSettings) => Setting<number | string> | undefined,
  (v: number | string) => string,
][] = [
  ["settlement", (s) => s.settlement, (v) => isoFromSerial(v as number)],
  ["target", (s) => s.targetDuration, String],
  ["contractCode", (s) => s.contractCode, String],
  ["contractDv01", (s) => s.contractDv01, String],
  ["beta", (s) => s.beta, String],
  ["horizonMonths", (s) => s.horizonMonths, String],
  ["commission", (s) => s.commission, String],
  ["rounding", (s) => s.rounding, String],
  ["sizing", (s) => s.sizing, String],
  ["curveKind", (s) => s.curveKind, String],
  ["interpolation", (s) => s.interpolation, String],
  ["repo", (s) => s.repo, String],
];

/** Fields whose source the pane shows. */
export const SOURCED_FIELDS: readonly (keyof FormState)[] = FROM_SETTINGS.map(([f]) => f);

/**
 * The form's starting state and, per field the Settings sheet can give, where its value came from.
 * @param saved What the last run in this workbook used (Office settings), if any.
 * @param settings The workbook's Settings sheet, read; undefined when it has none.
 */
export function startingState(
  saved: Partial<FormState> | null,
  settings: WorkbookSettings | undefined
): { state: FormState; sources: Partial<Record<keyof FormState, string>> } {
  const state: FormState = { ...DEFAULTS, ...(saved ?? {}) };
  const sources: Partial<Record<keyof FormState, string>> = {};
  for (const [field, pick, text] of FROM_SETTINGS) {
    const found = settings && pick(settings);
    const remembered = saved?.[field];
    if (found) {
      const value = text(found.value);
      state[field] = value as never;
      sources[field] =
        typeof remembered === "string" && remembered !== "" && remembered !== value
          ? `from ${found.cell} (the last run used ${remembered})`
          : `from ${found.cell}`;
    } else if (remembered !== undefined && remembered !== DEFAULTS[field]) {
      sources[field] = "as in the last run in this workbook";
    } else {
      sources[field] = field === "settlement" ? "default: the next business day" : "default";
    }
  }
  return { state, sources };
}
