// A quiet link icon next to every sub-item heading of a standard page and every resource card title: copies
// the address of that place (page URL + #anchor) and says so in a live region, for keyboard and
// screen-reader users alike. Where the browser offers the Web Share API (phones), a share icon beside it
// hands the title and address to the phone's share sheet (mail, Teams, WhatsApp). The icons sit in space
// infobox.css keeps free beside the heading, so adding them moves nothing. Without JavaScript the heading
// anchors still work as addresses.
// The pages put an empty .ib-link-actions right after each such heading (infobox/site/templates/); the icons
// go in there. Filling it restyles the icons only, where inserting an element among the headings' siblings
// makes the browser restyle every card, or the whole page, while it loads.
import { h } from "./dom.js";

const PLACES = ".ib-link-actions:empty";
// Material Design Icons (link-variant, share-variant), as the theme ships them: their paths.
const LINK_ICON =
  "M10.59 13.41c.41.39.41 1.03 0 1.42-.39.39-1.03.39-1.42 0a5.003 5.003 0 0 1 0-7.07l3.54-3.54a5.003 5.003 0 0 1 " +
  "7.07 0 5.003 5.003 0 0 1 0 7.07l-1.49 1.49c.01-.82-.12-1.64-.4-2.42l.47-.48a2.98 2.98 0 0 0 0-4.24 2.98 2.98 0 " +
  "0 0-4.24 0l-3.53 3.53a2.98 2.98 0 0 0 0 4.24m2.82-4.24c.39-.39 1.03-.39 1.42 0a5.003 5.003 0 0 1 0 7.07l-3.54 " +
  "3.54a5.003 5.003 0 0 1-7.07 0 5.003 5.003 0 0 1 0-7.07l1.49-1.49c-.01.82.12 1.64.4 2.43l-.47.47a2.98 2.98 0 0 0 " +
  "0 4.24 2.98 2.98 0 0 0 4.24 0l3.53-3.53a2.98 2.98 0 0 0 0-4.24.973.973 0 0 1 0-1.42";
const SHARE_ICON =
  "M18 16.08c-.76 0-1.44.3-1.96.77L8.91 12.7c.05-.23.09-.46.09-.7s-.04-.47-.09-.7l7.05-4.11c.54.5 1.25.81 2.04.81a3 " +
  "3 0 0 0 3-3 3 3 0 0 0-3-3 3 3 0 0 0-3 3c0 .24.04.47.09.7L8.04 9.81C7.5 9.31 6.79 9 6 9a3 3 0 0 0-3 3 3 3 0 0 0 3 " +
  "3c.79 0 1.5-.31 2.04-.81l7.12 4.15c-.05.21-.08.43-.08.66 0 1.61 1.31 2.91 2.92 2.91s2.92-1.3 2.92-2.91A2.92 2.92 " +
  "0 0 0 18 16.08";

// An icon button whose accessible name is its visually hidden text; each kind is built once, then cloned.
const templates = {};
function iconButton(className, path, name) {
  if (!templates[className]) {
    templates[className] = h(
      "button",
      { type: "button", class: className },
      h(
        "svg",
        { viewBox: "0 0 24 24", width: "20", height: "20", "aria-hidden": "true", focusable: "false" },
        h("path", { d: path }),
      ),
      h("span", { class: "ib-visually-hidden" }),
    );
  }
  const button = templates[className].cloneNode(true);
  button.lastChild.textContent = name;
  return button;
}

// The heading a button in a .ib-link-actions belongs to, its title and its address.
function placeOf(button) {
  const heading = button.parentNode.previousElementSibling;
  const url = new URL(window.location.href);
  url.search = "";
  url.hash = heading.id;
  return { title: heading.textContent.trim(), url: url };
}

function copy(button, status) {
  const place = placeOf(button);
  const done = function (copied) {
    status.textContent = copied
      ? "Link naar " + place.title + " gekopieerd."
      : "Kopiëren lukte niet; de link staat nu in de adresbalk.";
    if (!copied) history.replaceState(history.state, "", place.url.href);
    button.dataset.copied = copied ? "true" : "false";
  };
  if (navigator.clipboard && navigator.clipboard.writeText) {
    navigator.clipboard.writeText(place.url.href).then(
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
}

function share(button) {
  const place = placeOf(button);
  navigator.share({ title: place.title, url: place.url.href }).catch(function () {
    // Closing the share sheet is no error worth telling.
  });
}

// Fills the places a few at a time, each batch a short task of its own: on the A-Z list (67 cards) one
// task filling them all kept a phone's browser from answering a tap for a noticeable moment. Nothing moves
// as they fill: their room is kept free in infobox.css.
function fill(places, budgetMs) {
  const canShare = typeof navigator.share === "function";
  let next = 0;
  (function batch() {
    const until = performance.now() + budgetMs;
    while (next < places.length && performance.now() < until) {
      const actions = places[next++];
      const heading = actions.previousElementSibling;
      if (!heading || !heading.id || actions.firstChild) continue;
      const title = heading.textContent.trim();
      actions.appendChild(iconButton("ib-copy-link", LINK_ICON, "Kopieer link naar " + title));
      if (canShare) {
        actions.appendChild(iconButton("ib-share-link", SHARE_ICON, "Deel " + title));
        heading.classList.add("ib-shareable"); // room for both icons (infobox.css)
      }
    }
    if (next < places.length) setTimeout(batch, 0);
  })();
}

function setup() {
  const places = document.querySelectorAll(PLACES);
  if (!places.length || document.getElementById("ib-copy-status")) return;
  const status = h("p", { id: "ib-copy-status", class: "ib-visually-hidden", role: "status" });
  document.body.appendChild(status);
  // One listener for every button, however many the page has.
  document.addEventListener("click", function (event) {
    const button = event.target.closest && event.target.closest(".ib-link-actions > button");
    if (!button) return;
    if (button.classList.contains("ib-share-link")) share(button);
    else copy(button, status);
  });
  fill(Array.prototype.slice.call(places), 8);
}

// After the other scripts' start (modules run before DOMContentLoaded, the theme's start at it), in a task
// of its own.
document.addEventListener("DOMContentLoaded", () => setTimeout(setup, 0));
