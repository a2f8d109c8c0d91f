/**
 * Drift attribution between two runs: how the book moved from an earlier run A (the previous run,
 * or the last rebalance) to this run B, figure by figure, split into parts that add up to the
 * total change exactly (each part is the difference of two successive books, so the parts
 * telescope to B − A; the check column shows Σ parts − total, rounding only).
 *
 * The steps, in this order (t0 = A's settlement, t1 = B's):
 * 1. Cash flows: positions of A maturing in (t0, t1] leave at A's figures; coupons A's positions
 *    pay in (t0, t1] leave the market value as cash; pools pay down their expected principal
 *    (scheduled and prepaid, as the MBS engine expects it on A's curve), the part paid leaving at
 *    A's price — the rest of a pool's par change is a trade.
 * 2. Time: A's remaining positions aged to t1 on A's curve rolled to t1 (zero rates by tenor
 *    unchanged: the horizon's convention), each holding's Z-spread held — ageing and roll-down.
 * 3. Market: the same positions at t1 on B's market — held positions at B's prices (B's figures
 *    scaled to A's par), positions sold since on B's curve with A's Z-spread. The curve change and
 *    the change in each price's spread.
 * 4. Trades: B's positions — added ones at their own figures, resized ones by the par change,
 *    removed ones leave at their step-3 figures.
 * 5. Hedge: the hedge's DV01 (its trades' DV01 impact) from A's to B's; the holdings' figures
 *    do not move.
 * Every book is measured by the pipeline's pricing path (states.ts). Positions are matched by
 * holding id (lots of one id summed). The tracking error is measured against A's benchmark for
 * the books up to step 2 and against B's from step 3 (a moved benchmark is part of the market).
 */
import { RunRecord } from "../run/runRecord";
import { tenorLabel } from "../curve/tenor";
import {
  BookFigures,
  bookFigures,
  cashReceived,
  holdingRows,
  keyZeroRatesBp,
  marketAt,
  measureBook,
  pricesAtSpread,
  recordBook,
  Slice,
  wholeBook,
} from "./states";

/** The attribution's steps, in the order applied. */
export const ATTRIBUTION_STEPS = ["Cash flows", "Time", "Market", "Trades", "Hedge"] as const;

export interface AttributionRow {
  readonly label: string;
  /** "money", "years", "money per bp", "decimal per year". */
  readonly unit: string;
  /** A's figure, each step's part (ATTRIBUTION_STEPS order), B's figure. */
  readonly start: number;
  readonly parts: readonly number[];
  readonly end: number;
  /** B − A. */
  readonly total: number;
  /** Σ parts − total: rounding only. */
  readonly check: number;
}

export interface Attribution {
  /** What A is: "previous run" or "last rebalance". */
  readonly base: string;
  readonly baseRunDate: string;
  readonly baseSettlement: number;
  readonly settlement: number;
  readonly rows: readonly AttributionRow[];
  /** Cash paid by A's positions in (t0, t1], money. */
  readonly coupons: number;
  readonly principal: number;
  /** Position changes by id. */
  readonly trades: { readonly added: number; readonly removed: number; readonly resized: number };
  /** Largest |move| of the zero rates at the keys, bp, and the move per key. */
  readonly keyMovesBp: readonly number[];
  readonly notes: readonly string[];
}

/** Rows of `r`'s included positions, by holding id. */
function rowsById(r: RunRecord): Map<string, number[]> {
  const out = new Map<string, number[]>();
  r.positions.excluded.forEach((e, i) => {
    if (e) return;
    const id = r.holdings.id[i];
    const rows = out.get(id);
    if (rows) rows.push(i);
    else out.set(id, [i]);
  });
  return out;
}

const parOf = (r: RunRecord, rows: readonly number[]) =>
  rows.reduce((a, i) => a + r.holdings.par[i], 0);

/**
 * The attribution of B − A (see the module's steps).
 * @param base "previous run" or "last rebalance", for the sheet's title.
 */
