/* global Excel */
/**
 * "Use the selected range as …": remembers a range's address (read afresh on every run), checks
 * the selection with the parser that will read it, shows what is in use, and clears back to the
 * default. Ids: kr-use-<id>, kr-clear-<id>, kr-<id> (the label).
 */
import { h } from "./dom";
import { readSelection } from "./workbookIO";

export interface RangePickerOptions {
  readonly id: string;
  /** What the range is, in words ("curve"). */
  readonly what: string;
  /** What is used when no range is chosen. */
  readonly empty: string;
  /** The remembered address, "" for none. */
  readonly address: string;
  /** Throws with a message when the values are not a valid range of this kind. */
  readonly check: (values: unknown[][]) => void;
}

export function rangePicker(o: RangePickerOptions): {
  element: HTMLElement;
  address: () => string;
} {
  let address = o.address;
  const label = h("p", { id: `kr-${o.id}`, class: "kr-muted", "aria-live": "polite" });
  const show = () =>
    (label.textContent = address
      ? `${o.what}: ${address} (read again on every run)`
      : `${o.what}: ${o.empty}`);
  show();
  const use = h(
    "fluent-button",
    { id: `kr-use-${o.id}`, appearance: "outline" },
    `Use selected range as ${o.what}`
  );
  const clear = h("fluent-button", { id: `kr-clear-${o.id}`, appearance: "stealth" }, "Clear");
  use.addEventListener(
    "click",
    () =>
      void Excel.run(async (context) => {
        const sel = await readSelection(context);
        o.check(sel.values);
        address = sel.address;
        show();
      }).catch((e) => (label.textContent = `Not a ${o.what}: ${(e as Error).message}`))
  );
  clear.addEventListener("click", () => {
    address = "";
    show();
  });
  return { element: h("div", { class: "kr-field" }, label, use, clear), address: () => address };
}
