/*
 * The site search's engine: an inverted index of Dutch stems over the search data that
 * infobox/site/search_index.py writes at build time (search/index.json), and the ranking of a typed query.
 * Pure - no DOM, no worker API: search-worker.js runs it in the browser, tests/js/search.test.mjs in node.
 *
 * Why an index of our own: Material's lunr spent most of a keystroke building MatchData per (term, field,
 * document) - p95 79.8 ms at 10,000 resources in the 32-word worst case - and MiniSearch 7.2 measured
 * p95 ~200 ms on the same corpus (a BM25 object per document per term). Here each term keeps two typed arrays
 * (documents, weights) and a query is a few linear passes over them (benchmarks/bench_search.py).
 *
 * What it does with a typed query:
 * - Words are folded (lower case, no accents: "client" finds "cliënt") and stemmed with the Snowball Dutch
 *   stemmer (vendor/snowball-nl.js, from npm @orama/stemmers), plus three normalisations after Snowball
 *   ("gezinn" -> "gezin", final v/z -> f/s, plural "-es"). Every word is also a prefix: "handreik" finds
 *   "handreikingen", and the word as typed may prefix a longer word its stem does not ("verslaving" of
 *   "verslavingsproblemen").
 * - The editors' word forms (data/word-forms.yaml, in the search data as `forms`) overrule the stemmer: the
 *   forms of one group share a stem of their own, and a word of a group finds no word that begins with
 *   another group's word ("ouders" never finds "ouderen" nor "ouderenmishandeling"; WordForms).
 * - Stop words ("hoe", "wat moet ik doen bij") are dropped, unless they are all there is or the last, maybe
 *   half-typed word; words under 3 characters match whole words only ("e" would match half the index).
 * - A word the index does not know gets help: letter/digit runs ("top3" -> "top", "3"), known parts of a
 *   compound ("multiprobleemgezinnen" -> "multi", "probleem", "gezinnen") and, from 5 letters on, words one
 *   edit away ("meldkode" -> "meldcode"). Compound parts, letter/digit runs and synonyms of the texts are in
 *   their `keywords` (made at build time). A query that finds nothing gets the nearest known words as a
 *   suggestion (`suggest`).
 * - Results that match every word come first ("full"); those matching only some follow, or are left out
 *   when there are ENOUGH_FULL full ones. Among equals resources (their card) before pages, then by score:
 *   per typed word the best of its matching terms, weighted by field (title, meta, text, keywords), length
 *   of the field and rarity of the term.
 * - Work is bounded: a query is cut at MAX_QUERY characters and the compound split of a word solves each of
 *   its tails once. `steps` counts the work done (terms and postings visited, compound heads tried, words
 *   compared), so tests can bound it without timing anything.
 */
import { stemmer as snowball } from "./vendor/snowball-nl.js";

// Field weights: a word in a title says more than the same word in a long text.
const FIELDS = [
  ["title", 8],
  ["meta", 3],
  ["text", 1],
  ["keywords", 1],
];
const LENGTH_NORM = 0.5; // 0: field length does not matter; 1: weight falls in proportion to length
const PREFIX_MATCH = 0.8; // a term the typed word only begins counts less than the word itself
const HELP_MATCH = 0.5; // compound parts and one-edit typos: a guess at what was meant
const MIN_PREFIX = 3;
const MIN_TYPO_LENGTH = 5;
const MIN_PART = 3;
// How many letters Snowball and afterSnowball may take off a word (suffixes, linking -s-/-en-): a compound
// head longer than the longest stem by more than this cannot be a known word.
const STEM_SLACK = 22;
const MAX_WORDS = 30; // typed words counted per query: one bit each in a coverage mask
const STEM_CACHE = 50000; // stems remembered across queries
export const MAX_RESULTS = 100; // more than anyone scrolls through
export const MAX_QUERY = 200; // characters of a query searched; the dialog's field has the same maxlength
export const ENOUGH_FULL = 10; // full matches that make those of only some of the words unnecessary

