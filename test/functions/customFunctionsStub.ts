/**
 * A stand-in for Excel's CustomFunctions global, installed on import (before the wrappers load):
 * its Error records the code and the message so tests can check both.
 */
export class FakeExcelError {
  constructor(
    readonly code: string,
    readonly message?: string
  ) {}
}

(global as unknown as { CustomFunctions: unknown }).CustomFunctions = {
  Error: FakeExcelError,
  ErrorCode: {
    invalidNumber: "#NUM!",
    invalidValue: "#VALUE!",
    notAvailable: "#N/A",
    divisionByZero: "#DIV/0!",
  },
};
