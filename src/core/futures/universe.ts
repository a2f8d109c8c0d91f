/**
 * The Treasury universe (SPEC S2) and the deliverable basket of a futures contract month.
 *
 * A universe range has a header row matched case-insensitively with the holdings synonyms
 * (src/core/holdings/columns.ts): `CUSIP` (or id, ISIN…), `coupon` (decimal), `issue date`,
 * `maturity`, and `price` (clean per 100, decimal or 32nds text such as "99-16+") or `yield`
 * (decimal, semiannual, Excel YIELD semantics; priced with Excel's PRICE at settlement, basis 1).
 * Only the basket's rows need a price or yield, so non-deliverable rows may leave them blank.
 * All problems are reported together, each with its row, column, value and what was expected.
 *
 * The bundled default universe (defaultUniverse.ts, CME's table as of 2025-03-13) carries terms
 * and no prices: give prices or yields from a range (joined by CUSIP with {@link priceByCusip}).
 * Pricing the default universe off the bundled curve is left to the curve module.
 */
import { price as bondPrice } from "../bond";
import { isoFromSerial, parseDate, serialFromIso } from "../dates";
import { InvalidValueError, KeyrateError } from "../errors";
import { cellNumber, cellText, cellValue, columnLetters } from "../holdings/cells";
import { fieldOfHeader } from "../holdings/columns";
import { HoldingField } from "../holdings/types";
import { applyUnit, ColumnUnit, decideRateUnit, unitFromHeader } from "../holdings/units";
import { parse32 } from "../quote32";
import { DeliveryMonth, FuturesContract } from "./contracts";
import { DEFAULT_UNIVERSE_AS_OF, DEFAULT_UNIVERSE_ROWS } from "./defaultUniverse";
import { deliverableMask } from "./deliverable";

/** A Treasury note or bond's terms. */
export interface TreasuryBond {
  readonly cusip: string;
  /** Annual coupon, decimal; semiannual payments. */
  readonly coupon: number;
  /** First issue date, Excel serial. */
  readonly issue: number;
  /** Maturity, Excel serial. */
  readonly maturity: number;
  /**
   * Issue date of a later tranche with a shorter original term (a 7-year note reopened as a
   * 5-year note), which counts for the original-term limits; Excel serial.
   */
  readonly reopened?: number;
  /**
   * Clean price per 100 at the run's settlement when the universe gives one (a price or yield
   * column); otherwise the bond is priced on the curve.
   */
  readonly cleanPrice?: number;
  /** Settlement date the clean price is for, Excel serial (used only on a curve of that date). */
  readonly pricedAt?: number;
}

/** A Treasury with a clean price at some settlement. */
export interface PricedTreasury extends TreasuryBond {
  /** Clean price per 100 of face. */
  readonly cleanPrice: number;
}

/** The default universe: CME's deliverables as of {@link DEFAULT_UNIVERSE_AS_OF}, without prices. */
export function defaultUniverse(): TreasuryBond[] {
  return DEFAULT_UNIVERSE_ROWS.map(([cusip, pct, issue, maturity, reopened]) => ({
    cusip,
    coupon: Number((pct / 100).toPrecision(12)),
    issue: serialFromIso(issue)!,
    maturity: serialFromIso(maturity)!,
    ...(reopened ? { reopened: serialFromIso(reopened)! } : {}),
  }));
}

export { DEFAULT_UNIVERSE_AS_OF };

/** The bonds of `bonds` deliverable into a contract month, in their order. */
export function deliverableBasket<T extends TreasuryBond>(
  contract: FuturesContract,
  month: DeliveryMonth,
  bonds: readonly T[]
): T[] {
  const issues = Float64Array.from(bonds, (b) => b.reopened ?? b.issue);
  const maturities = Float64Array.from(bonds, (b) => b.maturity);
  const mask = deliverableMask(contract, month, issues, maturities);
  return bonds.filter((_b, i) => mask[i] === 1);
}

/** Joins clean prices to bonds by CUSIP (case-insensitive); bonds without a price are dropped. */
export function priceByCusip(
  bonds: readonly TreasuryBond[],
  prices: ReadonlyMap<string, number>
): PricedTreasury[] {
  const out: PricedTreasury[] = [];
  const upper = new Map([...prices].map(([k, v]) => [k.toUpperCase(), v]));
  for (const b of bonds) {
    const p = upper.get(b.cusip.toUpperCase());
    if (p !== undefined) out.push({ ...b, cleanPrice: p });
  }
  return out;
}

