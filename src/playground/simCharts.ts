/**
 * The simulator's charts: the Office.js calls the add-in's chart renderer makes
 * (worksheet.charts.add, series getItemAt/add, name, setValues, setXAxisValues, title and axis
 * titles, category tick-label position, legend position, setPosition), queued like every other
 * request and recorded on the sheet as SimChart records (type, titles, series ranges, place).
 * Properties are write-then-read, as in office.js after a set; nothing here can be loaded.
 */
import { Rect, addressText, parseRange, rangeText } from "./a1";
import { SimOfficeError } from "./officeError";
import type { SimRange, SimRequestContext } from "./excelSimulator";
import type { SimChart, SimSheet } from "./workbookModel";

/** A property set locally: readable once set, PropertyNotLoaded before (as office.js does). */
class Local<T> {
  private value?: { v: T };

  constructor(private readonly where: string) {}

  get(): T {
    if (!this.value) {
      throw new SimOfficeError(
        "PropertyNotLoaded",
        `The property is not available (the simulator's charts are write-only).`,
        this.where
      );
    }
    return this.value.v;
  }

  set(v: T): void {
    this.value = { v };
  }
}

/** A range's A1 text as a chart records it: no sheet name when on the chart's own sheet. */
function rangeOf(range: SimRange, chartSheet: SimSheet): string {
  const { sheet, rect } = range.locate();
  return sheet === chartSheet ? rangeText(rect) : addressText(sheet.name, rect);
}

/** A cell given as A1 text or as a range: its rectangle on the chart's sheet. */
function cellOf(cell: SimRange | string, where: string): Rect {
  const rect = typeof cell === "string" ? parseRange(cell) : cell.locate().rect;
  if (!rect) throw new SimOfficeError("InvalidArgument", `not an A1 cell: "${cell}"`, where);
  return rect;
}

/** Excel.ChartCollection (add only). */
export class SimChartCollection {
  constructor(
    private readonly context: SimRequestContext,
    private readonly sheet: () => SimSheet
  ) {}

  /**
   * Adds a chart of `sourceData`: one series per row ("Rows") or per column ("Columns", and
   * "Auto" when the range is taller than wide), categories left empty (set them with
   * setXAxisValues; Excel would guess from headers, the simulator does not).
   */
  add(type: string, sourceData: SimRange, seriesBy = "Auto"): SimChartObject {
    let record: SimChart | undefined;
    this.context.enqueue(() => {
      const sheet = this.sheet();
      const { sheet: source, rect } = sourceData.locate();
      const byRows =
        seriesBy === "Rows" || (seriesBy === "Auto" && rect.columnCount >= rect.rowCount);
      const count = byRows ? rect.rowCount : rect.columnCount;
      const series = Array.from({ length: count }, (_, k) => {
        const part: Rect = byRows
          ? { ...rect, row: rect.row + k, rowCount: 1 }
          : { ...rect, column: rect.column + k, columnCount: 1 };
        const values = source === sheet ? rangeText(part) : addressText(source.name, part);
        return { name: `Series${k + 1}`, values, categories: "" };
      });
      record = {
        name: `Chart ${sheet.charts.length + 1}`,
        type,
        title: "",
        categoryAxisTitle: "",
        valueAxisTitle: "",
        categoryLabelPosition: "NextToAxis",
        legendPosition: "Right",
        series,
      };
      sheet.charts.push(record);
      this.context.book.changed("cells", sheet);
    }, 64);
    return new SimChartObject(this.context, this.sheet, () => {
      if (!record) throw new SimOfficeError("InvalidObjectPath", "the chart was not added");
      return record;
    });
  }
}

/** Excel.Chart: title, axes, legend, series, setPosition. */
export class SimChartObject {
  readonly title: SimText;
  readonly axes: { categoryAxis: SimAxis; valueAxis: SimAxis };
  readonly legend: SimLegend;
  readonly series: SimSeriesCollection;

  constructor(
    private readonly context: SimRequestContext,
    private readonly sheet: () => SimSheet,
    private readonly chart: () => SimChart
  ) {
    this.title = new SimText(context, "ChartTitle.text", (t) => (chart().title = t));
    this.axes = {
      categoryAxis: new SimAxis(context, chart, "category"),
      valueAxis: new SimAxis(context, chart, "value"),
    };
    this.legend = new SimLegend(context, chart);
    this.series = new SimSeriesCollection(context, sheet, chart);
  }

