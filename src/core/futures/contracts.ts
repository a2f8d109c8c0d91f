/**
 * CME US Treasury futures: the contract table (SPEC S4), contract-code parsing and delivery-month
 * parsing.
 *
 * Terms are in whole months; a term "from the first day" of the delivery month is measured from
 * day 1 of that month, "from the last day" from its last calendar day (not business day), as in
 * CME's rulebook. Ticks are fractions of one point (a point is 1 per 100 of face).
 */
import { parseDate, ymdFromSerial } from "../dates";
import { InvalidValueError, OutOfDomainError } from "../errors";

/** Globex codes of the supported contracts. */
export type ContractCode = "ZT" | "Z3N" | "ZF" | "ZN" | "TN" | "TWE" | "ZB" | "UB";

/** A contract (delivery) month: y and m with m ∈ {3, 6, 9, 12}. */
export interface DeliveryMonth {
  readonly y: number;
  readonly m: number;
}

/** Which bonds can be delivered, by term in whole months. */
export interface DeliverableRule {
  /** Largest original term (issue date to maturity), or undefined when unrestricted. */
  readonly originalTermMaxMonths?: number;
  /** Smallest remaining term, measured from the first day of the delivery month (inclusive). */
  readonly remainingMinMonths: number;
  /** Largest remaining term, or undefined when unrestricted. */
  readonly remainingMaxMonths?: number;
  /** Day of the delivery month the largest remaining term is measured from. */
  readonly remainingMaxFrom: "first" | "last";
  /** True when the largest remaining term is excluded (ZB: "less than 25 years"). */
  readonly remainingMaxExclusive: boolean;
}

/** How z (months to maturity beyond whole years) is rounded down for the conversion factor. */
export type FactorRounding = "month" | "quarter";

/**
 * Last-trading-day rules: the last business day of the contract month (2-, 3- and 5-year), or the
 * seventh business day before that last business day (the others).
 */
export type LastTradingRule = "lastBusinessDay" | "seventhBusinessDayBeforeLast";

/** Last-delivery-day rules: third business day after last trading, or the month's last. */
export type LastDeliveryRule = "thirdBusinessDayAfterLastTrading" | "lastBusinessDay";

export interface FuturesContract {
  readonly code: ContractCode;
  readonly name: string;
  /** Code in CME's conversion-factor workbook and on the old trading floor (TU, FV, TY, US…). */
  readonly cmeTableCode: string;
  /** Face value of the deliverable per contract, in USD. */
  readonly face: number;
  /** Minimum price fluctuation of an outright, as a fraction of one point. */
  readonly tick: number;
  readonly deliverable: DeliverableRule;
  readonly factorRounding: FactorRounding;
  readonly lastTrading: LastTradingRule;
  readonly lastDelivery: LastDeliveryRule;
}

const Y = 12;

/**
 * The contracts. Deliverable rules follow CME's rulebook; where the reference data disagree with
 * the prose of SPEC S4 the data win, and the difference is stated:
 * - ZT, ZF: original term ≤ 5y3m. CME's table lists two 7-year notes (912828Z78, 91282CGQ8) that
 *   were reopened as 5-year notes; pass the reopening's issue date for those (see deliverable.ts).
 * - Z3N: the 3-year limit is measured from the LAST day of the delivery month, like ZT's 2-year
 *   limit (CME rule; CME's table lists e.g. 2028-03-31 maturities for March 2025).
 * - ZN: remaining ≤ 8 years, not the 10 of SPEC S4 and older CME pages. CME's table lists no ZN
 *   deliverable with more than 7y11m14d left and omits every 10-year note with 8y2m14d left
 *   (e.g. the May 2033 note for March 2025), so the limit lies in [7y11m14d, 8y2m14d); 8 years
 *   is the round figure in that interval and matches CME's current rule as we understand it.
 * - TWE and ZB accept 30-year bonds that have aged into their windows (no original-term limit).
 */
