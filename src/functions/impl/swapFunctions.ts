/** SWAP_DV01 over ranges: SOFR OIS swaps' DV01 on a swap curve (one curve build per call). */
import { parseTenor, parseInterpolation } from "../../core/curve";
import { InvalidValueError } from "../../core/errors";
import { swapRisk } from "../../core/swaps/ois";
import { Arg, cellwise, guard, isBlank, parseNumber, Result } from "./cells";
import { parseCurveArg, parseSettlementArg, singleCell } from "./curveFunctions";

/** pay_fixed as TRUE/FALSE, 1/0 or text "pay"/"receive"; blank is pay fixed (the hedging case). */
function parsePayFixed(value: unknown): boolean {
  if (isBlank(value)) return true;
  if (typeof value === "boolean") return value;
  if (typeof value === "number" && (value === 0 || value === 1)) return value === 1;
  const text = String(value).trim().toLowerCase();
  if (["pay", "payer", "true", "pay_fixed"].includes(text)) return true;
  if (["receive", "receiver", "false", "receive_fixed"].includes(text)) return false;
  throw new InvalidValueError(
    `pay_fixed: expected TRUE (pay fixed) or FALSE (receive fixed), got ${JSON.stringify(value)}`,
    value,
    "pay_fixed"
  );
}

/** KEYRATE.SWAP_DV01: money per 1 bp fall in the swap curve, for each tenor/notional/direction. */
export function swapDv01(
  tenor: Arg,
  notional: Arg,
  swapCurve: Arg,
  payFixed?: Arg,
  settlement?: Arg,
  interpolation?: Arg
): Result {
  return guard(() => {
    // The curve and its options are shared by every cell: parse them once.
    const spec = parseCurveArg(swapCurve, "sofr_ois");
    const settle = parseSettlementArg(settlement);
    const interp = parseInterpolation(singleCell(interpolation, "interpolation"));
    return cellwise(
      [tenor, notional, payFixed],
      ["tenor", "notional", "pay_fixed"],
      ([t, n, p]) =>
        swapRisk(
          spec,
          settle,
          {
            months: parseTenor(t, "tenor"),
            notional: parseNumber(n, "notional"),
            payFixed: parsePayFixed(p),
          },
          interp
        ).dv01
    );
  });
}
