/**
 * `npm start` serves everything manifest.xml points at: webpack-dev-server with the project's
 * development config (over http via `--env http`, on 127.0.0.1 and a free port, in memory)
 * answers 200 for the path of every https://localhost:3000/ URL in the manifest, and serves the
 * playground. Without a trusted certificate (office-addin-dev-certs needs administrator rights to
 * install its CA) it serves http and says in one line what to run.
 */
import * as fs from "fs";
import * as path from "path";
import { localUrls } from "../../scripts/validate-manifest";
import { DevCerts, devServerTransport } from "../../scripts/devCerts";
import { RunningDevServer, startDevServer } from "../browser/webpackBuild";

const xml = fs.readFileSync(path.join(__dirname, "..", "..", "manifest.xml"), "utf8");

jest.setTimeout(600_000);

describe("npm start", () => {
  let server: RunningDevServer;

  beforeAll(async () => {
    server = await startDevServer();
  });

  afterAll(async () => {
    await server?.stop();
  });

  /** Status and content type of a GET of a path on the dev server. */
  async function get(file: string): Promise<[number, string]> {
    const response = await fetch(new URL(file, server.url));
    await response.arrayBuffer();
    return [response.status, response.headers.get("content-type") ?? ""];
  }

  test("serves every URL of manifest.xml", async () => {
    const urls = localUrls(xml);
    expect(urls.length).toBeGreaterThan(5);
    const results = await Promise.all(urls.map(async ({ file }) => [file, ...(await get(file))]));
    expect(results.filter(([, status]) => status !== 200)).toEqual([]);
  });

  // Two-sided: the server does say 404, so the 200s above mean something.
  test("answers 404 for a file it does not have", async () => {
    expect((await get("no-such-file.html"))[0]).toBe(404);
  });

  test("serves the playground and its simulated Office globals", async () => {
    for (const file of ["playground.html", "playground-taskpane.html", "playground-office.js"]) {
      expect([file, (await get(file))[0]]).toEqual([file, 200]);
    }
  });
});

describe("npm start without a trusted certificate", () => {
  const KEY = { ca: "ca", key: "key", cert: "cert" };
  /** Certificate operations that record what was asked of them. */
  function certs(state: { trusted: boolean; cannot?: string; fails?: string }) {
    const asked: string[] = [];
    const fake: DevCerts = {
      trusted: () => (asked.push("trusted"), state.trusted),
      cannotInstall: () => (asked.push("cannotInstall"), state.cannot),
      options: async () => {
        asked.push("options");
        if (state.fails) throw new Error(state.fails);
        return KEY;
      },
    };
    return { fake, asked };
  }

  async function start(
    env: { http?: boolean; https?: boolean },
    state: Parameters<typeof certs>[0]
  ) {
    const { fake, asked } = certs(state);
    const lines: string[] = [];
    const transport = await devServerTransport(env, 3000, {
      certs: fake,
      log: (l) => lines.push(l),
    });
    return { transport, asked, lines };
  }

  test("a trusted certificate serves https, silently", async () => {
    const r = await start({}, { trusted: true });
    expect(r.transport).toEqual({ type: "https", options: KEY });
    expect(r.lines).toEqual([]);
  });

  test("no sudo on Linux: http at once, one line naming the command, nothing installed", async () => {
    const cannot = "office-addin-dev-certs needs administrator rights (sudo) to install its CA";
    const r = await start({}, { trusted: false, cannot });
    expect(r.transport).toBe("http");
    expect(r.asked).not.toContain("options");
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).not.toContain("\n");
    expect(r.lines[0]).toContain(cannot);
    expect(r.lines[0]).toContain("`npx office-addin-dev-certs install`");
    expect(r.lines[0]).toContain("serving http://localhost:3000");
    expect(r.lines[0]).toContain("`npm start -- --env http`");
  });

  test("an install that fails falls back to http with the error's first line", async () => {
    const r = await start(
      {},
      { trusted: false, fails: "Unable to install the CA certificate.\nsudo: x" }
    );
    expect(r.transport).toBe("http");
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toContain("office-addin-dev-certs: Unable to install the CA certificate.");
  });

  test("--env http asks nothing; --env https fails instead of falling back", async () => {
    const r = await start({ http: true }, { trusted: false });
    expect([r.transport, r.asked]).toEqual(["http", []]);
    await expect(start({ https: true }, { trusted: false, cannot: "no sudo" })).rejects.toThrow(
      /no trusted localhost certificate \(no sudo\)/
    );
  });
});
