// Shared set-up for the browser tests: a static file server on 127.0.0.1 serving the built
// example site like static hosting would, and a headless Chromium from Debian's package.
"use strict";

const http = require("node:http");
const fs = require("node:fs");
const path = require("node:path");
const { execFileSync, spawn } = require("node:child_process");
const { before, after, beforeEach, afterEach } = require("node:test");
const { chromium } = require("playwright-core");

const SITE_DIR = process.env.SITE_DIR;
if (!SITE_DIR || !fs.existsSync(path.join(SITE_DIR, "index.html"))) {
  throw new Error("SITE_DIR must point to a built site (run tests/browser/run.sh)");
}

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".jpg": "image/jpeg",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".pdf": "application/pdf",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".gif": "image/gif",
  ".ico": "image/x-icon",
  ".json": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json; charset=utf-8",
  ".woff2": "font/woff2",
};

/** Serves the built site in `dir` (the example site by default). */
function startServer(dir = SITE_DIR) {
  const root = fs.realpathSync(dir);
  const server = http.createServer((req, res) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, "http://localhost").pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    let file = path.join(root, pathname);
    if (file !== root && !file.startsWith(root + path.sep)) {
      res.writeHead(400).end();
      return;
    }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
      if (!pathname.endsWith("/")) {
        // Like static hosting: /x → /x/ (pretty URLs).
        res.writeHead(301, { Location: pathname + "/" }).end();
        return;
      }
      file = path.join(file, "index.html");
    }
    if (!fs.existsSync(file)) {
      res.writeHead(404, { "Content-Type": TYPES[".html"] });
      res.end(fs.readFileSync(path.join(root, "404.html")));
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] || "application/octet-stream" });
    res.end(fs.readFileSync(file));
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => resolve({ server, base: `http://127.0.0.1:${server.address().port}` }));
  });
}

async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
}

/**
 * Registers the hooks a browser test file needs and returns their live state: the site server
 * (`base`) and Chromium (`browser`) for the whole file and, with `{ page: true }`, a fresh
 * `context` and `page` for every test. `dir` serves another built site instead of the example
 * site: a function returning its folder, called when the tests start (after the file has
 * built it in its own `before` hook, registered first).
 */
function useBrowser({ page = false, dir } = {}) {
  const state = {};
  before(async () => {
    Object.assign(state, await startServer(dir ? dir() : SITE_DIR));
    state.browser = await launch();
  });
  after(async () => {
    await state.browser?.close();
    state.server?.close();
  });
  if (page) {
    beforeEach(async () => {
      state.context = await state.browser.newContext();
      state.page = await state.context.newPage();
    });
    afterEach(async () => state.context?.close());
  }
  return state;
}

/** Every HTML page of the built site in `root` (the example site by default), as URL paths
 * ("/", "/aktualnosci/", ...). */
function allPages(root = SITE_DIR) {
  const pages = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".html")) {
        const rel = "/" + path.relative(root, full).split(path.sep).join("/");
        pages.push(rel.endsWith("/index.html") || rel === "/index.html" ? rel.slice(0, -"index.html".length) : rel);
      }
    }
  };
  walk(root);
  return pages.sort();
}

function fileOf(url) {
  return url.endsWith("/") ? path.join(SITE_DIR, url, "index.html") : path.join(SITE_DIR, url);
}

/** The first page whose HTML contains `needle`. */
function pageContaining(needle) {
  return allPages().find((p) => {
    return fs.readFileSync(fileOf(p), "utf8").includes(needle);
  });
}

/**
 * One URL of every page type of the example site, found in the built output. A type that
 * cannot be found is an error (the test must not silently check fewer pages).
 * `notFound` is a URL that does not exist: the server answers it with /404.html and status 404.
 */
