// Unit tests of the zelfscan's pure logic (docs/javascripts/zelfscan-core.js), run with `node --test`.
// Expected values are computed by hand from the scoring rule: niet=0, deels=1, grotendeels=2,
// volledig=3; "weet niet" left out; percent = mean / 3 * 100, rounded.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as core from "../../docs/javascripts/zelfscan-core.js";

// catalogue.fixture.yaml as the site's exporter writes it (tests/js/test_js_units.py), without the version
// field so the fingerprint fallback is exercised; tests that need a version add their own.
const { version: _version, ...catalogue } = JSON.parse(readFileSync(process.env.INFOBOX_CATALOGUE_JSON, "utf8"));

const answers = {
  1: { answer: "grotendeels", note: "" },
  "3A": { answer: "volledig", note: "" },
  "3B": { answer: "niet", note: "training gepland" },
  "3C": { answer: "weet niet", note: "" },
};

test("one statement per sub-item, and one for a standard without sub-items", () => {
  assert.deepEqual(
    core.statements(catalogue).map((s) => s.ref),
    ["1", "3A", "3B", "3C", "9"],
  );
});

test("a statement is the B1 sentence, with the standard's own text (and its lead-in) next to it", () => {
  const byRef = Object.fromEntries(core.statements(catalogue).map((s) => [s.ref, s]));
  assert.equal(byRef["3A"].statement, "Alle professionals werken met de meldcode.");
  assert.equal(byRef["3A"].text, "In staat zijn te werken met de meldcode.");
  assert.equal(byRef["3A"].fullText, "Zorg ervoor dat alle professionals: In staat zijn te werken met de meldcode.");
  assert.equal(byRef["1"].statement, "Onze gemeente heeft een integrale visie.");
  assert.equal(byRef["1"].fullText, "Formuleer een integrale visie.");
});

test("scores follow the stated rule", () => {
  const scores = core.scoreStandards(catalogue, answers);
  const byId = Object.fromEntries(scores.map((s) => [s.standardId, s]));
  assert.equal(byId["1"].percent, 67); // 2 / 3
  assert.equal(byId["3"].percent, 50); // (3 + 0) / 2 = 1.5 -> 1.5 / 3; "weet niet" left out
  assert.equal(byId["3"].dontKnow, 1);
  assert.equal(byId["3"].answered, 2);
  assert.equal(byId["9"].percent, null); // nothing answered: no score
  assert.equal(byId["9"].unanswered, 1);
});

test("weakest standards come first and unscored ones last", () => {
  const order = core.weakestFirst(core.scoreStandards(catalogue, answers)).map((s) => s.standardId);
  assert.deepEqual(order, ["3", "1", "9"]);
});

test("progress counts 'weet niet' as answered", () => {
  assert.deepEqual(core.progress(catalogue, answers), { done: 4, total: 5 });
});

test("advice lists weak statements with the resources attached to them", () => {
  const advice = core.advice(catalogue, answers);
  assert.equal(advice.length, 1);
  assert.equal(advice[0].score.standardId, "3");
  assert.deepEqual(
    advice[0].gaps.map((g) => [g.statement.ref, g.resources.map((r) => r.id)]),
    [["3B", ["signalenkaart"]]],
  );
});

test("a gap without resources of its own points to those of its 'zie ook' references", () => {
  const statement = core.statements(catalogue).find((s) => s.ref === "3C");
  const help = core.help(catalogue, statement);
  assert.deepEqual(help.resources, []);
  assert.deepEqual(
    help.seeAlso.map((s) => [s.target.ref, s.resources.map((r) => r.id)]),
    [
      ["1", ["visie-gefaseerde-ketenzorg"]],
      ["3A", ["toolkit-meldcode"]],
    ],
  );
  // The URLs come from catalogue.json; the zelfscan only puts its own base in front.
  assert.equal(core.statementHref(help.seeAlso[1].target, "../"), "../kwaliteitsstandaarden/3/#3a");
  assert.equal(core.statementHref(help.seeAlso[0].target, "../"), "../kwaliteitsstandaarden/1/");
});

