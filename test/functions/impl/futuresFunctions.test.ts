/**
 * The futures and hedge-sizing functions over ranges: values (from the core, computed
 * independently where the core is tested), broadcasting, spills and Excel errors with messages.
 */
import {
  convFactor,
  ctd,
  CTD_HEADER,
  futuresCalendar,
  futuresDv01Fn,
  hedgeContractsFn,
  rollCost,
} from "../../../src/functions/impl/futuresFunctions";
import { KeyrateError } from "../../../src/core/errors";
import { serialFromIso } from "../../../src/core/dates";
import { basisAnalysis } from "../../../src/core/futures/basis";
import { futuresDv01 } from "../../../src/core/futures/futuresDv01";
import { parseContract, parseDeliveryMonth } from "../../../src/core/futures/contracts";
import { settlementDate } from "../../../src/core/calendar/usGovernmentSecurities";

const d = (iso: string) => serialFromIso(iso)!;
const err = (cell: unknown) => {
  if (!(cell instanceof KeyrateError)) throw new Error(`expected an error, got ${String(cell)}`);
  return { code: cell.code, message: cell.message };
};

describe("HEDGE_CONTRACTS", () => {
  it("gives the issue's example and broadcasts a column", () => {
    expect(hedgeContractsFn(72000, 0, 935)).toEqual([[-77]]);
    expect(hedgeContractsFn([[72000], [-10000]], 0, 935, null, "down")).toEqual([[-77], [10]]);
    expect(hedgeContractsFn(72000, 0, 935, 1.2, "none")[0][0]).toBeCloseTo(
      (-72000 / 935) * 1.2,
      12
    );
    expect(hedgeContractsFn("72,000", "0", 935, "", "NEAREST")).toEqual([[-77]]);
  });

  it("gives Excel errors with messages", () => {
    expect(err(hedgeContractsFn(72000, 0, 0)[0][0])).toEqual({
      code: "#NUM!",
      message: expect.stringMatching(/contract_dv01: must be > 0/),
    });
    expect(err(hedgeContractsFn(72000, 0, 935, -1)[0][0]).code).toBe("#NUM!");
    expect(err(hedgeContractsFn(72000, 0, 935, 1, "up")[0][0]).message).toMatch(
      /"nearest", "down"/
    );
    expect(err(hedgeContractsFn("lots", 0, 935)[0][0]).code).toBe("#VALUE!");
    expect(err(hedgeContractsFn("", 0, 935)[0][0]).code).toBe("#N/A");
  });
});

describe("ROLL_COST", () => {
  it("prices the roll per contract face, with 32nds", () => {
    // 10 ZN long, far 1/2 point above near: 10 × 0.5 × 1,000 = 5,000 cost
    expect(rollCost(10, "110-16", "111-00")).toEqual([[5000]]);
    // ZT face 200,000: far 1/8 of a 32nd below near → a gain to the long
    expect(rollCost(4, "103-00", "102-318", "ZT")).toEqual([[4 * (-1 / 256) * 2000]]);
    // a short earns when the far is dearer
    expect(rollCost(-10, 110.5, 111, "TY")).toEqual([[-5000]]);
  });

  it("spills the annualised cost beside it when days are given", () => {
    expect(rollCost([[10], [-5]], 110.5, 111, null, 91)).toEqual([
      [5000, (5000 * 365) / 91],
      [-2500, (-2500 * 365) / 91],
    ]);
    const [row] = rollCost(10, 110.5, 111, null, 0);
    expect(row.map((c) => err(c).code)).toEqual(["#NUM!", "#NUM!"]);
    expect(err(rollCost([[1, 2]], 110, 111, null, 91)[0][0]).message).toMatch(/single column/);
  });

  it("gives Excel errors with messages", () => {
    expect(err(rollCost(10, "110-35", 111)[0][0]).message).toMatch(/32nds part must be 00–31/);
    expect(err(rollCost(10, 110, 111, "ZQ")[0][0]).message).toMatch(/ZT, Z3N, ZF, ZN/);
    expect(err(rollCost(10, "", 111)[0][0]).code).toBe("#N/A");
  });
});

