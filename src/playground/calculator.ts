/**
 * Keeps every formula cell of the simulated workbook calculated, with Excel's dynamic arrays: a
 * formula whose result is larger than one cell spills into the cells right and below (values
 * only; the formula stays in its anchor cell), or shows #SPILL! when a cell there holds anything.
 * A blocked formula spills once the cells are cleared; a shrinking result clears what it spilled;
 * typing into a spilled cell blocks its formula. Error cells keep their function's message
 * (SimCell.message).
 *
 * Custom functions can be calculated as Excel calculates them, asynchronously: a recalculation
 * with `deferCustom` shows #BUSY! in each formula calling one and queues it; calculateQueued then
 * calculates the queue (and what reads it) in slices, after the request that wrote them returned.
 */
import { MAX_COLUMNS, MAX_ROWS, Rect, overlaps, rangeText } from "./a1";
import {
  Evaluated,
  FormulaNode,
  FunctionResolver,
  evaluateFormula,
  formulaShape,
  parseFormula,
  RefNode,
  references,
  shiftFormula,
  shiftRect,
} from "./formulaEngine";
import type { SimCell, SimSheet } from "./workbookModel";

/** Cell key of a sheet's cell map (as SimSheet.cells uses). */
export const cellKey = (row: number, column: number): number => row * MAX_COLUMNS + column;

/** Excel's message on a #SPILL! cell whose spill range holds data. */
export const SPILL_BLOCKED = "Spill range isn't blank";

/** A reference of a formula, its sheet resolved when the formula was read (undefined: not found). */
interface Read {
  readonly sheet: SimSheet | undefined;
  readonly rect: Rect;
}

/**
 * A formula cell the calculator tracks: where it is, its shape and its offset from the cell the
 * shape was parsed at. Its formula moved to its cell and its references are made when first
 * needed: a written table has tens of thousands of formula cells, most of them calculated later
 * (custom functions) or never read again by the calculator.
 */
interface Tracked {
  readonly sheet: SimSheet;
  readonly key: number;
  readonly shape: Shape;
  readonly rows: number;
  readonly columns: number;
  /** The sheets its references name, as resolved when the formula was read. */
  readonly sheets: readonly (SimSheet | undefined)[];
  /** Its formula moved to its cell, once made. */
  moved?: FormulaNode;
  /** The cells its result covers now (anchor included), when it spills. */
  spill?: Rect;
  /** The cells its last result needed (spilled or blocked), when larger than one cell. */
  wants?: Rect;
}

