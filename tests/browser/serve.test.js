// `tablica serve` in a real browser: a broken edit shows the build error in a modal dialog that
// takes the focus (so a screen reader announces it by its name), and fixing the file removes it.
"use strict";

const { test } = require("node:test");
const assert = require("node:assert/strict");
const { useBrowser, useTablica } = require("./harness");

const TITLE = "Nie udało się zbudować strony";
const post = (body) => `---\ntitle: Festyn rodzinny\ndate: 2026-06-01\n---\n${body}\n`;

const site = useBrowser();
const preview = useTablica("serve", {
  "content/site.yaml": "title: MOPS Testowo\nbase_url: https://mops.example.org/\n",
  "content/posts/festyn.md": post("Zapraszamy całe rodziny."),
});
const write = preview.write;

test("a build error is a modal dialog that takes the focus, and goes away once fixed", async () => {
  const context = await site.browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(preview.base + "/aktualnosci/festyn/");
    assert.equal(await page.locator("h1").textContent(), "Festyn rodzinny");

    // A date no one can read: the build fails.
    write("content/posts/festyn.md", post("Zapraszamy całe rodziny.").replace("2026-06-01", "w czerwcu"));
    const dialog = page.getByRole("dialog", { name: TITLE });
    await dialog.waitFor({ timeout: 30000 });
    const state = await page.evaluate(() => {
      const d = document.getElementById("tablica-build-error");
      return {
        modal: d.matches(":modal"),
        focusInside: d.contains(document.activeElement),
        focused: document.activeElement.textContent,
        labelledBy: document.getElementById(d.getAttribute("aria-labelledby"))?.textContent,
      };
    });
    assert.ok(state.modal, "a modal dialog: the page behind is inert");
    assert.ok(state.focusInside, `the focus moves into the dialog, so it is announced (focus on ${state.focused})`);
    assert.equal(state.labelledBy, TITLE, "announced by its title");
    assert.match(await dialog.textContent(), /content\/posts\/festyn\.md/, "names the file");

    // Fixed: the page reloads with the new text and no dialog.
    write("content/posts/festyn.md", post("Zapraszamy całe rodziny na festyn."));
    await page.getByText("Zapraszamy całe rodziny na festyn.").first().waitFor({ timeout: 30000 });
    assert.equal(await page.locator("#tablica-build-error").count(), 0, "the dialog is gone");
  } finally {
    await context.close();
  }
});
