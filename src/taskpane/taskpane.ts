/* global Office, Excel, document */
/**
 * The task pane: select a holdings range, check it, set the hedge inputs, write the "Hedge
 * Recommendation" sheet. Fluent UI web components give the Office look; the work itself is in
 * workbookIO (Office.js) and core (pure). Choices are remembered per workbook in Office settings.
 */
import {
  provideFluentDesignSystem,
  fluentButton,
  fluentTextField,
  fluentSelect,
  fluentOption,
  fluentProgressRing,
  fluentCheckbox,
} from "@fluentui/web-components";
import { isoFromSerial, parseDate } from "../core/dates";
import { HoldingProblem, matchColumns, HOLDING_FIELDS } from "../core/holdings";
import { parseRounding } from "../core/hedge/dv01Hedge";
import { KeyrateError } from "../core/errors";
import { CONTRACT_CODES, parseContract } from "../core/futures/contracts";
import { DEFAULT_HEDGE_CONTRACTS } from "../core/report/hedgeJob";
import { parseMandate } from "../core/compare/mandate";
import { parseScenarioLibrary } from "../core/scenarios/library";
import {
  CURVE_KINDS,
  INTERPOLATIONS,
  DEFAULT_CURVE_SOURCE,
  parseCurveKind,
  parseCurveRange,
  parseInterpolation,
  parseOption,
  parseTenor,
} from "../core/curve";
import { readSelection, runOnSelection, selectCell, JobSettings } from "./workbookIO";
import { field, h, select, valueOf } from "./dom";
import { rangePicker } from "./rangePicker";

provideFluentDesignSystem().register(
  fluentButton(),
  fluentTextField(),
  fluentSelect(),
  fluentOption(),
  fluentProgressRing(),
  fluentCheckbox()
);

const SETTINGS_KEY = "keyrate.hedgeWizard";

interface FormState {
  settlement: string;
  target: string;
  contractName: string;
  contractDv01: string;
  beta: string;
  rounding: string;
  /** Address of the curve range ("" = the bundled curve). */
  curveAddress: string;
  curveKind: string;
  interpolation: string;
  perHoldingKrd: boolean;
  contractCode: string;
  benchmarkAddress: string;
  mandateAddress: string;
  scenarioAddress: string;
  horizonMonths: string;
  sizing: string;
  allowedContracts: string;
  swapTenors: string;
}

const DEFAULTS: FormState = {
  settlement: new Date().toISOString().slice(0, 10),
  target: "5",
  contractName: "ZN (10-year T-note futures)",
  contractDv01: "",
  beta: "1",
  rounding: "nearest",
  curveAddress: "",
  curveKind: "par",
  interpolation: "linear_zero",
  perHoldingKrd: false,
  contractCode: "ZN",
  benchmarkAddress: "",
  mandateAddress: "",
  scenarioAddress: "",
  horizonMonths: "3",
  sizing: "dv01_ratio",
  allowedContracts: DEFAULT_HEDGE_CONTRACTS.join(" "),
  swapTenors: "",
};

function loadState(): FormState {
  const saved = Office.context.document.settings.get(SETTINGS_KEY) as Partial<FormState> | null;
  return { ...DEFAULTS, ...(saved ?? {}) };
}

function saveState(state: FormState): void {
  Office.context.document.settings.set(SETTINGS_KEY, state);
  Office.context.document.settings.saveAsync();
}

/** Addresses chosen with the range pickers. */
type Addresses = Pick<
  FormState,
  "curveAddress" | "benchmarkAddress" | "mandateAddress" | "scenarioAddress"
>;

