/*
 * Zelfscan page: loads the site's own /catalogue.json (so the statements never drift from the catalogue),
 * holds the answers (the only state that is stored: localStorage, one versioned key), renders the scan
 * form and the save/open/Excel buttons, and has the result and the comparison render themselves.
 * Everything stays in the browser; files are read and written locally.
 * The page's one script: it imports zelfscan-core.js (pure logic), zelfscan-view.js (messages, tables,
 * resource lists), zelfscan-result.js (score and verbeterplan), zelfscan-compare.js (regional comparison)
 * and zelfscan-workbook-model.js with zelfscan-workbook.js (the Excel workbook; its library is loaded only
 * when the button is pressed).
 */
import { h } from "./dom.js";
import * as compareView from "./zelfscan-compare.js";
import * as core from "./zelfscan-core.js";
import * as resultView from "./zelfscan-result.js";
import { BASE, showMessage } from "./zelfscan-view.js";
import { workbookBlob } from "./zelfscan-workbook.js";
import { workbookModel } from "./zelfscan-workbook-model.js";

// The page's state, in one place: the catalogue it was built from, the answers being edited and the
// standards chosen (kept in the address, not in the browser's storage: a link carries it; a saved file
// records it too; [] is every standard).
let catalogue = null;
let state = core.emptyState();
let choice = [];

const byId = (id) => document.getElementById(id);
const idFor = (ref, suffix) => `zs-${ref}${suffix ? `-${suffix.replace(/\s+/g, "-")}` : ""}`;

/* ---------- storage ---------- */

function load() {
  try {
    const raw = window.localStorage.getItem(core.STORAGE_KEY);
    if (!raw) return core.emptyState();
    const saved = JSON.parse(raw);
    return {
      organisation: typeof saved.organisation === "string" ? saved.organisation : "",
      date: typeof saved.date === "string" ? saved.date : "",
      answers: core.cleanAnswers(catalogue, saved.answers),
    };
  } catch {
    return core.emptyState();
  }
}

function save() {
  try {
    window.localStorage.setItem(core.STORAGE_KEY, JSON.stringify(state));
  } catch {
    showMessage(byId("zs-save-message"), "error", "Uw antwoorden konden niet in deze browser worden bewaard.");
  }
}

/* ---------- the scan ---------- */

function scaleFieldset(statement) {
  const entry = state.answers[statement.ref] || {};
  const radios = core.SCALE.map((step) => {
    const id = idFor(statement.ref, step.value);
    return h(
      "span",
      { class: "zelfscan-choice" },
      h("input", {
        type: "radio",
        id,
        name: idFor(statement.ref),
        value: step.value,
        checked: entry.answer === step.value,
        "data-ref": statement.ref,
      }),
      h("label", { for: id }, step.label),
    );
  });
  const noteId = idFor(statement.ref, "toelichting");
  const note = h("textarea", { id: noteId, rows: "2", "data-ref": statement.ref, "data-note": "" });
  note.value = entry.note || "";
  return h(
    "fieldset",
    { class: "zelfscan-statement", id: idFor(statement.ref, "vraag") },
    h("legend", {}, h("span", { class: "zelfscan-ref" }, statement.ref), " ", statement.statement),
    // The statement is the editors' plain-language version; the standard's own text is one click away.
    h(
      "details",
      { class: "zelfscan-source" },
      h("summary", {}, "Toon de tekst van de standaard"),
      h("p", {}, h("span", { class: "zelfscan-source-label" }, "Kwaliteitskader: "), statement.fullText),
    ),
    h("div", { class: "zelfscan-scale" }, radios),
    h(
      "div",
      { class: "zelfscan-note" },
      h("label", { for: noteId }, `Toelichting bij ${statement.ref} (optioneel)`),
      note,
    ),
  );
}

/* ---------- the standards a team works on ---------- */

const choiceFromAddress = () =>
  core.parseChoice(new URL(window.location.href).searchParams.getAll(core.CHOICE_PARAM), catalogue);

