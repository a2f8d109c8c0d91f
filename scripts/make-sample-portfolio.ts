/**
 * Writes assets/sample-portfolio.xlsx: a fictitious US core bond portfolio (300 positions, about
 * $1.5bn par) with the US Treasury par curve of 2024-12-31 and the run settings.
 *
 *   npx tsx scripts/make-sample-portfolio.ts
 *
 * Deterministic: a seeded PRNG draws every position and the zip entries carry a fixed date, so a
 * rerun writes the same workbook. Issuers, CUSIP-like ids and positions are made up; the curves
 * are real (US Treasury par yields from shared/data/ust_par_yield_curve_1990_2024.csv).
 *
 * How positions are drawn: an original term and an issue date; the coupon is the Treasury par
 * yield of that term on the issue date (plus the sector spread at issue), rounded down to 1/8 of a
 * percent (munis: 3, 4 or 5%); the price is the core's Excel-compatible PRICE (src/core/bond) at a
 * yield = the 2024-12-31 Treasury par curve interpolated at the remaining term + a sector spread
 * (munis: a fraction of the Treasury yield). Vendor Duration, for about 60% of rows, is an
 * effective duration on that curve with a little noise (option-adjusted guesses for callables and
 * MBS), deliberately off by 0.2–0.6 years on a few rows so that reconciliation flags show.
 *
 * Structures, with real schedule shapes (Call Schedule column, the reader's schedule text):
 * agency Bermudans (non-call 3 months to 2 years, then at par on coupon dates); corporates issued
 * since 2012 with a make-whole call and a par call 3 months before maturity (6 for 30-year
 * bonds), older ones make-whole only, a few plain par calls; bank fixed-to-float notes (fixed to
 * one year before maturity, then SOFR + margin quarterly, callable at par on the switch date:
 * Float Date, Spread (bp), Reset Frequency, Index columns); agency and bank SOFR FRNs (quarterly,
 * SOFR compounded daily). Callables and fixed-to-float notes are priced to worst (to the call
 * when lower), FRNs at a discount margin near their quoted margin.
 *
 * Hedge inputs on the Settings sheet (read by `npm run demo`): a target modified duration of 5
 * years and the ZN March 2025 contract, whose DV01 per contract is computed here as the
 * cheapest-to-deliver's DV01 on 100,000 face ÷ its conversion factor. The deliverables are CME's
 * ZN (TY) 2025-03 rows of shared/data/cme_treasury_conversion_factors_2025-03-13.csv that are
 * issued by settlement, each priced (core bondRisk, basis 1, semiannual) at the 2024-12-31 par
 * curve interpolated at its maturity; with no futures price the CTD is the lowest clean price ÷
 * CF (carry and delivery options ignored).
 */
import * as fs from "fs";
import * as path from "path";
import { createRequire } from "module";
import ExcelJS from "exceljs";
import { allocateTerms, bondRisk, setTerms } from "../src/core/bond";
import { DEFAULT_CURVE } from "../src/core/curve";
import { curveRisk } from "../src/core/risk/bondRisk";
import { addMonths, serialFromIso, serialFromYmd, ymdFromSerial, Ymd } from "../src/core/dates";
import { conversionFactor } from "../src/core/futures/conversionFactor";
import { contractSpec } from "../src/core/futures/contracts";
import { packHoldings } from "../src/core/holdings/pack";
import { parseCallScheduleText } from "../src/core/instruments/callScheduleText";
import type { HoldingRecord } from "../src/core/holdings/types";
import { holdingRecord } from "../src/core/holdings/pack";
import { holdingCurveExposure } from "../src/core/portfolio/curveExposure";
import { DEFAULT_MBS_PATHS, DEFAULT_MBS_SEED } from "../src/core/conventions";
import { baseCurve, makeMarket } from "../src/core/market/market";
import { shockedCurve } from "../src/core/market/shock";
import { mbsAccrued } from "../src/core/mbs/program";
import { cohortFlows, mbsModel, priceAtSpread } from "../src/core/mbs/valuation";

const SETTLEMENT = serialFromYmd(2025, 1, 2);
const AS_OF = serialFromYmd(2024, 12, 31);
const OUT = path.resolve(__dirname, "../assets/sample-portfolio.xlsx");
const CURVE_FILE = "ust_par_yield_curve_1990_2024.csv";
const CME_FILE = "cme_treasury_conversion_factors_2025-03-13.csv";
const TARGET_DURATION = 5;
const HEDGE_CONTRACT = "ZN Mar-2025 (10-year T-note futures)";

// ---------------------------------------------------------------------------------------------
// Seeded randomness (mulberry32)

