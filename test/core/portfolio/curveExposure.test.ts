/** Curve exposure of the sample portfolio: totals, sectors, exclusions, checks and reconciliation. */
import { NO_CALL_SCHEDULE } from "../../../src/core/engines/callable";
import { MBS_NO_TERMS } from "../../../src/core/engines/mbs";
import { leftOutBeforePricing } from "../../../src/core/engines/registry";
import { makeMarket } from "../../../src/core/market/market";
import { join } from "path";
import ExcelJS from "exceljs";
import { readHoldings, Holdings } from "../../../src/core/holdings";
import { DEFAULT_CURVE, parseCurveRange } from "../../../src/core/curve";
import { yieldOf } from "../../../src/core/bond";
import {
  curveTotals,
  holdingCurveExposure,
  reconcile,
  sectorCurveExposure,
  CurveHoldingExposure,
} from "../../../src/core/portfolio/curveExposure";
import { sheetValues } from "../../../src/cli/workbookInput";

describe("curve exposure of the sample portfolio", () => {
  let h: Holdings;
  let x: CurveHoldingExposure;
  beforeAll(async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(__dirname, "..", "..", "..", "assets", "sample-portfolio.xlsx"));
    h = readHoldings(sheetValues(book.getWorksheet("Holdings")!), {
      settlement: 45659,
      sheet: "Holdings",
    }).holdings;
    const curve = parseCurveRange(sheetValues(book.getWorksheet("Curve")!), "par");
    x = holdingCurveExposure(h, makeMarket({ settlement: 45659, curve }));
  });

  it("leaves MBS (no engine) and callables without a schedule out, with their market value, and nothing else", () => {
    for (let i = 0; i < h.count; i++) {
      // MBS rows with their pool columns are priced by the MBS engine (test/core/engines/mbs.test.ts).
      if (h.type[i] === "mbs" && h.mbs?.[i]) expect(x.excluded[i]).toBeNull();
      else if ((h.type[i] === "callable" && !h.calls?.[i]) || h.type[i] === "mbs") {
        expect(x.excluded[i]).toBe(h.type[i] === "mbs" ? MBS_NO_TERMS : NO_CALL_SCHEDULE);
        // Still valued: clean + accrued, so its share of the book can be shown.
        expect(x.marketValue[i]).toBeGreaterThan(0);
        expect(Number.isNaN(x.risk.effDuration[i])).toBe(true);
      } else expect(x.excluded[i]).toBeNull();
    }
  });

  it("totals are the sums of the holdings, and sectors add up to the portfolio", () => {
    const t = curveTotals(x);
    let mv = 0;
    let dv01 = 0;
    for (let i = 0; i < h.count; i++)
      if (!x.excluded[i]) ((mv += x.marketValue[i]), (dv01 += x.dv01[i]));
    expect(t.marketValue).toBeCloseTo(mv, 4);
    expect(t.dv01).toBeCloseTo(dv01, 6);
    expect(t.dv01).toBeCloseTo(t.effDuration * t.marketValue * 1e-4, 4);
    expect(t.krDv01.reduce((a, b) => a + b, 0)).toBeCloseTo(t.dv01, 0);
    const sectors = sectorCurveExposure(h, x);
    expect(sectors.reduce((a, s) => a + s.weight, 0)).toBeCloseTo(1, 12);
    expect(sectors.reduce((a, s) => a + s.durationContribution, 0)).toBeCloseTo(t.effDuration, 10);
    expect(sectors.reduce((a, s) => a + s.dv01Share, 0)).toBeCloseTo(1, 12);
  });

  it("passes the KRD-sum check on every holding", () => {
    expect(x.flag.filter(Boolean)).toEqual([]);
  });

  it("flags exactly the five vendor durations made wrong on purpose", () => {
    const flagged = reconcile(h, x)
      .filter((r) => r.flagged)
      .map((r) => h.id[r.index])
      .sort();
    // The ids scripts/make-sample-portfolio.ts prints as "deliberately off".
    expect(flagged).toEqual(["09610L4L7", "912810AS7", "912810FK9", "912810QV3", "91282CM81"]);
  });
});

describe("a price and a yield given together", () => {
  it("are flagged when the price implies a yield more than 1 bp from the given one, and not otherwise", () => {
    const settlement = 45659; // 2025-01-02
    const terms = {
      settlement,
      maturity: 45659 + 3650,
      rate: 0.045,
      frequency: 2 as const,
      basis: 1 as const,
    };
    const price = 98.75;
    const implied = yieldOf(terms, price);
    const values = [
      ["ID", "Par", "Coupon", "Maturity", "Price", "Yield", "Sector"],
      ["SAME", 1e6, 0.045, terms.maturity, price, implied + 0.4e-4, "government"],
      ["OFF", 1e6, 0.045, terms.maturity, price, implied - 1.6e-4, "government"],
      ["PRICE", 1e6, 0.045, terms.maturity, price, "", "government"],
    ];
    const { holdings, problems } = readHoldings(values, { settlement });
    expect(problems).toEqual([]);
    const x = holdingCurveExposure(holdings, makeMarket({ settlement, curve: DEFAULT_CURVE }));
    expect(x.flag[0]).toBeNull();
    expect(x.flag[1]).toMatch(
      /implies a yield of .* \(1\.6 bp apart\): curve figures use the price/
    );
    expect(x.flag[2]).toBeNull();
  });
});

describe("what is known before pricing", () => {
  it("a callable without its schedule and an MBS row without pool columns are left out, before the run as in it", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(__dirname, "..", "..", "..", "assets", "sample-portfolio.xlsx"));
    const all = sheetValues(book.getWorksheet("Holdings")!);
    const header = all[0].map(String);
    const col = (name: string) => header.indexOf(name);
    const first = (type: string) => all.findIndex((r) => r[col("Type")] === type);
    // A bullet, two callables (the second with its schedule cleared) and an MBS, in a file
    // without the pool columns.
    const pool = new Set(["WAC", "WAM", "WALA", "Program", "Pool"].map(col));
    const pick = [first("Bullet"), first("Callable"), first("Callable"), first("MBS")];
    expect(pick.every((i) => i > 0)).toBe(true);
    expect(pool.has(-1)).toBe(false);
    const row = (r: unknown[], k: number) =>
      r
        .map((v, j) =>
          k === 2 && j === col("Call Schedule") ? null : j === col("ID") ? `${String(v)}-${k}` : v
        )
        .filter((_, j) => !pool.has(j));
    const values = [header.filter((_, j) => !pool.has(j)), ...pick.map((i, k) => row(all[i], k))];
    const read = readHoldings(values, { settlement: 45659, sheet: "Holdings" });
    expect(read.problems).toEqual([]);
    expect(read.holdings.count).toBe(4);
    const before = leftOutBeforePricing(read.holdings);
    expect(before).toEqual([null, null, NO_CALL_SCHEDULE, MBS_NO_TERMS]);
    const curve = parseCurveRange(sheetValues(book.getWorksheet("Curve")!), "par");
    const x = holdingCurveExposure(read.holdings, makeMarket({ settlement: 45659, curve }));
    expect(x.excluded).toEqual(before);
  });
});
