/**
 * The pane's wizard: one step shown at a time, a list of the steps (the current one marked with
 * aria-current="step", each a button to jump to it) and Back/Next. Hidden steps keep their DOM
 * (the hidden attribute), so what was typed stays across Back/Next and the whole form is read by
 * id at Write time. On navigation focus moves to the step's heading. Going forward (Next, or a
 * later step in the list) first validates the current step: the wizard stays where it is while
 * the step shows what to fix. Going back never validates. Ids: kr-back, kr-next, kr-stepnav-<n>,
 * kr-step-<n>, kr-step-title-<n> (n from 1).
 */
import { h } from "./dom";

export interface WizardStep {
  /** Short name, shown in the step list and the heading. */
  readonly name: string;
  readonly content: readonly (Node | string)[];
}

export interface Wizard {
  element: HTMLElement;
  /** Shows step `index` (0-based); moves focus to its heading unless `focus` is false. */
  show(index: number, focus?: boolean): void;
  current(): number;
}

/**
 * @param onShow Called with the index of each step shown.
 * @param validate Checks step `index` before the wizard leaves it forwards; false (or a promise of
 *   false) keeps the wizard on it. The step shows its own messages.
 */
export function buildWizard(
  steps: readonly WizardStep[],
  onShow?: (index: number) => void,
  validate?: (index: number) => boolean | Promise<boolean>
): Wizard {
  let current = 0;
  const links = steps.map((step, i) =>
    h(
      "button",
      { id: `kr-stepnav-${i + 1}`, type: "button", class: "kr-step-link" },
      h("span", { class: "kr-step-number", "aria-hidden": "true" }, `${i + 1}`),
      step.name
    )
  );
  const headings = steps.map((step, i) =>
    h(
      "h2",
      { id: `kr-step-title-${i + 1}`, class: "kr-card-title", tabindex: "-1" },
      `Step ${i + 1} of ${steps.length}: ${step.name}`
    )
  );
  const sections = steps.map((step, i) =>
    h(
      "section",
      {
        id: `kr-step-${i + 1}`,
        class: "kr-card kr-step",
        role: "region",
        "aria-labelledby": `kr-step-title-${i + 1}`,
      },
      headings[i],
      ...step.content
    )
  );
  const back = h("fluent-button", { id: "kr-back", appearance: "outline" }, "Back");
  const next = h("fluent-button", { id: "kr-next", appearance: "accent" }, "Next");

  const show = (index: number, focus = true) => {
    current = Math.max(0, Math.min(steps.length - 1, index));
    sections.forEach((s, i) => s.toggleAttribute("hidden", i !== current));
    links.forEach((l, i) =>
      i === current ? l.setAttribute("aria-current", "step") : l.removeAttribute("aria-current")
    );
    back.toggleAttribute("disabled", current === 0);
    next.toggleAttribute("hidden", current === steps.length - 1);
    onShow?.(current);
    if (focus) headings[current].focus();
  };
  let checking = false;
  /** Shows step `index`; forwards only once the current step validates. */
  const go = async (index: number) => {
    if (index <= current || !validate) return show(index);
    if (checking) return;
    checking = true;
    next.setAttribute("aria-busy", "true");
    try {
      if (await validate(current)) show(index);
    } finally {
      checking = false;
      next.removeAttribute("aria-busy");
    }
  };
  links.forEach((l, i) => l.addEventListener("click", () => void go(i)));
  back.addEventListener("click", () => show(current - 1));
  next.addEventListener("click", () => void go(current + 1));
  show(0, false);

  const element = h(
    "div",
    { class: "kr-wizard" },
    h(
      "nav",
      { "aria-label": "Wizard steps" },
      h("ol", { class: "kr-steps" }, ...links.map((l) => h("li", {}, l)))
    ),
    ...sections,
    h("div", { class: "kr-wizard-nav" }, back, next)
  );
  return { element, show, current: () => current };
}
