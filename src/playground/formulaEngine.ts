/**
 * The simulator's calculation: the subset of Excel formulas the add-in writes, so that the
 * playground shows what Excel would and the tests can check every formula's value against the
 * value the run computed. Supported: numbers, "text", references (A1, $A$1, A1:B9, 'Sheet'!A1),
 * + − × ÷ and unary minus, parentheses, SUM, SUMIFS with equality criteria, and any function the
 * resolver knows (the KEYRATE custom functions, called exactly as Excel calls them: one matrix per
 * argument). Anything else evaluates to #NAME?. Errors are the strings Range.values shows
 * ("#NUM!"), and propagate as in Excel.
 */
import { MAX_COLUMNS, Rect, columnIndex, overlaps, parseRange } from "./a1";
import type { Scalar, SimSheet } from "./workbookModel";

/** A parsed formula. */
export type FormulaNode =
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "text"; readonly value: string }
  | {
      readonly kind: "ref";
      readonly sheet?: string;
      readonly rect: Rect;
      /** Which parts were absolute ($): first and last row and column of the reference. */
      readonly fixed: RefFixed;
    }
  | { readonly kind: "call"; readonly name: string; readonly args: readonly FormulaNode[] }
  | {
      readonly kind: "binary";
      readonly op: string;
      readonly left: FormulaNode;
      readonly right: FormulaNode;
    }
  | { readonly kind: "negate"; readonly operand: FormulaNode };

/** The $ of a reference's corners: [first row, first column, last row, last column]. */
type RefFixed = readonly [boolean, boolean, boolean, boolean];

/** A function outside Excel's own (a custom function): one matrix per argument in, a cell out. */
export type FunctionResolver = (name: string, args: Scalar[][][]) => Scalar | undefined;

const ERROR_TEXT = /^#(NUM!|VALUE!|N\/A|REF!|DIV\/0!|NAME\?|NULL!|CALC!|SPILL!)$/;

/** True for an Excel error value as Range.values shows it. */
export function isErrorValue(v: unknown): v is string {
  return typeof v === "string" && ERROR_TEXT.test(v);
}

const TOKEN =
  /\s*(?:(?<number>\d+(?:\.\d*)?(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?)|"(?<text>(?:[^"]|"")*)"|(?<ref>(?:'(?:[^']|'')+'!|[A-Za-z_][\w.]*!)?\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)(?![\w(.])|(?<name>[A-Za-z_][\w.]*)\s*\(|(?<op>[-+*/(),]))/y;

/**
 * Parses a formula ("=…" or without the "=").
 * @throws Error for text outside the supported subset.
 */
export function parseFormula(formula: string): FormulaNode {
  const text = formula.replace(/^=/, "");
  const tokens: { type: string; value: string }[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(text);
    if (!m || !m.groups) {
      if (/^\s*$/.test(text.slice(at))) break;
      throw new Error(`cannot read the formula at "${text.slice(at, at + 12)}"`);
    }
    const [type, value] = Object.entries(m.groups).find(([, v]) => v !== undefined) ?? ["", ""];
    tokens.push({ type, value });
  }
  let pos = 0;
  const peek = () => tokens[pos];
  const take = (op: string) => {
    if (peek()?.type === "op" && peek().value === op) {
      pos++;
      return true;
    }
    return false;
  };
  const expect = (op: string) => {
    if (!take(op)) throw new Error(`expected "${op}" in ${formula}`);
  };
  const expression = (): FormulaNode => {
    let left = term();
    while (peek()?.type === "op" && (peek().value === "+" || peek().value === "-")) {
      const op = tokens[pos++].value;
      left = { kind: "binary", op, left, right: term() };
    }
    return left;
  };
  const term = (): FormulaNode => {
    let left = factor();
    while (peek()?.type === "op" && (peek().value === "*" || peek().value === "/")) {
      const op = tokens[pos++].value;
      left = { kind: "binary", op, left, right: factor() };
    }
    return left;
  };
  const factor = (): FormulaNode => {
    const t = tokens[pos++];
    if (!t) throw new Error(`formula ends too early: ${formula}`);
    if (t.type === "number") return { kind: "number", value: Number(t.value) };
    if (t.type === "text") return { kind: "text", value: t.value.replace(/""/g, '"') };
    if (t.type === "ref") {
      const bang = t.value.lastIndexOf("!");
      const sheet =
        bang < 0
          ? undefined
          : t.value
              .slice(0, bang)
              .replace(/^'(.*)'$/, "$1")
              .replace(/''/g, "'");
      const cells = t.value.slice(bang + 1);
      const rect = parseRange(cells.replace(/\$/g, ""));
      if (!rect) throw new Error(`not a reference: ${t.value}`);
      const [first, last = first] = cells.split(":");
      const dollars = (cell: string) => [/[A-Za-z]\$\d/.test(cell), cell.startsWith("$")];
      const fixed = [...dollars(first), ...dollars(last)] as unknown as RefFixed;
      return { kind: "ref", sheet, rect, fixed };
    }
    if (t.type === "name") {
      const args: FormulaNode[] = [];
      if (!take(")")) {
        do args.push(expression());
        while (take(","));
        expect(")");
      }
      return { kind: "call", name: t.value.toUpperCase(), args };
    }
    if (t.value === "-") return { kind: "negate", operand: factor() };
    if (t.value === "+") return factor();
    if (t.value === "(") {
      const inner = expression();
      expect(")");
      return inner;
    }
    throw new Error(`unexpected "${t.value}" in ${formula}`);
  };
  const node = expression();
  if (pos !== tokens.length) throw new Error(`unexpected "${tokens[pos].value}" in ${formula}`);
  return node;
}

