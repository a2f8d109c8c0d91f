/**
 * The "Monitoring" sheet, built from a run record alone (its `drift`, history/drift.ts): the
 * attribution of the change since the previous run and since the last rebalance (steps in order:
 * cash flows, time, market, trades, hedge — the parts add up to the total, the check column shows
 * the rounding), the rebalancing triggers since the last rebalance, the stored runs with the
 * mandate's duration band and the DV01 it implies (charted), hedge effectiveness from the stored
 * runs, and what the history's thinning did.
 */
import { rangeA1 } from "../a1";
import { isoFromSerial } from "../dates";
import { Attribution, ATTRIBUTION_STEPS } from "../history/attribution";
import { RunRecord } from "../run/runRecord";
import { placeBelow } from "./charts";
import {
  CellStyle,
  ChartSpec,
  FORMATS,
  SheetBuilder,
  SheetModel,
  num,
  perBp,
  reportCurrency,
} from "./sheetModel";

export const MONITORING_SHEET_NAME = "Monitoring";

const WIDTH = 12;

function formatOf(unit: string): string {
  if (unit === "money" || unit === "money per bp") return FORMATS.money;
  if (unit === "decimal per year") return FORMATS.rate;
  return FORMATS.years;
}

function unitText(unit: string, ccy: string): string {
  if (unit === "money") return ccy;
  if (unit === "money per bp") return perBp(ccy);
  if (unit === "decimal per year") return "% per year";
  return unit;
}

function attributionTable(s: SheetBuilder, a: Attribution, title: string, ccy: string): void {
  s.row(
    [
      `${title}: run ${a.baseRunDate} (settlement ${isoFromSerial(a.baseSettlement)}) → settlement ${isoFromSerial(a.settlement)}`,
    ],
    "section"
  );
  const header = s.row(
    [
      "Figure",
      "Unit",
      "Before",
      ...ATTRIBUTION_STEPS.map((x) => x),
      "This run",
      "Total change",
      "Σ parts − total",
    ],
    "header"
  );
  for (const r of a.rows) {
    const f = formatOf(r.unit);
    s.row([
      { value: r.label, style: "label" },
      unitText(r.unit, ccy),
      num(r.start, f),
      ...r.parts.map((p) => num(p, f)),
      num(r.end, f),
      num(r.total, f, "total"),
      num(r.check, "0.0E+00"),
    ]);
  }
  s.table(title.startsWith("Since the previous") ? "krDriftPrevious" : "krDriftRebalance", header);
  const money = (x: number) => Math.round(x).toLocaleString("en-US");
  s.row(
    [
      `Cash paid by the positions: coupons ${money(a.coupons)}, principal ${money(a.principal)} ${ccy}. ` +
        `Trades: ${a.trades.added} added, ${a.trades.removed} removed, ${a.trades.resized} resized (by holding id).`,
    ],
    "note"
  );
  for (const n of a.notes) s.row([n], "note");
  s.blank();
}

/**
 * The Monitoring sheet of a record with a drift: undefined without one, and for the first run
 * stored (nothing to compare) unless some stored run could not be read.
 */