let seed = 0x6b657972; // "keyr"
function rand(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const uniform = (a: number, b: number): number => a + (b - a) * rand();
const int = (a: number, b: number): number => Math.floor(uniform(a, b + 1));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
const normal = (): number => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
function weighted<T>(pairs: readonly [T, number][]): T {
  let u = rand() * pairs.reduce((s, [, w]) => s + w, 0);
  for (const [x, w] of pairs) if ((u -= w) < 0) return x;
  return pairs[pairs.length - 1][0];
}

// ---------------------------------------------------------------------------------------------
// Treasury par yield history

const TENORS = ["1M", "2M", "3M", "4M", "6M", "1Y", "2Y", "3Y", "5Y", "7Y", "10Y", "20Y", "30Y"];
const TENOR_YEARS = [1 / 12, 2 / 12, 3 / 12, 4 / 12, 6 / 12, 1, 2, 3, 5, 7, 10, 20, 30];

/** Path of a shared data file (shared/data next to the project, or inside it). */
function sharedDataFile(name: string): string {
  const candidates = [
    path.resolve(__dirname, "../../shared/data", name),
    path.resolve(__dirname, "../shared/data", name),
  ];
  const file = candidates.find((f) => fs.existsSync(f));
  if (!file) throw new Error(`${name} not found in ${candidates.join(" or ")}`);
  return file;
}

/** Dated rows of par yields (decimals, NaN where not published), oldest first. */
function loadCurveHistory(): { date: number; rates: number[] }[] {
  const file = sharedDataFile(CURVE_FILE);
  const lines = fs.readFileSync(file, "utf8").trim().split(/\r?\n/);
  const header = lines[0].split(",");
  const columns = TENORS.map((t) => header.indexOf(t.replace("M", " Mo").replace("Y", " Yr")));
  if (columns.includes(-1)) throw new Error(`unexpected header in ${file}: ${lines[0]}`);
  return lines
    .slice(1)
    .map((line) => {
      const cells = line.split(",");
      const [m, d, yy] = cells[0].split("/").map(Number);
      const date = serialFromYmd(yy >= 90 ? 1900 + yy : 2000 + yy, m, d);
      const rates = columns.map((c) => (cells[c] === "" ? NaN : Number(cells[c]) / 100));
      return { date, rates };
    })
    .sort((a, b) => a.date - b.date);
}

const HISTORY = loadCurveHistory();
const CURVE = HISTORY.find((r) => r.date === AS_OF);
if (!CURVE) throw new Error("no 2024-12-31 row in the curve history");

/** Par yield of a term (years, one of TENOR_YEARS) on the last curve date on or before a date. */
function historicalYield(date: number, years: number): number {
  const order = years === 20 ? [20, 30, 10] : years === 30 ? [30, 20, 10] : [years, 10];
  let i = HISTORY.length - 1;
  while (i > 0 && HISTORY[i].date > date) i--;
  for (; i >= 0; i--) {
    for (const y of order) {
      const v = HISTORY[i].rates[TENOR_YEARS.indexOf(y)];
      if (Number.isFinite(v)) return v;
    }
  }
  throw new Error(`no curve before ${date}`);
}

/** The 2024-12-31 par curve at a term in years, linear between tenors, flat beyond the ends. */
function curveLevel(years: number): number {
  const r = CURVE!.rates;
  if (years <= TENOR_YEARS[0]) return r[0];
  for (let k = 1; k < TENOR_YEARS.length; k++) {
    if (years <= TENOR_YEARS[k]) {
      const w = (years - TENOR_YEARS[k - 1]) / (TENOR_YEARS[k] - TENOR_YEARS[k - 1]);
      return r[k - 1] + w * (r[k] - r[k - 1]);
    }
  }
  return r[r.length - 1];
}

// ---------------------------------------------------------------------------------------------
// Hedge contract: ZN March 2025, DV01 per contract from the cheapest-to-deliver

const ZN = contractSpec("ZN");
const DELIVERY_MONTH = { y: 2025, m: 3 };

interface Deliverable {
  cusip: string;
  coupon: number;
  issue: number;
  maturity: number;
  cf: number;
  yld: number;
  clean: number;
  /** Per 100,000 face. */
  dv01: number;
}

/** ZN 2025-03 deliverables issued by settlement, priced at the 2024-12-31 curve. */
function loadDeliverables(): Deliverable[] {
  const file = sharedDataFile(CME_FILE);
  const lines = fs.readFileSync(file, "utf8").trim().split(/\r?\n/);
  const expected =
    "contract,coupon_pct,issue_date,maturity_date,cusip,issuance_usd_bn,contract_month," +
    "conversion_factor";
  if (lines[0].trim() !== expected) throw new Error(`unexpected header in ${file}: ${lines[0]}`);
  const iso = (text: string): number => {
    const s = serialFromIso(text);
    if (s === undefined) throw new Error(`${file}: bad date ${text}`);
    return s;
  };
  const out: Deliverable[] = [];
  for (const line of lines.slice(1)) {
    const f = line.split(",");
    if (f[0].split(" ")[0] !== ZN.cmeTableCode || f[6] !== "2025-03") continue;
    const coupon = Number(f[1]) / 100;
    const issue = iso(f[2]);
    const maturity = iso(f[3]);
    const cf = Number(f[7]);
    const computed = conversionFactor(ZN, DELIVERY_MONTH, coupon, maturity);
    if (computed !== cf) throw new Error(`${f[4]}: CME's CF ${cf} but the core gives ${computed}`);
    // Notes auctioned after settlement (CME's table is of 2025-03-13) cannot be priced on it.
    if (issue > SETTLEMENT) continue;
    const yld = curveLevel((maturity - SETTLEMENT) / 365.25);
    const risk = bondRisk(
      { settlement: SETTLEMENT, maturity, rate: coupon, frequency: 2, basis: 1 },
      yld
    );
    out.push({
      cusip: f[4],
      coupon,
      issue,
      maturity,
      cf,
      yld,
      clean: risk.clean,
      dv01: risk.dv01 * 1000,
    });
  }
  if (out.length === 0) throw new Error(`no ZN 2025-03 deliverables in ${file}`);
  return out;
}

const DELIVERABLES = loadDeliverables();
/** Cheapest to deliver without a futures price: the lowest clean price ÷ CF. */
const CTD = DELIVERABLES.reduce((a, b) => (b.clean / b.cf < a.clean / a.cf ? b : a));
const CONTRACT_DV01 = CTD.dv01 / CTD.cf;

// ---------------------------------------------------------------------------------------------
// Identifiers and dates

/** CUSIP check digit of the first eight characters. */
function cusipCheck(base: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = base[i];
    let v = /\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 55;
    if (i % 2 === 1) v *= 2;
    sum += Math.floor(v / 10) + (v % 10);
  }
  return String((10 - (sum % 10)) % 10);
}
const usedIds = new Set<string>();
/** A unique CUSIP-like id: six-character issuer prefix, two random characters, check digit. */
function cusip(prefix: string): string {
  const chars = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";
  for (;;) {
    const base = prefix + pick([...chars]) + pick([...chars]);
    const id = base + cusipCheck(base);
    if (!usedIds.has(id)) {
      usedIds.add(id);
      return id;
    }
  }
}
const serial = (d: Ymd): number => serialFromYmd(d.y, d.m, d.d);
const mmddyyyy = (s: number): string => {
  const { y, m, d } = ymdFromSerial(s);
  return `${String(m).padStart(2, "0")}/${String(d).padStart(2, "0")}/${y}`;
};
const pct = (c: number): string => `${(c * 100).toFixed(3)}%`;
const MIN_MATURITY = serialFromYmd(2026, 1, 1);
const MAX_MATURITY = serialFromYmd(2054, 12, 31);
const LAST_ISSUE = serialFromYmd(2024, 12, 20);
/** Round down to the 1/8-percent grid, at least 1/8%. */
const eighth = (y: number): number => Math.max(1, Math.floor(y * 800)) / 800;

