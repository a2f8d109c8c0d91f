/**
 * The run pipeline on the sample: the record carries every trade (futures and swaps), the swaps
 * are revalued in the scenarios on the swap curve that sized them, the contract and its DV01 are
 * named from the contract code and their source, the scenarios imply the duration after the hedge
 * the hedge section states, and the record survives JSON exactly.
 */
import { join } from "path";
import ExcelJS from "exceljs";
import { sheetValues, settingsOf } from "../../../src/cli/workbookInput";
import { parseCurveRange } from "../../../src/core/curve";
import { parseDate } from "../../../src/core/dates";
import { makeMarket } from "../../../src/core/market/market";
import { runPipeline } from "../../../src/core/run/pipeline";
import { RunInput } from "../../../src/core/run/runInput";
import { RunRecord } from "../../../src/core/run/runRecord";
import { parseRunRecord, serialiseRunRecord } from "../../../src/core/run/serialise";
import { convexityNote, hedgeSummary } from "../../../src/core/run/summary";
import { hedgeBook, hedgePnl } from "../../../src/core/scenarios/hedges";
import { scenarioProfile } from "../../../src/core/scenarios/scenario";
import { buildSheets } from "../../../src/core/report/workbook";
import { shownValue } from "../../../src/core/report/sheetModel";

const SAMPLE = join(__dirname, "..", "..", "..", "assets", "sample-portfolio.xlsx");
/** SOFR OIS par swap rates a little below Treasuries (made up, for the swap legs). */
const SOFR = {
  kind: "sofr_ois" as const,
  months: [12, 24, 60, 120, 360],
  rates: [0.0405, 0.0395, 0.0385, 0.0395, 0.0405],
};

let base: RunInput;

beforeAll(async () => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(SAMPLE);
  const settings = settingsOf(book.getWorksheet("Settings"));
  base = {
    values: sheetValues(book.getWorksheet("Holdings")!),
    curve: parseCurveRange(sheetValues(book.getWorksheet("Curve")!), "par"),
    curveSource: "Curve!A1:B14",
    sheet: "Holdings",
    originRow: 1,
    originColumn: 0,
    settlement: parseDate(settings.get("settlement date")),
    targetDuration: 5,
    runDate: "2025-01-02",
    source: "Holdings!A1:L301",
  };
});

/** Negative contributions to the book's effective convexity by kind, from the positions (years²). */
function negativeConvexity(r: RunRecord): [string, number][] {
  const words: Record<string, string> = {
    mbs: "MBS",
    callable: "callables",
    "fixed-to-float": "fixed-to-float notes",
    frn: "FRNs",
    bullet: "bullets",
    zero: "zeros",
  };
  const x = r.positions;
  let book = 0;
  const byKind = new Map<string, number>();
  for (let i = 0; i < r.holdings.count; i++) {
    if (x.excluded[i]) continue;
    book += x.marketValue[i];
    const t = r.holdings.type[i];
    byKind.set(t, (byKind.get(t) ?? 0) + x.marketValue[i] * x.risk.effConvexity[i]);
  }
  return [...byKind]
    .map(([t, c]) => [words[t], c / book] as [string, number])
    .filter(([, c]) => c < 0);
}

/** Runs already made, by their inputs: a full run of the sample costs seconds (records are only read). */
const runs = new Map<string, Promise<RunRecord>>();

function record(extra: Partial<RunInput>): Promise<RunRecord> {
  const key = JSON.stringify(extra);
  let r = runs.get(key);
  if (!r) {
    r = runPipeline({ ...base, ...extra }).then((run) => {
      if (!run.ok) throw new Error(run.problems.map((p) => p.message).join("; "));
      return run.record;
    });
    runs.set(key, r);
  }
  return r;
}

