"""The bundled notebooks in JupyterLab 4 and Notebook 7, in a real browser (headless Chromium).

For each front end a server from the project's ``.venv`` (``scripts/python-env.sh``: JupyterLab 4.6,
Notebook 7.6) runs on 127.0.0.1 (``jupyter lab``, then ``jupyter notebook``) over a temporary
directory with fresh copies of ``notebooks/*.ipynb``, the ``java-dl`` kernelspec installed into a
temporary Jupyter path (conftest's ``kernel_name``), and private settings, workspaces and data
directories (so the notebook-trust database and the theme setting are this run's own).
``tests/browser/run-lab.mjs`` drives Debian's ``/usr/bin/chromium`` through ``playwright-core``
(``--ui lab``, ``--ui notebook7``); the tests here assert on its reports.

JupyterLab: every notebook Run All from the Run menu, kernel idle, no error output, images decoded,
tables, SVG drawings, MathJax typeset, answer cards, the contrast of all text in the outputs;
then in a scratch notebook Tab completion, contextual help and the Shift+Tab tooltip, the toolbar's
interrupt, in-place updates, ``System.in``, errors in the light and the dark theme, Kernel >
Restart Kernel…; last, every saved notebook reopened from the file browser in JupyterLab Dark.
Notebook 7: Run All on every notebook with the same output checks, completion and interrupt; then
the tour as JupyterLab saved it, opened on Notebook 7's server untrusted and after ``jupyter trust``.
Wall time on 2 vCPUs: about 2.5 min for Lab and 1.5 min for Notebook 7 (both longer under load).

Screenshots and reports go to ``test-artifacts/browser-lab/`` and ``test-artifacts/browser-notebook7/``
(git-ignored). Skipped if Chromium, node or the .venv's JupyterLab is missing, or if
``JAVADL_SKIP_BROWSER`` is set.

Trust: a notebook that Lab saved after running it is signed by the server (the signature goes to
the trust database of the Jupyter data directory), so it reopens trusted, with its HTML, SVG and
images shown as they were. A notebook executed elsewhere (nbconvert, another machine, another
Jupyter data directory) opens untrusted: Lab's sanitizer then drops the inline SVG of graph
drawings (tables, images and answer cards stay). ``jupyter trust NOTEBOOK.ipynb``, or running it
again and saving it, makes it trusted.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from browser_support import BROWSER_DIR, BROWSER_MARKS, JupyterServer, ensure_node_modules, fresh_artifacts, run_script
from conftest import REPO

SCRIPT = BROWSER_DIR / "run-lab.mjs"
VENV = Path(os.environ.get("JAVADL_VENV", REPO / ".venv"))
JUPYTER = VENV / "bin" / "jupyter"
NOTEBOOKS = sorted(p.name for p in (REPO / "notebooks").glob("*.ipynb"))
LAB_ARTIFACTS = REPO / "test-artifacts" / "browser-lab"
NB7_ARTIFACTS = REPO / "test-artifacts" / "browser-notebook7"
RUN_TIMEOUT = float(os.environ.get("JAVADL_BROWSER_TIMEOUT", "600"))
SCRATCH = "checks.ipynb"
#: WCAG AA contrast for normal text; run-lab.mjs measures against the same number
MIN_CONTRAST = 4.5
#: the toolbar's interrupt must stop `while (true) {}` within this (click to kernel idle, in the page)
INTERRUPT_SECONDS = 1.0
#: Errors of the front ends' own code, whatever the kernel: JupyterLab 4.6's debugger sidebar asks a
#: kernel without a debugger for its modules after each execute_reply and throws; Notebook 7.6 throws
#: reading a settings schema while its notebook page loads (the same with Python's ipykernel).
FRONT_END_OWN_ERRORS = [re.compile(r"No active debugger session\s+at \S+\.displayModules"),
                        re.compile(r"Cannot read properties of undefined \(reading 'schema'\)\s+at \S+/static/notebook/")]

pytestmark = BROWSER_MARKS + [
    pytest.mark.skipif(not (VENV / "bin" / "jupyter-lab").exists(), reason=f"no JupyterLab in {VENV} (run scripts/python-env.sh)"),
    # the first test to ask for a run pays for all of it (server, kernels, browser)
    pytest.mark.timeout(RUN_TIMEOUT + 180),
]


def scratch_notebook() -> dict:
    """An empty notebook for the java-dl kernel (the checks type their own cells into it)."""
    return {"cells": [{"cell_type": "code", "execution_count": None, "id": "scratch", "metadata": {},
                       "outputs": [], "source": "// cells of the browser test follow"}],
            "metadata": {"kernelspec": {"name": "java-dl", "display_name": "Java (javadl)", "language": "java"},
                         "language_info": {"name": "java"}},
            "nbformat": 4, "nbformat_minor": 5}


def server_command(ui: str, root: Path):
    """``jupyter lab`` or ``jupyter notebook`` (Notebook 7) from the .venv, as a student starts them."""
    app = {"lab": ["lab", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"],
           "notebook7": ["notebook"]}[ui]
    return lambda port, token: [
        str(JUPYTER), app[0], *app[1:], "--no-browser", "--ip=127.0.0.1", f"--port={port}", "--port-retries=0",
        f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}",
        # window.jupyterapp: the test reads Lab's own model of cells and kernel state
        "--LabApp.expose_app_in_browser=True", "--JupyterNotebookApp.expose_app_in_browser=True"]


def run_front_end(ui: str, out: Path, kernel_name: str, tmp_path_factory, inspect=None) -> dict:
    """A server of its own for front end ``ui`` over fresh copies of the notebooks, run-lab.mjs against
    it, the server stopped; returns the script's report. ``inspect(root, env)``, if given, puts more
    notebooks into the server's directory and returns their names: they are opened, not run.

    One server per front end, not Notebook 7 under ``jupyter lab``'s server: JupyterLab and Notebook 7
    ship MathJax fonts under the same hashed file names, and jupyter_server 2.21's static-file handler
    caches a file's location by its name alone, so once Lab has loaded a font, Notebook 7's request
    for it is refused (403, "not in root static directory") and its formulas fall back to other fonts.
    """
    ensure_node_modules()
    fresh_artifacts(out)
    base = tmp_path_factory.mktemp(f"browser-{ui}")
    root = base / "root"
    root.mkdir()
    for name in NOTEBOOKS:
        shutil.copy(REPO / "notebooks" / name, root / name)
    (root / SCRATCH).write_text(json.dumps(scratch_notebook()))
    env = private_dirs(base)
    inspected = inspect(root, env) if inspect else []
    server = JupyterServer(server_command(ui, root), root, out / "server.log", env, what=f"jupyter ({ui})")
    try:
        spec = server.api("GET", "/api/kernelspecs")["kernelspecs"].get(kernel_name)
        installed = os.environ["JUPYTER_PATH"].split(os.pathsep)[0]
        assert spec and spec["spec"]["argv"][0].startswith(installed), \
            f"the server's {kernel_name} is not the one installed for this run in {installed}: {spec}"
        r = run_script(SCRIPT, ["--ui", ui, "--base", server.base, "--token", server.token,
                                "--notebooks", ",".join(NOTEBOOKS), "--scratch", SCRATCH,
                                "--inspect", ",".join(inspected), "--timeout", str(int(RUN_TIMEOUT / 3))],
                       out, RUN_TIMEOUT)
        r["root"] = root
        return r
    finally:
        server.stop()


def private_dirs(base: Path) -> dict:
    """Lab settings, workspaces and the Jupyter data directory (the trust database) of one run."""
    settings = base / "lab-settings"
    # no "Would you like to receive official Jupyter news?" toast over the notebook, no calls out
    (settings / "@jupyterlab" / "apputils-extension").mkdir(parents=True)
    (settings / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings").write_text(
        json.dumps({"fetchNews": "false", "checkForUpdates": False}))
    return {"JUPYTERLAB_SETTINGS_DIR": str(settings), "JUPYTERLAB_WORKSPACES_DIR": str(base / "lab-workspaces"),
            "JUPYTER_DATA_DIR": str(base / "jupyter-data")}


@pytest.fixture(scope="module")
def lab_run(kernel_name, tmp_path_factory):
    return run_front_end("lab", LAB_ARTIFACTS, kernel_name, tmp_path_factory)


#: the tour as Lab ran and saved it, taken to Notebook 7's server, whose trust database has never seen it
EXECUTED_ELSEWHERE = "executed-elsewhere.ipynb"
#: the same file after `jupyter trust`
TRUSTED_BY_HAND = "executed-elsewhere-trusted.ipynb"


@pytest.fixture(scope="module")
def nb7_run(kernel_name, tmp_path_factory, request):
    def executed_tours(root: Path, env: dict) -> list[str]:
        """The executed tour saved by the JupyterLab run (if that run got through), twice."""
        lab = request.getfixturevalue("lab_run")
        saved = Path(lab["root"]) / "00-tour.ipynb"
        if not lab.get("ok"):
            return []
        # trust is per content (an HMAC of the whole notebook): the two copies must differ, here in a
        # metadata field no front end reads, or trusting the one would trust the other
        for copy in (EXECUTED_ELSEWHERE, TRUSTED_BY_HAND):
            nb = json.loads(saved.read_text())
            nb["metadata"]["javadl_test_copy"] = copy
            (root / copy).write_text(json.dumps(nb))
        p = subprocess.run([str(JUPYTER), "trust", str(root / TRUSTED_BY_HAND)], env=dict(os.environ, **env),
                           capture_output=True, text=True, timeout=60)
        assert p.returncode == 0, f"jupyter trust failed: {p.stdout}\n{p.stderr}"
        return [EXECUTED_ELSEWHERE, TRUSTED_BY_HAND]

    return run_front_end("notebook7", NB7_ARTIFACTS, kernel_name, tmp_path_factory, executed_tours)


def say(capsys, text: str):
    """A line in pytest's output even when the test passes (the counts are part of the result)."""
    with capsys.disabled():
        print("\n" + text)


