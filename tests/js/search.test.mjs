// Unit tests of the site search's engine (docs/javascripts/search-engine.js), run with `node --test`.
// The documents are made up here; each test names the behaviour a reader relies on.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import {
  ENOUGH_FULL,
  MAX_QUERY,
  MAX_RESULTS,
  SearchIndex,
  editDistance,
  oneEditAway,
} from "../../docs/javascripts/search-engine.js";

const doc = (url, title, text, extra = {}) => ({ url, title, meta: "", text, ...extra });
const index = new SearchIndex({
  version: 2,
  docs: [
    doc("r/#cursus", "Online cursus meldcode", "Een training voor wijkteams.", { resource: 1 }),
    doc("r/#gezin", "Plan voor het gezin", "Hulp bij multi-probleem gezinnen.", { keywords: "multi probleem" }),
    doc("p/#meldcode", "Over de meldcode", "De meldcode en een training.", {}),
    doc("r/#client", "Cliënt centraal", "Praten met de cliënt.", { resource: 1 }),
    doc("r/#handreiking", "Handreiking praten met kinderen", "Hoe praat je met een kind.", { resource: 1 }),
    doc("p/#hoe", "Hoe en wat", "Ik moet het doen.", {}),
  ],
});
const urlsOf = (found, docs = found.docs) => docs.map((d) => found.index.docs[d].url);
const answer = (query, on = index) => ({ ...on.search(query), index: on });
const urls = (query, on = index) => urlsOf(answer(query, on));

test("a plural finds the singular, and a word is also a prefix", () => {
  assert.ok(urls("trainingen").includes("r/#cursus"));
  assert.deepEqual(urls("handr"), ["r/#handreiking"]);
});

test("results matching more typed words come first, resources before pages among equals", () => {
  assert.deepEqual(urls("meldcode training").slice(0, 2), ["r/#cursus", "p/#meldcode"]);
});

test("stop words of a question do not decide", () => {
  assert.equal(urls("hoe praat ik met een kind")[0], "r/#handreiking");
  assert.ok(!urls("hoe praat ik met een kind").includes("p/#hoe"));
  assert.deepEqual(urls("hoe"), ["r/#handreiking", "p/#hoe"]); // nothing but stop words: they count
});

test("a typo of one edit finds the word from five letters on", () => {
  assert.ok(urls("meldkode").includes("r/#cursus"));
  assert.deepEqual(urls("plam"), []); // four letters: no guessing
  assert.ok(oneEditAway("meldcode", "meldocde")); // swapped neighbours
  assert.ok(!oneEditAway("meldcode", "meldcode"));
});

test("an unknown compound is split into known parts", () => {
  assert.equal(urls("multiprobleemgezinnen")[0], "r/#gezin");
});

test("accents are folded and short words match whole words only", () => {
  assert.ok(urls("client").includes("r/#client"));
  assert.deepEqual(urls("x"), []);
  assert.deepEqual(urls("xylofoon"), []);
});

test("a query answers at most MAX_RESULTS documents", () => {
  const many = new SearchIndex({ docs: Array.from({ length: MAX_RESULTS + 50 }, (_, i) => doc(`d${i}`, "gezin", "")) });
  assert.equal(many.search("gezin").docs.length, MAX_RESULTS);
  assert.deepEqual(many.search("gezin").found.full, [0, MAX_RESULTS + 50]); // counted, all of them
});

