import fc from "fast-check";
import { isoFromSerial, serialFromIso, serialFromYmd } from "../../../src/core/dates";
import { InvalidValueError, OutOfDomainError } from "../../../src/core/errors";
import {
  addBusinessDays,
  easterSunday,
  FIRST_YEAR,
  holidaysInYear,
  isBusinessDay,
  isHoliday,
  isWeekend,
  LAST_YEAR,
  lastBusinessDayOfMonth,
  firstBusinessDayOfMonth,
  nextOrSameBusinessDay,
  previousOrSameBusinessDay,
  settlementDate,
  weekday,
} from "../../../src/core/calendar/usGovernmentSecurities";

const iso = (text: string) => serialFromIso(text)!;
const holidayDates = (y: number) => holidaysInYear(y).map((h) => isoFromSerial(h.serial));

describe("SIFMA holidays, written from the rules by hand", () => {
  it("2021: Saturday Christmas on Friday, no Juneteenth yet, Dec 31 open", () => {
    expect(holidayDates(2021)).toEqual([
      "2021-01-01",
      "2021-01-18",
      "2021-02-15",
      "2021-04-02",
      "2021-05-31",
      "2021-07-05",
      "2021-09-06",
      "2021-10-11",
      "2021-11-11",
      "2021-11-25",
      "2021-12-24",
    ]);
    expect(isBusinessDay(iso("2021-12-31"))).toBe(true);
    expect(isBusinessDay(iso("2021-06-18"))).toBe(true);
  });

  it("2022: Sunday Juneteenth and Christmas observed Monday", () => {
    expect(holidayDates(2022)).toEqual([
      "2022-01-17",
      "2022-02-21",
      "2022-04-15",
      "2022-05-30",
      "2022-06-20",
      "2022-07-04",
      "2022-09-05",
      "2022-10-10",
      "2022-11-11",
      "2022-11-24",
      "2022-12-26",
    ]);
  });

  it("2023: Sunday New Year on Monday, Saturday Veterans Day on Friday", () => {
    expect(holidayDates(2023)).toEqual([
      "2023-01-02",
      "2023-01-16",
      "2023-02-20",
      "2023-04-07",
      "2023-05-29",
      "2023-06-19",
      "2023-07-04",
      "2023-09-04",
      "2023-10-09",
      "2023-11-10",
      "2023-11-23",
      "2023-12-25",
    ]);
  });

  it("2024", () => {
    expect(holidayDates(2024)).toEqual([
      "2024-01-01",
      "2024-01-15",
      "2024-02-19",
      "2024-03-29",
      "2024-05-27",
      "2024-06-19",
      "2024-07-04",
      "2024-09-02",
      "2024-10-14",
      "2024-11-11",
      "2024-11-28",
      "2024-12-25",
    ]);
  });

  it("2025, with names", () => {
    expect(holidaysInYear(2025).map((h) => [isoFromSerial(h.serial), h.name])).toEqual([
      ["2025-01-01", "New Year's Day"],
      ["2025-01-20", "Martin Luther King Jr. Day"],
      ["2025-02-17", "Washington's Birthday"],
      ["2025-04-18", "Good Friday"],
      ["2025-05-26", "Memorial Day"],
      ["2025-06-19", "Juneteenth National Independence Day"],
      ["2025-07-04", "Independence Day"],
      ["2025-09-01", "Labor Day"],
      ["2025-10-13", "Columbus Day"],
      ["2025-11-11", "Veterans Day"],
      ["2025-11-27", "Thanksgiving Day"],
      ["2025-12-25", "Christmas Day"],
    ]);
  });

  it("2026 and 2027: Saturday holidays on Friday, Sunday July 4 on Monday", () => {
    expect(holidayDates(2026)).toContain("2026-07-03");
    expect(holidayDates(2027)).toEqual([
      "2027-01-01",
      "2027-01-18",
      "2027-02-15",
      "2027-03-26",
      "2027-05-31",
      "2027-06-18",
      "2027-07-05",
      "2027-09-06",
      "2027-10-11",
      "2027-11-11",
      "2027-11-25",
      "2027-12-24",
    ]);
    const observed = holidaysInYear(2027)
      .filter((h) => h.observed)
      .map((h) => h.name);
    expect(observed).toEqual([
      "Juneteenth National Independence Day",
      "Independence Day",
      "Christmas Day",
    ]);
    // New Year 2028 is a Saturday: Friday 2027-12-31 stays open.
    expect(isBusinessDay(iso("2027-12-31"))).toBe(true);
  });

  it("uses the pre-1971 fixed dates and the 1971–1977 October Veterans Day", () => {
    expect(holidayDates(1969)).toEqual(
      expect.arrayContaining(["1969-02-21", "1969-05-30", "1969-10-13", "1969-11-11"])
    );
    expect(holidayDates(1975)).toContain("1975-10-27");
    expect(holidayDates(1975)).not.toContain("1975-11-11");
    expect(holidayDates(1985).some((d) => d.startsWith("1985-01-2"))).toBe(false);
    expect(holidayDates(1986)).toContain("1986-01-20");
  });

  it("finds Easter by the computus", () => {
    const easter: Record<number, string> = {
      1961: "1961-04-02",
      2000: "2000-04-23",
      2008: "2008-03-23",
      2011: "2011-04-24",
      2019: "2019-04-21",
      2024: "2024-03-31",
      2025: "2025-04-20",
      2038: "2038-04-25",
      2100: "2100-03-28",
    };
    for (const [y, date] of Object.entries(easter)) {
      expect(isoFromSerial(easterSunday(Number(y)))).toBe(date);
    }
  });

  it("has 11 or 12 holidays a year, all weekdays inside the year", () => {
    for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) {
      const list = holidaysInYear(y);
      expect(list.length).toBeGreaterThanOrEqual(y < 1986 ? 9 : 10);
      expect(list.length).toBeLessThanOrEqual(12);
      for (const h of list) {
        expect(isWeekend(h.serial)).toBe(false);
        expect(isoFromSerial(h.serial).startsWith(String(y))).toBe(true);
        expect(isHoliday(h.serial)).toBe(true);
      }
      expect(new Set(list.map((h) => h.serial)).size).toBe(list.length);
    }
  });
});

