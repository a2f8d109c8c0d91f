import { readHoldings, EXPECTED, HoldingProblem } from "../../../src/core/holdings";
import { serialFromYmd } from "../../../src/core/dates";

const SETTLE = serialFromYmd(2025, 1, 2);
const MAT = serialFromYmd(2030, 5, 15);
const HEADER = ["ID", "Description", "Sector", "Par", "Coupon", "Maturity", "Price", "Yield"];

/** A valid row of HEADER, with some cells replaced. */
function row(changes: Partial<Record<string, unknown>> = {}): unknown[] {
  const base: Record<string, unknown> = {
    ID: "91282CAB1",
    Description: "UST 4.25 2030",
    Sector: "Treasury",
    Par: 1_000_000,
    Coupon: 0.0425,
    Maturity: MAT,
    Price: 99.5,
    Yield: "",
    ...changes,
  };
  return HEADER.map((h) => base[h]);
}

/** Problems of a one-row table placed at Holdings!B4 (header row 4, first column B). */
function problemsOf(changes: Partial<Record<string, unknown>>): HoldingProblem[] {
  const result = readHoldings([HEADER, row(changes)], {
    settlement: SETTLE,
    sheet: "Holdings",
    originRow: 4,
    originColumn: 1,
  });
  if (result.problems.length > 0) expect(result.holdings.count).toBe(0);
  return result.problems;
}

describe("readHoldings: a valid table", () => {
  it("reads values and applies defaults", () => {
    const {
      holdings: h,
      problems,
      mapping,
    } = readHoldings(
      [
        HEADER,
        row(),
        row({ ID: "CORP1", Sector: "Corp", Coupon: 0, Price: "", Yield: 0.05 }),
        row({ ID: "X", Sector: "" }),
      ],
      { settlement: SETTLE, sheet: "Holdings" }
    );
    expect(problems).toEqual([]);
    expect(mapping.price).toEqual({ index: 6, header: "Price" });
    expect(h.count).toBe(3);
    expect(h.id).toEqual(["91282CAB1", "CORP1", "X"]);
    expect(h.sector).toEqual(["government", "corporate", "other"]);
    expect(h.type).toEqual(["bullet", "zero", "bullet"]);
    expect(Array.from(h.basis)).toEqual([1, 0, 0]);
    expect(Array.from(h.frequency)).toEqual([2, 2, 2]);
    expect(h.currency).toEqual(["USD", "USD", "USD"]);
    expect(Array.from(h.par)).toEqual([1e6, 1e6, 1e6]);
    expect(Array.from(h.coupon)).toEqual([0.0425, 0, 0.0425]);
    expect(Array.from(h.maturity)).toEqual([MAT, MAT, MAT]);
    expect(h.price[0]).toBe(99.5);
    expect(h.price[1]).toBeNaN();
    expect(h.yld[0]).toBeNaN();
    expect(h.yld[1]).toBe(0.05);
    expect(h.vendorDuration[0]).toBeNaN();
    expect(h.vendorDv01[0]).toBeNaN();
    expect(h.issueDate[0]).toBeNaN();
    expect(Array.from(h.sourceRow)).toEqual([2, 3, 4]);
    expect(h.par).toBeInstanceOf(Float64Array);
    expect(h.frequency).toBeInstanceOf(Uint8Array);
    expect(h.sourceRow).toBeInstanceOf(Int32Array);
  });

  it("accepts Date objects, ISO text, numeric text, exceljs objects and negative par", () => {
    const { holdings: h, problems } = readHoldings(
      [
        HEADER,
        row({ Maturity: new Date(Date.UTC(2030, 4, 15)) }),
        row({ Maturity: "2030-05-15", Par: "(500,000)" }),
        row({ Maturity: String(MAT), Coupon: "4.25%" }),
        row({
          ID: { richText: [{ text: "RICH" }] },
          Price: { formula: "99+0.5", result: 99.5 },
          Maturity: { formula: "DATE(2030,5,15)", result: new Date(Date.UTC(2030, 4, 15)) },
        }),
        row({ ID: 12345 }),
      ],
      { settlement: SETTLE }
    );
    expect(problems).toEqual([]);
    expect(Array.from(h.maturity)).toEqual([MAT, MAT, MAT, MAT, MAT]);
    expect(h.par[1]).toBe(-500000);
    expect(h.coupon[2]).toBeCloseTo(0.0425, 15);
    expect(h.id[3]).toBe("RICH");
    expect(h.price[3]).toBe(99.5);
    expect(h.id[4]).toBe("12345");
  });

  it("reads optional columns", () => {
    const header = [
      "CUSIP",
      "Par",
      "Cpn",
      "Mat",
      "Px",
      "Freq",
      "Day Count",
      "Type",
      "Rating",
      "CCY",
      "Issue Date",
      "First Coupon",
      "Vendor Duration",
      "Vendor DV01",
    ];
    const { holdings: h, problems } = readHoldings(
      [
        header,
        [
          "A",
          100,
          0.05,
          MAT,
          101,
          "Quarterly",
          "ACT/360",
          "Callable",
          "AA-",
          "eur",
          "2020-05-15",
          "2020-11-15",
          4.6,
          "461.5",
        ],
      ],
      { settlement: SETTLE }
    );
    expect(problems).toEqual([]);
    expect(h.frequency[0]).toBe(4);
    expect(h.basis[0]).toBe(2);
    expect(h.type[0]).toBe("callable");
    expect(h.rating[0]).toBe("AA-");
    expect(h.currency[0]).toBe("EUR");
    expect(h.issueDate[0]).toBe(serialFromYmd(2020, 5, 15));
    expect(h.firstCoupon[0]).toBe(serialFromYmd(2020, 11, 15));
    expect(h.vendorDuration[0]).toBe(4.6);
    expect(h.vendorDv01[0]).toBe(461.5);
  });

  it("skips entirely empty rows silently, keeping worksheet row numbers", () => {
    const { holdings: h, problems } = readHoldings(
      [HEADER, row(), ["", "", null, undefined, "  "], [], row({ ID: "B" }), [], ["", ""]],
      { settlement: SETTLE, originRow: 10 }
    );
    expect(problems).toEqual([]);
    expect(Array.from(h.sourceRow)).toEqual([11, 14]);
  });

  it("takes an empty coupon of a zero-type holding as 0", () => {
    const { holdings: h, problems } = readHoldings(
      [
        [...HEADER, "Type"],
        [...row({ Coupon: "" }), "Zero"],
      ],
      { settlement: SETTLE }
    );
    expect(problems).toEqual([]);
    expect(h.coupon[0]).toBe(0);
    expect(h.type[0]).toBe("zero");
  });
});

