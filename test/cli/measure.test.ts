/** `npx keyrate measure`: the curve exposure of a holdings file, as a report or JSON (compiled CLI in lib/). */
import { spawnSync } from "child_process";
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import type { MeasureJson } from "../../src/cli/measure";

const root = join(__dirname, "..", "..");
const bin = join(root, "bin", "keyrate.js");
const sample = join(root, "assets", "sample-portfolio.xlsx");
const run = (...args: string[]) => {
  const r = spawnSync("node", [bin, ...args], { encoding: "utf8", cwd: root });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe("keyrate measure on the sample workbook", () => {
  let m: MeasureJson;
  beforeAll(() => {
    const r = run("measure", sample, "--curve", sample, "--json");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    m = JSON.parse(r.stdout) as MeasureJson;
  });

  it("has every documented field", () => {
    expect(Object.keys(m).sort()).toEqual(
      [
        "ok",
        "error",
        "mapping",
        "settlement",
        "settlementSource",
        "curve",
        "portfolio",
        "groups",
        "sectors",
        "holdings",
        "reconciliation",
        "problems",
      ].sort()
    );
    expect(m.ok).toBe(true);
    expect(m.error).toBeNull();
    expect(m.mapping!.columns.find((c) => c.header === "Coupon")).toMatchObject({
      field: "coupon",
      unit: "decimal (from its values)",
    });
    expect(m.settlement).toBe("2025-01-02"); // from the Settings sheet
    expect(m.curve!).toMatchObject({ sheet: "Curve", kind: "par", interpolation: "linear_zero" });
    expect(m.curve!.tenors).toHaveLength(13);
    expect(m.curve!.rates[0]).toBe(0.044);
    expect(Object.keys(m.portfolio!).sort()).toEqual(
      [
        "marketValue",
        "effDuration",
        "effConvexity",
        "spreadDuration",
        "dv01",
        "krd",
        "krDv01",
        "included",
        "excluded",
      ].sort()
    );
    const keys = ["3M", "6M", "1Y", "2Y", "3Y", "5Y", "7Y", "10Y", "20Y", "30Y"];
    expect(Object.keys(m.portfolio!.krd)).toEqual(keys);
    expect(m.holdings).toHaveLength(302);
    for (const h of m.holdings) {
      expect(Object.keys(h)).toEqual(
        expect.arrayContaining([
          "id",
          "marketValue",
          "zspread",
          "effDuration",
          "effConvexity",
          "spreadDuration",
          "dv01",
          "krd",
          "excluded",
          "flag",
        ])
      );
      expect(Object.keys(h.krd)).toEqual(keys);
    }
    expect(m.problems).toEqual([]);
    expect(m.reconciliation.length).toBeGreaterThan(0);
    expect(m.reconciliation[0]).toMatchObject({ id: expect.any(String), field: "duration" });
  });

  it("prices every kind of the sample in the totals: bullets, callables, fixed-to-float notes, FRNs and MBS", () => {
    const out = m.holdings.filter((h) => h.excluded);
    expect(out.length).toBe(m.portfolio!.excluded);
    expect(out).toEqual([]);
    for (const kind of ["bullet", "callable", "fixed-to-float", "frn", "mbs"]) {
      const ofKind = m.holdings.filter((h) => h.type === kind);
      expect(ofKind.length).toBeGreaterThan(0);
      for (const h of ofKind) {
        expect(Number.isFinite(h.effDuration)).toBe(true);
        expect(h.marketValue).toBeGreaterThan(0);
        // Each names its engine's method and the spread it holds.
        expect(h.method).toMatch(
          kind === "bullet"
            ? /Z-spread/
            : kind === "callable" || kind === "mbs"
              ? /OAS/
              : /discount margin/
        );
      }
    }
    expect(m.holdings.every((h) => h.flag === null)).toBe(true);
  });

  it("has totals equal to the sums over the holdings in totals", () => {
    const inc = m.holdings.filter((h) => !h.excluded);
    expect(inc.length).toBe(m.portfolio!.included);
    const sum = (f: (h: (typeof inc)[number]) => number) => inc.reduce((a, h) => a + f(h), 0);
    const mv = sum((h) => h.marketValue!);
    const p = m.portfolio!;
    expect(p.marketValue).toBeCloseTo(mv, 4);
    expect(p.dv01).toBeCloseTo(
      sum((h) => h.dv01!),
      6
    );
    expect(p.effDuration).toBeCloseTo(sum((h) => h.marketValue! * h.effDuration!) / mv, 10);
    expect(p.effConvexity).toBeCloseTo(sum((h) => h.marketValue! * h.effConvexity!) / mv, 9);
    expect(p.spreadDuration).toBeCloseTo(sum((h) => h.marketValue! * h.spreadDuration!) / mv, 10);
    for (const k of Object.keys(p.krd)) {
      expect(p.krDv01[k]).toBeCloseTo(
        sum((h) => h.krDv01[k]!),
        6
      );
      expect(p.krd[k]).toBeCloseTo(sum((h) => h.marketValue! * h.krd[k]!) / mv, 10);
    }
    // DV01 = D × MV × 0.0001; KRDs sum to effective duration.
    expect(p.dv01).toBeCloseTo(p.effDuration! * p.marketValue! * 1e-4, 4);
    const krdSum = Object.values(p.krd).reduce((a, b) => a! + b!, 0)!;
    expect(Math.abs(krdSum - p.effDuration!)).toBeLessThan(1e-3);
    // Sectors partition the totals.
    const sectorMv = m.sectors.reduce((a, s) => a + s.marketValue!, 0);
    expect(sectorMv).toBeCloseTo(p.marketValue!, 4);
    expect(m.sectors.reduce((a, s) => a + (s.durationContribution ?? 0), 0)).toBeCloseTo(
      p.effDuration!,
      10
    );
    expect(m.sectors.reduce((a, s) => a + s.included, 0)).toBe(p.included);
  });

  it("prints a readable report", () => {
    const r = run("measure", sample, "--curve", sample);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/settlement\s+2025-01-02/);
    expect(r.stdout).toMatch(/effective duration\s+\d+\.\d{3} years/);
    // The spread each kind holds, with its count among the holdings in totals.
    const count = (kind: string) => m.holdings.filter((h) => h.type === kind).length;
    for (const [spread, kinds] of [
      ["Z-spread", ["bullet", "zero"]],
      ["OAS", ["callable", "mbs"]],
      ["discount margin", ["frn", "fixed-to-float"]],
    ] as const) {
      const listed = kinds.filter((k) => count(k) > 0).map((k) => `${count(k)} ${k}`);
      expect(r.stdout).toContain(`${spread} held: ${listed.join(", ")}`);
    }
    expect(r.stdout).toMatch(/KRD profile/);
    expect(r.stdout).toMatch(/\n {2}30Y\s+/);
    expect(r.stdout).toMatch(/Sectors/);
    expect(r.stdout).toMatch(/holdings in totals\s+302 \(left out: 0\)/);
    expect(r.stdout).toMatch(/Reconciliation with vendor figures/);
  });
});

