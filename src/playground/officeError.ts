/** The simulator's errors, shaped like OfficeExtension.Error. */

/** An error shaped like OfficeExtension.Error: name "RichApi.Error", a code and debugInfo. */
export class SimOfficeError extends Error {
  override readonly name = "RichApi.Error";
  readonly debugInfo: { code: string; message: string; errorLocation?: string };

  constructor(
    readonly code: string,
    message: string,
    errorLocation?: string
  ) {
    super(message);
    this.debugInfo = { code, message, errorLocation };
  }
}
