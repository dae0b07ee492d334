// The zelfscan's Excel workbook as data (docs/javascripts/zelfscan-workbook-model.js, issue 33.2): three
// sheets about the chosen standards, scores as the page computes them, one plan row per gap with its
// resources as links, and the empty columns the team fills in with a drop-down list for Status.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as core from "../../docs/javascripts/zelfscan-core.js";
import {
  HELP_COLUMNS,
  SPARE_ROWS,
  STATUS,
  dutchDate,
  workbookModel,
} from "../../docs/javascripts/zelfscan-workbook-model.js";

const catalogue = JSON.parse(readFileSync(process.env.INFOBOX_CATALOGUE_JSON, "utf8"));
const state = {
  organisation: " Gemeente Voorbeeld ",
  date: "2026-12-01",
  answers: {
    1: { answer: "niet", note: "" },
    "3A": { answer: "volledig", note: "" },
    "3B": { answer: "deels", note: "training gepland" },
    "3C": { answer: "niet", note: "=SOM(1)" },
    9: { answer: "deels", note: "" },
  },
};
const options = {
  choice: ["3", "9"],
  siteUrl: "https://infobox.example/",
  pageUrl: "https://infobox.example/zelfscan/",
  today: "2026-12-08",
};
const sheet = (model, name) => model.sheets.find((s) => s.name === name);
const column = (s, header) => s.columns.findIndex((c) => c.header === header);

test("three sheets, each with a header and a width per column", () => {
  const model = workbookModel(catalogue, state, options);
  assert.deepEqual(
    model.sheets.map((s) => s.name),
    ["Samenvatting", "Antwoorden", "Verbeterplan"],
  );
  for (const s of model.sheets) {
    for (const c of s.columns) assert.ok(c.header && c.width >= 8, `${s.name}: ${c.header}`);
    for (const row of s.rows) assert.equal(row.length, s.columns.length, s.name);
  }
});

test("Samenvatting: who, when, the chosen standards and the edition, then the chosen standards' scores", () => {
  const summary = sheet(workbookModel(catalogue, state, options), "Samenvatting");
  assert.deepEqual(summary.intro, [
    ["Gemeente of regio", "Gemeente Voorbeeld"],
    ["Datum van de scan", "1-12-2026"],
    ["Gekozen standaarden", "3 en 9"],
    ["Editie kwaliteitsstandaarden", "2024"],
    ["Gemaakt op", "8-12-2026"],
    [
      "Zelfscan",
      {
        text: "Open de zelfscan met deze standaarden",
        url: "https://infobox.example/zelfscan/?standaard=3&standaard=9",
      },
    ],
  ]);
  // Weakest first, as the page's result table: 9 = deels (33%); 3 = (3+1+0)/3 = 1.33 of 3 = 44%.
  assert.deepEqual(summary.rows, [
    ["9", "Monitoring", 33, "gemiddeld ‘deels’", 1, 0, 0],
    ["3", "Competenties", 44, "tussen ‘deels’ en ‘grotendeels’", 3, 0, 0],
  ]);
  const scores = core.weakestFirst(core.scoreStandards(catalogue, state.answers, options.choice));
  assert.deepEqual(
    summary.rows.map((r) => r[column(summary, "Score (%)")]),
    scores.map((s) => s.percent),
  );
});

test("without a choice the workbook covers every standard and says so", () => {
  const model = workbookModel(catalogue, { ...state, answers: {} }, { ...options, choice: [] });
  const summary = sheet(model, "Samenvatting");
  assert.deepEqual(summary.intro[2], ["Gekozen standaarden", "alle 3 standaarden"]);
  assert.deepEqual(
    summary.rows.map((r) => [r[0], r[2], r[3]]),
    [
      ["1", null, "geen score"],
      ["3", null, "geen score"],
      ["9", null, "geen score"],
    ],
  );
  assert.equal(sheet(model, "Antwoorden").rows.length, 5);
  assert.deepEqual(sheet(model, "Verbeterplan").rows, []);
});

