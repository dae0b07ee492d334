// Property-based tests of the zelfscan's file parser (docs/javascripts/zelfscan-core.js), issue 22: whatever
// file a user opens, parseScan returns a scan or a Dutch message, never throws, and what it says stays
// short; a scan it returns scores and exports without NaN or exceptions. Bounded runs, not timed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import * as core from "../../docs/javascripts/zelfscan-core.js";

const catalogue = JSON.parse(readFileSync(process.env.INFOBOX_CATALOGUE_JSON, "utf8"));
const refs = core.statements(catalogue).map((s) => s.ref);
const standardIds = catalogue.standards.map((s) => String(s.id));
const RUNS = { numRuns: 200 };

// Names an attacker (or chance) may use where the parser expects a ref or a scale value.
const TRICKY = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "prototype", "length"];
const key = fc.oneof(fc.constantFrom(...refs, ...TRICKY), fc.string({ maxLength: 20 }));
const answerValue = fc.oneof(fc.constantFrom(...core.SCALE.map((s) => s.value), ...TRICKY, ""), fc.jsonValue());
const entry = fc.oneof(fc.record({ answer: answerValue, note: fc.oneof(fc.string(), fc.jsonValue()) }), fc.jsonValue());
// The answers as JSON text, so a "__proto__" key is an own key of the parsed file, as in a real one.
const answersJson = fc
  .array(fc.tuple(key, entry), { maxLength: 40 })
  .map((pairs) => `{${pairs.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(",")}}`);
const header = fc.record({
  format: fc.oneof(fc.constant(core.FORMAT), fc.jsonValue()),
  version: fc.oneof(fc.constantFrom(1, 2, 3, 4, "2"), fc.jsonValue()),
  statements: fc.oneof(fc.constant(core.statementsFingerprint(catalogue)), fc.jsonValue()),
  organisation: fc.oneof(fc.string(), fc.jsonValue()),
  date: fc.oneof(fc.string(), fc.jsonValue()),
  edition: fc.oneof(fc.string(), fc.jsonValue()),
  standards: fc.oneof(fc.array(fc.oneof(fc.constantFrom(...standardIds, ...TRICKY), fc.jsonValue())), fc.jsonValue()),
});
const scanFile = fc
  .tuple(header, answersJson)
  .map(([fields, answers]) => `${JSON.stringify(fields).slice(0, -1)},"answers":${answers}}`);

function checkResult(result) {
  assert.equal(typeof result.ok, "boolean");
  if (!result.ok) {
    assert.equal(typeof result.message, "string");
    assert.ok(result.message.length > 0 && result.message.length < 400, result.message.slice(0, 200));
    return;
  }
  assert.ok(result.warnings.length <= 9, `${result.warnings.length} warnings`);
  for (const warning of result.warnings) assert.ok(warning.length < 400, warning.slice(0, 200));
  const { scan } = result;
  assert.equal(typeof scan.organisation, "string");
  for (const [ref, answer] of Object.entries(scan.answers)) {
    assert.ok(refs.includes(ref), ref);
    assert.ok(answer.answer === "" || core.SCALE.some((s) => s.value === answer.answer), answer.answer);
  }
  // The restored choice is known standards in catalogue order, fewer than all ([] is every standard).
  assert.ok(Array.isArray(scan.choice) && scan.choice.length < standardIds.length);
  assert.deepEqual(
    scan.choice,
    standardIds.filter((id) => scan.choice.includes(id)),
  );
  assert.equal(typeof scan.edition, "string");
  const { done, total } = core.progress(catalogue, scan.answers, scan.choice);
  assert.ok(done >= 0 && done <= total);
  for (const score of core.scoreStandards(catalogue, scan.answers)) {
    assert.ok(
      score.percent === null || (Number.isInteger(score.percent) && score.percent >= 0 && score.percent <= 100),
    );
  }
  const csv = core.toCsv(catalogue, scan, { choice: scan.choice });
  assert.equal(csv.charCodeAt(0), 0xfeff);
}

test("any text gives a scan or a Dutch message, never an exception", () => {
  fc.assert(
    fc.property(fc.string({ unit: "binary", maxLength: 500 }), (text) =>
      checkResult(core.parseScan(text, catalogue, "x.json")),
    ),
    RUNS,
  );
});

test("any JSON value gives a scan or a Dutch message, never an exception", () => {
  fc.assert(
    fc.property(fc.jsonValue(), (value) => checkResult(core.parseScan(JSON.stringify(value), catalogue, "x.json"))),
    RUNS,
  );
});

test("a scan file with any answers, refs and values named after Object's properties reads as data", () => {
  fc.assert(
    fc.property(scanFile, (text) => checkResult(core.parseScan(text, catalogue, "x.json"))),
    RUNS,
  );
});

test("any address values give a choice of known standards in catalogue order, or none (issue 20)", () => {
  const ids = catalogue.standards.map((s) => String(s.id));
  const value = fc.oneof(
    fc.constantFrom(...ids, ...TRICKY, ""),
    fc.array(fc.constantFrom(...ids, "x", " "), { maxLength: 5 }).map((parts) => parts.join(",")),
    fc.string({ unit: "binary", maxLength: 50 }),
  );
  const values = fc.oneof(fc.array(value, { maxLength: 30 }), fc.anything());
  fc.assert(
    fc.property(values, (given) => {
      const choice = core.parseChoice(given, catalogue);
      assert.ok(Array.isArray(choice) && choice.length < ids.length);
      assert.deepEqual(
        choice,
        ids.filter((id) => choice.includes(id)),
      );
      // Scoring and the Excel file with that choice hold its standards only.
      const scored = core.scoreStandards(catalogue, {}, choice).map((s) => s.standardId);
      assert.deepEqual(scored, choice.length ? choice : ids);
      assert.equal(core.toCsv(catalogue, core.emptyState(), { choice }).charCodeAt(0), 0xfeff);
    }),
    RUNS,
  );
});
