// Keyboard-only use: skip link, visible focus, the shortcut module and its help dialog,
// reading aids remembered across pages, and the gallery lightbox.
"use strict";

const { test } = require("node:test");
const assert = require("node:assert/strict");
const { useBrowser, pageContaining, pageTypes, shortcuts, playwrightKeys } = require("./harness");

const site = useBrowser({ page: true });

const active = () =>
  site.page.evaluate(() => {
    const el = document.activeElement;
    return { tag: el.tagName, id: el.id, text: (el.textContent || "").trim(), cls: el.className, inDialog: !!el.closest("dialog") };
  });

/**
 * Presses Tab, as a person would, until the focused element matches `selector`; fails after
 * `max` presses. (Programmatic focus() would reach elements that Tab never does.)
 */
async function tabTo(selector, max = 120) {
  for (let i = 0; i < max; i++) {
    await site.page.keyboard.press("Tab");
    if (await site.page.evaluate((s) => document.activeElement.matches(s), selector)) return;
  }
  assert.fail(`${selector} not reached with ${max} presses of Tab; focus is on ${JSON.stringify(await active())}`);
}

test("the skip link is the first stop, visible, and moves focus into <main>", async () => {
  for (const url of ["/", "/aktualnosci/", pageContaining("data-lightbox")]) {
    await site.page.goto(site.base + url);
    await site.page.keyboard.press("Tab");
    const first = await site.page.evaluate(() => {
      const el = document.activeElement;
      const r = el.getBoundingClientRect();
      const s = getComputedStyle(el);
      return {
        cls: el.className,
        href: el.getAttribute("href"),
        text: el.textContent.trim(),
        box: { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height },
        viewport: { width: innerWidth, height: innerHeight },
        hidden: s.visibility === "hidden" || s.opacity === "0" || (s.clip !== "auto" && s.clip !== "") || s.clipPath !== "none",
      };
    });
    assert.match(first.cls, /skip-link/, `${url}: the first Tab stop is the skip link, not ${first.cls}`);
    assert.ok(first.text.length > 0, `${url}: the skip link has text`);
    const { box, viewport } = first;
    assert.ok(
      box.width >= 10 && box.height >= 10 && box.left >= 0 && box.top >= 0 && box.right <= viewport.width && box.bottom <= viewport.height && !first.hidden,
      `${url}: the focused skip link is visible on screen (${JSON.stringify(box)})`,
    );
    await site.page.keyboard.press("Enter");
    const target = first.href.slice(1);
    const inside = await site.page.evaluate(() => {
      const el = document.activeElement;
      return { inMain: !!el.closest("main"), id: el.id };
    });
    assert.ok(inside.inMain, `${url}: activating the skip link moves focus into <main> (focus is on #${inside.id})`);
    assert.equal(inside.id, target, `${url}: focus is on the skip link's target`);
    await site.page.keyboard.press("Tab");
    assert.ok(await site.page.evaluate(() => !!document.activeElement.closest("main")), `${url}: the next Tab continues inside <main>`);
  }
});

/** Tabs through the whole page: every stop shows focus, and Tab finally leaves the page. */
async function tabThrough(url) {
  await site.page.goto(site.base + url);
  const candidates = await site.page.evaluate(
    () => document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])').length,
  );
  const stops = [];
  for (let i = 0; i < candidates + 5; i++) {
    await site.page.keyboard.press("Tab");
    const info = await site.page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body || el === document.documentElement) return null;
      if (!el.dataset.tabStop) el.dataset.tabStop = String(document.querySelectorAll("[data-tab-stop]").length);
      const s = getComputedStyle(el);
      const outline = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0 && s.outlineColor !== "rgba(0, 0, 0, 0)";
      const r = el.getBoundingClientRect();
      return {
        id: el.dataset.tabStop,
        html: el.outerHTML.slice(0, 100),
        visible: outline || s.boxShadow !== "none",
        onScreen: r.width > 0 && r.height > 0,
        inDialog: !!el.closest("dialog"),
      };
    });
    if (!info) return stops; // focus left the document after the last stop: no trap
    if (stops.length && info.id === stops[0].id) return stops; // wrapped around: no trap
    assert.ok(!stops.some((s) => s.id === info.id), `${url}: focus trapped, ${info.html} reached twice before the end of the page`);
    assert.ok(!info.inDialog, `${url}: Tab reached ${info.html} inside a closed dialog`);
    assert.ok(info.visible, `${url}: no visible focus indicator (outline or box-shadow) on ${info.html}`);
    assert.ok(info.onScreen, `${url}: focused element has no size on screen: ${info.html}`);
    stops.push(info);
  }
  assert.fail(`${url}: Tab never left the page after ${stops.length} stops (focus trap?)`);
}

