/*
 * Zelfscan charts: horizontal (grouped) bar charts in plain HTML and CSS (no chart library, no
 * third-party script). Labels and values are ordinary text in the page's own font size, so the chart
 * reflows on a narrow screen instead of shrinking (zelfscan.css puts each label above its bars there).
 * The same numbers are always shown in a table next to it, so nothing depends on seeing the bars.
 */
(function (root) {
  "use strict";

  // Dark enough for 3:1 against white (WCAG 1.4.11), distinct in hue and order for several series.
  const PALETTE = ["#1d5a8f", "#a64f00", "#2a6e2e", "#6f2c91", "#a3174a", "#00625a", "#5b4636", "#3f5461"];

  function el(tag, className, ...children) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    node.append(...children.filter((child) => child !== null && child !== undefined));
    return node;
  }

  const valueText = (value) => (value === null || value === undefined ? "geen score" : `${value}%`);

  function bar(value, color) {
    const line = el("span", "zelfscan-chart-bar");
    if (value !== null && value !== undefined) {
      const fill = el("span", "zelfscan-chart-fill");
      fill.style.width = `${Math.max(value, 0.5)}%`;
      fill.style.backgroundColor = color;
      fill.dataset.value = String(value);
      line.append(fill);
    }
    return el("span", "zelfscan-chart-line", line, el("span", "zelfscan-chart-value", valueText(value)));
  }

  /**
   * bars({id, title, description, rows: [{label, values: [percent|null…]}], series?: [name…]})
   * One bar per value; several values per row make a grouped chart with a legend (series).
   */
  function bars({ id, title, description, rows, series }) {
    const grouped = Boolean(series && series.length > 1);
    const color = (index) => PALETTE[(grouped ? index : 0) % PALETTE.length];
    const figure = el(
      "figure",
      "zelfscan-chart",
      el("figcaption", "zelfscan-chart-title", el("strong", "", title), " ", el("span", "", description)),
    );
    figure.id = id;
    if (grouped) {
      figure.append(
        el(
          "ul",
          "zelfscan-chart-legend",
          ...series.map((name, index) => {
            const swatch = el("span", "zelfscan-chart-swatch");
            swatch.style.backgroundColor = color(index);
            return el("li", "", swatch, name);
          }),
        ),
      );
    }
    figure.append(
      ...rows.map((row) =>
        el(
          "div",
          "zelfscan-chart-row",
          el("span", "zelfscan-chart-label", row.label),
          el("span", "zelfscan-chart-bars", ...row.values.map((value, index) => bar(value, color(index)))),
        ),
      ),
    );
    return figure;
  }

  root.ZelfscanChart = { bars, PALETTE };
})(window);
