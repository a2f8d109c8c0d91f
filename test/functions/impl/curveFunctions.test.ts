/**
 * The curve functions over ranges (KRD, DURATION_EFF, CONVEXITY_EFF, SPREAD_DURATION, ZSPREAD,
 * ZERO_RATES, PORTFOLIO, PORTFOLIO_KRD): the same numbers as the core for the same inputs, the
 * shapes Excel spills, and Excel errors with messages.
 */
import { makeMarket } from "../../../src/core/market/market";
import { join } from "path";
import ExcelJS from "exceljs";
import {
  convexityEff,
  defaultSettlement,
  durationEff,
  krd,
  spreadDuration,
  zeroRates,
  zspread,
} from "../../../src/functions/impl/curveFunctions";
import { portfolio, portfolioKrd } from "../../../src/functions/impl/portfolioFunctions";
import { FUNCTIONS } from "../../../src/functions/impl/registry";
import { Result } from "../../../src/functions/impl/cells";
import { KeyrateError } from "../../../src/core/errors";
import { allocateTerms } from "../../../src/core/bond";
import { CurveSpec, parseCurveRange, tenorLabel, tenorTime } from "../../../src/core/curve";
import { curveRisk, CurveRiskOptions } from "../../../src/core/risk/bondRisk";
import { DEFAULT_KEYS_MONTHS } from "../../../src/core/conventions";
import { serialFromIso } from "../../../src/core/dates";
import { readHoldings } from "../../../src/core/holdings";
import {
  curveTotals,
  holdingCurveExposure,
  krdSumTolerance,
  sectorCurveExposure,
} from "../../../src/core/portfolio/curveExposure";
import { sheetValues } from "../../../src/cli/workbookInput";

const d = (iso: string) => serialFromIso(iso)!;
const codeOf = (cell: unknown) => (cell instanceof KeyrateError ? cell.code : cell);
const messageOf = (cell: unknown) => (cell instanceof KeyrateError ? cell.message : "");

/** The 2024-12-31 US Treasury par curve, with its header row, as a range. */
const PAR_CURVE: unknown[][] = [
  ["Tenor", "Rate"],
  ["1M", 0.044],
  ["2M", 0.0439],
  ["3M", 0.0437],
  ["4M", 0.0432],
  ["6M", 0.0424],
  ["1Y", 0.0416],
  ["2Y", 0.0425],
  ["3Y", 0.0427],
  ["5Y", 0.0438],
  ["7Y", 0.0448],
  ["10Y", 0.0458],
  ["20Y", 0.0486],
  ["30Y", 0.0478],
];

const ZERO_CURVE: unknown[][] = [
  [0.25, 0.041],
  [1, 0.0405],
  [2, 0.0398],
  [5, 0.0412],
  [10, 0.0437],
  [30, 0.0462],
];

const SETTLE = "2025-01-02";
const BONDS = {
  maturity: ["2026-03-31", "2030-06-30", "2035-02-15", "2044-08-15", "2054-11-15"],
  coupon: [0.0125, 0.04, 0.0425, 0.0325, 0.045],
  price: [96.5, 98.75, 98.1, 84.2, 95.3],
  frequency: [2, 2, 2, 2, 1],
  basis: [1, 1, 0, 1, 3],
};
const col = (xs: unknown[]) => xs.map((x) => [x]);
const bondArgs = () => [
  [[SETTLE]],
  col(BONDS.maturity),
  col(BONDS.coupon),
  col(BONDS.price),
  col(BONDS.frequency),
];

/** The core's figures for the same bonds. */
function coreRisk(spec: CurveSpec, options: CurveRiskOptions) {
  const n = BONDS.maturity.length;
  const terms = allocateTerms(n);
  terms.settlement.fill(d(SETTLE));
  BONDS.maturity.forEach((m, i) => {
    terms.maturity[i] = d(m);
    terms.rate[i] = BONDS.coupon[i];
    terms.frequency[i] = BONDS.frequency[i];
    terms.basis[i] = BONDS.basis[i];
  });
  return curveRisk(d(SETTLE), terms, Float64Array.from(BONDS.price), spec, options);
}

const numbers = (r: Result) => r.map((row) => row.map((c) => c as number));

