/**
 * `npm start` serves everything manifest.xml points at: webpack-dev-server with the project's
 * development config (over http via `--env http`, on 127.0.0.1 and a free port, in memory)
 * answers 200 for the path of every https://localhost:3000/ URL in the manifest, and serves the
 * playground.
 */
import * as fs from "fs";
import * as path from "path";
import { localUrls } from "../../scripts/validate-manifest";
import { RunningDevServer, startDevServer } from "../browser/webpackBuild";

const xml = fs.readFileSync(path.join(__dirname, "..", "..", "manifest.xml"), "utf8");

jest.setTimeout(120_000);

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
