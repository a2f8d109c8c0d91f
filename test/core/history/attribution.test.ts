/**
 * Paydowns in the drift attribution: a pool's expected paydown between two runs is a cash flow,
 * not a trade. Two runs 60 days apart on the same curve (one UMBS payment date between them), a
 * bullet and a pool of the sample:
 * - the pool's par in the second file paid down as the engine expects: nothing is a trade;
 * - the pool's par unchanged in the second file: the paid-down part comes back as a trade;
 * - either way the cash-flow part of the market value is minus the interest and the principal
 *   paid down (at the first run's price), and the parts add up to the total.
 */
import { join } from "path";
import ExcelJS from "exceljs";
import { sheetValues } from "../../../src/cli/workbookInput";
import { parseCurveRange } from "../../../src/core/curve";
import { attributeDrift } from "../../../src/core/history/attribution";
import { runPipeline } from "../../../src/core/run/pipeline";
import { RunRecord } from "../../../src/core/run/runRecord";
import { cohortFlows, mbsModel } from "../../../src/core/mbs/valuation";
import { holdingCohorts } from "../../../src/core/engines/mbs";
import { DEFAULT_MBS_PATHS, DEFAULT_MBS_SEED } from "../../../src/core/conventions";
import { baseCurve } from "../../../src/core/market/market";

const SAMPLE = join(__dirname, "..", "..", "..", "assets", "sample-portfolio.xlsx");
const T0 = 45659; // 2025-01-02
const T1 = T0 + 60; // 2025-03-03: the first UMBS payment (2025-02-25) in between

let header: unknown[];
let bullet: unknown[];
let pool: unknown[];
let curve: ReturnType<typeof parseCurveRange>;
const parCol = () => header.indexOf("Par");

async function run(settlement: number, poolPar: number): Promise<RunRecord> {
  const poolRow = pool.map((v, j) => (j === parCol() ? poolPar : v));
  const r = await runPipeline({
    values: [header, bullet, poolRow],
    curve,
    curveSource: "Curve",
    sheet: "Holdings",
    originRow: 1,
    originColumn: 0,
    settlement,
    targetDuration: 5,
    contractDv01: 80,
    runDate: "2025-01-02",
    source: "Holdings!A1:V3",
  });
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join("; "));
  return r.record;
}

describe("drift attribution with a pool", () => {
  let a: RunRecord;
  let factor: number;
  beforeAll(async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(SAMPLE);
    const values = sheetValues(book.getWorksheet("Holdings")!);
    header = values[0];
    const type = header.indexOf("Type");
    bullet = values.find((r) => r[type] === "Bullet")!;
    pool = values.find((r) => r[type] === "MBS")!;
    curve = parseCurveRange(sheetValues(book.getWorksheet("Curve")!), "par");
    a = await run(T0, Number(pool[parCol()]));
    // The engine's expected balance after the first month, computed here from the cohort flows.
    const i = a.holdings.type.indexOf("mbs");
    const [cohort] = holdingCohorts(a.holdings, (k) => k === i).filter(Boolean);
    const model = mbsModel(a.market.hullWhite, DEFAULT_MBS_PATHS, DEFAULT_MBS_SEED);
    factor = cohortFlows(baseCurve(a.market), cohort!, model).balance[0];
    expect(factor).toBeLessThan(1);
    expect(factor).toBeGreaterThan(0.95);
  });

  const mvRow = (x: ReturnType<typeof attributeDrift>) =>
    x.rows.find((r) => r.label === "Market value")!;
  const step = (name: string) => ["Cash flows", "Time", "Market", "Trades", "Hedge"].indexOf(name);

  it("a par paid down as expected is a cash flow, not a trade", async () => {
    const par = Number(pool[parCol()]);
    const b = await run(T1, par * factor);
    const x = attributeDrift(a, b, "previous run");
    expect(x.trades).toEqual({ added: 0, removed: 0, resized: 0 });
    expect(x.principal).toBeCloseTo(par * (1 - factor), 4);
    const mv = mvRow(x);
    // The cash-flow part: the principal paid down leaves at the first run's dirty price, the
    // pool's interest and any coupon of the bullet as cash.
    const i = a.holdings.type.indexOf("mbs");
    const dirty = a.positions.marketValue[i] / par; // per 1 of par
    expect(mv.parts[step("Cash flows")]).toBeCloseTo(-(par * (1 - factor) * dirty) - x.coupons, 2);
    expect(Math.abs(mv.parts[step("Trades")])).toBeLessThan(1e-6 * par);
    for (const r of x.rows)
      expect(Math.abs(r.check)).toBeLessThan(1e-9 * Math.max(1, Math.abs(r.end)));
    expect(x.notes.join(" ")).toMatch(/pools paid down [\d,]+ of principal/);
  });

  it("a pool's par unchanged in the new file: the paid-down part is bought back as a trade", async () => {
    const par = Number(pool[parCol()]);
    const b = await run(T1, par);
    const x = attributeDrift(a, b, "previous run");
    expect(x.trades.resized).toBe(1);
    const i = b.holdings.type.indexOf("mbs");
    const dirtyB = b.positions.marketValue[i] / par;
    expect(mvRow(x).parts[step("Trades")]).toBeCloseTo(par * (1 - factor) * dirtyB, 2);
  });
});
