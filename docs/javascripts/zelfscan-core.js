/*
 * Zelfscan core: the pure logic of the self-assessment (statements, scoring, advice, export/import,
 * regional comparison). No DOM here: an ES module that node's test runner imports as well as the browser.
 */
export const FORMAT = "infobox-zelfscan";
// Version 2 (the B1 statements): the "statements" fingerprint covers the statements as well as the
// standards' texts. Version 3: the file records the chosen standards ("standards", [] is every standard)
// and the edition of the standards it was made with ("edition"). Older files are migrated step by step on
// import (see MIGRATIONS).
export const FORMAT_VERSION = 3;
export const STORAGE_KEY = "infobox-zelfscan:v1";
export const MAX_POINTS = 3;
// A statement answered at or below this many points counts as a gap ("niet" or "deels").
const WEAK_POINTS = 1;

// The answer scale. "weet niet" has no points: it is left out of the mean and counted separately.
export const SCALE = [
  { value: "niet", label: "Niet", points: 0 },
  { value: "deels", label: "Deels", points: 1 },
  { value: "grotendeels", label: "Grotendeels", points: 2 },
  { value: "volledig", label: "Volledig", points: 3 },
  { value: "weet niet", label: "Weet niet", points: null },
];
// A Map, never a plain object: an answer read from a file ("__proto__", "toString") must not find a step.
const SCALE_BY_VALUE = new Map(SCALE.map((step) => [step.value, step]));
const isScaleValue = (value) => SCALE_BY_VALUE.has(value);

// A saved scan of every statement with a page of notes is well under 1 MB; a larger file is no scan and
// is refused before it is read.
export const MAX_SCAN_BYTES = 5 * 1024 * 1024;
// Unknown parts named one by one in the warnings; the rest are counted.
const NAMED_UNKNOWN = 5;
// Excel keeps at most 32,767 characters in a cell; a longer text is cut there, so the file stays bounded.
const MAX_CELL = 32767;

/* ---------- statements ---------- */

/**
 * Every statement of the scan in reading order: one per sub-item, or one for a standard without.
 * `statement` is the editors' B1 self-assessment sentence; `text` the standard's own text it was
 * written from, and `fullText` that text as it reads in the Kwaliteitskader (lead-in and sub-item).
 */
export function statements(catalogue) {
  const out = [];
  for (const standard of catalogue.standards) {
    const items = standard.items || [];
    const entries = items.length ? items : [standard];
    for (const entry of entries) {
      const ref = String(entry.id);
      const isItem = entry !== standard;
      out.push({
        ref,
        standardId: String(standard.id),
        letter: isItem ? ref.slice(String(standard.id).length) : "",
        statement: entry.statement,
        text: entry.text,
        fullText: isItem ? `${standard.text} ${entry.text}` : entry.text,
        seeAlso: (entry.see_also || []).map(String),
        url: entry.url, // its place on the site, from catalogue.json (relative to the site root)
      });
    }
  }
  return out;
}

/** A statement's section on its standard page, as catalogue.json gives it, from the page at `base`. */
export function statementHref(statement, base) {
  return `${base}${statement.url}`;
}

/* ---------- catalogue version ---------- */

// cyrb53: a small, well-spread 53-bit string hash; enough to notice that the standards changed.
function cyrb53(text) {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (2097152 * (h2 >>> 0) + (h1 >>> 0)).toString(16).padStart(14, "0");
}

/** A fingerprint of the statements (refs, B1 sentences, texts): the only part of the catalogue answers depend on. */
export function statementsFingerprint(catalogue) {
  const text = statements(catalogue)
    .map((s) => `${s.ref}\u0000${s.statement}\u0000${s.text}`)
    .join("\u0001");
  return `stellingen-${cyrb53(text)}`;
}

/** The fingerprint of format version 1: refs and standard texts only (there were no B1 statements). */
function textsFingerprintV1(catalogue) {
  const text = statements(catalogue)
    .map((s) => `${s.ref}\u0000${s.text}`)
    .join("\u0001");
  return `stellingen-${cyrb53(text)}`;
}

/** The edition of the standards (catalogue.json's source.edition), or "" when the catalogue names none. */
export function standardsEdition(catalogue) {
  const edition = catalogue.source && catalogue.source.edition;
  return typeof edition === "string" ? edition : "";
}

