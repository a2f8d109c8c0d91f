/**
 * The bundled default curve: the US Treasury daily par yield curve of 2024-12-31 (U.S. Department
 * of the Treasury, "Daily Treasury Par Yield Curve Rates"; the row of that date in
 * shared/data/ust_par_yield_curve_1990_2024.csv, percent converted to decimals). Used when the
 * user selects no curve, always with a warning that names its age.
 */
import { isoFromSerial, serialFromYmd } from "../dates";
import { CurveSpec } from "./curveSpec";

export const DEFAULT_CURVE_AS_OF = serialFromYmd(2024, 12, 31);
export const DEFAULT_CURVE_SOURCE = "US Treasury daily par yield curve, 2024-12-31";

export const DEFAULT_CURVE: CurveSpec = {
  kind: "par",
  months: [1, 2, 3, 4, 6, 12, 24, 36, 60, 84, 120, 240, 360],
  rates: [
    0.044, 0.0439, 0.0437, 0.0432, 0.0424, 0.0416, 0.0425, 0.0427, 0.0438, 0.0448, 0.0458, 0.0486,
    0.0478,
  ],
};

/** The warning shown whenever the default curve is used: its source and how old it is. */
export function defaultCurveWarning(settlement: number): string {
  const days = settlement - DEFAULT_CURVE_AS_OF;
  return `No curve selected: using the bundled ${DEFAULT_CURVE_SOURCE}, ${days} days before settlement ${isoFromSerial(settlement)}. Select a current curve for real use.`;
}
