#!/usr/bin/env python3
"""Where a kernel's CPU goes before its first reply: CPU seconds per thread at the ``execute_reply``
of a first ``1+1``, read from ``/proc/PID/task/*/stat``. Threads that have already ended (the JVM's
start-up threads, JShell's start thread) are only in the process total: they show as ``exited``.

    /usr/bin/python3 kernel/bench/startup_threads.py --kernel java-dl --runs 5 [--jupyter-path DIR]

Prints each run and the median per thread name (digits removed, so C1/C2 compiler threads add up).
"""
from __future__ import annotations

import argparse
import collections
import os
import statistics
import time

TICK = os.sysconf("SC_CLK_TCK")


def stat_cpu(stat: str) -> float:
    fields = stat[stat.rindex(")") + 2:].split()
    return (int(fields[11]) + int(fields[12])) / TICK  # utime + stime


def per_thread(pid: int) -> collections.Counter:
    out = collections.Counter()
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            stat = open(f"/proc/{pid}/task/{tid}/stat").read()
        except OSError:
            continue  # ended while we looked
        name = stat[stat.index("(") + 1:stat.rindex(")")]
        out["".join(ch for ch in name if not ch.isdigit()) or name] += stat_cpu(stat)
    out["ALL"] = stat_cpu(open(f"/proc/{pid}/stat").read())
    out["exited"] = out["ALL"] - sum(v for k, v in out.items() if k != "ALL")
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--kernel", default="java-dl")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--jupyter-path", help="prepend DIR to JUPYTER_PATH")
    args = ap.parse_args()
    if args.jupyter_path:
        os.environ["JUPYTER_PATH"] = args.jupyter_path + os.pathsep + os.environ.get("JUPYTER_PATH", "")
    from jupyter_client import KernelManager
    runs = collections.defaultdict(list)
    for r in range(args.runs):
        km = KernelManager(kernel_name=args.kernel)
        km.start_kernel()
        kc = km.client()
        kc.start_channels()
        try:
            t0 = time.monotonic()
            kc.execute_interactive("1+1", timeout=120, output_hook=lambda m: None)
            wall = time.monotonic() - t0
            threads = per_thread(km.provisioner.process.pid)
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)
        print(f"run {r}: reply after {wall:.2f} s; " + ", ".join(f"{k} {v:.2f}" for k, v in threads.most_common(8)),
              flush=True)
        for k, v in threads.items():
            runs[k].append(v)
    medians = sorted(((statistics.median(v), k) for k, v in runs.items()), reverse=True)
    print(f"load {' '.join(open('/proc/loadavg').read().split()[:3])}; medians [CPU s]: "
          + ", ".join(f"{k} {m:.3f}" for m, k in medians if m > 0))


if __name__ == "__main__":
    main()
