#!/usr/bin/python3
"""Kernel latency benchmark: javadl (``java-dl``) against ipykernel (``python3``), same run, same machine.

Talks to every kernel only through jupyter_client (the ZMQ wire protocol), like a notebook does.
Each run starts each kernel once, interleaved (the order rotates from run to run), and measures:

  cold start      KernelManager.start_kernel() -> execute_reply of a first ``1+1`` (sent at once;
                  ZMQ queues it until the kernel binds)
  RSS after start VmRSS summed over the kernel process tree (/proc), right after that reply
  first plot      the first plot cell right after start: request -> IOPub idle, with an image
  warm 1+1        execute_request -> execute_reply + IOPub idle, back to back, p50 / p95
  kernel_info     request -> reply, p50 (executes no user code: the messaging floor)
  complete        ``Math.ab`` / ``math.fa`` request -> reply, p50
  inspect         ``Math.abs`` / ``math.fabs`` (cursor inside the name) request -> reply, p50
  shutdown        shutdown_request (control) -> kernel process has exited

Every metric is a median over ``--runs`` runs of that run's value (p50/p95 inside a run);
ratios against the baseline kernel are taken within each run, then the median is reported.

By default the javadl kernelspecs are installed from the built jar into a temp dir with
``install-kernel.sh --no-build`` (``java-dl`` on the default ``java``, JDK 17, and
``java-dl-jdk25`` on Temurin 25 if present). Build first: ``mvn -q package -DskipTests``.

  /usr/bin/python3 kernel/bench/kernel_latency.py --runs 7 --json-out /tmp/kl.json --markdown /tmp/kl.md

A readable table goes to stdout; ``--json-out`` / ``--markdown`` write the full results / a
Markdown section. The exit status is 0 whether goals pass or not (use the JSON to gate).
"""
from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from queue import Empty

REPO = Path(__file__).resolve().parents[2]
JAR = REPO / "kernel" / "target" / "javadl-kernel.jar"
INSTALL = REPO / "install-kernel.sh"
NOTEBOOK_JAVA = REPO / "kernel" / "src" / "main" / "java" / "org" / "javadl" / "kernel" / "runtime" / "Notebook.java"
JDK25 = Path("/usr/lib/jvm/temurin-25-jdk-amd64")
CLK_TCK = os.sysconf("SC_CLK_TCK")

JAVA = {
    "trivial": "1+1",
    "setup": "",
    "complete": ("Math.ab", 7),
    "inspect": ("Math.abs(-1)", 7),
    "plot": "plot(x -> Math.sin(x), 0, 2 * Math.PI)",
}
PYTHON = {
    "trivial": "1+1",
    "setup": "import math",
    "complete": ("math.fa", 7),
    "inspect": ("math.fabs(-1)", 7),
    "plot": ("%matplotlib inline\nimport numpy as np\nimport matplotlib.pyplot as plt\n"
             "x = np.linspace(0, 2 * np.pi, 200)\nplt.plot(x, np.sin(x))\nplt.show()"),
}

# (metric key, label, unit, format)
METRICS = [
    ("cold_start_s", "cold start -> 1st reply", "s", "{:.2f}"),
    ("cold_cpu_s", "CPU used until then", "s", "{:.2f}"),
    ("rss_start_mib", "RSS after start", "MiB", "{:.0f}"),
    ("first_plot_s", "first plot after start (cell)", "s", "{:.2f}"),
    ("plot_since_start_s", "start -> first plot shown", "s", "{:.2f}"),
    ("warm_p50_ms", "warm 1+1 p50", "ms", "{:.1f}"),
    ("warm_p95_ms", "warm 1+1 p95", "ms", "{:.1f}"),
    ("kernel_info_p50_ms", "kernel_info p50", "ms", "{:.2f}"),
    ("complete_p50_ms", "complete p50", "ms", "{:.1f}"),
    ("inspect_p50_ms", "inspect p50", "ms", "{:.1f}"),
    ("rss_after_work_mib", "RSS after workload", "MiB", "{:.0f}"),
    ("shutdown_s", "graceful shutdown", "s", "{:.2f}"),
]