/** A parsed formula as the calculator keeps it for every cell of its shape. */
interface Shape {
  readonly node: FormulaNode;
  /** The cell it was parsed at. */
  readonly row: number;
  readonly column: number;
  readonly custom: boolean;
  /** Its references there. */
  readonly refs: readonly RefNode[];
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

function keyRect(key: number): Rect {
  return {
    row: Math.floor(key / MAX_COLUMNS),
    column: key % MAX_COLUMNS,
    rowCount: 1,
    columnCount: 1,
  };
}

/** Sets a cell's value and message (none: removed). */
function put(cell: SimCell, value: SimCell["value"], message?: string): void {
  cell.value = value;
  if (message === undefined) delete cell.message;
  else cell.message = message;
}

/** Whether a formula calls a function other than Excel's own SUM and SUMIFS. */
function callsCustom(node: FormulaNode): boolean {
  switch (node.kind) {
    case "call":
      return (node.name !== "SUM" && node.name !== "SUMIFS") || node.args.some(callsCustom);
    case "binary":
      return callsCustom(node.left) || callsCustom(node.right);
    case "negate":
      return callsCustom(node.operand);
    default:
      return false;
  }
}

/** What a formula the engine cannot parse evaluates to (its cell shows the function's error). */
const UNSUPPORTED: FormulaNode = { kind: "call", name: "#UNSUPPORTED", args: [] };

/** A tracked formula moved to its cell (made once, when first calculated). */
function nodeOf(t: Tracked): FormulaNode {
  return (t.moved ??= shiftFormula(t.shape.node, t.rows, t.columns));
}

/** A tracked formula's references at its cell, with their sheets. */
function readsOf(t: Tracked): Read[] {
  return t.shape.refs.map((p, k) => ({
    sheet: t.sheets[k],
    rect: shiftRect(p.rect, p.fixed, t.rows, t.columns),
  }));
}

/** Excel's value of a custom function's cell while its calculation is pending. */
export const BUSY = "#BUSY!";

/** A formula is recalculated at most this often in one pass (spills feeding back on themselves). */
const MAX_PASSES = 4;

/**
 * Recalculates after each batch of writes the formulas written and, transitively, every formula
 * reading a changed cell (spilled cells included); a formula's pending precedents are calculated
 * first (a cycle gives #REF!, where Excel would warn). Single-cell references are indexed by cell;
 * range references (a few SUMIFS) and spill ranges are scanned.
 */
export class Calculator {
  private readonly tracked = new Map<SimSheet, Map<number, Tracked>>();
  /** Formulas reading a cell, by sheet and cell key (single-cell references only). */
  private readonly readers = new Map<SimSheet, Map<number, Tracked | Tracked[]>>();
  /** Formulas with a multi-cell reference. */
  private readonly rangeReaders = new Set<Tracked>();
  /** Formulas whose last result was larger than one cell. */
  private readonly spillers = new Set<Tracked>();
  /** Spilled cells by sheet and key: the formula whose value they show. */
  private readonly spilled = new Map<SimSheet, Map<number, Tracked>>();
  /** Formulas calling a custom function, showing #BUSY! until calculateQueued reaches them. */
  private readonly queued = new Set<Tracked>();
  /** Parsed formulas by shape, with the cell each was parsed at, what they read and call. */
  private readonly shapes = new Map<string, Shape>();

  constructor(
    private readonly lookup: (name: string) => SimSheet | undefined,
    public functions?: FunctionResolver
  ) {}

  /** The formula whose result a spilled cell shows (its anchor), if the cell is spilled. */
  spillAnchor(sheet: SimSheet, row: number, column: number): Rect | undefined {
    const t = this.spilled.get(sheet)?.get(cellKey(row, column));
    return t && keyRect(t.key);
  }

  /** How many formulas wait for their custom function (showing #BUSY!). */
  get queuedCount(): number {
    return this.queued.size;
  }

  /**
   * Recalculates after writes to `written` (rectangles of sheets): re-reads their formulas, then
   * calculates the formulas written and everything that depends on a changed cell. With
   * `deferCustom`, a formula calling a custom function shows #BUSY! and waits in the queue.
   * @returns The sheets with a cell recalculated.
   */
  recalculate(written: readonly Written[], deferCustom = false): Set<SimSheet> {
    const { mark, run } = this.pass(deferCustom);
    const changed: Written[] = [...written];
    for (const { sheet, rect } of written) {
      // The sheets a shape's references name, from this sheet: one list for all its cells here.
      const lists = new Map<Shape, readonly (SimSheet | undefined)[]>();
      const sheetsOf = (shape: Shape) => {
        let list = lists.get(shape);
        if (!list) {
          list = shape.refs.map((p) => (p.sheet === undefined ? sheet : this.lookup(p.sheet)));
          lists.set(shape, list);
        }
        return list;
      };
      // Looked up once a rectangle; empty maps are not asked (a new sheet has neither).
      const trackedHere = this.tracked.get(sheet);
      const spilledHere = this.spilled.get(sheet);
      const tracking = trackedHere !== undefined && trackedHere.size > 0;
      const spilling = spilledHere !== undefined && spilledHere.size > 0;
      eachKey(rect, (key) => {
        const old = tracking ? trackedHere.get(key) : undefined;
        if (old) changed.push(...this.untrack(old));
        const cell = sheet.cells.get(key);
        if (cell?.message !== undefined) delete cell.message;
        // Typing into a spilled cell: the cell is the user's now, and blocks the formula.
        const owner = spilling ? spilledHere.get(key) : undefined;
        if (owner) {
          spilledHere!.delete(key);
          mark(owner);
        }
        if (cell?.formula !== undefined) mark(this.track(sheet, key, cell.formula, sheetsOf));
      });
    }
    return run(changed);
  }

