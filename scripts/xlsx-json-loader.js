/**
 * Webpack loader (development builds only): an .xlsx workbook → a module exporting its snapshot,
 * the WorkbookSnapshot of src/playground/workbookModel.ts: per sheet the values from A1 as
 * Office.js's Range.values gives them ("" for empty cells, dates as Excel serial numbers, a
 * formula's cached result), number formats, bold/italic/colour/fill looks, column widths in points
 * and frozen rows. The playground starts from the sample workbook this way instead of a hand copy.
 *
 * `workbookSnapshot(bufferOrPath)` is exported for tests.
 */
const ExcelJS = require("exceljs");

/** Excel's serial of 1970-01-01 (dates after 1900-02-28 only, which is all a holdings sheet has). */
const UNIX_EPOCH_SERIAL = 25569;
const MS_PER_DAY = 86400000;
/** Points per character of column width (as src/render/officejs.ts assumes). */
const POINTS_PER_CHAR = 7;

/** A cell's value as Range.values would give it. */
function officeValue(raw) {
  if (raw === null || raw === undefined) return "";
  if (raw instanceof Date) return raw.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL;
  if (typeof raw !== "object") return raw;
  if (Array.isArray(raw.richText)) return raw.richText.map((run) => run.text ?? "").join("");
  if ("formula" in raw || "sharedFormula" in raw) return officeValue(raw.result);
  if ("error" in raw) return String(raw.error);
  if ("text" in raw) return officeValue(raw.text);
  return String(raw);
}

/** "FF117A65" (ARGB) → "#117A65". */
function rgb(argb) {
  return typeof argb === "string" && argb.length === 8 ? `#${argb.slice(2)}` : undefined;
}

/** Bold/italic/colour/fill of a cell, or undefined when it has none of them. */
function lookOf(cell) {
  const look = {};
  if (cell.font?.bold) look.bold = true;
  if (cell.font?.italic) look.italic = true;
  if (rgb(cell.font?.color?.argb)) look.color = rgb(cell.font.color.argb);
  if (
    cell.fill?.type === "pattern" &&
    cell.fill.pattern === "solid" &&
    rgb(cell.fill.fgColor?.argb)
  )
    look.fill = rgb(cell.fill.fgColor.argb);
  return Object.keys(look).length > 0 ? look : undefined;
}

/** The snapshot of one worksheet. */
/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read --
   exceljs cells, not Office.js proxies: there is nothing to load or sync. */
function sheetSnapshot(ws) {
  const values = [];
  const numberFormats = [];
  const looks = {};
  const width = ws.columnCount;
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const v = [];
    const f = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      v.push(officeValue(cell.value));
      f.push(cell.numFmt || "General");
      const look = lookOf(cell);
      if (look) looks[`${r - 1},${c - 1}`] = look;
    }
    values.push(v);
    numberFormats.push(f);
  }
  const view = (ws.views ?? [])[0];
  return {
    name: ws.name,
    values,
    numberFormats,
    looks,
    columnWidths: (ws.columns ?? []).map((col) => Math.round((col.width ?? 0) * POINTS_PER_CHAR)),
    freezeRows: view?.state === "frozen" ? (view.ySplit ?? 0) : 0,
  };
}
/* eslint-enable office-addins/call-sync-before-read, office-addins/load-object-before-read */

/** Reads a workbook (Buffer or file path) into a snapshot of every worksheet, in order. */
async function workbookSnapshot(input) {
  const wb = new ExcelJS.Workbook();
  if (typeof input === "string") await wb.xlsx.readFile(input);
  else await wb.xlsx.load(input);
  const sheets = [];
  wb.eachSheet((ws) => sheets.push(sheetSnapshot(ws)));
  return { sheets };
}

/** The loader: raw .xlsx bytes in, `module.exports = {snapshot}` out. */
function xlsxJsonLoader(source) {
  const callback = this.async();
  workbookSnapshot(source).then(
    (snapshot) => callback(null, `module.exports = ${JSON.stringify(snapshot)};`),
    (error) => callback(error)
  );
}

module.exports = xlsxJsonLoader;
module.exports.raw = true;
module.exports.workbookSnapshot = workbookSnapshot;
