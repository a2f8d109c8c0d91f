/**
 * The compare functions over ranges: TRACKING_ERROR, COVARIANCE, BENCH_GAP and
 * HEDGE_EFFECTIVENESS. Every argument is parsed here, once; the figures come from
 * src/core/compare. A bad argument gives one error for the whole result, naming it.
 */
import { InvalidValueError, MissingValueError } from "../../core/errors";
import { tenorLabel } from "../../core/curve";
import { DEFAULT_KEYS_MONTHS } from "../../core/conventions";
import { matchColumns } from "../../core/holdings";
import { parseCurveHistory } from "../../core/curve/curveHistory";
import {
  covarianceForKeys,
  DEFAULT_PERIODS_PER_YEAR,
  estimateCovariance,
  KeyRateCovariance,
} from "../../core/compare/covariance";
import { BUNDLED_COVARIANCE, BUNDLED_COVARIANCE_INFO } from "../../core/compare/bundledCovariance";
import { SPREAD_RISK_NOTE, trackingError } from "../../core/compare/trackingError";
import {
  constituentsProfile,
  parseBenchmarkProfile,
  portfolioProfile,
  readBenchmarkConstituents,
  RiskProfile,
} from "../../core/compare/benchmark";
import { benchmarkGaps, GapRow } from "../../core/compare/gaps";
import { hedgeEffectiveness } from "../../core/compare/hedgeEffectiveness";
import {
  Arg,
  asMatrix,
  guard,
  isBlank,
  Matrix,
  parseNumber,
  Result,
  ResultCell,
  vectorCells,
} from "./cells";
import { parseKeys, singleCell } from "./curveArgs";
import { measurePortfolio } from "./portfolioFunctions";

/** The numbers of a row or a column (blank cells skipped when `skipBlank`, else NaN). */
function vectorArg(arg: Arg, argument: string, skipBlank: boolean): number[] {
  const m = asMatrix(arg);
  if (!m) throw new MissingValueError(`${argument}: no range given`, arg, argument);
  const cells = vectorCells(m, argument);
  const out: number[] = [];
  for (const v of cells) {
    if (isBlank(v)) {
      if (!skipBlank) out.push(NaN);
      continue;
    }
    out.push(parseNumber(v, argument));
  }
  return out;
}

/** A square covariance range of numbers, decimal² per year. */
function covarianceArg(m: Matrix, keys: readonly number[]): KeyRateCovariance {
  const n = m.length;
  if (m.some((row) => row.length !== n)) {
    throw new InvalidValueError(
      `covariance: expected a square range (keys × keys), got ${n}×${m[0].length}`,
      `${n}×${m[0].length}`,
      "covariance"
    );
  }
  const matrix = m.map((row, i) =>
    row.map((v, j) => parseNumber(v, `covariance (row ${i + 1}, column ${j + 1})`))
  );
  for (let i = 0; i < n; i++)
    for (let j = 0; j < i; j++)
      if (Math.abs(matrix[i][j] - matrix[j][i]) > 1e-12 * Math.max(Math.abs(matrix[i][j]), 1e-300))
        throw new InvalidValueError(
          `covariance: not symmetric at row ${i + 1}, column ${j + 1}`,
          matrix[i][j],
          "covariance"
        );
  if (keys.length !== n) {
    throw new InvalidValueError(
      `keys: ${keys.length} keys for a ${n}×${n} covariance`,
      keys.length,
      "keys"
    );
  }
  return { keysMonths: keys, matrix };
}

/**
 * KEYRATE.TRACKING_ERROR: sqrt(xᵀΣx), x the active KRDs (years), Σ the covariance of annual
 * key-rate changes (decimal²; the bundled matrix for `keys`, default the 10 standard keys, when
 * omitted). Decimal per year.
 */
export function trackingErrorFn(activeKrdRow: Arg, covariance?: Arg, keys?: Arg): Result {
  return guard(() => {
    const x = vectorArg(activeKrdRow, "active_krd_row", false);
    const covMatrix = asMatrix(covariance);
    let cov: KeyRateCovariance;
    if (covMatrix) {
      const keysMonths =
        asMatrix(keys) !== undefined
          ? parseKeys(keys)
          : covMatrix.length === DEFAULT_KEYS_MONTHS.length
            ? DEFAULT_KEYS_MONTHS
            : covMatrix.map((_, i) => i + 1);
      cov = covarianceArg(covMatrix, keysMonths);
    } else {
      cov = covarianceForKeys(BUNDLED_COVARIANCE, parseKeys(keys));
    }
    return [[trackingError(x, cov).te]];
  });
}

/**
 * KEYRATE.COVARIANCE: the annualised covariance of key-rate changes (decimal²) from a history
 * (dates in the first column, tenors in the header row, yields percent or decimal: detected).
 */
export function covarianceFn(
  history: Arg,
  halflifeDays?: Arg,
  keys?: Arg,
  periodsPerYear?: Arg
): Result {
  return guard(() => {
    const m = asMatrix(history);
    if (!m) throw new MissingValueError("history: no range given", history, "history");
    const h = parseCurveHistory(m);
    const hl = singleCell(halflifeDays, "halflife_days");
    const ppy = singleCell(periodsPerYear, "periods_per_year");
    const est = estimateCovariance(h, {
      keysMonths: parseKeys(keys),
      halfLife: hl === undefined ? undefined : parseNumber(hl, "halflife_days"),
      periodsPerYear:
        ppy === undefined ? DEFAULT_PERIODS_PER_YEAR : parseNumber(ppy, "periods_per_year"),
    });
    return est.matrix.map((row) => [...row]);
  });
}

