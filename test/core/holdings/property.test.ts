import fc from "fast-check";
import {
  readHoldings,
  HoldingRecord,
  Sector,
  HoldingType,
  COLUMN_SYNONYMS,
  HoldingField,
  columnLetters,
  isMissingText,
} from "../../../src/core/holdings";
import { isoFromSerial, serialFromYmd, ymdFromSerial } from "../../../src/core/dates";

const SETTLE = serialFromYmd(2025, 1, 2);
const SECTORS: Sector[] = [
  "government",
  "agency",
  "corporate",
  "securitized",
  "municipal",
  "other",
];
// Cash rows are read as overnight cash lines, not as given: see read.test.ts.
// mbs rows carry pool columns (WAC, WAM…): read in test/core/holdings/mbsRow.test.ts.
const TYPES: HoldingType[] = ["bullet", "zero", "frn", "callable"];
const BASIS_TEXT = ["30/360", "ACT/ACT", "ACT/360", "ACT/365", "30E/360"];
const FREQ_TEXT: Record<number, string> = { 1: "Annual", 2: "Semiannual", 4: "Quarterly" };
const FIELDS: HoldingField[] = [
  "id",
  "description",
  "sector",
  "type",
  "par",
  "coupon",
  "maturity",
  "price",
  "yield",
  "frequency",
  "basis",
  "rating",
  "currency",
  "vendor_duration",
  "vendor_dv01",
];

const record = fc
  .record({
    id: fc.stringMatching(/^[A-Z0-9]{9}$/),
    description: fc
      .string({ maxLength: 20 })
      .map((s) => s.trim())
      .filter((s) => !isMissingText(s) || s === ""),
    sector: fc.constantFrom(...SECTORS),
    type: fc.constantFrom(...TYPES),
    par: fc.integer({ min: -5_000_000, max: 50_000_000 }),
    coupon: fc.integer({ min: 0, max: 96 }).map((k) => k / 800),
    maturity: fc.integer({ min: SETTLE + 1, max: serialFromYmd(2075, 12, 31) }),
    price: fc.option(fc.double({ min: 0.01, max: 200, noNaN: true }), { nil: NaN }),
    yld: fc.double({ min: -0.01, max: 0.2, noNaN: true }),
    frequency: fc.constantFrom(1, 2, 4),
    basis: fc.integer({ min: 0, max: 4 }),
    rating: fc.constantFrom("", "AAA", "AA+", "A-", "BBB"),
    issuer: fc.constantFrom("", "US Treasury", "Apple Inc"),
    currency: fc.constantFrom("USD", "EUR"),
    vendorDuration: fc.option(fc.double({ min: 0, max: 30, noNaN: true }), { nil: NaN }),
    vendorDv01: fc.option(fc.double({ min: -1e5, max: 1e5, noNaN: true }), { nil: NaN }),
  })
  .map((r): Omit<HoldingRecord, "sourceRow"> => ({
    ...r,
    type: r.coupon === 0 ? "zero" : r.type === "zero" ? "bullet" : r.type,
    issueDate: NaN,
    firstCoupon: NaN,
  }));

/** Cell encodings of one record: each field in one of the forms a workbook or CSV may give. */
function cells(r: Omit<HoldingRecord, "sourceRow">, style: number): Record<HoldingField, unknown> {
  const { y, m, d } = ymdFromSerial(r.maturity);
  const maturity = [r.maturity, new Date(Date.UTC(y, m - 1, d)), isoFromSerial(r.maturity)][
    style % 3
  ];
  return {
    id: style % 2 ? r.id : { richText: [{ text: r.id }] },
    description: r.description,
    issuer: r.issuer,
    sector: style % 2 ? r.sector : r.sector.toUpperCase(),
    type: r.type,
    par: style % 2 ? r.par : String(r.par),
    coupon: r.coupon,
    maturity,
    price: Number.isNaN(r.price) ? "" : r.price,
    yield: style % 2 ? r.yld : { formula: "X", result: r.yld },
    frequency: style % 2 ? r.frequency : FREQ_TEXT[r.frequency],
    basis: style % 2 ? r.basis : BASIS_TEXT[r.basis],
    rating: r.rating,
    currency: r.currency.toLowerCase(),
    issue_date: "",
    first_coupon: "",
    vendor_duration: Number.isNaN(r.vendorDuration) ? null : r.vendorDuration,
    vendor_dv01: Number.isNaN(r.vendorDv01) ? undefined : r.vendorDv01,
    asset_class: "",
    vendor_mod_duration: "",
    vendor_market_value: "",
    vendor_weight: "",
    call_date: "",
    call_price: "",
    call_style: "",
    call_schedule: "",
    float_date: "",
    spread: "",
    discount_margin: "",
    reset_frequency: "",
    index: "",
    wac: "",
    wam: "",
    wala: "",
    factor: "",
    program: "",
    pool: "",
    prepay_speed: "",
  };
}