test("focus is always visible and Tab walks the whole page without a trap", async (t) => {
  const types = pageTypes();
  for (const type of ["home with upcoming events", "news list", "post with a gallery", "project with funding", "accessibility statement", "404"]) {
    await t.test(`${type} (${types[type]})`, async () => {
      const stops = await tabThrough(types[type]);
      assert.ok(stops.length > 10, `${types[type]}: Tab moves through the page (${stops.length} stops)`);
    });
  }
});

test("the help shortcut opens a modal dialog that traps focus, closes with Escape and returns focus", async () => {
  await site.page.goto(site.base + "/");
  const keys = await shortcuts(site.page);
  const count = Object.keys(keys).length;
  // Start from an ordinary element reached by keyboard, and remember which one it is.
  for (let i = 0; i < 3; i++) await site.page.keyboard.press("Tab");
  await site.page.evaluate(() => document.activeElement.setAttribute("data-test-origin", ""));
  await site.page.keyboard.press(playwrightKeys(keys.help));
  const state = () =>
    site.page.evaluate(() => {
      const d = document.getElementById("shortcuts-dialog");
      return { open: d.open, modal: d.matches(":modal"), inDialog: d.contains(document.activeElement) };
    });
  assert.deepEqual(await state(), { open: true, modal: true, inDialog: true }, `${keys.help} opens the help dialog as a modal with focus inside`);
  const seen = new Set();
  for (let i = 0; i < 25; i++) {
    await site.page.keyboard.press(i % 4 === 3 ? "Shift+Tab" : "Tab");
    const a = await active();
    assert.ok(a.inDialog, `focus stays in the dialog (left to ${a.tag} ${a.cls})`);
    seen.add(`${a.tag}|${a.text}|${a.cls}`);
  }
  assert.ok(seen.size > 3, "Tab moves between the dialog's controls");
  const listed = await site.page.evaluate(() => [...document.querySelectorAll("#shortcuts-dialog [data-keys]")].map((k) => k.textContent.trim()));
  assert.equal(listed.length, count, "every configured shortcut is listed in the dialog");
  assert.deepEqual(listed.sort(), Object.values(keys).sort(), "the dialog shows the configured keys");
  await site.page.keyboard.press("Escape");
  assert.equal((await state()).open, false, "Escape closes the dialog");
  assert.ok(await site.page.evaluate(() => document.activeElement.hasAttribute("data-test-origin")), "focus returned to where it was");
});

test("contrast and text size shortcuts apply and survive a reload and a new page", async () => {
  await site.page.goto(site.base + "/");
  const keys = await shortcuts(site.page);
  await site.page.keyboard.press(playwrightKeys(keys.high_contrast));
  await site.page.keyboard.press(playwrightKeys(keys.text_larger));
  await site.page.keyboard.press(playwrightKeys(keys.text_larger));
  const attrs = () => site.page.evaluate(() => [document.documentElement.getAttribute("data-contrast") || "", document.documentElement.getAttribute("data-text-size") || ""]);
  assert.deepEqual(await attrs(), ["high", "2"]);
  await site.page.reload();
  assert.deepEqual(await attrs(), ["high", "2"], "kept after a reload");
  await site.page.goto(site.base + "/projekty/");
  assert.deepEqual(await attrs(), ["high", "2"], "applied on the next page");
  const size = () => site.page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  const larger = await size();
  await site.page.keyboard.press(playwrightKeys(keys.text_smaller));
  await site.page.keyboard.press(playwrightKeys(keys.text_smaller));
  assert.ok((await size()) < larger, "the text size attribute really changes the font size");
  for (let i = 0; i < 5; i++) await site.page.keyboard.press(playwrightKeys(keys.text_larger));
  assert.equal((await attrs())[1], "3", "text size stops at the largest step");
  await site.page.keyboard.press(playwrightKeys(keys.high_contrast));
  assert.equal((await attrs())[0], "", "the contrast shortcut toggles back");
  await site.page.reload();
  assert.deepEqual(await attrs(), ["", "3"], "switching off is remembered too");
  assert.deepEqual(await site.context.cookies(), [], "no cookies");
});