def ok(r) -> dict:
    """The report, once it is known the browser run itself got through."""
    out = LAB_ARTIFACTS if r["ui"] == "lab" else NB7_ARTIFACTS
    assert r.get("ok"), f"the {r['ui']} browser run failed: {r.get('failure')}\nsteps: " \
                        f"{[s['name'] for s in r['steps']]}\nsee {out} for screenshots\n{r['stderr_tail']}"
    return r


def run_of(request, ui: str) -> dict:
    """The checked report of the ``lab`` or the ``notebook7`` run."""
    return ok(request.getfixturevalue("lab_run" if ui == "lab" else "nb7_run"))


# --------------------------------------------------------------------------- what a notebook shows
def source_of(name: str) -> dict:
    nb = json.loads((REPO / "notebooks" / name).read_text())
    text = lambda kind: "".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == kind)  # noqa: E731
    return {"markdown": text("markdown"), "code": text("code")}


def assert_readable(contrast: dict, what: str):
    assert contrast["spans"] > 0, f"no text measured in {what}"
    assert contrast["invisible"] == [], f"invisible text in {what}: {contrast['invisible']}"
    assert contrast["below_count"] == 0, \
        f"{contrast['below_count']} pieces of text in {what} below {MIN_CONTRAST}:1 (lowest {contrast['min_ratio']}): " \
        f"{contrast['below']}"


