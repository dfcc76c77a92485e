// Every generated HTML file is valid per the Nu HTML Checker (vnu-jar, run with Java).
"use strict";

const { test } = require("node:test");
const assert = require("node:assert/strict");
const { execFileSync } = require("node:child_process");
const path = require("node:path");
const { SITE_DIR } = require("./harness");

const VNU = path.join(__dirname, "node_modules", "vnu-jar", "build", "dist", "vnu.jar");

/** The checker's errors for `target` (extra options first), as "file:line: message". */
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

test("the Nu HTML Checker finds no errors in any page or stylesheet", () => {
  assert.deepEqual(vnuErrors(["--skip-non-html"], SITE_DIR), []);
  assert.deepEqual(vnuErrors(["--css"], path.join(SITE_DIR, "assets", "css")), []);
});
