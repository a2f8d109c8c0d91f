import {
  parseSector,
  parseHoldingType,
  parseBasisCell,
  parseFrequencyCell,
  defaultBasis,
} from "../../../src/core/holdings";
import { cellNumber, cellValue, a1Address, columnLetters } from "../../../src/core/holdings";

describe("parseSector", () => {
  it.each([
    ["Government", "government"],
    ["Treasury", "government"],
    ["UST", "government"],
    ["Govt", "government"],
    ["U.S. Treasury", "government"],
    ["Agency", "agency"],
    ["Corp", "corporate"],
    ["corporate", "corporate"],
    ["Muni", "municipal"],
    ["Municipal", "municipal"],
    ["MBS", "securitized"],
    ["ABS", "securitized"],
    ["CMBS", "securitized"],
    ["Securitised", "securitized"],
    ["Cash", "cash"],
    ["Other", "other"],
  ])("%j → %s", (text, sector) => expect(parseSector(text)).toBe(sector));

  it("rejects unknown text and numbers", () => {
    expect(parseSector("Equity")).toBeUndefined();
    expect(parseSector(1)).toBeUndefined();
  });
});

describe("parseHoldingType", () => {
  it.each([
    ["Bullet", "bullet"],
    ["fixed", "bullet"],
    ["Zero", "zero"],
    ["Zero Coupon", "zero"],
    ["FRN", "frn"],
    ["Floater", "frn"],
    ["Callable", "callable"],
    ["MBS", "mbs"],
    ["Pass-through", "mbs"],
  ])("%j → %s", (text, type) => expect(parseHoldingType(text)).toBe(type));

  it("rejects unknown text", () => expect(parseHoldingType("perpetual")).toBeUndefined());
});

describe("parseBasisCell", () => {
  it.each([
    [0, 0],
    [4, 4],
    ["1", 1],
    ["ACT/ACT", 1],
    ["Actual/Actual", 1],
    ["act/act ICMA", 1],
    ["30/360", 0],
    ["US 30/360", 0],
    ["30U/360", 0],
    ["ACT/360", 2],
    ["Actual/360", 2],
    ["ACT/365", 3],
    ["ACT/365F", 3],
    ["Actual/365 Fixed", 3],
    ["30E/360", 4],
    ["Eurobond", 4],
  ])("%j → %d", (value, code) => expect(parseBasisCell(value)).toBe(code));

  it.each([5, -1, 1.5, "ACT/999", "x", true])("rejects %j", (value) =>
    expect(parseBasisCell(value)).toBeUndefined()
  );

  it("defaults to actual/actual for government, US 30/360 otherwise", () => {
    expect(defaultBasis("government")).toBe(1);
    expect(defaultBasis("corporate")).toBe(0);
    expect(defaultBasis("municipal")).toBe(0);
  });
});

describe("parseFrequencyCell", () => {
  it.each([
    [1, 1],
    [2, 2],
    [4, 4],
    ["2", 2],
    ["Semiannual", 2],
    ["semi-annual", 2],
    ["SA", 2],
    ["Annual", 1],
    ["Quarterly", 4],
  ])("%j → %d", (value, f) => expect(parseFrequencyCell(value)).toBe(f));

  it.each([0, 3, 12, "monthly", false])("rejects %j", (value) =>
    expect(parseFrequencyCell(value)).toBeUndefined()
  );
});

describe("cells", () => {
  it("unwraps exceljs values", () => {
    expect(cellValue({ richText: [{ text: "AB" }, { text: "C" }] })).toBe("ABC");
    expect(cellValue({ formula: "A1*2", result: 4 })).toBe(4);
    expect(cellValue({ sharedFormula: "A1", result: "x" })).toBe("x");
    expect(cellValue({ formula: "A1" })).toBeNull();
    expect(cellValue({ text: "link", hyperlink: "http://x" })).toBe("link");
    expect(cellValue({ error: "#N/A" })).toBe("#N/A");
    expect(cellValue("   ")).toBeNull();
    expect(cellValue(undefined)).toBeNull();
  });

  it("reads numbers from text", () => {
    expect(cellNumber("1,000,000")).toBe(1e6);
    expect(cellNumber("(250,000)")).toBe(-250000);
    expect(cellNumber("$100")).toBe(100);
    expect(cellNumber("4.5%")).toBeCloseTo(0.045, 15);
    expect(cellNumber("-1e3")).toBe(-1000);
    expect(cellNumber("1,00")).toBeUndefined();
    expect(cellNumber("abc")).toBeUndefined();
    expect(cellNumber(true)).toBeUndefined();
    expect(cellNumber(NaN)).toBeUndefined();
  });

  it("writes A1 addresses", () => {
    expect(columnLetters(0)).toBe("A");
    expect(columnLetters(25)).toBe("Z");
    expect(columnLetters(26)).toBe("AA");
    expect(columnLetters(701)).toBe("ZZ");
    expect(columnLetters(702)).toBe("AAA");
    expect(a1Address("Holdings", 17, 3)).toBe("Holdings!D17");
    expect(a1Address("My Book", 2, 0)).toBe("'My Book'!A2");
    expect(a1Address("O'Neil", 2, 0)).toBe("'O''Neil'!A2");
    expect(a1Address("A1", 2, 0)).toBe("'A1'!A2");
    expect(a1Address("", 2, 1)).toBe("B2");
  });
});
