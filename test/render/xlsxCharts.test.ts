/**
 * The charts of the written xlsx, read back from the zip: every chart part, the drawing that
 * anchors it, the relationships from sheet to drawing to chart, the content types, the
 * `<drawing>` element's place in the sheet, and series formulas that point at the ranges of the
 * models' chart specs — whose cells hold what the chart is about (KRDs, not KR DV01s; sectors
 * without the Total; money P&L, not %) — with the model's values cached. exceljs still reads the
 * file. Checked on the demo's own file and on the sample's sheets with withCharts applied.
 */
import { mkdtempSync, readFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { demo, SAMPLE_WORKBOOK } from "../../src/cli/demo";
import { withCharts } from "../../src/core/report/charts";
import { absoluteRef, parseRangeA1 } from "../../src/core/a1";
import { SheetModel, shownValue } from "../../src/core/report/sheetModel";
import { writeXlsx } from "../../src/render/exceljs";
import {
  CHART_CONTENT_TYPE,
  DRAWING_CONTENT_TYPE,
  withDrawingElement,
} from "../../src/render/xlsxCharts";

const dir = mkdtempSync(join(tmpdir(), "keyrate-charts-"));
const DEMO_FILE = join(dir, "demo.xlsx");
const CHARTS_FILE = join(dir, "charts.xlsx");

/** Attributes of every `<tag …>` element in `xml`. */
function elements(xml: string, tag: string): Record<string, string>[] {
  return (xml.match(new RegExp(`<${tag}\\s[^>]*>`, "g")) ?? []).map((el) =>
    Object.fromEntries([...el.matchAll(/([\w:]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]))
  );
}

const unescape = (s: string) => s.replace(/&apos;/g, "'").replace(/&amp;/g, "&");

/** A relationships part as Id → [Type, Target]. */
async function rels(zip: JSZip, path: string): Promise<Map<string, [string, string]>> {
  const xml = await zip.file(path)!.async("string");
  return new Map(elements(xml, "Relationship").map((r) => [r.Id, [r.Type, r.Target]]));
}

/** What a chart part says: type, titles, series (name, value and category formulas, cache). */
function readChart(xml: string) {
  const series = (xml.match(/<c:ser>.*?<\/c:ser>/g) ?? []).map((ser) => ({
    name: /<c:tx><c:v>(.*?)<\/c:v><\/c:tx>/.exec(ser)![1],
    values: unescape(/<c:val><c:numRef><c:f>(.*?)<\/c:f>/.exec(ser)![1]),
    categories: unescape(/<c:cat><c:strRef><c:f>(.*?)<\/c:f>/.exec(ser)![1]),
    cached: [
      .../<c:numCache>.*<\/c:numCache>/.exec(ser)![0].matchAll(/<c:pt idx="(\d+)"><c:v>([^<]*)/g),
    ].map((m) => [Number(m[1]), Number(m[2])] as [number, number]),
  }));
  const type = xml.includes("<c:lineChart>")
    ? "line"
    : /<c:barDir val="bar"\/>/.test(xml)
      ? "bar"
      : "column";
  const titles = [...xml.matchAll(/<a:t>(.*?)<\/a:t>/g)].map((m) => unescape(m[1]));
  return { type, titles, series };
}

/** Everything the file says about one sheet's charts, in drawing order. */
async function chartsOf(zip: JSZip, sheetName: string) {
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const sheet = elements(workbook, "sheet").find((s) => unescape(s.name) === sheetName)!;
  const sheetPart = "xl/" + (await rels(zip, "xl/_rels/workbook.xml.rels")).get(sheet["r:id"])![1];
  const sheetXml = await zip.file(sheetPart)!.async("string");
  const drawing = elements(sheetXml, "drawing");
  if (drawing.length === 0) return { sheetXml, charts: [] };
  const sheetRels = await rels(
    zip,
    sheetPart.replace("worksheets/", "worksheets/_rels/") + ".rels"
  );
  const [type, target] = sheetRels.get(drawing[0]["r:id"])!;
  expect(type).toMatch(/\/relationships\/drawing$/);
  const drawingPart = "xl/drawings/" + target.replace("../drawings/", "");
  const drawingXml = await zip.file(drawingPart)!.async("string");
  const drawingRels = await rels(
    zip,
    drawingPart.replace("drawings/", "drawings/_rels/") + ".rels"
  );
  const anchors = drawingXml.match(/<xdr:twoCellAnchor.*?<\/xdr:twoCellAnchor>/g) ?? [];
  const charts = await Promise.all(
    anchors.map(async (a) => {
      const [from, to] = a.split("<xdr:to>");
      const pos = (part: string) => ({
        col: Number(/<xdr:col>(\d+)</.exec(part)![1]),
        row: Number(/<xdr:row>(\d+)</.exec(part)![1]),
      });
      const [relType, chartTarget] = drawingRels.get(/r:id="([^"]+)"/.exec(a)![1])!;
      expect(relType).toMatch(/\/relationships\/chart$/);
      const chartPart = "xl/charts/" + chartTarget.replace("../charts/", "");
      return {
        part: chartPart,
        from: pos(from),
        to: pos(to),
        ...readChart(await zip.file(chartPart)!.async("string")),
      };
    })
  );
  return { sheetXml, charts, drawingPart };
}

/** Checks a written file against its models; returns the number of charts found. */
async function checkFile(file: string, models: SheetModel[]): Promise<number> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const types = await zip.file("[Content_Types].xml")!.async("string");
  const overrides = new Map(elements(types, "Override").map((o) => [o.PartName, o.ContentType]));
  let found = 0;
  for (const model of models) {
    const specs = model.charts ?? [];
    const { sheetXml, charts, drawingPart } = await chartsOf(zip, model.name);
    expect([model.name, charts.length]).toEqual([model.name, specs.length]);
    if (specs.length === 0) continue;
    expect(overrides.get("/" + drawingPart)).toBe(DRAWING_CONTENT_TYPE);
    // Schema order: after pageMargins, before tableParts / extLst.
    const at = sheetXml.indexOf("<drawing ");
    expect(sheetXml.indexOf("<pageMargins")).toBeLessThan(at);
    for (const later of ["<legacyDrawing", "<tableParts", "<extLst"]) {
      const k = sheetXml.indexOf(later);
      if (k >= 0) expect(k).toBeGreaterThan(at);
    }
    specs.forEach((spec, k) => {
      const chart = charts[k];
      expect(overrides.get("/" + chart.part)).toBe(CHART_CONTENT_TYPE);
      expect(chart.type).toBe(spec.type);
      expect(chart.titles).toEqual([spec.title, spec.categoryAxisTitle, spec.valueAxisTitle]);
      expect(chart.from).toEqual({ row: spec.anchor.row, col: spec.anchor.column });
      expect(chart.to).toEqual({
        row: spec.anchor.row + spec.anchor.rows,
        col: spec.anchor.column + spec.anchor.columns,
      });
      expect(chart.series.map((s) => [s.name, s.values, s.categories])).toEqual(
        spec.series.map((s) => [
          s.name,
          absoluteRef(model.name, s.values),
          absoluteRef(model.name, spec.categories),
        ])
      );
      // The cache holds the model's numbers at those cells.
      spec.series.forEach((s, j) => {
        const r = parseRangeA1(s.values);
        const want: [number, number][] = [];
        for (let i = 0; i < r.rows * r.columns; i++) {
          const cell = model.rows[r.row + (r.rows > 1 ? i : 0)][r.column + (r.rows > 1 ? 0 : i)];
          const v = shownValue(cell);
          if (typeof v === "number") want.push([i, v]);
        }
        expect(chart.series[j].cached).toEqual(want);
      });
      found++;
    });
  }
  return found;
}

