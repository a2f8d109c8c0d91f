/**
 * The bootstrap against the Federal Reserve's fitted curve (Gürkaynak–Sack–Wright, 3 dates incl.
 * 2022-12-30 with extreme offsetting Nelson–Siegel–Svensson betas): bootstrapping its published
 * par yields (SVENPY, semiannual coupon-equivalent) at 1…30 years must give back its published
 * continuously compounded zero yields (SVENY) at the nodes. Tolerance 0.75 bp (measured: 0.36–0.50 bp): the GSW curve is
 * smooth between nodes where ours is linear in zero rates, which moves the intermediate coupons'
 * discount factors slightly; a wrong bootstrap convention misses by tens of bp.
 */
import { bootstrapPar } from "../../../src/core/curve";
import { serialFromIso } from "../../../src/core/dates";
import { sharedData } from "./shared";

describe("bootstrap of the Fed's GSW par yields", () => {
  const text = sharedData("fed_gsw_nss_curve_excerpt.csv");
  const lines = text ? text.split(/\r?\n/) : [];
  const headerAt = lines.findIndex((l) => l.startsWith("Date,"));
  const header = headerAt >= 0 ? lines[headerAt].split(",") : [];
  const rows =
    headerAt >= 0
      ? lines
          .slice(headerAt + 1)
          .filter((l) => /^\d{4}-/.test(l))
          .map((l) => l.split(","))
      : [];

  it("has the three dates", () => {
    if (!text) return;
    expect(rows.map((r) => r[0])).toEqual(["1961-06-14", "2013-12-31", "2022-12-30"]);
  });

  it.each([
    ["2013-12-31", "linear_zero"],
    ["2013-12-31", "monotone_convex"],
    ["2022-12-30", "linear_zero"],
    ["2022-12-30", "monotone_convex"],
  ] as const)("reproduces SVENY at every node on %s (%s)", (date, interpolation) => {
    if (!text) return;
    const row = rows.find((r) => r[0] === date)!;
    const col = (name: string) => Number(row[header.indexOf(name)]) / 100;
    const years = Array.from({ length: 30 }, (_, k) => k + 1);
    const par = years.map((y) => col(`SVENPY${String(y).padStart(2, "0")}`));
    const settle = serialFromIso(date)!;
    const curve = bootstrapPar(
      settle,
      years.map((y) => 12 * y),
      par,
      interpolation
    );
    let worst = 0;
    years.forEach((y, k) => {
      // Compare at the same time in years (GSW's clock), interpolating our curve there.
      const ours = curve.zeroRate(y);
      worst = Math.max(worst, Math.abs(ours - col(`SVENY${String(y).padStart(2, "0")}`)));
      expect(Number.isFinite(curve.zeros[k])).toBe(true);
    });
    expect(worst).toBeLessThan(7.5e-5);
  });
});
