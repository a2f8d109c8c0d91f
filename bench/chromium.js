/**
 * Debian's Chromium as every browser run of the project launches it (the browser tests, the
 * wizard bench, the README's screenshots): headless, no sandbox (CI containers), no GPU, and no
 * background traffic.
 */
const CHROMIUM = "/usr/bin/chromium";
const LAUNCH_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

module.exports = { CHROMIUM, LAUNCH_ARGS };
