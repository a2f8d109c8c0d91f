/**
 * The layer rule in eslint.config.js: the core imports no adapter, renderer or Office.js; models
 * below the run record import neither the run nor the sheets; the sheets may import the run.
 */
import { ESLint } from "eslint";
import { join } from "path";

const ROOT = join(__dirname, "..", "..");

async function restricted(file: string, code: string): Promise<boolean> {
  // The project's config, passed in (jest cannot run ESLint's own dynamic import of it).
  const config = require(join(ROOT, "eslint.config.js"));
  const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: config });
  const [result] = await eslint.lintText(`${code}\n`, { filePath: join(ROOT, file) });
  return result.messages.some((m) => m.ruleId === "no-restricted-imports");
}

describe("layer rule", () => {
  it.each([
    [
      "src/core/risk/x.ts",
      'import { buildSheets } from "../report/workbook";\nexport const x = buildSheets;',
    ],
    [
      "src/core/engines/x.ts",
      'import { runPipeline } from "../run/pipeline";\nexport const x = runPipeline;',
    ],
    [
      "src/core/run/x.ts",
      'import { buildSheets } from "../report/workbook";\nexport const x = buildSheets;',
    ],
    ["src/core/x.ts", 'import { guard } from "../functions/impl/cells";\nexport const x = guard;'],
    [
      "src/core/report/x.ts",
      'import { writeXlsx } from "../../render/exceljs";\nexport const x = writeXlsx;',
    ],
    ["src/render/x.ts", 'import { demo } from "../cli/demo";\nexport const x = demo;'],
  ])("refuses %s importing across the layers", async (file, code) => {
    expect(await restricted(file, code)).toBe(true);
  });

  it.each([
    [
      "src/core/report/x.ts",
      'import { runPipeline } from "../run/pipeline";\nexport const x = runPipeline;',
    ],
    [
      "src/core/run/x.ts",
      'import { makeMarket } from "../market/market";\nexport const x = makeMarket;',
    ],
    ["src/cli/x.ts", 'import { writeXlsx } from "../render/exceljs";\nexport const x = writeXlsx;'],
  ])("allows %s importing downwards", async (file, code) => {
    expect(await restricted(file, code)).toBe(false);
  });
});