test("the reading-aids buttons work by keyboard", async () => {
  await site.page.goto(site.base + "/");
  await tabTo('[data-aid="contrast"]');
  await site.page.keyboard.press("Enter");
  assert.equal(await site.page.getAttribute('[data-aid="contrast"]', "aria-pressed"), "true");
  await tabTo('[data-aid="larger"]');
  await site.page.keyboard.press("Space");
  assert.equal(await site.page.evaluate(() => document.documentElement.dataset.textSize), "1");
});

test("shortcuts never fire while typing in a form field", async () => {
  await site.page.goto(site.base + "/");
  const keys = await shortcuts(site.page);
  await site.page.evaluate(() => {
    localStorage.setItem("tablica.singleKey", "on");
  });
  await site.page.reload();
  await site.page.evaluate(() => {
    const input = document.createElement("input");
    input.id = "typing";
    input.setAttribute("aria-label", "test");
    const area = document.createElement("textarea");
    area.id = "typing-area";
    area.setAttribute("aria-label", "test");
    document.querySelector("main").prepend(input, area);
  });
  const state = () =>
    site.page.evaluate(() => ({
      contrast: document.documentElement.getAttribute("data-contrast") || "",
      size: document.documentElement.getAttribute("data-text-size") || "",
      dialog: document.getElementById("shortcuts-dialog").open,
      url: location.pathname,
    }));
  const before = await state();
  for (const field of ["#typing", "#typing-area"]) {
    await tabTo(field);
    for (const [action, combo] of Object.entries(keys)) {
      if (action === "skip_to_content" || action === "main_menu" || action === "search") continue;
      await site.page.keyboard.press(playwrightKeys(combo));
      await site.page.keyboard.press(combo.split("+").pop()); // the single-key form
    }
    assert.deepEqual(await state(), before, `no shortcut fired while typing in ${field}`);
    assert.ok((await site.page.inputValue(field)).length > 0, `the keys were typed into ${field}`);
  }
});

test("single-key shortcuts are off by default, can be switched on and off, and keys can be remapped", async () => {
  await site.page.goto(site.base + "/");
  const keys = await shortcuts(site.page);
  const single = keys.high_contrast.split("+").pop();
  const contrast = () => site.page.evaluate(() => document.documentElement.dataset.contrast || "");
  await site.page.keyboard.press(single);
  assert.equal(await contrast(), "", "single keys are off by default (WCAG 2.1.4)");

  await site.page.keyboard.press(playwrightKeys(keys.help));
  await tabTo('[data-option="single"]', 40);
  await site.page.keyboard.press("Space");
  await site.page.keyboard.press("Escape");
  await site.page.keyboard.press(single);
  assert.equal(await contrast(), "high", "switched on");

  await site.page.keyboard.press(playwrightKeys(keys.help));
  await tabTo('[data-option="single"]', 40);
  await site.page.keyboard.press("Space");
  await site.page.keyboard.press("Escape");
  await site.page.keyboard.press(single);
  assert.equal(await contrast(), "high", "switched off again: the key does nothing");

  // Remap high contrast to Alt+Shift+K.
  await site.page.keyboard.press(playwrightKeys(keys.help));
  await tabTo('[data-remap="high_contrast"]', 40);
  await site.page.keyboard.press("Enter");
  await site.page.keyboard.press("Alt+Shift+KeyK");
  const cell = await site.page.textContent('tr[data-action="high_contrast"] [data-keys]');
  assert.equal(cell, "Alt+Shift+K");
  await site.page.keyboard.press("Escape");
  await site.page.reload();
  await site.page.keyboard.press(playwrightKeys(keys.high_contrast));
  assert.equal(await contrast(), "high", `the old key (${keys.high_contrast}) does nothing after the remap`);
  await site.page.keyboard.press("Alt+Shift+KeyK");
  assert.equal(await contrast(), "", "the remapped key works after a reload");

  // All shortcuts off.
  await site.page.keyboard.press(playwrightKeys(keys.help));
  await tabTo('[data-option="enabled"]', 40);
  await site.page.keyboard.press("Space");
  await site.page.keyboard.press("Escape");
  await site.page.keyboard.press("Alt+Shift+KeyK");
  assert.equal(await contrast(), "", "shortcuts switched off");
});

