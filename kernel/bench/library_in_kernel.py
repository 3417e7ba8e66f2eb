#!/usr/bin/python3
"""The library's speed inside a running kernel, next to its JMH speed: what a notebook really gets.

Three workloads, the same calls on the same data as ``benchmarks/.../KernelWorkloadBench.java`` (and
``LibraryBench.hw001ConvNetForward`` for the conv net):
matmul 512x512, homework 001's conv-net forward pass, 1,000 gradient-descent steps of a logistic
regression on 1,000 points. In each kernel (jupyter_client, like a notebook) one cell defines the
data and a timing method; then, per workload, one timed cell runs the operation once (``first``:
what the first call of a session costs), keeps running it for ``--warm`` seconds, and times it for
``--measure`` seconds (``steady``: the median of those calls). JMH (``-f 1 -wi 3 -i 5``, 1 s each,
default JVM flags, i.e. C2) runs the same calls in the same script run. Reported: ms per call and
kernel / JMH. Each call's thread CPU time is also taken: on a shared machine it moves less than wall
time, and ``--reference KERNEL`` (e.g. a kernelspec variant with the JVM's default JIT flags, full C2)
gives CPU-time ratios in the same harness.

  mvn -o -q -Pbench -pl library,benchmarks -am -DskipTests package     # benchmarks/target/benchmarks.jar
  mvn -o -q -DskipTests package                                          # the kernel jar
  /usr/bin/python3 kernel/bench/library_in_kernel.py --jupyter-path DIR --kernel java-dl [--kernel ...]

Without ``--jupyter-path`` the kernels are installed from the built jar into a temporary directory
(as kernel_latency.py does). ``--no-jmh`` skips JMH; ``--busy N`` keeps N cores busy meanwhile.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from kernel_latency import Bench, javadl_kernels  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
BENCH_JAR = REPO / "benchmarks" / "target" / "benchmarks.jar"

SETUP = """
Tensor ma = Tensor.randn(1, 512, 512), mb = Tensor.randn(2, 512, 512);
Tensor image = Tensor.randn(5, 3, 128, 128), w1 = Tensor.randn(6, 32, 3, 8, 8), b1 = Tensor.randn(7, 32);
Tensor w3 = Tensor.randn(8, 64, 32, 3, 3), b3 = Tensor.randn(9, 64);
var logistic = new org.javadl.model.LogisticRegression(org.javadl.model.Data.twoClass(7, 500, -1, 1, 1));
Object sink;
String timed(java.util.function.Supplier<Object> op, double warmSeconds, double measureSeconds) {
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long t0 = System.nanoTime();
    sink = op.get();
    double first = (System.nanoTime() - t0) / 1e6;
    long end = System.nanoTime() + (long) (warmSeconds * 1e9);
    while (System.nanoTime() < end) { sink = op.get(); }
    java.util.List<Double> ms = new java.util.ArrayList<>(), cpu = new java.util.ArrayList<>();
    end = System.nanoTime() + (long) (measureSeconds * 1e9);
    while (System.nanoTime() < end || ms.size() < 5) {
        long c = threads.getCurrentThreadCpuTime(), t = System.nanoTime();
        sink = op.get();
        ms.add((System.nanoTime() - t) / 1e6);
        cpu.add((threads.getCurrentThreadCpuTime() - c) / 1e6);
    }
    java.util.Collections.sort(ms);
    java.util.Collections.sort(cpu);
    return first + " " + ms.get(ms.size() / 2) + " " + cpu.get(cpu.size() / 2) + " " + ms.size();
}
"""

# name -> (JMH benchmark, the cell's operation)
WORKLOADS = {
    "matmul 512x512": ("KernelWorkloadBench.matmul512", "ma.matmul(mb)"),
    # Full names: the kernel's default imports make Conv2d and MaxPool2d the org.javadl.nn layers.
    "hw001 conv-net forward": ("LibraryBench.hw001ConvNetForward",
                               "org.javadl.conv.Conv2d.forward(org.javadl.conv.MaxPool2d.apply("
                               "org.javadl.conv.Conv2d.forward(image, w1, b1, 2, 3, 1), 2).output(), w3, b3, 1, 1, 1)"),
    "logistic regression, 1,000 steps": ("KernelWorkloadBench.logisticRegression1000Steps",
                                         "GradientDescent.withStep(0.001).iterations(1000).run(logistic, 0, 0)"),
}


def in_kernel(name: str, warm: float, measure: float, log) -> dict:
    b = Bench(name, log)
    b.km.start_kernel(stdout=log, stderr=log)
    b.kc = b.km.client()
    b.kc.start_channels()
    try:
        b.kc.wait_for_ready(timeout=60)
        b.execute(SETUP)
        out = {}
        for label, (_, op) in WORKLOADS.items():
            _, msgs = b.execute(f"timed(() -> {op}, {warm}, {measure})", timeout=600)
            text = next(m["content"]["data"]["text/plain"] for m in msgs if m["msg_type"] == "execute_result")
            first, steady, cpu, n = text.strip('"').split()
            out[label] = {"first_ms": float(first), "steady_ms": float(steady), "cpu_ms": float(cpu), "calls": int(n)}
            print(f"  {name}: {label}: first {float(first):.1f} ms, steady {float(steady):.2f} ms, "
                  f"thread CPU {float(cpu):.2f} ms ({n} calls)", file=sys.stderr, flush=True)
        return out
    finally:
        b.shutdown()


def jmh(java: str) -> dict:
    if not BENCH_JAR.is_file():
        sys.exit(f"{BENCH_JAR} is missing: mvn -o -q -Pbench -pl library,benchmarks -am -DskipTests package")
    with tempfile.NamedTemporaryFile(suffix=".json") as f:
        subprocess.run([java, "-jar", str(BENCH_JAR), "KernelWorkloadBench|LibraryBench.hw001ConvNetForward", "-f", "1", "-wi", "3", "-w", "1s",
                        "-i", "5", "-r", "1s", "-rf", "json", "-rff", f.name], check=True,
                       stdout=subprocess.DEVNULL)
        results = json.loads(Path(f.name).read_text())
    # JMH's scores are in each class's unit: LibraryBench reports microseconds
    scale = {"us/op": 1e-3, "ms/op": 1.0}
    by_bench = {".".join(r["benchmark"].rsplit(".", 2)[1:]): r["primaryMetric"]["score"]
                * scale[r["primaryMetric"]["scoreUnit"]] for r in results}
    return {label: {"steady_ms": by_bench[bench]} for label, (bench, _) in WORKLOADS.items()}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kernel", action="append", help="kernelspec (repeatable); default: the installed java-dl variants")
    ap.add_argument("--jupyter-path", help="use kernelspecs from DIR, install nothing")
    ap.add_argument("--no-jdk25", action="store_true")
    ap.add_argument("--warm", type=float, default=3.0, help="seconds of calls before timing, per workload")
    ap.add_argument("--measure", type=float, default=3.0, help="seconds of timed calls per workload")
    ap.add_argument("--jmh-java", action="append", help="java for JMH (repeatable; default: java)")
    ap.add_argument("--no-jmh", action="store_true")
    ap.add_argument("--reference", help="one of the --kernel names (e.g. a variant with the JVM's default JIT "
                    "flags): thread-CPU ratios against it, which a loaded machine disturbs less than wall time")
    ap.add_argument("--busy", type=int, default=0, metavar="N")
    ap.add_argument("--kernel-log", default=os.devnull)
    ap.add_argument("--json-out")
    args = ap.parse_args()

    tmp = tempfile.TemporaryDirectory(prefix="library-in-kernel-")
    names = javadl_kernels(args, tmp.name)
    log = open(args.kernel_log, "ab")
    busy = [subprocess.Popen(["yes"], stdout=subprocess.DEVNULL) for _ in range(args.busy)]
    results = {"meta": {"loadavg_start": os.getloadavg(), "busy": args.busy, "warm_s": args.warm,
                        "measure_s": args.measure, "date": time.strftime("%Y-%m-%dT%H:%M:%S%z")}}
    try:
        for n in names:
            results[n] = in_kernel(n, args.warm, args.measure, log)
        if not args.no_jmh:
            for java in args.jmh_java or ["java"]:
                print(f"  JMH on {java} ...", file=sys.stderr, flush=True)
                results[f"JMH ({java})"] = jmh(java)
    finally:
        for b in busy:
            b.kill()
            b.wait()
    results["meta"]["loadavg_end"] = os.getloadavg()
    cols = [c for c in results if c != "meta"]
    jmh_cols = [c for c in cols if c.startswith("JMH")]
    hdr = ["workload"] + [f"{c} steady [ms]" for c in cols] + [f"{c} thread CPU [ms]" for c in names]
    hdr += [f"{c} first [ms]" for c in names]
    if jmh_cols:
        hdr += [f"{c} / {jmh_cols[0]}" for c in names]
    if args.reference:
        hdr += [f"{c} / {args.reference} (CPU)" for c in names if c != args.reference]
    rows = []
    for label in WORKLOADS:
        row = [label] + [f"{results[c][label]['steady_ms']:.2f}" for c in cols]
        row += [f"{results[c][label]['cpu_ms']:.2f}" for c in names]
        row += [f"{results[c][label]['first_ms']:.1f}" for c in names]
        if jmh_cols:
            ref = results[jmh_cols[0]][label]["steady_ms"]
            row += [f"{results[c][label]['steady_ms'] / ref:.2f}x" for c in names]
        if args.reference:
            ref = results[args.reference][label]["cpu_ms"]
            row += [f"{results[c][label]['cpu_ms'] / ref:.2f}x" for c in names if c != args.reference]
        rows.append(row)
    print("| " + " | ".join(hdr) + " |")
    print("|" + "|".join(["---"] + ["---:"] * (len(hdr) - 1)) + "|")
    for r in rows:
        print("| " + " | ".join(r) + " |")
    print(f"load average {results['meta']['loadavg_start']} -> {results['meta']['loadavg_end']}")
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