# (metric, kind, limit, text): kind "abs" compares the median, "ratio" the median ratio to the baseline
GOALS = [
    ("cold_start_s", "abs", 1.0, "cold start <= 1.0 s"),
    ("cold_start_s", "ratio", 1.3, "cold start <= 1.3x ipykernel"),
    ("cold_cpu_s", "ratio", 1.3, "CPU to 1st reply <= 1.3x ipykernel"),
    ("warm_p50_ms", "ratio", 1.5, "warm 1+1 p50 <= 1.5x ipykernel"),
    ("warm_p50_ms", "abs", 25.0, "warm 1+1 p50 <= 25 ms"),
    ("kernel_info_p50_ms", "ratio", 2.0, "kernel_info p50 <= 2x ipykernel"),
    ("complete_p50_ms", "abs", 25.0, "complete p50 <= 25 ms"),
    ("inspect_p50_ms", "abs", 25.0, "inspect p50 <= 25 ms"),
    ("rss_start_mib", "abs", 160.0, "RSS after start <= 160 MiB"),
    ("shutdown_s", "abs", 1.0, "shutdown <= 1 s"),
]


# ----------------------------------------------------------------------------- /proc
def proc_tree(root):
    kids = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat") as f:
                    kids.setdefault(int(f.read().rsplit(")", 1)[1].split()[1]), []).append(int(d))
            except (OSError, IndexError, ValueError):
                pass
    out, todo = [], [root]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(kids.get(p, []))
    return out


def rss_mib(pid):
    kb = 0
    for p in proc_tree(pid):
        try:
            with open(f"/proc/{p}/status") as f:
                kb += next((int(line.split()[1]) for line in f if line.startswith("VmRSS:")), 0)
        except OSError:
            pass
    return kb / 1024


