/** The readable report of `keyrate measure`: portfolio, KRD profile, sectors, flags, reconciliation. */
import type { MeasureJson, Num } from "./measure";
import { shiftMethod } from "../functions/impl/portfolioFunctions";

/** A figure for JSON: null where it could not be computed. */
export const num = (x: number): Num => (Number.isFinite(x) ? x : null);

const money = (x: Num) => (x === null ? "—" : Math.round(x).toLocaleString("en-US"));
const fixed = (x: Num, d: number) => (x === null ? "—" : x.toFixed(d));
const pad = (s: string, n: number) => s.padEnd(n);
const lpad = (s: string, n: number) => s.padStart(n);

/** The readable report of a measurement. */
export function formatMeasure(m: MeasureJson, holdingsFile: string): string[] {
  const p = m.portfolio;
  const lines: string[] = [];
  const c = m.curve;
  lines.push(`keyrate measure — ${holdingsFile}`);
  lines.push(`  settlement             ${m.settlement} (${m.settlementSource})`);
  lines.push(
    `  curve                  ${c.file} (${c.sheet}): ${c.kind}, ${c.tenors.length} tenors ${c.tenors[0]}–${c.tenors[c.tenors.length - 1]}, ${c.interpolation}`
  );
  lines.push("");
  lines.push("Portfolio (holdings in totals; durations market-value weighted)");
  const reasons = new Map<string, number>();
  for (const h of m.holdings) {
    if (h.excluded) reasons.set(h.excluded, (reasons.get(h.excluded) ?? 0) + 1);
  }
  const why = [...reasons].map(([reason, n]) => `${n} ${reason}`).join("; ");
  lines.push(
    `  holdings in totals     ${p.included} (left out: ${p.excluded}${why ? `: ${why}` : ""})`
  );
  lines.push(`  market value (dirty)   ${money(p.marketValue)}`);
  lines.push(
    `  effective duration     ${fixed(p.effDuration, 3)} years (curve ±1 bp, ${shiftMethod(c.shiftOn)}; Z-spread held)`
  );
  lines.push(`  effective convexity    ${fixed(p.effConvexity, 2)} years²`);
  lines.push(`  spread duration        ${fixed(p.spreadDuration, 3)} years (Z-spread ±1 bp)`);
  lines.push(`  effective DV01         ${money(p.dv01)} per bp`);
  lines.push("");
  lines.push(`KRD profile (${c.shiftOn}-curve KRDs, years; KR DV01 in money per bp)`);
  let sum = 0;
  let sumDv01 = 0;
  for (const k of Object.keys(p.krd)) {
    sum += p.krd[k] ?? NaN;
    sumDv01 += p.krDv01[k] ?? NaN;
    lines.push(`  ${pad(k, 6)} ${lpad(fixed(p.krd[k], 4), 9)} ${lpad(money(p.krDv01[k]), 14)}`);
  }
  lines.push(
    `  ${pad("sum", 6)} ${lpad(fixed(num(sum), 4), 9)} ${lpad(money(num(sumDv01)), 14)}  (= effective duration, DV01)`
  );
  lines.push("");
  lines.push("Sectors (holdings in totals; in/out: holdings counted/left out)");
  lines.push(
    `  ${pad("sector", 13)} ${lpad("market value", 16)} ${lpad("weight", 8)} ${lpad("eff dur", 8)} ${lpad("contrib", 8)} ${lpad("DV01", 12)} ${lpad("in", 4)} ${lpad("out", 4)}`
  );
  for (const s of m.sectors) {
    lines.push(
      `  ${pad(s.sector, 13)} ${lpad(money(s.marketValue), 16)} ${lpad(s.weight === null ? "—" : `${(100 * s.weight).toFixed(1)}%`, 8)} ${lpad(fixed(s.effDuration, 3), 8)} ${lpad(fixed(s.durationContribution, 3), 8)} ${lpad(money(s.dv01), 12)} ${lpad(String(s.included), 4)} ${lpad(String(s.excluded), 4)}`
    );
  }
  const flagged = m.holdings.filter((h) => h.excluded || h.flag);
  if (flagged.length) {
    lines.push("");
    lines.push(`Flags (${flagged.length} holdings)`);
    for (const h of flagged) {
      const why = [h.excluded && `left out of totals: ${h.excluded}`, h.flag].filter(Boolean);
      lines.push(`  ${pad(h.id, 14)} row ${lpad(String(h.row), 4)}  ${h.type}: ${why.join("; ")}`);
    }
  }
  const recon = m.reconciliation.filter((r) => r.flagged);
  if (m.reconciliation.length) {
    lines.push("");
    lines.push(
      `Reconciliation with vendor figures: ${m.reconciliation.length} compared, ${recon.length} beyond tolerance (duration 0.1 years, DV01 5%)`
    );
    for (const r of recon) {
      const d = r.field === "duration" ? 3 : 0;
      lines.push(
        `  ${pad(r.id, 14)} row ${lpad(String(r.row), 4)}  ${pad(r.field, 8)} vendor ${lpad(r.vendor.toFixed(d), 9)}  ours ${lpad(r.ours.toFixed(d), 9)}  difference ${lpad(r.difference.toFixed(d), 9)}`
      );
    }
  }
  if (m.problems.length) {
    lines.push("");
    lines.push(`Problems (${m.problems.length}; those rows are not measured)`);
    for (const pr of m.problems) lines.push(`  ${pr.message}`);
  }
  return lines;
}

/** Runs the `measure` command; exit code 0, or 1 when holdings rows had problems (still measured without them). */
