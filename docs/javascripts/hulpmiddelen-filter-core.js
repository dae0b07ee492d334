// The A–Z list's filters (/hulpmiddelen/), without the page: which cards a choice shows, how many each
// option would give, what the empty state offers to loosen, and the choice in the address. No DOM here:
// hulpmiddelen-filter.js reads the page and draws; node's test runner imports this as it is.
//
// A card is an entry of values per filter, read from its data attributes (entryOf). A choice is a value per
// filter: an option's value, "" for all; for the checkbox filters ("Vorm van geweld", "Soort hulp", "Voor
// wie") a list, any of which will do. Between filters every one must hold: the two theme facets combine as
// "(this form or that) and (this kind of help or that)".

// Form control name -> URL parameter and the label used in the empty-state hint and on paper.
// hulpmiddelen-filter-start.js names the same parameters (it must run before this module can).
export const FILTERS = [
  { name: "standard", param: "standaard", label: "Kwaliteitsstandaard" },
  { name: "organisation", param: "organisatie", label: "Organisatie" },
  // The themes as two facets, both in `thema=` (a theme key belongs to one facet: the form's values tell).
  { name: "vorm", param: "thema", label: "Vorm van geweld" },
  { name: "hulp", param: "thema", label: "Soort hulp" },
  { name: "type", param: "soort", label: "Soort hulpmiddel" },
  { name: "audience", param: "voor", label: "Voor wie" },
];

// The filters whose choice is a list (checkboxes); the others are one option each.
const MANY = new Set(["vorm", "hulp", "audience"]);

/** Whether the filter named `name` is chosen as a list (checkboxes). */
export function isMany(name) {
  return MANY.has(name);
}

/** No filter chosen. */
export function everything() {
  return { standard: "", organisation: "", vorm: [], hulp: [], type: "", audience: [] };
}

/**
 * The groups of "Soort hulpmiddel" as the page gives them ("group=type|type;..."): a Map of each group to
 * its types. A key without "=" is a type that is a group of its own.
 */
export function parseTypeGroups(text) {
  const groups = new Map();
  for (const pair of (text || "").split(";")) {
    if (!pair) continue;
    const [key, members] = pair.split("=");
    groups.set(key, members ? members.split("|") : [key]);
  }
  return groups;
}

/**
 * A card's values per filter, from its data attributes (as `element.dataset` names them): standards and
 * themes with spaces between, organisations and audiences with "|". Its type stands for itself and for each
 * group holding it, so choosing a group ("training") finds its types ("online cursus").
 */
export function entryOf(data, typeGroups) {
  const words = (text, separator) => (text ? text.split(separator) : []);
  const type = data.type || "";
  const groups = [...typeGroups].filter(([key, members]) => key !== type && members.includes(type));
  return {
    standard: words(data.refs, " "),
    organisation: words(data.organisations, "|"),
    vorm: words(data.themes, " "),
    hulp: words(data.themes, " "),
    type: [type, ...groups.map(([key]) => key)],
    audience: words(data.audience, "|"),
  };
}

/** Whether a filter's choice is made: an option other than "all", or at least one audience. */
export function isChosen(value) {
  return Boolean(value && value.length);
}

/** How many values are chosen (each audience counts): what the phone's "Filters" button shows. */
export function activeCount(choice) {
  return FILTERS.reduce((n, f) => {
    const value = choice[f.name];
    return n + (Array.isArray(value) ? value.length : isChosen(value) ? 1 : 0);
  }, 0);
}

/** The filters chosen in `choice`, in the form's order. */
export function chosenFilters(choice) {
  return FILTERS.filter((f) => isChosen(choice[f.name]));
}

/** Whether `entry` passes the filter `name` set to `value` ("" or [] passes every entry). */
export function passes(entry, name, value) {
  if (!isChosen(value)) return true;
  if (MANY.has(name)) return value.some((a) => entry[name].includes(a));
  return entry[name].includes(value);
}

/** The filters in `choice` an entry does not pass. */
function failed(entry, choice) {
  return FILTERS.filter((f) => !passes(entry, f.name, choice[f.name]));
}

/** Whether `entry` passes every filter in `choice`. */
export function matches(entry, choice) {
  return failed(entry, choice).length === 0;
}

/** The entries that pass every filter in `choice` except perhaps the one named `skip`. */
function passingBut(entries, choice, skip) {
  return entries.filter((entry) => {
    const fails = failed(entry, choice);
    return fails.length === 0 || (fails.length === 1 && fails[0].name === skip);
  });
}

/**
 * Per filter, per option value (`options`: {name: [value, ...]}), how many entries pass every filter of
 * `choice` once that filter is that option, the other choices kept: the count each option shows. An
 * audience counts on its own ([value]).
 */
export function optionCounts(entries, choice, options) {
  const counts = {};
  for (const f of FILTERS) {
    const pool = passingBut(entries, choice, f.name);
    counts[f.name] = new Map(
      (options[f.name] || []).map((value) => {
        const chosen = MANY.has(f.name) ? [value] : value;
        return [value, pool.filter((entry) => passes(entry, f.name, chosen)).length];
      }),
    );
  }
  return counts;
}

/**
 * When nothing passes: each chosen filter with how many entries clearing it alone would give, most first
 * (the empty state's buttons).
 */
export function loosenings(entries, choice) {
  return chosenFilters(choice)
    .map((filter) => ({ filter, n: passingBut(entries, choice, filter.name).length }))
    .sort((a, b) => b.n - a.n);
}

/**
 * The choice an address's parameters hold (URLSearchParams): per filter the first value of its parameter,
 * for a checkbox filter every value it offers, in the form's order; a value that is none of the form's `options`
 * ({name: [value, ...]}) is no choice.
 */
export function choiceFromParams(params, options) {
  const choice = everything();
  for (const f of FILTERS) {
    const known = options[f.name] || [];
    if (MANY.has(f.name)) {
      const wanted = new Set(params.getAll(f.param));
      choice[f.name] = known.filter((value) => wanted.has(value));
    } else {
      const value = params.get(f.param) || "";
      if (known.includes(value)) choice[f.name] = value;
    }
  }
  return choice;
}

/** `href` with `choice` in it; its other parameters and its fragment are kept. */
export function withChoice(href, choice) {
  const url = new URL(href);
  for (const f of FILTERS) url.searchParams.delete(f.param); // first: the two theme facets share `thema`
  for (const f of FILTERS) {
    if (MANY.has(f.name)) for (const a of choice[f.name]) url.searchParams.append(f.param, a);
    else if (choice[f.name]) url.searchParams.set(f.param, choice[f.name]);
  }
  return url.href;
}

export function plural(n) {
  return n === 1 ? "1 hulpmiddel" : n + " hulpmiddelen";
}

/** "Organisatie: Movisie": a chosen filter as the page names it; `labelOf(name, value)` is an option's text. */
export function describe(filter, choice, labelOf) {
  const value = choice[filter.name];
  const values = MANY.has(filter.name) ? value : [value];
  return filter.label + ": " + values.map((v) => labelOf(filter.name, v)).join(", ");
}

/** What heads a filtered list on paper ("" unfiltered: the page's own title says it). */
export function printHeading(shown, total, choice, labelOf) {
  const chosen = chosenFilters(choice);
  if (!chosen.length) return "";
  const described = chosen.map((f) => describe(f, choice, labelOf)).join("; ");
  return plural(shown) + " van de " + total + ", gekozen op " + described;
}