describe("bond figures against a curve", () => {
  const spec = parseCurveRange(PAR_CURVE, "par");
  const core = coreRisk(spec, { interpolation: "linear_zero" });
  const args = () => [...bondArgs(), PAR_CURVE, col(BONDS.basis)];

  it.each([
    ["DURATION_EFF", durationEff, core.effDuration],
    ["CONVEXITY_EFF", convexityEff, core.effConvexity],
    ["SPREAD_DURATION", spreadDuration, core.spreadDuration],
    ["ZSPREAD", zspread, core.zspread],
  ] as const)("%s over a column equals the core, bond by bond", (_name, fn, expected) => {
    const out = numbers(fn(...args()));
    expect(out).toHaveLength(5);
    out.forEach((row, i) => {
      expect(row).toHaveLength(1);
      expect(row[0]).toBe(expected[i]);
    });
  });

  it("reads the options: zero curve kinds and monotone convex interpolation", () => {
    const zspec = parseCurveRange(ZERO_CURVE, "zero_semi");
    const zcore = coreRisk(zspec, { interpolation: "monotone_convex" });
    const out = numbers(
      durationEff(...bondArgs(), ZERO_CURVE, col(BONDS.basis), "zero_semi", "Monotone_Convex")
    );
    out.forEach((row, i) => expect(row[0]).toBe(zcore.effDuration[i]));
    // A different kind gives different numbers.
    const cont = numbers(durationEff(...bondArgs(), ZERO_CURVE, col(BONDS.basis), "zero_cont"));
    expect(cont[2][0]).not.toBe(out[2][0]);
  });

  it("takes single cells, and bonds settling on different dates", () => {
    const one = durationEff(SETTLE, "2035-02-15", 0.0425, 98.1, 2, PAR_CURVE, 0);
    expect(one).toEqual([[core.effDuration[2]]]);
    const mixed = numbers(
      durationEff(
        [["2025-01-02"], ["2025-03-03"]],
        [["2035-02-15"], ["2035-02-15"]],
        0.0425,
        98.1,
        2,
        PAR_CURVE,
        0
      )
    );
    expect(mixed[0][0]).toBe(core.effDuration[2]);
    const later = durationEff("2025-03-03", "2035-02-15", 0.0425, 98.1, 2, PAR_CURVE, 0);
    expect(mixed[1][0]).toBe(later[0][0]);
  });
});

