/** The range adapters: broadcasting, per-cell errors with Excel's codes, one result per cell. */
import {
  convexity,
  durationMac,
  durationMod,
  dv01,
  priceFn,
  yieldFn,
  accrued,
} from "../../../src/functions/impl/bondFunctions";
import { KeyrateError } from "../../../src/core/errors";
import { bondRisk } from "../../../src/core/bond";
import { serialFromIso } from "../../../src/core/dates";

const d = (iso: string) => serialFromIso(iso)!;
const codeOf = (cell: unknown) => (cell instanceof KeyrateError ? cell.code : cell);

describe("bond functions over ranges", () => {
  it("accepts scalars (1×1) and ISO text dates", () => {
    expect(
      durationMod([["2008-01-01"]], [["2016-01-01"]], [[0.08]], [[0.09]], [[2]], [[1]])[0][0]
    ).toBeCloseTo(5.73567, 5);
    expect(durationMac(39448, 42370, 0.08, 0.09, 2, 1)[0][0]).toBeCloseTo(5.993774955545, 10);
  });

  it("returns a column for a column of bonds, broadcasting single cells", () => {
    const maturities = [["2030-06-30"], ["2035-02-15"], ["2054-11-15"]];
    const out = dv01(
      [[d("2025-01-02")]],
      maturities,
      [[0.04]],
      [[0.045]],
      [[2]],
      [[1]],
      [[1_000_000]]
    );
    expect(out.length).toBe(3);
    out.forEach((row, i) => {
      const r = bondRisk(
        {
          settlement: d("2025-01-02"),
          maturity: d(maturities[i][0]),
          rate: 0.04,
          frequency: 2,
          basis: 1,
        },
        0.045
      );
      expect(row[0]).toBeCloseTo(r.dv01 * 10_000, 9);
    });
  });

  it("gives each bad cell its own Excel error and keeps the good ones", () => {
    const out = durationMod(
      [
        ["2025-01-02"],
        ["2025-01-02"],
        ["2025-01-02"],
        ["2025-01-02"],
        ["2025-01-02"],
        ["2025-01-02"],
        ["not a date"],
        ["2025-01-02"],
        ["2025-01-02"],
      ],
      [
        ["2035-01-02"],
        ["2020-01-02"],
        ["2035-01-02"],
        ["2035-01-02"],
        ["2035-01-02"],
        ["2035-01-02"],
        ["2035-01-02"],
        ["2035-01-02"],
        ["2035-01-02"],
      ],
      [[0.04], [0.04], [-0.01], [0.04], [0.04], [0.04], [0.04], ["four"], [0.04]],
      [[0.05], [0.05], [0.05], [-0.05], [0.05], [0.05], [0.05], [0.05], [""]],
      [[2], [2], [2], [2], [3], [2], [2], [2], [2]],
      [[1], [1], [1], [1], [1], [5], [1], [1], [1]]
    ).map((r) => codeOf(r[0]));
    expect(typeof out[0]).toBe("number");
    expect(out.slice(1)).toEqual([
      "#NUM!",
      "#NUM!",
      "#NUM!",
      "#NUM!",
      "#NUM!",
      "#VALUE!",
      "#VALUE!",
      "#N/A",
    ]);
  });

  it("settlement on or after maturity is #NUM! with a message naming both dates", () => {
    const [[cell]] = convexity("2030-01-01", "2030-01-01", 0.05, 0.05, 2, 0);
    expect(cell).toBeInstanceOf(KeyrateError);
    expect((cell as KeyrateError).code).toBe("#NUM!");
    expect((cell as KeyrateError).message).toMatch(/2030-01-01.*before maturity.*2030-01-01/);
  });

  it("ranges of different shapes are #VALUE!", () => {
    const [[cell]] = priceFn([[1], [2]], [[3], [4], [5]], 0.05, 0.05, 2);
    expect(codeOf(cell)).toBe("#VALUE!");
    expect((cell as KeyrateError).message).toMatch(/same shape/);
  });

  it("basis defaults to 0 and text numbers or percents are accepted", () => {
    const a = priceFn("2008-02-15", "2017-11-15", "5.75%", "0.065", 2)[0][0] as number;
    expect(a).toBeCloseTo(94.63436, 5);
  });

  it("YIELD inverts PRICE over a range; a non-positive price is #NUM!", () => {
    const prices = priceFn(
      "2025-01-02",
      [["2027-05-15"], ["2044-08-15"]],
      0.03,
      [[0.041], [0.047]],
      2,
      1
    );
    const back = yieldFn("2025-01-02", [["2027-05-15"], ["2044-08-15"]], 0.03, prices, 2, 1);
    expect(back[0][0]).toBeCloseTo(0.041, 12);
    expect(back[1][0]).toBeCloseTo(0.047, 12);
    expect(codeOf(yieldFn("2025-01-02", "2027-05-15", 0.03, 0, 2, 1)[0][0])).toBe("#NUM!");
  });

  it("ACCRUED is coupon per period × A/E", () => {
    // 30/360: 2008-02-15 is 90 days after 2007-11-15 of a 180-day period.
    expect(accrued("2008-02-15", "2017-11-15", 0.0575, 2, 0)[0][0]).toBeCloseTo(
      (5.75 / 2) * (90 / 180),
      12
    );
  });
});

describe("rate arguments typed as percents", () => {
  it("answers #NUM! for a yield or coupon of 1 or more, saying it looks like a percent", () => {
    const y = durationMod("2025-01-02", "2035-01-02", 0.045, 4.5, 2, 0)[0][0];
    expect(codeOf(y)).toBe("#NUM!");
    expect((y as KeyrateError).message).toMatch(/yld: 4.5 looks like a percent.*enter 0.045/);
    const c = priceFn("2025-01-02", "2035-01-02", 4.5, 0.045, 2, 0)[0][0];
    expect((c as KeyrateError).message).toMatch(/coupon: 4.5 looks like a percent/);
    expect(codeOf(accrued("2025-01-02", "2035-01-02", 5, 2, 0)[0][0])).toBe("#NUM!");
  });

  it("reads arguments with the one cell grammar: percent text, date text in any form", () => {
    const a = priceFn("Jan 02, 2025", "1/2/2035", "4.5%", "4.5%", 2, 0)[0][0] as number;
    const b = priceFn(d("2025-01-02"), d("2035-01-02"), 0.045, 0.045, 2, 0)[0][0] as number;
    expect(a).toBe(b);
    expect(priceFn("02-Jan-2025", "2035-01-02T00:00:00Z", 0.045, 0.045, 2, 0)[0][0]).toBe(b);
  });
});
