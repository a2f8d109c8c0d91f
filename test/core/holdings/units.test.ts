/** Units of holdings columns, decided once per column; vendor layouts; cash lines; group labels. */
import { readFileSync } from "fs";
import { join } from "path";
import {
  decideRateUnit,
  mappingLines,
  readHoldings,
  sectorOfGroup,
  unitFromHeader,
} from "../../../src/core/holdings";
import { serialFromIso } from "../../../src/core/dates";
import { parseCsv } from "../../../src/cli/tableFile";

const SETTLE = serialFromIso("2026-12-04")!;
const read = (values: unknown[][]) => readHoldings(values, { settlement: SETTLE, sheet: "H" });

describe("units from headers", () => {
  it.each([
    ["coupon", "Coupon (%)", "percent"],
    ["coupon", "Coupon %", "percent"],
    ["coupon", "Cpn pct", "percent"],
    ["yield", "YTM (%)", "percent"],
    ["yield", "Yield (decimal)", "decimal"],
    ["vendor_weight", "Weight (%)", "percent"],
  ] as const)("%s %j is %s", (field, header, kind) => {
    expect(unitFromHeader(field, header)?.kind).toBe(kind);
  });

  it.each([
    ["Par (000s)", 1e3],
    ["Par (000)", 1e3],
    ["Par ($000)", 1e3],
    ["Par in thousands", 1e3],
    ["Par (mm)", 1e6],
    ["Market Value ($mm)", 1e6],
  ])("par %j scales by %d", (header, factor) => {
    expect(unitFromHeader("par", header)).toEqual({ kind: "scale", factor, source: "header" });
  });

  it("reads a 0.125 coupon in a percent column as 0.125%, the whole column alike", () => {
    const r = read([
      ["ID", "Par (000s)", "Coupon (%)", "Maturity", "Price"],
      ["A", "1,000", 0.125, "Feb 01, 2046", 90],
      ["B", 5, "4.5", "2/15/2030", 99],
      ["C", 5, "4.5%", "2030-02-15", 99],
    ]);
    expect(r.problems).toEqual([]);
    expect(Array.from(r.holdings.coupon)).toEqual([0.00125, 0.045, 0.045]);
    expect(Array.from(r.holdings.par)).toEqual([1e6, 5000, 5000]);
    expect(r.holdings.maturity[0]).toBe(serialFromIso("2046-02-01"));
    expect(mappingLines(r)).toEqual([
      "A ID → id",
      "B Par (000s) → par, in thousands (× 1,000)",
      "C Coupon (%) → coupon, percent",
      "D Maturity → maturity",
      "E Price → price",
    ]);
  });
});

describe("units decided from a column's values", () => {
  it("percent when a value is 1 or more, decimal when all are at most 0.2, else reported", () => {
    expect(decideRateUnit("coupon", [0.125, 4.5, 3.25, null]).kind).toBe("percent");
    // Mostly decimals: a stray 4.5 does not turn the column into percents (it is reported).
    expect(decideRateUnit("coupon", [0.045, 0.05, 0.0425, 4.5]).kind).toBe("decimal");
    expect(decideRateUnit("coupon", [0.045, 0.06, "-"]).kind).toBe("decimal");
    expect(decideRateUnit("coupon", [0.5, 0.25])).toMatchObject({ kind: "ambiguous" });
    expect(decideRateUnit("coupon", [4.5, 0.04])).toMatchObject({ kind: "ambiguous" });
    expect(decideRateUnit("vendor_weight", [0.3, 0.3, 0.4]).kind).toBe("decimal");
    expect(decideRateUnit("vendor_weight", Array(400).fill(0.25)).kind).toBe("percent");
  });

  it("reports an undecidable coupon column once, at its header, and reads no row", () => {
    const r = read([
      ["ID", "Par", "Coupon", "Maturity", "Price"],
      ["A", 100, 0.5, "2030-01-01", 99],
      ["B", 100, 0.25, "2030-01-01", 99],
    ]);
    expect(r.holdings.count).toBe(0);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ cell: "H!C1", field: "coupon" });
    expect(r.problems[0].message).toMatch(/cannot tell percent from decimal.*Coupon \(%\)/);
    expect(r.mapping.coupon?.unit).toMatch(/unit undecided/);
  });
});

