/**
 * Excel.PageLayout and the horizontal page breaks of a worksheet (ExcelApi 1.9), recorded on the
 * sheet and not drawn: orientation, zoom (fit to pages or a scale), the print area and the print
 * title rows, and the rows above which a page breaks. Enough for the renderer's print setup to
 * run in the playground and for tests to read back what it set.
 */
import { parseRange } from "./a1";
import { invalidArgument } from "./simBase";
import type { SimRequestContext } from "./simContext";
import type { SimPrintSetup, SimSheet } from "./workbookModel";

type Orientation = "Portrait" | "Landscape";
interface Zoom {
  horizontalFitToPages?: number;
  verticalFitToPages?: number;
  scale?: number;
}

/** An A1 range (with or without $, sheet names not allowed) or whole rows ("$1:$2"). */
function checkAddress(address: string, where: string): string {
  const rows = /^\$?\d+:\$?\d+$/.test(address);
  if (!rows && !parseRange(address.replace(/\$/g, "")))
    throw invalidArgument(`not an A1 range: "${address}"`, where);
  return address;
}

/** Excel.PageLayout: orientation, zoom, setPrintArea, setPrintTitleRows (recorded). */
export class SimPageLayout {
  constructor(
    private readonly context: SimRequestContext,
    private readonly sheet: () => SimSheet
  ) {}

  private record(change: (p: SimPrintSetup) => void): void {
    this.context.enqueue(() => change(this.sheet().print));
  }

  set orientation(value: Orientation) {
    if (value !== "Portrait" && value !== "Landscape")
      throw invalidArgument(`bad orientation "${value}"`, "PageLayout.orientation");
    this.record((p) => (p.orientation = value));
  }

  set zoom(value: Zoom) {
    const fit = [value.horizontalFitToPages, value.verticalFitToPages];
    if (fit.some((n) => n !== undefined && !(Number.isInteger(n) && n >= 0)))
      throw invalidArgument("fit-to-pages must be whole numbers ≥ 0", "PageLayout.zoom");
    if (value.scale !== undefined && !(value.scale >= 10 && value.scale <= 400))
      throw invalidArgument("scale must be 10 to 400", "PageLayout.zoom");
    this.record((p) => (p.zoom = { ...value }));
  }

  setPrintArea(address: string): void {
    checkAddress(address, "PageLayout.setPrintArea");
    this.record((p) => (p.printArea = address));
  }

  setPrintTitleRows(address: string): void {
    checkAddress(address, "PageLayout.setPrintTitleRows");
    this.record((p) => (p.titleRows = address));
  }
}

/** Excel.PageBreakCollection (horizontal): add a break above a range's top-left cell. */
export class SimPageBreaks {
  constructor(
    private readonly context: SimRequestContext,
    private readonly sheet: () => SimSheet
  ) {}

  add(address: string): void {
    const rect = parseRange(address.replace(/\$/g, ""));
    if (!rect) throw invalidArgument(`not an A1 range: "${address}"`, "PageBreakCollection.add");
    this.context.enqueue(() => {
      const breaks = this.sheet().print.rowBreaks;
      if (!breaks.includes(rect.row)) breaks.push(rect.row);
    });
  }
}
