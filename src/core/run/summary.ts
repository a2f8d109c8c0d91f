/**
 * A run in words, for the pane's status line and the CLI summary: one text, so the two never
 * disagree. Every trade the hedge chose is named (futures and swaps).
 */
import type { HoldingType } from "../holdings/types";
import { curveTotals } from "../portfolio/curveExposure";
import { RunRecord, TradeLine } from "./runRecord";

const whole = (x: number) => Math.round(x).toLocaleString("en-US");

/** One trade: "SELL 1,011 ZNH5", "PAY FIXED 25,000,000 SOFR 10Y". */
export function tradeText(t: TradeLine): string {
  return `${t.direction} ${whole(Math.abs(t.quantity))} ${t.kind === "option" ? `${t.unit === "contracts" ? "contracts of " : "notional of "}${t.symbol}` : t.unit === "contracts" ? t.symbol : `${t.symbol} SOFR OIS notional`}`;
}

/** Every trade, or "no trade". */
export function tradesText(r: RunRecord): string {
  return r.hedge.trades.length ? r.hedge.trades.map(tradeText).join(", ") : "no trade";
}

/** The hedge in one sentence: trades, method, DV01 and duration before → after. */
export function hedgeSummary(r: RunRecord): string {
  const h = r.hedge;
  const how =
    h.sizing === "krd"
      ? "KRD-matched"
      : `DV01 ratio, contract DV01 ${h.contract.dv01.toFixed(2)} ${h.contract.dv01Source}`;
  return (
    `${tradesText(r)} (${how}); DV01 ${whole(h.dv01Before)} → ${whole(h.dv01After)} per bp; ` +
    `effective duration ${h.durationBefore.toFixed(2)} → ${h.durationAfter.toFixed(2)} years`
  );
}

/** Holding kinds in words, those with embedded options first (the usual negative convexity). */
const KINDS: readonly [HoldingType, string][] = [
  ["mbs", "MBS"],
  ["callable", "callables"],
  ["fixed-to-float", "fixed-to-float notes"],
  ["frn", "FRNs"],
  ["bullet", "bullets"],
  ["zero", "zeros"],
];

/**
 * Negative convexity named, for the recommendation: the kinds of holding that contribute negative
 * effective convexity to the book (market value × convexity ÷ book value, years²), the book's
 * own, its gamma (the change of DV01 for a 1 bp move, `currency` per bp), what DV01-sized
 * futures and swaps leave of it or the gamma options bought back; "" when no kind contributes
 * negatively.
 */
export function convexityNote(r: RunRecord, currency: string): string {
  const book = r.totals;
  const negative: string[] = [];
  for (const [kind, words] of KINDS) {
    const k = curveTotals(r.positions, (i) => r.holdings.type[i] === kind);
    const part = (k.marketValue * k.effConvexity) / book.marketValue;
    if (k.marketValue > 0 && part < 0) negative.push(`${words} ${part.toFixed(2)}`);
  }
  if (!negative.length) return "";
  // As the optimiser's gamma row (hedgeStage.ts).
  const gamma = book.marketValue * book.effConvexity * 1e-8;
  const bought = r.hedge.trades.reduce((s, t) => s + (t.gamma ?? 0), 0);
  const after =
    bought !== 0
      ? `; the options bought take gamma to ${whole(gamma + bought)}`
      : "; futures and swaps sized on DV01 leave it: large moves either way lose against the hedge (Scenarios sheet)";
  return (
    `Negative convexity from ${negative.join(", ")} years² of the book's effective convexity ` +
    `of ${book.effConvexity.toFixed(2)} years²; gamma (DV01 change for a 1 bp move) ` +
    `${whole(gamma)} ${currency} per bp${after}`
  );
}
