// Every generated HTML file is valid per the Nu HTML Checker (vnu-jar, run with Java).
"use strict";

const { test } = require("node:test");
const assert = require("node:assert/strict");
const { execFileSync } = require("node:child_process");
const path = require("node:path");
const { SITE_DIR } = require("./harness");

const VNU = path.join(__dirname, "node_modules", "vnu-jar", "build", "dist", "vnu.jar");

test("the Nu HTML Checker finds no errors in any page or stylesheet", () => {
  let output = "";
  try {
    execFileSync("java", ["-jar", VNU, "--errors-only", "--skip-non-html", "--format", "json", SITE_DIR], { stdio: "pipe" });
  } catch (e) {
    output = e.stderr.toString() || e.stdout.toString();
  }
  const messages = output ? JSON.parse(output).messages : [];
  const readable = messages.map((m) => `${m.url?.replace(/^file:.*?public/, "")}:${m.lastLine}: ${m.message}`);
  assert.deepEqual(readable, []);
  let css = "";
  try {
    execFileSync("java", ["-jar", VNU, "--errors-only", "--css", "--format", "json", path.join(SITE_DIR, "assets", "css")], { stdio: "pipe" });
  } catch (e) {
    css = e.stderr.toString() || e.stdout.toString();
  }
  const cssMessages = css ? JSON.parse(css).messages.map((m) => `${m.url}:${m.lastLine}: ${m.message}`) : [];
  assert.deepEqual(cssMessages, []);
});
