// A preview build (`build --preview`) and texts with `publish:` / `expires:`: the "PODGLĄD"
// banner on every page, the "scheduled" and "archival" notices, checked with axe-core (WCAG 2.1
// A/AA and its experimental rules, default look and high contrast) and the Nu HTML Checker. The
// banner must say what it is in words (not by colour alone) and sit in a landmark.
"use strict";

const { before, after, test } = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { execFileSync } = require("node:child_process");
const { useBrowser, vnuErrors } = require("./harness");

const REPO = path.resolve(__dirname, "../..");
const BINARY = path.join(REPO, "target/debug/tablica");
const AXE = path.join(__dirname, "node_modules", "axe-core", "axe.min.js");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "experimental"];

const PAGES = {
  home: "/",
  scheduled: "/aktualnosci/ferie/",
  expired: "/aktualnosci/nabor/",
  draft: "/aktualnosci/szkic/",
  page: "/cennik/",
};

let tmp;
let previewDir;

before(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "tablica-preview-"));
  const write = (rel, text) => {
    fs.mkdirSync(path.dirname(path.join(tmp, rel)), { recursive: true });
    fs.writeFileSync(path.join(tmp, rel), text);
  };
  const post = (slug, fields, text) => write(`content/posts/${slug}.md`, `---\n${fields}\n---\n${text}\n`);
  write(
    "content/site.yaml",
    "title: MOPS Testowo\nbase_url: https://mops.testowo.pl/\norganisation:\n  name: Miejski Ośrodek Pomocy Społecznej w Testowie\n",
  );
  post("biezacy", "title: Dyżur prawnika\ndate: 2026-11-20", "Dyżur w każdy wtorek.");
  post("ferie", "title: Ferie w świetlicy\ndate: 2026-12-05\npublish: 2026-12-05 08:00", "Zapisy od poniedziałku.");
  post("nabor", "title: Nabór do programu Opieka 75+\ndate: 2026-10-01\nexpires: 2026-11-15", "Nabór trwał do połowy listopada.");
  post("szkic", "title: Wigilia dla osób samotnych\ndate: 2026-11-25\ndraft: true", "Termin do potwierdzenia.");
  write("content/pages/cennik.md", "---\ntitle: Cennik usług\nexpires: 2026-11-01\n---\nCennik na rok 2026.\n");
  previewDir = path.join(tmp, "preview");
  execFileSync(BINARY, ["build", "--quiet", "--preview", "--root", tmp, "--output", previewDir], {
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, TABLICA_NOW: "2026-12-01 12:00" },
  });
});

after(() => fs.rmSync(tmp, { recursive: true, force: true }));

const site = useBrowser({ dir: () => previewDir });

/** axe's violations on `url` in a new page of `context`, as readable lines. */
async function violations(context, url) {
  const page = await context.newPage();
  try {
    await page.goto(site.base + url, { waitUntil: "load" });
    await page.addScriptTag({ path: AXE });
    const result = await page.evaluate(
      (tags) => window.axe.run(document, { runOnly: { type: "tag", values: tags } }),
      TAGS,
    );
    return result.violations.map((v) => `${url}: ${v.id} ${v.help} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  } finally {
    await page.close();
  }
}

for (const [mode, prefs] of [["default", {}], ["high contrast", { "tablica.contrast": "high" }]]) {
  test(`axe-core finds nothing on the preview's pages and notices, ${mode}`, async () => {
    const context = await site.browser.newContext({ bypassCSP: true });
    try {
      await context.addInitScript((p) => {
        for (const [k, v] of Object.entries(p)) localStorage.setItem(k, v);
      }, prefs);
      const found = [];
      for (const url of Object.values(PAGES)) found.push(...(await violations(context, url)));
      assert.deepEqual(found, []);
    } finally {
      await context.close();
    }
  });
}

test("the banner says PODGLĄD in words, in a named landmark, and each notice says what it means", async () => {
  const page = await site.browser.newPage();
  try {
    for (const url of Object.values(PAGES)) {
      await page.goto(site.base + url);
      const banner = page.getByRole("region", { name: "PODGLĄD" });
      assert.match(await banner.innerText(), /^PODGLĄD To wersja do sprawdzenia przez zespół/, url);
      assert.ok(await banner.isVisible(), `${url}: the banner is visible`);
    }
    await page.goto(site.base + PAGES.scheduled);
    assert.equal(
      await page.getByRole("note").innerText(),
      "Zaplanowane. Ten tekst pojawi się na stronie 5 grudnia 2026, 08:00.",
    );
    await page.goto(site.base + PAGES.expired);
    assert.equal(
      await page.getByRole("note").innerText(),
      "Informacja archiwalna. Ta informacja była aktualna do 15 listopada 2026.",
    );
  } finally {
    await page.close();
  }
});

test("the Nu HTML Checker finds no errors in the preview", () => {
  assert.deepEqual(vnuErrors(["--skip-non-html"], previewDir), []);
});
