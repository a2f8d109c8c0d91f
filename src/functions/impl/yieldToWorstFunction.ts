/**
 * KEYRATE.YIELD_TO_WORST(settlement, maturity, coupon, price, frequency, calls, [basis]): the
 * lowest of Excel's YIELD to maturity and to each workout date at its call price
 * (core/bond/yieldToWorst.ts), decimal. A column of bonds gives a column of yields, one kernel
 * call for all their legs.
 *
 * `calls`: for one bond, a range of rows `date, price[, style]`, one date cell (callable at par,
 * American, from that date) or schedule text (`2029-06-01@102.438; 2031-06-01@100; bermudan`);
 * for a column of bonds, a column of dates or schedule texts, one per bond (an empty cell: not
 * callable), or one cell for all.
 */
import { KeyrateError } from "../../core/errors";
import { checkPrice } from "../../core/bond";
import { yieldToWorst } from "../../core/bond/yieldToWorst";
import type { CallSchedule } from "../../core/instruments/callSchedule";
import {
  callScheduleFromCell,
  callScheduleFromRows,
} from "../../core/instruments/callScheduleText";
import { Arg, asMatrix, guard, Result } from "./cells";
import { parseBondRange, toResult } from "./bondFunctions";

const NAMES = ["settlement", "maturity", "coupon", "price", "frequency", "basis", "unused"];

/** KEYRATE.YIELD_TO_WORST over ranges (see the module comment). */
export function yieldToWorstFn(...args: Arg[]): Result {
  const [settlement, maturity, coupon, price, frequency, calls, basis] = args;
  return guard(() => {
    const p = parseBondRange([settlement, maturity, coupon, price, frequency, basis], NAMES, (x) =>
      checkPrice(x)
    );
    const count = p.rows * p.cols;
    const m = asMatrix(calls);
    const schedules: (CallSchedule | null)[] = new Array(count).fill(null);
    const cellOf = (i: number): unknown => {
      if (!m) return null;
      if (m.length === 1 && m[0].length === 1) return m[0][0];
      const r = Math.floor(i / p.cols);
      const c = i % p.cols;
      return m[r]?.[c] ?? null;
    };
    if (m && count === 1 && (m.length > 1 || m[0].length > 1)) {
      // One bond: the range is its schedule, rows date, price[, style].
      try {
        schedules[0] = callScheduleFromRows(m);
      } catch (e) {
        if (!(e instanceof KeyrateError)) throw e;
        p.errors[0] ??= e;
      }
    } else {
      for (let i = 0; i < count; i++) {
        try {
          schedules[i] = callScheduleFromCell(cellOf(i));
        } catch (e) {
          if (!(e instanceof KeyrateError)) throw e;
          p.errors[i] ??= e;
        }
      }
    }
    const w = yieldToWorst(p.terms, p.quote, schedules);
    return toResult(p, (i) => w.yld[i], "yield to worst");
  });
}