test("export and parse round-trip", () => {
  const state = { organisation: "Gemeente Voorbeeld", date: "2024-05-01", answers };
  const exported = core.toExport(catalogue, state);
  assert.equal(exported.format, "infobox-zelfscan");
  assert.equal(exported.version, 3);
  assert.match(exported.catalogue, /^stellingen-[0-9a-f]{14}$/); // fixture has no "version": fallback
  assert.equal(exported.statements, exported.catalogue);
  const parsed = core.parseScan(JSON.stringify(exported), catalogue, "scan.json");
  assert.equal(parsed.ok, true);
  assert.deepEqual(parsed.warnings, []);
  assert.deepEqual(parsed.scan, {
    organisation: "Gemeente Voorbeeld",
    date: "2024-05-01",
    answers: exported.answers,
    choice: [],
    edition: core.standardsEdition(catalogue),
  });
  assert.equal(parsed.scan.answers["3B"].note, "training gepland");
});

test("the catalogue's own version is used when the export has one", () => {
  assert.equal(core.catalogueVersion({ ...catalogue, version: "2024.1" }), "2024.1");
});

test("a new catalogue version with the same statements imports without a warning", () => {
  const exported = core.toExport({ ...catalogue, version: "aaa" }, { organisation: "X", date: "", answers });
  const newer = { ...catalogue, version: "bbb", resources: [] };
  const parsed = core.parseScan(JSON.stringify(exported), newer);
  assert.equal(parsed.ok, true);
  assert.deepEqual(parsed.warnings, []);
});

test("a changed statement changes the fingerprint and warns on import", () => {
  const exported = core.toExport(catalogue, { organisation: "X", date: "", answers });
  const changed = structuredClone(catalogue);
  changed.standards[1].items[0].statement = "Een andere stelling.";
  const parsed = core.parseScan(JSON.stringify(exported), changed);
  assert.equal(parsed.ok, true);
  assert.match(parsed.warnings.join(" "), /andere versie van de kwaliteitsstandaarden/);
});

// A version-1 file exactly as the page wrote it before the B1 statements (made with the version-1 code
// from git, for this fixture catalogue): its fingerprint covers the standards' texts only.
const V1_FILE = JSON.parse(readFileSync(new URL("./scan-v1.fixture.json", import.meta.url), "utf8"));

test("a version-1 file still imports: same answers, no warning while the texts are unchanged", () => {
  const parsed = core.parseScan(JSON.stringify(V1_FILE), catalogue, "oud.json");
  assert.equal(parsed.ok, true);
  assert.deepEqual(parsed.warnings, []);
  assert.deepEqual(parsed.scan, {
    organisation: "Gemeente Oud",
    date: "2024-03-01",
    answers: { "3B": { answer: "niet", note: "oud bestand" }, 9: { answer: "volledig", note: "" } },
    choice: [],
    edition: "",
  });
});

test("a version-1 file made with other standard texts imports with a warning", () => {
  const parsed = core.parseScan(JSON.stringify({ ...V1_FILE, statements: "stellingen-00000000000000" }), catalogue);
  assert.equal(parsed.ok, true);
  assert.match(parsed.warnings.join(" "), /andere versie van de kwaliteitsstandaarden/);
  assert.equal(parsed.scan.answers["3B"].answer, "niet");
});

test("a changed standard text changes the fingerprint and warns on import", () => {
  const exported = core.toExport(catalogue, { organisation: "X", date: "", answers });
  const changed = structuredClone(catalogue);
  changed.standards[0].text = "Een andere tekst.";
  assert.notEqual(core.catalogueVersion(changed), exported.catalogue);
  const parsed = core.parseScan(JSON.stringify(exported), changed);
  assert.equal(parsed.ok, true);
  assert.match(parsed.warnings.join(" "), /andere versie van de kwaliteitsstandaarden/);
});