test("the lightbox works with the keyboard only", async () => {
  await site.page.goto(site.base + pageContaining("data-lightbox"));
  const links = await site.page.$$("a[data-lightbox]");
  assert.ok(links.length >= 2, "a gallery with several photos");
  await tabTo("a[data-lightbox]");
  assert.equal(
    await site.page.evaluate(() => document.activeElement.getAttribute("href")),
    await links[0].getAttribute("href"),
    "Tab reaches the first photo first",
  );
  await site.page.keyboard.press("Enter");
  const open = () => site.page.evaluate(() => !!document.querySelector("dialog.lightbox")?.open);
  assert.equal(await open(), true, "Enter on a thumbnail opens the lightbox");
  assert.ok((await active()).inDialog, "focus moves into the lightbox");
  const position = () => site.page.textContent(".lightbox__position");
  const live = await site.page.evaluate(() => {
    const p = document.querySelector(".lightbox__position");
    const region = p && p.closest("[aria-live], [role=status], [role=alert]");
    return region ? region.getAttribute("aria-live") || region.getAttribute("role") : null;
  });
  assert.ok(live && live !== "off", "the photo position is announced by a live region");
  assert.match(await position(), new RegExp(`\\b1 z ${links.length}\\b`));
  await site.page.keyboard.press("ArrowRight");
  assert.match(await position(), new RegExp(`\\b2 z ${links.length}\\b`), "ArrowRight shows the next photo");
  const src = await site.page.getAttribute(".lightbox__image", "src");
  assert.equal(src, await links[1].getAttribute("href"));
  // The large photo is one of its WebP copies, as on the page (Chromium reads WebP).
  const webp = (await links[1].getAttribute("data-webp-srcset")) || "";
  assert.ok(webp.includes(".webp"), "the gallery offers WebP copies to the lightbox");
  await site.page.waitForFunction(() => {
    const img = document.querySelector(".lightbox__image");
    return img && img.complete && img.currentSrc;
  });
  const shown = await site.page.evaluate(() => document.querySelector(".lightbox__image").currentSrc);
  const copies = webp.split(", ").map((c) => new URL(c.split(" ")[0], site.page.url()).href);
  assert.ok(copies.includes(shown), `the lightbox loads a WebP copy, not ${shown}`);
  await site.page.keyboard.press("ArrowLeft");
  assert.match(await position(), new RegExp(`\\b1 z ${links.length}\\b`), "ArrowLeft goes back");
  for (let i = 0; i < 8; i++) {
    await site.page.keyboard.press(i % 3 === 2 ? "Shift+Tab" : "Tab");
    assert.ok((await active()).inDialog, "focus stays in the lightbox");
  }
  await site.page.keyboard.press("Escape");
  assert.equal(await open(), false, "Escape closes the lightbox");
  assert.equal(
    await site.page.evaluate(() => document.activeElement.getAttribute("href")),
    await links[0].getAttribute("href"),
    "focus is back on the same thumbnail",
  );
  // Opening the second photo starts there.
  await site.page.keyboard.press("Tab");
  await site.page.keyboard.press("Enter");
  assert.match(await position(), new RegExp(`\\b2 z ${links.length}\\b`));
  await site.page.keyboard.press("Escape");
  assert.equal(await site.page.evaluate(() => document.activeElement.getAttribute("href")), await links[1].getAttribute("href"));
});
