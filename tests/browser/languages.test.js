// Texts in Ukrainian in the Polish example site: the Ukrainian page and its Polish translation
// pass axe (WCAG 2.1 A/AA and the language rules: html-has-lang, html-lang-valid, valid-lang for
// every `lang` on a part of the page, WCAG 3.1.1 and 3.1.2), link to each other, and the search
// finds Cyrillic words, whichever apostrophe is typed, with the result's title in its language.
"use strict";

const { test } = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const { useBrowser } = require("./harness");

const AXE = path.join(__dirname, "node_modules", "axe-core", "axe.min.js");
const UK = "/dopomoha-ukraintsiam/";
const PL = "/pomoc-dla-obywateli-ukrainy/";

const site = useBrowser({ page: true });

/** axe's violations on `url`: the WCAG 2.1 A/AA rules and, by name, the language rules. The
 * pages' CSP allows only their own scripts; axe is injected by the test, so CSP is bypassed. */
async function violations(url) {
  const context = await site.browser.newContext({ bypassCSP: true });
  try {
    return await audit(await context.newPage(), url);
  } finally {
    await context.close();
  }
}

async function audit(page, url) {
  await page.goto(site.base + url, { waitUntil: "load" });
  await page.addScriptTag({ path: AXE });
  const found = [];
  for (const runOnly of [
    { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    { type: "rule", values: ["html-has-lang", "html-lang-valid", "valid-lang", "html-xml-lang-mismatch"] },
  ]) {
    const result = await page.evaluate((o) => window.axe.run(document, { runOnly: o }), runOnly);
    found.push(...result.violations.map((v) => `${url}: ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`));
  }
  return found;
}

test("the Ukrainian page and its Polish translation pass axe, the language rules included", async () => {
  const found = [...(await violations(UK)), ...(await violations(PL))];
  assert.deepEqual(found, []);
});

test("the Ukrainian page is in Ukrainian, with the site's own texts marked Polish, and links its translation", async () => {
  const page = site.page;
  await page.goto(site.base + UK);
  assert.equal(await page.getAttribute("html", "lang"), "uk");
  assert.equal(await page.locator(".skip-link").first().textContent(), "Перейти до змісту");
  assert.equal(await page.getAttribute(".main-nav__list", "lang"), "pl");
  const back = page.locator("nav.translations a");
  assert.equal(await back.textContent(), "Po polsku");
  assert.equal(await back.getAttribute("hreflang"), "pl");
  assert.equal(await back.getAttribute("lang"), "pl");
  await back.click();
  await page.waitForURL(new RegExp(PL));
  assert.equal(await page.getAttribute("html", "lang"), "pl");
  assert.equal(await page.locator("nav.translations a").textContent(), "Українською");
});

/** Types `query` on the search page; the results' titles with their `lang`. */
async function search(query) {
  const page = site.page;
  await page.goto(site.base + "/szukaj/");
  await page.locator("#search-input").pressSequentially(query, { delay: 20 });
  let status = "";
  for (let i = 0; i < 100 && !status.includes(query); i++) {
    await page.waitForTimeout(50);
    status = await page.locator("#search-status").textContent();
  }
  assert.ok(status.includes(query), `status for ${query}: ${status}`);
  return page.$$eval(".search-result a", (links) =>
    links.map((a) => ({ title: a.textContent, lang: a.getAttribute("lang") })),
  );
}

test("the search finds Cyrillic words in other forms and with any apostrophe", async () => {
  const title = "Допомога для громадян України";
  // "допомоги" (genitive) finds the page titled "Допомога…"; the title is marked Ukrainian.
  const inflected = await search("допомоги");
  assert.deepEqual(inflected.find((r) => r.title === title), { title, lang: "uk" }, JSON.stringify(inflected));
  // The text writes "сім'ї" with a straight apostrophe: the typographic one finds it too.
  const apostrophe = await search("сім’ї");
  assert.ok(apostrophe.some((r) => r.title === title), JSON.stringify(apostrophe));
  // Polish results carry no lang of their own.
  const polish = await search("obywateli");
  assert.ok(polish.some((r) => r.title === "Pomoc dla obywateli Ukrainy" && r.lang === null), JSON.stringify(polish));
});