/** Text of a model cell by A1. */
const at = (model: SheetModel, a1: string) => {
  const r = parseRangeA1(a1);
  return shownValue(model.rows[r.row][r.column]);
};

describe("charts in the demo's xlsx", () => {
  let sheets: SheetModel[];
  let charted: SheetModel[];

  beforeAll(async () => {
    const result = await demo({
      input: SAMPLE_WORKBOOK,
      output: DEMO_FILE,
      runDate: "2025-01-02",
      contractDv01: 80,
      target: 5,
    });
    if (!result.ok) throw new Error("the demo should run on the sample");
    sheets = result.sheets;
    charted = withCharts(sheets);
    await writeXlsx(charted, CHARTS_FILE);
  }, 600_000);

  it("writes exactly the charts of the demo's models", async () => {
    const expected = sheets.reduce((n, m) => n + (m.charts?.length ?? 0), 0);
    await expect(checkFile(DEMO_FILE, sheets)).resolves.toBe(expected);
  });

  it("writes the three charts, their parts, relationships and types, on the intended ranges", async () => {
    await expect(checkFile(CHARTS_FILE, charted)).resolves.toBe(3);
    const [hedge, scenario] = charted;
    const [krd, sectors] = hedge.charts!;
    // Two-sided: the ranges hold KRDs by tenor, contributions by sector, P&L in USD by scenario.
    // Every series is a KRD row (years: before, target, after); the KR DV01 rows (money) below
    // the last are not plotted.
    const krdRows = krd.series.map((x) => parseRangeA1(x.values).row);
    for (const r of krdRows) expect(shownValue(hedge.rows[r][0])).toMatch(/^KRD, years/);
    const krdRow = krdRows[krdRows.length - 1];
    expect(shownValue(hedge.rows[krdRow + 1][0])).toMatch(/^KR DV01/);
    expect(krd.series.map((x) => x.values)).not.toContain(
      krd.series[0].values.replace(/\d+/g, String(krdRow + 2))
    );
    expect(at(hedge, krd.categories.split(":")[0])).toBe("3M");
    const sectorRange = parseRangeA1(sectors.series[0].values);
    expect(shownValue(hedge.rows[sectorRange.row - 1][sectorRange.column])).toMatch(
      /^Contribution to duration/
    );
    expect(shownValue(hedge.rows[sectorRange.row + sectorRange.rows][0])).toBe("Total");
    const [pnl] = scenario.charts!;
    for (const [s, header] of [
      [pnl.series[0], "Unhedged P&L, USD (full revaluation, now)"],
      [pnl.series[1], "Hedged P&L, USD (full revaluation, now)"],
    ] as const) {
      const r = parseRangeA1(s.values);
      expect(shownValue(scenario.rows[r.row - 1][r.column])).toBe(header);
    }
  });

  it("leaves a file exceljs reads, cells as written", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(CHARTS_FILE);
    expect(book.worksheets.map((w) => w.name)).toEqual(charted.map((m) => m.name));
    const hedge = charted[0];
    const krd = parseRangeA1(hedge.charts![0].series[0].values);
    const ws = book.getWorksheet(hedge.name)!;
    const got = ws.getRow(krd.row + 1).getCell(krd.column + 1).value;
    expect(got).toBe(shownValue(hedge.rows[krd.row][krd.column]));
  });
});

describe("withDrawingElement", () => {
  it("goes after pageMargins and before tableParts, declaring the r namespace", () => {
    const xml =
      '<worksheet xmlns="main"><sheetData/><pageMargins left="1"/><tableParts count="0"/></worksheet>';
    const out = withDrawingElement(xml, "rId3");
    expect(out).toBe(
      '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns="main"><sheetData/><pageMargins left="1"/><drawing r:id="rId3"/><tableParts count="0"/></worksheet>'
    );
    expect(withDrawingElement("<worksheet><sheetData/></worksheet>", "rId1")).toMatch(
      /<sheetData\/><drawing r:id="rId1"\/><\/worksheet>$/
    );
    expect(() => withDrawingElement(out, "rId4")).toThrow(/already has a drawing/);
  });
});
