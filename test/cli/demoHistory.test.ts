/**
 * Two runs of `keyrate demo --history DIR` on holdings that differ by one trade and a week: the
 * Monitoring sheet's attribution adds up to the total change, each part equals the change
 * computed directly (the trade's own DV01 and value, the coupons paid in the week, the hedge's
 * DV01 change), the ends are the two runs' own figures, and the triggers are fed since the
 * rebalance (the first run).
 */
import { mkdtempSync, readdirSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import { demo, SAMPLE_WORKBOOK } from "../../src/cli/demo";
import { RunRecord } from "../../src/core/run/runRecord";
import { ATTRIBUTION_STEPS } from "../../src/core/history/attribution";
import { MONITORING_SHEET_NAME } from "../../src/core/report/monitoringSheet";
import { serialFromIso } from "./historyHelpers";

const dir = mkdtempSync(join(tmpdir(), "keyrate-history-"));
const history = join(dir, "history");
const TRADE = "TRADE0001";
let r1: RunRecord;
let r2: RunRecord;
let sheets2: { name: string }[];

/** The sample a week later with one bond bought. */
async function weekLater(path: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(SAMPLE_WORKBOOK);
  const settings = book.getWorksheet("Settings")!;
  settings.getCell("B2").value = new Date(Date.UTC(2025, 0, 9));
  const h = book.getWorksheet("Holdings")!;
  h.addRow([
    TRADE,
    "UST 4.25% 06/30/2030",
    "Treasury",
    "Bullet",
    10_000_000,
    0.0425,
    new Date(Date.UTC(2030, 5, 30)),
    99.5,
    2,
    1,
    "AA+",
  ]);
  await book.xlsx.writeFile(path);
}

beforeAll(async () => {
  const common = { contractDv01: 80, target: 5, history };
  const a = await demo({
    ...common,
    input: SAMPLE_WORKBOOK,
    output: join(dir, "a.xlsx"),
    runDate: "2025-01-02",
    rebalance: true,
  });
  const input2 = join(dir, "week-later.xlsx");
  await weekLater(input2);
  const b = await demo({
    ...common,
    input: input2,
    output: join(dir, "b.xlsx"),
    runDate: "2025-01-09",
  });
  if (!a.ok || !b.ok) throw new Error("demo failed");
  r1 = a.record;
  r2 = b.record;
  sheets2 = b.sheets;
}, 600_000);

const row = (label: string) => r2.drift!.previous!.rows.find((x) => x.label === label)!;
const part = (label: string, step: (typeof ATTRIBUTION_STEPS)[number]) =>
  row(label).parts[ATTRIBUTION_STEPS.indexOf(step)];

describe("demo --history: two runs a week and a trade apart", () => {
  it("stores one file per run; the second run is compared with the first (the rebalance)", () => {
    expect(readdirSync(history).filter((n) => n.endsWith(".json"))).toHaveLength(2);
    expect(r1.rebalance).toBe(true);
    expect(r2.rebalance).toBe(false);
    expect(r2.drift!.previous!.baseRunDate).toBe("2025-01-02");
    expect(r2.drift!.sinceRebalance).toBe(r2.drift!.previous);
    expect(r2.drift!.series.map((s) => s.runDate)).toEqual(["2025-01-02", "2025-01-09"]);
  });

  it("the parts add up to the total for every figure (rounding only)", () => {
    for (const x of r2.drift!.previous!.rows) {
      const scale = Math.max(1, Math.abs(x.start), Math.abs(x.end));
      expect(Math.abs(x.check)).toBeLessThan(1e-12 * scale * 10);
      expect(x.total).toBeCloseTo(x.end - x.start, 9);
    }
  });

  it("starts at the first run's figures and ends at the second's", () => {
    const close = (a: number, b: number, rel = 1e-12) =>
      expect(Math.abs(a - b)).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(b)));
    for (const [r, end] of [
      [r1, "start"],
      [r2, "end"],
    ] as const) {
      close(row("Market value")[end], r.totals.marketValue);
      close(row("DV01")[end], r.totals.dv01);
      close(row("Effective duration")[end], r.totals.effDuration);
      close(row("Modified duration")[end], r.comparison.portfolio.duration.modified);
      close(row("Macaulay duration")[end], r.comparison.portfolio.duration.macaulay);
      close(row("KRD 10Y")[end], r.totals.krd[r.positions.risk.keysMonths.indexOf(120)]);
      close(row("Tracking error")[end], r.comparison.gapsBefore.trackingError!.te, 1e-9);
      close(row("Hedge DV01")[end], r.hedge.dv01Impact);
    }
  });

  it("the trades part is the new bond's own DV01 and value", () => {
    const i = r2.holdings.id.indexOf(TRADE);
    expect(i).toBeGreaterThanOrEqual(0);
    expect(part("DV01", "Trades")).toBeCloseTo(r2.positions.dv01[i], 6);
    expect(part("Market value", "Trades")).toBeCloseTo(r2.positions.marketValue[i], 4);
    expect(r2.drift!.previous!.trades).toEqual({ added: 1, removed: 0, resized: 0 });
  });

  it("the cash-flow part is minus the coupons paid in the week, counted from the bonds' dates", () => {
    // Direct count: a semiannual coupon falls on the maturity's day, every 6 months.
    const t0 = r1.market.settlement;
    const t1 = r2.market.settlement;
    let coupons = 0;
    for (let i = 0; i < r1.holdings.count; i++) {
      if (r1.positions.excluded[i]) continue;
      const m = r1.holdings.maturity[i];
      const f = r1.holdings.frequency[i];
      const md = new Date((m - 25569) * 86400e3);
      for (let k = 0; k < 80; k++) {
        const d = new Date(
          Date.UTC(md.getUTCFullYear(), md.getUTCMonth() - (12 / f) * k, md.getUTCDate())
        );
        const s = serialFromIso(d.toISOString().slice(0, 10));
        if (s <= t0) break;
        if (s <= t1) coupons += (r1.holdings.par[i] * r1.holdings.coupon[i]) / f;
      }
    }
    expect(coupons).toBeGreaterThan(0);
    expect(part("Market value", "Cash flows")).toBeCloseTo(-coupons, 2);
    expect(r2.drift!.previous!.coupons).toBeCloseTo(coupons, 2);
    expect(part("DV01", "Cash flows")).toBe(0); // nothing matured in the week
  });

  it("the hedge part is the change of the hedge trades' DV01; the holdings' figures do not move in it", () => {
    expect(part("Hedge DV01", "Hedge")).toBeCloseTo(r2.hedge.dv01Impact - r1.hedge.dv01Impact, 6);
    expect(part("Net DV01 (holdings + hedge)", "Hedge")).toBe(part("Hedge DV01", "Hedge"));
    expect(part("DV01", "Hedge")).toBe(0);
    for (const s of ["Cash flows", "Time", "Market", "Trades"] as const)
      expect(part("Hedge DV01", s)).toBe(0);
  });

  it("the time part is the roll of a week on the same curve: small against the market value", () => {
    const t = part("Market value", "Time");
    // A week of carry on ~4.5% yields: about 0.09% of value (coupons added back).
    expect(t / r1.totals.marketValue).toBeGreaterThan(0.0004);
    expect(t / r1.totals.marketValue).toBeLessThan(0.0015);
  });

  it("feeds the triggers since the rebalance and writes the Monitoring sheet", () => {
    const t = Object.fromEntries(r2.monitoring.triggers.map((x) => [x.rule, x]));
    expect(t["DV01 drift"].state).not.toBe("not assessed");
    expect(t["DV01 drift"].value).toBeCloseTo(
      Math.abs(r2.totals.dv01 + r1.hedge.dv01Impact - r2.hedge.ratio.targetDv01),
      6
    );
    expect(t["Rate move"].state).toBe("not hit");
    expect(Math.abs(t["Rate move"].value)).toBeLessThan(1); // the same curve, a week on
    expect(t["Large cash flow"].state).toBe("not hit");
    expect(t["Large cash flow"].value).toBeCloseTo(
      r2.drift!.previous!.coupons / r2.totals.marketValue,
      12
    );
    expect(t["CTD switch"].state).not.toBe("not assessed");
    expect(sheets2.map((s) => s.name)).toContain(MONITORING_SHEET_NAME);
  });

  it("writes the Monitoring sheet into the workbook: the attribution table and two line charts", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, "b.xlsx"));
    const ws = book.getWorksheet(MONITORING_SHEET_NAME)!;
    expect(ws).toBeDefined();
    const labels: string[] = [];
    const rowOf = new Map<string, number>();
    ws.eachRow((row, n) => {
      const label = String(row.getCell(1).value ?? "");
      labels.push(label);
      if (!rowOf.has(label)) rowOf.set(label, n);
    });
    expect(labels).toContain("Market value");
    expect(labels).toContain("Net DV01 (holdings + hedge)");
    const header = rowOf.get("Figure")!;
    expect(ws.getRow(header).values).toEqual(
      expect.arrayContaining(["Cash flows", "Time", "Market", "Trades", "Hedge", "Σ parts − total"])
    );
    // The DV01 row as written: the parts in columns D…H add up to the total in J.
    const dv01 = ws.getRow(rowOf.get("DV01")!).values as unknown[]; // 1-based, as exceljs gives it
    const parts = [4, 5, 6, 7, 8].map((c) => Number(dv01[c]));
    expect(parts.reduce((a, b) => a + b, 0)).toBeCloseTo(Number(dv01[10]), 6);
    const model = sheets2.find((s) => s.name === MONITORING_SHEET_NAME) as {
      charts?: { type: string }[];
    };
    expect(model.charts?.map((c) => c.type)).toEqual(["line", "line"]);
  });
});
