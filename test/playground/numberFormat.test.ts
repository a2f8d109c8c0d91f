/**
 * The playground's display of values under Excel number formats. Expected texts are what Excel
 * (en-US) shows, from Microsoft's "Number format codes" reference and Excel's documented section,
 * rounding and sign rules; each sign rule is checked both ways (negative with one section gets a
 * minus; with two sections it does not).
 */
import { roundedDigits, showValue } from "../../src/playground/numberFormat";

const red = "red";

describe("sections and signs", () => {
  test.each([
    // One section: a negative gets a leading minus (the −69.6 m loss and the 5.18% of issue 13).
    [-69612345.6789, "0.000", "-69612345.679", undefined],
    [-0.0518, "0.00%", "-5.18%", undefined],
    [0.0518, "0.00%", "5.18%", undefined],
    [-5.43612, "0.000", "-5.436", undefined],
    [-1234.5, "#,##0.00", "-1,234.50", undefined],
    [-2.5, "0", "-3", undefined],
    // Excel keeps the sign of a negative that rounds to zero ("negative zero amounts",
    // excelribbon.tips.net T009901: −0.000001325 under two decimals shows −0.00).
    [-0.4, "0", "-0", undefined],
    [-0.000001325, "0.00", "-0.00", undefined],
    [-1234567.891, "General", "-1234567.891", undefined],
    // Two sections: the second shows |x|, its own minus or parentheses are literal.
    [1344216934.2, "#,##0;[Red]-#,##0", "1,344,216,934", undefined],
    [-845, "#,##0;[Red]-#,##0", "-845", red],
    [-845, "#,##0;[Red]#,##0", "845", red],
    [0, "#,##0;[Red]-#,##0", "0", undefined],
    [1234.5, "#,##0.00_);(#,##0.00)", "1,234.50 ", undefined],
    [-1234.5, "#,##0.00_);(#,##0.00)", "(1,234.50)", undefined],
    [-1234.5, "#,##0.00_);[Red](#,##0.00)", "(1,234.50)", red],
    // Three and four sections: zero and text.
    [0, '0.00;-0.00;"zero"', "zero", undefined],
    [0, "0;-0;;@", "", undefined],
    [-3, "0;-0;;@", "-3", undefined],
    [7, "[Blue]0;[Red]-0;[Green]0", "7", "blue"],
    [0, "[Blue]0;[Red]-0;[Green]0", "0", "green"],
  ])("%p in %p shows %p", (value, format, text, color) => {
    expect(showValue(value, format)).toEqual(color ? { text, color } : { text });
  });
});

describe("digits, grouping, scaling, percent, exponent, literals", () => {
  test.each([
    [1234.59, "####.#", "1234.6"],
    [8.9, "#.000", "8.900"],
    [0.631, "0.#", "0.6"],
    [12, "#.0#", "12.0"],
    [1234.568, "#.0#", "1234.57"],
    [0.5, "#.00", ".50"],
    [12000, "#,###", "12,000"],
    [12000, "#,", "12"],
    [12200000, "0.0,,", "12.2"],
    [-69612345.6789, '#,##0.0,," m"', "-69.6 m"],
    [1344216934.2, "#,##0,", "1,344,217"],
    [44.398, "???.???", " 44.398"],
    [102.65, "???.???", "102.65 "],
    [2.8, "???.???", "  2.8  "],
    [0.03875, "0.000%", "3.875%"],
    [5.43612, "0.000", "5.436"],
    [1.005, "0.00", "1.01"],
    [2.5, "0", "3"],
    [2, "0", "2"],
    [12345, "0.00E+00", "1.23E+04"],
    [0.000123, "0.00E+00", "1.23E-04"],
    [0.000123, "0.00E-00", "1.23E-04"],
    [12345, "0.00E-00", "1.23E04"],
    [12.5, '"Sales "0.00', "Sales 12.50"],
    [12.34, '0.0 "bp"', "12.3 bp"],
    [12.34, "0.0\\x", "12.3x"],
    [1234.5, "[$USD] #,##0.00", "USD 1,234.50"],
    [1234.5, "[$$-409]#,##0.00", "$1,234.50"],
    [1234.5, "$#,##0.00", "$1,234.50"],
    [0.1 + 0.2, "General", "0.3"],
    [1e12, "General", "1E+12"],
    [3.5, "@", "3.5"],
  ])("%p in %p shows %p", (value, format, text) => {
    expect(showValue(value, format)).toEqual({ text });
  });
});

describe("dates and times (1900 serials)", () => {
  test.each([
    [46037, "yyyy-mm-dd", "2026-01-15"],
    [46037, "m/d/yyyy", "1/15/2026"],
    [45658, "dddd, mmmm d, yyyy", "Wednesday, January 1, 2025"],
    [45658, "ddd d mmm yy", "Wed 1 Jan 25"],
    [45658, "mmm-yy", "Jan-25"],
    [45658, "mmmmm", "J"],
    [45658.75, "h:mm AM/PM", "6:00 PM"],
    [45658.5, "yyyy-mm-dd hh:mm:ss", "2025-01-01 12:00:00"],
    [45658.0625, "h:mm", "1:30"],
  ])("%p in %p shows %p", (value, format, text) => {
    expect(showValue(value, format)).toEqual({ text });
  });
});

describe("text and booleans", () => {
  test.each([
    ["Treasury", "General", "Treasury"],
    ["Treasury", "0.00", "Treasury"],
    ["abc", '0;-0;0;"Text: "@', "Text: abc"],
    ["abc", '"<"@">"', "<abc>"],
    [true, "General", "TRUE"],
  ])("%p in %p shows %p", (value, format, text) => {
    expect(showValue(value, format)).toEqual({ text });
  });
});

test("rounding is decimal half-up on 15 significant digits", () => {
  expect(roundedDigits(1.005, 2)).toEqual({ whole: "1", fraction: "01" });
  expect(roundedDigits(0.045, 2)).toEqual({ whole: "0", fraction: "05" });
  expect(roundedDigits(0.0449999, 2)).toEqual({ whole: "0", fraction: "04" });
  expect(roundedDigits(999.995, 2)).toEqual({ whole: "1000", fraction: "00" });
  expect(roundedDigits(123456789012, 0)).toEqual({ whole: "123456789012", fraction: "" });
  expect(roundedDigits(0.000123, 6)).toEqual({ whole: "0", fraction: "000123" });
});