// Snowball's Dutch stop words, and words of a question that never carry its need ("hoe vind ik ...").
const STOP_WORDS = new Set(
  (
    "aan al alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door dus een eens en er ge " +
    "geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand iets ik in is ja je kan kon kunnen " +
    "maar me meer men met mij mijn moet na naar niet niets nog nu of om omdat onder ons ook op over reeds te tegen " +
    "toch toen tot u uit uw van veel voor want waren was wat werd wezen wie wil worden wordt zal ze zelf zich zij " +
    "zijn zo zonder zou " +
    "doe ga gaan hoeveel jullie kun kunt mag moeten onze vind vinden waar waarom wanneer we weet weten welk welke wij " +
    "zoek zoeken"
  ).split(" "),
);

const WORD = /[\p{L}\p{N}]+/gu;
export const fold = (text) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
export const words = (text) => fold(text).match(WORD) || [];

const afterSnowball = (stem) => {
  let s = stem.replace(/([bdfgklmnprst])\1$/, "$1"); // gezinn -> gezin
  s = s.replace(/v$/, "f").replace(/z$/, "s"); // traumasensitiev -> traumasensitief
  if (s.length > 5 && s.endsWith("es")) s = s.slice(0, -2); // meldcodes -> meldcod
  return s;
};
const stems = new Map();
export const stem = (word) => {
  let s = stems.get(word);
  if (s === undefined) {
    s = /\d/.test(word) ? word : afterSnowball(snowball(word));
    if (stems.size >= STEM_CACHE) stems.clear(); // the heads of long unknown words must not pile up
    stems.set(word, s);
  }
  return s;
};

/*
 * The editors' exceptions to the stemmer (data/word-forms.yaml): groups of forms of one word. The forms of a
 * group share one stem, the group's first form, so they find each other ("kinderen" finds "kind") and no
 * other word that Snowball stems alike ("ouders" and "ouderen" are both "ouder" to it):
 * - a form of a group finds no word that begins with another group's form (the longest form that begins a
 *   word decides its group): "ouders" finds "ouderschap", not "ouderenmishandeling";
 * - a word of no group finds a form of a group through its stem only when its stem is the group's, and else
 *   only by beginning it as typed: "oud" finds "ouders" and "ouderen", "herkenbaar" (stem "herken") finds
 *   "herkennen" (group "herken"), "scholing" (stem "schol") does not find "scholen" (group "school").
 */
export class WordForms {
  constructor(groups = []) {
    this.groups = new Map(); // folded form -> group number
    this.keys = []; // group number -> its stem
    this.longest = 0;
    groups.forEach((forms, g) => {
      const folded = forms.map(fold);
      this.keys.push(folded[0]);
      for (const form of folded) {
        this.groups.set(form, g);
        this.longest = Math.max(this.longest, form.length);
      }
    });
  }

  stem(word) {
    const g = this.groups.get(word);
    return g === undefined ? stem(word) : this.keys[g];
  }

  groupOf(word) {
    const g = this.groups.get(word);
    return g === undefined ? -1 : g;
  }

  // The group of the longest form that begins `word`, or -1.
  groupBeginning(word) {
    for (let n = Math.min(this.longest, word.length); n > 0; n--) {
      const g = this.groups.get(word.slice(0, n));
      if (g !== undefined) return g;
    }
    return -1;
  }
}

// One edit (insert, delete, substitute, swap of neighbours) between a and b?
export const oneEditAway = (a, b) => {
  if (Math.abs(a.length - b.length) > 1 || a === b) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const [ra, rb] = [a.slice(i), b.slice(i)];
  return (
    ra.slice(1) === rb.slice(1) ||
    ra === rb.slice(1) ||
    ra.slice(1) === rb ||
    (ra[0] === rb[1] && ra[1] === rb[0] && ra.slice(2) === rb.slice(2))
  );
};

// Edits (insert, delete, substitute, swap of neighbours) from a to b, or max + 1 when there are more than max;
// cells: called with the number of table cells filled, the work done.
export const editDistance = (a, b, max, cells = () => {}) => {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let least = i;
    for (let j = 1; j <= b.length; j++) {
      let d = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
      row.push(d);
      least = Math.min(least, d);
    }
    cells(b.length);
    if (least > max) return max + 1;
    [before, previous] = [previous, row];
  }
  return previous[b.length];
};

// First index in the sorted `list` whose entry is >= key.
const lowerBound = (list, key) => {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (list[mid] < key) low = mid + 1;
    else high = mid;
  }
  return low;
};

