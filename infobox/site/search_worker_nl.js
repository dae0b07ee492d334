/*
 * Dutch stemming for Material for MkDocs' search worker (Material 9.x, lunr 2.3).
 *
 * infobox.site.search appends this file to the theme's search worker at build time.
 *
 * Why: Material turns every query term into a prefix query ("trainingen" -> "trainingen*") and lunr does not
 * run its search pipeline - so not the stemmer - on wildcard terms. With `stemmer` in the index pipeline the
 * index holds stems ("handreik") that such prefixes never reach; without it, a plural never finds its
 * singular. Here the query parser stems each trailing-wildcard term before the prefix is applied
 * ("handreikingen*" -> "handreik*"), so a whole word meets its stem and a half-typed word still works as a
 * prefix. Material's own term highlighting and "missing term" marks read the same parsed clauses, so they
 * stay right.
 *
 * The Snowball Dutch stemmer of lunr-languages also leaves a doubled final consonant ("gezinnen" ->
 * "gezinn", but "gezin" -> "gezin"), keeps plural "-es" ("meldcodes") and final v/z ("traumasensitieve" ->
 * "traumasensitiev"). A few normalisations after Snowball, applied to index and query alike, join these
 * forms; over-joining a rare pair costs a little precision, never a missed match.
 */
(() => {
  "use strict"
  const lunr = self.lunr
  let stemming = false // set from the SETUP message: only when the site configures `stemmer`

  const afterSnowball = word => {
    let stem = word.replace(/([bdfgklmnprst])\1$/, "$1") // gezinn -> gezin
    stem = stem.replace(/v$/, "f").replace(/z$/, "s") // traumasensitiev -> traumasensitief
    if (stem.length > 5 && stem.endsWith("es")) stem = stem.slice(0, -2) // meldcodes -> meldcod
    return stem
  }

  const patchDutch = () => {
    const snowball = lunr.nl.stemmer
    const stemmer = token => snowball(token).update(afterSnowball)
    stemmer.label = "stemmer-nl-infobox"
    lunr.Pipeline.registeredFunctions[stemmer.label] = stemmer // registered silently: no lunr warning
    lunr.nl.stemmer = stemmer // read by lunr.nl() when Material builds the index
    lunr.nl.infoboxPatched = true
  }

  // Material loads lunr.nl with importScripts() while it handles SETUP, just before it builds the index.
  const importScripts = self.importScripts
  self.importScripts = (...urls) => {
    const result = importScripts.apply(self, urls)
    if (lunr.nl && !lunr.nl.infoboxPatched) patchDutch()
    return result
  }

  addEventListener("message", ev => {
    const message = ev.data
    if (message && message.type === 0 /* SETUP */) {
      const { lang, pipeline } = message.data.config
      stemming = lang.length === 1 && lang[0] === "nl" && pipeline.includes("stemmer")
    }
  })

  const stemPrefix = term => {
    const match = /^([^*]+)\*$/.exec(term)
    if (!match) return term
    const token = new lunr.Token(match[1], {})
    if (!lunr.nl.stopWordFilter(token)) return term // a stop word keeps Material's plain prefix
    const stem = lunr.nl.stemmer(lunr.nl.trimmer(token)).toString()
    return stem ? `${stem}*` : term
  }

  const parse = lunr.QueryParser.prototype.parse
  lunr.QueryParser.prototype.parse = function () {
    const query = parse.call(this)
    if (stemming && lunr.nl)
      for (const clause of query.clauses) clause.term = stemPrefix(clause.term)
    return query
  }
})()
