/**
 * The recommendation's live formulas: rendered through Office.js into the simulated workbook
 * holding the sample's holdings, every formula is calculated by the KEYRATE functions themselves
 * (the same registry Excel calls) and must show the value the run computed. Then a price is edited
 * in the holdings and the formulas must follow it to what the core computes at the new price.
 */
import ExcelJS from "exceljs";
import * as path from "path";
import { runRecommendation, RecommendationResult } from "../../../src/core/report/recommendation";
import { sheetValues, settingsOf } from "../../../src/cli/workbookInput";
import { parseDate } from "../../../src/core/dates";
import { renderSheet } from "../../../src/render/officejs";
import { simulatedExcelRun } from "../../../src/playground/excelSimulator";
import { Scalar, SimWorkbook } from "../../../src/playground/workbookModel";
import { FunctionResolver } from "../../../src/playground/formulaEngine";
import { FUNCTIONS } from "../../../src/functions/impl/registry";
import { KeyrateError } from "../../../src/core/errors";
import { cellA1 } from "../../../src/core/a1";
import { bondRisk, yieldOf, Basis, Frequency } from "../../../src/core/bond";

const SAMPLE = path.join(__dirname, "..", "..", "..", "assets", "sample-portfolio.xlsx");

/** The KEYRATE functions as Excel calls them: one matrix per argument, the first cell out. */
export const registryFunctions: FunctionResolver = (name, args) => {
  const entry = FUNCTIONS[name.replace(/^KEYRATE\./, "")];
  if (!entry) return undefined;
  const out = entry.impl(...args)[0][0];
  return out instanceof KeyrateError ? out.code : out;
};

/** Relative agreement for figures, absolute below 1e-6 (rates, durations near zero). */
function close(a: number, b: number, tol = 1e-12): boolean {
  return Math.abs(a - b) <= tol * Math.max(1e-6 / tol, Math.abs(a), Math.abs(b));
}

let book: SimWorkbook;
let result: Extract<RecommendationResult, { ok: true }>;
let holdings: Scalar[][];
let settlement: number;

beforeAll(async () => {
  const xl = new ExcelJS.Workbook();
  await xl.xlsx.readFile(SAMPLE);
  const settings = settingsOf(xl.getWorksheet("Settings"));
  settlement = parseDate(settings.get("settlement date"));
  // The holdings as Excel holds them: dates as serial numbers.
  holdings = sheetValues(xl.getWorksheet("Holdings")!).map((row) =>
    row.map((v) => (v instanceof Date ? parseDate(v) : ((v ?? "") as Scalar)))
  );
  book = new SimWorkbook("Holdings");
  book.calc.functions = registryFunctions;
  holdings.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== "") book.sheets[0].cellForWrite(r, c).value = v;
    })
  );
  const run = await runRecommendation({
    values: holdings,
    sheet: "Holdings",
    originRow: 1,
    originColumn: 0,
    source: "Holdings!A1",
    settlement,
    targetDuration: Number(settings.get("target duration")),
    contractDv01: Number(settings.get("contract dv01")),
    runDate: "2025-01-02",
  });
  if (!run.ok) throw new Error("the sample did not run");
  result = run;
  await simulatedExcelRun(book)(async (context) => {
    for (const model of run.sheets)
      await renderSheet(context as unknown as Excel.RequestContext, model);
  });
});

/** The Holdings Risk sheet's model: every holding, live where the holdings are linked. */
const riskSheet = () => result.sheets.find((m) => m.name === "Holdings Risk")!;

/** Every formula cell of the Holdings Risk sheet model: [A1, formula, result]. */
function formulas(): [string, string, number | string][] {
  const out: [string, string, number | string][] = [];
  riskSheet().rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      const v = cell.value;
      if (v !== null && typeof v === "object") out.push([cellA1(r, c), v.formula, v.result]);
    })
  );
  return out;
}

const shown = (address: string) => book.cellAt(`'Holdings Risk'!${address}`)?.value;

