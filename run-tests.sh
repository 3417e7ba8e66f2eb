#!/usr/bin/env bash
# The whole javadl test suite:
#   1. Java: the library's and the kernel's JUnit tests (Maven), which also build the kernel jar;
#   2. the kernel driven by Jupyter's own tools (pytest in tests/): jupyter_client protocol tests,
#      Jupyter's kernel conformance suite, every bundled notebook executed with nbclient and its
#      answers checked, jupyter console, protocol abuse, a soak, several kernels, a real browser
#      (headless Chromium: the classic Notebook, and JupyterLab 4 and Notebook 7 from the .venv).
#   3. the protocol, notebook, console, conformance and Lab-facing tests again with current clients from
#      the project's .venv (jupyter_client 8, nbclient 0.11, jupyter_console 6.6; scripts/python-env.sh
#      makes it), so the kernel is checked against both Debian's 2022-era clients and today's.
# Each test run installs the kernel it tests into a temporary Jupyter path.
# Environment: JAVADL_SKIP_BROWSER=1 skips the browser tests; PYTEST_ARGS adds pytest options;
# JAVADL_SKIP_MODERN=1 skips step 3.
set -euo pipefail
cd "$(dirname "$0")"
start=$(date +%s)

scripts/debian-deps.sh --test
# The .venv first: the set-up tests and the browser tests of JupyterLab 4 use it too; with PyTorch for
# tests/test_torch_parity.py (about 15 s to install from the local wheel, once).
venv=$(scripts/python-env.sh --with-torch)

if [ -f tests/browser/package.json ] && [ -z "${JAVADL_SKIP_BROWSER:-}" ]; then
  # playwright-core only: it drives Debian's /usr/bin/chromium and downloads no browser.
  (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi

echo "== Java tests (Maven)"
mvn -B -ntp verify

echo "== Kernel tests through Jupyter (pytest)"
# shellcheck disable=SC2086
/usr/bin/python3 -m pytest tests -p no:cacheprovider -ra ${PYTEST_ARGS:-}

if [ -z "${JAVADL_SKIP_MODERN:-}" ]; then
  echo "== The same kernel through current Jupyter clients ($venv)"
  "$venv/bin/python" -c 'import jupyter_client, nbclient, jupyter_console, sys
print(f"Python {sys.version.split()[0]}, jupyter_client {jupyter_client.__version__}, nbclient {nbclient.__version__}, jupyter_console {jupyter_console.__version__}")'
  # scripts/pycompat makes Debian's jupyter_kernel_test (not on the pip index) work with jupyter_client 8.
  # shellcheck disable=SC2086
  PYTHONPATH="$PWD/scripts/pycompat" "$venv/bin/python" -m pytest -p no:cacheprovider -ra ${PYTEST_ARGS:-} \
    tests/test_protocol.py tests/test_notebooks.py tests/test_console.py tests/test_conformance.py tests/test_lab_kernel.py \
    tests/test_widgets.py
fi

echo "== all tests passed in $(( $(date +%s) - start )) s"
