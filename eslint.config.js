// Microsoft's add-in lint rules (eslint-plugin-office-addins) with prettier as a rule.
const officeAddins = require("eslint-plugin-office-addins");
const tsParser = require("@typescript-eslint/parser");

// One-way layers (docs/architecture.md): the pure core imports nothing from the adapters or the
// renderers, nor Office.js; inside the core, the models below the run record import neither the run
// nor the sheet models; the run does not import the sheet models; renderers import only the core.
const ADAPTERS = ["**/functions/**", "**/taskpane/**", "**/cli/**", "**/playground/**"];
const OFFICE = ["office-js", "@microsoft/office-js", "office-addin-*"];
const layer = (files, groups, message) => ({
  files,
  rules: { "no-restricted-imports": ["error", { patterns: [{ group: groups, message }] }] },
});
const CORE_PURE = "core is pure: no adapters, renderers or Office.js (docs/architecture.md)";
const LAYERS = [
  layer(["src/core/**/*.ts"], [...ADAPTERS, "**/render/**", ...OFFICE], CORE_PURE),
  layer(
    ["src/core/run/**/*.ts"],
    [...ADAPTERS, "**/render/**", ...OFFICE, "**/report/**"],
    `${CORE_PURE}; the run record does not know the sheets built from it`
  ),
  layer(
    ["src/core/history/**/*.ts"],
    [...ADAPTERS, "**/render/**", ...OFFICE, "**/report/**"],
    `${CORE_PURE}; the run history reads run records, it does not know the sheets`
  ),
  layer(
    ["src/core/!(run|report|history)/**/*.ts", "src/core/*.ts"],
    [...ADAPTERS, "**/render/**", ...OFFICE, "**/report/**", "**/run/**"],
    `${CORE_PURE}; models below the run record import neither the run nor the sheets`
  ),
  layer(["src/render/**/*.ts"], ADAPTERS, "renderers draw core sheet models; no adapters"),
  layer(
    ["src/functions/**/*.ts"],
    ["**/taskpane/**", "**/cli/**", "**/playground/**", "**/render/**"],
    "cell functions call the core only"
  ),
];

module.exports = [
  { ignores: ["dist/**", "lib/**", "out/**", "node_modules/**", "coverage/**", "test-results/**"] },
  ...officeAddins.configs.recommended,
  {
    files: ["**/*.ts"],
    languageOptions: { parser: tsParser, ecmaVersion: 2020, sourceType: "module" },
    rules: { "no-undef": "off" },
  },
  {
    files: ["**/*.js"],
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: "commonjs",
      globals: {
        require: "readonly",
        module: "writable",
        __dirname: "readonly",
        __filename: "readonly",
        process: "readonly",
        console: "readonly",
      },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  ...LAYERS,
];
