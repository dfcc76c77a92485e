// Redakcja (`tablica edit`) in Chromium: axe-core (WCAG 2.1 A/AA with its experimental rules)
// on every screen of the editor, including a form with errors; a post created and saved by
// keyboard alone; every screen usable at 360 px without sideways scrolling. Screenshots of the
// screens go to docs/img/redakcja-*.png (for the editor's guide) when SCREENSHOTS=1.
"use strict";

const { test } = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { useBrowser, useEditor, vnuErrors } = require("./harness");

const AXE = path.join(__dirname, "node_modules", "axe-core", "axe.min.js");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "experimental"];
const SHOTS = path.join(__dirname, "..", "..", "docs", "img");
const REL = "posts/2026-11-24-warsztaty.md";

const site = useBrowser();
const editor = useEditor({
  "content/site.yaml": "title: MOPS Testowo\nbase_url: https://mops.example.org/\n",
  [`content/${REL}`]: "---\ntitle: Warsztaty kulinarne\ndate: 2026-11-24\ntags: [seniorzy]\n---\nGotujemy razem.\n",
  "content/projects/razem.md": "---\ntitle: Razem\nstatus: ongoing\n---\nProjekt.\n",
});

const screens = () => [
  ["lista", "/redakcja/"],
  ["lista-filtr", "/redakcja/?stan=opublikowany&q=warsztaty"],
  ["formularz", `/redakcja/edytuj?plik=${encodeURIComponent(REL)}`],
  ["formularz-projektu", `/redakcja/edytuj?plik=${encodeURIComponent("projects/razem.md")}`],
  ["nowy", "/redakcja/nowy"],
  ["kosz", "/redakcja/kosz"],
  ["historia", `/redakcja/historia?plik=${encodeURIComponent(REL)}`],
  ["publikacja", "/redakcja/publikacja"],
];

/** The form of the post sent without a title and taken down before it goes up: the error
 * summary and field errors. */
async function withErrors(page) {
  await page.goto(editor.base + screens()[2][1]);
  assert.equal(await page.getAttribute("#pole-date", "type"), "date", "the browser's date picker");
  await page.fill("#pole-publish", "2026-12-10");
  await page.fill("#pole-expires", "2026-12-01");
  await page.fill("#pole-title", "");
  await Promise.all([page.waitForNavigation(), page.click("button[value=zapisz]")]);
}

async function axe(page, name) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] }),
    TAGS,
  );
  return result.violations.map((v) => `${name}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes.slice(0, 4).map((n) => n.target.join(" ")).join(", ")}`);
}

test("axe-core finds nothing on any screen of the editor, errors included", async () => {
  const context = await site.browser.newContext({ bypassCSP: true });
  const found = [];
  try {
    const page = await context.newPage();
    for (const [name, url] of screens()) {
      await page.goto(editor.base + url);
      found.push(...(await axe(page, name)));
      if (process.env.SCREENSHOTS) await page.screenshot({ path: path.join(SHOTS, `redakcja-${name}.png`) });
    }
    await withErrors(page);
    const summary = page.locator(".podsumowanie-bledow");
    assert.equal(await summary.count(), 1, "the error summary is shown");
    assert.equal(await page.evaluate(() => document.activeElement.className), "podsumowanie-bledow", "and takes the focus");
    found.push(...(await axe(page, "bledy")));
    if (process.env.SCREENSHOTS) await page.screenshot({ path: path.join(SHOTS, "redakcja-bledy.png") });
  } finally {
    await context.close();
  }
  if (found.length) assert.fail(`axe-core found ${found.length} violation(s):\n${found.join("\n")}`);
});

