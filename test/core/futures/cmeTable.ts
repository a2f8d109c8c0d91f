/**
 * Loads CME's Treasury conversion-factor table (2025-03-13) from ../shared/data at run time. The
 * file is never copied into the project. When it is absent the tests that need it are skipped
 * with a message, except under CI (CI=true), where absence fails.
 */
import * as fs from "fs";
import * as path from "path";
import { serialFromIso } from "../../../src/core/dates";
import { ContractCode, DeliveryMonth, parseContract } from "../../../src/core/futures/contracts";

export const CME_TABLE_PATH = path.resolve(
  __dirname,
  "../../../../shared/data/cme_treasury_conversion_factors_2025-03-13.csv"
);

export interface CmeRow {
  readonly line: number;
  readonly contract: ContractCode;
  /** Coupon as a decimal. */
  readonly coupon: number;
  readonly issue: number;
  readonly maturity: number;
  readonly cusip: string;
  readonly month: DeliveryMonth;
  readonly factor: number;
}

const HEADER = [
  "contract",
  "coupon_pct",
  "issue_date",
  "maturity_date",
  "cusip",
  "issuance_usd_bn",
  "contract_month",
  "conversion_factor",
].join(",");

function serial(iso: string, line: number): number {
  const s = serialFromIso(iso);
  if (s === undefined) throw new Error(`CME table line ${line}: bad date ${iso}`);
  return s;
}

/** The table's rows, or undefined (with a console warning) when the file is absent outside CI. */
export function loadCmeTable(): CmeRow[] | undefined {
  if (!fs.existsSync(CME_TABLE_PATH)) {
    if (process.env.CI === "true") {
      throw new Error(`CME conversion-factor table missing under CI: ${CME_TABLE_PATH}`);
    }
    console.warn(`SKIPPED: CME conversion-factor table not found at ${CME_TABLE_PATH}`);
    return undefined;
  }
  const lines = fs.readFileSync(CME_TABLE_PATH, "utf8").split(/\r?\n/);
  if (lines[0].trim() !== HEADER) throw new Error(`CME table: unexpected header ${lines[0]}`);
  const rows: CmeRow[] = [];
  lines.slice(1).forEach((text, i) => {
    if (text.trim() === "") return;
    const line = i + 2;
    const f = text.split(",");
    if (f.length !== 8) throw new Error(`CME table line ${line}: expected 8 fields`);
    const [y, m] = f[6].split("-").map(Number);
    rows.push({
      line,
      // "TU (2-Year Note)" → TU → ZT
      contract: parseContract(f[0].split(" ")[0]).code,
      coupon: Number(f[1]) / 100,
      issue: serial(f[2], line),
      maturity: serial(f[3], line),
      cusip: f[4],
      month: { y, m },
      factor: Number(f[7]),
    });
  });
  return rows;
}

/** `describe` when the table is present, `describe.skip` otherwise. */
export function describeWithTable(rows: CmeRow[] | undefined): jest.Describe {
  return rows ? describe : describe.skip;
}
