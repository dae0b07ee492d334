// "Mijn selectie": a shortlist of resources that lives in this browser only (localStorage, no cookies,
// nothing sent). Every card has a toggle button; /selectie/ shows the chosen resources from the site's own
// catalogue.json, prints them, and shares them as a link that carries only the ids
// (/selectie/?ids=a,b,c, commas as they are: ids are plain slugs), so a colleague who opens it sees the same
// list, headed "Gedeelde selectie" with what it is and "Neem over". A resource removed since is named, with
// its replacement (catalogue.json's `removed`). The header's "Mijn selectie" link shows the count.
import { h } from "./dom.js";

const STORAGE_KEY = "infobox-selectie";
const MAX_IDS = 200; // far above a real shortlist; bounds what a stored value or a shared link can ask for
const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function clean(ids) {
  const seen = new Set();
  for (const id of Array.isArray(ids) ? ids : []) {
    if (typeof id === "string" && id.length <= 100 && ID.test(id)) seen.add(id);
    if (seen.size >= MAX_IDS) break;
  }
  return Array.from(seen);
}

function load() {
  try {
    return clean(JSON.parse(window.localStorage.getItem(STORAGE_KEY) || "[]"));
  } catch {
    return []; // storage blocked or damaged: start empty rather than fail the page
  }
}

function save(ids) {
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(clean(ids)));
    return true;
  } catch {
    return false;
  }
}

function plural(n) {
  return n === 1 ? "1 hulpmiddel" : n + " hulpmiddelen";
}

// One live region per page for what a toggle did.
function announcer() {
  let status = document.getElementById("ib-select-status");
  if (!status) {
    status = h("p", { id: "ib-select-status", class: "ib-visually-hidden", role: "status" });
    document.body.appendChild(status);
  }
  return status;
}

// The header's "Mijn selectie" link (overrides/partials/header.html) with how many are chosen.
function showCount() {
  const n = load().length;
  for (const badge of document.querySelectorAll("[data-selectie-count]")) {
    const text = n ? String(n) : "";
    if (badge.textContent !== text) badge.textContent = text;
    const hidden = n ? " (" + plural(n) + ")" : "";
    const label = badge.nextElementSibling;
    if (label && label.textContent !== hidden) label.textContent = hidden;
  }
}

function setupToggles() {
  const buttons = document.querySelectorAll("[data-select]");
  if (!buttons.length) return;
  const status = announcer();
  const show = function () {
    const chosen = load();
    buttons.forEach(function (button) {
      // Written only where it changes: each write restyles the card.
      const pressed = chosen.indexOf(button.dataset.select) >= 0 ? "true" : "false";
      if (button.getAttribute("aria-pressed") !== pressed) button.setAttribute("aria-pressed", pressed);
    });
  };
  buttons.forEach(function (button) {
    button.addEventListener("click", function () {
      const id = button.dataset.select;
      const chosen = load();
      const at = chosen.indexOf(id);
      if (at >= 0) chosen.splice(at, 1);
      else chosen.push(id);
      const card = button.closest(".ib-card");
      // A resource's own page has its title as the page's heading.
      const heading =
        card.querySelector(".ib-card__title") ||
        (card.classList.contains("ib-resource") && document.querySelector("h1"));
      const title = (heading || button).textContent.trim();
      if (!save(chosen)) {
        status.textContent = "Uw browser staat niet toe dat deze site iets bewaart; de selectie werkt hier niet.";
        return;
      }
      show();
      showCount();
      status.textContent =
        (at >= 0 ? title + " is uit uw selectie gehaald. " : title + " staat in uw selectie. ") +
        "Uw selectie heeft nu " +
        plural(load().length) +
        ".";
    });
  });
  show();
  // Another tab changed the selection: keep the buttons true.
  window.addEventListener("storage", function (event) {
    if (event.key === STORAGE_KEY) show();
  });
}

function button(text, hidden, onClick) {
  return h(
    "button",
    { class: "md-button", type: "button", onclick: onClick },
    text,
    hidden ? h("span", { class: "ib-visually-hidden" }, hidden) : null,
  );
}