describe("KEYRATE.KRD", () => {
  const spec = parseCurveRange(PAR_CURVE, "par");

  it("spills one row of 10 KRDs per bond, equal to the core's par-curve KRDs", () => {
    const core = coreRisk(spec, { interpolation: "linear_zero" });
    const out = numbers(krd(...bondArgs(), PAR_CURVE, col(BONDS.basis)));
    expect(out).toHaveLength(5);
    out.forEach((row, i) => {
      expect(row).toHaveLength(10);
      row.forEach((v, k) => expect(v).toBe(core.krd[i * 10 + k]));
    });
    const single = krd(SETTLE, "2035-02-15", 0.0425, 98.1, 2, PAR_CURVE, 0);
    expect(single).toHaveLength(1);
    expect(single[0]).toEqual(out[2]);
  });

  it("sums to DURATION_EFF within the tolerance of the central differences", () => {
    const rows = numbers(krd(...bondArgs(), PAR_CURVE, col(BONDS.basis)));
    const eff = numbers(durationEff(...bondArgs(), PAR_CURVE, col(BONDS.basis)));
    rows.forEach((row, i) => {
      const years = (d(BONDS.maturity[i]) - d(SETTLE)) / 365;
      const sum = row.reduce((a, b) => a + b, 0);
      expect(Math.abs(sum - eff[i][0])).toBeLessThanOrEqual(krdSumTolerance(1, years));
    });
  });

  it("takes keys as labels or years, in a row or a column, and zero-curve shifts", () => {
    const keys = [["2Y", 5, "10Y", "30 Yr"]];
    const core = coreRisk(spec, {
      interpolation: "linear_zero",
      keysMonths: [24, 60, 120, 360],
      shiftOn: "zero",
    });
    const out = numbers(krd(...bondArgs(), PAR_CURVE, col(BONDS.basis), keys, "zero"));
    out.forEach((row, i) => expect(row).toEqual(Array.from(core.krd.slice(i * 4, i * 4 + 4))));
    const asColumn = krd(...bondArgs(), PAR_CURVE, col(BONDS.basis), col(keys[0]), "ZERO");
    expect(asColumn).toEqual(out);
  });

  it("gives a bad bond its error across its row and keeps the others", () => {
    const out = krd(
      [[SETTLE], [SETTLE], [SETTLE]],
      [["2035-02-15"], ["2024-06-30"], ["2030-06-30"]],
      [[0.0425], [0.04], [0.04]],
      [[98.1], [99], [-1]],
      2,
      PAR_CURVE
    );
    expect(out).toHaveLength(3);
    expect(out[0].every((c) => typeof c === "number")).toBe(true);
    expect(out[1].map(codeOf)).toEqual(new Array(10).fill("#NUM!"));
    expect(messageOf(out[1][0])).toMatch(/before maturity/);
    expect(out[2].map(codeOf)).toEqual(new Array(10).fill("#NUM!"));
    expect(messageOf(out[2][0])).toMatch(/price/);
  });

  it("rejects bad curves, options and shapes with #VALUE! and a message", () => {
    const bond = [SETTLE, "2035-02-15", 0.0425, 98.1, 2] as const;
    const badCurve = [
      ["Tenor", "Rate"],
      ["1Y", 0.04],
      ["7 weeks", 0.041],
      ["5Y", "abc"],
    ];
    const e1 = krd(...bond, badCurve)[0][0];
    expect(codeOf(e1)).toBe("#VALUE!");
    expect(messageOf(e1)).toMatch(/row 3: tenor/);
    expect(messageOf(e1)).toMatch(/row 4: rate "abc"/);
    const percent = krd(...bond, [["1Y", 4.1]])[0][0];
    expect(messageOf(percent)).toMatch(/percent/);
    const shift = krd(...bond, ZERO_CURVE, null, null, "par", "zero_cont")[0][0];
    expect(codeOf(shift)).toBe("#VALUE!");
    expect(messageOf(shift)).toMatch(/shift_on: "par".*zero_cont/);
    expect(messageOf(krd(...bond, PAR_CURVE, null, null, "both")[0][0])).toMatch(/shift_on/);
    expect(messageOf(krd(...bond, PAR_CURVE, null, null, null, "swap")[0][0])).toMatch(
      /curve_kind/
    );
    expect(messageOf(krd(...bond, PAR_CURVE, null, null, null, null, "cubic")[0][0])).toMatch(
      /interpolation/
    );
    const keys = krd(...bond, PAR_CURVE, null, [["5Y", "2Y"]])[0][0];
    expect(messageOf(keys)).toMatch(/keys: .*increasing/);
    expect(
      codeOf(
        krd(...bond, PAR_CURVE, null, [
          ["2Y", "5Y"],
          ["7Y", "10Y"],
        ])[0][0]
      )
    ).toBe("#VALUE!");
    const row = krd([[SETTLE, SETTLE]], [["2030-01-15", "2035-01-15"]], 0.04, 99, 2, PAR_CURVE);
    expect(row).toHaveLength(1);
    expect(messageOf(row[0][0])).toMatch(/column of bonds/);
    expect(codeOf(krd(...bond, null)[0][0])).toBe("#N/A");
    expect(codeOf(krd(...bond, [["2Y"]])[0][0])).toBe("#VALUE!");
  });

  it("is registered for the CLI with the signature Excel shows", () => {
    expect(FUNCTIONS.KRD.args).toEqual([
      "settlement",
      "maturity",
      "coupon",
      "price",
      "frequency",
      "curve",
      "[basis]",
      "[keys]",
      "[shift_on]",
      "[curve_kind]",
      "[interpolation]",
    ]);
    expect(FUNCTIONS.KRD.impl(SETTLE, "2035-02-15", 0.0425, 98.1, 2, PAR_CURVE, 0)).toEqual(
      krd(SETTLE, "2035-02-15", 0.0425, 98.1, 2, PAR_CURVE, 0)
    );
  });
});