def cpu_s(pid):
    t = 0
    for p in proc_tree(pid):
        try:
            with open(f"/proc/{p}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            t += int(fields[11]) + int(fields[12])
        except (OSError, IndexError, ValueError):
            pass
    return t / CLK_TCK


def pct(xs, q):
    xs = sorted(xs)
    if len(xs) == 1:
        return xs[0]
    k = (len(xs) - 1) * q
    lo = int(k)
    hi = min(lo + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


# ----------------------------------------------------------------------------- one kernel
class Bench:
    def __init__(self, name, log):
        from jupyter_client.manager import KernelManager
        self.name, self.log = name, log
        self.km = KernelManager(kernel_name=name)
        self.kc = None

    def reply(self, msg_id, timeout=60, channel="shell"):
        get = self.kc.get_shell_msg if channel == "shell" else self.kc.get_control_msg
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"{self.name}: no reply within {timeout}s")
            try:
                m = get(timeout=min(left, 1))
            except Empty:
                continue
            if m["parent_header"].get("msg_id") == msg_id:
                return m

    def idle(self, msg_id, timeout=60):
        deadline, out = time.monotonic() + timeout, []
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"{self.name}: no idle within {timeout}s")
            try:
                m = self.kc.get_iopub_msg(timeout=min(left, 1))
            except Empty:
                continue
            if m["parent_header"].get("msg_id") != msg_id:
                continue
            if m["msg_type"] == "status":
                if m["content"]["execution_state"] == "idle":
                    return out
            else:
                out.append(m)

    def execute(self, code, timeout=60):
        t0 = time.perf_counter()
        mid = self.kc.execute(code)
        r = self.reply(mid, timeout)
        outs = self.idle(mid, timeout)
        dt = time.perf_counter() - t0
        if r["content"]["status"] != "ok":
            raise RuntimeError(f"{self.name}: cell failed: {code!r}: {r['content'].get('ename')}: "
                               f"{r['content'].get('evalue')}")
        return dt, outs

    def request(self, send):
        t0 = time.perf_counter()
        mid = send()
        r = self.reply(mid, 30)
        dt = time.perf_counter() - t0
        try:
            self.idle(mid, 2)
        except TimeoutError:
            pass
        return dt, r["content"]

    def drain(self, quiet=0.2):
        while True:
            try:
                self.kc.get_iopub_msg(timeout=quiet)
            except Empty:
                return

    def run_once(self, prof, args):
        res = {}
        t0 = time.perf_counter()
        self.km.start_kernel(stdout=self.log, stderr=self.log)
        self.kc = self.km.client()
        self.kc.start_channels()
        pid = self.km.provisioner.pid
        try:
            mid = self.kc.execute(prof["trivial"])
            r = self.reply(mid, args.startup_timeout)
            res["cold_start_s"] = time.perf_counter() - t0
            assert r["content"]["status"] == "ok", r["content"]
            res["cold_cpu_s"] = cpu_s(pid)
            res["rss_start_mib"] = rss_mib(pid)
            try:
                self.idle(mid, 1)  # IOPub may miss the very first messages (slow joiner): untimed
            except TimeoutError:
                pass
            if prof.get("plot"):
                try:
                    dt, outs = self.execute(prof["plot"], timeout=120)
                except RuntimeError as e:  # e.g. no matplotlib for ipykernel's Python: the rest still counts
                    dt, outs = None, []
                    res["plot_error"] = str(e)
                images = [m for m in outs if m["msg_type"] in ("display_data", "execute_result")
                          and any(k.startswith("image/") for k in m["content"].get("data", {}))]
                if images and dt is not None:
                    res["first_plot_s"] = dt
                    res["plot_since_start_s"] = res["cold_start_s"] + dt  # as if run right after the 1st reply
                elif dt is not None:
                    res["plot_error"] = f"no image output: {[m['msg_type'] for m in outs]}"
            self.drain()
            res["kernel_info"] = self.request(self.kc.kernel_info)[1]
            if prof.get("setup"):
                self.execute(prof["setup"])
            for _ in range(args.warmup):
                self.execute(prof["trivial"])
            warm = [self.execute(prof["trivial"])[0] * 1e3 for _ in range(args.warm)]
            res["warm_p50_ms"], res["warm_p95_ms"] = pct(warm, 0.5), pct(warm, 0.95)
            for _ in range(5):
                self.request(self.kc.kernel_info)
            res["kernel_info_p50_ms"] = pct([self.request(self.kc.kernel_info)[0] * 1e3 for _ in range(args.req)], 0.5)
            for kind in ("complete", "inspect"):
                code, pos = prof[kind]
                send = (lambda: self.kc.complete(code, pos)) if kind == "complete" else \
                    (lambda: self.kc.inspect(code, pos))
                for _ in range(5):
                    self.request(send)
                times, last = [], None
                for _ in range(args.req):
                    dt, last = self.request(send)
                    times.append(dt * 1e3)
                res[f"{kind}_p50_ms"] = pct(times, 0.5)
                res[f"{kind}_ok"] = bool(last.get("matches")) if kind == "complete" else bool(last.get("found"))
            res["rss_after_work_mib"] = rss_mib(pid)
        finally:
            res["shutdown_s"] = self.shutdown()
        return res

    def shutdown(self):
        """shutdown_request on control -> process exit; None if it had to be killed."""
        proc = self.km.provisioner.process
        t0 = time.perf_counter()
        out = None
        try:
            self.kc.shutdown()
            while time.perf_counter() - t0 < 10:
                if proc.poll() is not None:
                    out = time.perf_counter() - t0
                    break
                time.sleep(0.002)
        finally:
            self.kc.stop_channels()
            self.km.shutdown_kernel(now=True)  # no-op wait if it already exited; kills otherwise
        return out