/**
 * The formula's shape at a cell: its text with each relative reference written as an offset from
 * the cell ("G55" in row 55 of column J → c-3r0). Formulas filled down a column share one shape, so
 * each shape is parsed once (a 20,000-row table has a handful).
 */
export function formulaShape(formula: string, row: number, column: number): string {
  return formula.replace(
    /"(?:[^"]|"")*"|'(?:[^']|'')*'|(?<![\w.$])(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![\w(.])/g,
    (m, colFixed?: string, letters?: string, rowFixed?: string, digits?: string) => {
      if (letters === undefined || digits === undefined) return m;
      const c = colFixed ? `$${letters.toUpperCase()}` : `c${columnIndex(letters) - column}`;
      const r = rowFixed ? `$${digits}` : `r${Number(digits) - 1 - row}`;
      return c + r;
    }
  );
}

/** The formula moved by rows and columns, as Excel moves a copied formula (absolute parts stay). */
export function shiftFormula(node: FormulaNode, rows: number, columns: number): FormulaNode {
  if (rows === 0 && columns === 0) return node;
  switch (node.kind) {
    case "ref": {
      const { rect, fixed } = node;
      const r0 = rect.row + (fixed[0] ? 0 : rows);
      const c0 = rect.column + (fixed[1] ? 0 : columns);
      const r1 = rect.row + rect.rowCount - 1 + (fixed[2] ? 0 : rows);
      const c1 = rect.column + rect.columnCount - 1 + (fixed[3] ? 0 : columns);
      const moved = {
        row: Math.min(r0, r1),
        column: Math.min(c0, c1),
        rowCount: Math.abs(r1 - r0) + 1,
        columnCount: Math.abs(c1 - c0) + 1,
      };
      return { ...node, rect: moved };
    }
    case "call":
      return { ...node, args: node.args.map((a) => shiftFormula(a, rows, columns)) };
    case "binary":
      return {
        ...node,
        left: shiftFormula(node.left, rows, columns),
        right: shiftFormula(node.right, rows, columns),
      };
    case "negate":
      return { ...node, operand: shiftFormula(node.operand, rows, columns) };
    default:
      return node;
  }
}

/** The references a formula reads, with their sheet (undefined: the formula's own sheet). */
export function precedents(node: FormulaNode): { sheet?: string; rect: Rect }[] {
  switch (node.kind) {
    case "ref":
      return [{ sheet: node.sheet, rect: node.rect }];
    case "call":
      return node.args.flatMap(precedents);
    case "binary":
      return [...precedents(node.left), ...precedents(node.right)];
    case "negate":
      return precedents(node.operand);
    default:
      return [];
  }
}

/** What evaluation needs of the workbook. */
export interface EvaluationHost {
  /** The values of a rectangle (formula cells calculated first). */
  values(sheet: string | undefined, rect: Rect): Scalar[][];
  readonly functions?: FunctionResolver;
}

type Value = Scalar | Scalar[][];

/** Evaluates a parsed formula to one cell's value. */
export function evaluate(node: FormulaNode, host: EvaluationHost): Scalar {
  const v = evaluateNode(node, host);
  if (!Array.isArray(v)) return v;
  // A range in a single cell shows its first value (no spilling in the simulator).
  return v[0]?.[0] ?? "";
}

function evaluateNode(node: FormulaNode, host: EvaluationHost): Value {
  switch (node.kind) {
    case "number":
    case "text":
      return node.value;
    case "ref": {
      const values = host.values(node.sheet, node.rect);
      return values.length === 1 && values[0].length === 1 ? values[0][0] : values;
    }
    case "negate": {
      const a = toNumber(evaluate(node.operand, host));
      return typeof a === "string" ? a : -a;
    }
    case "binary": {
      const a = toNumber(evaluate(node.left, host));
      if (typeof a === "string") return a;
      const b = toNumber(evaluate(node.right, host));
      if (typeof b === "string") return b;
      if (node.op === "+") return a + b;
      if (node.op === "-") return a - b;
      if (node.op === "*") return a * b;
      return b === 0 ? "#DIV/0!" : a / b;
    }
    case "call":
      return call(node.name, node.args, host);
  }
}

