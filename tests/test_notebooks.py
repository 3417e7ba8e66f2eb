"""Execute every bundled notebook through Jupyter (nbclient) and check its published answers.

Every notebook ``notebooks/*.ipynb`` (found by glob, so a new one cannot be left out) is run top to
bottom on a fresh ``java-dl`` kernel (the kernelspec installed by the session fixture ``kernel_name`` in
``conftest.py``). The tests check:

* every notebook has reference answers: its required answer ids are in ``answers_reference.REQUIRED``,
  each with an independent reference value (or a training goal); a notebook that is not there, or an
  entry without a notebook, fails without running anything;
* the stored notebook has no outputs, null execution counts and the java-dl kernelspec;
* execution produces no error output (and no stderr stream);
* every answer id that ``ANSWER_SHEET.md`` requires for that notebook is published exactly once;
* no cell had to be compiled again with the kernel's JDK patches off (``CompileSafetyNet``);
* every published answer equals the value that ``answers_reference.py`` derives independently
  (relative tolerance 1e-9; integers must stay JSON integers), for all ids the reference knows;
  a training result (``GOALS``, notebook 06) must reach its goal and be a whole count out of its test set;
* the whole set runs in at most 150 s (about 45 s on a quiet 2-core machine with 06-train-a-network; the margin is for a loaded CI box).

Run: ``cd /work/main && /usr/bin/python3 -m pytest -q tests/test_notebooks.py``.
"""
from __future__ import annotations

import math
import shutil
import time
from pathlib import Path

import pytest

import answers_reference as ref

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
ANSWER_MIME = "application/vnd.javadl.answer+json"
REL_TOL = 1e-9
TOTAL_BUDGET_S = 150.0


def notebook_names(folder: Path) -> list[str]:
    """The notebooks of ``folder``, as the tests below find them."""
    return sorted(p.name for p in folder.glob("*.ipynb"))


NOTEBOOK_NAMES = notebook_names(NOTEBOOKS)


def coverage_problems(folder: Path) -> list[str]:
    """Why the notebooks of ``folder`` and the reference answers do not match up (empty if they do)."""
    names = notebook_names(folder)
    reference = ref.expected()
    problems = []
    for name in names:
        if not ref.REQUIRED.get(name):
            problems.append(f"{name}: no reference answers; list the ids it must publish in REQUIRED of "
                            "tests/answers_reference.py (and the homework's ANSWER_SHEET.md), with their "
                            "values in expected() or a goal in GOALS")
        else:
            unchecked = [i for i in ref.REQUIRED[name] if i not in reference and i not in ref.GOALS]
            if unchecked:
                problems.append(f"{name}: required answers without a reference value or goal: {unchecked}")
    for name in sorted(set(ref.REQUIRED) - set(names)):
        problems.append(f"{name}: named in answers_reference.py, but there is no such notebook in {folder}")
    return problems


_executed: dict = {}
_timings: dict = {}
_safety_net: dict = {}
SAFETY_NET_CELL = ("org.javadl.kernel.engine.internals.CompileSafetyNet.retries() * 1000 + "
                   "org.javadl.kernel.engine.internals.CompileSafetyNet.rescues()")


def _execute(name: str, kernel_name: str):
    """Run notebook ``name`` once per session; cache the executed copy."""
    if name not in _executed:
        import nbformat
        from nbclient import NotebookClient

        nb = nbformat.read(NOTEBOOKS / name, as_version=4)
        client = NotebookClient(nb, kernel_name=kernel_name, timeout=60, allow_errors=True,
                                resources={"metadata": {"path": str(NOTEBOOKS)}})
        # One extra cell at the end reads the kernel's CompileSafetyNet (cells run in the kernel's JVM);
        # it is removed again, so the other tests see the notebook's own cells only.
        nb.cells.append(nbformat.v4.new_code_cell(SAFETY_NET_CELL))
        t0 = time.perf_counter()
        client.execute()
        _timings[name] = time.perf_counter() - t0
        probe = nb.cells.pop()
        _safety_net[name] = "".join(o.get("data", {}).get("text/plain", "") for o in probe.get("outputs", []))
        _executed[name] = nb
    return _executed[name]


def _answers(nb) -> list:
    out = []
    for cell in nb.cells:
        for o in cell.get("outputs", []):
            data = o.get("data", {})
            if ANSWER_MIME in data:
                out.append(data[ANSWER_MIME])
    return out


def _close(actual, expected, path="value"):
    """None if equal within tolerance, else a message."""
    if isinstance(expected, (list, tuple)):
        if not isinstance(actual, list) or len(actual) != len(expected):
            return f"{path}: expected a list of length {len(expected)}, got {actual!r}"
        for i, (a, e) in enumerate(zip(actual, expected)):
            msg = _close(a, e, f"{path}[{i}]")
            if msg:
                return msg
        return None
    if isinstance(actual, bool) or not isinstance(actual, (int, float)):
        return f"{path}: expected a number, got {actual!r}"
    if isinstance(expected, int) and not isinstance(actual, int):
        return f"{path}: expected the integer {expected}, got the non-integer JSON value {actual!r}"
    if not math.isclose(float(actual), float(expected), rel_tol=REL_TOL, abs_tol=1e-12):
        return f"{path}: expected {expected!r}, got {actual!r}"
    return None