# ----------------------------------------------------------------------------- setup
def install_kernels(args, tmp):
    if not JAR.is_file():
        sys.exit(f"{JAR} missing: build it first (cd {REPO} && mvn -q package -DskipTests)")
    names = []
    env = {k: v for k, v in os.environ.items() if k != "JAVA_HOME"}
    jar_args = []
    if "--jar)" in INSTALL.read_text(errors="replace"):  # install a private copy: immune to rebuilds mid-run
        copy = Path(tmp) / "javadl-kernel.jar"
        shutil.copyfile(JAR, copy)
        jar_args = ["--jar", str(copy)]
    variants = [("java-dl", None)]
    if JDK25.is_dir() and not args.no_jdk25:
        variants.append(("java-dl-jdk25", JDK25))
    for name, home in variants:
        prefix = Path(tmp) / name
        cmd = ["bash", str(INSTALL), "--prefix", str(prefix), "--no-build", "--name", name] + jar_args
        if home:
            cmd += ["--java-home", str(home), "--display-name", "Java (javadl, JDK 25)"]
        p = subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, text=True)
        if p.returncode != 0:
            sys.exit(f"{' '.join(cmd)} failed:\n{p.stdout}\n{p.stderr}")
        old = os.environ.get("JUPYTER_PATH")
        os.environ["JUPYTER_PATH"] = str(prefix / "share" / "jupyter") + (os.pathsep + old if old else "")
        names.append(name)
    return names


def javadl_kernels(args, tmp):
    """The javadl kernelspecs to measure: ``--kernel`` names found through ``--jupyter-path``, or the
    variants installed from the built jar into ``tmp``."""
    if args.jupyter_path:
        old = os.environ.get("JUPYTER_PATH")
        os.environ["JUPYTER_PATH"] = args.jupyter_path + (os.pathsep + old if old else "")
        return args.kernel or ["java-dl"]
    installed = install_kernels(args, tmp)
    return args.kernel or installed


def profile_for(name):
    from jupyter_client.kernelspec import KernelSpecManager
    spec = KernelSpecManager().get_kernel_spec(name)
    is_java = (spec.language or "").lower() == "java"
    prof = dict(JAVA if is_java else PYTHON)
    if is_java:
        src = NOTEBOOK_JAVA.read_text() if NOTEBOOK_JAVA.exists() else ""
        if not re.search(r"static\s+\S+\s+plot\s*\(\s*(final\s+)?DoubleUnaryOperator", src):
            prof["plot"] = ""  # Notebook has no plot(DoubleUnaryOperator f, double from, double to): skip
    return prof, {"argv": spec.argv, "language": spec.language, "env": spec.env,
                  "interrupt_mode": spec.interrupt_mode}


# ----------------------------------------------------------------------------- stats + report
def med(xs):
    xs = [x for x in xs if isinstance(x, (int, float))]
    return statistics.median(xs) if xs else None


def summarise(runs, names, base):
    out = {}
    for n in names:
        s = {}
        for key, *_ in METRICS:
            vals = [r[n].get(key) for r in runs if n in r and r[n].get(key) is not None]
            if vals:
                s[key] = {"median": round(med(vals), 4), "min": round(min(vals), 4), "max": round(max(vals), 4),
                          "n": len(vals)}
                if n != base:
                    ratios = [r[n][key] / r[base][key] for r in runs
                              if n in r and base in r and r[n].get(key) and r[base].get(key)]
                    if ratios:
                        s[key]["ratio_vs_base"] = round(med(ratios), 3)
        out[n] = s
    return out


def goals(summary, names, base):
    out = {}
    for n in names:
        if n == base:
            continue
        g = []
        for key, kind, limit, text in GOALS:
            m = summary[n].get(key)
            val = None if m is None else (m["median"] if kind == "abs" else m.get("ratio_vs_base"))
            g.append({"goal": text, "metric": key, "value": val,
                      "pass": None if val is None else val <= limit})
        out[n] = g
    return out


