// A quiet link icon next to every sub-item heading of a standard page and every resource card title: copies
// the address of that place (page URL + #anchor) and says so in a live region, for keyboard and
// screen-reader users alike. Where the browser offers the Web Share API (phones), a share icon beside it
// hands the title and address to the phone's share sheet (mail, Teams, WhatsApp). The icons sit in space
// infobox.css keeps free beside the heading, so adding them moves nothing. Without JavaScript the heading
// anchors still work as addresses.
// The pages put an empty .ib-link-actions right after each such heading (infobox/templates/site/); the icons
// go in there. Filling it restyles the icons only, where inserting an element among the headings' siblings
// makes the browser restyle every card, or the whole page, while it loads.
(function () {
  "use strict";

  const PLACES = ".ib-link-actions:empty";
  // Material Design Icons (link-variant, share-variant), as the theme ships them.
  const SVG = '<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false"><path d="';
  const LINK_ICON =
    SVG +
    "M10.59 13.41c.41.39.41 1.03 0 1.42-.39.39-1.03.39-1.42 0a5.003 5.003 0 0 1 0-7.07l3.54-3.54a5.003 5.003 0 0 1 " +
    "7.07 0 5.003 5.003 0 0 1 0 7.07l-1.49 1.49c.01-.82-.12-1.64-.4-2.42l.47-.48a2.98 2.98 0 0 0 0-4.24 2.98 2.98 0 " +
    "0 0-4.24 0l-3.53 3.53a2.98 2.98 0 0 0 0 4.24m2.82-4.24c.39-.39 1.03-.39 1.42 0a5.003 5.003 0 0 1 0 7.07l-3.54 " +
    "3.54a5.003 5.003 0 0 1-7.07 0 5.003 5.003 0 0 1 0-7.07l1.49-1.49c-.01.82.12 1.64.4 2.43l-.47.47a2.98 2.98 0 0 0 " +
    "0 4.24 2.98 2.98 0 0 0 4.24 0l3.53-3.53a2.98 2.98 0 0 0 0-4.24.973.973 0 0 1 0-1.42" +
    '"/></svg>';
  const SHARE_ICON =
    SVG +
    "M18 16.08c-.76 0-1.44.3-1.96.77L8.91 12.7c.05-.23.09-.46.09-.7s-.04-.47-.09-.7l7.05-4.11c.54.5 1.25.81 2.04.81a3 " +
    "3 0 0 0 3-3 3 3 0 0 0-3-3 3 3 0 0 0-3 3c0 .24.04.47.09.7L8.04 9.81C7.5 9.31 6.79 9 6 9a3 3 0 0 0-3 3 3 3 0 0 0 3 " +
    "3c.79 0 1.5-.31 2.04-.81l7.12 4.15c-.05.21-.08.43-.08.66 0 1.61 1.31 2.91 2.92 2.91s2.92-1.3 2.92-2.91A2.92 2.92 " +
    "0 0 0 18 16.08" +
    '"/></svg>';

  // An icon button whose accessible name is its visually hidden text.
  function iconButton(className, icon, name) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = className;
    button.innerHTML = icon;
    const label = document.createElement("span");
    label.className = "ib-visually-hidden";
    label.textContent = name;
    button.appendChild(label);
    return button;
  }

  function setup() {
    const places = document.querySelectorAll(PLACES);
    if (!places.length || document.getElementById("ib-copy-status")) return;
    const status = document.createElement("p");
    status.id = "ib-copy-status";
    status.className = "ib-visually-hidden";
    status.setAttribute("role", "status");
    document.body.appendChild(status);

    Array.prototype.forEach.call(places, function (actions) {
      const heading = actions.previousElementSibling;
      if (!heading || !heading.id) return;
      const title = heading.textContent.trim();
      const button = iconButton("ib-copy-link", LINK_ICON, "Kopieer link naar " + title);
      actions.appendChild(button);
      const address = function () {
        const url = new URL(window.location.href);
        url.search = "";
        url.hash = heading.id;
        return url;
      };
      if (typeof navigator.share === "function") {
        const share = iconButton("ib-share-link", SHARE_ICON, "Deel " + title);
        share.addEventListener("click", function () {
          navigator.share({ title: title, url: address().href }).catch(function () {
            // Closing the share sheet is no error worth telling.
          });
        });
        actions.appendChild(share);
        heading.classList.add("ib-shareable"); // room for both icons (infobox.css)
      }
      button.addEventListener("click", function () {
        const url = address();
        const done = function (copied) {
          status.textContent = copied
            ? "Link naar " + title + " gekopieerd."
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
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
