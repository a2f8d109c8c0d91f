/**
 * Matching the header row of a holdings range to canonical fields (SPEC S2): case-insensitive,
 * ignoring spaces, underscores and punctuation, with the usual synonyms of desks and vendors.
 */
import { cellText, cellValue } from "./cells";
import { ColumnMapping, ColumnOverride, HOLDING_FIELDS, HoldingField } from "./types";

/**
 * Accepted headers per field, most specific first, written as a user would; they are compared
 * after {@link normalizeHeader}.
 */
export const COLUMN_SYNONYMS: Readonly<Record<HoldingField, readonly string[]>> = {
  id: ["id", "cusip", "isin", "security id", "identifier", "sedol", "figi", "bond id", "ticker"],
  description: ["description", "name", "security", "security name", "desc"],
  issuer: ["issuer", "issuer name", "issuer ticker", "obligor", "ultimate parent", "parent"],
  par: [
    "par",
    "face",
    "face amount",
    "face value",
    "current face",
    "original face",
    "orig face",
    "quantity",
    "qty",
    "position",
    "notional",
    "par amount",
    "par value",
    "holding",
    "nominal",
  ],
  coupon: ["coupon", "cpn", "coupon rate", "rate", "coupon %", "coupon pct"],
  maturity: ["maturity", "mat", "maturity date", "mat date", "final maturity", "maturity dt"],
  price: [
    "price",
    "clean price",
    "px",
    "mkt price",
    "market price",
    "px clean",
    "price clean",
    "px close",
    "px last",
  ],
  yield: ["yield", "yld", "ytm", "yield to maturity", "mkt yield", "yld to mat"],
  frequency: ["frequency", "freq", "coupon frequency", "cpn freq", "pay freq", "payment frequency"],
  basis: ["basis", "day count", "daycount", "dcc", "day count basis", "accrual basis", "day cnt"],
  sector: [
    "sector",
    "industry sector",
    "sector class",
    "bclass level 2",
    "bclass level 3",
    "bclass",
    "asset class",
    "asset type",
  ],
  asset_class: ["asset class", "asset type", "security class"],
  type: ["type", "security type", "instrument type", "bond type", "structure", "sec type"],
  rating: ["rating", "credit rating", "composite rating", "avg rating", "sp rating", "moodys"],
  currency: ["currency", "ccy", "crncy", "cur", "curr"],
  issue_date: [
    "issue date",
    "issue",
    "dated date",
    "accrual date",
    "issue dt",
    "dated",
    "int accrual date",
  ],
  first_coupon: [
    "first coupon",
    "first coupon date",
    "first cpn",
    "first cpn date",
    "first pay date",
  ],
  vendor_duration: [
    "vendor duration",
    "duration (vendor)",
    "bbg duration",
    "bloomberg duration",
    "vendor eff duration",
    "vendor oad",
    "oad",
    "effective duration",
    "eff duration",
    "option adjusted duration",
    "duration",
    "dur",
  ],
  vendor_mod_duration: [
    "vendor mod duration",
    "vendor modified duration",
    "mod duration",
    "modified duration",
    "mod dur",
  ],
  vendor_dv01: [
    "vendor dv01",
    "dv01 (vendor)",
    "bbg dv01",
    "bloomberg dv01",
    "vendor pvbp",
    "dv01",
    "pvbp",
    "bpv",
  ],
  vendor_market_value: [
    "market value",
    "mkt value",
    "mkt val",
    "market val",
    "mv",
    "market value base",
    "base market value",
  ],
  vendor_weight: [
    "weight",
    "wgt",
    "% wgt",
    "port weight",
    "portfolio weight",
    "pct of fund",
    "% of fund",
    "% of portfolio",
    "weighting",
  ],
  call_date: [
    "call date",
    "first call date",
    "next call date",
    "first call",
    "next call",
    "call dt",
  ],
  call_price: ["call price", "first call price", "next call price", "call px"],
  call_style: ["call style", "call type", "exercise style", "option style", "call feature"],
  call_schedule: ["call schedule", "calls", "call dates"],
  float_date: [
    "float date",
    "switch date",
    "fixed to float date",
    "fix to float date",
    "float start date",
    "first float date",
    "conversion date",
  ],
  spread: [
    "spread",
    "quoted margin",
    "margin",
    "float spread",
    "floating spread",
    "index spread",
    "spread to index",
    "frn spread",
  ],
  discount_margin: ["discount margin", "dm", "disc margin", "disc mrgn"],
  reset_frequency: [
    "reset frequency",
    "reset freq",
    "reset",
    "refix frequency",
    "float reset frequency",
  ],
  index: [
    "index",
    "float index",
    "floating index",
    "floating rate index",
    "reference rate",
    "rate index",
    "benchmark rate",
  ],
  wac: ["wac", "gross wac", "gwac", "weighted average coupon", "gross coupon", "note rate"],
  wam: ["wam", "wart", "remaining term", "weighted average maturity", "rem term", "rem months"],
  wala: ["wala", "loan age", "age", "weighted average loan age", "wa loan age"],
  factor: ["factor", "pool factor", "current factor"],
  program: ["program", "agency program", "mbs program", "pool type", "collateral type"],
  pool: ["pool", "pool number", "pool id", "tba", "tba id", "pool cusip"],
  prepay_speed: ["prepay", "speed", "prepay speed", "psa", "cpr", "pricing speed", "fixed speed"],
};

