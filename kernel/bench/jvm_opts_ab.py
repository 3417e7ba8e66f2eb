#!/usr/bin/env python3
"""Interleaved A/B of kernel variants: CPU and wall time to the first reply, then CPU per warm ``1+1``
and its p50. A variant is ``LABEL=OPTS`` (``JAVADL_JVM_OPTS`` for the default kernelspec) or
``LABEL@KERNEL=OPTS`` (another kernelspec); the order rotates from run to run, as in kernel_latency.py.

    /usr/bin/python3 kernel/bench/jvm_opts_ab.py --kernel java-dl --runs 6 --warm 50 \\
        base= xmn32=-Xmn32m 'novec@java-dl-novec='
"""
from __future__ import annotations

import argparse
import collections
import os
import statistics
import sys
import time

TICK = os.sysconf("SC_CLK_TCK")


def process_cpu(pid: int) -> float:
    stat = open(f"/proc/{pid}/stat").read()
    fields = stat[stat.rindex(")") + 2:].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def parse_variant(text: str, default_kernel: str) -> tuple[str, str, str]:
    label, _, opts = text.partition("=")
    label, _, kernel = label.partition("@")
    return label, kernel or default_kernel, opts


def measure(kernel: str, opts: str, warm: int) -> dict:
    from jupyter_client import KernelManager
    os.environ["JAVADL_JVM_OPTS"] = opts  # launch.sh appends it after its own flags
    km = KernelManager(kernel_name=kernel)
    t0 = time.monotonic()
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    quiet = dict(timeout=120, output_hook=lambda m: None)
    try:
        kc.execute_interactive("1+1", **quiet)
        out = {"wall_s": time.monotonic() - t0}
        pid = km.provisioner.process.pid
        out["cpu_s"] = process_cpu(pid)
        if warm:
            for _ in range(10):
                kc.execute_interactive("1+1", **quiet)
            c0, lat = process_cpu(pid), []
            for _ in range(warm):
                t = time.perf_counter()
                kc.execute_interactive("1+1", **quiet)
                lat.append(time.perf_counter() - t)
            out["warm_cpu_ms"] = (process_cpu(pid) - c0) / warm * 1000
            out["warm_p50_ms"] = statistics.median(lat) * 1000
        return out
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--kernel", default="java-dl", help="kernelspec of variants without @KERNEL")
    ap.add_argument("--runs", type=int, default=6)
    ap.add_argument("--warm", type=int, default=0, help="timed warm 1+1 cells per start (0: start only)")
    ap.add_argument("--jupyter-path", help="prepend DIR to JUPYTER_PATH")
    ap.add_argument("variants", nargs="+", metavar="LABEL[@KERNEL]=OPTS")
    args = ap.parse_args()
    if args.jupyter_path:
        os.environ["JUPYTER_PATH"] = args.jupyter_path + os.pathsep + os.environ.get("JUPYTER_PATH", "")
    variants = [parse_variant(v, args.kernel) for v in args.variants]
    results = collections.defaultdict(lambda: collections.defaultdict(list))
    for r in range(args.runs):
        shift = r % len(variants)
        for label, kernel, opts in variants[shift:] + variants[:shift]:
            m = measure(kernel, opts, args.warm)
            for k, v in m.items():
                results[label][k].append(v)
            print(f"run {r} {label}: " + ", ".join(f"{k} {v:.3f}" for k, v in m.items()), file=sys.stderr, flush=True)
    print(f"load {' '.join(open('/proc/loadavg').read().split()[:3])}; medians over {args.runs} runs")
    for label, _, _ in variants:
        print(f"{label:20s} " + "  ".join(f"{k} {statistics.median(v):.3f}" for k, v in results[label].items()))


if __name__ == "__main__":
    main()
