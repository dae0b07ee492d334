/*
 * The site search's worker (a module worker started by search.js): loads the search data once, builds the
 * index (search-engine.js) and answers each query with its ranked results. Only the newest query waits
 * while the data loads; results carry the query they answer, so the page never draws a stale answer.
 *
 * Messages in:  {type: "load", url}   the search data (search/index.json), as an absolute URL
 *               {type: "query", query}
 * Messages out: {type: "ready", size}
 *               {type: "results", query, results: [{url, title, meta, text, resource}], full, found, suggestion}
 *                 full: how many of the results match every word (they come first); found: all matches
 *                 counted, {full: [resources, pages], partial: [resources, pages]}; suggestion: for a query
 *                 that found nothing, the nearest known words ("Bedoelde u …?"), or null
 *               {type: "error"}       the data could not be loaded
 */
import { SearchIndex } from "./search-engine.js";

const SNIPPET = 160; // characters of a result's text shown under its title

let index = null;
let waiting = null; // a query that arrived before the index was ready

const snippet = (text) => (text.length > SNIPPET ? `${text.slice(0, SNIPPET).replace(/\s+\S*$/, "")} …` : text);

const answer = (query) => {
  const { docs, full, found } = index.search(query);
  const results = docs.map((d) => {
    const { url, title, meta, text, resource } = index.docs[d];
    return { url, title, meta, text: snippet(text || ""), resource: Boolean(resource) };
  });
  const suggestion = results.length ? null : index.suggest(query);
  postMessage({ type: "results", query, results, full, found, suggestion });
};

addEventListener("message", async (event) => {
  const message = event.data;
  if (message.type === "load" && !index) {
    try {
      const response = await fetch(message.url);
      index = new SearchIndex(await response.json());
    } catch {
      postMessage({ type: "error" });
      return;
    }
    postMessage({ type: "ready", size: index.docs.length });
    if (waiting !== null) answer(waiting);
    waiting = null;
  } else if (message.type === "query") {
    if (index) answer(message.query);
    else waiting = message.query;
  }
});
