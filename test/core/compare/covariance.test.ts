/**
 * Covariance of key-rate changes: against a direct computation (numpy.cov's formula written out
 * here) on a small history, pairwise-complete observations, interpolated keys, EWMA, unit and date
 * detection; and the bundled matrix recomputed from the Treasury CSV (skipped when the file is
 * absent, failing under CI=true). Tolerances: relative 1e-12.
 */
import { existsSync, readFileSync } from "fs";
import {
  BUNDLED_COVARIANCE,
  BUNDLED_COVARIANCE_INFO,
} from "../../../src/core/compare/bundledCovariance";
import { estimateCovariance } from "../../../src/core/compare/covariance";
import {
  historyWindow,
  parseCurveHistory,
  parseHistoryDate,
} from "../../../src/core/curve/curveHistory";
import { serialFromIso } from "../../../src/core/dates";
import {
  bundledEstimate,
  csvRows,
  SOURCE,
  WINDOW_FROM,
  WINDOW_TO,
} from "../../../scripts/covarianceSource";

const close = (a: number, b: number, rel = 1e-12) =>
  expect(Math.abs(a - b)).toBeLessThanOrEqual(rel * Math.max(Math.abs(a), Math.abs(b), 1e-300));

/** Sample covariance with n − 1 (numpy.cov), of two equal-length series. */
function sampleCov(x: number[], y: number[]): number {
  const n = x.length;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  return x.reduce((s, xi, i) => s + (xi - mx) * (y[i] - my), 0) / (n - 1);
}

// Percent, newest first as Treasury publishes; 2Y, 5Y, 10Y.
const HISTORY = [
  ["Date", "2 Yr", "5 Yr", "10 Yr"],
  ["01/08/24", 4.36, 3.97, 4.01],
  ["01/05/24", 4.39, 4.0, 4.05],
  ["01/04/24", 4.38, 3.99, 3.99],
  ["01/03/24", 4.33, 3.93, 3.91],
  ["01/02/24", 4.33, 3.93, 3.95],
  ["12/29/23", 4.23, 3.84, 3.88],
];
const LEVELS = [
  [4.23, 4.33, 4.33, 4.38, 4.39, 4.36],
  [3.84, 3.93, 3.93, 3.99, 4.0, 3.97],
  [3.88, 3.95, 3.91, 3.99, 4.05, 4.01],
].map((s) => s.map((v) => v / 100));
const CHANGES = LEVELS.map((s) => s.slice(1).map((v, t) => v - s[t]));

describe("curve history", () => {
  it("reads Treasury's layout: MM/DD/YY dates sorted ascending, percent detected", () => {
    const h = parseCurveHistory(HISTORY);
    expect(h.unit).toBe("percent");
    expect(h.months).toEqual([24, 60, 120]);
    expect(h.dates[0]).toBe(serialFromIso("2023-12-29"));
    expect(h.yields[0][2]).toBeCloseTo(0.0388, 15);
    expect(parseHistoryDate("1/2/90", "d")).toBe(serialFromIso("1990-01-02"));
    expect(parseHistoryDate("2024-02-29", "d")).toBe(serialFromIso("2024-02-29"));
  });

  it("takes decimals as decimals; reports a bad cell with its row and column", () => {
    const dec = HISTORY.map((r, i) =>
      i === 0 ? r : [r[0], ...r.slice(1).map((v) => Number(v) / 100)]
    );
    expect(parseCurveHistory(dec).unit).toBe("decimal");
    const bad = HISTORY.map((r) => [...r]);
    bad[3][2] = "abc"; // "n/a" would be a missing observation
    expect(() => parseCurveHistory(bad)).toThrow(/row 4, column 3 \(5Y\)/);
  });
});

describe("one history reader for covariance and replays", () => {
  it("lists every bad cell at once (five, and how many more), a repeated date among them", () => {
    const bad = HISTORY.map((r) => [...r]);
    bad[1][1] = "x";
    bad[2][0] = "13/45/24";
    bad[3][2] = "abc"; // "n/a" would be a missing observation
    bad[4][0] = bad[5][0];
    let message = "";
    try {
      parseCurveHistory(bad);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/row 2, column 2 \(2Y\)/);
    expect(message).toMatch(/row 3: date "13\/45\/24"/);
    expect(message).toMatch(/row 4, column 3 \(5Y\)/);
    expect(message).toMatch(/the date 2024-01-02 appears twice/);
  });

  it("reads two-digit years 00–49 as 20xx and 50–99 as 19xx, and refuses impossible days", () => {
    expect(parseHistoryDate("3/1/49")).toBe(serialFromIso("2049-03-01"));
    expect(parseHistoryDate("3/1/50")).toBe(serialFromIso("1950-03-01"));
    expect(() => parseHistoryDate("2/30/24")).toThrow(/is not a date/);
  });
});