describe("CONV_FACTOR", () => {
  it("matches CME's published factors (2025-03-13 table), for codes, aliases and month forms", () => {
    // TY 2025-06: 4 3/8% of 2032-01-31 → 0.9136; US 2025-06: 3 7/8% of 2043-02-15 → 0.7717
    const out = convFactor(
      [["TY"], ["ZN"], ["US"]],
      [[0.04375], [0.04375], [0.03875]],
      [["2032-01-31"], [d("2032-01-31")], ["2043-02-15"]],
      [["2025-06"], [d("2025-06-17")], ["2025-06-01"]]
    );
    expect(out).toEqual([[0.9136], [0.9136], [0.7717]]);
  });

  it("gives Excel errors with messages", () => {
    expect(err(convFactor("ZN", 0.04, "2032-06-30", "2025-05")[0][0])).toEqual({
      code: "#NUM!",
      message: expect.stringMatching(/March, June, September or December/),
    });
    expect(err(convFactor("ZN", 4.25, "2032-06-30", "2025-06")[0][0]).message).toMatch(/decimals/);
    expect(err(convFactor("ZN", 0.04, "soon", "2025-06")[0][0]).code).toBe("#VALUE!");
  });
});

describe("FUTURES_CALENDAR", () => {
  it("spills first notice, last trading, last delivery and roll in one row per contract", () => {
    expect(futuresCalendar([["ZN"], ["ZT"]], "2025-06")).toEqual([
      [d("2025-05-30"), d("2025-06-18"), d("2025-06-30"), d("2025-05-22")],
      [d("2025-05-30"), d("2025-06-30"), d("2025-07-03"), d("2025-05-22")],
    ]);
  });

  it("gives Excel errors in the whole row", () => {
    const [row] = futuresCalendar("ZN", "2025-13");
    expect(row.map((c) => err(c).code)).toEqual(["#VALUE!", "#VALUE!", "#VALUE!", "#VALUE!"]);
  });
});

describe("FUTURES_DV01", () => {
  const zn = parseContract("ZN");
  const jun = parseDeliveryMonth("2025-06");

  it("is the core's CTD forward DV01 ÷ CF, with or without carry", () => {
    const fwd = futuresDv01(zn, jun, 0.04125, d("2032-02-29"), 99.5).dv01;
    expect(futuresDv01Fn("ZN", "2025-06", 0.04125, "2032-02-29", "99-16")).toEqual([[fwd]]);
    const spot = futuresDv01(zn, jun, 0.04125, d("2032-02-29"), 99.5, {
      settlement: d("2025-04-01"),
      repo: 0.043,
    }).dv01;
    expect(
      futuresDv01Fn("TY", "2025-06", 0.04125, "2032-02-29", 99.5, "2025-04-01", "4.3%")
    ).toEqual([[spot]]);
    expect(spot).not.toBe(fwd);
  });

  it("gives Excel errors with messages", () => {
    expect(err(futuresDv01Fn("ZN", "2025-06", 0.04, "2032-02-29", 99, "2025-04-01")[0][0])).toEqual(
      {
        code: "#N/A",
        message: expect.stringMatching(/repo: needed with a settlement/),
      }
    );
    expect(err(futuresDv01Fn("ZN", "2025-06", 0.04, "2025-06-15", 99)[0][0]).code).toBe("#NUM!");
    expect(err(futuresDv01Fn("ZN", "2025-06", 0.04, "2032-02-29", "par")[0][0]).code).toBe(
      "#VALUE!"
    );
  });
});

