/**
 * Yield to worst against Gnumeric's YIELD (fixture generator beside
 * test/fixtures/gnumeric/ytw-cases.json): the workouts drawn up independently there, each leg
 * Gnumeric's YIELD at the call price as redemption; the function over a column of bonds.
 */
import * as fs from "fs";
import * as path from "path";
import { allocateTerms } from "../../../src/core/bond";
import { workouts, yieldToWorst } from "../../../src/core/bond/yieldToWorst";
import { parseCallScheduleText } from "../../../src/core/instruments/callScheduleText";
import type { Frequency } from "../../../src/core/bond";
import { yieldToWorstFn } from "../../../src/functions/impl/yieldToWorstFunction";
import { yieldFn } from "../../../src/functions/impl/bondFunctions";

interface Case {
  settlement: number;
  maturity: number;
  coupon: number;
  price: number;
  frequency: number;
  basis: number;
  calls: string;
  legs: { date: number; price: number; yield: number }[];
  ytw: number;
}
const { cases } = JSON.parse(
  fs.readFileSync(path.join(__dirname, "../../fixtures/gnumeric/ytw-cases.json"), "utf8")
) as { cases: Case[] };

/** Gnumeric computes in long double and YIELD solves to its own tolerance: 1e-9 in the yield. */
const TOL = 1e-9;

describe("yield to worst against Gnumeric's YIELD", () => {
  it("finds the same workouts and each leg's yield", () => {
    for (const c of cases) {
      const s = parseCallScheduleText(c.calls);
      const w = workouts(c.settlement, c.maturity, c.frequency as Frequency, s);
      expect(w).toEqual(c.legs.map(({ date, price }) => ({ date, price })));
    }
  });

  it("gives the lowest leg's yield, the whole column in one call", () => {
    const terms = allocateTerms(cases.length);
    cases.forEach((c, i) => {
      terms.settlement[i] = c.settlement;
      terms.maturity[i] = c.maturity;
      terms.rate[i] = c.coupon;
      terms.frequency[i] = c.frequency;
      terms.basis[i] = c.basis;
    });
    const r = yieldToWorst(
      terms,
      cases.map((c) => c.price),
      cases.map((c) => parseCallScheduleText(c.calls))
    );
    let worst = 0;
    cases.forEach((c, i) => {
      worst = Math.max(worst, Math.abs(r.yld[i] - c.ytw));
      const leg = c.legs.find((l) => l.yield === c.ytw)!;
      expect(r.date[i]).toBe(leg.date);
    });
    expect(worst).toBeLessThan(TOL);
  });

  it("works as a function over a column, text or date calls, with errors per row", () => {
    const col = <T>(xs: T[]) => xs.map((x) => [x]);
    const some = cases.slice(0, 6);
    const out = yieldToWorstFn(
      col(some.map((c) => c.settlement)),
      col(some.map((c) => c.maturity)),
      col(some.map((c) => c.coupon)),
      col(some.map((c) => c.price)),
      col(some.map((c) => c.frequency)),
      col([...some.slice(0, 5).map((c) => c.calls), "2026-01-01@1.02"]),
      col(some.map((c) => c.basis))
    );
    some
      .slice(0, 5)
      .forEach((c, i) => expect(Math.abs((out[i][0] as number) - c.ytw)).toBeLessThan(TOL));
    expect(out[5][0]).toBeInstanceOf(Error);
    // Not callable (an empty calls cell): the yield to maturity, as YIELD.
    const c = cases[0];
    const ytm = yieldFn(c.settlement, c.maturity, c.coupon, c.price, c.frequency, c.basis);
    const none = yieldToWorstFn(
      c.settlement,
      c.maturity,
      c.coupon,
      c.price,
      c.frequency,
      null,
      c.basis
    );
    expect(none[0][0]).toBe(ytm[0][0]);
    // One bond, its schedule as rows date, price, style.
    const rows = yieldToWorstFn(
      c.settlement,
      c.maturity,
      c.coupon,
      c.price,
      c.frequency,
      [[c.legs[1]?.date ?? c.maturity - 400, 100, "european"]],
      c.basis
    );
    expect(typeof rows[0][0]).toBe("number");
  });
});
