/* global window, document, HTMLElement, HTMLIFrameElement, HTMLInputElement, URL, URLSearchParams */
/**
 * Entry of playground.html (development builds only): the sample workbook, simulated, drawn as a
 * spreadsheet beside the real task pane. The pane runs in a frame (playground-taskpane.html: the
 * production taskpane.html with office.js replaced by playground-office.js), whose Office and
 * Excel globals read and write this page's workbook. `window.keyratePlayground` is the handle the
 * frame, the browser tests and the curious (devtools console) use.
 *
 * Query parameters: `latency=<ms>` delays every context.sync() (Excel on the web takes tens of ms);
 * `holdings=<N>` (1 ≤ N ≤ 50,000) replaces the Holdings sheet's 300 data rows with N rows cycling
 * through them, each ID made unique with a suffix (largeHoldings.ts), for trying the add-in on a
 * large range (`playground.html?holdings=20000`); `reopen=1` opens the workbook "Save and reopen"
 * saved (in the tab's session storage) instead of the sample. A bad value stops the page with a
 * message.
 */
import sample from "../../assets/sample-portfolio.xlsx";
import { addressText } from "./a1";
import { GridView } from "./gridView";
import { fillLargeHoldings, parseHoldingsCount } from "./largeHoldings";
import { InstalledGlobals, PlaygroundHost } from "./officeShim";
import { Scalar, SheetVisibility, SimWorkbook, WorkbookSnapshot } from "./workbookModel";

/** The sheet the "Select holdings" button selects. */
export const HOLDINGS_SHEET = "Holdings";

/** Where "Save and reopen" keeps the saved workbook for the reloaded page (session storage). */
const SAVED_WORKBOOK_KEY = "keyrate-playground-saved-workbook";

/** window.keyratePlayground: the workbook plus conveniences for tests and the console. */
export interface PlaygroundApi extends PlaygroundHost {
  /** Selects the holdings sheet's used range; returns its address. */
  selectHoldings(): string;
  /** Selects an address, e.g. "Holdings!A1:L2". */
  select(address: string): void;
  /** The selection's address with its sheet, e.g. "Holdings!A1:L301". */
  selection(): string;
  /** Enters a value into one cell as a user typing it would. */
  enter(address: string, value: Scalar): void;
  /** Used values of a sheet from A1 (#BUSY! formulas calculated first). */
  sheetValues(name: string): Scalar[][];
  /** The sheets' names, in tab order (hidden ones included). */
  sheetNames(): string[];
  /** A sheet's visibility ("Visible", "Hidden", "VeryHidden"). */
  sheetVisibility(name: string): SheetVisibility;
  /**
   * Saves the workbook as a file keeps it (WorkbookModel.toSnapshot) and reloads the page on it:
   * nothing of this page or its pane survives but what was saved.
   */
  saveAndReopen(): void;
  /** Ids of the custom functions the pane's page registered. */
  customFunctions(): string[];
  /** Reloads the task pane (settings saved by the pane survive, as in a saved workbook). */
  reloadPane(): void;
}

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`playground.html has no #${id}`);
  return el as T;
}

/** Shows why the page cannot start, above everything else, and stops it. */
function fail(message: string): never {
  const banner = document.createElement("p");
  banner.setAttribute("role", "alert");
  banner.style.cssText =
    "margin:0;padding:8px 12px;background:#fde7e9;color:#a4262c;font:14px sans-serif";
  banner.textContent = `Playground: ${message}`;
  document.body.prepend(banner);
  throw new Error(message);
}

/** The workbook the page opens: the one saved by "Save and reopen" (`reopen=1`), else the sample. */
function openWorkbook(params: URLSearchParams): SimWorkbook {
  if (params.get("reopen") !== "1") return SimWorkbook.fromSnapshot(sample);
  const saved = window.sessionStorage.getItem(SAVED_WORKBOOK_KEY);
  if (saved === null) fail("no saved workbook to reopen: Save and reopen keeps one for this tab");
  return SimWorkbook.fromSnapshot(JSON.parse(saved) as WorkbookSnapshot);
}

/** Keeps the workbook in the tab's session storage and reloads the page on it. */
function saveAndReopen(book: SimWorkbook): void {
  const text = JSON.stringify(book.toSnapshot());
  try {
    window.sessionStorage.setItem(SAVED_WORKBOOK_KEY, text);
  } catch (e) {
    throw new Error(
      `the workbook (${(text.length / 1e6).toFixed(1)} million characters) does not fit the ` +
        `browser's session storage: ${(e as Error).message}`
    );
  }
  const url = new URL(window.location.href);
  url.searchParams.set("reopen", "1");
  // The saved workbook already holds its holdings.
  url.searchParams.delete("holdings");
  window.location.assign(url.toString());
}

function start(): void {
  const params = new URLSearchParams(window.location.search);
  const book = openWorkbook(params);
  const latencyMs = Number(params.get("latency") ?? 0);
  const holdings = params.get("reopen") === "1" ? null : params.get("holdings");
  if (holdings !== null) {
    try {
      fillLargeHoldings(book, HOLDINGS_SHEET, parseHoldingsCount(holdings));
    } catch (e) {
      fail((e as Error).message);
    }
  }
  let globals: InstalledGlobals | undefined;
  const pane = byId<HTMLIFrameElement>("kr-pane");

  const api: PlaygroundApi = {
    workbook: book,
    // Custom functions calculate after the request that wrote them, showing #BUSY!, as in Excel.
    options: { latencyMs: Number.isFinite(latencyMs) ? latencyMs : 0, asyncCustomFunctions: true },
    paneLoaded: (installed) => (globals = installed),
    selectHoldings() {
      const sheet = book.sheet(HOLDINGS_SHEET);
      if (!sheet) throw new Error(`no "${HOLDINGS_SHEET}" sheet`);
      book.select(sheet, sheet.usedRect());
      return api.selection();
    },
    select: (address) => book.selectAddress(address),
    selection: () => addressText(book.activeSheet.name, book.activeSheet.selection),
    enter: (address, value) => book.enter(address, value),
    sheetValues: (name) => book.usedValues(name),
    sheetNames: () => book.sheets.map((s) => s.name),
    sheetVisibility: (name) => {
      const sheet = book.sheet(name);
      if (!sheet) throw new Error(`no sheet "${name}"`);
      return sheet.visibility;
    },
    saveAndReopen: () => saveAndReopen(book),
    customFunctions: () => [...(globals?.customFunctions.keys() ?? [])],
    reloadPane: () => pane.contentWindow?.location.reload(),
  };
  (window as unknown as { keyratePlayground: PlaygroundApi }).keyratePlayground = api;

  new GridView(
    book,
    {
      grid: byId("pg-grid"),
      tabs: byId("pg-tabs"),
      nameBox: byId<HTMLInputElement>("pg-namebox"),
      formulaBar: byId<HTMLInputElement>("pg-formula"),
      message: byId("pg-message"),
      status: byId("pg-status"),
    },
    new Set(book.sheets.map((s) => s.name))
  );
  byId("pg-select-holdings").addEventListener("click", () => api.selectHoldings());
  byId("pg-reload-pane").addEventListener("click", () => api.reloadPane());
  byId("pg-save-reopen").addEventListener("click", () => api.saveAndReopen());
  // The pane starts only now, so that its Office globals find the workbook.
  pane.src = "playground-taskpane.html";
}

start();