def assert_drawn(rep: dict, name: str):
    """Images decoded, tables with rows, SVG drawings with content, typeset TeX, answer cards."""
    src = source_of(name)
    for img in rep["images"]:
        assert img["natural"][0] > 0 and img["natural"][1] > 0, f"{name}: an image did not decode: {img}"
        assert img["w"] > 50 and img["h"] > 50, f"{name}: an image has no size on screen: {img}"
    assert len(rep["images"]) >= rep["model"]["images"], f"{name}: images in the outputs not drawn: {rep['images']}"
    for t in rep["tables"]:
        assert t["rows"] >= 1 and t["cells"] >= 2 and t["w"] > 0 and t["h"] > 0, f"{name}: an empty table: {t}"
    assert len(rep["tables"]) >= rep["model"]["tables"], f"{name}: HTML tables in the outputs not drawn"
    for s in rep["svgs"]:
        assert s["children"] > 0 and s["descendants"] >= 3, f"{name}: an empty SVG: {s}"
        assert s["bbox"] and s["bbox"][0] > 0 and s["bbox"][1] > 0 and s["w"] > 0, f"{name}: an SVG with no size: {s}"
    assert len(rep["svgs"]) >= rep["model"]["svgs"], f"{name}: SVG drawings in the outputs not drawn: {rep['svgs']}"
    # MathJax: everything typeset, nothing raw, no MathJax error marks
    assert rep["raw_tex"] == [], f"{name}: TeX left raw in markdown: {rep['raw_tex']}"
    assert rep["mathjax_errors"] == 0, f"{name}: MathJax could not typeset {rep['mathjax_errors']} formulas"
    assert rep["latex_outputs"] == rep["latex_outputs_typeset"], f"{name}: a text/latex output not typeset"
    if "$" in src["markdown"]:
        assert rep["mathjax"] > 0, f"{name}: its markdown has TeX but nothing was typeset"
    # answer cards: one per answer output, each with a size
    assert len(rep["answers"]) == rep["model"]["answers"], f"{name}: answer cards {rep['answers']} vs {rep['model']}"
    if "answer(" in src["code"]:
        assert rep["answers"], f"{name}: answer(...) cells but no answer card"
    for a in rep["answers"]:
        assert a["w"] > 0 and a["h"] > 0 and a["text"].startswith("answer"), f"{name}: an empty answer card: {a}"


