"""The set-up itself: ``install-kernel.sh`` as a new user runs it (the README's first command).

Each test runs the real script with ``--no-build`` (a copy of the built jar) in a clean environment:
its own ``HOME``, no ``JUPYTER_PATH``, and a ``PATH`` without any ``jupyter-lab``, so that the script
has to choose a front end the way it would on a fresh machine.

The pip route is tested against a throw-away virtual environment (``JAVADL_VENV``) whose ``.pth``
file points at the project's ``.venv`` site-packages: ``scripts/python-env.sh`` then really runs pip
with the pinned requirements, finds them all satisfied and takes seconds instead of a minute.
The project's ``.venv`` (made by ``scripts/python-env.sh``, as ``run-tests.sh`` does) must exist.
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
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
JAR = REPO / "kernel" / "target" / "javadl-kernel.jar"
INSTALL = REPO / "install-kernel.sh"
PROJECT_VENV = REPO / ".venv"
PROJECT_PY = PROJECT_VENV / "bin" / "python"
APT_HINT = "sudo apt-get install -y python3 python3-venv python3-pip"

pytestmark = pytest.mark.skipif(
    not PROJECT_PY.exists() or subprocess.run([str(PROJECT_PY), "-c", "import jupyterlab"],
                                              capture_output=True).returncode != 0,
    reason="the project's .venv with JupyterLab is missing (run scripts/python-env.sh)")


def _site_packages(python: Path) -> str:
    return subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          check=True, capture_output=True, text=True).stdout.strip()


def _venv_seeing_project_packages(where: Path) -> Path:
    """A new virtual environment whose .pth makes the project's .venv packages importable (fast pip)."""
    subprocess.run([str(PROJECT_PY), "-m", "venv", str(where)], check=True)
    Path(_site_packages(where / "bin" / "python"), "javadl-test-base.pth").write_text(_site_packages(PROJECT_PY) + "\n")
    return where


def _path_without_jupyterlab() -> str:
    """``PATH`` minus every directory holding a ``jupyter-lab`` (and minus the project's .venv)."""
    keep = []
    for d in os.environ.get("PATH", "").split(os.pathsep):
        if d and not (Path(d) / "jupyter-lab").exists() and Path(d).resolve() != (PROJECT_VENV / "bin").resolve():
            keep.append(d)
    return os.pathsep.join(keep)


def clean_env(home: Path, **extra) -> dict:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("JUPYTER") and k not in ("CI", "JAVA_HOME", "VIRTUAL_ENV", "PYTHONPATH")}
    env.update(HOME=str(home), PATH=_path_without_jupyterlab())
    env.update(extra)
    return env


def install(*args, env, timeout=180) -> subprocess.CompletedProcess:
    proc = subprocess.run(["bash", str(INSTALL), *args], cwd=REPO, env=env, capture_output=True, text=True,
                          timeout=timeout)
    proc.output = proc.stdout + proc.stderr
    return proc


def find_specs(python: Path, env: dict) -> dict:
    """The kernelspecs ``python``'s jupyter_client finds (name -> resource dir), as ``jupyter kernelspec list``."""
    code = "import json; from jupyter_client.kernelspec import KernelSpecManager as M; print(json.dumps(M().find_kernel_specs()))"
    out = subprocess.run([str(python), "-c", code], env=env, check=True, capture_output=True, text=True).stdout
    return json.loads(out)


@pytest.fixture(scope="module")
def jar_copy(tmp_path_factory) -> Path:
    copy = tmp_path_factory.mktemp("jar") / "javadl-kernel.jar"
    shutil.copyfile(JAR, copy)
    return copy


@pytest.fixture(scope="module")
def user_venv(tmp_path_factory) -> Path:
    """A new, empty virtual environment that sees the project's .venv packages (see module docstring)."""
    return _venv_seeing_project_packages(tmp_path_factory.mktemp("uservenv") / "venv")


@pytest.fixture(scope="module")
def venv_installs(user_venv, jar_copy, tmp_path_factory):
    """Two runs of ``install-kernel.sh`` (with the start-up archive) on a machine without JupyterLab."""
    home = tmp_path_factory.mktemp("home")
    env = clean_env(home, JAVADL_VENV=str(user_venv))
    runs = []
    for _ in range(2):
        t0 = time.monotonic()
        proc = install("--no-build", "--jar", str(jar_copy), env=env)
        runs.append((proc, time.monotonic() - t0))
    return env, runs


