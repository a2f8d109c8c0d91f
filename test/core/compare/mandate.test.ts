/**
 * Mandate limits: parsing and defaults, compliance states at, just inside and just outside each
 * limit, and the next review date.
 */
import {
  complianceTable,
  DEFAULT_MANDATE,
  floorState,
  leverageState,
  nextReview,
  parseMandate,
  upperState,
} from "../../../src/core/compare/mandate";
import { serialFromIso } from "../../../src/core/dates";

const d = (iso: string) => serialFromIso(iso)!;
const eps = 1e-9;

describe("mandate", () => {
  it("defaults are SPEC S8's where it gives them, and are listed as defaulted", () => {
    const { mandate, defaulted } = parseMandate(undefined);
    expect(mandate).toEqual(DEFAULT_MANDATE);
    expect(mandate.durationBand).toBe(0.5);
    expect(mandate.leverageWarning).toBe(0.2);
    expect(mandate.leverageCap).toBe(0.3);
    expect(mandate.netShortAllowed).toBe(false);
    expect(mandate.marginBuffer).toBe(2);
    expect(mandate.rebalanceThreshold).toBe(0.1);
    expect(mandate.rebalanceMoveBp).toBe(50);
    expect(defaulted).toContain("durationBand");
  });

  it("reads a limits range with a header row, any label case, percent text", () => {
    const { mandate, defaulted } = parseMandate([
      ["Limit", "Value"],
      ["duration band", 0.25],
      ["Max DV01", 120000],
      ["Maximum tracking error", "0.75%"],
      ["Net short allowed", "yes"],
      ["Review frequency", "Monthly"],
      ["Last review", "2025-01-15"],
    ]);
    expect(mandate.durationBand).toBe(0.25);
    expect(mandate.maxDv01).toBe(120000);
    expect(mandate.maxTrackingError).toBeCloseTo(0.0075, 15);
    expect(mandate.netShortAllowed).toBe(true);
    expect(mandate.reviewFrequency).toBe("monthly");
    expect(mandate.lastReview).toBe(d("2025-01-15"));
    expect(defaulted).not.toContain("durationBand");
    expect(() =>
      parseMandate([
        ["Label", "Value"],
        ["Max leverage ratio", 1],
      ])
    ).toThrow(/mandate row 2 \("Max leverage ratio"\): unknown mandate label/);
    expect(() => parseMandate([["Duration band", "wide"]])).toThrow(/expected a number/);
    expect(() => parseMandate([["Net short allowed", "maybe"]])).toThrow(/yes or no/);
  });

  it("upper limits: ok below 80%, warning from 80% to the limit inclusive, breach above", () => {
    expect(upperState(0.79, 1, 0.8)).toBe("ok");
    expect(upperState(0.8, 1, 0.8)).toBe("warning");
    expect(upperState(1, 1, 0.8)).toBe("warning");
    expect(upperState(-1, 1, 0.8)).toBe("warning");
    expect(upperState(1 + eps, 1, 0.8)).toBe("breach");
    expect(upperState(-1 - eps, 1, 0.8)).toBe("breach");
    expect(upperState(NaN, 1, 0.8)).toBe("not assessed");
    expect(upperState(5, undefined, 0.8)).toBe("not assessed");
  });

  it("floors (margin buffer 2×): breach below, warning up to 2 ÷ 0.8, ok above", () => {
    expect(floorState(2 - eps, 2, 0.8)).toBe("breach");
    expect(floorState(2, 2, 0.8)).toBe("warning");
    expect(floorState(2.5, 2, 0.8)).toBe("warning");
    expect(floorState(2.5 + eps, 2, 0.8)).toBe("ok");
  });

  it("futures leverage: warning from 20%, breach above 30%", () => {
    expect(leverageState(0.2 - eps, DEFAULT_MANDATE)).toBe("ok");
    expect(leverageState(0.2, DEFAULT_MANDATE)).toBe("warning");
    expect(leverageState(0.3, DEFAULT_MANDATE)).toBe("warning");
    expect(leverageState(0.3 + eps, DEFAULT_MANDATE)).toBe("breach");
  });

  it("the compliance table: every limit with its figure and state", () => {
    const rows = complianceTable(
      { ...DEFAULT_MANDATE, maxDv01: 50000 },
      {
        duration: 6.6,
        benchmarkDuration: 6,
        dv01: 49000,
        keysMonths: [24, 120],
        activeKrd: [0.1, -0.3],
        trackingError: 0.003,
        futuresNotional: -25e6,
        portfolioValue: 100e6,
        marginAvailable: 3e6,
        initialMargin: 1e6,
      }
    );
    const state = Object.fromEntries(rows.map((r) => [r.limit, r.state]));
    expect(state).toEqual({
      "Duration band (± benchmark)": "breach",
      "Maximum DV01": "warning",
      "Maximum |KRD gap| 2Y": "ok",
      "Maximum |KRD gap| 10Y": "breach",
      "Maximum tracking error": "ok",
      "Futures leverage cap": "warning",
      "Net short duration": "ok",
      "Margin buffer": "ok",
    });
    const band = rows[0];
    expect(band.value).toBeCloseTo(0.6, 12);
    expect(band.limitValue).toBe(0.5);
    const short = complianceTable(DEFAULT_MANDATE, { duration: -0.1 });
    expect(short.find((r) => r.limit === "Net short duration")!.state).toBe("breach");
    expect(short.find((r) => r.limit === "Margin buffer")!.state).toBe("not assessed");
    const allowed = complianceTable(
      { ...DEFAULT_MANDATE, netShortAllowed: true },
      { duration: -0.1 }
    );
    expect(allowed.find((r) => r.limit === "Net short duration")!.state).toBe("ok");
  });

  it("next review: last review + period, or the end of the current period; overdue flagged", () => {
    const q = DEFAULT_MANDATE;
    expect(nextReview(q, d("2025-02-10"))).toEqual({ date: d("2025-03-31"), overdue: false });
    expect(nextReview({ ...q, reviewFrequency: "monthly" }, d("2025-02-10")).date).toBe(
      d("2025-02-28")
    );
    expect(nextReview({ ...q, reviewFrequency: "semiannual" }, d("2025-08-01")).date).toBe(
      d("2025-12-31")
    );
    expect(nextReview({ ...q, lastReview: d("2024-11-30") }, d("2025-02-10"))).toEqual({
      date: d("2025-02-28"),
      overdue: false,
    });
    expect(nextReview({ ...q, lastReview: d("2024-10-15") }, d("2025-02-10"))).toEqual({
      date: d("2025-01-15"),
      overdue: true,
    });
  });
});
