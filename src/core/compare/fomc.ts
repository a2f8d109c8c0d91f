/**
 * Scheduled FOMC meetings, 2024–2026, for the "upcoming events" of the Action Items sheet.
 *
 * Source: Board of Governors of the Federal Reserve System, "Meeting calendars and information"
 * (federalreserve.gov/monetarypolicy/fomccalendars.htm) and the FOMC's press releases of its
 * tentative schedules (2025 and 2026 announced together in August 2024). As of 2025-09-05; only
 * regularly scheduled two-day meetings (no unscheduled meetings or notation votes). The policy
 * statement is released on the second day (2 p.m. Eastern), the date listed as `decision`. `sep`
 * marks meetings with a Summary of Economic Projections (March, June, September, December).
 * Dates after the as-of date are tentative and may move: check the source.
 */
import { serialFromIso } from "../dates";

export const FOMC_SOURCE =
  "Federal Reserve Board, FOMC meeting calendars (federalreserve.gov/monetarypolicy/fomccalendars.htm), as of 2025-09-05";

export interface FomcMeeting {
  /** First and second (decision) day, ISO. */
  readonly start: string;
  readonly decision: string;
  /** Summary of Economic Projections released. */
  readonly sep: boolean;
}

const M = (start: string, decision: string, sep = false): FomcMeeting => ({ start, decision, sep });

export const FOMC_MEETINGS: readonly FomcMeeting[] = [
  M("2024-01-30", "2024-01-31"),
  M("2024-03-19", "2024-03-20", true),
  M("2024-04-30", "2024-05-01"),
  M("2024-06-11", "2024-06-12", true),
  M("2024-07-30", "2024-07-31"),
  M("2024-09-17", "2024-09-18", true),
  M("2024-11-06", "2024-11-07"),
  M("2024-12-17", "2024-12-18", true),
  M("2025-01-28", "2025-01-29"),
  M("2025-03-18", "2025-03-19", true),
  M("2025-05-06", "2025-05-07"),
  M("2025-06-17", "2025-06-18", true),
  M("2025-07-29", "2025-07-30"),
  M("2025-09-16", "2025-09-17", true),
  M("2025-10-28", "2025-10-29"),
  M("2025-12-09", "2025-12-10", true),
  M("2026-01-27", "2026-01-28"),
  M("2026-03-17", "2026-03-18", true),
  M("2026-04-28", "2026-04-29"),
  M("2026-06-16", "2026-06-17", true),
  M("2026-07-28", "2026-07-29"),
  M("2026-09-15", "2026-09-16", true),
  M("2026-10-27", "2026-10-28"),
  M("2026-12-08", "2026-12-09", true),
];

/** Last date the table covers (Excel serial): beyond it, "no FOMC dates known" must be said. */
export const FOMC_COVERED_TO = serialFromIso("2026-12-31")!;

/** Meetings whose decision day falls in [from, to] (Excel serials, inclusive). */
export function fomcMeetingsBetween(from: number, to: number): FomcMeeting[] {
  return FOMC_MEETINGS.filter((m) => {
    const d = serialFromIso(m.decision)!;
    return d >= from && d <= to;
  });
}
