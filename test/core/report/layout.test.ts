/**
 * layoutSheet: widths from the longest value as Excel shows it, wrapped headers within three
 * lines, text that spills into empty cells not counted, long lone notes merged, row heights for
 * wrapped rows; and the print setup SheetBuilder.build gives every sheet.
 */
import fc from "fast-check";
import { format } from "numfmt";
import {
  HEADER_LINES,
  LINE_POINTS,
  MAX_TEXT_WIDTH,
  layoutSheet,
  printFit,
  shownText,
  wrappedLines,
} from "../../../src/core/report/layout";
import {
  FORMATS,
  SheetBuilder,
  num,
  printArea,
  printBreaks,
} from "../../../src/core/report/sheetModel";

describe("wrappedLines", () => {
  it("counts greedy word-wrapped lines, breaking only words longer than the width", () => {
    // "Unhedged P&L," / "USD (full" / "revaluation," / "now)" at 16; three lines at 20.
    expect(wrappedLines("Unhedged P&L, USD (full revaluation, now)", 16)).toBe(4);
    expect(wrappedLines("Unhedged P&L, USD (full revaluation, now)", 20)).toBe(3);
    expect(wrappedLines("short", 16)).toBe(1);
    expect(wrappedLines("", 16)).toBe(1);
    expect(wrappedLines("abcdefghij", 4)).toBe(3);
  });

  it("fits the text: lines × width holds every character, and one line fewer does not", () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-z]{1,12}$/), { minLength: 1, maxLength: 20 }),
        fc.integer({ min: 12, max: 60 }),
        (words, width) => {
          const text = words.join(" ");
          const lines = wrappedLines(text, width);
          expect(lines * width).toBeGreaterThanOrEqual(text.length - (lines - 1));
          expect(lines).toBeLessThanOrEqual(Math.ceil(text.length / (width / 2)) + 1);
          if (text.length <= width) expect(lines).toBe(1);
        }
      )
    );
  });
});

describe("layoutSheet", () => {
  function sheet() {
    const s = new SheetBuilder(4);
    s.row(["keyrate — a title much longer than the first column ever needs to be"], "title");
    s.row(["Figures", "Market value, USD", "Weight", "Note"], "section");
    s.row(["Government", num(-1_234_567_890, FORMATS.money), num(0.0681, FORMATS.percent), "ok"]);
    s.row(["Corporate", num(12.5, FORMATS.money), num(-0.5, FORMATS.percent), "x".repeat(90)]);
    s.row(["Total", num(1e12, FORMATS.money2), num(1, FORMATS.percent)], "total");
    s.row(["A note alone on its row: " + "long words ".repeat(30)], "note");
    s.row(["A short note"], "note");
    return s.build("Test", [50, 50, 50, 50]);
  }

  it("makes each column as wide as its longest number as Excel shows it", () => {
    const m = sheet();
    // "1,000,000,000,000.00" in bold (total): 20 characters × 1.1 + 2.
    expect(format(FORMATS.money2, 1e12)).toBe("1,000,000,000,000.00");
    expect(m.columnWidths[1]).toBeGreaterThanOrEqual(20 * 1.1 + 2);
    expect(m.columnWidths[1]).toBeLessThan(27);
    expect(format(FORMATS.percent, -0.5)).toBe("-50.00%");
    expect(m.columnWidths[2]).toBeGreaterThanOrEqual(9);
    // The asked-for widths (50) serve only columns without values of their own.
    expect(m.columnWidths[2]).toBeLessThan(12);
  });

  it("wraps header cells within three lines and lets the title and notes spill", () => {
    const m = sheet();
    const header = m.rows[1];
    // Every header is bounded: by its neighbour, or by the sheet's edge (the last column).
    expect(header.map((c) => c.wrap ?? false)).toEqual([true, true, true, true]);
    expect(wrappedLines("Market value, USD", m.columnWidths[1] / 1.1)).toBeLessThanOrEqual(
      HEADER_LINES
    );
    // The title spills into empty cells: it does not widen column A.
    expect(m.rows[0][0].wrap).toBeUndefined();
    expect(m.columnWidths[0]).toBeLessThan(20);
  });

  it("caps long text in a column and wraps it, with the row as high as its lines", () => {
    const m = sheet();
    expect(m.columnWidths[3]).toBe(MAX_TEXT_WIDTH);
    expect(m.rows[3][3].wrap).toBe(true);
    const lines = wrappedLines("x".repeat(90), MAX_TEXT_WIDTH - 1);
    expect(m.rowHeights).toContainEqual({ row: 3, points: lines * LINE_POINTS });
  });

  it("merges a note longer than the sheet across it, and leaves a short one alone", () => {
    const m = sheet();
    expect(m.merges).toEqual([{ row: 5, column: 0, rows: 1, columns: 4 }]);
    expect(m.rows[5][0].wrap).toBe(true);
    expect(m.rowHeights!.find((h) => h.row === 5)!.points).toBeGreaterThan(LINE_POINTS);
    expect(m.rows[6][0].wrap).toBeUndefined();
  });

  it("is idempotent on its own output", () => {
    const m = sheet();
    const again = layoutSheet({
      ...m,
      rows: m.rows.map((r) => r.map((c) => ({ ...c, wrap: undefined }))),
    });
    expect(again.columnWidths).toEqual(m.columnWidths);
    expect(again.rowHeights).toEqual(m.rowHeights);
  });

  it("shows numbers with their format, dates as dates, text as is", () => {
    expect(shownText(num(45473, FORMATS.date))).toBe("2024-06-30");
    expect(shownText(num(-69.6e6, FORMATS.money))).toBe("-69,600,000");
    expect(shownText({ value: { formula: "=1", result: 0.0518 }, numFmt: FORMATS.percent })).toBe(
      "5.18%"
    );
    expect(shownText({ value: null })).toBe("");
  });
});