test("a post is created and saved by keyboard alone", async () => {
  const context = await site.browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(editor.base + "/redakcja/nowy");
    const tabTo = async (selector) => {
      for (let i = 0; i < 150; i++) {
        if (await page.evaluate((s) => document.activeElement.matches(s), selector)) return;
        await page.keyboard.press("Tab");
      }
      assert.fail(`Tab never reached ${selector}`);
    };
    await tabTo("#pole-szablon");
    await page.keyboard.press("ArrowDown"); // rekrutacja
    await tabTo("#pole-title");
    await page.keyboard.type("Nabór wolontariuszy");
    await page.keyboard.press("Enter");
    await page.waitForURL(/edytuj\?plik=/);
    await tabTo("#pole-tresc");
    await page.keyboard.press("Control+End");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Control+b");
    await page.keyboard.type("Zgłoszenia do piątku");
    await tabTo("button[value=zapisz]");
    await page.keyboard.press("Enter");
    await page.waitForURL(/zapisano=1/);
    const plik = new URL(page.url()).searchParams.get("plik");
    const text = fs.readFileSync(path.join(editor.root, "content", plik), "utf8");
    assert.match(text, /^---\ntitle: Nabór wolontariuszy\ndate: \d{4}-\d{2}-\d{2}\n/);
    assert.match(text, /\*\*Zgłoszenia do piątku\*\*/, "Ctrl+B bolded what was typed");
    assert.equal(await page.locator(".komunikat[role=status]").count(), 1, "the save is announced");
  } finally {
    await context.close();
  }
});

test("every screen fits a 360 px wide phone", async () => {
  const context = await site.browser.newContext({ viewport: { width: 360, height: 740 } });
  try {
    const page = await context.newPage();
    for (const [name, url] of screens()) {
      await page.goto(editor.base + url);
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(wide <= 360, `${name}: the page is ${wide}px wide`);
    }
  } finally {
    await context.close();
  }
});

