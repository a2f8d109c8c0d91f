/**
 * Cell values in and out of custom functions: ranges as matrices, broadcasting of single cells
 * against ranges, and the parsing of one cell into a typed value with an error that names it.
 */
import { InvalidValueError, KeyrateError, MissingValueError } from "../../core/errors";
import { cellNumber } from "../../core/holdings/cells";

/** What Excel passes for a range argument (or a single value wrapped as a 1×1 matrix). */
export type Matrix = unknown[][];

/** A function's result cell: a number, text, or an error to show as an Excel error. */
export type ResultCell = number | string | KeyrateError;

/** A function's result: always a matrix, 1×1 for a single value. */
export type Result = ResultCell[][];

/** An argument as received: a matrix, a bare scalar (from the CLI), or nothing when omitted. */
export type Arg = Matrix | unknown;

/** Normalises an argument to a matrix (a bare scalar becomes 1×1; omitted stays undefined). */
export function asMatrix(arg: Arg): Matrix | undefined {
  if (arg === undefined || arg === null) return undefined;
  if (Array.isArray(arg)) {
    if (arg.length === 0) return undefined;
    return arg.every(Array.isArray) ? (arg as Matrix) : [arg as unknown[]];
  }
  return [[arg]];
}

/** True for an empty cell as Excel passes it ("" or null). */
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === "";
}

/** The common shape of the range arguments: every non-1×1 range must have the same shape. */
export function broadcastShape(
  args: readonly (Matrix | undefined)[],
  names: readonly string[]
): [number, number] {
  let rows = 1;
  let cols = 1;
  let from = "";
  args.forEach((m, k) => {
    if (!m) return;
    const r = m.length;
    const c = m[0].length;
    if (r === 1 && c === 1) return;
    if (rows === 1 && cols === 1) {
      rows = r;
      cols = c;
      from = names[k];
    } else if (r !== rows || c !== cols) {
      throw new InvalidValueError(
        `${names[k]} is ${r}×${c} but ${from} is ${rows}×${cols}: ranges must have the same shape (or be single cells)`,
        `${r}×${c}`,
        names[k]
      );
    }
  });
  return [rows, cols];
}

/** The cell of `m` at (r, c), reusing a 1×1 matrix for every position. */
export function cellAt(m: Matrix | undefined, r: number, c: number): unknown {
  if (!m) return undefined;
  return m.length === 1 && m[0].length === 1 ? m[0][0] : m[r][c];
}

/**
 * A number from a cell: a number, or text in the one number grammar of every input
 * (core/holdings/cells `cellNumber`): "1,000,000", "(250)", "5%" → 0.05.
 * @throws MissingValueError for an empty cell; InvalidValueError for other text.
 */
export function parseNumber(value: unknown, argument: string): number {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (isBlank(value))
    throw new MissingValueError(
      `${argument}: the cell is empty; a number is needed`,
      value,
      argument
    );
  if (typeof value === "string") {
    const n = cellNumber(value);
    if (n !== undefined) return n;
  }
  throw new InvalidValueError(
    `${argument}: expected a number, got ${JSON.stringify(value)}`,
    value,
    argument
  );
}

/** A result matrix of `rows`×`cols` filled by `fill(i)` where i = r·cols + c. */
export function buildResult(rows: number, cols: number, fill: (i: number) => ResultCell): Result {
  const out: Result = [];
  for (let r = 0; r < rows; r++) {
    const row: ResultCell[] = new Array(cols);
    for (let c = 0; c < cols; c++) row[c] = fill(r * cols + c);
    out.push(row);
  }
  return out;
}

/** Runs `body`, turning a thrown KeyrateError into a 1×1 error result (other errors propagate). */
export function guard(body: () => Result): Result {
  try {
    return body();
  } catch (e) {
    if (e instanceof KeyrateError) return [[e]];
    throw e;
  }
}

/**
 * Applies `each` to every cell position of the broadcast arguments (single cells repeat against
 * ranges), keeping a per-cell error as that cell's result.
 */
export function cellwise(
  args: readonly Arg[],
  names: readonly string[],
  each: (cells: unknown[]) => ResultCell
): Result {
  return guard(() => {
    const matrices = args.map(asMatrix);
    const [rows, cols] = broadcastShape(matrices, names);
    return buildResult(rows, cols, (i) => {
      const r = Math.floor(i / cols);
      const c = i - r * cols;
      try {
        return each(matrices.map((m) => cellAt(m, r, c)));
      } catch (e) {
        if (e instanceof KeyrateError) return e;
        throw e;
      }
    });
  });
}

/**
 * Like {@link cellwise} for functions that return a row of `width` cells per input: the broadcast
 * arguments must form a column (or single cells), and the result spills one row per input row.
 * A row whose inputs are bad gets its error in every cell.
 */
export function rowwise(
  args: readonly Arg[],
  names: readonly string[],
  width: number,
  each: (cells: unknown[]) => ResultCell[]
): Result {
  return guard(() => {
    const matrices = args.map(asMatrix);
    const [rows, cols] = broadcastShape(matrices, names);
    if (cols !== 1) {
      const k = matrices.findIndex((m) => m !== undefined && m[0].length > 1);
      throw new InvalidValueError(
        `${names[k]} spans ${cols} columns: give a single column (one input per row); ` +
          `each row spills ${width} results`,
        `${rows}×${cols}`,
        names[k]
      );
    }
    const out: Result = [];
    for (let r = 0; r < rows; r++) {
      try {
        const row = each(matrices.map((m) => cellAt(m, r, 0)));
        out.push(row);
      } catch (e) {
        if (!(e instanceof KeyrateError)) throw e;
        out.push(new Array<ResultCell>(width).fill(e));
      }
    }
    return out;
  });
}

/**
 * The cells of a one-row or one-column range, in order.
 * @param what What the argument should be, for the message ("a row or a column of tenors").
 * @throws InvalidValueError for a range more than one row high and one column wide.
 */
export function vectorCells(m: Matrix, argument: string, what = "a row or a column"): unknown[] {
  if (m.length > 1 && m[0].length > 1) {
    throw new InvalidValueError(
      `${argument}: expected ${what}, got a ${m.length}×${m[0].length} range`,
      `${m.length}×${m[0].length}`,
      argument
    );
  }
  return m.flat();
}