function readForm(addresses: Addresses): FormState {
  return {
    ...addresses,
    horizonMonths: valueOf("kr-horizon"),
    sizing: valueOf("kr-sizing") || "dv01_ratio",
    allowedContracts: valueOf("kr-allowed"),
    swapTenors: valueOf("kr-swaps"),
    curveKind: valueOf("kr-curve-kind") || "par",
    interpolation: valueOf("kr-interpolation") || "linear_zero",
    contractCode: valueOf("kr-contract-code") || "ZN",
    perHoldingKrd:
      (document.getElementById("kr-per-holding") as HTMLInputElement | null)?.checked ?? false,
    settlement: valueOf("kr-settlement"),
    target: valueOf("kr-target"),
    contractName: valueOf("kr-contract"),
    contractDv01: valueOf("kr-contract-dv01"),
    beta: valueOf("kr-beta"),
    rounding: valueOf("kr-rounding") || "nearest",
  };
}

/** Form values to job settings; every bad field is reported at once. */
function parseForm(state: FormState): { settings?: JobSettings; errors: string[] } {
  const errors: string[] = [];
  const attempt = <T>(f: () => T): T | undefined => {
    try {
      return f();
    } catch (e) {
      errors.push(e instanceof Error ? e.message : String(e));
      return undefined;
    }
  };
  const number = (text: string, what: string, check: (x: number) => boolean, expected: string) => {
    const x = Number(text);
    if (text === "" || !Number.isFinite(x) || !check(x))
      throw new Error(`${what}: expected ${expected}, got "${text}"`);
    return x;
  };
  const settlement = attempt(() => parseDate(state.settlement, "Settlement date"));
  const targetDuration = attempt(() =>
    number(state.target, "Target duration", (x) => x >= 0 && x < 100, "years, 0–100")
  );
  // Blank: computed from the contract's CTD on the curve.
  const contractDv01 = attempt(() =>
    state.contractDv01 === ""
      ? undefined
      : number(
          state.contractDv01,
          "Contract DV01",
          (x) => x > 0,
          "money per bp per contract, > 0, or blank"
        )
  );
  const sizing = attempt(() =>
    parseOption(state.sizing, ["dv01_ratio", "krd"] as const, "dv01_ratio", "Sizing")
  );
  const swapTenors = attempt(() => {
    const tenors = state.swapTenors
      .split(/[\s,;]+/)
      .filter(Boolean)
      .map((t) => parseTenor(t, "Swap tenors"));
    return tenors.length ? tenors : undefined;
  });
  const allowedContracts = attempt(() => {
    const codes = state.allowedContracts.split(/[\s,;]+/).filter(Boolean);
    codes.forEach((c) => parseContract(c, "Allowed contracts"));
    return codes.length ? codes : undefined;
  });
  const beta = attempt(() => number(state.beta, "Yield beta", (x) => x > 0, "a positive ratio"));
  const rounding = attempt(() => parseRounding(state.rounding));
  const curveKind = attempt(() => parseCurveKind(state.curveKind));
  const interpolation = attempt(() => parseInterpolation(state.interpolation));
  const horizonMonths = attempt(() =>
    number(
      state.horizonMonths,
      "Horizon",
      (x) => Number.isInteger(x) && x >= 1 && x <= 120,
      "whole months, 1–120"
    )
  );
  if (errors.length > 0) return { errors };
  return {
    errors,
    settings: {
      settlement: settlement!,
      targetDuration: targetDuration!,
      contractDv01,
      sizing: sizing!,
      allowedContracts,
      swapTenors,
      contractName: state.contractName || "Treasury futures contract",
      beta: beta!,
      rounding: rounding!,
      curveAddress: state.curveAddress || undefined,
      benchmarkAddress: state.benchmarkAddress || undefined,
      mandateAddress: state.mandateAddress || undefined,
      scenarioAddress: state.scenarioAddress || undefined,
      horizonMonths: horizonMonths!,
      curveKind: curveKind!,
      interpolation: interpolation!,
      perHoldingKrd: state.perHoldingKrd,
      contractCode: state.contractCode,
      runDate: new Date().toISOString().slice(0, 10),
    },
  };
}

