"""Shared pytest fixtures for driving the javadl Jupyter kernel through Jupyter's own client.

Everything here talks to the kernel over the Jupyter messaging protocol (``jupyter_client``),
exactly like a notebook front end would. Run with Debian's Python, which has the Jupyter
packages:

    cd /work/main && mvn -q package -DskipTests          # builds kernel/target/javadl-kernel.jar
    /usr/bin/python3 -m pytest -q tests/

Nothing is built here. The session fixture :func:`kernel_name` installs the kernelspec from the
already built jar with ``install-kernel.sh --prefix TMP --no-build`` into a fresh temporary
directory and points ``JUPYTER_PATH`` at it (in ``os.environ``, so nbclient, jupyter_console and
any ``jupyter`` subprocess find the kernel by name too). The jar is first copied to the temp dir
(``install-kernel.sh --jar COPY``), so a rebuild while the tests run does not swap the kernel under test.

Fixtures (see their docstrings):

``kernel_name``          session: installs ``java-dl`` (default ``java``, JDK 17), returns the name
``kernel_name_jdk25``    session: installs ``java-dl-jdk25`` (Temurin 25), skips if that JDK is absent
``jdk_kernel_name``      parametrised over ``jdk17`` / ``jdk25``: one of the two names above
``kernel``               module: one started :class:`KernelHandle` shared by a test module
``fresh_kernel``         function: a new :class:`KernelHandle` for tests that hurt the kernel
``jdk_kernel``           function: a new :class:`KernelHandle` on JDK 17 and on Temurin 25
``start_kernel``         function: factory ``start_kernel(name=None, **kw) -> KernelHandle``;
                         all kernels it started are shut down after the test

:class:`KernelHandle` wraps a ``KernelManager`` and a ``BlockingKernelClient`` with helpers
(``execute``, ``complete``, ``inspect``, ``is_complete``, ``history``, ``kernel_info``, CPU and
memory of the kernel process tree, the kernel's captured stderr). ``execute`` returns an
:class:`Execution`, a ``(reply, outputs)`` named tuple with convenience properties.

Every test gets a wall-clock limit (default 90 s; ``@pytest.mark.timeout(SECONDS)`` overrides it),
so a kernel that never answers fails the test instead of hanging the run.
"""
from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import time
from collections import namedtuple
from pathlib import Path
from queue import Empty

import pytest

REPO = Path(__file__).resolve().parents[1]
JAR = REPO / "kernel" / "target" / "javadl-kernel.jar"
INSTALL_SCRIPT = REPO / "install-kernel.sh"
NOTEBOOK_JAVA = REPO / "kernel" / "src" / "main" / "java" / "org" / "javadl" / "kernel" / "runtime" / "Notebook.java"

KERNEL_NAME = "java-dl"
KERNEL_NAME_JDK25 = "java-dl-jdk25"
JDK25_HOME = Path(os.environ.get("JAVADL_TEST_JDK25", "/usr/lib/jvm/temurin-25-jdk-amd64"))

#: seconds to wait for a started kernel to answer kernel_info
STARTUP_TIMEOUT = float(os.environ.get("JAVADL_TEST_STARTUP_TIMEOUT", "60"))
#: default seconds to wait for any single reply
REPLY_TIMEOUT = 30.0
#: default per-test wall-clock limit in seconds
TEST_TIMEOUT = float(os.environ.get("JAVADL_TEST_TIMEOUT", "90"))

CLK_TCK = os.sysconf("SC_CLK_TCK")
ANSI_RE = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def strip_ansi(text: str) -> str:
    """Remove ANSI escape sequences (colours) from ``text``."""
    return ANSI_RE.sub("", text)


def notebook_api_has(method: str) -> bool:
    """True if ``org.javadl.kernel.runtime.Notebook`` declares a public method named ``method``.

    Used to skip tests of optional notebook API (``clearOutput``, ``plot``, a pager) that the
    kernel does not offer (yet). Reads the source file, so no JVM is needed.
    """
    try:
        src = NOTEBOOK_JAVA.read_text(encoding="utf-8")
    except OSError:
        return False
    return re.search(r"public\s+static\s+[\w<>\[\], ?]+\s+" + re.escape(method) + r"\s*\(", src) is not None


