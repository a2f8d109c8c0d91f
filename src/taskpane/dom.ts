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

export function field(id: string, label: string, value: string, hint: string): HTMLElement {
  const input = h("fluent-text-field", { id, value, "aria-describedby": `${id}-hint` }, label);
  return h(
    "div",
    { class: "kr-field" },
    input,
    h("p", { id: `${id}-hint`, class: "kr-muted kr-hint" }, hint)
  );
}

export function select(
  id: string,
  title: string,
  options: readonly string[],
  chosen: string
): HTMLElement {
  return h(
    "div",
    { class: "kr-field" },
    h("label", { for: id }, `${title} `),
    h(
      "fluent-select",
      { id, title },
      ...options.map((o) =>
        h("fluent-option", o === chosen ? { value: o, selected: "" } : { value: o }, o)
      )
    )
  );
}

export function valueOf(id: string): string {
  return ((document.getElementById(id) as HTMLInputElement | null)?.value ?? "").trim();
}