// Word forms (data/word-forms.yaml): Snowball stems "ouders" (parents) and "ouderen" (older people) alike.
const families = new SearchIndex({
  forms: [["ouder", "ouders"], ["oudere", "ouderen"], ["kind", "kinderen"], ["school", "scholen"], ["signs"]],
  docs: [
    doc("r/#ouders", "Praten met ouders", "Een gesprek met een ouder.", { resource: 1 }),
    doc("r/#ouderen", "Aanpak ouderenmishandeling", "Mishandeling van ouderen.", { resource: 1 }),
    doc("r/#oudere", "Een oudere helpen", "Signalen bij een oudere.", { resource: 1 }),
    doc("r/#schap", "Ouderschap", "Over ouderschap.", { resource: 1 }),
    doc("r/#kind", "Een kind", "Wat een kind nodig heeft.", { resource: 1 }),
    doc("r/#school", "Op school", "Veiligheid op scholen.", { resource: 1 }),
    doc("r/#scholing", "Scholing", "Een scholing voor teams.", { resource: 1 }),
    doc("r/#signs", "Signs of Safety", "Een methode.", { resource: 1 }),
    doc("r/#signalen", "Signalen", "Signalen herkennen.", { resource: 1 }),
  ],
});
const found = (query) => new Set(urls(query, families));

test("word forms keep apart what the stemmer joins: parents are not older people", () => {
  for (const query of ["ouders", "ouder", "praten met ouders"]) {
    assert.ok(found(query).has("r/#ouders"), query);
    assert.ok(!found(query).has("r/#ouderen") && !found(query).has("r/#oudere"), query);
  }
  assert.ok(found("ouders").has("r/#schap")); // a word beginning with a form of the group
  for (const query of ["ouderen", "oudere"]) {
    assert.deepEqual(found(query), new Set(["r/#ouderen", "r/#oudere"]), query);
  }
  // A word of no group still finds all that begins with it as typed.
  assert.deepEqual(found("oud"), new Set(["r/#ouders", "r/#ouderen", "r/#oudere", "r/#schap"]));
});

test("word forms join what the stemmer keeps apart, and keep a word whole", () => {
  assert.ok(found("kinderen").has("r/#kind"));
  assert.ok(found("scholen").has("r/#school") && !found("scholen").has("r/#scholing"));
  assert.ok(!found("scholing").has("r/#school")); // its stem "schol" is not the group's "school"
  assert.deepEqual(found("signs"), new Set(["r/#signs"]));
});

test("without word forms the stemmer mixes parents and older people (the case the forms are for)", () => {
  const plain = new SearchIndex({ docs: families.docs });
  assert.ok(urls("ouders", plain).includes("r/#ouderen"));
});

// Precision: results matching every word first, the rest after, none of the rest when enough match all.
const precise = new SearchIndex({
  docs: [
    doc("r/#beide", "Meldcode en training", "", { resource: 1 }),
    doc("p/#beide", "Meldcode training", ""),
    ...Array.from({ length: 5 }, (_, i) => doc(`r/#meld${i}`, "Meldcode", "", { resource: 1 })),
    doc("p/#training", "Training", ""),
    ...Array.from({ length: ENOUGH_FULL }, (_, i) => doc(`r/#veel${i}`, "Gezin plan", "", { resource: 1 })),
    doc("r/#gezin", "Gezin", "", { resource: 1 }),
  ],
});

test("results matching every word come first, counted apart from those matching some", () => {
  const result = answer("meldcode training", precise);
  assert.equal(result.full, 2);
  assert.deepEqual(urlsOf(result).slice(0, 2), ["r/#beide", "p/#beide"]);
  assert.deepEqual(result.found, { full: [1, 1], partial: [5, 1] });
  assert.equal(result.docs.length, 8);
});

test("results matching only some words are left out when enough match every word", () => {
  const result = answer("gezin plan", precise);
  assert.equal(result.full, ENOUGH_FULL);
  assert.ok(!urlsOf(result).includes("r/#gezin"));
  assert.deepEqual(result.found.partial, [0, 0]);
});

test("a word that matches nothing leaves every result partial; a half-typed last letter does not", () => {
  assert.equal(precise.search("meldcode xylofoon").full, 0);
  assert.ok(precise.search("meldcode xylofoon").docs.length > 0);
  assert.equal(precise.search("meldcode t").full, precise.search("meldcode").full);
});