// ---------------------------------------------------------------------------------------------
// Positions

type SectorLabel = "Treasury" | "Agency" | "Corporate" | "Municipal" | "Securitized";
interface Position {
  id: string;
  description: string;
  sector: SectorLabel;
  type: "Bullet" | "Zero" | "Callable" | "MBS" | "FRN" | "Fixed-to-float";
  par: number;
  coupon: number;
  maturity: number;
  frequency: number | null;
  basis: 0 | 1;
  rating: string;
  /** Yield over the 2024-12-31 Treasury curve level, decimal (FRNs: the discount margin). */
  spread: number;
  /** Yield used for the price when not curve + spread (munis), decimal. */
  yieldOverride?: number;
  /** Call schedule text (Call Schedule column); absent: none. */
  calls?: string;
  /** First workout date the price is worked to when earlier than maturity (price to worst). */
  workout?: number;
  /** Floating terms: switch date (fixed-to-float), quoted margin in bp, resets, index. */
  floatDate?: number;
  marginBp?: number;
  reset?: string;
  /** Pool columns of an MBS row; priced by the MBS engine at `spread` as its OAS. */
  pool?: { wac: number; wam: number; wala: number; program: string; pool: string };
}

/** An issue date (the day given or month end) and maturity `term` years later within range. */
function issueAndMaturity(term: number, day: number | "eom", months?: number[]): [number, number] {
  for (;;) {
    const first = Math.max(serialFromYmd(1990, 1, 15), addYears(MIN_MATURITY, -term));
    const s = Math.floor(uniform(first, Math.min(LAST_ISSUE, addYears(MAX_MATURITY, -term))));
    const ymd = ymdFromSerial(s);
    if (months && !months.includes(ymd.m)) continue;
    const eom = day === "eom";
    const issue = { y: ymd.y, m: ymd.m, d: eom ? 28 : day };
    const issueSerial = serial(eom ? addMonths(issue, 0, true) : issue);
    const maturity = serial(addMonths(issue, 12 * term, eom));
    if (issueSerial <= LAST_ISSUE && maturity >= MIN_MATURITY && maturity <= MAX_MATURITY) {
      return [issueSerial, maturity];
    }
  }
}
function addYears(s: number, years: number): number {
  return serial(addMonths(ymdFromSerial(s), 12 * years));
}

function treasuries(n: number, strips: number): Position[] {
  const out: Position[] = [];
  const issues = new Set<string>();
  while (out.length < n - strips) {
    const term = weighted<number>([
      [2, 10],
      [3, 10],
      [5, 18],
      [7, 14],
      [10, 20],
      [20, 10],
      [30, 18],
    ]);
    const [issue, maturity] =
      term >= 10
        ? issueAndMaturity(term, 15, [2, 5, 8, 11])
        : issueAndMaturity(term, term === 3 ? 15 : "eom");
    const key = `${term}:${issue}`;
    if (issues.has(key)) continue;
    issues.add(key);
    const coupon = eighth(historicalYield(issue, term));
    const prefix = term >= 20 ? "912810" : issue >= serialFromYmd(2020, 7, 1) ? "91282C" : "912828";
    out.push({
      id: cusip(prefix),
      description: `UST ${pct(coupon)} ${mmddyyyy(maturity)}`,
      sector: "Treasury",
      type: "Bullet",
      par: Math.exp(uniform(Math.log(2e6), Math.log(25e6))),
      coupon,
      maturity,
      frequency: 2,
      basis: 1,
      rating: "AA+",
      spread: 0.0002 * normal(),
    });
  }
  for (let k = 0; k < strips; k++) {
    const maturity = serialFromYmd(int(2030, 2054), pick([2, 5, 8, 11]), 15);
    out.push({
      id: cusip("912803"),
      description: `UST STRIP PRIN 0.000% ${mmddyyyy(maturity)}`,
      sector: "Treasury",
      type: "Zero",
      par: Math.exp(uniform(Math.log(3e6), Math.log(15e6))),
      coupon: 0,
      maturity,
      frequency: 2,
      basis: 1,
      rating: "AA+",
      spread: 0.0005 + 0.0002 * normal(),
    });
  }
  return out;
}