describe("readHoldings property", () => {
  it("round-trips a valid generated table, whatever the headers, column order and encodings", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(record, fc.nat(5), fc.boolean()), { maxLength: 30 }),
        fc.shuffledSubarray(FIELDS, { minLength: FIELDS.length }),
        fc.array(fc.nat(20), { minLength: FIELDS.length, maxLength: FIELDS.length }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 0, max: 30 }),
        (rows, order, synonymPick, originRow, originColumn) => {
          const header = order.map((f, i) => {
            // Headers stating a unit (Coupon %) are tested in units.test.ts.
            const synonyms = COLUMN_SYNONYMS[f].filter((h) => !/%|pct/.test(h));
            const s = synonyms[synonymPick[i] % synonyms.length];
            return i % 2 ? s.toUpperCase().replace(/ /g, "_") : s;
          });
          const values: unknown[][] = [header];
          const expectedRows: number[] = [];
          rows.forEach(([r, style, blankAfter]) => {
            const c = cells(r, style);
            values.push(order.map((f) => c[f]));
            expectedRows.push(originRow + values.length - 1);
            if (blankAfter) values.push(order.map(() => ""));
          });
          const {
            holdings: h,
            problems,
            mapping,
          } = readHoldings(values, {
            settlement: SETTLE,
            sheet: "P",
            originRow,
            originColumn,
          });
          expect(problems).toEqual([]);
          for (const f of order) expect(mapping[f]?.index).toBe(order.indexOf(f));
          expect(h.count).toBe(rows.length);
          expect(Array.from(h.sourceRow)).toEqual(expectedRows);
          rows.forEach(([r], i) => {
            expect(h.id[i]).toBe(r.id);
            expect(h.description[i]).toBe(r.description);
            expect(h.sector[i]).toBe(r.sector);
            expect(h.type[i]).toBe(r.type);
            expect(h.par[i]).toBe(r.par);
            expect(h.coupon[i]).toBe(r.coupon);
            expect(h.maturity[i]).toBe(r.maturity);
            expect(h.price[i]).toBe(r.price);
            expect(h.yld[i]).toBe(r.yld);
            expect(h.frequency[i]).toBe(r.frequency);
            expect(h.basis[i]).toBe(r.basis);
            expect(h.rating[i]).toBe(r.rating);
            expect(h.currency[i]).toBe(r.currency);
            expect(h.vendorDuration[i]).toBe(r.vendorDuration);
            expect(h.vendorDv01[i]).toBe(r.vendorDv01);
          });
        }
      ),
      { numRuns: 200 }
    );
  });

  it("reports one spoiled cell once, at its address, and drops only its row", () => {
    fc.assert(
      fc.property(
        fc.array(record, { minLength: 1, maxLength: 10 }),
        fc.nat(),
        fc.constantFrom<[HoldingField, unknown]>(
          ["par", "abc"],
          ["coupon", -0.01],
          ["maturity", "someday"],
          ["price", -5],
          ["frequency", 3],
          ["basis", 9],
          ["currency", "dollars"]
        ),
        (rows, which, [field, bad]) => {
          const values: unknown[][] = [FIELDS.slice()];
          for (const r of rows) {
            const c = cells(r, 1);
            values.push(FIELDS.map((f) => c[f]));
          }
          const k = which % rows.length;
          values[1 + k][FIELDS.indexOf(field)] = bad;
          const { holdings, problems } = readHoldings(values, { settlement: SETTLE, sheet: "H" });
          expect(problems).toHaveLength(1);
          expect(problems[0].cell).toBe(`H!${columnLetters(FIELDS.indexOf(field))}${2 + k}`);
          expect(problems[0].value).toBe(bad);
          expect(holdings.count).toBe(rows.length - 1);
        }
      ),
      { numRuns: 200 }
    );
  });
});