# --------------------------------------------------------------------------- per-test timeout
class TestTimeout(Exception):
    """Raised in the test's thread when it exceeds its wall-clock limit."""

    __test__ = False  # not a test class


def pytest_configure(config):
    config.addinivalue_line("markers", "timeout(seconds): wall-clock limit for one test (default 90 s)")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item, nextitem):
    marker = item.get_closest_marker("timeout")
    limit = float(marker.args[0]) if marker and marker.args else TEST_TIMEOUT

    def on_alarm(signum, frame):
        raise TestTimeout(f"{item.nodeid} exceeded its {limit:.0f} s limit")

    old = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, limit)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


# --------------------------------------------------------------------------- /proc helpers
def proc_tree(root: int) -> list[int]:
    """``root`` and all of its live descendants (read from /proc)."""
    children: dict[int, list[int]] = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
                children.setdefault(ppid, []).append(int(d))
            except (OSError, IndexError, ValueError):
                pass
    out, todo = [], [root]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children.get(p, []))
    return out


def tree_cpu_seconds(pid: int) -> float:
    """utime + stime (seconds) consumed so far by ``pid`` and its live descendants."""
    total = 0
    for p in proc_tree(pid):
        try:
            with open(f"/proc/{p}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        except (OSError, IndexError, ValueError):
            pass
    return total / CLK_TCK


def tree_rss_mib(pid: int) -> float:
    """Sum of VmRSS over ``pid`` and its live descendants, in MiB."""
    kb = 0
    for p in proc_tree(pid):
        try:
            with open(f"/proc/{p}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        kb += int(line.split()[1])
                        break
        except OSError:
            pass
    return kb / 1024


# --------------------------------------------------------------------------- results
class Execution(namedtuple("Execution", "reply outputs")):
    """Result of :meth:`KernelHandle.execute`: ``(reply, outputs)``.

    ``reply`` is the ``execute_reply`` message; ``outputs`` are the IOPub messages with this
    request as parent, in arrival order, up to (excluding) ``status: idle`` and excluding
    ``status`` messages. ``input_requests`` lists the ``input_request`` messages seen on stdin.
    """

    input_requests: list

    @property
    def content(self) -> dict:
        return self.reply["content"]

    @property
    def status(self) -> str:
        return self.reply["content"]["status"]

    @property
    def execution_count(self):
        return self.reply["content"].get("execution_count")

    def of_type(self, *msg_types) -> list:
        return [m for m in self.outputs if m["msg_type"] in msg_types]

    def stream(self, name: str = "stdout") -> str:
        """Concatenated text of the ``stream`` messages named ``name`` (stdout/stderr)."""
        return "".join(m["content"]["text"] for m in self.of_type("stream") if m["content"]["name"] == name)

    @property
    def stdout(self) -> str:
        return self.stream("stdout")

    @property
    def stderr(self) -> str:
        return self.stream("stderr")

    @property
    def result(self):
        """``text/plain`` of the ``execute_result``, or None if there was none."""
        res = self.of_type("execute_result")
        return res[-1]["content"]["data"].get("text/plain") if res else None

    @property
    def error(self):
        """The ``error`` IOPub message content, or None."""
        errs = self.of_type("error")
        return errs[-1]["content"] if errs else None

    @property
    def traceback(self) -> str:
        """The reply's traceback joined by newlines, ANSI colours removed."""
        return strip_ansi("\n".join(self.content.get("traceback") or []))

    def assert_ok(self):
        assert self.status == "ok", f"cell failed: {self.content.get('ename')}: {self.content.get('evalue')}\n{self.traceback}"
        return self


class KernelHandle:
    """A started kernel plus a blocking client, with request helpers.

    All waits are bounded: a missing reply raises ``AssertionError`` (``TimeoutError`` is not used
    so that pytest shows the request that went unanswered).
    """

    def __init__(self, kernel_name: str, log_path: Path, startup_timeout: float = STARTUP_TIMEOUT, env=None):
        from jupyter_client.manager import KernelManager

        self.kernel_name = kernel_name
        self.log_path = Path(log_path)
        self._log = open(self.log_path, "ab")
        self.km = KernelManager(kernel_name=kernel_name)
        t0 = time.perf_counter()
        kw = {"stdout": self._log, "stderr": self._log}
        if env is not None:
            kw["env"] = env
        self.km.start_kernel(**kw)
        self.kc = self.km.client()
        self.kc.start_channels()
        try:
            self.kc.wait_for_ready(timeout=startup_timeout)
        except RuntimeError as e:
            self.stop()
            raise AssertionError(f"kernel {kernel_name} did not become ready within {startup_timeout}s: {e}\n"
                                 f"kernel log:\n{self.log_text()[-3000:]}") from e
        self.startup_s = time.perf_counter() - t0
        self.dirty = False  # set by tests that may leave the kernel in a bad state
        self._drain_iopub(0.2)

    # ---------------------------------------------------------------- process
    @property
    def pid(self) -> int:
        return self.km.provisioner.pid

    @property
    def process(self):
        """The ``subprocess.Popen`` of the kernel (None once it has been cleaned up)."""
        return getattr(self.km.provisioner, "process", None)

    def exited(self) -> bool:
        p = self.process
        return p is None or p.poll() is not None

    def cpu_seconds(self) -> float:
        return tree_cpu_seconds(self.pid)

    def thread_dump(self) -> str:
        """The JVM's threads now (SIGQUIT makes it print them to its stdout, which is the kernel log):
        a test that times out waiting for the kernel says where the kernel was."""
        before = len(self.log_text())
        javas = []
        for p in proc_tree(self.pid):
            try:
                with open(f"/proc/{p}/comm") as f:
                    if f.read().strip() == "java":
                        javas.append(p)
            except OSError:
                pass
        if not javas:
            return "(no java process in the kernel's process tree)"
        for p in javas:
            try:
                os.kill(p, signal.SIGQUIT)
            except OSError:
                pass
        deadline, text = time.monotonic() + 3, ""
        while time.monotonic() < deadline:
            time.sleep(0.2)
            text = self.log_text()[before:]
            if "JNI global refs" in text:
                break
        return text

    def _timed_out(self, what: str, timeout: float) -> AssertionError:
        if timeout < 5:  # a short wait is a probe ("is it still running?"), not a stuck kernel
            return AssertionError(what)
        dump = "(the kernel has exited)" if self.exited() else self.thread_dump()
        return AssertionError(f"{what}\nkernel threads at that moment:\n{dump[:40000]}")

    def cpu_cores_over(self, seconds: float = 1.5) -> float:
        """Average number of cores the kernel process tree used over the next ``seconds``."""
        c0, t0 = self.cpu_seconds(), time.perf_counter()
        time.sleep(seconds)
        return (self.cpu_seconds() - c0) / (time.perf_counter() - t0)

    def wait_quiet(self, max_wait: float = 10.0, threshold: float = 0.1, window: float = 0.5) -> float:
        """Wait until the kernel tree uses < ``threshold`` cores over ``window`` s (JIT, warm-up
        threads done); gives up after ``max_wait`` s. Returns the last measured load."""
        deadline = time.monotonic() + max_wait
        load = self.cpu_cores_over(window)
        while load >= threshold and time.monotonic() < deadline:
            load = self.cpu_cores_over(window)
        return load

    def rss_mib(self) -> float:
        return tree_rss_mib(self.pid)

    def log_text(self) -> str:
        """Everything the kernel wrote to stdout/stderr so far."""
        self._log.flush()
        try:
            return self.log_path.read_text(errors="replace")
        except OSError:
            return ""

    # ---------------------------------------------------------------- waiting
    def wait_reply(self, msg_id: str, timeout: float = REPLY_TIMEOUT, what: str = "reply") -> dict:
        """Next shell message whose parent is ``msg_id`` (others are dropped)."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise self._timed_out(f"no {what} for {msg_id} within {timeout}s", timeout)
            try:
                msg = self.kc.get_shell_msg(timeout=min(left, 0.5))
            except Empty:
                continue
            if msg["parent_header"].get("msg_id") == msg_id:
                return msg

    def iopub_until_idle(self, msg_id: str, timeout: float = REPLY_TIMEOUT) -> list:
        """IOPub messages with parent ``msg_id`` up to ``status: idle`` (status messages dropped)."""
        deadline, out = time.monotonic() + timeout, []
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise self._timed_out(f"no status=idle on IOPub for {msg_id} within {timeout}s; got {out!r}", timeout)
            try:
                msg = self.kc.get_iopub_msg(timeout=min(left, 0.5))
            except Empty:
                continue
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "status":
                if msg["content"]["execution_state"] == "idle":
                    return out
                continue
            out.append(msg)

    def iopub_all(self, msg_id: str, timeout: float = REPLY_TIMEOUT) -> list:
        """Like :meth:`iopub_until_idle` but keeps the status messages."""
        deadline, out = time.monotonic() + timeout, []
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise self._timed_out(f"no status=idle on IOPub for {msg_id} within {timeout}s; got {out!r}", timeout)
            try:
                msg = self.kc.get_iopub_msg(timeout=min(left, 0.5))
            except Empty:
                continue
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            out.append(msg)
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                return out

    def _drain_iopub(self, quiet: float = 0.1):
        while True:
            try:
                self.kc.get_iopub_msg(timeout=quiet)
            except Empty:
                return

    def flush(self):
        """Drop whatever is queued on shell, IOPub and stdin."""
        for get in (self.kc.get_shell_msg, self.kc.get_iopub_msg, self.kc.get_stdin_msg):
            while True:
                try:
                    get(timeout=0.05)
                except Empty:
                    break

    # ---------------------------------------------------------------- requests
    def execute(self, code: str, timeout: float = REPLY_TIMEOUT, stdin=None, **kw) -> Execution:
        """Run ``code``; wait for the ``execute_reply`` and for IOPub ``idle``.

        ``kw`` goes to ``execute_request`` (``silent``, ``store_history``, ``allow_stdin``,
        ``stop_on_error``, ``user_expressions``). ``stdin`` answers ``input_request`` messages:
        a list of strings (consumed in order) or a callable ``(prompt, password) -> str``; giving
        it turns on ``allow_stdin``. Without it, ``allow_stdin`` defaults to False, and an
        ``input_request`` that arrives anyway fails the call.
        """
        if stdin is not None:
            kw.setdefault("allow_stdin", True)
            if not callable(stdin):
                answers = list(stdin)
                stdin = lambda prompt, password: answers.pop(0)  # noqa: E731
        kw.setdefault("allow_stdin", False)
        msg_id = self.kc.execute(code, **kw)
        input_requests = []
        deadline = time.monotonic() + timeout
        reply = None
        while reply is None:
            left = deadline - time.monotonic()
            if left <= 0:
                raise self._timed_out(f"no execute_reply within {timeout}s for:\n{code}", timeout)
            try:
                req = self.kc.get_stdin_msg(timeout=0)
            except Empty:
                req = None
            if req is not None:
                if req["parent_header"].get("msg_id") == msg_id and req["msg_type"] == "input_request":
                    input_requests.append(req)
                    assert stdin is not None, f"unexpected input_request {req['content']!r} for:\n{code}"
                    self.kc.input(stdin(req["content"].get("prompt", ""), req["content"].get("password", False)))
                continue
            try:
                msg = self.kc.get_shell_msg(timeout=min(left, 0.05 if stdin is not None else 0.5))
            except Empty:
                continue
            if msg["parent_header"].get("msg_id") == msg_id:
                reply = msg
        outputs = self.iopub_until_idle(msg_id, timeout=max(5.0, deadline - time.monotonic()))
        ex = Execution(reply, outputs)
        ex.input_requests = input_requests
        return ex

    def run(self, code: str, **kw) -> Execution:
        """:meth:`execute` and assert the cell succeeded."""
        return self.execute(code, **kw).assert_ok()

    def value(self, code: str, **kw):
        """``text/plain`` of the execute_result of ``code`` (which must succeed)."""
        return self.run(code, **kw).result

    def _request(self, send, what, timeout):
        msg_id = send()
        reply = self.wait_reply(msg_id, timeout, what)
        try:
            self.iopub_until_idle(msg_id, timeout=2)
        except AssertionError:
            pass  # busy/idle around non-execute requests is optional
        return reply["content"]

    def complete(self, code: str, cursor_pos: int | None = None, timeout: float = REPLY_TIMEOUT) -> dict:
        return self._request(lambda: self.kc.complete(code, len(code) if cursor_pos is None else cursor_pos),
                             "complete_reply", timeout)

    def inspect(self, code: str, cursor_pos: int | None = None, detail_level: int = 0,
                timeout: float = REPLY_TIMEOUT) -> dict:
        return self._request(lambda: self.kc.inspect(code, len(code) if cursor_pos is None else cursor_pos,
                                                     detail_level), "inspect_reply", timeout)

    def is_complete(self, code: str, timeout: float = REPLY_TIMEOUT) -> dict:
        return self._request(lambda: self.kc.is_complete(code), "is_complete_reply", timeout)

    def history(self, timeout: float = REPLY_TIMEOUT, **kw) -> dict:
        kw.setdefault("raw", True)
        kw.setdefault("output", False)
        return self._request(lambda: self.kc.history(**kw), "history_reply", timeout)

    def kernel_info(self, timeout: float = REPLY_TIMEOUT) -> dict:
        return self._request(self.kc.kernel_info, "kernel_info_reply", timeout)

    def interrupt(self):
        """``KernelManager.interrupt_kernel()`` (an ``interrupt_request`` on control for message mode)."""
        self.km.interrupt_kernel()

    def alive(self, timeout: float = 10.0) -> bool:
        """True if the kernel still answers a trivial cell (retrying ``aborted`` replies)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                ex = self.execute("1+1", timeout=max(0.5, deadline - time.monotonic()))
            except AssertionError:
                return False
            if ex.status == "ok":
                return True
            time.sleep(0.05)
        return False

    def stop(self):
        """Stop channels and kill the kernel if it is still running (idempotent)."""
        try:
            self.kc.stop_channels()
        except Exception:  # noqa: BLE001
            pass
        try:
            if self.km.has_kernel:
                self.km.shutdown_kernel(now=True)
            else:
                self.km.cleanup_resources()
        except Exception:  # noqa: BLE001
            pass
        try:
            self._log.close()
        except Exception:  # noqa: BLE001
            pass


# --------------------------------------------------------------------------- kernelspec install
_jar_copy: list = []


def _jar_snapshot(tmp_dir: Path) -> Path | None:
    """A private copy of the built jar, so a rebuild during the run cannot change the kernel under test.

    Returns None if ``install-kernel.sh`` has no ``--jar`` option (then the jar is used in place).
    """
    if _jar_copy:
        return _jar_copy[0]
    if "--jar)" not in INSTALL_SCRIPT.read_text(errors="replace"):
        return None
    last = None
    for _ in range(60):  # wait until a rebuild in progress has finished writing the jar
        try:
            st = JAR.stat()
        except FileNotFoundError:
            st = None
        if st is not None and last is not None and (st.st_size, st.st_mtime_ns) == last:
            break
        last = None if st is None else (st.st_size, st.st_mtime_ns)
        time.sleep(1)
    copy = tmp_dir / "javadl-kernel.jar"
    shutil.copyfile(JAR, copy)
    _jar_copy.append(copy)
    return copy


def _install(prefix: Path, name: str | None = None, java_home: Path | None = None,
             display_name: str | None = None) -> Path:
    if not JAR.is_file():
        pytest.exit(f"{JAR} is missing: build it first with `cd {REPO} && mvn -q package -DskipTests`", returncode=3)
    if not INSTALL_SCRIPT.is_file():
        pytest.exit(f"{INSTALL_SCRIPT} is missing: the kernelspec cannot be installed", returncode=3)
    cmd = ["bash", str(INSTALL_SCRIPT), "--prefix", str(prefix), "--no-build"]
    jar = _jar_snapshot(prefix.parent)
    if jar is not None:
        cmd += ["--jar", str(jar)]
    env = dict(os.environ)
    env.pop("JAVA_HOME", None)  # the default kernel uses the default `java` (JDK 17)
    if name:
        cmd += ["--name", name]
    if display_name:
        cmd += ["--display-name", display_name]
    if java_home:
        cmd += ["--java-home", str(java_home)]
    proc = subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
    spec_dir = prefix / "share" / "jupyter" / "kernels" / (name or KERNEL_NAME)
    if proc.returncode != 0 or not (spec_dir / "kernel.json").is_file():
        pytest.fail(f"`{' '.join(cmd)}` failed (exit {proc.returncode}); no {spec_dir}/kernel.json\n"
                    f"stdout:\n{proc.stdout}\nstderr:\n{proc.stderr}", pytrace=False)
    return prefix / "share" / "jupyter"


def _prepend_jupyter_path(path: Path):
    old = os.environ.get("JUPYTER_PATH")
    os.environ["JUPYTER_PATH"] = str(path) + (os.pathsep + old if old else "")


@pytest.fixture(scope="session")
def kernel_name(tmp_path_factory):
    """Install the ``java-dl`` kernelspec (default JDK) into a temp prefix; return its name.

    ``JUPYTER_PATH`` is prepended in ``os.environ`` for the rest of the session, so
    ``KernelManager(kernel_name="java-dl")``, nbclient and ``jupyter`` subprocesses all find it.
    """
    old = os.environ.get("JUPYTER_PATH")
    prefix = tmp_path_factory.mktemp("kernelspec-jdk17")
    _prepend_jupyter_path(_install(prefix))
    from jupyter_client.kernelspec import KernelSpecManager
    spec = KernelSpecManager().get_kernel_spec(KERNEL_NAME)
    assert str(prefix) in spec.resource_dir, f"{KERNEL_NAME} resolved to {spec.resource_dir}, not the fresh install"
    yield KERNEL_NAME
    if old is None:
        os.environ.pop("JUPYTER_PATH", None)
    else:
        os.environ["JUPYTER_PATH"] = old


@pytest.fixture(scope="session")
def kernel_name_jdk25(kernel_name, tmp_path_factory):
    """Install a second kernelspec ``java-dl-jdk25`` running on Temurin 25; return its name.

    Skips if ``/usr/lib/jvm/temurin-25-jdk-amd64`` (or ``$JAVADL_TEST_JDK25``) does not exist.
    """
    if not (JDK25_HOME / "bin" / "java").exists():
        pytest.skip(f"Temurin 25 not installed at {JDK25_HOME}")
    prefix = tmp_path_factory.mktemp("kernelspec-jdk25")
    _prepend_jupyter_path(_install(prefix, name=KERNEL_NAME_JDK25, java_home=JDK25_HOME,
                                   display_name="Java (javadl, JDK 25)"))
    return KERNEL_NAME_JDK25


@pytest.fixture(params=["jdk17", "jdk25"])
def jdk_kernel_name(request):
    """Kernelspec name for JDK 17 (the default ``java``) and for Temurin 25 (skipped if absent)."""
    if request.param == "jdk17":
        return request.getfixturevalue("kernel_name")
    return request.getfixturevalue("kernel_name_jdk25")


@pytest.fixture(scope="session")
def kernel_logs(tmp_path_factory):
    """Directory collecting the stdout/stderr of every kernel started by the fixtures."""
    return tmp_path_factory.mktemp("kernel-logs")


class _Starter:
    def __init__(self, default_name, logs, label):
        self.default_name, self.logs, self.label = default_name, logs, label
        self.handles = []

    def __call__(self, name=None, **kw) -> KernelHandle:
        name = name or self.default_name
        log = self.logs / f"{self.label}-{name}-{len(self.handles)}-{os.getpid()}-{time.monotonic_ns()}.log"
        h = KernelHandle(name, log, **kw)
        self.handles.append(h)
        return h

    def close(self):
        for h in self.handles:
            h.stop()


def _label(request):
    return re.sub(r"[^\w.-]+", "_", request.node.name)[:80]


@pytest.fixture
def start_kernel(kernel_name, kernel_logs, request):
    """Factory: ``start_kernel(name=None, **kw) -> KernelHandle`` (default name ``java-dl``).

    Every kernel started through it is stopped when the test ends.
    """
    s = _Starter(kernel_name, kernel_logs, _label(request))
    yield s
    s.close()


@pytest.fixture(scope="module")
def kernel(kernel_name, kernel_logs, request):
    """One started ``java-dl`` kernel shared by all tests of a module (state carries over)."""
    s = _Starter(kernel_name, kernel_logs, re.sub(r"\W+", "_", request.module.__name__))
    h = s()
    yield h
    s.close()


@pytest.fixture
def fresh_kernel(start_kernel):
    """A new ``java-dl`` kernel for this test only."""
    return start_kernel()


@pytest.fixture
def jdk_kernel(jdk_kernel_name, start_kernel):
    """A new kernel for this test, once on JDK 17 and once on Temurin 25."""
    return start_kernel(jdk_kernel_name)