function pageTypes() {
  const pages = new Set(allPages());
  const list = [...pages];
  const html = (p) => fs.readFileSync(fileOf(p), "utf8");
  const main = (p) => (html(p).match(/<main[\s\S]*<\/main>/) || [""])[0];
  const isPost = (p) => /^\/aktualnosci\/[^/]+\/$/.test(p) && p !== "/aktualnosci/strona/";
  const isProject = (p) => /^\/projekty\/[^/]+\/$/.test(p);
  const exact = (p) => (pages.has(p) ? p : undefined);
  // Upcoming and past events depend on the build's date (run.sh pins TABLICA_NOW): the home
  // page and the events page count only when they show both kinds, so that a date that
  // leaves them empty fails here instead of silently testing less.
  const item = 'class="event-list__item"';
  const home = new RegExp(`id="events-heading"[\\s\\S]*?${item}`);
  const events = new RegExp(`id="upcoming-heading"[\\s\\S]*?${item}[\\s\\S]*id="past-heading"[\\s\\S]*?${item}`);
  const showing = (p, re) => (pages.has(p) && re.test(main(p)) ? p : undefined);
  const types = {
    "home with upcoming events": showing("/", home),
    "news list": exact("/aktualnosci/"),
    "news list page 2": exact("/aktualnosci/strona/2/"),
    "post with a gallery": list.find((p) => isPost(p) && /data-lightbox/.test(main(p))),
    "post without photos": list.find((p) => isPost(p) && main(p) && !/<img\b/.test(main(p))),
    "post with a video": list.find((p) => isPost(p) && /data-video-embed/.test(main(p))),
    "post with an event": list.find((p) => isPost(p) && /class="event-box"/.test(main(p))),
    "events page with upcoming and past events": showing("/wydarzenia/", events),
    "project with funding": list.find((p) => isProject(p) && /class="funding/.test(main(p))),
    "projects list": exact("/projekty/"),
    "tag page": list.find((p) => /^\/tagi\/[^/]+\/$/.test(p)),
    "tags list": exact("/tagi/"),
    "category page": list.find((p) => /^\/kategorie\/[^/]+\/$/.test(p)),
    "categories list": exact("/kategorie/"),
    "yearly archive": list.find((p) => /^\/archiwum\/\d{4}\/$/.test(p)),
    "archive list": exact("/archiwum/"),
    "static page": exact("/o-nas/"),
    "accessibility statement": exact("/deklaracja-dostepnosci/"),
    "privacy notice": exact("/prywatnosc/"),
    "search with results": pages.has("/szukaj/") ? "/szukaj/?q=warsztaty" : undefined,
    "404": pages.has("/404.html") ? "/nie-ma-takiej-strony/" : undefined,
  };
  const missing = Object.entries(types).filter(([, url]) => !url).map(([name]) => name);
  if (missing.length) throw new Error(`page types not found in ${SITE_DIR}: ${missing.join(", ")}`);
  return types;
}

/** The shortcut configuration a page carries (from its JSON data block). */
async function shortcuts(page) {
  const config = await page.evaluate(() => JSON.parse(document.getElementById("tablica-config").textContent));
  return Object.fromEntries(config.shortcuts.map((s) => [s.action, s.keys]));
}

/** Playwright's name for a combination such as "Alt+Shift+6". */
function playwrightKeys(keys) {
  return keys.replace(/\+(\d)$/, "+Digit$1").replace("Ctrl", "Control");
}

const BIN = process.env.TABLICA_BIN || path.join(__dirname, "..", "..", "target", "debug", "tablica");

/**
 * Registers hooks that run `tablica <command>` (`serve` or `edit`) on a new site in a temporary
 * folder made of `files` (path under the site root → text) and returns its live state: `root`
 * (the site's folder), `base` (its address, e.g. http://127.0.0.1:1234) and `write(rel, text)`.
 */
function useTablica(command, files) {
  const running = {
    write(rel, text) {
      const file = path.join(running.root, rel);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
    },
  };
  before(async () => {
    running.root = fs.mkdtempSync(path.join(require("node:os").tmpdir(), `tablica-${command}-`));
    for (const [rel, text] of Object.entries(files)) running.write(rel, text);
    running.child = spawn(BIN, [command, "--port", "0", "--root", running.root], { stdio: ["ignore", "pipe", "pipe"] });
    running.base = await new Promise((resolve, reject) => {
      let out = "";
      running.child.stdout.on("data", (chunk) => {
        out += chunk;
        const found = out.match(/http:\/\/127\.0\.0\.1:\d+/);
        if (found) resolve(found[0]);
      });
      running.child.on("exit", (code) => reject(new Error(`tablica ${command} ended (${code}): ${out}`)));
    });
  });
  after(() => {
    running.child?.kill();
    fs.rmSync(running.root, { recursive: true, force: true });
  });
  return running;
}

/** [`useTablica`] with `tablica edit`: the editor is at `base + "/redakcja/"`. */
const useEditor = (files) => useTablica("edit", files);

const VNU = path.join(__dirname, "node_modules", "vnu-jar", "build", "dist", "vnu.jar");

/** The Nu HTML Checker's errors for `target` (extra options first), as "file:line: message". */
function vnuErrors(options, target) {
  let output = "";
  try {
    execFileSync("java", ["-jar", VNU, "--errors-only", ...options, "--format", "json", target], { stdio: "pipe" });
  } catch (e) {
    output = e.stderr.toString() || e.stdout.toString();
  }
  const messages = output ? JSON.parse(output).messages : [];
  return messages.map((m) => `${(m.url || "").replace(/^file:.*?public/, "")}:${m.lastLine}: ${m.message}`);
}

module.exports = {
  SITE_DIR,
  startServer,
  launch,
  useBrowser,
  allPages,
  fileOf,
  pageContaining,
  pageTypes,
  shortcuts,
  playwrightKeys,
  vnuErrors,
  useEditor,
  useTablica,
};
