import { readHoldings } from "../../../src/core/holdings";
import { serialFromYmd } from "../../../src/core/dates";
import { CALL_TYPE_NOTE } from "../../../src/core/holdings/structureFields";

const SETTLE = serialFromYmd(2025, 1, 2);
const ymd = serialFromYmd;

function read(header: string[], rows: unknown[][]) {
  return readHoldings([header, ...rows], { settlement: SETTLE, sheet: "H" });
}

describe("call columns", () => {
  const header = [
    "ID",
    "Type",
    "Par",
    "Coupon",
    "Maturity",
    "Price",
    "Call Date",
    "Call Price",
    "Call Style",
    "Call Schedule",
  ];
  it("reads a first call, a schedule text and make-whole; a bullet with a call is a callable", () => {
    const r = read(header, [
      ["A", "bullet", 1e6, 0.05, "2034-06-01", 99, "2034-03-01", "", "", ""],
      [
        "B",
        "callable",
        1e6,
        0.05,
        "2032-06-01",
        99,
        "",
        "",
        "",
        "2029-06-01@102.438; 2030-06-01@101.219; 2031-06-01@100; bermudan",
      ],
      ["C", "fixed", 1e6, 0.05, "2032-06-01", 99, "2027-06-01", 101, "european", ""],
      ["D", "bullet", 1e6, 0.05, "2032-06-01", 99, "", "", "", "2025-06-01@100; make-whole"],
      ["E", "bullet", 1e6, 0.05, "2032-06-01", 99, "", "", "", ""],
    ]);
    expect(r.problems).toEqual([]);
    const h = r.holdings;
    expect(h.type).toEqual(["callable", "callable", "callable", "bullet", "bullet"]);
    const c = h.calls!;
    expect(Array.from(c[0]!.dates)).toEqual([ymd(2034, 3, 1)]);
    expect(Array.from(c[0]!.prices)).toEqual([100]);
    expect(c[0]!.style).toBe("american");
    expect(Array.from(c[1]!.prices)).toEqual([102.438, 101.219, 100]);
    expect(c[1]!.style).toBe("bermudan");
    expect(c[2]!.style).toBe("european");
    expect(c[2]!.prices[0]).toBe(101);
    expect(c[3]!.makeWhole).toBe(true);
    expect(c[4]).toBeNull();
    expect(r.mapping.call_date?.unit).toBe(CALL_TYPE_NOTE);
  });

  it("reports a bad schedule, a price without a date and a call after maturity", () => {
    const r = read(header, [
      ["A", "callable", 1e6, 0.05, "2032-06-01", 99, "", "", "", "2029-06-01@1.02"],
      ["B", "callable", 1e6, 0.05, "2032-06-01", 99, "", 101, "", ""],
      ["C", "callable", 1e6, 0.05, "2032-06-01", 99, "2033-01-01", "", "", ""],
    ]);
    expect(r.holdings.count).toBe(0);
    expect(r.problems.map((p) => [p.cell, p.field])).toEqual([
      ["H!J2", "call_schedule"],
      ["H!H3", "call_price"],
      ["H!G4", "call_date"],
    ]);
    expect(r.problems[0].message).toMatch(/not a call price per 100/);
  });
});

describe("floating columns", () => {
  const header = [
    "ID",
    "Type",
    "Par",
    "Coupon",
    "Maturity",
    "Price",
    "Float Date",
    "Spread (bp)",
    "Reset Frequency",
    "Index",
  ];
  it("reads switch dates, margins in the header's unit, resets and the index on floating rows only", () => {
    const r = read(header, [
      ["F", "frn", 1e6, 0.045, "2028-03-15", 100.1, "", 85, "quarterly", "SOFR"],
      ["G", "fixed-to-float", 1e6, 0.05, "2031-04-22", 99, "2030-04-22", 120, "", "Term SOFR"],
      ["B", "bullet", 1e6, 0.05, "2031-04-22", 99, "", 300, "", "Agg"],
    ]);
    expect(r.problems).toEqual([]);
    const f = r.holdings.floating!;
    expect(Array.from(f.floatDate)).toEqual([NaN, ymd(2030, 4, 22), NaN]);
    expect(f.spread[0]).toBeCloseTo(0.0085, 15);
    expect(f.spread[1]).toBeCloseTo(0.012, 15);
    expect(f.spread[2]).toBeNaN();
    expect(Array.from(f.resetFrequency)).toEqual([4, 0, 0]);
    expect(f.index).toEqual(["SOFR", "SOFR", ""]);
    expect(r.mapping.spread?.unit).toBe("basis points");
  });

  it("reads percent and decimal margins by header, bp from unmistakable values", () => {
    const h = (col: string, v: number) =>
      read(
        ["ID", "Type", "Par", "Coupon", "Maturity", "Price", col],
        [["F", "frn", 1e6, 0.045, "2028-03-15", 100, v]]
      );
    expect(h("Quoted Margin (%)", 0.85).holdings.floating!.spread[0]).toBeCloseTo(0.0085, 15);
    expect(h("Spread (decimal)", 0.0085).holdings.floating!.spread[0]).toBeCloseTo(0.0085, 15);
    expect(h("Discount Margin", 92).holdings.floating!.discountMargin[0]).toBeCloseTo(0.0092, 15);
  });

  it("reports a margin column whose unit cannot be told, and a switch date missing", () => {
    const r = read(
      ["ID", "Type", "Par", "Coupon", "Maturity", "Price", "Spread", "Float Date"],
      [
        ["F", "frn", 1e6, 0.045, "2028-03-15", 100, 0.85, ""],
        ["G", "fixed-to-float", 1e6, 0.05, "2031-04-22", 99, "", ""],
      ]
    );
    expect(r.problems.map((p) => [p.cell, p.field])).toEqual([
      ["H!G1", "spread"],
      ["H!G2", "spread"],
      ["H!H3", "float_date"],
    ]);
    expect(r.problems[0].message).toMatch(/basis points, percent or decimal/);
  });

  it("prices a floater from its discount margin when it has no price", () => {
    const r = read(
      ["ID", "Type", "Par", "Coupon", "Maturity", "Price", "DM (bp)"],
      [["F", "frn", 1e6, 0.045, "2028-03-15", "", 40]]
    );
    expect(r.problems).toEqual([]);
    expect(r.holdings.price[0]).toBeNaN();
    expect(r.holdings.floating!.discountMargin[0]).toBeCloseTo(0.004, 15);
  });
});
