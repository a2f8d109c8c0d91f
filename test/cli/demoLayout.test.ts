/**
 * The demo's workbook as a reader gets it (read back with exceljs, issue 13 items 6–7): every sheet
 * prints landscape, one page wide, with its title rows repeated and a print area; the Hedge
 * Recommendation's summary is a page of its own; money is in the holdings' currency (never
 * "money"); shares are percentages, spreads basis points, and every negative number shows its
 * minus sign; no number is wider than its column (no "###") and wrapped headers have the height
 * their lines need.
 */
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readFileSync } from "fs";
import { format } from "numfmt";
import { demo, SAMPLE_WORKBOOK } from "../../src/cli/demo";
import { FORMATS, printArea, printBreaks, SheetModel } from "../../src/core/report/sheetModel";
import { HEDGE_SHEET_NAME } from "../../src/core/report/hedgeSheet";
import { HOLDINGS_RISK_SHEET_NAME } from "../../src/core/report/holdingsRiskSheet";

/** The first page's print scale at least (percent, Letter landscape, fit to one page wide). */
const MIN_FIRST_PAGE_SCALE = 40;
import { LINE_POINTS, printFit, wrappedLines } from "../../src/core/report/layout";
import { parseRangeA1 } from "../../src/core/a1";

describe("the demo workbook's print setup and formats", () => {
  const output = join(mkdtempSync(join(tmpdir(), "keyrate-layout-")), "hedge-recommendation.xlsx");
  let models: SheetModel[];
  let book: ExcelJS.Workbook;
  let zip: JSZip;

  beforeAll(async () => {
    const result = await demo({ input: SAMPLE_WORKBOOK, output, runDate: "2025-01-02" });
    if (!result.ok) throw new Error("demo failed");
    models = result.sheets;
    book = new ExcelJS.Workbook();
    await book.xlsx.readFile(output);
    zip = await JSZip.loadAsync(readFileSync(output));
  });

  /** Every cell of every sheet with its model. */
  const eachCell = (
    visit: (ws: ExcelJS.Worksheet, cell: ExcelJS.Cell, model: SheetModel) => void
  ) =>
    models.forEach((model) => {
      const ws = book.getWorksheet(model.name)!;
      ws.eachRow((row) => row.eachCell((cell) => visit(ws, cell, model)));
    });

  /** The text of a cell as Excel shows it. */
  const shown = (cell: ExcelJS.Cell): string => {
    const v = cell.value;
    const value = v !== null && typeof v === "object" && "result" in v ? v.result : v;
    if (typeof value === "number") return format(cell.numFmt || "General", value);
    return value instanceof Date ? "yyyy-mm-dd" : String(value ?? "");
  };

  it("prints every sheet landscape, one page wide, with a print area and repeated title rows", () => {
    expect(models.length).toBe(7);
    for (const model of models) {
      const setup = book.getWorksheet(model.name)!.pageSetup;
      expect({ sheet: model.name, ...setup }).toMatchObject({
        sheet: model.name,
        orientation: "landscape",
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printArea: printArea(model),
      });
      // The print area holds every row and column with a value, and the charts.
      const [, col, row] = /^A1:([A-Z]+)(\d+)$/.exec(setup.printArea!)!;
      expect(Number(row)).toBeGreaterThanOrEqual(model.rows.length);
      expect(col.length === 1 ? col.charCodeAt(0) - 64 : 26).toBeGreaterThanOrEqual(
        model.columnWidths.length
      );
      for (const chart of model.charts ?? [])
        expect(Number(row)).toBeGreaterThanOrEqual(chart.anchor.row + chart.anchor.rows);
      // The title block (or the frozen header) repeats on every page.
      const titles = model.print!.titleRows!;
      expect(setup.printTitlesRow).toBe(`${titles.first + 1}:${titles.last + 1}`);
      expect(model.rows[0][0].style === "title" || model.freezeRows > 0).toBe(true);
    }
  });

  it("starts a new page after the committee's headline, and only there; every holding on Holdings Risk", async () => {
    const model = models.find((m) => m.name === HEDGE_SHEET_NAME)!;
    const detail = model.rows.findIndex((r) => String(r[0].value).startsWith("Exposure summary"));
    expect(model.print!.rowBreaks).toEqual([detail]);
    // Printed below the charts beside the rows when they reach past them: no chart is cut.
    const printed = printBreaks(model);
    expect(printed[0]).toBeGreaterThanOrEqual(detail);
    for (const b of printed)
      for (const c of model.charts!)
        expect(b <= c.anchor.row || b >= c.anchor.row + c.anchor.rows).toBe(true);
    const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    for (const b of printed) expect(xml).toContain(`<brk id="${b}"`);
    expect(xml.match(/<brk /g)).toHaveLength(1);
    // The first page: the headline, the Duration Exposure Summary and the key-rate profile.
    const labels = model.rows.slice(0, detail).map((r) => r[0].value);
    for (const l of [
      "Headline: the hedge at a glance",
      "Duration Exposure Summary",
      "Key-rate profile",
    ])
      expect(labels).toContain(l);
    // The first page holds one printed page at the fit-to-width scale (Letter landscape).
    const fit = printFit(model, parseRangeA1(printArea(model)).columns, printed[0]);
    expect(fit.firstPageFits).toBe(true);
    // Legible: the per-holding table (over twenty columns) prints on Holdings Risk, not here.
    expect(fit.scale).toBeGreaterThanOrEqual(MIN_FIRST_PAGE_SCALE);
    const risk = models.find((m) => m.name === HOLDINGS_RISK_SHEET_NAME)!;
    expect(risk.rows.some((r) => r[0].value === "Checks")).toBe(true);
    expect(risk.tables!.map((t) => t.name)).toEqual(["krHoldings"]);
    for (const name of ["Scenario Analysis", "Risk Dashboard", "Action Items"]) {
      const sheet = models.find((m) => m.name === name)!;
      expect(sheet.print!.rowBreaks).toEqual([]);
    }
  });

  it("names the holdings' currency (USD) for money, never 'money'", () => {
    let money = 0;
    eachCell((_ws, cell) => {
      const text = shown(cell);
      expect(text).not.toMatch(/\bmoney\b/i);
      if (/\bUSD\b/.test(text)) money++;
    });
    expect(money).toBeGreaterThanOrEqual(30);
    const hedge = book.getWorksheet(HEDGE_SHEET_NAME)!;
    // The labelled rows of the detail below the committee's page: label, value, unit, method.
    const unitOf = (label: string) => {
      let unit: unknown;
      let detail = false;
      hedge.eachRow((row) => {
        if (String(row.getCell(1).value).startsWith("Exposure summary")) detail = true;
        if (detail && row.getCell(1).value === label && unit === undefined)
          unit = row.getCell(3).value;
      });
      return unit;
    };
    expect(unitOf("Market value")).toBe("USD");
    expect(unitOf("DV01 (effective)")).toBe("USD per bp");
    expect(unitOf("Contract DV01")).toBe("USD per bp per contract");
  });

  it("shows leverage, tracking error and shares as percentages, spreads and breakevens in bp", () => {
    const dashboard = models.find((m) => m.name === "Risk Dashboard")!;
    const leverage = dashboard.rows.find((r) => r[0].value === "Futures leverage cap")!;
    // label, before hedge, after hedge, limit, unit, state, note
    expect(leverage[1].numFmt).toBe(FORMATS.percent);
    expect(leverage[2].numFmt).toBe(FORMATS.percent);
    expect(leverage[3].numFmt).toBe(FORMATS.percent);
    expect(format(leverage[3].numFmt!, leverage[3].value as number)).toBe("30.00%");
    expect(leverage[4].value).toBe("% of portfolio value");
    expect(leverage[6].value).toBe("warning from 20%, breach above 30%");
    const te = dashboard.rows.find((r) => r[0].value === "Tracking error")!;
    expect(te[1].numFmt).toBe(FORMATS.percent);
    expect(te[2].numFmt).toBe(FORMATS.percent);
    // Spreads: bp, the core's continuous Z-spread × 10,000.
    const hedge = models.find((m) => m.name === HOLDINGS_RISK_SHEET_NAME)!;
    const header = hedge.rows.findIndex((r) => r[0].value === "ID");
    const z = hedge.rows[header].findIndex((c) => c.value === "Z-spread (cont.), bp");
    expect(z).toBeGreaterThan(0);
    const spreads = hedge.rows
      .slice(header + 1)
      .map((r) => r[z])
      .filter((c) => typeof c.value === "number");
    expect(spreads.length).toBeGreaterThan(250);
    for (const c of spreads) expect(c.numFmt).toBe(FORMATS.bp);
    const values = spreads.map((c) => c.value as number).sort((a, b) => a - b);
    // Corporate and agency spreads are tens to hundreds of bp: a decimal would be < 0.1.
    expect(values[values.length - 1]).toBeGreaterThan(20);
    expect(values[values.length - 1]).toBeLessThan(2000);
    const scenario = models.find((m) => m.name === "Scenario Analysis")!;
    const breakeven = scenario.rows.find((r) => r[0].value === "Breakeven, unhedged")!;
    expect(breakeven[2].numFmt).toBe(FORMATS.bp);
    expect(breakeven[3].value).toBe("bp");
  });

  it("shows every negative number with a minus sign: no format hides it", () => {
    const formats = new Set<string>();
    eachCell((_ws, cell) => {
      if (cell.numFmt) formats.add(cell.numFmt);
    });
    expect(formats.size).toBeGreaterThan(6);
    for (const f of formats) {
      if (/y|d/.test(f.replace(/"[^"]*"/g, ""))) continue; // dates are never negative
      const text = format(f, -1234.5678);
      expect({ f, text, minus: text.includes("-") }).toEqual({ f, text, minus: true });
      // Two-sided: the positive value shows none.
      expect(format(f, 1234.5678)).not.toContain("-");
    }
  });

  it("makes every column at least as wide as its longest number, as Excel shows it (no ###)", () => {
    let numbers = 0;
    eachCell((ws, cell, model) => {
      const v = cell.value;
      const value = v !== null && typeof v === "object" && "result" in v ? v.result : v;
      if (typeof value !== "number") return;
      numbers++;
      const width = ws.getColumn(cell.col).width ?? 9;
      expect({
        at: `${model.name}!${cell.address}`,
        fits: width >= shown(cell).length + 1,
      }).toEqual({
        at: `${model.name}!${cell.address}`,
        fits: true,
      });
    });
    expect(numbers).toBeGreaterThan(4000);
  });

  it("wraps header cells, and gives their rows the lines they need", () => {
    let wrapped = 0;
    for (const model of models) {
      const ws = book.getWorksheet(model.name)!;
      const heights = new Map((model.rowHeights ?? []).map((h) => [h.row, h.points]));
      model.rows.forEach((row, r) =>
        row.forEach((cell, c) => {
          if (!cell.wrap) return;
          wrapped++;
          expect(ws.getRow(r + 1).getCell(c + 1).alignment?.wrapText).toBe(true);
          const width = model.columnWidths[c];
          // At least the lines of the text at the full width (bold: 1.1 characters each).
          const lines = wrappedLines(String(cell.value), width / 1.1);
          if (lines > 1 && !(model.merges ?? []).some((m) => m.row === r))
            expect(heights.get(r) ?? LINE_POINTS).toBeGreaterThanOrEqual(lines * LINE_POINTS);
        })
      );
      for (const [r, points] of heights) expect(ws.getRow(r + 1).height).toBe(points);
    }
    expect(wrapped).toBeGreaterThan(40);
    // The matrix header that was cut ("Unhedged P&L, m…") wraps in full now.
    const scenario = models.find((m) => m.name === "Scenario Analysis")!;
    const header = scenario.rows.find((r) => r[0].value === "Scenario")!;
    expect(header[2]).toMatchObject({
      value: "Unhedged P&L, USD (full revaluation, now)",
      wrap: true,
    });
  });
});
