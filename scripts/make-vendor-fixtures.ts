/**
 * Writes test/fixtures/vendor/: fictional holdings files in the layouts users bring, for the
 * end-to-end tests of the input path (test/core/holdings/vendor.test.ts, test/cli/vendor.test.ts).
 *
 *   npx tsx scripts/make-vendor-fixtures.ts
 *
 * - ishares-style.csv — an iShares fund holdings export: preamble lines (`Fund Holdings as
 *   of,"Dec 03, 2026"`, …), the 27 columns of their bond funds (`Name, Sector, Asset Class, Market
 *   Value, Weight (%), …, Coupon (%), Mod. Duration, …, Accrual Date, Effective Date`), quoted
 *   numbers with thousands separators, `Feb 01, 2046` dates, `-` for missing, cash rows, and a
 *   disclaimer footer.
 * - bloomberg-port.xlsx — a Bloomberg PORT holdings export: title rows, then `Security, Ticker,
 *   CUSIP, ISIN, Position, Market Value, % Wgt, Cpn, Maturity, Px Close, YTM, OAD, Mod Dur, BCLASS
 *   Level 3, Crncy`, dates as Excel dates, a CUSIP with a leading zero kept by a "000000000" format.
 * - admin-generic.csv — a fund administrator's file: `Par (000s)`, `Coupon %`, M/D/YYYY dates,
 *   `(2,500)` for a short.
 *
 * Everything is made up: issuers, ids (CUSIP-shaped, not real), positions. Deterministic (seeded
 * PRNG). Prices come from the core's Excel-compatible PRICE at a drawn yield; the vendor market
 * value is par × (clean price as written + accrued interest) / 100, so that it reconciles with
 * keyrate's to the cent, except on the row named OFF_ROW, which is 0.3% off on purpose.
 */
import * as fs from "fs";
import * as path from "path";
import { createRequire } from "module";
import ExcelJS from "exceljs";
import { bondRisk } from "../src/core/bond";
import { isoFromSerial, serialFromYmd, ymdFromSerial } from "../src/core/dates";

const OUT = path.resolve(__dirname, "../test/fixtures/vendor");
/** Settlement of every file: the business day after the holdings date 2026-12-03. */
export const SETTLEMENT = serialFromYmd(2026, 12, 4);
/** The iShares row (0-based among its bonds) whose vendor market value is 0.3% off. */
export const OFF_ROW = 3;

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GROUPS = [
  "Banking",
  "Communications",
  "Consumer Non-Cyclical",
  "Energy",
  "Technology",
  "Insurance",
  "Capital Goods",
  "Electric",
];
const ISSUERS = [
  "NORTHWIND BANK",
  "CONTOSO TELECOM",
  "FABRIKAM FOODS",
  "LITWARE ENERGY",
  "TAILSPIN TECH",
  "WOODGROVE INSURANCE",
  "ADVENTURE WORKS",
  "PROSEWARE POWER",
];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

interface Bond {
  name: string;
  group: string;
  cusip: string;
  isin: string;
  par: number;
  coupon: number;
  maturity: number;
  issue: number;
  price: number;
  yld: number;
  basis: 0 | 1;
  accrued: number;
  modified: number;
  government: boolean;
}

/** `Feb 01, 2046`. */
function vendorDate(serial: number): string {
  const { y, m, d } = ymdFromSerial(serial);
  return `${MONTHS[m - 1]} ${String(d).padStart(2, "0")}, ${y}`;
}

/** `2/1/2046`. */
function usDate(serial: number): string {
  const { y, m, d } = ymdFromSerial(serial);
  return `${m}/${d}/${y}`;
}

