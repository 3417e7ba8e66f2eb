"""``jupyter console --kernel java-dl`` in a real pseudo-terminal (tmux), read from the screen.

tmux renders what prompt_toolkit draws, so ``capture-pane`` gives the screen a person sees
(no escape sequences to pick apart). Each test session uses its own tmux server socket and kills
only that server at the end.

Covered: a cell's result (``Out[1]: 2``), an error with its traceback, a multi-line cell (the
console asks ``is_complete`` and shows a continuation prompt until the closing brace), Tab
completion (``Math.ab`` -> ``abs``), and a clean exit (Ctrl-D, confirm) that also stops the kernel.
"""
from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import sys
import time

import pytest

from conftest import proc_tree, tree_cpu_seconds

# The console of the Python running the tests: Debian's /usr/bin/jupyter, or the .venv's (jupyter_console 6.6).
_OWN_JUPYTER = os.path.join(os.path.dirname(sys.executable), "jupyter")
JUPYTER = _OWN_JUPYTER if sys.prefix != sys.base_prefix and os.access(_OWN_JUPYTER, os.X_OK) else "/usr/bin/jupyter"
TMUX = shutil.which("tmux")

pytestmark = pytest.mark.skipif(TMUX is None, reason="tmux is not installed (apt-get install tmux)")


class Console:
    """A ``jupyter console`` running in a detached tmux session."""

    def __init__(self, kernel_name: str, *options: str, width: int = 160, height: int = 60):
        self.sock = f"javadl-console-{os.getpid()}-{time.monotonic_ns()}"
        env_jp = os.environ.get("JUPYTER_PATH", "")
        self.tmux("new-session", "-d", "-s", "c", "-x", str(width), "-y", str(height),
                  "env", f"JUPYTER_PATH={env_jp}", "TERM=xterm-256color",
                  JUPYTER, "console", "--kernel", kernel_name, *options)
        self.tmux("set-option", "-t", "c", "remain-on-exit", "on")
        self.dismissed = 0

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
            self.dismiss_client_errors(scr)
            m = rx.search(scr, after)
            if m:
                return m
            if time.monotonic() > deadline:
                raise AssertionError(f"{pattern!r} did not appear on the console within {timeout}s; screen:\n{scr}")
            time.sleep(0.2)

    def dismiss_client_errors(self, scr: str):
        """jupyter_console 6.4.4 on Python 3.11 sometimes reports "Unhandled exception in event loop
        ... cannot enter context ... is already entered" (an asyncio/prompt_toolkit bug in the
        client) and waits at "Press ENTER to continue...", which would swallow the next keys typed.
        Nothing of the kernel is involved: answer the prompt, once per occurrence."""
        seen = scr.count("Press ENTER to continue...")
        while self.dismissed < seen:
            self.keys("Enter")
            self.dismissed += 1
            time.sleep(0.3)

    def mark(self) -> int:
        """Offset of the last screen line (the current prompt): search from there for what the
        next input produces."""
        scr = self.screen()
        return scr.rfind("\n") + 1

    def kernel_pids(self) -> list[int]:
        return [p for p in proc_tree(int(self.pane("#{pane_pid}"))) if _is_javadl_kernel(p)]

    def wait_kernel_quiet(self, max_wait: float = 30.0):
        """Wait until the console's kernel uses < 0.1 core over 0.5 s (start-up work done)."""
        deadline = time.monotonic() + max_wait
        while time.monotonic() < deadline:
            pids = self.kernel_pids()
            if pids:
                c0 = tree_cpu_seconds(pids[0])
                time.sleep(0.5)
                if tree_cpu_seconds(pids[0]) - c0 < 0.05:
                    return
            else:
                time.sleep(0.2)

    def pane(self, fmt: str) -> str:
        return self.tmux("display-message", "-p", "-t", "c", fmt).strip()

    def close(self):
        try:
            self.tmux("kill-server", check=False)
        except subprocess.TimeoutExpired:
            pass


@contextlib.contextmanager
def open_console(kernel_name, *options, quiet: bool = False):
    """A console at its first prompt; with ``quiet``, also after its kernel finished warming up
    (CPU use settled), so a test does not depend on how fast the kernel's first is_complete is
    (that has its own test, test_console_first_cell_right_after_start). A longer
    ``kernel_is_complete_timeout`` is no way out: the console blocks its event loop while it
    waits, and prompt_toolkit 3 then fails with "generator already executing"."""
    c = Console(kernel_name, *options)
    kernels = []
    try:
        c.wait_for(r"^In \[1\]: ?", timeout=90)
        kernels = c.kernel_pids()
        if quiet:
            c.wait_kernel_quiet()
        yield c
    finally:
        c.close()
        # a kernel the console did not shut down (a failed test) must not outlive the test
        deadline = time.monotonic() + 10
        for p in kernels:
            while _is_javadl_kernel(p) and time.monotonic() < deadline:
                time.sleep(0.2)
            if _is_javadl_kernel(p):
                try:
                    os.kill(p, 9)
                except OSError:
                    pass


def in_console(kernel_name, body, *, quiet: bool, attempts: int = 3):
    """Run ``body(console)`` in a fresh console. jupyter_console 6.4.4 on Python 3.11 sometimes
    breaks its own event loop ("Unhandled exception in event loop ... cannot enter context":
    jupyter_client's run_sync re-enters the running asyncio loop through nest_asyncio while a
    cell runs; jupyter/jupyter_client#927 shows it with other kernels too). From then on it drops
    or repeats keys, so what the test typed is no longer what the console sent. A failure that
    follows such an error is the client's: the whole scenario runs again in a new console (a new
    kernel too), and only if every attempt meets the client bug is the test skipped, saying so.
    A failure without that error fails the test at once."""
    seen = []
    for _ in range(attempts):
        with open_console(kernel_name, quiet=quiet) as c:
            try:
                return body(c)
            except AssertionError as e:
                if not c.dismissed:
                    raise
                seen.append(str(e).splitlines()[0])
    pytest.skip(f"jupyter_console's event loop failed ('cannot enter context', a client bug) in all "
                f"{attempts} attempts; what went wrong after it: {seen}")


