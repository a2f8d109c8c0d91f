/**
 * Hull–White one-factor model parameters, shared by every option-adjusted engine (callables on a
 * lattice, MBS on Monte Carlo paths) so that both use the same model on the same curve.
 *
 * dr = (θ(t) − a·r) dt + σ dW, θ fitted exactly to the market's zero curve.
 */
import { DEFAULT_HW_MEAN_REVERSION, DEFAULT_HW_VOLATILITY } from "../conventions";
import { OutOfDomainError } from "../errors";

export interface HullWhiteParams {
  /** Mean reversion a, per year (≥ 0). */
  readonly meanReversion: number;
  /** Normal volatility σ of the short rate, decimal a year (0.01 = 100 bp). */
  readonly volatility: number;
  /** True where the user gave no volatility: every figure then says "default volatility". */
  readonly defaultVolatility: boolean;
  /** True where the user gave no mean reversion. */
  readonly defaultMeanReversion: boolean;
}

/**
 * The model's parameters from optional user inputs (undefined/null/NaN: the default). A
 * volatility ≥ 1 looks like a percent or basis points and is refused, never rescaled.
 */
export function hullWhiteParams(
  volatility?: number | null,
  meanReversion?: number | null
): HullWhiteParams {
  const given = (v: number | null | undefined): v is number =>
    v !== undefined && v !== null && !Number.isNaN(v);
  const sigma = given(volatility) ? volatility : DEFAULT_HW_VOLATILITY;
  const a = given(meanReversion) ? meanReversion : DEFAULT_HW_MEAN_REVERSION;
  if (!(sigma >= 0) || !Number.isFinite(sigma))
    throw new OutOfDomainError(
      "volatility must be a decimal ≥ 0 (0.01 = 100 bp a year)",
      sigma,
      "vol"
    );
  if (sigma >= 1)
    throw new OutOfDomainError(
      "volatility looks like a percent or basis points: give it as a decimal (0.01 = 100 bp a year)",
      sigma,
      "vol"
    );
  if (!(a >= 0) || !Number.isFinite(a) || a > 5)
    throw new OutOfDomainError(
      "mean reversion must be a number between 0 and 5 a year",
      a,
      "mean_reversion"
    );
  return {
    meanReversion: a,
    volatility: sigma,
    defaultVolatility: !given(volatility),
    defaultMeanReversion: !given(meanReversion),
  };
}

/** The model in words for every figure's method: "Hull–White 1F, a = 0.03 (default), σ = 100 bp (default volatility)". */
export function describeHullWhite(p: HullWhiteParams): string {
  const a = `a = ${p.meanReversion}${p.defaultMeanReversion ? " (default)" : ""}`;
  const bp = Math.round(p.volatility * 1e4 * 100) / 100;
  const s = `σ = ${bp} bp${p.defaultVolatility ? " (default volatility)" : ""}`;
  return `Hull–White 1F, ${a}, ${s}`;
}
