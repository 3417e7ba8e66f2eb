"""What JupyterLab 4 users see of the kernel, checked through jupyter_client.

* a cell with nothing to show sends no ``execute_result`` (Lab would draw an empty ``Out[n]:``);
* ``language_info`` names a language JupyterLab 4's CodeMirror 6 registry knows (Java highlighting),
  checked against the language table in the installed JupyterLab's own JavaScript when one is found;
* the kernelspec carries the logos the Launcher shows on its card.

Runs with Debian's Python and with the project's .venv (jupyter_client 8), see run-tests.sh.
"""
from __future__ import annotations

import re
import struct
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from jupyter_client.kernelspec import KernelSpecManager

REPO = Path(__file__).resolve().parents[1]

NOTHING_TO_SHOW = [
    "int n = 3;",
    "int a = 1, b = 2;",
    "int m = 5; // a comment after the declaration",
    "String s = \"\";",
    "record Point(int x, int y) {}",
    "void greet() { System.out.println(\"hi\"); }",
    "import java.util.*;",
    "/* only a comment */",
]


@pytest.mark.parametrize("code", NOTHING_TO_SHOW)
def test_a_cell_with_nothing_to_show_sends_no_execute_result(kernel, code):
    ex = kernel.execute(code)
    ex.assert_ok()
    assert ex.of_type("execute_result") == [], ex.outputs
    assert ex.execution_count is not None


def test_a_value_that_renders_as_nothing_sends_no_execute_result(kernel):
    kernel.run('class Blank { public String toString() { return ""; } }')
    ex = kernel.execute("new Blank()")
    ex.assert_ok()
    assert ex.of_type("execute_result") == [], ex.outputs
    # Values that do show something still get their Out[n]: an empty string is shown as "".
    shown = kernel.execute('""')
    assert [m["content"]["data"]["text/plain"] for m in shown.of_type("execute_result")] == ['""']
    kernel.run("int declared = 3;")
    (res,) = kernel.execute("declared").of_type("execute_result")
    assert res["content"]["data"]["text/plain"] == "3"


def _lab_static_dirs():
    """Where an installed JupyterLab keeps its built JavaScript: this Python's, then the project's .venv."""
    for prefix in (Path(sys.prefix), REPO / ".venv"):
        yield prefix / "share" / "jupyter" / "lab" / "static"


def lab_languages() -> list[dict] | None:
    """JupyterLab 4's CodeMirror language table (name, mime, extensions), read from its bundled JS."""
    entry = re.compile(r'\{name:"([^"]+)",(?:alias:\[[^\]]*\],)?displayName:[^,]+,mimes?:(\[[^\]]*\]|"[^"]*"),'
                       r'(?:mime:"[^"]*",)?extensions:\[([^\]]*)\]')
    for static in _lab_static_dirs():
        for js in sorted(static.glob("jlab_core.*.js")) if static.is_dir() else []:
            found = [{"name": n, "mimes": re.findall(r'"([^"]+)"', m), "extensions": re.findall(r'"([^"]+)"', e)}
                     for n, m, e in entry.findall(js.read_text(errors="replace"))]
            if found:
                return found
    return None


def test_language_info_gives_lab_java_highlighting(kernel):
    li = kernel.kernel_info()["language_info"]
    assert li["name"] == "java"
    assert li["mimetype"] == "text/x-java"
    assert li["file_extension"] == ".java"
    assert li["pygments_lexer"] == "java"
    mode = li["codemirror_mode"]
    mode_name = mode if isinstance(mode, str) else mode.get("name")
    languages = lab_languages()
    if languages is None:
        pytest.skip("no installed JupyterLab 4 to read its language table from (run scripts/python-env.sh)")
    # Lab 4 (CodeMirrorMimeTypeService.getMimeTypeByLanguage) looks codemirror_mode up by name, then by MIME
    # type; without it, by mimetype and file extension. Each way must land on Lab's Java language.
    java = [lang for lang in languages if lang["name"] == "Java"]
    assert java, [lang["name"] for lang in languages]
    (java,) = java
    assert mode_name in java["mimes"] or mode_name.lower() == java["name"].lower(), (mode, java)
    assert li["mimetype"] in java["mimes"]
    assert li["file_extension"].lstrip(".") in java["extensions"]


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_kernelspec_carries_the_launcher_logos(kernel_name):
    spec = KernelSpecManager().get_kernel_spec(kernel_name)
    res = Path(spec.resource_dir)
    assert _png_size(res / "logo-64x64.png") == (64, 64)
    assert _png_size(res / "logo-32x32.png") == (32, 32)
    svg = ET.parse(res / "logo-svg.svg").getroot()
    assert svg.tag == "{http://www.w3.org/2000/svg}svg" and svg.get("viewBox") == "0 0 64 64"
    # The installed logo is the one in the repository (drawn by scripts/DrawLogo.java).
    assert (res / "logo-svg.svg").read_text() == (REPO / "kernel" / "kernelspec" / "logo-svg.svg").read_text()


@pytest.mark.skipif(Path(sys.prefix).resolve() != (REPO / ".venv").resolve(), reason="only in the project's .venv run")
def test_the_venv_run_uses_current_clients():
    """run-tests.sh's second pass must really drive the kernel with today's clients, not Debian's."""
    import jupyter_client
    import nbclient

    assert jupyter_client.version_info[0] >= 8, jupyter_client.__version__
    assert tuple(int(x) for x in nbclient.__version__.split(".")[:2]) >= (0, 11), nbclient.__version__
    assert "/usr/lib/python3/dist-packages" not in jupyter_client.__file__
