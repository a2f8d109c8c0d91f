/**
 * KEYRATE.PORTFOLIO's group_by: each grouping's rows sum to the portfolio's totals (weights to 1,
 * market value and DV01 to the totals, holdings to the count), and each group's figures equal an
 * independent sum over its holdings; unknown text is #VALUE! naming what is accepted. Money is
 * compared relatively to 1e-12 (under a cent on the sample's 1.3 billion).
 */
import { join } from "path";
import ExcelJS from "exceljs";
import { portfolio } from "../../../src/functions/impl/portfolioFunctions";
import { sheetValues } from "../../../src/cli/workbookInput";
import { serialFromIso, serialFromYmd, ymdFromSerial } from "../../../src/core/dates";
import { readHoldings } from "../../../src/core/holdings";
import { parseCurveRange } from "../../../src/core/curve";
import { makeMarket } from "../../../src/core/market/market";
import { holdingCurveExposure } from "../../../src/core/portfolio/curveExposure";
import { KeyrateError } from "../../../src/core/errors";

const SETTLE = serialFromIso("2025-01-02")!;

/** The rows below the blank row of PORTFOLIO's table: header, then one per group. */
function groupTable(out: unknown[][]): { header: unknown[]; rows: unknown[][] } {
  const blank = out.findIndex((r) => r.every((c) => c === ""));
  return { header: out[blank + 1], rows: out.slice(blank + 2) };
}

describe("KEYRATE.PORTFOLIO group_by on the sample holdings", () => {
  let holdings: unknown[][];
  let curve: unknown[][];
  beforeAll(async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(__dirname, "..", "..", "..", "assets", "sample-portfolio.xlsx"));
    holdings = sheetValues(book.getWorksheet("Holdings")!);
    curve = sheetValues(book.getWorksheet("Curve")!).map((r) => r.slice(0, 2));
  });

  /** Independent totals per group label: Σ market value and Σ DV01 over holdings in the totals. */
  function independent(labelOf: (row: unknown[], maturity: number) => string) {
    const { holdings: h } = readHoldings(holdings, { settlement: SETTLE });
    const x = holdingCurveExposure(
      h,
      makeMarket({ settlement: SETTLE, curve: parseCurveRange(curve, "par") })
    );
    const sums = new Map<string, { mv: number; dv01: number; n: number }>();
    let mv = 0;
    let dv01 = 0;
    for (let i = 0; i < h.count; i++) {
      if (x.excluded[i]) continue;
      const label = labelOf(holdings[h.sourceRow[i] - 1], h.maturity[i]);
      const s = sums.get(label) ?? { mv: 0, dv01: 0, n: 0 };
      s.mv += x.marketValue[i];
      s.dv01 += x.dv01[i];
      s.n++;
      sums.set(label, s);
      mv += x.marketValue[i];
      dv01 += x.dv01[i];
    }
    return { sums, mv, dv01 };
  }

  /** Years to maturity by whole calendar years, counted with Date (not the core's bucketer). */
  function bucketByDate(maturity: number): string {
    const s = ymdFromSerial(SETTLE);
    const years = (n: number) => serialFromYmd(s.y + n, s.m, s.d);
    const edges = [0, 1, 3, 5, 7, 10, 20];
    let k = 0;
    while (k + 1 < edges.length && maturity >= years(edges[k + 1])) k++;
    return k === edges.length - 1 ? "20+" : `${edges[k]}–${edges[k + 1]}`;
  }

  it.each([
    ["rating", "Rating", (row: unknown[]) => String(row[10] ?? "").trim() || "not rated"],
    ["maturity", "Years to maturity", (_: unknown[], m: number) => bucketByDate(m)],
    ["Sector", "Sector", null],
    ["Description", "Description", (row: unknown[]) => String(row[1])],
  ])("group_by %j: rows sum to the totals and equal independent sums", (by, title, labelOf) => {
    const out = portfolio(holdings, curve, SETTLE, undefined, undefined, by) as unknown[][];
    const totals = new Map(out.map((r) => [r[0], r[1]]));
    const { header, rows } = groupTable(out);
    expect(header[0]).toBe(title);
    const mv = rows.reduce((a, r) => a + (r[1] as number), 0);
    const weight = rows.reduce((a, r) => a + (r[2] as number), 0);
    const dv01 = rows.reduce((a, r) => a + (r[5] as number), 0);
    expect(weight).toBeCloseTo(1, 12);
    const close = (a: number, b: number) =>
      expect(Math.abs(a - b)).toBeLessThan(1e-12 * Math.abs(b));
    close(mv, totals.get("Market value") as number);
    close(dv01, totals.get("Effective DV01") as number);
    if (!labelOf) return;
    const ind = independent(labelOf);
    // Groups whose holdings are all left out show no duration and no value.
    const kept = rows.filter((r) => r[3] !== "");
    for (const r of rows.filter((r) => r[3] === "")) expect(r[1]).toBe(0);
    expect(kept.length).toBe(ind.sums.size);
    for (const r of kept) {
      const s = ind.sums.get(r[0] as string);
      expect(s).toBeDefined();
      close(r[1] as number, s!.mv);
      close(r[5] as number, s!.dv01);
      expect(Math.abs((r[2] as number) - s!.mv / ind.mv)).toBeLessThan(1e-12);
    }
  });

  it("orders ratings best first and maturity buckets shortest first", () => {
    const labels = (by: string) =>
      groupTable(
        portfolio(holdings, curve, SETTLE, undefined, undefined, by) as unknown[][]
      ).rows.map((r) => r[0]);
    expect(labels("rating").slice(0, 3)).toEqual(["AAA", "AA+", "AA"]);
    const buckets = labels("maturity");
    const order = ["0–1", "1–3", "3–5", "5–7", "7–10", "10–20", "20+"];
    expect(buckets.map((b) => order.indexOf(b as string))).toEqual(
      [...buckets.map((b) => order.indexOf(b as string))].sort((a, b) => a - b)
    );
  });

  it("defaults to sectors, and refuses a grouping it does not know, naming what it accepts", () => {
    const byDefault = portfolio(holdings, curve, SETTLE);
    expect(portfolio(holdings, curve, SETTLE, undefined, undefined, "sector")).toEqual(byDefault);
    const e = portfolio(holdings, curve, SETTLE, undefined, undefined, "colour")[0][0];
    expect(e).toBeInstanceOf(KeyrateError);
    expect((e as KeyrateError).message).toMatch(
      /group_by: found "colour"; expected sector, rating, maturity/
    );
    expect((e as KeyrateError).message).toMatch(/Vendor Duration/);
  });
});