test("a post from a template with two photos, a PDF and an event is saved, published and built", async () => {
  const repo = path.join(__dirname, "..", "..");
  const photos = [
    ["projects/razem-aktywni/doradztwo.jpg", "Doradczyni rozmawia z mieszkanką przy biurku"],
    ["projects/razem-aktywni/okladka.jpg", "Uczestnicy projektu przed ośrodkiem"],
  ].map(([rel, alt]) => ({ buffer: fs.readFileSync(path.join(repo, "content", rel)), alt }));
  // Without the CSP only so that axe-core can be added to the page with the photos.
  const context = await site.browser.newContext({ bypassCSP: true });
  const read = (rel) => fs.readFileSync(path.join(editor.root, "content", rel), "utf8");
  try {
    const page = await context.newPage();
    await page.goto(editor.base + "/redakcja/nowy");
    await page.selectOption("#pole-szablon", "zaproszenie");
    await page.fill("#pole-title", "Piknik rodzinny");
    await Promise.all([page.waitForURL(/edytuj\?plik=/), page.click("main button[type=submit]")]);
    let rel = new URL(page.url()).searchParams.get("plik");
    assert.match(read(rel), /event:/, "the invitation's event is in the new file");
    // The event, and the post no longer a draft.
    // Each of the event's values in its own control, the start in the browser's picker.
    assert.equal(await page.getAttribute("#pole-event-start", "type"), "datetime-local");
    assert.equal(await page.textContent("fieldset.grupa:has(#pole-event-start) legend"), "Wydarzenie");
    assert.ok(await page.isChecked("#pole-event-free"), "the template's free: true");
    await page.fill("#pole-event-start", "2026-12-12T15:00");
    await page.fill("#pole-event-place", "Park Miejski");
    await page.fill("#pole-event-address", "ul. Parkowa 1, 00-001 Testowo");
    await page.uncheck("#pole-draft");
    await Promise.all([page.waitForURL(/zapisano=1/), page.click("button[value=zapisz]")]);
    for (const photo of photos) {
      await page.setInputFiles("#zdjecie-plik-wgrany", { name: "zdjecie.jpg", mimeType: "image/jpeg", buffer: photo.buffer });
      await page.fill("#zdjecie-alt", photo.alt);
      await page.check("#zdjecie-osoby");
      await page.check("#zdjecie-zgoda");
      await Promise.all([page.waitForNavigation(), page.click("form[action$=zdjecie] button[type=submit]")]);
    }
    rel = new URL(page.url()).searchParams.get("plik");
    assert.match(rel, /\/index\.md$/, "the post became a folder with its first photo");
    const order = () => page.$$eval(".lista-zdjec .zdjecie", (items) => items.map((li) => li.getAttribute("data-zdjecie")));
    assert.deepEqual(await order(), ["zdjecie.jpg", "zdjecie-2.jpg"]);
    await page.locator(".lista-zdjec img").first().scrollIntoViewIfNeeded();
    await page.$eval(".lista-zdjec img", (img) => img.complete || new Promise((done) => {
      img.addEventListener("load", done);
      img.addEventListener("error", done);
    }));
    const thumb = await page.$eval(".lista-zdjec img", (img) => img.naturalWidth);
    assert.ok(thumb > 0 && thumb <= 320, `a thumbnail, ${thumb}px wide`);
    // Dragged onto the cover, the second photo becomes the cover; the button puts the first back.
    // Dragged by its text (its fields are typed in), both photos in view.
    await page.$eval(".lista-zdjec", (el) => el.scrollIntoView());
    await Promise.all([page.waitForNavigation(), page.dragAndDrop(".zdjecie:nth-child(2) .opis-zdjecia > p", ".zdjecie:nth-child(1) .opis-zdjecia > p")]);
    assert.deepEqual(await order(), ["zdjecie-2.jpg", "zdjecie.jpg"]);
    await Promise.all([page.waitForNavigation(), page.click(".zdjecie:nth-child(2) button[value=okladka]")]);
    assert.deepEqual(await order(), ["zdjecie.jpg", "zdjecie-2.jpg"]);
    const found = await axe(page, "zdjecia");
    if (found.length) assert.fail(`axe-core found ${found.length} violation(s):\n${found.join("\n")}`);
    if (process.env.SCREENSHOTS) await page.locator(".zdjecia").screenshot({ path: path.join(SHOTS, "redakcja-zdjecia.png") });
    await page.setViewportSize({ width: 360, height: 740 });
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(wide <= 360, `the form with photos is ${wide}px wide on a phone`);
    await page.setViewportSize({ width: 1280, height: 720 });
    // A PDF: its link goes where the cursor is, and the page says how it will be shown.
    await page.focus("#pole-tresc");
    await page.keyboard.press("Control+End");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Enter");
    await page.setInputFiles("#dokument-plik-wgrany", { name: "Regulamin.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n%%EOF\n") });
    await page.fill("#dokument-opis", "Regulamin pikniku");
    await page.click("form[action$=dokument] button[type=submit]");
    await page.locator("#dokument-ogloszenie.komunikat").waitFor();
    assert.match(await page.textContent("#dokument-ogloszenie"), /Regulamin pikniku \(PDF, 15\sB\)/);
    assert.match(await page.inputValue("#pole-tresc"), /\[Regulamin pikniku\]\(regulamin\.pdf\)/);
    await Promise.all([page.waitForURL(/zapisano=1/), page.click("button[value=zapisz]")]);
    const text = read(rel);
    assert.match(text, /^---\ntitle: Piknik rodzinny\n/);
    assert.match(text, /\ncover:\n  src: zdjecie\.jpg\n  alt: Doradczyni rozmawia z mieszkanką przy biurku\n  people: true\n  consent: true\ngallery:\n  - src: zdjecie-2\.jpg\n    alt: Uczestnicy projektu przed ośrodkiem\n    people: true\n    consent: true\n/);
    assert.match(text, /\nevent:\n  start: 2026-12-12 15:00\n  place: Park Miejski\n  address: ul\. Parkowa 1, 00-001 Testowo\n  free: true\n/);
    assert.match(text, /\n\n\[Regulamin pikniku\]\(regulamin\.pdf\)\n?$/);
    assert.doesNotMatch(text, /draft: true/);
    // Publish: the site is built; the preview shows the post as the built page does.
    await page.goto(editor.base + "/redakcja/");
    await Promise.all([page.waitForURL(/\/redakcja\/publikacja/), page.click("form.publikuj button[type=submit]")]);
    // The page shows the stage in its live region until the script finds the publication done.
    assert.equal(await page.getAttribute("#publikacja", "role"), "status");
    await page.locator("#publikacja:not([data-trwa])").waitFor({ timeout: 120000 });
    assert.match(await page.textContent("#publikacja"), /Zbudowano: wpisy/);
    const done = await axe(page, "publikacja-wynik");
    if (done.length) assert.fail(`axe-core found ${done.length} violation(s):\n${done.join("\n")}`);
    const slug = path.basename(path.dirname(rel)).replace(/^\d{4}-\d{2}-\d{2}-/, "");
    const file = path.join(editor.root, "public", "aktualnosci", slug, "index.html");
    assert.ok(fs.existsSync(file), `built: ${await page.textContent("main")}`);
    const built = fs.readFileSync(file, "utf8");
    assert.match(built, /<h1[^>]*>Piknik rodzinny<\/h1>/);
    assert.match(built, /alt="Doradczyni rozmawia z mieszkanką przy biurku"/);
    assert.match(built, /alt="Uczestnicy projektu przed ośrodkiem"/);
    assert.match(built, />Regulamin pikniku \(PDF, 15\u00a0B\)<\/a>/);
    assert.match(built, /Park Miejski/);
    const preview = await page.goto(`${editor.base}/aktualnosci/${slug}/`);
    assert.equal(preview.status(), 200);
    assert.match(await page.textContent("main"), /Regulamin pikniku \(PDF, 15\sB\)/);
  } finally {
    await context.close();
  }
});