test("Antwoorden: every statement of the chosen standards with answer, points and note", () => {
  const answers = sheet(workbookModel(catalogue, state, options), "Antwoorden");
  assert.deepEqual(
    answers.columns.map((c) => c.header),
    ["Standaard", "Onderdeel", "Stelling", "Antwoord", "Punten", "Toelichting"],
  );
  assert.deepEqual(answers.rows, [
    ["3", "3A", "Alle professionals werken met de meldcode.", "volledig", 3, ""],
    ["3", "3B", "Alle professionals herkennen geweld.", "deels", 1, "training gepland"],
    ["3", "3C", "Alle professionals kunnen terecht bij een aandachtsfunctionaris.", "niet", 0, "=SOM(1)"],
    ["9", "9", 'Wij volgen de resultaten; dat is "=vast" beleid.', "deels", 1, ""],
  ]);
});

test("Verbeterplan: one row per gap, its resources as links, and empty columns to fill in", () => {
  const plan = sheet(workbookModel(catalogue, state, options), "Verbeterplan");
  const headers = plan.columns.map((c) => c.header);
  assert.deepEqual(headers.slice(-4), ["Actie", "Wie", "Wanneer", "Status"]);
  assert.equal(headers.filter((h) => h.startsWith("Hulpmiddel ")).length, HELP_COLUMNS);
  // Weakest standard first (9 at 33%, then 3), gaps in reading order; 1 is not chosen, so no gap.
  assert.deepEqual(
    plan.rows.map((r) => r[column(plan, "Onderdeel")]),
    ["9", "3B", "3C"],
  );
  const byRef = Object.fromEntries(plan.rows.map((r) => [r[column(plan, "Onderdeel")], r]));
  assert.equal(byRef["3B"][column(plan, "Standaard")], "3. Competenties");
  assert.equal(byRef["3B"][column(plan, "Toelichting")], "training gepland");
  // 3B: its own resource (signalenkaart), then standard 3's (none); the link goes to its Infobox card.
  assert.deepEqual(byRef["3B"][column(plan, "Hulpmiddel 1")], {
    text: "Signalenkaart",
    url: "https://infobox.example/hulpmiddelen/#signalenkaart",
  });
  assert.equal(byRef["3B"][column(plan, "Hulpmiddel 2")], null);
  // 3C has none of its own; its "zie ook" 1 and 3A bring two, in the plan's order.
  assert.deepEqual(
    [1, 2].map((n) => byRef["3C"][column(plan, `Hulpmiddel ${n}`)].text),
    ["Visie gefaseerde ketenzorg", "Toolkit meldcode"],
  );
  assert.deepEqual(byRef["3C"][column(plan, "Meer in de Infobox")], {
    text: "Alle 2 hulpmiddelen bij 3C",
    url: "https://infobox.example/kwaliteitsstandaarden/3/#3c",
  });
  for (const row of plan.rows) {
    assert.deepEqual(row.slice(-4), [null, null, null, null]);
  }
  // The Status column offers the states as a drop-down list, on every plan row and spare rows below.
  assert.deepEqual(plan.lists, [{ column: headers.indexOf("Status"), values: STATUS, rows: 3 + SPARE_ROWS }]);
  assert.deepEqual(STATUS, ["Nog niet begonnen", "Bezig", "Klaar"]);
});

test("a link is only made to an http(s) address; anything else stays text", () => {
  const hostile = structuredClone(catalogue);
  hostile.resources.find((r) => r.id === "signalenkaart").url = "javascript:alert(1)";
  const plan = sheet(workbookModel(hostile, state, { ...options, siteUrl: "" }), "Verbeterplan");
  // Without a site address the links have no absolute address: titles only.
  assert.equal(plan.rows[0][column(plan, "Hulpmiddel 1")], "Signalenkaart");
  const withSite = sheet(workbookModel(hostile, state, options), "Verbeterplan");
  assert.equal(withSite.rows[0][column(withSite, "Hulpmiddel 1")], "Signalenkaart");
});

test("dates as a Dutch reader writes them", () => {
  assert.equal(dutchDate("2026-01-05"), "5-1-2026");
  assert.equal(dutchDate(""), "");
  assert.equal(dutchDate("gisteren"), "gisteren");
});
