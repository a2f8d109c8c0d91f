/** Options given as text (a cell, a CLI word), parsed once at the boundary into string unions. */
import { InvalidValueError } from "./errors";

/** Parses one of a fixed set of options (case-insensitive); blank gives the default. */
export function parseOption<T extends string>(
  value: unknown,
  options: readonly T[],
  fallback: T,
  argument: string
): T {
  if (value === undefined || value === null || value === "") return fallback;
  const text = String(value).trim().toLowerCase();
  const found = options.find((o) => o === text);
  if (!found) {
    const quoted = options.map((o) => `"${o}"`);
    const list =
      quoted.length > 1
        ? `${quoted.slice(0, -1).join(", ")} or ${quoted[quoted.length - 1]}`
        : quoted[0];
    throw new InvalidValueError(
      `${argument}: expected ${list}, got ${JSON.stringify(value)}`,
      value,
      argument
    );
  }
  return found;
}
