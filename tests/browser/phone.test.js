// On a phone (375×667) the reading aids fold behind one button, so the page's heading stays in
// the first screen; the button works by keyboard alone. On a laptop (1366×768) they are open.
"use strict";

const { test } = require("node:test");
const assert = require("node:assert/strict");
const { useBrowser, pageContaining } = require("./harness");

const site = useBrowser({ page: true });

const layout = () =>
  site.page.evaluate(() => {
    const shown = (el) => !!el && getComputedStyle(el).display !== "none" && el.getClientRects().length > 0;
    const toggle = document.querySelector(".aids-toggle");
    const aids = document.getElementById("reading-aids");
    const h1 = document.querySelector("main h1");
    return {
      toggleShown: shown(toggle),
      expanded: toggle.getAttribute("aria-expanded"),
      aidsShown: shown(aids),
      h1Bottom: h1 ? h1.getBoundingClientRect().bottom : null,
      viewport: innerHeight,
    };
  });

const pages = () => ["/", "/aktualnosci/", pageContaining('class="gallery'), "/deklaracja-dostepnosci/"];

test("on a phone the aids are one tap away and the heading is in the first screen", async () => {
  await site.page.setViewportSize({ width: 375, height: 667 });
  for (const url of pages()) {
    await site.page.goto(site.base + url);
    const before = await layout();
    assert.equal(before.toggleShown, true, `${url}: the toggle is shown`);
    assert.equal(before.expanded, "false", `${url}: folded at first`);
    assert.equal(before.aidsShown, false, `${url}: the aids are folded`);
    assert.ok(before.h1Bottom !== null && before.h1Bottom <= before.viewport, `${url}: h1 ends at ${before.h1Bottom}px, below the first screen (${before.viewport}px)`);
  }
});

test("the toggle opens and closes the aids by keyboard, and Tab then reaches them", async () => {
  await site.page.setViewportSize({ width: 375, height: 667 });
  await site.page.goto(site.base + "/");
  let reached = false;
  for (let i = 0; i < 40 && !reached; i++) {
    await site.page.keyboard.press("Tab");
    reached = await site.page.evaluate(() => document.activeElement.matches(".aids-toggle"));
  }
  assert.ok(reached, "Tab reaches the toggle");
  const name = await site.page.evaluate(() => document.activeElement.textContent.trim());
  assert.equal(name, "Ułatwienia dostępu");
  await site.page.keyboard.press("Enter");
  let now = await layout();
  assert.equal(now.expanded, "true");
  assert.equal(now.aidsShown, true, "open after Enter");
  await site.page.keyboard.press("Tab");
  const next = await site.page.evaluate(() => document.activeElement.getAttribute("data-aid"));
  assert.equal(next, "contrast", "the first aid follows the toggle");
  await site.page.keyboard.press("Enter");
  assert.equal(await site.page.evaluate(() => document.documentElement.getAttribute("data-contrast")), "high", "the aid works");
  await site.page.keyboard.press("Shift+Tab");
  await site.page.keyboard.press(" ");
  now = await layout();
  assert.equal(now.expanded, "false");
  assert.equal(now.aidsShown, false, "folded again with Space");
});

test("on a laptop the aids are open and the toggle is not shown", async () => {
  await site.page.setViewportSize({ width: 1366, height: 768 });
  for (const url of pages()) {
    await site.page.goto(site.base + url);
    const now = await layout();
    assert.equal(now.toggleShown, false, `${url}: no toggle`);
    assert.equal(now.aidsShown, true, `${url}: aids open`);
  }
});
