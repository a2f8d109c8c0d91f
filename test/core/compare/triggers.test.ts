/** Rebalancing triggers (SPEC S8) fire and stay silent when they should; upcoming events. */
import { DEFAULT_MANDATE } from "../../../src/core/compare/mandate";
import { rebalancingTriggers } from "../../../src/core/compare/triggers";
import { upcomingEvents } from "../../../src/core/compare/events";
import { FOMC_MEETINGS } from "../../../src/core/compare/fomc";
import { contractDates } from "../../../src/core/futures/calendar";
import { contractSpec } from "../../../src/core/futures/contracts";
import { readHoldings } from "../../../src/core/holdings";
import { serialFromIso } from "../../../src/core/dates";

const d = (iso: string) => serialFromIso(iso)!;
const zn = { contract: contractSpec("ZN"), month: { y: 2025, m: 3 }, contracts: -40 };
const byRule = (asOf: number, extra: object = {}) =>
  Object.fromEntries(
    rebalancingTriggers(DEFAULT_MANDATE, { asOf, futures: [zn], ...extra }).map((t) => [
      t.rule,
      t.state,
    ])
  );

describe("rebalancing triggers", () => {
  it("DV01 drift fires above 10% of target, not at it", () => {
    expect(byRule(d("2025-01-02"), { netDv01: 110, targetDv01: 100 })["DV01 drift"]).toBe(
      "not hit"
    );
    expect(byRule(d("2025-01-02"), { netDv01: 110.01, targetDv01: 100 })["DV01 drift"]).toBe("hit");
    expect(byRule(d("2025-01-02"), { netDv01: -89.99, targetDv01: -100 })["DV01 drift"]).toBe(
      "hit"
    );
    expect(byRule(d("2025-01-02"))["DV01 drift"]).toBe("not assessed");
  });

  it("rate move above 50 bp, large cash flow above 5%, CTD switch", () => {
    const t = byRule(d("2025-01-02"), {
      rateMoveBp: 50,
      cashFlow: 5e6,
      portfolioValue: 100e6,
      ctdSwitched: [],
    });
    expect([t["Rate move"], t["Large cash flow"], t["CTD switch"]]).toEqual([
      "not hit",
      "not hit",
      "not hit",
    ]);
    const u = byRule(d("2025-01-02"), {
      rateMoveBp: -50.5,
      cashFlow: -5.1e6,
      portfolioValue: 100e6,
      ctdSwitched: ["ZNH5"],
    });
    expect([u["Rate move"], u["Large cash flow"], u["CTD switch"]]).toEqual(["hit", "hit", "hit"]);
    expect(byRule(d("2025-01-02"))["CTD switch"]).toBe("not assessed");
  });

  it("roll fires from the roll date (5 business days before first notice) until last trading", () => {
    const dates = contractDates(zn.contract, zn.month);
    expect(dates.firstNoticeDay).toBe(d("2025-02-28"));
    expect(dates.rollDate).toBe(d("2025-02-21"));
    expect(byRule(d("2025-02-20"))["Roll ZNH5"]).toBe("not hit");
    expect(byRule(d("2025-02-21"))["Roll ZNH5"]).toBe("hit");
    expect(byRule(dates.lastTradingDay)["Roll ZNH5"]).toBe("not hit");
  });
});

describe("upcoming events", () => {
  const { holdings } = readHoldings(
    [
      ["id", "par", "coupon", "maturity", "price"],
      ["BIG", 10e6, 0.04, "2030-01-15", 100],
      ["MAT", 5e6, 0.03, "2025-01-31", 100],
      ["SMALL", 99000, 0.05, "2025-01-20", 100],
    ],
    { settlement: d("2025-01-02") }
  );

  it("lists FOMC decisions, large coupons and maturities in the next 30 days, sorted", () => {
    const { events, notes } = upcomingEvents(d("2025-01-02"), holdings, [zn], {
      portfolioValue: 20e6,
    });
    expect(events.map((e) => [e.kind, e.date, e.amount])).toEqual([
      ["coupon", d("2025-01-15"), 200000],
      ["FOMC", d("2025-01-29"), NaN],
      ["maturity", d("2025-01-31"), 5e6],
    ]);
    expect(notes[0]).toMatch(/Federal Reserve/);
  });

  it("lists futures first notice in the window; says when there is no portfolio value", () => {
    const { events, notes } = upcomingEvents(d("2025-02-10"), holdings, [zn]);
    expect(events.map((e) => e.kind)).toEqual(["first notice"]);
    expect(events[0].description).toMatch(/ZNH5 first notice day \(roll by 2025-02-21\)/);
    expect(notes).toContain("no portfolio value given: maturities and coupons not listed");
  });

  it("the FOMC table: 8 two-day meetings a year 2024–2026, decision the day after the start", () => {
    for (const y of [2024, 2025, 2026])
      expect(FOMC_MEETINGS.filter((m) => m.decision.startsWith(`${y}`)).length).toBe(8);
    for (const m of FOMC_MEETINGS) expect(d(m.decision) - d(m.start)).toBe(1);
    const late = upcomingEvents(d("2026-12-15"), undefined, []);
    expect(late.notes).toContain("the FOMC table ends 2026-12-31: later meetings are not listed");
  });
});
