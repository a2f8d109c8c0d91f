/** The Excel-facing wrappers: core errors become CustomFunctions.Error with code and message. */
import { FakeExcelError } from "./customFunctionsStub";

const fns = require("../../src/functions/bond");

describe("custom function wrappers", () => {
  it("returns numbers as a matrix", () => {
    expect(
      fns.DURATION_MOD([[39448]], [[42370]], [[0.08]], [[0.09]], [[2]], [[1]])[0][0]
    ).toBeCloseTo(5.73567, 5);
    expect(fns.PRICE32([["110-16+"], ["99-31¾"]])).toEqual([[110.515625], [99 + 31.75 / 32]]);
    expect(fns.TO32([[110.515625]])).toEqual([["110-16+"]]);
  });

  it("maps errors to Excel errors with a message", () => {
    const [[e]] = fns.DV01([[45000]], [[44000]], [[0.05]], [[0.05]], [[2]]);
    expect(e).toBeInstanceOf(FakeExcelError);
    expect(e.code).toBe("#NUM!");
    expect(e.message).toMatch(/before maturity/);
    const [[v]] = fns.DURATION_MAC([["yesterday"]], [[44000]], [[0.05]], [[0.05]], [[2]]);
    expect(v.code).toBe("#VALUE!");
    expect(fns.CONVEXITY([[40000]], [[44000]], [[0.05]], [[0.05]], [[2]], [[7]])[0][0].code).toBe(
      "#NUM!"
    );
  });
});
