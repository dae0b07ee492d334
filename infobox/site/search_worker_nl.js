/*
 * Dutch search for Material for MkDocs' search worker (Material 9.x, lunr 2.3).
 *
 * infobox.site.search appends this file to the theme's search worker at build time, and adds to the index
 * a hidden `keywords` field (compound parts, letter/digit parts, synonyms; see search_keywords.py) and one
 * entry per resource whose location has no "#" (so Material shows it as a result of its own).
 *
 * 1. Stemming. Material turns every query term into a prefix query ("trainingen" -> "trainingen*") and
 *    lunr does not run its search pipeline - so not the stemmer - on wildcard terms. With `stemmer` in the
 *    index pipeline the index holds stems ("handreik") that such prefixes never reach. Here the query
 *    parser stems each trailing-wildcard term before the prefix is applied ("handreikingen*" ->
 *    "handreik*"), so a whole word meets its stem and a half-typed word still works as a prefix.
 *    The Snowball Dutch stemmer of lunr-languages also leaves a doubled final consonant ("gezinnen" ->
 *    "gezinn"), keeps plural "-es" ("meldcodes") and final v/z ("traumasensitiev"); a few normalisations
 *    after Snowball, applied to index and query alike, join these forms.
 * 2. Query words the index does not know get help: a word with letters and digits is split into its runs
 *    ("top3" -> "top", "3"), an unknown compound into known parts ("multiprobleemgezinnen" -> "multi",
 *    "probleem", "gezinnen"), and an unknown word of 5+ letters matches index words one edit away
 *    ("meldkode" -> "meldcode"). Stop words and single letters are dropped unless they are all there is,
 *    or the last, maybe half-typed word. Words under 3 characters match whole index words only, not as
 *    prefixes ("e" would match half the index).
 * 3. Ranking: results that match more of the typed words come first; among equals, resources (their card)
 *    before pages and sections, then Material's own score order.
 * 4. What readers see: the matched words of a result are the words the reader typed (Material shows no
 *    stems, no "missing" line, and highlights the typed words on the page it opens).
 */