const bitCount = (mask) => {
  let count = 0;
  for (let m = mask; m; m &= m - 1) count++;
  return count;
};

export class SearchIndex {
  constructor(data) {
    this.docs = data.docs;
    this.forms = new WordForms(data.forms);
    this.steps = 0; // work done by queries so far (see the top of this file)
    const n = this.docs.length;
    const ids = new Map(); // word -> term id
    const postings = []; // term id -> [doc, weight, doc, weight, ...] in document order
    const average = FIELDS.map(([field]) => this.docs.reduce((sum, doc) => sum + words(doc[field] || "").length, 0));
    this.docs.forEach((doc, d) => {
      FIELDS.forEach(([field, weight], f) => {
        const own = words(doc[field] || "");
        if (!own.length) return;
        const norm = weight / (1 - LENGTH_NORM + (LENGTH_NORM * own.length * n) / average[f]);
        for (const word of new Set(own)) {
          let id = ids.get(word);
          if (id === undefined) {
            id = postings.length;
            ids.set(word, id);
            postings.push([]);
          }
          const list = postings[id];
          if (list[list.length - 2] === d) list[list.length - 1] += norm;
          else list.push(d, norm);
        }
      });
    });
    // Terms sorted, for prefix look-ups; each with its documents, weights, rarity, stem and word-form group.
    this.terms = [...ids.keys()].sort();
    this.postings = this.terms.map((term) => {
      const list = postings[ids.get(term)];
      const docs = new Int32Array(list.length / 2);
      const weights = new Float32Array(list.length / 2);
      for (let i = 0; i < docs.length; i++) [docs[i], weights[i]] = [list[2 * i], list[2 * i + 1]];
      return { docs, weights, idf: Math.log(1 + n / docs.length) };
    });
    this.termStems = this.terms.map((term) => this.forms.stem(term));
    this.termGroups = Int32Array.from(this.terms, (term) => this.forms.groupBeginning(term));
    this.termForms = Int32Array.from(this.terms, (term) => this.forms.groupOf(term));
    this.byStem = new Map(); // stem -> term ids
    this.termStems.forEach((s, id) => {
      if (!this.byStem.has(s)) this.byStem.set(s, []);
      this.byStem.get(s).push(id);
    });
    this.stems = [...this.byStem.keys()].sort();
    // The longest compound head worth a look-up: the longest stem and what Snowball can take off, or a form.
    this.longestHead = Math.max(this.forms.longest, STEM_SLACK + Math.max(0, ...this.stems.map((s) => s.length)));
    // Scratch space of a query, reused: a large catalogue answers every keystroke without allocating per document.
    this.query = 0;
    this.group = 0;
    this.inQuery = new Int32Array(n);
    this.inGroup = new Int32Array(n);
    this.best = new Float64Array(n);
    this.score = new Float64Array(n);
    this.mask = new Uint32Array(n);
    this.rank = new Uint8Array(n);
  }

  // Term ids of the terms starting with `prefix`.
  termsStartingWith(prefix) {
    const found = [];
    for (let i = lowerBound(this.terms, prefix); i < this.terms.length && this.terms[i].startsWith(prefix); i++)
      found.push(i);
    this.steps += found.length + 1;
    return found;
  }

  // Term ids of the terms whose stem starts with `prefix`.
  termsWithStemStartingWith(prefix) {
    const found = [];
    for (let i = lowerBound(this.stems, prefix); i < this.stems.length && this.stems[i].startsWith(prefix); i++)
      found.push(...this.byStem.get(this.stems[i]));
    this.steps += found.length + 1;
    return found;
  }

  known(word) {
    const prefix = this.forms.stem(word);
    const at = lowerBound(this.stems, prefix);
    return at < this.stems.length && this.stems[at].startsWith(prefix);
  }

