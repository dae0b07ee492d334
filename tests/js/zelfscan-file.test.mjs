// The saved scan file keeps what it was about (docs/javascripts/zelfscan-core.js, issue 33.1): the chosen
// standards and the edition of the standards are written, read back and migrated from older files; a
// comparison of scans with different choices says what it compares.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as core from "../../docs/javascripts/zelfscan-core.js";

const catalogue = JSON.parse(readFileSync(process.env.INFOBOX_CATALOGUE_JSON, "utf8"));
const answers = { "3B": { answer: "niet", note: "" }, 9: { answer: "deels", note: "" } };
const state = { organisation: "Gemeente Voorbeeld", date: "2026-12-01", answers };

test("the file records the chosen standards and the edition, and reading it restores the choice", () => {
  const exported = core.toExport(catalogue, state, ["3", "9"]);
  assert.equal(exported.version, 3);
  assert.deepEqual(exported.standards, ["3", "9"]);
  assert.equal(exported.edition, "2024"); // catalogue.json's source.edition
  const parsed = core.parseScan(JSON.stringify(exported), catalogue, "scan.json");
  assert.equal(parsed.ok, true);
  assert.deepEqual(parsed.warnings, []);
  assert.deepEqual(parsed.scan.choice, ["3", "9"]);
  assert.equal(parsed.scan.edition, "2024");
  // What the page then counts: only the chosen standards' statements.
  assert.deepEqual(core.progress(catalogue, parsed.scan.answers, parsed.scan.choice), { done: 2, total: 4 });
});

test("no choice, or a choice of every standard, is written as [] (every standard)", () => {
  assert.deepEqual(core.toExport(catalogue, state).standards, []);
  assert.deepEqual(core.toExport(catalogue, state, ["1", "3", "9"]).standards, []);
  assert.deepEqual(core.toExport(catalogue, state, ["9", "x", "1"]).standards, ["1", "9"]);
});

test("a version-2 file migrates to version 3: about every standard, edition unknown, no warning", () => {
  const v2 = { ...core.toExport(catalogue, state), version: 2 };
  delete v2.standards;
  delete v2.edition;
  assert.deepEqual(core.migrate(v2, catalogue), { ...v2, version: 3, standards: [], edition: "" });
  const parsed = core.parseScan(JSON.stringify(v2), catalogue, "oud.json");
  assert.equal(parsed.ok, true);
  assert.deepEqual(parsed.warnings, []);
  assert.deepEqual(parsed.scan.choice, []);
  assert.equal(parsed.scan.edition, "");
});

test("a version-1 file migrates through version 2 to version 3", () => {
  const v1 = JSON.parse(readFileSync(new URL("./scan-v1.fixture.json", import.meta.url), "utf8"));
  const migrated = core.migrate(v1, catalogue);
  assert.equal(migrated.version, 3);
  assert.deepEqual(migrated.standards, []);
  assert.equal(migrated.statements, core.statementsFingerprint(catalogue));
});

test("a file from another edition opens with a warning that names both editions", () => {
  const exported = { ...core.toExport(catalogue, state, ["3"]), edition: "2019" };
  const parsed = core.parseScan(JSON.stringify(exported), catalogue);
  assert.equal(parsed.ok, true);
  assert.deepEqual(parsed.warnings, [
    "Deze scan is gemaakt met editie 2019 van de kwaliteitsstandaarden; deze site volgt editie 2024.",
  ]);
});

test("a choice of standards this catalogue does not know is no choice: the scan covers every standard", () => {
  const exported = { ...core.toExport(catalogue, state), standards: ["7", { id: 3 }, "__proto__"] };
  const parsed = core.parseScan(JSON.stringify(exported), catalogue);
  assert.equal(parsed.ok, true);
  assert.deepEqual(parsed.scan.choice, []);
});

test("comparing scans with different choices says so and compares each scan on its own standards", () => {
  const scans = [
    { organisation: "A", choice: ["3"], answers: { "3A": { answer: "niet" }, "3B": { answer: "niet" } } },
    { organisation: "B", choice: ["3", "9"], answers: { "3A": { answer: "volledig" }, 9: { answer: "niet" } } },
    { organisation: "C", choice: ["3"], answers: { "3A": { answer: "deels" }, 1: { answer: "niet" } } },
  ];
  const result = core.compare(catalogue, scans);
  // Standard 1 is in no scan's choice: left out, though C answered it once.
  assert.deepEqual(
    result.standards.map((s) => [s.standardId, s.inScan, s.percents]),
    [
      ["3", [true, true, true], [0, 100, 33]],
      ["9", [false, true, false], [null, 0, null]],
    ],
  );
  // 3A weak in A and C (2 of 3); 9 weak in B, the only scan about it (1 of 1); 3B only in A (1 of 3).
  assert.deepEqual(
    result.gaps.map((g) => [g.statement.ref, g.weakIn, g.of]),
    [
      ["3A", ["A", "C"], 3],
      ["9", ["B"], 1],
    ],
  );
  assert.equal(
    core.comparisonScope(catalogue, scans),
    "De scans gaan over verschillende standaarden: A over standaard 3; B over standaarden 3 en 9; C over " +
      "standaard 3. Bij een standaard die een scan niet koos, staat ‘niet gekozen’; een gemeenschappelijk " +
      "knelpunt telt alleen de scans die de standaard kozen.",
  );
});

test("the comparison's scope when every scan is about the same standards", () => {
  const same = [
    { organisation: "A", choice: ["3", "9"], answers: {} },
    { organisation: "B", choice: ["3", "9"], answers: {} },
  ];
  assert.equal(
    core.comparisonScope(catalogue, same),
    "Alle scans gaan over standaarden 3 en 9; alleen die worden vergeleken.",
  );
  const all = [
    { organisation: "A", answers: {} },
    { organisation: "B", choice: [], answers: {} },
  ];
  assert.equal(core.comparisonScope(catalogue, all), "Alle scans gaan over alle 3 standaarden.");
});
