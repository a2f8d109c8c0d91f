/**
 * A run in words, for the pane's status line and the CLI summary: one text, so the two never
 * disagree. Every trade the hedge chose is named (futures and swaps).
 */
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
