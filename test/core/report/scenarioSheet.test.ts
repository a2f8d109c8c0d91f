/** The Scenario Analysis and Scenario Library sheet models. */
import { makeMarket } from "../../../src/core/market/market";
import { DEFAULT_CURVE } from "../../../src/core/curve";
import { shownValue } from "../../../src/core/report/sheetModel";
import { buildLibrarySheet, buildScenarioSheet } from "../../../src/core/report/scenarioSheet";
import {
  analyseScenarios,
  defaultScenarios,
  parseScenarioLibrary,
} from "../../../src/core/scenarios";
import { scenarioResults } from "../../../src/core/scenarios/analysis";
import { holdings, MIXED, SETTLE } from "../scenarios/fixtures";

describe("scenario sheets", () => {
  const a = analyseScenarios({
    holdings: holdings(MIXED),
    market: makeMarket({ settlement: SETTLE, curve: DEFAULT_CURVE, interpolation: "linear_zero" }),
    scenarios: defaultScenarios().slice(0, 8),
    hedges: [{ kind: "swap", swap: { months: 120, notional: 3_000_000, payFixed: true } }],
  });
  const sheet = buildScenarioSheet(scenarioResults(a), {
    source: "test",
    curveDescription: "2024-12-31 par",
    runDate: "2025-01-02",
    currency: "USD",
  });
  const values = sheet.rows.map((r) => r.map(shownValue));

  it("has one matrix row per scenario with the analysis' figures, every column naming its unit", () => {
    const header = values.findIndex((r) => r[0] === "Scenario");
    for (const h of values[header].slice(2)) expect(String(h)).toMatch(/USD|%|method/i);
    a.rows.forEach((r, k) => {
      const row = values[header + 1 + k];
      expect(row[0]).toBe(r.scenario.name);
      expect(row[2]).toBe(r.unhedged);
      expect(row[4]).toBe(r.hedged);
      expect(row[8]).toBe(r.horizon.totalReturn);
      expect(row[12]).toBe(r.hedgedTotalReturn);
      expect(row[16]).toBe(r.estimateError);
    });
  });

  it("states the breakevens and the carry in bp and money", () => {
    const find = (label: string) => values.find((r) => r[0] === label)!;
    expect(find("Breakeven, unhedged")[2]).toBe(a.breakevenUnhedged);
    expect(find("Breakeven, unhedged")[3]).toBe("bp");
    expect(find("Horizon carry")[2]).toBe(a.carry.totalReturn);
  });

  it("writes a library sheet that reads back into the same scenarios", () => {
    const lib = buildLibrarySheet(defaultScenarios());
    const range = lib.rows.map((r) => r.map(shownValue));
    expect(parseScenarioLibrary(range)).toEqual(defaultScenarios());
  });
});
