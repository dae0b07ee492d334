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
 * - Stop words ("hoe", "wat moet ik doen bij") are dropped, unless they are all there is or the last, maybe
 *   half-typed word; words under 3 characters match whole words only ("e" would match half the index).
 * - A word the index does not know gets help: letter/digit runs ("top3" -> "top", "3"), known parts of a
 *   compound ("multiprobleemgezinnen" -> "multi", "probleem", "gezinnen") and, from 5 letters on, words one
 *   edit away ("meldkode" -> "meldcode"). Compound parts, letter/digit runs and synonyms of the texts are in
 *   their `keywords` (made at build time).
 * - Ranking: results that match more of the typed words come first; among equals resources (their card)
 *   before pages, then by score: per typed word the best of its matching terms, weighted by field (title,
 *   meta, text, keywords), length of the field and rarity of the term.
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
const MAX_WORDS = 30; // typed words counted per query: one bit each in a coverage mask
export const MAX_RESULTS = 100; // more than anyone scrolls through

// Snowball's Dutch stop words, and words of a question that never carry its need ("hoe vind ik ...").
const STOP_WORDS = new Set(
  (
    "aan al alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door dus een eens en er ge " +
    "geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand iets ik in is ja je kan kon kunnen " +
    "maar me meer men met mij mijn moet na naar niet niets nog nu of om omdat onder ons ook op over reeds te tegen " +
    "toch toen tot u uit uw van veel voor want waren was wat werd wezen wie wil worden wordt zal ze zelf zich zij " +
    "zijn zo zonder zou " +
    "doe ga gaan hoeveel jullie kun kunt mag moeten onze vind vinden waar waarom wanneer we welk welke wij zoek zoeken"
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
    stems.set(word, s);
  }
  return s;
};

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
    // Terms sorted, for prefix look-ups; each with its documents, weights, rarity and stem.
    this.terms = [...ids.keys()].sort();
    this.postings = this.terms.map((term) => {
      const list = postings[ids.get(term)];
      const docs = new Int32Array(list.length / 2);
      const weights = new Float32Array(list.length / 2);
      for (let i = 0; i < docs.length; i++) [docs[i], weights[i]] = [list[2 * i], list[2 * i + 1]];
      return { docs, weights, idf: Math.log(1 + n / docs.length) };
    });
    this.termStems = this.terms.map(stem);
    this.byStem = new Map(); // stem -> term ids
    this.termStems.forEach((s, id) => {
      if (!this.byStem.has(s)) this.byStem.set(s, []);
      this.byStem.get(s).push(id);
    });
    this.stems = [...this.byStem.keys()].sort();
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
    return found;
  }

  // Term ids of the terms whose stem starts with `prefix`.
  termsWithStemStartingWith(prefix) {
    const found = [];
    for (let i = lowerBound(this.stems, prefix); i < this.stems.length && this.stems[i].startsWith(prefix); i++)
      found.push(...this.byStem.get(this.stems[i]));
    return found;
  }

  known(word) {
    const prefix = stem(word);
    const at = lowerBound(this.stems, prefix);
    return at < this.stems.length && this.stems[at].startsWith(prefix);
  }

  // Known parts of an unknown compound, left to right, each allowed a linking -s-/-en-; null if none.
  knownParts(word) {
    if (this.known(word)) return [word];
    for (let cut = word.length - MIN_PART; cut >= MIN_PART; cut--) {
      const head = word.slice(0, cut);
      const heads = [head, head.replace(/(s|en)$/, "")];
      if (!heads.some((h) => h.length >= MIN_PART && this.byStem.has(stem(h)))) continue;
      const rest = this.knownParts(word.slice(cut));
      if (rest) return [head, ...rest];
    }
    return null;
  }

  // The term groups of one typed word: {terms: Map(term id -> match quality), factor}. A document's score for
  // a group is its best term; the groups of a word add up (the parts of a compound each count).
  groupsOf(word) {
    const main = new Map();
    const add = (terms, ids, quality) => {
      for (const id of ids) if (!(terms.get(id) >= quality)) terms.set(id, quality);
    };
    const groups = [{ terms: main, factor: 1 }];
    const runs = /\d/.test(word) && /\D/.test(word) ? word.match(/\d+|\D+/g) : [word];
    if (runs.length > 1) add(main, this.termsStartingWith(word), 1);
    for (const run of runs) {
      if (run.length < MIN_PREFIX) {
        const id = lowerBound(this.terms, run);
        if (this.terms[id] === run) add(main, [id], 1);
        continue;
      }
      const s = stem(run);
      const byStem = this.termsWithStemStartingWith(s);
      const bySurface = this.termsStartingWith(run);
      for (const id of byStem) add(main, [id], this.termStems[id] === s ? 1 : PREFIX_MATCH);
      for (const id of bySurface) add(main, [id], this.terms[id] === run ? 1 : PREFIX_MATCH);
      if (byStem.length || bySurface.length || /^\d+$/.test(run)) continue;
      const parts = run.length > 2 * MIN_PART ? this.knownParts(run) : null;
      if (parts && parts.length > 1) {
        for (const part of parts) {
          const terms = new Map();
          add(terms, this.termsWithStemStartingWith(stem(part)), 1);
          groups.push({ terms, factor: HELP_MATCH });
        }
      }
      if (run.length >= MIN_TYPO_LENGTH) {
        this.stems.forEach((other) => {
          if (oneEditAway(other, s)) add(main, this.byStem.get(other), HELP_MATCH);
        });
        this.terms.forEach((term, id) => {
          if (oneEditAway(term, run)) add(main, [id], HELP_MATCH);
        });
      }
    }
    return groups;
  }

  // The words of a query that decide it: without stop words and single characters, unless that leaves nothing.
  // A last single character counts (it may be the start of a word, or the "3" of "top 3"); a last stop word
  // does not ("hoe stel ik een veiligheidsplan op"): until it grows into a longer word it would decide.
  static meaningful(query) {
    const typed = words(query);
    const wanted = (word, i) => !STOP_WORDS.has(word) && (word.length > 1 || i === typed.length - 1);
    const keep = typed.some(wanted) ? typed.filter(wanted) : typed;
    return [...new Set(keep)].slice(0, MAX_WORDS);
  }

  // Ranked document numbers for `query`, best first, at most `limit`.
  search(query, limit = MAX_RESULTS) {
    const asked = SearchIndex.meaningful(query);
    const { inQuery, inGroup, best, score, mask } = this;
    const hits = [];
    this.query++;
    asked.forEach((word, w) => {
      for (const { terms, factor } of this.groupsOf(word)) {
        const group = ++this.group;
        const touched = [];
        for (const [id, quality] of terms) {
          const { docs, weights, idf } = this.postings[id];
          const f = quality * idf * factor;
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
      }
    });
    const { rank } = this;
    for (const d of hits) rank[d] = bitCount(mask[d]) * 2 + (this.docs[d].resource ? 1 : 0);
    hits.sort((a, b) => rank[b] - rank[a] || score[b] - score[a] || a - b);
    return hits.slice(0, limit);
  }
}
