/*
 * The site's own search dialog (overrides/partials/search.html), the same in the Material and Zensical builds;
 * an ES module (mkdocs.yml: type: module).
 * "/" and Ctrl+K (or Cmd+K) open it, as does ?q=<query> in the address (the home page's and 404 page's search
 * forms). Each keystroke goes to the worker (search-worker.js), started on first use; only the answer to the
 * newest query is drawn. ArrowDown/ArrowUp move between the result links, Enter opens the focused (or first)
 * result, Escape closes.
 * Results matching every word come first; those matching some follow under a heading. The status line
 * (role="status", read out by screen readers) counts resources and pages apart, as the lists show them, and
 * says when a query was cut to the field's maxlength. A query that finds nothing offers the nearest known
 * words ("Bedoelde u …?", a button that searches them) and the A-Z list and themes (links in the partial).
 */
import { h } from "./dom.js";

const root = document.querySelector("[data-ib-search]");

const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;

// "12 hulpmiddelen en 3 pagina's" of [resources, pages].
const counted = ([resources, pages]) =>
  [resources && plural(resources, "hulpmiddel", "hulpmiddelen"), pages && plural(pages, "pagina", "pagina's")]
    .filter(Boolean)
    .join(" en ");

// The status line of an answer: what was found for `query`, counted as the lists show it.
const summary = (query, { results, found }) => {
  const [full, partial] = [found.full[0] + found.full[1], found.partial[0] + found.partial[1]];
  const asked = `"${query}"`;
  let line;
  if (!full && !partial) line = `Geen resultaten voor ${asked}.`;
  else if (!partial) line = `${counted(found.full)} voor ${asked}.`;
  else if (!full) line = `Niets met al uw woorden voor ${asked}; wel ${counted(found.partial)} met een deel ervan.`;
  else line = `${counted(found.full)} voor ${asked}, en ${counted(found.partial)} met een deel van uw woorden.`;
  if (results.length < full + partial) line += ` De eerste ${results.length} staan hieronder.`;
  return line;
};

const start = () => {
  if (!root || typeof HTMLDialogElement === "undefined") return;
  const opener = root.querySelector(".ib-search__open");
  const dialog = root.querySelector("dialog");
  const form = dialog.querySelector("form");
  const input = dialog.querySelector("input");
  const closer = dialog.querySelector(".ib-search__close");
  const status = dialog.querySelector("[role=status]");
  const results = dialog.querySelector("[data-search-results]");
  const fullList = results.querySelector("[data-search-full]");
  const partialList = results.querySelector("[data-search-partial]");
  const divider = results.querySelector(".ib-search__divider");
  const none = dialog.querySelector("[data-search-none]");
  const suggestion = none.querySelector("[data-search-suggestion]");
  const suggested = suggestion.querySelector("button");
  const indexUrl = new URL(root.dataset.index, window.location.href);
  const siteRoot = new URL("..", indexUrl); // search/index.json sits one folder below the site's root
  const maxLength = input.maxLength; // the engine's MAX_QUERY

  let worker = null;
  let asked = ""; // the query whose answer the lists should show
  let cut = false; // the query was longer than maxLength

  const item = (result) =>
    h(
      "li",
      { class: "ib-search__result" },
      h(
        "a",
        { href: new URL(result.url, siteRoot).href },
        [
          ["ib-search__title", result.title],
          ["ib-search__meta", result.meta],
          ["ib-search__text", result.text],
        ]
          .filter(([, text]) => text)
          .map(([className, text]) => [h("span", { class: className }, text), " "]),
      ),
    );

  const fill = (list, items) => {
    list.replaceChildren(...items.map(item));
    list.hidden = !items.length;
  };

  const draw = (query, answer) => {
    const shown = answer ? answer.results : [];
    fill(fullList, shown.slice(0, answer ? answer.full : 0));
    fill(partialList, shown.slice(answer ? answer.full : 0));
    divider.hidden = partialList.hidden;
    results.dataset.query = query;
    none.hidden = !query || shown.length > 0;
    suggestion.hidden = none.hidden || !answer.suggestion;
    suggested.textContent = suggestion.hidden ? "" : answer.suggestion;
    let line = query ? summary(query, answer) : "";
    if (query && input.value.length >= maxLength) {
      line += cut
        ? ` Alleen de eerste ${maxLength} tekens zijn gezocht.`
        : ` Een zoekvraag heeft hoogstens ${maxLength} tekens.`;
    }
    status.textContent = line;
  };

  const onMessage = (event) => {
    const message = event.data;
    if (message.type === "results" && message.query === asked) draw(message.query, message);
    else if (message.type === "error") status.textContent = "De zoekfunctie kon niet worden geladen.";
  };

  const startWorker = () => {
    if (worker) return;
    worker = new Worker(new URL(root.dataset.worker, window.location.href), { type: "module" });
    worker.addEventListener("message", onMessage);
    worker.postMessage({ type: "load", url: indexUrl.href });
  };

  const ask = (query) => {
    asked = query.trim();
    if (!asked) draw("", null);
    else worker.postMessage({ type: "query", query: asked });
  };

  // A query from the address or a suggestion: cut to the field's maxlength (a script's value is not).
  const put = (query) => {
    cut = query.length > maxLength;
    input.value = query.slice(0, maxLength);
  };

  const open = (query) => {
    startWorker();
    if (!dialog.open) dialog.showModal();
    if (query !== undefined) put(query);
    input.focus();
    input.select();
    ask(input.value);
  };

  const links = () => [...results.querySelectorAll("a")];

  // The focus goes back to the header's search field at once: the dialog's "close" event comes a task later.
  const close = () => {
    dialog.close();
    opener.focus();
  };

  opener.addEventListener("click", () => open());
  closer.addEventListener("click", close);
  input.addEventListener("input", () => {
    cut = false;
    ask(input.value);
  });
  suggested.addEventListener("click", () => {
    put(suggested.textContent);
    input.focus();
    ask(input.value);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const first = links()[0];
    if (first) first.click();
  });
  // A click on the backdrop (outside the dialog's box) closes it.
  dialog.addEventListener("click", (event) => {
    if (event.target === dialog) close();
  });
  // Closed by the browser itself (a phone's back gesture), not by close() above.
  dialog.addEventListener("close", () => opener.focus());
  dialog.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      // Chromium's search field would first clear itself on Escape; readers expect the dialog to close.
      event.preventDefault();
      close();
      return;
    }
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    const all = links();
    const at = all.indexOf(document.activeElement);
    const next = event.key === "ArrowDown" ? at + 1 : at - 1;
    if (!all.length || (at === -1 && event.key === "ArrowUp")) return;
    event.preventDefault();
    if (next < 0) input.focus();
    else all[Math.min(next, all.length - 1)].focus();
  });

  const editable = (el) => el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
  document.addEventListener("keydown", (event) => {
    const slash = event.key === "/" && !event.ctrlKey && !event.metaKey && !event.altKey;
    const k = (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "k";
    if ((slash && !editable(event.target) && !dialog.open) || k) {
      event.preventDefault();
      event.stopPropagation();
      open();
    }
  });

  const query = new URL(window.location.href).searchParams.get("q");
  if (query) open(query);
};

start();
