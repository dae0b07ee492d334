// Lighthouse (npm, pinned in package.json) on a list of pages, in one Chromium, with the mobile preset
// (Lighthouse's default: a phone screen, simulated slow 4G and a slower CPU). Used by
// tests/browser/test_lighthouse.py and benchmarks/bench_lighthouse.py.
//
//   node tests/support/lighthouse_run.mjs '[{"name": "home", "url": "http://127.0.0.1:8000/"}, ...]' '["--no-sandbox"]' \
//     '["accessibility", "best-practices", "seo"]'
//
// The second argument is Chromium's flags (the browser tests' own, from tests/browser/conftest.py); the
// optional third the categories to score (default: all four). Without "performance" Lighthouse skips the
// metrics it would simulate, the bulk of its work, and measures the layout shift only.
//
// A page with "answer": "zelfscan" is opened first and its statements answered (kept in localStorage,
// which Lighthouse then leaves alone), so the zelfscan is measured with a result on the page.
// Prints one JSON list: per page its scores (0-100), the layout shift and the audits that lost points.
import { writeFileSync } from "node:fs";
import lighthouse from "lighthouse";
import puppeteer from "puppeteer-core";

const ALL_CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];
// The layout shift and the elements that moved, whatever the categories.
const LAYOUT_SHIFT_AUDITS = ["cumulative-layout-shift", "layout-shifts"];
// The metrics the performance score is made of, in milliseconds (reported when it is scored).
const METRICS = {
  FCP: "first-contentful-paint",
  LCP: "largest-contentful-paint",
  TBT: "total-blocking-time",
  SI: "speed-index",
};

async function answerZelfscan(page, url) {
  await page.goto(url, { waitUntil: "networkidle0" });
  // The middle choice of every statement: a result with scores, a verbeterplan and notes left empty.
  // Runs in the page (a browser global, not node's).
  await page.evaluate(() => {
    /* global document */
    const groups = new Map();
    for (const radio of document.querySelectorAll('input[type="radio"]')) {
      if (!groups.has(radio.name)) groups.set(radio.name, []);
      groups.get(radio.name).push(radio);
    }
    for (const radios of groups.values()) radios[Math.floor(radios.length / 2)].click();
  });
}

// The elements that moved, largest shift first: what a failing layout-shift assertion names.
function shiftedElements(lhr) {
  const details = lhr.audits["layout-shifts"].details;
  if (!details) return [];
  return details.items.map((item) => `${item.score.toFixed(3)} ${item.node.selector || ""} ${item.node.snippet || ""}`);
}

async function measure(browser, target, categories) {
  const page = await browser.newPage();
  if (target.answer === "zelfscan") await answerZelfscan(page, target.url);
  // What the page asks for while Lighthouse loads it, so a test can say what it must not load at load
  // (the zelfscan's workbook library).
  const requests = [];
  page.on("request", (request) => requests.push(request.url()));
  const flags = {
    logLevel: "error",
    output: "json",
    onlyCategories: categories,
    onlyAudits: LAYOUT_SHIFT_AUDITS,
    disableStorageReset: target.answer === "zelfscan",
    throttlingMethod: "simulate",
    // Pictures and the back/forward-cache check weigh nothing in the scores and cost most of the time.
    disableFullPageScreenshot: true,
    skipAudits: ["screenshot-thumbnails", "final-screenshot", "bf-cache"],
  };
  const result = await lighthouse(target.url, flags, undefined, page);
  await page.close();
  const lhr = result.lhr;
  // LIGHTHOUSE_JSON_DIR: keep each page's full report there, to read what cost points.
  if (process.env.LIGHTHOUSE_JSON_DIR) {
    const file = target.name.replace(/[^a-z0-9]+/gi, "-");
    writeFileSync(`${process.env.LIGHTHOUSE_JSON_DIR}/${file}.json`, JSON.stringify(lhr));
  }
  const lost = [];
  for (const id of categories) {
    for (const ref of lhr.categories[id].auditRefs) {
      const audit = lhr.audits[ref.id];
      if (ref.weight > 0 && audit.score !== null && audit.score < 1) lost.push(`${id}: ${ref.id} (${audit.score})`);
    }
  }
  return {
    name: target.name,
    url: target.url,
    finalUrl: lhr.finalDisplayedUrl,
    error: lhr.runtimeError ? lhr.runtimeError.message : null,
    scores: Object.fromEntries(categories.map((id) => [id, Math.round((lhr.categories[id].score ?? 0) * 100)])),
    cls: lhr.audits["cumulative-layout-shift"].numericValue,
    metrics: categories.includes("performance")
      ? Object.fromEntries(Object.entries(METRICS).map(([key, id]) => [key, lhr.audits[id].numericValue]))
      : {},
    shifted: shiftedElements(lhr),
    lost,
    requests,
  };
}

const targets = JSON.parse(process.argv[2]);
const categories = JSON.parse(process.argv[4] || JSON.stringify(ALL_CATEGORIES));
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH || "/usr/bin/chromium",
  args: ["--headless=new", ...JSON.parse(process.argv[3] || "[]")],
  headless: true,
});
try {
  const results = [];
  for (const target of targets) results.push(await measure(browser, target, categories));
  process.stdout.write(JSON.stringify(results, null, 1) + "\n");
} finally {
  await browser.close();
}
