#!/usr/bin/env node
// Entry point of `npx keyrate`: runs the compiled CLI (built into lib/ by `npm install`'s prepare step).
require("../lib/cli/main.js")
  .main(process.argv.slice(2))
  .then((code) => process.exit(code));
