/**
 * The simulator's calculation: the subset of Excel formulas the add-in writes, so that the
 * playground shows what Excel would and the tests can check every formula's value against the
 * value the run computed. Supported: numbers, "text", references (A1, $A$1, A1:B9, 'Sheet'!A1),
 * + − × ÷ and unary minus, parentheses, SUM, SUMIFS with equality criteria, and any function the
 * resolver knows (the KEYRATE custom functions, called as Excel on the web calls them: one matrix
 * per argument, an empty cell as null, an omitted argument — `F(A1,,C1)` — as null). Anything else
 * evaluates to #NAME?. Errors are the strings Range.values shows ("#NUM!"), and propagate as in
 * Excel. A formula's result is a matrix: a custom function's array, or a range reference, spills
 * from the formula's cell (calculator.ts places it); an error returned by a custom function keeps
 * its message.
 */
import { Rect, columnIndex, parseRange } from "./a1";
import type { Scalar } from "./workbookModel";

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
  | { readonly kind: "negate"; readonly operand: FormulaNode }
  /** An omitted argument, as in F(A1,,C1). */
  | { readonly kind: "missing" };

/** The $ of a reference's corners: [first row, first column, last row, last column]. */
type RefFixed = readonly [boolean, boolean, boolean, boolean];

/** An error value with the message a custom function gave it (Excel shows it on selection). */
export interface CellError {
  readonly error: string;
  readonly message?: string;
}

/** One cell of a custom function's result. */
export type ResultCell = Scalar | CellError;

/** A custom function's argument as Excel passes it: a matrix (empty cells null) or null (omitted). */
export type FunctionArg = (Scalar | null)[][] | null;

/**
 * A function outside Excel's own (a custom function): one argument per parameter in, a cell or a
 * matrix (which spills) out; undefined when the resolver does not know the name (#NAME?).
 */
export type FunctionResolver = (
  name: string,
  args: FunctionArg[]
) => ResultCell | ResultCell[][] | undefined;

/** A formula's result: its values (1×1 unless it spills) and the messages of its error cells. */
export interface Evaluated {
  readonly values: Scalar[][];
  /** Messages by position, only where an error cell carries one. */
  readonly messages?: (string | undefined)[][];
}

const ERROR_TEXT = /^#(NUM!|VALUE!|N\/A|REF!|DIV\/0!|NAME\?|NULL!|CALC!|SPILL!|BUSY!)$/;

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
      const argument = (): FormulaNode => {
        const next = peek();
        const empty = next?.type === "op" && (next.value === "," || next.value === ")");
        return empty ? { kind: "missing" } : expression();
      };
      if (!take(")")) {
        do args.push(argument());
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
 *
 * A scanner, run for every formula cell written: text in double quotes and sheet names in single
 * quotes ("" and '' inside) are kept as they are; a reference is 1–3 letters and digits, each part
 * optionally after $, not preceded by a letter, digit, _, . or $ and not followed by one or by ( —
 * the regular expression /"(?:[^"]|"")*"|'(?:[^']|'')*'|(?<![\w.$])(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![\w(.])/g
 * would find the same (its test holds the two equal), at a third of its cost.
 */
export function formulaShape(formula: string, row: number, column: number): string {
  const n = formula.length;
  let out = "";
  let kept = 0;
  let i = 0;
  while (i < n) {
    const ch = formula.charCodeAt(i);
    if (ch === DOUBLE_QUOTE || ch === SINGLE_QUOTE) {
      const end = quotedEnd(formula, i);
      // Unterminated: no text here; the scan goes on from the next character.
      i = end < 0 ? i + 1 : end;
      continue;
    }
    const end = i > 0 && isRefPrefix(formula.charCodeAt(i - 1)) ? -1 : referenceEnd(formula, i);
    if (end < 0) {
      i++;
      continue;
    }
    out += formula.slice(kept, i) + movedReference(formula.slice(i, end), row, column);
    kept = i = end;
  }
  return kept === 0 ? formula : out + formula.slice(kept);
}

const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;
const DOLLAR = 36;

const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isDigit = (c: number) => c >= 48 && c <= 57;
/** \w, as the expression's classes have it. */
const isWord = (c: number) => isLetter(c) || isDigit(c) || c === 95;
/** What may not come before a reference: \w . $ */
const isRefPrefix = (c: number) => isWord(c) || c === 46 || c === DOLLAR;

/**
 * The index after a quoted run starting at `start`, doubled quotes inside, or -1 if unterminated.
 * As the expression's backtracking does, a doubled quote with nothing closing after it closes the
 * run with its first quote (the longest run that closes).
 */
function quotedEnd(text: string, start: number): number {
  const quote = text.charCodeAt(start);
  let closing = -1;
  for (let j = start + 1; j < text.length; j++) {
    if (text.charCodeAt(j) !== quote) continue;
    if (text.charCodeAt(j + 1) !== quote) return j + 1;
    closing = ++j;
  }
  return closing;
}

/** The index after a reference starting at `start` ($?letters$?digits, not followed by \w ( .), or -1. */
function referenceEnd(text: string, start: number): number {
  let j = start;
  if (text.charCodeAt(j) === DOLLAR) j++;
  const letters = j;
  while (j < text.length && isLetter(text.charCodeAt(j))) j++;
  if (j === letters || j - letters > 3) return -1;
  if (text.charCodeAt(j) === DOLLAR) j++;
  const digits = j;
  while (j < text.length && isDigit(text.charCodeAt(j))) j++;
  if (j === digits) return -1;
  const next = text.charCodeAt(j);
  return j < text.length && (isWord(next) || next === 40 || next === 46) ? -1 : j;
}

