"""The tour notebook in a real browser: classic Jupyter Notebook + headless Chromium.

A Notebook server from Debian's ``jupyter-notebook`` package runs on 127.0.0.1 (free port, token
auth, ``--no-browser``) over a temporary directory holding a copy of ``notebooks/00-tour.ipynb``.
``tests/browser/run-notebook.mjs`` drives Debian's ``/usr/bin/chromium`` through
``playwright-core`` (from npm): it opens the notebook with the ``java-dl`` kernel, runs
Cell > Run All, and reports what is on the page; then it starts ``while (true) {}``, presses the
toolbar's interrupt button and runs one more cell. This test asserts on that report.

Set-up (the project's test script does this before pytest):

    apt-get install -y chromium jupyter-notebook nodejs
    (cd tests/browser && npm ci)

Skipped only if ``/usr/bin/chromium`` or ``node`` is missing; if ``tests/browser/node_modules``
is missing the test runs ``npm ci`` itself. Screenshots, the page report and the server log go
to ``test-artifacts/browser/`` (git-ignored).
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
SCRIPT = BROWSER_DIR / "run-notebook.mjs"
CHROMIUM = Path(os.environ.get("JAVADL_CHROMIUM", "/usr/bin/chromium"))
NODE = shutil.which("node")
NOTEBOOK = os.environ.get("JAVADL_BROWSER_NOTEBOOK", str(REPO / "notebooks" / "00-tour.ipynb"))
ARTIFACTS = REPO / "test-artifacts" / "browser"
RUN_TIMEOUT = float(os.environ.get("JAVADL_BROWSER_TIMEOUT", "420"))

pytestmark = [
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is missing (apt-get install chromium)"),
    pytest.mark.skipif(NODE is None, reason="node is missing (apt-get install nodejs)"),
    # the first test to ask for browser_run pays for the whole run (server, kernel, browser)
    pytest.mark.timeout(RUN_TIMEOUT + 120),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ensure_node_modules():
    if (BROWSER_DIR / "node_modules" / "playwright-core").is_dir():
        return
    p = subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=BROWSER_DIR, capture_output=True,
                       text=True, timeout=300)
    if p.returncode != 0:
        pytest.fail(f"`npm ci` in {BROWSER_DIR} failed:\n{p.stdout}\n{p.stderr}", pytrace=False)


class NotebookServer:
    """Debian's classic ``jupyter notebook`` over ``root``; a subclass names another server
    (``command``) and environment (``environment``), and gets the start-up wait, the API and stop."""

    what = "jupyter notebook"
    start_timeout = 60

    def command(self, root: Path) -> list:
        return ["/usr/bin/jupyter", "notebook", "--no-browser", "--ip=127.0.0.1", f"--port={self.port}",
                "--port-retries=0", f"--NotebookApp.token={self.token}", f"--notebook-dir={root}",
                "--NotebookApp.open_browser=False"] + (["--allow-root"] if os.geteuid() == 0 else [])

    def environment(self, root: Path) -> dict:
        runtime = root.parent / "jupyter-runtime"
        config = root.parent / "jupyter-config"
        runtime.mkdir(exist_ok=True)
        config.mkdir(exist_ok=True)
        return dict(os.environ, JUPYTER_RUNTIME_DIR=str(runtime), JUPYTER_CONFIG_DIR=str(config))

    def __init__(self, root: Path, log_path: Path):
        self.port = free_port()
        self.token = uuid.uuid4().hex
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = open(log_path, "wb")
        self.proc = subprocess.Popen(self.command(root), cwd=root, env=self.environment(root), stdout=self.log,
                                     stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + self.start_timeout
        while True:
            if self.proc.poll() is not None:
                raise AssertionError(f"{self.what} exited with {self.proc.returncode}; log:\n"
                                     f"{log_path.read_text(errors='replace')[-3000:]}")
            try:
                self.api("GET", "/api/status")
                return
            except OSError:
                if time.monotonic() > deadline:
                    raise AssertionError(f"{self.what} did not answer on {self.base} within {self.start_timeout} s")
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


@pytest.fixture(scope="module")
def browser_run(kernel_name, tmp_path_factory):
    """Starts the Notebook server, runs run-notebook.mjs once for the whole module, and returns
    its report (results.json); the tests below each check one part of it."""
    ensure_node_modules()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for old in ARTIFACTS.glob("*.png"):
        old.unlink()
    root = tmp_path_factory.mktemp("browser") / "notebooks"
    root.mkdir()
    shutil.copy(NOTEBOOK, root / Path(NOTEBOOK).name)
    server = NotebookServer(root, ARTIFACTS / "notebook-server.log")
    try:
        name = Path(NOTEBOOK).name
        t0 = time.perf_counter()
        p = subprocess.run(
            [NODE, str(SCRIPT), "--base", server.base, "--token", server.token,
             "--notebook", name, "--out", str(ARTIFACTS), "--chromium", str(CHROMIUM),
             "--timeout", str(int(RUN_TIMEOUT - 60))],
            cwd=BROWSER_DIR, capture_output=True, text=True, timeout=RUN_TIMEOUT)
        elapsed = time.perf_counter() - t0
    finally:
        server.stop()
    (ARTIFACTS / "node-output.txt").write_text(p.stdout + "\n--- stderr ---\n" + p.stderr)
    results_file = ARTIFACTS / "results.json"
    assert results_file.exists(), f"run-notebook.mjs wrote no results (exit {p.returncode}):\n{p.stdout}\n{p.stderr}"
    r = json.loads(results_file.read_text())
    r["elapsed"] = elapsed
    r["stderr_tail"] = p.stderr[-2000:]
    return r


def page_of(r):
    assert r.get("ok"), f"the browser run failed: {r.get('failure')}\nsteps: {r.get('steps')}\n" \
                        f"see {ARTIFACTS} for screenshots\n{r['stderr_tail']}"
    return r["page"]


def test_run_all_completes_without_errors(browser_run):
    r = browser_run
    page = page_of(r)
    print(f"\n[browser] {r['notebook']}: run all {r['run_all_seconds']:.1f}s, whole browser run {r['elapsed']:.1f}s; "
          f"{len(page['imgs'])} images, {len(page['tables'])} tables, {len(page['svgs'])} svgs; "
          f"interrupt stopped the busy cell in {r['interrupt']['seconds_to_stop']:.2f}s; chromium {r.get('browser_version')}")
    assert r["kernel_name"] == "java-dl"
    # every code cell ran (a number in its prompt, none left at In [*])
    assert page["code_cells"] > 0 and all(isinstance(n, int) for n in page["prompts"]), page["prompts"]
    # no error output anywhere, no tracebacks on stderr
    assert page["errors"] == [], "error outputs in the notebook:\n" + "\n---\n".join(page["errors"])
    assert page["stderr"] == [], "stderr outputs in the notebook:\n" + "\n---\n".join(page["stderr"])
    # nothing broke in the page's JavaScript
    assert r["page_errors"] == [], r["page_errors"]


def test_plots_are_visible_images(browser_run):
    page = page_of(browser_run)
    assert len(page["imgs"]) >= 3, f"expected the tour's plots as images, found {page['imgs']}"
    for img in page["imgs"]:
        assert img["natural"][0] > 0 and img["natural"][1] > 0, f"an image did not load: {img}"
        assert img["w"] > 50 and img["h"] > 50, f"an image has no size on screen: {img}"


def test_tables_are_tables(browser_run):
    page = page_of(browser_run)
    assert page["tables"], "no HTML table in the outputs"
    for t in page["tables"]:
        assert t["rows"] >= 2 and t["cells"] >= 4 and t["w"] > 0 and t["h"] > 0, f"an empty table: {t}"


def test_graph_svg_is_drawn(browser_run):
    """graph(loss) offers text/html (a table of the nodes) and image/svg+xml (the drawing); the
    drawing must be what the Notebook shows (it prefers text/html to image/svg+xml)."""
    page = page_of(browser_run)
    assert page["svgs"], "no SVG drawn in the outputs: graph(loss) showed only its HTML table"
    for s in page["svgs"]:
        assert s["children"] > 0 and s["descendants"] >= 3, f"an empty SVG: {s}"
        assert s["bbox"] and s["bbox"][0] > 0 and s["bbox"][1] > 0, f"an SVG with an empty bounding box: {s}"
        assert s["w"] > 0 and s["h"] > 0, f"an SVG with no size on screen: {s}"


def test_interrupt_button_stops_busy_cell(browser_run):
    r = browser_run
    page_of(r)
    intr = r["interrupt"]
    assert intr["busy_cell_was_running"], "the while (true) {} cell was not running when interrupted"
    assert intr["seconds_to_stop"] < 30, intr
    assert intr["next_cell_output"].strip() == "42", intr
    assert intr["kernel_name_after"] == "java-dl"
    # interrupted, not restarted
    assert "restart" not in " ".join(s["name"] for s in r["steps"]).lower()
