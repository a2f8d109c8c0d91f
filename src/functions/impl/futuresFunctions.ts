/**
 * The Treasury futures and hedge-sizing functions over ranges: HEDGE_CONTRACTS, ROLL_COST,
 * CONV_FACTOR, FUTURES_CALENDAR, FUTURES_DV01 and CTD. Contract codes, delivery months, prices
 * (decimal or 32nds text) and dates are parsed once here, at the boundary; the core gets numbers.
 */
import { settlementDate } from "../../core/calendar/usGovernmentSecurities";
import { parseDate, serialFromYmd } from "../../core/dates";
import { InvalidValueError, MissingValueError, OutOfDomainError } from "../../core/errors";
import { basisAnalysis } from "../../core/futures/basis";
import { contractDates } from "../../core/futures/calendar";
import { parseContract, parseDeliveryMonth } from "../../core/futures/contracts";
import { conversionFactor } from "../../core/futures/conversionFactor";
import { futuresDv01 } from "../../core/futures/futuresDv01";
import { readUniverseBasket } from "../../core/futures/universe";
import { hedgeContracts, parseRounding } from "../../core/hedge/dv01Hedge";
import { parse32 } from "../../core/quote32";
import {
  Arg,
  asMatrix,
  cellwise,
  guard,
  isBlank,
  parseNumber,
  Result,
  ResultCell,
  rowwise,
} from "./cells";

/** A price cell: a decimal or a 32nds quote ("110-16+"); empty is #N/A. */
function parsePrice(value: unknown, argument: string): number {
  if (isBlank(value)) {
    throw new MissingValueError(
      `${argument}: the cell is empty; a price is needed`,
      value,
      argument
    );
  }
  return parse32(value, argument);
}

/** An optional number: undefined when blank. */
function optionalNumber(value: unknown, argument: string): number | undefined {
  return isBlank(value) ? undefined : parseNumber(value, argument);
}

/** KEYRATE.HEDGE_CONTRACTS: (target − portfolio DV01) ÷ contract DV01 × β, rounded. */
export function hedgeContractsFn(
  portfolioDv01: Arg,
  targetDv01: Arg,
  contractDv01: Arg,
  beta?: Arg,
  rounding?: Arg
): Result {
  const names = ["portfolio_dv01", "target_dv01", "contract_dv01", "beta", "rounding"];
  return cellwise(
    [portfolioDv01, targetDv01, contractDv01, beta, rounding],
    names,
    ([p, t, c, b, r]) =>
      hedgeContracts(
        parseNumber(p, names[0]),
        parseNumber(t, names[1]),
        parseNumber(c, names[2]),
        optionalNumber(b, names[3]) ?? 1,
        parseRounding(r, names[4])
      )
  );
}

/** Default contract of ROLL_COST when none is given. */
export const ROLL_COST_DEFAULT_CONTRACT = "ZN";

/**
 * KEYRATE.ROLL_COST: contracts × (far − near) × face/100, positive = a cost to a long; with days,
 * a second column annualises it: cost × 365/days.
 */
export function rollCost(
  contracts: Arg,
  nearPrice: Arg,
  farPrice: Arg,
  contract?: Arg,
  days?: Arg
): Result {
  const names = ["contracts", "near_price", "far_price", "contract", "days"];
  const cost = ([n, near, far, code]: unknown[]) => {
    const spec = parseContract(isBlank(code) ? ROLL_COST_DEFAULT_CONTRACT : code, names[3]);
    return (
      (parseNumber(n, names[0]) *
        (parsePrice(far, names[2]) - parsePrice(near, names[1])) *
        spec.face) /
      100
    );
  };
  const daysMatrix = asMatrix(days);
  if (!daysMatrix || daysMatrix.every((row) => row.every(isBlank))) {
    return cellwise([contracts, nearPrice, farPrice, contract], names, cost);
  }
  return rowwise([contracts, nearPrice, farPrice, contract, days], names, 2, (cells) => {
    const d = parseNumber(cells[4], names[4]);
    if (!(d > 0)) throw new OutOfDomainError(`days: must be > 0, got ${d}`, d, names[4]);
    const c = cost(cells);
    return [c, (c * 365) / d];
  });
}

/** KEYRATE.CONV_FACTOR: CME's conversion factor of a bond for a contract month. */
export function convFactor(contract: Arg, coupon: Arg, maturity: Arg, deliveryMonth: Arg): Result {
  const names = ["contract", "coupon", "maturity", "delivery_month"];
  return cellwise([contract, coupon, maturity, deliveryMonth], names, ([k, c, m, dm]) =>
    conversionFactor(
      parseContract(k, names[0]),
      parseDeliveryMonth(dm, names[3]),
      parseNumber(c, names[1]),
      parseDate(m, names[2])
    )
  );
}

