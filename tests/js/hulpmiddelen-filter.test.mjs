// Unit tests of the A–Z list's filters (docs/javascripts/hulpmiddelen-filter-core.js), run with `node --test`,
// and of the stylesheet hulpmiddelen-filter-start.js makes of an address before the list is drawn: it must
// show the cards the filters show. The cards are made up here, with the data attributes the build writes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import vm from "node:vm";
import * as filters from "../../docs/javascripts/hulpmiddelen-filter-core.js";

const GROUPS_TEXT = "training=training|online cursus;informatie=website|rapport;podcast";
const groups = filters.parseTypeGroups(GROUPS_TEXT);
// The theme facets as the page's start script tag lists them (data-theme-facets).
const FACETS_TEXT = "vorm=kinderen|partners;hulp=melden|signaleren";

// As `element.dataset` names a card's data attributes (infobox/templates/site/_card.html.j2).
const CARDS = {
  meldcode: {
    refs: "3 3A 3B",
    organisations: "Movisie|Augeo",
    themes: "melden",
    type: "online cursus",
    audience: "professionals",
  },
  kindcheck: {
    refs: "3A",
    organisations: "Augeo",
    themes: "melden kinderen",
    type: "training",
    audience: "professionals|gemeenten",
  },
  atlas: {
    refs: "7 7B",
    organisations: "Nederlands Jeugdinstituut",
    themes: "",
    type: "website",
    audience: "gemeenten",
  },
  rapport: { refs: "1", organisations: 'Verwey-Jonker "Instituut"', themes: "", type: "rapport", audience: "" },
  luister: {
    refs: "7B",
    organisations: "Movisie",
    themes: "kinderen",
    type: "podcast",
    audience: "jeugd|professionals",
  },
};
const ids = Object.keys(CARDS);
const entries = ids.map((id) => filters.entryOf(CARDS[id], groups));
const shown = (choice) => ids.filter((_, i) => filters.matches(entries[i], choice));
const choose = (values) => ({ ...filters.everything(), ...values });

// Every value the form offers, "" (all) first, as the build writes the options and checkboxes.
const valuesOf = (key, separator) => [
  "",
  ...new Set(ids.flatMap((id) => CARDS[id][key].split(separator)).filter(Boolean)),
];
const OPTIONS = {
  standard: valuesOf("refs", " "),
  organisation: valuesOf("organisations", "|"),
  vorm: ["kinderen", "partners"],
  hulp: ["melden", "signaleren"],
  type: ["", ...groups.keys(), "online cursus", "website", "rapport"],
  audience: valuesOf("audience", "|").slice(1),
};

test("the groups of 'Soort hulpmiddel' are read from the page's text; a type may be a group of its own", () => {
  assert.deepEqual(
    [...groups],
    [
      ["training", ["training", "online cursus"]],
      ["informatie", ["website", "rapport"]],
      ["podcast", ["podcast"]],
    ],
  );
  assert.deepEqual([...filters.parseTypeGroups("")], []);
  assert.deepEqual([...filters.parseTypeGroups(undefined)], []);
});

test("a card's type stands for itself and its group, so a group finds all its types", () => {
  assert.deepEqual(entries[0].type, ["online cursus", "training"]);
  assert.deepEqual(entries[1].type, ["training"]); // the group of the same name, once
  assert.deepEqual(shown(choose({ type: "training" })), ["meldcode", "kindcheck"]);
  assert.deepEqual(shown(choose({ type: "online cursus" })), ["meldcode"]);
  assert.deepEqual(shown(choose({ type: "informatie" })), ["atlas", "rapport"]);
  assert.deepEqual(shown(choose({ type: "podcast" })), ["luister"]);
});