describe("CTD", () => {
  const universe = [
    ["CUSIP", "Coupon", "Issue Date", "Maturity", "Price"],
    ["91282CMK4", 0.04375, "2025-01-31", "2032-01-31", "101-08"],
    ["91282CMR9", 0.04125, "2025-02-28", "2032-02-29", "99-24+"],
    ["91282CEP2", 0.02875, "2022-05-16", "2032-05-15", 91.75],
    ["912810FP8", 0.05375, "2001-02-15", "2031-02-15", ""], // not deliverable: no price needed
    ["91282CHC8", 0.03375, "2023-05-15", "2033-05-15", 94.5],
  ];

  it("spills the basket table with the CTD flagged", () => {
    const out = ctd("ZN", "2025-06", universe, "110-16", 0.043, "2025-04-01");
    expect(out[0]).toEqual(CTD_HEADER);
    const a = basisAnalysis({
      contract: parseContract("ZN"),
      month: parseDeliveryMonth("2025-06"),
      settlement: d("2025-04-01"),
      repo: 0.043,
      futuresPrice: 110.5,
      coupons: Float64Array.of(0.04375, 0.04125, 0.02875, 0.03375),
      maturities: Float64Array.of(
        d("2032-01-31"),
        d("2032-02-29"),
        d("2032-05-15"),
        d("2033-05-15")
      ),
      cleanPrices: Float64Array.of(101.25, 99 + 24.5 / 32, 91.75, 94.5),
    });
    expect(out.slice(1, 5)).toEqual(
      ["91282CMK4", "91282CMR9", "91282CEP2", "91282CHC8"].map((c, i) => [
        c,
        a.conversionFactor[i],
        a.grossBasis[i],
        a.netBasis[i],
        a.impliedRepo[i],
        i === a.ctd ? "CTD" : "",
      ])
    );
    expect(out.slice(1, 5).filter((r) => r[5] === "CTD")).toHaveLength(1);
    expect(out[5]).toEqual(["futures price", 110.5, "given", "", "", ""]);
    expect(out[6]).toEqual([
      "settlement",
      d("2025-04-01"),
      "delivery",
      d("2025-06-30"),
      "repo",
      0.043,
    ]);
  });

  it("uses the theoretical price for an empty futures price, and says so", () => {
    const out = ctd("ZN", "2025-06", universe, "", 0.043, "2025-04-01");
    expect(out[5][2]).toMatch(/theoretical.*delivery options ignored/);
    const ctdRow = out.slice(1, 5).find((r) => r[5] === "CTD")!;
    expect(Math.abs((ctdRow[4] as number) - 0.043)).toBeLessThanOrEqual(1e-12); // implied repo = repo
    expect(Math.abs(ctdRow[3] as number)).toBeLessThanOrEqual(1e-12); // net basis 0
  });

  it("defaults settlement to T+1 business day after today", () => {
    const out = ctd(
      "ZN",
      "2099-06",
      [universe[0], ["X", 0.04, "2099-01-31", "2106-01-31", 99]],
      110,
      0.04
    );
    const now = new Date();
    const today = serialFromIso(
      `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`
    )!;
    expect(out[3][1]).toBe(settlementDate(today));
  });

  it("gives Excel errors with messages", () => {
    expect(
      err(
        ctd(
          "ZN",
          "2025-06",
          universe.slice(0, 1).concat([universe[4]]),
          110,
          0.04,
          "2025-04-01"
        )[0][0]
      )
    ).toEqual({
      code: "#N/A",
      message: expect.stringMatching(/no bond is deliverable into ZN 2025-06/),
    });
    expect(
      err(
        ctd(
          "ZN",
          "2025-06",
          [universe[0], ["X", 0.04, "2025-01-31", "2032-01-31", ""]],
          110,
          0.04,
          "2025-04-01"
        )[0][0]
      ).message
    ).toMatch(/neither a price nor a yield/);
    expect(err(ctd([["ZN"], ["ZF"]], "2025-06", universe, 110, 0.04)[0][0])).toEqual({
      code: "#VALUE!",
      message: expect.stringMatching(/contract: expected a single cell/),
    });
    expect(err(ctd("ZN", "2025-06", universe, 110, 0.04, "2025-07-15")[0][0]).message).toMatch(
      /before delivery/
    );
    expect(err(ctd("ZN", "2025-06", universe, -3, 0.04, "2025-04-01")[0][0]).code).toBe("#NUM!");
  });
});
