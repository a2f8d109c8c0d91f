/**
 * The callable engine in the totals: a callable holding is priced on the lattice (OAS held), its
 * ladder figures are the OAS functions' own (core/risk/oasLadder.ts: the same numbers, to the
 * bit, for American, Bermudan and European calls and a call out of reach), it names its model
 * and parameters; a callable without a schedule is left out with the reason, never guessed.
 */
import { HoldingRecord, packHoldings } from "../../../src/core/holdings";
import { serialFromYmd } from "../../../src/core/dates";
import { makeMarket } from "../../../src/core/market/market";
import { holdingCurveExposure } from "../../../src/core/portfolio/curveExposure";
import { NO_CALL_SCHEDULE } from "../../../src/core/engines/callable";
import { oasRisk } from "../../../src/core/risk/oasRisk";
import { hwStepsPerYear } from "../../../src/core/conventions";
import { holdingTerms } from "../../../src/core/portfolio/holdingTerms";
import { holdingRecord } from "../../../src/core/holdings";
import { shockedCurve } from "../../../src/core/market/shock";
import { callableBook } from "../../../src/core/models/callableBook";

const SETTLE = serialFromYmd(2025, 1, 15);
const CURVE = {
  kind: "par" as const,
  months: [3, 6, 12, 24, 36, 60, 84, 120, 240, 360],
  rates: [0.0435, 0.0431, 0.0422, 0.0418, 0.042, 0.0428, 0.0437, 0.0446, 0.0472, 0.0468],
};

function record(
  id: string,
  type: HoldingRecord["type"],
  calls: HoldingRecord["calls"]
): HoldingRecord {
  return holdingRecord({
    id,
    description: id,
    sector: "corporate",
    type,
    coupon: 0.05,
    maturity: serialFromYmd(2033, 6, 1),
    price: 99.25,
    basis: 0,
    calls,
  });
}

