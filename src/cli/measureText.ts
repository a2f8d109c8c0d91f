/** The readable report of `keyrate measure`: portfolio, KRD profile, sectors, flags, reconciliation. */
import type { GroupJson, MeasureJson, Num } from "./measure";
import { shiftMethod } from "../functions/impl/portfolioFunctions";
import { engineFor } from "../core/engines/registry";
import type { HoldingType } from "../core/holdings/types";

/** A figure for JSON: null where it could not be computed. */
export const num = (x: number): Num => (Number.isFinite(x) ? x : null);

const money = (x: Num) => (x === null ? "—" : Math.round(x).toLocaleString("en-US"));
const fixed = (x: Num, d: number) => (x === null ? "—" : x.toFixed(d));
const pad = (s: string, n: number) => s.padEnd(n);
const lpad = (s: string, n: number) => s.padStart(n);

/** How many problems the report lists; the rest are counted. */
export const LISTED_PROBLEMS = 50;

/** The column mapping: each header with its field and unit, then skipped rows. */
function mappingSection(m: MeasureJson): string[] {
  const map = m.mapping;
  if (!map) return [];
  const lines = [
    `Columns of ${map.sheet} (header row ${map.headerRow}; header → field, unit)`,
    ...map.columns.map(
      (c) =>
        `  ${pad(c.column, 3)} ${pad(c.header, 28)} → ${c.field ?? "not used"}${c.unit ? `, ${c.unit}` : ""}`
    ),
  ];
  for (const s of map.skipped) lines.push(`  row ${s.row} skipped (${s.why}): ${s.text}`);
  lines.push("");
  return lines;
}

/** The problems: the first {@link LISTED_PROBLEMS} and a count of the rest. */
function problemsSection(m: MeasureJson): string[] {
  if (!m.problems.length) return [];
  const rows = new Set(m.problems.map((p) => p.row)).size;
  const lines = [
    "",
    `Problems (${m.problems.length} in ${rows} row${rows > 1 ? "s" : ""}; those rows are not measured)`,
  ];
  for (const pr of m.problems.slice(0, LISTED_PROBLEMS)) lines.push(`  ${pr.message}`);
  if (m.problems.length > LISTED_PROBLEMS)
    lines.push(`  … and ${m.problems.length - LISTED_PROBLEMS} more (--json lists them all)`);
  return lines;
}

/** A table of groups: label, market value, weight, duration, contribution, DV01, in/out. */
function groupTable(title: string, rows: readonly GroupJson[]): string[] {
  const w = Math.min(30, Math.max(13, ...rows.map((r) => r.group.length)));
  const label = (s: string) => pad(s.length > w ? `${s.slice(0, w - 1)}…` : s, w);
  return [
    `  ${label(title)} ${lpad("market value", 16)} ${lpad("weight", 8)} ${lpad("eff dur", 8)} ${lpad("contrib", 8)} ${lpad("DV01", 12)} ${lpad("in", 4)} ${lpad("out", 4)}`,
    ...rows.map(
      (s) =>
        `  ${label(s.group)} ${lpad(money(s.marketValue), 16)} ${lpad(s.weight === null ? "—" : `${(100 * s.weight).toFixed(1)}%`, 8)} ${lpad(fixed(s.effDuration, 3), 8)} ${lpad(fixed(s.durationContribution, 3), 8)} ${lpad(money(s.dv01), 12)} ${lpad(String(s.included), 4)} ${lpad(String(s.excluded), 4)}`
    ),
  ];
}

/**
 * "Z-spread held: 250 bullet; OAS held: 20 callable, 14 mbs; …" over the holdings in totals, each
 * kind under the spread its engine holds.
 */
function spreadsHeld(m: MeasureJson): string {
  const bySpread = new Map<string, Map<string, number>>();
  for (const h of m.holdings) {
    if (h.excluded) continue;
    const spread = engineFor(h.type as HoldingType)?.spreadHeld ?? "spread";
    const kinds = bySpread.get(spread) ?? new Map<string, number>();
    kinds.set(h.type, (kinds.get(h.type) ?? 0) + 1);
    bySpread.set(spread, kinds);
  }
  return [...bySpread]
    .map(
      ([spread, kinds]) => `${spread} held: ${[...kinds].map(([k, n]) => `${n} ${k}`).join(", ")}`
    )
    .join("; ");
}

/** The readable report of a measurement (or of what was read before it failed). */
export function formatMeasure(m: MeasureJson, holdingsFile: string): string[] {
  const p = m.portfolio;
  const lines: string[] = [];
  const c = m.curve;
  lines.push(`keyrate measure — ${holdingsFile}`);
  if (m.settlement) lines.push(`  settlement             ${m.settlement} (${m.settlementSource})`);
  if (c) {
    const date = c.date ? ` of ${c.date}` : "";
    lines.push(
      `  curve                  ${c.file} (${c.sheet}${c.source === "history" ? `, history${date}` : ""}): ${c.kind}, ${c.tenors.length} tenors ${c.tenors[0]}–${c.tenors[c.tenors.length - 1]}, ${c.interpolation}`
    );
  }
  lines.push("");
  lines.push(...mappingSection(m));
  if (!p || !c) {
    lines.push(...problemsSection(m));
    return lines;
  }
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
    `  effective duration     ${fixed(p.effDuration, 3)} years (curve ±1 bp, ${shiftMethod(c.shiftOn)}; ${spreadsHeld(m)})`
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
    ...groupTable(
      "sector",
      m.sectors.map((s) => ({ ...s, group: s.sector }))
    )
  );
  if (m.groups) {
    lines.push("");
    lines.push(`By ${m.groups.title} (--group-by ${m.groups.by})`);
    lines.push(...groupTable(m.groups.title, m.groups.rows));
  }
  const flagged = m.holdings.filter((h) => h.excluded || h.flag);
  if (flagged.length) {
    lines.push("");
    lines.push(`Flags (${flagged.length} holdings)`);
    for (const h of flagged.slice(0, LISTED_PROBLEMS)) {
      const why = [h.excluded && `left out of totals: ${h.excluded}`, h.flag].filter(Boolean);
      lines.push(`  ${pad(h.id, 14)} row ${lpad(String(h.row), 4)}  ${h.type}: ${why.join("; ")}`);
    }
    if (flagged.length > LISTED_PROBLEMS)
      lines.push(`  … and ${flagged.length - LISTED_PROBLEMS} more (--json lists them all)`);
  }
  const recon = m.reconciliation.filter((r) => r.flagged);
  if (m.reconciliation.length) {
    lines.push("");
    lines.push(
      `Reconciliation with vendor figures: ${m.reconciliation.length} compared, ${recon.length} beyond tolerance (duration 0.1 years, DV01 5%, market value 0.05%)`
    );
    for (const r of recon.slice(0, LISTED_PROBLEMS)) {
      const d = r.field === "duration" ? 3 : 0;
      lines.push(
        `  ${pad(r.id, 14)} row ${lpad(String(r.row), 4)}  ${pad(r.field, 11)} vendor ${lpad(r.vendor.toFixed(d), 12)}  ours ${lpad(r.ours.toFixed(d), 12)}  difference ${lpad(r.difference.toFixed(d), 9)}`
      );
    }
    if (recon.length > LISTED_PROBLEMS)
      lines.push(`  … and ${recon.length - LISTED_PROBLEMS} more (--json lists them all)`);
  }
  lines.push(...problemsSection(m));
  return lines;
}