  /**
   * Calculates up to `limit` queued formulas (oldest first) and every formula reading what they
   * change; the rest stay queued.
   * @returns The sheets with a cell recalculated.
   */
  calculateQueued(limit = Infinity): Set<SimSheet> {
    const { mark, run } = this.pass(false);
    const changed: Written[] = [];
    for (const t of this.queued) {
      if (changed.length >= limit) break;
      this.queued.delete(t);
      mark(t);
      changed.push({ sheet: t.sheet, rect: t.spill ?? keyRect(t.key) });
    }
    return run(changed);
  }

  /**
   * One calculation pass: `mark` formulas to calculate, then `run` with the cells changed (their
   * readers are calculated too).
   */
  private pass(deferCustom: boolean): {
    mark: (t: Tracked) => void;
    run: (changed: Written[]) => Set<SimSheet>;
  } {
    const dirty = new Set<Tracked>();
    const order: Tracked[] = [];
    const mark = (t: Tracked) => {
      if (dirty.has(t)) return;
      dirty.add(t);
      order.push(t);
    };
    const run = (changed: Written[]) => {
      this.propagate(changed, mark);
      return this.calculate(dirty, order, deferCustom);
    };
    return { mark, run };
  }

  /** Calculates the formulas in `order` (growing as spills move), precedents first. */
  private calculate(dirty: Set<Tracked>, order: Tracked[], deferCustom: boolean): Set<SimSheet> {
    const done = new Set<Tracked>();
    const busy = new Set<Tracked>();
    const passes = new Map<Tracked, number>();
    const calc = (t: Tracked): void => {
      if (done.has(t)) return;
      const cell = t.sheet.cells.get(t.key);
      if (!cell || cell.formula === undefined) return;
      if (busy.has(t)) {
        put(cell, "#REF!");
        return;
      }
      busy.add(t);
      // Excel calls custom functions after the request: #BUSY! until then.
      const deferred = deferCustom && t.shape.custom;
      if (deferred) this.queued.add(t);
      else this.queued.delete(t);
      const result: Evaluated = deferred
        ? { values: [[BUSY]] }
        : evaluateFormula(nodeOf(t), {
            functions: this.functions,
            values: (name, rect) => {
              const sheet = name === undefined ? t.sheet : this.lookup(name);
              if (!sheet) return [["#REF!"]];
              // Precedents that are themselves pending (or spill into the range) are calculated first.
              const pending = (d: Tracked | undefined) => {
                if (!d || done.has(d)) return;
                if (dirty.has(d)) calc(d);
                else if (!deferCustom && this.queued.has(d)) {
                  // A queued precedent is calculated first; its other readers after it.
                  dirty.add(d);
                  calc(d);
                  this.propagate([{ sheet: d.sheet, rect: d.spill ?? keyRect(d.key) }], (x) => {
                    if (dirty.has(x)) return;
                    dirty.add(x);
                    order.push(x);
                  });
                }
              };
              const map = this.tracked.get(sheet);
              if (map) eachKey(rect, (key) => pending(map.get(key)));
              const spills = this.spilled.get(sheet);
              if (spills?.size) eachKey(rect, (key) => pending(spills.get(key)));
              return sheet.valuesIn(rect);
            },
          });
      busy.delete(t);
      done.add(t);
      const moved = this.place(t, cell, result);
      if (moved.length === 0) return;
      // Formulas reading the cells spilled or cleared: calculate (again) after this one.
      const again = (d: Tracked) => {
        if (d === t || (passes.get(d) ?? 0) >= MAX_PASSES) return;
        passes.set(d, (passes.get(d) ?? 0) + 1);
        done.delete(d);
        dirty.add(d);
        order.push(d);
      };
      this.propagate(
        moved.map((rect) => ({ sheet: t.sheet, rect })),
        again
      );
    };
    for (let k = 0; k < order.length; k++) calc(order[k]);
    return new Set([...dirty].map((t) => t.sheet));
  }