export function attributeDrift(a: RunRecord, b: RunRecord, base: string): Attribution {
  const t0 = a.market.settlement;
  const t1 = b.market.settlement;
  const keys = b.positions.risk.keysMonths;
  const notes: string[] = [];
  const sameKeys =
    a.positions.risk.keysMonths.length === keys.length &&
    a.positions.risk.keysMonths.every((k, i) => k === keys[i]);
  if (!sameKeys) notes.push("the runs' key tenors differ: KRDs not attributed");
  if (t1 < t0) notes.push("this run settles before the base run: time runs backwards");
  const A = recordBook(a);
  const B = recordBook(b);
  const fig = (slices: Slice[], bench: RunRecord) =>
    bookFigures(slices, keys, bench.comparison.benchmark);

  // 1. Cash flows.
  const whole = wholeBook(A);
  const survivors = whole.rows.filter((i) => a.holdings.maturity[i] > t1);
  const matured = whole.rows.filter((i) => !(a.holdings.maturity[i] > t1));
  const cash = cashReceived(a.holdings, whole.rows, t0, t1, a.market);
  // The part of each of A's positions left after its paydowns (pools; 1 otherwise).
  const left = new Float64Array(a.holdings.count).fill(1);
  whole.rows.forEach((i, k) => (left[i] = cash.factor[k]));
  const paidDown = whole.rows.reduce((s, i, k) => s + (left[i] < 1 ? cash.principal[k] : 0), 0);
  const survivorCoupons = whole.rows.reduce(
    (s, i, k) => s + (a.holdings.maturity[i] > t1 ? cash.coupons[k] : 0),
    0
  );
  const s0 = fig([whole], a);
  const s1f = fig([{ book: A, rows: survivors, scale: survivors.map((i) => left[i]) }], a);
  const s1: BookFigures = { ...s1f, marketValue: s1f.marketValue - survivorCoupons };

  // 2. Time: aged to t1 on A's curve by tenor, Z-spreads held.
  const m0 = marketAt(a.market, t1);
  const zOf = (rows: readonly number[]) =>
    Float64Array.from(rows, (i) => a.positions.risk.zspread[i]);
  const cleanOf = (rows: readonly number[]) => Float64Array.from(rows, (i) => a.positions.clean[i]);
  const aged = (rows: readonly number[], market: ReturnType<typeof marketAt>) => {
    const ref = holdingRows(a.holdings, rows, cleanOf(rows));
    return measureBook(
      holdingRows(a.holdings, rows, pricesAtSpread(ref, market, zOf(rows))),
      market
    );
  };
  /** A's rows aged to t1 on a market, each position as left after its paydowns. */
  const agedSlice = (rows: readonly number[], market: ReturnType<typeof marketAt>): Slice => {
    const whole = wholeBook(aged(rows, market));
    return { ...whole, scale: whole.rows.map((k) => left[rows[k]]) };
  };
  const s2 = survivors.length ? fig([agedSlice(survivors, m0)], a) : fig([], a);

  // 3. Market: held positions at B's figures scaled to A's par; sold ones repriced on B's curve.
  const aById = new Map<string, number[]>();
  for (const i of survivors) {
    const rows = aById.get(a.holdings.id[i]);
    if (rows) rows.push(i);
    else aById.set(a.holdings.id[i], [i]);
  }
  const bById = rowsById(b);
  const heldRows: number[] = [];
  const heldScale: number[] = [];
  const removed: number[] = [];
  let resized = 0;
  for (const [id, rows] of aById) {
    const bRows = bById.get(id);
    const par0 = rows.reduce((x, i) => x + a.holdings.par[i] * left[i], 0);
    const par1 = bRows ? parOf(b, bRows) : 0;
    if (!bRows || par1 === 0) {
      removed.push(...rows);
      continue;
    }
    if (Math.abs(par1 - par0) > 1e-9 * par0) resized++;
    for (const i of bRows) {
      heldRows.push(i);
      heldScale.push(par0 / par1);
    }
  }
  const m1 = marketAt(b.market, t1);
  const s3Slices: Slice[] = [{ book: B, rows: heldRows, scale: heldScale }];
  if (removed.length) s3Slices.push(agedSlice(removed, m1));
  const s3 = fig(s3Slices, b);

  // 4. Trades: B's book.
  const s4 = fig([wholeBook(B)], b);
  const added = [...bById.keys()].filter((id) => !aById.has(id)).length;

  // 5. Hedge.
  const books = [s0, s1, s2, s3, s4];
  const hedgeA = a.hedge.dv01Impact;
  const hedgeB = b.hedge.dv01Impact;
  const row = (label: string, unit: string, values: number[]): AttributionRow => {
    const parts = values.slice(1).map((v, k) => v - values[k]);
    const total = values[values.length - 1] - values[0];
    return {
      label,
      unit,
      start: values[0],
      parts,
      end: values[values.length - 1],
      total,
      check: parts.reduce((x, y) => x + y, 0) - total,
    };
  };
  const holdingsRow = (label: string, unit: string, pick: (f: BookFigures) => number) =>
    row(label, unit, [...books.map(pick), pick(s4)]);
  const rows: AttributionRow[] = [
    holdingsRow("Market value", "money", (f) => f.marketValue),
    holdingsRow("Effective duration", "years", (f) => f.effective),
    holdingsRow("Modified duration", "years", (f) => f.modified),
    holdingsRow("Macaulay duration", "years", (f) => f.macaulay),
    holdingsRow("DV01", "money per bp", (f) => f.dv01),
  ];
  if (sameKeys)
    keys.forEach((m, k) =>
      rows.push(holdingsRow(`KRD ${tenorLabel(m)}`, "years", (f) => f.krd[k]))
    );
  rows.push(holdingsRow("Tracking error", "decimal per year", (f) => f.trackingError));
  rows.push(row("Hedge DV01", "money per bp", [hedgeA, hedgeA, hedgeA, hedgeA, hedgeA, hedgeB]));
  rows.push(
    row("Net DV01 (holdings + hedge)", "money per bp", [
      ...books.map((f) => f.dv01 + hedgeA),
      s4.dv01 + hedgeB,
    ])
  );
  if (matured.length)
    notes.push(`${matured.length} positions matured and left at their previous figures`);
  if (removed.length)
    notes.push(
      `${removed.length} positions sold: repriced on this run's curve with their previous Z-spread, then removed`
    );
  if (paidDown > 0)
    notes.push(
      `pools paid down ${Math.round(paidDown).toLocaleString("en-US")} of principal: the MBS engine's expected paydowns (scheduled and prepaid, on the previous run's curve); any other change of their par is a trade`
    );
  const keyMoves = sameKeys ? keyMovesBp(a, b) : [];
  return {
    base,
    baseRunDate: a.runDate,
    baseSettlement: t0,
    settlement: t1,
    rows,
    coupons: cash.coupons.reduce((x, y) => x + y, 0),
    principal: cash.principal.reduce((x, y) => x + y, 0),
    trades: { added, removed: new Set(removed.map((i) => a.holdings.id[i])).size, resized },
    keyMovesBp: keyMoves,
    notes,
  };
}

/** Moves of the zero rates at B's keys from A's market to B's, bp (each on its own date, by tenor). */
export function keyMovesBp(a: RunRecord, b: RunRecord): number[] {
  const keys = b.positions.risk.keysMonths;
  const before = keyZero(a, keys);
  return keyZero(b, keys).map((z, k) => z - before[k]);
}

const keyZero = (r: RunRecord, keys: readonly number[]) => keyZeroRatesBp(r.market, keys);