/** Checkboxes per standard; none ticked is every standard, as with the filters of /hulpmiddelen/. */
function choiceFieldset() {
  const chosen = new Set(choice);
  return h(
    "fieldset",
    { class: "zelfscan-who zelfscan-pick", id: "zs-choice", "aria-describedby": "zs-choice-hint" },
    h("legend", {}, "Welke standaarden neemt u mee?"),
    h(
      "p",
      { class: "zelfscan-small", id: "zs-choice-hint" },
      "Kies de standaarden waar uw team aan werkt; kiest u niets, dan doen alle standaarden mee. U kunt ook " +
        "tijdens het invullen kiezen. De keuze staat in het adres van deze pagina: stuur die link door, dan " +
        "ziet de ontvanger dezelfde standaarden. Antwoorden bij standaarden die u niet kiest, blijven bewaard.",
    ),
    h(
      "ul",
      { class: "zelfscan-pick-list" },
      catalogue.standards.map((standard) => {
        const id = `zs-kies-${standard.id}`;
        return h(
          "li",
          {},
          h("input", {
            type: "checkbox",
            id,
            value: String(standard.id),
            checked: chosen.has(String(standard.id)),
            "data-choice": "",
          }),
          h("label", { for: id }, `${standard.id}. ${standard.title}`),
        );
      }),
    ),
    // Focus lands here after "Alle standaarden", which hides itself.
    h("p", { id: "zs-choice-status", role: "status", "aria-live": "polite", tabindex: "-1" }),
    h(
      "p",
      { class: "zelfscan-actions" },
      h(
        "button",
        {
          type: "button",
          id: "zs-choice-all",
          class: "md-button",
          onclick: () => {
            choose([]);
            tickChosen();
            byId("zs-choice-status").focus();
          },
        },
        "Alle standaarden",
      ),
    ),
  );
}

/** Take a new choice: into the address (a history entry, like a filter), then onto the page. */
function choose(next) {
  choice = next;
  const href = core.withChoice(window.location.href, choice);
  if (href !== window.location.href) window.history.pushState({ zelfscanChoice: true }, "", href);
  showChoice();
}

/** Tick the boxes of the choice (after the address or "Alle standaarden" changed it, not the boxes). */
function tickChosen() {
  for (const box of document.querySelectorAll("input[data-choice]")) box.checked = choice.includes(box.value);
}

/** Show the chosen standards' statements only, say what is chosen, and redraw the result. */
function showChoice() {
  showChosen();
  refresh();
}

/** The chosen standards' statements only, and what is chosen. */
function showChosen() {
  const chosen = core.chosenStandards(catalogue, choice);
  const ids = new Set(chosen.map((standard) => String(standard.id)));
  for (const section of document.querySelectorAll(".zelfscan-standard")) {
    section.hidden = !ids.has(section.dataset.standard);
  }
  const total = catalogue.standards.length;
  const count = core.progress(catalogue, {}, choice).total;
  byId("zs-choice-status").textContent = choice.length
    ? `${chosen.length} van de ${total} standaarden gekozen: ${core.dutchList(choice)} (${count} stellingen).`
    : `Alle ${total} standaarden doen mee (${count} stellingen).`;
  byId("zs-choice-all").hidden = !choice.length;
}

/** Runs `steps` in order, as many as fit in a few milliseconds per task, then lets the browser draw and
 * answer input before the next: one task drawing the whole scan (35 statements) kept a phone's browser
 * busy long enough to miss a tap. */
function inTasks(steps) {
  let next = 0;
  (function batch() {
    const until = performance.now() + 8;
    while (next < steps.length && performance.now() < until) steps[next++]();
    if (next < steps.length) setTimeout(batch, 0);
  })();
}

/** The scan form. With `done`, the standards are added a few at a time below the first (inTasks), and
 * `done` runs once all are there; without it (a new start, an opened file) all at once. */
