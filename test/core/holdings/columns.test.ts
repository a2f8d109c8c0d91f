import {
  matchColumns,
  normalizeHeader,
  fieldOfHeader,
  describeField,
  applicableOverride,
} from "../../../src/core/holdings";

describe("normalizeHeader", () => {
  it("ignores case, spaces, underscores and punctuation", () => {
    expect(normalizeHeader(" Face_Amount ")).toBe("faceamount");
    expect(normalizeHeader("Coupon-Rate (%)")).toBe("couponrate");
    expect(normalizeHeader("Maturity.Date")).toBe("maturitydate");
  });
});

describe("matchColumns", () => {
  it("matches the canonical headers", () => {
    const m = matchColumns(["ID", "Description", "Par", "Coupon", "Maturity", "Price", "Yield"]);
    expect(m.id).toEqual({ index: 0, header: "ID" });
    expect(m.description).toEqual({ index: 1, header: "Description" });
    expect(m.par?.index).toBe(2);
    expect(m.coupon?.index).toBe(3);
    expect(m.maturity?.index).toBe(4);
    expect(m.price?.index).toBe(5);
    expect(m.yield?.index).toBe(6);
    expect(m.basis).toBeNull();
    expect(m.vendor_duration).toBeNull();
  });

  it.each([
    ["CUSIP", "id"],
    ["isin", "id"],
    ["Security ID", "id"],
    ["security_id", "id"],
    ["Identifier", "id"],
    ["Ticker", "id"],
    ["Name", "description"],
    ["Issuer", "issuer"],
    ["Issuer Name", "issuer"],
    ["Security", "description"],
    ["Face", "par"],
    ["Face Amount", "par"],
    ["QTY", "par"],
    ["Quantity", "par"],
    ["Position", "par"],
    ["Notional", "par"],
    ["Par Amount", "par"],
    ["Par (USD)", "par"],
    ["CPN", "coupon"],
    ["Coupon Rate", "coupon"],
    ["Rate", "coupon"],
    ["Coupon (%)", "coupon"],
    ["Mat", "maturity"],
    ["Maturity_Date", "maturity"],
    ["Clean Price", "price"],
    ["PX", "price"],
    ["YLD", "yield"],
    ["YTM", "yield"],
    ["Freq", "frequency"],
    ["Coupon Frequency", "frequency"],
    ["Day Count", "basis"],
    ["DayCount", "basis"],
    ["DCC", "basis"],
    ["Sector", "sector"],
    ["Type", "type"],
    ["Rating", "rating"],
    ["Currency", "currency"],
    ["CCY", "currency"],
    ["Issue Date", "issue_date"],
    ["issue_date", "issue_date"],
    ["First Coupon", "first_coupon"],
    ["first_coupon_date", "first_coupon"],
    ["Vendor Duration", "vendor_duration"],
    ["Duration (Vendor)", "vendor_duration"],
    ["BBG Duration", "vendor_duration"],
    ["vendor_duration", "vendor_duration"],
    ["Vendor DV01", "vendor_dv01"],
    ["DV01 (vendor)", "vendor_dv01"],
    ["vendor_dv01", "vendor_dv01"],
  ])("header %j → %s", (header, field) => {
    expect(fieldOfHeader(header)).toBe(field);
    const m = matchColumns(["x", header]);
    expect(m[field as keyof typeof m]).toEqual({ index: 1, header });
  });

  it("prefers the most specific synonym and gives each column to one field", () => {
    const m = matchColumns(["Rate", "Coupon", "Duration", "Vendor Duration", "Yield"]);
    expect(m.coupon).toEqual({ index: 1, header: "Coupon" });
    expect(m.vendor_duration).toEqual({ index: 3, header: "Vendor Duration" });
    expect(m.yield?.index).toBe(4);
  });

  it("takes the leftmost of duplicate headers and ignores blanks and odd cells", () => {
    const m = matchColumns([
      "",
      null,
      "Par",
      "par",
      { richText: [{ text: "Cou" }, { text: "pon" }] },
    ]);
    expect(m.par).toEqual({ index: 2, header: "Par" });
    expect(m.coupon).toEqual({ index: 4, header: "Coupon" });
  });

  it("does not match unrelated headers", () => {
    const m = matchColumns(["Notes", "Portfolio", "Yield to Worst (%)", "FX Rate", "Exchange"]);
    expect(Object.values(m).every((v) => v === null)).toBe(true);
  });

  it("keeps the vendor's market value, weight and both durations apart", () => {
    const m = matchColumns([
      "Mod. Duration",
      "Duration",
      "Market Value",
      "Weight (%)",
      "Accrual Date",
    ]);
    expect(m.vendor_mod_duration?.index).toBe(0);
    expect(m.vendor_duration?.index).toBe(1);
    expect(m.vendor_market_value?.index).toBe(2);
    expect(m.vendor_weight?.index).toBe(3);
    expect(m.issue_date?.index).toBe(4);
  });

  it("applies an override by index, header text, match object or null", () => {
    const headers = ["Bond", "Amount", "C", "Final", "Px", "Rate"];
    const m = matchColumns(headers, {
      id: 0,
      par: "amount",
      coupon: { index: 2, header: "C" },
      maturity: 3,
      price: null,
    });
    expect(m.id).toEqual({ index: 0, header: "Bond" });
    expect(m.par).toEqual({ index: 1, header: "Amount" });
    expect(m.coupon).toEqual({ index: 2, header: "C" });
    expect(m.maturity).toEqual({ index: 3, header: "Final" });
    expect(m.price).toBeNull();
    // "Rate" would be the coupon's, but the coupon was overridden: nothing else claims it.
    expect(m.yield).toBeNull();
  });

  it("lets an override take a column away from its automatic field", () => {
    const m = matchColumns(["ID", "Par", "Rate", "Coupon"], { yield: 2 });
    expect(m.yield).toEqual({ index: 2, header: "Rate" });
    expect(m.coupon).toEqual({ index: 3, header: "Coupon" });
  });

  it("ignores an override outside the row", () => {
    expect(matchColumns(["ID"], { id: 5 }).id).toBeNull();
    expect(matchColumns(["ID"], { id: "nope" }).id).toBeNull();
  });

  it("describes a field by its synonyms", () => {
    expect(describeField("coupon")).toBe("Coupon (or cpn, coupon rate, rate, coupon %)");
  });
});

describe("applicableOverride: corrections kept by header text", () => {
  const header = ["CUSIP", "Kupon", "Par", "Maturity", "Px"];

  it("keeps corrections naming a header of the row (compared as headers are) and every 'not used'", () => {
    expect(applicableOverride({ coupon: "kupon ", price: "PX", sector: null }, header)).toEqual({
      coupon: "kupon ",
      price: "PX",
      sector: null,
    });
    const m = matchColumns(header, applicableOverride({ coupon: "Kupon", price: "Px" }, header));
    expect([m.coupon?.index, m.price?.index]).toEqual([1, 4]);
  });

  it("drops a correction naming a header the row lacks: the field is matched automatically", () => {
    const override = applicableOverride({ par: "Face (old)", coupon: "Kupon" }, header);
    expect(override).toEqual({ coupon: "Kupon" });
    expect(matchColumns(header, override).par?.header).toBe("Par");
  });
});