describe("business days", () => {
  it("counts weekdays by serial", () => {
    expect(weekday(iso("2025-01-01"))).toBe(3); // Wednesday
    expect(weekday(iso("2025-03-15"))).toBe(6); // Saturday
  });

  it("moves like WORKDAY over weekends and holidays", () => {
    expect(isoFromSerial(addBusinessDays(iso("2025-06-18"), 1))).toBe("2025-06-20");
    expect(isoFromSerial(addBusinessDays(iso("2025-06-20"), -1))).toBe("2025-06-18");
    expect(isoFromSerial(addBusinessDays(iso("2025-12-24"), 1))).toBe("2025-12-26");
    expect(isoFromSerial(addBusinessDays(iso("2025-03-15"), 1))).toBe("2025-03-17");
    expect(addBusinessDays(iso("2025-03-15"), 0)).toBe(iso("2025-03-15"));
  });

  it("settles T+1 by default", () => {
    expect(isoFromSerial(settlementDate(iso("2025-11-26")))).toBe("2025-11-28");
    expect(isoFromSerial(settlementDate(iso("2025-07-03")))).toBe("2025-07-07");
    expect(isoFromSerial(settlementDate(iso("2025-07-03"), 2))).toBe("2025-07-08");
    expect(() => settlementDate(iso("2025-07-03"), -1)).toThrow(OutOfDomainError);
  });

  it("finds the first and last business days of a month", () => {
    expect(isoFromSerial(lastBusinessDayOfMonth(2025, 5))).toBe("2025-05-30");
    expect(isoFromSerial(lastBusinessDayOfMonth(2027, 12))).toBe("2027-12-31");
    expect(isoFromSerial(lastBusinessDayOfMonth(2021, 12))).toBe("2021-12-31");
    expect(isoFromSerial(lastBusinessDayOfMonth(2022, 12))).toBe("2022-12-30");
    expect(isoFromSerial(firstBusinessDayOfMonth(2023, 1))).toBe("2023-01-03");
    expect(isoFromSerial(nextOrSameBusinessDay(iso("2025-07-04")))).toBe("2025-07-07");
    expect(isoFromSerial(previousOrSameBusinessDay(iso("2025-07-04")))).toBe("2025-07-03");
  });

  it("rejects dates and years outside 1950–2200 and non-integer day counts", () => {
    expect(() => isBusinessDay(serialFromYmd(1949, 12, 31))).toThrow(OutOfDomainError);
    expect(() => isBusinessDay(serialFromYmd(2201, 1, 3))).toThrow(OutOfDomainError);
    expect(() => holidaysInYear(2201)).toThrow(OutOfDomainError);
    expect(() => holidaysInYear(2025.5)).toThrow(InvalidValueError);
    expect(() => addBusinessDays(iso("2025-01-02"), 1.5)).toThrow(InvalidValueError);
    expect(() => addBusinessDays(iso("2200-12-30"), 5)).toThrow(OutOfDomainError);
    expect(() => lastBusinessDayOfMonth(2025, 13)).toThrow(OutOfDomainError);
  });
});

describe("business-day properties", () => {
  const first = serialFromYmd(1955, 1, 1);
  const last = serialFromYmd(2195, 12, 31);
  const date = fc.integer({ min: first, max: last });
  const days = fc.integer({ min: 1, max: 400 });

  it("never counts a weekend as a business day", () => {
    fc.assert(
      fc.property(date, (s) => {
        if (isWeekend(s)) expect(isBusinessDay(s)).toBe(false);
      })
    );
  });

  it("adding n then −n gives the start, or the business day before it (n > 0)", () => {
    fc.assert(
      fc.property(date, days, (s, n) => {
        const back = addBusinessDays(addBusinessDays(s, n), -n);
        expect(isBusinessDay(back)).toBe(true);
        expect(back).toBeLessThanOrEqual(s);
        expect(back).toBe(previousOrSameBusinessDay(s));
      })
    );
  });

  it("subtracting n then adding n gives the start, or the business day after it", () => {
    fc.assert(
      fc.property(date, days, (s, n) => {
        const forth = addBusinessDays(addBusinessDays(s, -n), n);
        expect(isBusinessDay(forth)).toBe(true);
        expect(forth).toBeGreaterThanOrEqual(s);
        expect(forth).toBe(nextOrSameBusinessDay(s));
      })
    );
  });

  it("adds business days additively and lands only on business days", () => {
    fc.assert(
      fc.property(date, days, days, (s, a, b) => {
        const once = addBusinessDays(s, a + b);
        expect(addBusinessDays(addBusinessDays(s, a), b)).toBe(once);
        expect(isBusinessDay(once)).toBe(true);
      })
    );
  });

  it("has about 250 business days a year", () => {
    fc.assert(
      fc.property(fc.integer({ min: FIRST_YEAR, max: LAST_YEAR }), (y) => {
        let count = 0;
        for (let s = serialFromYmd(y, 1, 1); s <= serialFromYmd(y, 12, 31); s++) {
          if (isBusinessDay(s)) count++;
        }
        expect(count).toBeGreaterThanOrEqual(248);
        expect(count).toBeLessThanOrEqual(254);
      })
    );
  });
});
