/**
 * Packing holding records into the struct of arrays that vectorised kernels take, and back.
 */
import { FloatingTerms, HoldingRecord, Holdings } from "./types";

/**
 * A holding record with these fields, the others as a file without their columns reads them: a
 * government bullet of 1,000,000 par, semiannual on ACT/ACT, USD, no yield, dates or vendor
 * figures (for generated books: the sample, benches, tests).
 */
export function holdingRecord(
  fields: Partial<HoldingRecord> & Pick<HoldingRecord, "coupon" | "maturity" | "price">
): HoldingRecord {
  return {
    id: "B1",
    description: "",
    sector: "government",
    type: "bullet",
    par: 1_000_000,
    yld: NaN,
    frequency: 2,
    basis: 1,
    rating: "",
    currency: "USD",
    issueDate: NaN,
    firstCoupon: NaN,
    vendorDuration: NaN,
    vendorDv01: NaN,
    sourceRow: 2,
    ...fields,
  };
}

/** Holdings as a struct of typed arrays, in the order of the records. */
export function packHoldings(records: readonly HoldingRecord[]): Holdings {
  const n = records.length;
  // A plain loop: Float64Array.from with a map function is several times slower.
  const floats = (pick: (r: HoldingRecord) => number): Float64Array => {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = pick(records[i]);
    return out;
  };
  return {
    count: n,
    id: records.map((r) => r.id),
    description: records.map((r) => r.description),
    issuer: records.map((r) => r.issuer ?? ""),
    sector: records.map((r) => r.sector),
    group: records.map((r) => r.group ?? ""),
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
    vendorModDuration: floats((r) => r.vendorModDuration ?? NaN),
    vendorDv01: floats((r) => r.vendorDv01),
    vendorMarketValue: floats((r) => r.vendorMarketValue ?? NaN),
    vendorWeight: floats((r) => r.vendorWeight ?? NaN),
    sourceRow: Int32Array.from(records, (r) => r.sourceRow),
    ...(records.some((r) => r.mbs) ? { mbs: records.map((r) => r.mbs ?? null) } : {}),
    ...(records.some((r) => r.calls !== undefined)
      ? { calls: records.map((r) => r.calls ?? null) }
      : {}),
    ...(records.some(hasFloating) ? { floating: packFloating(records) } : {}),
  };
}

/** True when the record carries any floating-rate term. */
function hasFloating(r: HoldingRecord): boolean {
  return (
    r.floatDate !== undefined ||
    r.spread !== undefined ||
    r.discountMargin !== undefined ||
    r.resetFrequency !== undefined ||
    r.index !== undefined
  );
}

function packFloating(records: readonly HoldingRecord[]): FloatingTerms {
  return {
    floatDate: Float64Array.from(records, (r) => r.floatDate ?? NaN),
    spread: Float64Array.from(records, (r) => r.spread ?? NaN),
    discountMargin: Float64Array.from(records, (r) => r.discountMargin ?? NaN),
    resetFrequency: Uint16Array.from(records, (r) => r.resetFrequency ?? 0),
    index: records.map((r) => r.index ?? ""),
  };
}

/** The i-th holding as a plain record (0 ≤ i < count). */
export function holdingAt(h: Holdings, i: number): HoldingRecord {
  return {
    id: h.id[i],
    description: h.description[i],
    issuer: h.issuer?.[i] ?? "",
    sector: h.sector[i],
    group: h.group[i],
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
    vendorModDuration: h.vendorModDuration[i],
    vendorDv01: h.vendorDv01[i],
    vendorMarketValue: h.vendorMarketValue[i],
    vendorWeight: h.vendorWeight[i],
    sourceRow: h.sourceRow[i],
    ...(h.calls ? { calls: h.calls[i] } : {}),
    ...(h.floating
      ? {
          floatDate: h.floating.floatDate[i],
          spread: h.floating.spread[i],
          discountMargin: h.floating.discountMargin[i],
          resetFrequency: h.floating.resetFrequency[i],
          index: h.floating.index[i],
        }
      : {}),
    ...(h.mbs?.[i] ? { mbs: h.mbs[i] } : {}),
  };
}
