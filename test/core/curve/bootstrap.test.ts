/**
 * The par bootstrap on real data: every business day of 2022 in the US Treasury par curve file
 * (missing tenors skipped, as published); every input par instrument reprices to par within 1e-10
 * (in yield terms: the curve's par yield at each tenor equals the input to 1e-10).
 */
import { bootstrapPar, parYieldOf, Interpolation } from "../../../src/core/curve";
import { serialFromYmd } from "../../../src/core/dates";
import { sharedData } from "./shared";

const TENORS: Record<string, number> = {
  "1 Mo": 1,
  "2 Mo": 2,
  "3 Mo": 3,
  "4 Mo": 4,
  "6 Mo": 6,
  "1 Yr": 12,
  "2 Yr": 24,
  "3 Yr": 36,
  "5 Yr": 60,
  "7 Yr": 84,
  "10 Yr": 120,
  "20 Yr": 240,
  "30 Yr": 360,
};

function rows2022(text: string) {
  const [header, ...lines] = text.trim().split(/\r?\n/);
  const cols = header.split(",");
  return lines
    .map((line) => line.split(","))
    .filter((cells) => cells[0].endsWith("/22"))
    .map((cells) => {
      const [m, d, y] = cells[0].split("/").map(Number);
      const months: number[] = [];
      const rates: number[] = [];
      cols.slice(1).forEach((name, k) => {
        if (cells[k + 1] !== undefined && cells[k + 1] !== "") {
          months.push(TENORS[name]);
          rates.push(Number(cells[k + 1]) / 100);
        }
      });
      return { date: serialFromYmd(2000 + y, m, d), months, rates };
    });
}

describe("par bootstrap on the 2022 Treasury curves", () => {
  const text = sharedData("ust_par_yield_curve_1990_2024.csv");
  const rows = text ? rows2022(text) : [];
  it.each(["linear_zero", "monotone_convex"] as Interpolation[])(
    "reprices every tenor of every 2022 date (%s)",
    (interpolation) => {
      if (!text) return;
      expect(rows.length).toBeGreaterThan(240);
      let worst = 0;
      for (const row of rows) {
        const curve = bootstrapPar(row.date, row.months, row.rates, interpolation);
        row.months.forEach(
          (m, i) => (worst = Math.max(worst, Math.abs(parYieldOf(curve, m) - row.rates[i])))
        );
        for (let i = 0; i < curve.times.length; i++)
          expect(curve.discount(curve.times[i])).toBeGreaterThan(0);
      }
      expect(worst).toBeLessThan(1e-10);
    }
  );
});