/** The catalogue version: the export's own "version" field, or the statements' fingerprint without it. */
export function catalogueVersion(catalogue) {
  return catalogue.version ? String(catalogue.version) : statementsFingerprint(catalogue);
}

/* ---------- the standards a team works on ---------- */

// The choice lives in the page's address like the filters of /hulpmiddelen/ (?standaard=3&standaard=7; a
// list "3,7" in one value is read too), so a coordinator can send a link. An address is untrusted input:
// more values or characters than any real choice has are no choice, and reading them stays linear.
export const CHOICE_PARAM = "standaard";
export const MAX_CHOICE_VALUES = 100;
export const MAX_CHOICE_CHARS = 1000;

/**
 * The chosen standards' ids, in catalogue order, from the address's `standaard` values (as
 * URLSearchParams.getAll gives them). Unknown ids are left out; an empty list means every standard,
 * and so does a choice of every standard (the address then needs no parameter).
 */
export function parseChoice(values, catalogue) {
  if (!Array.isArray(values) || values.length > MAX_CHOICE_VALUES) return [];
  let length = 0;
  for (const value of values) {
    if (typeof value !== "string") return [];
    length += value.length;
    if (length > MAX_CHOICE_CHARS) return [];
  }
  const wanted = new Set(values.flatMap((value) => value.split(",")).map((id) => id.trim()));
  const ids = catalogue.standards.map((standard) => String(standard.id));
  const chosen = ids.filter((id) => wanted.has(id));
  return chosen.length === ids.length ? [] : chosen;
}

/**
 * The id a page address's fragment (location.hash, "#…") names, percent-decoded; a fragment that is no
 * valid percent-encoding ("#%", "#%E0%A4%A") is the id as written. An address is typed or pasted by
 * anyone: reading it never throws.
 */
