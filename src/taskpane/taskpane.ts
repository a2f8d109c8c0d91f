/* global Office, Excel, document */
/**
 * The task pane, a wizard (see wizard.ts): holdings → curve → target → instruments → scenarios →
 * write the "Hedge Recommendation" sheet and its companions; a running write can be cancelled
 * (Cancel or Escape) between row chunks (a half-written sheet is removed again). Fluent UI web
 * components give the Office look; the work itself is in workbookIO (Office.js) and core (pure). Choices are remembered per workbook in Office settings.
 */
import { convexityNote, hedgeSummary } from "../core/run/summary";
import {
  provideFluentDesignSystem,
  fluentButton,
  fluentTextField,
  fluentSelect,
  fluentOption,
  fluentCheckbox,
} from "@fluentui/web-components";
import { isoFromSerial, parseDate } from "../core/dates";

import { KeyrateError } from "../core/errors";
import { CONTRACT_CODES } from "../core/futures/contracts";

import { parseMandate } from "../core/compare/mandate";
import { parseScenarioLibrary } from "../core/scenarios/library";
import { parseHedgesRange } from "../core/scenarios/hedgeRange";
import {
  CURVE_KINDS,
  INTERPOLATIONS,
  DEFAULT_CURVE_SOURCE,
  curveOfRange,
  parseCurveKind,
} from "../core/curve";
import { DEFAULT_UNIVERSE_AS_OF, readUniverse } from "../core/futures/universe";
import { JobSettings, readJobAt, runOnRange, surroundingRegion } from "./workbookIO";
import { sameData } from "./sameData";
import { ComputeCancelled, paneCompute } from "./compute";
import { RUN_STAGES, RunStage } from "../core/run/runInput";
import { partialRange } from "./checkedRange";
import { loadWorkbookSettings, settingsStatus } from "./settingsSheet";
import { showSummary } from "./writeSummary";
import { WorkbookSettings } from "../core/settings";
import { exclusionSentence } from "../core/report/excludedSection";
import { startingState } from "./workbookDefaults";
import { field, h, select, valueOf } from "./dom";
import { rangePicker } from "./rangePicker";
import { FIELD_STEP, FormState, loadSaved, parseForm, Picked, readForm, saveState } from "./form";
import { describeChecked, holdingsStep, showProblems } from "./holdingsStep";
import { buildWizard, WizardStep } from "./wizard";

provideFluentDesignSystem().register(
  fluentButton(),
  fluentTextField(),
  fluentSelect(),
  fluentOption(),
  fluentCheckbox()
);

