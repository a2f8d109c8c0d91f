/** Curve histories, the bundled episodes recomputed from the Treasury file, and replays applied. */
import { makeMarket } from "../../../src/core/market/market";
import { shockedCurve, ShiftProfile } from "../../../src/core/market/shock";
import { CurveSpec as Spec } from "../../../src/core/curve";
import { parYieldOf, parseCurveHistory, parseHistoryDate } from "../../../src/core/curve";
import { serialFromIso } from "../../../src/core/dates";
import {
  EPISODES,
  historyChange,
  episodeScenarios,
  profileAtTenors,
  scenarioProfile,
} from "../../../src/core/scenarios";
import { sharedData } from "../curve/shared";
import { SETTLE } from "./fixtures";

/** SPEC S7's table: 2Y, 5Y, 10Y, 30Y changes in bp (rounded there, exact integers here). */
const SPEC_S7: Record<string, [number, number, number, number]> = {
  taper_tantrum: [26, 101, 104, 74],
  hiking_2022: [368, 273, 236, 207],
  covid_rally: [-104, -95, -102, -102],
  dash_for_cash: [16, 33, 64, 78],
  crisis_2008: [-183, -185, -144, -147],
  rout_1994: [325, 316, 286, 238],
};

describe("curve history", () => {
  const range = [
    ["Date", "1 Mo", "2 Yr", "10 Yr", "30 Yr"],
    ["1/3/24", 5.5, 4.33, 3.91, ""],
    ["2024-01-04", "5.49", 4.38, 3.99, 4.15],
  ];

  it("reads the Treasury's layout, detects percent and says so", () => {
    const h = parseCurveHistory(range);
    expect(h.unit).toBe("percent");
    expect(h.months).toEqual([1, 24, 120, 360]);
    expect(Array.from(h.dates)).toEqual([serialFromIso("2024-01-03"), serialFromIso("2024-01-04")]);
    expect(h.yields[0][1]).toBeCloseTo(0.0433, 15);
    expect(Number.isNaN(h.yields[0][3])).toBe(true);
  });

  it("reads decimals when no value exceeds 1, unless told", () => {
    const dec = range.map((r, i) =>
      i === 0 ? r : r.map((v, k) => (k && v !== "" ? Number(v) / 100 : v))
    );
    expect(parseCurveHistory(dec).unit).toBe("decimal");
    expect(parseCurveHistory(dec, "percent").yields[0][1]).toBeCloseTo(0.000433, 15);
  });

  it("keeps only tenors quoted on both dates and lists the missing ones", () => {
    const h = parseCurveHistory(range);
    const c = historyChange(h, serialFromIso("2024-01-03")!, serialFromIso("2024-01-04")!);
    expect(c.months).toEqual([1, 24, 120]);
    expect(c.bp).toEqual([-1, 5, 8]);
    expect(c.missing).toEqual([360]);
  });

  it("reports a missing date and bad cells", () => {
    const h = parseCurveHistory(range);
    expect(() => historyChange(h, serialFromIso("2024-01-05")!, h.dates[0])).toThrow(
      /no row for 2024-01-05/
    );
    expect(() =>
      parseCurveHistory([
        ["Date", "2 Yr"],
        ["x", 1],
      ])
    ).toThrow(/row 2: date "x"/);
    expect(() =>
      parseCurveHistory([
        ["Date", "2 Yr"],
        ["1/3/24", "abc"],
      ])
    ).toThrow(/row 2, column 2/);
  });

  it("reads two-digit years 00–49 as 20xx and 50–99 as 19xx", () => {
    expect(parseHistoryDate("1/2/90")).toBe(serialFromIso("1990-01-02"));
    expect(parseHistoryDate("12/31/24")).toBe(serialFromIso("2024-12-31"));
  });
});

describe("bundled episodes", () => {
  it("match SPEC S7's table at 2Y, 5Y, 10Y and 30Y, to the bp", () => {
    for (const e of EPISODES) {
      const at = (m: number) => e.bp[e.months.indexOf(m)];
      expect([at(24), at(60), at(120), at(360)]).toEqual(SPEC_S7[e.id]);
    }
  });

  it("are recomputed exactly from the Treasury file (skipped without it; required under CI)", () => {
    const text = sharedData("ust_par_yield_curve_1990_2024.csv");
    if (text === undefined) return;
    const rows = text
      .split(/\r?\n/)
      .filter((l) => l.trim())
      .map((l) => l.split(","));
    const h = parseCurveHistory(rows);
    expect(h.unit).toBe("percent");
    for (const e of EPISODES) {
      const c = historyChange(h, serialFromIso(e.from)!, serialFromIso(e.to)!);
      expect({ id: e.id, months: c.months, bp: c.bp, missing: c.missing }).toEqual({
        id: e.id,
        months: [...e.months],
        bp: [...e.bp],
        missing: [...e.missing],
      });
    }
  });

  it("the taper-tantrum replay moves today's par yields by exactly the episode's changes", () => {
    const taper = episodeScenarios().find((s) => s.name === "Taper tantrum")!;
    const e = EPISODES.find((x) => x.id === "taper_tantrum")!;
    // Today's curve on the episode's tenors (2Y 5Y 10Y 30Y and others), par yields 4%.
    const spec = {
      kind: "par" as const,
      months: [24, 60, 120, 360],
      rates: [0.04, 0.041, 0.042, 0.043],
    };
    const profile = scenarioProfile(taper, SETTLE);
    const bumps = profileAtTenors(profile, SETTLE, spec.months);
    expect(bumps).toEqual(spec.months.map((m) => e.bp[e.months.indexOf(m)]));
    expect(bumps).toEqual(SPEC_S7.taper_tantrum);
    const curve = profileCurve(spec, profile);
    spec.months.forEach((m, i) => {
      const moved = (parYieldOf(curve, m) - spec.rates[i]) * 1e4;
      expect(Math.abs(moved - SPEC_S7.taper_tantrum[i])).toBeLessThan(1e-8);
    });
  });
});

/** The curve moved by a profile (market/shock.ts), at SETTLE, linear in zero rates. */
function profileCurve(spec: Spec, profile: ShiftProfile) {
  return shockedCurve(makeMarket({ settlement: SETTLE, curve: spec }), {
    kind: "profile",
    profile,
  });
}
