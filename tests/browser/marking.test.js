// The marking of funded projects is seen without scrolling (Annex IX of Regulation 2021/1060,
// art. 4(3) of Regulation 821/2014, and the programmes' rules for project sites), on a laptop
// (1366×768) and on a phone (375×667): on the project's page and on its posts' pages. Measured in
// Chromium on the example site (the built-in EU emblem with its words) and on a site whose
// project has its programme's strip (a wide picture with four signs) and the state budget's
// marking with the flag and emblem the site supplies.
"use strict";

const { before, after, test } = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const zlib = require("node:zlib");
const { execFileSync } = require("node:child_process");
const { startServer, launch, pageContaining } = require("./harness");

const REPO = path.resolve(__dirname, "../..");
const BINARY = path.join(REPO, "target/debug/tablica");
const VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 375, height: 667 },
];

/** A PNG of `width`×`height` in one colour (RGB), written by hand: CRC-32 and zlib. */
function png(width, height, rgb) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3).map((_, i) => rgb[i % 3])]);
  const pixels = zlib.deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", pixels),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

let tmp;
const servers = {};
let browser;

before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "tablica-marking-"));
  const write = (rel, data) => {
    fs.mkdirSync(path.dirname(path.join(tmp, rel)), { recursive: true });
    fs.writeFileSync(path.join(tmp, rel), data);
  };
  write(
    "content/site.yaml",
    [
      "title: Miejski Ośrodek Pomocy Społecznej w Jarzębinowie",
      "base_url: https://mops.example.org/",
      "organisation:\n  name: MOPS Jarzębinów",
      "menu:",
      "  - { title: Aktualności, url: /aktualnosci/ }",
      "  - { title: Projekty, url: /projekty/ }",
      "  - { title: Wydarzenia, url: /wydarzenia/ }",
      "  - { title: O nas, url: /o-nas/ }",
      "  - { title: Kontakt, url: /kontakt/ }",
      "marking:",
      "  state_signs: { src: znaki/flaga-godlo.png, signs: [Flaga Rzeczypospolitej Polskiej, Godło Rzeczypospolitej Polskiej] }",
      "",
    ].join("\n"),
  );
  write("content/znaki/flaga-godlo.png", png(240, 80, [220, 20, 60]));
  write("content/projects/aktywni/pasek-fe.png", png(1600, 170, [250, 250, 250]));
  write(
    "content/projects/aktywni/index.md",
    [
      "---",
      "title: Aktywni razem – program aktywizacji społeczno-zawodowej mieszkańców Jarzębinowa",
      "status: ongoing",
      "funding:",
      "  programme: Fundusze Europejskie dla Mazowsza 2021–2027",
      "  fund: Europejski Fundusz Społeczny Plus",
      "  eu_contribution: 100000",
      "  total_value: 120000",
      "  strip:",
      "    src: pasek-fe.png",
      "    signs: [Znak Funduszy Europejskich – Fundusze Europejskie dla Mazowsza, Barwy Rzeczypospolitej Polskiej, Znak Unii Europejskiej – Dofinansowane przez Unię Europejską, Herb Województwa Mazowieckiego]",
      "  project_number: FEMA.07.08-IP.01-0001/24",
      "  beneficiary: MOPS Jarzębinów",
      "  hashtag: true",
      "state_budget:",
      "  programme: Senior+ na lata 2021–2025",
      "  amount: 50000",
      "  total_value: 120000",
      "---",
      "Opis projektu.",
      "",
    ].join("\n"),
  );
  write(
    "content/posts/2026-11-20-spotkanie.md",
    "---\ntitle: Spotkanie uczestników projektu Aktywni razem w Klubie Integracji Społecznej\ndate: 2026-11-20\nproject: aktywni\n---\nTekst wpisu.\n",
  );
  execFileSync(BINARY, ["build", "--quiet", "--root", tmp], { stdio: ["ignore", "ignore", "pipe"] });
  servers.example = await startServer();
  servers.strip = await startServer(path.join(tmp, "public"));
  browser = await launch();
});

