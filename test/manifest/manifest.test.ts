/**
 * Offline checks of manifest.xml (office-addin-manifest validate needs a Microsoft web service):
 * XSD validation against the vendored [MS-OWEMXML] schemas, resource references, and that every
 * https://localhost:3000/ URL names a file of the built dist/ (npm test builds before jest).
 */
import * as fs from "fs";
import * as path from "path";
import {
  DEV_ORIGIN,
  checkResids,
  localUrls,
  missingDistFiles,
  validateSchema,
} from "../../scripts/validate-manifest";

const ROOT = path.join(__dirname, "..", "..");
const MANIFEST = path.join(ROOT, "manifest.xml");
const DIST = path.join(ROOT, "dist");
const xml = fs.readFileSync(MANIFEST, "utf8");

/** Returns xml with `from` replaced by `to`, failing loudly if `from` is absent. */
function mutate(from: string | RegExp, to: string): string {
  const out = xml.replace(from, to);
  if (out === xml) throw new Error(`mutation did not apply: ${from}`);
  return out;
}

function requireDist(): void {
  if (!fs.existsSync(path.join(DIST, "manifest.xml"))) {
    throw new Error(
      "dist/ is missing or incomplete: run `npm run build` first (npm test builds before jest)."
    );
  }
}

describe("manifest.xml against the [MS-OWEMXML] schemas", () => {
  test("validates", async () => {
    const result = await validateSchema(xml);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  // Two-sided: the schemas must reject broken copies, or the check above proves nothing.
  test.each([
    ["unknown element", () => mutate(/Runtimes>/g, "Runtimez>")],
    [
      "Runtimes after AllFormFactors",
      () =>
        mutate(
          /(<Runtimes>[\s\S]*?<\/Runtimes>)(\s*)(<AllFormFactors>[\s\S]*?<\/AllFormFactors>)/,
          "$3$2$1"
        ),
    ],
    ["bad runtime lifetime", () => mutate('lifetime="long"', 'lifetime="forever"')],
    ["bad permission", () => mutate("ReadWriteDocument", "Everything")],
    ["malformed GUID", () => mutate(/<Id>[^<]+<\/Id>/, "<Id>not-a-guid</Id>")],
    ["missing DefaultSettings", () => mutate(/<DefaultSettings>[\s\S]*?<\/DefaultSettings>/, "")],
    ["resid over 32 characters", () => mutate('resid="Taskpane.Url"', `resid="${"x".repeat(33)}"`)],
    ["not well-formed", () => mutate("</OfficeApp>", "</OfficeApps>")],
  ])("rejects a copy with %s", async (_name, broken) => {
    const result = await validateSchema(broken(), "broken.xml");
    expect(result.valid).toBe(false);
    expect(result.errors.length).toBeGreaterThan(0);
  });
});

describe("manifest.xml content", () => {
  test("declares a shared runtime for the custom functions and the task pane", () => {
    expect(xml).toMatch(/xsi:type="TaskPaneApp"/);
    expect(xml).toMatch(/<Set Name="SharedRuntime" MinVersion="1\.1"\/>/);
    expect(xml).toMatch(/<Runtime resid="Taskpane\.Url" lifetime="long"\/>/);
    expect(xml).toMatch(/<Page>\s*<SourceLocation resid="Taskpane\.Url"\/>\s*<\/Page>/);
    expect(xml).toMatch(/<Permissions>ReadWriteDocument<\/Permissions>/);
    expect(xml).toMatch(/<ProviderName>keyrate<\/ProviderName>/);
    expect(xml).toMatch(/<DisplayName DefaultValue="keyrate — bond duration &amp; hedging"\/>/);
  });

  test("names the KEYRATE namespace, functions.js/json and the Home-tab button", () => {
    const resource = (id: string): string | undefined =>
      xml.match(new RegExp(`id="${id.replace(/\./g, "\\.")}" DefaultValue="([^"]*)"`))?.[1];
    expect(resource("Functions.Namespace")).toBe("KEYRATE");
    expect(resource("Functions.Script.Url")).toBe(`${DEV_ORIGIN}functions.js`);
    expect(resource("Functions.Metadata.Url")).toBe(`${DEV_ORIGIN}functions.json`);
    expect(resource("Taskpane.Url")).toBe(`${DEV_ORIGIN}taskpane.html`);
    expect(resource("KeyrateGroup.Label")).toBe("keyrate");
    expect(resource("HedgeWizardButton.Label")).toBe("Hedge wizard");
    expect(xml).toMatch(/<OfficeTab id="TabHome">/);
    expect(xml).toMatch(/<GetStarted>/);
  });

  test("every resid refers to a declared resource, ids are unique", () => {
    const ids = checkResids(xml);
    expect(ids.referenced.length).toBeGreaterThan(5);
    expect(ids.missing).toEqual([]);
    expect(ids.duplicates).toEqual([]);
  });

  test("an undeclared resid is caught", () => {
    const ids = checkResids(mutate('<Label resid="KeyrateGroup.Label"/>', '<Label resid="Nope"/>'));
    expect(ids.missing).toEqual(["Nope"]);
  });
});

describe("icons", () => {
  test.each([16, 32, 64, 80, 128])("assets/icon-%i.png is a PNG of that size", (size) => {
    const png = fs.readFileSync(path.join(ROOT, "assets", `icon-${size}.png`));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
    expect(png.toString("ascii", 12, 16)).toBe("IHDR");
    expect(png.readUInt32BE(16)).toBe(size);
    expect(png.readUInt32BE(20)).toBe(size);
  });
});

describe("built dist/", () => {
  test("every local URL in manifest.xml names a file in dist/", () => {
    requireDist();
    const urls = localUrls(xml);
    expect(urls.map((u) => u.file)).toEqual(
      expect.arrayContaining(["functions.js", "functions.json", "taskpane.html"])
    );
    expect(missingDistFiles(xml, DIST)).toEqual([]);
  });

  test("a URL with no file behind it is caught", () => {
    requireDist();
    const broken = mutate(`${DEV_ORIGIN}functions.json`, `${DEV_ORIGIN}functions-missing.json`);
    expect(missingDistFiles(broken, DIST).map((m) => m.file)).toEqual(["functions-missing.json"]);
  });

  test("dist/manifest.xml is valid too", async () => {
    requireDist();
    const result = await validateSchema(fs.readFileSync(path.join(DIST, "manifest.xml"), "utf8"));
    expect(result.errors).toEqual([]);
  });

  test("the task pane loads office.js from our own server, nothing from elsewhere", () => {
    requireDist();
    const html = fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8");
    expect(html).toMatch(/<script[^>]+src="?office-js\/office\.js"?/);
    expect(html).toMatch(/src="?functions\.js"?/);
    expect(html).toMatch(/src="?taskpane\.js"?/);
    expect(html).not.toMatch(/(src|href)="?(https?:)?\/\//i);
    for (const file of [
      "office.js",
      "excel-web-16.00.js",
      "excel-win32-16.01.js",
      "excel-mac-16.00.js",
      "en-us/office_strings.js",
    ]) {
      expect(fs.existsSync(path.join(DIST, "office-js", file))).toBe(true);
    }
  });
});