def check_run_all(r: dict, name: str, key: str, capsys):
    rep = ok(r)["notebooks"][key]
    say(capsys, f"[{r['ui']}] {name}: {rep['code_cells']} cells, Run All {rep['run_all_seconds']:.1f} s "
                f"(opened in {rep['open_seconds']:.1f} s); {len(rep['images'])} images, {len(rep['tables'])} tables, "
                f"{len(rep['svgs'])} SVG drawings, {rep['mathjax']} MathJax formulas in {rep['markdown_cells']} markdown "
                f"cells, {rep['latex_outputs']} LaTeX outputs, {len(rep['answers'])} answer cards; "
                f"lowest text contrast {rep['contrast']['min_ratio']}:1 over {rep['contrast']['spans']} pieces of text")
    assert rep["kernel_name"] == "java-dl"
    assert rep["kernel_status"] == "idle" and rep["ui_status"] in (None, "idle"), rep
    # a fresh kernel, every code cell run once in order: 1, 2, 3, ...
    assert rep["prompts"] == list(range(1, rep["code_cells"] + 1)), rep["prompts"]
    assert rep["errors"] == [], f"{name}: error outputs:\n" + "\n---\n".join(e["text"] for e in rep["errors"])
    assert rep["stderr"] == [], f"{name}: stderr outputs:\n" + "\n---\n".join(e["text"] for e in rep["stderr"])
    assert_drawn(rep, name)
    assert_readable(rep["contrast"], f"the outputs of {name} (light theme)")


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_lab_run_all(lab_run, name, capsys):
    check_run_all(lab_run, name, name, capsys)


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook7_run_all(nb7_run, name, capsys):
    check_run_all(nb7_run, name, name, capsys)


# --------------------------------------------------------------------------- editing help
@pytest.mark.parametrize("ui", ["lab", "notebook7"])
def test_tab_completion(request, ui, capsys):
    r = run_of(request, ui)
    c = r["completion"]
    say(capsys, f"[{ui}] Tab after `sigm`: {c['sigm']} ({c['sigm_tab_presses']} Tab presses); after `Math.`: "
                f"{len(c['math'])} members ({c['math_tab_presses']} presses)")
    assert any(m.rstrip("(") == "sigmoid" for m in c["sigm"]), c["sigm"]
    members = {m.rstrip("()") for m in c["math"]}
    assert {"abs", "sqrt", "exp", "PI"} <= members and len(members) >= 20, c["math"]


