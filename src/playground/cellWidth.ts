/**
 * Whether a formatted number fits its column as Excel lays it out, so that the grid can show
 * Excel's `####` where a column is too narrow. Widths are Calibri's advance widths (the default
 * font, 2048 units per em) at the cell's size in points, 96 px per inch, rounded to whole pixels
 * per character; Excel leaves about 5 px of a column's width as padding. Characters not in the table count as an average letter. An
 * approximation of Excel's layout (hinting and kerning ignored): good to a pixel or two per cell.
 */

/** Calibri advance widths in font units (of 2048) for the characters numbers are shown with. */
const ADVANCE: Readonly<Record<string, number>> = {
  "0": 1038,
  "1": 1038,
  "2": 1038,
  "3": 1038,
  "4": 1038,
  "5": 1038,
  "6": 1038,
  "7": 1038,
  "8": 1038,
  "9": 1038,
  ".": 517,
  ",": 511,
  "-": 627,
  "+": 1038,
  "%": 1463,
  $: 1038,
  "(": 621,
  ")": 621,
  " ": 463,
  "#": 1019,
  E: 1000,
  "/": 791,
  ":": 548,
};
/** An average Calibri letter, for characters outside the table. */
const AVERAGE_LETTER = 1000;
const UNITS_PER_EM = 2048;
const PX_PER_POINT = 96 / 72;
/** What Excel keeps free of text in a column, in pixels. */
export const CELL_PADDING_PX = 5;

/**
 * The width of text in Calibri at `sizePt` points, in pixels: each character's advance rounded to
 * whole pixels, as Windows' hinted rendering lays out Excel's cells (a digit at 11 pt: 7.43 → 7 px,
 * Excel's "maximum digit width"); bold about 3% wider.
 */
export function textWidthPx(text: string, sizePt = 11, bold = false): number {
  const scale = (sizePt * PX_PER_POINT * (bold ? 1.03 : 1)) / UNITS_PER_EM;
  let px = 0;
  for (const ch of text) px += Math.round((ADVANCE[ch] ?? AVERAGE_LETTER) * scale);
  return px;
}

/**
 * What Excel shows for a number's formatted text in a column `columnPx` wide: the text when it
 * fits, else the column filled with "#".
 */
export function fitNumber(text: string, columnPx: number, sizePt = 11, bold = false): string {
  const room = columnPx - CELL_PADDING_PX;
  if (textWidthPx(text, sizePt, bold) <= room) return text;
  const hash = textWidthPx("#", sizePt, bold);
  return "#".repeat(Math.max(1, Math.floor(room / hash)));
}