test("each filter narrows the list; together they must all hold, audiences any of them", () => {
  assert.deepEqual(shown(filters.everything()), ids);
  assert.deepEqual(shown(choose({ standard: "3A" })), ["meldcode", "kindcheck"]);
  assert.deepEqual(shown(choose({ standard: "7" })), ["atlas"]); // a whole standard, not its sub-items' cards
  assert.deepEqual(shown(choose({ organisation: "Movisie" })), ["meldcode", "luister"]);
  assert.deepEqual(shown(choose({ organisation: "Nederlands Jeugdinstituut" })), ["atlas"]);
  assert.deepEqual(shown(choose({ vorm: ["kinderen"] })), ["kindcheck", "luister"]);
  assert.deepEqual(shown(choose({ audience: ["gemeenten", "jeugd"] })), ["kindcheck", "atlas", "luister"]);
  assert.deepEqual(shown(choose({ standard: "3A", organisation: "Movisie" })), ["meldcode"]);
  assert.deepEqual(shown(choose({ standard: "3A", audience: ["gemeenten"] })), ["kindcheck"]);
  assert.deepEqual(shown(choose({ standard: "1", organisation: "Movisie" })), []);
  // A value is a whole value, never part of one.
  assert.deepEqual(shown(choose({ organisation: "Movis" })), []);
  assert.deepEqual(shown(choose({ standard: "3B3" })), []);
});

test("every option counts the cards it would give with the other choices kept", () => {
  const counts = filters.optionCounts(entries, choose({ standard: "3A" }), OPTIONS);
  // Standards: with nothing else chosen, each option's own cards.
  assert.equal(counts.standard.get(""), 5);
  assert.equal(counts.standard.get("7B"), 2);
  // The others: among the 3A cards.
  assert.equal(counts.organisation.get(""), 2);
  assert.equal(counts.organisation.get("Augeo"), 2);
  assert.equal(counts.organisation.get("Movisie"), 1);
  assert.equal(counts.type.get("training"), 2);
  assert.equal(counts.type.get("informatie"), 0);
  assert.equal(counts.audience.get("gemeenten"), 1);
  assert.equal(counts.audience.get("jeugd"), 0);
  // An audience counts on its own, whatever other audiences are ticked.
  const ticked = filters.optionCounts(entries, choose({ audience: ["jeugd"] }), OPTIONS);
  assert.equal(ticked.audience.get("gemeenten"), 2);
  assert.equal(ticked.standard.get("7B"), 1);
  assert.deepEqual([...ticked.vorm.keys()], OPTIONS.vorm);
});

test("when nothing matches, each chosen filter is offered to clear, the one giving most first", () => {
  const choice = choose({ standard: "1", organisation: "Movisie", audience: ["jeugd"] });
  assert.deepEqual(shown(choice), []);
  const offers = filters.loosenings(entries, choice);
  assert.deepEqual(
    offers.map(({ filter, n }) => [filter.name, n]),
    [
      ["standard", 1], // Movisie for jeugd: luister
      ["organisation", 0],
      ["audience", 0],
    ],
  );
  const labelOf = (name, value) => `«${value}»`;
  assert.equal(filters.describe(offers[0].filter, choice, labelOf), "Kwaliteitsstandaard: «1»");
  assert.equal(filters.describe(offers[2].filter, choice, labelOf), "Voor wie: «jeugd»");
  assert.deepEqual(filters.loosenings(entries, filters.everything()), []);
});

test("on paper a filtered list says what it holds and what was chosen", () => {
  const labelOf = (name, value) => (name === "standard" ? `${value}. Melden` : value);
  const choice = choose({ standard: "3A", audience: ["gemeenten", "jeugd"] });
  assert.equal(
    filters.printHeading(1, 67, choice, labelOf),
    "1 hulpmiddel van de 67, gekozen op Kwaliteitsstandaard: 3A. Melden; Voor wie: gemeenten, jeugd",
  );
  assert.equal(filters.printHeading(67, 67, filters.everything(), labelOf), "");
  assert.equal(filters.plural(0), "0 hulpmiddelen");
});

