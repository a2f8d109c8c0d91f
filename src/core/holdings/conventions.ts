/**
 * Parsing the text of convention columns — sector, type, day-count basis, coupon frequency — and
 * their defaults (SPEC S2, S3). Every parser returns undefined for a value it does not recognise,
 * so that the caller can report it.
 */
import { CellValue, cellNumber } from "./cells";
import { HoldingType, Sector } from "./types";
import { isBasis, isFrequency } from "../bond/daycount";

/** Letters and digits only, lower case: "U.S. Treasury" → "ustreasury". */
function key(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, "");
}

function table<T extends string>(entries: Record<T, readonly string[]>): Map<string, T> {
  const map = new Map<string, T>();
  for (const [value, synonyms] of Object.entries(entries) as [T, readonly string[]][]) {
    map.set(key(value), value);
    for (const s of synonyms) map.set(key(s), value);
  }
  return map;
}

/** Sector synonyms, as desks and vendors label them. */
export const SECTOR_SYNONYMS: Readonly<Record<Sector, readonly string[]>> = {
  government: [
    "govt",
    "gov",
    "treasury",
    "treasuries",
    "ust",
    "tsy",
    "us treasury",
    "sovereign",
    "governments",
  ],
  agency: ["agencies", "agy", "gse", "agency debenture", "agency debentures"],
  corporate: ["corp", "corporates", "corps", "credit", "ig", "investment grade", "ig corporate"],
  securitized: [
    "securitised",
    "mbs",
    "abs",
    "cmbs",
    "rmbs",
    "cmo",
    "clo",
    "mortgage",
    "mortgages",
    "structured",
  ],
  municipal: ["muni", "munis", "municipals", "municipal bond", "tax exempt"],
  cash: ["money market", "mmf", "cash equivalent", "cash equivalents", "repo"],
  other: ["others", "misc", "miscellaneous"],
};

/**
 * Industry and vendor group labels (Bloomberg BCLASS, iShares sectors) and the broad sector each
 * belongs to; compared as {@link parseSector} compares.
 */
export const GROUP_SECTORS: Readonly<Record<Sector, readonly string[]>> = {
  government: ["treasuries", "us treasuries", "government", "govt bond", "sovereigns", "gilts"],
  agency: [
    "agencies",
    "government related",
    "government owned no guarantee",
    "owned no guarantee",
    "government guaranteed",
    "government guarantee",
    "supranational",
    "supranationals",
    "foreign agencies",
    "agency cmbs",
  ],
  corporate: [
    "banking",
    "banks",
    "brokerage/asset managers/exchanges",
    "brokerage assetmanagers exchanges",
    "finance companies",
    "financial other",
    "financial institutions",
    "financials",
    "insurance",
    "reits",
    "reit",
    "basic industry",
    "capital goods",
    "communications",
    "consumer cyclical",
    "consumer non-cyclical",
    "consumer noncyclical",
    "energy",
    "technology",
    "transportation",
    "industrial",
    "industrials",
    "industrial other",
    "electric",
    "natural gas",
    "utility other",
    "utilities",
    "utility",
    "high yield",
    "corporate bonds",
  ],
  securitized: [
    "mbs pass-through",
    "mbs pass through",
    "agency mbs",
    "non-agency cmbs",
    "covered",
    "covered bonds",
    "asset backed",
    "asset-backed securities",
  ],
  municipal: ["local authority", "local authorities", "muni bonds"],
  cash: [
    "cash and/or derivatives",
    "cash and derivatives",
    "cash",
    "money market",
    "money market funds",
    "usd cash",
  ],
  other: [],
};

const GROUPS = table(GROUP_SECTORS);

/**
 * The broad sector of a group label: a sector name or synonym, a known industry or vendor label
 * ("Banking" → corporate, "Treasuries" → government, "Cash and/or Derivatives" → cash), or any
 * label with the word "cash"; undefined when not recognised.
 */
export function sectorOfGroup(label: string): Sector | undefined {
  const k = key(label);
  return SECTORS.get(k) ?? GROUPS.get(k) ?? (/\bcash\b/i.test(label) ? "cash" : undefined);
}

/** Holding-type synonyms. */
export const TYPE_SYNONYMS: Readonly<Record<HoldingType, readonly string[]>> = {
  bullet: [
    "fixed",
    "fixed rate",
    "fxd",
    "bond",
    "note",
    "straight",
    "plain",
    "non call",
    "noncallable",
    "nc",
  ],
  zero: ["zero coupon", "zcb", "strip", "strips", "discount", "bill", "t bill", "tbill"],
  frn: ["floater", "floating", "float", "floating rate", "floating rate note"],
  callable: ["call", "callable bond", "callables"],
  "fixed-to-float": ["fixed to float", "fix to float", "fixed to floating", "ftf", "fix-to-float"],
  mbs: ["pass through", "passthrough", "pool", "tba", "mortgage", "mortgage pass through"],
};