describe("KEYRATE.ZERO_RATES", () => {
  it("returns the node rates of a zero_cont curve exactly, in the shape of the tenors", () => {
    const tenors = [
      [0.25, "1Y", "2Y"],
      ["5Y", 10, "30Y"],
    ];
    const out = zeroRates(ZERO_CURVE, tenors, "zero_cont", null, SETTLE);
    expect(out).toEqual([
      [0.041, 0.0405, 0.0398],
      [0.0412, 0.0437, 0.0462],
    ]);
    // Monotone convex also passes through the nodes.
    const mc = numbers(zeroRates(ZERO_CURVE, tenors, "zero_cont", "monotone_convex", SETTLE));
    mc.flat().forEach((v, i) => expect(v).toBeCloseTo(out.flat()[i] as number, 14));
  });

  it("converts semiannual zero rates to continuous", () => {
    const out = numbers(zeroRates(ZERO_CURVE, col(["3M", "10Y"]), "zero_semi", null, SETTLE));
    expect(out[0][0]).toBeCloseTo(2 * Math.log(1 + 0.041 / 2), 15);
    expect(out[1][0]).toBeCloseTo(2 * Math.log(1 + 0.0437 / 2), 15);
  });

  it.each(["linear_zero", "monotone_convex"])(
    "gives zero rates that reprice every par instrument of a par curve (%s)",
    (interpolation) => {
      const settle = d("2025-01-15");
      const z = (months: number) =>
        zeroRates(PAR_CURVE, [[months / 12]], "par", interpolation, settle)[0][0] as number;
      const df = (months: number) => Math.exp(-z(months) * tenorTime(settle, months));
      for (const [label, y] of PAR_CURVE.slice(1) as [string, number][]) {
        const months = label.endsWith("M")
          ? Number(label.slice(0, -1))
          : 12 * Number(label.slice(0, -1));
        if (months <= 6) {
          // Bills: 1/(1 + y·τ), τ = ACT/365.
          expect(df(months)).toBeCloseTo(1 / (1 + y * tenorTime(settle, months)), 12);
        } else {
          let pv = df(months);
          for (let m = months; m > 0; m -= 6) pv += (y / 2) * df(m);
          expect(pv).toBeCloseTo(1, 10);
        }
      }
    }
  );

  it("measures tenors from T+1 after today when settlement is omitted", () => {
    const explicit = zeroRates(PAR_CURVE, col(["1Y", "7Y"]), null, null, defaultSettlement());
    expect(zeroRates(PAR_CURVE, col(["1Y", "7Y"]))).toEqual(explicit);
  });

  it("reports bad tenors per cell and a bad curve for the whole call", () => {
    const out = zeroRates(PAR_CURVE, [["2Y", "", "2W", -1]], null, null, SETTLE);
    expect(out[0].map(codeOf)).toEqual([expect.any(Number), "#N/A", "#VALUE!", "#NUM!"]);
    const bad = zeroRates(
      [
        ["Tenor", "Rate"],
        ["2Y", 0.04],
        ["2Y", 0.041],
      ],
      "2Y"
    )[0][0];
    expect(messageOf(bad)).toMatch(/appears twice/);
  });
});

