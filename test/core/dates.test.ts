import fc from "fast-check";
import {
  isoFromSerial,
  parseDate,
  serialFromIso,
  serialFromYmd,
  ymdFromSerial,
  addMonths,
} from "../../src/core/dates";
import { InvalidValueError, OutOfDomainError } from "../../src/core/errors";

describe("Excel serial dates (1900 system)", () => {
  it("matches Excel's serials, including the phantom 1900-02-29", () => {
    expect(serialFromYmd(1900, 1, 1)).toBe(1);
    expect(serialFromYmd(1900, 2, 28)).toBe(59);
    expect(serialFromYmd(1900, 2, 29)).toBe(60);
    expect(serialFromYmd(1900, 3, 1)).toBe(61);
    expect(serialFromIso("2008-01-01")).toBe(39448);
    expect(serialFromIso("9999-12-31")).toBe(2958465);
    expect(isoFromSerial(60)).toBe("1900-02-29");
    expect(isoFromSerial(45658)).toBe("2025-01-01");
  });

  it("round-trips every serial through its civil date", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2958465 }), (s) => {
        const { y, m, d } = ymdFromSerial(s);
        expect(serialFromYmd(y, m, d)).toBe(s);
        expect(serialFromIso(isoFromSerial(s))).toBe(s);
      })
    );
  });

  it("parses serials, ISO text and Dates; rejects other text with #VALUE!", () => {
    expect(parseDate(39448.75)).toBe(39448);
    expect(parseDate("2008-01-01")).toBe(39448);
    expect(parseDate(new Date(Date.UTC(2008, 0, 1)))).toBe(39448);
    expect(() => parseDate("next Tuesday", "settlement")).toThrow(InvalidValueError);
    expect(() => parseDate("2023-02-29")).toThrow(InvalidValueError);
    expect(() => parseDate(0)).toThrow(OutOfDomainError);
    expect(() => parseDate(3e6)).toThrow(OutOfDomainError);
  });

  it("adds months with end-of-month clamping", () => {
    expect(addMonths({ y: 2024, m: 8, d: 31 }, -6)).toEqual({ y: 2024, m: 2, d: 29 });
    expect(addMonths({ y: 2023, m: 2, d: 28 }, 6, true)).toEqual({ y: 2023, m: 8, d: 31 });
  });
});
