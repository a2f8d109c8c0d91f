/**
 * A run record as JSON text and back. Typed arrays are written as tagged plain arrays and
 * non-finite numbers and −0 as tagged strings, so the round trip is exact (JSON has neither). A record
 * of an older version is migrated on reading; a record of a newer version, or not a run record,
 * is refused with a message.
 */
import { InvalidValueError } from "../errors";
import { RUN_RECORD_VERSION, RunRecord } from "./runRecord";

/** Text of a number JSON cannot hold (NaN, ±Infinity, −0), or the number itself. */
const jsonNumber = (x: number): number | string =>
  Object.is(x, -0) ? "-0" : Number.isFinite(x) ? x : String(x);

/** JSON.stringify's replacer: typed arrays and JSON's missing numbers as tagged values. */
function tag(this: unknown, _key: string, value: unknown): unknown {
  if (value instanceof Float64Array) return { $f64: Array.from(value, jsonNumber) };
  if (value instanceof Int32Array) return { $i32: Array.from(value) };
  if (value instanceof Uint8Array) return { $u8: Array.from(value) };
  if (value instanceof Uint16Array) return { $u16: Array.from(value) };
  if (typeof value === "number") {
    const v = jsonNumber(value);
    return typeof v === "string" ? { $num: v } : v;
  }
  return value;
}

/** JSON text of a record (exactly read back by {@link parseRunRecord}). */
export function serialiseRunRecord(record: RunRecord): string {
  return JSON.stringify(record, tag);
}

/** Thrown inside {@link serialiseRunRecordWithin} once the text is known to be too long. */
class OverBudget {}

const isContainer = (v: unknown): v is object =>
  Array.isArray(v) ||
  (v !== null &&
    typeof v === "object" &&
    (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null));

/**
 * The text of {@link serialiseRunRecord}, or undefined when it would be longer than maxChars,
 * found without writing the whole text: plain objects and arrays holding objects are written part
 * by part, and the parts' length is checked as it grows (a history thinning a 10,000-holding run
 * to its summary writes about maxChars characters of it, not all 12 million).
 */
export function serialiseRunRecordWithin(record: RunRecord, maxChars: number): string | undefined {
  let left = maxChars;
  /** As JSON.stringify(value, tag): undefined where JSON omits the value. */
  const write = (value: unknown): string | undefined => {
    if (Array.isArray(value) && value.some(isContainer)) {
      return "[" + value.map((v) => write(v) ?? "null").join(",") + "]";
    }
    if (isContainer(value) && !Array.isArray(value)) {
      const parts: string[] = [];
      for (const [k, v] of Object.entries(value)) {
        const text = write(v);
        if (text !== undefined) parts.push(JSON.stringify(k) + ":" + text);
      }
      return "{" + parts.join(",") + "}";
    }
    const text = JSON.stringify(value, tag) as string | undefined;
    // The leaves alone are a lower bound on the whole's length.
    if (text !== undefined && (left -= text.length) < 0) throw new OverBudget();
    return text;
  };
  try {
    const text = write(record) as string;
    return text.length <= maxChars ? text : undefined;
  } catch (e) {
    if (e instanceof OverBudget) return undefined;
    throw e;
  }
}

function revive(_key: string, value: unknown): unknown {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.$f64))
      return Float64Array.from(v.$f64 as (number | string)[], (x) => Number(x));
    if (Array.isArray(v.$i32)) return Int32Array.from(v.$i32 as number[]);
    if (Array.isArray(v.$u8)) return Uint8Array.from(v.$u8 as number[]);
    if (Array.isArray(v.$u16)) return Uint16Array.from(v.$u16 as number[]);
    if (typeof v.$num === "string") return Number(v.$num);
  }
  return value;
}

/**
 * Migrations from each older version to the next, by the version they read.
 * 1 → 2: `rebalance` (false: a run of version 1 was never marked executed); no `drift`.
 */
const MIGRATIONS: Readonly<
  Record<number, (r: Record<string, unknown>) => Record<string, unknown>>
> = {
  1: (r) => ({ ...r, version: 2, rebalance: false }),
};

/**
 * Reads a record written by this or an earlier version.
 * @throws InvalidValueError for text that is not a run record, or one of a newer version.
 */
export function parseRunRecord(text: string): RunRecord {
  let r: Record<string, unknown>;
  try {
    r = JSON.parse(text, revive) as Record<string, unknown>;
  } catch (e) {
    throw new InvalidValueError(`run record: not JSON (${(e as Error).message})`, text.length);
  }
  if (r?.kind !== "keyrate-run" || typeof r.version !== "number")
    throw new InvalidValueError("run record: not a keyrate run record", String(r?.kind));
  if (r.version > RUN_RECORD_VERSION)
    throw new InvalidValueError(
      `run record: version ${r.version} was written by a newer keyrate (this one reads up to ${RUN_RECORD_VERSION})`,
      r.version
    );
  while ((r.version as number) < RUN_RECORD_VERSION) {
    const migrate = MIGRATIONS[r.version as number];
    if (!migrate)
      throw new InvalidValueError(`run record: no migration from version ${r.version}`, r.version);
    r = migrate(r);
  }
  return r as unknown as RunRecord;
}