describe("KEYRATE.PORTFOLIO and PORTFOLIO_KRD on the sample holdings", () => {
  let holdings: unknown[][];
  let curve: unknown[][];
  beforeAll(async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(__dirname, "..", "..", "..", "assets", "sample-portfolio.xlsx"));
    holdings = sheetValues(book.getWorksheet("Holdings")!);
    curve = sheetValues(book.getWorksheet("Curve")!).map((r) => r.slice(0, 2));
  });
  const SAMPLE_SETTLE = d("2025-01-02");

  function core() {
    const spec = parseCurveRange(curve, "par");
    const { holdings: h } = readHoldings(holdings, { settlement: SAMPLE_SETTLE });
    const x = holdingCurveExposure(h, makeMarket({ settlement: SAMPLE_SETTLE, curve: spec }));
    return { h, x, totals: curveTotals(x), sectors: sectorCurveExposure(h, x) };
  }

  it("spills a labelled table of equal-width rows with the core's totals", () => {
    const out = portfolio(holdings, curve, SAMPLE_SETTLE);
    const { totals: t, sectors, x } = core();
    expect(new Set(out.map((r) => r.length))).toEqual(new Set([6]));
    const byLabel = new Map(out.map((r) => [r[0], r]));
    expect(byLabel.get("Settlement")![1]).toBe("2025-01-02");
    expect(byLabel.get("Market value")!.slice(1, 3)).toEqual([t.marketValue, "money"]);
    expect(byLabel.get("Effective duration")!.slice(1, 3)).toEqual([t.effDuration, "years"]);
    expect(byLabel.get("Effective convexity")!.slice(1, 3)).toEqual([t.effConvexity, "years²"]);
    expect(byLabel.get("Spread duration")![1]).toBe(t.spreadDuration);
    expect(byLabel.get("Effective DV01")!.slice(1, 3)).toEqual([t.dv01, "money per bp"]);
    expect(byLabel.get("Holdings in totals")![1]).toBe(t.included);
    expect(byLabel.get("Holdings left out")![1]).toBe(t.excluded);
    // Every kind in the sample has an engine now: left out are only rows an engine could not price.
    expect(t.excluded).toBe(x.excluded.filter((e) => e !== null).length);
    DEFAULT_KEYS_MONTHS.forEach((m, k) => {
      const row = byLabel.get(`KRD ${tenorLabel(m)}`)!;
      expect(row.slice(1, 3)).toEqual([t.krd[k], "years"]);
      expect(row[3]).toMatch(/par curve/);
    });
    const check = byLabel.get("KRD sum − effective duration")!;
    expect(Math.abs(check[1] as number)).toBeLessThan(1e-3);
    expect(x.flag.every((f) => f === null)).toBe(true);
    const header = out.findIndex((r) => r[0] === "Sector");
    expect(out[header]).toEqual([
      "Sector",
      "Market value",
      "Weight",
      "Effective duration",
      "Contribution to duration",
      "Effective DV01",
    ]);
    const sectorRows = out.slice(header + 1);
    expect(sectorRows.map((r) => r[0])).toEqual(sectors.map((s) => s.sector));
    sectorRows.forEach((r, i) => {
      expect(r[1]).toBe(sectors[i].marketValue);
      expect(r[5]).toBe(sectors[i].dv01);
    });
    const contributions = sectorRows.reduce((a, r) => a + (typeof r[4] === "number" ? r[4] : 0), 0);
    expect(contributions).toBeCloseTo(t.effDuration, 10);
  });

  it("PORTFOLIO_KRD is the profile row, and takes keys", () => {
    const { totals: t } = core();
    const row = portfolioKrd(holdings, curve, "2025-01-02");
    expect(row).toEqual([Array.from(t.krd)]);
    const three = numbers(portfolioKrd(holdings, curve, "2025-01-02", [["2Y", "10Y", "30Y"]]));
    expect(three[0]).toHaveLength(3);
    expect(three[0].reduce((a, b) => a + b, 0)).toBeCloseTo(t.effDuration, 3);
  });

  it("reports bad holdings rows with #VALUE!: the first problems and the count", () => {
    const bad = holdings.map((r) => [...r]);
    const couponCol = bad[0].findIndex((h) => String(h).toLowerCase() === "coupon");
    const maturityCol = bad[0].findIndex((h) => String(h).toLowerCase() === "maturity");
    bad[3][couponCol] = "four";
    bad[5][maturityCol] = "someday";
    bad[9][couponCol] = 4.5;
    bad[12][couponCol] = "x";
    const e = portfolio(bad, curve, SAMPLE_SETTLE)[0][0];
    expect(codeOf(e)).toBe("#VALUE!");
    expect(messageOf(e)).toMatch(/^holdings: 4 problems/);
    expect(messageOf(e)).toMatch(/row 4, column Coupon: "four", expected .*decimal/);
    expect(messageOf(e)).toMatch(/row 6, column Maturity: "someday", expected a date/);
    expect(messageOf(e)).toMatch(/and 1 more/);
    expect(codeOf(portfolioKrd(bad, curve, SAMPLE_SETTLE)[0][0])).toBe("#VALUE!");
    expect(codeOf(portfolio([holdings[0]], curve, SAMPLE_SETTLE)[0][0])).toBe("#N/A");
    expect(codeOf(portfolio(holdings, [["1Y", "x%"]], SAMPLE_SETTLE)[0][0])).toBe("#VALUE!");
  });
});
