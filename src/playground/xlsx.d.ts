/** Workbooks imported by the playground: scripts/xlsx-json-loader.js turns them into snapshots. */
declare module "*.xlsx" {
  const snapshot: import("./workbookModel").WorkbookSnapshot;
  export default snapshot;
}