describe("readHoldings: each bad input is reported where it is", () => {
  // Table at Holdings!B4: columns B ID, C Description, D Sector, E Par, F Coupon, G Maturity,
  // H Price, I Yield; the data row is worksheet row 5.
  it.each([
    ["empty id", { ID: "" }, "ID", "B", null, EXPECTED.id],
    ["par text", { Par: "lots" }, "Par", "E", "lots", EXPECTED.par],
    ["par empty", { Par: "" }, "Par", "E", null, EXPECTED.par],
    ["par boolean", { Par: true }, "Par", "E", true, EXPECTED.par],
    ["coupon text", { Coupon: "abc" }, "Coupon", "F", "abc", EXPECTED.coupon],
    ["coupon missing mark", { Coupon: "n/a" }, "Coupon", "F", null, EXPECTED.coupon],
    ["coupon negative", { Coupon: -0.01 }, "Coupon", "F", -0.01, EXPECTED.couponNegative],
    ["coupon of 100% or more", { Coupon: 150 }, "Coupon", "F", 150, EXPECTED.couponPercent],
    ["maturity text", { Maturity: "soon" }, "Maturity", "G", "soon", EXPECTED.maturity],
    [
      "maturity day-first text",
      { Maturity: "15/05/2030" },
      "Maturity",
      "G",
      "15/05/2030",
      EXPECTED.maturity,
    ],
    ["maturity empty", { Maturity: "" }, "Maturity", "G", null, EXPECTED.maturity],
    [
      "maturity at settlement",
      { Maturity: SETTLE },
      "Maturity",
      "G",
      SETTLE,
      "a maturity after the settlement date 2025-01-02",
    ],
    [
      "maturity before settlement",
      { Maturity: "2024-06-30" },
      "Maturity",
      "G",
      "2024-06-30",
      "a maturity after the settlement date 2025-01-02",
    ],
    ["price text", { Price: "par" }, "Price", "H", "par", EXPECTED.price],
    ["price zero", { Price: 0 }, "Price", "H", 0, EXPECTED.pricePositive],
    ["price negative", { Price: -1 }, "Price", "H", -1, EXPECTED.pricePositive],
    ["yield text", { Yield: "high" }, "Yield", "I", "high", EXPECTED.yield],
    ["yield of 100% or more", { Yield: 120 }, "Yield", "I", 120, EXPECTED.yieldPercent],
    [
      "neither price nor yield",
      { Price: "", Yield: "" },
      "Price",
      "H",
      null,
      EXPECTED.priceOrYield,
    ],
  ])("%s", (_name, changes, column, letter, value, expected) => {
    const problems = problemsOf(changes);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      sheet: "Holdings",
      row: 5,
      column,
      cell: `Holdings!${letter}5`,
      value,
      expected,
    });
    expect(problems[0].message).toContain(`Holdings!${letter}5`);
  });

  it.each([
    ["Frequency", 3, EXPECTED.frequency],
    ["Frequency", "monthly", EXPECTED.frequency],
    ["Basis", 5, EXPECTED.basis],
    ["Basis", "ACT/999", EXPECTED.basis],
    ["Type", "perpetual", EXPECTED.type],
    ["Currency", "dollars", EXPECTED.currency],
    ["Issue Date", "yesterday", EXPECTED.date],
    ["Issue Date", "2031-01-01", EXPECTED.issueBeforeMaturity],
    ["First Coupon", "2031-01-01", EXPECTED.firstCoupon],
    ["Vendor Duration", "abc", EXPECTED.number],
    ["Vendor DV01", "abc", EXPECTED.number],
  ])("optional column %s = %j", (header, value, expected) => {
    const { problems, holdings } = readHoldings(
      [
        [...HEADER, header],
        [...row(), value],
      ],
      {
        settlement: SETTLE,
        sheet: "Holdings",
      }
    );
    expect(holdings.count).toBe(0);
    expect(problems).toEqual([
      expect.objectContaining({ row: 2, column: header, cell: "Holdings!I2", value, expected }),
    ]);
  });

  it("reports a zero-type holding with a coupon", () => {
    const { problems } = readHoldings(
      [
        [...HEADER, "Type"],
        [...row(), "zero"],
      ],
      {
        settlement: SETTLE,
      }
    );
    expect(problems).toEqual([
      expect.objectContaining({ column: "Coupon", cell: "E2", expected: EXPECTED.couponZero }),
    ]);
  });

  it("reports the yield cell when there is no price column", () => {
    const { problems } = readHoldings(
      [
        ["ID", "Par", "Coupon", "Maturity", "YTM"],
        ["A", 1, 0.01, MAT, ""],
      ],
      { settlement: SETTLE, sheet: "S" }
    );
    expect(problems).toEqual([
      expect.objectContaining({ column: "YTM", cell: "S!E2", expected: EXPECTED.priceOrYield }),
    ]);
  });
});

