/**
 * DV01 of one Treasury futures contract from its cheapest to deliver (SPEC S4):
 *
 *   futures DV01 = CTD forward DV01 on the contract face ÷ CF
 *
 * The CTD's forward DV01 is its yield DV01 (Excel PRICE model, basis 1, semiannual; −dP/dy ×
 * 0.0001 of the dirty price) for settlement on the delivery date at its forward yield: the yield
 * (Excel YIELD) of its forward clean price at delivery. The forward clean price is the price given
 * when no settlement is given (the price is then read as a forward price for delivery), or the
 * spot clean price at settlement carried to delivery at repo (basis.ts: DP·(1 + r·d/360) − coupons
 * with reinvestment − accrued at delivery). Per 100 of face × face/100 gives the contract's DV01
 * in money per 1 bp fall in yields; ÷ CF because the futures price tracks the CTD's price ÷ CF.
 * Money is USD per contract per bp.
 */
import { oneBond, riskFromYield, yieldOf } from "../bond";
import { MissingValueError, OutOfDomainError } from "../errors";
import { bondBasis } from "./basis";
import { lastDeliveryDay } from "./calendar";
import { DeliveryMonth, FuturesContract } from "./contracts";
import { conversionFactor } from "./conversionFactor";

/** The futures DV01 and the figures it comes from. */
export interface FuturesDv01 {
  /** Delivery date the CTD's risk is measured at (default the last delivery day), Excel serial. */
  readonly delivery: number;
  /** CTD forward clean price at delivery, per 100. */
  readonly forwardClean: number;
  /** CTD forward yield (Excel YIELD at delivery), decimal, semiannual. */
  readonly forwardYield: number;
  /** CTD forward DV01 per 100 of face, money per bp. */
  readonly ctdDv01Per100: number;
  /** CTD forward DV01 on the contract face, money per bp. */
  readonly ctdDv01OnFace: number;
  readonly conversionFactor: number;
  /** Futures DV01 per contract = ctdDv01OnFace ÷ CF, money per bp. */
  readonly dv01: number;
}

/** Options of futuresDv01. */
export interface FuturesDv01Options {
  /** Settlement of the CTD price; omitted: the price is a forward clean price for delivery. */
  readonly settlement?: number;
  /** Repo, decimal ACT/360; required with a settlement. */
  readonly repo?: number;
  /** Delivery date, Excel serial; default the contract month's last delivery day. */
  readonly delivery?: number;
}

/**
 * DV01 per contract from the CTD's DV01 on the contract face and its conversion factor.
 * @throws OutOfDomainError when the conversion factor is not positive.
 */
export function dv01PerContract(ctdDv01OnFace: number, cf: number): number {
  if (!(cf > 0)) {
    throw new OutOfDomainError(`conversion factor must be > 0, got ${cf}`, cf, "conversion_factor");
  }
  return ctdDv01OnFace / cf;
}

/**
 * Futures DV01 per contract from the CTD (coupon decimal, maturity serial, clean price per 100).
 * @throws MissingValueError when a settlement is given without a repo rate; OutOfDomainError and
 * NoSolutionError from the bond and basis functions (maturity not after delivery, bad price…).
 */
export function futuresDv01(
  contract: FuturesContract,
  month: DeliveryMonth,
  coupon: number,
  maturity: number,
  cleanPrice: number,
  options: FuturesDv01Options = {}
): FuturesDv01 {
  const delivery = options.delivery ?? lastDeliveryDay(contract, month);
  let forwardClean = cleanPrice;
  if (options.settlement !== undefined) {
    if (options.repo === undefined) {
      throw new MissingValueError(
        "repo: needed with a settlement, to carry the CTD price to delivery",
        undefined,
        "repo"
      );
    }
    forwardClean = bondBasis(
      contract,
      month,
      { coupon, maturity, cleanPrice },
      options.settlement,
      options.repo,
      undefined,
      delivery
    ).forwardClean;
  }
  const cf = conversionFactor(contract, month, coupon, maturity);
  const bond = {
    settlement: delivery,
    maturity,
    rate: coupon,
    frequency: 2 as const,
    basis: 1 as const,
  };
  const forwardYield = yieldOf(bond, forwardClean);
  // The kernel, not bondRisk: a forward yield may be negative (Excel's PRICE rejects yields < 0).
  const ctdDv01Per100 = riskFromYield(oneBond(bond), Float64Array.of(forwardYield)).dv01[0];
  const ctdDv01OnFace = (ctdDv01Per100 * contract.face) / 100;
  return {
    delivery,
    forwardClean,
    forwardYield,
    ctdDv01Per100,
    ctdDv01OnFace,
    conversionFactor: cf,
    dv01: dv01PerContract(ctdDv01OnFace, cf),
  };
}
