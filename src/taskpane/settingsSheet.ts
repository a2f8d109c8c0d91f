/* global Excel */
/**
 * The workbook's Settings sheet in the pane: read once when the pane opens (its values become the
 * wizard's defaults, see workbookDefaults), and a note on step 1 saying so, with any setting that
 * could not be used.
 */
import { readWorkbookSettings, SettingProblem, WorkbookSettings } from "../core/settings";
import { h } from "./dom";
import { readSettingsSheet } from "./workbookIO";

/** A line saying the defaults come from the Settings sheet (or that there is none) and its problems. */
export function settingsStatus(s: WorkbookSettings | undefined): HTMLElement {
  if (!s)
    return h(
      "p",
      { id: "kr-settings", class: "kr-muted" },
      "No Settings sheet: built-in defaults."
    );
  const list = (ps: readonly SettingProblem[]) =>
    h("ul", { class: "kr-problems" }, ...ps.map((p) => h("li", {}, p.message)));
  return h(
    "div",
    { id: "kr-settings" },
    h(
      "p",
      { class: "kr-muted" },
      "Defaults from this workbook's Settings sheet (each field says where its value came from)."
    ),
    ...(s.problems.length
      ? [h("p", { class: "kr-warning" }, "Settings not used (defaults instead):"), list(s.problems)]
      : [])
  );
}

/** The workbook's Settings sheet, read; undefined when there is none or it cannot be read. */
export async function loadWorkbookSettings(): Promise<WorkbookSettings | undefined> {
  try {
    return await Excel.run(async (context) => {
      const sheet = await readSettingsSheet(context);
      return sheet && readWorkbookSettings(sheet.values, sheet);
    });
  } catch {
    return undefined;
  }
}