const TABLE: Record<ContractCode, FuturesContract> = {
  ZT: {
    code: "ZT",
    name: "2-Year T-Note",
    cmeTableCode: "TU",
    face: 200_000,
    tick: 1 / 256,
    deliverable: {
      originalTermMaxMonths: 5 * Y + 3,
      remainingMinMonths: Y + 9,
      remainingMaxMonths: 2 * Y,
      remainingMaxFrom: "last",
      remainingMaxExclusive: false,
    },
    factorRounding: "month",
    lastTrading: "lastBusinessDay",
    lastDelivery: "thirdBusinessDayAfterLastTrading",
  },
  Z3N: {
    code: "Z3N",
    name: "3-Year T-Note",
    cmeTableCode: "Z3N",
    face: 200_000,
    tick: 1 / 256,
    deliverable: {
      originalTermMaxMonths: 7 * Y,
      remainingMinMonths: 2 * Y + 9,
      remainingMaxMonths: 3 * Y,
      remainingMaxFrom: "last",
      remainingMaxExclusive: false,
    },
    factorRounding: "month",
    lastTrading: "lastBusinessDay",
    lastDelivery: "thirdBusinessDayAfterLastTrading",
  },
  ZF: {
    code: "ZF",
    name: "5-Year T-Note",
    cmeTableCode: "FV",
    face: 100_000,
    tick: 1 / 128,
    deliverable: {
      originalTermMaxMonths: 5 * Y + 3,
      remainingMinMonths: 4 * Y + 2,
      remainingMaxFrom: "first",
      remainingMaxExclusive: false,
    },
    factorRounding: "month",
    lastTrading: "lastBusinessDay",
    lastDelivery: "thirdBusinessDayAfterLastTrading",
  },
  ZN: {
    code: "ZN",
    name: "10-Year T-Note",
    cmeTableCode: "TY",
    face: 100_000,
    tick: 1 / 64,
    deliverable: {
      originalTermMaxMonths: 10 * Y,
      remainingMinMonths: 6 * Y + 6,
      remainingMaxMonths: 8 * Y,
      remainingMaxFrom: "first",
      remainingMaxExclusive: false,
    },
    factorRounding: "quarter",
    lastTrading: "seventhBusinessDayBeforeLast",
    lastDelivery: "lastBusinessDay",
  },
  TN: {
    code: "TN",
    name: "Ultra 10-Year T-Note",
    cmeTableCode: "TN",
    face: 100_000,
    tick: 1 / 64,
    deliverable: {
      // "Original issue 10-year notes": a note (≤ 10y) with ≥ 9y5m left can only be one.
      originalTermMaxMonths: 10 * Y,
      remainingMinMonths: 9 * Y + 5,
      remainingMaxMonths: 10 * Y,
      remainingMaxFrom: "first",
      remainingMaxExclusive: false,
    },
    factorRounding: "quarter",
    lastTrading: "seventhBusinessDayBeforeLast",
    lastDelivery: "lastBusinessDay",
  },
  TWE: {
    code: "TWE",
    name: "20-Year T-Bond",
    cmeTableCode: "TWE",
    face: 100_000,
    tick: 1 / 32,
    deliverable: {
      remainingMinMonths: 19 * Y + 2,
      remainingMaxMonths: 19 * Y + 11,
      remainingMaxFrom: "first",
      remainingMaxExclusive: false,
    },
    factorRounding: "quarter",
    lastTrading: "seventhBusinessDayBeforeLast",
    lastDelivery: "lastBusinessDay",
  },
  ZB: {
    code: "ZB",
    name: "U.S. Treasury Bond",
    cmeTableCode: "US",
    face: 100_000,
    tick: 1 / 32,
    deliverable: {
      remainingMinMonths: 15 * Y,
      remainingMaxMonths: 25 * Y,
      remainingMaxFrom: "first",
      remainingMaxExclusive: true,
    },
    factorRounding: "quarter",
    lastTrading: "seventhBusinessDayBeforeLast",
    lastDelivery: "lastBusinessDay",
  },
  UB: {
    code: "UB",
    name: "Ultra U.S. Treasury Bond",
    cmeTableCode: "UB",
    face: 100_000,
    tick: 1 / 32,
    deliverable: {
      remainingMinMonths: 25 * Y,
      remainingMaxFrom: "first",
      remainingMaxExclusive: false,
    },
    factorRounding: "quarter",
    lastTrading: "seventhBusinessDayBeforeLast",
    lastDelivery: "lastBusinessDay",
  },
};

