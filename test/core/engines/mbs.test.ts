/**
 * MBS in the totals: holdings rows of type mbs with their pool columns are read, priced by the MBS
 * engine (registered for "mbs") and enter the curve exposure with the engine's method named;
 * a vendor OAD column is reconciled at MBS_OAD_TOLERANCE. Runs at σ = 0 (one deterministic
 * path) to stay fast; the Monte Carlo itself is tested in test/core/mbs. The flows' cache by the
 * curve's content: a curve rebuilt alike reuses them, any other content does not, and what is kept
 * stays within its budget.
 */
import { MBS_OAD_TOLERANCE } from "../../../src/core/conventions";
import { DEFAULT_CURVE } from "../../../src/core/curve/defaultCurve";
import { ZeroCurve } from "../../../src/core/curve/zeroCurve";
import { serialFromYmd } from "../../../src/core/dates";
import { cachedFlows, FLOW_NUMBERS_KEPT } from "../../../src/core/engines/mbs";
import { engineFor } from "../../../src/core/engines/registry";
import { readHoldings } from "../../../src/core/holdings";
import { baseCurve, makeMarket } from "../../../src/core/market/market";
import { MODEL_LABEL, PREPAY_V1 } from "../../../src/core/mbs/prepayParams";
import { MbsCohort, mbsModel } from "../../../src/core/mbs/valuation";
import { hullWhiteParams } from "../../../src/core/models/hullWhite";
import { holdingCurveExposure, reconcile } from "../../../src/core/portfolio/curveExposure";

const SETTLE = serialFromYmd(2025, 1, 15);
const HEADER = [
  "ID",
  "Type",
  "Original Face",
  "Coupon (%)",
  "Maturity",
  "Price",
  "WAC (%)",
  "WAM",
  "WALA",
  "Factor",
  "Program",
  "Pool",
  "Speed",
  "OAD",
];
const ROWS = [
  ["FN MA5000", "MBS", 2_000_000, 5.5, "", 98.5, 6.25, 350, 10, 0.5, "UMBS 30", "MA5000", "", 5.2],
  ["G2 MA9000", "mbs", 1_000_000, 6, "", 100.5, 6.6, 355, 5, 1, "GNMA II", "", "200 PSA", 1.0],
  [
    "UST 2030",
    "bullet",
    1_000_000,
    4.25,
    serialFromYmd(2030, 5, 15),
    99.5,
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
  ],
];

describe("MBS engine in the totals", () => {
  const read = readHoldings([HEADER, ...ROWS], { settlement: SETTLE, sheet: "Holdings" });
  const h = read.holdings;
  const market = makeMarket({
    settlement: SETTLE,
    curve: DEFAULT_CURVE,
    hullWhite: hullWhiteParams(0),
  });
  const x = holdingCurveExposure(h, market);

  it("reads the pool columns (original face × factor, WAC in percent, program, speed)", () => {
    expect(read.problems).toEqual([]);
    expect(h.count).toBe(3);
    expect(h.par[0]).toBe(1_000_000);
    expect(h.mbs?.[0]).toEqual({
      program: "UMBS30",
      wac: 0.0625,
      wam: 350,
      wala: 10,
      factor: 0.5,
      pool: "MA5000",
    });
    expect(h.mbs?.[1]?.program).toBe("GNMA2_30");
    expect(h.mbs?.[1]?.speed).toEqual({ kind: "PSA", value: 200 });
    expect(h.mbs?.[2]).toBeNull();
    // Without a maturity: the payment date of the last month (UMBS: the 25th).
    expect(h.maturity[0]).toBe(serialFromYmd(2054, 3, 25));
  });

  it("prices them with the MBS engine and keeps them in the totals, method named", () => {
    expect(engineFor("mbs")?.name).toBe("agency MBS pass-through");
    expect(x.excluded).toEqual([null, null, null]);
    expect(x.method[0]).toContain(MODEL_LABEL);
    // Market value: current face × (clean + accrued 30/360 from the 1st) / 100.
    expect(x.marketValue[0]).toBeCloseTo((1e6 * (98.5 + (100 * 0.055 * 14) / 360)) / 100, 6);
    for (const i of [0, 1]) {
      expect(x.risk.effDuration[i]).toBeGreaterThan(1);
      expect(x.risk.effDuration[i]).toBeLessThan(10);
      const sum = Array.from(x.risk.krd.slice(i * 10, i * 10 + 10)).reduce((a, b) => a + b, 0);
      expect(Math.abs(sum - x.risk.effDuration[i])).toBeLessThan(0.01);
    }
  });

  it("flags a vendor OAD beyond the MBS tolerance, not one within it", () => {
    const rows = reconcile(h, x).filter((r) => r.field === "duration");
    const first = rows.find((r) => r.index === 0)!;
    const second = rows.find((r) => r.index === 1)!;
    expect(Math.abs(first.difference) < MBS_OAD_TOLERANCE).toBe(!first.flagged);
    expect(second.flagged).toBe(true);
  });
});

