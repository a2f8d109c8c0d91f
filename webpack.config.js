/**
 * Webpack build of the keyrate add-in (shared runtime: the task pane page hosts the custom
 * functions too).
 *
 *   npm run build       production build into dist/ (no certificates needed)
 *   npm start           https://localhost:3000 dev server (office-addin-dev-certs certificates);
 *                       http with a one-line explanation when no certificate can be had without
 *                       administrator rights (scripts/devCerts.js)
 *   npm start -- --env http   the same over plain http, without certificates (playground, tests)
 *   npm start -- --env https  https or fail
 *
 * Development builds (npm start, npm run build:dev) add the playground: playground.html, the real
 * task pane beside a simulated workbook (src/playground/). Production builds never contain it.
 *
 * KEYRATE_URL=https://host/path/ npm run build  rewrites https://localhost:3000/ in the copied
 * manifest.xml to that URL (default: unchanged).
 *
 * Office.js is served from our own origin (dist/office-js/, copied from @microsoft/office-js), so
 * the add-in makes no third-party network requests. Only the files office.js loads for Excel are
 * copied; see OFFICE_JS_PATTERNS.
 */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { NormalModuleReplacementPlugin } = require("webpack");
const { devServerTransport } = require("./scripts/devCerts");

const DEV_URL = "https://localhost:3000/";
const DIST = path.resolve(__dirname, "dist");
const OFFICE_JS_DIR = path.dirname(require.resolve("@microsoft/office-js/dist/office.js"));

/**
 * What office.js (the loader) fetches in Excel, relative to its own URL:
 *  - the host file `excel-<platform>-<version>.js` for Excel on the web, Windows (16.00/16.01),
 *    Mac, iPad, Android and WinRT (the `-core` variants are for the JavaScript-only
 *    custom-functions runtime, which a shared-runtime add-in does not use; the 15.x files are for
 *    Office 2013, which has no shared runtime);
 *  - `<locale>/office_strings.js` for the UI locale, falling back to en-us;
 *  - `AgaveErrorUX/` (Excel on the web shows it when the add-in's host is not trusted).
 * Not copied: *.debug.js, the other Office hosts, and the telemetry scripts
 * (`telemetry/oteljs_agave.js`, `ariatelemetry/`), which would post to Microsoft's collectors;
 * office.js treats a missing telemetry script as telemetry switched off.
 */
const OFFICE_JS_PATTERNS = [
  { context: OFFICE_JS_DIR, from: "office.js", to: "office-js/" },
  {
    context: OFFICE_JS_DIR,
    from: "excel-*-16.*.js",
    to: "office-js/",
    globOptions: { ignore: ["**/*.debug.js", "**/*-core.js"] },
  },
  { context: OFFICE_JS_DIR, from: "*/office_strings.js", to: "office-js/" },
  {
    // index.html asks for AgaveErrorUX.js and style/AgaveErrorUX.css (the package has them in
    // lower case); rename so a case-sensitive server finds them.
    context: path.join(OFFICE_JS_DIR, "agaveerrorux"),
    from: "**/*",
    to: ({ context, absoluteFilename }) =>
      path
        .join("office-js/AgaveErrorUX", path.relative(context, absoluteFilename))
        .replace(/agaveerrorux\.(js|css)$/, "AgaveErrorUX.$1"),
    globOptions: { ignore: ["**/*.debug.js"] },
  },
  // Already minified by Microsoft: keep Terser off them (it would take a minute per build).
].map((pattern) => ({ ...pattern, info: { minimized: true } }));

/**
 * The HiGHS solver's WebAssembly binary, served from our own origin as dist/highs/highs.wasm
 * (src/taskpane/solver.ts points the loader there), never from a CDN. Already optimised: keep
 * Terser and the size hints off it.
 */
const HIGHS_WASM_PATTERN = {
  from: require.resolve("highs/runtime"),
  to: "highs/highs.wasm",
  info: { minimized: true },
};

/** The files declaring KEYRATE custom functions: every src/functions/*.ts but the entry and helpers. */
const FUNCTION_FILES = require("fs")
  .readdirSync(path.join(__dirname, "src", "functions"))
  .filter((f) => f.endsWith(".ts") && !["index.ts", "excelErrors.ts"].includes(f))
  .sort()
  .map((f) => `./src/functions/${f}`);

