/**
 * Option overlays from the command line: `keyrate demo --sizing krd --options HEDGES.csv` offers
 * the file's option rows to the optimiser (as the pane's hedges range does), `--min-gamma` and
 * `--buy-back` set its gamma row; the summary names the option trades and the gamma they add.
 * Misused flags are refused with what to give.
 */
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { runDemo } from "../../src/cli/demo";

jest.setTimeout(600_000);
const dir = mkdtempSync(join(tmpdir(), "keyrate-options-"));
const hedges = join(dir, "hedges.csv");
// Expiries 12 and 6 months after the sample's settlement (2025-01-02).
writeFileSync(
  hedges,
  [
    "Instrument,Quantity,Expiry,Strike,Vol",
    "SOFR 10Y payer,1,2026-01-02,0.04,0.009",
    "SOFR 5Y receiver,1,2025-07-02,0.039,0.009",
  ].join("\n")
);

async function run(args: string[]): Promise<{ code: number; text: string }> {
  const lines: string[] = [];
  const code = await runDemo(["--out", join(dir, "out.xlsx"), ...args], (t) => void lines.push(t));
  return { code, text: lines.join("\n") };
}

describe("keyrate demo --options", () => {
  it("buys options from the file to reach the least gamma asked for, and says so", async () => {
    const { code, text } = await run([
      "--sizing",
      "krd",
      "--options",
      hedges,
      "--min-gamma",
      "5000",
      "--buy-back",
      "0.5",
    ]);
    expect(code).toBe(0);
    expect(text).toMatch(/(BUY|SELL) [\d,]+ (contracts|notional) of SOFR/);
    expect(text).toMatch(/convexity +.*the options bought take gamma to [\d,]+\./);
  });

  it("refuses options without the optimiser, a buy-back without options, a fraction above 1", async () => {
    await expect(run(["--options", hedges])).rejects.toThrow(/give --sizing krd/);
    await expect(run(["--sizing", "krd", "--buy-back", "0.5"])).rejects.toThrow(
      /give --options FILE/
    );
    await expect(
      run(["--sizing", "krd", "--options", hedges, "--buy-back", "1.5"])
    ).rejects.toThrow(/--buy-back: expected a fraction, 0–1/);
  });
});
