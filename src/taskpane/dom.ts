/* global document */
/** Small DOM helpers for the pane: elements, labelled Fluent fields and selects, field values. */

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K | string,
  attrs: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  for (const c of children) el.append(c);
  return el;
}

/**
 * A labelled text field with its hint; with `source`, a line saying where its value came from
 * ("from Settings!B2", "default"), id `<id>-source`, which says "typed by you" once edited.
 */
export function field(
  id: string,
  label: string,
  value: string,
  hint: string,
  source?: string
): HTMLElement {
  const described = source ? `${id}-hint ${id}-source` : `${id}-hint`;
  const input = h("fluent-text-field", { id, value, "aria-describedby": described }, label);
  return h(
    "div",
    { class: "kr-field" },
    input,
    h("p", { id: `${id}-hint`, class: "kr-muted kr-hint" }, hint),
    ...(source ? [sourceLine(id, input, source)] : [])
  );
}

/** "Value: from Settings!B2", turning to "typed by you" when the user changes the control. */
export function sourceLine(id: string, control: HTMLElement, source: string): HTMLElement {
  const line = h("p", { id: `${id}-source`, class: "kr-muted kr-source" }, `Value: ${source}`);
  const typed = () => (line.textContent = "Value: typed by you");
  control.addEventListener("input", typed);
  control.addEventListener("change", typed);
  return line;
}

export function select(
  id: string,
  title: string,
  options: readonly string[],
  chosen: string,
  source?: string
): HTMLElement {
  const control = h(
    "fluent-select",
    { id, title },
    ...options.map((o) =>
      h("fluent-option", o === chosen ? { value: o, selected: "" } : { value: o }, o)
    )
  );
  return h(
    "div",
    { class: "kr-field" },
    h("label", { for: id }, `${title} `),
    control,
    ...(source ? [sourceLine(id, control, source)] : [])
  );
}

export function valueOf(id: string): string {
  return ((document.getElementById(id) as HTMLInputElement | null)?.value ?? "").trim();
}
