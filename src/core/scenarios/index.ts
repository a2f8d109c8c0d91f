/** Scenarios: shapes, scenario definitions, replays, full revaluation, hedges, horizon returns. */
export * from "./shapes";
export * from "./scenario";
export * from "./history";
export * from "./episodes";
export * from "./revalue";
export * from "./hedges";
export * from "./horizon";
export * from "./breakeven";
export * from "./analysis";
export * from "./library";
export * from "./hedgeRange";