const SECTORS = table(SECTOR_SYNONYMS);
const TYPES = table(TYPE_SYNONYMS);

/** Sector of a cell's text, undefined when not recognised. Text only: a number is not a sector. */
export function parseSector(value: CellValue): Sector | undefined {
  return typeof value === "string" ? SECTORS.get(key(value)) : undefined;
}

/** Holding type of a cell's text, undefined when not recognised. */
export function parseHoldingType(value: CellValue): HoldingType | undefined {
  return typeof value === "string" ? TYPES.get(key(value)) : undefined;
}

/**
 * Day-count text keys after lower-casing, "actual" → "act" and dropping everything but letters,
 * digits and "/"; values are Excel basis codes.
 */
const BASIS_TEXT: ReadonlyMap<string, number> = new Map([
  ["30/360", 0],
  ["30u/360", 0],
  ["us30/360", 0],
  ["30/360us", 0],
  ["30/360nasd", 0],
  ["30/360bondbasis", 0],
  ["bondbasis", 0],
  ["30360", 0],
  ["act/act", 1],
  ["actact", 1],
  ["act/actisda", 1],
  ["act/acticma", 1],
  ["act/actisma", 1],
  ["act/actbond", 1],
  ["act/360", 2],
  ["act360", 2],
  ["act/365", 3],
  ["act365", 3],
  ["act/365f", 3],
  ["act/365fixed", 3],
  ["act/365fixe", 3],
  ["30e/360", 4],
  ["30/360e", 4],
  ["30e360", 4],
  ["30/360icma", 4],
  ["30/360isma", 4],
  ["eurobond", 4],
  ["eurobondbasis", 4],
]);

/**
 * Excel day-count basis (0 US 30/360, 1 actual/actual, 2 actual/360, 3 actual/365, 4 European
 * 30/360) of a cell: the integer code (as number or text) or text such as "ACT/ACT", "30/360",
 * "Actual/360", "ACT/365", "30E/360". Undefined when not recognised.
 */
export function parseBasisCell(value: CellValue): number | undefined {
  const n = cellNumber(value);
  if (n !== undefined) return isBasis(n) ? n : undefined;
  if (typeof value !== "string") return undefined;
  const k = value
    .toLowerCase()
    .replace(/actual/g, "act")
    .replace(/[^a-z0-9/]/g, "");
  return BASIS_TEXT.get(k);
}

/** Default basis when the cell is empty: actual/actual (1) for government, US 30/360 (0) otherwise. */
export function defaultBasis(sector: Sector): number {
  return sector === "government" ? 1 : 0;
}

const FREQUENCY_TEXT: ReadonlyMap<string, number> = new Map([
  ["annual", 1],
  ["annually", 1],
  ["a", 1],
  ["yearly", 1],
  ["semiannual", 2],
  ["semiannually", 2],
  ["semi", 2],
  ["s", 2],
  ["sa", 2],
  ["quarterly", 4],
  ["q", 4],
]);

/** Coupons per year (1, 2 or 4) of a cell: the number or text such as "Semiannual", "SA", "Q". */
export function parseFrequencyCell(value: CellValue): number | undefined {
  const n = cellNumber(value);
  if (n !== undefined) return isFrequency(n) ? n : undefined;
  return typeof value === "string" ? FREQUENCY_TEXT.get(key(value)) : undefined;
}

/** Coupons per year when the cell is empty. */
export const DEFAULT_FREQUENCY = 2;

export { DEFAULT_CURRENCY } from "../conventions";

const RESET_TEXT: ReadonlyMap<string, number> = new Map([
  ["monthly", 12],
  ["m", 12],
  ["daily", 365],
  ["overnight", 365],
  ["compounded daily", 365],
  ["compoundeddaily", 365],
  ["d", 365],
]);

/**
 * Index resets per year of a floater (1, 2, 4, 12, or 365 for an overnight index compounded
 * daily) from a cell: the number or text such as "Quarterly", "Monthly", "Daily".
 */
export function parseResetFrequencyCell(value: CellValue): number | undefined {
  const n = cellNumber(value);
  if (n !== undefined) return [1, 2, 4, 12, 365].includes(n) ? n : undefined;
  if (typeof value !== "string") return undefined;
  return RESET_TEXT.get(key(value)) ?? parseFrequencyCell(value);
}

/** Floating-rate index of a cell: "SOFR" for any SOFR form (SOFR, Term SOFR, SOFRRATE); else undefined. */
export function parseFloatIndex(value: CellValue): string | undefined {
  return typeof value === "string" && /sofr/i.test(value) ? "SOFR" : undefined;
}
