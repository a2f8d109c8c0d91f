/**
 * Draws a SheetModel's chart specs as native Excel charts through Office.js (ExcelApi 1.8): each
 * chart is added on the series' own ranges, so it follows the cells, and positioned over the
 * anchor's cells. Only queues work: the caller's next `context.sync()` sends it with the sheet.
 */
import { cellA1, parseRangeA1 } from "../core/a1";
import { ChartSpec } from "../core/report/sheetModel";

/** Office.js chart type of a spec's type (string values of Excel.ChartType). */
const CHART_TYPES = {
  column: "ColumnClustered",
  bar: "BarClustered",
  line: "Line",
} as const satisfies Record<ChartSpec["type"], `${Excel.ChartType}`>;

/**
 * Series run along a row when the range is one row, down a column otherwise: adding the chart on
 * the first series' range then gives exactly one series, whichever way the values lie.
 */
function seriesBy(address: string): "Rows" | "Columns" {
  return parseRangeA1(address).rows === 1 ? "Rows" : "Columns";
}

/** Queues the charts of `specs` on `ws`: type, series (name, values, categories), titles, place. */
export function addCharts(ws: Excel.Worksheet, specs: readonly ChartSpec[]): void {
  for (const spec of specs) {
    if (spec.series.length === 0) continue;
    const [first, ...rest] = spec.series;
    const chart = ws.charts.add(
      CHART_TYPES[spec.type],
      ws.getRange(first.values),
      seriesBy(first.values)
    );
    const categories = ws.getRange(spec.categories);
    const series = [chart.series.getItemAt(0), ...rest.map((s) => chart.series.add(s.name))];
    series.forEach((s, k) => {
      s.name = spec.series[k].name;
      s.setValues(ws.getRange(spec.series[k].values));
      s.setXAxisValues(categories);
    });
    chart.title.text = spec.title;
    chart.axes.categoryAxis.title.text = spec.categoryAxisTitle;
    chart.axes.valueAxis.title.text = spec.valueAxisTitle;
    // Category labels at the low end, so that negative bars do not run over them.
    chart.axes.categoryAxis.tickLabelPosition = "Low";
    chart.legend.position = "Bottom";
    const { row, column, rows, columns } = spec.anchor;
    chart.setPosition(cellA1(row, column), cellA1(row + rows - 1, column + columns - 1));
  }
}
