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
  // A failed download is reported by its response below (the browser's own favicon request
  // aside); every other console error counts.
  page.on("console", (m) => {
    if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) errors.push(m.text());
  });
  const broken = [];
  page.on("response", (r) => {
    if (r.status() >= 400 && !r.url().endsWith("/favicon.ico")) broken.push(`${r.status()} ${r.url()} (on ${page.url()})`);
  });
  // The 404 page answers 200 when fetched by its file name, like on static hosting.
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
  assert.deepEqual(broken, [], "every page's resources load");
  assert.deepEqual(await context.cookies(), []);
  await context.close();
});
