/**
 * Types of a holdings table read from a worksheet range (SPEC S2 "Holdings").
 *
 * Units follow SPEC S3: coupons and yields are decimals (0.045 for 4.5%), prices are clean per 100
 * of par, par is face amount in the portfolio currency (negative for a short), dates are Excel
 * serial numbers (1900 date system), day counts are Excel basis codes 0–4.
 */
import type { CallSchedule } from "../instruments/callSchedule";
import type { MbsTerms } from "../mbs/terms";

/** Broad sector of a holding; drives the default day count and sector contributions. */
export type Sector =
  "government" | "agency" | "corporate" | "securitized" | "municipal" | "cash" | "other";

/** Cash-flow structure of a holding. Callables and MBS need OAS-based effective durations. */
export type HoldingType = "bullet" | "zero" | "frn" | "callable" | "fixed-to-float" | "mbs";

/** Every column a holdings range may carry, by canonical field name. */
export const HOLDING_FIELDS = [
  "id",
  "description",
  "issuer",
  "par",
  "coupon",
  "maturity",
  "price",
  "yield",
  "frequency",
  "basis",
  "sector",
  "asset_class",
  "type",
  "rating",
  "currency",
  "issue_date",
  "first_coupon",
  "vendor_duration",
  "vendor_mod_duration",
  "vendor_dv01",
  "vendor_market_value",
  "vendor_weight",
  "call_date",
  "call_price",
  "call_style",
  "call_schedule",
  "float_date",
  "spread",
  "discount_margin",
  "reset_frequency",
  "index",
  "wac",
  "wam",
  "wala",
  "factor",
  "program",
  "pool",
  "prepay_speed",
] as const;

/** Canonical name of a holdings column. */
export type HoldingField = (typeof HOLDING_FIELDS)[number];

/** Where a field was found: the 0-based column index inside the range and the header text. */
export interface ColumnMatch {
  readonly index: number;
  readonly header: string;
  /** How the column's numbers are read, in words ("percent", "in thousands (× 1,000)"), when it has a unit. */
  readonly unit?: string;
}

/** Field → matched column, `null` when the range has no such column. */
export type ColumnMapping = Record<HoldingField, ColumnMatch | null>;

/**
 * A user's correction of the automatic mapping, per field: a 0-based column index inside the
 * range, a header text (matched like an automatic header), a {@link ColumnMatch} (its index is
 * used), or `null` to leave the field unmapped. Fields not given keep the automatic match.
 */
export type ColumnOverride = Partial<Record<HoldingField, ColumnMatch | number | string | null>>;

/**
 * Holdings as a struct of arrays, one entry per valid row, in worksheet order, ready for
 * vectorised kernels. Typed arrays hold NaN where an optional number is absent.
 */
export interface Holdings {
  /** Number of holdings (length of every array). */
  readonly count: number;
  /** CUSIP, ISIN or user id, trimmed text. */
  readonly id: string[];
  /** Free text; "" when absent. */
  readonly description: string[];
  /** Issuer name or ticker as given (for the by-issuer breakdown); absent or "" when not given. */
  readonly issuer?: string[];
  readonly sector: Sector[];
  /**
   * The sector as the file labels it ("Banking", "Treasuries", "Cash and/or Derivatives"): the
   * group label of reports; "" when the file has no sector column.
   */
  readonly group: string[];
  readonly type: HoldingType[];
  /** Face amount held, money in the portfolio currency; negative for a short. */
  readonly par: Float64Array;
  /** Annual coupon rate, decimal (0.045 for 4.5%); 0 for a zero-coupon bond. */
  readonly coupon: Float64Array;
  /** Maturity date, Excel serial. */
  readonly maturity: Float64Array;
  /** Clean price per 100 of par; NaN when not given. */
  readonly price: Float64Array;
  /** Yield, decimal; NaN when not given. At least one of price and yield is a number. */
  readonly yld: Float64Array;
  /** Coupons per year: 1, 2 or 4 (default 2). */
  readonly frequency: Uint8Array;
  /**
   * Excel day-count basis: 0 US 30/360, 1 actual/actual, 2 actual/360, 3 actual/365, 4 European
   * 30/360. Default 1 for government, 0 otherwise.
   */
  readonly basis: Uint8Array;
  /** Credit rating text as given; "" when absent. */
  readonly rating: string[];
  /** ISO currency code, upper case; default "USD". */
  readonly currency: string[];
  /** Issue date, Excel serial; NaN when not given. */
  readonly issueDate: Float64Array;
  /** First coupon date, Excel serial; NaN when not given. */
  readonly firstCoupon: Float64Array;
  /** Vendor's (effective) duration in years, for reconciliation; NaN when not given. */
  readonly vendorDuration: Float64Array;
  /** Vendor's modified duration in years, kept beside its effective one; NaN when not given. */
  readonly vendorModDuration: Float64Array;
  /** Vendor's DV01 in money (value change for a 1 bp fall); NaN when not given. */
  readonly vendorDv01: Float64Array;
  /** Vendor's market value in money, for reconciliation; NaN when not given. */
  readonly vendorMarketValue: Float64Array;
  /** Vendor's portfolio weight, decimal (0.012 for 1.2%); NaN when not given. */
  readonly vendorWeight: Float64Array;
  /** Worksheet row number (1-based) each holding came from. */
  readonly sourceRow: Int32Array;
  /**
   * Call schedule per holding (callables, fixed-to-float notes); null where the holding has none.
   * Absent when the range has no call columns.
   */
  readonly calls?: (CallSchedule | null)[];
  /** Pool terms per holding of type mbs; null for the others. Absent when the book has no MBS. */
  readonly mbs?: (MbsTerms | null)[];
  /**
   * Floating-rate terms (FRNs and fixed-to-float notes); absent when the range has none of their
   * columns, NaN / 0 / "" per holding where not given.
   */
  readonly floating?: FloatingTerms;
}

