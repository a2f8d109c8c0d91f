/* global Excel */
/**
 * The wizard's Holdings step: read the selected range, show which column feeds which field — each
 * a select the user can change, "(none)" to leave a field out — how many rows are usable at the
 * settlement date, whether the data goes on beyond the range (Excel's current region), the rows
 * that will not be in the totals, and every problem as a link that selects its cell. The range
 * checked is remembered by address: Write runs it, whatever is selected then. The corrections are
 * kept (by header text, so they survive a range that grows) and applied to every run.
 */
import {
  applicableOverride,
  ColumnMapping,
  describeField,
  HeaderChoice,
  HOLDING_FIELDS,
  HoldingField,
  HoldingProblem,
  readHoldings,
  SkippedRow,
  DEFAULT_CURRENCY,
} from "../core/holdings";
import { isoFromSerial } from "../core/dates";
import { excludedHoldings } from "../core/report/excludedSection";
import { leftOutBeforePricing } from "../core/engines/registry";
import { h } from "./dom";
import { readRange, readSelection, selectCell, surroundingRegion } from "./workbookIO";
import { CheckedRange, partialRange, showExcluded } from "./checkedRange";

export type { CheckedRange } from "./checkedRange";
export { describeChecked } from "./checkedRange";

const NONE = "(none)";
const REQUIRED: readonly HoldingField[] = ["id", "par", "coupon", "maturity"];

/** How many problems the pane lists; the rest are counted. */
export const LISTED_PROBLEMS = 50;