  /** Calls `mark` for every formula reading a changed cell or wanting to spill over it. */
  private propagate(changed: Written[], mark: (t: Tracked) => void): void {
    const queue = [...changed];
    const seen = new Set<Tracked>();
    const visit = (t: Tracked) => {
      if (seen.has(t)) return;
      seen.add(t);
      mark(t);
      queue.push({ sheet: t.sheet, rect: t.spill ?? keyRect(t.key) });
    };
    while (queue.length) {
      const w = queue.pop()!;
      const byCell = this.readers.get(w.sheet);
      if (byCell) {
        eachKey(w.rect, (key) => {
          const found = byCell.get(key);
          if (Array.isArray(found)) found.forEach(visit);
          else if (found) visit(found);
        });
      }
      for (const t of this.rangeReaders) {
        if (readsOf(t).some((read) => read.sheet === w.sheet && overlaps(read.rect, w.rect))) {
          visit(t);
        }
      }
      for (const t of this.spillers) {
        if (t.sheet === w.sheet && t.wants && overlaps(t.wants, w.rect)) visit(t);
      }
    }
  }

  /**
   * Puts a formula's result in its cell, spilling it when larger than one cell (or #SPILL! when
   * blocked); clears what it spilled before.
   * @returns The rectangles whose values changed besides the anchor (cleared or spilled).
   */
  private place(t: Tracked, cell: SimCell, result: Evaluated): Rect[] {
    const moved: Rect[] = [];
    const cleared = this.clearSpill(t);
    if (cleared) moved.push(cleared);
    const { values, messages } = result;
    const rows = values.length;
    const columns = values[0]?.length ?? 0;
    if (rows * columns <= 1) {
      put(cell, values[0]?.[0] ?? "", messages?.[0]?.[0]);
      this.spillers.delete(t);
      t.wants = undefined;
      return moved;
    }
    const anchor = keyRect(t.key);
    const wants: Rect = {
      row: anchor.row,
      column: anchor.column,
      rowCount: rows,
      columnCount: columns,
    };
    t.wants = wants;
    this.spillers.add(t);
    if (anchor.row + rows > MAX_ROWS || anchor.column + columns > MAX_COLUMNS) {
      put(cell, "#SPILL!", "Spill range extends beyond the edge of the worksheet");
      return moved;
    }
    const blocker = this.blocker(t, wants);
    if (blocker) {
      put(cell, "#SPILL!", `${SPILL_BLOCKED}: ${rangeText(blocker)} holds data`);
      return moved;
    }
    let mine = this.spilled.get(t.sheet);
    if (!mine) this.spilled.set(t.sheet, (mine = new Map()));
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < columns; c++) {
        const at = t.sheet.cellForWrite(anchor.row + r, anchor.column + c);
        put(at, values[r][c], messages?.[r]?.[c]);
        if (r > 0 || c > 0) mine.set(cellKey(anchor.row + r, anchor.column + c), t);
      }
    }
    t.spill = wants;
    moved.push(wants);
    return moved;
  }

  /** The first cell of the spill range (anchor aside) holding a value, a formula or a spill. */
  private blocker(t: Tracked, rect: Rect): Rect | undefined {
    const spills = this.spilled.get(t.sheet);
    for (let r = rect.row; r < rect.row + rect.rowCount; r++) {
      for (let c = rect.column; c < rect.column + rect.columnCount; c++) {
        const key = cellKey(r, c);
        if (key === t.key) continue;
        const cell = t.sheet.cells.get(key);
        const taken = cell && (cell.formula !== undefined || cell.value !== "");
        if (taken || spills?.has(key)) return keyRect(key);
      }
    }
    return undefined;
  }

  /** Empties the cells a formula spilled into (still its own); returns their rectangle. */
  private clearSpill(t: Tracked): Rect | undefined {
    const rect = t.spill;
    if (!rect) return undefined;
    t.spill = undefined;
    const mine = this.spilled.get(t.sheet);
    eachKey(rect, (key) => {
      if (key === t.key || mine?.get(key) !== t) return;
      mine.delete(key);
      const cell = t.sheet.cells.get(key);
      if (cell) put(cell, "");
    });
    return rect;
  }

  /** Forgets a deleted sheet's formulas. */
  forget(sheet: SimSheet): void {
    for (const t of this.tracked.get(sheet)?.values() ?? []) this.untrack(t);
    this.tracked.delete(sheet);
    this.spilled.delete(sheet);
  }

  /**
   * Starts tracking the formula of a cell: its shape (parsed once for every cell of the shape),
   * and its single-cell references indexed by cell. `sheetsOf` gives the sheets a shape's
   * references name, resolved now (shared by the cells of one written rectangle).
   */
  private track(
    sheet: SimSheet,
    key: number,
    formula: string,
    sheetsOf: (shape: Shape) => readonly (SimSheet | undefined)[]
  ): Tracked {
    const row = Math.floor(key / MAX_COLUMNS);
    const column = key % MAX_COLUMNS;
    const shape = this.shapeOf(formula, row, column);
    const refs = shape.refs;
    const t: Tracked = {
      sheet,
      key,
      shape,
      rows: row - shape.row,
      columns: column - shape.column,
      sheets: sheetsOf(shape),
    };
    let map = this.tracked.get(sheet);
    if (!map) this.tracked.set(sheet, (map = new Map()));
    map.set(key, t);
    for (let k = 0; k < refs.length; k++) {
      const read = t.sheets[k];
      if (!read) continue;
      // The reference moved to this cell, as readsOf moves it for untrack.
      const moved = shiftRect(refs[k].rect, refs[k].fixed, t.rows, t.columns);
      if (area(moved) > 1) {
        this.rangeReaders.add(t);
        continue;
      }
      const at = cellKey(moved.row, moved.column);
      let byCell = this.readers.get(read);
      if (!byCell) this.readers.set(read, (byCell = new Map()));
      const found = byCell.get(at);
      if (found === undefined) byCell.set(at, t);
      else if (Array.isArray(found)) found.push(t);
      else byCell.set(at, [found, t]);
    }
    return t;
  }

  /** The parsed shape of a formula at a cell (an unsupported formula's shape reads nothing). */
  private shapeOf(formula: string, row: number, column: number): Shape {
    const shapeKey = formulaShape(formula, row, column);
    let shape = this.shapes.get(shapeKey);
    if (shape === undefined) {
      try {
        const node = parseFormula(formula);
        shape = { node, row, column, custom: callsCustom(node), refs: references(node) };
      } catch {
        shape = { node: UNSUPPORTED, row, column, custom: false, refs: [] };
      }
      this.shapes.set(shapeKey, shape);
    }
    return shape;
  }

  /** Stops tracking a formula and clears what it spilled; returns the cleared rectangles. */
  private untrack(t: Tracked): Written[] {
    this.tracked.get(t.sheet)?.delete(t.key);
    this.queued.delete(t);
    this.rangeReaders.delete(t);
    this.spillers.delete(t);
    for (const read of readsOf(t)) {
      if (!read.sheet || area(read.rect) !== 1) continue;
      const byCell = this.readers.get(read.sheet);
      const at = cellKey(read.rect.row, read.rect.column);
      const found = byCell?.get(at);
      if (found === t) byCell!.delete(at);
      else if (Array.isArray(found)) {
        const rest = found.filter((x) => x !== t);
        byCell!.set(at, rest.length === 1 ? rest[0] : rest);
      }
    }
    const cleared = this.clearSpill(t);
    return cleared ? [{ sheet: t.sheet, rect: cleared }] : [];
  }
}
