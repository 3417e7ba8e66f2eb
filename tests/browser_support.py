"""What the browser tests share: where Chromium, node and the scripts are, a Jupyter server started
for one test module (free port, token, its own runtime/config directories), and running one of the
``tests/browser/*.mjs`` scripts to get its ``results.json``.

Used by ``test_browser.py`` (classic Notebook from Debian) and ``test_browser_lab.py`` (JupyterLab 4
and Notebook 7 from the project's ``.venv``).
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
import uuid
from pathlib import Path

import pytest

from conftest import REPO

BROWSER_DIR = REPO / "tests" / "browser"
CHROMIUM = Path(os.environ.get("JAVADL_CHROMIUM", "/usr/bin/chromium"))
NODE = shutil.which("node")
SKIP_BROWSER = bool(os.environ.get("JAVADL_SKIP_BROWSER"))

#: skip marks every browser test module carries
BROWSER_MARKS = [
    pytest.mark.skipif(SKIP_BROWSER, reason="JAVADL_SKIP_BROWSER is set"),
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is missing (apt-get install chromium)"),
    pytest.mark.skipif(NODE is None, reason="node is missing (apt-get install nodejs)"),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ensure_node_modules():
    """``npm ci`` in tests/browser unless playwright-core is already there (run-tests.sh does it first)."""
    if (BROWSER_DIR / "node_modules" / "playwright-core").is_dir():
        return
    p = subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=BROWSER_DIR, capture_output=True,
                       text=True, timeout=300)
    if p.returncode != 0:
        pytest.fail(f"`npm ci` in {BROWSER_DIR} failed:\n{p.stdout}\n{p.stderr}", pytrace=False)


class JupyterServer:
    """A Jupyter server process on 127.0.0.1 over ``root``, answering ``/api/status`` when constructed.

    ``command(port, token)`` gives its argv; ``env`` is added to the environment (the runtime and
    config directories are always private ones next to ``root``).
    """

    def __init__(self, command, root: Path, log_path: Path, env: dict | None = None, what: str = "jupyter"):
        self.port = free_port()
        self.token = uuid.uuid4().hex
        self.base = f"http://127.0.0.1:{self.port}"
        self.what = what
        runtime = root.parent / "jupyter-runtime"
        config = root.parent / "jupyter-config"
        runtime.mkdir(exist_ok=True)
        config.mkdir(exist_ok=True)
        full_env = dict(os.environ, JUPYTER_RUNTIME_DIR=str(runtime), JUPYTER_CONFIG_DIR=str(config), **(env or {}))
        argv = command(self.port, self.token) + (["--allow-root"] if os.geteuid() == 0 else [])
        self.log = open(log_path, "wb")
        self.proc = subprocess.Popen(argv, cwd=root, env=full_env, stdout=self.log, stderr=subprocess.STDOUT,
                                     start_new_session=True)
        deadline = time.monotonic() + 90
        while True:
            if self.proc.poll() is not None:
                raise AssertionError(f"{what} exited with {self.proc.returncode}; log:\n"
                                     f"{log_path.read_text(errors='replace')[-3000:]}")
            try:
                self.api("GET", "/api/status")
                return
            except OSError:
                if time.monotonic() > deadline:
                    self.stop()
                    raise AssertionError(f"{what} did not answer on {self.base} within 90 s")
                time.sleep(0.3)

    def api(self, method: str, path: str):
        req = urllib.request.Request(f"{self.base}{path}", method=method,
                                     headers={"Authorization": f"token {self.token}"})
        with urllib.request.urlopen(req, timeout=10) as r:
            body = r.read()
        return json.loads(body) if body else None

    def stop(self):
        try:
            for k in self.api("GET", "/api/kernels") or []:
                self.api("DELETE", f"/api/kernels/{k['id']}")
        except OSError:
            pass
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(10)
        self.log.close()


def run_script(script: Path, args: list[str], out: Path, timeout: float) -> dict:
    """Runs ``node script args --out OUT``; returns OUT/results.json with ``elapsed`` and ``stderr_tail`` added."""
    t0 = time.perf_counter()
    p = subprocess.run([NODE, str(script), *args, "--out", str(out), "--chromium", str(CHROMIUM)],
                       cwd=BROWSER_DIR, capture_output=True, text=True, timeout=timeout)
    elapsed = time.perf_counter() - t0
    (out / "node-output.txt").write_text(p.stdout + "\n--- stderr ---\n" + p.stderr)
    results_file = out / "results.json"
    assert results_file.exists(), f"{script.name} wrote no results (exit {p.returncode}):\n{p.stdout}\n{p.stderr}"
    r = json.loads(results_file.read_text())
    r["elapsed"] = elapsed
    r["stderr_tail"] = p.stderr[-2000:]
    return r


def fresh_artifacts(path: Path) -> Path:
    """``path`` emptied of an earlier run's screenshots and reports (created if missing)."""
    path.mkdir(parents=True, exist_ok=True)
    for old in path.iterdir():
        if old.is_file() and old.suffix in (".png", ".json", ".txt", ".log"):
            old.unlink()
    return path
