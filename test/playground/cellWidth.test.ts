/**
 * Excel's #### for a formatted number wider than its column. Widths from Calibri's advance widths:
 * a digit at 11 pt is 1038/2048 × 14.67 px ≈ 7.43 px, drawn as 7 px — Excel's "maximum digit
 * width" for the default font; a column of w characters is 7w + 5 px, of which 5 are padding.
 */
import { CELL_PADDING_PX, fitNumber, textWidthPx } from "../../src/playground/cellWidth";

test("digit width of Calibri 11 is Excel's 7 px maximum digit width", () => {
  expect(textWidthPx("0")).toBe(7);
  expect(textWidthPx("1,234.5")).toBe(5 * 7 + 4 + 4);
  expect(textWidthPx("0", 22)).toBe(15);
  expect(textWidthPx("0", 11, true)).toBeGreaterThan(textWidthPx("0"));
});

test("a number that fits is shown; one a pixel too wide fills the column with #", () => {
  const text = "1,344,216,934"; // 10 digits and 3 commas
  const width = textWidthPx(text);
  const fits = width + CELL_PADDING_PX;
  expect(fitNumber(text, fits)).toBe(text);
  const narrow = fits - 2;
  const shown = fitNumber(text, narrow);
  expect(shown).toMatch(/^#+$/);
  expect(shown.length).toBe(Math.floor((narrow - CELL_PADDING_PX) / textWidthPx("#")));
  // Excel's default column (8.43 characters, 64 px) holds 8 digits but not 9.
  expect(fitNumber("12345678", 64)).toBe("12345678");
  expect(fitNumber("123456789", 64)).toMatch(/^#+$/);
});
