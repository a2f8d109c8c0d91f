/**
 * The DrawingML parts of a chart spec (ECMA-376 part 1, §21.2 charts and §20.5 spreadsheet
 * drawing), as XML text: the chart part (`c:chartSpace`: a bar or line chart whose series refer to
 * the sheet's ranges by formula, with the values cached from the sheet model so that a reader that
 * does not recalculate still draws them) and the drawing part that anchors charts over cells.
 * Elements are written in the schema's order, which Excel enforces.
 */
import { absoluteRef, parseRangeA1 } from "../core/a1";
import { ChartSpec, SheetModel, shownValue } from "../core/report/sheetModel";

const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Series colours: Office's default theme accents 1–6, as Excel gives a new chart's series. */
const SERIES_COLOURS = ["4472C4", "ED7D31", "A5A5A5", "FFC000", "5B9BD5", "70AD47"];

/** Axis ids of the one category and one value axis of each chart (unique within its part). */
const CAT_AX = 500000001;
const VAL_AX = 500000002;

/** Escapes text for XML content and attribute values. */
export function xmlText(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** The model's cells of a one-row or one-column A1 range, in order. */
function cellsOf(model: SheetModel, address: string) {
  const r = parseRangeA1(address);
  const cells = [];
  for (let i = 0; i < r.rows; i++) {
    for (let j = 0; j < r.columns; j++) cells.push(model.rows[r.row + i]?.[r.column + j]);
  }
  return cells;
}

/** A title (chart or axis) as rich text; `rotated` for a vertical axis title. */
function title(text: string, rotated = false): string {
  const body = rotated ? '<a:bodyPr rot="-5400000" vert="horz"/>' : "<a:bodyPr/>";
  return (
    `<c:title><c:tx><c:rich>${body}<a:lstStyle/><a:p><a:r><a:t>${xmlText(text)}</a:t></a:r></a:p>` +
    `</c:rich></c:tx><c:overlay val="0"/></c:title>`
  );
}

/** Category labels: a string reference with its cache (numbers cached as their text). */
function categoryRef(model: SheetModel, sheet: string, address: string): string {
  const pts = cellsOf(model, address).map((cell, k) => {
    const v = cell ? shownValue(cell) : null;
    return v === null || v === "" ? "" : `<c:pt idx="${k}"><c:v>${xmlText(String(v))}</c:v></c:pt>`;
  });
  return (
    `<c:cat><c:strRef><c:f>${xmlText(absoluteRef(sheet, address))}</c:f><c:strCache>` +
    `<c:ptCount val="${pts.length}"/>${pts.join("")}</c:strCache></c:strRef></c:cat>`
  );
}

/** Values: a number reference with its cache; empty and text cells are left out (gaps). */
function valueRef(model: SheetModel, sheet: string, address: string): string {
  const cells = cellsOf(model, address);
  const format = cells.find((c) => c?.numFmt)?.numFmt ?? "General";
  const pts = cells.map((cell, k) => {
    const v = cell ? shownValue(cell) : null;
    return typeof v === "number" ? `<c:pt idx="${k}"><c:v>${v}</c:v></c:pt>` : "";
  });
  return (
    `<c:val><c:numRef><c:f>${xmlText(absoluteRef(sheet, address))}</c:f><c:numCache>` +
    `<c:formatCode>${xmlText(format)}</c:formatCode><c:ptCount val="${cells.length}"/>` +
    `${pts.join("")}</c:numCache></c:numRef></c:val>`
  );
}

/** The value axis's number format: the values' own, without colour sections ([Red]). */
function axisFormat(model: SheetModel, spec: ChartSpec): string {
  const first = spec.series[0]
    ? cellsOf(model, spec.series[0].values).find((c) => c?.numFmt)
    : undefined;
  return (first?.numFmt ?? "General").replace(/\[[A-Za-z]+\]/g, "");
}

/** One series of a bar or line chart. */
function series(model: SheetModel, sheet: string, spec: ChartSpec, k: number): string {
  const s = spec.series[k];
  const colour = SERIES_COLOURS[k % SERIES_COLOURS.length];
  const line = spec.type === "line";
  const spPr = line
    ? `<c:spPr><a:ln w="28575" cap="rnd"><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill></a:ln></c:spPr>`
    : `<c:spPr><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill></c:spPr>`;
  return (
    `<c:ser><c:idx val="${k}"/><c:order val="${k}"/><c:tx><c:v>${xmlText(s.name)}</c:v></c:tx>` +
    spPr +
    (line ? '<c:marker><c:symbol val="circle"/><c:size val="5"/></c:marker>' : "") +
    (line ? "" : '<c:invertIfNegative val="0"/>') +
    categoryRef(model, sheet, spec.categories) +
    valueRef(model, sheet, s.values) +
    (line ? '<c:smooth val="0"/>' : "") +
    "</c:ser>"
  );
}

/**
 * The chart part of `spec`, its ranges on `sheet` (the name as written in the workbook) and its
 * cached values from `model`.
 */
export function chartXml(model: SheetModel, sheet: string, spec: ChartSpec): string {
  const ser = spec.series.map((_, k) => series(model, sheet, spec, k)).join("");
  const axIds = `<c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/>`;
  const plot =
    spec.type === "line"
      ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${ser}` +
        `<c:marker val="1"/>${axIds}</c:lineChart>`
      : `<c:barChart><c:barDir val="${spec.type === "bar" ? "bar" : "col"}"/>` +
        `<c:grouping val="clustered"/><c:varyColors val="0"/>${ser}` +
        `<c:gapWidth val="80"/>${axIds}</c:barChart>`;
  // Horizontal bars put categories on the left and values along the bottom.
  const [catPos, valPos] = spec.type === "bar" ? ["l", "b"] : ["b", "l"];
  const catAx =
    `<c:catAx><c:axId val="${CAT_AX}"/><c:scaling><c:orientation val="minMax"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${catPos}"/>${title(spec.categoryAxisTitle, catPos === "l")}` +
    `<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/>` +
    `<c:minorTickMark val="none"/><c:tickLblPos val="low"/><c:crossAx val="${VAL_AX}"/>` +
    `<c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/>` +
    `<c:noMultiLvlLbl val="0"/></c:catAx>`;
  const valAx =
    `<c:valAx><c:axId val="${VAL_AX}"/><c:scaling><c:orientation val="minMax"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${valPos}"/><c:majorGridlines/>` +
    `${title(spec.valueAxisTitle, valPos === "l")}` +
    `<c:numFmt formatCode="${xmlText(axisFormat(model, spec))}" sourceLinked="0"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="${CAT_AX}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/>` +
    `</c:valAx>`;
  return (
    XML_HEAD +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">` +
    `<c:roundedCorners val="0"/><c:chart>${title(spec.title)}<c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>${plot}${catAx}${valAx}</c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>` +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

/**
 * The drawing part of a sheet: one two-cell anchor per chart, from the anchor's top-left cell to
 * the cell just past its last row and column (so it covers exactly `rows` × `columns` cells),
 * each referring to its chart part by relationship id `rIds[k]`.
 */
export function drawingXml(specs: readonly ChartSpec[], rIds: readonly string[]): string {
  const marker = (tag: string, row: number, column: number) =>
    `<xdr:${tag}><xdr:col>${column}</xdr:col><xdr:colOff>0</xdr:colOff>` +
    `<xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  const anchors = specs.map((spec, k) => {
    const { row, column, rows, columns } = spec.anchor;
    return (
      `<xdr:twoCellAnchor editAs="oneCell">${marker("from", row, column)}` +
      `${marker("to", row + rows, column + columns)}<xdr:graphicFrame macro="">` +
      `<xdr:nvGraphicFramePr><xdr:cNvPr id="${k + 2}" name="${xmlText(`Chart ${k + 1}`)}" ` +
      `descr="${xmlText(spec.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" xmlns:r="${NS_R}" ` +
      `r:id="${rIds[k]}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/>` +
      `</xdr:twoCellAnchor>`
    );
  });
  return (
    XML_HEAD + `<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}">${anchors.join("")}</xdr:wsDr>`
  );
}
