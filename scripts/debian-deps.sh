#!/usr/bin/env bash
# Installs what javadl needs from Debian's packages, if it is missing.
#   scripts/debian-deps.sh          Jupyter (notebook, console, nbconvert, nbclient), fonts
#   scripts/debian-deps.sh --test   also what the test suite drives: pytest, pexpect, numpy,
#                                   jupyter_kernel_test, tmux, Chromium (for the browser test)
# As root it installs with apt-get; otherwise it prints the exact command and fails.
set -euo pipefail

packages="jupyter-notebook jupyter-console jupyter-nbconvert python3-nbclient python3-ipykernel fonts-dejavu-core"
check='import jupyter_client, nbclient, notebook'
if [ "${1:-}" = "--test" ]; then
  packages="$packages python3-pytest python3-pexpect python3-numpy python3-jupyter-kernel-test tmux chromium nodejs npm"
  check="$check, pytest, pexpect, numpy, jupyter_kernel_test"
fi

missing=""
for p in $packages; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
# Node and npm may come from elsewhere than Debian (they do on some images): accept them on PATH.
if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
  missing=$(echo "$missing" | tr ' ' '\n' | grep -vx 'nodejs\|npm' | tr '\n' ' ')
fi
missing=$(echo "$missing" | xargs || true)
if [ -z "$missing" ] && /usr/bin/python3 -c "$check" >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "javadl needs these Debian packages: $missing" >&2
  echo "Install them with:  sudo apt-get install -y $missing" >&2
  exit 1
fi
echo "installing from Debian's packages: $missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing >/dev/null
