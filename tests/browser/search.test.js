// The search page: typing a query finds posts regardless of diacritics and inflection, the
// results are announced in a live region, and everything works from the keyboard.
"use strict";

const { test } = require("node:test");
const assert = require("node:assert/strict");
const { useBrowser } = require("./harness");

const site = useBrowser({ page: true });

/** Types `query` into the search field and waits until the status announces it. */
async function search(query) {
  const field = site.page.locator("#search-input");
  await field.fill("");
  await field.pressSequentially(query, { delay: 20 });
  // (waitForFunction evaluates a string, which the pages' CSP forbids: poll instead.)
  let status = "";
  for (let i = 0; i < 100 && !status.includes(query.trim()); i++) {
    await site.page.waitForTimeout(50);
    status = await site.page.locator("#search-status").textContent();
  }
  assert.ok(status.includes(query.trim()), `status for ${query}: ${status}`);
  const results = await site.page.$$eval(".search-result", (items) =>
    items.map((li) => ({
      title: li.querySelector("h2").textContent,
      href: li.querySelector("a").getAttribute("href"),
      marks: [...li.querySelectorAll("mark")].map((m) => m.textContent),
      meta: li.querySelector(".search-result__meta").textContent,
    })),
  );
  return { status, results };
}

test("the header field leads to the search page, which searches as you type", async () => {
  await site.page.goto(site.base + "/");
  await site.page.locator("header #search-input").fill("warsztaty");
  await site.page.keyboard.press("Enter");
  await site.page.waitForURL(/\/szukaj\/\?q=warsztaty/);
  await site.page.waitForSelector(".search-result");
  const first = await site.page.locator(".search-result a").first().textContent();
  assert.match(first, /[Ww]arsztat/);
});

test("diacritics, case and Polish inflection do not matter; the last word matches as a prefix", async () => {
  await site.page.goto(site.base + "/szukaj/");
  // "warsztatów" (genitive plural) finds titles with "Warsztaty" and "warsztaty".
  const inflected = await search("warsztatów");
  assert.match(inflected.status, /Znaleziono \d+ wynik/);
  const titles = inflected.results.map((r) => r.title);
  assert.ok(titles.some((t) => /Warsztaty: CV/.test(t)), titles.join(" | "));
  assert.ok(titles.some((t) => /warsztaty kulinarne/.test(t)), titles.join(" | "));
  assert.ok(inflected.results[0].marks.some((m) => /^[Ww]arsztat/.test(m)), "matched words are marked");

  // Without Polish letters: "swietlica" finds "Świetlica na kółkach".
  const folded = await search("SWIETLICA NA KOLKACH");
  assert.ok(folded.results.some((r) => /Świetlic/.test(r.title)), JSON.stringify(folded.results));
  assert.ok(folded.results[0].marks.includes("kółkach"), JSON.stringify(folded.results[0]));

  // A prefix while typing.
  const prefix = await search("wolont");
  assert.ok(prefix.results.length >= 2, JSON.stringify(prefix));
  assert.ok(prefix.results.some((r) => r.marks.some((m) => /^[Ww]olont/.test(m))), JSON.stringify(prefix));
  // Half-way through an ending ("warsztatac…h"): the stem is found all the same.
  const midEnding = await search("warsztatac");
  assert.ok(midEnding.results.some((r) => /Warsztaty: CV/.test(r.title)), JSON.stringify(midEnding.results));

  // Posts show their date and project.
  const project = await search("Razem Aktywni");
  assert.ok(project.results.some((r) => /Projekt: Razem Aktywni/.test(r.meta)), JSON.stringify(project.results));
  assert.ok(project.results.some((r) => /\d{4}/.test(r.meta)), "a date is shown");

  const none = await search("xyzzyqq");
  assert.match(none.status, /Nic nie znaleziono/);
  assert.equal(none.results.length, 0);
});

test("the results are announced, reachable by keyboard, and the query is kept in the address", async () => {
  await site.page.goto(site.base + "/szukaj/?q=senior");
  await site.page.waitForSelector(".search-result");
  const live = await site.page.locator("#search-status").evaluate((el) => ({
    role: el.getAttribute("role"),
    live: el.getAttribute("aria-live"),
    text: el.textContent,
  }));
  assert.equal(live.role, "status");
  assert.equal(live.live, "polite");
  assert.match(live.text, /„senior”/);
  assert.equal(await site.page.inputValue("#search-input"), "senior");
  // The field has a visible label tied to it.
  assert.equal(await site.page.locator("label[for=search-input]").isVisible(), true);
  // Tab from the field reaches the search button, then the first result's link.
  await site.page.focus("#search-input");
  await site.page.keyboard.press("Tab");
  assert.equal(await site.page.evaluate(() => document.activeElement.type), "submit");
  await site.page.keyboard.press("Tab");
  const focused = await site.page.evaluate(() => document.activeElement.closest(".search-result") !== null);
  assert.ok(focused, "the first result's link comes next");
  await site.page.keyboard.press("Enter");
  await site.page.waitForURL(/\/(aktualnosci|projekty)\/[^/]+\/$/);
});
