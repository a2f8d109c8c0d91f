/** Curves: tenors, interpolation, zero curves and shifts, the par bootstrap, curve specs and history. */
export * from "./tenor";
export * from "./interpolation";
export * from "./zeroCurve";
export * from "./bootstrap";
export * from "./curveSpec";
export * from "./defaultCurve";
export * from "./curveHistory";
export * from "./curveRange";
