/** The Excel-facing futures wrappers: values as matrices, core errors as CustomFunctions.Error. */
import { FakeExcelError } from "./customFunctionsStub";

const fns = require("../../src/functions/futures");

describe("futures custom function wrappers", () => {
  it("returns values as matrices", () => {
    expect(fns.HEDGE_CONTRACTS([[72000]], [[0]], [[935]])).toEqual([[-77]]);
    expect(fns.ROLL_COST([[10]], [["110-16"]], [["111-00"]], undefined, [[91]])[0]).toHaveLength(2);
    expect(fns.CONV_FACTOR([["TY"]], [[0.04375]], [["2032-01-31"]], [["2025-06"]])).toEqual([
      [0.9136],
    ]);
    expect(fns.FUTURES_CALENDAR([["ZN"]], [["2025-06"]])[0]).toHaveLength(4);
  });

  it("maps errors to Excel errors with a message", () => {
    const [[e]] = fns.HEDGE_CONTRACTS([[72000]], [[0]], [[-935]]);
    expect(e).toBeInstanceOf(FakeExcelError);
    expect(e.code).toBe("#NUM!");
    expect(e.message).toMatch(/contract_dv01/);
    const [[v]] = fns.CONV_FACTOR([["ZZ"]], [[0.04]], [["2032-01-31"]], [["2025-06"]]);
    expect(v.code).toBe("#VALUE!");
  });
});
