/**
 * The workbook's breakdowns beyond rating, maturity and issuer (issue 12 item 4): by industry (the
 * file's own sector labels, when finer than the broad sectors) and by currency (when there is more
 * than one), each from the one aggregation, equal to sums over their holdings.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { parseCsv } from "../../../src/cli/tableFile";
import { serialFromIso } from "../../../src/core/dates";
import { readHoldings } from "../../../src/core/holdings";
import { DEFAULT_CURVE } from "../../../src/core/curve/defaultCurve";
import { makeMarket } from "../../../src/core/market/market";
import { holdingCurveExposure } from "../../../src/core/portfolio/curveExposure";
import { BREAKDOWN_TITLES, breakdownSections } from "../../../src/core/report/breakdownSection";
import { SheetBuilder } from "../../../src/core/report/sheetModel";

const SETTLE = serialFromIso("2026-12-04")!;
const file = join(__dirname, "..", "..", "fixtures", "vendor", "ishares-style.csv");

function sections(currencyOf?: (i: number) => string) {
  const read = readHoldings(parseCsv(readFileSync(file, "utf8")), { settlement: SETTLE });
  const h = currencyOf
    ? { ...read.holdings, currency: read.holdings.currency.map((_, i) => currencyOf(i)) }
    : read.holdings;
  const x = holdingCurveExposure(h, makeMarket({ settlement: SETTLE, curve: DEFAULT_CURVE }));
  const s = new SheetBuilder(9);
  breakdownSections(s, h, x, SETTLE, "USD");
  const rows = s.build("t", Array(9).fill(10)).rows.map((r) => r.map((c) => c.value));
  return { h, x, rows };
}

function table(rows: unknown[][], title: string) {
  const at = rows.findIndex((r) => r[0] === title);
  if (at < 0) return undefined;
  const end = rows.findIndex((r, i) => i > at && r[0] === "Total");
  return rows.slice(at + 1, end);
}

describe("breakdowns by industry and currency", () => {
  it("shows the file's sector labels as industries, each the sum of its holdings", () => {
    const { h, x, rows } = sections();
    const groups = table(rows, BREAKDOWN_TITLES.industry)!;
    expect(groups.map((r) => r[0])).toEqual(expect.arrayContaining(["Banking", "Energy"]));
    for (const r of groups) {
      let mv = 0;
      for (let i = 0; i < h.count; i++)
        if (!x.excluded[i] && (h.group[i].trim() || h.sector[i]) === r[0]) mv += x.marketValue[i];
      expect(r[1] as number).toBeCloseTo(mv, 6);
    }
    const sum = groups.reduce((a, r) => a + (r[1] as number), 0);
    const total = [...x.marketValue].reduce((a, v, i) => a + (x.excluded[i] ? 0 : v), 0);
    expect(sum).toBeCloseTo(total, 4);
    // One currency: no currency table.
    expect(table(rows, BREAKDOWN_TITLES.currency)).toBeUndefined();
  });

  it("adds a currency table when the holdings are in more than one currency", () => {
    const { rows } = sections((i) => (i % 3 === 0 ? "EUR" : "USD"));
    const groups = table(rows, BREAKDOWN_TITLES.currency)!;
    expect(groups.map((r) => r[0]).sort()).toEqual(["EUR", "USD"]);
    expect(groups.reduce((a, r) => a + (r[2] as number), 0)).toBeCloseTo(1, 12);
  });
});
