/**
 * The multi-contract hedge on a synthetic profile: contracts whose KR DV01s span the target's keys
 * close those keys to within one contract's KR DV01; leverage and net short respected; costs and
 * dates filled in; warnings when the notional is large.
 */
import { makeMarket } from "../../../src/core/market/market";
import { planHedge, costPerContract } from "../../../src/core/hedge/hedgePlan";
import { futuresInstrument } from "../../../src/core/hedge/futuresInstruments";
import { contractSpec } from "../../../src/core/futures/contracts";
import { DEFAULT_CURVE } from "../../../src/core/curve";

const SETTLE = 45659;
const market = makeMarket({ settlement: SETTLE, curve: DEFAULT_CURVE });
const codes = ["ZT", "ZF", "ZN", "ZB", "UB"] as const;

describe("hedge plan", () => {
  // A portfolio made of the futures themselves: long 300 ZT, 200 ZN, 100 UB (in KR DV01 terms).
  const inst = codes.map((c) => futuresInstrument(contractSpec(c), market));
  const holdings = [300, 0, 200, 0, 100];
  const portfolio = inst[0].krDv01.map((_, k) =>
    holdings.reduce((a, n, j) => a + n * inst[j].krDv01[k], 0)
  );

  it("hedges a profile its instruments span back to zero, exactly", async () => {
    const plan = await planHedge({
      mode: "krd",
      market,
      portfolio,
      target: portfolio.map(() => 0),
      portfolioValue: 1e10,
      contracts: codes.map(contractSpec),
      allowNetShort: true,
    });
    const byCode = Object.fromEntries(
      plan.trades.map((t) => [t.instrument.contract.code, t.contracts])
    );
    expect(byCode).toEqual({ ZT: -300, ZN: -200, UB: -100 });
    plan.after.forEach((v) => expect(Math.abs(v)).toBeLessThan(1e-6));
    for (const t of plan.trades) {
      expect(t.cost).toBeCloseTo(Math.abs(t.contracts) * costPerContract(t.instrument.contract), 9);
      expect(t.instrument.dates.rollDate).toBeLessThan(t.instrument.dates.firstNoticeDay);
      expect(Number.isNaN(t.margin)).toBe(true); // no margin given
    }
  });

  it("respects the leverage cap and warns on a large notional", async () => {
    const value = 4e8;
    const plan = await planHedge({
      mode: "krd",
      market,
      portfolio,
      target: portfolio.map(() => 0),
      portfolioValue: value,
      contracts: codes.map(contractSpec),
      leverageCap: 0.25,
      allowNetShort: true,
      initialMargin: { ZT: 1000, ZN: 2000, UB: 5000, ZF: 1500, ZB: 4000 },
    });
    expect(plan.notional).toBeLessThanOrEqual(0.25 * value + 1e-6);
    expect(plan.warnings.join(" ")).toMatch(/futures notional is 2\d\.\d% of portfolio value/);
    expect(plan.margin).toBeGreaterThan(0);
  });
});

describe("hedge plan with swaps", () => {
  it("adds SOFR OIS swaps as continuous instruments that close keys the futures leave open", async () => {
    const inst = futuresInstrument(contractSpec("ZN"), market);
    // A portfolio with risk at 5Y only (no futures' CTD sits there alone) plus some 10Y.
    const portfolio = inst.krDv01.map((v, k) => (k === 5 ? 50000 : 0) + 100 * v);
    const target = portfolio.map(() => 0);
    const base = {
      mode: "krd" as const,
      market,
      portfolio,
      target,
      portfolioValue: 1e10,
      allowNetShort: true,
    };
    const futuresOnly = await planHedge({ ...base, contracts: [contractSpec("ZN")] });
    const withSwaps = await planHedge({
      ...base,
      contracts: [contractSpec("ZN")],
      swapTenors: [60],
    });
    const open = (p: typeof futuresOnly) => p.after.reduce((a, v) => a + Math.abs(v), 0);
    expect(withSwaps.swaps.length).toBe(1);
    expect(withSwaps.swaps[0].units).toBeLessThan(0); // pay fixed to shorten
    expect(open(withSwaps)).toBeLessThan(0.2 * open(futuresOnly));
    expect(withSwaps.warnings.join(" ")).toMatch(/Treasury–swap basis/);
  });
});
