/**
 * Vendor exports end to end through `keyrate measure` (compiled CLI in lib/), under time zones on
 * both sides of UTC: the fictional files of scripts/make-vendor-fixtures.ts read as they come, the
 * same figures in every zone, identifiers kept as text, units from the headers.
 */
import { spawnSync } from "child_process";
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import type { MeasureJson } from "../../src/cli/measure";
import { isoFromSerial } from "../../src/core/dates";
import { defaultSettlement } from "../../src/functions/impl/curveFunctions";

const root = join(__dirname, "..", "..");
const bin = join(root, "bin", "keyrate.js");
const vendor = join(root, "test", "fixtures", "vendor");
const sample = join(root, "assets", "sample-portfolio.xlsx");
const ZONES = ["UTC", "Europe/Berlin", "Asia/Tokyo", "America/New_York", "Pacific/Honolulu"];

function run(tz: string, ...args: string[]) {
  const r = spawnSync("node", [bin, ...args], {
    encoding: "utf8",
    cwd: root,
    env: { ...process.env, TZ: tz },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function measureJson(tz: string, file: string, ...more: string[]): MeasureJson {
  const r = run(
    tz,
    "measure",
    file,
    "--curve",
    sample,
    "--settle",
    "2026-12-04",
    "--json",
    ...more
  );
  expect(r.stderr).toBe("");
  return JSON.parse(r.stdout) as MeasureJson;
}

describe.each(["ishares-style.csv", "bloomberg-port.xlsx", "admin-generic.csv"])(
  "keyrate measure on %s",
  (name) => {
    const file = join(vendor, name);
    const byZone = new Map<string, MeasureJson>();
    beforeAll(() => {
      for (const tz of ZONES) byZone.set(tz, measureJson(tz, file));
    });

    it("reads every row without a problem, the same in every time zone", () => {
      const utc = byZone.get("UTC")!;
      expect(utc.ok).toBe(true);
      expect(utc.problems).toEqual([]);
      for (const tz of ZONES) expect(byZone.get(tz)).toEqual(utc);
    });

    it("keeps identifiers as text and dates as written", () => {
      const m = byZone.get("Asia/Tokyo")!;
      const ids = m.holdings.map((h) => h.id);
      expect(ids).toContain("123456E78");
      expect(ids).toContain("012345678");
      // Market values agree with the vendor's to the cent: no date moved, no unit misread.
      const mv = m.reconciliation.filter((r) => r.field === "marketValue");
      expect(mv.length).toBeGreaterThan(0);
      for (const r of mv) if (!r.flagged) expect(Math.abs(r.difference)).toBeLessThan(0.01);
    });
  }
);

describe("the iShares-style export", () => {
  let m: MeasureJson;
  beforeAll(() => {
    m = measureJson("Europe/Berlin", join(vendor, "ishares-style.csv"));
  });

  it("skips and names the preamble and the footer", () => {
    expect(m.mapping!.headerRow).toBe(10);
    expect(m.mapping!.skipped.map((s) => [s.row, s.why])).toEqual([
      [1, "preamble"],
      [2, "preamble"],
      [3, "preamble"],
      [4, "preamble"],
      [5, "preamble"],
      [6, "preamble"],
      [7, "preamble"],
      [8, "preamble"],
      [37, "footer"],
    ]);
    expect(m.mapping!.skipped[1].text).toBe("Fund Holdings as of, Dec 03, 2026");
  });

  it("shows each column's field and unit", () => {
    const col = (h: string) => m.mapping!.columns.find((c) => c.header === h)!;
    expect(col("Coupon (%)")).toMatchObject({ field: "coupon", unit: "percent" });
    expect(col("YTM (%)")).toMatchObject({ field: "yield", unit: "percent" });
    expect(col("Weight (%)")).toMatchObject({ field: "vendor_weight", unit: "percent" });
    expect(col("Duration")).toMatchObject({ field: "vendor_duration" });
    expect(col("Mod. Duration")).toMatchObject({ field: "vendor_mod_duration" });
    expect(col("Accrual Date")).toMatchObject({ field: "issue_date" });
    expect(col("Par Value")).toMatchObject({ field: "par" });
    expect(col("Yield to Worst (%)")).toMatchObject({ field: null });
  });

  it("keeps the cash line in market value at (almost) no duration", () => {
    const cash = m.holdings.find((h) => h.sector === "cash")!;
    expect(cash.id).toBe("USD CASH");
    expect(cash.marketValue).toBeCloseTo(1_234_567.89, 2);
    expect(cash.effDuration!).toBeLessThan(0.01);
    expect(m.sectors.map((s) => s.sector)).toEqual(["corporate", "government", "cash"]);
  });

  it("flags the one market value 0.3% off the vendor's, and no other", () => {
    const flagged = m.reconciliation.filter((r) => r.field === "marketValue" && r.flagged);
    expect(flagged).toHaveLength(1);
    expect(flagged[0].row).toBe(14);
    expect(flagged[0].vendor / flagged[0].ours).toBeCloseTo(1.003, 6);
  });

  it("reads a 0.125 coupon in a percent column as 0.125%", () => {
    const tsy = m.holdings.filter((h) => h.sector === "government");
    expect(tsy).toHaveLength(2);
    // A 0.125% coupon note priced at 92.5: read as 12.5% its market value would be far off.
    const mv = m.reconciliation.find((r) => r.field === "marketValue" && r.id === tsy[1].id)!;
    expect(mv.flagged).toBe(false);
  });
});

describe("the administrator's file", () => {
  it("scales Par (000s) and reads (2,500) as a short", () => {
    const m = measureJson("America/New_York", join(vendor, "admin-generic.csv"));
    expect(m.holdings[0].par).toBe(3_000_000);
    expect(m.holdings[1].par).toBe(-2_500_000);
    expect(m.mapping!.columns.find((c) => c.field === "par")!.unit).toBe("in thousands (× 1,000)");
  });
});

describe("problems and failures", () => {
  const dir = mkdtempSync(join(tmpdir(), "keyrate-vendor-"));

  it("prints the first 50 problems and a count; --json lists them all", () => {
    const rows = ["ID,Par,Coupon,Maturity,Price"];
    for (let i = 0; i < 120; i++) rows.push(`X${i},1000,0.05,someday,99`);
    rows.push("GOOD,1000,0.05,2030-01-01,99");
    const file = join(dir, "bad.csv");
    writeFileSync(file, rows.join("\n"));
    const text = run("UTC", "measure", file, "--curve", sample, "--settle", "2025-01-02");
    expect(text.status).toBe(1);
    expect(text.stdout).toMatch(/Problems \(120 in 120 rows/);
    expect(text.stdout).toMatch(/… and 70 more/);
    expect(text.stdout.split("\n").filter((l) => l.includes("someday"))).toHaveLength(50);
    const json = run("UTC", "measure", file, "--curve", sample, "--settle", "2025-01-02", "--json");
    const m = JSON.parse(json.stdout) as MeasureJson;
    expect(m.problems).toHaveLength(120);
    expect(m.holdings).toHaveLength(1);
  });

  it("prints its JSON object with the mapping and problems when nothing can be measured", () => {
    const file = join(dir, "nothing.csv");
    writeFileSync(file, "ID,Par,Coupon,Maturity,Price\nA,1,0.05,never,99\n");
    const r = run("UTC", "measure", file, "--curve", sample, "--settle", "2025-01-02", "--json");
    expect(r.status).toBe(1);
    const m = JSON.parse(r.stdout) as MeasureJson;
    expect(m.ok).toBe(false);
    expect(m.error).toMatch(/no holdings to measure; 1 problem/);
    expect(m.mapping!.columns.map((c) => c.field)).toEqual([
      "id",
      "par",
      "coupon",
      "maturity",
      "price",
    ]);
    expect(m.problems).toHaveLength(1);
    const usage = run("UTC", "measure", file, "--json", "--bogus");
    expect(JSON.parse(usage.stdout)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/--bogus/),
    });
  });

  it("keeps every message short, even for a history given as a tenor/rate curve", () => {
    const history = "/work/shared/data/ust_par_yield_curve_1990_2024.csv";
    const file = join(dir, "wide.csv");
    // A two-column range of 9,000 bad rows.
    writeFileSync(
      file,
      ["Tenor,Rate", ...Array.from({ length: 9000 }, (_, i) => `x${i},y`)].join("\n")
    );
    const r = run("UTC", "measure", sample, "--curve", file, "--json");
    const m = JSON.parse(r.stdout) as MeasureJson;
    expect(m.ok).toBe(false);
    expect(m.error!.length).toBeLessThan(400);
    expect(m.error).toMatch(/and 8997 more \(9000 in all\)/);
    const h = run("UTC", "measure", sample, "--curve", history, "--curve-date", "1989-12-01");
    expect(h.status).toBe(1);
    expect(h.stderr.length).toBeLessThan(400);
    expect(h.stderr).toMatch(/no curve on or before 1989-12-01; the history runs from 1990-01-02/);
  });
});

describe("curve history", () => {
  const history = "/work/shared/data/ust_par_yield_curve_1990_2024.csv";

  it("takes the latest date on or before settlement, or --curve-date", () => {
    const a = JSON.parse(
      run("UTC", "measure", sample, "--curve", history, "--settle", "2024-06-02", "--json").stdout
    ) as MeasureJson;
    expect(a.curve).toMatchObject({ source: "history", date: "2024-05-31", kind: "par" });
    const b = JSON.parse(
      run("UTC", "measure", sample, "--curve", history, "--curve-date", "1/2/1990", "--json").stdout
    ) as MeasureJson;
    expect(b.curve!.date).toBe("1990-01-02");
    // 1990 had no 1, 2, 4 month or 20 year bill/bond: those tenors are left out.
    expect(b.curve!.tenors).toEqual(["3M", "6M", "1Y", "2Y", "3Y", "5Y", "7Y", "10Y", "30Y"]);
    expect(b.curve!.rates[0]).toBeCloseTo(0.0783, 12);
  });

  it("rejects --curve-date with a tenor/rate curve", () => {
    const r = run("UTC", "measure", sample, "--curve", sample, "--curve-date", "2024-01-02");
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/--curve-date applies to a curve history/);
  });
});

describe("the command line itself", () => {
  it("demo settles T+1 when the workbook's Settings sheet has no settlement date", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(sample);
    book.getWorksheet("Settings")!.eachRow((row) => {
      if (String(row.getCell(1).value).toLowerCase() === "settlement date")
        row.getCell(2).value = null;
    });
    const dir = mkdtempSync(join(tmpdir(), "keyrate-demo-"));
    const input = join(dir, "no-settlement.xlsx");
    await book.xlsx.writeFile(input);
    const r = run("UTC", "demo", "--input", input, "--out", join(dir, "out.xlsx"));
    const t1 = isoFromSerial(defaultSettlement());
    expect(r.stdout).toContain(`settlement date ${t1}`);
    // Every problem is counted; the first 50 are listed.
    expect(r.stdout.split("\n").filter((l) => l.startsWith("problem:")).length).toBeLessThanOrEqual(
      50
    );
  });

  it("exits quietly when its output pipe closes", () => {
    const r = spawnSync(
      "sh",
      ["-c", `node "${bin}" measure "${sample}" --curve "${sample}" | head -1`],
      {
        encoding: "utf8",
        cwd: root,
      }
    );
    expect(r.stdout).toMatch(/^keyrate measure/);
    expect(r.stderr).toBe("");
  });

  it.each([
    ["demo", "--bogus", "3"],
    ["measure", sample, "--curve", sample, "--bogus"],
    ["fn", "PRICE", "--bogus"],
  ])("%s rejects an unknown option", (...args) => {
    const r = run("UTC", ...args);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/unknown option --bogus/);
  });
});