  // Known parts of an unknown compound, left to right, each allowed a linking -s-/-en-; null if none.
  // Each tail of the word is solved once (`solved`) and a head is never longer than a known word can be, so
  // the heads tried are at most the word's length times longestHead: without it a word of a repeated known
  // part ("tipstipstips…") tried every way of cutting it, twice the work per part.
  knownParts(word) {
    const solved = new Map(); // start of a tail -> its parts, or null
    const partsFrom = (start) => {
      if (solved.has(start)) return solved.get(start);
      const rest = word.slice(start);
      let parts = null;
      if (this.known(rest)) parts = [rest];
      for (let cut = Math.min(rest.length - MIN_PART, this.longestHead); !parts && cut >= MIN_PART; cut--) {
        this.steps++;
        const head = rest.slice(0, cut);
        const heads = [head, head.replace(/(s|en)$/, "")];
        if (!heads.some((h) => h.length >= MIN_PART && this.byStem.has(this.forms.stem(h)))) continue;
        const tail = partsFrom(start + cut);
        if (tail) parts = [head, ...tail];
      }
      solved.set(start, parts);
      return parts;
    };
    return partsFrom(0);
  }

  // Which terms `word` may find (see WordForms), through its stem or as typed: a test of a term id.
  allowedFor(word, throughStem = true) {
    const g = this.forms.groupOf(word);
    if (g >= 0) return (id) => this.termGroups[id] < 0 || this.termGroups[id] === g;
    if (!throughStem) return () => true;
    const s = this.forms.stem(word);
    return (id) => this.termForms[id] < 0 || this.forms.keys[this.termForms[id]] === s;
  }

  // The terms one typed word (of at least MIN_PREFIX characters) finds as it is: [by its stem, by beginning
  // them as typed], each a list of term ids, word forms heeded.
  termsFor(word) {
    const byStem = this.termsWithStemStartingWith(this.forms.stem(word)).filter(this.allowedFor(word));
    return [byStem, this.termsStartingWith(word).filter(this.allowedFor(word, false))];
  }

  // The term groups of one typed word: {terms: Map(term id -> match quality), factor}. A document's score for
  // a group is its best term; the groups of a word add up (the parts of a compound each count).
  groupsOf(word) {
    const main = new Map();
    const add = (terms, ids, quality, allowed = () => true) => {
      for (const id of ids) if (!(terms.get(id) >= quality) && allowed(id)) terms.set(id, quality);
    };
    const groups = [{ terms: main, factor: 1 }];
    const runs = /\d/.test(word) && /\D/.test(word) ? word.match(/\d+|\D+/g) : [word];
    if (runs.length > 1) add(main, this.termsStartingWith(word), 1);
    for (const run of runs) {
      if (run.length < MIN_PREFIX) {
        const id = lowerBound(this.terms, run);
        this.steps++;
        if (this.terms[id] === run) add(main, [id], 1);
        continue;
      }
      const s = this.forms.stem(run);
      const [byStem, bySurface] = this.termsFor(run);
      for (const id of byStem) add(main, [id], this.termStems[id] === s ? 1 : PREFIX_MATCH);
      for (const id of bySurface) add(main, [id], this.terms[id] === run ? 1 : PREFIX_MATCH);
      if (byStem.length || bySurface.length || /^\d+$/.test(run)) continue;
      const parts = run.length > 2 * MIN_PART ? this.knownParts(run) : null;
      if (parts && parts.length > 1) {
        for (const part of parts) {
          if (STOP_WORDS.has(part)) continue; // "aan" of "aanspreken" would find every word beginning with it
          const terms = new Map();
          add(terms, this.termsWithStemStartingWith(this.forms.stem(part)), 1, this.allowedFor(part));
          groups.push({ terms, factor: HELP_MATCH });
        }
      }
      if (run.length >= MIN_TYPO_LENGTH) {
        const [viaStem, asTyped] = [this.allowedFor(run), this.allowedFor(run, false)];
        this.steps += this.stems.length + this.terms.length;
        this.stems.forEach((other) => {
          if (oneEditAway(other, s)) add(main, this.byStem.get(other), HELP_MATCH, viaStem);
        });
        this.terms.forEach((term, id) => {
          if (oneEditAway(term, run)) add(main, [id], HELP_MATCH, asTyped);
        });
      }
    }
    return groups;
  }

  // The words of a query that decide it: without stop words and single characters, unless that leaves nothing.
  // A last single character counts (it may be the start of a word, or the "3" of "top 3"); a last stop word
  // does not ("hoe stel ik een veiligheidsplan op"): until it grows into a longer word it would decide.
  static meaningful(query) {
    const typed = words(query.slice(0, MAX_QUERY));
    const wanted = (word, i) => !STOP_WORDS.has(word) && (word.length > 1 || i === typed.length - 1);
    const keep = typed.some(wanted) ? typed.filter(wanted) : typed;
    return [...new Set(keep)].slice(0, MAX_WORDS);
  }

