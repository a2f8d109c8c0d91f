/**
 * Which engine prices which kind of holding. A holding whose kind has no engine is listed as
 * "no engine for <kind>" with its market value and share of the book, never silently dropped.
 * Adding an instrument is one engine and one line here (docs/architecture.md).
 */
import type { Holdings, HoldingType } from "../holdings/types";
import type { BondTerms, Schedules } from "../bond";
import { holdingTerms } from "../portfolio/holdingTerms";
import { CurveMarket, baseCurve } from "../market/market";
import { calibrateFixedBonds, FIXED_BOND_METHOD, PricedBook } from "./fixedBond";
import { CALLABLE_ENGINE } from "./callable";
import { FRN_ENGINE } from "./frn";
import { FIXED_TO_FLOAT_ENGINE } from "./fixedToFloat";
import { MBS_ENGINE } from "./mbs";

/** Holdings' kernel terms at the market's settlement and their schedules, built once a run. */
export interface PreparedTerms {
  readonly terms: BondTerms;
  readonly sched: Schedules;
}

/** An engine as the risk ladder sees it: calibrate a batch of holdings to their prices. */
export interface HoldingEngine {
  /** The engine in words, e.g. "fixed-rate bond". */
  readonly name: string;
  /** How it prices, named beside every figure it produces. */
  readonly method: string;
  /** The spread it holds in every curve figure: "Z-spread", "OAS" or "discount margin". */
  readonly spreadHeld: string;
  /**
   * Extra |Σ KRD − effective duration| allowed before a holding is flagged, years: an option's
   * price has third-order terms in the curve that the ±h differences keep (absent: none).
   */
  readonly krdSumAllowance?: number;
  /**
   * What holding i's row lacks that this engine needs (its stated problem, known before any
   * pricing, so the Holdings step lists the row as the run will); null when nothing.
   */
  lacks?(holdings: Holdings, i: number): string | null;
  /**
   * Calibrates the holdings for which `select(i)` to their clean prices per 100 on the market's
   * base curve; the book prices them on any curve (NaN for the others).
   */
  calibrate(
    market: CurveMarket,
    holdings: Holdings,
    clean: Float64Array,
    select: (i: number) => boolean,
    prepared?: PreparedTerms
  ): PricedBook;
}

export const FIXED_BOND_ENGINE: HoldingEngine = {
  name: "fixed-rate bond",
  method: FIXED_BOND_METHOD,
  spreadHeld: "Z-spread",
  calibrate: (market, holdings, clean, select, prepared) => {
    const terms = prepared?.terms ?? holdingTerms(holdings, market.settlement);
    return calibrateFixedBonds(
      market.settlement,
      terms,
      clean,
      baseCurve(market),
      select,
      prepared?.sched
    );
  },
};

/** What each holding type still lacks when it has no engine, for the reason shown beside it. */
const MISSING: Readonly<Record<HoldingType, string>> = {
  bullet: "",
  zero: "",
  callable: "",
  "fixed-to-float": "",
  mbs: "needs its pool columns: WAC, and WAM or a maturity",
  frn: "",
};

/** The engines by holding type. */
export const ENGINES: Readonly<Partial<Record<HoldingType, HoldingEngine>>> = {
  bullet: FIXED_BOND_ENGINE,
  zero: FIXED_BOND_ENGINE,
  callable: CALLABLE_ENGINE,
  frn: FRN_ENGINE,
  "fixed-to-float": FIXED_TO_FLOAT_ENGINE,
  mbs: MBS_ENGINE,
};

/** The engine of a holding type, or undefined. */
export function engineFor(type: HoldingType): HoldingEngine | undefined {
  return ENGINES[type];
}

/** Why a holding of this type is out of the totals: "no engine for callable (needs …)". */
export function noEngineReason(type: HoldingType): string {
  return `no engine for ${type} (${MISSING[type] || "not supported"})`;
}

/**
 * Why each holding will be out of the totals, as far as is known before pricing: its kind has
 * no engine, or its row lacks what its engine needs; null when it goes to its engine (which may
 * still find no spread that reprices it).
 */
export function leftOutBeforePricing(holdings: Holdings): (string | null)[] {
  return holdings.type.map((t, i) => {
    const engine = engineFor(t);
    return engine ? (engine.lacks?.(holdings, i) ?? null) : noEngineReason(t);
  });
}
