/**
 * What the bundled covariance is estimated from (shared by scripts/make-covariance.ts and its
 * test): the US Treasury par yield CSV, the window, and the estimate itself.
 */
import * as path from "path";
import { DEFAULT_KEYS_MONTHS } from "../src/core/conventions";
import { serialFromIso } from "../src/core/dates";
import { historyWindow, parseCurveHistory } from "../src/core/curve/curveHistory";
import {
  DEFAULT_PERIODS_PER_YEAR,
  estimateCovariance,
  EstimatedCovariance,
} from "../src/core/compare/covariance";

export const ROOT = path.resolve(__dirname, "..");
export const SOURCE = path.resolve(ROOT, "../shared/data/ust_par_yield_curve_1990_2024.csv");
/** Window of the bundled estimate: first and last dated rows (levels), ISO. */
export const WINDOW_FROM = "2022-12-30";
export const WINDOW_TO = "2024-12-31";

/** The CSV's rows as cells (text; blank for missing). */
export function csvRows(text: string): string[][] {
  return text
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "")
    .map((l) => l.split(","));
}

/** The bundled estimate from the CSV's text. */
export function bundledEstimate(csvText: string): EstimatedCovariance {
  const history = historyWindow(
    parseCurveHistory(csvRows(csvText)),
    serialFromIso(WINDOW_FROM),
    serialFromIso(WINDOW_TO)
  );
  return estimateCovariance(history, {
    keysMonths: DEFAULT_KEYS_MONTHS,
    periodsPerYear: DEFAULT_PERIODS_PER_YEAR,
  });
}