@pytest.mark.timeout(300)
def test_without_jupyterlab_the_script_sets_up_the_venv_and_registers_there(venv_installs, user_venv):
    env, [(first, secs), _] = venv_installs
    assert first.returncode == 0, first.output
    assert "setting up JupyterLab 4" in first.output
    assert "installing Python packages" in first.output  # python-env.sh really ran pip
    spec_dir = user_venv / "share" / "jupyter" / "kernels" / "java-dl"
    assert (spec_dir / "kernel.json").is_file(), first.output
    # That environment's own Jupyter (jupyter_client 8) finds the kernel, and nothing went to ~/.local.
    specs = find_specs(user_venv / "bin" / "python", env)
    assert Path(specs["java-dl"]).resolve() == spec_dir.resolve(), specs
    assert not (Path(env["HOME"]) / ".local" / "share" / "jupyter" / "kernels" / "java-dl").exists()
    for logo in ("logo-64x64.png", "logo-32x32.png", "logo-svg.svg"):
        assert (spec_dir / logo).stat().st_size > 100, logo
    print(f"first install (venv route, start-up archive): {secs:.1f} s")


@pytest.mark.timeout(300)
def test_a_second_run_is_fast_and_keeps_everything(venv_installs, user_venv):
    env, [(first, first_secs), (second, secs)] = venv_installs
    assert second.returncode == 0, second.output
    assert "installing Python packages" not in second.output  # requirements unchanged: pip not run
    assert "kept the start-up archive" in second.output, second.output
    spec_dir = user_venv / "share" / "jupyter" / "kernels" / "java-dl"
    assert find_specs(user_venv / "bin" / "python", env)["java-dl"] == str(spec_dir)
    print(f"second install: {secs:.1f} s (first {first_secs:.1f} s)")
    assert secs < first_secs
    # The kept archive still matches the kept jar: the JVM maps classes from it.
    archive_used = subprocess.run([str(spec_dir / "launch.sh"), "/nonexistent-connection-file"], capture_output=True,
                                  text=True, timeout=60,
                                  env={**env, "JAVADL_JVM_OPTS": "-Xlog:class+load=info"})
    assert archive_used.stdout.count("source: shared objects file (top)") > 50, archive_used.stdout[-2000:]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str, timeout=5.0, method="GET", body=None):
    req = urllib.request.Request(url, method=method, data=None if body is None else json.dumps(body).encode())
    with urllib.request.urlopen(req, timeout=timeout) as r:
        return r.status, r.read()


# Runs `6 * 7` through a Jupyter server's kernel websocket (JSON messages, as Lab sends them) and
# prints the execute_result's data. Runs with the .venv's Python, which has websocket-client.
WEBSOCKET_CELL = r"""
import json, sys, uuid, websocket
ws = websocket.create_connection(sys.argv[1], timeout=60)
msg_id = uuid.uuid4().hex
ws.send(json.dumps({"header": {"msg_id": msg_id, "msg_type": "execute_request", "username": "t", "session": "s",
                               "version": "5.3", "date": ""},
                    "parent_header": {}, "metadata": {}, "channel": "shell",
                    "content": {"code": "6 * 7", "silent": False, "store_history": True, "user_expressions": {},
                                "allow_stdin": False, "stop_on_error": True}}))
result = None
while True:
    m = json.loads(ws.recv())
    if m.get("parent_header", {}).get("msg_id") != msg_id:
        continue
    if m["msg_type"] == "execute_result":
        result = m["content"]["data"]
    if m["msg_type"] == "status" and m["content"]["execution_state"] == "idle":
        break
print(json.dumps(result))
"""