test("three photos chosen at once: two land, the bad one is named, each needs its alt text before saving", async () => {
  const repo = path.join(__dirname, "..", "..");
  const jpeg = fs.readFileSync(path.join(repo, "content", "projects/razem-aktywni/doradztwo.jpg"));
  const rel = "posts/2026-11-20-wycieczka.md";
  editor.write(`content/${rel}`, "---\ntitle: Wycieczka do lasu\ndate: 2026-11-20\n---\nByliśmy w lesie.\n");
  const context = await site.browser.newContext({ bypassCSP: true });
  const read = (r) => fs.readFileSync(path.join(editor.root, "content", r), "utf8");
  try {
    const page = await context.newPage();
    await page.goto(`${editor.base}/redakcja/edytuj?plik=${encodeURIComponent(rel)}`);
    assert.equal(await page.getAttribute("#zdjecie-plik-wgrany", "multiple"), "");
    await page.setInputFiles("#zdjecie-plik-wgrany", [
      { name: "Las 1.jpg", mimeType: "image/jpeg", buffer: jpeg },
      { name: "notatki.jpg", mimeType: "image/jpeg", buffer: Buffer.from("to nie jest zdjęcie") },
      { name: "Las 2.jpg", mimeType: "image/jpeg", buffer: jpeg },
    ]);
    await Promise.all([page.waitForURL(/zapisano=dodane/), page.click("form[action$=zdjecie] button[type=submit]")]);
    const order = await page.$$eval(".lista-zdjec .zdjecie", (items) => items.map((li) => li.getAttribute("data-zdjecie")));
    assert.deepEqual(order, ["las-1.jpg", "las-2.jpg"], "the two photos landed, in the order chosen");
    const said = await page.$$eval("#zdjecie-postep li", (items) => items.map((li) => li.textContent));
    assert.deepEqual(said.map((s) => s.split(":")[0]), ["Las 1.jpg", "notatki.jpg", "Las 2.jpg"], "each file's result");
    assert.match(said[0], /dodano$/);
    assert.match(said[1], /nie jest zdjęciem/);
    assert.match(await page.textContent("#zdjecie-postep p"), /Dodano zdjęć: 2 z 3/);
    const refused = await page.textContent("form[action$=zdjecie] .podsumowanie-bledow");
    assert.match(refused, /notatki\.jpg: Ten plik nie jest zdjęciem/, "the bad file is named");
    const bundle = new URL(page.url()).searchParams.get("plik");
    assert.equal(bundle, "posts/2026-11-20-wycieczka/index.md");
    assert.match(read(bundle), /\ncover:\n  src: las-1\.jpg\ngallery:\n  - src: las-2\.jpg\n/);
    // Saving is refused while a photo has no alt text, or a file name for one: per photo.
    await page.fill("#pole-zdjecie-0-alt", "IMG_2041");
    await Promise.all([page.waitForNavigation(), page.click("button[value=zapisz]")]);
    const summary = await page.$$eval(".podsumowanie-bledow a", (links) => links.map((a) => a.getAttribute("href")));
    assert.deepEqual(summary, ["#pole-zdjecie-0-alt", "#pole-zdjecie-1-alt"]);
    assert.equal(await page.getAttribute("#pole-zdjecie-0-alt", "aria-invalid"), "true");
    assert.match(await page.textContent("#blad-zdjecie-1-alt"), /las-2\.jpg/);
    assert.equal(await page.inputValue("#pole-zdjecie-0-alt"), "IMG_2041", "what was typed is kept");
    const found = await axe(page, "zdjecia-bez-opisu");
    if (found.length) assert.fail(`axe-core found ${found.length} violation(s):\n${found.join("\n")}`);
    await page.setViewportSize({ width: 360, height: 740 });
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(wide <= 360, `the photos' descriptions are ${wide}px wide on a phone`);
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.fill("#pole-zdjecie-0-alt", "Ścieżka wśród sosen");
    await page.fill("#pole-zdjecie-1-alt", "Grupa seniorów przy ognisku");
    await page.fill("#pole-zdjecie-1-podpis", "Po spacerze");
    await page.check("#pole-zdjecie-1-osoby");
    await page.check("#pole-zdjecie-1-zgoda");
    await Promise.all([page.waitForURL(/zapisano=1/), page.click("button[value=zapisz]")]);
    assert.match(read(bundle), /\ncover:\n  src: las-1\.jpg\n  alt: Ścieżka wśród sosen\ngallery:\n  - src: las-2\.jpg\n    alt: Grupa seniorów przy ognisku\n    caption: Po spacerze\n    people: true\n    consent: true\n---\nByliśmy w lesie\.\n$/);
  } finally {
    await context.close();
  }
});

