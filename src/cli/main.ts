/**
 * The `keyrate` command line: `fn` (any KEYRATE function), `measure` (curve exposure of a holdings
 * file) and `demo` (the hedge workbook on the sample).
 */
// Each command is loaded when run: `measure` on a CSV need not load exceljs (a third of a second).

const USAGE = `keyrate — bond duration and hedging analytics

usage:
  keyrate fn NAME ARG…             call a KEYRATE function (same arguments as in Excel; null omits one)
  keyrate fn NAME --batch F.json   call it for every argument list in a JSON array; prints a JSON array
  keyrate measure HOLDINGS.(csv|xlsx) --curve CURVE.(csv|xlsx) [--curve-date DATE] [--settle DATE]
                 [--kind par|zero_cont|zero_semi] [--interpolation linear_zero|monotone_convex]
                 [--group-by sector|rating|maturity|issuer|currency|industry|HEADER] [--json]
                                   key-rate profile, durations, DV01 and sectors of a holdings file
  keyrate demo [--input X.xlsx] [--out Y.xlsx] [--target YEARS] [--contract-dv01 MONEY] [--sizing krd]
                 [--universe TREASURIES.(csv|xlsx)] [--history DIR [--rebalance]]
                                   write the hedge recommendation workbook for a holdings workbook;
                                   with --history every run is kept: drift and triggers since the last rebalance
  keyrate monitor MANIFEST.csv [--out DIR] [--threads N]
                                   run every portfolio of a manifest on a worker pool; exit 3 on a mandate breach`;

/**
 * Ends the process quietly when its output pipe closes (`keyrate demo | head -1`): nothing is left
 * to print to, so the exit is not an error. Other output errors are reported.
 */
export function exitQuietlyOnClosedPipe(stream: NodeJS.WriteStream = process.stdout): void {
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(0);
    process.stderr.write(`keyrate: ${e.message}\n`);
    process.exit(1);
  });
}

export async function main(argv: string[]): Promise<number> {
  exitQuietlyOnClosedPipe();
  const out = (text: string) => process.stdout.write(text + "\n");
  const [command, ...rest] = argv;
  try {
    if (command === "fn") return (await import("./fn")).runFn(rest, out);
    if (command === "demo") return await (await import("./demo")).runDemo(rest, out);
    if (command === "measure") return await (await import("./measure")).runMeasure(rest, out);
    if (command === "monitor") return await (await import("./monitor")).runMonitor(rest, out);
    out(USAGE);
    return command === undefined || command === "--help" || command === "help" ? 0 : 2;
  } catch (e) {
    process.stderr.write(`keyrate: ${(e as Error).message}\n`);
    return 1;
  }
}