describe("MBS flows cached by the curve's content", () => {
  const curve = baseCurve(makeMarket({ settlement: SETTLE, curve: DEFAULT_CURVE }));
  const model = mbsModel(hullWhiteParams(), 8, 11);
  const pool: MbsCohort = { program: "UMBS30", coupon: 0.055, wac: 0.0625, wam: 340, wala: 20 };
  /** The same content as `c`, a new object (rates optionally moved at one node). */
  const rebuilt = (c: ZeroCurve, node = -1, by = 0) =>
    new ZeroCurve(
      c.settlement,
      c.times.slice(),
      c.zeros.map((z, i) => (i === node ? z + by : z)),
      c.interpolation,
      c.shifts
    );

  it("a curve built again with the same content reuses the flows; another content does not", () => {
    const first = cachedFlows(curve, pool, model);
    expect(cachedFlows(rebuilt(curve), pool, model)).toBe(first);
    const moved = cachedFlows(rebuilt(curve, 3, 1e-12), pool, model);
    expect(moved).not.toBe(first);
    expect(moved.pv).not.toEqual(first.pv);
    const shifted = cachedFlows(curve.parallel(1), pool, model);
    expect(shifted).not.toBe(first);
    expect(cachedFlows(curve.parallel(1), pool, model)).toBe(shifted);
    // Another model on the same curve is simulated afresh: another seed, another prepayment model.
    expect(cachedFlows(rebuilt(curve), pool, mbsModel(hullWhiteParams(), 8, 12))).not.toBe(first);
    const prepay = { ...PREPAY_V1, refiMaxCpr: PREPAY_V1.refiMaxCpr / 2 };
    const slower = cachedFlows(rebuilt(curve), pool, mbsModel(hullWhiteParams(), 8, 11, prepay));
    expect(slower).not.toBe(first);
    expect(slower.cprLife).toBeLessThan(first.cprLife);
  });

  it(`keeps at most ${FLOW_NUMBERS_KEPT.toLocaleString("en-US")} numbers of flows, the least recently used going first`, () => {
    const tiny = mbsModel(hullWhiteParams(), 2, 5);
    // Each curve with 20 cohorts' flows (2 × 340 numbers each): enough curves for the budget.
    const cohorts = Array.from({ length: 20 }, (_, i) => ({ ...pool, wala: pool.wala + i }));
    const oldest = rebuilt(curve, 0, 1e-9);
    const kept = cachedFlows(oldest, pool, tiny);
    const many = Math.ceil(FLOW_NUMBERS_KEPT / (2 * pool.wam * cohorts.length)) + 1;
    let last = oldest;
    for (let i = 1; i <= many; i++) {
      last = rebuilt(curve, 0, 1e-9 * (i + 1));
      for (const c of cohorts) cachedFlows(last, c, tiny);
    }
    expect(cachedFlows(rebuilt(last), pool, tiny)).toBe(cachedFlows(last, pool, tiny));
    expect(cachedFlows(rebuilt(oldest), pool, tiny)).not.toBe(kept);
    expect(cachedFlows(rebuilt(oldest), pool, tiny).pv).toEqual(kept.pv);
  });
});