/** A cell's value as the problem list shows it: JSON text, at most 40 characters. */
function shownValue(value: unknown): string {
  if (value === null || value === undefined) return "empty";
  const text = JSON.stringify(value instanceof Date ? value.toISOString().slice(0, 10) : value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/**
 * Lists holdings problems — the first {@link LISTED_PROBLEMS}, then a count of the rest — each as
 * its cell (sheet, column, row: a link that selects it), column header, value and what was
 * expected.
 */
export function showProblems(list: HTMLElement, problems: readonly HoldingProblem[]): void {
  list.replaceChildren();
  if (problems.length === 0) return;
  const rows = new Set(problems.map((p) => p.row)).size;
  list.append(
    h(
      "p",
      { class: "kr-warning" },
      `${problems.length} problem${problems.length > 1 ? "s" : ""} in ${rows} row${rows > 1 ? "s" : ""} of the holdings (your cells are unchanged):`
    )
  );
  const ul = h("ul", { class: "kr-problems" });
  for (const p of problems.slice(0, LISTED_PROBLEMS)) {
    const button = h("button", { class: "kr-link", title: `Select ${p.cell}` }, p.cell);
    button.addEventListener(
      "click",
      () => void Excel.run((context) => selectCell(context, p.cell.split(":")[0]))
    );
    ul.append(
      h(
        "li",
        {},
        button,
        ` ${p.column.length > 40 ? `${p.column.slice(0, 39)}…` : p.column}: ${shownValue(p.value)} — expected ${p.expected}`
      )
    );
  }
  if (problems.length > LISTED_PROBLEMS)
    ul.append(
      h(
        "li",
        { id: "kr-problems-more" },
        `… and ${problems.length - LISTED_PROBLEMS} more (fix these and check again)`
      )
    );
  list.append(ul);
}

export interface HoldingsStep {
  /** The step's content: the check's result, the mapping editor, the problems. */
  readonly content: HTMLElement[];
  /**
   * Reads and checks the selection; true when a run can use it (the required columns mapped and
   * at least one valid row). Shows the mapping, a partial range and the problems either way.
   */
  checkSelection(): Promise<boolean>;
  /**
   * For Next: true when a range is checked at the current settlement date; otherwise checks
   * again — the range checked before, or the selection when none was.
   */
  ensureChecked(): Promise<boolean>;
  /** The range last checked successfully, if any: Write runs exactly this range. */
  checked(): CheckedRange | undefined;
  /** The user's corrections, as kept in the form state. */
  choice(): HeaderChoice;
}

/**
 * @param initial The corrections remembered from the last run.
 * @param settlement The settlement date the rows are checked at (Excel serial), asked on each check.
 * @param onChange Called with the corrections whenever the user changes one.
 */
export function holdingsStep(
  initial: HeaderChoice,
  settlement: () => number,
  onChange: (choice: HeaderChoice) => void
): HoldingsStep {
  let choice: HeaderChoice = { ...initial };
  let checked: CheckedRange | undefined;
  const summary = h("div", { id: "kr-mapping" });
  const extent = h("div", { id: "kr-extent", role: "status" });
  const excluded = h("div", { id: "kr-excluded" });
  const problems = h("div", { id: "kr-holdings-problems" });

  /** Checks the range at `address`, or the selection. */
  const check = (address?: string) =>
    Excel.run(async (context) => {
      const sel = address ? await readRange(context, address) : await readSelection(context);
      const region = await surroundingRegion(context, sel.address);
      const headerRow = sel.values[0] ?? [];
      const headers = headerRow.map((v) => String(v ?? "").trim());
      const at = settlement();
      const read = readHoldings(sel.values, {
        settlement: at,
        sheet: sel.sheet,
        originRow: sel.originRow,
        originColumn: sel.originColumn,
        mapping: applicableOverride(choice, headerRow),
      });
      const exclusion = {
        ...excludedHoldings({
          ...sel,
          mapping: read.mapping,
          problems: read.problems,
          holdings: read.holdings,
          reasons: leftOutBeforePricing(read.holdings),
        }),
        currency: read.holdings.currency[0] ?? DEFAULT_CURRENCY,
      };
      const extentOf = {
        originRow: sel.originRow,
        originColumn: sel.originColumn,
        rows: sel.values.length,
        columns: headerRow.length,
      };
      const partial = region ? partialRange(extentOf, region) : "";
      summary.replaceChildren(
        h(
          "p",
          { id: "kr-checked" },
          `${sel.address}: ${exclusion.summary.rowsChecked} rows, ${read.holdings.count} usable at settlement ${isoFromSerial(at)}.`
        ),
        mappingEditor(headers, read.mapping, choice, (field, header) => {
          choice = { ...choice, [field]: header };
          onChange(choice);
          void check(checked?.address ?? sel.address);
        }),
        ...skippedList(read.skipped),
        ...(Object.keys(choice).length
          ? [
              resetButton(
                () => ((choice = {}), onChange(choice), void check(checked?.address ?? sel.address))
              ),
            ]
          : [])
      );
      showExtent(extent, sel.address, partial, region?.address);
      showExcluded(excluded, exclusion);
      showProblems(problems, read.problems);
      const missingColumn = read.problems.some((p) => p.row === sel.originRow);
      const ok = !missingColumn && read.holdings.count > 0;
      checked = ok
        ? {
            address: sel.address,
            rows: exclusion.summary.rowsChecked,
            usable: read.holdings.count,
            at: new Date(),
            settlement: at,
            extent: extentOf,
            partial,
            region: partial ? region?.address : undefined,
            exclusion,
          }
        : undefined;
      return ok;
    }).catch((e) => {
      checked = undefined;
      // Nothing of an earlier check stays on show as if it were this one's.
      [extent, excluded, problems].forEach((el) => el.replaceChildren());
      summary.replaceChildren(
        h("p", { class: "kr-error" }, `Could not read the range: ${(e as Error).message}`)
      );
      return false;
    });

  /** The warning that the range checked is part of a larger block, and the button to take it all. */
  function showExtent(el: HTMLElement, address: string, partial: string, region?: string): void {
    el.replaceChildren();
    if (!partial || !region) return;
    const extend = h("fluent-button", { id: "kr-extend", appearance: "outline" }, `Use ${region}`);
    extend.addEventListener(
      "click",
      () => void Excel.run((context) => selectCell(context, region)).then(() => check(region))
    );
    el.append(
      h(
        "p",
        { class: "kr-warning", id: "kr-extent-warning" },
        `${address} is part of a larger block: ${partial}. Write runs exactly the range checked.`
      ),
      extend
    );
  }

  return {
    content: [summary, extent, excluded, problems],
    checkSelection: () => check(),
    ensureChecked: async () =>
      checked && checked.settlement === settlement() ? true : check(checked?.address),
    checked: () => checked,
    choice: () => choice,
  };
}

/**
 * One row per field: its name (required ones marked) and a select of the range's headers. Fields
 * not required and not found sit in a collapsed list below.
 */
function mappingEditor(
  headers: readonly string[],
  mapping: ColumnMapping,
  choice: HeaderChoice,
  onPick: (field: HoldingField, header: string | null) => void
): HTMLElement {
  const options = [NONE, ...headers.filter((t) => t !== "")];
  const row = (field: HoldingField) => {
    const current = mapping[field]?.header ?? NONE;
    const id = `kr-map-${field}`;
    const select = h(
      "fluent-select",
      {
        id,
        title: `Column for ${field}: ${describeField(field)}`,
        // A label's for= does not reach into a custom element: name it for screen readers.
        "aria-label": `Column for ${field}`,
      },
      ...options.map((o) =>
        h("fluent-option", o === current ? { value: o, selected: "" } : { value: o }, o)
      )
    );
    select.addEventListener("change", () => {
      const value = (select as HTMLInputElement).value;
      if (value !== current) onPick(field, value === NONE ? null : value);
    });
    const marks = `${REQUIRED.includes(field) ? " *" : ""}${field in choice ? " (yours)" : ""}`;
    // The unit the column is read in: from its header ("Coupon (%)"), else decided once from its values.
    const unit = mapping[field]?.unit ?? "";
    return h(
      "tr",
      {},
      h("td", {}, h("label", { for: id }, field + marks)),
      h("td", {}, select),
      h("td", { id: `kr-unit-${field}`, class: "kr-muted" }, unit)
    );
  };
  const shown = HOLDING_FIELDS.filter(
    (f) => mapping[f] || REQUIRED.includes(f) || f === "price" || f === "yield" || f in choice
  );
  const others = HOLDING_FIELDS.filter((f) => !shown.includes(f));
  return h(
    "div",
    {},
    h(
      "table",
      { id: "kr-mapping-table", class: "kr-mapping" },
      h(
        "caption",
        { class: "kr-muted" },
        "Column used for each field and the unit it is read in (* required; and price or yield):"
      ),
      ...shown.map(row)
    ),
    ...(others.length
      ? [
          h(
            "details",
            {},
            h("summary", {}, `${others.length} more fields, not found in the headers`),
            h("table", { class: "kr-mapping" }, ...others.map(row))
          ),
        ]
      : [])
  );
}

/** The rows above the header and below the data that were skipped (preamble, footer), named. */
function skippedList(skipped: readonly SkippedRow[]): HTMLElement[] {
  if (skipped.length === 0) return [];
  const clip = (t: string) => (t.length > 80 ? `${t.slice(0, 79)}…` : t);
  return [
    h(
      "details",
      { id: "kr-skipped" },
      h(
        "summary",
        {},
        `${skipped.length} row${skipped.length > 1 ? "s" : ""} skipped (not holdings)`
      ),
      h(
        "ul",
        { class: "kr-problems" },
        ...skipped
          .slice(0, LISTED_PROBLEMS)
          .map((r) => h("li", {}, `row ${r.row} (${r.why}): ${clip(r.text)}`))
      )
    ),
  ];
}

function resetButton(onClick: () => void): HTMLElement {
  const button = h(
    "fluent-button",
    { id: "kr-map-reset", appearance: "outline" },
    "Back to automatic matching"
  );
  button.addEventListener("click", onClick);
  return button;
}
