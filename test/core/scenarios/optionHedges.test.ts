/**
 * Options in the hedges range and under scenarios:
 * - the range reads swaptions, caps/floors and futures options (signed quantities, directions,
 *   32nds strikes) and names a missing strike;
 * - a zero move gives zero P&L; rate moves have the signs of the greeks; a small parallel move's
 *   P&L is DV01·Δ + gamma·Δ²/2 (1% of the move's P&L); a vol shift alone moves long options up by
 *   about their vega (2%);
 * - scenario libraries read a "Vol shift, bp" column and the analysis passes it to the options.
 */
import { DEFAULT_CURVE, CurveSpec, tenorDate } from "../../../src/core/curve";
import { makeMarket, swapMarket } from "../../../src/core/market/market";
import {
  optionGreeks,
  rateOptionPricer,
  futuresOptionPricer,
} from "../../../src/core/options/optionRisk";
import { prepareRateOptions } from "../../../src/core/options/rateOptions";
import {
  prepareFuturesOptions,
  FuturesOptionPosition,
} from "../../../src/core/options/futuresOptions";
import {
  hedgeBook,
  hedgePnl,
  parallelProfile,
  parseHedgesRange,
  parseScenarioLibrary,
  OptionHedge,
} from "../../../src/core/scenarios";
import { KeyrateError } from "../../../src/core/errors";

const SETTLE = 45659;
const SWAP_CURVE: CurveSpec = { ...DEFAULT_CURVE, kind: "sofr_ois" };
const market = makeMarket({ settlement: SETTLE, curve: DEFAULT_CURVE, swapCurve: SWAP_CURVE });
const expiry = tenorDate(SETTLE, 6);

const RANGE = [
  ["Instrument", "Quantity", "Direction", "Expiry", "Strike", "Vol", "Style"],
  ["SOFR 10Y payer", 10_000_000, "", expiry, 0.042, 0.009, ""],
  ["SOFR 10Y receiver", 10_000_000, "buy", expiry, 0.038, 0.009, ""],
  ["SOFR 5Y cap", 20_000_000, "", tenorDate(SETTLE, 3), 0.045, 0.008, ""],
  ["ZN call", 50, "", SETTLE + 40, "109-16", 0.065, "european"],
  ["ZN put", 50, "sell", SETTLE + 40, 107, 0.065, ""],
];

describe("option hedges", () => {
  const hedges = parseHedgesRange(RANGE);

  it("reads every option kind from the hedges range", () => {
    expect(hedges.map((h) => (h as OptionHedge).option.kind)).toEqual([
      "swaption",
      "swaption",
      "capfloor",
      "futures-option",
      "futures-option",
    ]);
    const call = (hedges[3] as OptionHedge).option as FuturesOptionPosition;
    expect(call.strike).toBe(109.5);
    expect(call.american).toBe(false);
    expect(((hedges[4] as OptionHedge).option as FuturesOptionPosition).contracts).toBe(-50);
    expect(() =>
      parseHedgesRange([RANGE[0], ["SOFR 10Y payer", 1e6, "", expiry, "", 0.009, ""]])
    ).toThrow(/strike/);
    try {
      hedgeBook(
        parseHedgesRange([RANGE[0], ["SOFR 10Y payer", 1e6, "", expiry, 0.04, 1, ""]]),
        market
      );
      throw new Error("no error");
    } catch (e) {
      expect(e).toBeInstanceOf(KeyrateError);
      expect((e as Error).message).toMatch(/vol/);
    }
  });

  it("revalues under scenarios with the signs and sizes of the greeks", () => {
    const book = hedgeBook(hedges, market);
    expect(book.labels[0]).toMatch(/payer swaption/);
    const zero = hedgePnl(book, parallelProfile(0), 0);
    zero.forEach((v) => expect(v).toBe(0));
    const down = hedgePnl(book, parallelProfile(-50), 0);
    expect(down[0]).toBeLessThan(0); // payer loses as rates fall
    expect(down[1]).toBeGreaterThan(0);
    expect(down[3]).toBeGreaterThan(0); // call on the futures gains
    expect(down[4]).toBeGreaterThan(0); // sold put gains as the futures rises

    const swaps = swapMarket(market);
    const rate = hedges.slice(0, 3).map((h) => (h as OptionHedge).option);
    const g = optionGreeks(rateOptionPricer(prepareRateOptions(SETTLE, rate as never)), swaps);
    const small = hedgePnl(book, parallelProfile(-2), 0);
    for (let i = 0; i < 3; i++) {
      const taylor = 2 * g.dv01[i] + (g.gamma[i] * 4) / 2;
      expect(Math.abs(small[i] - taylor)).toBeLessThan(0.01 * Math.abs(taylor));
    }
    const fut = hedges.slice(3).map((h) => (h as OptionHedge).option as FuturesOptionPosition);
    const fg = optionGreeks(
      futuresOptionPricer(prepareFuturesOptions(book.market, fut)),
      book.market
    );
    for (let i = 0; i < 2; i++) {
      const taylor = 2 * fg.dv01[i] + (fg.gamma[i] * 4) / 2;
      expect(Math.abs(small[3 + i] - taylor)).toBeLessThan(0.01 * Math.abs(taylor));
    }
    // A +1 bp normal vol shift alone: long rate options gain about their vega.
    const vol = hedgePnl(book, parallelProfile(0), 0, 1);
    for (let i = 0; i < 3; i++) expect(Math.abs(vol[i] - g.vega[i])).toBeLessThan(0.02 * g.vega[i]);
    expect(vol[3]).toBeGreaterThan(0);
    expect(vol[4]).toBeLessThan(0); // sold put loses
  });

  it("reads a Vol shift, bp column in scenario libraries", () => {
    const [s] = parseScenarioLibrary([
      ["Scenario", "Shape", "Size, bp", "Vol shift, bp"],
      ["Rally, vol up", "parallel", -50, 20],
    ]);
    expect(s.volShiftBp).toBe(20);
  });
});
