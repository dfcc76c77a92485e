// Films on other sites: nothing is requested from them until the reader presses the play
// button, which works by keyboard and hands the focus to the player.
"use strict";

const { test } = require("node:test");
const assert = require("node:assert/strict");
const { useBrowser, pageTypes } = require("./harness");

const site = useBrowser({ page: true });

test("a YouTube film loads only after the keyboard user presses play", async () => {
  const foreign = [];
  // No internet here, and none needed: record and refuse every request to another host.
  await site.page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => {
    foreign.push(route.request().url());
    return route.abort();
  });
  await site.page.goto(site.base + pageTypes()["post with a video"]);
  assert.equal(await site.page.locator("iframe").count(), 0, "no player before the click");
  assert.deepEqual(foreign, [], "nothing from another host before the click");

  const button = site.page.locator("[data-video-play]").first();
  assert.ok(await button.isVisible(), "the script shows the play button");
  const name = await button.textContent();
  const title = await site.page.locator("[data-video-embed]").first().getAttribute("data-video-title");
  assert.ok(name.includes(title), `the button names the film: ${name}`);

  // Reach the button with Tab alone, then press Enter.
  let reached = false;
  for (let i = 0; i < 80 && !reached; i++) {
    await site.page.keyboard.press("Tab");
    reached = await button.evaluate((b) => b === document.activeElement);
  }
  assert.ok(reached, "the play button is in the Tab order");
  await site.page.keyboard.press("Enter");

  const frame = site.page.locator(".video__placeholder iframe");
  await frame.waitFor();
  assert.match(await frame.getAttribute("src"), /^https:\/\/www\.youtube-nocookie\.com\/embed\/[\w-]{11}/);
  assert.equal(await frame.getAttribute("title"), title, "the player has an accessible name");
  assert.ok(await frame.evaluate((f) => f === document.activeElement), "the focus moves to the player");
  assert.ok(foreign.some((u) => u.startsWith("https://www.youtube-nocookie.com/")), "requested only now");
});
