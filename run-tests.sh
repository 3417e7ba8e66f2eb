#!/usr/bin/env bash
# The whole javadl test suite:
#   1. Java: the library's and the kernel's JUnit tests (Maven), which also build the kernel jar;
#   2. the kernel driven by Jupyter's own tools (pytest in tests/): jupyter_client protocol tests,
#      Jupyter's kernel conformance suite, every bundled notebook executed with nbclient and its
#      answers checked, jupyter console, protocol abuse, a soak, several kernels, a real browser.
# Each test run installs the kernel it tests into a temporary Jupyter path.
# Environment: JAVADL_SKIP_BROWSER=1 skips the browser test; PYTEST_ARGS adds pytest options.
set -euo pipefail
cd "$(dirname "$0")"
start=$(date +%s)

scripts/debian-deps.sh --test

if [ -f tests/browser/package.json ] && [ -z "${JAVADL_SKIP_BROWSER:-}" ]; then
  # playwright-core only: it drives Debian's /usr/bin/chromium and downloads no browser.
  (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi

echo "== Java tests (Maven)"
mvn -B -ntp verify

echo "== Kernel tests through Jupyter (pytest)"
# shellcheck disable=SC2086
/usr/bin/python3 -m pytest tests -p no:cacheprovider -ra ${PYTEST_ARGS:-}

echo "== all tests passed in $(( $(date +%s) - start )) s"