/** Contract codes in order of maturity. */
export const CONTRACT_CODES: readonly ContractCode[] = [
  "ZT",
  "Z3N",
  "ZF",
  "ZN",
  "TN",
  "TWE",
  "ZB",
  "UB",
];

/** Old floor / CME-table codes accepted as aliases. */
export const CONTRACT_ALIASES: Readonly<Record<string, ContractCode>> = {
  TU: "ZT",
  FV: "ZF",
  TY: "ZN",
  US: "ZB",
};

/** The contract with a given code. */
export function contractSpec(code: ContractCode): FuturesContract {
  return TABLE[code];
}

/** Quarterly month codes: H (March), M (June), U (September), Z (December). */
export const MONTH_CODES: Readonly<Record<number, string>> = { 3: "H", 6: "M", 9: "U", 12: "Z" };

/**
 * Parses a contract code, case-insensitively, accepting the aliases TU, FV, TY and US.
 * @throws InvalidValueError naming the accepted codes.
 */
export function parseContract(value: unknown, argument = "contract"): FuturesContract {
  if (typeof value === "string") {
    const key = value.trim().toUpperCase();
    const code = (CONTRACT_CODES as readonly string[]).includes(key)
      ? (key as ContractCode)
      : CONTRACT_ALIASES[key];
    if (code) return TABLE[code];
  }
  const aliases = Object.entries(CONTRACT_ALIASES)
    .map(([alias, code]) => `${alias}=${code}`)
    .join(", ");
  throw new InvalidValueError(
    `${argument}: expected a Treasury futures code, one of ${CONTRACT_CODES.join(", ")} ` +
      `(or ${aliases}), got ${JSON.stringify(value)}`,
    value,
    argument
  );
}

const YEAR_MONTH = /^\s*(\d{4})-(\d{1,2})\s*$/;

/**
 * Parses a delivery month: an Excel serial date anywhere in the month, a Date (its UTC day), or
 * text "YYYY-MM" or "YYYY-MM-DD".
 * @throws InvalidValueError for anything else; OutOfDomainError when the month is not March,
 * June, September or December.
 */
export function parseDeliveryMonth(value: unknown, argument = "delivery_month"): DeliveryMonth {
  let y: number;
  let m: number;
  const match = typeof value === "string" ? YEAR_MONTH.exec(value) : null;
  if (match) {
    [y, m] = [Number(match[1]), Number(match[2])];
    if (m < 1 || m > 12) {
      throw new InvalidValueError(
        `${argument}: expected a month YYYY-MM, got ${JSON.stringify(value)}`,
        value,
        argument
      );
    }
  } else {
    ({ y, m } = ymdFromSerial(parseDate(value, argument)));
  }
  if (m % 3 !== 0) {
    throw new OutOfDomainError(
      `${argument}: Treasury futures deliver in March, June, September or December; ` +
        `got ${y}-${String(m).padStart(2, "0")}`,
      value,
      argument
    );
  }
  return { y, m };
}

/** Globex-style symbol of a contract month, e.g. ZNM5 for June 2025 (one-digit year). */
export function contractSymbol(contract: FuturesContract, month: DeliveryMonth): string {
  return `${contract.code}${MONTH_CODES[month.m]}${month.y % 10}`;
}
