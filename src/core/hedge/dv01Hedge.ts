/**
 * The DV01-ratio hedge with one instrument (SPEC S4): contracts = (target DV01 − portfolio DV01) ÷
 * contract DV01 × β. Positive means buy (adds duration), negative means sell.
 */
import { InvalidValueError, OutOfDomainError } from "../errors";
import { parseOption } from "../options";

/** How a fractional contract count becomes a whole one. */
export type Rounding = "nearest" | "down" | "none";

export const ROUNDINGS: readonly Rounding[] = ["nearest", "down", "none"];

/** Parses a rounding option (case-insensitive); blank gives "nearest". */
export function parseRounding(value: unknown, argument = "rounding"): Rounding {
  return parseOption(value, ROUNDINGS, "nearest", argument);
}

/**
 * Contracts to trade so that portfolio DV01 + contracts × contract DV01 / β ≈ target DV01.
 * "down" rounds toward zero (never over-hedges); "nearest" rounds half away from zero.
 * @param portfolioDv01 Portfolio DV01, money per bp.
 * @param targetDv01 Wanted DV01 after the hedge, money per bp.
 * @param contractDv01 DV01 of one contract, money per bp, > 0.
 * @param beta Yield beta of the portfolio on the hedge instrument (default 1).
 * @throws OutOfDomainError when the contract DV01 is not positive or β is not positive.
 */
export function hedgeContracts(
  portfolioDv01: number,
  targetDv01: number,
  contractDv01: number,
  beta = 1,
  rounding: Rounding = "nearest"
): number {
  if (!(contractDv01 > 0)) {
    throw new OutOfDomainError(
      `contract_dv01: must be > 0 (money per bp per contract), got ${contractDv01}`,
      contractDv01,
      "contract_dv01"
    );
  }
  if (!(beta > 0)) throw new OutOfDomainError(`beta: must be > 0, got ${beta}`, beta, "beta");
  const exact = ((targetDv01 - portfolioDv01) / contractDv01) * beta;
  if (rounding === "none") return exact;
  const magnitude = Math.abs(exact);
  // A tiny epsilon keeps 76.9999999 (float noise) from rounding down to 76.
  const whole = rounding === "down" ? Math.floor(magnitude + 1e-9) : Math.round(magnitude);
  return whole === 0 ? 0 : Math.sign(exact) * whole;
}

/** A single-instrument DV01 hedge and its effect on the portfolio. */
export interface Dv01Hedge {
  /** Portfolio market value, money. */
  marketValue: number;
  /** Portfolio DV01 before the hedge, money per bp. */
  portfolioDv01: number;
  /** Portfolio modified duration before the hedge, years. */
  portfolioDuration: number;
  /** Target modified duration, years. */
  targetDuration: number;
  /** Target DV01 = target duration × market value × 0.0001. */
  targetDv01: number;
  contractDv01: number;
  beta: number;
  /** Contracts to trade: negative = sell. */
  contracts: number;
  /** DV01 added by the hedge, money per bp. */
  hedgeDv01: number;
  /** Portfolio DV01 after the hedge. */
  dv01After: number;
  /** Duration after the hedge = DV01 after ÷ (market value × 0.0001), years. */
  durationAfter: number;
}

/** Sizes the DV01-ratio hedge that brings a portfolio to a target modified duration. */
export function sizeDv01Hedge(
  marketValue: number,
  portfolioDv01: number,
  targetDuration: number,
  contractDv01: number,
  beta = 1,
  rounding: Rounding = "nearest"
): Dv01Hedge {
  if (!(marketValue > 0))
    throw new OutOfDomainError(
      `portfolio market value must be > 0, got ${marketValue}`,
      marketValue,
      "market value"
    );
  if (!Number.isFinite(targetDuration))
    throw new InvalidValueError(
      `target duration must be a number of years`,
      targetDuration,
      "target duration"
    );
  const bp = marketValue * 1e-4;
  const targetDv01 = targetDuration * bp;
  const contracts = hedgeContracts(portfolioDv01, targetDv01, contractDv01, beta, rounding);
  const hedgeDv01 = (contracts * contractDv01) / beta;
  const dv01After = portfolioDv01 + hedgeDv01;
  return {
    marketValue,
    portfolioDv01,
    portfolioDuration: portfolioDv01 / bp,
    targetDuration,
    targetDv01,
    contractDv01,
    beta,
    contracts,
    hedgeDv01,
    dv01After,
    durationAfter: dv01After / bp,
  };
}
