/**
 * Maturity buckets of a holding, PORT's usual edges: 0–1, 1–3, 3–5, 5–7, 7–10, 10–20 and 20+
 * years to maturity from settlement.
 *
 * Convention: calendar years (Excel's EDATE), half-open intervals [a, b). A bond maturing on
 * EDATE(settlement, 12·a) or later and before EDATE(settlement, 12·b) is in bucket "a–b": a bond
 * maturing exactly one year after settlement (same day and month) is in "1–3", one maturing the
 * day before is in "0–1"; exactly 20 years is "20+". A maturity on or before settlement (matured)
 * falls in no bucket.
 */
import { addMonths, serialFromYmd, ymdFromSerial } from "../dates";

export interface MaturityBucket {
  /** "0–1", "1–3", …, "20+" (en dash). */
  readonly label: string;
  /** Lower edge, years (inclusive). */
  readonly from: number;
  /** Upper edge, years (exclusive); Infinity for the last bucket. */
  readonly to: number;
}

/** The buckets, shortest first. */
export const MATURITY_BUCKETS: readonly MaturityBucket[] = [
  [0, 1],
  [1, 3],
  [3, 5],
  [5, 7],
  [7, 10],
  [10, 20],
  [20, Infinity],
].map(([from, to]) => ({ from, to, label: Number.isFinite(to) ? `${from}–${to}` : `${from}+` }));

/**
 * A function giving the bucket of a maturity (Excel serial) at `settlement` (Excel serial), or
 * undefined when the bond has matured. The edges are computed once per settlement.
 */
export function maturityBucketer(
  settlement: number
): (maturity: number) => MaturityBucket | undefined {
  const start = ymdFromSerial(settlement);
  const edges = MATURITY_BUCKETS.map((b) => {
    const ymd = addMonths(start, 12 * b.from);
    return b.from === 0 ? settlement : serialFromYmd(ymd.y, ymd.m, ymd.d);
  });
  return (maturity) => {
    if (!(maturity > settlement)) return undefined;
    for (let k = edges.length - 1; k >= 0; k--)
      if (maturity >= edges[k]) return MATURITY_BUCKETS[k];
    return undefined;
  };
}

/** The bucket label of one maturity at a settlement (see {@link maturityBucketer}). */
export function maturityBucket(settlement: number, maturity: number): string | undefined {
  return maturityBucketer(settlement)(maturity)?.label;
}
