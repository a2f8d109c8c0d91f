/** A pool's terms as a holdings row gives them (type mbs). */
import type { MbsProgram } from "./program";
import type { FixedSpeed } from "./staticCashFlows";

export interface MbsTerms {
  readonly program: MbsProgram;
  /** Gross WAC, decimal. */
  readonly wac: number;
  /** Months left at settlement. */
  readonly wam: number;
  /** Loan age at settlement, months. */
  readonly wala: number;
  /** Current face ÷ original face (1 when not given). */
  readonly factor: number;
  /** Pool number or TBA id; "" when not given. */
  readonly pool: string;
  /** The row's fixed speed for static figures (and for valuation when given); absent: the model. */
  readonly speed?: FixedSpeed;
}
