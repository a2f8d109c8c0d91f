/**
 * Key dates of a Treasury futures contract month, on the US government securities calendar.
 *
 * - First notice day: the last business day of the month before the contract month (the first day
 *   a short may give notice of delivery, so longs roll before it).
 * - First delivery day: the first business day of the contract month.
 * - Last trading day: the last business day of the contract month for ZT, Z3N and ZF; the seventh
 *   business day before that last business day for ZN, TN, TWE, ZB and UB (CBOT rulebook).
 * - Last delivery day: the third business day after the last trading day for ZT, Z3N and ZF (their
 *   trading runs to the month end, so delivery spills into the next month); the last business day
 *   of the contract month for the others (CME contract specifications, "Last Delivery Day").
 * - Default roll date: `rollDays` business days before first notice (default 5).
 *
 * CME's own holiday calendar can differ from SIFMA's (CME has at times opened on Good Friday for
 * an abbreviated session); SIFMA's calendar is what delivery (Fedwire) follows, so it is used here.
 */
import { OutOfDomainError } from "../errors";
import {
  addBusinessDays,
  firstBusinessDayOfMonth,
  lastBusinessDayOfMonth,
} from "../calendar/usGovernmentSecurities";
import { DeliveryMonth, FuturesContract } from "./contracts";

/** Default number of business days before first notice to roll a position. */
export const DEFAULT_ROLL_DAYS = 5;

/** Key dates of one contract month, as Excel serials. */
export interface ContractDates {
  readonly rollDate: number;
  readonly firstNoticeDay: number;
  readonly firstDeliveryDay: number;
  readonly lastTradingDay: number;
  readonly lastDeliveryDay: number;
}

/** Options for contractDates. */
export interface ContractDateOptions {
  /** Business days before first notice to roll (whole number ≥ 0); default 5. */
  readonly rollDays?: number;
}

/** First notice day: the last business day of the month before the contract month. */
export function firstNoticeDay(month: DeliveryMonth): number {
  return month.m === 1
    ? lastBusinessDayOfMonth(month.y - 1, 12)
    : lastBusinessDayOfMonth(month.y, month.m - 1);
}

/** Last trading day of a contract month. */
export function lastTradingDay(contract: FuturesContract, month: DeliveryMonth): number {
  const monthEnd = lastBusinessDayOfMonth(month.y, month.m);
  return contract.lastTrading === "lastBusinessDay" ? monthEnd : addBusinessDays(monthEnd, -7);
}

/** Last delivery day of a contract month. */
export function lastDeliveryDay(contract: FuturesContract, month: DeliveryMonth): number {
  return contract.lastDelivery === "thirdBusinessDayAfterLastTrading"
    ? addBusinessDays(lastTradingDay(contract, month), 3)
    : lastBusinessDayOfMonth(month.y, month.m);
}

/** Roll date: `rollDays` business days before first notice (default 5). */
export function rollDate(month: DeliveryMonth, rollDays = DEFAULT_ROLL_DAYS): number {
  if (!Number.isInteger(rollDays) || rollDays < 0) {
    throw new OutOfDomainError(
      `roll_days: expected a whole number of business days ≥ 0, got ${rollDays}`,
      rollDays,
      "roll_days"
    );
  }
  return addBusinessDays(firstNoticeDay(month), -rollDays);
}

/** All key dates of a contract month. */
export function contractDates(
  contract: FuturesContract,
  month: DeliveryMonth,
  options: ContractDateOptions = {}
): ContractDates {
  return {
    rollDate: rollDate(month, options.rollDays ?? DEFAULT_ROLL_DAYS),
    firstNoticeDay: firstNoticeDay(month),
    firstDeliveryDay: firstBusinessDayOfMonth(month.y, month.m),
    lastTradingDay: lastTradingDay(contract, month),
    lastDeliveryDay: lastDeliveryDay(contract, month),
  };
}