describe("covariance of key-rate changes", () => {
  it("equals the direct sample covariance × 252 (equal weights)", () => {
    const est = estimateCovariance(parseCurveHistory(HISTORY), { keysMonths: [24, 60, 120] });
    expect(est.periods).toBe(5);
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++) close(est.matrix[i][j], 252 * sampleCov(CHANGES[i], CHANGES[j]));
  });

  it("EWMA with an infinite half-life is the equal-weight estimate; a finite one weighs recent changes", () => {
    const h = parseCurveHistory(HISTORY);
    const eq = estimateCovariance(h, { keysMonths: [24, 120] });
    const inf = estimateCovariance(h, { keysMonths: [24, 120], halfLife: Infinity });
    expect(inf.matrix).toEqual(eq.matrix);
    // Direct weighted formula, half-life 2 periods: w_t = 0.5^((4 − t)/2).
    const w = [0, 1, 2, 3, 4].map((t) => Math.pow(0.5, (4 - t) / 2));
    const W = w.reduce((a, b) => a + b, 0);
    const W2 = w.reduce((a, b) => a + b * b, 0);
    const x = CHANGES[0];
    const y = CHANGES[2];
    const mx = x.reduce((s, v, t) => s + w[t] * v, 0) / W;
    const my = y.reduce((s, v, t) => s + w[t] * v, 0) / W;
    const cxy = x.reduce((s, v, t) => s + w[t] * (v - mx) * (y[t] - my), 0) / (W - W2 / W);
    const ew = estimateCovariance(h, { keysMonths: [24, 120], halfLife: 2, periodsPerYear: 12 });
    close(ew.matrix[0][1], 12 * cxy);
  });

  it("uses pairwise-complete observations where a cell is blank", () => {
    const gap = HISTORY.map((r) => [...r]);
    gap[3][3] = ""; // 10Y on 01/04/24: the changes into and out of it are missing
    const est = estimateCovariance(parseCurveHistory(gap), { keysMonths: [24, 60, 120] });
    expect(est.observations[0][1]).toBe(5);
    expect(est.observations[0][2]).toBe(3);
    const keep = [0, 1, 4]; // change indices with the 10Y present on both ends
    const sub = (s: number[]) => keep.map((t) => s[t]);
    close(est.matrix[0][2], 252 * sampleCov(sub(CHANGES[0]), sub(CHANGES[2])));
    close(est.matrix[0][1], 252 * sampleCov(CHANGES[0], CHANGES[1]));
  });

  it("interpolates a key between columns and says so; a key outside the tenors is an error naming it", () => {
    const h = parseCurveHistory(HISTORY);
    const est = estimateCovariance(h, { keysMonths: [24, 84, 120] });
    expect(est.interpolatedKeys).toEqual([84]);
    const seven = CHANGES[1].map((c5, t) => 0.6 * c5 + 0.4 * CHANGES[2][t]);
    close(est.matrix[1][1], 252 * sampleCov(seven, seven));
    expect(() => estimateCovariance(h, { keysMonths: [3, 24, 360] })).toThrow(
      /keys 3M, 30Y are outside the history's tenors \(2Y … 10Y\)/
    );
  });

  it("rejects a half-life or periods per year ≤ 0 and a window too short", () => {
    const h = parseCurveHistory(HISTORY);
    expect(() => estimateCovariance(h, { keysMonths: [24], halfLife: 0 })).toThrow(/halflife_days/);
    expect(() => estimateCovariance(h, { keysMonths: [24], periodsPerYear: -1 })).toThrow(
      /periods_per_year/
    );
    const short = historyWindow(h, serialFromIso("2024-01-05"));
    expect(() => estimateCovariance(short, { keysMonths: [24] })).toThrow(/at least 3/);
  });
});

describe("the bundled covariance", () => {
  const present = existsSync(SOURCE);
  if (!present && process.env.CI === "true") {
    it("needs the Treasury curve file under CI", () => {
      throw new Error(`missing ${SOURCE}`);
    });
    return;
  }
  (present ? it : it.skip)("is what scripts/make-covariance.ts computes from the CSV", () => {
    const text = readFileSync(SOURCE, "utf8");
    const est = bundledEstimate(text);
    expect(est.keysMonths).toEqual(BUNDLED_COVARIANCE.keysMonths);
    expect(BUNDLED_COVARIANCE_INFO.from).toBe(WINDOW_FROM);
    expect(BUNDLED_COVARIANCE_INFO.to).toBe(WINDOW_TO);
    expect(BUNDLED_COVARIANCE_INFO.periods).toBe(est.periods);
    est.matrix.forEach((row, i) =>
      row.forEach((v, j) => close(BUNDLED_COVARIANCE.matrix[i][j], v, 1e-15))
    );
  });

  (present ? it : it.skip)(
    "agrees with a direct computation from the CSV's raw cells (2Y, 10Y)",
    () => {
      // Independent of the parser: split the text, pick the rows by ISO date, difference, numpy.cov.
      const rows = csvRows(readFileSync(SOURCE, "utf8"));
      const c2 = rows[0].indexOf("2 Yr");
      const c10 = rows[0].indexOf("10 Yr");
      const iso = (us: string) => {
        const [m, d, y] = us.split("/").map(Number);
        return `${y < 70 ? 2000 + y : 1900 + y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
      };
      const window = rows
        .slice(1)
        .map((r) => ({ date: iso(r[0]), y2: Number(r[c2]) / 100, y10: Number(r[c10]) / 100 }))
        .filter((r) => r.date >= WINDOW_FROM && r.date <= WINDOW_TO)
        .sort((a, b) => a.date.localeCompare(b.date));
      const d2 = window.slice(1).map((r, t) => r.y2 - window[t].y2);
      const d10 = window.slice(1).map((r, t) => r.y10 - window[t].y10);
      const k2 = BUNDLED_COVARIANCE.keysMonths.indexOf(24);
      const k10 = BUNDLED_COVARIANCE.keysMonths.indexOf(120);
      close(BUNDLED_COVARIANCE.matrix[k2][k10], 252 * sampleCov(d2, d10), 1e-10);
      close(BUNDLED_COVARIANCE.matrix[k10][k10], 252 * sampleCov(d10, d10), 1e-10);
      expect(d10.length).toBe(BUNDLED_COVARIANCE_INFO.periods);
    }
  );
  if (!present) it.skip(`skipped: ${SOURCE} not found`, () => undefined);
});
