/** The Risk Dashboard and Action Items sheet models: sections, figures from their inputs, flags. */
import { buildDashboardSheet, staleness } from "../../../src/core/report/dashboardSheet";
import { buildActionItemsSheet } from "../../../src/core/report/actionItemsSheet";
import { shownValue, SheetModel } from "../../../src/core/report/sheetModel";
import { benchmarkGaps } from "../../../src/core/compare/gaps";
import { RiskProfile } from "../../../src/core/compare/benchmark";
import { BUNDLED_COVARIANCE } from "../../../src/core/compare/bundledCovariance";
import { complianceTable, DEFAULT_MANDATE, nextReview } from "../../../src/core/compare/mandate";
import { rebalancingTriggers } from "../../../src/core/compare/triggers";
import { upcomingEvents } from "../../../src/core/compare/events";
import { contractSpec } from "../../../src/core/futures/contracts";
import { DEFAULT_KEYS_MONTHS } from "../../../src/core/conventions";
import { serialFromIso } from "../../../src/core/dates";

const d = (iso: string) => serialFromIso(iso)!;
const rowOf = (s: SheetModel, label: string) =>
  s.rows.find((r) => shownValue(r[0]) === label)!.map(shownValue);

const profile = (krd: number[], duration: number): RiskProfile => ({
  source: "profile",
  name: "x",
  duration: { effective: duration, modified: NaN, macaulay: NaN },
  spreadDuration: NaN,
  keysMonths: DEFAULT_KEYS_MONTHS,
  krd,
  sectors: [],
  notes: [],
});

describe("Risk Dashboard", () => {
  const active = DEFAULT_KEYS_MONTHS.map((k) => (k === 120 ? 0.4 : k === 24 ? -0.2 : 0));
  const g = benchmarkGaps(
    profile(active, 6.2),
    profile(
      active.map(() => 0),
      6
    ),
    BUNDLED_COVARIANCE
  );
  const compliance = complianceTable(DEFAULT_MANDATE, {
    duration: 6.2,
    benchmarkDuration: 6,
    keysMonths: g.keysMonths,
    activeKrd: g.activeKrd,
    trackingError: g.trackingError!.te,
  });
  const sheet = buildDashboardSheet({
    asOf: d("2025-01-10"),
    runDate: "2025-01-10",
    portfolioName: "Sample",
    benchmarkName: "Index",
    gaps: g,
    covarianceDescription: "bundled",
    compliance,
    reconciliation: [
      { id: "ABC", field: "duration", vendor: 5, ours: 5.3, difference: 0.3, flagged: true },
    ],
    curveAsOf: d("2024-12-31"),
    benchmarkAsOf: d("2025-01-09"),
  });

  it("shows TE, its decomposition, compliance, mismatches and flags from the inputs", () => {
    expect(rowOf(sheet, "Tracking error")[1]).toBe(g.trackingError!.te);
    expect(rowOf(sheet, "10Y")[3]).toBe(g.trackingError!.contributions[7]);
    expect(rowOf(sheet, "Maximum |KRD gap| 10Y")[4]).toBe("breach");
    expect(rowOf(sheet, "Duration band (± benchmark)")[4]).toBe("ok");
    expect(rowOf(sheet, "ABC")[4]).toBe(0.3);
    expect(sheet.rows.every((r) => r.length === sheet.columnWidths.length)).toBe(true);
  });

  it("flags a stale curve and not a current benchmark", () => {
    expect(rowOf(sheet, "Curve")[2]).toBe("STALE: 10 days before the as-of date");
    expect(rowOf(sheet, "Benchmark")[2]).toBe("current");
    expect(staleness(d("2025-01-05"), d("2025-01-10"), 5)).toBe("current");
    expect(staleness(d("2025-01-04"), d("2025-01-10"), 5)).toMatch(/STALE/);
  });
});

describe("Action Items", () => {
  const zn = { contract: contractSpec("ZN"), month: { y: 2025, m: 3 }, contracts: -40 };
  const asOf = d("2025-02-21");
  const sheet = buildActionItemsSheet({
    asOf,
    runDate: "2025-02-21",
    trades: [{ instrument: "ZNM5", contracts: -40, dv01Impact: 2800 }],
    triggers: rebalancingTriggers(DEFAULT_MANDATE, {
      asOf,
      futures: [zn],
      netDv01: 120,
      targetDv01: 100,
    }),
    futures: [zn],
    nextReview: nextReview(DEFAULT_MANDATE, asOf),
    reviewFrequency: DEFAULT_MANDATE.reviewFrequency,
    ...(({ events, notes }) => ({ events, eventNotes: notes }))(
      upcomingEvents(asOf, undefined, [zn])
    ),
    eventDays: 30,
  });

  it("lists the trade, the triggers hit, the roll, the next review and the events", () => {
    expect(rowOf(sheet, "ZNM5").slice(0, 4)).toEqual(["ZNM5", "SELL", 40, 2800]);
    expect(rowOf(sheet, "DV01 drift")[1]).toBe("hit");
    expect(rowOf(sheet, "Roll ZNH5")[1]).toBe("hit");
    expect(rowOf(sheet, "ZNH5")[5]).toBe("ROLL NOW");
    expect(rowOf(sheet, "Next review")[1]).toBe("2025-03-31");
    const kinds = sheet.rows.map((r) => shownValue(r[2]));
    expect(kinds).toContain("first notice");
    expect(kinds).toContain("FOMC");
    expect(kinds).toContain("last trading");
  });
});
