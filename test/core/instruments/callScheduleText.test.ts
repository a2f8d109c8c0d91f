import {
  callScheduleFromCell,
  callScheduleFromRows,
  callScheduleText,
  parseCallScheduleText,
} from "../../../src/core/instruments/callScheduleText";
import { serialFromYmd } from "../../../src/core/dates";
import { InvalidValueError } from "../../../src/core/errors";

const d = (y: number, m: number, day: number) => serialFromYmd(y, m, day);

describe("call schedule text", () => {
  it("reads date@price entries, each price holding until the next date", () => {
    const s = parseCallScheduleText("2029-06-01@102.438; 2030-06-01@101.219; 2031-06-01@100");
    expect(Array.from(s.dates)).toEqual([d(2029, 6, 1), d(2030, 6, 1), d(2031, 6, 1)]);
    expect(Array.from(s.prices)).toEqual([102.438, 101.219, 100]);
    expect(s.style).toBe("american");
    expect(s.makeWhole).toBeUndefined();
  });

  it("takes any date form, a date alone at par, a style and make-whole", () => {
    const s = parseCallScheduleText("Jun 01, 2029 @ 101\n6/1/2030; Bermudan");
    expect(Array.from(s.dates)).toEqual([d(2029, 6, 1), d(2030, 6, 1)]);
    expect(Array.from(s.prices)).toEqual([101, 100]);
    expect(s.style).toBe("bermudan");
    expect(parseCallScheduleText("2030-01-15@100; make-whole").makeWhole).toBe(true);
  });

  it("round-trips through its text", () => {
    const text = "2029-06-01@102.5; 2031-06-01@100; european";
    expect(callScheduleText(parseCallScheduleText(text))).toBe(text);
  });

  it("reports every bad entry, never rescales a price", () => {
    let err: unknown;
    try {
      parseCallScheduleText("2029-13-01@101; 2030-06-01@1.02; 2031-06-01@abc");
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InvalidValueError);
    const m = (err as Error).message;
    expect(m).toMatch(/2029-13-01/);
    expect(m).toMatch(/1\.02 is not a call price per 100/);
    expect(m).toMatch(/abc/);
    expect(() => parseCallScheduleText("2031-06-01@100; 2030-06-01@100")).toThrow(/increase/);
    expect(() => parseCallScheduleText("")).toThrow(/no call date/);
  });
});

describe("calls as rows and cells", () => {
  it("reads rows date, price, style with blank rows skipped", () => {
    const s = callScheduleFromRows([
      [d(2028, 3, 15), 101, "european"],
      ["", "", ""],
      ["2029-03-15", "100", "European"],
    ]);
    expect(Array.from(s.dates)).toEqual([d(2028, 3, 15), d(2029, 3, 15)]);
    expect(Array.from(s.prices)).toEqual([101, 100]);
    expect(s.style).toBe("european");
  });

  it("refuses mixed styles and bad styles", () => {
    expect(() =>
      callScheduleFromRows([
        [d(2028, 3, 15), 101, "european"],
        [d(2029, 3, 15), 100, "bermudan"],
      ])
    ).toThrow(/one style/);
    expect(() => callScheduleFromRows([[d(2028, 3, 15), 101, "daily"]])).toThrow(/call style/);
  });

  it("a date cell is callable at par, American; text is a schedule; blank is not callable", () => {
    const s = callScheduleFromCell(d(2030, 1, 15));
    expect(s && Array.from(s.prices)).toEqual([100]);
    expect(s?.style).toBe("american");
    expect(callScheduleFromCell("Jan 15, 2030")?.dates[0]).toBe(d(2030, 1, 15));
    expect(callScheduleFromCell("2030-01-15@101; 2031-01-15@100")?.prices.length).toBe(2);
    expect(callScheduleFromCell("")).toBeNull();
    expect(callScheduleFromCell(null)).toBeNull();
  });
});
