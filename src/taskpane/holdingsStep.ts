/* global Excel */
/**
 * The wizard's Holdings step: read the selected range, show which column feeds which field — each
 * a select the user can change, "(none)" to leave a field out — how many rows are usable at the
 * settlement date, and every problem as a link that selects its cell. The corrections are kept
 * (by header text, so they survive a range that grows) and applied to every run.
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
} from "../core/holdings";
import { isoFromSerial } from "../core/dates";
import { h } from "./dom";
import { readSelection, selectCell } from "./workbookIO";

const NONE = "(none)";
const REQUIRED: readonly HoldingField[] = ["id", "par", "coupon", "maturity"];

/** Lists holdings problems, each cell a link that selects it in the workbook. */
export function showProblems(list: HTMLElement, problems: readonly HoldingProblem[]): void {
  list.replaceChildren();
  if (problems.length === 0) return;
  list.append(
    h(
      "p",
      { class: "kr-warning" },
      `${problems.length} problem${problems.length > 1 ? "s" : ""} in the holdings (your cells are unchanged):`
    )
  );
  const ul = h("ul", { class: "kr-problems" });
  for (const p of problems) {
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
        ` ${p.column}: ${p.value === null ? "empty" : JSON.stringify(p.value)} — expected ${p.expected}`
      )
    );
  }
  list.append(ul);
}

export interface HoldingsStep {
  /** The step's content: the check button's result, the mapping editor, the problems. */
  readonly content: HTMLElement[];
  /**
   * Reads and checks the selection; true when a run can use it (the required columns mapped and
   * at least one valid row). Shows the mapping and the problems either way.
   */
  check(): Promise<boolean>;
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
  const summary = h("div", { id: "kr-mapping" });
  const problems = h("div", { id: "kr-holdings-problems" });

  const check = () =>
    Excel.run(async (context) => {
      const sel = await readSelection(context);
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
      summary.replaceChildren(
        h(
          "p",
          {},
          `${sel.address}: ${Math.max(sel.values.length - 1, 0)} rows, ${read.holdings.count} usable at settlement ${isoFromSerial(at)}.`
        ),
        mappingEditor(headers, read.mapping, choice, (field, header) => {
          choice = { ...choice, [field]: header };
          onChange(choice);
          void check();
        }),
        ...(Object.keys(choice).length
          ? [resetButton(() => ((choice = {}), onChange(choice), void check()))]
          : [])
      );
      showProblems(problems, read.problems);
      const missingColumn = read.problems.some((p) => p.row === sel.originRow);
      return !missingColumn && read.holdings.count > 0;
    }).catch((e) => {
      summary.replaceChildren(
        h("p", { class: "kr-error" }, `Could not read the selection: ${(e as Error).message}`)
      );
      return false;
    });

  return { content: [summary, problems], check, choice: () => choice };
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
    return h("tr", {}, h("td", {}, h("label", { for: id }, field + marks)), h("td", {}, select));
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
        "Column used for each field (* required; and price or yield):"
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

function resetButton(onClick: () => void): HTMLElement {
  const button = h(
    "fluent-button",
    { id: "kr-map-reset", appearance: "outline" },
    "Back to automatic matching"
  );
  button.addEventListener("click", onClick);
  return button;
}