test("invalid files are refused with a Dutch message", () => {
  const cases = [
    ["niet { json", /geen geldig JSON-bestand/],
    [JSON.stringify({ hello: 1 }), /geen zelfscan van de Infobox/],
    [JSON.stringify([1, 2]), /geen zelfscan van de Infobox/],
    [JSON.stringify({ format: "infobox-zelfscan", version: 4, answers: {} }), /versie 4 .*versie 1 tot en met 3/],
    [JSON.stringify({ format: "infobox-zelfscan", version: "1" }), /versie "1" .*versie 1 tot en met 3/],
    [JSON.stringify({ format: "infobox-zelfscan", version: 2 }), /bevat geen antwoorden/],
    [JSON.stringify({ format: "infobox-zelfscan", version: 1 }), /bevat geen antwoorden/],
  ];
  for (const [text, pattern] of cases) {
    const result = core.parseScan(text, catalogue, "x.json");
    assert.equal(result.ok, false, text);
    assert.match(result.message, pattern);
  }
});

test("unknown refs and values are dropped with a warning", () => {
  const text = JSON.stringify({
    format: "infobox-zelfscan",
    version: 2,
    catalogue: core.catalogueVersion(catalogue),
    answers: { "3A": { answer: "misschien" }, "7Z": { answer: "niet" }, 9: { answer: "deels" } },
  });
  const parsed = core.parseScan(text, catalogue);
  assert.equal(parsed.ok, true);
  assert.deepEqual(parsed.scan.answers, { 9: { answer: "deels", note: "" } });
  assert.equal(parsed.warnings.length, 2);
});

/** The cells of a ";" CSV as Excel reads it (RFC 4180 quoting, CRLF rows), after the BOM. */
function readCsv(text) {
  assert.equal(text.charCodeAt(0), 0xfeff, "a UTF-8 BOM first");
  const rows = [];
  let row = [];
  let cell = "";
  let quoted = false;
  for (let i = 1; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') ((cell += '"'), i++);
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ";") (row.push(cell), (cell = ""));
    else if (ch === "\r" && text[i + 1] === "\n") (row.push(cell), rows.push(row), (row = []), (cell = ""), i++);
    else cell += ch;
  }
  assert.deepEqual(row, [], "the file ends with CRLF");
  return rows;
}

/** Each data row as {column: value}, so a test names the columns it checks. */
const excelRecords = (csv) => {
  const [header, ...rows] = readCsv(csv);
  // The columns are named by the tests that read them; what kind of row it is comes first, long text last.
  assert.equal(header[0], "soort regel");
  assert.equal(header.at(-1), "tekst van de standaard");
  assert.equal(new Set(header).size, header.length);
  for (const row of rows) assert.equal(row.length, header.length, row.join(";"));
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i]])));
};
const pick = (record, ...names) =>
  names.map((name) => {
    assert.ok(name in record, `a column "${name}"`);
    return record[name];
  });

