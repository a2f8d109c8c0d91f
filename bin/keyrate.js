#!/usr/bin/env node
// Entry point of `npx keyrate`: runs the compiled CLI (built into lib/ by `npm install`'s prepare step).
require("../lib/cli/main.js")
  .main(process.argv.slice(2))
  // exitCode, not process.exit(): exit() would cut off stdout still being written to a pipe (64 KiB).
  .then((code) => {
    process.exitCode = code;
  });
