/**
 * Cell values as Excel's Range.values (numbers, strings, booleans, "" for empty) and exceljs
 * (also null, Date, rich text, hyperlinks, formulas with cached results, error objects) give them,
 * reduced to plain values; number parsing of cell text; A1 addresses.
 */

/** A cell value after unwrapping: null for an empty cell. */
export type CellValue = number | string | boolean | Date | null;

/** Text that means "no value" in vendor files: a dash, n/a, na (any case, surrounding spaces). */
const MISSING_TEXT = /^\s*(?:[-\u2012\u2013\u2014]{1,2}|n\/?a|n\.a\.)?\s*$/i;

/** True for text that means an empty cell: blank, `-`, `--`, `—`, `n/a`, `N/A`, `na`, `n.a.`. */
export function isMissingText(text: string): boolean {
  return MISSING_TEXT.test(text);
}

/**
 * Unwraps a cell value: exceljs rich text becomes its text, a hyperlink its text, a formula its
 * cached result, an error object its error text ("#N/A"); blank text and the vendors' "missing"
 * marks (`-`, `n/a`; see {@link isMissingText}) become null.
 */
export function cellValue(raw: unknown): CellValue {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === "number" || typeof raw === "boolean" || raw instanceof Date) return raw;
  if (typeof raw === "string") return isMissingText(raw) ? null : raw;
  if (typeof raw === "object") {
    const o = raw as Record<string, unknown>;
    if (Array.isArray(o.richText)) {
      return cellValue(
        o.richText.map((run) => String((run as { text?: unknown }).text ?? "")).join("")
      );
    }
    if ("formula" in o || "sharedFormula" in o) return cellValue(o.result);
    if ("error" in o) return String(o.error);
    if ("text" in o) return cellValue(o.text);
    if ("result" in o) return cellValue(o.result);
  }
  return String(raw);
}

/** True when every cell of the row is empty. */
export function isEmptyRow(row: readonly unknown[] | undefined): boolean {
  return !row || row.every((v) => cellValue(v) === null);
}

const NUMBER_TEXT = /^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i;
const GROUPED = /^[-+]?\d{1,3}(,\d{3})+(\.\d*)?$/;

/**
 * A cell as a number, the one number grammar of every input: a finite number as is; text such as
 * "71,246,274.07" (thousands separators), "(250,000)" (negative), "−5" (Unicode minus), "$100",
 * "4.5%" (0.045) or "1e6". Booleans, dates and other text give undefined.
 */
export function cellNumber(value: CellValue): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value !== "string") return undefined;
  let t = value.trim();
  // Plain numeric text, the common case, in one test.
  if (NUMBER_TEXT.test(t)) return Number(t);
  t = t.replace(/^\u2212/, "-");
  let sign = 1;
  if (t.startsWith("(") && t.endsWith(")")) {
    sign = -1;
    t = t.slice(1, -1).trim();
  }
  let scale = 1;
  if (t.endsWith("%")) {
    scale = 0.01;
    t = t.slice(0, -1).trim();
  }
  t = t.replace(/^([-+]?)\$/, "$1");
  if (GROUPED.test(t)) t = t.replace(/,/g, "");
  if (!NUMBER_TEXT.test(t)) return undefined;
  return sign * Number(t) * scale;
}

/** Text of a cell for id-like and label-like columns: numbers as digits, trimmed; "" if empty. */
export function cellText(value: CellValue): string {
  if (value === null) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).trim();
}

/** Column letters of a 0-based column index: 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetters(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Sheet name as written before "!" in a reference, quoted when it is not a plain name. */
export function sheetPrefix(sheet: string): string {
  if (sheet === "") return "";
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet);
  const looksLikeReference = /^[A-Za-z]{1,3}\d+$/.test(sheet) || /^[Rr]\d*[Cc]\d*$/.test(sheet);
  return plain && !looksLikeReference ? `${sheet}!` : `'${sheet.replace(/'/g, "''")}'!`;
}

/** A1 address of a cell: sheet, 1-based worksheet row, 0-based worksheet column. */
export function a1Address(sheet: string, row: number, column: number): string {
  return `${sheetPrefix(sheet)}${columnLetters(column)}${row}`;
}
