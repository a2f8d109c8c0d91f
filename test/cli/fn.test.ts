/** `npx keyrate fn`: the same implementations from the command line (compiled CLI in lib/). */
import { execFileSync } from "child_process";
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

const bin = join(__dirname, "..", "..", "bin", "keyrate.js");
const run = (...args: string[]) =>
  execFileSync("node", [bin, ...args], { encoding: "utf8" }).trim();

describe("keyrate fn", () => {
  it("prints a scalar result", () => {
    expect(
      Number(run("fn", "DURATION_MOD", "2008-01-01", "2016-01-01", "0.08", "0.09", "2", "1"))
    ).toBeCloseTo(5.73567, 5);
    expect(run("fn", "KEYRATE.TO32", "110.515625")).toBe("110-16+");
  });

  it("takes JSON ranges and null for an omitted optional argument", () => {
    const out = JSON.parse(
      run(
        "fn",
        "DV01",
        '[["2025-01-02"],["2025-01-02"]]',
        '[["2035-01-02"],["2030-06-30"]]',
        "0.04",
        "0.045",
        "2",
        "null",
        "1000000"
      )
    );
    expect(out).toHaveLength(2);
    expect(out[0][0]).toBeGreaterThan(700);
  });

  it("prints an Excel error as JSON and exits 1", () => {
    let stdout = "";
    let status = 0;
    try {
      run("fn", "DURATION_MOD", "2016-01-01", "2008-01-01", "0.08", "0.09", "2", "1");
    } catch (e) {
      stdout = (e as { stdout: string }).stdout;
      status = (e as { status: number }).status;
    }
    expect(status).toBe(1);
    expect(JSON.parse(stdout)).toEqual({
      error: "#NUM!",
      message: expect.stringMatching(/before maturity/),
    });
  });

  it("runs the scenario, compare and hedge functions too", () => {
    // −MV·D·Δy + ½·MV·C·Δy² with MV 1e6, D 5, C 40, +100 bp.
    expect(Number(run("fn", "SCENARIO_PNL", "1000000", "5", "40", "100"))).toBeCloseTo(
      -50000 + 2000,
      6
    );
    expect(Number(run("fn", "TRACKING_ERROR", "[[0.1,0,0,0,0,0,0,0,0,0]]"))).toBeGreaterThan(0);
    expect(Number(run("fn", "HEDGE_CONTRACTS", "72000", "0", "935"))).toBe(-77);
  });

  it("runs a batch file", () => {
    const dir = mkdtempSync(join(tmpdir(), "keyrate-"));
    const file = join(dir, "cases.json");
    writeFileSync(
      file,
      JSON.stringify([
        [39448, 42370, 0.08, 0.09, 2, 1],
        [39448, 42370, 0.08, -0.09, 2, null],
        ["x", 42370, 0.08, 0.09, 2, 1],
      ])
    );
    const out = JSON.parse(run("fn", "DURATION_MOD", "--batch", file));
    expect(out[0]).toBeCloseTo(5.73567, 5);
    expect(out[1].error).toBe("#NUM!");
    expect(out[2].error).toBe("#VALUE!");
  });
});
