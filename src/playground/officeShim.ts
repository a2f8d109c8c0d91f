/**
 * The `Office`, `Excel`, `OfficeExtension` and `CustomFunctions` globals of the playground: what
 * office.js would define inside Excel, backed by a SimWorkbook. Office.onReady reports Excel on
 * the web; document settings persist in the workbook on saveAsync (so a reloaded pane starts
 * where the last one ended, as in a saved workbook); custom functions are recorded by id.
 */
import { SimOfficeError, SimulatorOptions, simulatedExcelRun } from "./excelSimulator";
import type { ResultCell } from "./formulaEngine";
import { SimWorkbook } from "./workbookModel";

/** What Office.onReady resolves to in the playground. */
export const PLAYGROUND_HOST = { host: "Excel", platform: "OfficeOnline" } as const;

/** Office.context.document.settings: in memory, written to the workbook by saveAsync. */
export class SimSettings {
  private readonly local: Map<string, string>;

  constructor(private readonly book: SimWorkbook) {
    this.local = new Map(book.settings);
  }

  /** The setting's value (a fresh copy), or null when it is not set. */
  get(name: string): unknown {
    const json = this.local.get(name);
    return json === undefined ? null : JSON.parse(json);
  }

  /** Sets a value (JSON-serialisable, as Office requires); saved by saveAsync. */
  set(name: string, value: unknown): void {
    this.local.set(name, JSON.stringify(value));
  }

  /** Removes a setting; saved by saveAsync. */
  remove(name: string): void {
    this.local.delete(name);
  }

  /** Saves the settings into the workbook and reports success asynchronously. */
  saveAsync(
    optionsOrCallback?: unknown,
    callback?: (result: { status: string; value: undefined }) => void
  ): void {
    this.book.settings.clear();
    for (const [k, v] of this.local) this.book.settings.set(k, v);
    const done = typeof optionsOrCallback === "function" ? optionsOrCallback : callback;
    if (done) setTimeout(() => done({ status: "succeeded", value: undefined }), 0);
  }
}

/** CustomFunctions.ErrorCode: the Excel errors a custom function can return. */
const ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

/** CustomFunctions.Error: an Excel error value with an optional message. */
class CustomFunctionError extends Error {
  constructor(
    readonly code: string,
    message?: string
  ) {
    super(message ?? code);
  }
}

/**
 * One cell of a custom function's result as Excel takes it: an error with its message, null as 0
 * (as Excel shows null in a returned array), anything but a number, text or boolean as #VALUE!.
 */
function resultCell(cell: unknown): ResultCell {
  if (cell instanceof CustomFunctionError) {
    // Without a message of its own the Error's message is its code.
    return cell.message === cell.code
      ? { error: cell.code }
      : { error: cell.code, message: cell.message };
  }
  if (cell === null) return 0;
  return typeof cell === "number" || typeof cell === "string" || typeof cell === "boolean"
    ? cell
    : "#VALUE!";
}

/** The globals installed, for the page to inspect (e.g. the registered custom functions). */
export interface InstalledGlobals {
  customFunctions: Map<string, (...args: unknown[]) => unknown>;
  settings: SimSettings;
}

/** What the playground page offers the task pane frame (window.keyratePlayground). */
export interface PlaygroundHost {
  workbook: SimWorkbook;
  options?: SimulatorOptions;
  /** Called by the frame once the globals are installed, before the pane's bundles run. */
  paneLoaded?(globals: InstalledGlobals): void;
}

/** Defines Office, Excel, OfficeExtension and CustomFunctions on `target` (a window). */
export function installOfficeGlobals(
  target: object,
  book: SimWorkbook,
  options: SimulatorOptions = {}
): InstalledGlobals {
  const settings = new SimSettings(book);
  const customFunctions = new Map<string, (...args: unknown[]) => unknown>();
  // Formulas in the workbook call the pane's custom functions as Excel would (KEYRATE.X → id X);
  // a matrix result spills, an error keeps its message.
  book.calc.functions = (name, args) => {
    const fn = customFunctions.get(name.replace(/^KEYRATE\./, ""));
    if (!fn) return undefined;
    // Excel passes null for every declared parameter the formula leaves out.
    const omitted = Math.max(0, fn.length - args.length);
    const out = fn(...args, ...Array<null>(omitted).fill(null));
    return Array.isArray(out)
      ? (out as unknown[][]).map((row) => row.map(resultCell))
      : resultCell(out);
  };
  const ready = Promise.resolve({ ...PLAYGROUND_HOST });
  const office = {
    HostType: { Excel: "Excel", Word: "Word", PowerPoint: "PowerPoint", Outlook: "Outlook" },
    PlatformType: { OfficeOnline: "OfficeOnline", PC: "PC", Mac: "Mac" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    /** Resolves (and calls back) once "Office" is ready: at once, in a microtask. */
    onReady(callback?: (info: typeof PLAYGROUND_HOST) => void) {
      return ready.then((info) => {
        callback?.(info);
        return info;
      });
    },
    context: {
      document: { settings },
      diagnostics: { host: "Excel", platform: "OfficeOnline", version: "playground" },
      requirements: { isSetSupported: () => true },
    },
  };
  Object.assign(target, {
    Office: office,
    Excel: { run: simulatedExcelRun(book, options) },
    OfficeExtension: { Error: SimOfficeError },
    CustomFunctions: {
      ErrorCode: ERROR_CODES,
      Error: CustomFunctionError,
      associate(id: string, fn: (...args: unknown[]) => unknown) {
        customFunctions.set(id, fn);
      },
    },
  });
  return { customFunctions, settings };
}