test("a query that finds nothing gets the nearest known words", () => {
  assert.equal(index.search("mledcoed trianign").docs.length, 0);
  assert.equal(index.suggest("mledcoed trianign"), "meldcode training");
  assert.equal(index.suggest("hoe praaat ik"), "praat");
  assert.equal(index.suggest("xylofoon"), null);
  assert.equal(editDistance("meldcoed", "meldcode", 2), 1); // swapped neighbours are one edit
  assert.equal(editDistance("abc", "xyzuvw", 2), 3); // more than the maximum
});

test("a query is cut at MAX_QUERY characters, the length of the dialog's field", () => {
  const partial = readFileSync(new URL("../../overrides/partials/search.html", import.meta.url), "utf8");
  assert.match(partial, new RegExp(`maxlength="${MAX_QUERY}"`));
  const padded = `${"x ".repeat(MAX_QUERY / 2)}meldcode`;
  assert.deepEqual(index.search(padded).docs, []);
});

// Work is bounded: the engine counts its steps (terms and postings visited, compound heads tried, words
// compared). A query of n characters costs at most n times what one character can cost against the index,
// whatever its words: splitting a word into known parts must not try every way to cut it.
const parts = ["tips", "stip", "een", "meld", "code", "ouder", "en", "s", "kind", "zorg", "x", "3"];

// An index whose step counter stops a query as soon as it spends more than its budget: an exponential split
// fails at once instead of running for hours.
class Counted extends SearchIndex {
  get steps() {
    return this.spent;
  }
  set steps(value) {
    if (value > this.budget) throw new Error(`more than ${this.budget} steps`);
    this.spent = value;
  }
}
const hard = new Counted({
  forms: [
    ["ouder", "ouders"],
    ["oudere", "ouderen"],
  ],
  docs: [
    doc("r/#a", "Tips en een stip", "Meldcode en zorg voor ouders en ouderen.", { resource: 1 }),
    doc("r/#b", "Een kind", "Tipsen stips eenen codes, kindzorg.", { resource: 1 }),
    doc("p/#c", "Zorg", "Meldcodes tips 3 ouder oudere stip.", {}),
  ],
});

// What one character of a query can cost: every term and stem looked at (prefixes, the typo pass), every
// posting, the compound heads it starts, and its share of the edits tables of a suggestion.
const perCharacter = (on) => {
  const postings = on.postings.reduce((sum, p) => sum + p.docs.length, 0);
  const longest = Math.max(...on.terms.map((t) => t.length));
  return 4 * (on.terms.length + on.stems.length + postings + on.longestHead) + on.terms.length * (longest + 8);
};
// The most steps a query may take: linear in its length (up to MAX_QUERY), plus ranking the documents.
const bound = (query, on = hard) => Math.min(query.length, MAX_QUERY) * perCharacter(on) + on.docs.length;

const stepsOf = (query, on = hard) => {
  on.budget = bound(query, on);
  on.steps = 0;
  on.search(query);
  on.suggest(query);
  return on.steps;
};

test("a long word of repeated known parts costs steps linear in its length", () => {
  for (const word of ["tips", "een", "meldcode", "ouderen"]) {
    const query = word.repeat(MAX_QUERY).slice(0, MAX_QUERY - 1) + "q";
    assert.ok(stepsOf(query) > 0);
    assert.ok(stepsOf(query) <= bound(query), word);
  }
});

test("property: random long queries take steps at most linear in their length", () => {
  const mixed = fc.array(fc.constantFrom(...parts), { minLength: 1, maxLength: 60 }).map((p) => p.join(""));
  const repeated = fc
    .tuple(fc.constantFrom(...parts), fc.integer({ min: 1, max: 70 }), fc.constantFrom("", "x", "q3"))
    .map(([part, times, end]) => part.repeat(times) + end);
  const word = fc.oneof(mixed, repeated);
  const query = fc.array(word, { minLength: 1, maxLength: 8 }).map((w) => w.join(" ").slice(0, MAX_QUERY + 20));
  fc.assert(
    fc.property(query, (q) => stepsOf(q) <= bound(q)),
    { numRuns: 300 },
  );
});
