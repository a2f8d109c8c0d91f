/**
 * Every KEYRATE function by its Excel name, with its argument names in signature order: the CLI
 * (`npx keyrate fn NAME …`) calls the same implementations as the Excel functions.
 */
import {
  accrued,
  convexity,
  durationMac,
  durationMod,
  dv01,
  priceFn,
  yieldFn,
} from "./bondFunctions";
import { price32, to32 } from "./quoteFunctions";
import { Arg, Result } from "./cells";

export interface FunctionEntry {
  /** Argument names in Excel signature order; optional ones in brackets, as the help shows them. */
  readonly args: readonly string[];
  readonly impl: (...args: Arg[]) => Result;
}

const BOND = ["settlement", "maturity", "coupon", "yld", "frequency", "[basis]"];

export const FUNCTIONS: Readonly<Record<string, FunctionEntry>> = {
  DURATION_MOD: { args: BOND, impl: durationMod },
  DURATION_MAC: { args: BOND, impl: durationMac },
  CONVEXITY: { args: BOND, impl: convexity },
  DV01: { args: [...BOND, "[face]"], impl: dv01 },
  PRICE: { args: BOND, impl: priceFn },
  YIELD: {
    args: ["settlement", "maturity", "coupon", "price", "frequency", "[basis]"],
    impl: yieldFn,
  },
  ACCRUED: { args: ["settlement", "maturity", "coupon", "frequency", "[basis]"], impl: accrued },
  PRICE32: { args: ["quote"], impl: price32 },
  TO32: { args: ["price", "[resolution]"], impl: to32 },
};