describe("keyrate measure on CSV files", () => {
  const dir = mkdtempSync(join(tmpdir(), "keyrate-measure-"));
  const holdings = join(dir, "holdings.csv");
  const curve = join(dir, "curve.csv");
  writeFileSync(
    holdings,
    [
      "ID,Par,Coupon,Maturity,Price,Sector",
      "A,1000000,0.04,2030-06-30,98.75,government",
      "B,-500000,0.045,2035-02-15,99.5,corporate",
      "C,2000000,0.02,2027-01-15,95.25,government",
      "D,1000000,four,2031-01-01,99,corporate",
    ].join("\n")
  );
  writeFileSync(
    curve,
    ["Tenor,Rate", "3M,0.043", "1Y,0.041", "2Y,0.04", "5Y,0.041", "10Y,0.043", "30Y,0.046"].join(
      "\n"
    )
  );

  it("measures the good rows, lists the bad ones and exits 1", () => {
    const r = run(
      "measure",
      holdings,
      "--curve",
      curve,
      "--settle",
      "2025-01-02",
      "--kind",
      "zero_cont",
      "--interpolation",
      "monotone_convex",
      "--json"
    );
    expect(r.status).toBe(1);
    const m = JSON.parse(r.stdout) as MeasureJson;
    expect(m.settlementSource).toBe("--settle");
    expect(m.curve!).toMatchObject({
      kind: "zero_cont",
      interpolation: "monotone_convex",
      shiftOn: "zero",
    });
    expect(m.holdings.map((h) => h.id)).toEqual(["A", "B", "C"]);
    expect(m.holdings[1].marketValue).toBeLessThan(0); // a short
    expect(m.problems).toHaveLength(1);
    expect(m.problems[0]).toMatchObject({ row: 5, column: "Coupon", value: "four" });
  });

  it("explains bad usage and bad curves", () => {
    const noCurve = run("measure", holdings);
    expect(noCurve.status).toBe(1);
    expect(noCurve.stderr).toMatch(/--curve/);
    const wrongKind = run("measure", holdings, "--curve", curve, "--kind", "swap");
    expect(wrongKind.stderr).toMatch(/curve_kind/);
    const badCurve = join(dir, "bad-curve.csv");
    writeFileSync(badCurve, "Tenor,Rate\n1Y,0.04\n2Q,0.041\n");
    const bad = run("measure", holdings, "--curve", badCurve, "--settle", "2025-01-02");
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/row 3: tenor/);
  });
});

describe("curve functions through keyrate fn", () => {
  const curve =
    '[["Tenor","Rate"],["1Y",0.041],["2Y",0.04],["5Y",0.041],["10Y",0.043],["30Y",0.046]]';

  it("spills KRD rows and reports Excel errors", () => {
    const r = run(
      "fn",
      "KRD",
      "2025-01-02",
      "2035-02-15",
      "0.0425",
      "98.1",
      "2",
      curve,
      "0",
      '[["2Y","5Y","10Y"]]'
    );
    expect(r.status).toBe(0);
    const rows = JSON.parse(r.stdout) as number[][];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveLength(3);
    const eff = run(
      "fn",
      "KEYRATE.DURATION_EFF",
      "2025-01-02",
      "2035-02-15",
      "0.0425",
      "98.1",
      "2",
      curve,
      "0"
    );
    expect(rows[0].reduce((a, b) => a + b, 0)).toBeCloseTo(Number(eff.stdout), 4);
    const bad = run("fn", "DURATION_EFF", "2035-01-02", "2025-02-15", "0.0425", "98.1", "2", curve);
    expect(bad.status).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({ error: "#NUM!" });
  });
});
