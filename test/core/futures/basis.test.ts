/**
 * Basis, carry, implied repo, forward prices and futures DV01 against QuantLib-based fixtures
 * (test/fixtures/quantlib/generate_basis.py), and the invariants that tie them together.
 * Tolerance: 1e-10 absolute (prices per 100, rates decimal), two-sided.
 */
import * as fc from "fast-check";
import fixture from "../../fixtures/quantlib/futures-basis.json";
import { basisAnalysis, bondBasis, couponDatesBetween } from "../../../src/core/futures/basis";
import { parseContract, parseDeliveryMonth } from "../../../src/core/futures/contracts";
import { lastDeliveryDay } from "../../../src/core/futures/calendar";
import { serialFromIso } from "../../../src/core/dates";
import { KeyrateError } from "../../../src/core/errors";

const TOL = 1e-10;
const d = (iso: string) => serialFromIso(iso)!;

interface FixtureBond {
  coupon: number;
  maturity: number;
  clean: number;
  cf: number;
  accrued_settlement: number;
  accrued_delivery: number;
  dirty: number;
  coupons: number;
  forward: number;
  gross_basis: number;
  invoice: number;
  carry: number;
  net_basis: number;
  implied_repo: number;
}
interface Basket {
  id: number;
  contract: string;
  month: string;
  settlement: number;
  delivery: number;
  repo: number;
  futures_price: number | null;
  futures_price_used: number;
  ctd: number;
  bonds: FixtureBond[];
}
const baskets = (fixture as unknown as { baskets: Basket[] }).baskets;

function analyse(b: Basket) {
  return basisAnalysis({
    contract: parseContract(b.contract),
    month: parseDeliveryMonth(b.month),
    settlement: b.settlement,
    delivery: b.delivery,
    repo: b.repo,
    futuresPrice: b.futures_price ?? undefined,
    coupons: Float64Array.from(b.bonds, (x) => x.coupon),
    maturities: Float64Array.from(b.bonds, (x) => x.maturity),
    cleanPrices: Float64Array.from(b.bonds, (x) => x.clean),
  });
}

describe("basis against QuantLib fixtures", () => {
  it("covers intermediate coupons and theoretical prices", () => {
    expect(baskets.length).toBe(40);
    expect(baskets.flatMap((b) => b.bonds).filter((x) => x.coupons > 0).length).toBeGreaterThan(20);
    expect(baskets.filter((b) => b.futures_price === null).length).toBeGreaterThan(5);
  });

  it.each(baskets.map((b) => [b.id, b] as const))("basket %i", (_id, b) => {
    const a = analyse(b);
    expect(Math.abs(a.futuresPrice - b.futures_price_used)).toBeLessThanOrEqual(TOL);
    expect(a.futuresPriceSource).toBe(b.futures_price === null ? "theoretical" : "given");
    expect(a.ctd).toBe(b.ctd);
    b.bonds.forEach((x, i) => {
      expect(a.conversionFactor[i]).toBe(x.cf);
      const pairs: [number, number][] = [
        [a.accruedAtSettlement[i], x.accrued_settlement],
        [a.accruedAtDelivery[i], x.accrued_delivery],
        [a.dirtyPrice[i], x.dirty],
        [a.intermediateCoupons[i], x.coupons],
        [a.forwardClean[i], x.forward],
        [a.grossBasis[i], x.gross_basis],
        [a.invoicePrice[i], x.invoice],
        [a.carry[i], x.carry],
        [a.netBasis[i], x.net_basis],
        [a.impliedRepo[i], x.implied_repo],
      ];
      for (const [ours, theirs] of pairs) expect(Math.abs(ours - theirs)).toBeLessThanOrEqual(TOL);
    });
  });
});

