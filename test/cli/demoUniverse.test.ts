/**
 * Current futures data in `keyrate demo` (issue 12 item 10): a Treasury universe from --universe
 * (a CSV with a price column: the CTD is chosen and priced at its prices) or from the input
 * workbook's "Universe" sheet; a contract month with no deliverable in it is sized against a
 * synthetic CTD with a warning (settlement 2025-12-18, after the bundled CME table), not a failure.
 */
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import { demo, SAMPLE_WORKBOOK } from "../../src/cli/demo";
import { SYNTHETIC_CTD } from "../../src/core/engines/treasuryFuture";

jest.setTimeout(600_000);
const dir = mkdtempSync(join(tmpdir(), "keyrate-universe-"));

describe("keyrate demo with a Treasury universe", () => {
  it("takes --universe: the CTD is its deliverable, at its price (32nds)", async () => {
    const file = join(dir, "treasuries.csv");
    writeFileSync(
      file,
      [
        "CUSIP,Coupon (%),Issue Date,Maturity,Price",
        "TEST00001,4.125,2024-11-15,2034-11-15,97.5", // not deliverable into ZNH5
        'TEST00002,4.25,12/31/2024,"Dec 31, 2031",99-08',
      ].join("\n")
    );
    const r = await demo({
      input: SAMPLE_WORKBOOK,
      output: join(dir, "a.xlsx"),
      runDate: "2025-01-02",
      universe: file,
    });
    if (!r.ok) throw new Error(JSON.stringify(r.problems.slice(0, 3)));
    const c = r.record.hedge.contract;
    expect(c.symbol).toBe("ZNH5");
    expect(c.ctd).toMatchObject({ cusip: "TEST00002", coupon: 0.0425, cleanPrice: 99.25 });
  });

  it("reads the input's Universe sheet and sizes months without a deliverable on a synthetic CTD", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(SAMPLE_WORKBOOK);
    const settings = book.getWorksheet("Settings")!;
    settings.eachRow((row) => {
      if (String(row.getCell(1).value).toLowerCase() === "settlement date")
        row.getCell(2).value = new Date(Date.UTC(2025, 11, 18));
    });
    const universe = book.addWorksheet("Universe");
    universe.addRow(["CUSIP", "Coupon", "Issue date", "Maturity"]);
    universe.addRow(["TEST00005", 0.04, "2025-11-30", "2032-11-30"]); // a 7-year note: ZNH6
    const input = join(dir, "input.xlsx");
    await book.xlsx.writeFile(input);
    const r = await demo({
      input,
      output: join(dir, "b.xlsx"),
      runDate: "2025-12-18",
      sizing: "krd",
    });
    if (!r.ok) throw new Error(JSON.stringify(r.problems.slice(0, 3)));
    const hedge = r.record.hedge;
    expect(hedge.contract.symbol).toBe("ZNH6");
    expect(hedge.contract.ctd.cusip).toBe("TEST00005");
    const synthetic = hedge.trades.filter(
      (t) => t.kind === "futures" && /synthetic/.test(JSON.stringify(t))
    );
    const warned = hedge.warnings.filter((w) => w.includes(SYNTHETIC_CTD));
    expect(warned.length).toBeGreaterThan(0);
    expect(warned.every((w) => /^no \w+ deliverable in the Treasury universe/.test(w))).toBe(true);
    expect(warned.some((w) => w.startsWith("no ZNH6"))).toBe(false);
    expect(synthetic.length).toBeLessThanOrEqual(warned.length);
  });
});
