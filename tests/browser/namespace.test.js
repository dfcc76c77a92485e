// Author content cannot stand in for the theme's own elements. A site that allows raw HTML
// (so the sanitiser does not rename anything) has a post with its own `#tablica-config`
// holding JSON that maps Tab to "home" on another address, and its own `#shortcuts-dialog`,
// both before the theme's in the document. The theme's script must still read its own
// configuration and open its own dialog.
"use strict";

const { before, after, test } = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { execFileSync } = require("node:child_process");
const { useBrowser, playwrightKeys } = require("./harness");

const REPO = path.resolve(__dirname, "../..");
const BINARY = path.join(REPO, "target/debug/tablica");
const FORGED = JSON.stringify({
  shortcuts: [{ action: "home", keys: "Tab" }],
  singleKey: true,
  urls: { home: "/przejete/" },
});

let tmp;
let publicDir;

before(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "tablica-namespace-"));
  const write = (rel, text) => {
    fs.mkdirSync(path.dirname(path.join(tmp, rel)), { recursive: true });
    fs.writeFileSync(path.join(tmp, rel), text);
  };
  write(
    "content/site.yaml",
    "title: MOPS Testowo\nbase_url: https://mops.example.org/\nallow_raw_html: true\norganisation:\n  name: MOPS\n",
  );
  write(
    "content/posts/ustawienia.md",
    `---\ntitle: Ustawienia\ndate: 2026-01-01\n---\nTekst wpisu.\n\n<div id="tablica-config">${FORGED}</div>\n\n<div id="shortcuts-dialog">Nie to okno</div>\n`,
  );
  publicDir = path.join(tmp, "public");
  execFileSync(BINARY, ["build", "--quiet", "--root", tmp], { stdio: ["ignore", "ignore", "pipe"] });
});

after(() => fs.rmSync(tmp, { recursive: true, force: true }));

const site = useBrowser({ page: true, dir: () => publicDir });
const POST = "/aktualnosci/ustawienia/";

test("the author's #tablica-config does not replace the theme's keyboard configuration", async () => {
  await site.page.goto(site.base + POST);
  // The forged element is really there, first in the document.
  assert.equal(
    await site.page.evaluate(() => document.getElementById("tablica-config").tagName),
    "DIV",
    "the page carries the author's element first",
  );
  await site.page.keyboard.press("Tab");
  await site.page.waitForTimeout(100);
  assert.equal(new URL(site.page.url()).pathname, POST, "the first Tab press does not navigate");
  const focused = await site.page.evaluate(() => document.activeElement.className);
  assert.match(focused, /skip-link/, "the first Tab press reaches the skip link");
});

test("the help shortcut opens the theme's dialog, not the author's element", async () => {
  await site.page.goto(site.base + POST);
  const help = await site.page.evaluate(
    () => JSON.parse(document.querySelector("body > script#tablica-config").textContent).shortcuts.find((s) => s.action === "help").keys,
  );
  await site.page.keyboard.press(playwrightKeys(help));
  const open = await site.page.evaluate(() => {
    const theirs = document.querySelector("body > dialog#shortcuts-dialog");
    return { theme: theirs.open && theirs.contains(document.activeElement), author: document.querySelector("main #shortcuts-dialog").tagName };
  });
  assert.deepEqual(open, { theme: true, author: "DIV" }, `${help} opens the theme's help dialog with focus inside`);
});
