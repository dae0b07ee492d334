/*
 * The site's own search dialog (overrides/partials/search.html), the same in the Material and Zensical builds.
 * "/" and Ctrl+K (or Cmd+K) open it, as does ?q=<query> in the address (the home page's and 404 page's search
 * forms). Each keystroke goes to the worker (search-worker.js), started on first use; only the answer to the
 * newest query is drawn. ArrowDown/ArrowUp move between the result links, Enter opens the focused (or first)
 * result, Escape closes. The number of results is announced through a role="status" element.
 */
(() => {
  "use strict";
  const root = document.querySelector("[data-ib-search]");
  if (!root || typeof HTMLDialogElement === "undefined") return;
  const opener = root.querySelector(".ib-search__open");
  const dialog = root.querySelector("dialog");
  const form = dialog.querySelector("form");
  const input = dialog.querySelector("input");
  const closer = dialog.querySelector(".ib-search__close");
  const status = dialog.querySelector("[role=status]");
  const list = dialog.querySelector("[data-search-results]");
  const indexUrl = new URL(root.dataset.index, window.location.href);
  const siteRoot = new URL("..", indexUrl); // search/index.json sits one folder below the site's root

  let worker = null;
  let asked = ""; // the query whose answer the list should show

  const counted = (n) => (n === 0 ? "Geen resultaten" : n === 1 ? "1 resultaat" : `${n} resultaten`);

  const item = (result) => {
    const li = document.createElement("li");
    li.className = "ib-search__result";
    const a = document.createElement("a");
    a.href = new URL(result.url, siteRoot).href;
    const parts = [
      ["ib-search__title", result.title],
      ["ib-search__meta", result.meta],
      ["ib-search__text", result.text],
    ];
    for (const [className, text] of parts) {
      if (!text) continue;
      const span = document.createElement("span");
      span.className = className;
      span.textContent = text;
      a.append(span, " ");
    }
    li.append(a);
    return li;
  };

  const draw = (query, results) => {
    list.replaceChildren(...results.map(item));
    list.dataset.query = query;
    status.textContent = query ? `${counted(results.length)} voor "${query}"` : "";
  };

  const onMessage = (event) => {
    const message = event.data;
    if (message.type === "results" && message.query === asked) draw(message.query, message.results);
    else if (message.type === "error") status.textContent = "De zoekfunctie kon niet worden geladen.";
  };

  const start = () => {
    if (worker) return;
    worker = new Worker(new URL(root.dataset.worker, window.location.href), { type: "module" });
    worker.addEventListener("message", onMessage);
    worker.postMessage({ type: "load", url: indexUrl.href });
  };

  const ask = (query) => {
    asked = query.trim();
    if (!asked) draw("", []);
    else worker.postMessage({ type: "query", query: asked });
  };

  const open = (query) => {
    start();
    if (!dialog.open) dialog.showModal();
    if (query !== undefined) input.value = query;
    input.focus();
    input.select();
    ask(input.value);
  };

  const links = () => [...list.querySelectorAll("a")];

  // The focus goes back to the header's search field at once: the dialog's "close" event comes a task later.
  const close = () => {
    dialog.close();
    opener.focus();
  };

  opener.addEventListener("click", () => open());
  closer.addEventListener("click", close);
  input.addEventListener("input", () => ask(input.value));
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
})();
