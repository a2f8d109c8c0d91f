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
import {
  convFactor,
  ctd,
  futuresCalendar,
  futuresDv01Fn,
  hedgeContractsFn,
  rollCost,
} from "./futuresFunctions";
import {
  convexityEff,
  durationEff,
  krd,
  spreadDuration,
  zeroRates,
  zspread,
} from "./curveFunctions";
import { portfolio, portfolioKrd } from "./portfolioFunctions";
import { convexityOas, durationOas, krdOas, oas } from "./oasFunctions";
import { swapDv01 } from "./swapFunctions";
import { scenarioPnl, scenarioPnlKrd, scenarioReval, scenariosFn } from "./scenarioFunctions";
import { benchGap, covarianceFn, hedgeEffectivenessFn, trackingErrorFn } from "./compareFunctions";
import { yieldToWorstFn } from "./yieldToWorstFunction";
import { mbsCashFlows, mbsConvexity, mbsDuration, mbsOas } from "./mbsFunctions";
import { Arg, Result } from "./cells";

export interface FunctionEntry {
  /** Argument names in Excel signature order; optional ones in brackets, as the help shows them. */
  readonly args: readonly string[];
  readonly impl: (...args: Arg[]) => Result;
}

const ODD = ["[issue]", "[first_coupon]"];
const BOND = ["settlement", "maturity", "coupon", "yld", "frequency", "[basis]"];
const CURVE_BOND = ["settlement", "maturity", "coupon", "price", "frequency", "curve", "[basis]"];
const CURVE_OPTIONS = ["[curve_kind]", "[interpolation]"];
const OAS_BOND = [...CURVE_BOND.slice(0, 6), "calls", "[basis]", "[vol]", "[mean_reversion]"];
const MBS = ["settlement", "coupon", "wac", "wam", "wala", "price", "curve", "[vol]"];
const MBS_OPTIONS = ["[mean_reversion]", "[paths]", "[prepay]", ...CURVE_OPTIONS, "[program]"];

export const FUNCTIONS: Readonly<Record<string, FunctionEntry>> = {
  DURATION_MOD: { args: [...BOND, ...ODD], impl: durationMod },
  DURATION_MAC: { args: [...BOND, ...ODD], impl: durationMac },
  CONVEXITY: { args: [...BOND, ...ODD], impl: convexity },
  DV01: { args: [...BOND, "[face]", ...ODD], impl: dv01 },
  PRICE: { args: [...BOND, ...ODD], impl: priceFn },
  YIELD: {
    args: ["settlement", "maturity", "coupon", "price", "frequency", "[basis]", ...ODD],
    impl: yieldFn,
  },
  YIELD_TO_WORST: {
    args: ["settlement", "maturity", "coupon", "price", "frequency", "calls", "[basis]"],
    impl: yieldToWorstFn,
  },
  ACCRUED: {
    args: ["settlement", "maturity", "coupon", "frequency", "[basis]", ...ODD],
    impl: accrued,
  },
  PRICE32: { args: ["quote"], impl: price32 },
  TO32: { args: ["price", "[resolution]"], impl: to32 },
  KRD: { args: [...CURVE_BOND, "[keys]", "[shift_on]", ...CURVE_OPTIONS], impl: krd },
  DURATION_EFF: { args: [...CURVE_BOND, ...CURVE_OPTIONS], impl: durationEff },
  CONVEXITY_EFF: { args: [...CURVE_BOND, ...CURVE_OPTIONS], impl: convexityEff },
  SPREAD_DURATION: { args: [...CURVE_BOND, ...CURVE_OPTIONS], impl: spreadDuration },
  ZSPREAD: { args: [...CURVE_BOND, ...CURVE_OPTIONS], impl: zspread },
  OAS: { args: [...OAS_BOND, ...CURVE_OPTIONS], impl: oas },
  DURATION_OAS: { args: [...OAS_BOND, ...CURVE_OPTIONS], impl: durationOas },
  CONVEXITY_OAS: { args: [...OAS_BOND, ...CURVE_OPTIONS], impl: convexityOas },
  KRD_OAS: { args: [...OAS_BOND, "[keys]", "[shift_on]", ...CURVE_OPTIONS], impl: krdOas },
  MBS_CASHFLOWS: {
    args: ["coupon", "wac", "wam", "wala", "speed", "[speed_kind]", "[balance]"],
    impl: mbsCashFlows,
  },
  MBS_OAS: { args: [...MBS, ...MBS_OPTIONS], impl: mbsOas },
  MBS_DURATION: { args: [...MBS, ...MBS_OPTIONS], impl: mbsDuration },
  MBS_CONVEXITY: { args: [...MBS, ...MBS_OPTIONS], impl: mbsConvexity },
  ZERO_RATES: { args: ["curve", "tenors", ...CURVE_OPTIONS, "[settlement]"], impl: zeroRates },
  PORTFOLIO: {
    args: ["holdings", "curve", "[settlement]", ...CURVE_OPTIONS, "[group_by]"],
    impl: portfolio,
  },
  PORTFOLIO_KRD: {
    args: ["holdings", "curve", "[settlement]", "[keys]", ...CURVE_OPTIONS],
    impl: portfolioKrd,
  },
  HEDGE_CONTRACTS: {
    args: ["portfolio_dv01", "target_dv01", "contract_dv01", "[beta]", "[rounding]"],
    impl: hedgeContractsFn,
  },
  ROLL_COST: {
    args: ["contracts", "near_price", "far_price", "[contract]", "[days]"],
    impl: rollCost,
  },
  SWAP_DV01: {
    args: ["tenor", "notional", "swap_curve", "[pay_fixed]", "[settlement]", "[interpolation]"],
    impl: swapDv01,
  },
  CONV_FACTOR: { args: ["contract", "coupon", "maturity", "delivery_month"], impl: convFactor },
  FUTURES_CALENDAR: { args: ["contract", "delivery_month"], impl: futuresCalendar },
  FUTURES_DV01: {
    args: [
      "contract",
      "delivery_month",
      "ctd_coupon",
      "ctd_maturity",
      "ctd_price",
      "[settlement]",
      "[repo]",
    ],
    impl: futuresDv01Fn,
  },
  CTD: {
    args: ["contract", "delivery_month", "universe", "futures_price", "repo", "[settlement]"],
    impl: ctd,
  },
  SCENARIO_PNL: {
    args: ["market_value", "duration", "convexity", "shift_bp"],
    impl: scenarioPnl,
  },
  SCENARIO_PNL_KRD: { args: ["market_value", "krd_row", "shift_row_bp"], impl: scenarioPnlKrd },
  SCENARIO_REVAL: {
    args: ["holdings", "curve", "shift_row_bp", "[keys]", "[settlement]", ...CURVE_OPTIONS],
    impl: scenarioReval,
  },
  SCENARIOS: {
    args: [
      "holdings",
      "curve",
      "[hedges]",
      "[scenarios]",
      "[horizon_months]",
      "[settlement]",
      "[swap_curve]",
      ...CURVE_OPTIONS,
    ],
    impl: scenariosFn,
  },
  TRACKING_ERROR: { args: ["active_krd_row", "[covariance]", "[keys]"], impl: trackingErrorFn },
  COVARIANCE: {
    args: ["history", "[halflife_days]", "[keys]", "[periods_per_year]"],
    impl: covarianceFn,
  },
  BENCH_GAP: { args: ["holdings", "benchmark", "curve", "[settlement]"], impl: benchGap },
  HEDGE_EFFECTIVENESS: {
    args: ["portfolio_changes", "hedge_changes"],
    impl: hedgeEffectivenessFn,
  },
};
