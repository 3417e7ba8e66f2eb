#!/usr/bin/python3
"""%maven latency: time from the request to a usable class, for artifacts already in ~/.m2.

Issue 14's goal is "``%maven`` of a small artifact already in the local repository: <= 1 s to usable".
Each run starts a fresh ``java-dl`` kernel (the kernelspec Jupyter finds, or ``--kernel``), offline
(Maven Central pointed at a closed port, so nothing is fetched), waits until it answers ``1``, then times
through jupyter_client (request -> execute_reply):

  first %maven    ``%maven commons-codec:commons-codec:1.23.0`` plus a call into it, in one cell: the
                  first use in a session, which also loads the Maven resolver
  second %maven   ``%maven <second artifact>`` plus a call, in the same kernel: the resolver is loaded
  warm 1+1        p50 of 20 ``1+1`` after both (a magic must not slow a plain cell)

Medians over ``--runs`` kernels are printed with the load average. The artifacts must be in ~/.m2
(``mvn package`` of this project puts commons-codec there).

  /usr/bin/python3 kernel/bench/maven_latency.py --runs 5
"""
from __future__ import annotations

import argparse
import os
import statistics
import time

from jupyter_client.manager import KernelManager

FIRST = ("commons-codec:commons-codec:1.23.0",
         'org.apache.commons.codec.digest.DigestUtils.md5Hex("a")', '"0cc175b9c0f1b6a831c399e269772661"')
SECOND = ("org.apache.commons:commons-lang3:3.12.0",
          'org.apache.commons.lang3.StringUtils.reverse("abc")', '"cba"')


def timed(kc, code, expect=None):
    t0 = time.perf_counter()
    msg_id = kc.execute(code)
    result = None
    while True:
        m = kc.get_iopub_msg(timeout=60)
        if m["parent_header"].get("msg_id") != msg_id:
            continue
        if m["msg_type"] == "execute_result":
            result = m["content"]["data"]["text/plain"]
        if m["msg_type"] == "error":
            raise SystemExit(f"{code!r} failed: {m['content']['evalue']}")
        if m["msg_type"] == "status" and m["content"]["execution_state"] == "idle":
            break
    took = time.perf_counter() - t0
    if expect is not None and result != expect:
        raise SystemExit(f"{code!r} gave {result!r}, expected {expect!r}")
    return took


def one_run(kernel):
    env = {**os.environ, "JAVADL_MAVEN_CENTRAL": "http://127.0.0.1:9/", "JAVADL_MAVEN_TIMEOUT": "3"}
    env.pop("JAVADL_MAVEN_LOCAL", None)
    km = KernelManager(kernel_name=kernel)
    km.start_kernel(env=env)
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=60)
        timed(kc, "1")
        time.sleep(1.0)  # let start-up's background work settle, as a user reading the notebook would
        first = timed(kc, f"%maven {FIRST[0]}\n{FIRST[1]}", FIRST[2])
        second = timed(kc, f"%maven {SECOND[0]}\n{SECOND[1]}", SECOND[2])
        warm = statistics.median(timed(kc, "1+1") for _ in range(20))
        return first, second, warm
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--kernel", default="java-dl")
    a = ap.parse_args()
    load0 = os.getloadavg()
    rows = [one_run(a.kernel) for _ in range(a.runs)]
    load1 = os.getloadavg()
    for name, i in (("first %maven (loads the resolver) [s]", 0), ("second %maven [s]", 1)):
        vals = [r[i] for r in rows]
        print(f"{name:40s} median {statistics.median(vals):.2f}  range {min(vals):.2f}-{max(vals):.2f}")
    warm = [r[2] * 1000 for r in rows]
    print(f"{'warm 1+1 p50 after them [ms]':40s} median {statistics.median(warm):.1f}")
    print(f"{a.runs} kernels '{a.kernel}'; load average {load0[0]:.2f} at the start, {load1[0]:.2f} at the end")


if __name__ == "__main__":
    main()
