/**
 * Both renderers draw a model's layout and print setup: exceljs into the file (pageSetup, print
 * titles, print area, row breaks, wrap, row heights, merges) and Office.js into the playground's
 * simulator (pageLayout, horizontalPageBreaks, format.wrapText / rowHeight, merge) — only where
 * the host has ExcelApi 1.9; without it the sheet is still written, without print setup.
 */
import { mkdtempSync, readFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import {
  FORMATS,
  SheetBuilder,
  SheetModel,
  num,
  printArea,
} from "../../src/core/report/sheetModel";
import { writeXlsx } from "../../src/render/exceljs";
import { pageLayoutSupported, renderSheet } from "../../src/render/officejs";
import { simulatedExcelRun } from "../../src/playground/excelSimulator";
import { SimWorkbook } from "../../src/playground/workbookModel";

function model(): SheetModel {
  const s = new SheetBuilder(4);
  s.row(["keyrate — Print test"], "title");
  s.row(["Settlement 2025-01-02"], "subtitle");
  s.row(["Figures", "Market value, USD", "Weight", "DV01, USD per bp"], "section");
  s.row(["Government", num(-1_234_567_890, FORMATS.money), num(0.0681, FORMATS.percent), 5]);
  s.pageBreak();
  s.row(["Detail", num(1, FORMATS.money), num(0.5, FORMATS.percent), 6]);
  s.row(
    ["Methods: " + "a long note that runs well past the sheet's four columns ".repeat(4)],
    "note"
  );
  return s.build("Print test", [10, 10, 10, 10]);
}

describe("exceljs renderer", () => {
  it("writes the print setup, wrap, row heights and merges into the file", async () => {
    const m = model();
    const path = join(mkdtempSync(join(tmpdir(), "keyrate-print-")), "p.xlsx");
    await writeXlsx([m], path);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    const ws = book.getWorksheet("Print test")!;
    expect(ws.pageSetup).toMatchObject({
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printArea: "A1:D6",
      printTitlesRow: "1:2",
    });
    expect(printArea(m)).toBe("A1:D6");
    const xml = await (
      await JSZip.loadAsync(readFileSync(path))
    )
      .file("xl/worksheets/sheet1.xml")!
      .async("string");
    // One manual break, above row 5 (exceljs counts it below row 4).
    expect(xml).toMatch(/<rowBreaks count="1" manualBreakCount="1"><brk id="4" [^>]*man="1"\/>/);
    // The header row: "DV01, USD per bp" in three lines of its 7.6-character column.
    expect(m.rowHeights).toContainEqual({ row: 2, points: 3 * 15 });
    expect(xml).toContain('<pageSetUpPr fitToPage="1"/>');
    expect(ws.getCell("B3").alignment).toMatchObject({ wrapText: true });
    expect(ws.getCell("B4").alignment?.wrapText).toBeUndefined();
    // Headers over numbers sit right; the row label's header does not.
    expect(["A3", "B3", "C3", "D3"].map((a) => ws.getCell(a).alignment?.horizontal)).toEqual([
      undefined,
      "right",
      "right",
      "right",
    ]);
    for (const { row, points } of m.rowHeights!) expect(ws.getRow(row + 1).height).toBe(points);
    expect(m.merges).toEqual([{ row: 5, column: 0, rows: 1, columns: 4 }]);
    expect(ws.getCell("D6").isMerged).toBe(true);
    expect(ws.getCell("D5").isMerged).toBe(false);
    m.columnWidths.forEach((w, c) => expect(ws.getColumn(c + 1).width).toBe(w));
  });
});

describe("Office.js renderer", () => {
  const global = globalThis as { Office?: unknown };
  afterEach(() => delete global.Office);

  function withApi(version: string) {
    global.Office = {
      context: {
        requirements: {
          isSetSupported: (name: string, v?: string) =>
            name === "ExcelApi" && Number(v ?? "1.1") <= Number(version),
        },
      },
    };
  }

  async function render(m: SheetModel): Promise<SimWorkbook> {
    const book = new SimWorkbook();
    await simulatedExcelRun(book)((context) =>
      renderSheet(context as unknown as Excel.RequestContext, m)
    );
    return book;
  }

  it("sets landscape, one page wide, print area, title rows and breaks on ExcelApi 1.9", async () => {
    withApi("1.9");
    expect(pageLayoutSupported()).toBe(true);
    const m = model();
    const sheet = (await render(m)).sheet("Print test")!;
    expect(sheet.print).toEqual({
      orientation: "Landscape",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printArea: "A1:D6",
      titleRows: "$1:$2",
      rowBreaks: [4],
    });
    expect(sheet.cell(2, 1)?.look?.wrap).toBe(true);
    expect(sheet.cell(3, 1)?.look?.wrap).toBeUndefined();
    expect([0, 1, 2, 3].map((c) => sheet.cell(2, c)?.look?.align)).toEqual([
      undefined,
      "Right",
      "Right",
      "Right",
    ]);
    expect([...sheet.rowHeights]).toEqual(m.rowHeights!.map((h) => [h.row, h.points]));
    expect(sheet.merges).toEqual([{ row: 5, column: 0, rowCount: 1, columnCount: 4 }]);
    // Points as Excel converts characters: 16 characters are 117 pixels, 87.75 points.
    expect(m.columnWidths[1]).toBe(16);
    expect(sheet.columnWidths.get(1)).toBe(87.75);
  });

  it("writes the sheet without print setup on a host below ExcelApi 1.9, or outside Office", async () => {
    for (const setup of [() => withApi("1.8"), () => delete global.Office]) {
      setup();
      expect(pageLayoutSupported()).toBe(false);
      const sheet = (await render(model())).sheet("Print test")!;
      expect(sheet.print).toEqual({ rowBreaks: [] });
      expect(sheet.cell(3, 0)?.value).toBe("Government");
      expect(sheet.merges.length).toBe(1); // the layout is not print setup: it is always drawn
    }
  });
});
