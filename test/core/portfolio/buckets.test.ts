/**
 * Maturity buckets: half-open calendar intervals [a, b) from settlement (EDATE), both edges of
 * each bucket checked.
 */
import { MATURITY_BUCKETS, maturityBucket } from "../../../src/core/portfolio/buckets";
import { serialFromYmd } from "../../../src/core/dates";

const SETTLE = serialFromYmd(2025, 1, 2);
const at = (y: number, m: number, d: number) => maturityBucket(SETTLE, serialFromYmd(y, m, d));

describe("maturityBucket", () => {
  it("has PORT's edges, labelled with an en dash", () => {
    expect(MATURITY_BUCKETS.map((b) => b.label)).toEqual([
      "0–1",
      "1–3",
      "3–5",
      "5–7",
      "7–10",
      "10–20",
      "20+",
    ]);
  });

  it.each([
    [[2025, 1, 3], "0–1"],
    [[2026, 1, 1], "0–1"],
    [[2026, 1, 2], "1–3"], // exactly one year: the upper bucket
    [[2028, 1, 1], "1–3"],
    [[2028, 1, 2], "3–5"],
    [[2030, 1, 1], "3–5"],
    [[2030, 1, 2], "5–7"],
    [[2032, 1, 2], "7–10"],
    [[2035, 1, 1], "7–10"],
    [[2035, 1, 2], "10–20"],
    [[2045, 1, 1], "10–20"],
    [[2045, 1, 2], "20+"],
    [[2075, 6, 30], "20+"],
  ])("maturity %j → %s", ([y, m, d], label) => {
    expect(at(y, m, d)).toBe(label);
  });

  it("puts a matured bond (on or before settlement) in no bucket", () => {
    expect(maturityBucket(SETTLE, SETTLE)).toBeUndefined();
    expect(maturityBucket(SETTLE, SETTLE - 1)).toBeUndefined();
  });

  it("counts years in calendar months from a month end (EDATE clamps the day)", () => {
    const feb29 = serialFromYmd(2024, 2, 29);
    // EDATE(2024-02-29, 12) = 2025-02-28: that day is one year.
    expect(maturityBucket(feb29, serialFromYmd(2025, 2, 27))).toBe("0–1");
    expect(maturityBucket(feb29, serialFromYmd(2025, 2, 28))).toBe("1–3");
  });
});