describe("live formulas of the Holdings Risk sheet", () => {
  it("every formula, calculated by the KEYRATE functions, shows the run's value (1e-12 relative)", () => {
    const all = formulas();
    // Links to par, coupon, maturity, price and frequency/basis where given, KEYRATE formulas for
    // yield, market value, modified duration and DV01 of each live holding, and two totals.
    expect(all.length).toBeGreaterThan(5 * 280);
    for (const kind of [
      "KEYRATE.YIELD(",
      "KEYRATE.ACCRUED(",
      "KEYRATE.DURATION_MOD(",
      "KEYRATE.DV01(",
    ]) {
      expect(all.filter(([, f]) => f.includes(kind)).length).toBeGreaterThan(250);
    }
    let worst = 0;
    for (const [address, formula, expected] of all) {
      const got = shown(address);
      if (typeof expected !== "number" || typeof got !== "number") {
        throw new Error(`${address} ${formula}: shows ${got}, expected ${expected}`);
      }
      if (!close(got, expected)) throw new Error(`${address} ${formula}: ${got} vs ${expected}`);
      worst = Math.max(worst, Math.abs(got - expected) / Math.max(1, Math.abs(expected)));
    }
    expect(worst).toBeLessThan(1e-12);
  });

  it("follows an edited price: yield, market value, duration, DV01 and the totals move to the core's figures", () => {
    const table = riskSheet().rows.findIndex((row) => row[0].value === "ID");
    const header = riskSheet().rows[table].map((c) => c.value);
    const col = (name: string) => header.indexOf(name);
    // The first live row whose price links to the holdings.
    const i = riskSheet()
      .rows.slice(table + 1)
      .findIndex((row) => {
        const v = row[col("Clean price")].value;
        return typeof v === "object" && v !== null && v.formula.startsWith("'Holdings'!");
      });
    expect(i).toBeGreaterThanOrEqual(0);
    const r = table + 1 + i;
    const priceCell = (riskSheet().rows[r][col("Clean price")].value as { formula: string })
      .formula;
    const at = (name: string) => shown(cellA1(r, col(name))) as number;
    const totalRow = riskSheet().rows.findIndex((row) => row[0].value === "DV01 (yield)");
    // The sheet's totals over the table.
    const mvRow = riskSheet().rows.findIndex((row) => row[0].value === "Market value");
    const before = {
      dv01: shown(cellA1(totalRow, 1)) as number,
      mv: shown(cellA1(mvRow, 1)) as number,
    };
    const old = { mv: at("Market value (dirty), USD"), dv01: at("DV01 (yield), USD per bp") };
    const price = at("Clean price") - 2.5;
    book.enter(priceCell, price);
    expect(at("Clean price")).toBe(price);
    // Independent of the sheet: the core's bond risk at the new price.
    const bond = {
      settlement,
      maturity: at("Maturity"),
      rate: at("Coupon"),
      frequency: at("Coupons / yr") as Frequency,
      basis: at("Basis") as Basis,
    };
    const y = yieldOf(bond, price);
    const b = bondRisk(bond, y);
    const par = at("Par, USD");
    expect(close(at("Yield to maturity"), y, 1e-12)).toBe(true);
    expect(close(at("Modified duration (yield), yrs"), b.modified, 1e-10)).toBe(true);
    expect(close(at("DV01 (yield), USD per bp"), (par * b.dv01) / 100, 1e-10)).toBe(true);
    expect(close(at("Market value (dirty), USD"), (par * (price + b.accrued)) / 100, 1e-12)).toBe(
      true
    );
    // The totals moved by exactly this holding's change.
    const after = {
      dv01: shown(cellA1(totalRow, 1)) as number,
      mv: shown(cellA1(mvRow, 1)) as number,
    };
    expect(close(after.mv - before.mv, at("Market value (dirty), USD") - old.mv, 1e-9)).toBe(true);
    expect(close(after.dv01 - before.dv01, at("DV01 (yield), USD per bp") - old.dv01, 1e-9)).toBe(
      true
    );
    expect(after.mv).not.toBe(before.mv);
    // A price no yield can reproduce is an Excel error in the cells, never a number.
    book.enter(priceCell, -5);
    expect(at("Yield to maturity")).toBe("#NUM!");
    expect(shown(cellA1(r, col("Modified duration (yield), yrs")))).toBe("#NUM!");
    expect(shown(cellA1(totalRow, 1))).toBe("#NUM!");
  });
});