test("the Excel file: scores with their meaning, statements, then the verbeterplan, for the chosen standard only", () => {
  const state = {
    organisation: 'Gemeente "Noord"; Oost',
    date: "2024-05-01",
    answers: {
      1: { answer: "niet", note: "" }, // not chosen: nowhere in the file
      "3A": { answer: "volledig", note: "" },
      "3B": { answer: "niet", note: "training gepland" },
      "3C": { answer: "deels", note: "  " },
      9: { answer: "niet", note: "" }, // not chosen
    },
  };
  const csv = core.toCsv(catalogue, state, { choice: ["3"], siteUrl: "https://infobox.example/site/" });
  const records = excelRecords(csv);
  assert.deepEqual(
    records.map((r) => [r["soort regel"], r.standaard, r["onderdeel of standaard"]]),
    [
      ["score", "3", ""],
      ["stelling", "3", "3A"],
      ["stelling", "3", "3B"],
      ["stelling", "3", "3C"],
      ["verbeterplan", "3", "3B"],
      ["verbeterplan", "3", "3C"],
      ["verbeterplan", "3", "3C"],
    ],
  );
  // Every row carries who, when, the standard and its score: (3 + 0 + 1) / 3 points = 44%, by hand.
  for (const record of records) {
    assert.deepEqual(pick(record, "gemeente of regio", "datum", "titel standaard", "score (%)", "betekenis score"), [
      'Gemeente "Noord"; Oost',
      "2024-05-01",
      "Competenties",
      "44",
      "tussen ‘deels’ en ‘grotendeels’",
    ]);
  }
  const [, , b] = records;
  assert.deepEqual(pick(b, "stelling", "antwoord", "punten", "toelichting", "verbeterpunt", "hulpmiddel"), [
    "Alle professionals herkennen geweld.",
    "niet",
    "0",
    "training gepland",
    "ja",
    "",
  ]);
  assert.equal(b["tekst van de standaard"], "Zorg ervoor dat alle professionals: In staat zijn geweld te signaleren.");
  assert.deepEqual(pick(records[1], "antwoord", "punten", "verbeterpunt"), ["volledig", "3", "nee"]);
  // The plan: 3B's own resource; 3C has none, so its "zie ook" references' (standard 1, then sub-item 3A).
  const plan = records.filter((r) => r["soort regel"] === "verbeterplan");
  assert.deepEqual(
    plan.map((r) =>
      pick(
        r,
        "onderdeel of standaard",
        "toelichting",
        "hulpmiddel bij",
        "hulpmiddel",
        "soort hulpmiddel",
        "organisatie hulpmiddel",
      ),
    ),
    [
      ["3B", "training gepland", "onderdeel 3B", "Signalenkaart", "instrument", "Augeo"],
      ["3C", "", "zie ook standaard 1", "Visie gefaseerde ketenzorg", "publicatie", "VNG"],
      ["3C", "", "zie ook onderdeel 3A", "Toolkit meldcode", "toolkit", "Rijksoverheid"],
    ],
  );
  assert.deepEqual(pick(plan[0], "adres hulpmiddel", "in de Infobox", "tekst van de standaard"), [
    "https://example.org/signalen",
    "https://infobox.example/site/hulpmiddelen/#signalenkaart",
    "",
  ]);
  // Quoted where a cell holds ";" or '"', as Excel reads it.
  assert.ok(csv.includes('\r\nscore;"Gemeente ""Noord""; Oost";2024-05-01;3;Competenties;44;'));
});

test("the Excel file without a choice: every standard, scores weakest first, a gap without resources still listed", () => {
  const bare = { ...catalogue, resources: [] };
  const answers = { 1: { answer: "grotendeels", note: "" }, 9: { answer: "deels", note: "loopt" } };
  const records = excelRecords(core.toCsv(bare, { organisation: "", date: "", answers }));
  const scores = records.filter((r) => r["soort regel"] === "score");
  assert.deepEqual(
    scores.map((r) => pick(r, "standaard", "score (%)", "betekenis score")),
    [
      ["9", "33", "gemiddeld ‘deels’"],
      ["1", "67", "gemiddeld ‘grotendeels’"],
      ["3", "", "geen score"],
    ],
  );
  assert.equal(records.filter((r) => r["soort regel"] === "stelling").length, 5);
  const plan = records.filter((r) => r["soort regel"] === "verbeterplan");
  assert.deepEqual(
    plan.map((r) => pick(r, "onderdeel of standaard", "toelichting", "hulpmiddel bij", "hulpmiddel")),
    [["9", "loopt", "", ""]],
  );
});
test("comparison: per-standard scores side by side and gaps shared by most scans", () => {
  const scans = [
    { organisation: "A", answers: { 1: { answer: "niet" }, "3B": { answer: "deels" }, 9: { answer: "volledig" } } },
    { organisation: "B", answers: { 1: { answer: "deels" }, "3B": { answer: "volledig" }, 9: { answer: "niet" } } },
    { organisation: "C", answers: { 1: { answer: "volledig" }, "3B": { answer: "niet" }, 9: { answer: "volledig" } } },
  ];
  const result = core.compare(catalogue, scans);
  assert.deepEqual(
    result.standards.map((s) => [s.standardId, s.percents]),
    [
      ["1", [0, 33, 100]],
      ["3", [33, 100, 0]],
      ["9", [100, 0, 100]],
    ],
  );
  // 1: weak in A, B (2 of 3); 3B: weak in A, C (2 of 3); 9: weak only in B.
  assert.deepEqual(
    result.gaps.map((g) => [g.statement.ref, g.weakIn, g.resources.map((r) => r.id)]),
    [
      ["1", ["A", "B"], ["visie-gefaseerde-ketenzorg"]],
      ["3B", ["A", "C"], ["signalenkaart"]],
    ],
  );
});

