// Unit tests of the site search's engine (docs/javascripts/search-engine.js), run with `node --test`.
// The documents are made up here; each test names the behaviour a reader relies on.
import { test } from "node:test";
import assert from "node:assert/strict";
import { MAX_RESULTS, SearchIndex, oneEditAway } from "../../docs/javascripts/search-engine.js";

const doc = (url, title, text, extra = {}) => ({ url, title, meta: "", text, ...extra });
const index = new SearchIndex({
  version: 1,
  docs: [
    doc("r/#cursus", "Online cursus meldcode", "Een training voor wijkteams.", { resource: 1 }),
    doc("r/#gezin", "Plan voor het gezin", "Hulp bij multi-probleem gezinnen.", { keywords: "multi probleem" }),
    doc("p/#meldcode", "Over de meldcode", "De meldcode en een training.", {}),
    doc("r/#client", "Cliënt centraal", "Praten met de cliënt.", { resource: 1 }),
    doc("r/#handreiking", "Handreiking praten met kinderen", "Hoe praat je met een kind.", { resource: 1 }),
    doc("p/#hoe", "Hoe en wat", "Ik moet het doen.", {}),
  ],
});
const urls = (query) => index.search(query).map((d) => index.docs[d].url);

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
  assert.equal(many.search("gezin").length, MAX_RESULTS);
});
