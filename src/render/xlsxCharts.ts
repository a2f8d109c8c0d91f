/**
 * Native charts in an .xlsx that exceljs wrote (exceljs cannot write charts): the file is opened
 * as the zip it is and, per sheet with chart specs, gains a chart part per chart
 * (xl/charts/chartN.xml), a drawing part anchoring them (xl/drawings/drawingN.xml), the two
 * parts' relationships, a `<drawing r:id=…/>` element in the sheet at its place in the schema's
 * order, and the parts' content types. The sheets' cells are not touched.
 */
import { readFile, writeFile } from "fs/promises";
import JSZip from "jszip";
import { SheetModel } from "../core/report/sheetModel";
import { chartXml, drawingXml, xmlText } from "./drawingml";

const REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const REL_DRAWING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing";
const REL_CHART = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const CHART_CONTENT_TYPE =
  "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
export const DRAWING_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.drawing+xml";

/**
 * Worksheet elements that come after `drawing` in CT_Worksheet (ECMA-376 §18.3.1.99): the
 * drawing element goes before the first of them present, else at the end.
 */
const AFTER_DRAWING = [
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

/** A sheet as written: its name in the workbook (renderers may add " (2)") and its model. */
export interface WrittenSheet {
  readonly sheetName: string;
  readonly model: SheetModel;
}

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/** An attribute of an element's text, unescaped. */
function attr(element: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(element);
  return m ? unescapeXml(m[1]) : undefined;
}

async function text(zip: JSZip, path: string): Promise<string> {
  const file = zip.file(path);
  if (!file) throw new Error(`xlsx: no ${path}`);
  return file.async("string");
}

/** Sheet name → its part's path in the zip ("xl/worksheets/sheet1.xml"). */
async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const workbook = await text(zip, "xl/workbook.xml");
  const rels = await text(zip, "xl/_rels/workbook.xml.rels");
  const targets = new Map<string, string>();
  for (const rel of rels.match(/<Relationship\s[^>]*>/g) ?? []) {
    const target = attr(rel, "Target") ?? "";
    targets.set(attr(rel, "Id") ?? "", target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const parts = new Map<string, string>();
  for (const sheet of workbook.match(/<sheet\s[^>]*>/g) ?? []) {
    const part = targets.get(attr(sheet, "r:id") ?? "");
    if (part) parts.set(attr(sheet, "name") ?? "", part);
  }
  return parts;
}

/** The first n ≥ 1 for which `path(n)` is not in the zip. */
function freeNumber(zip: JSZip, path: (n: number) => string, from = 1): number {
  let n = from;
  while (zip.file(path(n))) n++;
  return n;
}

/** A relationships part holding `rels` ([id, type, target]). */
function relsXml(rels: readonly [string, string, string][]): string {
  const items = rels.map(
    ([id, type, target]) => `<Relationship Id="${id}" Type="${type}" Target="${xmlText(target)}"/>`
  );
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${REL_NS}">${items.join("")}</Relationships>`;
}

/** Adds a relationship to a part's (possibly missing) relationships part; returns its id. */
async function addRelationship(zip: JSZip, relsPath: string, type: string, target: string) {
  const existing = zip.file(relsPath) ? await text(zip, relsPath) : relsXml([]);
  const ids = new Set((existing.match(/\sId="([^"]*)"/g) ?? []).map((m) => m.slice(5, -1)));
  let k = ids.size + 1;
  while (ids.has(`rId${k}`)) k++;
  const id = `rId${k}`;
  const rel = `<Relationship Id="${id}" Type="${type}" Target="${xmlText(target)}"/>`;
  zip.file(relsPath, existing.replace("</Relationships>", `${rel}</Relationships>`));
  return id;
}

/** The sheet's XML with `<drawing r:id=…/>` in its place (and the r namespace declared). */
export function withDrawingElement(sheetXml: string, rId: string): string {
  if (/<drawing[\s/>]/.test(sheetXml)) throw new Error("xlsx: the sheet already has a drawing");
  let xml = sheetXml;
  if (!/<worksheet\b[^>]*\sxmlns:r="/.test(xml)) {
    xml = xml.replace(/<worksheet\b/, `<worksheet xmlns:r="${NS_R}"`);
  }
  const element = `<drawing r:id="${rId}"/>`;
  let at = -1;
  for (const name of AFTER_DRAWING) {
    const m = new RegExp(`<${name}[\\s/>]`).exec(xml);
    if (m && (at < 0 || m.index < at)) at = m.index;
  }
  if (at < 0) at = xml.lastIndexOf("</worksheet>");
  if (at < 0) throw new Error("xlsx: no </worksheet> in the sheet");
  return xml.slice(0, at) + element + xml.slice(at);
}

/**
 * Adds the charts of `sheets` to the xlsx in `data`; returns the new file. Sheets without charts
 * are left alone; a sheet named in `sheets` but missing from the workbook is an error.
 */
export async function addChartsToXlsx(
  data: Buffer,
  sheets: readonly WrittenSheet[]
): Promise<Buffer> {
  const zip = await JSZip.loadAsync(data);
  const parts = await sheetParts(zip);
  const overrides: string[] = [];
  let chartNumber = 1;
  for (const { sheetName, model } of sheets) {
    const specs = model.charts ?? [];
    if (specs.length === 0) continue;
    const sheetPath = parts.get(sheetName);
    if (!sheetPath) throw new Error(`xlsx: no sheet "${sheetName}"`);
    const d = freeNumber(zip, (n) => `xl/drawings/drawing${n}.xml`);
    const drawingRels: [string, string, string][] = specs.map((spec) => {
      chartNumber = freeNumber(zip, (n) => `xl/charts/chart${n}.xml`, chartNumber);
      const chartPath = `xl/charts/chart${chartNumber}.xml`;
      zip.file(chartPath, chartXml(model, sheetName, spec));
      overrides.push(`<Override PartName="/${chartPath}" ContentType="${CHART_CONTENT_TYPE}"/>`);
      return ["", REL_CHART, `../charts/chart${chartNumber}.xml`];
    });
    // Relationship ids are per part: the drawing's own are rId1, rId2, … in chart order.
    drawingRels.forEach((rel, k) => (rel[0] = `rId${k + 1}`));
    const drawingPath = `xl/drawings/drawing${d}.xml`;
    zip.file(
      drawingPath,
      drawingXml(
        specs,
        drawingRels.map(([id]) => id)
      )
    );
    zip.file(`xl/drawings/_rels/drawing${d}.xml.rels`, relsXml(drawingRels));
    overrides.push(`<Override PartName="/${drawingPath}" ContentType="${DRAWING_CONTENT_TYPE}"/>`);
    const slash = sheetPath.lastIndexOf("/");
    const sheetRels = `${sheetPath.slice(0, slash)}/_rels/${sheetPath.slice(slash + 1)}.rels`;
    const rId = await addRelationship(zip, sheetRels, REL_DRAWING, `../drawings/drawing${d}.xml`);
    zip.file(sheetPath, withDrawingElement(await text(zip, sheetPath), rId));
  }
  if (overrides.length > 0) {
    const types = await text(zip, "[Content_Types].xml");
    zip.file("[Content_Types].xml", types.replace("</Types>", `${overrides.join("")}</Types>`));
  }
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** Adds the charts of `sheets` to the xlsx file at `path`, in place. */
export async function addChartsToXlsxFile(
  path: string,
  sheets: readonly WrittenSheet[]
): Promise<void> {
  if (!sheets.some((s) => (s.model.charts ?? []).length > 0)) return;
  await writeFile(path, await addChartsToXlsx(await readFile(path), sheets));
}
