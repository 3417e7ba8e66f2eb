"""``jupyter console --kernel java-dl`` in a real pseudo-terminal (tmux), read from the screen.

tmux renders what prompt_toolkit draws, so ``capture-pane`` gives the screen a person sees
(no escape sequences to pick apart). Each test session uses its own tmux server socket and kills
only that server at the end.

Covered: a cell's result (``Out[1]: 2``), an error with its traceback, a multi-line cell (the
console asks ``is_complete`` and shows a continuation prompt until the closing brace), Tab
completion (``Math.ab`` -> ``abs``), and a clean exit (Ctrl-D, confirm) that also stops the kernel.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import time

import pytest

from conftest import proc_tree

JUPYTER = "/usr/bin/jupyter"
TMUX = shutil.which("tmux")

pytestmark = pytest.mark.skipif(TMUX is None, reason="tmux is not installed (apt-get install tmux)")


class Console:
    """A ``jupyter console`` running in a detached tmux session."""

    def __init__(self, kernel_name: str, width: int = 160, height: int = 60):
        self.sock = f"javadl-console-{os.getpid()}-{time.monotonic_ns()}"
        env_jp = os.environ.get("JUPYTER_PATH", "")
        self.tmux("new-session", "-d", "-s", "c", "-x", str(width), "-y", str(height),
                  "env", f"JUPYTER_PATH={env_jp}", "TERM=xterm-256color",
                  JUPYTER, "console", "--kernel", kernel_name)
        self.tmux("set-option", "-t", "c", "remain-on-exit", "on")

    def tmux(self, *args, check=True) -> str:
        p = subprocess.run([TMUX, "-L", self.sock, *args], capture_output=True, text=True, timeout=30)
        if check and p.returncode != 0:
            raise AssertionError(f"tmux {' '.join(args)} failed: {p.stderr}")
        return p.stdout

    def screen(self) -> str:
        """The whole pane plus its scroll-back, blank lines dropped."""
        out = self.tmux("capture-pane", "-p", "-J", "-S", "-2000", "-t", "c")
        return "\n".join(line.rstrip() for line in out.splitlines() if line.strip())

    def keys(self, *keys):
        """tmux key names (Enter, Tab, C-d)."""
        self.tmux("send-keys", "-t", "c", *keys)

    def type(self, text: str):
        """Literal text (no Enter). A trailing ';' is escaped: tmux would read it as a separator."""
        self.tmux("send-keys", "-t", "c", "-l", text[:-1] + "\\;" if text.endswith(";") else text)

    def line(self, text: str):
        self.type(text)
        self.keys("Enter")

    def wait_for(self, pattern: str, timeout: float = 30.0, after: int = 0) -> re.Match:
        """Wait until ``pattern`` (regex, multiline) matches the screen text after offset ``after``."""
        rx = re.compile(pattern, re.M)
        deadline = time.monotonic() + timeout
        while True:
            scr = self.screen()
            m = rx.search(scr, after)
            if m:
                return m
            if time.monotonic() > deadline:
                raise AssertionError(f"{pattern!r} did not appear on the console within {timeout}s; screen:\n{scr}")
            time.sleep(0.2)

    def mark(self) -> int:
        return len(self.screen())

    def pane(self, fmt: str) -> str:
        return self.tmux("display-message", "-p", "-t", "c", fmt).strip()

    def close(self):
        self.tmux("kill-server", check=False)


@pytest.fixture
def console(kernel_name):
    c = Console(kernel_name)
    try:
        c.wait_for(r"^In \[1\]: ?", timeout=90)
        yield c
    finally:
        c.close()


def last_line(c: Console) -> str:
    return c.screen().splitlines()[-1]


@pytest.mark.timeout(240)
def test_console_session(console):
    c = console
    pane_pid = int(c.pane("#{pane_pid}"))

    # ------------------------------------------------------------- a result
    c.line("1+1")
    c.wait_for(r"^Out\[1\]: 2$")
    c.wait_for(r"^In \[2\]: ?$")

    # ------------------------------------------------------------- an error, with traceback text
    mark = c.mark()
    c.line('Integer.parseInt("notanumber")')
    c.wait_for(r"NumberFormatException", after=mark)
    c.wait_for(r'For input string: "notanumber"', after=mark)
    c.wait_for(r"^\s+at .*Integer\.parseInt", after=mark)  # the traceback's frames are shown
    c.wait_for(r"^In \[3\]: ?$", after=mark)
    # a compile error points at the cell
    mark = c.mark()
    c.line("int x = \"text\";")
    c.wait_for(r"incompatible types", after=mark)
    c.wait_for(r"^In \[4\]: ?$", after=mark)

    # ------------------------------------------------------------- a multi-line cell
    mark = c.mark()
    c.line("void hello(String who) {")
    c.wait_for(r"^\s+\.\.\.: ?", after=mark, timeout=15)  # continuation prompt, not executed yet
    time.sleep(0.5)
    scr = c.screen()[mark:]
    assert "In [5]" not in scr and "Error" not in scr, f"the open brace was executed:\n{scr}"
    c.line('System.out.println("hello, " + who + "!");')
    time.sleep(1.0)
    scr = c.screen()[mark:]
    assert "In [5]" not in scr, f"the cell was run before its closing brace:\n{scr}"
    assert last_line(c).lstrip().startswith("...:"), f"no continuation prompt:\n{scr}"
    c.line("}")
    c.wait_for(r"^In \[5\]: ?$", after=mark)
    mark = c.mark()
    c.line('hello("console")')
    c.wait_for(r"^hello, console!$", after=mark)
    c.wait_for(r"^In \[6\]: ?$", after=mark)

    # ------------------------------------------------------------- Tab completion
    mark = c.mark()
    c.type("Math.ab")
    time.sleep(0.5)
    c.keys("Tab")
    c.wait_for(r"^In \[6\]: Math\.abs", after=mark)  # the common prefix was inserted
    c.wait_for(r"^\s+abs", after=mark)  # the menu lists abs( / absExact(
    c.type("(-5)")
    c.keys("Enter")
    c.wait_for(r"^Out\[6\]: 5$", after=mark)
    c.wait_for(r"^In \[7\]: ?$", after=mark)

    # ------------------------------------------------------------- the kernel process is there ...
    kernels = [p for p in proc_tree(pane_pid) if _is_javadl_kernel(p)]
    assert len(kernels) == 1, f"expected one javadl kernel under the console, found {kernels}"

    # ------------------------------------------------------------- ... and exit is clean
    c.keys("C-d")
    c.wait_for(r"Do you really want to exit", timeout=10)
    c.keys("y", "Enter")
    deadline = time.monotonic() + 30
    while c.pane("#{pane_dead}") != "1":
        assert time.monotonic() < deadline, f"jupyter console did not exit; screen:\n{c.screen()}"
        time.sleep(0.2)
    assert c.pane("#{pane_dead_status}") == "0", f"jupyter console exited with {c.pane('#{pane_dead_status}')}"
    scr = c.screen()
    assert "Traceback" not in scr, f"Python traceback on the console:\n{scr}"
    deadline = time.monotonic() + 15
    while any(os.path.exists(f"/proc/{p}") and _is_javadl_kernel(p) for p in kernels):
        assert time.monotonic() < deadline, f"the kernel {kernels} outlived jupyter console"
        time.sleep(0.2)


def test_console_screen_has_no_kernel_log_noise(console):
    """Nothing but prompts and cell output on the terminal: the kernel must not write warnings
    (e.g. SLF4J's "No SLF4J providers were found") into the console user's prompt."""
    c = console
    c.line("table(\"x\", new double[]{1, 2}, \"y\", new double[]{3, 4})")
    c.wait_for(r"^In \[2\]: ?$", timeout=60)
    c.line("plot(x -> Math.sin(x), -3, 3)")
    c.wait_for(r"^In \[3\]: ?$", timeout=60)
    time.sleep(1.0)
    scr = c.screen()
    noise = [line for line in scr.splitlines() if re.search(r"SLF4J|WARNING|\[javadl ", line)]
    assert noise == [], "kernel log lines on the console screen:\n" + "\n".join(noise) + "\n--- screen:\n" + scr


def _is_javadl_kernel(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return b"javadl-kernel" in f.read()
    except OSError:
        return False
