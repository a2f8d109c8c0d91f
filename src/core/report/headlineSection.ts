/**
 * The first page of the Hedge Recommendation sheet, for an investment committee: the headline
 * (the trades, DV01 before → after → target, effective duration before → after beside the target
 * and the benchmark, tracking error before → after, leverage, estimated cost), the Duration
 * Exposure Summary (portfolio before and after the hedge, benchmark, gaps: market value, duration
 * by method, DV01, convexity, spread duration, yield, Z-spread, KRD per tenor, contribution by
 * sector) and the key-rate profile the KRD chart plots (charts.ts: portfolio before, benchmark or
 * target, portfolio after). Every figure is read from the run record; each row names its unit
 * (the holdings' currency for money) and its method.
 */
import { tenorLabel } from "../curve";
import { DEFAULT_CURRENCY } from "../conventions";
import { GapRow } from "../compare/gaps";
import { weightedYield, weightedZspreadBp } from "../portfolio/averages";
import { RunRecord } from "../run/runRecord";
import { isTargetProfile } from "../run/compareStage";
import { convexityNote, hedgeSummary, tradeText } from "../run/summary";
import { Cell, FORMATS, SheetBuilder, num } from "./sheetModel";

/** Titles of the blocks (first cell of their header rows). */
export const HEADLINE_LABELS = {
  headline: "Headline: the hedge at a glance",
  figures: "Figure",
  summary: "Duration Exposure Summary",
  keyRate: "Key-rate profile",
  before: "Before hedge",
  after: "After hedge",
  target: "Target",
  portfolioBefore: "Portfolio before hedge",
  portfolioAfter: "Portfolio after hedge",
  gapBefore: "Gap before hedge",
  gapAfter: "Gap after hedge",
} as const;

/** Format of basis points. */
const BP = "0.0";

/** The holdings' currency code (USD by default). */
export function currencyOf(r: RunRecord): string {
  return r.exclusions?.currency || r.holdings.currency[0] || DEFAULT_CURRENCY;
}

/** "money per bp" → "USD per bp". */
const inCurrency = (unit: string, ccy: string) => unit.replace(/\bmoney\b/g, ccy);

/** Writes the headline, the Duration Exposure Summary and the key-rate profile. */
export function headlineSection(s: SheetBuilder, r: RunRecord): void {
  headline(s, r);
  exposureSummary(s, r);
  keyRateProfile(s, r);
}

