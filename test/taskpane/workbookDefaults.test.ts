/** The wizard's starting values: Settings sheet, then the last run, then the defaults, each sourced. */
import { startingState } from "../../src/taskpane/workbookDefaults";
import { DEFAULTS } from "../../src/taskpane/form";
import { readWorkbookSettings } from "../../src/core/settings";

const SETTINGS = readWorkbookSettings([
  ["Setting", "Value"],
  ["Settlement date", 45659],
  ["Target duration", 5],
  ["Hedge contract", "ZB Mar-2025"],
  ["Contract DV01", 140.5],
]);

describe("startingState", () => {
  it("takes what the Settings sheet gives, saying from which cell", () => {
    const { state, sources } = startingState(null, SETTINGS);
    expect(state.settlement).toBe("2025-01-02");
    expect(state.target).toBe("5");
    expect(state.contractCode).toBe("ZB");
    expect(state.contractDv01).toBe("140.5");
    expect(sources.settlement).toBe("from Settings!B2");
    expect(sources.contractCode).toBe("from Settings!B4");
    expect(state.beta).toBe(DEFAULTS.beta);
    expect(sources.beta).toBe("default");
  });

  it("the Settings sheet wins over the last run, and says what the last run used", () => {
    const { state, sources } = startingState({ settlement: "2025-01-09", beta: "0.9" }, SETTINGS);
    expect(state.settlement).toBe("2025-01-02");
    expect(sources.settlement).toBe("from Settings!B2 (the last run used 2025-01-09)");
    expect(state.beta).toBe("0.9");
    expect(sources.beta).toBe("as in the last run in this workbook");
  });

  it("without a Settings sheet: the defaults, named as such", () => {
    const { state, sources } = startingState(null, undefined);
    expect(state).toEqual(DEFAULTS);
    expect(sources.settlement).toBe("default: the next business day");
    expect(sources.target).toBe("default");
  });
});