export function buildMonitoringSheet(r: RunRecord): SheetModel | undefined {
  const d = r.drift;
  if (!d || (d.series.length < 2 && !d.damaged)) return undefined;
  const ccy = reportCurrency(r.holdings.currency);
  const s = new SheetBuilder(WIDTH);
  s.row(["keyrate — Monitoring"], "title");
  s.row(
    [
      `As of ${isoFromSerial(r.market.settlement)} · run ${r.runDate}${r.rebalance ? " · marked as a rebalance (trades executed)" : ""} · ${d.series.length} stored runs`,
    ],
    "subtitle"
  );
  s.row(
    [
      "Attribution steps, in this order: 1 cash flows (maturities leave at their previous figures, coupons as cash), " +
        "2 time (ageing and roll-down: the previous curve by tenor, Z-spreads held), 3 market (this run's curve and prices at the previous positions), " +
        "4 trades (positions added, removed, resized), 5 hedge (the hedge trades' DV01). Each part is the figure after its step less the figure before it, so the parts add up to the total.",
    ],
    "note"
  );
  s.blank();
  if (d.previous) attributionTable(s, d.previous, "Since the previous run", ccy);
  if (d.sinceRebalance) attributionTable(s, d.sinceRebalance, "Since the last rebalance", ccy);

  const trigAt = s.row(
    ["Triggers since the last rebalance", "State", "Value", "Threshold", "Unit", "Rule"],
    "section"
  );
  for (const t of r.monitoring.triggers) {
    const f =
      t.unit === "money per bp" ? FORMATS.money : t.unit === "share" ? FORMATS.percent : FORMATS.bp;
    s.row(
      [
        { value: t.rule, style: "label" },
        t.state,
        num(t.value, f),
        num(t.threshold, f),
        t.unit === "money per bp" ? perBp(ccy) : t.unit === "share" ? "% of value" : t.unit,
        t.detail,
      ],
      t.state === "hit" ? "warning" : undefined
    );
  }
  s.table("krDriftTriggers", trigAt);
  s.blank();

  s.row(["Stored runs"], "section");
  const runsAt = s.row(
    [
      "Run",
      "Settlement",
      "Rebalance",
      "Effective duration, years",
      "Band low, years",
      "Band high, years",
      `DV01, ${perBp(ccy)}`,
      `DV01 band low, ${perBp(ccy)}`,
      `DV01 band high, ${perBp(ccy)}`,
      `Net DV01, ${perBp(ccy)}`,
      `Market value, ${ccy}`,
      "Tracking error",
    ],
    "header"
  );
  d.series.forEach((x, k) => {
    const lo = x.benchmarkDuration - x.durationBand;
    const hi = x.benchmarkDuration + x.durationBand;
    const bp = x.marketValue * 1e-4;
    const style: CellStyle | undefined =
      x.effective < lo || x.effective > hi ? "warning" : undefined;
    s.row(
      [
        `${k + 1}: ${x.runDate}`,
        isoFromSerial(x.settlement),
        x.rebalance ? "yes" : "",
        num(x.effective, FORMATS.years),
        num(lo, FORMATS.years),
        num(hi, FORMATS.years),
        num(x.dv01, FORMATS.money),
        num(lo * bp, FORMATS.money),
        num(hi * bp, FORMATS.money),
        num(x.netDv01, FORMATS.money),
        num(x.marketValue, FORMATS.money),
        num(x.trackingError, FORMATS.rate),
      ],
      style
    );
  });
  s.table("krStoredRuns", runsAt);
  s.row(
    [
      "Band: the mandate's ± duration band around the benchmark's (or target's) effective duration; DV01 band: the band × market value × 0.0001.",
    ],
    "note"
  );
  s.blank();

  s.row(["Hedge effectiveness (SPEC S6)", "Value"], "section");
  const e = d.effectiveness;
  if (e) {
    s.row([
      { value: "Effectiveness, 1 − σ(hedged)/σ(unhedged)", style: "label" },
      num(e.effectiveness, FORMATS.percent),
    ]);
    s.row([{ value: "β, portfolio on hedge changes", style: "label" }, num(e.beta, FORMATS.ratio)]);
    s.row([{ value: "Correlation", style: "label" }, num(e.correlation, FORMATS.ratio)]);
    s.row(
      [{ value: "Flag", style: "label" }, e.flag],
      e.flag === "effective" ? undefined : "warning"
    );
    s.row([{ value: "Periods", style: "label" }, num(e.observations, FORMATS.count)]);
  }
  s.row([d.effectivenessNote], "note");
  s.blank();
  s.row(["History"], "section");
  if (!d.notes.length) s.row(["every stored run kept in full"], "note");
  for (const n of d.notes) s.row([n], "note");

  const model = s.build(MONITORING_SHEET_NAME, new Array<number>(WIDTH).fill(12), 0);
  const first = runsAt + 1;
  const n = d.series.length;
  const col = (c: number) => rangeA1({ row: first, column: c, rows: n, columns: 1 });
  const charts: ChartSpec[] = [];
  const base = {
    type: "line" as const,
    categoryAxisTitle: "Run",
    categories: col(0),
  };
  const durationChart: ChartSpec = {
    ...base,
    title: "Effective duration against the mandate's band",
    valueAxisTitle: "Effective duration, years",
    series: [
      { name: "Effective duration", values: col(3) },
      { name: "Band low", values: col(4) },
      { name: "Band high", values: col(5) },
    ],
    anchor: placeBelow(model, charts, 16),
  };
  charts.push(durationChart);
  charts.push({
    ...base,
    title: "DV01 against the band",
    valueAxisTitle: `DV01, ${perBp(ccy)}`,
    series: [
      { name: "DV01", values: col(6) },
      { name: "DV01 band low", values: col(7) },
      { name: "DV01 band high", values: col(8) },
      { name: "Net DV01", values: col(9) },
    ],
    anchor: placeBelow(model, charts, 16),
  });
  return { ...model, charts };
}
