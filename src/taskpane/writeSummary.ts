/**
 * The Write step's summary: the holdings range as checked (address, rows, time, partial or not),
 * what will be left out of the totals, every other choice, and anything to fix before writing.
 */
import { isoFromSerial } from "../core/dates";
import { DEFAULT_CURVE_SOURCE } from "../core/curve";
import { exclusionSentence } from "../core/report/excludedSection";
import { h } from "./dom";
import { FormState, parseForm } from "./form";
import { CheckedRange, describeChecked } from "./checkedRange";

export /** The Write step's summary of the choices, and anything to fix before writing. */
function showSummary(summary: HTMLElement, form: FormState, checked?: CheckedRange): void {
  const rows: [string, string][] = [
    [
      "Holdings",
      checked
        ? `${describeChecked(checked)}${checked.partial ? ` — partial: ${checked.partial}` : ""}`
        : "none checked: go Back to step 1 and check the holdings range",
    ],
    [
      "In the totals",
      checked
        ? `${exclusionSentence(checked.exclusion.summary, checked.exclusion.currency)} (as checked at ${isoFromSerial(checked.settlement)})`
        : "—",
    ],
    [
      "Columns",
      Object.entries(form.mapping ?? {})
        .map(([field, header]) => `${field} → ${header ?? "not used"}`)
        .join("; ") || "matched automatically",
    ],
    [
      "Curve",
      form.curveAddress
        ? `${form.curveAddress}${form.curveDate ? ` (a history: on or before ${form.curveDate})` : ""}`
        : `bundled ${DEFAULT_CURVE_SOURCE}`,
    ],
    ["Settlement", form.settlement],
    ["Target duration", `${form.target} years`],
    ["Benchmark", form.benchmarkAddress || "none"],
    ["Mandate", form.mandateAddress || "bundled defaults"],
    ["Hedge contract", `${form.contractCode} futures, front month`],
    ["Contract DV01", form.contractDv01 || "from the CTD on the curve"],
    ["Treasury universe", form.universeAddress || "CME's bundled deliverables"],
    ["Sizing", form.sizing],
    ["Scenarios", form.scenarioAddress || "the default library"],
    ["Horizon", `${form.horizonMonths} months`],
  ];
  const { errors } = parseForm(form);
  summary.replaceChildren(
    h("dl", { class: "kr-summary" }, ...rows.flatMap(([k, v]) => [h("dt", {}, k), h("dd", {}, v)])),
    ...(errors.length
      ? [
          h("p", { class: "kr-error" }, "To fix before writing (go Back to the step):"),
          h("ul", { class: "kr-problems" }, ...errors.map((e) => h("li", {}, e))),
        ]
      : [])
  );
}
