"""Soak: thousands of cells in one kernel; memory, latency, threads and file descriptors level off.

The cells cycle through ten kinds (new classes, redefined methods, 10^6-element arrays, plots,
tables, interfaces/records, lambdas, output, expressions) so every window of 100 cells has the
same mix. Checked:

* resident memory (kernel process tree) grows by at most ``JAVADL_SOAK_MAX_GROWTH_MIB`` (64 MiB)
  from cell 500 (warm) to the last cell,
* p95 cell latency of every later window of cells stays within 1.5x the p95 of cells 1-100,
* the number of threads (``/proc/PID/task``) and open file descriptors (``/proc/PID/fd``) does not
  grow from cell 500 to the end,
* no cell had to be compiled again with the kernel's JDK patches off (``CompileSafetyNet``).

``JAVADL_SOAK_CELLS`` sets the number of cells (default 1500 to keep the whole suite short on 2
cores; the issue's 5,000 with ``JAVADL_SOAK_CELLS=5000``). The numbers are printed and written to
``test-artifacts/soak-stats.json``.
"""
from __future__ import annotations

import json
import os
import time

import pytest

from conftest import REPO

CELLS = int(os.environ.get("JAVADL_SOAK_CELLS", "1500"))
WARM = min(500, CELLS // 3)
MAX_GROWTH_MIB = float(os.environ.get("JAVADL_SOAK_MAX_GROWTH_MIB", "64"))
LATENCY_FACTOR = 1.5
WINDOW = 500


def cell(i: int) -> tuple[str, str | None]:
    """Cell i (1-based) and its expected text/plain result (None: not checked)."""
    k = i % 10
    if k == 0:
        return (f"class C{i} {{ final int v = {i}; int get() {{ return v * 2; }} }}\nnew C{i}().get()", str(2 * i))
    if k == 1:
        return (f"int f(int x) {{ return x + {i}; }}\nf(1)", str(1 + i))
    if k == 2:
        return (f"double[] big = new double[1_000_000];\njava.util.Arrays.fill(big, {i % 97});\n"
                f"(long) java.util.Arrays.stream(big).sum()", str((i % 97) * 1_000_000))
    if k == 3:
        return (f"plot(x -> Math.sin(x * {i % 7 + 1}), -3, 3)", None)
    if k == 4:
        return (f"String s{i % 50} = \"cell {i}\";\ns{i % 50}.length()", str(len(f"cell {i}")))
    if k == 5:
        return (f"record R{i}(int a, double b) {{}}\nnew R{i}({i}, 0.5).a()", str(i))
    if k == 6:
        return (f"int[] small = java.util.stream.IntStream.range(0, 1000).map(j -> j * {i % 5}).toArray();\n"
                f"java.util.Arrays.stream(small).sum()", str(sum(range(1000)) * (i % 5)))
    if k == 7:
        return (f"table(\"x\", new double[]{{1, 2, {i}}}, \"y\", new double[]{{3, 4, 5}})", None)
    if k == 8:
        return (f"System.out.println(\"line {i}\");", None)
    return (f"sigmoid(0.0) + {i}", str(0.5 + i))


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def threads(pid):
    return len(os.listdir(f"/proc/{pid}/task"))


def fds(pid):
    return len(os.listdir(f"/proc/{pid}/fd"))


# the first test to ask for soak_run pays for all the cells
pytestmark = pytest.mark.timeout(max(300, CELLS * 0.3 + 120))


@pytest.fixture(scope="module")
def soak_run(kernel):
    """Runs the cells once in the module's kernel (each must succeed with its expected result)
    and returns the measurements the tests below check."""
    k = kernel
    pid = k.pid
    lat = []
    samples = []
    t_start = time.perf_counter()
    mark = {}
    out = REPO / "test-artifacts"
    out.mkdir(exist_ok=True)
    progress = out / f"soak-progress-{CELLS}.json"
    for i in range(1, CELLS + 1):
        code, expected = cell(i)
        t = time.perf_counter()
        ex = k.execute(code, timeout=60)
        lat.append(time.perf_counter() - t)
        assert ex.status == "ok", f"cell {i} failed: {ex.content.get('ename')}: {ex.content.get('evalue')}\n{code}"
        if expected is not None:
            assert ex.result == expected, f"cell {i}: {ex.result!r} != {expected!r}\n{code}"
        if i % 10 == 3:
            assert ex.of_type("display_data", "execute_result"), f"plot cell {i} showed nothing"
            data = (ex.of_type("execute_result") or ex.of_type("display_data"))[-1]["content"]["data"]
            assert "image/png" in data, f"plot cell {i} has no PNG: {list(data)}"
        if i % 10 == 8:
            assert ex.stdout == f"line {i}\n", ex.stdout
        if i % 100 == 0 or i in (WARM, CELLS):
            w = lat[-100:]
            samples.append({"cell": i, "rss_mib": round(k.rss_mib(), 1), "threads": threads(pid), "fds": fds(pid),
                            "t": round(time.perf_counter() - t_start, 1),
                            "last100_p50_ms": round(pct(w, 50) * 1000, 1), "last100_p95_ms": round(pct(w, 95) * 1000, 1)})
            if i in (WARM, CELLS):
                mark[i] = samples[-1]
            progress.write_text(json.dumps(samples, indent=1))  # readable even if the test times out
    total = time.perf_counter() - t_start

    base_p95 = pct(lat[:100], 95)
    windows = []
    for start in range(100, CELLS, WINDOW):
        w = lat[start:start + WINDOW]
        if len(w) >= 50:
            windows.append({"cells": f"{start + 1}-{start + len(w)}", "p50_ms": round(pct(w, 50) * 1000, 1),
                            "p95_ms": round(pct(w, 95) * 1000, 1), "ratio_p95": round(pct(w, 95) / base_p95, 2)})
    warm, end = mark[WARM], mark[CELLS]  # noqa: F841
    growth = end["rss_mib"] - warm["rss_mib"]
    stats = {
        "cells": CELLS, "seconds": round(total, 1), "ms_per_cell": round(total / CELLS * 1000, 1),
        "first100_p50_ms": round(pct(lat[:100], 50) * 1000, 1), "first100_p95_ms": round(base_p95 * 1000, 1),
        "windows": windows, "max_ratio_p95": max((w["ratio_p95"] for w in windows), default=None),
        f"rss_cell{WARM}_mib": warm["rss_mib"], f"rss_cell{CELLS}_mib": end["rss_mib"], "rss_growth_mib": round(growth, 1),
        "threads": [warm["threads"], end["threads"]], "fds": [warm["fds"], end["fds"]],
        "samples": samples,
    }
    (out / f"soak-stats-{CELLS}.json").write_text(json.dumps(stats, indent=2))
    print(f"\n[soak] {CELLS} cells in {total:.0f}s ({stats['ms_per_cell']} ms/cell); RSS {warm['rss_mib']} MiB at "
          f"cell {WARM} -> {end['rss_mib']} MiB at cell {CELLS} (+{growth:.1f} MiB); p95 first 100 "
          f"{stats['first100_p95_ms']} ms, windows {[(w['cells'], w['p95_ms'], w['ratio_p95']) for w in windows]}; "
          f"threads {warm['threads']} -> {end['threads']}, fds {warm['fds']} -> {end['fds']}")

    return stats


# Passes at 5,000 cells too: +24.6 MiB from cell 500 to 5,000 (it was +497 MiB before the kernel made
# JShell forget the generated sources of snippets that can no longer run: each kept one import line per
# live definition, so what JShell retained grew with cells x definitions; see SnippetHistoryTrimmer).
def test_soak_memory_levels_off(soak_run):
    s = soak_run
    assert s["rss_growth_mib"] <= MAX_GROWTH_MIB, \
        f"RSS grew {s['rss_growth_mib']} MiB from cell {WARM} to {CELLS} (limit {MAX_GROWTH_MIB}); samples: {s['samples']}"


def test_soak_no_thread_or_fd_leak(soak_run):
    s = soak_run
    (t0, t1), (f0, f1) = s["threads"], s["fds"]
    assert t1 <= t0 + 2, f"thread leak: {t0} -> {t1}; {s['samples']}"
    assert f1 <= f0 + 4, f"file descriptor leak: {f0} -> {f1}; {s['samples']}"


# The criterion, and a stricter one of ours: the median must not creep up either (the first
# 100 cells include the JIT's warm-up, which makes a p95 criterion against them lenient).
# Through the protocol at 5,000 cells (JDK 17, C1-only JIT, 2026-11-22): p95 92.9 ms for cells 1-100,
# 66.5 ms (0.72x) for 101-600, 62.6 ms (0.67x) for 4,601-5,000; p50 23.8 ms for 101-600, 24.3 ms for
# 4,601-5,000. Before the kernel kept javac from importing, listing and reading every earlier
# definition in every compilation (engine/internals/) it was 749 ms (7.2x) and p50 38 -> 357 ms.
def test_soak_p95_latency_stays_within_limit(soak_run):
    s = soak_run
    base = s["first100_p95_ms"]
    for w in s["windows"]:
        assert w["ratio_p95"] <= LATENCY_FACTOR, f"p95 latency of cells {w['cells']} is {w['ratio_p95']}x " \
                                                 f"that of cells 1-100 ({base} ms): {s['windows']}"


def test_soak_median_latency_stays_flat(soak_run):
    s = soak_run
    warm, last = s["windows"][0], s["windows"][-1]
    assert last["p50_ms"] <= LATENCY_FACTOR * warm["p50_ms"], \
        f"median latency grew from {warm['p50_ms']} ms (cells {warm['cells']}) to {last['p50_ms']} ms " \
        f"(cells {last['cells']}): {s['windows']}"


def test_soak_needed_no_compile_retries(soak_run, kernel):
    """No cell of the soak failed to compile with the kernel's JDK patches on (engine/internals/
    CompileSafetyNet would have compiled it again without them and counted it)."""
    net = "org.javadl.kernel.engine.internals.CompileSafetyNet"
    assert kernel.value(f"{net}.retries()") == "0", kernel.value(f"{net}.summary()")
    assert kernel.value(f"{net}.rescues()") == "0"
