/** SWAP_DV01 over ranges: values equal the core's, directions, errors. */
import { swapDv01 } from "../../../src/functions/impl/swapFunctions";
import { swapRisk } from "../../../src/core/swaps/ois";
import { KeyrateError } from "../../../src/core/errors";

const CURVE = [
  ["Tenor", "SOFR OIS"],
  ["1M", 0.0433],
  ["1Y", 0.0415],
  ["2Y", 0.0405],
  ["5Y", 0.0399],
  ["10Y", 0.0405],
  ["30Y", 0.0398],
];
const SPEC = {
  kind: "sofr_ois" as const,
  months: [1, 12, 24, 60, 120, 360],
  rates: [0.0433, 0.0415, 0.0405, 0.0399, 0.0405, 0.0398],
};

describe("SWAP_DV01", () => {
  it("gives the core's DV01 per cell: pay fixed negative, receive positive", () => {
    const out = swapDv01(
      [["5Y"], ["10Y"], [7]],
      [[1e8], [5e7], [2e7]],
      CURVE,
      [[true], [false], ["pay"]],
      "2025-01-02"
    );
    const expect1 = swapRisk(SPEC, 45659, { months: 60, notional: 1e8, payFixed: true }).dv01;
    expect(out[0][0]).toBeCloseTo(expect1, 9);
    expect(out[0][0] as number).toBeLessThan(0);
    expect(out[1][0] as number).toBeGreaterThan(0);
    expect(out[2][0]).toBeCloseTo(
      swapRisk(SPEC, 45659, { months: 84, notional: 2e7, payFixed: true }).dv01,
      9
    );
  });

  it("reports bad cells and a bad curve as Excel errors with messages", () => {
    const [[a], [b]] = swapDv01([["5Y"], ["forever"]], [[-1], [1e6]], CURVE, null, "2025-01-02");
    expect((a as KeyrateError).code).toBe("#NUM!");
    expect((b as KeyrateError).code).toBe("#VALUE!");
    const [[c]] = swapDv01("5Y", 1e6, [["5Y", 4.5]], null, "2025-01-02");
    expect((c as KeyrateError).message).toMatch(/percent/);
    const [[d]] = swapDv01("5Y", 1e6, CURVE, "maybe", "2025-01-02");
    expect((d as KeyrateError).code).toBe("#VALUE!");
  });
});