def test_lab_contextual_help_and_tooltip(lab_run):
    h = ok(lab_run)["contextual_help"]
    for where in ("inspector", "tooltip"):
        assert "double DL.sigmoid(double x)" in h[where], f"{where}: {h[where]!r}"
        assert "logistic sigmoid" in h[where], f"{where} shows no javadoc: {h[where]!r}"
        # each overload with its own doc comment (sigmoid of a Tensor works element-wise)
        assert "Tensor DL.sigmoid(Tensor x)" in h[where] and "element-wise" in h[where], h[where]


# --------------------------------------------------------------------------- kernel control
@pytest.mark.parametrize("ui", ["lab", "notebook7"])
def test_toolbar_interrupt_stops_a_busy_loop(request, ui, capsys):
    r = run_of(request, ui)
    i = r["interrupt"]
    say(capsys, f"[{ui}] interrupt: `while (true) {{}}` stopped {i['seconds_to_stop']:.3f} s after the click "
                f"(seen by the script after {i['seconds_to_stop_seen_by_script']:.2f} s)")
    assert i["busy_cell_was_running"], "the while (true) {} cell was not running when interrupted"
    assert i["seconds_to_stop"] < INTERRUPT_SECONDS, i
    assert "Interrupted" in i["busy_cell_output"], i
    assert i["next_cell_output"] == "42", "the next cell does not see the earlier variable"
    assert i["kernel_name_after"] == "java-dl"


def test_lab_restart_from_the_menu_gives_a_clean_state(lab_run):
    rs = ok(lab_run)["restart"]
    assert rs["old_variable"]["outputs"] == ["error"] and "cannot find symbol" in rs["old_variable"]["text"], rs
    assert rs["first_count_after"] == 1, f"execution count did not start again: {rs['first_count_after']}"
    assert rs["new_cell"]["text"].strip() == "2" and rs["new_cell"]["outputs"] == ["execute_result"], rs


# --------------------------------------------------------------------------- output that changes
@pytest.mark.parametrize("api", ["progress", "liveCurve", "updateDisplay"])
def test_lab_updates_one_output_in_place(lab_run, api, capsys):
    w = ok(lab_run)["in_place"][api]
    say(capsys, f"[lab] {api}: {w['changes']} redraws, at most {w['max_children']} output at a time; last: {w['texts'][-1:]}")
    assert w["max_children"] == 1 and w["final_children"] == 1, f"{api} piled up outputs: {w}"
    assert w["outputs"] == ["display_data"], w
    assert w["changes"] >= 3, f"{api} was not redrawn while the cell ran: {w}"
    final = {"progress": "30/30", "updateDisplay": "step 10", "liveCurve": "[img"}[api]
    assert final in w["texts"][-1], w


def test_lab_system_in_asks_with_an_input_box(lab_run):
    s = ok(lab_run)["stdin"]
    assert s["box_shown"]
    assert f"got: {s['typed']}" in s["output"], s


