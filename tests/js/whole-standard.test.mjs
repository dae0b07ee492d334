// A resource attached to a whole standard with sub-items (the Baeten model: standards ["10"]) is offered
// for every sub-item of that standard in the zelfscan's advice.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as core from "../../docs/javascripts/zelfscan-core.js";

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
  const ids = (help) => [help.resources, help.standardResources].map((list) => list.map((r) => r.id));
  assert.deepEqual(ids(core.help(catalogue, a)), [[], ["model"]]);
  assert.deepEqual(ids(core.help(catalogue, b)), [["alleen-b"], ["model"]]);
  assert.deepEqual(
    core.helpInOrder(core.help(catalogue, b), b).map(({ resource, via }) => [resource.id, via]),
    [
      ["alleen-b", "onderdeel 10B"],
      ["model", "standaard 10"],
    ],
  );
});

// The verbeterplan's order, by hand: the sub-item's own resources, then its standard's, then "zie ook";
// each list by type (ways of working, training, background), catalogue order within a type; once each.
const typed = {
  standards: [
    {
      id: "4",
      title: "Deskundigheid",
      items: [{ id: "4A", see_also: ["5", "4B"] }, { id: "4B" }],
    },
    { id: "5", title: "Scholing" },
  ],
  resources: [
    { id: "site-4a", type: "website", standards: ["4A"] },
    { id: "cursus-4a", type: "online cursus", standards: ["4A"] },
    { id: "nieuw-4a", type: "podcast", standards: ["4A"] }, // a type the order does not know: last
    { id: "handreiking-4a", type: "handreiking", standards: ["4A"] },
    { id: "training-4a", type: "training", standards: ["4A"] },
    { id: "boek-4", type: "boek", standards: ["4"] },
    { id: "toolkit-4", type: "toolkit", standards: ["4", "4A"] }, // 4A's own: not again under standard 4
    { id: "model-4", type: "model", standards: ["4"] },
    { id: "rapport-5", type: "rapport", standards: ["5"] },
    { id: "methodiek-5", type: "methodiek", standards: ["5", "4"] }, // under standard 4 already
    { id: "instrument-4b", type: "instrument", standards: ["4B"] },
  ],
};

test("the verbeterplan orders a gap's resources: own, standard's, 'zie ook'; each by type; each once", () => {
  const [a] = core.statements(typed);
  const help = core.help(typed, a);
  assert.deepEqual(
    core.helpInOrder(help, a).map(({ resource, via }) => `${via}: ${resource.id}`),
    [
      "onderdeel 4A: handreiking-4a",
      "onderdeel 4A: toolkit-4",
      "onderdeel 4A: training-4a",
      "onderdeel 4A: cursus-4a",
      "onderdeel 4A: site-4a",
      "onderdeel 4A: nieuw-4a",
      "standaard 4: methodiek-5",
      "standaard 4: model-4",
      "standaard 4: boek-4",
      "zie ook standaard 5: rapport-5",
      "zie ook onderdeel 4B: instrument-4b",
    ],
  );
});
