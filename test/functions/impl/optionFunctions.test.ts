/**
 * SWAPTION, CAPFLOOR, FUTURES_OPTION and their greeks through their implementations (which the
 * registry and the CLI call) and the Excel wrappers: the cell functions call the core (same numbers as the core to 1e-12), columns
 * give columns, defaults (payer, cap, call, American, notional 1,000,000, curve kind sofr_ois),
 * 64ths quotes, and bad input as Excel errors with a message.
 */
import "../customFunctionsStub";
import { FakeExcelError } from "../customFunctionsStub";
import * as impl from "../../../src/functions/impl/optionFunctions";
import { buildCurve, CurveSpec, tenorDate } from "../../../src/core/curve";
import { prepareRateOptions, rateOptionValues } from "../../../src/core/options/rateOptions";
import { futuresOptionPrice } from "../../../src/core/options/futuresOptions";
import { KeyrateError } from "../../../src/core/errors";

const fns = require("../../../src/functions/options");

const SETTLE = 45659;
const MONTHS = [1, 3, 6, 12, 24, 36, 60, 84, 120, 240, 360];
const RATES = [
  0.0433, 0.0431, 0.0424, 0.0415, 0.0405, 0.0401, 0.0399, 0.0401, 0.0405, 0.0412, 0.0398,
];
const CURVE = [["Tenor", "Rate"], ...MONTHS.map((m, i) => [`${m}M`, RATES[i]])];
const SPEC: CurveSpec = { kind: "sofr_ois", months: MONTHS, rates: RATES };
const IMPL: Record<string, (...args: unknown[]) => unknown[][]> = {
  SWAPTION: impl.swaptionFn,
  CAPFLOOR: impl.capFloorFn,
  FUTURES_OPTION: impl.futuresOptionFn,
  SWAPTION_GREEKS: impl.swaptionGreeksFn,
  CAPFLOOR_GREEKS: impl.capFloorGreeksFn,
  FUTURES_OPTION_GREEKS: impl.futuresOptionGreeksFn,
};
const call = (name: string, ...args: unknown[]) => IMPL[name](...args);

describe("option functions", () => {
  const expiry = tenorDate(SETTLE, 12);

  it("SWAPTION is the core's premium, payer and 1,000,000 by default; columns give columns", () => {
    const core = rateOptionValues(
      prepareRateOptions(SETTLE, [
        {
          kind: "swaption",
          expiry,
          months: 120,
          strike: 0.04,
          vol: 0.009,
          payer: true,
          notional: 1e6,
        },
      ]),
      buildCurve(SPEC, SETTLE, "linear_zero")
    )[0];
    const [[v]] = call("SWAPTION", [[SETTLE]], [[expiry]], [["10Y"]], [[0.04]], [[0.009]], CURVE);
    expect(Math.abs((v as number) - core)).toBeLessThan(1e-12 * core);
    const col = call(
      "SWAPTION",
      [[SETTLE]],
      [[expiry]],
      [["10Y"]],
      [[0.03], [0.04], [0.05]],
      [[0.009]],
      CURVE,
      [["receiver"]],
      [[-5e6]]
    );
    expect(col).toHaveLength(3);
    col.forEach(([x]) => expect(x as number).toBeLessThan(0)); // sold
  });

  it("CAPFLOOR: cap − floor of one schedule is positive when the strike is below the forwards", () => {
    const args = [[[SETTLE]], [[tenorDate(SETTLE, 3)]], [["5Y"]], [[0.02]], [[0.008]], CURVE];
    const [[c]] = call("CAPFLOOR", ...args);
    const [[f]] = call("CAPFLOOR", ...args, [["floor"]]);
    expect((c as number) - (f as number)).toBeGreaterThan(0);
    const [[bad]] = call("CAPFLOOR", ...args.slice(0, 2), [["5M"]], ...args.slice(3));
    expect(bad).toBeInstanceOf(KeyrateError);
    expect((bad as KeyrateError).message).toMatch(/multiple of 3/);
  });

  it("FUTURES_OPTION: points, 64ths, American by default, 32nds prices accepted", () => {
    const [[p]] = call(
      "FUTURES_OPTION",
      [[SETTLE]],
      [[SETTLE + 60]],
      [["110-16"]],
      [[110]],
      [[0.07]],
      [[0.04]]
    );
    expect(p).toBeCloseTo(futuresOptionPrice(110.5, 110, 0.07, 60 / 365, 0.04, true, true), 12);
    const [[q]] = call(
      "FUTURES_OPTION",
      [[SETTLE]],
      [[SETTLE + 60]],
      [[110.5]],
      [[110]],
      [[0.07]],
      [[0.04]],
      [["put"]],
      [["european"]],
      [["64ths"]]
    );
    expect(q).toMatch(/^\d+-\d{2}\+?$/);
  });

  it("greeks spill labelled rows; futures greeks need a futures DV01 for DV01", () => {
    const g = call(
      "SWAPTION_GREEKS",
      [[SETTLE]],
      [[expiry]],
      [["10Y"]],
      [[0.04]],
      [[0.009]],
      CURVE
    );
    const labels = g.map((r) => r[0]);
    expect(labels).toEqual(
      expect.arrayContaining([
        "Premium",
        "Forward swap rate",
        "DV01",
        "Gamma",
        "Vega",
        "Theta",
        "KR DV01 10Y",
        "Method",
      ])
    );
    g.forEach((r) => expect(r).toHaveLength(3));
    const cf = call(
      "CAPFLOOR_GREEKS",
      [[SETTLE]],
      [[tenorDate(SETTLE, 3)]],
      [["2Y"]],
      [[0.04]],
      [[0.008]],
      CURVE,
      undefined,
      undefined,
      undefined,
      undefined,
      [["1Y"], ["2Y"], ["5Y"]]
    );
    expect(cf.filter((r) => String(r[0]).startsWith("KR DV01"))).toHaveLength(3);
    const f = call(
      "FUTURES_OPTION_GREEKS",
      [[SETTLE]],
      [[SETTLE + 60]],
      [[110.5]],
      [[110]],
      [[0.07]],
      [[0.04]]
    );
    const dv01 = f.find((r) => r[0] === "DV01")!;
    expect(dv01[1]).toBeInstanceOf(KeyrateError);
    const f2 = call(
      "FUTURES_OPTION_GREEKS",
      [[SETTLE]],
      [[SETTLE + 60]],
      [[110.5]],
      [[110]],
      [[0.07]],
      [[0.04]],
      undefined,
      undefined,
      [[10]],
      [[75]]
    );
    expect(f2.find((r) => r[0] === "DV01")![1] as number).toBeGreaterThan(0); // long calls gain as yields fall
    const yv = f2.find((r) => r[0] === "Yield vol")![1] as number;
    expect(yv).toBeCloseTo((0.07 * 110.5) / 0.075, 9);
  });

  it("the Excel wrappers return Excel errors with messages", () => {
    const [[e]] = fns.SWAPTION([[SETTLE]], [[expiry]], [["10Y"]], [[0.04]], [[1]], CURVE);
    expect(e).toBeInstanceOf(FakeExcelError);
    expect(e.message).toMatch(/vol/);
    const [[p]] = fns.SWAPTION([[SETTLE]], [[expiry]], [["10Y"]], [[4]], [[0.009]], CURVE);
    expect(p.message).toMatch(/percent/);
  });
});
