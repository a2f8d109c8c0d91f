/* global CustomFunctions */
/** Maps core errors in a result matrix to Excel error values carrying the message. */
import { ExcelErrorCode, KeyrateError } from "../core/errors";
import { Result } from "./impl/cells";

const ERROR_CODES: Readonly<Record<ExcelErrorCode, CustomFunctions.ErrorCode>> = {
  "#NUM!": CustomFunctions.ErrorCode.invalidNumber,
  "#VALUE!": CustomFunctions.ErrorCode.invalidValue,
  "#N/A": CustomFunctions.ErrorCode.notAvailable,
  "#DIV/0!": CustomFunctions.ErrorCode.divisionByZero,
};

/** The Excel error for a core error, with its message (shown when the user selects the cell). */
export function excelError(e: KeyrateError): CustomFunctions.Error {
  return new CustomFunctions.Error(ERROR_CODES[e.code], e.message);
}

/** A result matrix as Excel takes it: numbers and text as they are, errors as Excel errors. */
export function toExcel(result: Result): (number | string | CustomFunctions.Error)[][] {
  return result.map((row) =>
    row.map((cell) => (cell instanceof KeyrateError ? excelError(cell) : cell))
  );
}
