// Filters on /hulpmiddelen/: narrow the A–Z list by standard, organisation, theme, type and audience, without a
// reload. Native selects and checkboxes keep it keyboard- and screen-reader-friendly; the count is
// announced through the aria-live status. Without JavaScript the form stays hidden and the full list shows.
// Nothing jumps: the page loads this script before the form, and it marks <html> at once (ib-filters-js
// shows the form from the first paint; ib-filters-pending keeps a filtered list invisible, in its place,
// until the filter is applied), so neither the form nor the URL's filter moves what a reader already sees.
//
// The choice lives in the URL (?standaard=3A&soort=training&voor=jeugd), so a filtered list can be shared;
// it is restored on load and on back/forward. Every option shows how many resources it would give with the
// other choices kept. When nothing matches, the empty state names the filter to loosen and clears it.
// A search result for one resource (?hulpmiddel=<id>) opens the list at that card (#<id>).
(function () {
  "use strict";

  // Form control name -> URL parameter and the label used in the empty-state hint.
  const FILTERS = [
    { name: "standard", param: "standaard", label: "Kwaliteitsstandaard" },
    { name: "organisation", param: "organisatie", label: "Organisatie" },
    { name: "theme", param: "thema", label: "Thema" },
    { name: "type", param: "soort", label: "Soort hulpmiddel" },
    { name: "audience", param: "voor", label: "Voor wie" },
  ];

  const root = document.documentElement;
  root.classList.add("ib-filters-js");
  const query = new URL(window.location.href).searchParams;
  if (
    FILTERS.some(function (f) {
      return query.has(f.param);
    })
  )
    root.classList.add("ib-filters-pending");

  function plural(n) {
    return n === 1 ? "1 hulpmiddel" : n + " hulpmiddelen";
  }

  function openResource() {
    const url = new URL(window.location.href);
    const id = url.searchParams.get("hulpmiddel");
    if (!id) return;
    url.searchParams.delete("hulpmiddel");
    url.hash = id;
    history.replaceState(history.state, "", url.href);
    const target = document.getElementById(id);
    if (target) target.scrollIntoView();
  }

  function setup() {
    const form = document.getElementById("ib-filters");
    const list = document.getElementById("ib-resource-list");
    const count = document.getElementById("ib-filter-count");
    const empty = document.getElementById("ib-filter-empty");
    const printHeading = document.getElementById("ib-print-filter");
    if (!form || !list || !count || !empty || form.dataset.ready) return;
    form.dataset.ready = "true";
    const cards = Array.prototype.slice.call(list.querySelectorAll(".ib-card"));
    const audienceBoxes = Array.prototype.slice.call(form.querySelectorAll('input[name="audience"]'));
    const typeOptions = Array.prototype.slice.call(form.elements.type.options);

    function state() {
      const s = {};
      FILTERS.forEach(function (f) {
        s[f.name] =
          f.name === "audience"
            ? audienceBoxes
                .filter(function (b) {
                  return b.checked;
                })
                .map(function (b) {
                  return b.value;
                })
            : form.elements[f.name].value;
      });
      return s;
    }

    function typesOf(value) {
      const option = typeOptions.filter(function (o) {
        return o.value === value;
      })[0];
      return option && option.dataset.types ? option.dataset.types.split("|") : [value];
    }

    function passes(card, name, value) {
      if (!value || !value.length) return true;
      if (name === "standard") return card.dataset.refs.split(" ").indexOf(value) >= 0;
      if (name === "organisation") return card.dataset.organisations.split("|").indexOf(value) >= 0;
      if (name === "theme") return card.dataset.themes.split(" ").indexOf(value) >= 0;
      if (name === "type") return typesOf(value).indexOf(card.dataset.type) >= 0;
      const own = card.dataset.audience ? card.dataset.audience.split("|") : [];
      return value.some(function (a) {
        return own.indexOf(a) >= 0;
      });
    }

    // How many cards pass every filter in `s`, except the one named `skip`.
    function countWith(s, skip) {
      return cards.filter(function (card) {
        return FILTERS.every(function (f) {
          return f.name === skip || passes(card, f.name, s[f.name]);
        });
      }).length;
    }

    function withValue(s, name, value) {
      const copy = Object.assign({}, s);
      copy[name] = value;
      return copy;
    }

    function showCounts(s) {
      FILTERS.forEach(function (f) {
        const name = f.name;
        if (name === "audience") return;
        Array.prototype.forEach.call(form.elements[name].options, function (option) {
          if (!option.dataset.text) option.dataset.text = option.textContent;
          const n = countWith(withValue(s, name, option.value));
          option.textContent = option.dataset.text + " (" + n + ")";
        });
      });
      audienceBoxes.forEach(function (box) {
        const label = box.parentNode.querySelector(".ib-filters__n") || document.createElement("span");
        label.className = "ib-filters__n";
        label.textContent = " (" + countWith(withValue(s, "audience", [box.value])) + ")";
        box.parentNode.appendChild(label);
      });
    }

    function describe(f, s) {
      if (f.name === "audience") return f.label + ": " + s.audience.join(", ");
      const select = form.elements[f.name];
      return f.label + ": " + select.options[select.selectedIndex].dataset.text;
    }

    // On paper a filtered list is headed by its filter, not by "Alle hulpmiddelen" (print.css).
    function showPrintHeading(s, shown) {
      const active = FILTERS.filter(function (f) {
        return s[f.name] && s[f.name].length;
      });
      root.classList.toggle("ib-filters-active", active.length > 0);
      if (!printHeading) return;
      printHeading.hidden = !active.length;
      printHeading.textContent = active.length
        ? plural(shown) +
          " van de " +
          cards.length +
          ", gekozen op " +
          active
            .map(function (f) {
              return describe(f, s);
            })
            .join("; ")
        : "";
    }

    function showEmpty(s) {
      empty.textContent = "";
      const active = FILTERS.filter(function (f) {
        return s[f.name] && s[f.name].length;
      });
      const options = active
        .map(function (f) {
          return { filter: f, n: countWith(withValue(s, f.name, f.name === "audience" ? [] : "")) };
        })
        .sort(function (a, b) {
          return b.n - a.n;
        });
      const hint = document.createElement("p");
      hint.textContent = "Geen hulpmiddel past bij alle gekozen filters. Maak een filter ruimer:";
      empty.appendChild(hint);
      const actions = document.createElement("ul");
      options.forEach(function (o) {
        const item = document.createElement("li");
        const button = document.createElement("button");
        button.type = "button";
        button.className = "md-button";
        button.textContent = "Wis " + describe(o.filter, s) + " (dan " + plural(o.n) + ")";
        button.addEventListener("click", function () {
          clear(o.filter.name);
          apply(true);
          count.focus();
        });
        item.appendChild(button);
        actions.appendChild(item);
      });
      empty.appendChild(actions);
    }

    function clear(name) {
      if (name === "audience")
        audienceBoxes.forEach(function (b) {
          b.checked = false;
        });
      else form.elements[name].value = "";
    }

    function toURL(s) {
      const url = new URL(window.location.href);
      FILTERS.forEach(function (f) {
        url.searchParams.delete(f.param);
        if (f.name === "audience")
          s.audience.forEach(function (a) {
            url.searchParams.append(f.param, a);
          });
        else if (s[f.name]) url.searchParams.set(f.param, s[f.name]);
      });
      return url.href;
    }

    function fromURL() {
      const params = new URL(window.location.href).searchParams;
      FILTERS.forEach(function (f) {
        if (f.name === "audience") {
          const chosen = params.getAll(f.param);
          audienceBoxes.forEach(function (b) {
            b.checked = chosen.indexOf(b.value) >= 0;
          });
          return;
        }
        const select = form.elements[f.name];
        const value = params.get(f.param) || "";
        const known = Array.prototype.some.call(select.options, function (o) {
          return o.value === value;
        });
        select.value = known ? value : "";
      });
    }

    function apply(remember) {
      const s = state();
      let shown = 0;
      cards.forEach(function (card) {
        const visible = FILTERS.every(function (f) {
          return passes(card, f.name, s[f.name]);
        });
        card.hidden = !visible;
        if (visible) shown += 1;
      });
      count.textContent = plural(shown) + " gevonden";
      showCounts(s);
      showPrintHeading(s, shown);
      empty.hidden = shown > 0;
      if (shown === 0) showEmpty(s);
      if (remember) {
        const url = toURL(s);
        if (url !== window.location.href) history.pushState({ ibFilters: true }, "", url);
      }
    }

    count.tabIndex = -1; // focus target after "Wis ..." so keyboard users land on the new count
    form.addEventListener("change", function () {
      apply(true);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
    });
    // "reset" fires before the controls are reset; apply afterwards.
    form.addEventListener("reset", function () {
      setTimeout(function () {
        apply(true);
      }, 0);
    });
    window.addEventListener("popstate", function () {
      fromURL();
      apply(false);
    });
    try {
      fromURL();
      apply(false);
    } finally {
      root.classList.remove("ib-filters-pending");
    }
  }

  function start() {
    openResource();
    setup();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
