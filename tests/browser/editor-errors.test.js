// Redakcja (`tablica edit`) in Chromium, when things go wrong: bad input (an empty title, an
// impossible date, a placeholder alt text, a photo over the upload limit, an executable
// renamed `.jpg`, `../` in a file name) gives an error next to its field and in the error
// summary, in Polish, and writes nothing; a file changed on disk behind the open form is never
// overwritten silently.
"use strict";

const { test } = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { useBrowser, useEditor } = require("./harness");

const REL = "posts/2026-11-24-warsztaty.md";
const POST = "---\ntitle: Warsztaty kulinarne\ndate: 2026-11-24\ntags: [seniorzy]\n---\nGotujemy razem.\n";
const MEETING = "posts/2026-11-20-zebranie.md";
const MEETING_TEXT = "---\ntitle: Zebranie rodziców\ndate: 2026-11-20\n---\nZapraszamy.\n";
const FAIR = "posts/2026-11-18-kiermasz.md";
const FAIR_TEXT = "---\ntitle: Kiermasz świąteczny\ndate: 2026-11-18\n---\nSprzedajemy ozdoby.\n";
const FORM = `/redakcja/edytuj?plik=${encodeURIComponent(REL)}`;
const JPEG = fs.readFileSync(path.join(__dirname, "..", "..", "content", "projects", "razem-aktywni", "okladka.jpg"));

const site = useBrowser();
const editor = useEditor({
  "content/site.yaml": "title: MOPS Testowo\nbase_url: https://mops.example.org/\nlanguage: pl\n",
  [`content/${REL}`]: POST,
  [`content/${MEETING}`]: MEETING_TEXT,
  [`content/${FAIR}`]: FAIR_TEXT,
});

/** Every file under `content/` and `.redakcja/`, relative path → bytes. */
function snapshot() {
  const files = {};
  const walk = (dir) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files[path.relative(editor.root, full)] = fs.readFileSync(full).toString("base64");
    }
  };
  walk(path.join(editor.root, "content"));
  walk(path.join(editor.root, ".redakcja"));
  return files;
}

/** Runs `action` and checks that no file of the site changed, appeared or went away. */
async function writesNothing(what, action) {
  const before = snapshot();
  const outside = fs.readdirSync(editor.root).sort();
  await action();
  assert.deepEqual(snapshot(), before, `${what}: the site's files are unchanged`);
  assert.deepEqual(fs.readdirSync(editor.root).sort(), outside, `${what}: nothing new beside content/`);
}

async function newPage(options = {}) {
  const context = await site.browser.newContext({ locale: "pl-PL", ...options });
  const page = await context.newPage();
  return { context, page };
}

/** The page's error summary: its links' texts and targets, and that it has the focus. */
async function summaryOf(page, scope = "") {
  const box = page.locator(`${scope} .podsumowanie-bledow`.trim());
  await box.waitFor();
  const links = await box.locator("a").evaluateAll((as) => as.map((a) => ({ text: a.textContent, href: a.getAttribute("href") })));
  return { links, focused: await box.evaluate((el) => el === document.activeElement) };
}

/** The error shown next to the field `id` (its `aria-describedby` names it). */
async function errorNextTo(page, id) {
  const field = page.locator(`#${id}`);
  assert.equal(await field.getAttribute("aria-invalid"), "true", `#${id} is marked invalid`);
  const ids = (await field.getAttribute("aria-describedby")).split(/\s+/);
  const texts = [];
  for (const other of ids) {
    const el = page.locator(`#${other}.blad`);
    if (await el.count()) texts.push(await el.textContent());
  }
  assert.ok(texts.length, `#${id}: an error is described next to it`);
  return texts.join(" ");
}

/** Checks an error for the field `id`: in the summary (linked to it, taking the focus) and
 * next to it, both matching `said`. */
async function fieldError(page, id, said, scope) {
  const { links, focused } = await summaryOf(page, scope);
  const link = links.find((l) => l.href === `#${id}`);
  assert.ok(link, `the summary links to #${id}: ${JSON.stringify(links)}`);
  assert.match(link.text, said, "the summary says what is wrong");
  assert.ok(focused, "the summary takes the focus");
  assert.match(await errorNextTo(page, id), said, "so does the error next to the field");
  // The link leads to the field.
  await page.click(`.podsumowanie-bledow a[href="#${id}"]`);
  assert.equal(await page.evaluate(() => document.activeElement.id), id, "the summary's link focuses the field");
}

