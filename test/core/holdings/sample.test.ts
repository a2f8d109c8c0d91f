import * as path from "path";
import ExcelJS from "exceljs";
import { readHoldings } from "../../../src/core/holdings";
import { parseDate, serialFromIso, serialFromYmd } from "../../../src/core/dates";
import { bondRisk } from "../../../src/core/bond";
import { conversionFactor } from "../../../src/core/futures/conversionFactor";
import { contractSpec } from "../../../src/core/futures/contracts";
import { loadCmeTable } from "../futures/cmeTable";

const FILE = path.resolve(__dirname, "../../../assets/sample-portfolio.xlsx");

/** A worksheet's used range as rows of cell values, exceljs style (header row first). */
function sheetValues(ws: ExcelJS.Worksheet): unknown[][] {
  const sheet = ws.getSheetValues() as unknown[][];
  const rows: unknown[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const cells = sheet[r] ?? [];
    rows.push(Array.from({ length: ws.columnCount }, (_, c) => cells[c + 1]));
  }
  return rows;
}

describe("assets/sample-portfolio.xlsx", () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(FILE);
  });

  it("has a settlement date of 2025-01-02 on the Settings sheet", () => {
    const settings = wb.getWorksheet("Settings")!;
    expect(settings.getCell("A2").value).toBe("Settlement date");
    expect(parseDate(settings.getCell("B2").value)).toBe(serialFromYmd(2025, 1, 2));
  });

  it("reads the Holdings sheet with no problems", () => {
    const settlement = parseDate(wb.getWorksheet("Settings")!.getCell("B2").value);
    const {
      holdings: h,
      problems,
      mapping,
    } = readHoldings(sheetValues(wb.getWorksheet("Holdings")!), {
      settlement,
      sheet: "Holdings",
    });
    expect(problems).toEqual([]);
    expect(h.count).toBeGreaterThanOrEqual(280);
    expect(h.count).toBeLessThanOrEqual(320);
    expect(mapping.vendor_duration?.header).toBe("Vendor Duration");
    expect(new Set(h.id).size).toBe(h.count);

    const total = h.par.reduce((s, x) => s + x, 0);
    expect(total).toBeGreaterThan(1e9);
    expect(total).toBeLessThan(2e9);
    const share = (sector: string): number =>
      h.par.reduce((s, x, i) => s + (h.sector[i] === sector ? x : 0), 0) / total;
    expect(share("government")).toBeCloseTo(0.4, 1);
    expect(share("corporate")).toBeCloseTo(0.35, 1);
    for (const sector of ["agency", "municipal", "securitized"])
      expect(share(sector)).toBeGreaterThan(0);
    for (const type of ["bullet", "zero", "callable", "fixed-to-float", "frn", "mbs"])
      expect(h.type).toContain(type);

    for (let i = 0; i < h.count; i++) {
      expect(h.maturity[i]).toBeGreaterThan(settlement);
      expect(h.price[i]).toBeGreaterThan(20);
      expect(h.price[i]).toBeLessThan(130);
      expect(h.basis[i]).toBe(h.sector[i] === "government" ? 1 : 0);
      // SOFR FRNs pay quarterly; every other row semiannually.
      expect(h.frequency[i]).toBe(h.type[i] === "frn" ? 4 : 2);
    }
    expect(Array.from(h.vendorDuration).filter(Number.isFinite).length).toBeGreaterThan(100);
  });

  it("has the 2024-12-31 Treasury par curve on the Curve sheet", () => {
    const curve = sheetValues(wb.getWorksheet("Curve")!);
    expect(curve[0].slice(0, 2)).toEqual(["Tenor", "Rate"]);
    expect(curve.slice(1).map((r) => r[0])).toEqual([
      "1M",
      "2M",
      "3M",
      "4M",
      "6M",
      "1Y",
      "2Y",
      "3Y",
      "5Y",
      "7Y",
      "10Y",
      "20Y",
      "30Y",
    ]);
    expect(curve[11][1]).toBeCloseTo(0.0458, 10); // 10Y
    expect(curve[13][1]).toBeCloseTo(0.0478, 10); // 30Y
  });

  describe("hedge inputs on the Settings sheet", () => {
    /** Settings rows by lower-cased label (column A): value (B) and note (D). */
    function settingsRows(): Map<string, { value: unknown; note: unknown }> {
      const out = new Map<string, { value: unknown; note: unknown }>();
      wb.getWorksheet("Settings")!.eachRow((row) => {
        const label = row.getCell(1).value;
        if (typeof label === "string")
          out.set(label.trim().toLowerCase(), {
            value: row.getCell(2).value,
            note: row.getCell(4).value,
          });
      });
      return out;
    }

    it("has Target duration, Hedge contract and a sane Contract DV01", () => {
      const rows = settingsRows();
      expect(rows.get("target duration")?.value).toBe(5);
      expect(rows.get("target duration")?.note).toBe(
        "Target effective duration for the hedge (years)"
      );
      expect(String(rows.get("hedge contract")?.value)).toMatch(/^ZN Mar-2025/);
      const dv01 = rows.get("contract dv01")?.value;
      expect(typeof dv01).toBe("number");
      expect(dv01).toBeGreaterThan(40);
      expect(dv01).toBeLessThan(120);
      expect(String(rows.get("contract dv01")?.note)).toMatch(
        /carry and delivery options ignored; replace with your desk's figure/
      );
    });

    const cme = loadCmeTable();
    (cme ? it : it.skip)("reproduces Contract DV01 from the CTD named in the note", () => {
      const rows = settingsRows();
      const stored = rows.get("contract dv01")!.value as number;
      const note = String(rows.get("contract dv01")!.note);
      const m = note.match(
        /CTD (\w{9}) \(UST ([\d.]+)% (\d{4}-\d{2}-\d{2})\), CF ([\d.]+), DV01 ([\d.]+) per 100k face at yield ([\d.]+)%/
      );
      expect(m).not.toBeNull();
      const [, cusip, couponPct, maturityIso, cfText, dv01Text, yieldPct] = m!;
      const settlement = parseDate(wb.getWorksheet("Settings")!.getCell("B2").value);
      const month = { y: 2025, m: 3 };
      const zn = contractSpec("ZN");
      const deliverables = cme!.filter(
        (r) => r.contract === "ZN" && r.month.y === month.y && r.month.m === month.m
      );
      const ctd = deliverables.find((r) => r.cusip === cusip);
      expect(ctd).toBeDefined();
      expect(ctd!.coupon).toBeCloseTo(Number(couponPct) / 100, 12);
      expect(ctd!.maturity).toBe(serialFromIso(maturityIso));
      expect(ctd!.factor).toBe(Number(cfText));
      expect(conversionFactor(zn, month, ctd!.coupon, ctd!.maturity)).toBe(ctd!.factor);

      // The yield: the Curve sheet interpolated linearly at the CTD's maturity, as noted.
      const curve = sheetValues(wb.getWorksheet("Curve")!).slice(1, 14);
      const tenorYears = (t: string): number => Number(t.slice(0, -1)) / (t.endsWith("M") ? 12 : 1);
      const xs = curve.map((r) => tenorYears(String(r[0])));
      const ys = curve.map((r) => r[1] as number);
      const level = (years: number): number => {
        if (years <= xs[0]) return ys[0];
        for (let k = 1; k < xs.length; k++)
          if (years <= xs[k])
            return ys[k - 1] + ((years - xs[k - 1]) / (xs[k] - xs[k - 1])) * (ys[k] - ys[k - 1]);
        return ys[ys.length - 1];
      };
      const priced = (r: (typeof deliverables)[number]) => {
        const yld = level((r.maturity - settlement) / 365.25);
        const risk = bondRisk(
          { settlement, maturity: r.maturity, rate: r.coupon, frequency: 2, basis: 1 },
          yld
        );
        return { yld, risk };
      };
      const { yld, risk } = priced(ctd!);
      expect(Math.abs(yld - Number(yieldPct) / 100)).toBeLessThan(1e-8);
      expect(Math.abs(risk.dv01 * 1000 - Number(dv01Text))).toBeLessThan(1e-4);
      const recomputed = (risk.dv01 * 1000) / ctd!.factor;
      expect(Math.abs(recomputed / stored - 1)).toBeLessThan(1e-9);

      // And the other way: no deliverable issued by settlement is cheaper (clean ÷ CF).
      const ratio = risk.clean / ctd!.factor;
      const issued = deliverables.filter((r) => r.issue <= settlement);
      expect(issued.length).toBeGreaterThan(1);
      for (const r of issued) expect(priced(r).risk.clean / r.factor).toBeGreaterThanOrEqual(ratio);
    });
  });
});