function renderScan(container, done) {
  const all = core.statements(catalogue);
  const section = (standard) => {
    const own = all.filter((s) => s.standardId === String(standard.id));
    const headingId = `zs-standaard-${standard.id}`;
    return h(
      "section",
      { class: "zelfscan-standard", "aria-labelledby": headingId, "data-standard": String(standard.id) },
      h("h3", { id: headingId }, `Standaard ${standard.id}: ${standard.title}`),
      own[0].letter ? h("p", { class: "zelfscan-lead" }, standard.statement) : null,
      own.map((statement) => scaleFieldset(statement)),
      h(
        "p",
        { class: "zelfscan-more" },
        h("a", { href: `${BASE}${standard.url}` }, `Lees standaard ${standard.id} met de hulpmiddelen`),
      ),
    );
  };
  const standards = catalogue.standards;
  const first = done ? standards.slice(0, 1) : standards;
  // Each later standard goes into an empty place of its own: adding it among the form's children would
  // make the browser restyle its siblings too, on every step.
  const places = standards.slice(first.length).map(() => h("div", { class: "zelfscan-place" }));
  const actions = h(
    "p",
    { class: "zelfscan-actions" },
    h("button", { type: "button", id: "zs-reset", class: "md-button", onclick: reset }, "Begin opnieuw"),
  );

  const organisation = h("input", { id: "zs-organisation", type: "text", autocomplete: "organization" });
  organisation.value = state.organisation;
  const date = h("input", { id: "zs-date", type: "date" });
  date.value = state.date;

  const form = h(
    "form",
    { id: "zs-form", class: "zelfscan-form", onsubmit: (event) => event.preventDefault() },
    h(
      "fieldset",
      { class: "zelfscan-who" },
      h("legend", {}, "Wie vult de scan in, en wanneer?"),
      h("div", {}, h("label", { for: "zs-organisation" }, "Gemeente of regio"), organisation),
      h("div", {}, h("label", { for: "zs-date" }, "Datum"), date),
    ),
    choiceFieldset(),
    h(
      "div",
      { class: "zelfscan-progress" },
      h("label", { for: "zs-progress" }, "Voortgang"),
      h("progress", { id: "zs-progress", max: String(all.length), value: "0" }),
      h("p", { id: "zs-progress-text", role: "status", "aria-live": "polite" }),
    ),
    h(
      "p",
      {},
      "Uw antwoorden worden automatisch bewaard in deze browser. ",
      h("a", { href: "#resultaat" }, "Naar het resultaat"),
    ),
    h("div", { id: "zs-save-message" }),
    first.map(section),
    places,
    actions,
  );
  form.addEventListener("change", onChange);
  form.addEventListener("input", onInput);
  container.replaceChildren(form);
  if (!done) return;
  // What the form says from the start, so nothing in it moves when the rest is added.
  showChosen();
  renderProgress();
  const ids = new Set(core.chosenStandards(catalogue, choice).map((standard) => String(standard.id)));
  inTasks([
    ...standards.slice(first.length).map((standard, i) => () => {
      const added = section(standard);
      added.hidden = !ids.has(added.dataset.standard);
      places[i].append(added);
    }),
    done,
  ]);
}

function onChange(event) {
  const target = event.target;
  if (target.dataset.choice !== undefined) {
    const ticked = [...document.querySelectorAll("input[data-choice]:checked")].map((box) => box.value);
    choose(core.parseChoice(ticked, catalogue));
  } else if (target.type === "radio" && target.checked) {
    const ref = target.dataset.ref;
    state.answers[ref] = { ...(state.answers[ref] || { note: "" }), answer: target.value };
    save();
    refresh();
  }
}

function onInput(event) {
  const target = event.target;
  if (target.id === "zs-organisation") state.organisation = target.value;
  else if (target.id === "zs-date") state.date = target.value;
  else if (target.dataset.note !== undefined) {
    const ref = target.dataset.ref;
    state.answers[ref] = { answer: "", ...(state.answers[ref] || {}), note: target.value };
  } else return;
  save();
  // A note shows in the verbeterplan (below the form) as it is typed: rendering it when the field is left
  // would move the buttons under a pointer that is about to click one.
  if (target.dataset.note !== undefined) refresh();
  else if (target.id !== "zs-organisation" || !event.isComposing) resultView.renderHead(state, choice);
}

