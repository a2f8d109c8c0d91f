#!/usr/bin/env node
/**
 * Offline validation of the add-in manifest (office-addin-manifest validate needs a Microsoft web
 * service; this does not):
 *  1. XSD validation against the [MS-OWEMXML] schemas in test/manifest/schemas/ (libxml2 compiled
 *     to WebAssembly, package xmllint-wasm);
 *  2. every resid refers to a resource declared under <Resources>, and resource ids are unique;
 *  3. every URL under the dev-server origin (https://localhost:3000/) names a file in dist/.
 *
 * Usage: node scripts/validate-manifest.js [manifest.xml] [--dist dist] [--origin URL]
 * Exit code 0 when all checks pass, 1 otherwise. Used by test/manifest/manifest.test.ts.
 */
"use strict";

const fs = require("fs");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const SCHEMA_DIR = path.join(ROOT, "test", "manifest", "schemas");
const MAIN_SCHEMA = "OfficeAppManifestV1_1.xsd";
const IMPORTED_SCHEMAS = ["OfficeAppBasicTypesV1_0.xsd", "TaskPaneAppVersionOverridesV1_0.xsd"];
const DEV_ORIGIN = "https://localhost:3000/";

/**
 * Validates manifest XML text against the vendored schemas.
 * @param {string} xml
 * @param {string} [fileName]
 * @returns {Promise<{valid: boolean, errors: string[]}>}
 */
async function validateSchema(xml, fileName = "manifest.xml") {
  const { validateXML } = require("xmllint-wasm");
  const read = (name) => ({
    fileName: name,
    contents: fs.readFileSync(path.join(SCHEMA_DIR, name), "utf8"),
  });
  const result = await validateXML({
    xml: [{ fileName: path.basename(fileName), contents: xml }],
    schema: [read(MAIN_SCHEMA)],
    preload: IMPORTED_SCHEMAS.map(read),
  });
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage.trim()) };
}

/**
 * Cross-checks resid references against the ids declared under <Resources>.
 * @param {string} xml
 * @returns {{declared: string[], referenced: string[], missing: string[], duplicates: string[]}}
 */
function checkResids(xml) {
  const body = stripComments(xml);
  const resources = body.match(/<Resources>[\s\S]*<\/Resources>/);
  const declared = [];
  if (resources) {
    for (const m of resources[0].matchAll(/<bt:(?:Image|Url|String)\b[^>]*\bid="([^"]+)"/g)) {
      declared.push(m[1]);
    }
  }
  const referenced = [...new Set([...body.matchAll(/\bresid="([^"]+)"/g)].map((m) => m[1]))];
  const missing = referenced.filter((id) => !declared.includes(id));
  const duplicates = declared.filter((id, i) => declared.indexOf(id) !== i);
  return { declared, referenced, missing, duplicates };
}

/**
 * All URLs under `origin` in the manifest, with the dist/ path each one must name.
 * @param {string} xml
 * @param {string} [origin]
 * @returns {{url: string, file: string}[]}
 */
function localUrls(xml, origin = DEV_ORIGIN) {
  const escaped = origin.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const re = new RegExp(`${escaped}[^"'<>\\s]*`, "g");
  const urls = [...new Set(stripComments(xml).match(re) || [])];
  return urls.map((url) => {
    const rel = decodeURIComponent(url.slice(origin.length).replace(/[?#].*$/, ""));
    return { url, file: rel === "" ? "index.html" : rel };
  });
}

/**
 * Local URLs whose file is missing from distDir.
 * @param {string} xml
 * @param {string} distDir
 * @param {string} [origin]
 * @returns {{url: string, file: string}[]}
 */
function missingDistFiles(xml, distDir, origin = DEV_ORIGIN) {
  return localUrls(xml, origin).filter(({ file }) => {
    const full = path.join(distDir, file);
    return !(fs.existsSync(full) && fs.statSync(full).isFile());
  });
}

function stripComments(xml) {
  return xml.replace(/<!--[\s\S]*?-->/g, "");
}

async function main(argv) {
  const args = argv.slice(2);
  const opt = (name, fallback) => {
    const i = args.indexOf(name);
    if (i < 0) return fallback;
    const value = args[i + 1];
    args.splice(i, 2);
    return value;
  };
  const distDir = path.resolve(opt("--dist", path.join(ROOT, "dist")));
  const origin = opt("--origin", DEV_ORIGIN);
  const file = path.resolve(args[0] || path.join(ROOT, "manifest.xml"));
  const xml = fs.readFileSync(file, "utf8");
  let ok = true;

  const schema = await validateSchema(xml, file);
  if (schema.valid) console.log(`schema: ${path.relative(process.cwd(), file)} is valid`);
  else {
    ok = false;
    console.error(`schema: ${path.relative(process.cwd(), file)} is NOT valid`);
    for (const e of schema.errors) console.error(`  ${e}`);
  }

  const ids = checkResids(xml);
  if (ids.missing.length || ids.duplicates.length) {
    ok = false;
    if (ids.missing.length) console.error(`resids without a resource: ${ids.missing.join(", ")}`);
    if (ids.duplicates.length)
      console.error(`duplicate resource ids: ${ids.duplicates.join(", ")}`);
  } else {
    console.log(`resids: ${ids.referenced.length} references, all declared`);
  }

  if (fs.existsSync(distDir)) {
    const missing = missingDistFiles(xml, distDir, origin);
    if (missing.length) {
      ok = false;
      for (const m of missing) console.error(`not in ${distDir}: ${m.url}`);
    } else {
      console.log(`urls: ${localUrls(xml, origin).length} local URLs, all present in dist/`);
    }
  } else {
    console.warn(`urls: ${distDir} not found; run npm run build to check the local URLs`);
  }
  return ok;
}

if (require.main === module) {
  main(process.argv).then(
    (ok) => process.exit(ok ? 0 : 1),
    (err) => {
      console.error(err);
      process.exit(1);
    }
  );
}

module.exports = {
  DEV_ORIGIN,
  SCHEMA_DIR,
  validateSchema,
  checkResids,
  localUrls,
  missingDistFiles,
};
