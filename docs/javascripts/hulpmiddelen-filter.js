// Filters on /hulpmiddelen/: narrow the A–Z list by standard, organisation, the two theme facets, type and
// audience, without a
// reload. Native selects and checkboxes keep it keyboard- and screen-reader-friendly; the count is
// announced through the aria-live status. Without JavaScript the form stays hidden and the full list shows.
// Nothing jumps: hulpmiddelen-filter-start.js, loaded before the form, shows the form from the first paint
// and draws the list already filtered by the URL; this module takes over from it.
//
// The choice lives in the URL (?standaard=3A&thema=melden&thema=signaleren&voor=jeugd), so a filtered list can be shared;
// it is restored on load and on back/forward. Every option shows how many resources it would give with the
// other choices kept. When nothing matches, the empty state names the filter to loosen and clears it.
// A search result for one resource (?hulpmiddel=<id>) opens the list at that card (#<id>).
// What the filters mean is hulpmiddelen-filter-core.js's; this module reads the page and writes it.
import { h } from "./dom.js";
import * as filters from "./hulpmiddelen-filter-core.js";

const root = document.documentElement;

function openResource() {
  const url = new URL(window.location.href);
  const id = url.searchParams.get("hulpmiddel");
  if (!id) return;
  url.searchParams.delete("hulpmiddel");
  url.hash = id;
  history.replaceState(history.state, "", url.href);
  const target = document.getElementById(id);
  if (target) target.scrollIntoView();
}

// Text is only written where it changes: each write makes the browser restyle.
function setText(node, text) {
  if (node.textContent !== text) node.textContent = text;
}

