/**
 * Packing holding records into the struct of arrays that vectorised kernels take, and back.
 */
import { HoldingRecord, Holdings } from "./types";

/** Holdings as a struct of typed arrays, in the order of the records. */
export function packHoldings(records: readonly HoldingRecord[]): Holdings {
  const n = records.length;
  const floats = (pick: (r: HoldingRecord) => number): Float64Array =>
    Float64Array.from(records, pick);
  return {
    count: n,
    id: records.map((r) => r.id),
    description: records.map((r) => r.description),
    issuer: records.map((r) => r.issuer ?? ""),
    sector: records.map((r) => r.sector),
    type: records.map((r) => r.type),
    par: floats((r) => r.par),
    coupon: floats((r) => r.coupon),
    maturity: floats((r) => r.maturity),
    price: floats((r) => r.price),
    yld: floats((r) => r.yld),
    frequency: Uint8Array.from(records, (r) => r.frequency),
    basis: Uint8Array.from(records, (r) => r.basis),
    rating: records.map((r) => r.rating),
    currency: records.map((r) => r.currency),
    issueDate: floats((r) => r.issueDate),
    firstCoupon: floats((r) => r.firstCoupon),
    vendorDuration: floats((r) => r.vendorDuration),
    vendorDv01: floats((r) => r.vendorDv01),
    sourceRow: Int32Array.from(records, (r) => r.sourceRow),
  };
}

/** The i-th holding as a plain record (0 ≤ i < count). */
export function holdingAt(h: Holdings, i: number): HoldingRecord {
  return {
    id: h.id[i],
    description: h.description[i],
    issuer: h.issuer?.[i] ?? "",
    sector: h.sector[i],
    type: h.type[i],
    par: h.par[i],
    coupon: h.coupon[i],
    maturity: h.maturity[i],
    price: h.price[i],
    yld: h.yld[i],
    frequency: h.frequency[i],
    basis: h.basis[i],
    rating: h.rating[i],
    currency: h.currency[i],
    issueDate: h.issueDate[i],
    firstCoupon: h.firstCoupon[i],
    vendorDuration: h.vendorDuration[i],
    vendorDv01: h.vendorDv01[i],
    sourceRow: h.sourceRow[i],
  };
}