const AGENCIES: [string, string][] = [
  ["FNMA", "3135G0"],
  ["FHLMC", "3134GX"],
  ["FHLB", "3130AK"],
  ["FHLB", "3130AV"],
  ["FFCB", "3133EN"],
];
function agencies(n: number, callables: number): Position[] {
  return Array.from({ length: n }, (_, k) => {
    const [name, prefix] = pick(AGENCIES);
    const callable = k < callables;
    const term = pick([2, 3, 5, 7, 10]);
    const [issue, maturity] = issueAndMaturity(term, int(1, 28));
    const spread = (callable ? 0.0045 : 0.0012) + 0.0004 * normal();
    const coupon = eighth(historicalYield(issue, term) + spread);
    // Agency Bermudan: non-call 3 months to 2 years, then callable at par on every coupon date.
    const firstCall = serial(addMonths(ymdFromSerial(issue), pick([3, 6, 12, 24])));
    const calls = callable ? `${isoDate(firstCall)}@100; bermudan` : undefined;
    return {
      id: cusip(prefix),
      description: `${name} ${pct(coupon)} ${mmddyyyy(maturity)}${callable ? " CALLABLE" : ""}`,
      sector: "Agency",
      type: callable ? "Callable" : "Bullet",
      par: Math.exp(uniform(Math.log(3e6), Math.log(12e6))),
      coupon,
      maturity,
      frequency: 2,
      basis: 0,
      rating: "AA+",
      spread,
      ...(callable ? { calls, workout: nextWorkout(firstCall, maturity) } : {}),
    };
  });
}

