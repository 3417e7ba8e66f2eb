"""The kernel's JIT: C2 compiles the library, and nothing else; no profiled C1 code.

install-kernel.sh starts the kernel with tiered compilation, the compiler directives of
``kernel/kernelspec/jit-directives.json`` (C2 only for ``org.javadl.*`` outside the kernel; not
JShell's ``REPL`` classes of cells) and tier thresholds that route every other method from the interpreter
straight to plain C1 (tier 1), as ``-XX:TieredStopAtLevel=1`` did before. Timing the library would
flake on a shared machine, so this asks the JVM what it compiled (``jcmd PID Compiler.codelist``,
whose second column is the tier): after a cell runs a matrix product in a loop, the library's
``MatMul`` is at tier 4 (C2), no javac, JShell, kernel or JDK method is, and no method is at tier 2
or 3 (C1 with profiling, which would mean the thresholds do not do what they should).
kernel/bench/library_in_kernel.py measures the speed; the numbers are in BENCHMARKS.md.

About 5 s per JDK.
"""
from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest

LIBRARY_HOT_METHOD = "org.javadl.tensor.MatMul."
NOT_FOR_C2 = ("com.sun.tools.javac.", "jdk.jshell.", "org.javadl.kernel.", "java.", "jdk.internal.", "sun.")


def codelist(pid: int) -> list[tuple[int, str]]:
    """(tier, method) of every compiled method of JVM ``pid``, from the jcmd of the JDK it runs on."""
    jcmd = Path(os.path.realpath(f"/proc/{pid}/exe")).parent / "jcmd"
    out = subprocess.run([str(jcmd), str(pid), "Compiler.codelist"], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    rows = []
    for line in out.stdout.splitlines()[1:]:
        parts = line.split()
        if len(parts) >= 4 and parts[0].isdigit() and parts[1].isdigit():
            rows.append((int(parts[1]), parts[3]))
    return rows


@pytest.mark.timeout(120)
def test_c2_compiles_the_library_and_nothing_of_javac(jdk_kernel):
    k = jdk_kernel
    k.run("Tensor a = Tensor.randn(1, 256, 256), b = Tensor.randn(2, 256, 256);")
    deadline = time.monotonic() + 40
    while True:
        k.run("for (int i = 0; i < 10; i++) { a.matmul(b); }")
        rows = codelist(k.pid)
        if any(t == 4 and m.startswith(LIBRARY_HOT_METHOD) for t, m in rows) or time.monotonic() > deadline:
            break
    c2 = [m for t, m in rows if t == 4]
    assert any(m.startswith(LIBRARY_HOT_METHOD) for m in c2), \
        f"the library's matrix product was not compiled by C2; tier 4 has: {c2[:20]}"
    wrong = [m for m in c2 if m.startswith(NOT_FOR_C2)]
    assert not wrong, f"C2 compiled methods the directives keep at C1: {wrong[:20]}"
    profiled = [(t, m) for t, m in rows if t in (2, 3)]
    assert not profiled, f"methods at tier 2/3 (C1 with profiling): {profiled[:20]}"
    assert sum(1 for t, _ in rows if t == 1) > 500, "javac and JShell should run as plain C1 code (tier 1)"
