/** The check that a rate argument (coupon, yield) is a decimal, not a percent typed as a number. */
import { OutOfDomainError } from "../../core/errors";

/**
 * Rejects a rate of 1 (100%) or more as a percent typed as a number: a yield of 4.5 is 450%, and
 * was surely meant as 4.5%. Excel's own functions take it; keyrate answers #NUM! and says so.
 * @throws OutOfDomainError (#NUM!) naming the argument and the decimal meant.
 */
export function checkDecimalRate(x: number, argument: string): void {
  if (Math.abs(x) >= 1) {
    throw new OutOfDomainError(
      `${argument}: ${x} looks like a percent (${x * 100}%); enter ${x / 100} for ${x}%, or "${x}%" as text`,
      x,
      argument
    );
  }
}
