/*
 * Zelfscan view helpers shared by the page's parts (scan, result, comparison): messages, tables and the
 * lists of Infobox resources per gap.
 */
import { h } from "./dom.js";
import * as core from "./zelfscan-core.js";

export const BASE = "../"; // the page lives at /zelfscan/; the catalogue and other pages are one level up

/** One paragraph per line; a list of lines may be passed as one argument (never spread: it may be long). */
export function showMessage(el, kind, ...lines) {
  const paragraphs = document.createDocumentFragment();
  for (const line of lines.flat()) {
    paragraphs.append(h("p", { class: `zelfscan-message zelfscan-message--${kind}` }, line));
  }
  el.replaceChildren(paragraphs);
}

export const percentText = (percent) => (percent === null ? "geen score" : `${percent}%`);

const capitalise = (text) => text.charAt(0).toUpperCase() + text.slice(1);

export function resourceItems(resources) {
  return h(
    "ul",
    { class: "zelfscan-resources" },
    resources.map((resource) =>
      h(
        "li",
        {},
        // The type first: the list is ordered by it (byType in zelfscan-core.js).
        resource.type ? h("span", { class: "zelfscan-type" }, `${capitalise(resource.type)}: `) : null,
        h(
          "a",
          {
            href: `${BASE}${resource.url}`,
            // The full address, printed after the link in the report (see zelfscan.css).
            "data-print-url": new URL(`${BASE}${resource.url}`, window.location.href).href,
          },
          resource.title,
        ),
        // Many titles already name their organisation; say it only when they do not.
        resource.organisations.some((name) => !resource.title.includes(name))
          ? ` (${resource.organisations.join(", ")})`
          : "",
      ),
    ),
  );
}

/**
 * The resources of a gap in the verbeterplan's order (help in zelfscan-core.js): its own, those of its whole
 * standard, then those of its "zie ook" references (the Kwaliteitskader's own pointers).
 */
export function helpList(gap) {
  const parts = [];
  if (gap.resources.length) parts.push(resourceItems(gap.resources));
  if (gap.standardResources.length) {
    parts.push(
      h("p", { class: "zelfscan-see-also" }, `Bij de hele ${core.refName(gap.statement.standardId)}:`),
      resourceItems(gap.standardResources),
    );
  }
  for (const { target, resources } of gap.seeAlso) {
    if (!resources.length) continue;
    parts.push(
      h(
        "p",
        { class: "zelfscan-see-also" },
        "Zie ook de hulpmiddelen bij ",
        // A "zie ook" points to a whole standard ("1") or to one of its sub-items ("6C").
        h("a", { href: core.statementHref(target, BASE) }, core.refName(target.ref)),
        ":",
      ),
      resourceItems(resources),
    );
  }
  if (!parts.length) {
    parts.push(
      h(
        "p",
        { class: "zelfscan-none" },
        `Voor ${core.refName(gap.statement.ref)} zijn in de Infobox geen hulpmiddelen opgenomen.`,
      ),
    );
  }
  return h("div", { class: "zelfscan-help" }, parts);
}

export function answerLabel(value) {
  const step = core.SCALE.find((s) => s.value === value);
  return step ? step.label.toLowerCase() : "";
}

/**
 * A table in its own horizontal scroll container (the page never widens), titled by a paragraph
 * outside the container so the title stays readable while the table scrolls.
 */
export function scrollingTable({ id, title, head, rows }) {
  const titleId = `${id}-title`;
  return [
    h("p", { class: "zelfscan-table-title", id: titleId }, title),
    h(
      "div",
      // Focusable, so keyboard users can scroll it too (WCAG 2.1.1).
      { class: "zelfscan-table-wrap", role: "region", "aria-labelledby": titleId, tabindex: "0" },
      h(
        "table",
        { class: "zelfscan-table", id, "aria-labelledby": titleId },
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            head.map((c) => h("th", { scope: "col" }, c)),
          ),
        ),
        h("tbody", {}, rows),
      ),
    ),
  ];
}

export const standardLabel = (s) => `${s.standardId}. ${s.title}`;
