/**
 * How `npm start` serves (webpack.config.js's devServer.server): https with the trusted localhost
 * certificate of office-addin-dev-certs when it can be had, else http with a one-line explanation
 * saying exactly what to run. office-addin-dev-certs installs its CA with administrator rights
 * (on Linux `sudo sh install_linux.sh`; it would stop at a password prompt or fail without sudo),
 * so on Linux it is only asked to install when sudo works without a password; a certificate
 * already trusted is used as it is.
 *
 *   npm start                   https if a certificate is trusted or can be installed, else http
 *   npm start -- --env http     http, no certificate check (the playground, tests)
 *   npm start -- --env https    https or fail (no fallback)
 */
"use strict";

const { spawnSync } = require("child_process");

/** The one line printed when `npm start` falls back to http. */
function fallbackNote(port, reason) {
  return (
    `keyrate: no trusted localhost certificate (${reason}: run \`npx office-addin-dev-certs install\`` +
    ` with administrator rights, then \`npm start\`); serving http://localhost:${port} — the` +
    " playground works, Excel needs https; `npm start -- --env http` skips this check."
  );
}

/** The certificate operations, from office-addin-dev-certs (replaceable in tests). */
function officeDevCerts(platform = process.platform) {
  const devCerts = require("office-addin-dev-certs");
  return {
    /** True when the CA is installed and the localhost certificate is valid. */
    trusted() {
      try {
        return Boolean(devCerts.verifyCertificates());
      } catch {
        return false;
      }
    },
    /** Why installing the CA cannot work here, or undefined when it can be tried. */
    cannotInstall() {
      if (platform !== "linux") return undefined;
      const sudo = spawnSync("sudo", ["-n", "true"], { stdio: "ignore", timeout: 5000 });
      if (sudo.error)
        return "office-addin-dev-certs installs its CA with sudo, which is not installed";
      if (sudo.status !== 0)
        return "office-addin-dev-certs needs administrator rights (sudo) to install its CA";
      return undefined;
    },
    /** The https options; installs the CA when needed. */
    options: () => devCerts.getHttpsServerOptions(),
  };
}

/**
 * The devServer.server setting for `npm start`.
 * @param {{http?: unknown, https?: unknown}} env webpack's --env flags.
 * @param {number} port The dev server's port (for the message).
 * @param {{certs?: ReturnType<typeof officeDevCerts>, log?: (line: string) => void}} [io]
 * @returns {Promise<"http" | {type: "https", options: {ca: unknown, key: unknown, cert: unknown}}>}
 * @throws Error under `--env https` when no certificate can be had.
 */
async function devServerTransport(env, port, io = {}) {
  if (env.http) return "http";
  const certs = io.certs ?? officeDevCerts();
  const log = io.log ?? ((line) => console.warn(line));
  let reason = certs.trusted() ? undefined : certs.cannotInstall();
  if (reason === undefined) {
    try {
      const { ca, key, cert } = await certs.options();
      return { type: "https", options: { ca, key, cert } };
    } catch (e) {
      const first =
        String((e && e.message) || e)
          .split("\n")
          .find((l) => l.trim()) ?? "failed";
      reason = `office-addin-dev-certs: ${first.trim()}`;
    }
  }
  if (env.https) throw new Error(`keyrate: no trusted localhost certificate (${reason})`);
  log(fallbackNote(port, reason));
  return "http";
}

module.exports = { devServerTransport, fallbackNote, officeDevCerts };
