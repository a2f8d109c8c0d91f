/**
 * sameData decides whether Write's inputs are those a run was started on ahead (compute.ts): it
 * must say "same" for two reads of the same cells — empty cells (NaN) inside typed arrays too, and
 * across realms — and "different" for any changed value.
 */
import fc from "fast-check";
import { isDeepStrictEqual } from "util";
import { runInNewContext } from "vm";
import { sameData } from "../../src/taskpane/sameData";

/** Cell-like data: numbers (NaN included, no -0), text, booleans, null, nested arrays and records. */
const data = fc.letrec((tie) => ({
  leaf: fc.oneof(
    fc.double().map((x) => (Object.is(x, -0) ? 0 : x)),
    fc.string(),
    fc.boolean(),
    fc.constant(null)
  ),
  node: fc.oneof(
    { depthSize: "small" },
    tie("leaf"),
    fc.array(tie("node"), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 3 }), tie("node"), { maxKeys: 4, noNullPrototype: true })
  ),
})).node;

test("agrees with Node's deep strict equality on cell-like data, both ways", () => {
  fc.assert(
    fc.property(data, data, (x, y) => {
      expect(sameData(x, y)).toBe(isDeepStrictEqual(x, y));
      expect(sameData(x, structuredClone(x))).toBe(true);
    }),
    { numRuns: 2000 }
  );
});

test("a changed leaf anywhere is another input", () => {
  fc.assert(
    fc.property(
      fc.array(fc.array(fc.double({ noNaN: true }), { minLength: 1 }), { minLength: 1 }),
      fc.nat(),
      fc.nat(),
      (rows, i, j) => {
        const r = i % rows.length;
        const c = j % rows[r].length;
        const changed = rows.map((row) => [...row]);
        changed[r][c] = rows[r][c] + 1 === rows[r][c] ? NaN : rows[r][c] + 1;
        expect(sameData(rows, changed)).toBe(false);
      }
    )
  );
});

test("NaN inside typed arrays is the same NaN; the array's kind and length count", () => {
  const a = { holdings: { price: new Float64Array([99.5, NaN, 101]) } };
  expect(sameData(a, structuredClone(a))).toBe(true);
  expect(sameData(a, { holdings: { price: new Float64Array([99.5, NaN, 101.5]) } })).toBe(false);
  expect(sameData(a, { holdings: { price: new Float32Array([99.5, NaN, 101]) } })).toBe(false);
  expect(sameData(a, { holdings: { price: [99.5, NaN, 101] } })).toBe(false);
  expect(sameData(new Float64Array(2), new Float64Array(3))).toBe(false);
});

test("equal data from another realm is the same; Dates, Maps and Sets by value", () => {
  const foreign = runInNewContext(
    "({ values: [[1, 'a', NaN]], at: new Date(0), m: new Map([['k', [1]]]), s: new Set([2]) })"
  );
  const local = {
    values: [[1, "a", NaN]],
    at: new Date(0),
    m: new Map([["k", [1]]]),
    s: new Set([2]),
  };
  expect(sameData(foreign, local)).toBe(true);
  expect(sameData(local, { ...local, at: new Date(1) })).toBe(false);
  expect(sameData(local, { ...local, m: new Map([["k", [2]]]) })).toBe(false);
  expect(sameData(local, { ...local, s: new Set([3]) })).toBe(false);
  // A key missing is not a key holding undefined.
  expect(sameData({ a: undefined }, {})).toBe(false);
  expect(sameData([1, 2], { 0: 1, 1: 2 })).toBe(false);
});