/** "71,246,274.07". */
function grouped(x: number, digits = 2): string {
  return x.toLocaleString("en-US", {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

/** A CUSIP-shaped made-up id; a few are the shapes spreadsheets mangle (E-notation, leading zero). */
function cusip(i: number, r: () => number): string {
  if (i === 1) return "123456E78";
  if (i === 2) return "012345678";
  const chars = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";
  let s = String(100000 + Math.floor(r() * 800000));
  for (let k = 0; k < 3; k++) s += chars[Math.floor(r() * chars.length)];
  return s.slice(0, 9);
}

/** `n` bonds: corporates, then two Treasuries (one with a 0.125% coupon). */
function bonds(n: number, seed: number): Bond[] {
  const r = rng(seed);
  const out: Bond[] = [];
  for (let i = 0; i < n; i++) {
    const government = i >= n - 2;
    const years = government ? (i === n - 1 ? 1.6 : 24) : 1 + Math.floor(r() * 28);
    const maturity = SETTLEMENT + Math.round(years * 365.25) + Math.floor(r() * 180);
    const issue = maturity - Math.round((years + 2 + Math.floor(r() * 8)) * 365.25);
    const coupon = government && i === n - 1 ? 0.00125 : Math.round((2 + r() * 5) * 8) / 800;
    const yld = government ? 0.04 + r() * 0.005 : 0.045 + r() * 0.02;
    const basis = government ? 1 : 0;
    const risk = bondRisk(
      { settlement: SETTLEMENT, maturity, rate: coupon, frequency: 2, basis },
      yld
    );
    const price = Math.round(risk.clean * 1000) / 1000;
    const id = cusip(i, r);
    out.push({
      name: government ? "TREASURY NOTE" : ISSUERS[i % ISSUERS.length],
      group: government ? "Treasuries" : GROUPS[i % GROUPS.length],
      cusip: id,
      isin: `US${id}0`,
      par: (1 + Math.floor(r() * 40)) * 250_000,
      coupon,
      maturity,
      issue,
      price,
      yld,
      basis,
      accrued: risk.accrued,
      modified: risk.modified,
      government,
    });
  }
  return out;
}

/** Vendor market value: par × (clean as written + accrued) / 100, rounded to the cent. */
function marketValue(b: Bond): number {
  return Math.round(b.par * (b.price + b.accrued)) / 100;
}

const CSV_QUOTE = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** The iShares-style export. */
export function isharesCsv(list: readonly Bond[], cash: number): string {
  const header = [
    "Name",
    "Sector",
    "Asset Class",
    "Market Value",
    "Weight (%)",
    "Notional Value",
    "Par Value",
    "CUSIP",
    "ISIN",
    "SEDOL",
    "Price",
    "Location",
    "Exchange",
    "Currency",
    "Duration",
    "YTM (%)",
    "FX Rate",
    "Maturity",
    "Coupon (%)",
    "Mod. Duration",
    "Yield to Call (%)",
    "Yield to Worst (%)",
    "Real Duration",
    "Real YTM (%)",
    "Market Currency",
    "Accrual Date",
    "Effective Date",
  ];
  const mvs = list.map((b, i) => marketValue(b) * (i === OFF_ROW ? 1.003 : 1));
  const total = mvs.reduce((a, b) => a + b, 0) + cash;
  const rows = list.map((b, i) => [
    b.name,
    b.group,
    "Fixed Income",
    grouped(mvs[i]),
    grouped((100 * mvs[i]) / total),
    grouped(mvs[i]),
    grouped(b.par),
    b.cusip,
    b.isin,
    "-",
    grouped(b.price, 3),
    "United States",
    "-",
    "USD",
    grouped(b.modified + 0.01),
    grouped(100 * b.yld),
    "1.00",
    vendorDate(b.maturity),
    grouped(100 * b.coupon, 3),
    grouped(b.modified),
    "-",
    grouped(100 * b.yld),
    "0.00",
    "-",
    "USD",
    vendorDate(b.issue),
    "-",
  ]);
  const cashRow = [
    "USD CASH",
    "Cash and/or Derivatives",
    "Cash",
    grouped(cash),
    grouped((100 * cash) / total),
    grouped(cash),
    grouped(cash),
    "-",
    "-",
    "-",
    "100.00",
    "United States",
    "-",
    "USD",
    "0.00",
    "0.00",
    "1.00",
    "-",
    "0.00",
    "0.00",
    "-",
    "-",
    "0.00",
    "-",
    "USD",
    "-",
    "-",
  ];
  const lines = [
    "iShares Fictional Corporate Bond ETF",
    'Fund Holdings as of,"Dec 03, 2026"',
    'Inception Date,"Jan 02, 2020"',
    'Shares Outstanding,"12,500,000.00"',
    'Stock,"-"',
    'Bond,"-"',
    'Cash,"-"',
    'Other,"-"',
    "\u00a0",
    header.join(","),
    ...[...rows, cashRow].map((row) => row.map(CSV_QUOTE).join(",")),
    "\u00a0",
    '"The content contained herein is fictional test data written by keyrate\'s fixture script. Holdings are subject to change; this is not an offer or solicitation."',
  ];
  return lines.join("\n") + "\n";
}

/** The administrator's file. */
function adminCsv(list: readonly Bond[]): string {
  const lines = [
    "Security ID,Description,Par (000s),Coupon %,Maturity Date,Price,Market Value,Sector,Trade Date",
  ];
  list.forEach((b, i) => {
    const thousands = i === 1 ? -2500 : b.par / 1000;
    const par = thousands < 0 ? `(${grouped(-thousands, 0)})` : grouped(thousands, 0);
    const mv = marketValue({ ...b, par: thousands * 1000 });
    const money = mv < 0 ? `(${grouped(-mv)})` : grouped(mv);
    const sector = b.government ? "Government" : "Corporate";
    lines.push(
      [
        b.cusip,
        `${b.name} ${grouped(100 * b.coupon, 3)} ${ymdFromSerial(b.maturity).y}`,
        par,
        grouped(100 * b.coupon, 3),
        usDate(b.maturity),
        b.price.toFixed(3),
        money,
        sector,
        "12/1/2026",
      ]
        .map(CSV_QUOTE)
        .join(",")
    );
  });
  return lines.join("\n") + "\n";
}

/** The Bloomberg PORT export, as a workbook. */
async function bloombergXlsx(list: readonly Bond[], file: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  book.creator = book.lastModifiedBy = "keyrate scripts/make-vendor-fixtures.ts";
  book.created = book.modified = new Date(Date.UTC(2026, 11, 3));
  const ws = book.addWorksheet("Holdings");
  ws.addRow(["Portfolio: KEYRATE FICTIONAL CORE"]);
  ws.addRow(["As of Date", new Date(Date.UTC(2026, 11, 3))]);
  ws.addRow([]);
  ws.addRow([
    "Security",
    "Ticker",
    "CUSIP",
    "ISIN",
    "Position",
    "Market Value",
    "% Wgt",
    "Cpn",
    "Maturity",
    "Px Close",
    "YTM",
    "OAD",
    "Mod Dur",
    "BCLASS Level 3",
    "Crncy",
  ]);
  const total = list.reduce((a, b) => a + marketValue(b), 0);
  list.forEach((b, i) => {
    const { y, m, d } = ymdFromSerial(b.maturity);
    const row = ws.addRow([
      b.name,
      `${b.name.split(" ")[0]} ${100 * b.coupon} ${m}/${d}/${String(y).slice(2)}`,
      i === 2 ? 12345678 : b.cusip,
      b.isin,
      b.par,
      marketValue(b),
      (100 * marketValue(b)) / total,
      100 * b.coupon,
      new Date(Date.UTC(y, m - 1, d)),
      b.price,
      100 * b.yld,
      b.modified + 0.01,
      b.modified,
      b.group,
      "USD",
    ]);
    // A CUSIP stored as a number with a zero-padded format, as spreadsheets keep 012345678.
    if (i === 2) row.getCell(3).numFmt = "000000000";
    row.getCell(9).numFmt = "mm/dd/yyyy";
  });
  await book.xlsx.writeFile(file);
}

async function main(): Promise<void> {
  // Fixed zip entry dates so that reruns write identical bytes (exceljs zips with its own JSZip).
  createRequire(require.resolve("exceljs"))("jszip").defaults.date = new Date(
    Date.UTC(2026, 11, 3)
  );
  fs.mkdirSync(OUT, { recursive: true });
  const list = bonds(24, 20261203);
  fs.writeFileSync(path.join(OUT, "ishares-style.csv"), isharesCsv(list, 1_234_567.89));
  fs.writeFileSync(path.join(OUT, "admin-generic.csv"), adminCsv(list.slice(0, 12)));
  await bloombergXlsx(list.slice(0, 12), path.join(OUT, "bloomberg-port.xlsx"));
  fs.writeFileSync(
    path.join(OUT, "README.md"),
    `Fictional vendor-layout holdings written by \`npx tsx scripts/make-vendor-fixtures.ts\`; settlement ${isoFromSerial(SETTLEMENT)}. Not real data.\n`
  );
  console.log(`wrote ${OUT}`);
}

if (require.main === module) void main();