(() => {
  "use strict";
  const lunr = self.lunr;
  let stemming = false; // set from the SETUP message: only when the site configures `stemmer`
  let resourceResult = null; // location prefix of a resource's own result, from the index config
  let index = null; // the lunr index Material built
  let tokens = null; // its terms, sorted, for prefix look-ups
  let asked = { words: [], clauses: [] }; // the query being answered: typed words and what each clause tests
  let covered = new Map(); // result location -> bit mask of the typed words it matches (bit i: words[i])

  const MIN_TYPO_LENGTH = 5;
  const MIN_PREFIX = 3; // shorter words match whole index words only
  const MAX_RESULTS = 100; // more than anyone scrolls through; Material shows 10 at a time
  const MAX_WORDS = 30; // typed words counted per query: one bit each in a coverage mask
  const MIN_PART = 3;

  const afterSnowball = (word) => {
    let stem = word.replace(/([bdfgklmnprst])\1$/, "$1"); // gezinn -> gezin
    stem = stem.replace(/v$/, "f").replace(/z$/, "s"); // traumasensitiev -> traumasensitief
    if (stem.length > 5 && stem.endsWith("es")) stem = stem.slice(0, -2); // meldcodes -> meldcod
    return stem;
  };

  const patchDutch = () => {
    const snowball = lunr.nl.stemmer;
    const stemmer = (token) => snowball(token).update(afterSnowball);
    stemmer.label = "stemmer-nl-infobox";
    lunr.Pipeline.registeredFunctions[stemmer.label] = stemmer; // registered silently: no lunr warning
    lunr.nl.stemmer = stemmer; // read by lunr.nl() when Material builds the index
    lunr.nl.infoboxPatched = true;
  };

  // Material loads lunr.nl with importScripts() while it handles SETUP, just before it builds the index.
  const importScripts = self.importScripts;
  self.importScripts = (...urls) => {
    const result = importScripts.apply(self, urls);
    if (lunr.nl && !lunr.nl.infoboxPatched) patchDutch();
    return result;
  };

  addEventListener("message", (ev) => {
    const message = ev.data;
    if (message && message.type === 0 /* SETUP */) {
      const { lang, pipeline } = message.data.config;
      stemming = lang.length === 1 && lang[0] === "nl" && pipeline.includes("stemmer");
      resourceResult = message.data.config.infobox_resource_result || null;
    }
  });

  const build = lunr.Builder.prototype.build;
  lunr.Builder.prototype.build = function () {
    index = build.call(this);
    tokens = null;
    return index;
  };

  const sortedTokens = () => tokens || (tokens = Object.keys(index.invertedIndex).sort());
  const hasPrefix = (prefix) => {
    const all = sortedTokens();
    let low = 0;
    let high = all.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (all[mid] < prefix) low = mid + 1;
      else high = mid;
    }
    return low < all.length && all[low].startsWith(prefix);
  };
  const isToken = (term) => term in index.invertedIndex;
  const isStopWord = (word) => !lunr.nl.stopWordFilter(new lunr.Token(word, {}));
  const stem = (word) => lunr.nl.stemmer(lunr.nl.trimmer(new lunr.Token(word, {}))).toString();

  // One edit (insert, delete, substitute, swap of neighbours) between a and b?
  const oneEditAway = (a, b) => {
    if (Math.abs(a.length - b.length) > 1) return false;
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

  // Known parts of an unknown compound, left to right, each allowed a linking -s-/-en-; null if none.
  const knownParts = (word) => {
    if (hasPrefix(stem(word))) return [word];
    for (let cut = word.length - MIN_PART; cut >= MIN_PART; cut--) {
      const head = word.slice(0, cut);
      const known = [head, head.replace(/(s|en)$/, "")].some((h) => h.length >= MIN_PART && isToken(stem(h)));
      if (!known) continue;
      const rest = knownParts(word.slice(cut));
      if (rest) return [head, ...rest];
    }
    return null;
  };

  const prefixClause = (term, boost) => ({
    term: `${term}*`,
    usePipeline: false,
    boost,
    test: (t) => t.startsWith(term),
  });

  // The clauses of one typed word: its stemmed prefix, plus help when the index does not know it.
  const clausesOf = (word) => {
    const runs = /\d/.test(word) && /[^\d]/.test(word) ? word.match(/\d+|[^\d]+/g) : [word];
    const clauses = runs.length > 1 ? [prefixClause(word, 1)] : [];
    for (const run of runs) {
      if (run.length < MIN_PREFIX) {
        // "e", "3", "me": as a prefix they would match most of a large index, for nothing a reader wants.
        clauses.push({ term: run, usePipeline: false, boost: 1, test: (t) => t === run });
        continue;
      }
      const term = stem(run) || run;
      clauses.push(prefixClause(term, 1));
      // The word as typed may prefix a longer word the stem does not: "verslaving" (stem "verslaf") of
      // "verslavingsproblemen" (stem "verslavingsproblem").
      if (!run.startsWith(term) && hasPrefix(run)) clauses.push(prefixClause(run, 1));
      if (hasPrefix(term) || /^\d+$/.test(run)) continue;
      const parts = run.length > 2 * MIN_PART ? knownParts(run) : null;
      if (parts && parts.length > 1) for (const part of parts) clauses.push(prefixClause(stem(part) || part, 0.5));
      if (run.length >= MIN_TYPO_LENGTH)
        clauses.push({ term, editDistance: 1, usePipeline: false, boost: 0.5, test: (t) => oneEditAway(t, term) });
    }
    return clauses;
  };

  const parse = lunr.QueryParser.prototype.parse;
  lunr.QueryParser.prototype.parse = function () {
    const query = parse.call(this);
    if (!(stemming && lunr.nl && index)) return query;
    const typed = query.clauses;
    const plain = typed.map((clause) => {
      const match = /^([^*~^:+-][^*~^:]*)\*$/.exec(clause.term);
      return match && clause.presence === lunr.Query.presence.OPTIONAL ? match[1] : null;
    });
    const meaningful = (word, i) => word !== null && (i === typed.length - 1 || (word.length > 1 && !isStopWord(word)));
    const keep = plain.some(meaningful) ? meaningful : (word) => word !== null;
    query.clauses = [];
    const words = [];
    const tests = [];
    const seen = new Set(); // Material sends "e-learning" as "e-learning* e-learning*": search it once
    typed.forEach((clause, i) => {
      const word = plain[i];
      if (clause.term === "*") return; // what is left of "e-" or "-": it would match every entry
      const key = word === null ? `${clause.presence} ${clause.term}` : word;
      if (seen.has(key)) return;
      seen.add(key);
      if (word === null) return void query.clauses.push(clause); // the reader's own lunr syntax
      if (!keep(word, i) || words.length === MAX_WORDS) return;
      const origin = words.push(word) - 1;
      for (const { test, ...extra } of clausesOf(word)) {
        query.clause(extra);
        tests.push({ origin, test });
      }
    });
    asked = { words, clauses: tests };
    return query;
  };

  const bitCount = (mask) => {
    let count = 0;
    for (let m = mask; m; m &= m - 1) count++;
    return count;
  };

  // Which typed words each result matches, from the index terms lunr matched (each term tested once per
  // query: a large catalogue has thousands of results but few distinct terms); only the best MAX_RESULTS
  // go on to Material, whose highlighting of every result is what makes a large catalogue slow.
  const search = lunr.Index.prototype.search;
  lunr.Index.prototype.search = function (queryString) {
    const results = search.call(this, queryString);
    const maskOf = new Map(); // index term -> typed words it stands for
    const termMask = (term) => {
      let mask = maskOf.get(term);
      if (mask === undefined) {
        mask = 0;
        for (const { origin, test } of asked.clauses) if (test(term)) mask |= 1 << origin;
        maskOf.set(term, mask);
      }
      return mask;
    };
    covered = new Map();
    for (const { ref, matchData } of results) {
      let mask = 0;
      for (const term in matchData.metadata) mask |= termMask(term);
      covered.set(ref, mask);
    }
    if (results.length <= MAX_RESULTS) return results;
    return results
      .map((result, order) => ({ result, order, words: bitCount(covered.get(result.ref)) }))
      .sort((a, b) => b.words - a.words || a.order - b.order)
      .slice(0, MAX_RESULTS)
      .map((entry) => entry.result);
  };

  const wordsOf = (doc) => {
    const terms = {};
    const mask = covered.get(doc.location) || 0;
    asked.words.forEach((word, origin) => {
      if (mask & (1 << origin)) terms[word] = true;
    });
    return terms;
  };

  const rerank = (items) => {
    const ranked = items.map((group, order) => {
      const docs = group.map((doc) => ({ ...doc, terms: wordsOf(doc) }));
      const coverage = Math.max(...docs.map((doc) => Object.keys(doc.terms).length));
      const resource = !!resourceResult && docs.some((doc) => doc.location.startsWith(resourceResult));
      return { docs, coverage, resource, order };
    });
    ranked.sort((a, b) => b.coverage - a.coverage || b.resource - a.resource || a.order - b.order);
    return ranked.map((entry) => entry.docs);
  };

  // Material's worker answers with postMessage({type: 3 /* RESULT */, data: {items}}).
  const post = self.postMessage.bind(self);
  self.postMessage = (message, ...rest) => {
    if (message && message.type === 3 && stemming && Array.isArray(message.data.items))
      message = { ...message, data: { ...message.data, items: rerank(message.data.items) } };
    return post(message, ...rest);
  };
})();