  /*
   * The answer to `query`: {docs, full, found}. `docs` are document numbers, best first, at most `limit`:
   * first those matching every word ("full"; a last word under MIN_PREFIX letters that matches nothing is
   * not asked for: it is being typed), then, unless there are ENOUGH_FULL of those, the ones matching only
   * some of the words. `full` is how many of `docs` match every word; `found` counts all the matches as
   * {full: [resources, pages], partial: [resources, pages]}, partial ones only when shown.
   */
  search(query, limit = MAX_RESULTS) {
    const asked = SearchIndex.meaningful(query);
    const { inQuery, inGroup, best, score, mask } = this;
    const hits = [];
    let matched = 0; // the words that matched anything
    this.query++;
    asked.forEach((word, w) => {
      for (const { terms, factor } of this.groupsOf(word)) {
        const group = ++this.group;
        const touched = [];
        for (const [id, quality] of terms) {
          const { docs, weights, idf } = this.postings[id];
          const f = quality * idf * factor;
          this.steps += docs.length;
          for (let i = 0; i < docs.length; i++) {
            const d = docs[i];
            const v = f * weights[i];
            if (inGroup[d] !== group) {
              inGroup[d] = group;
              best[d] = v;
              touched.push(d);
            } else if (v > best[d]) best[d] = v;
          }
        }
        for (const d of touched) {
          if (inQuery[d] !== this.query) {
            inQuery[d] = this.query;
            score[d] = 0;
            mask[d] = 0;
            hits.push(d);
          }
          score[d] += best[d];
          mask[d] |= 1 << w;
        }
        if (touched.length) matched |= 1 << w;
      }
    });
    let required = 2 ** asked.length - 1;
    const last = asked.length - 1;
    if (last >= 0 && asked[last].length < MIN_PREFIX && !(matched & (1 << last))) required &= ~(1 << last);
    const { rank } = this;
    for (const d of hits) rank[d] = bitCount(mask[d]) * 2 + (this.docs[d].resource ? 1 : 0);
    const order = (a, b) => rank[b] - rank[a] || score[b] - score[a] || a - b;
    const full = hits.filter((d) => (mask[d] & required) === required).sort(order);
    const partial = full.length >= ENOUGH_FULL ? [] : hits.filter((d) => (mask[d] & required) !== required);
    this.steps += hits.length;
    const count = (list) => {
      const resources = list.filter((d) => this.docs[d].resource).length;
      return [resources, list.length - resources];
    };
    const docs = [...full, ...partial.sort(order)].slice(0, limit);
    return { docs, full: Math.min(full.length, limit), found: { full: count(full), partial: count(partial) } };
  }

  /*
   * "Bedoelde u …?" for a query that found nothing: each of its words replaced by the nearest word of the
   * index (fewest edits; 1 edit up to 4 letters, 2 up to 8, 3 beyond; among equals the word in most
   * documents), words without one left out. Null when no word has a near one.
   */
  suggest(query) {
    const near = SearchIndex.meaningful(query)
      .map((word) => this.nearestWord(word))
      .filter(Boolean);
    return near.length ? near.join(" ") : null;
  }

  nearestWord(word) {
    if (word.length < MIN_PREFIX || /\d/.test(word)) return null;
    const max = word.length <= 4 ? 1 : word.length <= 8 ? 2 : 3;
    let found = null;
    let fewest = max + 1;
    let most = 0;
    const cells = (n) => {
      this.steps += n;
    };
    this.steps += this.terms.length;
    this.terms.forEach((term, id) => {
      if (Math.abs(term.length - word.length) > max || term.length < MIN_PREFIX || STOP_WORDS.has(term)) return;
      if (/\d/.test(term)) return;
      const edits = editDistance(word, term, Math.min(max, fewest), cells);
      if (edits > max) return;
      const documents = this.postings[id].docs.length;
      if (edits < fewest || (edits === fewest && documents > most)) [found, fewest, most] = [term, edits, documents];
    });
    return found;
  }
}
