/**
 * Whether two values read from the workbook are the same, value for value: what decides that a
 * run started ahead of Write (compute.ts) is the run Write asks for. For structured-cloneable
 * data: primitives, arrays, typed arrays, Dates, Maps, Sets and plain objects. NaN equals NaN
 * (an empty cell read twice), also inside typed arrays, where general deep-equal libraries compare
 * with !==; +0 and -0 are the same number. Constructors are not compared: equal data from two
 * realms is the same.
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === "number" && typeof b === "number") return a !== a && b !== b;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && sameItems(a, b);
  }
  if (ArrayBuffer.isView(a) || ArrayBuffer.isView(b)) {
    return (
      ArrayBuffer.isView(a) &&
      ArrayBuffer.isView(b) &&
      tag(a) === tag(b) &&
      sameItems(a as unknown as ArrayLike<unknown>, b as unknown as ArrayLike<unknown>)
    );
  }
  if (tag(a) !== tag(b)) return false;
  if (tag(a) === "[object Date]") {
    return sameData((a as Date).getTime(), (b as Date).getTime());
  }
  if (tag(a) === "[object Map]") {
    const [x, y] = [a as Map<unknown, unknown>, b as Map<unknown, unknown>];
    return x.size === y.size && [...x].every(([k, v]) => y.has(k) && sameData(v, y.get(k)));
  }
  if (tag(a) === "[object Set]") {
    const [x, y] = [a as Set<unknown>, b as Set<unknown>];
    return x.size === y.size && [...x].every((v) => y.has(v));
  }
  const [x, y] = [a as Record<string, unknown>, b as Record<string, unknown>];
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return false;
  return keys.every((k) => Object.prototype.hasOwnProperty.call(y, k) && sameData(x[k], y[k]));
}

/** Same length, same items in order. */
function sameItems(a: ArrayLike<unknown>, b: ArrayLike<unknown>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
  return true;
}

/** The object's kind as Object.prototype.toString names it, whatever its realm. */
const tag = (x: object) => Object.prototype.toString.call(x);
