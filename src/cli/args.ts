/** Command-line flags shared by the CLI commands: values, switches, and unknown options rejected. */

/** The options a command takes: flags followed by a value, and switches standing alone. */
export interface FlagSpec {
  readonly values: readonly string[];
  readonly switches: readonly string[];
}

/** The value after `--name`, or undefined when the flag is absent. @throws when the value is missing. */
export function flagValue(argv: readonly string[], name: string): string | undefined {
  const k = argv.indexOf(name);
  if (k < 0) return undefined;
  const v = argv[k + 1];
  if (v === undefined || v.startsWith("--")) throw new Error(`${name} needs a value`);
  return v;
}

/**
 * Checks a command's arguments: every `--option` must be one the command takes.
 * @throws Error naming the first unknown option and the options the command takes.
 */
export function rejectUnknown(argv: readonly string[], command: string, spec: FlagSpec): void {
  const known = [...spec.values, ...spec.switches];
  const unknown = argv.find(
    (a, k) => a.startsWith("--") && !known.includes(a) && !spec.values.includes(argv[k - 1])
  );
  if (unknown !== undefined) {
    throw new Error(
      `${command}: unknown option ${unknown}` +
        (known.length ? `; it takes ${known.join(", ")}` : "; it takes no options")
    );
  }
}

/** The arguments that are neither options nor option values. */
export function positionals(argv: readonly string[], spec: FlagSpec): string[] {
  return argv.filter((a, k) => !a.startsWith("--") && !spec.values.includes(argv[k - 1]));
}

/** A number given to a flag, or undefined when absent. @throws when it is not a finite number. */
export function numberFlag(argv: readonly string[], name: string): number | undefined {
  const v = flagValue(argv, name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (v.trim() === "" || !Number.isFinite(n))
    throw new Error(`${name}: expected a number, got ${JSON.stringify(v)}`);
  return n;
}
