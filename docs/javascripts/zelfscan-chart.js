/*
 * Zelfscan charts: horizontal (grouped) bar charts in plain HTML and CSS (no chart library, no
 * third-party script). Labels and values are ordinary text in the page's own font size, so the chart
 * reflows on a narrow screen instead of shrinking (zelfscan.css puts each label above its bars there).
 * The same numbers are always shown in a table next to it, so nothing depends on seeing the bars.
 */
import { h } from "./dom.js";

// Dark enough for 3:1 against white (WCAG 1.4.11), distinct in hue and order for several series.
export const PALETTE = ["#1d5a8f", "#a64f00", "#2a6e2e", "#6f2c91", "#a3174a", "#00625a", "#5b4636", "#3f5461"];

const valueText = (value) => (value === null || value === undefined ? "geen score" : `${value}%`);

function bar(value, color) {
  const line = h("span", { class: "zelfscan-chart-bar" });
  if (value !== null && value !== undefined) {
    const fill = h("span", { class: "zelfscan-chart-fill", "data-value": String(value) });
    fill.style.width = `${Math.max(value, 0.5)}%`;
    fill.style.backgroundColor = color;
    line.append(fill);
  }
  return h(
    "span",
    { class: "zelfscan-chart-line" },
    line,
    h("span", { class: "zelfscan-chart-value" }, valueText(value)),
  );
}

/**
 * bars({id, title, description, rows: [{label, values: [percent|null…]}], series?: [name…]})
 * One bar per value; several values per row make a grouped chart with a legend (series).
 */
export function bars({ id, title, description, rows, series }) {
  const grouped = Boolean(series && series.length > 1);
  const color = (index) => PALETTE[(grouped ? index : 0) % PALETTE.length];
  const figure = h(
    "figure",
    { class: "zelfscan-chart", id },
    h("figcaption", { class: "zelfscan-chart-title" }, h("strong", {}, title), " ", h("span", {}, description)),
  );
  if (grouped) {
    figure.append(
      h(
        "ul",
        { class: "zelfscan-chart-legend" },
        series.map((name, index) => {
          const swatch = h("span", { class: "zelfscan-chart-swatch" });
          swatch.style.backgroundColor = color(index);
          return h("li", {}, swatch, name);
        }),
      ),
    );
  }
  figure.append(
    ...rows.map((row) =>
      h(
        "div",
        { class: "zelfscan-chart-row" },
        h("span", { class: "zelfscan-chart-label" }, row.label),
        h(
          "span",
          { class: "zelfscan-chart-bars" },
          row.values.map((value, index) => bar(value, color(index))),
        ),
      ),
    ),
  );
  return figure;
}
