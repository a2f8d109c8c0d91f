/**
 * Options as hedge instruments (SPEC S8 with issue 16): each candidate — a SOFR swaption or
 * cap/floor per 1,000,000 of notional bought, or one Treasury futures option bought — becomes an
 * optimiser column with its KR DV01s at the portfolio's keys, gamma (change of DV01 for 1 bp) and
 * vega (per 1 bp of normal volatility; for futures options through the futures' points per bp),
 * all money per unit, from the one option path (options/optionRisk.ts on the ladder curves):
 * rate options on the SOFR OIS market (as swaps: the Treasury–swap basis is a residual risk),
 * futures options on the Treasury market through their futures.
 *
 * Costs per unit traded ("cost" mode), stated defaults a desk should replace: half a bid/ask of
 * 1 bp of normal volatility for swaptions and caps (0.5 × vega), half a 64th of a point plus the
 * commission for futures options. Premium is an exchange of value, not a cost: it is reported.
 */
import { swapMarket, Market } from "../market/market";
import { FuturesOptionPosition, prepareFuturesOptions } from "../options/futuresOptions";
import { optionLabel, OptionPosition } from "../options/optionHedges";
import {
  futuresOptionPricer,
  OptionPricer,
  optionGreeks,
  rateOptionPricer,
} from "../options/optionRisk";
import { prepareRateOptions, RateOptionPosition } from "../options/rateOptions";
import { CurveMarket, baseCurve } from "../market/market";

/** Notional of one swaption or cap/floor unit, money. */
export const OPTION_UNIT = 1_000_000;

export interface OptionInstrument {
  readonly kind: "option";
  /** The candidate at one unit bought. */
  readonly position: OptionPosition;
  readonly symbol: string;
  /** Per unit, money: premium, DV01 (per bp), KR DV01s, gamma, vega (1 bp normal), theta (day). */
  readonly premium: number;
  readonly dv01: number;
  readonly krDv01: number[];
  readonly gamma: number;
  readonly vega: number;
  readonly theta: number;
  /** Expiry (a cap's last fixing's start is not an expiry: its start date is given), serial. */
  readonly expiry: number;
  /** Whole units (futures options) or continuous (notional). */
  readonly integer: boolean;
  /** Money cost per unit traded ("cost" mode). */
  readonly cost: number;
}

/** The candidate at one unit bought. */
function unit(p: OptionPosition): OptionPosition {
  return p.kind === "futures-option" ? { ...p, contracts: 1 } : { ...p, notional: OPTION_UNIT };
}

function columns(
  pricer: OptionPricer,
  market: CurveMarket,
  positions: readonly OptionPosition[],
  cost: (p: OptionPosition, vega: number) => number
): OptionInstrument[] {
  const g = optionGreeks(pricer, market);
  const base = baseCurve(market);
  const up = pricer.value(base, 1);
  const down = pricer.value(base, -1);
  const nk = market.keysMonths.length;
  return positions.map((p, i) => {
    const vega = (up[i] - down[i]) / 2;
    return {
      kind: "option",
      position: p,
      symbol: optionLabel(p, market.settlement).replace(/, bought .*$|×1$/, ""),
      premium: g.value[i],
      dv01: g.dv01[i],
      krDv01: Array.from(g.krDv01.slice(i * nk, (i + 1) * nk)),
      gamma: g.gamma[i],
      vega,
      theta: g.theta[i],
      expiry: p.kind === "capfloor" ? p.start : p.expiry,
      integer: p.kind === "futures-option",
      cost: cost(p, vega),
    };
  });
}

/** Option candidates as instruments on a market (keys, bump and shift rule of the market). */
export function optionInstruments(
  candidates: readonly OptionPosition[],
  market: Market,
  commission: number
): OptionInstrument[] {
  const units = candidates.map(unit);
  const rate = units.filter((p): p is RateOptionPosition => p.kind !== "futures-option");
  const fut = units.filter((p): p is FuturesOptionPosition => p.kind === "futures-option");
  const swaps = swapMarket(market);
  const out: OptionInstrument[] = [];
  if (rate.length)
    out.push(
      ...columns(
        rateOptionPricer(prepareRateOptions(market.settlement, rate)),
        swaps,
        rate,
        (_p, vega) => 0.5 * Math.abs(vega)
      )
    );
  if (fut.length)
    out.push(
      ...columns(futuresOptionPricer(prepareFuturesOptions(market, fut)), market, fut, (p) =>
        p.kind === "futures-option" ? p.contract.face / 100 / 64 / 2 + commission : 0
      )
    );
  // Back in the candidates' order.
  return units.map((p) => out.find((o) => o.position === p)!);
}
