import fc from "fast-check";
import { format32, parse32 } from "../../src/core/quote32";
import { InvalidValueError } from "../../src/core/errors";

describe("32nds quotes", () => {
  it.each([
    ["110-16", 110.5],
    ["110-16+", 110.515625],
    ["110-165", 110.515625],
    ["110-162", 110.5078125],
    ["110-167", 110.5234375],
    ["99-31¾", 99 + 31.75 / 32],
    ["99-00", 99],
    ["110'16", 110.5],
    ["-0-08", -0.25],
  ])("%s = %d", (text, value) => expect(parse32(text)).toBe(value));

  it("passes decimal prices through", () => {
    expect(parse32(101.25)).toBe(101.25);
    expect(parse32("101.25")).toBe(101.25);
  });

  it.each(["110-32", "110-164", "abc", "110-16+5", ""])("rejects %j with #VALUE!", (text) => {
    expect(() => parse32(text)).toThrow(InvalidValueError);
  });

  it("formats", () => {
    expect(format32(110.5)).toBe("110-16");
    expect(format32(110.515625)).toBe("110-16+");
    expect(format32(110.5078125)).toBe("110-162");
    expect(format32(110.52, 32)).toBe("110-17");
    expect(format32(-0.25)).toBe("-0-08");
  });

  it("round-trips every price on the 1/256 grid", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 256 * 200 }), (units) => {
        const price = units / 256;
        expect(parse32(format32(price))).toBe(price);
      })
    );
  });
});
