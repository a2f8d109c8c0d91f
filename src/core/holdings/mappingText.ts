/** The column mapping of a holdings read, as the CLI and pane show it. */
import { clip } from "../dates";
import { columnLetters } from "./cells";
import { HOLDING_FIELDS, HoldingField, ReadHoldingsResult } from "./types";

/** One column of the range and what it was read as. */
export interface MappedColumn {
  /** Worksheet column letters. */
  readonly column: string;
  readonly header: string;
  /** The field read from it, or null when no field uses it. */
  readonly field: HoldingField | null;
  /** Its unit in words ("percent", "in thousands (× 1,000)"), when it has one. */
  readonly unit: string | null;
}

/** Every header cell of the range in column order, with its field and unit. */
export function mappedColumns(read: ReadHoldingsResult, originColumn = 0): MappedColumn[] {
  const out: { index: number; c: MappedColumn }[] = [];
  for (const field of HOLDING_FIELDS) {
    const m = read.mapping[field];
    if (m === null) continue;
    const c = { column: columnLetters(originColumn + m.index), header: m.header, field };
    out.push({ index: m.index, c: { ...c, unit: m.unit ?? null } });
  }
  for (const u of read.unused) {
    const c = { column: columnLetters(originColumn + u.index), header: u.header };
    out.push({ index: u.index, c: { ...c, field: null, unit: null } });
  }
  return out.sort((a, b) => a.index - b.index).map((x) => x.c);
}

/**
 * The mapping as lines: "Coupon (%) → coupon, percent", "Location → not used", then the skipped
 * preamble and footer rows ("row 1 skipped (preamble): Fund Holdings as of, Dec 03, 2026").
 */
export function mappingLines(read: ReadHoldingsResult, originColumn = 0): string[] {
  const lines = mappedColumns(read, originColumn).map(
    (c) =>
      `${c.column} ${clip(c.header, 40)} → ${c.field ?? "not used"}${c.unit ? `, ${c.unit}` : ""}`
  );
  for (const s of read.skipped) lines.push(`row ${s.row} skipped (${s.why}): ${s.text}`);
  return lines;
}