def fmt(v, f):
    return "-" if v is None else f.format(v)


def preamble(report):
    m = report["meta"]
    la = lambda v: "/".join(f"{x:.2f}" for x in v)  # noqa: E731
    n_busy = m["params"].get("busy", 0)
    busy = f" with {n_busy} core(s) kept busy by `yes > /dev/null`" if n_busy else ""
    lines = [f"Measured {m['date']} on `{m['host']}` ({m['cpus']} cores, {m['platform']}); load average "
             f"(1/5/15 min) {la(m['loadavg_start'])} at the start, {la(m['loadavg_end'])} at the end. "
             f"{m['runs']} interleaved runs{busy}, {m['params']['warm']} warm cells and {m['params']['req']} requests "
             f"of each kind per run; medians over runs. Client: jupyter_client, Python {m['python']}.", ""]
    for n, k in report["kernels"].items():
        lines.append(f"* `{n}`: {k['implementation']} {k['implementation_version']}, "
                     f"{'Java' if k['spec']['language'] == 'java' else 'Python'} {k['language_version']}")
    return "\n".join(lines)


def table(summary, goal_res, names, base, markdown=False):
    hdr = ["metric"] + names + [f"{n} / {base}" for n in names if n != base]
    rows = []
    for key, label, unit, f in METRICS:
        row = [f"{label} [{unit}]"]
        for n in names:
            m = summary[n].get(key)
            row.append(fmt(m and m["median"], f))
        for n in names:
            if n != base:
                m = summary[n].get(key)
                r = m.get("ratio_vs_base") if m else None
                row.append("-" if r is None else f"{r:.2f}x")
        rows.append(row)
    grows = []
    for n, gl in goal_res.items():
        for g in gl:
            st = "n/a" if g["pass"] is None else ("PASS" if g["pass"] else "FAIL")
            f = next(m[3] for m in METRICS if m[0] == g["metric"])
            val = "-" if g["value"] is None else (f"{g['value']:.2f}x" if "x ipykernel" in g["goal"]
                                                   else f.format(g["value"]))
            grows.append([n, g["goal"], val, st])
    if markdown:
        lines = ["| " + " | ".join(hdr) + " |", "|" + "|".join(["---"] + ["---:"] * (len(hdr) - 1)) + "|"]
        lines += ["| " + " | ".join(r) + " |" for r in rows]
        lines += ["", "| kernel | goal | measured (median) | result |", "|---|---|---:|---|"]
        lines += ["| " + " | ".join(r) + " |" for r in grows]
        return "\n".join(lines)
    w = [max(len(str(r[i])) for r in rows + [hdr]) for i in range(len(hdr))]
    lines = ["  ".join(c.ljust(x) for c, x in zip(r, w)) for r in [hdr] + rows]
    lines.insert(1, "  ".join("-" * x for x in w))
    lines.append("")
    gw = [max(len(r[i]) for r in grows) for i in range(4)] if grows else []
    lines += ["  ".join(c.ljust(x) for c, x in zip(r, gw)) for r in grows]
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5, help="interleaved runs (one start of each kernel per run)")
    ap.add_argument("--kernel", action="append", help="kernelspec to measure (repeatable); default: the "
                    "installed java-dl variants")
    ap.add_argument("--baseline", default="python3", help="reference kernel for ratios (default python3)")
    ap.add_argument("--jupyter-path", help="use kernelspecs from DIR (prepended to JUPYTER_PATH), install nothing")
    ap.add_argument("--no-jdk25", action="store_true", help="do not install/measure the Temurin 25 variant")
    ap.add_argument("--warmup", type=int, default=10)
    ap.add_argument("--warm", type=int, default=100, help="timed warm 1+1 cells per run")
    ap.add_argument("--req", type=int, default=30, help="timed kernel_info/complete/inspect requests per run")
    ap.add_argument("--startup-timeout", type=float, default=60)
    ap.add_argument("--kernel-log", default=os.devnull)
    ap.add_argument("--busy", type=int, default=0, metavar="N",
                    help="keep N cores busy (N `yes > /dev/null` processes) during the whole run, as on a loaded machine")
    ap.add_argument("--json-out")
    ap.add_argument("--markdown", help="write the Markdown tables here")
    args = ap.parse_args()

    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")  # ipykernel's debugger start-up chatter
    tmp = tempfile.TemporaryDirectory(prefix="kernel-latency-")
    java_names = javadl_kernels(args, tmp.name)
    base = args.baseline
    names = [base] + [n for n in java_names if n != base]
    profiles, specs = {}, {}
    for n in names:
        profiles[n], specs[n] = profile_for(n)
    log = open(args.kernel_log, "ab")
    busy = [subprocess.Popen(["yes"], stdout=subprocess.DEVNULL) for _ in range(args.busy)]
    try:
        runs, load_start, started = measure(args, names, profiles, log)
    finally:
        for b in busy:
            b.kill()
            b.wait()
    report_all(args, runs, names, base, profiles, specs, load_start, started)