/** Header text reduced for comparison: lower case, letters and digits only ("Face_Amount" → "faceamount"). */
export function normalizeHeader(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** The header with parenthesised and bracketed notes removed ("Par (USD)" → "Par "). */
function withoutNotes(text: string): string {
  return text.replace(/\([^)]*\)|\[[^\]]*\]/g, " ");
}

const NORMALIZED_SYNONYMS: Record<HoldingField, string[]> = Object.fromEntries(
  HOLDING_FIELDS.map((f) => [f, COLUMN_SYNONYMS[f].map(normalizeHeader)])
) as Record<HoldingField, string[]>;

/** A mapping with no field matched. */
export function emptyMapping(): ColumnMapping {
  return Object.fromEntries(HOLDING_FIELDS.map((f) => [f, null])) as ColumnMapping;
}

/** The field a single header names, or undefined; used to resolve an override given as text. */
export function fieldOfHeader(header: string): HoldingField | undefined {
  for (const key of [normalizeHeader(header), normalizeHeader(withoutNotes(header))]) {
    for (const f of HOLDING_FIELDS) if (NORMALIZED_SYNONYMS[f].includes(key)) return f;
  }
  return undefined;
}

/**
 * Maps fields to columns of a header row. The override is applied first (its columns are taken);
 * then each remaining field takes the column whose header matches its earliest synonym, first on
 * the whole header, then on the header without parenthesised notes ("Par (USD)"). A column serves
 * one field only; with duplicate headers the leftmost wins.
 * @param headerRow The first row of the range, cells as given.
 * @param override The user's corrections; an index outside the row or an unknown header text
 *   leaves the field unmapped.
 */
export function matchColumns(
  headerRow: readonly unknown[],
  override: ColumnOverride = {}
): ColumnMapping {
  const headers = headerRow.map((v) => cellText(cellValue(v)));
  const mapping = emptyMapping();
  const taken = new Set<number>();
  const overridden = new Set<HoldingField>();

  for (const f of HOLDING_FIELDS) {
    if (!(f in override)) continue;
    const o = override[f];
    overridden.add(f);
    if (o === null || o === undefined) continue;
    let index: number;
    if (typeof o === "number") index = o;
    else if (typeof o === "string") {
      const key = normalizeHeader(o);
      index = headers.findIndex((h) => h !== "" && normalizeHeader(h) === key);
    } else index = o.index;
    if (Number.isInteger(index) && index >= 0 && index < headers.length) {
      mapping[f] = { index, header: headers[index] };
      taken.add(index);
    }
  }

  for (const pass of [normalizeHeader, (h: string) => normalizeHeader(withoutNotes(h))]) {
    const keys = headers.map(pass);
    for (const f of HOLDING_FIELDS) {
      if (overridden.has(f) || mapping[f] !== null) continue;
      for (const synonym of NORMALIZED_SYNONYMS[f]) {
        const index = keys.findIndex((k, i) => k !== "" && k === synonym && !taken.has(i));
        if (index >= 0) {
          mapping[f] = { index, header: headers[index] };
          taken.add(index);
          break;
        }
      }
    }
  }
  return mapping;
}

/** How a missing column could be headed, for messages: "Coupon (or cpn, coupon rate, rate)". */
export function describeField(field: HoldingField): string {
  const [first, ...rest] = COLUMN_SYNONYMS[field];
  const name = first.charAt(0).toUpperCase() + first.slice(1);
  return rest.length ? `${name} (or ${rest.slice(0, 4).join(", ")})` : name;
}

/**
 * A user's corrections kept by header text (so they survive a range that grows or moves): per
 * field a header, or null for "not used"; fields absent are matched automatically.
 */
export type HeaderChoice = Partial<Record<HoldingField, string | null>>;

/**
 * The corrections that apply to a header row: those naming a header it has (compared as headers
 * are), and every "not used". A correction naming a header the row lacks is dropped, so the field
 * falls back to automatic matching instead of going missing.
 */
export function applicableOverride(
  choice: HeaderChoice,
  headerRow: readonly unknown[]
): ColumnOverride {
  const present = new Set(headerRow.map((v) => normalizeHeader(cellText(cellValue(v)))));
  const out: ColumnOverride = {};
  for (const [field, header] of Object.entries(choice) as [HoldingField, string | null][]) {
    if (header === null || present.has(normalizeHeader(header))) out[field] = header;
  }
  return out;
}