test("the choice in the address: the form's values only, the first of each, every audience in the form's order", () => {
  const read = (query) => filters.choiceFromParams(new URLSearchParams(query), OPTIONS);
  assert.deepEqual(read(""), filters.everything());
  assert.deepEqual(
    read("?standaard=3A&soort=training&voor=professionals&voor=gemeenten&organisatie=Nederlands+Jeugdinstituut"),
    choose({
      standard: "3A",
      type: "training",
      organisation: "Nederlands Jeugdinstituut",
      audience: ["professionals", "gemeenten"],
    }),
  );
  assert.deepEqual(read("?standaard=3A&standaard=7"), choose({ standard: "3A" }));
  // Values the form does not offer, bad escapes and parameters it does not know are no choice.
  assert.deepEqual(
    read("?standaard=99&thema=__proto__&voor=niemand&soort=%ZZ&onbekend=1&hulpmiddel=x"),
    filters.everything(),
  );
  assert.deepEqual(read("?voor=jeugd&voor=&voor=toString"), choose({ audience: ["jeugd"] }));
});

test("the choice written into the address keeps its other parts and reads back", () => {
  const choice = choose({ organisation: 'Verwey-Jonker "Instituut"', audience: ["gemeenten", "jeugd"] });
  const href = filters.withChoice("https://infobox.example/hulpmiddelen/?standaard=1&taal=nl#kindcheck", choice);
  const url = new URL(href);
  assert.equal(url.hash, "#kindcheck");
  assert.equal(url.searchParams.get("taal"), "nl");
  assert.equal(url.searchParams.has("standaard"), false);
  assert.deepEqual(filters.choiceFromParams(url.searchParams, OPTIONS), choice);
  assert.equal(
    filters.withChoice(href, filters.everything()),
    "https://infobox.example/hulpmiddelen/?taal=nl#kindcheck",
  );
});

/* ---------- hulpmiddelen-filter-start.js: the same filter as a stylesheet ---------- */

const START = readFileSync(new URL("../../docs/javascripts/hulpmiddelen-filter-start.js", import.meta.url), "utf8");

