// Filters on /hulpmiddelen/: narrow the A–Z list by standard, organisation, theme, type and audience, without a
// reload. Native selects and checkboxes keep it keyboard- and screen-reader-friendly; the count is
// announced through the aria-live status. Without JavaScript the form stays hidden and the full list shows.
// Nothing jumps: the page loads this script before the form, and it marks <html> at once (ib-filters-js
// shows the form from the first paint), and a filter in the URL becomes a stylesheet before the list is read
// (prefilter), so the list is drawn filtered from the first paint: no card shows and then goes, and the
// browser never lays out the cards the filter leaves out.
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

  // Marks on <html> after the first paint are data attributes, not classes: the theme's stylesheet has
  // `table:not([class]) td > :first-child`, for which Chromium restyles all of an element's descendants
  // whenever its class attribute changes; on <html> that is the whole page. This class is set before the
  // form and list are read.
  const root = document.documentElement;
  root.classList.add("ib-filters-js");
  // The groups of "Soort hulpmiddel" ({group: [type, ...]}) come with the script tag (data-type-groups,
  // "group=type|type;..."): this script runs before the form is there to be read.
  const TYPE_GROUPS = typeGroups(document.currentScript);
  prefilter(new URL(window.location.href).searchParams);

  function typeGroups(script) {
    return new Map(
      ((script && script.dataset.typeGroups) || "").split(";").map(function (pair) {
        const [key, members] = pair.split("=");
        return [key, members ? members.split("|") : [key]];
      }),
    );
  }

  // The types a value of "Soort hulpmiddel" stands for: a group's members, or the type itself.
  function typesOf(value) {
    return TYPE_GROUPS.get(value) || [value];
  }

  // A card attribute that lists values with "|" between them holds `value`.
  function listed(attribute, value) {
    const v = CSS.escape(value);
    return [
      "[" + attribute + '="' + v + '"]',
      "[" + attribute + '^="' + v + '|"]',
      "[" + attribute + '$="|' + v + '"]',
      "[" + attribute + '*="|' + v + '|"]',
    ];
  }

  // The URL's filter as CSS that hides the other cards while the page is read; setup() then sets their
  // `hidden` and turns it off (an attribute on <html>, not the stylesheet: taking a stylesheet out restyles
  // far more than the cards).
  function prefilter(params) {
    const rules = [];
    FILTERS.forEach(function (f) {
      const values = params.getAll(f.param).filter(Boolean);
      if (!values.length) return;
      let match;
      if (f.name === "standard" || f.name === "theme") {
        const attribute = f.name === "standard" ? "data-refs" : "data-themes";
        match = ["[" + attribute + '~="' + CSS.escape(values[0]) + '"]'];
      } else if (f.name === "type") {
        match = typesOf(values[0]).map(function (type) {
          return '[data-type="' + CSS.escape(type) + '"]';
        });
      } else if (f.name === "organisation") {
        match = listed("data-organisations", values[0]);
      } else {
        match = [].concat.apply([], values.map(listed.bind(null, "data-audience")));
      }
      rules.push(
        "[data-ib-prefilter] #ib-resource-list > .ib-card:not(:is(" + match.join(", ") + ")) { display: none; }",
      );
    });
    if (!rules.length) return;
    const style = document.createElement("style");
    style.textContent = rules.join("\n");
    document.head.appendChild(style);
    root.setAttribute("data-ib-prefilter", "");
  }

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
    // Each card's values per filter, read from its data attributes once, not on every count.
    const words = function (text, separator) {
      return text ? text.split(separator) : [];
    };
    const entries = cards.map(function (card) {
      return {
        card: card,
        standard: words(card.dataset.refs, " "),
        organisation: words(card.dataset.organisations, "|"),
        theme: words(card.dataset.themes, " "),
        type: [card.dataset.type],
        audience: words(card.dataset.audience, "|"),
      };
    });

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

    function passes(entry, name, value) {
      if (!value || !value.length) return true;
      if (name === "type") return typesOf(value).indexOf(entry.type[0]) >= 0;
      if (name === "audience")
        return value.some(function (a) {
          return entry.audience.indexOf(a) >= 0;
        });
      return entry[name].indexOf(value) >= 0;
    }

    // The filters in `s` an entry does not pass.
    function failed(entry, s) {
      return FILTERS.filter(function (f) {
        return !passes(entry, f.name, s[f.name]);
      });
    }

    // The entries that pass every filter in `s` except perhaps the one named `skip`.
    function passingBut(s, skip) {
      return entries.filter(function (entry) {
        const fails = failed(entry, s);
        return fails.length === 0 || (fails.length === 1 && fails[0].name === skip);
      });
    }

    function countIn(pool, name, value) {
      return pool.filter(function (entry) {
        return passes(entry, name, value);
      }).length;
    }

    // How many cards pass every filter in `s` once the one named `name` is `value`.
    function countWith(s, name, value) {
      return countIn(passingBut(s, name), name, value);
    }

    // Text is only written where it changes: each write makes the browser restyle.
    function setText(node, text) {
      if (node.textContent !== text) node.textContent = text;
    }

    function showCounts(s) {
      FILTERS.forEach(function (f) {
        const pool = passingBut(s, f.name);
        if (f.name === "audience") {
          audienceBoxes.forEach(function (box) {
            const label = box.parentNode.querySelector(".ib-filters__n");
            setText(label, " (" + countIn(pool, "audience", [box.value]) + ")");
          });
          return;
        }
        Array.prototype.forEach.call(form.elements[f.name].options, function (option) {
          if (!option.dataset.text) option.dataset.text = option.textContent;
          setText(option, option.dataset.text + " (" + countIn(pool, f.name, option.value) + ")");
        });
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
      root.toggleAttribute("data-ib-filtered", active.length > 0); // with `force`, no change when already so
      if (!printHeading) return;
      if (printHeading.hidden !== !active.length) printHeading.hidden = !active.length;
      setText(
        printHeading,
        active.length
          ? plural(shown) +
              " van de " +
              cards.length +
              ", gekozen op " +
              active
                .map(function (f) {
                  return describe(f, s);
                })
                .join("; ")
          : "",
      );
    }

    function showEmpty(s) {
      empty.textContent = "";
      const active = FILTERS.filter(function (f) {
        return s[f.name] && s[f.name].length;
      });
      const options = active
        .map(function (f) {
          return { filter: f, n: countWith(s, f.name, f.name === "audience" ? [] : "") };
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
            if (b.checked !== chosen.indexOf(b.value) >= 0) b.checked = !b.checked;
          });
          return;
        }
        const select = form.elements[f.name];
        const value = params.get(f.param) || "";
        const known = Array.prototype.some.call(select.options, function (o) {
          return o.value === value;
        });
        if (select.value !== (known ? value : "")) select.value = known ? value : "";
      });
    }

    // `countsLater`: the options' counts in a task of their own (on load; the list comes first).
    function apply(remember, countsLater) {
      const s = state();
      let shown = 0;
      entries.forEach(function (entry) {
        const visible = failed(entry, s).length === 0;
        if (entry.card.hidden === visible) entry.card.hidden = !visible;
        if (visible) shown += 1;
      });
      setText(count, plural(shown) + " gevonden");
      if (countsLater)
        setTimeout(function () {
          showCounts(state());
        }, 0);
      else showCounts(s);
      showPrintHeading(s, shown);
      if (empty.hidden !== shown > 0) empty.hidden = shown > 0;
      if (shown === 0) showEmpty(s);
      if (remember) {
        const url = toURL(s);
        if (url !== window.location.href) history.pushState({ ibFilters: true }, "", url);
      }
    }

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
      apply(false, true);
    } finally {
      root.removeAttribute("data-ib-prefilter"); // the cards' `hidden` says the same now
    }
  }

  // The list is drawn filtered already (prefilter); the form's work waits for a task of its own, after the
  // theme's and the other scripts' start, so no one task keeps the page from answering a tap.
  function start() {
    openResource();
    setTimeout(setup, 0);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
