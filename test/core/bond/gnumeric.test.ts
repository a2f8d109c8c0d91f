/**
 * Excel compatibility against Gnumeric 1.12 (an independent spreadsheet engine), on the committed
 * fixtures of test/fixtures/gnumeric/generate.py: 1,300 random bonds across bases 0–4, frequencies
 * 1/2/4, end-of-month maturities, leap days and single final periods.
 * Tolerances: COUP* exact; PRICE and YIELD 1e-9 relative; DURATION/MDURATION 1e-9 relative on
 * coupon dates (where Gnumeric's own are Excel's); modified duration 1e-7 relative against the
 * Richardson central difference of Gnumeric's PRICE everywhere.
 */
import fixture from "../../fixtures/gnumeric/bond-cases.json";
import {
  Basis,
  bondRisk,
  coupons,
  Frequency,
  price,
  yieldOf,
  riskFromYield,
  allocateTerms,
  setTerms,
} from "../../../src/core/bond";

interface Case {
  id: number;
  settlement: number;
  maturity: number;
  rate: number;
  yld: number;
  frequency: number;
  basis: number;
  tags: string[];
  on_coupon_date: boolean;
  price: number;
  yield_from_price: number;
  couppcd: number;
  coupncd: number;
  coupnum: number;
  coupdays: number;
  coupdaybs: number;
  coupdaysnc: number;
  duration: number;
  mduration: number;
  h: number;
  price_up1: number;
  price_dn1: number;
  price_up2: number;
  price_dn2: number;
}

const cases = fixture.cases as Case[];
const bondOf = (c: Case) => ({
  settlement: c.settlement,
  maturity: c.maturity,
  rate: c.rate,
  frequency: c.frequency as Frequency,
  basis: c.basis as Basis,
});
const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

describe("against Gnumeric", () => {
  it("has a broad fixture", () => {
    expect(cases.length).toBeGreaterThanOrEqual(1000);
    for (const basis of [0, 1, 2, 3, 4])
      expect(cases.filter((c) => c.basis === basis).length).toBeGreaterThan(100);
    for (const tag of ["eom", "leap", "single-period", "coupon-date"]) {
      expect(cases.filter((c) => c.tags.includes(tag)).length).toBeGreaterThan(50);
    }
  });

  it("reproduces COUPPCD, COUPNCD, COUPNUM, COUPDAYS, COUPDAYBS, COUPDAYSNC exactly", () => {
    const bad = cases.filter((c) => {
      const p = coupons(bondOf(c));
      return (
        p.pcd !== c.couppcd ||
        p.ncd !== c.coupncd ||
        p.n !== c.coupnum ||
        p.e !== c.coupdays ||
        p.a !== c.coupdaybs ||
        p.dsc !== c.coupdaysnc
      );
    });
    expect(bad.map((c) => c.id)).toEqual([]);
  });

  it("reproduces PRICE to 1e-9 relative", () => {
    const worst = Math.max(...cases.map((c) => rel(price(bondOf(c), c.yld), c.price)));
    expect(worst).toBeLessThan(1e-9);
  });

  it("reproduces YIELD to 1e-9 relative and round-trips its own price", () => {
    let worst = 0;
    for (const c of cases) {
      worst = Math.max(worst, rel(yieldOf(bondOf(c), c.price), c.yield_from_price));
      expect(yieldOf(bondOf(c), price(bondOf(c), c.yld))).toBeCloseTo(c.yld, 12);
    }
    expect(worst).toBeLessThan(1e-9);
  });

  it("gives the modified duration of Gnumeric's PRICE between coupon dates (1e-7 vs Richardson difference)", () => {
    let worst = 0;
    for (const c of cases) {
      const r = bondRisk(bondOf(c), c.yld);
      const slope = (8 * (c.price_up1 - c.price_dn1) - (c.price_up2 - c.price_dn2)) / (12 * c.h);
      worst = Math.max(worst, rel(r.modified, -slope / r.dirty));
      expect(r.dirty).toBeCloseTo(r.clean + r.accrued, 10);
    }
    expect(worst).toBeLessThan(1e-7);
  });

  it("equals Gnumeric's DURATION and MDURATION on coupon dates (1e-9)", () => {
    // Gnumeric's own durations ignore the settlement fraction; on a coupon date with a full period
    // ahead (DSC = E) there is none, and they are Excel's.
    const onCoupon = cases.filter(
      (c) => c.on_coupon_date && c.coupnum > 1 && c.coupdaysnc === c.coupdays
    );
    expect(onCoupon.length).toBeGreaterThan(100);
    for (const c of onCoupon) {
      const r = bondRisk(bondOf(c), c.yld);
      expect(rel(r.macaulay, c.duration)).toBeLessThan(1e-9);
      expect(rel(r.modified, c.mduration)).toBeLessThan(1e-9);
    }
  });

  it("reproduces the examples of Excel's documentation", () => {
    const [mdur, dur, pr, yl] = fixture.documented;
    const b = (a: (number | string)[]) => ({
      settlement: a[0] as number,
      maturity: a[1] as number,
      rate: a[2] as number,
      frequency: a[a.length - 2] as Frequency,
      basis: a[a.length - 1] as Basis,
    });
    expect(bondRisk(b(mdur.args), mdur.args[3] as number).modified).toBeCloseTo(5.73567, 5);
    expect(bondRisk(b(dur.args), dur.args[3] as number).macaulay).toBeCloseTo(10.9191453, 7);
    expect(price(b(pr.args), pr.args[3] as number)).toBeCloseTo(94.63436, 5);
    expect(yieldOf(b(yl.args), yl.args[3] as number)).toBeCloseTo(0.065, 7);
    expect(rel(bondRisk(b(mdur.args), 0.09).modified, mdur.gnumeric)).toBeLessThan(1e-12);
  });

  it("computes a whole range in one array call identically to the scalar form", () => {
    const terms = allocateTerms(cases.length);
    cases.forEach((c, i) => setTerms(terms, i, bondOf(c)));
    const risk = riskFromYield(
      terms,
      Float64Array.from(cases, (c) => c.yld)
    );
    cases.forEach((c, i) => expect(risk.clean[i]).toBe(price(bondOf(c), c.yld)));
  });
});
