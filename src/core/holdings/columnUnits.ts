/** The unit of every unit-bearing column of a holdings range, decided once per column. */
import { cellValue } from "./cells";
import { RangeLayout } from "./layout";
import { ColumnMapping, HoldingField } from "./types";
import {
  ColumnUnit,
  decideRateUnit,
  describeUnit,
  MONEY_FIELDS,
  RATE_FIELDS,
  unitFromHeader,
} from "./units";

/** Units by field, for the mapped rate and money columns. */
export type ColumnUnits = Partial<Record<HoldingField, ColumnUnit>>;

/**
 * The unit of each mapped rate and money column: the header's when it states one, else, for rate
 * columns, decided from all the column's data values ({@link decideRateUnit}).
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