after(async () => {
  await browser?.close();
  for (const s of Object.values(servers)) s.server.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** Where the signs and words of the marking are, in CSS pixels from the top of the page. */
async function measure(server, url, viewport) {
  const context = await browser.newContext({ viewport });
  try {
    const page = await context.newPage();
    await page.goto(server.base + url);
    await page.evaluate(() => Promise.all([...document.querySelectorAll(".marking img")].map((i) => i.decode().catch(() => {}))));
    return await page.evaluate(() => {
      const box = (sel) => {
        const el = document.querySelector(sel);
        if (!el) return null;
        const r = el.getBoundingClientRect();
        return { top: r.top + scrollY, bottom: r.bottom + scrollY, height: r.height, width: r.width };
      };
      return {
        viewport: innerHeight,
        marking: box(".marking"),
        eu: box(".marking__eu img"),
        words: box(".marking__eu .marking__words"),
        state: box(".marking__state .marking__words"),
        signs: box(".marking__signs"),
        alt: document.querySelector(".marking__eu img")?.alt,
        scrollWidth: document.documentElement.scrollWidth,
        width: innerWidth,
      };
    });
  } finally {
    await context.close();
  }
}

const inFirstScreen = (m, what, label) => {
  assert.ok(m[what], `${label}: ${what} is on the page`);
  assert.ok(m[what].height > 0, `${label}: ${what} has a size`);
  assert.ok(m[what].bottom <= m.viewport, `${label}: ${what} ends at ${m[what].bottom}px, below the first screen (${m.viewport}px)`);
};

test("the example site's EU emblem and its words are in the first screen of the project and its post", async () => {
  const pages = ["/projekty/razem-aktywni/", postOf("razem-aktywni")];
  for (const viewport of VIEWPORTS) {
    for (const url of pages) {
      const label = `${url} at ${viewport.width}×${viewport.height}`;
      const m = await measure(servers.example, url, viewport);
      inFirstScreen(m, "eu", label);
      inFirstScreen(m, "words", label);
      assert.equal(m.alt, "Znak Unii Europejskiej", `${label}: the emblem is named`);
      assert.ok(m.scrollWidth <= m.width, `${label}: nothing wider than the screen`);
      console.log(`${label}: emblem ${Math.round(m.eu.top)}–${Math.round(m.eu.bottom)}px, words end ${Math.round(m.words.bottom)}px of ${m.viewport}px`);
    }
  }
});

test("a programme's strip and the state budget's marking are in the first screen", async () => {
  for (const viewport of VIEWPORTS) {
    for (const url of ["/projekty/aktywni/", "/aktualnosci/spotkanie/"]) {
      const label = `${url} at ${viewport.width}×${viewport.height}`;
      const m = await measure(servers.strip, url, viewport);
      inFirstScreen(m, "eu", label);
      assert.match(m.alt, /^Znak Funduszy Europejskich.*, Znak Unii Europejskiej.*, Herb Województwa Mazowieckiego$/, `${label}: the alt text names every sign`);
      assert.ok(m.eu.width <= viewport.width, `${label}: the strip fits the screen`);
      inFirstScreen(m, "signs", label);
      inFirstScreen(m, "state", label);
      assert.ok(m.scrollWidth <= m.width, `${label}: nothing wider than the screen`);
      console.log(`${label}: strip ${Math.round(m.eu.top)}–${Math.round(m.eu.bottom)}px, state budget ends ${Math.round(m.state.bottom)}px of ${m.viewport}px`);
    }
  }
});

/** The first post of the example site about the project `slug`. */
function postOf(slug) {
  const url = pageContaining(`<dd><a href="/projekty/${slug}/">`);
  assert.ok(url, `a post about ${slug}`);
  return url;
}

test("axe-core (WCAG 2.1 A/AA and experimental rules) finds nothing on the strip and state budget's pages", async () => {
  const AXE = path.join(__dirname, "node_modules", "axe-core", "axe.min.js");
  const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "experimental"];
  const context = await browser.newContext({ bypassCSP: true });
  try {
    const found = [];
    for (const url of ["/projekty/aktywni/", "/aktualnosci/spotkanie/", "/prywatnosc/"]) {
      const page = await context.newPage();
      await page.goto(servers.strip.base + url, { waitUntil: "load" });
      await page.addScriptTag({ path: AXE });
      const violations = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: "tag", values: tags } }).then((r) => r.violations), TAGS);
      for (const v of violations) found.push(`${url}: ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
      await page.close();
    }
    assert.deepEqual(found, []);
  } finally {
    await context.close();
  }
});
