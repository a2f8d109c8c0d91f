/** Helpers of the history tests. */
import { parseDate } from "../../src/core/dates";

/** Excel serial of an ISO date. */
export const serialFromIso = (iso: string): number => parseDate(iso);