test("every CSV cell follows the project's one formula rule (the cases the Python exports are tested on)", () => {
  const { cases } = JSON.parse(readFileSync(new URL("../fixtures/csv_formula_cases.json", import.meta.url), "utf8"));
  assert.ok(cases.length > 10);
  for (const [cell, written] of cases) assert.equal(core.neutraliseFormula(cell), written, JSON.stringify(cell));
  // And in the Excel file itself: the organisation, a note and a resource as they were typed.
  const hostile = {
    ...catalogue,
    resources: [{ id: "x", title: "=HYPERLINK(1)", type: "+type", organisations: ["@org"], standards: ["9"] }],
  };
  const csv = core.toCsv(hostile, {
    organisation: "@SUM(1+1)",
    date: "",
    answers: { 9: { answer: "niet", note: "-2+3" } },
  });
  const plan = excelRecords(csv).filter((r) => r["soort regel"] === "verbeterplan");
  assert.deepEqual(
    pick(plan[0], "gemeente of regio", "toelichting", "hulpmiddel", "soort hulpmiddel", "organisatie hulpmiddel"),
    ["'@SUM(1+1)", "'-2+3", "'=HYPERLINK(1)", "'+type", "'@org"],
  );
  // No cell of any row starts a formula.
  for (const row of readCsv(csv)) for (const cell of row) assert.doesNotMatch(cell, /^[=+\-@\t\r]/);
});

/* ---------- a scan file is data (issue 22) ---------- */

const scanText = (fields) =>
  JSON.stringify({ format: "infobox-zelfscan", version: 2, catalogue: core.catalogueVersion(catalogue), ...fields });

test("answers named after Object's own properties are unknown values, not answers", () => {
  const tricks = ["__proto__", "constructor", "toString", "hasOwnProperty"];
  const refs = ["1", "3A", "3B", "3C"];
  const answers = Object.fromEntries(refs.map((ref, i) => [ref, { answer: tricks[i], note: "" }]));
  const parsed = core.parseScan(scanText({ answers }), catalogue);
  assert.equal(parsed.ok, true);
  assert.deepEqual(parsed.scan.answers, {});
  assert.deepEqual(parsed.warnings, ["4 antwoord(en) met een onbekende waarde zijn overgeslagen."]);
  // Read as they are, too: no points, no progress, no score.
  assert.deepEqual(core.progress(catalogue, answers), { done: 0, total: 5 });
  for (const trick of tricks) assert.equal(core.points(trick), null);
  assert.ok(core.scoreStandards(catalogue, answers).every((s) => s.percent === null && s.answered === 0));
});

test("many unknown parts are summarised in a few warnings", () => {
  // "__proto__" as an own key, as JSON.parse makes it from a file (an assignment would set the prototype).
  const answers = { ...JSON.parse('{"__proto__": {}}'), 9: { answer: "deels" } };
  for (let i = 0; i < 20000; i++) answers[`onbekend-${i}`] = {};
  const parsed = core.parseScan(scanText({ answers }), catalogue);
  assert.equal(parsed.ok, true);
  assert.deepEqual(parsed.scan.answers, { 9: { answer: "deels", note: "" } });
  assert.equal(parsed.warnings.length, 6);
  assert.match(parsed.warnings[0], /^Onderdeel __proto__ bestaat niet/);
  assert.match(parsed.warnings[1], /^Onderdeel onbekend-0 bestaat niet/);
  assert.equal(parsed.warnings[5], "En nog 19.996 onbekende onderdelen; ook die zijn overgeslagen.");
});

