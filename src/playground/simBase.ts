/**
 * What every simulated Office.js proxy shares: the payload rule, load() and its property cache,
 * the load-before-read error, lazily resolved object paths.
 */

import { SimOfficeError } from "./officeError";

import type { SimRequestContext } from "./simContext";

/** Excel on the web's limit on a request's or a response's payload. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

export function invalidArgument(message: string, location?: string): SimOfficeError {
  return new SimOfficeError("InvalidArgument", message, location);
}

export interface SimulatorOptions {
  /** Largest request or response, in characters of JSON; default PAYLOAD_LIMIT_BYTES. */
  payloadLimitBytes?: number;
  /** Milliseconds each sync waits, standing in for the round trip to Excel; default 0. */
  latencyMs?: number;
  /**
   * Custom functions calculated after the sync, showing #BUSY! until then, as in Excel (the
   * playground page); default false: within the sync, so that a test reads their values at once.
   */
  asyncCustomFunctions?: boolean;
}

/** Characters JSON escapes in a string (quote, backslash, controls, surrogates). */
// eslint-disable-next-line no-control-regex -- the control characters are what JSON escapes
const JSON_ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/;

/** JSON length of a scalar (undefined when not a plain scalar). */
function scalarSize(v: unknown): number | undefined {
  if (typeof v === "string") return JSON_ESCAPED.test(v) ? JSON.stringify(v).length : v.length + 2;
  if (typeof v === "number") return Number.isFinite(v) ? String(v).length : 4;
  if (typeof v === "boolean") return v ? 4 : 5;
  if (v === null) return 4;
  return undefined;
}

/**
 * Approximate JSON size of a payload, as office.js would serialise it: JSON.stringify's length,
 * counted without building the text for a matrix of scalars (a range's values or formulas).
 */
export function payloadSize(value: unknown): number {
  if (value === undefined) return 0;
  if (Array.isArray(value) && value.every(Array.isArray)) {
    let size = 2 + Math.max(0, value.length - 1);
    for (const row of value as unknown[][]) {
      size += 2 + Math.max(0, row.length - 1);
      for (const v of row) {
        const n = scalarSize(v);
        if (n === undefined) return JSON.stringify(value).length;
        size += n;
      }
    }
    return size;
  }
  return JSON.stringify(value).length;
}

/** The request context: the queue of pending work and the workbook it runs against. */

export type LoadOption = string | string[] | { select?: string | string[] };

/** Property paths of a load() argument; undefined for load() (every scalar property). */
export function loadPaths(option?: LoadOption): string[] | undefined {
  if (option === undefined) return undefined;
  const list = typeof option === "object" && !Array.isArray(option) ? option.select : option;
  if (list === undefined) return undefined;
  return (Array.isArray(list) ? list : list.split(","))
    .map((p) => p.trim())
    .filter((p) => p !== "");
}

/** Common part of every proxy: load(), the fetched-property cache and the load-before-read rule. */
export abstract class SimClientObject {
  /** Property values fetched by a synced load() or set locally, as office.js keeps them. */
  private readonly fetched = new Map<string, unknown>();
  /** The API type name used in error locations, e.g. "Range". */
  protected abstract readonly entity: string;
  /** Scalar properties load() can fetch. */
  protected abstract readonly scalars: readonly string[];

  constructor(readonly context: SimRequestContext) {
    // An object got without *OrNullObject is never a null object.
    this.fetched.set("isNullObject", false);
  }

  /**
   * For objects got by an *OrNullObject method: whether nothing was found, known after the
   * sync (office.js fills it in without a load).
   */
  get isNullObject(): boolean {
    return this.fetchedValue("isNullObject");
  }

  /** Makes this a null object when `missing` holds at the sync (unknown until then). */
  nullWhen(missing: () => boolean): this {
    this.fetched.delete("isNullObject");
    this.context.enqueue(() => this.fetched.set("isNullObject", missing()));
    return this;
  }

  /** Queues a load of properties ("values", ["address", "rowCount"], "items/name"). */
  load(option?: LoadOption): this {
    const paths = loadPaths(option) ?? [...this.scalars];
    for (const path of paths) {
      const [head, ...rest] = path.split("/");
      if (rest.length === 0 && this.scalars.includes(head)) {
        this.context.enqueue(() => {
          const value = this.fetch(head);
          this.context.respond(value);
          this.fetched.set(head, value);
        });
      } else {
        this.loadNavigation(head, rest.join("/"));
      }
    }
    return this;
  }

  /** Loads a navigation path such as items/name; objects without collections reject it. */
  protected loadNavigation(head: string, rest: string): void {
    this.context.enqueue(() => {
      throw invalidArgument(
        `The property '${[head, rest].filter(Boolean).join("/")}' cannot be loaded on ${this.entity}.`,
        `${this.entity}.load`
      );
    });
  }

  /** Reads a scalar property's current value from the workbook (during a sync). */
  protected abstract fetch(name: string): unknown;

  /** A property's value, or PropertyNotLoaded when it was neither loaded nor set. */
  protected fetchedValue<T>(name: string): T {
    if (!this.fetched.has(name)) {
      throw new SimOfficeError(
        "PropertyNotLoaded",
        `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
        `${this.entity}.${name}`
      );
    }
    return this.fetched.get(name) as T;
  }

  /** Records a value set locally (readable at once, as in office.js) and queues its write. */
  protected setProperty(name: string, value: unknown, write: () => void): void {
    this.fetched.set(name, value);
    this.context.enqueue(write, payloadSize(value));
  }

  /** Stores a fetched value directly (collections filling their items). */
  protected preset(name: string, value: unknown): void {
    this.fetched.set(name, value);
  }
}

/** Resolves lazily (inside a sync) and remembers what it resolved to, like an object path. */
export class Lazy<T> {
  private value?: T;

  constructor(private readonly locate: () => T) {}

  get(): T {
    if (this.value === undefined) this.value = this.locate();
    return this.value;
  }
}
