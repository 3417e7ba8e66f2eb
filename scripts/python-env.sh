#!/usr/bin/env bash
# Creates or updates the project's virtual environment (.venv, ignored by git) with the pinned
# packages of scripts/requirements/*.txt, from whatever package index pip is configured to use.
# No root needed. Running it again only installs what changed.
#   scripts/python-env.sh          create/update .venv, print its path
#   scripts/python-env.sh --with-torch   also install scripts/requirements/torch.txt (PyTorch, for
#                                  tests/test_torch_parity.py; kept out of the default environment)
#   JAVADL_VENV=DIR                use DIR instead of .venv
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
venv="${JAVADL_VENV:-$root/.venv}"
python="${PYTHON:-python3}"
with_torch=
if [ "${1:-}" = "--with-torch" ]; then with_torch=1; fi

if ! command -v "$python" >/dev/null 2>&1; then
  echo "javadl needs Python 3 (3.9 or newer) with venv and pip. On Debian: sudo apt-get install -y python3 python3-venv python3-pip" >&2
  exit 1
fi
if [ ! -x "$venv/bin/python" ]; then
  if ! "$python" -m venv "$venv" >/dev/null 2>&1; then
    rm -rf "$venv"
    echo "javadl could not create a virtual environment with $python. On Debian: sudo apt-get install -y python3-venv" >&2
    exit 1
  fi
fi
if ! "$venv/bin/python" -m pip --version >/dev/null 2>&1; then
  echo "the virtual environment $venv has no pip. On Debian: sudo apt-get install -y python3-pip python3-venv, then rm -r $venv and run this again" >&2
  exit 1
fi
stamp="$venv/.javadl-requirements"
base_reqs=()
for f in "$root"/scripts/requirements/*.txt; do
  [ "$(basename "$f")" = torch.txt ] || base_reqs+=("$f")
done
want=$(cat "${base_reqs[@]}" | sha256sum | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "installing Python packages into $venv (scripts/requirements/*.txt)" >&2
  reqs=()
  for f in "${base_reqs[@]}"; do reqs+=(-r "$f"); done
  # --retries 0: where the default index is out of reach (an offline or local-index machine), fail
  # over to the configured extra indexes at once instead of backing off for minutes per package.
  "$venv/bin/python" -m pip install -q --disable-pip-version-check --retries 0 --timeout 15 "${reqs[@]}" 2>&1 \
    | grep -v -e 'Retrying (Retry' -e 'is ignored: it is neither a file nor a directory' >&2 || true
  "$venv/bin/python" -c 'import jupyterlab, notebook, jupyter_client, nbclient' \
    || { echo "installing the Python packages into $venv failed (see above)" >&2; exit 1; }
  echo "$want" > "$stamp"
fi
if [ -n "$with_torch" ]; then
  torch_stamp="$venv/.javadl-torch"
  torch_want=$(sha256sum < "$root/scripts/requirements/torch.txt" | cut -d' ' -f1)
  if [ "$(cat "$torch_stamp" 2>/dev/null)" != "$torch_want" ]; then
    echo "installing PyTorch into $venv (scripts/requirements/torch.txt)" >&2
    "$venv/bin/python" -m pip install -q --disable-pip-version-check --retries 0 --timeout 15 \
      -r "$root/scripts/requirements/torch.txt" 2>&1 \
      | grep -v -e 'Retrying (Retry' -e 'is ignored: it is neither a file nor a directory' >&2 || true
    "$venv/bin/python" -c 'import torch' \
      || { echo "installing PyTorch into $venv failed (see above)" >&2; exit 1; }
    echo "$torch_want" > "$torch_stamp"
  fi
fi
echo "$venv"