def last_line(c: Console) -> str:
    return c.screen().splitlines()[-1]


@pytest.mark.timeout(600)
def test_console_session(kernel_name):
    def scenario(c: Console):
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
        # tmux may record the status a moment after the pane is marked dead
        status_deadline = time.monotonic() + 3
        while not (c.pane("#{pane_dead_status}") or c.pane("#{pane_dead_signal}")) and time.monotonic() < status_deadline:
            time.sleep(0.1)
        status, signal = c.pane("#{pane_dead_status}"), c.pane("#{pane_dead_signal}")
        assert not signal, f"jupyter console was killed by signal {signal}"
        assert status in ("0", ""), f"jupyter console exited with {status}"
        # what matters for the kernel: leaving the console took its kernel down with it
        gone_deadline = time.monotonic() + 10
        while any(os.path.exists(f"/proc/{k}") for k in kernels) and time.monotonic() < gone_deadline:
            time.sleep(0.2)
        assert not any(os.path.exists(f"/proc/{k}") for k in kernels), f"kernel {kernels} outlived the console"
        scr = c.screen()
        assert "Traceback" not in scr, f"Python traceback on the console:\n{scr}"
        deadline = time.monotonic() + 15
        while any(os.path.exists(f"/proc/{p}") and _is_javadl_kernel(p) for p in kernels):
            assert time.monotonic() < deadline, f"the kernel {kernels} outlived jupyter console"
            time.sleep(0.2)
    in_console(kernel_name, scenario, quiet=True)


@pytest.mark.timeout(300)
def test_console_first_cell_right_after_start(kernel_name):
    """A user who types a cell as soon as the prompt shows. jupyter console waits only 1 s
    (kernel_is_complete_timeout) for the kernel's is_complete_reply; if that first reply is late,
    the console warns, stops asking the kernel for the rest of the session (so Java blocks no
    longer get a continuation prompt) and, reading the late reply as the answer to the next
    request, shows every later result one prompt behind (``Out[1]: 2`` followed by ``In [1]:``)."""
    def scenario(c: Console):
        c.line("1+1")
        c.wait_for(r"^Out\[1\]: 2$", timeout=60)
        time.sleep(0.5)
        scr = c.screen()
        assert "did not respond to an is_complete_request" not in scr, \
            f"the kernel's first is_complete_reply took longer than jupyter console's 1 s:\n{scr}"
        c.wait_for(r"^In \[2\]: ?$", timeout=10)
        time.sleep(0.5)
        c.dismiss_client_errors(c.screen())
        # the client's event loop broke after the first cell: keys typed from here are unreliable
        assert not c.dismissed, "jupyter_console's event loop failed after the first cell"
        mark = c.mark()
        c.line("for (int i = 0; i < 2; i++) {")
        c.wait_for(r"^\s+\.\.\.: ?", after=mark, timeout=15)
        c.line('System.out.println("row " + i);')
        c.line("}")
        c.wait_for(r"^row 1$", after=mark)
        c.wait_for(r"^In \[3\]: ?$", after=mark)
    in_console(kernel_name, scenario, quiet=False)


@pytest.mark.timeout(300)
def test_console_screen_has_no_kernel_log_noise(kernel_name):
    """Nothing but prompts and cell output on the terminal: the kernel must not write warnings
    (e.g. SLF4J's "No SLF4J providers were found") into the console user's prompt."""
    def scenario(c: Console):
        time.sleep(3)  # let the kernel's background warm-up finish (it wrote the SLF4J lines)
        c.line("table(\"x\", new double[]{1, 2}, \"y\", new double[]{3, 4})")
        c.wait_for(r"^In \[2\]: ?$", timeout=60)
        c.line("sigmoid(0.5)")
        c.wait_for(r"^In \[3\]: ?$", timeout=60)
        time.sleep(1.0)
        scr = c.screen()
        noise = [line for line in scr.splitlines() if re.search(r"SLF4J|WARNING|\[javadl ", line)]
        assert noise == [], "kernel log lines on the console screen:\n" + "\n".join(noise) + "\n--- screen:\n" + scr
    in_console(kernel_name, scenario, quiet=False)


def _is_javadl_kernel(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return b"javadl-kernel" in f.read()
    except OSError:
        return False


@pytest.mark.timeout(300)
def test_kernel_exits_when_console_terminal_is_closed(kernel_name):
    """Closing the terminal (tmux kills the pane: SIGHUP to jupyter console) gives the console no
    chance to send shutdown_request; the kernel must notice its parent is gone and exit instead of
    running on as an orphan."""
    def scenario(c: Console):
        c.line("1+1")
        c.wait_for(r"^Out\[1\]: 2$")
        kernels = c.kernel_pids()
        assert len(kernels) == 1, kernels
        c.close()  # kill-server: the pane's processes get SIGHUP
        deadline = time.monotonic() + 30
        while any(os.path.exists(f"/proc/{p}") and _is_javadl_kernel(p) for p in kernels):
            if time.monotonic() > deadline:
                for p in kernels:  # do not leave it behind for the next test
                    try:
                        os.kill(p, 9)
                    except OSError:
                        pass
                raise AssertionError(f"the kernel {kernels} kept running 30 s after its console's terminal was closed")
            time.sleep(0.3)
    in_console(kernel_name, scenario, quiet=True)