// Filters on /hulpmiddelen/: narrow the A–Z list by standard, organisation, type and audience, without a
// reload. Native selects and checkboxes keep it keyboard- and screen-reader-friendly; the count is
// announced through the aria-live status. Without JavaScript the form stays hidden and the full list shows.
(function () {
  "use strict";

  function setup() {
    var form = document.getElementById("ib-filters");
    var list = document.getElementById("ib-resource-list");
    var count = document.getElementById("ib-filter-count");
    if (!form || !list || !count || form.dataset.ready) return;
    form.dataset.ready = "true";
    var cards = Array.prototype.slice.call(list.querySelectorAll(".ib-card"));

    function matches(card, standard, organisation, type, audiences) {
      if (standard && card.dataset.refs.split(" ").indexOf(standard) < 0) return false;
      if (organisation && card.dataset.organisations.split("|").indexOf(organisation) < 0) return false;
      if (type && card.dataset.type !== type) return false;
      if (audiences.length) {
        var own = card.dataset.audience ? card.dataset.audience.split("|") : [];
        if (!audiences.some(function (a) { return own.indexOf(a) >= 0; })) return false;
      }
      return true;
    }

    function apply() {
      var standard = form.elements.standard.value;
      var organisation = form.elements.organisation.value;
      var type = form.elements.type.value;
      var audiences = Array.prototype.slice
        .call(form.querySelectorAll('input[name="audience"]:checked'))
        .map(function (input) { return input.value; });
      var shown = 0;
      cards.forEach(function (card) {
        var visible = matches(card, standard, organisation, type, audiences);
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
