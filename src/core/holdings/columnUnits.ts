/** The unit of every unit-bearing column of a holdings range, decided once per column. */
import { cellValue } from "./cells";
import { parseHoldingType } from "./conventions";
import { RangeLayout } from "./layout";
import { ColumnMapping, HoldingField } from "./types";
import {
  ColumnUnit,
  decideRateUnit,
  decideSpreadUnit,
  describeUnit,
  MONEY_FIELDS,
  RATE_FIELDS,
  SPREAD_FIELDS,
  unitFromHeader,
} from "./units";

/** Units by field, for the mapped rate and money columns. */
export type ColumnUnits = Partial<Record<HoldingField, ColumnUnit>>;

/**
 * The unit of each mapped rate and money column: the header's when it states one, else, for rate
 * columns, decided from all the column's data values ({@link decideRateUnit}); for margin columns
 * from the values on floating rows (type frn or fixed-to-float; every row without a type column),
 * since a margin column may carry other bonds' spreads ({@link decideSpreadUnit}).
 */
export function columnUnits(
  values: readonly (readonly unknown[])[],
  layout: RangeLayout
): ColumnUnits {
  const out: ColumnUnits = {};
  for (const field of [...RATE_FIELDS, ...MONEY_FIELDS]) {
    const m = layout.mapping[field];
    if (m === null) continue;
    const fromHeader = unitFromHeader(field, m.header);
    if (fromHeader) out[field] = fromHeader;
    else if ((RATE_FIELDS as readonly string[]).includes(field)) {
      const column = [];
      for (let r = layout.header + 1; r < layout.end; r++)
        column.push(cellValue(values[r]?.[m.index]));
      out[field] = decideRateUnit(field, column);
    }
  }
  const type = layout.mapping.type;
  const floating = (r: number) => {
    if (type === null) return true;
    const t = parseHoldingType(cellValue(values[r]?.[type.index]));
    return t === "frn" || t === "fixed-to-float";
  };
  for (const field of SPREAD_FIELDS) {
    const m = layout.mapping[field];
    if (m === null) continue;
    const column = [];
    for (let r = layout.header + 1; r < layout.end; r++)
      if (floating(r)) column.push(cellValue(values[r]?.[m.index]));
    out[field] = unitFromHeader(field, m.header) ?? decideSpreadUnit(column);
  }
  return out;
}

/** The mapping with each unit in words on its column ("Coupon (%) → coupon, percent"). */
export function mappingWithUnits(mapping: ColumnMapping, units: ColumnUnits): ColumnMapping {
  const out = { ...mapping };
  for (const [field, unit] of Object.entries(units) as [HoldingField, ColumnUnit][]) {
    const m = out[field];
    if (m !== null) out[field] = { ...m, unit: describeUnit(unit) };
  }
  return out;
}