export function idFromHash(hash) {
  const text = String(hash || "").replace(/^#/, "");
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** `href` with the choice in it, the other parts of the address kept; no choice, no parameter. */
export function withChoice(href, choice) {
  const url = new URL(href);
  url.searchParams.delete(CHOICE_PARAM);
  for (const id of choice || []) url.searchParams.append(CHOICE_PARAM, id);
  return url.href;
}

/** The standards of a choice, in catalogue order; every standard without one. */
export function chosenStandards(catalogue, choice) {
  if (!choice || !choice.length) return catalogue.standards;
  const chosen = new Set(choice.map(String));
  return catalogue.standards.filter((standard) => chosen.has(String(standard.id)));
}

/** The statements of the chosen standards, in reading order. */
function chosenStatements(catalogue, choice) {
  return statements({ standards: chosenStandards(catalogue, choice) });
}

/* ---------- scoring ---------- */

/** Points of one answer value, or null for "weet niet", unanswered or unknown values. */
export function points(answerValue) {
  const step = SCALE_BY_VALUE.get(answerValue);
  return step ? step.points : null;
}

export function isWeak(answerValue) {
  const p = points(answerValue);
  return p !== null && p <= WEAK_POINTS;
}

/**
 * Score per standard, in catalogue order. percent = mean points of the answered statements
 * (niet..volledig) divided by MAX_POINTS, times 100, rounded; null when none is answered.
 * With a `choice` (see parseChoice), only the chosen standards.
 */
export function scoreStandards(catalogue, answers, choice) {
  const all = statements(catalogue);
  return chosenStandards(catalogue, choice).map((standard) => {
    const own = all.filter((s) => s.standardId === String(standard.id));
    let sum = 0;
    let answered = 0;
    let dontKnow = 0;
    const weak = [];
    for (const statement of own) {
      const value = answers[statement.ref] && answers[statement.ref].answer;
      const p = points(value);
      if (p !== null) {
        sum += p;
        answered += 1;
        if (p <= WEAK_POINTS) weak.push(statement);
      } else if (value === "weet niet") {
        dontKnow += 1;
      }
    }
    const mean = answered ? sum / answered : null;
    return {
      standardId: String(standard.id),
      title: standard.title,
      statements: own.length,
      answered,
      dontKnow,
      unanswered: own.length - answered - dontKnow,
      mean,
      percent: mean === null ? null : Math.round((mean / MAX_POINTS) * 100),
      weak,
    };
  });
}

/** Weakest first; standards without a score last, in catalogue order (the sort is stable). */
export function weakestFirst(scores) {
  return [...scores].sort((a, b) => {
    if (a.mean === null || b.mean === null) return (a.mean === null) - (b.mean === null);
    return a.mean - b.mean;
  });
}

export function progress(catalogue, answers, choice) {
  const all = chosenStatements(catalogue, choice);
  const done = all.filter((s) => answers[s.ref] && isScaleValue(answers[s.ref].answer)).length;
  return { done, total: all.length };
}

/* ---------- advice ---------- */

/** Resources attached to exactly this reference ("3A" or "9"), in catalogue order. */
export function resourcesFor(catalogue, ref) {
  return catalogue.resources.filter((r) => (r.standards || []).includes(ref));
}

// The order of resource types in the verbeterplan: ways of working first (what a team can start using),
// then training the team, then background to read. The types are the catalogue's vocabulary
// (infobox/vocabulary.py TYPES; a node test checks that each one is here); an unknown type comes last.
export const TYPE_ORDER = [
  "handreiking",
  "toolkit",
  "instrument",
  "methodiek",
  "model",
  "training",
  "online cursus",
  "publicatie",
  "rapport",
  "website",
  "databank",
  "video",
  "magazine",
  "boek",
];
const TYPE_RANK = new Map(TYPE_ORDER.map((type, rank) => [type, rank]));
const typeRank = (resource) => (TYPE_RANK.has(resource.type) ? TYPE_RANK.get(resource.type) : TYPE_ORDER.length);

/** Resources ordered by type (TYPE_ORDER), in catalogue order within a type (the sort is stable). */
export function byType(resources) {
  return [...resources].sort((a, b) => typeRank(a) - typeRank(b));
}

/** "standaard 1" for a whole standard, "onderdeel 6C" for a sub-item: how the page names a reference. */
export const refName = (ref) => `${/^\d+$/.test(ref) ? "standaard" : "onderdeel"} ${ref}`;

/** Where a reference ("6C", "1" or a standard with sub-items, "6") points: its standard and letter. */
export function refTarget(catalogue, ref) {
  for (const standard of catalogue.standards) {
    const id = String(standard.id);
    if (ref === id) return { ref, standardId: id, letter: "", url: standard.url };
    const item = (standard.items || []).find((entry) => String(entry.id) === ref);
    if (item) return { ref, standardId: id, letter: ref.slice(id.length), url: item.url };
  }
  return null;
}

/**
 * The help for one statement, in the order the verbeterplan gives it: the resources attached to the
 * statement itself; for a sub-item, those attached to its whole standard (they help with each sub-item);
 * then for each "zie ook" reference of the Kwaliteitskader the resources attached there (several
 * sub-items have none of their own). Each list by type; a resource shows once, where it first appears.
 */
export function help(catalogue, statement) {
  const seen = new Set();
  const fresh = (resources) =>
    byType(resources.filter((r) => !seen.has(r.id))).filter((r) => {
      seen.add(r.id);
      return true;
    });
  const resources = fresh(resourcesFor(catalogue, statement.ref));
  const whole = statement.ref === statement.standardId ? [] : fresh(resourcesFor(catalogue, statement.standardId));
  const seeAlso = (statement.seeAlso || [])
    .map((ref) => refTarget(catalogue, ref))
    .filter(Boolean)
    .map((target) => ({ target, resources: fresh(resourcesFor(catalogue, target.ref)) }));
  return { resources, standardResources: whole, seeAlso };
}

/**
 * The help of one statement as one list in the verbeterplan's order, each resource with what it is
 * attached to (`via`: "onderdeel 3B", "standaard 3", "zie ook standaard 1").
 */
export function helpInOrder(gapHelp, statement) {
  return [
    ...gapHelp.resources.map((resource) => ({ resource, via: refName(statement.ref) })),
    ...gapHelp.standardResources.map((resource) => ({ resource, via: refName(statement.standardId) })),
    ...gapHelp.seeAlso.flatMap(({ target, resources }) =>
      resources.map((resource) => ({ resource, via: `zie ook ${refName(target.ref)}` })),
    ),
  ];
}

/** Per weak standard (weakest first, chosen standards only): its weak statements, each with its help. */
export function advice(catalogue, answers, choice) {
  return weakestFirst(scoreStandards(catalogue, answers, choice))
    .filter((score) => score.weak.length > 0)
    .map((score) => ({
      score,
      gaps: score.weak.map((statement) => ({
        statement,
        answer: answers[statement.ref].answer,
        ...help(catalogue, statement),
      })),
    }));
}

/* ---------- state, export and import ---------- */

export function emptyState() {
  return { organisation: "", date: "", answers: {} };
}

/** Keep only known refs with a valid answer or a note; trims notes. */
export function cleanAnswers(catalogue, answers) {
  const known = new Set(statements(catalogue).map((s) => s.ref));
  const out = {};
  for (const [ref, entry] of Object.entries(answers || {})) {
    if (!known.has(ref) || !entry || typeof entry !== "object") continue;
    const answer = isScaleValue(entry.answer) ? entry.answer : "";
    const note = typeof entry.note === "string" ? entry.note : "";
    if (answer || note.trim()) out[ref] = { answer, note };
  }
  return out;
}

/** The file of a scan: its answers, who and when, and the standards chosen (`choice`, [] is every standard). */
export function toExport(catalogue, state, choice) {
  const answers = {};
  for (const statement of statements(catalogue)) {
    const entry = state.answers[statement.ref];
    if (entry && (entry.answer || (entry.note || "").trim())) {
      answers[statement.ref] = { answer: entry.answer || "", note: (entry.note || "").trim() };
    }
  }
  return {
    format: FORMAT,
    version: FORMAT_VERSION,
    catalogue: catalogueVersion(catalogue),
    // The catalogue version changes with any resource; this one only when a statement's text does.
    statements: statementsFingerprint(catalogue),
    edition: standardsEdition(catalogue),
    standards: parseChoice((choice || []).map(String), catalogue),
    organisation: state.organisation || "",
    date: state.date || "",
    answers,
  };
}

const CSV_SEPARATOR = ";"; // what Dutch Excel expects (the comma is the decimal separator there)
const BOM = "\ufeff"; // tells Excel the file is UTF-8, so "geëvalueerd" stays readable

/**
 * The one rule for every CSV cell this site writes (the same as infobox/spreadsheet.py): a cell starting
 * with = + - @, a tab or a carriage return is a formula to a spreadsheet; a leading apostrophe keeps it text.
 */
export function neutraliseFormula(text) {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvField(value) {
  const whole = value === null || value === undefined ? "" : String(value);
  const text = neutraliseFormula(whole.length > MAX_CELL ? `${whole.slice(0, MAX_CELL - 1)}…` : whole);
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/*
 * The CSV file (for programs; people get the workbook, zelfscan-workbook-model.js): one table to filter and
 * sort, rather than several blocks a program cannot
 * tell apart. Every row says what it is ("soort regel") and carries its own context (standard, score and
 * meaning; statement, answer and note), so a filter on any column keeps rows readable and a plan row can
 * be handed to a colleague as it is. Rows come in three kinds, in this order:
 *   score        one per chosen standard, weakest first (as the result table): score and what it means;
 *   stelling     one per statement of the chosen standards, in reading order: answer, points, note;
 *   verbeterplan one per resource of each gap, in the verbeterplan's order (weakest standard first; the
 *                statement's own resources, its standard's, then "zie ook", each by type), with the
 *                resource's title, type, organisation and addresses; a gap without resources gets one
 *                row without them, so the plan lists every gap.
 * Only the chosen standards; every cell goes through csvField (formula rule, Excel's cell limit).
 */
const CSV_HEADER = [
  "soort regel",
  "gemeente of regio",
  "datum",
  "standaard",
  "titel standaard",
  "score (%)",
  "betekenis score",
  // A statement belongs to a sub-item ("3B") or, for a standard without sub-items, to the standard ("9").
  "onderdeel of standaard",
  "stelling",
  "antwoord",
  "punten",
  "toelichting",
  "verbeterpunt",
  "hulpmiddel bij",
  "hulpmiddel",
  "soort hulpmiddel",
  "organisatie hulpmiddel",
  "adres hulpmiddel",
  "in de Infobox",
  "tekst van de standaard",
];

/** The rows of the CSV file (header first) as arrays of plain values; see CSV_HEADER above. */
export function csvRows(catalogue, state, { choice, siteUrl } = {}) {
  const answers = state.answers || {};
  const scores = scoreStandards(catalogue, answers, choice);
  const scoreOf = new Map(scores.map((score) => [score.standardId, score]));
  const standardCells = (score) => [
    score.standardId,
    score.title,
    score.percent === null ? "" : score.percent,
    score.percent === null ? "geen score" : scoreMeaning(score.percent),
  ];
  const statementCells = (statement) => {
    const entry = answers[statement.ref] || {};
    const p = points(entry.answer);
    return [
      statement.ref,
      statement.statement,
      entry.answer || "",
      p === null ? "" : p,
      (entry.note || "").trim(),
      p === null ? "" : isWeak(entry.answer) ? "ja" : "nee",
    ];
  };
  const who = [state.organisation || "", state.date || ""];
  const noResource = ["", "", "", "", "", ""];
  const address = (resource) => (resource.links || []).map((link) => link.url).join(" ");
  const infoboxUrl = (resource) =>
    resource.url === undefined ? "" : siteUrl ? new URL(resource.url, siteUrl).href : resource.url;

  const rows = [CSV_HEADER];
  for (const score of weakestFirst(scores)) {
    rows.push(["score", ...who, ...standardCells(score), "", "", "", "", "", "", ...noResource, ""]);
  }
  for (const statement of chosenStatements(catalogue, choice)) {
    const score = scoreOf.get(statement.standardId);
    const cells = [...standardCells(score), ...statementCells(statement)];
    rows.push(["stelling", ...who, ...cells, ...noResource, statement.fullText]);
  }
  for (const { score, gaps } of advice(catalogue, answers, choice)) {
    for (const gap of gaps) {
      const context = ["verbeterplan", ...who, ...standardCells(score), ...statementCells(gap.statement)];
      const found = helpInOrder(gap, gap.statement);
      if (!found.length) rows.push([...context, ...noResource, ""]);
      for (const { resource, via } of found) {
        rows.push([
          ...context,
          via,
          resource.title,
          resource.type || "",
          (resource.organisations || []).join(", "),
          address(resource),
          infoboxUrl(resource),
          "",
        ]);
      }
    }
  }
  return rows;
}

/** The CSV file: UTF-8 with BOM, ";" separated, quoted per RFC 4180, CRLF line ends. */
export function toCsv(catalogue, state, options) {
  const rows = csvRows(catalogue, state, options);
  return BOM + rows.map((row) => row.map(csvField).join(CSV_SEPARATOR)).join("\r\n") + "\r\n";
}

/**
 * Migrations of older export files, one step each: MIGRATIONS.get(n) turns version n into version n + 1.
 * Version 1 had the same fields; its "statements" fingerprint covered the standards' texts only, so an
 * unchanged text set becomes the current fingerprint (no warning), anything else stays different.
 */
function fromVersion1(data, catalogue) {
  const sameTexts = typeof data.statements === "string" && data.statements === textsFingerprintV1(catalogue);
  return { ...data, version: 2, statements: sameTexts ? statementsFingerprint(catalogue) : data.statements };
}

/**
 * Version 2 had no choice and no edition: such a file was about every standard (the spreadsheet made from
 * it too), and which edition it was made with is unknown.
 */
function fromVersion2(data) {
  return { ...data, version: 3, standards: [], edition: "" };
}

const MIGRATIONS = new Map([
  [1, fromVersion1],
  [2, fromVersion2],
]);

export function migrate(data, catalogue) {
  let current = data;
  while (current.version !== FORMAT_VERSION && MIGRATIONS.has(current.version)) {
    current = MIGRATIONS.get(current.version)(current, catalogue);
  }
  return current;
}

/** Thousands with a dot, as Dutch readers write them: 1.234. */
const dutchNumber = (n) => String(n).replace(/\B(?=(\d{3})+$)/g, ".");

/** "3", "3 en 7", "1, 3 en 7": a list as a Dutch sentence writes it. */
export const dutchList = (items) =>
  items.length > 1 ? `${items.slice(0, -1).join(", ")} en ${items[items.length - 1]}` : items.join("");

/** A text from a file, cut short enough to quote in a message. */
const cut = (text, length = 40) => (text.length > length ? `${text.slice(0, length)}…` : text);

/** Null when a file of `size` bytes may be read as a scan, else the Dutch message why not. */
export function scanSizeProblem(size, fileName) {
  if (size <= MAX_SCAN_BYTES) return null;
  const name = fileName ? `"${cut(fileName, 80)}"` : "Het bestand";
  const megabytes = (bytes) => dutchNumber(Math.ceil(bytes / (1024 * 1024)));
  return (
    `${name} is ${megabytes(size)} MB groot; een bewaarde zelfscan is nooit groter dan ` +
    `${megabytes(MAX_SCAN_BYTES)} MB, dus dit is geen zelfscan. Het bestand is niet gelezen.`
  );
}

/**
 * Read an exported scan. Returns {ok: true, scan, warnings} or {ok: false, message} with a Dutch message
 * that tells the user what is wrong with the file.
 */
export function parseScan(text, catalogue, fileName) {
  const name = fileName ? `"${cut(fileName, 80)}"` : "Het bestand";
  // The page checks the file before reading it; a text is never longer than its size in bytes.
  const tooLarge = scanSizeProblem(text.length, fileName);
  if (tooLarge) return { ok: false, message: tooLarge };
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, message: `${name} is geen geldig JSON-bestand en dus geen bewaarde zelfscan.` };
  }
  if (!data || typeof data !== "object" || Array.isArray(data) || data.format !== FORMAT) {
    return {
      ok: false,
      message: `${name} is geen zelfscan van de Infobox: het veld "format" ontbreekt of is niet "${FORMAT}".`,
    };
  }
  const fileVersion = data.version;
  data = migrate(data, catalogue);
  if (data.version !== FORMAT_VERSION) {
    return {
      ok: false,
      message:
        `${name} is een zelfscan in versie ${cut(String(JSON.stringify(fileVersion)))} van het bestandsformaat; ` +
        `deze pagina leest versie 1 tot en met ${FORMAT_VERSION}.`,
    };
  }
  if (!data.answers || typeof data.answers !== "object" || Array.isArray(data.answers)) {
    return { ok: false, message: `${name} bevat geen antwoorden (het veld "answers" ontbreekt of is ongeldig).` };
  }
  const warnings = [];
  const known = new Set(statements(catalogue).map((s) => s.ref));
  let invalid = 0;
  let unknown = 0;
  for (const [ref, entry] of Object.entries(data.answers)) {
    if (!known.has(ref)) {
      unknown += 1;
      if (unknown <= NAMED_UNKNOWN) {
        warnings.push(`Onderdeel ${cut(ref)} bestaat niet (meer) in de kwaliteitsstandaarden en is overgeslagen.`);
      }
    } else if (!entry || typeof entry !== "object" || (entry.answer && !isScaleValue(entry.answer))) {
      invalid += 1;
    }
  }
  if (unknown > NAMED_UNKNOWN) {
    const more = unknown - NAMED_UNKNOWN;
    warnings.push(`En nog ${dutchNumber(more)} onbekende onderdelen; ook die zijn overgeslagen.`);
  }
  if (invalid) {
    warnings.push(`${invalid} antwoord(en) met een onbekende waarde zijn overgeslagen.`);
  }
  const sameStatements =
    typeof data.statements === "string"
      ? data.statements === statementsFingerprint(catalogue)
      : data.catalogue === catalogueVersion(catalogue);
  if (!sameStatements) {
    warnings.push(
      "Deze scan is gemaakt met een andere versie van de kwaliteitsstandaarden. " +
        "Controleer de antwoorden: teksten kunnen zijn gewijzigd.",
    );
  }
  const edition = typeof data.edition === "string" ? data.edition : "";
  const current = standardsEdition(catalogue);
  if (edition && current && edition !== current) {
    warnings.push(
      `Deze scan is gemaakt met editie ${cut(edition)} van de kwaliteitsstandaarden; deze site volgt editie ${cut(current)}.`,
    );
  }
  // A choice this catalogue no longer knows is no choice (parseChoice): the scan then covers every standard.
  const choice = parseChoice(Array.isArray(data.standards) ? data.standards.map(String) : [], catalogue);
  const scan = {
    organisation: typeof data.organisation === "string" ? data.organisation : "",
    date: typeof data.date === "string" ? data.date : "",
    answers: cleanAnswers(catalogue, data.answers),
    choice,
    edition,
  };
  return { ok: true, scan, warnings };
}

/* ---------- regional comparison ---------- */

/** The ids of the standards a scan is about: its choice, or every standard. */
function scanStandards(catalogue, scan) {
  return chosenStandards(catalogue, scan.choice).map((standard) => String(standard.id));
}

/**
 * Compare several scans. Each scan is about its own choice of standards (`scan.choice`, [] or none is every
 * standard): the comparison shows the standards at least one scan is about, with `inScan` saying per scan
 * whether it is; a scan that did not choose a standard has no score there. A statement is a common gap
 * when it is answered "niet" or "deels" in more than half of the scans about its standard. Gaps are
 * ordered by how many scans share them, then reading order.
 */
export function compare(catalogue, scans) {
  const about = scans.map((scan) => new Set(scanStandards(catalogue, scan)));
  const perScan = scans.map((scan) => scoreStandards(catalogue, scan.answers));
  const standards = [];
  catalogue.standards.forEach((standard, index) => {
    const id = String(standard.id);
    const inScan = about.map((ids) => ids.has(id));
    if (!inScan.some(Boolean)) return;
    standards.push({
      standardId: id,
      title: standard.title,
      inScan,
      percents: perScan.map((scores, i) => (inScan[i] ? scores[index].percent : null)),
    });
  });
  const gaps = [];
  statements(catalogue).forEach((statement, order) => {
    const covering = scans.filter((_, i) => about[i].has(statement.standardId));
    const weakIn = covering.filter((scan) => isWeak(scan.answers[statement.ref] && scan.answers[statement.ref].answer));
    if (covering.length && weakIn.length * 2 > covering.length) {
      gaps.push({
        statement,
        order,
        of: covering.length,
        weakIn: weakIn.map((scan) => scan.organisation),
        ...help(catalogue, statement),
      });
    }
  });
  gaps.sort((a, b) => b.weakIn.length - a.weakIn.length || a.order - b.order);
  return { standards, gaps };
}

/**
 * What a comparison compares, in one Dutch sentence: every scan about every standard, all about the same
 * few, or each about its own (then which scan is about which, and how the table shows it).
 */
export function comparisonScope(catalogue, scans) {
  const total = catalogue.standards.length;
  const which = (scan) => {
    const ids = scanStandards(catalogue, scan);
    return ids.length === total
      ? `alle ${total} standaarden`
      : `${ids.length > 1 ? "standaarden" : "standaard"} ${dutchList(ids)}`;
  };
  const described = scans.map(which);
  if (described.every((text) => text === described[0])) {
    return described[0] === `alle ${total} standaarden`
      ? `Alle scans gaan over alle ${total} standaarden.`
      : `Alle scans gaan over ${described[0]}; alleen die worden vergeleken.`;
  }
  const each = scans.map((scan, i) => `${scan.organisation} over ${described[i]}`);
  return (
    `De scans gaan over verschillende standaarden: ${each.join("; ")}. Bij een standaard die een scan niet ` +
    "koos, staat ‘niet gekozen’; een gemeenschappelijk knelpunt telt alleen de scans die de standaard kozen."
  );
}

/**
 * What a score means in the scale's own words: the mean answer it stands for. 33% is "gemiddeld ‘deels’";
 * 50% lies "tussen ‘deels’ en ‘grotendeels’"; no score has no meaning.
 */
export function scoreMeaning(percent) {
  if (percent === null || percent === undefined) return "";
  const mean = (percent / 100) * MAX_POINTS;
  const word = (points) => `‘${SCALE.find((step) => step.points === points).label.toLowerCase()}’`;
  const nearest = Math.round(mean);
  if (Math.abs(mean - nearest) < 0.25) return `gemiddeld ${word(nearest)}`;
  return `tussen ${word(Math.floor(mean))} en ${word(Math.ceil(mean))}`;
}