@pytest.mark.timeout(240)
def test_open_starts_jupyterlab_on_the_notebooks(user_venv, jar_copy, tmp_path):
    port, token = _free_port(), "javadl-setup-test"
    env = clean_env(tmp_path, JAVADL_VENV=str(user_venv))
    env.pop("DISPLAY", None)
    log = open(tmp_path / "lab.log", "w")
    server = subprocess.Popen(["bash", str(INSTALL), "--no-build", "--no-cds", "--jar", str(jar_copy), "--open",
                               "--no-browser", "--", f"--port={port}", f"--ServerApp.token={token}"],
                              cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    q = f"?token={token}"
    try:
        deadline = time.monotonic() + 120
        while True:
            assert server.poll() is None, (tmp_path / "lab.log").read_text()
            try:
                status, _ = _get(base + "/api/status" + q)
                if status == 200:
                    break
            except OSError:
                pass
            assert time.monotonic() < deadline, "JupyterLab did not answer:\n" + (tmp_path / "lab.log").read_text()
            time.sleep(0.5)
        _, page = _get(base + "/lab" + q)
        assert b"<title>JupyterLab</title>" in page
        # Opened on notebooks/: the server's root lists the bundled notebooks.
        _, contents = _get(base + "/api/contents" + q)
        names = {c["name"] for c in json.loads(contents)["content"]}
        bundled = {p.name for p in (REPO / "notebooks").glob("*.ipynb")}
        assert bundled and bundled <= names, (bundled, names)
        # The Launcher's card: the kernelspec with its logos, served by that JupyterLab.
        _, specs = _get(base + "/api/kernelspecs" + q)
        java = json.loads(specs)["kernelspecs"]["java-dl"]
        assert {"logo-64x64", "logo-32x32", "logo-svg"} <= set(java["resources"]), java
        _, png = _get(base + java["resources"]["logo-64x64"] + q)
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        _, svg = _get(base + java["resources"]["logo-svg"] + q)
        assert b"<svg" in svg
        # And a cell runs in that kernel the way Lab runs it: over the server's kernel websocket.
        _, made = _get(base + "/api/kernels" + q, method="POST", body={"name": "java-dl"})
        kid = json.loads(made)["id"]
        ran = subprocess.run([str(PROJECT_PY), "-c", WEBSOCKET_CELL, f"ws://127.0.0.1:{port}/api/kernels/{kid}/channels{q}"],
                             capture_output=True, text=True, timeout=90)
        assert ran.returncode == 0 and json.loads(ran.stdout) == {"text/plain": "42"}, ran.stdout + ran.stderr
        _get(base + f"/api/kernels/{kid}" + q, method="DELETE")
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        log.close()


def test_open_under_ci_prints_the_command_instead_of_blocking(user_venv, jar_copy, tmp_path):
    env = clean_env(tmp_path, JAVADL_VENV=str(user_venv), CI="true")
    proc = install("--no-build", "--no-cds", "--jar", str(jar_copy), "--open", env=env, timeout=120)
    assert proc.returncode == 0, proc.output
    assert "not starting JupyterLab" in proc.output
    assert f"--ServerApp.root_dir={REPO}/notebooks" in proc.output
    assert "--no-browser" in proc.output  # no DISPLAY here, or none needed


def test_an_existing_jupyterlab_is_used_as_it_is(jar_copy, tmp_path):
    # A user's own JupyterLab (as pip installs it: a jupyter-lab script naming its Python) on PATH.
    lab_env = _venv_seeing_project_packages(tmp_path / "users-lab")
    bin_dir = tmp_path / "userbin"
    bin_dir.mkdir()
    (bin_dir / "jupyter-lab").write_text(f"#!{lab_env}/bin/python\nimport sys\nfrom jupyterlab.labapp import main\n"
                                         "sys.exit(main())\n")
    (bin_dir / "jupyter-lab").chmod(0o755)
    unused_venv = tmp_path / "never-made"
    env = clean_env(tmp_path / "home", JAVADL_VENV=str(unused_venv))
    env["PATH"] = f"{bin_dir}{os.pathsep}{env['PATH']}"
    proc = install("--no-build", "--no-cds", "--jar", str(jar_copy), env=env)
    assert proc.returncode == 0, proc.output
    assert "using the JupyterLab 4" in proc.output and str(bin_dir / "jupyter-lab") in proc.output
    assert not unused_venv.exists()  # no environment of our own
    user_spec = tmp_path / "home" / ".local" / "share" / "jupyter" / "kernels" / "java-dl"
    assert (user_spec / "kernel.json").is_file()
    assert Path(find_specs(lab_env / "bin" / "python", env)["java-dl"]).resolve() == user_spec.resolve()
    assert "warning" not in proc.output
    # A stale java-dl in that Lab's own environment would shadow it: the script says so.
    stale = lab_env / "share" / "jupyter" / "kernels" / "java-dl"
    shutil.copytree(user_spec, stale)
    again = install("--no-build", "--no-cds", "--jar", str(jar_copy), env=env)
    assert again.returncode == 0, again.output
    assert f"finds another 'java-dl' first, in {stale}" in again.stderr, again.output


def test_classic_opens_debians_notebook(jar_copy, tmp_path):
    if subprocess.run(["/usr/bin/python3", "-c", "import notebook"], capture_output=True).returncode != 0:
        pytest.skip("Debian's classic Notebook is not installed")
    env = clean_env(tmp_path, CI="true")
    proc = install("--no-build", "--no-cds", "--jar", str(jar_copy), "--classic", "--open", env=env)
    assert proc.returncode == 0, proc.output
    assert "not starting the classic Notebook" in proc.output
    assert "/usr/bin/python3 -m notebook" in proc.output and f"--notebook-dir={REPO}/notebooks" in proc.output
    assert (tmp_path / ".local" / "share" / "jupyter" / "kernels" / "java-dl" / "kernel.json").is_file()


def test_missing_python_names_what_to_install(jar_copy, tmp_path):
    # A PATH with every command of /usr/bin except Python, pip and Jupyter.
    farm = tmp_path / "bin"
    farm.mkdir()
    for entry in Path("/usr/bin").iterdir():
        if not entry.name.startswith(("python", "pip", "jupyter", "ipython")):
            (farm / entry.name).symlink_to(entry)
    env = clean_env(tmp_path, JAVADL_VENV=str(tmp_path / "venv"))
    env["PATH"] = str(farm)
    proc = install("--no-build", "--no-cds", "--jar", str(jar_copy), env=env)
    assert proc.returncode != 0
    assert APT_HINT in proc.stderr, proc.output
    assert not (tmp_path / "venv" / "share" / "jupyter" / "kernels").exists()


def test_a_venv_without_pip_names_what_to_install(jar_copy, tmp_path):
    venv = tmp_path / "nopip"
    subprocess.run([str(PROJECT_PY), "-m", "venv", "--without-pip", str(venv)],
                   check=True)
    env = clean_env(tmp_path, JAVADL_VENV=str(venv))
    proc = install("--no-build", "--no-cds", "--jar", str(jar_copy), env=env)
    assert proc.returncode != 0
    assert "has no pip" in proc.stderr and "apt-get install -y python3-pip python3-venv" in proc.stderr, proc.output


@pytest.mark.timeout(240)
@pytest.mark.parametrize("jdk", ["default", "jdk25"])
def test_no_vector_api_starts_without_the_incubator_module_and_still_multiplies(jdk, jar_copy, tmp_path, monkeypatch):
    """``--no-vector-api``: the launcher leaves ``jdk.incubator.vector`` out (so the start-up archive
    keeps the module graph), the archive is still made, and matrix products take MatMul's plain-Java
    path with the same results."""
    from conftest import JDK25_HOME, KernelHandle
    args = ["--no-build", "--jar", str(jar_copy), "--no-deps", "--prefix", str(tmp_path / "prefix"),
            "--name", "novec", "--no-vector-api"]
    if jdk == "jdk25":
        if not (JDK25_HOME / "bin" / "java").exists():
            pytest.skip(f"no JDK 25 at {JDK25_HOME}")
        args += ["--java-home", str(JDK25_HOME)]
    proc = install(*args, env=clean_env(tmp_path / "home"))
    assert proc.returncode == 0, proc.output
    spec = tmp_path / "prefix" / "share" / "jupyter" / "kernels" / "novec"
    launch = (spec / "launch.sh").read_text()
    assert "--add-modules" not in launch, launch
    assert "made a start-up archive" in proc.output, proc.output
    monkeypatch.setenv("JUPYTER_PATH", str(spec.parent.parent))
    k = KernelHandle("novec", tmp_path / "kernel.log")
    try:
        assert k.value('ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()') == "false"
        # A product large enough for MatMul's blocked path, checked against a plain triple loop.
        k.run("Tensor a = Tensor.randn(7, 67, 45), b = Tensor.randn(8, 45, 71), c = a.matmul(b);")
        worst = k.value("double worst = 0; for (int i = 0; i < 67; i++) for (int j = 0; j < 71; j++) {"
                        " double s = 0; for (int p = 0; p < 45; p++) s += a.get(i, p) * b.get(p, j);"
                        " worst = Math.max(worst, Math.abs(s - c.get(i, j))); } worst")
        assert float(worst) < 1e-9, worst
    finally:
        k.stop()