# --------------------------------------------------------------------------- themes
@pytest.mark.parametrize("theme", ["light", "dark"])
def test_lab_errors_are_readable(lab_run, theme, capsys):
    r = ok(lab_run)
    c = r[theme]["error_contrast"]
    say(capsys, f"[lab] errors in the {theme} theme: {c['regions']} error outputs, {c['spans']} pieces of text, "
                f"lowest contrast {c['min_ratio']}:1; screenshots {c['screenshots']}")
    cells = r["error_cells"]
    assert all(v["outputs"] == ["error"] for v in cells.values()), cells
    assert "CompilationError" in cells["compile"]["text"] and "ArrayIndexOutOfBounds" in cells["runtime"]["text"]
    assert "Caused by" in cells["cause"]["text"] and "cannot find symbol" in cells["unresolved"]["text"]
    # the four error cells and the interrupted loop's message
    assert c["regions"] >= len(cells) + 1, c
    assert_readable(c, f"error outputs ({theme} theme)")
    for shot in c["screenshots"]:
        assert (LAB_ARTIFACTS / shot).is_file()


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_lab_saved_notebook_reopens_with_everything_in_the_dark_theme(lab_run, name, capsys):
    """Saved, closed, reopened from the file browser in JupyterLab Dark: the same tables, drawings,
    images and cards (trusted, so Lab's sanitizer strips nothing), all legible on the dark page."""
    r = ok(lab_run)
    ran, back = r["notebooks"][name], r["reopened"][name]
    say(capsys, f"[lab] {name} reopened (dark): {len(back['images'])} images, {len(back['tables'])} tables, "
                f"{len(back['svgs'])} SVG, {len(back['answers'])} answer cards, {back['untrusted_cells']} untrusted cells; "
                f"lowest contrast {back['contrast']['min_ratio']}:1; {len(back['screenshots'])} screenshots")
    assert back["untrusted_cells"] == 0, "the saved notebook reopened untrusted"
    for kind in ("images", "tables", "svgs", "answers"):
        assert len(back[kind]) == len(ran[kind]), f"{kind}: {len(ran[kind])} after Run All, {len(back[kind])} reopened"
    assert_drawn(back, name)
    assert_readable(back["contrast"], f"the outputs of {name} (JupyterLab Dark)")
    for shot in back["screenshots"]:
        assert (LAB_ARTIFACTS / shot).is_file()
    if ran["images"] or ran["tables"] or ran["svgs"] or ran["answers"]:
        assert back["screenshots"], f"no screenshot of the outputs of {name} in the dark theme"


# --------------------------------------------------------------------------- the page itself
@pytest.mark.parametrize("ui", ["lab", "notebook7"])
def test_no_javascript_errors(request, ui, capsys):
    r = run_of(request, ui)
    ours = [e for e in r["page_errors"] if not any(p.search(e) for p in FRONT_END_OWN_ERRORS)]
    say(capsys, f"[{ui}] whole browser run {r['elapsed']:.1f} s (Chromium {r.get('browser_version')}), "
                f"{len(r['screenshots'])} screenshots in {LAB_ARTIFACTS if ui == 'lab' else NB7_ARTIFACTS}")
    say(capsys, f"[{ui}] page errors: {len(r['page_errors'])} ({len(r['page_errors']) - len(ours)} of them Lab's "
                f"front end's own); console errors: {len(r['console_errors'])}; failed requests: {len(r['http_errors'])}")
    assert ours == [], ours
    assert r["http_errors"] == [], f"requests the server refused: {r['http_errors'][:10]}"


# --------------------------------------------------------------------------- trust
def test_trust_decides_what_an_executed_notebook_shows(lab_run, nb7_run, capsys):
    """The tour as JupyterLab saved it, opened on another server (another trust database): untrusted,
    so Lab's sanitizer shows its HTML without the inline SVG of the graph drawing (the counts are
    printed); after ``jupyter trust`` everything shows again as it did in Lab."""
    ran = ok(lab_run)["notebooks"]["00-tour.ipynb"]
    seen = ok(nb7_run)["inspected"]
    untrusted, trusted = seen[EXECUTED_ELSEWHERE], seen[TRUSTED_BY_HAND]
    for label, rep in (("as saved elsewhere", untrusted), ("after jupyter trust", trusted)):
        say(capsys, f"[notebook7] executed tour {label}: {rep['untrusted_cells']} of {rep['code_cells']} cells untrusted; "
                    f"{len(rep['images'])} images, {len(rep['tables'])} tables, {len(rep['svgs'])} SVG drawings, "
                    f"{len(rep['answers'])} answer cards (after Run All in Lab: {len(ran['images'])}, {len(ran['tables'])}, "
                    f"{len(ran['svgs'])}, {len(ran['answers'])})")
    assert untrusted["untrusted_cells"] > 0, "a notebook the server never signed opened trusted"
    assert trusted["untrusted_cells"] == 0
    for kind in ("images", "tables", "svgs", "answers"):
        assert len(trusted[kind]) == len(ran[kind]), f"{kind} after jupyter trust: {len(trusted[kind])} of {len(ran[kind])}"
    assert_drawn(trusted, "00-tour.ipynb")