function reset() {
  if (!window.confirm("Weet u zeker dat u opnieuw wilt beginnen? Al uw antwoorden en toelichtingen worden gewist.")) {
    return;
  }
  try {
    window.localStorage.removeItem(core.STORAGE_KEY);
  } catch {
    /* nothing stored, nothing to clear */
  }
  state = core.emptyState();
  renderScan(byId("zelfscan-scan"));
  showChoice();
  byId("zs-organisation").focus();
}

function renderProgress() {
  const { done, total } = core.progress(catalogue, state.answers, choice);
  byId("zs-progress").max = total;
  byId("zs-progress").value = done;
  byId("zs-progress-text").textContent = `${done} van ${total} stellingen beantwoord`;
}

function refresh() {
  renderProgress();
  resultView.render(byId("zelfscan-result"), catalogue, state, choice);
}

/* ---------- sharing ---------- */

function slug(text) {
  return (
    (text || "")
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "zelfscan"
  );
}

function download(fileName, type, content) {
  const url = URL.createObjectURL(content instanceof Blob ? content : new Blob([content], { type }));
  const link = h("a", { href: url, download: fileName, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function fileBase() {
  const parts = ["zelfscan", slug(state.organisation.slice(0, 80)), state.date].filter(Boolean);
  return [...new Set(parts)].join("-");
}

function renderShare(container) {
  const input = h("input", { type: "file", id: "zs-import", accept: ".json,application/json" });
  input.addEventListener("change", () => importFile(input));
  const saveJson = () => {
    const text = `${JSON.stringify(core.toExport(catalogue, state, choice), null, 2)}\n`;
    download(`${fileBase()}.json`, "application/json", text);
  };
  // Only the chosen standards; the resources' Infobox addresses in full, so they work from the file.
  const siteUrl = () => new URL(BASE, window.location.href).href;
  const saveCsv = () =>
    download(
      `${fileBase()}.csv`,
      "text/csv;charset=utf-8",
      core.toCsv(catalogue, state, { choice, siteUrl: siteUrl() }),
    );
  // A press while the file is being made does nothing; the button is not disabled, which would take the
  // keyboard's focus away from it.
  let making = false;
  const saveXlsx = async () => {
    if (making) return;
    making = true;
    const message = byId("zs-export-message");
    showMessage(message, "info", "Het Excel-bestand wordt gemaakt…");
    try {
      const model = workbookModel(catalogue, state, {
        choice,
        siteUrl: siteUrl(),
        pageUrl: window.location.href.split("#")[0],
        today: new Date().toISOString().slice(0, 10),
      });
      download(`${fileBase()}.xlsx`, "", await workbookBlob(model));
      showMessage(message, "ok", `Excel-bestand gemaakt: ${fileBase()}.xlsx.`);
    } catch {
      showMessage(
        message,
        "error",
        "Het Excel-bestand kon niet worden gemaakt. Laad de pagina opnieuw en probeer het nog eens.",
      );
    } finally {
      making = false;
    }
  };
  container.replaceChildren(
    h(
      "p",
      { class: "zelfscan-actions" },
      h(
        "button",
        { type: "button", class: "md-button md-button--primary", id: "zs-export-json", onclick: saveJson },
        "Bewaar mijn antwoorden (bestand)",
      ),
      h(
        "button",
        { type: "button", class: "md-button", id: "zs-export-xlsx", onclick: saveXlsx },
        "Download als Excel-bestand (verbeterplan)",
      ),
      h(
        "button",
        { type: "button", class: "md-button", id: "zs-export-csv", onclick: saveCsv },
        "Download als CSV (voor programma’s)",
      ),
    ),
    h("div", { id: "zs-export-message", role: "status", "aria-live": "polite" }),
    h(
      "p",
      { class: "zelfscan-small" },
      "Bewaren maakt een JSON-bestand (.json) met uw antwoorden en de gekozen standaarden, dat u hier later " +
        "weer opent of voor de regionale vergelijking gebruikt. Het Excel-bestand (.xlsx) gaat over de " +
        "gekozen standaarden en heeft drie bladen: Samenvatting (scores en wat ze betekenen), Antwoorden en " +
        "Verbeterplan, met per verbeterpunt de hulpmiddelen en lege kolommen Actie, Wie, Wanneer en Status " +
        "om in te vullen. De CSV (puntkomma’s, UTF-8) is één tabel voor andere programma’s.",
    ),
    h(
      "div",
      { class: "zelfscan-file" },
      h("label", { for: "zs-import" }, "Open eerder bewaarde antwoorden"),
      h("span", { class: "zelfscan-small", id: "zs-import-hint" }, "Kies het bewaarde .json-bestand."),
      input,
    ),
    h("div", { id: "zs-import-message", role: "status", "aria-live": "polite" }),
  );
  input.setAttribute("aria-describedby", "zs-import-hint");
}

/** Read a chosen scan file; the answers on the page change only once the whole file has been read. */
async function importFile(input) {
  const message = byId("zs-import-message");
  const file = input.files[0];
  if (!file) return;
  input.value = "";
  let result;
  try {
    // The size first: a file far larger than any scan is never read.
    const tooLarge = core.scanSizeProblem(file.size, file.name);
    result = tooLarge ? { ok: false, message: tooLarge } : core.parseScan(await file.text(), catalogue, file.name);
  } catch (error) {
    result = { ok: false, message: `Het bestand kon niet worden gelezen (${error.name}).` };
  }
  if (!result.ok) {
    showMessage(message, "error", `Openen mislukt. ${result.message}`);
    return;
  }
  const hasAnswers = Object.keys(state.answers).length > 0;
  const question = "De bewaarde antwoorden vervangen uw huidige antwoorden in deze browser. Doorgaan?";
  if (hasAnswers && !window.confirm(question)) {
    showMessage(message, "info", "Niet geopend; uw antwoorden zijn niet gewijzigd.");
    return;
  }
  const { choice: savedChoice, edition: _edition, ...scan } = result.scan;
  state = scan;
  save();
  // The file's choice of standards comes back, in the address too (a history entry, like a filter).
  choice = savedChoice;
  const href = core.withChoice(window.location.href, choice);
  if (href !== window.location.href) window.history.pushState({ zelfscanChoice: true }, "", href);
  renderScan(byId("zelfscan-scan"));
  showChoice();
  const { done, total } = core.progress(catalogue, state.answers, choice);
  showMessage(
    message,
    result.warnings.length ? "warning" : "ok",
    `Geopend: ${file.name} (${done} van ${total} stellingen beantwoord${
      choice.length ? `; ${choice.length > 1 ? "standaarden" : "standaard"} ${core.dutchList(choice)}` : ""
    }).`,
    result.warnings,
  );
}

/* ---------- start ---------- */

async function start() {
  const scanContainer = byId("zelfscan-scan");
  if (!scanContainer) return;
  try {
    const response = await fetch(`${BASE}catalogue.json`, { credentials: "same-origin" });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    catalogue = await response.json();
  } catch (error) {
    showMessage(
      scanContainer,
      "error",
      `De kwaliteitsstandaarden konden niet worden geladen (${error.message}). Probeer het later opnieuw.`,
    );
    return;
  }
  state = load();
  choice = choiceFromAddress();
  // The browser went to #resultaat (or another place) before the scan above it was drawn: the scan is
  // drawn at once, then the page goes there again (drawn in steps, it would move the place every step).
  const target = window.location.hash && document.getElementById(core.idFromHash(window.location.hash));
  const rest = [
    () => renderShare(byId("zelfscan-share")),
    () => compareView.mount(byId("zelfscan-compare"), catalogue),
    showChoice,
    () => {
      // Back and forward step through the choices, as through the filters of /hulpmiddelen/ (a step
      // between places on the page, #resultaat, changes nothing).
      window.addEventListener("popstate", () => {
        const next = choiceFromAddress();
        if (next.join() === choice.join()) return;
        choice = next;
        tickChosen();
        showChoice();
      });
      if (target) target.scrollIntoView();
      document.documentElement.dataset.zelfscan = "ready"; // lets tests wait for the rendered scan
    },
  ];
  if (target) {
    renderScan(scanContainer);
    for (const step of rest) step();
  } else {
    renderScan(scanContainer, () => inTasks(rest));
  }
}

start(); // a module runs once the page is parsed
