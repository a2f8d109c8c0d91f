/**
 * `keyrate fn NAME ARG…` and `keyrate fn NAME --batch cases.json`: the KEYRATE functions from the
 * command line, through the same implementations Excel calls.
 */
import { readFileSync } from "fs";
import { rejectUnknown } from "./args";
import { KeyrateError } from "../core/errors";
import { FUNCTIONS } from "../functions/impl/registry";
import { Result, ResultCell } from "../functions/impl/cells";

/** A result as JSON: a number or text for a single cell, rows for a range, `{error, message}` for an error. */
export type JsonResult = number | string | { error: string; message: string } | JsonResult[][];

function cellToJson(cell: ResultCell): JsonResult {
  return cell instanceof KeyrateError ? { error: cell.code, message: cell.message } : cell;
}

/** 1×1 results collapse to the cell, as Excel shows them. */
export function resultToJson(result: Result): JsonResult {
  if (result.length === 1 && result[0].length === 1) return cellToJson(result[0][0]);
  return result.map((row) => row.map(cellToJson));
}

/** A command-line word as an argument: `null` omits it, JSON arrays are ranges, numbers are numbers. */
export function parseCliArg(word: string): unknown {
  const text = word.trim();
  if (text === "null" || text === "") return null;
  if (text.startsWith("[")) return JSON.parse(text);
  const n = Number(text);
  return Number.isFinite(n) ? n : word;
}

/** Calls one function by name with its arguments in Excel signature order. */
export function callFunction(name: string, args: unknown[]): JsonResult {
  const entry = FUNCTIONS[name.toUpperCase().replace(/^KEYRATE\./, "")];
  if (!entry) {
    return {
      error: "#NAME?",
      message: `unknown function ${name}; known: ${Object.keys(FUNCTIONS).join(", ")}`,
    };
  }
  const required = entry.args.filter((a) => !a.startsWith("[")).length;
  if (args.length < required || args.length > entry.args.length) {
    return {
      error: "#VALUE!",
      message: `${name} takes ${entry.args.join(", ")}; got ${args.length} arguments`,
    };
  }
  return resultToJson(entry.impl(...args));
}

/** Runs the `fn` command; returns the process exit code. */
export function runFn(argv: string[], out: (text: string) => void): number {
  const [name, ...rest] = argv;
  rejectUnknown(argv, "fn", { values: ["--batch"], switches: [] });
  if (!name) {
    out(
      `usage: keyrate fn NAME ARG…  |  keyrate fn NAME --batch cases.json\nfunctions: ${Object.keys(FUNCTIONS).join(", ")}`
    );
    return 2;
  }
  if (rest[0] === "--batch") {
    const cases = JSON.parse(readFileSync(rest[1], "utf8")) as unknown[][];
    if (!Array.isArray(cases))
      throw new Error("--batch file must hold a JSON array of argument lists");
    out(JSON.stringify(cases.map((args) => callFunction(name, args))));
    return 0;
  }
  const result = callFunction(name, rest.map(parseCliArg));
  out(typeof result === "object" ? JSON.stringify(result) : String(result));
  return typeof result === "object" && !Array.isArray(result) ? 1 : 0;
}
