// Every generated HTML file is valid per the Nu HTML Checker (vnu-jar, run with Java).
"use strict";

const { test } = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const { SITE_DIR, vnuErrors } = require("./harness");

test("the Nu HTML Checker finds no errors in any page or stylesheet", () => {
  assert.deepEqual(vnuErrors(["--skip-non-html"], SITE_DIR), []);
  assert.deepEqual(vnuErrors(["--css"], path.join(SITE_DIR, "assets", "css")), []);
});
