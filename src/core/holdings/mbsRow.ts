/**
 * The pool columns of an mbs holdings row: program (UMBS 30Y when blank), WAC, WAM (or from the
 * maturity), WALA (or the program's term − WAM), factor (1 when blank), pool id, and an optional
 * fixed speed ("150 PSA", "8 CPR"; a number in a column headed PSA is a PSA speed, in one headed
 * CPR a CPR). Without a maturity the pool matures on the payment date of its last month.
 */
import { ymdFromSerial } from "../dates";
import { MbsTerms } from "../mbs/terms";
import { parseProgram, paymentDate, PROGRAMS } from "../mbs/program";
import { FixedSpeed, parseSpeedText } from "../mbs/staticCashFlows";
import { cellNumber, cellText } from "./cells";
import { normalizeHeader } from "./columns";
import type { Cells, RowContext } from "./readRow";

export const MBS_EXPECTED = {
  program: "a program: UMBS 30Y, UMBS 15Y or GNMA II 30Y (blank: UMBS 30Y)",
  wac: "a WAC: the pool's gross weighted-average coupon (decimal 0.0625, or 6.25 in a percent column), at least the coupon",
  wam: "a WAM: whole months left, 1 to 480 (or a maturity date)",
  wala: "a WALA: the loan age in whole months, 0 or more",
  factor: "a factor: current face ÷ original face, above 0 and at most 1",
  speed: 'a speed such as "150 PSA" or "8 CPR" (blank: the prepayment model)',
};

/** Months from settlement to maturity, rounded (a pool's remaining term). */
function monthsTo(settlement: number, maturity: number): number {
  const a = ymdFromSerial(settlement);
  const b = ymdFromSerial(maturity);
  return (b.y - a.y) * 12 + (b.m - a.m) - (b.d < a.d ? 1 : 0);
}

/** The row's speed cell as a fixed speed; undefined when blank, null (reported) when unreadable. */
function speedOf(x: Cells, c: RowContext): FixedSpeed | undefined | null {
  const v = x.get("prepay_speed");
  if (v === null) return undefined;
  const header = normalizeHeader(c.mapping.prepay_speed?.header ?? "");
  const n = cellNumber(v);
  try {
    if (n !== undefined && header.startsWith("psa")) return parseSpeedText(`${n} PSA`);
    if (n !== undefined && header.startsWith("cpr")) return parseSpeedText(`${n} CPR`);
    return parseSpeedText(cellText(v));
  } catch {
    x.report("prepay_speed", MBS_EXPECTED.speed);
    return null;
  }
}

/**
 * Reads the pool terms of an mbs row (problems reported on `x`); the maturity is the one given
 * or, when blank, the last payment date. Undefined when a term is unreadable.
 */
export function readMbsTerms(
  x: Cells,
  c: RowContext,
  coupon: number | undefined,
  maturity: number | undefined
): { terms: MbsTerms; maturity: number } | undefined {
  let program: MbsTerms["program"] | undefined;
  try {
    program = parseProgram(x.get("program") ?? undefined);
  } catch {
    x.report("program", MBS_EXPECTED.program);
  }
  const wac = x.number("wac", MBS_EXPECTED.wac, true);
  if (wac !== undefined && !(wac > 0 && wac < 0.3 && (coupon === undefined || wac >= coupon)))
    x.report("wac", MBS_EXPECTED.wac);
  let wam = x.number("wam", MBS_EXPECTED.wam);
  if (wam !== undefined && Number.isNaN(wam) && maturity !== undefined && !Number.isNaN(maturity))
    wam = monthsTo(c.settlement, maturity);
  if (wam !== undefined && !(Number.isInteger(wam) && wam >= 1 && wam <= 480))
    x.report(c.mapping.wam ? "wam" : "maturity", MBS_EXPECTED.wam);
  let wala = x.number("wala", MBS_EXPECTED.wala);
  if (wala !== undefined && Number.isNaN(wala) && program && wam !== undefined)
    wala = Math.max(0, PROGRAMS[program].termMonths - wam);
  if (wala !== undefined && !(Number.isInteger(wala) && wala >= 0 && wala <= 480))
    x.report("wala", MBS_EXPECTED.wala);
  let factor = x.number("factor", MBS_EXPECTED.factor);
  if (factor !== undefined && Number.isNaN(factor)) factor = 1;
  if (factor !== undefined && !(factor > 0 && factor <= 1)) x.report("factor", MBS_EXPECTED.factor);
  const speed = speedOf(x, c);
  if (
    program === undefined ||
    wac === undefined ||
    wam === undefined ||
    wala === undefined ||
    factor === undefined ||
    speed === null ||
    x.problems().length
  )
    return undefined;
  const terms: MbsTerms = {
    program,
    wac,
    wam,
    wala,
    factor,
    pool: cellText(x.get("pool")),
    ...(speed ? { speed } : {}),
  };
  const mat =
    maturity !== undefined && !Number.isNaN(maturity)
      ? maturity
      : paymentDate(c.settlement, wam, PROGRAMS[program].payDay);
  return { terms, maturity: mat };
}

/** True when the par column holds original face (its header says so): par × factor is current. */
export function parIsOriginalFace(c: RowContext): boolean {
  return /orig/i.test(c.mapping.par?.header ?? "");
}
