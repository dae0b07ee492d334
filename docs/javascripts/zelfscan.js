/*
 * Zelfscan page: renders the scan, the result, sharing and the regional comparison from the site's own
 * /catalogue.json, so the questions can never drift from the catalogue. Everything stays in the browser:
 * answers live in localStorage under one versioned key; files are read and written locally.
 * Depends on zelfscan-core.js (pure logic) and zelfscan-chart.js (inline SVG charts), loaded before it.
 */
(function () {
  "use strict";

  const core = window.ZelfscanCore;
  const chart = window.ZelfscanChart;
  const BASE = "../"; // the page lives at /zelfscan/; the catalogue and other pages are one level up

  let catalogue = null;
  let state = core.emptyState();
  let compared = []; // [{fileName, scan}] for the regional comparison (not stored)

  /* ---------- tiny DOM helper: text is always set as text, never parsed as HTML ---------- */

  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") el.className = value;
      else if (key.startsWith("on")) el.addEventListener(key.slice(2), value);
      else el.setAttribute(key, value === true ? "" : value);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      el.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return el;
  }

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

  function showMessage(el, kind, ...lines) {
    el.replaceChildren(...lines.map((line) => h("p", { class: `zelfscan-message zelfscan-message--${kind}` }, line)));
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

  function renderScan(container) {
    const all = core.statements(catalogue);
    const sections = catalogue.standards.map((standard) => {
      const own = all.filter((s) => s.standardId === String(standard.id));
      const headingId = `zs-standaard-${standard.id}`;
      return h(
        "section",
        { class: "zelfscan-standard", "aria-labelledby": headingId },
        h("h3", { id: headingId }, `Standaard ${standard.id}: ${standard.title}`),
        own[0].letter ? h("p", { class: "zelfscan-lead" }, standard.statement) : null,
        own.map((statement) => scaleFieldset(statement)),
        h(
          "p",
          { class: "zelfscan-more" },
          h("a", { href: `${BASE}kwaliteitsstandaarden/${standard.id}/` }, `Lees standaard ${standard.id} met de hulpmiddelen`),
        ),
      );
    });

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
      h(
        "div",
        { class: "zelfscan-progress" },
        h("label", { for: "zs-progress" }, "Voortgang"),
        h("progress", { id: "zs-progress", max: String(all.length), value: "0" }),
        h("p", { id: "zs-progress-text", role: "status", "aria-live": "polite" }),
      ),
      h("p", {}, "Uw antwoorden worden automatisch bewaard in deze browser. ", h("a", { href: "#resultaat" }, "Naar het resultaat")),
      h("div", { id: "zs-save-message" }),
      sections,
      h(
        "p",
        { class: "zelfscan-actions" },
        h("button", { type: "button", id: "zs-reset", class: "md-button", onclick: reset }, "Begin opnieuw"),
      ),
    );
    form.addEventListener("change", onChange);
    form.addEventListener("input", onInput);
    container.replaceChildren(form);
  }

  function onChange(event) {
    const target = event.target;
    if (target.type === "radio" && target.checked) {
      const ref = target.dataset.ref;
      state.answers[ref] = { ...(state.answers[ref] || { note: "" }), answer: target.value };
      save();
      refresh();
    } else if (target.dataset.note !== undefined) {
      refresh(); // notes appear in the report; render once the field is left
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
    if (target.id !== "zs-organisation" || !event.isComposing) renderReportHead();
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
    refresh();
    byId("zs-organisation").focus();
  }

  function renderProgress() {
    const { done, total } = core.progress(catalogue, state.answers);
    byId("zs-progress").value = done;
    byId("zs-progress-text").textContent = `${done} van ${total} stellingen beantwoord`;
  }

  /* ---------- the result ---------- */

  function formatDate(iso) {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    if (!match) return iso || "";
    const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
    return date.toLocaleDateString("nl-NL", { day: "numeric", month: "long", year: "numeric" });
  }

  function renderReportHead() {
    const head = byId("zs-report-head");
    if (!head) return;
    const who = state.organisation.trim() || "(gemeente of regio niet ingevuld)";
    const when = state.date ? formatDate(state.date) : "(datum niet ingevuld)";
    head.replaceChildren(h("strong", {}, who), ` · ${when}`);
  }

  const percentText = (percent) => (percent === null ? "geen score" : `${percent}%`);

  function resourceItems(resources) {
    return h(
      "ul",
      { class: "zelfscan-resources" },
      resources.map((resource) =>
        h(
          "li",
          {},
          h(
            "a",
            {
              href: `${BASE}hulpmiddelen/#${encodeURIComponent(resource.id)}`,
              // The full address, printed after the link in the report (see zelfscan.css).
              "data-print-url": new URL(`${BASE}hulpmiddelen/#${encodeURIComponent(resource.id)}`, window.location.href).href,
            },
            resource.title,
          ),
          // Many titles already name their organisation; say it only when they do not.
          resource.organisations.some((name) => !resource.title.includes(name))
            ? ` (${resource.organisations.join(", ")})`
            : "",
        ),
      ),
    );
  }

  /** The resources of a gap, then those of its "zie ook" references (the Kwaliteitskader's own pointers). */
  function helpList(gap) {
    const parts = [];
    if (gap.resources.length) parts.push(resourceItems(gap.resources));
    for (const { target, resources } of gap.seeAlso) {
      if (!resources.length) continue;
      parts.push(
        h(
          "p",
          { class: "zelfscan-see-also" },
          "Zie ook de hulpmiddelen bij ",
          h("a", { href: core.statementHref(target, BASE) }, `onderdeel ${target.ref}`),
          ":",
        ),
        resourceItems(resources),
      );
    }
    if (!parts.length) {
      parts.push(h("p", { class: "zelfscan-none" }, "Voor dit onderdeel zijn in de Infobox geen hulpmiddelen opgenomen."));
    }
    return h("div", { class: "zelfscan-help" }, parts);
  }

  function answerLabel(value) {
    const step = core.SCALE.find((s) => s.value === value);
    return step ? step.label.toLowerCase() : "";
  }

  /**
   * A table in its own horizontal scroll container (the page never widens), titled by a paragraph
   * outside the container so the title stays readable while the table scrolls.
   */
  function scrollingTable({ id, title, head, rows }) {
    const titleId = `${id}-title`;
    return [
      h("p", { class: "zelfscan-table-title", id: titleId }, title),
      h(
        "div",
        // Focusable, so keyboard users can scroll it too (WCAG 2.1.1).
        { class: "zelfscan-table-wrap", role: "region", "aria-labelledby": titleId, tabindex: "0" },
        h(
          "table",
          { class: "zelfscan-table", id, "aria-labelledby": titleId },
          h("thead", {}, h("tr", {}, head.map((c) => h("th", { scope: "col" }, c)))),
          h("tbody", {}, rows),
        ),
      ),
    ];
  }

  const standardLabel = (s) => `${s.standardId}. ${s.title}`;

  function renderResult(container) {
    const scores = core.weakestFirst(core.scoreStandards(catalogue, state.answers));
    const parts = [h("p", { class: "zelfscan-report-head", id: "zs-report-head" })];
    if (!scores.some((s) => s.percent !== null)) {
      parts.push(h("p", {}, "Nog geen resultaat: beantwoord eerst één of meer stellingen in de vragenlijst."));
      container.replaceChildren(...parts);
      renderReportHead();
      return;
    }
    parts.push(
      chart.bars({
        id: "zs-result-chart",
        title: "Score per kwaliteitsstandaard, zwakste eerst.",
        description: "Dezelfde cijfers staan in de tabel hieronder.",
        rows: scores.map((s) => ({ label: standardLabel(s), values: [s.percent] })),
      }),
      ...scrollingTable({
        id: "zs-result-table",
        title: "Score per kwaliteitsstandaard, zwakste eerst",
        head: ["Standaard", "Score", "Beantwoord", "Weet niet", "Open"],
        rows: scores.map((s) =>
          h(
            "tr",
            { "data-standard": s.standardId },
            h("th", { scope: "row" }, standardLabel(s)),
            h("td", { class: "zelfscan-num" }, percentText(s.percent)),
            h("td", { class: "zelfscan-num" }, `${s.answered} van ${s.statements}`),
            h("td", { class: "zelfscan-num" }, String(s.dontKnow)),
            h("td", { class: "zelfscan-num" }, String(s.unanswered)),
          ),
        ),
      }),
      renderPlan(),
      h(
        "p",
        { class: "zelfscan-actions" },
        h(
          "button",
          { type: "button", class: "md-button md-button--primary", id: "zs-print-plan", onclick: () => printPart("verbeterplan") },
          "Verbeterplan afdrukken",
        ),
        h(
          "button",
          { type: "button", class: "md-button", id: "zs-print", onclick: () => printPart("rapport") },
          "Rapport afdrukken",
        ),
      ),
    );
    container.replaceChildren(...parts);
    renderReportHead();
  }

  /**
   * The verbeterplan: per gap (a statement answered "niet" or "deels"), weakest standard first, the
   * statement, the municipality's own note and the resources to use. Printed on its own by
   * "Verbeterplan afdrukken" (html[data-print=verbeterplan] in zelfscan.css).
   */
  function renderPlan() {
    const advice = core.advice(catalogue, state.answers);
    const plan = h(
      "div",
      { class: "zelfscan-plan", id: "zs-plan" },
      h("h3", { id: "zs-advice-title" }, "Verbeterplan"),
      h(
        "p",
        {},
        "Per verbeterpunt (een stelling beantwoord met ‘niet’ of ‘deels’): de stelling, uw toelichting en de " +
          "hulpmiddelen uit de Infobox die erbij horen. De zwakste standaard staat bovenaan.",
      ),
      h(
        "p",
        { class: "zelfscan-small" },
        "Gemaakt met de zelfscan van de Infobox Werken aan Veiligheid: een zelfbeoordeling, niet de officiële " +
          "(digitale) zelfscan. De stellingen zijn geschreven door de redactie van de Infobox.",
      ),
    );
    if (advice.length === 0) {
      plan.append(h("p", {}, "Geen onderdelen beantwoord met ‘niet’ of ‘deels’: er zijn (nog) geen verbeterpunten."));
    }
    for (const { score, gaps } of advice) {
      plan.append(
        h(
          "section",
          { class: "zelfscan-advice", "data-standard": score.standardId, "aria-labelledby": `zs-advice-${score.standardId}` },
          h(
            "h4",
            { id: `zs-advice-${score.standardId}` },
            `Standaard ${standardLabel(score)} (${percentText(score.percent)})`,
          ),
          h(
            "ul",
            { class: "zelfscan-gaps" },
            gaps.map((gap) => {
              const note = (state.answers[gap.statement.ref].note || "").trim();
              return h(
                "li",
                { "data-ref": gap.statement.ref },
                h(
                  "p",
                  { class: "zelfscan-gap-statement" },
                  h("a", { href: core.statementHref(gap.statement, BASE) }, gap.statement.ref),
                  ` ${gap.statement.statement}`,
                ),
                h("p", { class: "zelfscan-answer" }, `Uw antwoord: ${answerLabel(gap.answer)}.`),
                h(
                  "p",
                  { class: "zelfscan-answer-note" },
                  note ? `Uw toelichting: ${note}` : "Uw toelichting: (niet ingevuld)",
                ),
                h("p", { class: "zelfscan-help-title" }, "Hulpmiddelen:"),
                helpList(gap),
              );
            }),
          ),
        ),
      );
    }
    return plan;
  }

  /** Print the whole report, or only the verbeterplan; the attribute selects what zelfscan.css prints. */
  function printPart(what) {
    const root = document.documentElement;
    root.dataset.print = what;
    window.addEventListener("afterprint", () => delete root.dataset.print, { once: true });
    window.print();
  }

  function refresh() {
    renderProgress();
    renderResult(byId("zelfscan-result"));
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

  function download(fileName, type, text) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const link = h("a", { href: url, download: fileName, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  function fileBase() {
    const parts = ["zelfscan", slug(state.organisation), state.date].filter(Boolean);
    return [...new Set(parts)].join("-");
  }

  function renderShare(container) {
    const input = h("input", { type: "file", id: "zs-import", accept: ".json,application/json" });
    input.addEventListener("change", () => importFile(input));
    const saveJson = () =>
      download(`${fileBase()}.json`, "application/json", `${JSON.stringify(core.toExport(catalogue, state), null, 2)}\n`);
    container.replaceChildren(
      h(
        "p",
        { class: "zelfscan-actions" },
        h(
          "button",
          { type: "button", class: "md-button md-button--primary", id: "zs-export-json", onclick: saveJson },
          "Bewaar mijn antwoorden (bestand)",
        ),
        h("button", {
          type: "button",
          class: "md-button",
          id: "zs-export-csv",
          onclick: () => download(`${fileBase()}.csv`, "text/csv;charset=utf-8", core.toCsv(catalogue, state)),
        }, "Download voor Excel"),
      ),
      h(
        "p",
        { class: "zelfscan-small" },
        "Bewaren maakt een JSON-bestand (.json) dat u hier later weer opent of voor de regionale " +
          "vergelijking gebruikt. ‘Download voor Excel’ maakt een CSV-bestand (.csv, puntkomma’s, UTF-8) met één regel per stelling.",
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

  async function importFile(input) {
    const message = byId("zs-import-message");
    const file = input.files[0];
    if (!file) return;
    const result = core.parseScan(await file.text(), catalogue, file.name);
    input.value = "";
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
    state = result.scan;
    save();
    renderScan(byId("zelfscan-scan"));
    refresh();
    const { done, total } = core.progress(catalogue, state.answers);
    showMessage(
      message,
      result.warnings.length ? "warning" : "ok",
      `Geopend: ${file.name} (${done} van ${total} stellingen beantwoord).`,
      ...result.warnings,
    );
  }

  /* ---------- regional comparison ---------- */

  function renderCompareControls(container) {
    const input = h("input", { type: "file", id: "zs-compare-files", accept: ".json,application/json", multiple: true });
    input.addEventListener("change", () => addComparisonFiles(input));
    container.replaceChildren(
      h(
        "div",
        { class: "zelfscan-file" },
        h(
          "label",
          { for: "zs-compare-files" },
          "Kies bewaarde zelfscans van gemeenten (.json-bestanden, meerdere tegelijk)",
        ),
        input,
      ),
      h(
        "p",
        { class: "zelfscan-actions" },
        h("button", {
          type: "button",
          class: "md-button",
          id: "zs-compare-clear",
          onclick: () => {
            compared = [];
            byId("zs-compare-message").replaceChildren();
            renderComparison(byId("zs-compare-output"));
          },
        }, "Vergelijking wissen"),
      ),
      h("div", { id: "zs-compare-message", role: "status", "aria-live": "polite" }),
      h("div", { id: "zs-compare-output" }),
    );
    renderComparison(byId("zs-compare-output"));
  }

  async function addComparisonFiles(input) {
    const lines = [];
    const loaded = [];
    let failed = false;
    for (const file of input.files) {
      const result = core.parseScan(await file.text(), catalogue, file.name);
      if (!result.ok) {
        failed = true;
        lines.push(`Niet geladen: ${result.message}`);
        continue;
      }
      compared = compared.filter((entry) => entry.fileName !== file.name);
      compared.push({ fileName: file.name, scan: result.scan });
      loaded.push(file.name);
      lines.push(...result.warnings.map((w) => `${file.name}: ${w}`));
    }
    if (loaded.length) lines.unshift(`Geladen: ${loaded.join(", ")}. In de vergelijking: ${compared.length} scans.`);
    input.value = "";
    showMessage(byId("zs-compare-message"), failed ? "error" : "ok", ...lines);
    renderComparison(byId("zs-compare-output"));
  }

  function scanName(entry) {
    return entry.scan.organisation.trim() || entry.fileName;
  }

  function renderComparison(container) {
    container.closest(".zelfscan-compare")?.classList.toggle("zelfscan-compare--loaded", compared.length > 0);
    if (compared.length === 0) {
      container.replaceChildren(h("p", {}, "Nog geen scans geladen."));
      return;
    }
    const names = compared.map(scanName);
    const result = core.compare(
      catalogue,
      compared.map((entry) => ({ ...entry.scan, organisation: scanName(entry) })),
    );
    const parts = [
      chart.bars({
        id: "zs-compare-chart",
        title: "Score per kwaliteitsstandaard per scan.",
        description: "Eén kleur per scan; dezelfde cijfers staan in de tabel hieronder.",
        series: names,
        rows: result.standards.map((s) => ({ label: standardLabel(s), values: s.percents })),
      }),
      ...scrollingTable({
        id: "zs-compare-table",
        title: `Score per kwaliteitsstandaard, ${names.length} scans naast elkaar`,
        head: ["Standaard", ...names],
        rows: result.standards.map((s) =>
          h(
            "tr",
            { "data-standard": s.standardId },
            h("th", { scope: "row" }, standardLabel(s)),
            s.percents.map((p) => h("td", { class: "zelfscan-num" }, percentText(p))),
          ),
        ),
      }),
      h("h3", { id: "zs-common-gaps" }, "Gemeenschappelijke knelpunten"),
      h(
        "p",
        {},
        "Onderdelen die in meer dan de helft van de geladen scans met ‘niet’ of ‘deels’ zijn beantwoord, met de hulpmiddelen die erbij horen.",
      ),
    ];
    if (result.gaps.length === 0) {
      parts.push(h("p", {}, "Er zijn geen onderdelen die in de meeste scans zwak scoren."));
    } else {
      parts.push(
        h(
          "ul",
          { class: "zelfscan-gaps", id: "zs-common-gap-list" },
          result.gaps.map((gap) =>
            h(
              "li",
              { "data-ref": gap.statement.ref },
              h("a", { href: core.statementHref(gap.statement, BASE) }, gap.statement.ref),
              ` ${gap.statement.statement} `,
              h(
                "span",
                { class: "zelfscan-answer" },
                `Zwak in ${gap.weakIn.length} van ${compared.length} scans: ${gap.weakIn.join(", ")}.`,
              ),
              helpList(gap),
            ),
          ),
        ),
      );
    }
    container.replaceChildren(...parts);
  }

  /* ---------- start ---------- */

  async function start() {
    const scanContainer = byId("zelfscan-scan");
    if (!scanContainer || !core || !chart) return;
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
    renderScan(scanContainer);
    renderShare(byId("zelfscan-share"));
    renderCompareControls(byId("zelfscan-compare"));
    refresh();
    document.documentElement.dataset.zelfscan = "ready"; // lets tests wait for the rendered scan
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