/** True when a range's header row reads as holdings (id, coupon and maturity columns). */
function looksLikeConstituents(m: Matrix): boolean {
  const map = matchColumns(m[0]);
  return map.id !== null && map.coupon !== null && map.maturity !== null;
}

const WIDTH = 6;

function gapCells(r: GapRow, label = r.label): ResultCell[] {
  return [label, r.portfolio, r.benchmark, r.gap, r.unit, r.method];
}

/** The benchmark's profile from its range: constituents or a label/value profile. */
function benchmarkProfile(
  m: Matrix,
  settlement: number,
  measure: ReturnType<typeof measurePortfolio>
): RiskProfile {
  if (!looksLikeConstituents(m)) return parseBenchmarkProfile(m);
  const c = readBenchmarkConstituents(m, settlement);
  if (c.problems.length) {
    const shown = c.problems
      .slice(0, 3)
      .map((p) => `row ${p.row}, column ${p.column}: expected ${p.expected}`)
      .join("; ");
    throw new InvalidValueError(
      `benchmark: ${c.problems.length} problem${c.problems.length === 1 ? "" : "s"} (rows of the range, header = row 1): ${shown}`,
      c.problems.length,
      "benchmark"
    );
  }
  return constituentsProfile(c, measure.market);
}

/**
 * KEYRATE.BENCH_GAP: the gap table of a holdings range against a benchmark (constituents range or
 * label/value profile) on a par curve: label, portfolio, benchmark, gap, unit, method.
 */
export function benchGap(holdings: Arg, benchmark: Arg, curve: Arg, settlement?: Arg): Result {
  return guard(() => {
    const bm = asMatrix(benchmark);
    if (!bm) throw new MissingValueError("benchmark: no range given", benchmark, "benchmark");
    // KRD keys: the benchmark profile's when it gives KRDs, else the default keys.
    const profileKeys = looksLikeConstituents(bm) ? [] : parseBenchmarkProfile(bm).keysMonths;
    const keys = profileKeys.length ? profileKeys : DEFAULT_KEYS_MONTHS;
    const m = measurePortfolio(holdings, curve, settlement, undefined, undefined, keys);
    const p = portfolioProfile(m.holdings, m.market, "Portfolio", m.exposure);
    const b = benchmarkProfile(bm, m.settlement, m);
    const missing = keys.filter((k) => !BUNDLED_COVARIANCE.keysMonths.includes(k));
    const g = benchmarkGaps(p, b, BUNDLED_COVARIANCE);
    const rows: ResultCell[][] = [["", "Portfolio", "Benchmark", "Gap", "Unit", "Method"]];
    for (const r of g.rows) rows.push(gapCells(r));
    rows.push([
      "DV01 gap on portfolio value",
      "",
      "",
      g.dv01GapMoney,
      "money per bp",
      "(DV01 per unit gap) × portfolio market value",
    ]);
    for (const s of g.sectors) {
      rows.push(gapCells(s.weight, `Weight ${s.sector}`));
      rows.push(gapCells(s.durationContribution, `Contribution to duration ${s.sector}`));
      rows.push(gapCells(s.spreadDuration, `Spread duration ${s.sector}`));
    }
    const te = g.trackingError;
    if (te) {
      rows.push([
        "Tracking error",
        "",
        "",
        te.te,
        "decimal per year",
        `sqrt(xᵀΣx), bundled Σ (${BUNDLED_COVARIANCE_INFO.source}, ${BUNDLED_COVARIANCE_INFO.from} … ${BUNDLED_COVARIANCE_INFO.to}, daily × ${BUNDLED_COVARIANCE_INFO.periodsPerYear}); ${SPREAD_RISK_NOTE}`,
      ]);
      g.mismatches.forEach((mm, i) =>
        rows.push([
          `Mismatch ${i + 1}: KRD ${tenorLabel(mm.keyMonths)}`,
          "",
          "",
          mm.active,
          "years",
          `contribution to TE ${mm.contribution} (${(mm.share * 100).toFixed(1)}%)`,
        ])
      );
    }
    for (const n of g.notes) rows.push(["Note", "", "", "", "", n]);
    if (missing.length)
      rows.push([
        "Note",
        "",
        "",
        "",
        "",
        `keys outside the bundled covariance: ${missing.map(tenorLabel).join(" ")}`,
      ]);
    return rows.map((r) => [
      ...r.map((c) => (typeof c === "number" && !Number.isFinite(c) ? "" : c)),
      ...new Array<ResultCell>(WIDTH - r.length).fill(""),
    ]);
  });
}

/**
 * KEYRATE.HEDGE_EFFECTIVENESS: one row — effectiveness 1 − σ(p + h)/σ(p), β of portfolio on
 * hedge changes, correlation, flag ("effective", "do not rely", "exit").
 */
export function hedgeEffectivenessFn(portfolioChanges: Arg, hedgeChanges: Arg): Result {
  return guard(() => {
    const p = vectorArg(portfolioChanges, "portfolio_changes", false);
    const h = vectorArg(hedgeChanges, "hedge_changes", false);
    const r = hedgeEffectiveness(p, h);
    return [[r.effectiveness, r.beta, r.correlation, r.flag]];
  });
}
