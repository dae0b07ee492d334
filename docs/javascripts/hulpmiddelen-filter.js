// Filters on /hulpmiddelen/: narrow the A–Z list by standard, organisation, type and audience, without a
// reload. Native selects and checkboxes keep it keyboard- and screen-reader-friendly; the count is
// announced through the aria-live status. Without JavaScript the form stays hidden and the full list shows.
(function () {
  "use strict";

  function setup() {
    const form = document.getElementById("ib-filters");
    const list = document.getElementById("ib-resource-list");
    const count = document.getElementById("ib-filter-count");
    if (!form || !list || !count || form.dataset.ready) return;
    form.dataset.ready = "true";
    const cards = Array.prototype.slice.call(list.querySelectorAll(".ib-card"));

    function matches(card, standard, organisation, type, audiences) {
      if (standard && card.dataset.refs.split(" ").indexOf(standard) < 0) return false;
      if (organisation && card.dataset.organisations.split("|").indexOf(organisation) < 0) return false;
      if (type && card.dataset.type !== type) return false;
      if (audiences.length) {
        const own = card.dataset.audience ? card.dataset.audience.split("|") : [];
        if (!audiences.some(function (a) { return own.indexOf(a) >= 0; })) return false;
      }
      return true;
    }

    function apply() {
      const standard = form.elements.standard.value;
      const organisation = form.elements.organisation.value;
      const type = form.elements.type.value;
      const audiences = Array.prototype.slice
        .call(form.querySelectorAll('input[name="audience"]:checked'))
        .map(function (input) { return input.value; });
      let shown = 0;
      cards.forEach(function (card) {
        const visible = matches(card, standard, organisation, type, audiences);
        card.hidden = !visible;
        if (visible) shown += 1;
      });
      count.textContent = shown === 1
        ? "1 hulpmiddel gevonden"
        : shown + " hulpmiddelen gevonden";
    }

    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    // "reset" fires before the controls are reset; apply afterwards.
    form.addEventListener("reset", function () { setTimeout(apply, 0); });
    form.hidden = false;
    apply();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
