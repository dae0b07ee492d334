// The first part of the A–Z list's filters (/hulpmiddelen/), and the site's one script that must not wait:
// a classic script, loaded before the form, that runs while the page is read. A module runs only after the
// whole page is parsed, and a phone paints the form and the list before that (ARCHITECTURE.md, "Measured
// facts"). So this script marks <html> (ib-filters-js shows the form from the first paint, infobox.css) and
// turns a filter in the URL into a stylesheet before the list is read: the list is drawn filtered, no card
// shows and then goes (no layout shift), and the browser never lays out the cards the filter leaves out.
// hulpmiddelen-filter.js, a module, then sets the cards' `hidden`, turns this off, and does the rest.
//
// Its filters are hulpmiddelen-filter-core.js's FILTERS, as CSS: which card attribute each reads and how it
// lists its values. tests/js/hulpmiddelen-filter.test.mjs checks that both show the same cards.
(() => {
  "use strict";

  const root = document.documentElement;
  root.classList.add("ib-filters-js");

  // The groups of "Soort hulpmiddel" ("group=type|type;..."), on this script's tag: the form is not there
  // yet to be read.
  const typeGroups = new Map(
    (document.currentScript?.dataset.typeGroups || "").split(";").map((pair) => {
      const [key, members] = pair.split("=");
      return [key, members ? members.split("|") : [key]];
    }),
  );

  // The theme facets ("vorm=key|key;hulp=key|key"): `thema=` values of one facet are "any of these", and
  // every facet chosen must hold.
  const themeFacets = (document.currentScript?.dataset.themeFacets || "")
    .split(";")
    .filter(Boolean)
    .map((pair) => pair.split("=")[1].split("|"));

  // A card attribute that lists values with "|" between them holds `v` (escaped).
  const listed = (attribute, v) => [
    `[${attribute}="${v}"]`,
    `[${attribute}^="${v}|"]`,
    `[${attribute}$="|${v}"]`,
    `[${attribute}*="|${v}|"]`,
  ];
  // URL parameter -> the selectors of the cards a value lets through.
  const FILTERS = {
    standaard: (value) => [`[data-refs~="${CSS.escape(value)}"]`],
    organisatie: (value) => listed("data-organisations", CSS.escape(value)),
    soort: (value) => (typeGroups.get(value) || [value]).map((type) => `[data-type="${CSS.escape(type)}"]`),
    voor: (value) => listed("data-audience", CSS.escape(value)),
  };

  // The URL's filter as CSS that hides the other cards while the page is read; hulpmiddelen-filter.js then
  // sets their `hidden` and turns it off (an attribute on <html>, not the stylesheet: taking a stylesheet out
  // restyles far more than the cards).
  const params = new URLSearchParams(location.search);
  const rules = [];
  const hide = (match) => `[data-ib-prefilter] #ib-resource-list > .ib-card:not(:is(${match})) { display: none; }`;
  for (const param of Object.keys(FILTERS)) {
    // As the form reads the address: every audience ("Voor wie", any will do), of the others the first value.
    const values = (param === "voor" ? params.getAll(param) : [params.get(param)]).filter(Boolean);
    const match = values.flatMap(FILTERS[param]).join(", ");
    if (match) rules.push(hide(match));
  }
  const themes = params.getAll("thema");
  for (const facet of themeFacets) {
    const match = themes
      .filter((key) => facet.includes(key))
      .map((key) => `[data-themes~="${CSS.escape(key)}"]`)
      .join(", ");
    if (match) rules.push(hide(match));
  }
  if (!rules.length) return;
  const style = document.createElement("style");
  style.textContent = rules.join("\n");
  document.head.appendChild(style);
  root.setAttribute("data-ib-prefilter", "");
})();
