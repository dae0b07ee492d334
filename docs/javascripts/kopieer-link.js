// "Kopieer link" next to every sub-item heading of a standard page and every resource card title: copies the
// address of that place (page URL + #anchor) and says so in a live region, for keyboard and screen-reader
// users alike. Without JavaScript the heading anchors still work as addresses.
(function () {
  "use strict";

  const TARGETS = ".ib-jumplist ~ h2[id], .ib-card__title[id]";

  function setup() {
    const targets = document.querySelectorAll(TARGETS);
    if (!targets.length || document.getElementById("ib-copy-status")) return;
    const status = document.createElement("p");
    status.id = "ib-copy-status";
    status.className = "ib-visually-hidden";
    status.setAttribute("role", "status");
    document.body.appendChild(status);

    Array.prototype.forEach.call(targets, function (heading) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "ib-copy-link";
      button.textContent = "Kopieer link";
      const name = document.createElement("span");
      name.className = "ib-visually-hidden";
      name.textContent = " naar " + heading.textContent.trim();
      button.appendChild(name);
      button.addEventListener("click", function () {
        const url = new URL(window.location.href);
        url.search = "";
        url.hash = heading.id;
        const done = function (copied) {
          status.textContent = copied
            ? "Link naar " + heading.textContent.trim() + " gekopieerd."
            : "Kopiëren lukte niet; de link staat nu in de adresbalk.";
          if (!copied) history.replaceState(history.state, "", url.href);
          button.dataset.copied = copied ? "true" : "false";
        };
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(url.href).then(
            function () {
              done(true);
            },
            function () {
              done(false);
            },
          );
        } else {
          done(false);
        }
      });
      heading.insertAdjacentElement("afterend", button);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