// CSS.escape for the values at hand (quotes, spaces, backslashes), and its reading in a selector's string.
const escape = (value) => value.replace(/["\\]/g, "\\$&");
const unescape = (value) => value.replace(/\\(.)/g, "$1");

/** What the script does to a page at `query`: the marks on <html> and the stylesheet it adds. */
function runStart(query) {
  const marks = { classes: [], attributes: {} };
  const sheets = [];
  const document = {
    documentElement: {
      classList: { add: (name) => marks.classes.push(name) },
      setAttribute: (name, value) => (marks.attributes[name] = value),
    },
    currentScript: { dataset: { typeGroups: GROUPS_TEXT, themeFacets: FACETS_TEXT } },
    createElement: (tag) => ({ tag, textContent: "" }),
    head: { appendChild: (node) => sheets.push(node) },
  };
  vm.runInNewContext(START, { document, location: { search: query }, CSS: { escape }, URLSearchParams });
  return { marks, css: sheets.map((sheet) => sheet.textContent).join("\n") };
}

// The cards the stylesheet leaves drawn: a rule hides a card that matches none of its selectors. Each
// selector is one attribute test, as the script writes them.
function drawn(css) {
  const rules = css.split("\n").filter(Boolean);
  return ids.filter((id) =>
    rules.every((rule) => {
      assert.match(rule, /^\[data-ib-prefilter\] #ib-resource-list > \.ib-card:not\(:is\(.*\)\) \{ display: none; \}$/);
      const tests = [...rule.matchAll(/\[data-([a-z]+)(~=|\^=|\$=|\*=|=)"((?:\\.|[^"\\])*)"\]/g)];
      assert.ok(tests.length > 0, rule);
      return tests.some(([, key, op, quoted]) => {
        const attribute = CARDS[id][key] ?? "";
        const value = unescape(quoted);
        if (op === "=") return attribute === value;
        if (op === "~=") return attribute.split(" ").includes(value);
        if (op === "^=") return attribute.startsWith(value);
        if (op === "$=") return attribute.endsWith(value);
        return attribute.includes(value);
      });
    }),
  );
}

test("the address's filter is a stylesheet that draws the cards the filters show", () => {
  const queries = [
    "?standaard=3A",
    "?standaard=7",
    "?organisatie=Movisie",
    "?organisatie=Nederlands%20Jeugdinstituut",
    `?organisatie=${encodeURIComponent('Verwey-Jonker "Instituut"')}`,
    "?thema=kinderen",
    "?thema=melden&thema=signaleren", // any kind of help chosen
    "?thema=kinderen&thema=melden", // a form of violence and a kind of help: both
    "?soort=training",
    "?soort=informatie",
    "?soort=online+cursus",
    "?soort=podcast",
    "?voor=gemeenten&voor=jeugd",
    "?voor=professionals&thema=melden&standaard=3B",
    "?standaard=7B&organisatie=Movisie&soort=podcast&voor=jeugd",
    "?standaard=1&organisatie=Movisie",
    "?standaard=3A&standaard=7", // the first value, as the form reads it
  ];
  for (const query of queries) {
    const choice = filters.choiceFromParams(new URLSearchParams(query), OPTIONS);
    assert.notDeepEqual(choice, filters.everything(), query);
    const { marks, css } = runStart(query);
    assert.deepEqual(marks, { classes: ["ib-filters-js"], attributes: { "data-ib-prefilter": "" } }, query);
    assert.equal(css.split("\n").length, filters.chosenFilters(choice).length, query);
    assert.deepEqual(drawn(css), shown(choice), query);
  }
});

test("without a filter in the address the script only shows the form", () => {
  for (const query of ["", "?hulpmiddel=kindcheck", "?standaard=&voor=", "?onbekend=1"]) {
    const { marks, css } = runStart(query);
    assert.deepEqual(marks, { classes: ["ib-filters-js"], attributes: {} }, query);
    assert.equal(css, "", query);
  }
});

test("the phone's Filters button counts every chosen value, each audience on its own", () => {
  assert.equal(filters.activeCount(filters.everything()), 0);
  const choice = { ...filters.everything(), standard: "3A", type: "training", audience: ["jeugd", "ouders"] };
  assert.equal(filters.activeCount(choice), 4);
});

test("themes are two facets: any theme within one, every facet chosen must hold, all in repeated thema=", () => {
  assert.deepEqual(shown(choose({ hulp: ["melden"] })), ["meldcode", "kindcheck"]);
  assert.deepEqual(shown(choose({ vorm: ["kinderen"] })), ["kindcheck", "luister"]);
  assert.deepEqual(shown(choose({ vorm: ["kinderen", "partners"], hulp: ["melden"] })), ["kindcheck"]);
  const read = (query) => filters.choiceFromParams(new URLSearchParams(query), OPTIONS);
  const choice = read("?thema=melden&thema=kinderen&thema=signaleren&thema=onbekend");
  assert.deepEqual(choice, choose({ vorm: ["kinderen"], hulp: ["melden", "signaleren"] }));
  const url = new URL(filters.withChoice("https://infobox.example/hulpmiddelen/?thema=partners", choice));
  assert.deepEqual(url.searchParams.getAll("thema"), ["kinderen", "melden", "signaleren"]);
  // Each facet's counts keep the other facet's choice: "melden" with "kinderen" chosen gives 1.
  const counts = filters.optionCounts(entries, choose({ vorm: ["kinderen"] }), OPTIONS);
  assert.equal(counts.hulp.get("melden"), 1);
  assert.equal(counts.vorm.get("kinderen"), 2); // its own facet ignores its own choice
  assert.equal(
    filters.describe(filters.FILTERS[2], choice, (name, value) => value.toUpperCase()),
    "Vorm van geweld: KINDEREN",
  );
});