test("a file larger than the limit is refused with the limit in the message, before it is parsed", () => {
  assert.equal(core.scanSizeProblem(core.MAX_SCAN_BYTES, "scan.json"), null);
  const message = core.scanSizeProblem(20 * 1024 * 1024, "groot.json");
  assert.equal(
    message,
    '"groot.json" is 20 MB groot; een bewaarde zelfscan is nooit groter dan 5 MB, dus dit is geen zelfscan. ' +
      "Het bestand is niet gelezen.",
  );
  const text = scanText({ answers: {}, organisation: "x".repeat(core.MAX_SCAN_BYTES) });
  assert.deepEqual(core.parseScan(text, catalogue, "groot.json"), {
    ok: false,
    message: core.scanSizeProblem(text.length, "groot.json"),
  });
});

test("a huge organisation name or note still makes an Excel file, each cell cut at Excel's 32,767 characters", () => {
  const huge = "x".repeat(20 * 1024 * 1024);
  const csv = core.toCsv(catalogue, { organisation: huge, date: "", answers: { 9: { answer: "niet", note: huge } } });
  const rows = readCsv(csv);
  // Header, 3 scores, 5 statements, 1 plan row (9's resource).
  assert.equal(rows.length, 10);
  const organisation = rows[1][1];
  assert.ok(organisation.length === 32767 && organisation.endsWith("x…"), "cut at Excel's limit");
  assert.ok(csv.length < rows.length * rows[0].length * 32767);
});

test("a score says what it means in the scale's words", () => {
  assert.equal(core.scoreMeaning(33), "gemiddeld ‘deels’");
  assert.equal(core.scoreMeaning(50), "tussen ‘deels’ en ‘grotendeels’");
  assert.equal(core.scoreMeaning(0), "gemiddeld ‘niet’");
  assert.equal(core.scoreMeaning(100), "gemiddeld ‘volledig’");
  assert.equal(core.scoreMeaning(null), "");
});

/* ---------- the standards a team works on (issue 20) ---------- */

test("the choice in the address: known standards in catalogue order, the rest ignored", () => {
  assert.deepEqual(core.parseChoice(["9", "3"], catalogue), ["3", "9"]);
  assert.deepEqual(core.parseChoice(["9,3"], catalogue), ["3", "9"]); // a hand-typed list
  assert.deepEqual(core.parseChoice([" 3 ", "3", "x", "__proto__", "3A", "", "toString"], catalogue), ["3"]);
  assert.deepEqual(core.parseChoice([], catalogue), []); // no choice: every standard
  assert.deepEqual(core.parseChoice(["1", "3", "9"], catalogue), []); // every standard: no choice
  assert.deepEqual(core.parseChoice(["abc", "%00", "<script>"], catalogue), []);
  assert.deepEqual(core.parseChoice("3", catalogue), []); // not a list of values
  assert.deepEqual(core.parseChoice([3, "9"], catalogue), []);
});

test("a hostile address is no choice, and reading it stops at the limits", () => {
  // 1 MB in one value, even of valid ids: more than any real choice.
  assert.deepEqual(core.parseChoice(["3,".repeat(512 * 1024)], catalogue), []);
  assert.deepEqual(core.parseChoice([`3${" ".repeat(1024 * 1024)}`], catalogue), []);
  // As the page reads it: through URLSearchParams, from a 1 MB address.
  const url = new URL(`https://infobox.example/zelfscan/?standaard=3&standaard=${"9".repeat(1024 * 1024)}`);
  assert.deepEqual(core.parseChoice(url.searchParams.getAll("standaard"), catalogue), []);
  // Work is bounded: too many values are refused before one is read; long values stop the reading early.
  let reads = 0;
  const counted = (values) =>
    new Proxy(values, {
      get(target, key) {
        if (/^\d+$/.test(String(key))) reads += 1;
        return Reflect.get(target, key);
      },
    });
  assert.deepEqual(core.parseChoice(counted(new Array(1_000_000).fill("3")), catalogue), []);
  assert.equal(reads, 0);
  const long = "3,".repeat(10); // 20 characters: the 51st value passes 1,000
  assert.deepEqual(core.parseChoice(counted(new Array(90).fill(long)), catalogue), []);
  assert.equal(reads, Math.floor(core.MAX_CHOICE_CHARS / long.length) + 1);
  assert.ok(core.MAX_CHOICE_VALUES >= 2 * catalogue.standards.length);
});

