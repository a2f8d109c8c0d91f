/**
 * A hedges range (the `hedges` argument of KEYRATE.SCENARIOS, the pane's hedge list): a header
 * row, then one hedge per row. Columns, matched case-insensitively ignoring spaces and punctuation:
 *
 *   instrument      a Treasury futures code (ZT, Z3N, ZF, ZN, TN, TWE, ZB, UB; TU FV TY US) or
 *                   "SOFR <tenor>" for a SOFR OIS swap ("SOFR 10Y")                     required
 *   quantity        contracts (futures) or notional (swaps, money); also "contracts",
 *                   "notional"; signed when direction is blank: > 0 long futures /
 *                   receive fixed, < 0 short futures / pay fixed                         required
 *   direction       buy/long or sell/short (futures), receive or pay (swaps); with it the
 *                   quantity must be positive                                            optional
 *   delivery month  futures contract month (date or "YYYY-MM"); default the first whose roll
 *                   date is after settlement                                              optional
 *   ctd coupon, ctd maturity, ctd price   the CTD (decimal, date, clean per 100 at
 *                   settlement); default the bundled universe's CTD priced on the curve    optional
 *   repo            decimal, simple ACT/360; default implied by the curve to delivery      optional
 *   fixed rate      swap fixed rate, decimal; default the par rate at settlement           optional
 *
 * Options (options/optionHedges.ts), quantity > 0 bought, < 0 sold (or direction buy/sell):
 *   "SOFR 10Y payer" / "SOFR 10Y receiver" (a swaption into the 10Y SOFR OIS; quantity = notional),
 *   "SOFR 5Y cap" / "SOFR 5Y floor" (quarterly caplets from the expiry column's date; notional),
 *   "ZN call" / "ZN put" (an option on the futures, delivery month as for futures; contracts)
 *   expiry          option expiry (a cap's start date), date                         required
 *   strike          decimal rate (swaptions, caps); points or 32nds (futures options)  required
 *   vol             normal vol, decimal (0.009 = 90 bp) for swaptions and caps; lognormal
 *                   price vol, decimal (0.065) for futures options                      required
 *   style           american (default) or european (futures options)                   optional
 *   futures price   the underlying's price, points; default the futures engine's        optional
 */
import { cellNumber, cellValue } from "../holdings/cells";
import { parseTenor } from "../curve";
import { parseDate } from "../dates";
import { InvalidValueError, KeyrateError, MissingValueError, throwIfProblems } from "../errors";
import { parseContract, parseDeliveryMonth } from "../futures/contracts";
import { Hedge } from "./hedges";
import { OptionPosition } from "../options/optionHedges";
import { parse32 } from "../quote32";

const FIELDS = {
  instrument: ["instrument", "hedge", "contract"],
  quantity: ["quantity", "contracts", "notional", "qty"],
  direction: ["direction", "side"],
  month: ["deliverymonth", "month", "contractmonth"],
  ctdCoupon: ["ctdcoupon"],
  ctdMaturity: ["ctdmaturity"],
  ctdPrice: ["ctdprice"],
  repo: ["repo"],
  fixedRate: ["fixedrate", "rate"],
  expiry: ["expiry", "expiration", "start"],
  strike: ["strike"],
  vol: ["vol", "volatility", "sigma"],
  style: ["style", "exercise"],
  futuresPrice: ["futuresprice", "underlyingprice"],
} as const;
type Field = keyof typeof FIELDS;

