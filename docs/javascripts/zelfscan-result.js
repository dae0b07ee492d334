/*
 * Zelfscan result: the score per standard (chart and table) and the verbeterplan, rendered from the
 * catalogue and the page's answers (owned by zelfscan.js, passed in; nothing is kept here).
 */
import { h } from "./dom.js";
import * as chart from "./zelfscan-chart.js";
import * as core from "./zelfscan-core.js";
import { BASE, answerLabel, helpList, percentText, scrollingTable, standardLabel } from "./zelfscan-view.js";

function formatDate(iso) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
  if (!match) return iso || "";
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return date.toLocaleDateString("nl-NL", { day: "numeric", month: "long", year: "numeric" });
}

/** Who and when, and which standards when a team chose some (the printed report and plan say it too). */
export function renderHead(state, choice) {
  const head = document.getElementById("zs-report-head");
  if (!head) return;
  const who = state.organisation.trim() || "(gemeente of regio niet ingevuld)";
  const when = state.date ? formatDate(state.date) : "(datum niet ingevuld)";
  const which = choice && choice.length ? ` · gekozen ${choice.length > 1 ? "standaarden" : "standaard"} ` : "";
  head.replaceChildren(h("strong", {}, who), ` · ${when}`, which ? `${which}${core.dutchList(choice)}` : "");
}

export function render(container, catalogue, state, choice) {
  const scores = core.weakestFirst(core.scoreStandards(catalogue, state.answers, choice));
  const parts = [h("p", { class: "zelfscan-report-head", id: "zs-report-head" })];
  if (!scores.some((s) => s.percent !== null)) {
    parts.push(h("p", {}, "Nog geen resultaat: beantwoord eerst één of meer stellingen in de vragenlijst."));
    container.replaceChildren(...parts);
    renderHead(state, choice);
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
      head: ["Standaard", "Score", "Betekenis", "Beantwoord", "Weet niet", "Open"],
      rows: scores.map((s) =>
        h(
          "tr",
          { "data-standard": s.standardId },
          h("th", { scope: "row" }, standardLabel(s)),
          h("td", { class: "zelfscan-num" }, percentText(s.percent)),
          h("td", {}, core.scoreMeaning(s.percent)),
          h("td", { class: "zelfscan-num" }, `${s.answered} van ${s.statements}`),
          h("td", { class: "zelfscan-num" }, String(s.dontKnow)),
          h("td", { class: "zelfscan-num" }, String(s.unanswered)),
        ),
      ),
    }),
    renderPlan(catalogue, state, choice),
    h(
      "p",
      { class: "zelfscan-actions" },
      h(
        "button",
        {
          type: "button",
          class: "md-button md-button--primary",
          id: "zs-print-plan",
          onclick: () => printPart("verbeterplan"),
        },
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
  renderHead(state, choice);
}

/**
 * The verbeterplan: per gap (a statement answered "niet" or "deels"), weakest standard first, the
 * statement, the municipality's own note and the resources to use. Printed on its own by
 * "Verbeterplan afdrukken" (html[data-print=verbeterplan] in zelfscan.css).
 */
function renderPlan(catalogue, state, choice) {
  const advice = core.advice(catalogue, state.answers, choice);
  const plan = h(
    "div",
    { class: "zelfscan-plan", id: "zs-plan" },
    h("h3", { id: "zs-advice-title" }, "Verbeterplan"),
    h(
      "p",
      {},
      "Per verbeterpunt (een stelling beantwoord met ‘niet’ of ‘deels’): de stelling, uw toelichting en de " +
        "hulpmiddelen uit de Infobox die erbij horen: eerst die bij de stelling zelf, dan die bij de hele " +
        "standaard en die waar het Kwaliteitskader naar verwijst, elk op soort. De zwakste standaard staat bovenaan.",
    ),
    h(
      "p",
      { class: "zelfscan-small" },
      "Gemaakt met de zelfscan van de Infobox Werken aan Veiligheid: een zelfbeoordeling, niet de officiële " +
        "(digitale) zelfscan. De stellingen zijn geschreven door de redactie van de Infobox.",
    ),
  );
  if (advice.length === 0) {
    plan.append(h("p", {}, "Geen stellingen beantwoord met ‘niet’ of ‘deels’: er zijn (nog) geen verbeterpunten."));
  }
  for (const { score, gaps } of advice) {
    plan.append(
      h(
        "section",
        {
          class: "zelfscan-advice",
          "data-standard": score.standardId,
          "aria-labelledby": `zs-advice-${score.standardId}`,
        },
        h(
          "h4",
          { id: `zs-advice-${score.standardId}` },
          `Standaard ${standardLabel(score)} (${percentText(score.percent)}: ${core.scoreMeaning(score.percent)})`,
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
              note ? h("p", { class: "zelfscan-answer-note" }, `Uw toelichting: ${note}`) : null,
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
