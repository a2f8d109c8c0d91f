/**
 * The hedge problem `npm run bench` times and test/core/hedge/optimiser.test.ts pins the answer
 * of: 8 futures (whole contracts, ±2,000; each loads its CTD's main key and its neighbours) and 10
 * swaps (continuous notionals in millions, ±500) over the 10 default keys, "cost" mode, a 30%
 * leverage cap and the no-net-short rule. Deterministic (seeded), so both see the same problem.
 */

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32). */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The bench problem, as HedgeProblem (src/core/hedge/hedgeProblem.ts). */
function optimiserBenchProblem() {
  const r = rng(4);
  const keys = ["3M", "6M", "1Y", "2Y", "3Y", "5Y", "7Y", "10Y", "20Y", "30Y"];
  const futureKeys = [3, 4, 5, 6, 7, 7, 8, 9]; // ZT Z3N ZF 7Y ZN TN ZB UB: main key of each CTD
  const instruments = futureKeys.map((main, j) => ({
    name: `F${j}`,
    krDv01: keys.map((_k, k) =>
      k === main ? 40 + 30 * main : Math.abs(k - main) === 1 ? 5 + 3 * r() * main : 0
    ),
    notional: 100000 + 100000 * Number(j < 2),
    cost: 10 + 5 * r(),
    min: -2000,
    max: 2000,
  }));
  for (let s = 0; s < 10; s++) {
    const tenor = s + 1 > 9 ? 9 : s; // swap s loads key s and its neighbour
    instruments.push({
      name: `S${s}`,
      krDv01: keys.map((_k, k) => (k === tenor ? 80 * (k + 1) : k === tenor - 1 ? 10 * k : 0)),
      notional: 0,
      cost: 50 + 50 * r(),
      integer: false,
      min: -500,
      max: 500,
    });
  }
  const portfolio = keys.map((_k, k) => 2000 + 8000 * r() * (k + 1));
  return {
    mode: "cost",
    keys,
    portfolio,
    target: portfolio.map((v) => 0.6 * v),
    weights: keys.map(() => 5),
    instruments,
    portfolioValue: 1e9,
    leverageCap: 0.3,
    allowNetShort: false,
  };
}

module.exports = { rng, optimiserBenchProblem };