type UniverseField = Extract<
  HoldingField,
  "id" | "coupon" | "issue_date" | "maturity" | "price" | "yield"
>;
const FIELDS: readonly UniverseField[] = [
  "id",
  "coupon",
  "issue_date",
  "maturity",
  "price",
  "yield",
];
const LABEL: Record<UniverseField, string> = {
  id: "CUSIP",
  coupon: "coupon",
  issue_date: "issue date",
  maturity: "maturity",
  price: "price",
  yield: "yield",
};

/** A universe range read into the basket of one contract month, priced at settlement. */
export interface UniverseBasket {
  /** Every row's terms, in range order (rows with bad terms are reported, not returned). */
  readonly universe: TreasuryBond[];
  /** The deliverable bonds, priced (clean per 100 at settlement). */
  readonly basket: PricedTreasury[];
}

/**
 * Reads a universe range (header row first) and prices the deliverable basket of a contract month.
 * @param range Rows of cells as Excel or exceljs give them.
 * @param settlement Settlement date of the prices, Excel serial (yields are priced at it).
 * @throws InvalidValueError listing every problem (row, column, value, expected), or naming the
 * missing columns.
 */
export function readUniverseBasket(
  range: readonly (readonly unknown[])[],
  contract: FuturesContract,
  month: DeliveryMonth,
  settlement: number,
  argument = "universe"
): UniverseBasket {
  const { universe, basket } = readPricedRows(
    range,
    settlement,
    argument,
    (universe) => new Set(deliverableBasket(contract, month, universe)),
    true
  );
  return { universe, basket };
}

/**
 * Reads a universe range and prices the rows `pick` chooses: each row's price, else its yield;
 * a chosen row with neither is a problem when `required`, else left unpriced.
 */
