import fc from "fast-check";
import {
  dateCellText,
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

describe("dateCellText: a date cell's value in a message", () => {
  it("shows a serial as its ISO date with the serial, a Date as its date", () => {
    expect(dateCellText(45473)).toBe("2024-06-30 (serial 45473)");
    expect(dateCellText(45473.75)).toBe("2024-06-30 (serial 45473.75)");
    expect(dateCellText(1)).toBe("1900-01-01 (serial 1)");
    expect(dateCellText(new Date(Date.UTC(2025, 0, 2)))).toBe("2025-01-02");
  });

  it("leaves what is not a date serial to the caller", () => {
    for (const v of ["45473", "soon", true, null, undefined, 0, -5, 2958466, NaN, Infinity])
      expect(dateCellText(v)).toBeUndefined();
    expect(dateCellText(2958465)).toBe("9999-12-31 (serial 2958465)");
  });

  it("round-trips: the ISO date shown parses back to the whole serial", () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2958465 }), (serial) => {
        const iso = dateCellText(serial)!.slice(0, 10);
        expect(serialFromIso(iso)).toBe(serial);
      })
    );
  });
});
