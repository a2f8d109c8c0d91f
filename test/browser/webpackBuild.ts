/**
 * Development builds of the add-in for tests, through webpack's Node API and the project's own
 * webpack.config.js: to a directory (the browser tests) or served by webpack-dev-server over
 * plain http on 127.0.0.1 and a free port (what `npm start -- --env http` serves).
 */
import type { AddressInfo } from "net";
import * as path from "path";
import webpack from "webpack";
import WebpackDevServer from "webpack-dev-server";

const ROOT = path.join(__dirname, "..", "..");

/** The project's webpack configuration for a development build. */
async function developmentConfig(env: Record<string, unknown>): Promise<webpack.Configuration> {
  // webpack.config.js is CommonJS.
  const makeConfig = require(path.join(ROOT, "webpack.config.js"));
  const config: webpack.Configuration = await makeConfig(env, { mode: "development" });
  return {
    ...config,
    mode: "development",
    context: ROOT,
    devtool: false, // source maps only slow the test build down
    infrastructureLogging: { level: "warn" },
    stats: "errors-warnings",
  };
}

/** Builds the development bundle (add-in and playground) into outDir. */
export async function buildDevelopment(outDir: string): Promise<void> {
  const config = await developmentConfig({});
  config.output = { ...config.output, path: outDir };
  const compiler = webpack(config);
  const stats = await new Promise<webpack.Stats>((resolve, reject) =>
    compiler.run((err, result) => (err || !result ? reject(err) : resolve(result)))
  );
  await new Promise<void>((resolve) => compiler.close(() => resolve()));
  if (stats.hasErrors()) throw new Error(stats.toString("errors-only"));
}

export interface RunningDevServer {
  /** "http://127.0.0.1:<port>/" */
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts webpack-dev-server with the config `npm start` uses, over http (`--env http`), without
 * live reload or its client script (nothing to reload in a test).
 */
export async function startDevServer(): Promise<RunningDevServer> {
  const config = await developmentConfig({ WEBPACK_SERVE: true, http: true });
  const options: WebpackDevServer.Configuration = {
    ...config.devServer,
    host: "127.0.0.1",
    port: 0,
    hot: false,
    liveReload: false,
    client: false,
    webSocketServer: false,
    static: false,
    setupExitSignals: false,
  };
  // stats "none": webpack-dev-middleware would log every compilation to the test output.
  const compiler = webpack({ ...config, devServer: undefined, stats: "none" });
  const server = new WebpackDevServer(options, compiler);
  await server.start();
  // Wait for the first compilation, so that every asset is there.
  const stats = await new Promise<webpack.Stats | webpack.MultiStats | undefined>((resolve) =>
    server.middleware!.waitUntilValid(resolve)
  );
  if (stats?.hasErrors()) {
    await server.stop();
    throw new Error(stats.toString("errors-only"));
  }
  const { port } = server.server!.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, stop: () => server.stop() };
}