describe("the run record", () => {
  it("lists every trade the optimiser chose, swaps included, in the totals and the summary", async () => {
    const r = await record({ sizing: "krd", swapTenors: [60, 120], swapCurve: SOFR });
    const plan = r.hedge.plan!;
    expect(plan.swaps.length).toBeGreaterThan(0);
    expect(r.hedge.trades.length).toBe(plan.trades.length + plan.swaps.length);
    const impact = r.hedge.trades.reduce((a, t) => a + t.dv01Impact, 0);
    expect(r.hedge.dv01After).toBeCloseTo(r.hedge.dv01Before + impact, 6);
    // the optimiser's own after-hedge DV01 (Σ KR DV01s after) is the same figure up to the KRD-sum gap
    expect(Math.abs(r.hedge.dv01After / plan.dv01After - 1)).toBeLessThan(1e-6);
    const summary = hedgeSummary(r);
    for (const w of plan.swaps) expect(summary).toContain(`${w.instrument.symbol} SOFR OIS`);
    // the hedge plan's Total row counts the swaps' DV01 too
    const hedgeSheet = buildSheets(r)[0];
    const total = hedgeSheet.rows.find(
      (row) => row[0].value === "Total" && typeof shownValue(row[4]) === "number"
    )!;
    expect(shownValue(total[4])).toBeCloseTo(impact, 6);
  });

  it("revalues the swaps in the scenarios on the swap curve that sized them", async () => {
    const r = await record({ sizing: "krd", swapTenors: [60, 120], swapCurve: SOFR });
    const hedges = r.hedge.plan!.swaps.map((w) => ({
      kind: "swap" as const,
      swap: {
        months: w.instrument.months,
        notional: Math.abs(w.units) * 1e6,
        payFixed: w.units < 0,
        fixedRate: w.instrument.fixedRate,
      },
    }));
    const market = makeMarket({ settlement: base.settlement, curve: base.curve!, swapCurve: SOFR });
    const implied = makeMarket({ settlement: base.settlement, curve: base.curve! });
    const row = r.scenarios.rows.find((x) => x.scenario.name.startsWith("Parallel +100"))!;
    const profile = scenarioProfile(row.scenario, base.settlement);
    const onSofr = hedgePnl(hedgeBook(hedges, market), profile, 0);
    const onImplied = hedgePnl(hedgeBook(hedges, implied), profile, 0);
    const swapPnl = Array.from(row.perHedge).slice(-hedges.length);
    swapPnl.forEach((v, k) => expect(v).toBeCloseTo(onSofr[k], 6));
    expect(Math.abs(swapPnl[0] - onImplied[0])).toBeGreaterThan(1);
  });

  it("names the contract from its code and says where its DV01 came from", async () => {
    const zb = await record({ contractCode: "ZB" });
    expect(zb.hedge.contract.name).toMatch(/^ZBH5 \(.*Bond futures\)$/);
    expect(zb.hedge.contract.dv01Source).toMatch(/^from CTD 912810\w{3} \(/);
    const cells = buildSheets(zb)[0]
      .rows.flat()
      .map((c) => String(shownValue(c) ?? ""));
    expect(cells.some((c) => c.includes("ZBH5"))).toBe(true);
    expect(cells.some((c) => /\bZN\b|T-Note/.test(c))).toBe(false);
    const typed = await record({ contractDv01: 69.41 });
    expect(typed.hedge.contract.dv01).toBe(69.41);
    expect(typed.hedge.contract.dv01Source).toBe("input");
    expect(typed.hedge.warnings.join(" ")).toMatch(/differs from the CTD model's/);
  });

  it("the scenarios imply the duration after the hedge that the hedge section states", async () => {
    for (const contractDv01 of [undefined, 69.41]) {
      const r = await record({ contractDv01 });
      const pnl = (bp: number) =>
        r.scenarios.rows.find(
          (x) =>
            x.scenario.spreads.length === 0 &&
            x.scenario.rates.length === 1 &&
            x.scenario.rates[0].kind === "parallel" &&
            x.scenario.rates[0].bp === bp
        )!.hedged;
      const mv = r.totals.marketValue;
      // Central difference of ±25 bp: the convexity terms cancel.
      const implied = (pnl(-25) - pnl(25)) / (2 * mv * 0.0025);
      expect(Math.abs(implied - r.hedge.durationAfter)).toBeLessThan(0.01);
    }
  });

  it("labels the dashboard's figures before and after the hedge", async () => {
    const r = await record({});
    const dashboard = buildSheets(r).find((s) => s.name === "Risk Dashboard")!;
    const text = dashboard.rows.flat().map((c) => String(shownValue(c) ?? ""));
    expect(text).toEqual(expect.arrayContaining(["Before hedge", "After hedge"]));
    expect(r.comparison.gapsAfter.trackingError!.te).not.toBe(
      r.comparison.gapsBefore.trackingError!.te
    );
  });

  it("names negative convexity by kind of holding, on the first page too; none for a book of bullets", async () => {
    const r = await record({});
    const parts = negativeConvexity(r);
    expect(parts.length).toBeGreaterThan(0); // the sample's MBS and callables
    const note = convexityNote(r, "USD");
    for (const [words, part] of parts) expect(note).toContain(`${words} ${part.toFixed(2)}`);
    expect(note).toContain(
      `book's effective convexity of ${r.totals.effConvexity.toFixed(2)} years²`
    );
    const gamma = Math.round(r.totals.marketValue * r.totals.effConvexity * 1e-8);
    expect(note).toContain(
      `gamma (DV01 change for a 1 bp move) ${gamma.toLocaleString("en-US")} USD per bp`
    );
    expect(note).toContain("futures and swaps sized on DV01 leave it");
    const first = buildSheets(r)[0].rows.map((row) => row.map((c) => String(shownValue(c) ?? "")));
    expect(first).toContainEqual(expect.arrayContaining(["Convexity", `${note}.`]));

    const bullets = base.values.filter((row, i) => i === 0 || row[3] === "Bullet");
    const plain = await record({ values: bullets.slice(0, 40) });
    expect(negativeConvexity(plain)).toEqual([]);
    expect(convexityNote(plain, "USD")).toBe("");
    const plainFirst = buildSheets(plain)[0].rows.map((row) => String(shownValue(row[0]) ?? ""));
    expect(plainFirst).not.toContain("Convexity");
  });

  it("survives JSON exactly, and refuses a newer version or another document", async () => {
    const r = await record({ sizing: "krd", swapTenors: [120] });
    const back = parseRunRecord(serialiseRunRecord(r));
    expect(back).toEqual(r);
    expect(back.positions.risk.effDuration).toBeInstanceOf(Float64Array);
    const newer = serialiseRunRecord({ ...r, version: r.version + 1 });
    expect(() => parseRunRecord(newer)).toThrow(/newer keyrate/);
    expect(() => parseRunRecord('{"kind":"other"}')).toThrow(/not a keyrate run record/);
  });
});