function safeHref(url) {
  try {
    const parsed = new URL(url, window.location.href);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

function card(resource, root, onRemove) {
  // Only http(s) addresses become links.
  const links = resource.links.map((l) => {
    const href = safeHref(l.url);
    return (
      href &&
      h(
        "li",
        {},
        h("a", { href, rel: "noopener noreferrer" }, l.label),
        h("span", { class: "ib-selectie__url" }, " " + href),
      )
    );
  });
  return h(
    "li",
    { class: "ib-selectie__item" },
    h("h2", { class: "ib-selectie__title" }, h("a", { href: root + resource.url }, resource.title)),
    h("p", { class: "ib-selectie__meta" }, resource.organisations.join(", ") + " · " + resource.type),
    h("p", { class: "ib-selectie__description" }, resource.description),
    resource.links.length ? h("ul", { class: "ib-selectie__links" }, links) : null,
    onRemove
      ? h("p", { class: "ib-selectie__remove" }, button("Haal uit selectie", " " + resource.title, onRemove))
      : null,
  );
}

function shareLink(ids) {
  const url = new URL(window.location.href);
  url.hash = "";
  // Not searchParams.set: that writes every comma as %2C. Ids are [a-z0-9-] only (clean()).
  url.search = "?ids=" + ids.join(",");
  return url.href;
}

function setupPage() {
  const page = document.getElementById("ib-selectie");
  if (!page || page.dataset.ready) return;
  page.dataset.ready = "true";
  const status = document.getElementById("ib-selectie-status");
  const root = page.dataset.root;
  const params = new URL(window.location.href).searchParams;
  const shared = params.has("ids");
  const wanted = shared ? clean((params.get("ids") || "").split(",")) : load();

  fetch(page.dataset.catalogue)
    .then(function (response) {
      if (!response.ok) throw new Error(String(response.status));
      return response.json();
    })
    .then(function (catalogue) {
      const byId = new Map(
        catalogue.resources.map(function (r) {
          return [r.id, r];
        }),
      );
      const removed = new Map((catalogue.removed || []).map((r) => [r.id, r]));
      if (shared) showShared(page);
      render(page, status, root, shared, wanted, byId, removed);
    })
    .catch(function () {
      status.textContent = "De hulpmiddelen konden niet worden geladen. Probeer het later opnieuw.";
    });
}

// A shared link opens someone else's list: say so, instead of this browser's own "Mijn selectie".
function showShared(page) {
  const heading = document.querySelector("h1");
  if (heading) heading.textContent = "Gedeelde selectie";
  document.title = document.title.replace("Mijn selectie", "Gedeelde selectie");
  const intro = page.parentNode.querySelector(".ib-selectie__intro");
  if (intro) {
    intro.replaceChildren(
      "Iemand heeft deze hulpmiddelen uit de infobox met u gedeeld. Met ‘Neem over in mijn selectie’ bewaart u " +
        "ze in uw eigen selectie, in deze browser.",
    );
  }
}

// A shared or stored id that is no longer in the catalogue: its title, why, and what came instead.
function removedNotice(removed, byId, root) {
  const successor = removed.replaced_by && byId.get(removed.replaced_by);
  return h(
    "li",
    {},
    (removed.title || removed.id) + " staat niet meer in de infobox: " + removed.reason,
    successor ? [" In de plaats daarvan: ", h("a", { href: root + successor.url }, successor.title), "."] : null,
  );
}

function render(page, status, root, shared, wanted, byId, removed) {
  Array.prototype.forEach.call(page.querySelectorAll(".ib-selectie__body"), function (old) {
    old.remove();
  });
  const ids = wanted.filter(function (id) {
    return byId.has(id);
  });
  const missing = wanted.length - ids.length;
  const body = h("div", { class: "ib-selectie__body" });
  const again = function () {
    render(page, status, root, shared, shared ? wanted : load(), byId, removed);
  };

  let text = shared
    ? "Deze gedeelde selectie heeft " + plural(ids.length) + "."
    : ids.length
      ? "Uw selectie heeft " + plural(ids.length) + "."
      : "Uw selectie is nog leeg.";
  if (missing)
    text +=
      " " +
      (missing === 1 ? "1 hulpmiddel" : missing + " hulpmiddelen") +
      " uit de selectie " +
      (missing === 1 ? "staat" : "staan") +
      " niet meer in de infobox.";
  status.textContent = text;
  const gone = wanted.filter((id) => removed.has(id)).map((id) => removedNotice(removed.get(id), byId, root));
  if (gone.length) body.appendChild(h("ul", { class: "ib-selectie__removed" }, gone));

  if (!ids.length && !shared) {
    body.appendChild(
      h(
        "p",
        { class: "ib-selectie__empty" },
        "Kies bij een hulpmiddel ‘In mijn selectie’, bijvoorbeeld in het ",
        h("a", { href: root + "hulpmiddelen/" }, "overzicht van A tot Z"),
        ".",
      ),
    );
    page.appendChild(body);
    return;
  }

  const actions = h("div", { class: "ib-selectie__actions" });
  // Visible: after "Kopieer deellink" the reader sees that something happened.
  const feedback = h("p", { class: "ib-selectie__feedback", role: "status" });
  if (shared) {
    actions.appendChild(
      button("Neem over in mijn selectie", "", function () {
        const own = load();
        save(own.concat(ids));
        feedback.textContent = "Toegevoegd aan uw selectie; die heeft nu " + plural(load().length) + ".";
      }),
    );
  }
  if (ids.length) {
    const link = shareLink(ids);
    actions.appendChild(
      button("Kopieer deellink", "", function () {
        const done = function (ok) {
          feedback.textContent = ok
            ? "Link gekopieerd: plak hem in een e-mail of chat."
            : "Kopiëren lukte niet; de deellink staat nu in de adresbalk.";
          if (!ok) history.replaceState(history.state, "", link);
        };
        if (navigator.clipboard && navigator.clipboard.writeText)
          navigator.clipboard.writeText(link).then(
            function () {
              done(true);
            },
            function () {
              done(false);
            },
          );
        else done(false);
      }),
    );
    if (navigator.share)
      actions.appendChild(
        button("Deel", " de selectie", function () {
          navigator.share({ title: "Selectie uit de Infobox Werken aan Veiligheid", url: link }).catch(function () {});
        }),
      );
    actions.appendChild(
      button("Druk af", " de selectie", function () {
        window.print();
      }),
    );
  }
  if (!shared && ids.length)
    actions.appendChild(
      button("Maak selectie leeg", "", function () {
        save([]);
        again();
        status.focus();
      }),
    );
  actions.appendChild(feedback);
  body.appendChild(actions);

  const list = h("ol", { class: "ib-selectie__list" });
  ids.forEach(function (id) {
    const resource = byId.get(id);
    list.appendChild(
      card(
        resource,
        root,
        shared
          ? null
          : function () {
              save(
                load().filter(function (other) {
                  return other !== id;
                }),
              );
              again();
              status.focus();
            },
      ),
    );
  });
  body.appendChild(list);
  page.appendChild(body);
}

// Modules run before DOMContentLoaded; the work waits for it, as the theme's start does.
document.addEventListener("DOMContentLoaded", () => {
  setupToggles();
  setupPage();
  showCount();
});
