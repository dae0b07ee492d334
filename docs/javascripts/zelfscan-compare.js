/*
 * Zelfscan regional comparison: open several saved scans and show their scores side by side with the gaps
 * most of them share. The loaded files are this part's own state (never stored).
 */
import { h } from "./dom.js";
import * as chart from "./zelfscan-chart.js";
import * as core from "./zelfscan-core.js";
import { BASE, helpList, percentText, scrollingTable, showMessage, standardLabel } from "./zelfscan-view.js";
const byId = (id) => document.getElementById(id);

let catalogue = null;
let compared = []; // [{fileName, scan}]

export function mount(container, loadedCatalogue) {
  catalogue = loadedCatalogue;
  const input = h("input", {
    type: "file",
    id: "zs-compare-files",
    accept: ".json,application/json",
    multiple: true,
  });
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
      h(
        "button",
        {
          type: "button",
          class: "md-button",
          id: "zs-compare-clear",
          onclick: () => {
            compared = [];
            byId("zs-compare-message").replaceChildren();
            renderComparison(byId("zs-compare-output"));
          },
        },
        "Vergelijking wissen",
      ),
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
    const tooLarge = core.scanSizeProblem(file.size, file.name); // checked before the file is read
    const result = tooLarge
      ? { ok: false, message: tooLarge }
      : core.parseScan(await file.text(), catalogue, file.name);
    if (!result.ok) {
      failed = true;
      lines.push(`Niet geladen: ${result.message}`);
      continue;
    }
    compared = compared.filter((entry) => entry.fileName !== file.name);
    compared.push({ fileName: file.name, scan: result.scan });
    loaded.push(file.name);
    for (const warning of result.warnings) lines.push(`${file.name}: ${warning}`);
  }
  if (loaded.length) lines.unshift(`Geladen: ${loaded.join(", ")}. In de vergelijking: ${compared.length} scans.`);
  input.value = "";
  showMessage(byId("zs-compare-message"), failed ? "error" : "ok", lines);
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
  const scans = compared.map((entry) => ({ ...entry.scan, organisation: scanName(entry) }));
  const result = core.compare(catalogue, scans);
  const parts = [
    h("p", { id: "zs-compare-scope" }, core.comparisonScope(catalogue, scans)),
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
          s.percents.map((p, i) => h("td", { class: "zelfscan-num" }, s.inScan[i] ? percentText(p) : "niet gekozen")),
        ),
      ),
    }),
    h("h3", { id: "zs-common-gaps" }, "Gemeenschappelijke knelpunten"),
    h(
      "p",
      {},
      "Stellingen die in meer dan de helft van de geladen scans (die de standaard kozen) met ‘niet’ of " +
        "‘deels’ zijn beantwoord, met de hulpmiddelen die erbij horen.",
    ),
  ];
  if (result.gaps.length === 0) {
    parts.push(h("p", {}, "Er zijn geen stellingen die in de meeste scans zwak scoren."));
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
              `Zwak in ${gap.weakIn.length} van ${gap.of} scans: ${gap.weakIn.join(", ")}.`,
            ),
            helpList(gap),
          ),
        ),
      ),
    );
  }
  container.replaceChildren(...parts);
}
