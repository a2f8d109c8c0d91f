/** The futures functions from the command line (`npx keyrate fn`, compiled CLI in lib/). */
import { execFileSync } from "child_process";
import { join } from "path";

const bin = join(__dirname, "..", "..", "bin", "keyrate.js");
const run = (...args: string[]) =>
  execFileSync("node", [bin, ...args], { encoding: "utf8" }).trim();

describe("keyrate fn (futures)", () => {
  it("sizes a DV01 hedge and spills a calendar row", () => {
    expect(run("fn", "HEDGE_CONTRACTS", "72000", "0", "935")).toBe("-77");
    expect(run("fn", "KEYRATE.CONV_FACTOR", "TY", "0.04375", "2032-01-31", "2025-06")).toBe(
      "0.9136"
    );
    const row = JSON.parse(run("fn", "FUTURES_CALENDAR", "ZN", "2025-06"));
    expect(row).toEqual([[45807, 45826, 45838, 45799]]);
  });

  it("prints a futures error as JSON and exits 1", () => {
    let stdout = "";
    let status = 0;
    try {
      run("fn", "CONV_FACTOR", "ZN", "0.04", "2032-01-31", "2025-05");
    } catch (e) {
      stdout = (e as { stdout: string }).stdout;
      status = (e as { status: number }).status;
    }
    expect(status).toBe(1);
    expect(JSON.parse(stdout)).toEqual({
      error: "#NUM!",
      message: expect.stringMatching(/March, June, September or December/),
    });
  });
});