@pytest.mark.parametrize("name", NOTEBOOK_NAMES)
def test_stored_without_outputs(name):
    import nbformat

    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    nbformat.validate(nb)
    assert nb.nbformat == 4
    assert nb.metadata["kernelspec"] == {"name": "java-dl", "display_name": "Java (javadl)", "language": "java"}
    assert nb.metadata["language_info"]["name"] == "java"
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [], f"{name}: stored with outputs"
            assert cell.execution_count is None, f"{name}: stored with an execution count"


@pytest.mark.timeout(120)
@pytest.mark.parametrize("name", NOTEBOOK_NAMES)
def test_runs_without_errors(name, kernel_name):
    nb = _execute(name, kernel_name)
    problems = []
    for i, cell in enumerate(nb.cells):
        for o in cell.get("outputs", []):
            if o.output_type == "error":
                problems.append(f"cell {i}: {o.ename}: {o.evalue}")
            elif o.output_type == "stream" and o.name == "stderr":
                problems.append(f"cell {i}: stderr: {o.text[:300]}")
    assert not problems, f"{name}:\n" + "\n".join(problems)


@pytest.mark.timeout(120)
@pytest.mark.parametrize("name", NOTEBOOK_NAMES)
def test_no_cell_needed_the_patches_off(name, kernel_name):
    """No cell failed to compile with the kernel's JDK patches on (engine/internals/CompileSafetyNet
    compiles such a cell again without them): retries x 1000 + rescues must be 0."""
    _execute(name, kernel_name)
    assert _safety_net[name] == "0", f"{name}: CompileSafetyNet retries*1000+rescues = {_safety_net[name]!r}"


def test_every_notebook_has_reference_answers():
    problems = coverage_problems(NOTEBOOKS)
    assert not problems, "\n".join(problems)


def test_a_notebook_without_reference_answers_fails_the_coverage_check(tmp_path):
    """A new notebook nobody gave reference answers, in a copy of notebooks/ (the real folder is not touched)."""
    import nbformat

    folder = tmp_path / "notebooks"
    folder.mkdir()
    for name in NOTEBOOK_NAMES:
        shutil.copy(NOTEBOOKS / name, folder / name)
    assert coverage_problems(folder) == []
    new = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell('answer("hw005.p1.x", 1 + 1)')])
    nbformat.write(new, folder / "07-forgotten-topic.ipynb")
    assert "07-forgotten-topic.ipynb" in notebook_names(folder)  # the execution tests would run it too
    problems = coverage_problems(folder)
    assert len(problems) == 1 and problems[0].startswith("07-forgotten-topic.ipynb: no reference answers"), problems
    assert not (NOTEBOOKS / "07-forgotten-topic.ipynb").exists()
    # and the other way round: answers for a notebook that is gone
    (folder / "04-activations-hinge-logistic.ipynb").unlink()
    assert any(p.startswith("04-activations-hinge-logistic.ipynb: named in answers_reference.py")
               for p in coverage_problems(folder))


@pytest.mark.timeout(120)
@pytest.mark.parametrize("name", NOTEBOOK_NAMES)
def test_answers(name, kernel_name):
    assert name in ref.REQUIRED, coverage_problems(NOTEBOOKS)
    nb = _execute(name, kernel_name)
    published = _answers(nb)
    ids = [a["id"] for a in published]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    assert not duplicates, f"{name}: answer ids published more than once: {duplicates}"
    missing = [i for i in ref.REQUIRED[name] if i not in ids]
    assert not missing, f"{name}: required answers missing: {missing}"
    expected = ref.expected()
    wrong = []
    for a in published:
        if a["id"] in expected:
            msg = _close(a["value"], expected[a["id"]])
            if msg:
                wrong.append(f"{a['id']}: {msg}")
        elif a["id"] in ref.GOALS:
            goal, n = ref.GOALS[a["id"]]
            v = a["value"]
            if not (isinstance(v, (int, float)) and not isinstance(v, bool) and goal <= v <= 1
                    and abs(v * n - round(v * n)) < 1e-9):
                wrong.append(f"{a['id']}: {v!r} is not an accuracy out of {n} examples of at least {goal}")
    assert not wrong, f"{name}:\n" + "\n".join(wrong)
    # every published id of this homework should be checked by the reference
    unchecked = [i for i in ids if i not in expected and i not in ref.GOALS]
    assert not unchecked, f"{name}: answers without an independent reference value: {unchecked}"


def test_total_time(kernel_name):
    for name in NOTEBOOK_NAMES:
        _execute(name, kernel_name)
    total = sum(_timings.values())
    print("notebook execution times: " + ", ".join(f"{n} {t:.1f}s" for n, t in _timings.items()) + f"; total {total:.1f}s")
    assert total <= TOTAL_BUDGET_S, f"notebooks took {total:.1f}s in all (budget {TOTAL_BUDGET_S}s): {_timings}"
