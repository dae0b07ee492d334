// A resource attached to a whole standard with sub-items (the Baeten model: standards ["10"]) is offered
// for every sub-item of that standard in the zelfscan's advice.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const core = require("../../docs/javascripts/zelfscan-core.js");

const catalogue = {
  standards: [
    {
      id: "10",
      title: "Samenwerkingsafspraken",
      text: "Zorg dat … afspraken over:",
      items: [
        { id: "10A", text: "Het informeren van directbetrokkenen." },
        { id: "10B", text: "De rolverdeling." },
      ],
    },
  ],
  resources: [
    { id: "model", title: "Model samenwerkingsafspraken", standards: ["10"] },
    { id: "alleen-b", title: "Alleen 10B", standards: ["10B"] },
  ],
};

test("a whole-standard resource helps with each sub-item, after the sub-item's own", () => {
  const [a, b] = core.statements(catalogue);
  assert.deepEqual(
    core.help(catalogue, a).resources.map((r) => r.id),
    ["model"],
  );
  assert.deepEqual(
    core.help(catalogue, b).resources.map((r) => r.id),
    ["alleen-b", "model"],
  );
});