/** A value as a number, or the error text (Excel reads "" as 0 and TRUE as 1 in arithmetic). */
function toNumber(v: Scalar): number | string {
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v === "") return 0;
  if (isErrorValue(v)) return v;
  const n = Number(v);
  return Number.isFinite(n) ? n : "#VALUE!";
}

const asMatrix = (v: Value): Scalar[][] => (Array.isArray(v) ? v : [[v]]);

function call(name: string, args: readonly FormulaNode[], host: EvaluationHost): Scalar {
  const values = args.map((a) => evaluateNode(a, host));
  if (name === "SUM") {
    let total = 0;
    for (const v of values) {
      for (const cell of asMatrix(v).flat()) {
        if (isErrorValue(cell)) return cell;
        if (typeof cell === "number") total += cell;
      }
    }
    return total;
  }
  if (name === "SUMIFS") return sumIfs(values.map(asMatrix));
  const matrices = values.map(asMatrix);
  // Excel does not call a function with an error argument: the error is the result.
  for (const m of matrices) {
    const error = m.flat().find(isErrorValue);
    if (error !== undefined && m.length === 1 && m[0].length === 1) return error;
  }
  const result = host.functions?.(name, matrices);
  return result === undefined ? "#NAME?" : result;
}

/** SUMIFS(sum_range, criteria_range, criterion, …) with equality criteria (text case-insensitive). */
function sumIfs(args: Scalar[][][]): Scalar {
  const [sums, ...pairs] = args;
  if (!sums || pairs.length === 0 || pairs.length % 2 !== 0) return "#VALUE!";
  let total = 0;
  for (let r = 0; r < sums.length; r++) {
    for (let c = 0; c < sums[r].length; c++) {
      let match = true;
      for (let k = 0; k < pairs.length && match; k += 2) {
        const cell = pairs[k][r]?.[c];
        const want = pairs[k + 1][0][0];
        match =
          typeof want === "string" && typeof cell === "string"
            ? cell.toLowerCase() === want.toLowerCase()
            : cell === want;
      }
      const v = sums[r][c];
      if (!match) continue;
      if (isErrorValue(v)) return v;
      if (typeof v === "number") total += v;
    }
  }
  return total;
}

/** Cell key of a sheet's cell map (as SimSheet.cells uses). */
export const cellKey = (row: number, column: number): number => row * MAX_COLUMNS + column;

/** A formula cell the calculator tracks: where it is and what it reads. */
interface Tracked {
  readonly sheet: SimSheet;
  readonly key: number;
  readonly node: FormulaNode;
  /** Its references, the sheet resolved when the formula was read (undefined: not found). */
  readonly reads: readonly { readonly sheet: SimSheet | undefined; readonly rect: Rect }[];
}

interface Written {
  readonly sheet: SimSheet;
  readonly rect: Rect;
}

const area = (r: Rect) => r.rowCount * r.columnCount;

/** Calls `visit` with the key of every cell of a rectangle. */
function eachKey(rect: Rect, visit: (key: number) => void): void {
  for (let r = rect.row; r < rect.row + rect.rowCount; r++) {
    for (let c = rect.column; c < rect.column + rect.columnCount; c++) visit(cellKey(r, c));
  }
}

/**
 * Keeps every formula cell of a workbook calculated. After each batch of writes it recalculates
 * the formulas written and, transitively, every formula reading a changed cell; a formula's
 * pending precedents are calculated first (a cycle gives #REF!, where Excel would warn).
 * Single-cell references are indexed by cell; range references (a few SUMIFS) are scanned.
 */
export class Calculator {
  private readonly tracked = new Map<SimSheet, Map<number, Tracked>>();
  /** Formulas reading a cell, by sheet and cell key (single-cell references only). */
  private readonly readers = new Map<SimSheet, Map<number, Set<Tracked>>>();
  /** Formulas with a multi-cell reference. */
  private readonly rangeReaders = new Set<Tracked>();
  /** Parsed formulas by shape, with the cell each was parsed at. */
  private readonly shapes = new Map<
    string,
    { node: FormulaNode; row: number; column: number } | Error
  >();

  constructor(
    private readonly lookup: (name: string) => SimSheet | undefined,
    public functions?: FunctionResolver
  ) {}

