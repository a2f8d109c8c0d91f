/** The unit of a report's money: the holdings' one currency, the default, or "mixed" said out loud. */
import { perBp, reportCurrency } from "../../../src/core/report/sheetModel";
import { DEFAULT_CURRENCY } from "../../../src/core/holdings";

describe("reportCurrency", () => {
  it("is the holdings' one code, USD when there is none", () => {
    expect(reportCurrency(["EUR", "EUR"])).toBe("EUR");
    expect(reportCurrency([])).toBe(DEFAULT_CURRENCY);
    expect(DEFAULT_CURRENCY).toBe("USD");
    expect(perBp("EUR")).toBe("EUR per bp");
  });

  it("names every code when they differ, and says the sums are not converted", () => {
    expect(reportCurrency(["USD", "EUR", "USD", "GBP"])).toBe(
      "mixed: EUR, GBP, USD, not converted"
    );
  });
});