describe("print setup of a built sheet", () => {
  it("prints landscape, one page wide, the title block repeated, breaks where asked", () => {
    const s = new SheetBuilder(3);
    s.row(["Title"], "title");
    s.row(["Subtitle"], "subtitle");
    s.row(["Summary", 1, 2]);
    s.pageBreak();
    s.pageBreak(); // the same break twice is one break
    s.row(["Detail", 3, 4]);
    const m = s.build("P", [10, 10, 10]);
    expect(m.print).toEqual({
      orientation: "landscape",
      fitToPagesWide: 1,
      titleRows: { first: 0, last: 1 },
      rowBreaks: [3],
    });
    expect(printArea(m)).toBe("A1:C4");
    // Charts widen and lengthen the print area.
    const charted = {
      ...m,
      charts: [
        {
          type: "column" as const,
          title: "",
          categoryAxisTitle: "",
          valueAxisTitle: "",
          categories: "B1:C1",
          series: [],
          anchor: { row: 2, column: 4, rows: 18, columns: 6 },
        },
      ],
    };
    expect(printArea(charted)).toBe("A1:J20");
  });

  it("repeats the frozen header rows of a table sheet, and no rows when there is no title", () => {
    const s = new SheetBuilder(2);
    s.row(["A", "B"], "header");
    s.row([1, 2]);
    expect(s.build("T", [8, 8], 1).print!.titleRows).toEqual({ first: 0, last: 0 });
    const bare = new SheetBuilder(1);
    bare.row([1]);
    expect(bare.build("U", [8]).print!.titleRows).toBeUndefined();
  });
});

describe("printBreaks", () => {
  const chart = (row: number, rows: number) => ({
    type: "column" as const,
    title: "",
    categoryAxisTitle: "",
    valueAxisTitle: "",
    categories: "A1:A2",
    series: [],
    anchor: { row, column: 5, rows, columns: 4 },
  });

  it("moves a break below a chart it would cut, through charts that follow on", () => {
    const s = new SheetBuilder(2);
    for (let i = 0; i < 40; i++) {
      if (i === 10) s.pageBreak();
      s.row([`r${i}`, i]);
    }
    const m = s.build("B", [8, 8]);
    expect(printBreaks(m)).toEqual([10]);
    expect(printBreaks({ ...m, charts: [chart(2, 18)] })).toEqual([20]);
    expect(printBreaks({ ...m, charts: [chart(18, 5), chart(2, 18)] })).toEqual([23]);
    // A chart above or starting at the break is not cut.
    expect(printBreaks({ ...m, charts: [chart(10, 18), chart(0, 10)] })).toEqual([10]);
  });
});

describe("printFit", () => {
  it("scales the columns to the page's width and measures the first page at that scale", () => {
    const s = new SheetBuilder(2);
    for (let i = 0; i < 60; i++) {
      if (i === 20) s.pageBreak();
      s.row([`r${i}`, i]);
    }
    const m = { ...s.build("F", [8, 8]), columnWidths: [100, 100] };
    // 2 × (100 × 7 + 5) × 0.75 = 1,057.5 points on a 691.2-point line: 65%.
    const fit = printFit(m, 2, 20);
    expect(fit.scale).toBe(65);
    expect(fit.firstPageHeight).toBeCloseTo(20 * 15 * 0.65, 9);
    expect(fit.firstPageFits).toBe(true);
    // Narrow columns print at 100%, never above; 60 rows of 15 points do not fit 504 points.
    expect(printFit(s.build("G", [8, 8]), 2, undefined)).toEqual({
      scale: 100,
      firstPageHeight: 900,
      firstPageFits: false,
    });
  });
});

describe("widths from the extremes", () => {
  it("fit every value of a column, not only its largest and most negative (any format)", () => {
    const formats = Object.values(FORMATS).filter((f) => f !== FORMATS.date);
    fc.assert(
      fc.property(
        fc.constantFrom(...formats),
        fc.array(fc.double({ min: -1e12, max: 1e12, noNaN: true }), {
          minLength: 1,
          maxLength: 30,
        }),
        (fmt, values) => {
          const s = new SheetBuilder(1);
          for (const v of values) s.row([num(v, fmt)]);
          const [w] = s.build("W", [6]).columnWidths;
          for (const v of values) expect(w).toBeGreaterThanOrEqual(format(fmt, v).length + 2);
        }
      ),
      { numRuns: 300 }
    );
  });
});

describe("header alignment", () => {
  it("right-aligns a header over a number, not over text or in the label column", () => {
    const s = new SheetBuilder(4);
    s.row(["Sector", "Market value, USD", "Name", "Weight"], "header");
    s.row(["government", num(1, FORMATS.money), "x", num(0.5, FORMATS.percent)]);
    const [header, body] = s.build("H", [8, 8, 8, 8]).rows;
    expect(header.map((c) => c.alignRight ?? false)).toEqual([false, true, false, true]);
    expect(body.some((c) => c.alignRight)).toBe(false);
  });
});
