// "Link werkt niet?" on resource cards (infobox/site/templates/_card.html.j2).
// 1. The mails name the page by its absolute URL, as the reader sees it (the build may not know the
//    site's address; then the mails hold the site-relative path in data-report-page).
// 2. Readers without a mail program copy the report text with a button and send it from their webmail.
import { h } from "./dom.js";

function absoluteUrl(report) {
  const title = report.closest(".ib-card")?.querySelector(".ib-card__title");
  return location.origin + location.pathname + (title ? "#" + title.id : "");
}

// The text of a mailto: link as a reader pastes it into a webmail: the same address, subject and body.
// The build percent-encodes every part (no "+" stands for a space), so URLSearchParams reads it back.
function mailText(href) {
  const mail = new URL(href);
  const query = new URLSearchParams(mail.search);
  return `Aan: ${decodeURIComponent(mail.pathname)}\nOnderwerp: ${query.get("subject")}\n\n${query.get("body")}`;
}

async function copy(button, mail, status) {
  const text = mailText(mail.href);
  try {
    await navigator.clipboard.writeText(text);
    status.textContent = "De meldtekst is gekopieerd. Plak hem in een e-mail aan het adres hierboven.";
  } catch {
    // No clipboard access: show the text, selected, so the reader can copy it by hand.
    let area = button.parentElement.querySelector("textarea");
    if (!area) {
      area = h("textarea", { readonly: true, rows: "8", class: "ib-report__text", "aria-label": "Meldtekst" });
      button.after(area);
    }
    area.value = text;
    area.select();
    status.textContent = "Kopiëren lukte niet: de meldtekst staat geselecteerd in het tekstvak.";
  }
}

// A report is made ready when it is opened, not when the page loads: on the A-Z list preparing all 67
// at once was a task long enough to keep a phone's browser from answering a tap. Its contents are hidden
// until then, so a reader sees no difference.
function prepare(report) {
  if (!report.matches(".ib-report[data-report-page]:not([data-report-ready])")) return;
  report.setAttribute("data-report-ready", "");
  const relative = report.dataset.reportPage;
  const absolute = absoluteUrl(report);
  const status = report.querySelector(".ib-report__status");
  for (const mail of report.querySelectorAll("a.ib-mailto")) {
    mail.href = mail.href.replace(encodeURIComponent(relative), encodeURIComponent(absolute));
    const button = mail.parentElement.querySelector(".ib-report__copy");
    if (!button) continue;
    button.hidden = false;
    button.addEventListener("click", () => copy(button, mail, status));
  }
}

// A click on its summary (mouse, touch or keyboard) comes before it opens; "toggle" covers the browser
// opening it by itself (find in page).
document.addEventListener("click", (event) => {
  const summary = event.target.closest?.("summary");
  if (summary) prepare(summary.parentElement);
});
document.addEventListener("toggle", (event) => prepare(event.target), true);
