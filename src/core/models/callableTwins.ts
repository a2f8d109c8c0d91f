/**
 * Lots of one security in a callable book: bonds whose route and grid terms are the same number
 * for number are priced once (CallableBook.twin). Found by a hash of the terms, then confirmed
 * term by term, so a book of 15,000 lots converts no number to text.
 */
import type { CallableRoute } from "./callableBook";
import { CallableGrid } from "./callableGrid";

/**
 * Each bond's first twin (CallableBook.twin): bonds with the same route and, on the grid, the
 * same last step, flows (step, time, amount), exercises (step, time, strike), accrued and
 * make-whole flag, compared exactly. Bonds not laid on the grid are their own.
 */
export function twins(grid: CallableGrid, route: readonly CallableRoute[]): Int32Array {
  const twin = new Int32Array(grid.count);
  // Bonds by a hash of their terms; a twin is then confirmed term by term.
  const byHash = new Map<number, number[]>();
  for (let b = 0; b < grid.count; b++) {
    twin[b] = b;
    if (!(grid.lastStep[b] > 0)) continue;
    const h = termsHash(grid, route, b);
    const seen = byHash.get(h);
    const t = seen?.find((c) => sameTerms(grid, route, b, c));
    if (t !== undefined) twin[b] = t;
    else if (seen) seen.push(b);
    else byHash.set(h, [b]);
  }
  return twin;
}

/** The numbers of bond b's grid terms, each array as a run (flows, then exercises). */
function termArrays(grid: CallableGrid, b: number): [ArrayLike<number>, number, number][] {
  const [f0, f1] = [grid.flowStart[b], grid.flowStart[b + 1]];
  const [e0, e1] = [grid.exStart[b], grid.exStart[b + 1]];
  return [
    [grid.lastStep, b, b + 1],
    [grid.makeWhole, b, b + 1],
    [grid.accrued, b, b + 1],
    [grid.flowStep, f0, f1],
    [grid.flowTau, f0, f1],
    [grid.flowAmount, f0, f1],
    [grid.flowTime, f0, f1],
    [grid.exStep, e0, e1],
    [grid.exTau, e0, e1],
    [grid.exStrike, e0, e1],
  ];
}

const hashBits = new Float64Array(1);
const hashWords = new Uint32Array(hashBits.buffer);

/** A 32-bit hash of bond b's route and grid terms (0 and −0 alike, every NaN alike). */
function termsHash(grid: CallableGrid, route: readonly CallableRoute[], b: number): number {
  let h = route[b].length;
  for (const [a, from, to] of termArrays(grid, b)) {
    h = Math.imul(h ^ (to - from), 0x9e3779b1);
    for (let i = from; i < to; i++) {
      const v = a[i];
      hashBits[0] = v === 0 || v !== v ? (v === 0 ? 0 : NaN) : v;
      h = Math.imul(h ^ hashWords[0], 0x85ebca6b);
      h = Math.imul(h ^ hashWords[1], 0xc2b2ae35);
    }
  }
  return h;
}

/** Whether bonds b and c have the same route and grid terms (numbers equal, or both NaN). */
function sameTerms(
  grid: CallableGrid,
  route: readonly CallableRoute[],
  b: number,
  c: number
): boolean {
  if (route[b] !== route[c]) return false;
  const tb = termArrays(grid, b);
  const tc = termArrays(grid, c);
  for (let k = 0; k < tb.length; k++) {
    const [a, from, to] = tb[k];
    const [, cFrom, cTo] = tc[k];
    if (to - from !== cTo - cFrom) return false;
    for (let i = 0; i < to - from; i++) {
      const x = a[from + i];
      const y = a[cFrom + i];
      if (x !== y && !(x !== x && y !== y)) return false;
    }
  }
  return true;
}
