/** PRICE32 and TO32 over ranges: Treasury quotes in 32nds both ways. */
import { format32, parse32, Resolution32 } from "../../core/quote32";
import { Arg, cellwise, isBlank, parseNumber, Result } from "./cells";

/** KEYRATE.PRICE32: decimal price of a 32nds quote ("110-16+" → 110.515625). */
export function price32(quote: Arg): Result {
  return cellwise([quote], ["quote"], ([q]) => parse32(q, "quote"));
}

/** KEYRATE.TO32: 32nds quote of a decimal price, to 1/resolution of a point (default 256). */
export function to32(price: Arg, resolution?: Arg): Result {
  return cellwise([price, resolution], ["price", "resolution"], ([p, res]) =>
    format32(
      parseNumber(p, "price"),
      (isBlank(res) ? 256 : parseNumber(res, "resolution")) as Resolution32
    )
  );
}
