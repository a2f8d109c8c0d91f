/** PRICE32 and TO32 over ranges: Treasury quotes in 32nds both ways. */
import { format32, parse32, Resolution32 } from "../../core/quote32";
import { KeyrateError } from "../../core/errors";
import {
  Arg,
  asMatrix,
  broadcastShape,
  buildResult,
  cellAt,
  guard,
  isBlank,
  parseNumber,
  Result,
  ResultCell,
} from "./cells";

/** Applies `each` to every cell of the broadcast arguments, keeping per-cell errors. */
function cellwise(
  args: readonly Arg[],
  names: readonly string[],
  each: (cells: unknown[]) => ResultCell
): Result {
  return guard(() => {
    const matrices = args.map(asMatrix);
    const [rows, cols] = broadcastShape(matrices, names);
    return buildResult(rows, cols, (i) => {
      const r = Math.floor(i / cols);
      const c = i - r * cols;
      try {
        return each(matrices.map((m) => cellAt(m, r, c)));
      } catch (e) {
        if (e instanceof KeyrateError) return e;
        throw e;
      }
    });
  });
}

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
