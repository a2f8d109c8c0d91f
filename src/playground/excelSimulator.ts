/**
 * An in-memory Excel JavaScript API: the subset of `Excel.run` the keyrate task pane uses, with
 * Office.js's request protocol. Proxy objects queue their work; `context.sync()` runs the queue
 * against the SimWorkbook in order and fills in what was loaded. As in office.js, reading a
 * property that was neither loaded (and synced) nor set throws PropertyNotLoaded, a failed
 * request rejects the sync and drops the rest of the batch, `Excel.run` syncs once more after the
 * batch, and a request or response above Excel on the web's payload limit (5 MB) fails.
 *
 * Supported: workbook.getSelectedRange, worksheets (getActiveWorksheet, getItem, add, load of
 * items/name), worksheet (name, position, getRange, getRangeByIndexes, getUsedRange, activate,
 * freezePanes.freezeRows), range (address, indexes, counts, values, formulas, numberFormat, text,
 * select, getCell, merge, format.columnWidth/rowHeight/wrapText/
 * horizontalAlignment, format.font.bold/italic/size/color,
 * format.fill.color), worksheet.charts (the calls simCharts.ts lists), worksheet.pageLayout and
 * horizontalPageBreaks (recorded, simPageLayout.ts).
 */
import { SimWorkbook } from "./workbookModel";
import { SimOfficeError } from "./officeError";
import { SimulatorOptions } from "./simBase";
import { SimRequestContext } from "./simContext";
import { SimFreezePanes, SimWorksheet } from "./simWorkbook";
import { SimRange, SimRangeFill, SimRangeFont, SimRangeFormat } from "./simRange";

export { SimOfficeError };
export { PAYLOAD_LIMIT_BYTES, type SimulatorOptions } from "./simBase";
export { SimRequestContext } from "./simContext";
export {
  SimWorkbookObject,
  SimWorksheetCollection,
  SimWorksheet,
  SimFreezePanes,
} from "./simWorkbook";
export { SimRange, SimRangeFormat, SimRangeFont, SimRangeFill } from "./simRange";

/**
 * `Excel.run` over a simulated workbook: runs the batch with a fresh context, rejects a batch
 * that does not return a promise, syncs once more after it, and closes the context.
 */
export function simulatedExcelRun(book: SimWorkbook, options: SimulatorOptions = {}) {
  return async function run<T>(batch: (context: SimRequestContext) => Promise<T>): Promise<T> {
    const context = new SimRequestContext(book, options);
    book.beginRun();
    try {
      const pending = batch(context);
      if (!pending || typeof (pending as Promise<T>).then !== "function") {
        throw new SimOfficeError(
          "RunMustReturnPromise",
          'The batch function passed to the ".run" method didn\'t return a promise.'
        );
      }
      const result = await pending;
      await context.sync();
      return result;
    } finally {
      context.close();
      book.endRun();
    }
  };
}

/** Compile-time: T's members have the types of U's (the simulator against @types/office-js). */
type Implements<T extends U, U> = T;
type RangeMembers = "address" | "rowIndex" | "columnIndex" | "rowCount" | "columnCount" | "values";
/** Fails to compile when a simulated member's type drifts from Office.js's. */
export type OfficeJsTypeChecks = [
  Implements<
    Pick<SimRange, RangeMembers | "formulas" | "numberFormat" | "text" | "select">,
    Pick<Excel.Range, RangeMembers | "formulas" | "numberFormat" | "text" | "select">
  >,
  Implements<
    Pick<SimWorksheet, "name" | "id" | "position" | "activate" | "delete">,
    Pick<Excel.Worksheet, "name" | "id" | "position" | "activate" | "delete">
  >,
  Implements<
    Pick<SimFreezePanes, "freezeRows" | "unfreeze">,
    Pick<Excel.WorksheetFreezePanes, "freezeRows" | "unfreeze">
  >,
  Implements<
    Pick<SimRangeFormat, "columnWidth" | "rowHeight" | "wrapText">,
    Pick<Excel.RangeFormat, "columnWidth" | "rowHeight" | "wrapText">
  >,
  Implements<
    Pick<SimRangeFormat, "horizontalAlignment">,
    Pick<Excel.RangeFormat, "horizontalAlignment">
  >,
  Implements<
    Pick<SimRangeFont, "bold" | "italic" | "size" | "color">,
    Pick<Excel.RangeFont, "bold" | "italic" | "size" | "color">
  >,
  Implements<Pick<SimRangeFill, "color" | "clear">, Pick<Excel.RangeFill, "color" | "clear">>,
  Implements<Pick<SimRequestContext, "sync">, Pick<Excel.RequestContext, "sync">>,
];