test("an empty title is refused, next to the field and in the summary, and nothing is written", async () => {
  const { context, page } = await newPage();
  try {
    await page.goto(editor.base + FORM);
    await writesNothing("an empty title", async () => {
      await page.fill("#pole-title", "");
      await Promise.all([page.waitForNavigation(), page.click("button[value=zapisz]")]);
      await fieldError(page, "pole-title", /tytuł/i);
    });
  } finally {
    await context.close();
  }
});

test("31.02.2026 is reported as a day that does not exist, typed in the picker or as text", async () => {
  const { context, page } = await newPage();
  try {
    await page.goto(editor.base + FORM);
    await writesNothing("31.02.2026 in the picker", async () => {
      // Headless Chromium's picker reads month, day, year.
      await page.focus("#pole-date");
      await page.keyboard.type("02312026");
      assert.ok(await page.$eval("#pole-date", (el) => el.validity.badInput), "the picker holds an impossible day");
      await Promise.all([page.waitForNavigation(), page.click("button[value=zapisz]")]);
      await fieldError(page, "pole-date", /nie ma takiego dnia/i);
    });
    // Typed by hand into a text box (a file whose date no picker can show, or without a picker).
    for (const typed of ["31.02.2026", "2026-02-31"]) {
      await page.goto(editor.base + FORM);
      await writesNothing(`${typed} as text`, async () => {
        await page.$eval("#pole-date", (el, v) => { el.type = "text"; el.value = v; }, typed);
        await Promise.all([page.waitForNavigation(), page.click("button[value=zapisz]")]);
        await fieldError(page, "pole-date", /nie ma takiego dnia w kalendarzu: ten miesiąc ma 28 dni/);
        assert.match(await errorNextTo(page, "pole-date"), new RegExp(typed.replace(/\./g, "\\.")), "naming what was typed");
        assert.equal(await page.inputValue("#pole-date"), typed, "what was typed stays to be corrected");
      });
    }
  } finally {
    await context.close();
  }
});

/** Chooses `file` (a path, or { name, buffer }) in the photo form with the alt text `alt`
 * and sends it; `sent` says whether the script sent anything to the server. */
async function sendPhoto(page, file, alt) {
  const requests = [];
  const seen = (r) => { if (r.url().includes("/redakcja/zdjecie")) requests.push(r.url()); };
  page.on("request", seen);
  await page.setInputFiles("#zdjecie-plik-wgrany", typeof file === "string" ? file : { mimeType: "image/jpeg", ...file });
  await page.fill("#zdjecie-alt", alt);
  await page.click("form[action$=zdjecie] button[type=submit]");
  await page.locator("form[action$=zdjecie] .podsumowanie-bledow").waitFor();
  page.off("request", seen);
  return { sent: requests };
}

test("a photo with a placeholder alt text or an executable renamed .jpg is refused and writes nothing", async () => {
  const { context, page } = await newPage();
  const cases = [
    [{ name: "piknik.jpg", buffer: JPEG }, "zdjęcie", "zdjecie-alt", /tekst alternatywny to wypełniacz, a nie opis/],
    [{ name: "piknik.jpg", buffer: JPEG }, "IMG_1234.jpg", "zdjecie-alt", /tekst alternatywny to nazwa pliku/],
    [{ name: "piknik.jpg", buffer: JPEG }, "piknik.jpg", "zdjecie-alt", /tekst alternatywny to nazwa pliku/],
    [{ name: "zdjecie.jpg", buffer: Buffer.concat([Buffer.from("\x7fELF\x02\x01\x01\0", "latin1"), Buffer.alloc(4096)]) }, "Seniorzy przy stole", "zdjecie-plik-wgrany", /nie jest zdjęciem/],
    [{ name: "zdjecie.jpg", buffer: Buffer.concat([Buffer.from("MZ\x90\0\x03\0\0\0", "latin1"), Buffer.alloc(4096)]) }, "Seniorzy przy stole", "zdjecie-plik-wgrany", /nie jest zdjęciem/],
  ];
  try {
    for (const [file, alt, id, said] of cases) {
      await page.goto(editor.base + FORM);
      await writesNothing(`${file.name} / ${alt}`, async () => {
        const { sent } = await sendPhoto(page, file, alt);
        assert.equal(sent.length, 1, "the server decides");
        await fieldError(page, id, said, "form[action$=zdjecie]");
      });
    }
  } finally {
    await context.close();
  }
});