const normal = (h: unknown) =>
  String(h ?? "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
const blank = (v: unknown) => v === undefined || v === null || String(v).trim() === "";

function number(v: unknown, what: string): number {
  const x = typeof v === "number" ? v : (cellNumber(cellValue(v)) ?? NaN);
  if (!Number.isFinite(x))
    throw new InvalidValueError(`${what}: expected a number, got ${JSON.stringify(v)}`, v, what);
  return x;
}

const SWAP = /^\s*sofr\s+(.+)$/i;
const RATE_OPTION = /^\s*sofr\s+(\S+)\s+(payer|receiver|cap|floor)(?:\s+swaption)?\s*$/i;
const FUTURES_OPTION = /^\s*(\S+)\s+(call|put)\s*$/i;

/** An option row: see the file comment. */
function optionOf(
  rate: RegExpExecArray | null,
  futures: RegExpExecArray | null,
  qty: number,
  get: (f: Field) => unknown
): OptionPosition {
  for (const f of ["expiry", "strike", "vol"] as const)
    if (blank(get(f))) throw new MissingValueError(`${f}: an option needs its ${f}`, get(f), f);
  const expiry = parseDate(get("expiry"), "expiry");
  const vol = number(get("vol"), "vol");
  if (rate) {
    const type = rate[2].toLowerCase();
    const months = parseTenor(rate[1], "instrument");
    const strike = number(get("strike"), "strike");
    if (type === "payer" || type === "receiver")
      return {
        kind: "swaption",
        expiry,
        months,
        strike,
        vol,
        payer: type === "payer",
        notional: qty,
      };
    return {
      kind: "capfloor",
      start: expiry,
      months,
      strike,
      vol,
      cap: type === "cap",
      notional: qty,
    };
  }
  const style = blank(get("style")) ? "american" : String(get("style")).trim().toLowerCase();
  if (style !== "american" && style !== "european")
    throw new InvalidValueError(
      `style: expected american or european, got ${style}`,
      style,
      "style"
    );
  return {
    kind: "futures-option",
    contract: parseContract(futures![1], "instrument"),
    ...(blank(get("month")) ? {} : { month: parseDeliveryMonth(get("month"), "delivery month") }),
    expiry,
    strike: parse32(get("strike"), "strike"),
    vol,
    call: futures![2].toLowerCase() === "call",
    american: style === "american",
    contracts: qty,
    ...(blank(get("futuresPrice"))
      ? {}
      : { futuresPrice: parse32(get("futuresPrice"), "futures price") }),
  };
}

/**
 * Reads a hedges range (header row first).
 * @throws InvalidValueError listing up to five bad rows and the count.
 */
export function parseHedgesRange(range: readonly (readonly unknown[])[]): Hedge[] {
  if (range.length < 2) {
    throw new MissingValueError(
      "hedges: expected a header row and at least one hedge",
      range.length,
      "hedges"
    );
  }
  const col = new Map<Field, number>();
  range[0].forEach((h, c) => {
    const n = normal(h);
    for (const [f, names] of Object.entries(FIELDS) as [Field, readonly string[]][])
      if (!col.has(f) && names.includes(n)) col.set(f, c);
  });
  for (const f of ["instrument", "quantity"] as const)
    if (!col.has(f))
      throw new MissingValueError(`hedges: no "${f}" column in the header row`, range[0], "hedges");
  const problems: string[] = [];
  const out: Hedge[] = [];
  range.slice(1).forEach((row, r) => {
    if (row.every(blank)) return;
    const get = (f: Field) => (col.has(f) ? row[col.get(f)!] : undefined);
    try {
      const instrument = String(get("instrument") ?? "").trim();
      let qty = number(get("quantity"), "quantity");
      const dir = blank(get("direction")) ? "" : String(get("direction")).trim().toLowerCase();
      const rateOption = RATE_OPTION.exec(instrument);
      const futuresOption = rateOption ? null : FUTURES_OPTION.exec(instrument);
      const swap = rateOption || futuresOption ? null : SWAP.exec(instrument);
      if (dir) {
        if (qty < 0)
          throw new InvalidValueError(
            "quantity: give a positive quantity with a direction",
            qty,
            "quantity"
          );
        const negative = swap ? ["pay", "payer", "pay fixed"] : ["sell", "short"];
        const positive = swap ? ["receive", "receiver", "receive fixed"] : ["buy", "long"];
        if (negative.includes(dir)) qty = -qty;
        else if (!positive.includes(dir))
          throw new InvalidValueError(
            `direction: expected ${[...positive, ...negative].join(", ")}, got ${JSON.stringify(get("direction"))}`,
            dir,
            "direction"
          );
      }
      if (qty === 0) throw new InvalidValueError("quantity: must not be 0", qty, "quantity");
      if (rateOption || futuresOption) {
        out.push({ kind: "option", option: optionOf(rateOption, futuresOption, qty, get) });
        return;
      }
      if (swap) {
        out.push({
          kind: "swap",
          swap: {
            months: parseTenor(swap[1], "instrument"),
            notional: Math.abs(qty),
            payFixed: qty < 0,
            ...(blank(get("fixedRate"))
              ? {}
              : { fixedRate: number(get("fixedRate"), "fixed rate") }),
          },
        });
        return;
      }
      const ctdGiven = ["ctdCoupon", "ctdMaturity", "ctdPrice"].filter(
        (f) => !blank(get(f as Field))
      );
      if (ctdGiven.length && ctdGiven.length < 3)
        throw new MissingValueError(
          "ctd: give its coupon, maturity and price, or none",
          null,
          "ctd"
        );
      out.push({
        kind: "futures",
        contract: parseContract(instrument, "instrument"),
        contracts: qty,
        ...(blank(get("month"))
          ? {}
          : { month: parseDeliveryMonth(get("month"), "delivery month") }),
        ...(ctdGiven.length
          ? {
              ctd: {
                coupon: number(get("ctdCoupon"), "ctd coupon"),
                maturity: parseDate(get("ctdMaturity"), "ctd maturity"),
                cleanPrice: number(get("ctdPrice"), "ctd price"),
              },
            }
          : {}),
        ...(blank(get("repo")) ? {} : { repo: number(get("repo"), "repo") }),
      });
    } catch (e) {
      if (!(e instanceof KeyrateError)) throw e;
      problems.push(`row ${r + 2}: ${e.message}`);
    }
  });
  throwIfProblems(problems, "hedges");
  return out;
}
