/*
 * Zelfscan workbook model: what the Excel workbook of a scan holds, as plain data (sheets, columns, rows,
 * cells, drop-down lists), built from the catalogue and the answers. No DOM and no spreadsheet library:
 * node's test runner checks the model, and zelfscan-workbook.js only lays it out with ExcelJS.
 *
 * Three sheets a colleague can work in, about the chosen standards only:
 *   Samenvatting  who and when, the chosen standards and the edition, then per standard (weakest first, as
 *                 the page's result table) its score and what the score means;
 *   Antwoorden    per statement in reading order: answer, points and note;
 *   Verbeterplan  one row per gap (weakest standard first, as the page's plan), the first few resources
 *                 of its help as links and a link to all of them in the Infobox, then the empty columns
 *                 Actie, Wie, Wanneer and Status (a drop-down list) the team fills in.
 * A cell is a string, a number, null (empty) or {text, url} (a link; only http and https addresses).
 */
import * as core from "./zelfscan-core.js";

// What Excel keeps in one cell; a longer text is cut there.
const MAX_CELL = 32767;
// The resources named in a plan row, in the verbeterplan's order (ways of working first); the row links to
// the statement's place in the Infobox for the rest.
export const HELP_COLUMNS = 3;
// The states of an action, offered as a drop-down list in the Status column.
export const STATUS = ["Nog niet begonnen", "Bezig", "Klaar"];
// Empty rows below the plan that carry the drop-down list too, for actions the team adds itself.
export const SPARE_ROWS = 20;

const text = (value) => {
  const whole = value === null || value === undefined ? "" : String(value);
  return whole.length > MAX_CELL ? `${whole.slice(0, MAX_CELL - 1)}…` : whole;
};

/** A link cell, or the text alone when the address is no http(s) address. */
function link(label, href) {
  let url;
  try {
    url = new URL(href);
  } catch {
    return text(label);
  }
  return url.protocol === "http:" || url.protocol === "https:" ? { text: text(label), url: url.href } : text(label);
}

/** "2024-05-01" as a Dutch reader writes it: 1-5-2024; anything else as it is. */
export function dutchDate(iso) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
  return match ? `${Number(match[3])}-${Number(match[2])}-${match[1]}` : iso || "";
}

function summarySheet(catalogue, state, { choice, pageUrl, today }) {
  const scores = core.weakestFirst(core.scoreStandards(catalogue, state.answers, choice));
  const chosen = core.chosenStandards(catalogue, choice).map((standard) => String(standard.id));
  const which = choice && choice.length ? core.dutchList(chosen) : `alle ${chosen.length} standaarden`;
  const intro = [
    ["Gemeente of regio", text(state.organisation.trim())],
    ["Datum van de scan", dutchDate(state.date)],
    ["Gekozen standaarden", which],
    ["Editie kwaliteitsstandaarden", core.standardsEdition(catalogue)],
    ["Gemaakt op", dutchDate(today)],
  ];
  if (pageUrl)
    intro.push(["Zelfscan", link("Open de zelfscan met deze standaarden", core.withChoice(pageUrl, choice))]);
  return {
    name: "Samenvatting",
    intro,
    columns: [
      { header: "Standaard", width: 18 }, // also the intro's labels, wrapped
      { header: "Titel", width: 48 },
      { header: "Score (%)", width: 11 },
      { header: "Betekenis score", width: 34 },
      { header: "Beantwoord", width: 12 },
      { header: "Weet niet", width: 11 },
      { header: "Open", width: 9 },
    ],
    rows: scores.map((score) => [
      score.standardId,
      text(score.title),
      score.percent,
      score.percent === null ? "geen score" : core.scoreMeaning(score.percent),
      score.answered,
      score.dontKnow,
      score.unanswered,
    ]),
  };
}

function answersSheet(catalogue, state, choice) {
  const answers = state.answers;
  const chosen = core.chosenStandards(catalogue, choice);
  return {
    name: "Antwoorden",
    intro: [],
    columns: [
      { header: "Standaard", width: 11 },
      { header: "Onderdeel", width: 11 },
      { header: "Stelling", width: 60 },
      { header: "Antwoord", width: 14 },
      { header: "Punten", width: 8 },
      { header: "Toelichting", width: 50 },
    ],
    rows: core.statements({ standards: chosen }).map((statement) => {
      const entry = answers[statement.ref] || {};
      return [
        statement.standardId,
        statement.ref,
        text(statement.statement),
        entry.answer || "",
        core.points(entry.answer),
        text((entry.note || "").trim()),
      ];
    }),
  };
}

function planSheet(catalogue, state, { choice, siteUrl }) {
  const address = (relative) => (siteUrl && relative !== undefined ? new URL(relative, siteUrl).href : "");
  const rows = [];
  for (const { score, gaps } of core.advice(catalogue, state.answers, choice)) {
    for (const gap of gaps) {
      const found = core.helpInOrder(gap, gap.statement);
      const named = found.slice(0, HELP_COLUMNS).map(({ resource }) => link(resource.title, address(resource.url)));
      while (named.length < HELP_COLUMNS) named.push(null);
      const more = found.length
        ? `Alle ${found.length} hulpmiddelen bij ${gap.statement.ref}`
        : `Lees ${gap.statement.ref}`;
      rows.push([
        `${score.standardId}. ${text(score.title)}`,
        gap.statement.ref,
        text(gap.statement.statement),
        gap.answer,
        text((state.answers[gap.statement.ref].note || "").trim()),
        ...named,
        link(more, address(gap.statement.url)),
        null,
        null,
        null,
        null,
      ]);
    }
  }
  const columns = [
    { header: "Standaard", width: 22 },
    { header: "Onderdeel", width: 11 },
    { header: "Stelling", width: 40 },
    { header: "Antwoord", width: 11 },
    { header: "Toelichting", width: 28 },
    ...Array.from({ length: HELP_COLUMNS }, (_, i) => ({ header: `Hulpmiddel ${i + 1}`, width: 26 })),
    { header: "Meer in de Infobox", width: 20 },
    { header: "Actie", width: 34 },
    { header: "Wie", width: 16 },
    { header: "Wanneer", width: 13 },
    { header: "Status", width: 18 },
  ];
  return {
    name: "Verbeterplan",
    intro: [],
    columns,
    rows,
    // The drop-down list of the Status column, on every plan row and the spare rows below it.
    lists: [{ column: columns.length - 1, values: STATUS, rows: rows.length + SPARE_ROWS }],
  };
}

/**
 * The workbook of a scan: {sheets: [{name, intro: [[label, cell]], columns: [{header, width}], rows,
 * lists: [{column, values, rows}]}]}. `siteUrl` makes the Infobox addresses absolute (they work from the
 * file), `pageUrl` is the zelfscan page's address, `today` the ISO date the file is made.
 */
export function workbookModel(catalogue, state, { choice = [], siteUrl = "", pageUrl = "", today = "" } = {}) {
  const scan = { organisation: state.organisation || "", date: state.date || "", answers: state.answers || {} };
  return {
    sheets: [
      summarySheet(catalogue, scan, { choice, pageUrl, today }),
      answersSheet(catalogue, scan, choice),
      planSheet(catalogue, scan, { choice, siteUrl }),
    ].map((sheet) => ({ lists: [], ...sheet })),
  };
}