test("the form is checked as they write; a project's figures get rows by keyboard; nothing is written before Save", async () => {
  const rel = "projects/razem.md";
  const read = () => fs.readFileSync(path.join(editor.root, "content", rel), "utf8");
  const before = read();
  // Without the CSP only so that axe-core can be added to the page with the errors shown.
  const context = await site.browser.newContext({ bypassCSP: true });
  try {
    const page = await context.newPage();
    await page.goto(editor.base + `/redakcja/edytuj?plik=${encodeURIComponent(rel)}`);
    await page.fill("#pole-state_budget-programme", "Senior+");
    await page.fill("#pole-state_budget-amount", "80 000");
    // Leaving the field: the total is missing, said beside it, while focus stays where it went.
    await page.focus("#pole-tresc");
    const error = page.locator("#blad-state_budget-total_value");
    await error.waitFor();
    assert.match(await error.textContent(), /Błąd: .*wartość|Błąd: .*kwot/i);
    assert.equal(await page.getAttribute("#pole-state_budget-total_value", "aria-invalid"), "true");
    assert.match(await page.getAttribute("#pole-state_budget-total_value", "aria-describedby"), /blad-state_budget-total_value/);
    assert.equal(await page.textContent("#stan-formularza"), "Błędy w formularzu: 1");
    assert.equal(await page.evaluate(() => document.activeElement.id), "pole-tresc", "focus is not moved");
    const found = await axe(page, "sprawdzanie");
    if (found.length) assert.fail(found.join("\n"));
    if (process.env.SCREENSHOTS) {
      await page.locator("fieldset.grupa:has(#pole-state_budget-amount)").screenshot({ path: path.join(SHOTS, "redakcja-sprawdzanie.png") });
    }
    // Corrected: the error goes while they type.
    await page.focus("#pole-state_budget-total_value");
    await page.keyboard.type("100 000");
    await error.waitFor({ state: "detached" });
    assert.equal(await page.getAttribute("#pole-state_budget-total_value", "aria-invalid"), null);
    await page.waitForFunction(() => document.getElementById("stan-formularza").textContent === "Formularz nie ma teraz błędów");
    assert.equal(read(), before, "checking writes nothing");
    // A second row of figures, by keyboard: the button adds it and moves to it.
    assert.equal(await page.locator("fieldset.wiersz").count(), 1, "one empty row to start with");
    await page.fill("#pole-figures-1-label", "uczestników");
    await page.fill("#pole-figures-1-value", "40");
    const add = page.getByRole("button", { name: "Dodaj wiersz" });
    await add.focus();
    await page.keyboard.press("Enter");
    assert.equal(await page.locator("fieldset.wiersz").count(), 2);
    assert.equal(await page.evaluate(() => document.activeElement.id), "pole-figures-2-label");
    assert.equal(await page.textContent("fieldset.wiersz:nth-of-type(2) legend"), "Wiersz 2");
    await page.keyboard.type("spotkań");
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement.id), "pole-figures-2-value");
    await page.keyboard.type("24");
    await Promise.all([page.waitForURL(/zapisano=1/), page.click("button[value=zapisz]")]);
    const saved = read();
    assert.match(saved, /state_budget:\n  programme: Senior\+\n  amount: 80000\n  total_value: 100000\n/);
    assert.match(saved, /figures:\n  - \{ label: uczestników, value: "40" \}\n  - \{ label: spotkań, value: "24" \}\n/);
  } finally {
    await context.close();
  }
});