function showProblems(list: HTMLElement, problems: readonly HoldingProblem[]): void {
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

function render(root: HTMLElement): void {
  const state = loadState();
  const status = h("p", { id: "kr-status", role: "status", class: "kr-muted" });
  const problems = h("div", { id: "kr-problems" });
  const mapping = h("div", { id: "kr-mapping" });
  const busy = h("fluent-progress-ring", { id: "kr-busy", hidden: "" });

  const check = h(
    "fluent-button",
    { id: "kr-check", appearance: "outline" },
    "Check selected range"
  );
  const run = h(
    "fluent-button",
    { id: "kr-run", appearance: "accent" },
    "Write Hedge Recommendation sheet"
  );
  const curve = rangePicker({
    id: "curve",
    what: "curve",
    empty: `bundled ${DEFAULT_CURVE_SOURCE} — select a current curve for real use`,
    address: state.curveAddress,
    check: (values) => void parseCurveRange(values, parseCurveKind(valueOf("kr-curve-kind"))),
  });
  const benchmark = rangePicker({
    id: "benchmark",
    what: "benchmark",
    empty: "none: compared with the target duration in the portfolio's own key-rate shape",
    address: state.benchmarkAddress,
    check: (values) => {
      if (values.length < 2)
        throw new Error("expected constituents with a header row, or label/value rows");
    },
  });
  const mandate = rangePicker({
    id: "mandate",
    what: "mandate",
    empty: "bundled defaults (SPEC S8: duration band ±0.5 years, leverage 20–30%, no net short, …)",
    address: state.mandateAddress,
    check: (values) => void parseMandate(values),
  });
  const scenarios = rangePicker({
    id: "scenarios",
    what: "scenario library",
    empty:
      "the default library (parallel ±25/50/100 bp, steepeners, flatteners, twists, butterfly, six historical episodes)",
    address: state.scenarioAddress,
    check: (values) => void parseScenarioLibrary(values),
  });
  const perHolding = h(
    "fluent-checkbox",
    state.perHoldingKrd ? { id: "kr-per-holding", checked: "" } : { id: "kr-per-holding" },
    "KRDs per holding on the sheet"
  );

  root.replaceChildren(
    h(
      "section",
      { class: "kr-card", "aria-labelledby": "kr-step1" },
      h("h2", { id: "kr-step1", class: "kr-card-title" }, "1. Holdings"),
      h(
        "p",
        { class: "kr-muted" },
        "Select the holdings range with its header row (id, par, coupon, maturity, price or yield; optional sector, type, frequency, basis…), then check it."
      ),
      check,
      mapping,
      problems
    ),
    h(
      "section",
      { class: "kr-card", "aria-labelledby": "kr-step2" },
      h("h2", { id: "kr-step2", class: "kr-card-title" }, "2. Curve"),
      h(
        "p",
        { class: "kr-muted" },
        "Select a two-column range of tenor (1M … 30Y) and rate (decimal), or keep the bundled curve."
      ),
      curve.element,
      select("kr-curve-kind", "Rates are", CURVE_KINDS, state.curveKind),
      select("kr-interpolation", "Interpolation", INTERPOLATIONS, state.interpolation),
      perHolding
    ),
    h(
      "section",
      { class: "kr-card", "aria-labelledby": "kr-step3" },
      h("h2", { id: "kr-step3", class: "kr-card-title" }, "3. Hedge"),
      field(
        "kr-settlement",
        "Settlement date",
        state.settlement,
        "YYYY-MM-DD; maturities must fall after it."
      ),
      field(
        "kr-target",
        "Target effective duration (years)",
        state.target,
        "Curve-based duration the portfolio should have after the hedge."
      ),
      select("kr-contract-code", "Futures contract", CONTRACT_CODES, state.contractCode),
      field("kr-contract", "Hedge contract", state.contractName, "Name shown on the sheet."),
      field(
        "kr-contract-dv01",
        "Contract DV01 (money per bp)",
        state.contractDv01,
        "CTD DV01 per contract face ÷ conversion factor; blank computes it from the CTD on the curve."
      ),
      field(
        "kr-beta",
        "Yield beta",
        state.beta,
        "Portfolio yield change per hedge yield change (1 = parallel)."
      ),
      select("kr-rounding", "Rounding", ["nearest", "down", "none"], state.rounding),
      select("kr-sizing", "Sizing", ["dv01_ratio", "krd"], state.sizing),
      field(
        "kr-allowed",
        "Contracts the KRD sizing may use",
        state.allowedContracts,
        "Codes ZT Z3N ZF ZN TN TWE ZB UB; sized by HiGHS within the mandate's leverage cap."
      ),
      field(
        "kr-swaps",
        "SOFR OIS swap tenors the KRD sizing may add",
        state.swapTenors,
        "e.g. 2Y 5Y 10Y 30Y (blank: futures only); on the SOFR curve the Treasury curve implies — the Treasury–swap basis stays open."
      )
    ),
    h(
      "section",
      { class: "kr-card", "aria-labelledby": "kr-step4" },
      h("h2", { id: "kr-step4", class: "kr-card-title" }, "4. Benchmark, mandate and scenarios"),
      benchmark.element,
      mandate.element,
      scenarios.element,
      field(
        "kr-horizon",
        "Horizon (months)",
        state.horizonMonths,
        "For price and total returns, carry and breakevens."
      )
    ),
    h("section", { class: "kr-card" }, run, busy, status)
  );

  check.addEventListener(
    "click",
    () =>
      void Excel.run(async (context) => {
        const sel = await readSelection(context);
        const header = (sel.values[0] ?? []).map((v) => String(v ?? ""));
        const m = matchColumns(header);
        mapping.replaceChildren(
          h("p", {}, `${sel.address}: ${Math.max(sel.values.length - 1, 0)} rows.`),
          h(
            "table",
            { class: "kr-mapping" },
            ...HOLDING_FIELDS.filter((f) => m[f]).map((f) =>
              h("tr", {}, h("td", {}, f), h("td", {}, m[f]!.header))
            )
          )
        );
      }).catch(
        (e) => (status.textContent = `Could not read the selection: ${(e as Error).message}`)
      )
  );

  run.addEventListener("click", () => {
    const form = readForm({
      curveAddress: curve.address(),
      benchmarkAddress: benchmark.address(),
      mandateAddress: mandate.address(),
      scenarioAddress: scenarios.address(),
    });
    const { settings, errors } = parseForm(form);
    if (!settings) {
      status.textContent = errors.join(" · ");
      return;
    }
    saveState(form);
    busy.removeAttribute("hidden");
    status.textContent = "Working…";
    void Excel.run(async (context) => {
      const { result, sheetNames } = await runOnSelection(
        context,
        settings,
        (done, total) => (status.textContent = `Writing rows ${done} of ${total}…`)
      );
      showProblems(problems, result.problems);
      if (!result.ok) {
        status.textContent = "Nothing written: fix the problems listed above.";
        return;
      }
      const hedge = result.hedge;
      const warning = result.curveWarning ? ` ${result.curveWarning}` : "";
      const written = sheetNames.map((n) => `"${n}"`).join(", ");
      const plan = result.plan;
      const trades = plan
        ? `KRD-matched: ${plan.trades.map((t) => `${t.contracts < 0 ? "sell" : "buy"} ${Math.abs(t.contracts)} ${t.instrument.symbol}`).join(", ")}; DV01 ${Math.round(plan.before.reduce((a, b) => a + b, 0)).toLocaleString()} → ${Math.round(plan.dv01After).toLocaleString()} per bp`
        : `${hedge.contracts < 0 ? "sell" : "buy"} ${Math.abs(hedge.contracts)} contracts; duration ${hedge.portfolioDuration.toFixed(2)} → ${hedge.durationAfter.toFixed(2)} years (effective)`;
      status.textContent = `Wrote ${written} (settlement ${isoFromSerial(settings.settlement)}): ${trades}.${warning}`;
    })
      .catch(
        (e) =>
          (status.textContent =
            e instanceof KeyrateError ? e.message : `Failed: ${(e as Error).message}`)
      )
      .finally(() => busy.setAttribute("hidden", ""));
  });
}

Office.onReady((info) => {
  const root = document.getElementById("app");
  if (info.host === Office.HostType.Excel && root) render(root);
});