function setup() {
  const form = document.getElementById("ib-filters");
  const list = document.getElementById("ib-resource-list");
  const count = document.getElementById("ib-filter-count");
  const empty = document.getElementById("ib-filter-empty");
  const printHeading = document.getElementById("ib-print-filter");
  const toggle = document.getElementById("ib-filters-toggle"); // "Filters" on a phone (infobox.css)
  const active = document.getElementById("ib-filters-active");
  const start = document.getElementById("ib-filters-start"); // its tag holds the groups of "Soort hulpmiddel"
  if (!form || !list || !count || !empty || form.dataset.ready) return;
  form.dataset.ready = "true";
  const typeGroups = filters.parseTypeGroups(start && start.dataset.typeGroups);
  const cards = [...list.querySelectorAll(".ib-card")];
  // Each card's values per filter, read from its data attributes once, not on every count.
  const entries = cards.map((card) => filters.entryOf(card.dataset, typeGroups));
  // The checkbox filters' boxes by filter name ("vorm", "hulp", "audience"); the others are selects.
  const boxes = {};
  for (const f of filters.FILTERS.filter((f) => filters.isMany(f.name))) {
    boxes[f.name] = [...form.querySelectorAll(`input[name="${f.name}"]`)];
  }
  const selects = filters.FILTERS.filter((f) => !filters.isMany(f.name)).map((f) => form.elements[f.name]);
  const options = {};
  for (const [name, list] of Object.entries(boxes)) options[name] = list.map((box) => box.value);
  for (const select of selects) options[select.name] = [...select.options].map((option) => option.value);
  // An option's or a box's label without its count (the build writes it in data-text).
  const labelOf = (name, value) =>
    (boxes[name] || [...form.elements[name].options]).find((control) => control.value === value).dataset.text;

  function state() {
    const choice = filters.everything();
    for (const select of selects) choice[select.name] = select.value;
    for (const [name, list] of Object.entries(boxes)) {
      choice[name] = list.filter((box) => box.checked).map((box) => box.value);
    }
    return choice;
  }

  function showCounts(choice) {
    const counts = filters.optionCounts(entries, choice, options);
    for (const [name, list] of Object.entries(boxes)) {
      for (const box of list) {
        setText(box.parentNode.querySelector(".ib-filters__n"), " (" + counts[name].get(box.value) + ")");
      }
    }
    for (const select of selects) {
      for (const option of select.options) {
        setText(option, option.dataset.text + " (" + counts[select.name].get(option.value) + ")");
      }
    }
  }

  // On paper a filtered list is headed by its filter, not by "Alle hulpmiddelen" (print.css).
  function showPrintHeading(choice, shown) {
    const text = filters.printHeading(shown, cards.length, choice, labelOf);
    root.toggleAttribute("data-ib-filtered", text !== ""); // with `force`, no change when already so
    if (!printHeading) return;
    if (printHeading.hidden !== !text) printHeading.hidden = !text;
    setText(printHeading, text);
  }

  // The phone's "Filters" button says how many filters are chosen, so a folded choice is never forgotten.
  function showActive(choice) {
    const n = filters.activeCount(choice);
    if (active) setText(active, n ? " (" + n + " actief)" : "");
  }

  function showEmpty(choice) {
    const buttons = filters.loosenings(entries, choice).map(({ filter, n }) =>
      h(
        "li",
        {},
        h(
          "button",
          {
            type: "button",
            class: "md-button",
            onclick: () => {
              clear(filter.name);
              apply(true);
              count.focus();
            },
          },
          "Wis " + filters.describe(filter, choice, labelOf) + " (dan " + filters.plural(n) + ")",
        ),
      ),
    );
    empty.replaceChildren(
      h("p", {}, "Geen hulpmiddel past bij alle gekozen filters. Maak een filter ruimer:"),
      h("ul", {}, buttons),
    );
  }

  function clear(name) {
    if (boxes[name]) for (const box of boxes[name]) box.checked = false;
    else form.elements[name].value = "";
  }

  // The form as the address says; controls are set only where they differ.
  function fromURL() {
    const choice = filters.choiceFromParams(new URL(window.location.href).searchParams, options);
    for (const [name, list] of Object.entries(boxes)) {
      for (const box of list) {
        const checked = choice[name].includes(box.value);
        if (box.checked !== checked) box.checked = checked;
      }
    }
    for (const select of selects) if (select.value !== choice[select.name]) select.value = choice[select.name];
  }

  // `countsLater`: the options' counts in a task of their own (on load; the list comes first).
  function apply(remember, countsLater) {
    const choice = state();
    let shown = 0;
    entries.forEach((entry, i) => {
      const visible = filters.matches(entry, choice);
      if (cards[i].hidden === visible) cards[i].hidden = !visible;
      if (visible) shown += 1;
    });
    setText(count, filters.plural(shown) + " gevonden");
    if (countsLater) setTimeout(() => showCounts(state()), 0);
    else showCounts(choice);
    showPrintHeading(choice, shown);
    showActive(choice);
    if (empty.hidden !== shown > 0) empty.hidden = shown > 0;
    if (shown === 0) showEmpty(choice);
    if (remember) {
      const url = filters.withChoice(window.location.href, choice);
      if (url !== window.location.href) history.pushState({ ibFilters: true }, "", url);
    }
  }

  if (toggle) {
    toggle.addEventListener("click", () => {
      const open = toggle.getAttribute("aria-expanded") !== "true";
      toggle.setAttribute("aria-expanded", String(open));
      form.classList.toggle("ib-filters--open", open);
    });
  }
  form.addEventListener("change", () => apply(true));
  form.addEventListener("submit", (event) => event.preventDefault());
  // "reset" fires before the controls are reset; apply afterwards.
  form.addEventListener("reset", () => setTimeout(() => apply(true), 0));
  window.addEventListener("popstate", () => {
    fromURL();
    apply(false);
  });
  try {
    fromURL();
    apply(false, true);
  } finally {
    root.removeAttribute("data-ib-prefilter"); // the cards' `hidden` says the same now
  }
}

// The list is drawn filtered already (hulpmiddelen-filter-start.js). Modules run before DOMContentLoaded;
// the form's work waits for a task of its own after it, after the theme's and the other scripts' start, so
// no one task keeps the page from answering a tap.
document.addEventListener("DOMContentLoaded", () => {
  openResource();
  setTimeout(setup, 0);
});
