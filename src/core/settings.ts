/**
 * A Settings sheet (SPEC S2 "Settings"): label → value pairs in its first two columns, as the
 * sample workbook and the pane's output carry them ("Settlement date", "Target duration", …).
 * One reader for the pane and the CLI.
 */
import { cellText, cellValue } from "./holdings/cells";
import { parseDate } from "./dates";

/** Label (trimmed, lower case) → value of the first two columns of a settings range. */
export function settingsFromValues(values: readonly (readonly unknown[])[]): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const row of values) {
    const label = cellText(cellValue(row[0]));
    if (label !== "" && typeof cellValue(row[0]) === "string")
      out.set(label.toLowerCase(), cellValue(row[1]));
  }
  return out;
}

/**
 * The settlement date of a settings range (its "Settlement date" row), Excel serial; undefined
 * when the range has no such row or it is empty.
 * @throws InvalidValueError when the value is not a date.
 */
export function settlementFromSettings(
  values: readonly (readonly unknown[])[],
  where = "Settings!Settlement date"
): number | undefined {
  const v = settingsFromValues(values).get("settlement date");
  return v === undefined || v === null ? undefined : parseDate(v, where);
}