/** Floating-rate terms per holding, as arrays (see {@link Holdings.floating}). */
export interface FloatingTerms {
  /** Fixed-to-float switch date (first floating period starts), Excel serial; NaN when none. */
  readonly floatDate: Float64Array;
  /** Quoted margin over the index (the coupon's spread), decimal (0.0085 for 85 bp); NaN when not given. */
  readonly spread: Float64Array;
  /** The market's discount margin, decimal; NaN when not given (then the price gives it). */
  readonly discountMargin: Float64Array;
  /** Index resets per year (1, 2, 4, 12; 365 daily); 0 when not given (the coupon frequency). */
  readonly resetFrequency: Uint16Array;
  /** Index name, upper case ("SOFR"); "" when not given. */
  readonly index: string[];
}

/** One holding as plain values; {@link Holdings} is an array of these, transposed. */
export interface HoldingRecord {
  id: string;
  description: string;
  issuer?: string;
  sector: Sector;
  /** The file's sector label; "" when absent (the default). */
  group?: string;
  type: HoldingType;
  par: number;
  coupon: number;
  maturity: number;
  price: number;
  yld: number;
  frequency: number;
  basis: number;
  rating: string;
  currency: string;
  issueDate: number;
  firstCoupon: number;
  vendorDuration: number;
  /** NaN when absent (the default). */
  vendorModDuration?: number;
  vendorDv01: number;
  /** NaN when absent (the default). */
  vendorMarketValue?: number;
  /** Decimal; NaN when absent (the default). */
  vendorWeight?: number;
  sourceRow: number;
  /** Call schedule; null or absent when not callable (the default). */
  calls?: CallSchedule | null;
  /** Switch date of a fixed-to-float note, Excel serial; NaN or absent when none. */
  floatDate?: number;
  /** Quoted margin over the index, decimal; NaN or absent when not given. */
  spread?: number;
  /** Discount margin, decimal; NaN or absent when not given. */
  discountMargin?: number;
  /** Index resets per year; 0 or absent when not given. */
  resetFrequency?: number;
  /** Index name, upper case; "" or absent when not given. */
  index?: string;
  /** Pool terms of an mbs holding; null or absent otherwise. */
  mbs?: MbsTerms | null;
}

/** A bad or missing input, located so the user can find and fix the cell. */
export interface HoldingProblem {
  /** Worksheet name ("" when unknown). */
  readonly sheet: string;
  /** Worksheet row number, 1-based (the header row for a missing column). */
  readonly row: number;
  /** Header text of the column, or the field name when the column is missing. */
  readonly column: string;
  /** A1 address with the sheet, such as "Holdings!D17" (a range for a missing column). */
  readonly cell: string;
  /** The cell value as given (after unwrapping rich text and formula results); null if empty. */
  readonly value: unknown;
  /** What was expected, in words. */
  readonly expected: string;
  /** The field concerned. */
  readonly field: HoldingField;
  /** One sentence for the user: where, what was found and what was expected. */
  readonly message: string;
}

/** Options of {@link readHoldings}. */
export interface ReadHoldingsOptions {
  /** Settlement date, Excel serial; every maturity must fall after it. */
  settlement: number;
  /** Worksheet name used in problem addresses; default "". */
  sheet?: string;
  /** Worksheet row number (1-based) of the header row; default 1. */
  originRow?: number;
  /** 0-based worksheet column index of the range's first column (0 is column A); default 0. */
  originColumn?: number;
  /** Corrections of the automatic column matching. */
  mapping?: ColumnOverride;
}

/** A row of the range that is not holdings data: a vendor's preamble above the header or footer text below the data. */
export interface SkippedRow {
  /** Worksheet row number, 1-based. */
  readonly row: number;
  readonly why: "preamble" | "footer";
  /** The row's non-empty cells joined with ", ", cut to 80 characters. */
  readonly text: string;
}

/** Result of {@link readHoldings}. */
export interface ReadHoldingsResult {
  /** The valid rows. */
  holdings: Holdings;
  /** Every problem found, in worksheet order (missing columns first). */
  problems: HoldingProblem[];
  /** The column mapping used (automatic matches with the override applied), with units. */
  mapping: ColumnMapping;
  /** Worksheet row number of the header row (after any preamble). */
  headerRow: number;
  /** Header cells no field uses: 0-based index in the range and text. */
  unused: ColumnMatch[];
  /** Preamble and footer rows left out, in worksheet order. */
  skipped: SkippedRow[];
}
