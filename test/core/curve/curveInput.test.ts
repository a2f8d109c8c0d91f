/** Curve input: percent headers, bounded messages, a history's curve on a date; the Settings reader. */
import {
  curveFromHistory,
  isCurveHistory,
  parseCurveHistory,
  parseCurveRange,
} from "../../../src/core/curve";
import { isoFromSerial, serialFromIso } from "../../../src/core/dates";
import { settingsFromValues, settlementFromSettings } from "../../../src/core/settings";

describe("parseCurveRange", () => {
  it("reads percent rates under a percent header and keeps decimal ones", () => {
    const pct = parseCurveRange(
      [
        ["Tenor", "Rate (%)"],
        ["1Y", 4.1],
        ["2Y", "4.0"],
        ["5Y", "4.1%"],
      ],
      "par"
    );
    expect(pct.rates.map((r) => +r.toFixed(12))).toEqual([0.041, 0.04, 0.041]);
    expect(
      parseCurveRange(
        [
          ["1Y", "0.041"],
          ["2Y", 0.04],
        ],
        "par"
      ).rates
    ).toEqual([0.041, 0.04]);
  });

  it("reports a percent under a decimal header and keeps every message short", () => {
    expect(() =>
      parseCurveRange(
        [
          ["Tenor", "Rate"],
          ["1Y", 4.1],
        ],
        "par"
      )
    ).toThrow(/looks like a percent.*Rate \(%\)/);
    const rows = [["Tenor", "Rate"], ...Array.from({ length: 10000 }, (_, i) => [`x${i}`, "y"])];
    let message = "";
    try {
      parseCurveRange(rows, "par");
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/and 9997 more \(10000 in all\)$/);
    expect(message.length).toBeLessThan(400);
  });
});

describe("curve history on a date", () => {
  const values = [
    ["Date", "1 Mo", "3 Mo", "1 Yr", "10 Yr", "30 Yr"],
    ["12/31/24", 4.4, 4.37, 4.16, 4.58, 4.78],
    ["12/30/24", 4.43, 4.37, 4.17, 4.55, 4.77],
    ["1/2/90", "", 7.83, 7.81, 7.94, 8],
  ];
  const h = parseCurveHistory(values);

  it("is told apart from a tenor/rate range by its Date header", () => {
    expect(isCurveHistory(values)).toBe(true);
    expect(
      isCurveHistory([
        ["Tenor", "Rate"],
        ["1Y", 0.04],
      ])
    ).toBe(false);
  });

  it("takes the latest row on or before the date, without the tenors not published", () => {
    const a = curveFromHistory(h, serialFromIso("2025-01-02")!);
    expect(isoFromSerial(a.date)).toBe("2024-12-31");
    expect(a.spec.kind).toBe("par");
    expect(a.spec.months).toEqual([1, 3, 12, 120, 360]);
    a.spec.rates.forEach((r, j) =>
      expect(r).toBeCloseTo([0.044, 0.0437, 0.0416, 0.0458, 0.0478][j], 15)
    );
    const b = curveFromHistory(h, serialFromIso("2000-06-30")!);
    expect(isoFromSerial(b.date)).toBe("1990-01-02");
    expect(b.spec.months).toEqual([3, 12, 120, 360]);
    expect(() => curveFromHistory(h, serialFromIso("1989-12-29")!)).toThrow(
      /no curve on or before 1989-12-29; the history runs from 1990-01-02 to 2024-12-31/
    );
  });
});

describe("settings", () => {
  it("reads label/value pairs and the settlement date in any date form", () => {
    const values = [
      ["Setting", "Value"],
      ["Settlement date", "Jan 02, 2025"],
      [" Target duration ", 5],
      [42, "not a label"],
    ];
    const s = settingsFromValues(values);
    expect(s.get("target duration")).toBe(5);
    expect(s.has("42")).toBe(false);
    expect(settlementFromSettings(values)).toBe(serialFromIso("2025-01-02"));
    expect(settlementFromSettings([["Target duration", 5]])).toBeUndefined();
    expect(() => settlementFromSettings([["Settlement date", "soon"]])).toThrow(/Settlement date/);
  });
});
