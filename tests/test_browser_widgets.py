"""Widgets in JupyterLab 4 with ipywidgets 8.1 / jupyterlab_widgets 3.0, in a real browser.

A ``jupyter lab`` from the project's ``.venv`` (``scripts/python-env.sh``; it has ipywidgets and
jupyterlab_widgets) runs on 127.0.0.1 over a temporary directory with an empty ``java-dl``
notebook; ``tests/browser/run-widgets.mjs`` drives Debian's ``/usr/bin/chromium`` through
``playwright-core`` and types the cells: an ``interact`` plot whose slider it drags (the image
must change), a button printing into an Output widget, a Play button driving a slider through
``jslink`` while the kernel updates a label, and a callback that throws (its error must show in
the widget's output). The tests here assert on its report. About 40 s on 2 vCPUs, most of it
JupyterLab's start.

Screenshots and the report go to ``test-artifacts/browser-widgets/`` (git-ignored). Skipped if
Chromium, node or the .venv's JupyterLab or jupyterlab_widgets is missing.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import time
from pathlib import Path

import pytest

from conftest import REPO
from browser_support import BROWSER_DIR, CHROMIUM, NODE, JupyterServer, ensure_node_modules

SCRIPT = BROWSER_DIR / "run-widgets.mjs"
VENV = Path(os.environ.get("JAVADL_VENV", REPO / ".venv"))
ARTIFACTS = REPO / "test-artifacts" / "browser-widgets"
RUN_TIMEOUT = float(os.environ.get("JAVADL_BROWSER_TIMEOUT", "300"))
NOTEBOOK = "widgets.ipynb"
#: JupyterLab 4.6's own error, whatever the kernel: its debugger sidebar asks a kernel without a
#: debugger for its modules after each execute_reply, and throws.
LAB_OWN_ERRORS = re.compile(r"No active debugger session\s+at \S+\.displayModules")


def _has_lab_widgets() -> bool:
    return any((VENV / "share" / "jupyter" / "labextensions" / "@jupyter-widgets" / "jupyterlab-manager").glob("package.json"))


pytestmark = [
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is missing (apt-get install chromium)"),
    pytest.mark.skipif(NODE is None, reason="node is missing (apt-get install nodejs)"),
    pytest.mark.skipif(not (VENV / "bin" / "jupyter-lab").exists(), reason=f"no JupyterLab in {VENV} (run scripts/python-env.sh)"),
    pytest.mark.skipif(not _has_lab_widgets(), reason=f"no jupyterlab_widgets in {VENV} (run scripts/python-env.sh)"),
    pytest.mark.skipif(bool(os.environ.get("JAVADL_SKIP_BROWSER")), reason="JAVADL_SKIP_BROWSER is set"),
    pytest.mark.timeout(RUN_TIMEOUT + 120),
]


def lab_server(root: Path, log_path: Path) -> JupyterServer:
    """``jupyter lab`` from the .venv over ``root``, with private settings, workspaces and data directories."""
    base = root.parent
    settings = base / "lab-settings" / "@jupyterlab" / "apputils-extension"
    settings.mkdir(parents=True, exist_ok=True)
    # no news or update toast over the notebook, no calls out
    (settings / "notification.jupyterlab-settings").write_text(json.dumps({"fetchNews": "false", "checkForUpdates": False}))
    env = dict(JUPYTERLAB_SETTINGS_DIR=str(base / "lab-settings"), JUPYTERLAB_WORKSPACES_DIR=str(base / "lab-workspaces"),
               JUPYTER_DATA_DIR=str(base / "jupyter-data"))
    command = lambda port, token: [  # noqa: E731
        str(VENV / "bin" / "jupyter"), "lab", "--no-browser", "--ip=127.0.0.1", f"--port={port}", "--port-retries=0",
        f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        # window.jupyterapp: the probes read Lab's own model of cells and kernel state
        "--LabApp.expose_app_in_browser=True"]
    return JupyterServer(command, root, log_path, env=env, what="jupyter lab")


def empty_notebook() -> dict:
    return {"cells": [{"cell_type": "code", "execution_count": None, "id": "start", "metadata": {}, "outputs": [],
                       "source": "// widget checks follow"}],
            "metadata": {"kernelspec": {"name": "java-dl", "display_name": "Java (javadl)", "language": "java"},
                         "language_info": {"name": "java"}},
            "nbformat": 4, "nbformat_minor": 5}


@pytest.fixture(scope="module")
def widgets_run(kernel_name, tmp_path_factory):
    ensure_node_modules()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for old in ARTIFACTS.glob("*"):
        old.unlink()
    base = tmp_path_factory.mktemp("browser-widgets")
    root = base / "root"
    root.mkdir()
    (root / NOTEBOOK).write_text(json.dumps(empty_notebook()))
    server = lab_server(root, ARTIFACTS / "server.log")
    try:
        t0 = time.perf_counter()
        p = subprocess.run([NODE, str(SCRIPT), "--base", server.base, "--token", server.token, "--notebook", NOTEBOOK,
                            "--out", str(ARTIFACTS), "--chromium", str(CHROMIUM), "--timeout", str(int(RUN_TIMEOUT / 3))],
                           cwd=BROWSER_DIR, capture_output=True, text=True, timeout=RUN_TIMEOUT)
        elapsed = time.perf_counter() - t0
    finally:
        server.stop()
    (ARTIFACTS / "node-output.txt").write_text(p.stdout + "\n--- stderr ---\n" + p.stderr)
    results = ARTIFACTS / "results.json"
    assert results.exists(), f"run-widgets.mjs wrote no results (exit {p.returncode}):\n{p.stdout}\n{p.stderr}"
    r = json.loads(results.read_text())
    assert r.get("ok"), f"the browser run failed: {r.get('failure')}\nsteps: {r.get('steps')}\nsee {ARTIFACTS}"
    r["elapsed"] = elapsed
    print(f"\n[browser-widgets] whole run {elapsed:.1f}s (page part {r['seconds']:.1f}s), chromium {r.get('browser_version')}")
    return r


def test_dragging_the_slider_redraws_the_interact_plot(widgets_run):
    i = widgets_run["interact"]
    assert widgets_run["kernel_name"] == "java-dl"
    assert i["readout_before"] == "1.00"
    assert i["image_changed"], i
    assert i["readout_after"] != i["readout_before"], i
    # the kernel holds what the slider shows, and the output shows one plot, not a pile of them
    assert float(i["kernel_k"]) == pytest.approx(float(i["readout_after"]), abs=0.005), i
    assert i["images_in_output"] == 1 and i["images_in_cell"] == 1, i
    assert i["redraw_seconds"] < 30, i


def test_button_clicks_print_into_the_output_widget(widgets_run):
    b = widgets_run["button"]
    assert b["output_text"] == "clicked 1\nclicked 2", b
    assert b["kernel_clicks"] == "2"


def test_play_drives_the_slider_through_jslink_and_the_kernel_follows(widgets_run):
    p = widgets_run["play"]
    assert p == {"label": "at 5", "readout": "5", "kernel_value": "5"}, p


def test_a_callback_error_shows_in_the_widget_output(widgets_run):
    e = widgets_run["error"]
    assert "IllegalArgumentException" in e["text"] and "n must be at most 5" in e["text"], e
    assert "(cell [" in e["text"] and "OutputCapture" not in e["text"], f"kernel machinery in the traceback: {e}"
    # the cell itself ran fine: the error belongs to the callback, inside the widget
    assert "error" not in e["cell_error_outputs"], e


def test_no_script_errors_in_the_page(widgets_run):
    errors = [e for e in widgets_run["page_errors"] if not LAB_OWN_ERRORS.search(e)]
    assert errors == [], errors