describe("KEYRATE.PORTFOLIO group_by issuer", () => {
  const curve = [
    ["1Y", 0.04],
    ["5Y", 0.042],
    ["10Y", 0.045],
    ["30Y", 0.047],
  ];
  const holdings = [
    ["CUSIP", "Issuer", "Par", "Coupon", "Maturity", "Price"],
    ["A1", "Apple Inc", 1_000_000, 0.04, "2030-05-15", 99],
    ["A2", "Apple Inc", 2_000_000, 0.045, "2035-05-15", 98],
    ["T1", "US Treasury", 5_000_000, 0.04, "2026-01-02", 100],
    ["X1", "", 1_000_000, 0.05, "2045-01-02", 101],
  ];
  it("groups by the issuer column, blank issuers together, largest first, summing to the totals", () => {
    const out = portfolio(holdings, curve, SETTLE, undefined, undefined, "issuer") as unknown[][];
    const { header, rows } = groupTable(out);
    expect(header[0]).toBe("Issuer");
    expect(rows.map((r) => r[0]).sort()).toEqual(["Apple Inc", "US Treasury", "no issuer given"]);
    expect(rows[0][0]).toBe("US Treasury");
    const total = out.find((r) => r[0] === "Market value")![1] as number;
    expect(Math.abs(rows.reduce((a, r) => a + (r[1] as number), 0) - total)).toBeLessThan(
      1e-12 * total
    );
    // The 2026-01-02 bond matures exactly one year after settlement: bucket 1–3.
    const m = groupTable(
      portfolio(holdings, curve, SETTLE, undefined, undefined, "maturity") as unknown[][]
    );
    expect(m.rows.map((r) => r[0])).toEqual(["1–3", "5–7", "10–20", "20+"]);
  });
});