describe("readHoldings: missing columns and all problems at once", () => {
  it("reports each missing required column once, at the header row", () => {
    const { problems, holdings } = readHoldings(
      [
        ["Description", "Sector"],
        ["a", "Corp"],
        ["b", "Corp"],
      ],
      { settlement: SETTLE, sheet: "Holdings", originRow: 3, originColumn: 2 }
    );
    expect(holdings.count).toBe(0);
    expect(problems.map((p) => p.column)).toEqual([
      "id",
      "par",
      "coupon",
      "maturity",
      "price or yield",
    ]);
    for (const p of problems) {
      expect(p.row).toBe(3);
      expect(p.cell).toBe("Holdings!C3:D3");
      expect(p.value).toBeNull();
    }
    expect(problems[2].expected).toContain("Coupon (or cpn");
  });

  it("still validates the columns present when one is missing, and outputs nothing", () => {
    const { problems, holdings } = readHoldings(
      [
        ["ID", "Par", "Coupon", "Price"],
        ["A", "x", 0.05, 100],
        ["B", 1, 0.05, 100],
      ],
      { settlement: SETTLE }
    );
    expect(holdings.count).toBe(0);
    expect(problems.map((p) => [p.column, p.cell])).toEqual([
      ["maturity", "A1:D1"],
      ["Par", "B2"],
    ]);
  });

  it("handles an empty range", () => {
    const { problems, holdings } = readHoldings([], { settlement: SETTLE, sheet: "H" });
    expect(holdings.count).toBe(0);
    expect(problems).toHaveLength(5);
    expect(problems[0].cell).toBe("H!A1");
  });

  it("collects every problem of every row, in worksheet order, keeping the good rows", () => {
    const { problems, holdings } = readHoldings(
      [
        HEADER,
        row({ ID: "", Par: "x", Coupon: "abc", Maturity: "never", Price: -3, Yield: "high" }),
        row({ ID: "GOOD1" }),
        row({ Sector: "Stocks", Price: "", Yield: "" }),
        ["", "", "", "", "", "", "", ""],
        row({ ID: "GOOD2", Maturity: "2020-01-01" }),
        row({ ID: "GOOD3" }),
      ],
      { settlement: SETTLE, sheet: "Holdings" }
    );
    expect(holdings.id).toEqual(["GOOD1", "GOOD3"]);
    expect(Array.from(holdings.sourceRow)).toEqual([3, 7]);
    expect(problems.map((p) => p.cell)).toEqual([
      "Holdings!A2",
      "Holdings!D2",
      "Holdings!E2",
      "Holdings!F2",
      "Holdings!G2",
      "Holdings!H2",
      "Holdings!G4",
      "Holdings!F6",
    ]);
  });
});

describe("readHoldings: override mapping", () => {
  it("reads columns a user assigned by hand", () => {
    const {
      holdings: h,
      problems,
      mapping,
    } = readHoldings(
      [
        ["Bond", "Amount", "C", "Final", "Rate", "Mark"],
        ["A", 100, 0.03, MAT, 0.05, 98],
      ],
      {
        settlement: SETTLE,
        mapping: { id: "Bond", par: 1, coupon: 2, maturity: "final", yield: 4, price: 5 },
      }
    );
    expect(problems).toEqual([]);
    expect(mapping.yield).toEqual({ index: 4, header: "Rate", unit: "decimal (from its values)" });
    expect(h.coupon[0]).toBe(0.03);
    expect(h.yld[0]).toBe(0.05);
    expect(h.price[0]).toBe(98);
  });

  it("reports a column unmapped by the override as missing", () => {
    const { problems } = readHoldings([HEADER, row()], {
      settlement: SETTLE,
      mapping: { coupon: null },
    });
    expect(problems.map((p) => p.column)).toEqual(["coupon"]);
  });
});