describe("callable engine", () => {
  const schedule = {
    dates: Float64Array.of(serialFromYmd(2028, 6, 1), serialFromYmd(2030, 6, 1)),
    prices: Float64Array.of(101, 100),
    style: "bermudan" as const,
  };
  const records = [
    record("C1", "callable", schedule),
    record("B1", "bullet", null),
    record("C0", "callable", null),
  ];
  const h = { ...packHoldings(records), calls: records.map((r) => r.calls ?? null) };
  const market = makeMarket({ settlement: SETTLE, curve: CURVE });
  const x = holdingCurveExposure(h, market);

  it("prices callables in the totals with the model named", () => {
    expect(x.excluded[0]).toBeNull();
    expect(x.method[0]).toMatch(/Hull–White 1F trinomial/);
    expect(x.method[0]).toMatch(/a = 0\.03 \(default\)/);
    expect(x.method[0]).toMatch(/σ = 100 bp \(default volatility\)/);
    expect(x.method[0]).toMatch(/OAS held/);
    expect(x.excluded[2]).toBe(NO_CALL_SCHEDULE);
    expect(x.risk.effDuration[0]).toBeLessThan(x.risk.effDuration[1]);
    expect(x.flag[0]).toBeNull();
  });

  it("gives the OAS functions' figures, to the bit, for every call style", () => {
    const on = (date: number, price: number, style: "american" | "bermudan" | "european") => ({
      dates: Float64Array.of(date),
      prices: Float64Array.of(price),
      style,
    });
    const styles = [
      record("A", "callable", on(serialFromYmd(2027, 6, 1), 100, "american")),
      record("E", "callable", on(serialFromYmd(2029, 6, 1), 100, "european")),
      record("F", "callable", on(serialFromYmd(2029, 6, 1), 160, "bermudan")),
      ...records,
    ];
    const hs = { ...packHoldings(styles), calls: styles.map((r) => r.calls ?? null) };
    const xs = holdingCurveExposure(hs, market);
    const callable = (i: number) => hs.type[i] === "callable" && !!hs.calls[i];
    const r = oasRisk(
      market,
      { terms: holdingTerms(hs, SETTLE), clean: hs.price, calls: hs.calls, include: callable },
      { stepsPerYear: hwStepsPerYear(0.01) }
    );
    expect(r.method[1]).toMatch(/Jamshidian/);
    expect(r.method[0]).toMatch(/convexity over ±35\.3 bp curve shifts/);
    let compared = 0;
    for (let i = 0; i < hs.count; i++) {
      if (!callable(i)) continue;
      expect(xs.risk.zspread[i]).toBe(r.oas[i]);
      expect(xs.risk.effDuration[i]).toBe(r.duration[i]);
      expect(xs.risk.effConvexity[i]).toBe(r.convexity[i]);
      expect(xs.risk.spreadDuration[i]).toBe(r.spreadDuration[i]);
      for (let k = 0; k < 10; k++) expect(xs.risk.krd[i * 10 + k]).toBe(r.krd[i * 10 + k]);
      expect(xs.method[i]).toBe(r.method[i]);
      compared++;
    }
    expect(compared).toBe(4);
    // Two-sided: the figures differ between the styles (the call is not ignored).
    expect(Math.abs(r.convexity[0] - r.convexity[3])).toBeGreaterThan(1);
  });

  it("prices a security held in several lots once, to the bits of each lot alone", () => {
    const american = {
      dates: Float64Array.of(serialFromYmd(2027, 6, 1)),
      prices: Float64Array.of(100),
      style: "american" as const,
    };
    const lot = (id: string, calls: HoldingRecord["calls"], price = 99.25) => ({
      ...record(id, "callable", calls),
      price,
    });
    const lots = [
      lot("A1", american),
      lot("A2", american),
      lot("A3", american, 98.5),
      lot("M1", schedule),
      lot("A4", american),
      // The same call date at another strike: another security.
      lot("B1", { ...american, prices: Float64Array.of(100.5) }),
    ];
    const pack = (rs: HoldingRecord[]) => ({
      ...packHoldings(rs),
      calls: rs.map((r) => r.calls ?? null),
    });
    const held = pack(lots);
    const terms = holdingTerms(held, SETTLE);
    const book = callableBook(SETTLE, terms, held.calls, market.hullWhite, { stepsPerYear: 24 });
    expect(Array.from(book.twin)).toEqual([0, 0, 0, 3, 0, 5]);
    const all = holdingCurveExposure(held, market);
    const alone = lots.map((r) => holdingCurveExposure(pack([r]), market));
    const fields = ["zspread", "effDuration", "effConvexity", "spreadDuration"] as const;
    lots.forEach((_, i) => {
      for (const f of fields) expect(all.risk[f][i]).toBe(alone[i].risk[f][0]);
      for (let k = 0; k < 10; k++) expect(all.risk.krd[i * 10 + k]).toBe(alone[i].risk.krd[k]);
    });
    // Scenario prices: the twins share a spread shock or are priced apart.
    const curves = [-25, 40].map((bp) => shockedCurve(market, { kind: "parallel", bp }));
    const dz = [Float64Array.of(0, 0, 0, 0, 0.002, 0), undefined];
    const many = all.book.priceMany!(curves, dz);
    lots.forEach((_, i) => {
      const one = alone[i].book.priceMany!(curves, [dz[0]?.subarray(i, i + 1), undefined]);
      expect([many[0][i], many[1][i]]).toEqual([one[0][0], one[1][0]]);
    });
    // Two-sided: another price or shock gives another figure.
    expect(all.risk.zspread[2]).not.toBe(all.risk.zspread[0]);
    expect(many[0][4]).not.toBe(many[0][0]);
    expect(many[0][1]).toBe(many[0][0]);
  });

  it("prices many curves at once to the same bits as one at a time", () => {
    const book = x.book;
    const curves = [-50, -10, 0, 25, 80].map((bp) =>
      shockedCurve(market, { kind: "parallel", bp })
    );
    const dz = curves.map((_, k) => (k === 2 ? Float64Array.of(0.001, 0, 0) : undefined));
    const many = book.priceMany!(curves, dz);
    curves.forEach((c, k) => expect(many[k]).toEqual(book.price(c, dz[k])));
    // Two-sided: the curves give different prices.
    expect(many[0][0]).toBeGreaterThan(many[4][0] + 1);
  });
});