/** A reference ("$G55", "G$55", as referenceEnd found it) written as its offset from the cell where relative. */
function movedReference(ref: string, row: number, column: number): string {
  const colFixed = ref.charCodeAt(0) === DOLLAR;
  let j = colFixed ? 1 : 0;
  while (isLetter(ref.charCodeAt(j))) j++;
  const letters = ref.slice(colFixed ? 1 : 0, j);
  const rowFixed = ref.charCodeAt(j) === DOLLAR;
  const digits = ref.slice(rowFixed ? j + 1 : j);
  const c = colFixed ? `$${letters.toUpperCase()}` : `c${columnIndex(letters) - column}`;
  const r = rowFixed ? `$${digits}` : `r${Number(digits) - 1 - row}`;
  return c + r;
}

/** The formula moved by rows and columns, as Excel moves a copied formula (absolute parts stay). */
export function shiftFormula(node: FormulaNode, rows: number, columns: number): FormulaNode {
  if (rows === 0 && columns === 0) return node;
  switch (node.kind) {
    case "ref":
      return { ...node, rect: shiftRect(node.rect, node.fixed, rows, columns) };
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

/** A reference's rectangle moved by rows and columns, its absolute parts staying. */
export function shiftRect(rect: Rect, fixed: RefFixed, rows: number, columns: number): Rect {
  if (rows === 0 && columns === 0) return rect;
  const r0 = rect.row + (fixed[0] ? 0 : rows);
  const c0 = rect.column + (fixed[1] ? 0 : columns);
  const r1 = rect.row + rect.rowCount - 1 + (fixed[2] ? 0 : rows);
  const c1 = rect.column + rect.columnCount - 1 + (fixed[3] ? 0 : columns);
  return {
    row: Math.min(r0, r1),
    column: Math.min(c0, c1),
    rowCount: Math.abs(r1 - r0) + 1,
    columnCount: Math.abs(c1 - c0) + 1,
  };
}

/** A reference in a formula. */
export type RefNode = Extract<FormulaNode, { kind: "ref" }>;

/** The reference nodes of a formula, in order. */
export function references(node: FormulaNode): RefNode[] {
  switch (node.kind) {
    case "ref":
      return [node];
    case "call":
      return node.args.flatMap(references);
    case "binary":
      return [...references(node.left), ...references(node.right)];
    case "negate":
      return references(node.operand);
    default:
      return [];
  }
}

/** The references a formula reads, with their sheet (undefined: the formula's own sheet). */
export function precedents(node: FormulaNode): { sheet?: string; rect: Rect }[] {
  return references(node).map((r) => ({ sheet: r.sheet, rect: r.rect }));
}

/** What evaluation needs of the workbook. */
export interface EvaluationHost {
  /** The values of a rectangle (formula cells calculated first). */
  values(sheet: string | undefined, rect: Rect): Scalar[][];
  readonly functions?: FunctionResolver;
}

type Value = Scalar | Scalar[][];

/** Evaluates a parsed formula to one cell's value (the top-left of a spilling result). */
export function evaluate(node: FormulaNode, host: EvaluationHost): Scalar {
  return evaluateFormula(node, host).values[0]?.[0] ?? "";
}

/**
 * Evaluates a parsed formula to its whole result: a matrix for a custom function returning one or
 * a range reference (both spill in Excel), with the messages of a custom function's errors.
 */
export function evaluateFormula(node: FormulaNode, host: EvaluationHost): Evaluated {
  if (node.kind === "call" && node.name !== "SUM" && node.name !== "SUMIFS") {
    return customCall(node.name, node.args, host);
  }
  const v = evaluateNode(node, host);
  return { values: Array.isArray(v) ? v : [[v]] };
}

function evaluateNode(node: FormulaNode, host: EvaluationHost): Value {
  switch (node.kind) {
    case "number":
    case "text":
      return node.value;
    case "missing":
      return "";
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
  if (name !== "SUM" && name !== "SUMIFS") return customCall(name, args, host).values[0][0];
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
  return sumIfs(values.map(asMatrix));
}

/** An argument as Excel passes it to a custom function: empty cells null, omitted null. */
function functionArg(node: FormulaNode, host: EvaluationHost): FunctionArg {
  if (node.kind === "missing") return null;
  const v = evaluateNode(node, host);
  if (!Array.isArray(v)) return [[v === "" ? null : v]];
  return v.map((row) => row.map((x) => (x === "" ? null : x)));
}

/** A custom function's call: its result matrix with the messages of its error cells. */
function customCall(name: string, args: readonly FormulaNode[], host: EvaluationHost): Evaluated {
  const matrices = args.map((a) => functionArg(a, host));
  // Excel does not call a function with an error argument: the error is the result.
  for (const m of matrices) {
    if (m && m.length === 1 && m[0].length === 1 && isErrorValue(m[0][0])) {
      return { values: [[m[0][0]]] };
    }
  }
  const result = host.functions?.(name, matrices);
  if (result === undefined) return { values: [["#NAME?"]] };
  if (typeof result !== "object") return { values: [[result]] };
  const rows = Array.isArray(result) ? result : [[result]];
  if (rows.length === 0 || rows[0].length === 0) return { values: [["#CALC!"]] };
  let messages: (string | undefined)[][] | undefined;
  const values = rows.map((row, r) =>
    row.map((cell, c) => {
      if (typeof cell !== "object") return cell;
      if (cell.message !== undefined) {
        messages ??= rows.map((x) => x.map(() => undefined));
        messages[r][c] = cell.message;
      }
      return cell.error;
    })
  );
  return messages ? { values, messages } : { values };
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