/** The production origin for manifest URLs, normalised to end with "/". */
function deployUrl() {
  const url = process.env.KEYRATE_URL;
  if (!url) return DEV_URL;
  if (!/^https:\/\//.test(url)) throw new Error(`KEYRATE_URL must be an https URL, got ${url}`);
  return url.endsWith("/") ? url : `${url}/`;
}

/** The taskpane.html office.js tag; the playground's copy loads playground-office.js instead. */
const OFFICE_JS_TAG = '<script type="text/javascript" src="office-js/office.js"></script>';

/**
 * Emits playground-taskpane.html: taskpane.html with office.js replaced by the simulated Office
 * globals (a blocking script in the head, like office.js, so they exist before the pane's bundles).
 */
class PlaygroundTaskpanePlugin {
  apply(compiler) {
    compiler.hooks.compilation.tap("PlaygroundTaskpanePlugin", (compilation) => {
      HtmlWebpackPlugin.getCompilationHooks(compilation).beforeEmit.tap(
        "PlaygroundTaskpanePlugin",
        (data) => {
          if (data.outputName !== "playground-taskpane.html") return data;
          if (!data.html.includes(OFFICE_JS_TAG)) {
            throw new Error(
              `taskpane.html no longer has ${OFFICE_JS_TAG}; update webpack.config.js`
            );
          }
          const shim = '<script type="text/javascript" src="playground-office.js"></script>';
          return { ...data, html: data.html.replace(OFFICE_JS_TAG, shim) };
        }
      );
    });
  }
}

/** What a development build adds for the playground (entries, the .xlsx loader, pages). */
function playgroundParts() {
  return {
    entry: {
      playground: "./src/playground/playground.ts",
      "playground-office": "./src/playground/playgroundOffice.ts",
    },
    rules: [
      {
        // The sample workbook becomes a snapshot module at build time (no hand-copied data).
        test: /\.xlsx$/,
        type: "javascript/auto",
        use: path.resolve(__dirname, "scripts/xlsx-json-loader.js"),
      },
    ],
    plugins: [
      new HtmlWebpackPlugin({
        filename: "playground.html",
        template: "./src/playground/playground.html",
        chunks: ["playground"],
      }),
      new HtmlWebpackPlugin({
        filename: "playground-taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
      }),
      new PlaygroundTaskpanePlugin(),
    ],
    copy: [{ from: "src/playground/playground.css", to: "playground.css" }],
  };
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode !== "production";
  const serving = Boolean(env.WEBPACK_SERVE);
  const url = dev ? DEV_URL : deployUrl();
  const playground = dev ? playgroundParts() : { entry: {}, rules: [], plugins: [], copy: [] };
  const port = Number(process.env.npm_package_config_dev_server_port) || 3000;

  return {
    devtool: dev ? "source-map" : false,
    entry: {
      functions: "./src/functions/index.ts",
      taskpane: "./src/taskpane/taskpane.ts",
      // The pane's analytics run in this Web Worker (src/taskpane/compute.ts).
      "compute-worker": "./src/taskpane/computeWorker.ts",
      ...playground.entry,
    },
    output: {
      path: DIST,
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".js"],
      // The HiGHS loader (highs/build/highs.js) requires node:fs, node:path and node:crypto only
      // on its Node branch (ENVIRONMENT_IS_NODE); in the browser they are never called.
      fallback: { fs: false, path: false, crypto: false },
    },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
        ...playground.rules,
      ],
    },
    performance: {
      // office.js host files are large by nature; only judge our own bundles.
      assetFilter: (name) => !name.startsWith("office-js/") && /\.(js|css)$/.test(name),
    },
    plugins: [
      // webpack 5 does not resolve the "node:" scheme for the web; strip it so that
      // resolve.fallback above applies (node:fs → fs → false).
      new NormalModuleReplacementPlugin(/^node:/, (resource) => {
        resource.request = resource.request.replace(/^node:/, "");
      }),
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: FUNCTION_FILES,
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) =>
              url === DEV_URL ? content : content.toString().split(DEV_URL).join(url),
          },
          ...OFFICE_JS_PATTERNS,
          HIGHS_WASM_PATTERN,
          ...playground.copy,
        ],
      }),
      ...playground.plugins,
    ],
    devServer: serving
      ? {
          headers: { "Access-Control-Allow-Origin": "*" },
          server: await devServerTransport(env, port),
          port,
        }
      : undefined,
  };
};

module.exports.OFFICE_JS_PATTERNS = OFFICE_JS_PATTERNS;
module.exports.HIGHS_WASM_PATTERN = HIGHS_WASM_PATTERN;