/** ISO text of a serial (schedule texts). */
function isoDate(s: number): string {
  const { y, m, d } = ymdFromSerial(s);
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** The first call date the price is worked to: the call date, or a month after settlement when already callable. */
function nextWorkout(firstCall: number, maturity: number): number | undefined {
  const w = Math.max(firstCall, SETTLEMENT + 30);
  return w < maturity ? w : undefined;
}

/**
 * Agency SOFR floaters (FHLB, FFCB: SOFR + 5–20 bp, 2–3 years) and bank SOFR FRNs (SOFR + 50–120
 * bp, 2–5 years): quarterly coupons on actual/360, SOFR compounded daily; the coupon is the current
 * one (SOFR of 2024-12-31 + margin), the price at a discount margin near the quoted one.
 */
function floaters(agency: number, bank: number): Position[] {
  const sofr = curveLevel(0.25);
  return Array.from({ length: agency + bank }, (_, k) => {
    const isAgency = k < agency;
    const bank = pick(ISSUERS.filter(([, industry]) => industry === "Banks"));
    const [name, prefix] = isAgency
      ? pick(AGENCIES.filter(([n]) => n === "FHLB" || n === "FFCB"))
      : [bank[0], bank[2]];
    const marginBp = isAgency ? int(5, 20) : int(50, 120);
    const term = isAgency ? pick([2, 3]) : pick([2, 3, 5]);
    const [, maturity] = issueAndMaturity(term, int(1, 28));
    const dm = marginBp / 1e4 + (isAgency ? 0.0002 : 0.001) * normal();
    return {
      id: cusip(prefix),
      description: `${name} FRN SOFR+${marginBp} ${mmddyyyy(maturity)}`,
      sector: isAgency ? ("Agency" as const) : ("Corporate" as const),
      type: "FRN" as const,
      par: Math.exp(uniform(Math.log(2e6), Math.log(8e6))),
      coupon: Math.round((sofr + marginBp / 1e4) * 1e5) / 1e5,
      maturity,
      frequency: 4,
      basis: 0 as const,
      rating: isAgency ? "AA+" : "A-",
      spread: dm,
      marginBp,
      reset: "Daily",
    };
  });
}

/**
 * Bank fixed-to-float notes (4NC3, 6NC5, 11NC10): fixed semiannual coupons for all but the last
 * year, then SOFR + margin quarterly, callable at par on the switch date; priced to the call.
 */
function fixedToFloat(n: number): Position[] {
  return Array.from({ length: n }, () => {
    const [name, , prefix, ratings] = pick(ISSUERS.filter(([, industry]) => industry === "Banks"));
    const rating = pick(ratings);
    const term = pick([4, 6, 11]);
    const [issue, maturity] = issueAndMaturity(term, int(1, 28));
    const floatDate = serial(addMonths(ymdFromSerial(maturity), -12));
    if (floatDate <= SETTLEMENT + 30) return fixedToFloat(1)[0];
    const spread = RATING_SPREAD[rating] + 0.0005 * normal();
    const coupon = eighth(historicalYield(issue, term - 1) + RATING_SPREAD[rating]);
    const marginBp = Math.round(RATING_SPREAD[rating] * 1e4 + int(-10, 30));
    return {
      id: cusip(prefix),
      description: `${name} ${pct(coupon)} FXD-TO-FLT ${mmddyyyy(maturity)} CALL ${mmddyyyy(floatDate)}`,
      sector: "Corporate" as const,
      type: "Fixed-to-float" as const,
      par: Math.exp(uniform(Math.log(2e6), Math.log(9e6))),
      coupon,
      maturity,
      frequency: 2,
      basis: 0 as const,
      rating,
      spread: Math.max(0.002, spread),
      calls: `${isoDate(floatDate)}@100; european`,
      workout: floatDate,
      floatDate,
      marginBp,
      reset: "Quarterly",
    };
  });
}

/** Made-up issuers: name, industry, six-character prefix, ratings to draw from. */
const ISSUERS: [string, string, string, string[]][] = [
  ["NORTHBRIDGE BANCORP", "Banks", "65590K", ["A", "A-"]],
  ["SUMMIT FINANCIAL GROUP", "Banks", "86600T", ["A-", "BBB+"]],
  ["HARBORVIEW BANK NA", "Banks", "41165Q", ["A+", "A"]],
  ["COPPERLINE CAPITAL CORP", "Banks", "21752R", ["BBB+", "BBB"]],
  ["GREAT LAKES POWER & LIGHT", "Utilities", "39102M", ["A-", "BBB+"]],
  ["CASCADIA ELECTRIC CO", "Utilities", "14740E", ["A", "A-"]],
  ["SOUTHERN PLAINS GAS", "Utilities", "84380G", ["BBB+", "BBB"]],
  ["MERIDIAN SEMICONDUCTOR", "Technology", "58955N", ["A+", "A"]],
  ["BLUEWATER SOFTWARE INC", "Technology", "09610L", ["AA-", "A+"]],
  ["QUANTA NETWORKS INC", "Technology", "74765X", ["BBB+", "BBB"]],
  ["IRONWOOD INDUSTRIES", "Industrials", "46301W", ["BBB", "BBB-"]],
  ["ATLAS RAIL HOLDINGS", "Industrials", "04921P", ["A-", "BBB+"]],
  ["PINECREST HEALTH SYSTEMS", "Healthcare", "72302H", ["A", "A-"]],
  ["VERIDIAN PHARMA CORP", "Healthcare", "92345F", ["A+", "A"]],
  ["OAKMONT CONSUMER BRANDS", "Consumer", "67389C", ["A-", "BBB+"]],
  ["REDSTONE ENERGY PARTNERS", "Energy", "75730D", ["BBB", "BBB-"]],
  ["CLEARWATER TELECOM", "Communications", "18539T", ["BBB", "BBB-"]],
  ["FAIRHAVEN INSURANCE GROUP", "Insurance", "30573J", ["A", "A-"]],
];
const RATING_SPREAD: Record<string, number> = {
  "AA-": 0.0045,
  "A+": 0.0062,
  A: 0.0075,
  "A-": 0.0088,
  "BBB+": 0.0105,
  BBB: 0.0122,
  "BBB-": 0.0145,
};
function corporates(n: number, callables: number): Position[] {
  return Array.from({ length: n }, (_, k) => {
    const [name, , prefix, ratings] = pick(ISSUERS);
    const rating = pick(ratings);
    const term = weighted<number>([
      [3, 10],
      [5, 22],
      [7, 16],
      [10, 26],
      [20, 8],
      [30, 18],
    ]);
    const [issue, maturity] = issueAndMaturity(term, int(1, 28));
    const years = (maturity - SETTLEMENT) / 365.25;
    const spread =
      RATING_SPREAD[rating] + (0.0008 * Math.min(years, 10)) / 10 + 0.0012 * normal() * 0.5;
    const coupon = eighth(
      historicalYield(issue, term) + RATING_SPREAD[rating] * (1 + 0.3 * normal())
    );
    // Issued since 2012: make-whole then a par call 3 months (6 for 30-year bonds) before
    // maturity; older issues: make-whole only (priced as non-callable); a few plain par calls.
    const { y: issueYear } = ymdFromSerial(issue);
    const parCall = serial(addMonths(ymdFromSerial(maturity), term >= 30 ? -6 : -3));
    const plain = k < callables;
    const withParCall = plain || issueYear >= 2012;
    const calls = plain
      ? `${isoDate(parCall)}@100`
      : withParCall
        ? `${isoDate(parCall)}@100`
        : `${isoDate(issue)}@100; make-whole`;
    return {
      id: cusip(prefix),
      description: `${name} ${pct(coupon)} ${mmddyyyy(maturity)}${withParCall && !plain ? " MW+PAR CALL" : plain ? " PAR CALL" : " MW"}`,
      calls,
      ...(withParCall && parCall > SETTLEMENT + 30 ? { workout: parCall } : {}),
      sector: "Corporate" as const,
      type: withParCall ? ("Callable" as const) : ("Bullet" as const),
      par: Math.exp(uniform(Math.log(1.5e6), Math.log(9e6))),
      coupon,
      maturity,
      frequency: 2,
      basis: 0 as const,
      rating,
      spread: Math.max(0.002, spread),
    };
  });
}

const MUNI_ISSUERS: [string, string][] = [
  ["LAKEVIEW CNTY OH GO", "51210A"],
  ["STATE OF WESTMARK GO", "95735E"],
  ["RIVERSIDE WTR AUTH REV", "76886P"],
  ["GRANITE STATE HSG FIN AGY", "38637B"],
  ["BAYPORT TRANSIT AUTH REV", "07276C"],
  ["NORTH FORK UNIF SCH DIST GO", "65890M"],
  ["MESA VERDE UTIL DIST REV", "59023R"],
  ["COMMONWEALTH OF EASTLAND GO", "20276L"],
];
function municipals(n: number): Position[] {
  return Array.from({ length: n }, () => {
    const [name, prefix] = pick(MUNI_ISSUERS);
    const maturity = serialFromYmd(int(2026, 2054), pick([6, 8, 12]), 1);
    const years = (maturity - SETTLEMENT) / 365.25;
    const rating = pick(["AAA", "AA+", "AA", "AA", "AA-", "A+"]);
    const coupon = weighted<number>([
      [0.05, 70],
      [0.04, 20],
      [0.03, 10],
    ]);
    // Tax-exempt yields: about 62% of Treasuries at 2y rising to 82% at 30y, plus credit.
    const ratio = 0.62 + (0.2 * Math.min(Math.max(years - 2, 0), 28)) / 28;
    const credit = { AAA: 0, "AA+": 0.0008, AA: 0.0015, "AA-": 0.0022, "A+": 0.0035 }[rating] ?? 0;
    return {
      id: cusip(prefix),
      description: `${name} ${pct(coupon)} ${mmddyyyy(maturity)}`,
      sector: "Municipal" as const,
      type: "Bullet" as const,
      par: Math.exp(uniform(Math.log(1e6), Math.log(8e6))),
      coupon,
      maturity,
      frequency: 2,
      basis: 0 as const,
      rating,
      spread: 0,
      yieldOverride: curveLevel(years) * ratio + credit + 0.0005 * normal(),
    };
  });
}

/**
 * Agency MBS: a coupon stack of UMBS 30-year pools (vintages as their coupons were current), with
 * their pool columns (WAC = coupon + 0.70%, WAM, WALA, program, pool number); monthly payers, so
 * Frequency is left empty. Priced by the MBS engine at an OAS of `spread` (below).
 */
function mbs(): Position[] {
  const stack: [number, number, string][] = [
    [0.03, 33, "MA4700"],
    [0.05, 24, "MA4918"],
    [0.055, 17, "MA5106"],
    [0.06, 10, "MA5390"],
  ];
  return stack.map(([coupon, wala, pool]) => {
    const wam = 360 - wala;
    const p = ymdFromSerial(SETTLEMENT);
    const maturity = serialFromYmd(
      p.y + Math.floor((p.m - 1 + wam) / 12),
      ((p.m - 1 + wam) % 12) + 1,
      25
    );
    return {
      id: cusip("31418E"),
      description: `FN ${pool} ${pct(coupon)} 30YR UMBS POOL ${mmddyyyy(maturity)}`,
      sector: "Securitized" as const,
      type: "MBS" as const,
      par: 5e6,
      coupon,
      maturity,
      frequency: null,
      basis: 0 as const,
      rating: "AA+",
      spread: 0.004 + 0.001 * Math.round(uniform(0, 4)),
      pool: { wac: Math.round((coupon + 0.007) * 1e5) / 1e5, wam, wala, program: "UMBS 30", pool },
    };
  });
}

/** The MBS engine on the sample curve: clean price and OAD of a pool at an OAS (decimal). */
function mbsPriceAndOad(p: Position, oas: number): { clean: number; oad: number } {
  const market = makeMarket({ settlement: SETTLEMENT, curve: DEFAULT_CURVE });
  const model = mbsModel(market.hullWhite, DEFAULT_MBS_PATHS, DEFAULT_MBS_SEED);
  const cohort = {
    program: "UMBS30" as const,
    coupon: p.coupon,
    wac: p.pool!.wac,
    wam: p.pool!.wam,
    wala: p.pool!.wala,
  };
  const at = (curve: ReturnType<typeof baseCurve>) =>
    priceAtSpread(cohortFlows(curve, cohort, model), oas);
  const dirty = at(baseCurve(market));
  const down = at(shockedCurve(market, { kind: "parallel", bp: -1 }));
  const up = at(shockedCurve(market, { kind: "parallel", bp: 1 }));
  return {
    clean: dirty - mbsAccrued(SETTLEMENT, p.coupon),
    oad: (down - up) / (2 * dirty * 1e-4),
  };
}

// ---------------------------------------------------------------------------------------------
// Portfolio: sector par targets (~40/10/35/10 %, $1.5bn in all)

const TARGET_PAR: Record<SectorLabel, number> = {
  Treasury: 600e6,
  Agency: 150e6,
  Corporate: 525e6,
  Municipal: 150e6,
  Securitized: 30e6,
};
const SECTOR_ORDER: SectorLabel[] = ["Treasury", "Agency", "Corporate", "Municipal", "Securitized"];

const positions = [
  ...treasuries(123, 5),
  ...agencies(30, 8),
  ...floaters(2, 0),
  ...corporates(98, 4),
  ...floaters(0, 4),
  ...fixedToFloat(8),
  ...municipals(33),
  ...mbs(),
];
for (const sector of SECTOR_ORDER) {
  const group = positions.filter((p) => p.sector === sector);
  const scale = TARGET_PAR[sector] / group.reduce((s, p) => s + p.par, 0);
  for (const p of group) p.par = Math.max(250e3, Math.round((p.par * scale) / 5e3) * 5e3);
}
positions.sort(
  (a, b) =>
    SECTOR_ORDER.indexOf(a.sector) - SECTOR_ORDER.indexOf(b.sector) || a.maturity - b.maturity
);

const rows = positions.map((p) => {
  if (!(p.maturity > SETTLEMENT)) throw new Error(`${p.id} matures before settlement`);
  const years = (p.maturity - SETTLEMENT) / 365.25;
  const priceTo = (maturity: number) =>
    bondRisk(
      {
        settlement: SETTLEMENT,
        maturity,
        rate: p.coupon,
        frequency: 2,
        basis: p.basis,
      },
      p.yieldOverride ?? curveLevel((maturity - SETTLEMENT) / 365.25) + p.spread
    ).clean;
  // MBS: the engine's price at the row's OAS; callables and fixed-to-float notes: the price to
  // worst (to the call when lower); FRNs: par plus the quoted margin over the discount margin for
  // the years left.
  const priced = p.pool ? mbsPriceAndOad(p, p.spread) : undefined;
  const clean = priced
    ? priced.clean
    : p.type === "FRN"
      ? 100 + ((p.marginBp ?? 0) / 1e4 - p.spread) * 100 * years * 0.95
      : Math.min(priceTo(p.maturity), p.workout ? priceTo(p.workout) : Infinity);
  const price = Math.round(clean * 1000) / 1000;
  // Vendor figures are filled in below, from effective durations on the curve, for ~60% of rows.
  const vendor: number | null = rand() < 0.6 ? NaN : null;
  return [
    p.id,
    p.description,
    p.sector,
    p.type,
    p.par,
    p.coupon,
    p.maturity,
    price,
    p.frequency,
    p.basis,
    p.rating,
    vendor,
    p.calls ?? null,
    p.floatDate ?? null,
    p.marginBp ?? null,
    p.reset ?? null,
    p.marginBp !== undefined ? "SOFR" : null,
    p.pool?.wac ?? null,
    p.pool?.wam ?? null,
    p.pool?.wala ?? null,
    p.pool?.program ?? null,
    p.pool?.pool ?? null,
    priced ? priced.oad : null,
  ];
});

/**
 * Effective (option-adjusted) durations of the FRNs, fixed-to-float notes and callables by their
 * engines on the bundled curve (their vendor durations are these with the same noise as the
 * bullets'), by row index.
 */
const ENGINE_EFF: Map<number, number> = (() => {
  // Every row the option-adjusted or floating engines price: floaters and anything with a call.
  const idx = rows.flatMap((r, i) =>
    r[3] === "FRN" || r[3] === "Fixed-to-float" || r[3] === "Callable" || r[12] ? [i] : []
  );
  const typeOf = (t: unknown): HoldingRecord["type"] =>
    t === "FRN"
      ? "frn"
      : t === "Fixed-to-float"
        ? "fixed-to-float"
        : t === "Callable"
          ? "callable"
          : "bullet";
  const records: HoldingRecord[] = idx.map((i) => {
    const r = rows[i];
    return holdingRecord({
      id: r[0] as string,
      description: r[1] as string,
      sector: "corporate",
      type: typeOf(r[3]),
      par: r[4] as number,
      coupon: r[5] as number,
      maturity: r[6] as number,
      price: r[7] as number,
      frequency: r[8] as number,
      basis: r[9] as number,
      sourceRow: i + 2,
      floatDate: (r[13] as number | null) ?? NaN,
      spread: (r[14] as number) / 1e4,
      resetFrequency: r[15] === "Daily" ? 365 : 4,
      index: "SOFR",
      calls: r[12] ? parseCallScheduleText(r[12] as string) : null,
    });
  });
  const x = holdingCurveExposure(
    packHoldings(records),
    makeMarket({ settlement: SETTLEMENT, curve: DEFAULT_CURVE })
  );
  return new Map(idx.map((row, k) => [row, x.risk.effDuration[k]]));
})();

// Vendor Duration: an effective (curve-based, OAD-style) duration as a vendor would report it — the
// core's effective duration on the bundled 2024-12-31 par curve with a little model noise (±0.02
// years); option-adjusted figures for callables and MBS are well below their bullet durations.
{
  const terms = allocateTerms(rows.length);
  rows.forEach((r, i) =>
    setTerms(terms, i, {
      settlement: SETTLEMENT,
      maturity: r[6] as number,
      rate: r[5] as number,
      frequency: 2,
      basis: r[9] as 0 | 1,
    })
  );
  const eff = curveRisk(
    SETTLEMENT,
    terms,
    Float64Array.from(rows, (r) => r[7] as number),
    DEFAULT_CURVE,
    {
      interpolation: "linear_zero",
    }
  ).effDuration;
  rows.forEach((r, i) => {
    if (r[11] === null) return;
    const floating = ENGINE_EFF.get(i);
    // MBS: the engine's OAD with a vendor's model difference of up to ±0.3 years.
    if (r[3] === "MBS") r[11] = Math.round(((r[22] as number) + uniform(-0.3, 0.3)) * 1000) / 1000;
    else {
      r[11] = Math.round(((floating ?? eff[i]) + uniform(-0.02, 0.02)) * 1000) / 1000;
    }
  });
}

/** Five bullet rows whose Vendor Duration is deliberately off by 0.2–0.6 years. */
const offRows: string[] = [];
while (offRows.length < 5) {
  const r = pick(rows);
  if (r[11] === null || r[3] !== "Bullet" || offRows.includes(r[0] as string)) continue;
  r[11] = Math.round(((r[11] as number) + pick([-1, 1]) * uniform(0.2, 0.6)) * 1000) / 1000;
  offRows.push(r[0] as string);
}

// ---------------------------------------------------------------------------------------------
// Workbook

/** A JavaScript Date at UTC midnight of an Excel serial (exceljs writes it back as that serial). */
function jsDate(s: number): Date {
  const { y, m, d } = ymdFromSerial(s);
  return new Date(Date.UTC(y, m - 1, d));
}
const HEADER_FILL: ExcelJS.Fill = {
  type: "pattern",
  pattern: "solid",
  fgColor: { argb: "FF1F3864" },
};
const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: "FFFFFFFF" } };
function styleHeader(row: ExcelJS.Row): void {
  row.eachCell((c) => {
    c.fill = HEADER_FILL;
    c.font = HEADER_FONT;
    c.alignment = { vertical: "middle", horizontal: "center" };
    c.border = { bottom: { style: "thin", color: { argb: "FF000000" } } };
  });
}

