/** Small portfolios for the scenario tests. */
import {
  HoldingRecord,
  holdingRecord,
  Holdings,
  packHoldings,
  Sector,
} from "../../../src/core/holdings";

export const SETTLE = 45659; // 2025-01-02

export interface BondSpec {
  years: number;
  coupon: number;
  price: number;
  par?: number;
  sector?: Sector;
  rating?: string;
  type?: HoldingRecord["type"];
  frequency?: number;
}

/** Holdings from short specs: maturity settlement + years (whole days), basis 1 for government. */
export function holdings(specs: readonly BondSpec[], settle = SETTLE): Holdings {
  return packHoldings(
    specs.map((b, i) =>
      holdingRecord({
        id: `B${i + 1}`,
        sector: b.sector ?? "government",
        type: b.type ?? "bullet",
        par: b.par ?? 1_000_000,
        coupon: b.coupon,
        maturity: settle + Math.round(b.years * 365.25),
        price: b.price,
        frequency: b.frequency ?? 2,
        basis: (b.sector ?? "government") === "government" ? 1 : 0,
        rating: b.rating ?? "",
        sourceRow: i + 2,
      })
    )
  );
}

/** A mixed portfolio: Treasuries 2–30Y and corporates. */
export const MIXED: BondSpec[] = [
  { years: 2, coupon: 0.04, price: 99.5 },
  { years: 5, coupon: 0.0425, price: 99 },
  { years: 7.3, coupon: 0.045, price: 100.2 },
  { years: 10, coupon: 0.04, price: 96 },
  { years: 20, coupon: 0.045, price: 97 },
  { years: 29.5, coupon: 0.0475, price: 99, par: 2_000_000 },
  { years: 4, coupon: 0.05, price: 100.5, sector: "corporate", rating: "A" },
  { years: 9, coupon: 0.055, price: 101, sector: "corporate", rating: "BBB" },
  { years: 12, coupon: 0.045, price: 98, sector: "municipal" },
];