test("a 60 MB photo (or document) is refused by the script before it is sent, and by the server with 413 if sent anyway", async () => {
  const { context, page } = await newPage();
  const dir = fs.mkdtempSync(path.join(require("node:os").tmpdir(), "tablica-60mb-"));
  const big = path.join(dir, "duze.jpg");
  // A real JPEG's start, made 60 MB long.
  fs.writeFileSync(big, Buffer.concat([JPEG, Buffer.alloc(60 * 1000 * 1000 - JPEG.length)]));
  try {
    await page.goto(editor.base + FORM);
    await writesNothing("a 60 MB photo", async () => {
      const { sent } = await sendPhoto(page, big, "Seniorzy przy stole");
      assert.deepEqual(sent, [], "the script sends nothing");
      await fieldError(page, "zdjecie-plik-wgrany", /Plik jest za duży: można dodać najwyżej 32 MB/, "form[action$=zdjecie]");
      // Sent anyway, as a script of the page could: the server refuses it, in Polish.
      const answer = await page.evaluate(async (rel) => {
        const up = document.querySelector("form[action$=zdjecie]");
        const query = new URLSearchParams({ plik: rel, wersja: up.elements.wersja.value, nazwa: "duze.jpg", alt: "Seniorzy przy stole" });
        const r = await fetch(`/redakcja/zdjecie?${query}`, {
          method: "POST",
          headers: { "X-Redakcja-CSRF": up.elements.csrf.value, "Content-Type": "application/octet-stream" },
          body: new Uint8Array(60 * 1000 * 1000),
        });
        return { status: r.status, text: await r.text() };
      }, REL);
      assert.equal(answer.status, 413);
      assert.match(answer.text, /^Plik jest za duży: można dodać najwyżej 32 MB/);
      // A document as large: the same.
      const requests = [];
      page.on("request", (r) => { if (r.url().includes("/redakcja/dokument")) requests.push(r.url()); });
      await page.setInputFiles("#dokument-plik-wgrany", big);
      await page.click("form[action$=dokument] button[type=submit]");
      await fieldError(page, "dokument-plik-wgrany", /Plik jest za duży: można dodać najwyżej 32 MB/, "form[action$=dokument]");
      assert.deepEqual(requests, [], "the script sends nothing");
    });
  } finally {
    await context.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("`../` in a photo's file name never writes outside the post's folder", async () => {
  const { context, page } = await newPage();
  try {
    for (const name of ["../../site.yaml.jpg", "..\\..\\zdjecie.jpg"]) {
      await page.goto(editor.base + FORM);
      // Whatever name the browser gives the file, the address the script sends names it so.
      await page.route("**/redakcja/zdjecie?*", (route) => {
        const url = new URL(route.request().url());
        url.searchParams.set("nazwa", name);
        return route.continue({ url: url.toString() });
      });
      await writesNothing(name, async () => {
        const { sent } = await sendPhoto(page, { name: "zdjecie.jpg", buffer: JPEG }, "Seniorzy przy stole");
        assert.equal(new URL(sent[0]).searchParams.get("nazwa"), "zdjecie.jpg");
        await fieldError(page, "zdjecie-plik-wgrany", /Nazwa pliku musi być zwykłą nazwą, bez folderów i `\.\.`/, "form[action$=zdjecie]");
      });
      await page.unrouteAll();
    }
  } finally {
    await context.close();
  }
});

test("a file changed on disk behind the open form is never overwritten silently: both versions, and a choice", async () => {
  const { context, page } = await newPage();
  const file = path.join(editor.root, "content", MEETING);
  const history = path.join(editor.root, ".redakcja", "historia", MEETING);
  const kept = () => (fs.existsSync(history) ? fs.readdirSync(history).map((n) => fs.readFileSync(path.join(history, n), "utf8")) : []);
  try {
    await page.goto(`${editor.base}/redakcja/edytuj?plik=${encodeURIComponent(MEETING)}`);
    await page.fill("#pole-title", "Zebranie rodziców – nowy termin");
    // A colleague (or `git pull`) changes the file while the form is open.
    const theirs = "---\ntitle: Zebranie rodziców i opiekunów\ndate: 2026-11-20\n---\nZapraszamy do sali 12.\n";
    fs.writeFileSync(file, theirs);
    const reply = await Promise.all([page.waitForNavigation(), page.click("button[value=zapisz]")]).then(([r]) => r);
    assert.equal(reply.status(), 409);
    assert.equal(await page.textContent("h1"), "Plik zmienił ktoś inny");
    assert.match(await page.textContent("main"), /Niczego nie zapisano\./, "says nothing was saved");
    assert.equal(fs.readFileSync(file, "utf8"), theirs, "the colleague's version is untouched");
    assert.deepEqual(kept(), [], "nothing went to the history either");
    // Both versions, labelled.
    assert.equal(await page.textContent("label[for=moja]"), "Twoja wersja (niezapisana)");
    assert.equal(await page.textContent("label[for=ich]"), "Wersja, która jest teraz na dysku");
    assert.equal(await page.inputValue("#moja"), "---\ntitle: Zebranie rodziców – nowy termin\ndate: 2026-11-20\n---\nZapraszamy.\n");
    assert.equal(await page.inputValue("#ich"), theirs);
    // "Open the one on disk": the form of the colleague's version, my change not restored over it.
    const href = await page.getAttribute("main a[href*='edytuj']", "href");
    assert.match(await page.textContent(`main a[href="${href}"]`), /Otwórz wersję z dysku/);
    const other = await context.newPage();
    await other.goto(editor.base + href);
    assert.equal(await other.inputValue("#pole-title"), "Zebranie rodziców i opiekunów");
    assert.match(await other.inputValue("#pole-tresc"), /Zapraszamy do sali 12\./);
    await other.close();
    // Changed once more while the choice is on the screen: "save mine" is a conflict again,
    // showing the newest version on disk.
    const again = theirs.replace("sali 12", "sali 14");
    fs.writeFileSync(file, again);
    const button = page.locator("form[action$=nadpisz] button[type=submit]");
    assert.match(await button.textContent(), /^Zapisz moją wersję/);
    const second = await Promise.all([page.waitForNavigation(), button.click()]).then(([r]) => r);
    assert.equal(second.status(), 409);
    assert.equal(fs.readFileSync(file, "utf8"), again, "still not overwritten");
    assert.equal(await page.inputValue("#ich"), again);
    // "Save mine": mine is written, the colleague's kept in the history.
    await Promise.all([page.waitForURL(/zapisano=1/), button.click()]);
    assert.equal(await page.inputValue("#pole-title"), "Zebranie rodziców – nowy termin");
    assert.match(fs.readFileSync(file, "utf8"), /^---\ntitle: Zebranie rodziców – nowy termin\n/);
    assert.deepEqual(kept(), [again], "the colleague's version is in the history");
    await page.goto(`${editor.base}/redakcja/historia?plik=${encodeURIComponent(MEETING)}`);
    assert.equal(await page.locator("main form[action$=przywroc-wersje]").count(), 1, "restorable from the history screen");
  } finally {
    await context.close();
  }
});

test("a form with an error and a file changed behind it shows the error first, then the conflict, keeping the changes", async () => {
  const { context, page } = await newPage();
  const file = path.join(editor.root, "content", FAIR);
  try {
    await page.goto(`${editor.base}/redakcja/edytuj?plik=${encodeURIComponent(FAIR)}`);
    await page.fill("#pole-title", "");
    await page.fill("#pole-category", "Wydarzenia");
    const theirs = FAIR_TEXT.replace("ozdoby", "ozdoby i pierniki");
    fs.writeFileSync(file, theirs);
    await writesNothing("an error and a conflict", async () => {
      const reply = await Promise.all([page.waitForNavigation(), page.click("button[value=zapisz]")]).then(([r]) => r);
      assert.equal(reply.status(), 422, "the error first, where it can be corrected");
      await fieldError(page, "pole-title", /tytuł/i);
      assert.equal(await page.inputValue("#pole-category"), "Wydarzenia", "the changes are kept");
    });
    await page.fill("#pole-title", "Kiermasz świąteczny w ośrodku");
    const reply = await Promise.all([page.waitForNavigation(), page.click("button[value=zapisz]")]).then(([r]) => r);
    assert.equal(reply.status(), 409, "then the conflict");
    assert.equal(fs.readFileSync(file, "utf8"), theirs);
    assert.match(await page.inputValue("#moja"), /title: Kiermasz świąteczny w ośrodku\n[\s\S]*category: Wydarzenia\n/);
    assert.equal(await page.inputValue("#ich"), theirs);
  } finally {
    await context.close();
  }
});

test("a photo sent after the session ended is refused with the reason, not a bare 'there is a problem'", async () => {
  const { context, page } = await newPage();
  try {
    await page.goto(editor.base + FORM);
    await context.clearCookies();
    await writesNothing("a photo without a session", async () => {
      const { sent } = await sendPhoto(page, { name: "stol.jpg", buffer: JPEG }, "Seniorzy przy stole");
      assert.equal(sent.length, 1);
      await fieldError(page, "zdjecie-plik-wgrany", /Twoja sesja się skończyła/, "form[action$=zdjecie]");
    });
  } finally {
    await context.close();
  }
});