  /** Covers the cells from `startCell` to `endCell` (only `startCell`'s when none). */
  setPosition(startCell: SimRange | string, endCell?: SimRange | string): void {
    this.context.enqueue(() => {
      const start = cellOf(startCell, "Chart.setPosition");
      const end = cellOf(endCell ?? startCell, "Chart.setPosition");
      const a1 = (row: number, column: number) =>
        rangeText({ row, column, rowCount: 1, columnCount: 1 });
      this.chart().position = {
        start: a1(start.row, start.column),
        end: a1(end.row + end.rowCount - 1, end.column + end.columnCount - 1),
      };
      this.context.book.changed("cells", this.sheet());
    });
  }
}

/** Excel.ChartTitle / ChartAxisTitle: text. */
export class SimText {
  private readonly local: Local<string>;

  constructor(
    private readonly context: SimRequestContext,
    where: string,
    private readonly write: (text: string) => void
  ) {
    this.local = new Local(where);
  }

  get text(): string {
    return this.local.get();
  }
  set text(value: string) {
    this.local.set(value);
    this.context.enqueue(() => this.write(value), value.length);
  }
}

/** Excel.ChartAxis: title and tick-label position. */
export class SimAxis {
  readonly title: SimText;
  private readonly position = new Local<string>("ChartAxis.tickLabelPosition");

  constructor(
    private readonly context: SimRequestContext,
    private readonly chart: () => SimChart,
    kind: "category" | "value"
  ) {
    this.title = new SimText(context, "ChartAxisTitle.text", (t) => {
      if (kind === "category") chart().categoryAxisTitle = t;
      else chart().valueAxisTitle = t;
    });
  }

  get tickLabelPosition(): string {
    return this.position.get();
  }
  set tickLabelPosition(value: string) {
    this.position.set(value);
    this.context.enqueue(() => (this.chart().categoryLabelPosition = value));
  }
}

/** Excel.ChartLegend: position. */
export class SimLegend {
  private readonly local = new Local<string>("ChartLegend.position");

  constructor(
    private readonly context: SimRequestContext,
    private readonly chart: () => SimChart
  ) {}

  get position(): string {
    return this.local.get();
  }
  set position(value: string) {
    this.local.set(value);
    this.context.enqueue(() => (this.chart().legendPosition = value));
  }
}

/** Excel.ChartSeriesCollection: getItemAt, add. */
export class SimSeriesCollection {
  constructor(
    private readonly context: SimRequestContext,
    private readonly sheet: () => SimSheet,
    private readonly chart: () => SimChart
  ) {}

  /** The series at 0-based `index`; the sync fails with ItemNotFound when there is none. */
  getItemAt(index: number): SimSeries {
    return new SimSeries(this.context, this.sheet, () => {
      const s = this.chart().series[index];
      if (!s) {
        throw new SimOfficeError(
          "ItemNotFound",
          `The chart has no series ${index}.`,
          "ChartSeriesCollection.getItemAt"
        );
      }
      return s;
    });
  }

  /** Adds an empty series at the end. */
  add(name?: string): SimSeries {
    let added: SimChart["series"][number] | undefined;
    this.context.enqueue(() => {
      const series = this.chart().series;
      added = { name: name ?? `Series${series.length + 1}`, values: "", categories: "" };
      series.push(added);
    });
    return new SimSeries(this.context, this.sheet, () => added!);
  }
}

/** Excel.ChartSeries: name, setValues, setXAxisValues. */
export class SimSeries {
  private readonly localName = new Local<string>("ChartSeries.name");

  constructor(
    private readonly context: SimRequestContext,
    private readonly sheet: () => SimSheet,
    private readonly series: () => SimChart["series"][number]
  ) {}

  get name(): string {
    return this.localName.get();
  }
  set name(value: string) {
    this.localName.set(value);
    this.context.enqueue(() => (this.series().name = value), value.length);
  }

  /** Plots the values of `range`. */
  setValues(range: SimRange): void {
    this.context.enqueue(() => (this.series().values = rangeOf(range, this.sheet())));
  }

  /** Labels the points with the cells of `range`. */
  setXAxisValues(range: SimRange): void {
    this.context.enqueue(() => (this.series().categories = rangeOf(range, this.sheet())));
  }
}