  /**
   * Recalculates after writes to `written` (rectangles of sheets): re-reads their formulas, then
   * calculates the formulas written and everything that depends on a changed cell.
   * @returns The sheets with a cell recalculated.
   */
  recalculate(written: readonly Written[]): Set<SimSheet> {
    const dirty = new Set<Tracked>();
    for (const { sheet, rect } of written) {
      eachKey(rect, (key) => {
        const old = this.tracked.get(sheet)?.get(key);
        if (old) this.untrack(old);
        const formula = sheet.cells.get(key)?.formula;
        if (formula !== undefined) dirty.add(this.track(sheet, key, formula));
      });
    }
    // Everything reading a changed cell, transitively (changed: written, or recalculated).
    const queue: Written[] = [...written];
    const mark = (t: Tracked) => {
      if (dirty.has(t)) return;
      dirty.add(t);
      queue.push({ sheet: t.sheet, rect: keyRect(t.key) });
    };
    while (queue.length) {
      const w = queue.pop()!;
      const byCell = this.readers.get(w.sheet);
      if (byCell) eachKey(w.rect, (key) => byCell.get(key)?.forEach(mark));
      for (const t of this.rangeReaders) {
        if (t.reads.some((read) => read.sheet === w.sheet && overlaps(read.rect, w.rect))) mark(t);
      }
    }
    const done = new Set<Tracked>();
    const busy = new Set<Tracked>();
    const calc = (t: Tracked): void => {
      if (done.has(t)) return;
      const cell = t.sheet.cells.get(t.key);
      if (!cell) return;
      if (busy.has(t)) {
        cell.value = "#REF!";
        return;
      }
      busy.add(t);
      cell.value = evaluate(t.node, {
        functions: this.functions,
        values: (name, rect) => {
          const sheet = name === undefined ? t.sheet : this.lookup(name);
          if (!sheet) return [["#REF!"]];
          // Precedents that are themselves pending are calculated first.
          const map = this.tracked.get(sheet);
          if (map) {
            eachKey(rect, (key) => {
              const d = map.get(key);
              if (d && dirty.has(d) && !done.has(d)) calc(d);
            });
          }
          return sheet.valuesIn(rect);
        },
      });
      busy.delete(t);
      done.add(t);
    };
    for (const t of dirty) calc(t);
    return new Set([...dirty].map((t) => t.sheet));
  }

  /** Forgets a deleted sheet's formulas. */
  forget(sheet: SimSheet): void {
    for (const t of this.tracked.get(sheet)?.values() ?? []) this.untrack(t);
    this.tracked.delete(sheet);
  }

  private track(sheet: SimSheet, key: number, formula: string): Tracked {
    const row = Math.floor(key / MAX_COLUMNS);
    const column = key % MAX_COLUMNS;
    const shapeKey = formulaShape(formula, row, column);
    let shape = this.shapes.get(shapeKey);
    if (shape === undefined) {
      try {
        shape = { node: parseFormula(formula), row, column };
      } catch (e) {
        shape = e as Error;
      }
      this.shapes.set(shapeKey, shape);
    }
    const node =
      shape instanceof Error
        ? shape
        : shiftFormula(shape.node, row - shape.row, column - shape.column);
    const t: Tracked =
      node instanceof Error
        ? { sheet, key, node: { kind: "call", name: "#UNSUPPORTED", args: [] }, reads: [] }
        : {
            sheet,
            key,
            node,
            reads: precedents(node).map((p) => ({
              sheet: p.sheet === undefined ? sheet : this.lookup(p.sheet),
              rect: p.rect,
            })),
          };
    let map = this.tracked.get(sheet);
    if (!map) this.tracked.set(sheet, (map = new Map()));
    map.set(key, t);
    for (const read of t.reads) {
      if (!read.sheet) continue;
      if (area(read.rect) > 1) {
        this.rangeReaders.add(t);
        continue;
      }
      let byCell = this.readers.get(read.sheet);
      if (!byCell) this.readers.set(read.sheet, (byCell = new Map()));
      const k = cellKey(read.rect.row, read.rect.column);
      let set = byCell.get(k);
      if (!set) byCell.set(k, (set = new Set()));
      set.add(t);
    }
    return t;
  }

  private untrack(t: Tracked): void {
    this.tracked.get(t.sheet)?.delete(t.key);
    this.rangeReaders.delete(t);
    for (const read of t.reads) {
      if (read.sheet && area(read.rect) === 1) {
        this.readers.get(read.sheet)?.get(cellKey(read.rect.row, read.rect.column))?.delete(t);
      }
    }
  }
}

function keyRect(key: number): Rect {
  return {
    row: Math.floor(key / MAX_COLUMNS),
    column: key % MAX_COLUMNS,
    rowCount: 1,
    columnCount: 1,
  };
}
