// Hostile content in a real browser: a site built from the XSS corpus
// (tests/fixtures/xss-vectors.txt, every vector in a post's body, title, summary, author,
// tags, category and event fields, and all of them in one page) is opened page by page.
// First with the Content-Security-Policy bypassed, so that only the sanitiser and the
// templates' escaping stand between a vector and its execution; then as published, where
// the policy must report no violation (the theme needs no inline script or style).
"use strict";

const { before, after, test } = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { execFileSync } = require("node:child_process");
const { useBrowser, allPages } = require("./harness");

const REPO = path.resolve(__dirname, "../..");
const BINARY = path.join(REPO, "target/debug/tablica");

const vectors = fs
  .readFileSync(path.join(REPO, "tests/fixtures/xss-vectors.txt"), "utf8")
  .split("\n")
  .filter((l) => l.trim() && !l.startsWith("#!"));

let tmp;
let publicDir;

// Registered before useBrowser's hook, so the site exists when its server starts.
before(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "tablica-xss-"));
  const write = (rel, text) => {
    fs.mkdirSync(path.dirname(path.join(tmp, rel)), { recursive: true });
    fs.writeFileSync(path.join(tmp, rel), text);
  };
  // The vectors lack alt and link texts; those checks are not what is tested here.
  write(
    "content/site.yaml",
    "title: MOPS Testowo\nbase_url: https://mops.example.org/\norganisation:\n  name: MOPS\nchecks: { empty_link_text: warning, image_alt: warning, frame_title: warning }\n",
  );
  const yaml = (s) => JSON.stringify(s); // a JSON string is a YAML double-quoted string
  vectors.forEach((v, i) => {
    const n = String(i + 1).padStart(3, "0");
    write(
      `content/posts/wektor-${n}.md`,
      `---\ntitle: ${yaml(v)}\ndate: 2026-01-01\nsummary: ${yaml(v)}\nauthor: ${yaml(v)}\ntags: [${yaml(v)}]\ncategory: ${yaml(v)}\nsource: ${yaml(v)}\nevent:\n  start: 2026-12-05 17:00\n  place: ${yaml(v)}\n  price: ${yaml(v)}\n---\n${v}\n\nW zdaniu: ${v} koniec.\n\n[Odnośnik](${v})\n\n![Obraz](${v})\n`,
    );
  });
  write("content/pages/wszystkie.md", `---\ntitle: Wszystkie\n---\n${vectors.join("\n\n")}\n`);
  publicDir = path.join(tmp, "public");
  execFileSync(BINARY, ["build", "--quiet", "--root", tmp], { stdio: ["ignore", "ignore", "pipe"] });
});

after(() => fs.rmSync(tmp, { recursive: true, force: true }));

const site = useBrowser({ dir: () => publicDir });

/** Opens `urls` in a fresh context and returns what ran: dialogs, `window.__xss`, handlers. */
async function visit(urls, contextOptions) {
  const context = await site.browser.newContext(contextOptions);
  const page = await context.newPage();
  const ran = [];
  const violations = [];
  page.on("dialog", async (d) => {
    ran.push(`${d.type()} "${d.message()}" on ${page.url()}`);
    await d.dismiss();
  });
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(`${page.url()}: ${m.text()}`);
  });
  for (const url of urls) {
    await page.goto(site.base + url, { waitUntil: "load" });
    // Give timers, `ontoggle`, `autofocus` handlers and lazy frames a moment.
    await page.waitForTimeout(20);
    const found = await page.evaluate(() => {
      const out = [];
      if (window.__xss !== undefined) out.push("window.__xss is set");
      for (const el of document.querySelectorAll("*")) {
        for (const a of el.attributes) {
          if (/^on/i.test(a.name)) out.push(`<${el.localName} ${a.name}>`);
        }
      }
      return out;
    });
    ran.push(...found.map((f) => `${f} on ${url}`));
  }
  await context.close();
  return { ran, violations };
}

test("no XSS vector runs, even with the Content-Security-Policy bypassed", { timeout: 120_000 }, async () => {
  // Every post and the page with all vectors, and one page of each kind that lists them
  // (the others show the same cards).
  const all = allPages(publicDir);
  const first = (re) => all.find((p) => re.test(p));
  const lists = ["/", "/aktualnosci/", "/tagi/", "/kategorie/", "/wydarzenia/", "/archiwum/"];
  const pages = [
    ...all.filter((p) => /^\/aktualnosci\/wektor-\d+\/$/.test(p)),
    "/wszystkie/",
    ...lists.filter((p) => all.includes(p)),
    first(/^\/tagi\/[^/]+\/$/),
    first(/^\/kategorie\/[^/]+\/$/),
    first(/^\/archiwum\/\d{4}\/$/),
  ];
  assert.ok(pages.length >= vectors.length + 9 && pages.every(Boolean), `pages missing: ${pages}`);
  const { ran } = await visit(pages, { bypassCSP: true });
  assert.deepEqual(ran, []);
});

test("pages full of vectors cause no Content-Security-Policy violation", { timeout: 60_000 }, async () => {
  const pages = ["/", "/wszystkie/", "/aktualnosci/wektor-001/", "/tagi/"].filter((p) =>
    allPages(publicDir).includes(p),
  );
  assert.ok(pages.length >= 3, `pages not found: ${pages}`);
  const { ran, violations } = await visit(pages);
  assert.deepEqual(ran, []);
  assert.deepEqual(violations, []);
});
