/** The playground's display of numbers under the formats keyrate and the sample use. */
import { showValue } from "../../src/playground/numberFormat";

test.each([
  [1344216934.2, "#,##0;[Red]-#,##0", "1,344,216,934", undefined],
  [-845, "#,##0;[Red]-#,##0", "-845", "red"],
  [0.03875, "0.000%", "3.875%", undefined],
  [5.43612, "0.000", "5.436", undefined],
  [46037, "yyyy-mm-dd", "2026-01-15", undefined],
  [46037, "m/d/yyyy", "1/15/2026", undefined],
  [0.1 + 0.2, "General", "0.3", undefined],
  [2, "0", "2", undefined],
  ["Treasury", "General", "Treasury", undefined],
  [true, "General", "TRUE", undefined],
])("%p in %p shows %p", (value, format, text, color) => {
  expect(showValue(value, format)).toEqual(color ? { text, color } : { text });
});