function headline(s: SheetBuilder, r: RunRecord): void {
  const h = r.hedge;
  const c = r.comparison;
  const ccy = currencyOf(r);
  const mv = r.totals.marketValue;
  const target = isTargetProfile(c.benchmark);
  const benchmarkHeader = target ? "Benchmark (none given)" : "Benchmark";
  s.row([HEADLINE_LABELS.headline], "section");
  s.row([{ value: "Recommendation", style: "label" }, hedgeSummary(r)]);
  const convexity = convexityNote(r, ccy);
  if (convexity) s.row([{ value: "Convexity", style: "label" }, `${convexity}.`]);
  if (!h.trades.length) s.row([{ value: "Trade", style: "label" }, "no trade"]);
  for (const t of h.trades) {
    s.row([
      { value: "Trade", style: "label" },
      tradeText(t),
      "",
      "",
      "",
      t.unit === "contracts" ? "contracts" : `${ccy} notional`,
      `${t.instrument}; DV01 ${Math.round(t.dv01Impact).toLocaleString("en-US")} ${ccy} per bp`,
    ]);
  }
  s.row(
    [
      HEADLINE_LABELS.figures,
      HEADLINE_LABELS.before,
      HEADLINE_LABELS.after,
      HEADLINE_LABELS.target,
      benchmarkHeader,
      "Unit",
      "Method",
    ],
    "header"
  );
  const bench = target ? NaN : c.benchmark.duration.effective;
  const te = (g: typeof c.gapsBefore) => g.trackingError?.te ?? NaN;
  const rows: [string, Cell, Cell, Cell, Cell, string, string][] = [
    [
      "Market value",
      num(mv, FORMATS.money),
      num(mv, FORMATS.money),
      num(NaN, FORMATS.money),
      num(NaN, FORMATS.money),
      ccy,
      "dirty, holdings in totals; futures add no market value",
    ],
    [
      "DV01 (effective)",
      num(h.dv01Before, FORMATS.money),
      num(h.dv01After, FORMATS.money),
      num(h.ratio.targetDv01, FORMATS.money),
      num(bench * mv * 1e-4, FORMATS.money),
      `${ccy} per bp`,
      "curve ±1 bp, full revaluation, Z-spread held; after: + every trade's DV01; benchmark: its duration on our market value",
    ],
    [
      "Effective duration",
      num(h.durationBefore, FORMATS.years),
      num(h.durationAfter, FORMATS.years),
      num(h.ratio.targetDuration, FORMATS.years),
      num(bench, FORMATS.years),
      "years",
      "DV01 ÷ (market value × 0.0001)",
    ],
    [
      "Tracking error",
      num(te(c.gapsBefore), FORMATS.percent),
      num(te(c.gapsAfter), FORMATS.percent),
      num(NaN, FORMATS.percent),
      num(NaN, FORMATS.percent),
      "% a year",
      `curve part, √(xᵀΣx) of the active KRDs against the ${target ? "target" : "benchmark"}; covariance ${c.covarianceDescription}`,
    ],
    [
      "Leverage",
      num(0, FORMATS.percent),
      num(mv ? h.futuresNotional / mv : NaN, FORMATS.percent),
      num(NaN, FORMATS.percent),
      num(NaN, FORMATS.percent),
      "% of market value",
      "futures notional (contracts × face × futures price ÷ 100) ÷ market value",
    ],
    [
      "Estimated cost",
      num(0, FORMATS.money),
      num(h.cost, FORMATS.money),
      num(NaN, FORMATS.money),
      num(NaN, FORMATS.money),
      ccy,
      "futures: half a tick plus commission per contract; swaps: 0.25 bp of DV01 per unit",
    ],
  ];
  for (const [label, ...rest] of rows) s.row([{ value: label, style: "label" }, ...rest]);
  if (target)
    s.row(
      [
        "No benchmark given: tracking error is against the target (the portfolio's key-rate shape at the target duration).",
      ],
      "note"
    );
  for (const w of h.warnings) s.row([w], "warning");
  s.blank();
}

function exposureSummary(s: SheetBuilder, r: RunRecord): void {
  const c = r.comparison;
  const ccy = currencyOf(r);
  const mv = r.totals.marketValue;
  const target = isTargetProfile(c.benchmark);
  s.row(
    [
      HEADLINE_LABELS.summary,
      HEADLINE_LABELS.portfolioBefore,
      HEADLINE_LABELS.portfolioAfter,
      target ? "Target" : "Benchmark",
      HEADLINE_LABELS.gapBefore,
      HEADLINE_LABELS.gapAfter,
      "Unit",
      "Method",
    ],
    "section"
  );
  const line = (
    label: string,
    v: [number, number, number, number, number],
    fmt: string,
    unit: string,
    method: string
  ) =>
    s.row([
      { value: label, style: "label" },
      ...v.map((x) => num(x, fmt)),
      inCurrency(unit, ccy),
      method,
    ]);
  const bMv = c.benchmark.marketValue ?? NaN;
  line("Market value", [mv, mv, bMv, NaN, NaN], FORMATS.money, ccy, "dirty, holdings in totals");
  const after = new Map(c.gapsAfter.rows.map((g) => [g.label, g]));
  const gapLine = (g: GapRow, fmt: string) => {
    const a = after.get(g.label);
    line(
      g.label,
      [g.portfolio, a?.portfolio ?? NaN, g.benchmark, g.gap, a?.gap ?? NaN],
      fmt,
      g.unit,
      g.method
    );
  };
  const isKrd = (g: GapRow) => g.label.startsWith("KRD ");
  for (const g of c.gapsBefore.rows)
    if (!isKrd(g) && !g.label.startsWith("DV01")) gapLine(g, FORMATS.years);
  const bDv01 = c.benchmark.duration.effective * mv * 1e-4;
  line(
    "DV01 (effective)",
    [
      r.hedge.dv01Before,
      r.hedge.dv01After,
      bDv01,
      c.gapsBefore.dv01GapMoney,
      c.gapsAfter.dv01GapMoney,
    ],
    FORMATS.money,
    `${ccy} per bp`,
    "effective duration × market value × 0.0001; benchmark on our market value"
  );
  line(
    "Effective convexity",
    [r.totals.effConvexity, NaN, NaN, NaN, NaN],
    FORMATS.years2,
    "years²",
    "curve ±1 bp, full revaluation; holdings only (the futures' convexity is not modelled)"
  );
  const y = weightedYield(r.positions, r.yieldRisk);
  line(
    "Yield to maturity",
    [y.value, y.value, NaN, NaN, NaN],
    FORMATS.rate,
    "% (decimal shown as %)",
    `market-value weighted, each bond's own yield (given, or Excel's YIELD at its price); ${y.count} holdings${y.missing ? `, ${y.missing} without a yield` : ""}`
  );
  const z = weightedZspreadBp(r.positions);
  line(
    "Z-spread",
    [z.value, z.value, NaN, NaN, NaN],
    BP,
    "bp",
    `market-value weighted; each bond's spread over the curve that reprices its price (continuously compounded); ${z.count} holdings`
  );
  for (const g of c.gapsBefore.rows) if (isKrd(g)) gapLine(g, FORMATS.years);
  sectorContributions(s, r, line);
  s.row(
    [
      "After hedge: effective duration, DV01 and KRDs include the trades; yield-based durations, spread duration, yield and Z-spread are the holdings' own.",
    ],
    "note"
  );
  for (const n of c.gapsBefore.notes) s.row([n], "note");
  s.blank();
}