describe("basis invariants", () => {
  const zn = parseContract("ZN");
  const jun = parseDeliveryMonth("2025-06");
  const bonds = {
    coupons: Float64Array.of(0.04125, 0.0425, 0.04, 0.045, 0.03875),
    maturities: Float64Array.of(
      d("2032-05-31"),
      d("2032-06-30"),
      d("2032-07-31"),
      d("2033-05-15"),
      d("2032-08-15")
    ),
  };
  const arb = fc.record({
    repo: fc.double({ min: 0, max: 0.08, noNaN: true }),
    prices: fc.array(fc.double({ min: 85, max: 115, noNaN: true }), { minLength: 5, maxLength: 5 }),
    futures: fc.option(fc.double({ min: 95, max: 120, noNaN: true }), { nil: undefined }),
    daysBefore: fc.integer({ min: 1, max: 150 }),
  });

  /** The basket's analysis for a drawn case. */
  const analyse = (x: { repo: number; prices: number[]; futures?: number; daysBefore: number }) =>
    basisAnalysis({
      contract: zn,
      month: jun,
      settlement: lastDeliveryDay(zn, jun) - x.daysBefore,
      repo: x.repo,
      futuresPrice: x.futures,
      ...bonds,
      cleanPrices: Float64Array.from(x.prices),
    });

  it("net basis = (repo − implied repo)·K, so net basis = 0 ⇔ implied repo = repo", () => {
    fc.assert(
      fc.property(arb, ({ repo, prices, futures, daysBefore }) => {
        const delivery = lastDeliveryDay(zn, jun);
        const a = analyse({ repo, prices, futures, daysBefore });
        for (let i = 0; i < 5; i++) {
          const predicted = (repo - a.impliedRepo[i]) * a.repoSensitivity[i];
          expect(Math.abs(a.netBasis[i] - predicted)).toBeLessThanOrEqual(1e-9);
          // forward clean − F·CF is the same net basis
          const viaForward = a.forwardClean[i] - a.futuresPrice * a.conversionFactor[i];
          expect(Math.abs(a.netBasis[i] - viaForward)).toBeLessThanOrEqual(1e-9);
        }
        // At F = forward/CF of bond j, its net basis is 0 and its implied repo is the repo rate.
        const j = 2;
        const fj = a.forwardClean[j] / a.conversionFactor[j];
        const b = bondBasis(
          zn,
          jun,
          { coupon: bonds.coupons[j], maturity: bonds.maturities[j], cleanPrice: prices[j] },
          delivery - daysBefore,
          repo,
          fj
        );
        expect(Math.abs(b.netBasis)).toBeLessThanOrEqual(1e-9);
        expect(Math.abs(b.impliedRepo - repo)).toBeLessThanOrEqual(1e-9);
      })
    );
  });

  it("the CTD has the highest implied repo and the lowest net basis per unit of K", () => {
    fc.assert(
      fc.property(arb, ({ repo, prices, futures, daysBefore }) => {
        const a = analyse({ repo, prices, futures, daysBefore });
        const scaled = Array.from(a.netBasis, (nb, i) => nb / a.repoSensitivity[i]);
        for (let i = 0; i < 5; i++) {
          expect(a.impliedRepo[a.ctd]).toBeGreaterThanOrEqual(a.impliedRepo[i]);
          expect(scaled[a.ctd]).toBeLessThanOrEqual(scaled[i] + 1e-12);
        }
        if (futures === undefined) {
          // theoretical price: the CTD's net basis is 0 and the others' are ≥ 0
          expect(Math.abs(a.netBasis[a.ctd])).toBeLessThanOrEqual(1e-9);
          for (let i = 0; i < 5; i++) expect(a.netBasis[i]).toBeGreaterThanOrEqual(-1e-9);
        }
      })
    );
  });

  it("defaults delivery to the last delivery day", () => {
    const a = basisAnalysis({
      contract: zn,
      month: jun,
      settlement: d("2025-04-01"),
      repo: 0.043,
      futuresPrice: 110.5,
      ...bonds,
      cleanPrices: Float64Array.of(99, 100, 98, 101, 97),
    });
    expect(a.delivery).toBe(d("2025-06-30"));
    expect(a.days).toBe(90);
  });

  it("lists coupon dates after settlement up to and including delivery", () => {
    expect(couponDatesBetween(d("2025-05-15"), d("2025-11-15"), d("2032-05-15"))).toEqual([
      d("2025-11-15"),
    ]);
    expect(couponDatesBetween(d("2025-05-14"), d("2025-05-15"), d("2032-05-15"))).toEqual([
      d("2025-05-15"),
    ]);
    expect(couponDatesBetween(d("2025-05-16"), d("2025-06-30"), d("2032-05-15"))).toEqual([]);
    expect(couponDatesBetween(d("2025-01-01"), d("2025-12-31"), d("2032-02-29"))).toEqual([
      d("2025-02-28"),
      d("2025-08-31"),
    ]);
  });

  it("rejects bad inputs with the argument named", () => {
    const base = {
      contract: zn,
      month: jun,
      settlement: d("2025-04-01"),
      repo: 0.04,
      ...bonds,
      cleanPrices: Float64Array.of(99, 100, 98, 101, 97),
    };
    const fail = (over: object) => {
      try {
        basisAnalysis({ ...base, ...over });
      } catch (e) {
        return e as KeyrateError;
      }
      throw new Error("no error");
    };
    expect(fail({ settlement: d("2025-07-01") }).message).toMatch(/before delivery/);
    expect(fail({ futuresPrice: -1 }).argument).toBe("futures_price");
    expect(fail({ cleanPrices: Float64Array.of(99, 0, 98, 101, 97) }).code).toBe("#NUM!");
    expect(fail({ cleanPrices: Float64Array.of(99) }).code).toBe("#VALUE!");
    expect(fail({ repo: NaN }).argument).toBe("repo");
  });
});
