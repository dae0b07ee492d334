/*
 * Zelfscan charts: horizontal (grouped) bar charts as inline SVG, built by the page itself (no chart
 * library, no third-party script). The chart is an image with a title and description; the same
 * numbers are always shown in a table next to it, so nothing depends on seeing the bars.
 */
(function (root) {
  "use strict";

  const SVG = "http://www.w3.org/2000/svg";
  // Dark enough for 3:1 against white (WCAG 1.4.11), distinct in hue and order for several series.
  const PALETTE = ["#1d5a8f", "#a64f00", "#2a6e2e", "#6f2c91", "#a3174a", "#00625a", "#5b4636", "#3f5461"];
  const LABEL_WIDTH = 320;
  const BAR_WIDTH = 300;
  const VALUE_WIDTH = 90;
  const BAR_HEIGHT = 14;
  const ROW_GAP = 12;
  const LEGEND_ROW = 20;
  const MAX_LABEL = 46;

  function el(tag, attrs, text) {
    const node = document.createElementNS(SVG, tag);
    for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, String(value));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  const shorten = (text) => (text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text);

  /**
   * bars({id, title, description, rows: [{label, values: [percent|null…]}], series?: [name…]})
   * One bar per value; several values per row make a grouped chart with a legend (series).
   */
  function bars({ id, title, description, rows, series }) {
    const perRow = rows.length ? rows[0].values.length : 1;
    const legendHeight = series && series.length > 1 ? series.length * LEGEND_ROW + 8 : 0;
    const rowHeight = perRow * BAR_HEIGHT + ROW_GAP;
    const width = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH;
    const height = legendHeight + rows.length * rowHeight + 28;
    const svg = el("svg", {
      id,
      class: "zelfscan-chart",
      role: "img",
      viewBox: `0 0 ${width} ${height}`,
      "aria-labelledby": `${id}-title ${id}-desc`,
      preserveAspectRatio: "xMinYMin meet",
    });
    svg.append(el("title", { id: `${id}-title` }, title), el("desc", { id: `${id}-desc` }, description));

    if (legendHeight) {
      series.forEach((name, index) => {
        const y = index * LEGEND_ROW + 4;
        svg.append(
          el("rect", { x: LABEL_WIDTH, y, width: 12, height: 12, fill: PALETTE[index % PALETTE.length] }),
          el("text", { x: LABEL_WIDTH + 18, y: y + 11, class: "zelfscan-chart-legend" }, shorten(name)),
        );
      });
    }

    const top = legendHeight;
    // Gridlines at 0, 50 and 100 percent, labelled at the bottom.
    for (const mark of [0, 50, 100]) {
      const x = LABEL_WIDTH + (BAR_WIDTH * mark) / 100;
      svg.append(
        el("line", { x1: x, x2: x, y1: top, y2: height - 20, class: "zelfscan-chart-grid" }),
        el("text", { x, y: height - 6, "text-anchor": "middle", class: "zelfscan-chart-axis" }, `${mark}%`),
      );
    }

    rows.forEach((row, r) => {
      const y0 = top + r * rowHeight + ROW_GAP / 2;
      svg.append(
        el(
          "text",
          { x: LABEL_WIDTH - 8, y: y0 + (perRow * BAR_HEIGHT) / 2 + 4, "text-anchor": "end", class: "zelfscan-chart-label" },
          shorten(row.label),
        ),
      );
      row.values.forEach((value, v) => {
        const y = y0 + v * BAR_HEIGHT;
        const color = PALETTE[(perRow > 1 ? v : 0) % PALETTE.length];
        if (value !== null && value !== undefined) {
          svg.append(
            el("rect", {
              x: LABEL_WIDTH,
              y: y + 1,
              width: Math.max((BAR_WIDTH * value) / 100, 1.5),
              height: BAR_HEIGHT - 2,
              fill: color,
              "data-value": value,
            }),
          );
        }
        svg.append(
          el(
            "text",
            { x: LABEL_WIDTH + BAR_WIDTH + 6, y: y + BAR_HEIGHT - 3, class: "zelfscan-chart-value" },
            value === null || value === undefined ? "geen score" : `${value}%`,
          ),
        );
      });
    });
    return svg;
  }

  root.ZelfscanChart = { bars, PALETTE };
})(window);