test("an address is read without throwing, however its fragment and parameters are written", () => {
  assert.equal(core.idFromHash("#resultaat"), "resultaat");
  assert.equal(core.idFromHash("#zs-3A-vraag"), "zs-3A-vraag");
  assert.equal(core.idFromHash("#caf%C3%A9"), "café");
  assert.equal(core.idFromHash(""), "");
  // Not percent-encoding: a lone "%", a cut-off UTF-8 sequence, an invalid byte. The id is the text as written.
  for (const hash of ["#%", "#%E0%A4%A", "#%ZZ", "#%C3", "#100%"]) {
    assert.equal(core.idFromHash(hash), hash.slice(1), hash);
  }
  // As the page reads an address: URL keeps a malformed fragment as typed, and parameters the page does
  // not know or cannot decode leave the choice of the ones it does.
  const url = new URL("https://infobox.example/zelfscan/?onbekend=1&standaard=%ZZ&standaard=3&x&standaard=#%E0%A4%A");
  assert.equal(core.idFromHash(url.hash), "%E0%A4%A");
  assert.deepEqual(core.parseChoice(url.searchParams.getAll(core.CHOICE_PARAM), catalogue), ["3"]);
});

test("the choice written into an address keeps its other parts and reads back", () => {
  const href = core.withChoice("https://infobox.example/zelfscan/?taal=nl&standaard=1#resultaat", ["3", "9"]);
  assert.equal(href, "https://infobox.example/zelfscan/?taal=nl&standaard=3&standaard=9#resultaat");
  assert.deepEqual(core.parseChoice(new URL(href).searchParams.getAll(core.CHOICE_PARAM), catalogue), ["3", "9"]);
  assert.equal(core.withChoice(href, []), "https://infobox.example/zelfscan/?taal=nl#resultaat");
});

test("scores, progress and the verbeterplan cover the chosen standards; 'zie ook' still reaches the others", () => {
  const all = { ...answers, 9: { answer: "niet", note: "" }, "3C": { answer: "deels", note: "" } };
  assert.deepEqual(
    core.scoreStandards(catalogue, all, ["3", "9"]).map((s) => [s.standardId, s.percent]),
    [
      ["3", 44], // (3 + 0 + 1) / 3 points
      ["9", 0],
    ],
  );
  assert.deepEqual(core.progress(catalogue, all, ["3"]), { done: 3, total: 3 });
  assert.deepEqual(core.progress(catalogue, all, []), { done: 5, total: 5 });
  const plan = core.advice(catalogue, all, ["3"]);
  assert.deepEqual(
    plan.map((p) => [p.score.standardId, p.gaps.map((g) => g.statement.ref)]),
    [["3", ["3B", "3C"]]],
  );
  // 3C points to standard 1, which is not chosen: its resources still help.
  assert.deepEqual(
    plan[0].gaps[1].seeAlso.map((s) => [s.target.ref, s.resources.map((r) => r.id)]),
    [
      ["1", ["visie-gefaseerde-ketenzorg"]],
      ["3A", ["toolkit-meldcode"]],
    ],
  );
  assert.deepEqual(
    core.chosenStandards(catalogue, ["9"]).map((s) => s.id),
    ["9"],
  );
});

test("a choice is named as a Dutch sentence names a list", () => {
  assert.equal(core.dutchList(["3"]), "3");
  assert.equal(core.dutchList(["3", "7"]), "3 en 7");
  assert.equal(core.dutchList(["1", "3", "7"]), "1, 3 en 7");
});

test("every resource type of the catalogue has its place in the verbeterplan's order", () => {
  const types = JSON.parse(process.env.INFOBOX_TYPES);
  assert.ok(types.length > 5);
  assert.deepEqual([...core.TYPE_ORDER].sort(), [...types].sort());
});
