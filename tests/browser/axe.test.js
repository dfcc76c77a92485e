// axe-core (WCAG 2.1 A and AA rules) on one page of every page type in the default look, in
// high-contrast mode and at the largest text size, and on every other page of the example site.
"use strict";

const { test } = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const { useBrowser, allPages, pageTypes } = require("./harness");

const AXE = path.join(__dirname, "node_modules", "axe-core", "axe.min.js");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

// The reading preferences as prefs.js reads them from localStorage before first paint, and the
// attribute each one must put on <html> (checked, so a renamed key cannot make these runs
// silently test the default look).
const MODES = {
  default: { prefs: {}, attrs: {} },
  "high contrast": { prefs: { "tablica.contrast": "high" }, attrs: { "data-contrast": "high" } },
  "largest text": { prefs: { "tablica.textSize": "3" }, attrs: { "data-text-size": "3" } },
};

const site = useBrowser();

/**
 * Runs axe on `url` with the given mode, after `prepare(page)` if given; returns the violations
 * as readable lines.
 */
async function audit(url, mode, prepare) {
  // The pages' CSP allows only their own scripts; axe is injected by the test, so bypass CSP.
  const context = await site.browser.newContext({ bypassCSP: true });
  try {
    const page = await context.newPage();
    if (Object.keys(mode.prefs).length) {
      await page.goto(site.base + "/");
      await page.evaluate((p) => {
        for (const [k, v] of Object.entries(p)) localStorage.setItem(k, v);
      }, mode.prefs);
    }
    await page.goto(site.base + url, { waitUntil: "load" });
    for (const [attr, value] of Object.entries(mode.attrs)) {
      const actual = await page.evaluate((a) => document.documentElement.getAttribute(a), attr);
      assert.equal(actual, value, `${url}: <html ${attr}> should be "${value}" after setting ${JSON.stringify(mode.prefs)}`);
    }
    if (prepare) await prepare(page);
    await page.addScriptTag({ path: AXE });
    const result = await page.evaluate(
      (tags) => window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] }),
      TAGS,
    );
    return result.violations.map((v) => {
      const nodes = v.nodes.slice(0, 8).map((n) => {
        const why = (n.failureSummary || "").split("\n").slice(1, 2).join("").trim();
        return `      ${n.target.join(" ")}${why ? `  — ${why}` : ""}`;
      });
      const more = v.nodes.length > 8 ? [`      … and ${v.nodes.length - 8} more`] : [];
      return [`  ${url}: ${v.id} (${v.impact}) ${v.help} [${v.helpUrl}]`, ...nodes, ...more].join("\n");
    });
  } finally {
    await context.close();
  }
}

function report(found) {
  if (found.length) assert.fail(`axe-core found ${found.length} violation(s):\n${found.join("\n")}`);
}

for (const [modeName, mode] of Object.entries(MODES)) {
  test(`axe-core WCAG 2.1 A/AA, every page type, ${modeName}`, async (t) => {
    for (const [type, url] of Object.entries(pageTypes())) {
      await t.test(`${type} (${url})`, async () => report(await audit(url, mode)));
    }
  });
}

test("axe-core WCAG 2.1 A/AA, every other page of the site", async () => {
  const pages = allPages();
  assert.ok(pages.length > 30, `the example site has all page kinds (${pages.length} pages)`);
  const checked = new Set(Object.values(pageTypes()));
  const found = [];
  for (const url of pages) {
    if (url === "/404.html" || checked.has(url)) continue;
    found.push(...(await audit(url, MODES.default)));
  }
  report(found);
});

test("the harness does report a violation when there is one", async () => {
  const found = await audit("/", MODES.default, (page) =>
    page.evaluate(() => {
      const img = document.createElement("img");
      img.src = "/nothing.png";
      document.querySelector("main").appendChild(img);
    }),
  );
  assert.ok(found.some((line) => line.includes(": image-alt ")), "a planted image without alt is found");
});
