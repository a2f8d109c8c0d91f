/** The module each worker thread of `keyrate monitor`'s pool loads: one portfolio per call. */
export { runPortfolio } from "./monitorJob";
