/**
 * Agency MBS programs and their payment calendar. A pool's cash flow for an accrual month (a
 * calendar month) is paid on a fixed day of the following month: the 25th for UMBS (Fannie Mae,
 * Freddie Mac), the 20th for Ginnie Mae II. Accrued interest runs from the 1st of the settlement
 * month, 30/360 (the coupon × (day − 1)/360).
 */
import { InvalidValueError } from "../errors";
import { serialFromYmd, ymdFromSerial } from "../dates";

export type MbsProgram = "UMBS30" | "UMBS15" | "GNMA2_30";

export interface ProgramTerms {
  /** In words, as printed. */
  readonly name: string;
  /** Original term, months. */
  readonly termMonths: number;
  /** Day of the month after the accrual month on which the month's cash flow is paid. */
  readonly payDay: number;
}

export const PROGRAMS: Readonly<Record<MbsProgram, ProgramTerms>> = {
  UMBS30: { name: "UMBS 30Y", termMonths: 360, payDay: 25 },
  UMBS15: { name: "UMBS 15Y", termMonths: 180, payDay: 25 },
  GNMA2_30: { name: "GNMA II 30Y", termMonths: 360, payDay: 20 },
};

/** The program when none is given. */
export const DEFAULT_MBS_PROGRAM: MbsProgram = "UMBS30";

/**
 * A program from text: "UMBS 30", "UMBS30Y", "FNMA 30", "FNCL", "FHLMC 15", "FNCI", "GNMA II",
 * "G2SF", "GN2 30"; blank: UMBS 30Y. Anything else is refused.
 */
export function parseProgram(value: unknown): MbsProgram {
  if (value === undefined || value === null || value === "") return DEFAULT_MBS_PROGRAM;
  const t = String(value)
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, "");
  if (/^(G2SF|GNMAII|GNMA2|GN2|GII)(30|30Y|30YR)?$/.test(t)) return "GNMA2_30";
  if (/^(FNCI|FGCI)$/.test(t) || /^(UMBS|FNMA|FN|FHLMC|FH|FG|FR)(15|15Y|15YR)$/.test(t))
    return "UMBS15";
  if (/^(FNCL|FGLMC|UMBS)$/.test(t) || /^(UMBS|FNMA|FN|FHLMC|FH|FG|FR)(30|30Y|30YR)$/.test(t))
    return "UMBS30";
  throw new InvalidValueError(
    `program: expected UMBS 30Y, UMBS 15Y or GNMA II 30Y; found ${JSON.stringify(String(value))}`,
    value,
    "program"
  );
}

/** Excel serial of the payment date of accrual month k (k = 1: the settlement month). */
export function paymentDate(settlement: number, k: number, payDay: number): number {
  const { y, m } = ymdFromSerial(settlement);
  const total = y * 12 + (m - 1) + k;
  return serialFromYmd(Math.floor(total / 12), (total % 12) + 1, payDay);
}

/** Payment times of months 1…n, ACT/365F years from settlement. */
export function paymentTimes(settlement: number, n: number, payDay: number): Float64Array {
  const out = new Float64Array(n);
  for (let k = 1; k <= n; k++) out[k - 1] = (paymentDate(settlement, k, payDay) - settlement) / 365;
  return out;
}

/** Calendar month (1–12) of accrual month k (k = 1: the settlement month). */
export function accrualMonth(settlement: number, k: number): number {
  return ((ymdFromSerial(settlement).m - 1 + k - 1) % 12) + 1;
}

/** Accrued interest per 100 of current face at settlement: 100 × coupon × (day − 1)/360. */
export function mbsAccrued(settlement: number, coupon: number): number {
  const d = Math.min(ymdFromSerial(settlement).d, 30);
  return (100 * coupon * (d - 1)) / 360;
}
