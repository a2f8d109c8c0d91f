/**
 * The small set of errors the core raises. Each carries the offending value and the name of the
 * argument or column it came from; adapters map them to Excel errors (`code`) or pane messages.
 */

/** The Excel error value an adapter shows for a core error. */
export type ExcelErrorCode = "#NUM!" | "#VALUE!" | "#N/A" | "#DIV/0!";

export abstract class KeyrateError extends Error {
  abstract readonly code: ExcelErrorCode;
  /**
   * @param message What is wrong and what was expected, in words a user understands.
   * @param value The offending input value, as given.
   * @param argument The argument or column name the value came from, when known.
   */
  constructor(
    message: string,
    readonly value?: unknown,
    readonly argument?: string
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A value of the wrong kind: text that is not a date or a number, an unknown option. Excel: #VALUE!. */
export class InvalidValueError extends KeyrateError {
  readonly code = "#VALUE!" as const;
}

/** A number outside the function's domain: settlement ≥ maturity, negative yield, bad frequency. Excel: #NUM!. */
export class OutOfDomainError extends KeyrateError {
  readonly code = "#NUM!" as const;
}

/** An iterative solve that found no root (a yield for an impossible price). Excel: #NUM!. */
export class NoSolutionError extends KeyrateError {
  readonly code = "#NUM!" as const;
}

/** A required input that is missing (an empty cell where a value is needed). Excel: #N/A. */
export class MissingValueError extends KeyrateError {
  readonly code = "#N/A" as const;
}

/**
 * Throws one InvalidValueError listing the problems found in a range (the first five, and how
 * many more), so the user sees them all at once rather than one per attempt.
 */
export function throwIfProblems(problems: readonly string[], argument: string, shown = 5): void {
  if (!problems.length) return;
  const more = problems.length > shown ? ` (and ${problems.length - shown} more)` : "";
  throw new InvalidValueError(
    `${argument}: ${problems.slice(0, shown).join("; ")}${more}`,
    problems.length,
    argument
  );
}
