/** The multi-contract hedge on the recommendation sheet: trades, costs, and the profile before and after. */
import { percentText } from "../percentText";
import { isoFromSerial } from "../dates";
import { HedgePlan, SWAP_UNIT } from "../hedge/hedgePlan";
import { OPTION_UNIT } from "../hedge/optionInstruments";
import { FORMATS, SheetBuilder, num, perBp } from "./sheetModel";

/** The option trades: premium, DV01, gamma, vega, theta, expiry; gamma and vega after. */
function optionRows(s: SheetBuilder, plan: HedgePlan, currency: string): void {
  const at = s.row(
    [
      "Options (Bachelier / Barone-Adesi–Whaley)",
      "Direction",
      "Units",
      `Premium, ${currency}`,
      `DV01 impact, ${perBp(currency)}`,
      `Gamma (ΔDV01 per bp), ${currency}`,
      `Vega (1 bp normal vol), ${currency}`,
      `Theta (1 day), ${currency}`,
      `Cost, ${currency}`,
      "Expiry",
    ],
    "section"
  );
  for (const o of plan.options ?? [])
    s.row([
      { value: o.instrument.symbol, style: "label" },
      o.units < 0 ? "SELL" : "BUY",
      num(o.units, FORMATS.ratio),
      num(o.premium, FORMATS.money),
      num(o.dv01Impact, FORMATS.money),
      num(o.gammaImpact, FORMATS.money),
      num(o.vegaImpact, FORMATS.money),
      num(o.theta, FORMATS.money),
      num(o.cost, FORMATS.money),
      num(o.instrument.expiry, FORMATS.date),
    ]);
  s.table("krHedgeOptions", at);
  s.row(
    [
      `Units: swaptions and caps per ${OPTION_UNIT.toLocaleString("en-US")} of notional, futures options in contracts. Gamma after the hedge ${plan.gammaAfter === undefined ? "not constrained" : plan.gammaAfter.toFixed(2)}; vega after ${plan.vegaAfter === undefined ? "not constrained" : plan.vegaAfter.toFixed(2)} (${currency}). Rate options on the SOFR curve: the Treasury–swap basis is a residual risk.`,
    ],
    "note"
  );
}

/** Writes the plan's sections into the sheet being built; money in `currency` ("USD"). */
export function hedgePlanSection(s: SheetBuilder, plan: HedgePlan, currency: string): void {
  const tradesAt = s.row(
    [
      "Hedge (KRD-matched across contracts, HiGHS)",
      "Month",
      "Direction",
      "Contracts",
      `DV01 impact, ${perBp(currency)}`,
      `Notional, ${currency}`,
      `Initial margin, ${currency}`,
      `Cost (½ bid/ask + commission), ${currency}`,
      "CTD",
      "Conversion factor",
      "First notice",
      "Roll by",
    ],
    "section"
  );
  for (const t of plan.trades) {
    const f = t.instrument;
    s.row([
      { value: `${f.symbol} (${f.contract.name})`, style: "label" },
      `${f.month.y}-${String(f.month.m).padStart(2, "0")}`,
      t.contracts < 0 ? "SELL" : "BUY",
      num(t.contracts, FORMATS.count),
      num(t.dv01Impact, FORMATS.money),
      num(t.notional, FORMATS.money),
      Number.isFinite(t.margin) ? num(t.margin, FORMATS.money) : "not given",
      num(t.cost, FORMATS.money),
      `${percentText(f.ctd.coupon)} ${isoFromSerial(f.ctd.maturity)}`,
      num(f.conversionFactor, FORMATS.ratio),
      num(f.dates.firstNoticeDay, FORMATS.date),
      num(f.dates.rollDate, FORMATS.date),
    ]);
  }
  for (const w of plan.swaps) {
    s.row([
      {
        value: `${w.instrument.symbol} SOFR OIS, fixed ${percentText(w.instrument.fixedRate)}`,
        style: "label",
      },
      `${w.instrument.months / 12}Y`,
      w.units < 0 ? "PAY FIXED" : "RECEIVE FIXED",
      num(w.units * SWAP_UNIT, FORMATS.money),
      num(w.dv01Impact, FORMATS.money),
      "notional above",
      "",
      num(w.cost, FORMATS.money),
      "",
      "",
      "",
      "",
    ]);
  }
  s.table("krHedgeTrades", tradesAt);
  if (plan.options?.length) optionRows(s, plan, currency);
  s.row(
    [
      "Total",
      "",
      "",
      num(
        plan.trades.reduce((a, t) => a + Math.abs(t.contracts), 0),
        FORMATS.count
      ),
      num(
        plan.trades.reduce((a, t) => a + t.dv01Impact, 0) +
          plan.swaps.reduce((a, w) => a + w.dv01Impact, 0),
        FORMATS.money
      ),
      num(plan.notional, FORMATS.money),
      Number.isFinite(plan.margin) ? num(plan.margin, FORMATS.money) : "not given",
      num(plan.cost, FORMATS.money),
    ],
    "total"
  );
  s.row(
    [
      `Futures KR DV01s: the CTD's forward repriced on the shifted curves ÷ CF (repo keeps its spread to the curve; delivery options ignored). Costs: half a tick plus the commission per contract; swaps 0.25 bp of their DV01 (stated defaults). Swap rows: notional in ${currency} in the contracts column. Total: futures contracts; DV01 impact and cost of every trade, swaps included; notional and margin of the futures.`,
    ],
    "note"
  );
  for (const w of plan.warnings) s.row([`Warning: ${w}.`], "warning");
  s.blank();
  s.row([`KR DV01 before / after hedge, ${perBp(currency)}`, ...plan.keys, "Total"], "section");
  const line = (label: string, values: readonly number[], style?: "total") =>
    s.row(
      [
        { value: label, style: "label" },
        ...values.map((v) => num(v, FORMATS.money)),
        num(
          values.reduce((a, b) => a + b, 0),
          FORMATS.money
        ),
      ],
      style
    );
  line("Portfolio", plan.before);
  line("Target", plan.target);
  line("After hedge", plan.after, "total");
  line(
    "Residual (after − target)",
    plan.after.map((v, k) => v - plan.target[k])
  );
  s.blank();
}