function readPricedRows(
  range: readonly (readonly unknown[])[],
  settlement: number,
  argument: string,
  pick: (universe: TreasuryBond[]) => ReadonlySet<TreasuryBond>,
  required: boolean
): UniverseBasket & { prices: ReadonlyMap<TreasuryBond, number> } {
  if (range.length < 2) {
    throw new InvalidValueError(
      `${argument}: expected a header row (CUSIP, coupon, issue date, maturity, price or yield) ` +
        `and at least one bond`,
      range.length,
      argument
    );
  }
  const column: Partial<Record<UniverseField, number>> = {};
  range[0].forEach((h, j) => {
    const f = fieldOfHeader(cellText(cellValue(h)));
    if (f && (FIELDS as readonly string[]).includes(f) && column[f as UniverseField] === undefined)
      column[f as UniverseField] = j;
  });
  const missing: string[] = (["id", "coupon", "issue_date", "maturity"] as const)
    .filter((f) => column[f] === undefined)
    .map((f) => LABEL[f]);
  if (column.price === undefined && column.yield === undefined) missing.push("price or yield");
  if (missing.length > 0) {
    const headers = range[0].map((h) => JSON.stringify(cellText(cellValue(h)))).join(", ");
    throw new InvalidValueError(
      `${argument}: missing column(s) ${missing.join(", ")}; the header row has ${headers}`,
      range[0],
      argument
    );
  }
  const problems: string[] = [];
  const where = (r: number, f: UniverseField) =>
    `row ${r + 1}, column ${columnLetters(column[f]!)} (${LABEL[f]})`;
  // A rate column's unit, decided once for the column as for holdings: "Coupon (%)" is percent;
  // without one in the header, from all its values; ambiguous values are reported, not guessed.
  const unitOf = (f: "coupon" | "yield"): ColumnUnit | undefined => {
    const j = column[f];
    if (j === undefined) return undefined;
    const unit =
      unitFromHeader(f, cellText(cellValue(range[0][j]))) ??
      decideRateUnit(
        f,
        range.slice(1).map((row) => cellValue(row[j]))
      );
    if (unit.kind !== "ambiguous") return unit;
    problems.push(
      `column ${columnLetters(j)} (${LABEL[f]}): ${unit.detail}; add (%) or (decimal) to its header`
    );
    return undefined;
  };
  const couponUnit = unitOf("coupon");
  const yieldUnit = unitOf("yield");
  const rate = (cell: ReturnType<typeof cellValue>, unit: ColumnUnit | undefined) => {
    const n = cellNumber(cell);
    return n === undefined ? undefined : applyUnit(unit, cell, n);
  };
  const universe: TreasuryBond[] = [];
  const rowOf: number[] = [];
  for (let r = 1; r < range.length; r++) {
    const row = range[r];
    const get = (f: UniverseField) => (column[f] === undefined ? null : cellValue(row[column[f]!]));
    if (FIELDS.every((f) => get(f) === null)) continue;
    const cusip = cellText(get("id"));
    const coupon = rate(get("coupon"), couponUnit);
    const dateOf = (f: UniverseField): number | undefined => {
      try {
        return parseDate(get(f) ?? "", LABEL[f]);
      } catch {
        problems.push(`${where(r, f)}: ${JSON.stringify(get(f))} is not a date`);
        return undefined;
      }
    };
    const issue = dateOf("issue_date");
    const maturity = dateOf("maturity");
    if (cusip === "") problems.push(`${where(r, "id")}: empty; a CUSIP or id is needed`);
    if (coupon === undefined || coupon < 0 || coupon >= 1)
      problems.push(
        `${where(r, "coupon")}: ${JSON.stringify(get("coupon"))} is not a decimal coupon in [0, 1)`
      );
    if (cusip === "" || coupon === undefined || issue === undefined || maturity === undefined)
      continue;
    universe.push({ cusip, coupon, issue, maturity });
    rowOf.push(r);
  }
  const chosen = pick(universe);
  const basket: PricedTreasury[] = [];
  const prices = new Map<TreasuryBond, number>();
  const add = (bond: TreasuryBond, cleanPrice: number) => {
    basket.push({ ...bond, cleanPrice });
    prices.set(bond, cleanPrice);
  };
  universe.forEach((bond, i) => {
    if (!chosen.has(bond)) return;
    const r = rowOf[i];
    const priceCell = column.price === undefined ? null : cellValue(range[r][column.price]);
    const yieldCell = column.yield === undefined ? null : cellValue(range[r][column.yield]);
    try {
      if (priceCell !== null) {
        const p = parse32(priceCell, "price");
        if (!(p > 0)) throw new InvalidValueError("price must be > 0", p, "price");
        add(bond, p);
      } else if (yieldCell !== null) {
        const y = rate(yieldCell, yieldUnit);
        if (y === undefined) throw new InvalidValueError("not a number", yieldCell, "yield");
        const terms = {
          settlement,
          maturity: bond.maturity,
          rate: bond.coupon,
          frequency: 2,
          basis: 1,
        } as const;
        add(bond, bondPrice(terms, y));
      } else if (required) {
        problems.push(
          `row ${r + 1} (${bond.cusip}): deliverable but has neither a price nor a yield`
        );
      }
    } catch (e) {
      if (!(e instanceof KeyrateError)) throw e;
      const f: UniverseField = priceCell !== null ? "price" : "yield";
      problems.push(
        `${where(r, f)}: ${JSON.stringify(priceCell ?? yieldCell)}: ${e.message}` +
          (f === "yield" ? ` (settlement ${isoFromSerial(settlement)})` : "")
      );
    }
  });
  if (problems.length > 0) {
    throw new InvalidValueError(
      // A cell's message stays short: the first three problems and a count (all in the value).
      `${argument}: ${problems.length} problem(s): ${problems.slice(0, 3).join("; ")}` +
        (problems.length > 3 ? `; and ${problems.length - 3} more` : ""),
      problems,
      argument
    );
  }
  return { universe, basket, prices };
}

/**
 * A Treasury universe range's terms (CUSIP, coupon, issue date, maturity) and, where the range
 * has a price or yield column, each bond's clean price at `settlement` (a price as given, decimal
 * or 32nds; a yield priced with Excel's PRICE): the hedge's CTDs are chosen from these bonds at
 * those prices, bonds without one priced on the curve. Every bad row is reported.
 * @throws InvalidValueError as {@link readUniverseBasket}.
 */
export function readUniverse(
  range: readonly (readonly unknown[])[],
  settlement: number,
  argument = "universe"
): TreasuryBond[] {
  const header = range[0] ?? [];
  const priced = header.some((h) => /^(price|yield|clean price|ytm)/i.test(String(h ?? "").trim()));
  // Terms only: without a price or yield column, an empty yield column stands in for it.
  const rows = priced ? range : range.map((r, i) => [...r, i === 0 ? "Yield" : null]);
  const { universe, prices } = readPricedRows(rows, settlement, argument, (u) => new Set(u), false);
  return universe.map((b) => {
    const cleanPrice = prices.get(b);
    return cleanPrice === undefined ? b : { ...b, cleanPrice, pricedAt: settlement };
  });
}