/** Contribution to effective duration by sector; the trades add theirs in a row of their own. */
function sectorContributions(
  s: SheetBuilder,
  r: RunRecord,
  line: (
    l: string,
    v: [number, number, number, number, number],
    f: string,
    u: string,
    m: string
  ) => void
): void {
  const c = r.comparison;
  const after = new Map(c.gapsAfter.sectors.map((g) => [g.sector, g]));
  // A benchmark without sectors (the target) has no sector figures: shown empty, not as 0.
  const known = c.benchmark.sectors.length > 0 ? 1 : NaN;
  for (const g of c.gapsBefore.sectors) {
    const d = g.durationContribution;
    const a = after.get(g.sector)?.durationContribution;
    line(
      `Contribution to duration: ${g.sector}`,
      [
        d.portfolio,
        a?.portfolio ?? NaN,
        d.benchmark * known,
        d.gap * known,
        (a?.gap ?? NaN) * known,
      ],
      FORMATS.years,
      "years",
      "weight × sector effective duration"
    );
  }
  const trades = r.hedge.durationAfter - r.hedge.durationBefore;
  line(
    "Contribution to duration: hedge trades",
    [0, trades, NaN, NaN, NaN],
    FORMATS.years,
    "years",
    "Σ trades' DV01 ÷ (market value × 0.0001)"
  );
}

function keyRateProfile(s: SheetBuilder, r: RunRecord): void {
  const c = r.comparison;
  const ccy = currencyOf(r);
  const keys = c.portfolio.keysMonths;
  const years = (values: readonly number[]) => values.map((v) => num(v, FORMATS.years));
  const money = (values: readonly number[]) => values.map((v) => num(v, FORMATS.money));
  s.row([HEADLINE_LABELS.keyRate, ...keys.map(tenorLabel)], "section");
  s.row([
    { value: "KRD, years — portfolio before hedge", style: "label" },
    ...years(c.portfolio.krd),
  ]);
  if (c.benchmark.krd.length === keys.length) {
    const who = isTargetProfile(c.benchmark) ? "target" : "benchmark";
    s.row([{ value: `KRD, years — ${who}`, style: "label" }, ...years(c.benchmark.krd)]);
  }
  s.row([
    { value: "KRD, years — portfolio after hedge", style: "label" },
    ...years(c.portfolioAfter.krd),
  ]);
  s.row([
    { value: `KR DV01, ${ccy} per bp — before hedge`, style: "label" },
    ...money(r.hedge.krDv01Before),
  ]);
  s.row([
    { value: `KR DV01, ${ccy} per bp — after hedge`, style: "label" },
    ...money(r.hedge.krDv01After),
  ]);
  s.blank();
}