function render(root: HTMLElement, workbookSettings?: WorkbookSettings): void {
  const { state, sources } = startingState(loadSaved(), workbookSettings);
  const status = h("p", { id: "kr-status", role: "status", class: "kr-muted" });
  const problems = h("div", { id: "kr-problems" });
  // Corrections of the column mapping: kept in the form state (and so in the workbook).
  let mappingChoice = state.mapping ?? {};
  const holdings = holdingsStep(
    mappingChoice,
    // The date typed; a bad one stops the check with its message (never a silent fallback).
    () => parseDate(valueOf("kr-settlement"), "Settlement date"),
    (choice) => (mappingChoice = choice)
  );
  // Whether the analytics started ahead of Write (startAhead) are running or ready.
  const ahead = h("p", { id: "kr-ahead", role: "status", class: "kr-muted" });
  // A CSS spinner turned by the compositor (transform only): Fluent's ring redraws its SVG on the
  // page's thread every frame, which the playground's writes share.
  const busy = h("span", { id: "kr-busy", class: "kr-spinner", role: "progressbar", hidden: "" });

  const check = h(
    "fluent-button",
    { id: "kr-check", appearance: "outline" },
    "Check selected range"
  );
  const settingsNote = settingsStatus(workbookSettings);
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
    // A tenor/rate range, or a curve history (first cell "Date") on the curve date.
    check: (values) =>
      void curveOfRange(
        values,
        parseCurveKind(valueOf("kr-curve-kind")),
        parseDate(valueOf("kr-settlement"), "Settlement date"),
        valueOf("kr-curve-date") ? parseDate(valueOf("kr-curve-date"), "Curve date") : undefined,
        "Curve date"
      ),
  });
  const universe = rangePicker({
    id: "universe",
    what: "Treasury universe",
    empty: `CME's deliverables of ${DEFAULT_UNIVERSE_AS_OF} (a month with none: a synthetic CTD, with a warning)`,
    address: state.universeAddress ?? "",
    check: (values) =>
      void readUniverse(values, parseDate(valueOf("kr-settlement"), "Settlement date")),
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
  const optionHedges = rangePicker({
    id: "options",
    what: "option candidates",
    empty: "no options (futures and swaps only)",
    address: state.optionAddress,
    check: (values) => void parseHedgesRange(values),
  });
  const perHolding = h(
    "fluent-checkbox",
    state.perHoldingKrd ? { id: "kr-per-holding", checked: "" } : { id: "kr-per-holding" },
    "KRDs per holding on the sheet"
  );

  const live = h(
    "fluent-checkbox",
    state.liveFormulas === false
      ? { id: "kr-live-formulas" }
      : { id: "kr-live-formulas", checked: "" },
    "Holdings table as live formulas: follow your cells (prices, coupons, …); off: values as of this run"
  );

  // Per run, never remembered: marking every later run a rebalance would be wrong.
  const rebalance = h(
    "fluent-checkbox",
    { id: "kr-rebalance" },
    "Mark this run as a rebalance: its trades will be executed (the base of the triggers since the last rebalance)"
  );

  const cancel = h(
    "fluent-button",
    { id: "kr-cancel", appearance: "outline", hidden: "" },
    "Cancel"
  );
  const summary = h("div", { id: "kr-summary" });

  const steps: WizardStep[] = [
    {
      name: "Holdings",
      content: [
        h(
          "p",
          { class: "kr-muted" },
          "Select the holdings range with its header row (id, par, coupon, maturity, price or yield; optional sector, type, frequency, basis…), then check it. Write runs the range checked here, whatever is selected then."
        ),
        settingsNote,
        field(
          "kr-settlement",
          "Settlement date",
          state.settlement,
          "YYYY-MM-DD: the holdings are checked and every figure computed at this date. Maturities must fall after it.",
          sources.settlement
        ),
        check,
        ...holdings.content,
      ],
    },
    {
      name: "Curve",
      content: [
        h(
          "p",
          { class: "kr-muted" },
          "Select a two-column range of tenor (1M … 30Y) and rate (decimal), or a curve history (first column Date, then tenors: the Treasury's par-yield file) and its date; or keep the bundled curve."
        ),
        curve.element,
        field(
          "kr-curve-date",
          "Curve date (history only)",
          state.curveDate ?? "",
          "YYYY-MM-DD: the history's curve on the latest date on or before it; blank: on or before the settlement date."
        ),
        select("kr-curve-kind", "Rates are", CURVE_KINDS, state.curveKind, sources.curveKind),
        select(
          "kr-interpolation",
          "Interpolation",
          INTERPOLATIONS,
          state.interpolation,
          sources.interpolation
        ),
        perHolding,
      ],
    },
    {
      name: "Target",
      content: [
        field(
          "kr-target",
          "Target effective duration (years)",
          state.target,
          "Curve-based duration the portfolio should have after the hedge.",
          sources.target
        ),
        benchmark.element,
        mandate.element,
      ],
    },
    {
      name: "Instruments",
      content: [
        select(
          "kr-contract-code",
          "Futures contract",
          CONTRACT_CODES,
          state.contractCode,
          sources.contractCode
        ),
        field(
          "kr-contract-dv01",
          "Contract DV01 (money per bp)",
          state.contractDv01,
          "CTD DV01 per contract face ÷ conversion factor; blank computes it from the CTD on the curve.",
          sources.contractDv01
        ),
        field(
          "kr-beta",
          "Yield beta",
          state.beta,
          "Portfolio yield change per hedge yield change (1 = parallel).",
          sources.beta
        ),
        select(
          "kr-rounding",
          "Rounding",
          ["nearest", "down", "none"],
          state.rounding,
          sources.rounding
        ),
        select("kr-sizing", "Sizing", ["dv01_ratio", "krd"], state.sizing, sources.sizing),
        h(
          "p",
          { class: "kr-muted" },
          "Treasury universe: CUSIP, coupon, issue date, maturity and an optional price (or yield) column — the CTDs are chosen from it, at its prices where given."
        ),
        universe.element,
        field(
          "kr-allowed",
          "Contracts the KRD sizing may use",
          state.allowedContracts,
          "Codes ZT Z3N ZF ZN TN TWE ZB UB; sized by HiGHS within the mandate's leverage cap."
        ),
        field(
          "kr-prices",
          "Futures prices (blank: theoretical)",
          state.futuresPrices,
          "e.g. ZN 110-16+, ZB 117-08 — pick the CTD by implied repo and set the notional; blank: CTD forward ÷ CF, delivery options ignored."
        ),
        field(
          "kr-repo",
          "Repo to delivery (blank: the curve's)",
          state.repo,
          "Decimal, ACT/360, e.g. 0.043.",
          sources.repo
        ),
        field(
          "kr-margin",
          "Initial margin per contract",
          state.initialMargin,
          "e.g. ZN 2500, ZB 4500 — exchange margins change; blank: not given (the margin check is then not assessed)."
        ),
        field(
          "kr-commission",
          "Commission per contract",
          state.commission,
          "Money per contract traded; half a tick of bid/ask is added.",
          sources.commission
        ),
        field(
          "kr-swaps",
          "SOFR OIS swap tenors the KRD sizing may add",
          state.swapTenors,
          "e.g. 2Y 5Y 10Y 30Y (blank: futures only); on the SOFR curve the Treasury curve implies — the Treasury–swap basis stays open."
        ),
        optionHedges.element,
        field(
          "kr-convexity",
          "Convexity buy-back with options (fraction)",
          state.convexityBuyBack,
          "e.g. 0.5: gamma after the hedge ≥ half the portfolio's negative gamma. Option rows of a hedges range: SOFR 10Y payer / SOFR 5Y cap / ZN call, with expiry, strike, quantity, vol."
        ),
      ],
    },
    {
      name: "Scenarios",
      content: [
        scenarios.element,
        field(
          "kr-horizon",
          "Horizon (months)",
          state.horizonMonths,
          "For price and total returns, carry and breakevens.",
          sources.horizonMonths
        ),
      ],
    },
    {
      name: "Write",
      content: [
        h(
          "p",
          { class: "kr-muted" },
          "Check your choices, then write. The holdings are the range checked on step 1 (read again now); only new sheets are added; your cells are never changed."
        ),
        summary,
        live,
        rebalance,
        ahead,
        h("div", { class: "kr-actions" }, run, cancel, busy),
        status,
        problems,
      ],
    },
  ];
  function picked(): Picked {
    return {
      curveAddress: curve.address(),
      universeAddress: universe.address(),
      benchmarkAddress: benchmark.address(),
      mandateAddress: mandate.address(),
      scenarioAddress: scenarios.address(),
      optionAddress: optionHedges.address(),
      mapping: mappingChoice,
    };
  }
  // Each step's own messages, shown when Next finds something to fix there.
  const stepErrors = steps.map((_, i) =>
    h("ul", { id: `kr-step-errors-${i + 1}`, class: "kr-problems kr-error", role: "alert" })
  );

  /** Step `index` is complete: its fields parse (the holdings step: the selection is usable). */
  const validateStep = async (index: number): Promise<boolean> => {
    const list = stepErrors[index];
    list.replaceChildren();
    const { fieldErrors } = parseForm(readForm(picked()));
    const mine = Object.entries(fieldErrors)
      .filter(([field]) => FIELD_STEP[field as keyof FormState] === index)
      .map(([, message]) => message);
    list.append(...mine.map((m) => h("li", {}, m)));
    if (mine.length > 0) return false;
    // The holdings step also needs a usable selection (checked at its settlement date).
    if (index === 0 && !(await holdings.ensureChecked())) {
      list.append(
        h(
          "li",
          {},
          "Select the holdings range with its header row: it needs id, par, coupon, maturity and price or yield columns and at least one valid row (problems above)."
        )
      );
      return false;
    }
    return true;
  };

  let controller: AbortController | undefined;

  /** The job as Write would run it now, or why not (the form's errors; no range checked). */
  const jobNow = () => {
    const form = readForm(picked());
    const { settings, errors } = parseForm(form);
    const checked = holdings.checked();
    const marked = (rebalance as HTMLInputElement).checked === true;
    return { form, settings: settings && { ...settings, rebalance: marked }, errors, checked };
  };

  // The analytics start as a range is checked, as a later step opens with the pane's inputs
  // changed, and as the Write step opens, on the inputs read then (a run already started on the
  // same inputs goes on); Write re-reads them and takes the run over only when nothing changed
  // (compute.ts). Each start is a generation: the line below speaks for the latest only.
  let generation = 0;
  // The pane's inputs and range the latest start read the workbook for. A step between the check
  // and Write starts again only when they changed: reading a large range is not free, and the
  // Write step and Write read everything again anyway.
  let startedOn: { settings: JobSettings; address: string } | undefined;
  const startAhead = (reread = true) => {
    const analytics = paneCompute();
    const { settings, checked } = jobNow();
    const same =
      startedOn !== undefined &&
      checked?.address === startedOn.address &&
      sameData(settings, startedOn.settings);
    if (!reread && same) return;
    const mine = ++generation;
    ahead.textContent = "";
    // The worker loads its script meanwhile, whether or not the inputs are complete yet.
    analytics.warm();
    startedOn = undefined;
    if (!settings || !checked || analytics.where !== "worker" || controller) return;
    startedOn = { settings, address: checked.address };
    ahead.textContent = "Analytics running while you read this…";
    void Excel.run(async (context) => {
      const { input, history } = await readJobAt(context, settings, checked.address);
      if (mine !== generation || controller) return;
      await analytics.prepare(input, history);
      if (mine === generation) {
        ahead.textContent =
          "Analytics ready for the inputs as they stood when this step opened: Write checks them again, then only writes the sheets if none changed.";
      }
    }).catch(() => {
      // Write runs afresh and reports what went wrong there.
      if (mine === generation) ahead.textContent = "";
    });
  };
  [live, rebalance].forEach((box) => box.addEventListener("change", () => startAhead()));

  const wizard = buildWizard(
    steps,
    (index) => {
      if (index === steps.length - 1) showSummary(summary, readForm(picked()), holdings.checked());
      // Past Holdings the inputs are usually complete (the Settings sheet's defaults): the
      // analytics start while the user reads the later steps. The Write step reads them afresh.
      if (index > 0) startAhead(index === steps.length - 1);
      else generation++;
    },
    validateStep
  );
  root.replaceChildren(wizard.element);
  // The step sections exist now: give each its message list.
  steps.forEach((_, i) => wizard.element.querySelector(`#kr-step-${i + 1}`)?.append(stepErrors[i]));

  // A range checked: the analytics can start on it while the user reads the check's result.
  check.addEventListener(
    "click",
    () => void holdings.checkSelection().then((ok) => ok && startAhead())
  );

  run.addEventListener("click", () => {
    if (controller) return;
    const { form, settings, errors, checked } = jobNow();
    if (!settings) {
      status.textContent = errors.join(" · ");
      return;
    }
    if (!checked) {
      status.textContent =
        "Nothing written: check the holdings range on step 1 first (Write runs the range checked there).";
      return;
    }
    saveState(form);
    generation++;
    // Write takes or drops the prepared run: the next step shown starts again.
    startedOn = undefined;
    ahead.textContent = "";
    const job = new AbortController();
    controller = job;
    run.setAttribute("disabled", "");
    busy.removeAttribute("hidden");
    cancel.removeAttribute("hidden");
    status.textContent = "Working…";
    void Excel.run(async (context) => {
      // The data may have grown since the check: said, not silently added or ignored.
      const region = await surroundingRegion(context, checked.address);
      const grown = region ? partialRange(checked.extent, region) : "";
      const marked = settings.rebalance;
      // Off the page's thread (a Web Worker) where the host has workers.
      const analytics = paneCompute();
      status.dataset.analytics = analytics.where;
      const { result, sheetNames, sheetCount, cancelled, timings, historyError } = await runOnRange(
        context,
        settings,
        checked.address,
        (done, total) => {
          if (!job.signal.aborted) status.textContent = `Writing rows ${done} of ${total}…`;
        },
        job.signal,
        {
          compute: analytics.compute,
          onStage: (stage) => {
            if (!job.signal.aborted) status.textContent = stageText(stage);
          },
        }
      );
      // Machine-readable for the benchmark and the curious: where the run's time went.
      status.dataset.timings = JSON.stringify(timings);
      const started =
        timings.aheadMs === undefined
          ? ""
          : ` (started ${seconds(timings.aheadMs)} before Write, on the same inputs)`;
      const took = `read ${seconds(timings.readMs)}, analytics ${seconds(timings.computeMs)}${started}, writing ${seconds(timings.writeMs)}`;
      showProblems(problems, result.problems);
      if (!result.ok) {
        status.textContent = "Nothing written: fix the problems listed below.";
        return;
      }
      const written = sheetNames.map((n) => `"${n}"`).join(", ");
      if (cancelled) {
        status.textContent =
          `Cancelled: wrote ${sheetNames.length} of ${sheetCount} sheets` +
          (sheetNames.length > 0
            ? ` (${written} stay in the workbook; delete them if you do not want them). Your cells are unchanged.`
            : ". Your cells are unchanged.");
        return;
      }
      const warning = result.record.market.warning ? ` ${result.record.market.warning}` : "";
      const ex = result.record.exclusions;
      const account = exclusionSentence(ex.summary, ex.currency);
      const partial = grown ? ` Only the range checked ran: ${grown}.` : "";
      const note = convexityNote(result.record, ex.currency);
      const convexity = note ? ` ${note}.` : "";
      const kept = historyError
        ? ` ${historyError}.`
        : result.record.drift
          ? ` Run kept in the workbook's history (${runsText(result.record.drift.series.length)}${marked ? ", this one a rebalance" : ""}).`
          : "";
      if (marked) (rebalance as HTMLInputElement).checked = false;
      status.textContent = `Wrote ${written} from ${describeChecked(checked)} (settlement ${isoFromSerial(settings.settlement)}). ${account}.${partial} Hedge: ${hedgeSummary(result.record)}.${convexity}${warning}${kept} Took ${took}.`;
    })
      .catch(
        (e) =>
          (status.textContent =
            e instanceof KeyrateError || e instanceof ComputeCancelled
              ? e.message
              : `Failed: ${(e as Error).message}`)
      )
      .finally(() => {
        controller = undefined;
        run.removeAttribute("disabled");
        busy.setAttribute("hidden", "");
        cancel.setAttribute("hidden", "");
      });
  });

  const stop = () => {
    if (!controller || controller.signal.aborted) return;
    controller.abort();
    status.textContent = status.textContent?.startsWith("Writing")
      ? "Cancelling after the rows being written…"
      : "Cancelling…";
  };
  cancel.addEventListener("click", stop);
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && controller) {
      e.preventDefault();
      stop();
    }
  });
}

/** "1 run", "3 runs". */
function runsText(n: number): string {
  return `${n} run${n === 1 ? "" : "s"}`;
}

/** What each stage of the analytics does, for the status line. */
const STAGE_TEXT: Readonly<Record<RunStage, string>> = {
  holdings: "reading the holdings",
  risk: "pricing and risk (callables on the lattice, MBS on rate paths)",
  hedge: "sizing the hedge",
  scenarios: "revaluing the book in each scenario",
  comparison: "comparing with the benchmark and the mandate",
  sheets: "building the sheets",
};

/** "Analytics 2 of 6: pricing and risk (…)… Cancel or Esc stops." */
function stageText(stage: RunStage): string {
  const at = RUN_STAGES.indexOf(stage) + 1;
  return `Analytics ${at} of ${RUN_STAGES.length}: ${STAGE_TEXT[stage]}… Cancel or Esc stops.`;
}

/** Milliseconds as seconds for the status line: "1.23 s". */
function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

Office.onReady(async (info) => {
  const root = document.getElementById("app");
  if (info.host === Office.HostType.Excel && root) render(root, await loadWorkbookSettings());
});
