/**
 * MBS in the totals: holdings rows of type mbs with their pool columns are read, priced by the MBS
 * engine (registered for "mbs") and enter the curve exposure with the engine's method named;
 * a vendor OAD column is reconciled at MBS_OAD_TOLERANCE. Runs at σ = 0 (one deterministic
 * path) to stay fast; the Monte Carlo itself is tested in test/core/mbs.
 */
import { MBS_OAD_TOLERANCE } from "../../../src/core/conventions";
import { DEFAULT_CURVE } from "../../../src/core/curve/defaultCurve";
import { serialFromYmd } from "../../../src/core/dates";
import { engineFor } from "../../../src/core/engines/registry";
import { readHoldings } from "../../../src/core/holdings";
import { makeMarket } from "../../../src/core/market/market";
import { MODEL_LABEL } from "../../../src/core/mbs/prepayParams";
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
