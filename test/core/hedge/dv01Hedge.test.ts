import fc from "fast-check";
import { hedgeContracts, sizeDv01Hedge, parseRounding } from "../../../src/core/hedge/dv01Hedge";
import { InvalidValueError, OutOfDomainError } from "../../../src/core/errors";

describe("DV01-ratio hedge", () => {
  it("sizes the issue's example: DV01 72,000 to 0 with a 935 contract is −77", () => {
    expect(hedgeContracts(72000, 0, 935)).toBe(-77);
    expect(hedgeContracts(72000, 0, 935, 1, "down")).toBe(-77);
    expect(hedgeContracts(72000, 0, 935, 1, "none")).toBeCloseTo(-72000 / 935, 12);
    expect(hedgeContracts(72000, 100000, 935)).toBe(30);
  });

  it("scales by beta", () => {
    expect(hedgeContracts(72000, 0, 935, 0.9, "none")).toBeCloseTo((-72000 / 935) * 0.9, 10);
  });

  it("rounds down toward zero, never over-hedging", () => {
    expect(hedgeContracts(1000, 0, 300, 1, "down")).toBe(-3);
    expect(hedgeContracts(1000, 0, 300, 1, "nearest")).toBe(-3);
    expect(hedgeContracts(1000, 0, 240, 1, "down")).toBe(-4);
    expect(hedgeContracts(1000, 0, 240, 1, "nearest")).toBe(-4);
    expect(hedgeContracts(1100, 0, 240, 1, "nearest")).toBe(-5);
  });

  it("a matched (unrounded) hedge brings DV01 exactly to target", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e6, max: 1e10, noNaN: true }),
        fc.double({ min: 0, max: 15, noNaN: true }),
        fc.double({ min: 0, max: 15, noNaN: true }),
        fc.double({ min: 10, max: 300, noNaN: true }),
        fc.double({ min: 0.5, max: 1.5, noNaN: true }),
        (mv, duration, target, contractDv01, beta) => {
          const h = sizeDv01Hedge(mv, duration * mv * 1e-4, target, contractDv01, beta, "none");
          expect(h.dv01After).toBeCloseTo(h.targetDv01, 6);
          expect(h.durationAfter).toBeCloseTo(target, 9);
        }
      )
    );
  });

  it("rejects bad inputs", () => {
    expect(() => hedgeContracts(1, 0, 0)).toThrow(OutOfDomainError);
    expect(() => hedgeContracts(1, 0, 10, -1)).toThrow(OutOfDomainError);
    expect(() => parseRounding("up")).toThrow(InvalidValueError);
    expect(parseRounding(null)).toBe("nearest");
    expect(parseRounding("DOWN")).toBe("down");
  });
});
