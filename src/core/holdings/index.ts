/** Holdings ranges: column matching, convention parsing, validation and the struct of arrays. */
export * from "./types";
export { readHoldings, EXPECTED } from "./read";
export {
  matchColumns,
  normalizeHeader,
  fieldOfHeader,
  emptyMapping,
  describeField,
  applicableOverride,
  COLUMN_SYNONYMS,
} from "./columns";
export type { HeaderChoice } from "./columns";
export {
  parseSector,
  sectorOfGroup,
  GROUP_SECTORS,
  parseHoldingType,
  parseBasisCell,
  parseFrequencyCell,
  defaultBasis,
  SECTOR_SYNONYMS,
  TYPE_SYNONYMS,
  DEFAULT_FREQUENCY,
  DEFAULT_CURRENCY,
} from "./conventions";
export { packHoldings, holdingAt, holdingRecord } from "./pack";
export { findLayout, HEADER_SEARCH_ROWS } from "./layout";
export { unitFromHeader, decideRateUnit, describeUnit, DECIMAL_RATE_LIMIT } from "./units";
export type { ColumnUnit } from "./units";
export { mappingLines, mappedColumns } from "./mappingText";
export type { MappedColumn } from "./mappingText";
export {
  cellValue,
  cellNumber,
  isMissingText,
  cellText,
  isEmptyRow,
  a1Address,
  columnLetters,
  sheetPrefix,
} from "./cells";
export type { CellValue } from "./cells";
