/** Excel.RequestContext: the queue of work that context.sync() applies to the workbook, in order. */

import { SimWorkbook } from "./workbookModel";
import { SimOfficeError } from "./officeError";

import { payloadSize, PAYLOAD_LIMIT_BYTES, SimulatorOptions } from "./simBase";
import { SimWorkbookObject } from "./simWorkbook";

export class SimRequestContext {
  readonly workbook: SimWorkbookObject;
  private queue: (() => void)[] = [];
  private requestBytes = 0;
  private responseBytes = 0;
  private closed = false;

  constructor(
    readonly book: SimWorkbook,
    private readonly options: SimulatorOptions = {}
  ) {
    this.workbook = new SimWorkbookObject(this);
  }

  /** Queues an operation for the next sync; `bytes` is its share of the request payload. */
  enqueue(op: () => void, bytes = 0): void {
    if (this.closed) {
      throw new SimOfficeError(
        "InvalidObjectPath",
        'The object was used outside the ".run" batch that created it.'
      );
    }
    this.queue.push(op);
    this.requestBytes += bytes;
  }

  /** Counts a loaded value towards the response payload. */
  respond(value: unknown): void {
    this.responseBytes += payloadSize(value);
  }

  /** Runs the queued operations in order; rejects with the first failure (the rest are dropped). */
  async sync<T>(passThroughValue?: T): Promise<T> {
    const ops = this.queue;
    const requestBytes = this.requestBytes;
    this.queue = [];
    this.requestBytes = 0;
    this.responseBytes = 0;
    const limit = this.options.payloadLimitBytes ?? PAYLOAD_LIMIT_BYTES;
    await new Promise((resolve) => setTimeout(resolve, this.options.latencyMs ?? 0));
    const stats = this.book.stats;
    stats.syncs++;
    stats.lastRequestBytes = requestBytes;
    stats.largestRequestBytes = Math.max(stats.largestRequestBytes, requestBytes);
    this.book.changed("requests");
    if (requestBytes > limit) {
      throw new SimOfficeError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size (${requestBytes} bytes) has exceeded the limit (${limit}).`
      );
    }
    for (const op of ops) op();
    // Formulas written, and those reading cells written, are calculated before the sync returns
    // (custom functions after it, with asyncCustomFunctions).
    this.book.recalculate(this.options.asyncCustomFunctions === true);
    stats.responseBytes += this.responseBytes;
    if (this.responseBytes > limit) {
      throw new SimOfficeError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size (${this.responseBytes} bytes) has exceeded the limit (${limit}).`
      );
    }
    return passThroughValue as T;
  }

  /** Ends the context: its objects can no longer queue work. */
  close(): void {
    this.closed = true;
  }
}
