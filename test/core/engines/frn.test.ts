/**
 * The floating-rate and fixed-to-float engines against QuantLib 1.29 (fixture generator beside
 * test/fixtures/quantlib/frn-risk.json): dirty price at a discount margin, the margin calibrated
 * back from the price, rate duration (both curves shifted ±1 bp, margin held) and spread duration
 * (margin ±1 bp). Then the ladder's figures: rate duration about the time to the next reset,
 * spread duration to maturity.
 */
import * as fs from "fs";
import * as path from "path";
import { holdingRecord } from "../../../src/core/holdings";
import { packHoldings } from "../../../src/core/holdings/pack";
import type { HoldingRecord } from "../../../src/core/holdings/types";
import { baseCurve, makeMarket } from "../../../src/core/market/market";
import { engineFor } from "../../../src/core/engines/registry";
import { FloatingBook } from "../../../src/core/engines/floatingBook";
import { ladderRisk } from "../../../src/core/risk/ladder";
import { holdingCurveExposure } from "../../../src/core/portfolio/curveExposure";

interface Note {
  curve: number;
  kind: "ibor" | "daily" | "ftf";
  single: boolean;
  maturity: number;
  coupon: number;
  margin: number;
  dm: number;
  frequency: number;
  reset: number;
  floatDate?: number;
  accrued: number;
  dirty: number;
  dirtyRateDown: number;
  dirtyRateUp: number;
  dirtySpreadDown: number;
  dirtySpreadUp: number;
}
const FIXTURE = JSON.parse(
  fs.readFileSync(path.join(__dirname, "../../fixtures/quantlib/frn-risk.json"), "utf8")
) as {
  settlement: number;
  months: number[];
  curves: { treasury: number[]; sofr: number[] }[];
  notes: Note[];
};
const S = FIXTURE.settlement;

function record(n: Note, price = NaN): HoldingRecord {
  return holdingRecord({
    id: "N",
    sector: "corporate",
    type: n.kind === "ftf" ? "fixed-to-float" : "frn",
    coupon: n.coupon,
    maturity: n.maturity,
    price,
    frequency: n.frequency,
    basis: 0,
    floatDate: n.floatDate ?? NaN,
    spread: n.margin,
    discountMargin: n.dm,
    resetFrequency: n.reset,
    index: "SOFR",
  });
}

function marketOf(n: Note) {
  const c = FIXTURE.curves[n.curve];
  return makeMarket({
    settlement: S,
    curve: { kind: "zero_cont", months: FIXTURE.months, rates: c.treasury },
    swapCurve: n.single ? undefined : { kind: "zero_cont", months: FIXTURE.months, rates: c.sofr },
    shiftOn: "zero",
  });
}

/** The note's book: at its discount margin (no price), or calibrated to `clean`. */
function bookOf(n: Note, clean = NaN): FloatingBook {
  const h = packHoldings([record(n, clean)]);
  const engine = engineFor(h.type[0])!;
  return engine.calibrate(marketOf(n), h, Float64Array.of(clean), () => true) as FloatingBook;
}

const TOL = { ibor: 1e-9, ftf: 1e-9, daily: 1e-9 };
const DUR_TOL = { ibor: 1e-7, ftf: 1e-7, daily: 1e-7 };

describe("FRN and fixed-to-float engines against QuantLib 1.29", () => {
  it.each(FIXTURE.notes.map((n, k) => [k, n.kind, n] as const))(
    "note %i (%s): price at the margin, margin from the price, rate and spread durations",
    (_k, kind, n) => {
      const b = bookOf(n);
      expect(Math.abs(b.accrued[0] - n.accrued)).toBeLessThan(TOL[kind]);
      expect(Math.abs(b.dirty[0] - n.dirty)).toBeLessThan(TOL[kind]);
      const back = bookOf(n, n.dirty - n.accrued);
      expect(Math.abs(back.spread[0] - n.dm)).toBeLessThan(TOL[kind] / 100 + 1e-12);
      const base = baseCurve(marketOf(n));
      const down = b.price(base.parallel(-1))[0];
      const up = b.price(base.parallel(1))[0];
      const dur = (down - up) / (2e-4 * b.dirty[0]);
      const qlDur = (n.dirtyRateDown - n.dirtyRateUp) / (2e-4 * n.dirty);
      expect(Math.abs(dur - qlDur)).toBeLessThan(DUR_TOL[kind]);
      const sd = b.price(base, Float64Array.of(-1e-4))[0] - b.price(base, Float64Array.of(1e-4))[0];
      const qlSd = n.dirtySpreadDown - n.dirtySpreadUp;
      expect(Math.abs(sd / (2e-4 * b.dirty[0]) - qlSd / (2e-4 * n.dirty))).toBeLessThan(
        DUR_TOL[kind]
      );
    }
  );
});

describe("FRN figures on the ladder", () => {
  const ibor = FIXTURE.notes.filter((n) => n.kind === "ibor" && n.maturity - S > 3 * 365);
  it("rate duration about the time to the next reset, spread duration to maturity", () => {
    for (const q of ibor) {
      // Priced at its quoted margin, projected on the discount curve (near par): neither the
      // margin's annuity nor a SOFR basis adds rate duration.
      const n = { ...q, dm: q.margin, single: true };
      const market = marketOf(n);
      const b = bookOf(n);
      const r = ladderRisk(b, market);
      const years = (n.maturity - S) / 365;
      expect(r.effDuration[0]).toBeGreaterThan(0);
      // The current coupon's gap to the forward and the simple margin against the continuous
      // discount margin leave a small annuity: measured up to 0.05 years past the next reset.
      expect(r.effDuration[0]).toBeLessThan(b.nextReset[0] + 0.1);
      expect(r.spreadDuration[0]).toBeGreaterThan(0.6 * years);
      expect(Math.abs(r.krdGap[0])).toBeLessThan(1e-4);
    }
  });

  it("enters the totals with its method named", () => {
    const n = ibor[0];
    const h = packHoldings([record(n, 100), { ...record(FIXTURE.notes[3], 99), id: "F" }]);
    const x = holdingCurveExposure(h, marketOf(n));
    expect(x.excluded).toEqual([null, null]);
    expect(x.method[0]).toMatch(/floating-rate note.*next reset/);
    expect(x.method[1]).toMatch(/fixed-to-float.*no call given: priced as non-callable/);
    expect(x.risk.effDuration[0]).toBeLessThan(0.6);
  });
});