/** KEYRATE.FUTURES_CALENDAR: [first notice, last trading, last delivery, suggested roll] serials. */
export function futuresCalendar(contract: Arg, deliveryMonth: Arg): Result {
  const names = ["contract", "delivery_month"];
  return rowwise([contract, deliveryMonth], names, 4, ([k, dm]) => {
    const dates = contractDates(parseContract(k, names[0]), parseDeliveryMonth(dm, names[1]));
    return [dates.firstNoticeDay, dates.lastTradingDay, dates.lastDeliveryDay, dates.rollDate];
  });
}

/** KEYRATE.FUTURES_DV01: CTD forward DV01 on the contract face ÷ CF, money per bp per contract. */
export function futuresDv01Fn(
  contract: Arg,
  deliveryMonth: Arg,
  ctdCoupon: Arg,
  ctdMaturity: Arg,
  ctdPrice: Arg,
  settlement?: Arg,
  repo?: Arg
): Result {
  const names = [
    "contract",
    "delivery_month",
    "ctd_coupon",
    "ctd_maturity",
    "ctd_price",
    "settlement",
    "repo",
  ];
  return cellwise(
    [contract, deliveryMonth, ctdCoupon, ctdMaturity, ctdPrice, settlement, repo],
    names,
    ([k, dm, c, m, p, s, r]) =>
      futuresDv01(
        parseContract(k, names[0]),
        parseDeliveryMonth(dm, names[1]),
        parseNumber(c, names[2]),
        parseDate(m, names[3]),
        parsePrice(p, names[4]),
        {
          settlement: isBlank(s) ? undefined : parseDate(s, names[5]),
          repo: optionalNumber(r, names[6]),
        }
      ).dv01
  );
}

/** Today's date (the computer's local calendar day) as an Excel serial. */
function todaySerial(): number {
  const now = new Date();
  return serialFromYmd(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** The single cell of a scalar argument (a 1×1 range), or a #VALUE! for a larger range. */
function single(arg: Arg, name: string): unknown {
  const m = asMatrix(arg);
  if (!m) return undefined;
  if (m.length !== 1 || m[0].length !== 1) {
    throw new InvalidValueError(
      `${name}: expected a single cell, got a ${m.length}×${m[0].length} range`,
      m,
      name
    );
  }
  return m[0][0];
}

/** Header of the CTD table. */
export const CTD_HEADER = ["CUSIP", "CF", "gross basis", "net basis", "implied repo", "CTD"];

/**
 * KEYRATE.CTD: the deliverable basket's table — header, one row per deliverable (CUSIP, CF, gross
 * basis, net basis, implied repo, "CTD" on the cheapest), then the futures price used (given, or
 * theoretical) and the settlement, delivery and repo.
 */
export function ctd(
  contract: Arg,
  deliveryMonth: Arg,
  universe: Arg,
  futuresPrice: Arg,
  repo: Arg,
  settlement?: Arg
): Result {
  return guard(() => {
    const spec = parseContract(single(contract, "contract"), "contract");
    const month = parseDeliveryMonth(single(deliveryMonth, "delivery_month"), "delivery_month");
    const settleCell = single(settlement, "settlement");
    const settle = isBlank(settleCell)
      ? settlementDate(todaySerial())
      : parseDate(settleCell, "settlement");
    const repoRate = parseNumber(single(repo, "repo"), "repo");
    const fCell = single(futuresPrice, "futures_price");
    const f = isBlank(fCell) ? undefined : parsePrice(fCell, "futures_price");
    const range = asMatrix(universe) ?? [];
    const { basket } = readUniverseBasket(range, spec, month, settle);
    if (basket.length === 0) {
      throw new MissingValueError(
        `universe: no bond is deliverable into ${spec.code} ${month.y}-${String(month.m).padStart(2, "0")}`,
        range.length - 1,
        "universe"
      );
    }
    const a = basisAnalysis({
      contract: spec,
      month,
      settlement: settle,
      repo: repoRate,
      futuresPrice: f,
      coupons: Float64Array.from(basket, (b) => b.coupon),
      maturities: Float64Array.from(basket, (b) => b.maturity),
      cleanPrices: Float64Array.from(basket, (b) => b.cleanPrice),
    });
    const rows: ResultCell[][] = [CTD_HEADER.slice()];
    basket.forEach((b, i) =>
      rows.push([
        b.cusip,
        a.conversionFactor[i],
        a.grossBasis[i],
        a.netBasis[i],
        a.impliedRepo[i],
        i === a.ctd ? "CTD" : "",
      ])
    );
    const note =
      a.futuresPriceSource === "given"
        ? "given"
        : "theoretical: min forward ÷ CF; delivery options ignored";
    rows.push(["futures price", a.futuresPrice, note, "", "", ""]);
    rows.push(["settlement", a.settlement, "delivery", a.delivery, "repo", a.repo]);
    return rows;
  });
}
