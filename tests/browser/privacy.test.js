// The generated site makes no third-party requests and sets no cookies.
"use strict";

const { test } = require("node:test");
const assert = require("node:assert/strict");
const { useBrowser, allPages } = require("./harness");

const site = useBrowser();

test("pages request nothing from other hosts, set no cookies and report no CSP or script errors", { timeout: 240_000 }, async () => {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  const foreign = [];
  const errors = [];
  page.on("request", (r) => {
    if (!r.url().startsWith(site.base) && !r.url().startsWith("data:")) foreign.push(r.url());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error" && !/404/.test(m.text())) errors.push(m.text());
  });
  for (const url of allPages()) {
    await page.goto(site.base + url, { waitUntil: "load" });
    // Lazy images off screen never load by themselves (and decode() would wait for them
    // forever): make every image eager so all of them are requested, then wait for each.
    await page.evaluate(() =>
      Promise.all(
        [...document.images].map((img) => {
          img.loading = "eager";
          const settled = new Promise((resolve) => setTimeout(resolve, 5000));
          return Promise.race([img.decode().catch(() => null), settled]);
        }),
      ),
    );
  }
  assert.deepEqual(foreign, []);
  assert.deepEqual(errors, []);
  assert.deepEqual(await context.cookies(), []);
  await context.close();
});