async function main(): Promise<void> {
  // Fixed zip entry dates so that reruns write identical bytes (exceljs zips with its own JSZip).
  const requireFromExceljs = createRequire(require.resolve("exceljs"));
  requireFromExceljs("jszip").defaults.date = new Date(Date.UTC(2025, 0, 2));

  const wb = new ExcelJS.Workbook();
  wb.creator = "keyrate scripts/make-sample-portfolio.ts";
  wb.lastModifiedBy = wb.creator;
  wb.created = wb.modified = jsDate(SETTLEMENT);

  const ws = wb.addWorksheet("Holdings", { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = [
    { header: "ID", width: 12 },
    { header: "Description", width: 46 },
    { header: "Sector", width: 12 },
    { header: "Type", width: 10 },
    { header: "Par", width: 15, style: { numFmt: "#,##0" } },
    { header: "Coupon", width: 10, style: { numFmt: "0.000%" } },
    { header: "Maturity", width: 12, style: { numFmt: "yyyy-mm-dd" } },
    { header: "Price", width: 10, style: { numFmt: "0.000" } },
    { header: "Frequency", width: 11, style: { numFmt: "0" } },
    { header: "Basis", width: 8, style: { numFmt: "0" } },
    { header: "Rating", width: 8 },
    { header: "Vendor Duration", width: 16, style: { numFmt: "0.000" } },
    { header: "Call Schedule", width: 34 },
    { header: "Float Date", width: 12, style: { numFmt: "yyyy-mm-dd" } },
    { header: "Spread (bp)", width: 11, style: { numFmt: "0" } },
    { header: "Reset Frequency", width: 15 },
    { header: "Index", width: 8 },
    { header: "WAC", width: 8, style: { numFmt: "0.000%" } },
    { header: "WAM", width: 6, style: { numFmt: "0" } },
    { header: "WALA", width: 6, style: { numFmt: "0" } },
    { header: "Program", width: 10 },
    { header: "Pool", width: 10 },
  ];
  // Columns up to Pool; the engine's OAD (index 22) only seeds Vendor Duration.
  for (const r of rows)
    ws.addRow(
      r.slice(0, 22).map((v, j) => ((j === 6 || j === 13) && v !== null ? jsDate(v as number) : v))
    );
  styleHeader(ws.getRow(1));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows.length + 1, column: 22 } };

  const curve = wb.addWorksheet("Curve", { views: [{ state: "frozen", ySplit: 1 }] });
  curve.columns = [
    { width: 8 },
    { width: 10, style: { numFmt: "0.00%" } },
    { width: 3 },
    { width: 8 },
    { width: 90 },
  ];
  curve.getCell("A1").value = "Tenor";
  curve.getCell("B1").value = "Rate";
  curve.getCell("D1").value = "As of";
  TENORS.forEach((t, k) => {
    curve.getCell(k + 2, 1).value = t;
    curve.getCell(k + 2, 2).value = Math.round(CURVE!.rates[k] * 1e6) / 1e6;
  });
  curve.getCell("E1").value = jsDate(AS_OF);
  curve.getCell("E1").numFmt = "yyyy-mm-dd";
  curve.getCell("E1").alignment = { horizontal: "left" };
  curve.getCell("D2").value = "Source";
  curve.getCell("E2").value =
    "U.S. Department of the Treasury, Daily Treasury Par Yield Curve Rates, 2024-12-31 " +
    "(shared/data/ust_par_yield_curve_1990_2024.csv). Par yields, bond-equivalent (semiannual), decimals.";
  ["A1", "B1", "D1", "D2"].forEach((a) => {
    curve.getCell(a).font = a.startsWith("D") ? { bold: true } : HEADER_FONT;
    if (!a.startsWith("D")) curve.getCell(a).fill = HEADER_FILL;
  });

  const settings = wb.addWorksheet("Settings");
  settings.columns = [{ width: 26 }, { width: 36 }, { width: 3 }, { width: 90 }];
  const iso = (s: number): string => {
    const { y, m, d } = ymdFromSerial(s);
    return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  };
  const entries: [string, Date | string | number, string][] = [
    ["Setting", "Value", "Note"],
    ["Settlement date", jsDate(SETTLEMENT), "T+1 business day after the as-of date"],
    ["As-of date", jsDate(AS_OF), "Prices and the Curve sheet are as of this date"],
    ["Currency", "USD", "Portfolio currency"],
    [
      "Positions",
      "Fictitious",
      "Issuers, identifiers and positions are made up; the Treasury curve is real. Prices are " +
        "Excel PRICE at the curve level plus a sector spread (MBS: the MBS engine at an OAS of " +
        "40–80 bp); Vendor Duration is an effective " +
        "duration (option-adjusted for callables and MBS), a few rows deliberately off.",
    ],
    ["Target duration", TARGET_DURATION, "Target effective duration for the hedge (years)"],
    ["Hedge contract", HEDGE_CONTRACT, "CME 10-Year T-Note futures, March 2025 delivery"],
    [
      "Contract DV01",
      CONTRACT_DV01,
      `USD per bp per contract = CTD DV01 per 100k face ÷ CF. CTD ${CTD.cusip} ` +
        `(UST ${pct(CTD.coupon)} ${iso(CTD.maturity)}), CF ${CTD.cf.toFixed(4)}, ` +
        `DV01 ${CTD.dv01.toFixed(4)} per 100k face at yield ${(CTD.yld * 100).toFixed(6)}% ` +
        `(2024-12-31 par curve at maturity), clean ${CTD.clean.toFixed(4)}. CTD = lowest clean ` +
        `price ÷ CF of the ${DELIVERABLES.length} ZN Mar-2025 deliverables issued by settlement ` +
        `(CME table of 2025-03-13); no futures price, so carry and delivery options ignored; ` +
        `replace with your desk's figure.`,
    ],
  ];
  entries.forEach(([k, v, note], i) => {
    settings.getCell(i + 1, 1).value = k;
    settings.getCell(i + 1, 2).value = v;
    settings.getCell(i + 1, 4).value = note;
    if (v instanceof Date) settings.getCell(i + 1, 2).numFmt = "yyyy-mm-dd";
    else if (typeof v === "number") settings.getCell(i + 1, 2).numFmt = "0.00";
  });
  styleHeader(settings.getRow(1));

  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  await wb.xlsx.writeFile(OUT);
  const total = positions.reduce((s, p) => s + p.par, 0);
  const bySector = SECTOR_ORDER.map((s) => {
    const par = positions.filter((p) => p.sector === s).reduce((a, p) => a + p.par, 0);
    return `${s} ${((100 * par) / total).toFixed(1)}%`;
  });
  console.log(
    `wrote ${path.relative(process.cwd(), OUT)}: ${rows.length} positions, par ` +
      `${(total / 1e9).toFixed(3)}bn (${bySector.join(", ")}), ${fs.statSync(OUT).size} bytes`
  );
  const vendorRows = rows.filter((r) => r[11] !== null).length;
  console.log(`Vendor Duration on ${vendorRows} rows; deliberately off on ${offRows.join(", ")}`);
  console.log(
    `Contract DV01 ${CONTRACT_DV01.toFixed(4)}: CTD ${CTD.cusip} ${pct(CTD.coupon)} ` +
      `${iso(CTD.maturity)}, CF ${CTD.cf}, DV01 ${CTD.dv01.toFixed(4)} per 100k face`
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
