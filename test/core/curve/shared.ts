/** Reads ../shared/data files for tests: skipped with a message when absent, a failure under CI. */
import { existsSync, readFileSync } from "fs";
import { join } from "path";

export const SHARED_DATA = join(__dirname, "..", "..", "..", "..", "shared", "data");

/** The file's text, or undefined (with a warning) when it is absent outside CI. */
export function sharedData(name: string): string | undefined {
  const file = join(SHARED_DATA, name);
  if (existsSync(file)) return readFileSync(file, "utf8");
  if (process.env.CI === "true") throw new Error(`shared data missing under CI: ${file}`);
  console.warn(`SKIPPED: ${file} not found`);
  return undefined;
}
