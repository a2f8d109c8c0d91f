/**
 * Where each holding's inputs sit in the user's workbook, so that the recommendation sheet can
 * hold formulas that follow them ('Holdings'!H12) instead of copies. A cell is linked only when
 * it holds exactly what was read from it: a number equal to the value used, or a maturity as
 * ISO text ("2030-05-15", which the KEYRATE functions read too). 32nds quotes, percent text and
 * defaults (a missing frequency column) stay values, so a link never changes a figure.
 */
import { ColumnMapping, Holdings } from "../holdings";
import { cellA1 } from "../a1";
import { serialFromIso } from "../dates";

/** The inputs a live formula can follow. */
export const LINKED_FIELDS = [
  "par",
  "coupon",
  "maturity",
  "price",
  "yield",
  "frequency",
  "basis",
] as const;
export type LinkedField = (typeof LINKED_FIELDS)[number];

/** Per field, per holding: an A1 reference with the sheet ("'Holdings'!E5"), or null. */
export type HoldingLinks = Readonly<Record<LinkedField, readonly (string | null)[]>>;

/** The holdings range as read: its values, where it sits, and the column mapping used. */
export interface HoldingsRangeSource {
  readonly values: readonly (readonly unknown[])[];
  readonly sheet: string;
  /** 1-based worksheet row and 0-based worksheet column of the range's top-left cell. */
  readonly originRow: number;
  readonly originColumn: number;
  readonly mapping: ColumnMapping;
}

/** A sheet name as formulas quote it: 'It''s'. */
export function quotedSheet(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/** Links of every holding's inputs (see the file comment for when a cell is linked). */
export function holdingLinks(h: Holdings, src: HoldingsRangeSource): HoldingLinks {
  const read: Record<LinkedField, (i: number) => number> = {
    par: (i) => h.par[i],
    coupon: (i) => h.coupon[i],
    maturity: (i) => h.maturity[i],
    price: (i) => h.price[i],
    yield: (i) => h.yld[i],
    frequency: (i) => h.frequency[i],
    basis: (i) => h.basis[i],
  };
  const sheet = quotedSheet(src.sheet);
  const links = {} as Record<LinkedField, (string | null)[]>;
  for (const field of LINKED_FIELDS) {
    const match = src.mapping[field];
    links[field] = Array.from({ length: h.count }, (_, i) => {
      if (!match) return null;
      const r = h.sourceRow[i] - src.originRow;
      const raw = src.values[r]?.[match.index];
      const same =
        typeof raw === "number"
          ? raw === read[field](i)
          : field === "maturity" && typeof raw === "string" && serialFromIso(raw) === h.maturity[i];
      if (!same) return null;
      return `${sheet}!${cellA1(h.sourceRow[i] - 1, src.originColumn + match.index)}`;
    });
  }
  return links;
}
