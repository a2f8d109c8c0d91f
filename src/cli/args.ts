/** Command-line flags shared by the CLI commands. */

/** The value after `--name`, or undefined when the flag is absent. @throws when the value is missing. */
export function flagValue(argv: readonly string[], name: string): string | undefined {
  const k = argv.indexOf(name);
  if (k < 0) return undefined;
  const v = argv[k + 1];
  if (v === undefined || v.startsWith("--")) throw new Error(`${name} needs a value`);
  return v;
}