def measure(args, names, profiles, log):
    load_start = os.getloadavg()
    started = time.time()
    runs = []
    for i in range(args.runs):
        order = names[i % len(names):] + names[:i % len(names)]
        run = {}
        for n in order:
            try:
                run[n] = Bench(n, log).run_once(profiles[n], args)
                r = run[n]
                print(f"[{time.strftime('%H:%M:%S')}] run {i + 1}/{args.runs} {n}: cold {r['cold_start_s']:.2f}s, "
                      f"warm p50 {r.get('warm_p50_ms', float('nan')):.1f}ms, rss {r['rss_start_mib']:.0f}MiB, "
                      f"shutdown {r['shutdown_s'] if r['shutdown_s'] is None else round(r['shutdown_s'], 2)}s",
                      file=sys.stderr, flush=True)
            except Exception as e:  # noqa: BLE001 - record and go on
                print(f"run {i + 1} {n}: FAILED {e!r}", file=sys.stderr, flush=True)
                run[n] = {"error": repr(e)}
        runs.append(run)
    return runs, load_start, started


def report_all(args, runs, names, base, profiles, specs, load_start, started):
    summary = summarise(runs, names, base)
    goal_res = goals(summary, names, base)
    kinfo = {n: next((r[n].get("kernel_info") for r in runs if r.get(n, {}).get("kernel_info")), None) for n in names}
    report = {
        "meta": {"date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
                 "host": platform.node(), "platform": platform.platform(), "cpus": os.cpu_count(),
                 "loadavg_start": load_start, "loadavg_end": os.getloadavg(),
                 "duration_s": round(time.time() - started, 1), "runs": args.runs,
                 "params": {"warmup": args.warmup, "warm": args.warm, "req": args.req, "busy": args.busy},
                 "python": sys.version.split()[0], "baseline": base, "kernels": names},
        "kernels": {n: {"spec": specs[n], "profile": profiles[n],
                        "language_version": (kinfo[n] or {}).get("language_info", {}).get("version"),
                        "implementation": (kinfo[n] or {}).get("implementation"),
                        "implementation_version": (kinfo[n] or {}).get("implementation_version")}
                    for n in names},
        "summary": summary,
        "goals": goal_res,
        "runs": [{n: {k: v for k, v in r.items() if k != "kernel_info"} for n, r in run.items()} for run in runs],
    }
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(report, indent=2, default=str) + "\n")
    print(table(summary, goal_res, names, base))
    if args.markdown:
        Path(args.markdown).write_text(preamble(report) + "\n\n" + table(summary, goal_res, names, base, markdown=True)
                                       + "\n")


if __name__ == "__main__":
    main()
