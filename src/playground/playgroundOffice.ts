/* global window */
/**
 * Entry of playground-office.js, which playground-taskpane.html loads where taskpane.html loads
 * office.js: it installs the simulated Office globals before the task pane's own bundles run,
 * backed by the workbook of the page around the frame (playground.html). Opened on its own, the
 * pane gets an empty workbook.
 */
import { PlaygroundHost, installOfficeGlobals } from "./officeShim";
import { SimWorkbook } from "./workbookModel";

/** The playground page's host object, when this frame sits in one (same origin). */
function playgroundHost(): PlaygroundHost | undefined {
  if (window.parent === window) return undefined;
  try {
    return (window.parent as unknown as { keyratePlayground?: PlaygroundHost }).keyratePlayground;
  } catch {
    return undefined; // a cross-origin parent
  }
}

const host = playgroundHost();
const installed = installOfficeGlobals(window, host?.workbook ?? new SimWorkbook(), host?.options);
host?.paneLoaded?.(installed);
