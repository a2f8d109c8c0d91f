/** The one date grammar of cell text: every accepted form, calendar dates whatever the time zone. */
import fc from "fast-check";
import { serialFromDateText } from "../../src/core/dateText";
import { isoFromSerial, parseDate, serialFromIso, ymdFromSerial } from "../../src/core/dates";
import { cellNumber, cellValue } from "../../src/core/holdings";

const FEB_1_2046 = serialFromIso("2046-02-01")!;

describe("date text", () => {
  it.each([
    "2046-02-01",
    "2046/02/01",
    "2046-02-01T00:00:00Z",
    "2046-02-01T23:59:59.999-10:00",
    "2046-02-01 13:45",
    "2/1/2046",
    "02/01/2046",
    "2/1/46",
    "2/1/2046 12:00:00 AM",
    "Feb 01, 2046",
    "February 1, 2046",
    "feb 1 2046",
    "01-Feb-2046",
    "1 Feb 2046",
    "01-FEB-46",
    "20460201",
    " Feb 01, 2046 ",
  ])("reads %j as 2046-02-01", (text) => {
    expect(serialFromDateText(text)).toBe(FEB_1_2046);
    expect(parseDate(text)).toBe(FEB_1_2046);
  });

  it.each([
    "31/12/2046",
    "2046-02-30",
    "Feb 30, 2046",
    "13/1/2046",
    "Febr 1 2046",
    "1 Foo 2046",
    "2046",
  ])("rejects %j instead of guessing", (text) => {
    expect(serialFromDateText(text)).toBeUndefined();
  });

  it("pivots two-digit years at 50", () => {
    expect(isoFromSerial(serialFromDateText("3/1/49")!)).toBe("2049-03-01");
    expect(isoFromSerial(serialFromDateText("3/1/50")!)).toBe("1950-03-01");
  });

  it("round-trips every day from 1900-03-01 to 9999-12-31 in each written form", () => {
    const months = [
      "Jan",
      "Feb",
      "Mar",
      "Apr",
      "May",
      "Jun",
      "Jul",
      "Aug",
      "Sep",
      "Oct",
      "Nov",
      "Dec",
    ];
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2958465 }), (s) => {
        const { y, m, d } = ymdFromSerial(s);
        expect(serialFromDateText(`${m}/${d}/${y}`)).toBe(s);
        expect(serialFromDateText(`${months[m - 1]} ${d}, ${y}`)).toBe(s);
        expect(serialFromDateText(`${d}-${months[m - 1]}-${y}`)).toBe(s);
        expect(serialFromDateText(`${isoFromSerial(s)}T12:00:00+14:00`)).toBe(s);
      })
    );
  });

  it("gives the same calendar date in time zones on both sides of UTC", () => {
    const saved = process.env.TZ;
    try {
      for (const tz of [
        "Pacific/Honolulu",
        "America/New_York",
        "UTC",
        "Europe/Berlin",
        "Asia/Tokyo",
        "Pacific/Kiritimati",
      ]) {
        process.env.TZ = tz;
        expect(parseDate("Feb 01, 2046")).toBe(FEB_1_2046);
        expect(parseDate("2046-02-01T00:00:00")).toBe(FEB_1_2046);
        // exceljs builds date cells at UTC midnight: read at their UTC day.
        expect(parseDate(new Date(Date.UTC(2046, 1, 1)))).toBe(FEB_1_2046);
      }
    } finally {
      process.env.TZ = saved;
    }
  });
});

describe("number and missing-value text", () => {
  it.each([
    ["71,246,274.07", 71246274.07],
    ["(250,000)", -250000],
    ["4.5%", 0.045],
    ["$1,000", 1000],
    ["\u22125", -5],
    ["1e6", 1e6],
  ])("reads %j as %d", (text, n) => {
    expect(cellNumber(text)).toBeCloseTo(n, 10);
  });

  it.each([["1,2,3"], ["12,34"], ["4.5 %%"], ["abc"]])("rejects %j", (text) => {
    expect(cellNumber(text)).toBeUndefined();
  });

  it.each(["-", "--", "\u2014", "n/a", "N/A", "na", "n.a.", "  "])(
    "takes %j as an empty cell",
    (t) => {
      expect(cellValue(t)).toBeNull();
    }
  );

  it("keeps identifiers as text", () => {
    expect(cellValue("345397E66")).toBe("345397E66");
    expect(cellValue("023135106")).toBe("023135106");
  });
});