describe("vendor layouts", () => {
  it("finds the header below a preamble and names the rows skipped above and below", () => {
    const r = read([
      ["Fund Holdings as of", "Dec 03, 2026"],
      [],
      ["ID", "Par", "Coupon", "Maturity", "Price"],
      ["A", 100, 0.05, "2030-01-01", 99],
      ["", "", "", "", ""],
      ["Holdings are subject to change."],
      ["© Someone"],
    ]);
    expect(r.problems).toEqual([]);
    expect(r.headerRow).toBe(3);
    expect(r.holdings.sourceRow[0]).toBe(4);
    expect(r.skipped).toEqual([
      { row: 1, why: "preamble", text: "Fund Holdings as of, Dec 03, 2026" },
      { row: 6, why: "footer", text: "Holdings are subject to change." },
      { row: 7, why: "footer", text: "© Someone" },
    ]);
  });

  it("keeps free-text sectors as group labels, mapped to a broad sector where known", () => {
    expect(sectorOfGroup("Banking")).toBe("corporate");
    expect(sectorOfGroup("Treasuries")).toBe("government");
    expect(sectorOfGroup("Cash and/or Derivatives")).toBe("cash");
    expect(sectorOfGroup("Owned No Guarantee")).toBe("agency");
    expect(sectorOfGroup("Equity")).toBeUndefined();
    const r = read([
      ["ID", "Par", "Coupon", "Maturity", "Price", "Sector"],
      ["A", 100, 0.05, "2030-01-01", 99, "Banking"],
      ["B", 100, 0.05, "2030-01-01", 99, "Collectibles"],
    ]);
    expect(r.problems).toEqual([]);
    expect(r.holdings.sector).toEqual(["corporate", "other"]);
    expect(r.holdings.group).toEqual(["Banking", "Collectibles"]);
  });

  it("reads cash lines as overnight cash at their par or market value", () => {
    const r = read([
      ["CUSIP", "Name", "Asset Class", "Par", "Market Value", "Coupon", "Maturity", "Price"],
      ["-", "USD CASH", "Cash", "1,000.50", "1,000.50", "-", "-", "100"],
      ["X", "BLK CASH FUND", "Money Market", "", "2,000", "", "", ""],
      ["", "EUR CASH", "", "", "(300)", "", "", ""],
    ]);
    expect(r.problems).toEqual([]);
    expect(r.holdings.id).toEqual(["USD CASH", "X", "EUR CASH"]);
    expect(r.holdings.sector).toEqual(["cash", "cash", "cash"]);
    expect(Array.from(r.holdings.par)).toEqual([1000.5, 2000, -300]);
    expect(Array.from(r.holdings.maturity)).toEqual([SETTLE + 1, SETTLE + 1, SETTLE + 1]);
    expect(Array.from(r.holdings.price)).toEqual([100, 100, 100]);
  });

  it("reports a derivative among the cash lines instead of reading its notional as cash", () => {
    const r = read([
      [
        "CUSIP",
        "Name",
        "Sector",
        "Asset Class",
        "Par",
        "Market Value",
        "Coupon",
        "Maturity",
        "Price",
      ],
      [
        "-",
        "US 10YR NOTE MAR 27",
        "Cash and/or Derivatives",
        "Futures",
        "10,000,000",
        "0.00",
        "-",
        "-",
        "-",
      ],
    ]);
    expect(r.holdings.count).toBe(0);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ cell: "H!D2", field: "asset_class" });
    expect(r.problems[0].message).toMatch(/derivatives .* belong in the hedges/);
  });

  it("keeps the vendor's effective and modified durations, market value and weight", () => {
    const r = read([
      [
        "ID",
        "Par",
        "Coupon",
        "Maturity",
        "Price",
        "Duration",
        "Mod. Duration",
        "Market Value",
        "Weight (%)",
        "Accrual Date",
      ],
      ["A", 100, 0.05, "2030-01-01", 99, 3.1, 3.2, "99.10", "1.5", "Feb 01, 2020"],
    ]);
    expect(r.problems).toEqual([]);
    const h = r.holdings;
    expect([h.vendorDuration[0], h.vendorModDuration[0], h.vendorMarketValue[0]]).toEqual([
      3.1, 3.2, 99.1,
    ]);
    expect(h.vendorWeight[0]).toBeCloseTo(0.015, 15);
    expect(h.issueDate[0]).toBe(serialFromIso("2020-02-01"));
  });

  it("reads the iShares-style fixture: 24 bonds and a cash line, ids as text", () => {
    const file = join(__dirname, "..", "..", "fixtures", "vendor", "ishares-style.csv");
    const r = readHoldings(parseCsv(readFileSync(file, "utf8")), {
      settlement: SETTLE,
      sheet: "ishares",
    });
    expect(r.problems).toEqual([]);
    expect(r.holdings.count).toBe(25);
    expect(r.holdings.id.slice(1, 3)).toEqual(["123456E78", "012345678"]);
    expect(r.holdings.coupon[23]).toBeCloseTo(0.00125, 15);
    expect(r.skipped.filter((s) => s.why === "footer")).toHaveLength(1);
  });
});
