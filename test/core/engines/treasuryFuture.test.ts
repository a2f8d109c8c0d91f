/**
 * The futures engine's CTD when the universe has no deliverable for the month: a synthetic CTD in
 * the deliverable window at the curve's par coupon (priced at par on the curve), named and warned
 * about, instead of a failure; a universe given is used instead of the bundled one, at its own
 * prices when it has a price or yield column.
 */
import { DEFAULT_CURVE, buildCurve } from "../../../src/core/curve";
import { serialFromIso } from "../../../src/core/dates";
import { defaultCtd, SYNTHETIC_CTD, syntheticCtd } from "../../../src/core/engines/treasuryFuture";
import { contractSpec } from "../../../src/core/futures/contracts";
import { maturityWindow } from "../../../src/core/futures/deliverable";
import { readUniverse } from "../../../src/core/futures/universe";
import { futuresInstrument } from "../../../src/core/hedge/futuresInstruments";
import { makeMarket } from "../../../src/core/market/market";

const SETTLE = serialFromIso("2025-12-18")!;
const curve = buildCurve(DEFAULT_CURVE, SETTLE, "linear_zero");

describe("the CTD of a month the universe does not cover", () => {
  it("is a synthetic bond in the deliverable window at the par coupon, priced near par", () => {
    const zf = contractSpec("ZF");
    const month = { y: 2026, m: 3 };
    const ctd = defaultCtd(zf, month, curve, 0.04);
    expect(ctd.synthetic).toBe(true);
    expect(ctd.cusip).toBe(SYNTHETIC_CTD);
    const w = maturityWindow(zf, month);
    expect(ctd.maturity).toBeGreaterThanOrEqual(w.min);
    expect(ctd.maturity).toBeLessThanOrEqual(w.max);
    // A par coupon (rounded to 1/8 bp) prices within a few cents of par.
    expect(Math.abs(ctd.cleanPrice - 100)).toBeLessThan(0.05);
    expect(syntheticCtd(zf, month, curve)).toEqual(ctd);
  });

  it("sizes the futures instead of failing, and says so", () => {
    const market = makeMarket({ settlement: SETTLE, curve: DEFAULT_CURVE });
    const f = futuresInstrument(contractSpec("ZF"), market);
    expect(f.ctdSource).toBe("synthetic");
    expect(f.dv01).toBeGreaterThan(30);
    expect(f.dv01).toBeLessThan(60);
  });

  it("takes its CTD from a universe given, not the bundled table", () => {
    const universe = readUniverse(
      [
        ["CUSIP", "Coupon", "Issue date", "Maturity"],
        ["91282CZZ9", 0.04, "2025-11-30", "2030-11-30"],
        ["91282CYY8", 0.0375, "2025-10-31", "2030-10-31"],
      ],
      SETTLE
    );
    const market = makeMarket({ settlement: SETTLE, curve: DEFAULT_CURVE });
    const f = futuresInstrument(contractSpec("ZF"), market, { universe });
    expect(f.ctdSource).toBe("universe given");
    expect(["91282CZZ9", "91282CYY8"]).toContain(f.ctd.cusip);
  });

  it("chooses and prices the CTD at the universe's own prices when it gives them", () => {
    const market = makeMarket({ settlement: SETTLE, curve: DEFAULT_CURVE });
    const universeAt = (z: string | number, y: string | number | null) =>
      readUniverse(
        [
          ["CUSIP", "Coupon", "Issue date", "Maturity", "Price"],
          ["91282CZZ9", 0.04, "2025-11-30", "2030-11-30", z],
          ["91282CYY8", 0.0375, "2025-10-31", "2030-10-31", y],
        ],
        SETTLE
      );
    // The cheap bond is the CTD, at its given price (decimal or 32nds).
    const a = futuresInstrument(contractSpec("ZF"), market, {
      universe: universeAt(105, "95-16+"),
    });
    expect(a.ctd).toMatchObject({ cusip: "91282CYY8", cleanPrice: 95.515625 });
    const b = futuresInstrument(contractSpec("ZF"), market, { universe: universeAt(95, 105) });
    expect(b.ctd).toMatchObject({ cusip: "91282CZZ9", cleanPrice: 95 });
    // A row without a price is priced on the curve.
    const c = universeAt(100, null);
    expect(c[1].cleanPrice).toBeUndefined();
    expect(c[0]).toMatchObject({ cleanPrice: 100, pricedAt: SETTLE });
    // Prices for another settlement are not used: the curve's instead.
    const later = buildCurve(DEFAULT_CURVE, SETTLE + 7, "linear_zero");
    const onCurve = defaultCtd(
      contractSpec("ZF"),
      { y: 2026, m: 3 },
      later,
      0.04,
      undefined,
      universeAt(50, 50)
    );
    expect(onCurve.cleanPrice).toBeGreaterThan(90);
  });
});