test("a row added and filled in survives a closed tab, with its number", async () => {
  const rel = "projects/razem.md";
  const read = () => fs.readFileSync(path.join(editor.root, "content", rel), "utf8");
  const before = read();
  const context = await site.browser.newContext();
  try {
    let page = await context.newPage();
    const url = editor.base + `/redakcja/edytuj?plik=${encodeURIComponent(rel)}`;
    await page.goto(url);
    const rows = await page.locator("fieldset.wiersz").count();
    await page.getByRole("button", { name: "Dodaj wiersz" }).click();
    const added = `pole-figures-${rows + 1}-label`;
    assert.equal(await page.evaluate(() => document.activeElement.id), added);
    await page.keyboard.type("godzin zajęć");
    await page.fill(`#pole-figures-${rows + 1}-value`, "120");
    await page.close();
    page = await context.newPage();
    await page.goto(url);
    assert.equal(await page.inputValue(`#${added}`), "godzin zajęć", "the added row is back");
    assert.equal(await page.inputValue(`#pole-figures-${rows + 1}-value`), "120");
    assert.equal(await page.locator("fieldset.wiersz").count(), rows + 1);
    assert.equal(read(), before, "kept in the browser, not written");
  } finally {
    await context.close();
  }
});

test("the Nu HTML Checker finds no error on any screen of the editor", async () => {
  const context = await site.browser.newContext();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tablica-redakcja-html-"));
  try {
    const page = await context.newPage();
    await page.goto(editor.base + "/redakcja/");
    // The screens, and the forms of the posts with photos the test before made.
    const posts = path.join(editor.root, "content", "posts");
    const bundles = fs.readdirSync(posts).filter((n) => fs.existsSync(path.join(posts, n, "index.md")));
    const forms = bundles.map((n) => [`formularz-${n}`, `/redakcja/edytuj?plik=${encodeURIComponent(`posts/${n}/index.md`)}`]);
    assert.ok(forms.length > 0, "a form with photos is among them");
    for (const [name, url] of [...screens(), ...forms]) {
      const reply = await context.request.get(editor.base + url);
      assert.equal(reply.status(), 200, name);
      fs.writeFileSync(path.join(dir, `${name}.html`), await reply.text());
    }
    assert.deepEqual(vnuErrors(["--skip-non-html"], dir), []);
  } finally {
    await context.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

