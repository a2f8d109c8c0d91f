/** The drift of a run against its history in a few lines, for `keyrate demo` and `keyrate monitor`. */
import { RunRecord } from "../core/run/runRecord";

const money = (x: number) => (Math.round(x) || 0).toLocaleString("en-US");

/** Lines: DV01 and duration change since the previous run by part, the triggers hit. */
export function driftLines(r: RunRecord): string[] {
  const d = r.drift;
  if (!d) return [];
  const out = [
    `  history                ${d.series.length} runs stored${r.rebalance ? "; this run marked as a rebalance" : ""}`,
  ];
  const a = d.previous;
  if (a) {
    const dv01 = a.rows.find((x) => x.label === "DV01")!;
    out.push(
      `  DV01 since ${a.baseRunDate}  ${money(dv01.total)} = cash flows ${money(dv01.parts[0])} + time ${money(dv01.parts[1])} + market ${money(dv01.parts[2])} + trades ${money(dv01.parts[3])} + hedge ${money(dv01.parts[4])}`
    );
  }
  const hit = r.monitoring.triggers.filter((t) => t.state === "hit").map((t) => t.rule);
  out.push(`  triggers hit           ${hit.length ? hit.join(", ") : "none"}`);
  for (const n of d.notes) out.push(`  note: ${n}`);
  return out;
}
