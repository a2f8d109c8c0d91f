/** The scenario library table: round trip, combinations, and errors that name the row. */
import {
  defaultScenarios,
  libraryTable,
  parseScenarioLibrary,
  Scenario,
  LIBRARY_COLUMNS,
} from "../../../src/core/scenarios";

const asRange = (t: ReturnType<typeof libraryTable>) => [t.header, ...t.rows];

describe("scenario library", () => {
  it("round-trips the default library (every shape, spreads, combinations, the episodes)", () => {
    const scenarios = defaultScenarios();
    expect(parseScenarioLibrary(asRange(libraryTable(scenarios)))).toEqual(scenarios);
  });

  it("round-trips a combined scenario with rating rules, a custom vector and a swap spread", () => {
    const s: Scenario[] = [
      {
        name: "Mixed",
        rates: [
          { kind: "parallel", bp: 10 },
          { kind: "custom", months: [18, 84], bp: [5, -7.5] },
          { kind: "butterfly", bp: -15, pivotMonths: 120 },
        ],
        spreads: [
          { sector: "corporate", rating: "BBB", bp: 40 },
          { sector: "all", rating: "", bp: 5 },
        ],
        swapSpreadBp: -3,
        note: "desk view",
      },
    ];
    const t = libraryTable(s);
    expect(t.rows).toHaveLength(3);
    expect(t.header).toContain("18M");
    expect(parseScenarioLibrary(asRange(t))).toEqual(s);
  });

  it("reads rows a user typed: blank names continue, headers in any case, pivot default 5Y", () => {
    const range = [
      ["scenario", "SHAPE", "size bp", "sector", "spread bp", "2Y", "10 Yr"],
      ["Steeper", "bear steepener", 30, "", "", "", ""],
      ["", "", "", "corporate", 20, "", ""],
      ["Custom", "custom", "", "", "", -10, 15],
    ];
    expect(parseScenarioLibrary(range)).toEqual([
      {
        name: "Steeper",
        rates: [{ kind: "bear_steepener", bp: 30, pivotMonths: 60 }],
        spreads: [{ sector: "corporate", rating: "", bp: 20 }],
        swapSpreadBp: 0,
      },
      {
        name: "Custom",
        rates: [{ kind: "custom", months: [24, 120], bp: [-10, 15] }],
        spreads: [],
        swapSpreadBp: 0,
      },
    ]);
  });

  it("reports every bad row with its number", () => {
    const range = [
      [...LIBRARY_COLUMNS],
      ["A", "wiggle", 10],
      ["B", "parallel", ""],
      ["C", "", "", "", "corporate"],
      ["A", "parallel", 5],
    ];
    expect(() => parseScenarioLibrary(range)).toThrow(
      /row 2: Shape: expected .*; row 3: parallel: Size, bp is empty; row 4: a Sector or Rating needs a Spread, bp; row 5: scenario "A" appears again/
    );
    expect(() => parseScenarioLibrary([["Shape"], ["parallel"]])).toThrow(/no "Scenario" column/);
  });
});
