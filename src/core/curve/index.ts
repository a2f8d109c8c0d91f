/** Curves: tenors, interpolation, zero curves and shifts, the par bootstrap, and curve-based bond risk. */
export * from "./tenor";
export * from "./interpolation";
export * from "./zeroCurve";
export * from "./bootstrap";
export * from "./curveSpec";
export * from "./curveRisk";
export * from "./curveRiskBySettlement";
export * from "./defaultCurve";
export * from "./curveHistory";
