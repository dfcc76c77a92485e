// axe-core (WCAG 2.1 A and AA rules, its experimental ones included) on every page of the example site, in the default look, in
// high-contrast mode and at the largest text size. Violations fail the test; "incomplete"
// results (checks axe cannot decide, such as contrast over a background image) are printed as
// diagnostics for a person to look at.
"use strict";

const { test } = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const { useBrowser, allPages, pageTypes } = require("./harness");

const AXE = path.join(__dirname, "node_modules", "axe-core", "axe.min.js");
// "experimental" adds the rules axe keeps out of its defaults, among them 2.5.3 Label in Name
// (label-content-name-mismatch), p-as-heading and focus-order-semantics.
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "experimental"];

// The reading preferences as prefs.js reads them from localStorage before first paint, and the
// attribute each one must put on <html> (checked, so a renamed key cannot make these runs
// silently test the default look).
const MODES = {
  default: { prefs: {}, attrs: {} },
  "high contrast": { prefs: { "tablica.contrast": "high" }, attrs: { "data-contrast": "high" } },
  "largest text": { prefs: { "tablica.textSize": "3" }, attrs: { "data-text-size": "3" } },
};

const site = useBrowser();

/** Every page of the site, the search page with results and the 404 answer. */
function everyPage() {
  const types = pageTypes();
  const pages = allPages().filter((url) => url !== "/404.html");
  assert.ok(pages.length > 30, `the example site has all page kinds (${pages.length} pages)`);
  return [...pages, types["search with results"], types["404"]];
}

/** Lines describing axe results (violations or incomplete ones) on `url`. */
function describe(url, results) {
  return results.map((v) => {
    const nodes = v.nodes.slice(0, 8).map((n) => {
      const why = (n.failureSummary || "").split("\n").slice(1, 2).join("").trim();
      return `      ${n.target.join(" ")}${why ? `  — ${why}` : ""}`;
    });
    const more = v.nodes.length > 8 ? [`      … and ${v.nodes.length - 8} more`] : [];
    return [`  ${url}: ${v.id} (${v.impact}) ${v.help} [${v.helpUrl}]`, ...nodes, ...more].join("\n");
  });
}

/**
 * A browser context in the given mode: the preferences are set once in its localStorage.
 * The pages' CSP allows only their own scripts; axe is injected by the test, so CSP is bypassed.
 */
async function contextIn(mode) {
  const context = await site.browser.newContext({ bypassCSP: true });
  if (Object.keys(mode.prefs).length) {
    const page = await context.newPage();
    await page.goto(site.base + "/");
    await page.evaluate((p) => {
      for (const [k, v] of Object.entries(p)) localStorage.setItem(k, v);
    }, mode.prefs);
    await page.close();
  }
  return context;
}

/**
 * Runs axe on `url` in a new page of `context` (in `mode`), after `prepare(page)` if given;
 * returns the violations and the incomplete results as readable lines.
 */
async function audit(context, url, mode, prepare) {
  const page = await context.newPage();
  try {
    await page.goto(site.base + url, { waitUntil: "load" });
    for (const [attr, value] of Object.entries(mode.attrs)) {
      const actual = await page.evaluate((a) => document.documentElement.getAttribute(a), attr);
      assert.equal(actual, value, `${url}: <html ${attr}> should be "${value}" after setting ${JSON.stringify(mode.prefs)}`);
    }
    if (url.startsWith("/szukaj/?q=")) {
      // The results are fetched after `load`: audit the page a person reads, with them.
      await page.waitForSelector(".search-result", { timeout: 10000 });
    }
    if (prepare) await prepare(page);
    await page.addScriptTag({ path: AXE });
    const result = await page.evaluate(
      (tags) =>
        window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations", "incomplete"] }),
      TAGS,
    );
    return { violations: describe(url, result.violations), incomplete: describe(url, result.incomplete) };
  } finally {
    await page.close();
  }
}

function report(found) {
  if (found.length) assert.fail(`axe-core found ${found.length} violation(s):\n${found.join("\n")}`);
}

for (const [modeName, mode] of Object.entries(MODES)) {
  test(`axe-core WCAG 2.1 A/AA, every page, ${modeName}`, async (t) => {
    const context = await contextIn(mode);
    const found = [];
    let incomplete = 0;
    try {
      for (const url of everyPage()) {
        const result = await audit(context, url, mode);
        found.push(...result.violations);
        incomplete += result.incomplete.length;
        for (const line of result.incomplete) t.diagnostic(`axe could not decide (check by hand):\n${line}`);
      }
    } finally {
      await context.close();
    }
    t.diagnostic(`${everyPage().length} pages, ${incomplete} undecided result(s)`);
    report(found);
  });
}

test("the harness does report a violation when there is one", async () => {
  const context = await contextIn(MODES.default);
  try {
    const { violations } = await audit(context, "/", MODES.default, (page) =>
      page.evaluate(() => {
        const img = document.createElement("img");
        img.src = "/nothing.png";
        document.querySelector("main").appendChild(img);
      }),
    );
    assert.ok(violations.some((line) => line.includes(": image-alt ")), "a planted image without alt is found");
  } finally {
    await context.close();
  }
});

test("the search page is audited with its results", async () => {
  const context = await contextIn(MODES.default);
  try {
    // A planted violation inside the first result: found only if axe runs after the results.
    const { violations } = await audit(context, pageTypes()["search with results"], MODES.default, (page) =>
      page.evaluate(() => {
        const img = document.createElement("img");
        img.src = "/nothing.png";
        document.querySelector(".search-result").appendChild(img);
      }),
    );
    assert.ok(violations.some((line) => line.includes(": image-alt ")), violations.join("\n"));
  } finally {
    await context.close();
  }
});
