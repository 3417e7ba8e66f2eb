"""Hostile cells, round two (issue 16, part A): threads that outlive their cell, output that drowns
the next cell, stolen streams.

Each cell is sent through ``jupyter_client`` to a kernel on JDK 17 and to one on Temurin 25 (one
kernel per JDK for the module, so the cells also follow one another as in a notebook). Every test
checks what the issue judges: the kernel is alive, the state is kept (a variable set at the start
is still readable), the message is clear, the CPU is idle after an interrupt, and the next cell's
own output is intact.

Run: ``/usr/bin/python3 -m pytest tests/test_hostile_threads.py``
"""
from __future__ import annotations

import re
import time
from queue import Empty

import pytest

from conftest import _Starter, strip_ansi

#: seconds from the interrupt to the error reply (the kernel waits up to 0.5 s for the threads)
MAX_INTERRUPT_REPLY = 1.5
#: cores the kernel may use, averaged over a second after an interrupt (a spinning thread is 1.0)
IDLE_CORES = 0.25
#: background output of one cell is capped at 1 MiB (StreamPublisher.MAX_BACKGROUND_BYTES)
BACKGROUND_CAP = 1 << 20


@pytest.fixture(scope="module", params=["jdk17", "jdk25"])
def hk(request, kernel_logs):
    """One kernel per JDK for the whole battery, with a variable every test checks afterwards."""
    name = request.getfixturevalue("kernel_name" if request.param == "jdk17" else "kernel_name_jdk25")
    starter = _Starter(name, kernel_logs, f"hostile_threads_{request.param}")
    handle = starter()
    handle.jdk = request.param
    handle.run('int keep = 4242; String keepText = "still here";')
    yield handle
    starter.close()


@pytest.fixture(autouse=True)
def no_threads_left(hk):
    """Each case starts and ends with no cell thread running (a failed case must not spoil the next)."""
    yield
    if hk.alive(timeout=10):
        hk.execute("stopThreads();", timeout=30)
        hk.flush()


def assert_healthy(hk):
    """Kernel alive, earlier state readable, and the next cell's output complete and alone."""
    assert hk.alive(), "kernel died"
    ex = hk.execute('System.out.println("next " + keep + " " + keepText); System.err.println("err ok"); keep')
    ex.assert_ok()
    assert ex.stdout == "next 4242 still here\n", ex.stdout
    assert ex.stderr == "err ok\n", ex.stderr
    assert ex.result == "4242"


def assert_cpu_idle(hk, seconds=1.0, limit=IDLE_CORES):
    cores = hk.cpu_cores_over(seconds)
    assert cores < limit, f"the kernel still uses {cores:.2f} cores after the interrupt"


def interrupt_cell(hk, code, run_for=0.4):
    """Run ``code``, interrupt it ``run_for`` s after it printed "ready" (so everything it starts
    runs by then); return (reply content, outputs, seconds from the interrupt to the reply).
    ``code``'s last line runs after a ``System.out.println("ready")`` added before it."""
    lines = code.split("\n")
    msg_id = hk.kc.execute("\n".join(lines[:-1] + ['System.out.println("ready");', lines[-1]]))
    deadline = time.monotonic() + 30
    while True:
        assert time.monotonic() < deadline, "the cell never said it was ready"
        try:
            m = hk.kc.get_iopub_msg(timeout=0.5)
        except Empty:
            continue
        if m["parent_header"].get("msg_id") == msg_id and m["msg_type"] == "stream" and "ready" in m["content"]["text"]:
            break
    time.sleep(run_for)
    try:
        early = hk.wait_reply(msg_id, timeout=0.01)
    except AssertionError:
        early = None
    assert early is None, f"the cell ended before the interrupt: {early['content']}"
    t0 = time.perf_counter()
    hk.interrupt()
    reply = hk.wait_reply(msg_id, timeout=10, what="execute_reply after interrupt")
    elapsed = time.perf_counter() - t0
    outputs = hk.iopub_until_idle(msg_id, timeout=10)
    return reply["content"], outputs, elapsed


def stream_text(outputs, name):
    return "".join(m["content"]["text"] for m in outputs
                   if m["msg_type"] == "stream" and m["content"]["name"] == name)


def collect_iopub(hk, seconds, until=None):
    """IOPub messages for ``seconds`` (or until ``until(messages)`` is true), whatever their parent."""
    out, deadline = [], time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            out.append(hk.kc.get_iopub_msg(timeout=0.1))
        except Empty:
            continue
        if until is not None and until(out):
            break
    return out


def is_idle(messages, msg_id):
    return any(m["msg_type"] == "status" and m["content"]["execution_state"] == "idle"
               and m["parent_header"].get("msg_id") == msg_id for m in messages)


def then_next(hk, first, next_code, until=None, seconds=10.0, pause=0.0):
    """After the cell ``first`` (an Execution that left a thread running), run ``next_code`` and
    collect IOPub until the next cell is idle and ``until(msgs, first_id, next_id)`` holds.
    Returns (first_id, next_id, messages)."""
    first_id = first.reply["parent_header"]["msg_id"]
    time.sleep(pause)
    next_id = hk.kc.execute(next_code)
    msgs = collect_iopub(hk, seconds, until=lambda ms: is_idle(ms, next_id)
                         and (until is None or until(ms, first_id, next_id)))
    return first_id, next_id, msgs


def under(messages, msg_id, name=None):
    """The stream text of ``messages`` whose parent is ``msg_id`` (stdout and stderr, or ``name``)."""
    return "".join(m["content"]["text"] for m in messages
                   if m["msg_type"] == "stream" and m["parent_header"].get("msg_id") == msg_id
                   and (name is None or m["content"]["name"] == name))


# --------------------------------------------------------------------------- 1. interrupt stops them all
# name: (setup cell or None, the cell that is interrupted, pattern the error must contain)
INTERRUPT_CASES = {
    "joined-spinner": (None, 'Thread t1 = new Thread(() -> { while (true) { } }, "spin-joined");\n'
                             "t1.start();\nt1.join();",
                       r"Stopped 1 thread started by this cell: spin-joined\."),
    "two-spinners": (None, 'Thread a1 = new Thread(() -> { while (true) { } }, "spin-a");\n'
                           'Thread a2 = new Thread(() -> { long n = 0; while (true) { n++; } }, "spin-b");\n'
                           "a1.start(); a2.start();\na1.join();",
                     r"Stopped 2 threads started by this cell: spin-a, spin-b\."),
    "fixed-pool": (None, "var pool = java.util.concurrent.Executors.newFixedThreadPool(2);\n"
                         "var f1 = pool.submit(() -> { while (true) { } });\n"
                         "var f2 = pool.submit(() -> { while (true) { } });\nf1.get();",
                   r"Stopped 2 threads started by this cell: pool-\d+-thread-1, pool-\d+-thread-2\."
                   r"[\s\S]*Shut down 1 executor"),
    "run-async": (None, "java.util.concurrent.CompletableFuture.runAsync(() -> { while (true) { } }).join();",
                  # with fewer than 3 cores the common pool's parallelism is 1 and CompletableFuture
                  # starts a thread per task instead (a thread of the cell's, then)
                  r"Stopped cell code running on 1 thread of a shared pool: ForkJoinPool\.commonPool-worker-\d+"
                  r"|Stopped 1 thread started by this cell: Thread-\d+\."),
    "parallel-stream": (None, "IntStream.range(0, 8).parallel().forEach(i -> { while (true) { } });",
                        r"Interrupted"),
    "swallows-interrupts": (None, 'Thread deaf = new Thread(() -> { while (true) { try { Thread.sleep(20); }'
                                  ' catch (InterruptedException e) { } } }, "deaf");\ndeaf.start();\ndeaf.join();',
                            r"Stopped 1 thread started by this cell: deaf\."),
    "catches-throwable": (None, 'Thread tough = new Thread(() -> { while (true) { try { while (true) { } }'
                                ' catch (Throwable t) { } } }, "tough");\ntough.start();\ntough.join();',
                          r"Stopped 1 thread started by this cell: tough\."),
    "grandchild": (None, 'Thread parent = new Thread(() -> {\n'
                         '    Thread child = new Thread(() -> { while (true) { } }, "grandchild");\n'
                         "    child.start();\n    while (true) { }\n}, \"parent\");\nparent.start();\nparent.join();",
                   r"Stopped 2 threads started by this cell: (parent, grandchild|grandchild, parent)\."),
    "daemon": (None, 'Thread d = new Thread(() -> { while (true) { } }, "daemon-spin");\nd.setDaemon(true);\n'
                     "d.start();\nd.join();",
               r"Stopped 1 thread started by this cell: daemon-spin\."),
    "earlier-method": ("void spinHere() { while (true) { } }",
                       'Thread viaM = new Thread(() -> spinHere(), "via-method");\nviaM.start();\nviaM.join();',
                       r"Stopped 1 thread started by this cell: via-method\."),
    "made-in-another-snippet": (None, "Runnable spinR = () -> { while (true) { } };\n"
                                      'Thread early = new Thread(spinR, "made-early");\nint between = 1;\n'
                                      "early.start();\nearly.join();",
                                r"Stopped 1 thread started by this cell: made-early\."),
    "blocked-in-take": (None, "var q = new java.util.concurrent.LinkedBlockingQueue<Integer>();\n"
                              'Thread taker = new Thread(() -> { try { q.take(); } catch (InterruptedException e) { } },'
                              ' "taker");\ntaker.start();\ntaker.join();',
                        r"Stopped 1 thread started by this cell: taker\."),
    "scheduled-pool": (None, "var ses = java.util.concurrent.Executors.newScheduledThreadPool(1);\n"
                             "ses.scheduleAtFixedRate(() -> { long x = 0; for (int i = 0; i < 100_000; i++) x += i; },"
                             " 0, 1, java.util.concurrent.TimeUnit.MILLISECONDS);\nThread.sleep(60_000);",
                       r"Shut down 1 executor"),
    "timer": (None, 'var timer = new java.util.Timer("ticker");\n'
                    "timer.scheduleAtFixedRate(new java.util.TimerTask() { public void run() {"
                    " long x = 0; for (int i = 0; i < 100_000; i++) x += i; } }, 0, 1);\nThread.sleep(60_000);",
              r"Shut down 1 executor or timer"),
    "cell-sleeps-thread-spins": (None, 'Thread side = new Thread(() -> { while (true) { } }, "side-spin");\n'
                                       "side.start();\nThread.sleep(60_000);",
                                 r"Stopped 1 thread started by this cell: side-spin\."),
    "many-threads": (None, "List<Thread> many = new ArrayList<>();\nfor (int i = 0; i < 12; i++) {\n"
                           '    Thread m = new Thread(() -> { while (true) { } }, "many-" + i);\n'
                           "    many.add(m);\n    m.start();\n}\nmany.get(0).join();",
                     r"Stopped 12 threads started by this cell: many-0, .* and 2 more\."),
}


@pytest.mark.timeout(90)
@pytest.mark.parametrize("case", list(INTERRUPT_CASES))
def test_interrupt_stops_every_thread_the_cell_started(hk, case):
    setup, code, pattern = INTERRUPT_CASES[case]
    if setup:
        hk.run(setup)
    hk.wait_quiet(max_wait=5)
    content, outputs, elapsed = interrupt_cell(hk, code)
    assert content["status"] == "error", content
    assert content["ename"] == "Interrupted", content["ename"]
    tb = strip_ansi("\n".join(content["traceback"]))
    assert re.search(pattern, tb), tb
    assert "Still running" not in tb, tb
    assert elapsed <= MAX_INTERRUPT_REPLY, f"error reply {elapsed:.2f}s after the interrupt"
    assert_cpu_idle(hk)
    assert_healthy(hk)


@pytest.mark.timeout(90)
def test_virtual_threads_stop_too(hk):
    if hk.jdk == "jdk17":
        pytest.skip("no virtual threads on JDK 17")
    content, _, elapsed = interrupt_cell(hk, "Thread v = Thread.ofVirtual().start(() -> { while (true) { } });\n"
                                             "v.join();")
    assert content["ename"] == "Interrupted"
    assert elapsed <= MAX_INTERRUPT_REPLY
    assert_cpu_idle(hk)
    assert hk.value("v.isAlive()") == "false"
    assert_healthy(hk)


@pytest.mark.timeout(90)
def test_a_thread_inside_a_long_jdk_call(hk):
    """A JDK call that never looks at interrupts (a huge BigInteger power): JDK 17 stops it with
    Thread.stop; on JDK 25 the kernel says it is still running, and it ends when the call returns."""
    code = ('Thread crunch = new Thread(() -> { while (true) { java.math.BigInteger.valueOf(3).pow(4_000_000); } },'
            ' "crunch");\ncrunch.start();\ncrunch.join();')
    content, _, elapsed = interrupt_cell(hk, code, run_for=1.0)
    assert content["ename"] == "Interrupted"
    tb = strip_ansi("\n".join(content["traceback"]))
    assert elapsed <= MAX_INTERRUPT_REPLY
    if hk.jdk == "jdk17":
        assert "Stopped 1 thread started by this cell: crunch." in tb, tb
    else:
        assert re.search(r"Stopped 1 thread started by this cell: crunch\.|Still running: crunch \(cell \[\d+\]\) "
                         r"in java\.math\.", tb), tb
    deadline = time.monotonic() + 15
    while hk.value("crunch.isAlive()") == "true":
        assert time.monotonic() < deadline, "crunch never stopped"
        time.sleep(0.3)
    assert_cpu_idle(hk)
    assert_healthy(hk)


# --------------------------------------------------------------------------- 2. threads that outlive their cell
def test_note_after_a_cell_that_leaves_a_thread_running_and_interrupt_between_cells(hk):
    ex = hk.run('Thread bg = new Thread(() -> { while (true) { } }, "bg-spin");\nbg.start();')
    assert re.search(r"note: 1 thread started by this cell is still running: bg-spin \(runnable\)\. "
                     r"threads\(\) lists them, stopThreads\(\) \(or interrupt\) stops them\.", ex.stderr), ex.stderr
    assert ex.stdout == ""
    cell = ex.execution_count
    hk.interrupt()  # no cell runs: the interrupt stops what cells left running, and says so under the last cell
    msgs = collect_iopub(hk, 5, until=lambda ms: "Stopped" in under(ms, ex.reply["parent_header"]["msg_id"]))
    note = under(msgs, ex.reply["parent_header"]["msg_id"], "stderr")
    assert f"Stopped 1 thread started by cells: bg-spin (cell [{cell}])." in note, note
    assert_cpu_idle(hk)
    assert hk.value("bg.isAlive()") == "false"
    assert_healthy(hk)


def test_no_note_for_threads_that_finished(hk):
    ex = hk.run('Thread quick = new Thread(() -> System.out.println("quick done"), "quick");\n'
                "quick.start();\nquick.join();")
    assert ex.stdout == "quick done\n"
    assert ex.stderr == ""
    ex = hk.run('var ex1 = java.util.concurrent.Executors.newSingleThreadExecutor();\n'
                'ex1.submit(() -> 6 * 7).get();\nex1.shutdown(); ex1.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);')
    assert "still running" not in ex.stderr, ex.stderr
    assert_healthy(hk)


def test_threads_table_and_stop_threads(hk):
    ex = hk.run('Thread sleepy = new Thread(() -> { try { Thread.sleep(600_000); } catch (InterruptedException e) { } },'
                ' "sleepy");\nsleepy.setDaemon(true);\nsleepy.start();\n'
                'Thread busy = new Thread(() -> { while (true) { } }, "busy-one");\nbusy.start();')
    started = ex.execution_count
    assert "2 threads started by this cell are still running: sleepy (timed waiting), busy-one (runnable)" \
        in ex.stderr, ex.stderr
    table = hk.execute("threads()")
    table.assert_ok()
    html = table.of_type("execute_result")[0]["content"]["data"]["text/html"]
    for column in ("name", "state", "started by cell", "daemon", "CPU time [ms]"):
        assert column in html, column
    text = table.result
    assert re.search(r"sleepy\s*\|\s*TIMED_WAITING\s*\|\s*%d\s*\|\s*true" % started, text), text
    assert re.search(r"busy-one\s*\|\s*RUNNABLE\s*\|\s*%d\s*\|\s*false\s*\|\s*[\d.]+" % started, text), text
    stop = hk.run("stopThreads();")
    assert f"Stopped 2 threads started by cells: sleepy (cell [{started}]), busy-one (cell [{started}])." \
        in stop.stdout, stop.stdout
    assert_cpu_idle(hk)
    assert hk.value("threads().rowCount()") == "0"
    assert hk.run("stopThreads();").stdout == "No threads started by cells were running.\n"
    assert_healthy(hk)


def test_an_exception_that_ends_a_background_thread_is_shown_under_its_cell(hk):
    ex = hk.run('Thread late = new Thread(() -> { try { Thread.sleep(300); } catch (InterruptedException e) { }\n'
                '    throw new IllegalStateException("late failure"); }, "late");\nlate.start();')
    msg_id = ex.reply["parent_header"]["msg_id"]
    expected = re.compile(r'Exception in thread "late" \(started by cell \[%d\]\): java\.lang\.IllegalStateException: '
                          r"late failure\n    at lambda\$\S+ \(cell \[%d\]\)\n(    at .*\n)*    at java\.base/java\.lang\.Thread\.run"
                          % (ex.execution_count, ex.execution_count))
    # until the whole trace is there (or 10 s): a loaded machine may deliver it in more than one message
    msgs = collect_iopub(hk, 10, until=lambda ms: expected.search(under(ms, msg_id, "stderr")))
    err = under(msgs, msg_id, "stderr")
    assert expected.search(err), err
    assert_healthy(hk)


# --------------------------------------------------------------------------- 3. background output
@pytest.mark.timeout(120)
@pytest.mark.parametrize("stream", ["out", "err"])
def test_a_flood_from_an_earlier_cell_does_not_drown_the_next_cell(hk, stream):
    flood = hk.execute('Thread flood = new Thread(() -> { long i = 0; while (true) { System.%s.println('
                       '"flood line " + i++); } }, "flooder");\nflood.start();' % stream, timeout=60)
    flood.assert_ok()
    flood_id, mine_id, msgs = then_next(hk, flood, 'System.out.println("mine"); System.err.println("mine too"); 6 * 7',
                                        until=lambda ms, f, n: "reached its limit" in under(ms, f), seconds=60)
    assert under(msgs, mine_id, "stdout") == "mine\n"
    assert under(msgs, mine_id, "stderr") == "mine too\n"
    results = [m for m in msgs if m["msg_type"] == "execute_result" and m["parent_header"].get("msg_id") == mine_id]
    assert results and results[0]["content"]["data"]["text/plain"] == "42"
    background = under(msgs, flood_id, "std" + stream)
    assert "reached its limit of 1.0 MB" in background, background[-300:]
    assert len(background.encode()) <= BACKGROUND_CAP + 4096, len(background)
    more = collect_iopub(hk, 1.0)
    assert len(under(more, flood_id)) == 0, "the flood went on after its cap"
    hk.interrupt()
    assert_cpu_idle(hk, limit=IDLE_CORES * 1.5)  # the flood's last batches may still be on their way
    assert_healthy(hk)


def test_background_lines_go_under_the_cell_that_started_the_thread(hk):
    ex = hk.run('Thread talker = new Thread(() -> { for (int i = 0; i < 5; i++) {\n'
                '    try { Thread.sleep(100); } catch (InterruptedException e) { return; }\n'
                '    System.out.println("talk " + i); } }, "talker");\ntalker.start();')
    talker_id, nxt, msgs = then_next(hk, ex, 'System.out.println("own line")',
                                     until=lambda ms, t, n: "talk 4\n" in under(ms, t))
    assert under(msgs, nxt, "stdout") == "own line\n"
    assert under(msgs, talker_id, "stdout") == "".join(f"talk {i}\n" for i in range(5))
    assert_healthy(hk)


def test_the_next_cell_keeps_its_whole_budget_during_a_flood(hk):
    hk.run('Thread flood2 = new Thread(() -> { while (true) { System.out.print("x".repeat(1000)); } }, "flood2");\n'
           "flood2.start();", timeout=60)
    ex = hk.execute('for (int i = 0; i < 3000; i++) System.out.println("row " + i);', timeout=60)
    ex.assert_ok()
    assert ex.stdout == "".join(f"row {i}\n" for i in range(3000))
    hk.interrupt()
    assert_cpu_idle(hk, limit=IDLE_CORES * 1.5)
    assert_healthy(hk)


def test_common_pool_output_after_its_cell_goes_under_it(hk):
    ex = hk.run('var later = java.util.concurrent.CompletableFuture.runAsync(() -> {\n'
                '    try { Thread.sleep(300); } catch (InterruptedException e) { }\n'
                '    System.out.println("async says hi"); });')
    async_id, nxt, msgs = then_next(hk, ex, "Thread.sleep(800);")
    assert under(msgs, async_id, "stdout") == "async says hi\n"
    assert under(msgs, nxt) == ""
    assert_healthy(hk)


def test_displays_and_clears_of_a_background_thread_stay_in_its_cell(hk):
    ex = hk.run('Thread painter = new Thread(() -> { try { Thread.sleep(300); } catch (InterruptedException e) { }\n'
                '    clearOutput(); display(List.of(1, 2, 3)); }, "painter");\npainter.start();')
    painter_id, nxt, msgs = then_next(hk, ex, 'Thread.sleep(800); System.out.println("unspoiled")',
                                      until=lambda ms, p, n: any(m["msg_type"] == "display_data" for m in ms))
    mine = [m["msg_type"] for m in msgs if m["parent_header"].get("msg_id") == nxt and m["msg_type"] != "status"]
    assert set(mine) == {"execute_input", "stream"}, mine
    assert under(msgs, nxt) == "unspoiled\n"
    painted = [m for m in msgs if m["parent_header"].get("msg_id") == painter_id]
    assert [m["msg_type"] for m in painted] == ["clear_output", "display_data"], painted
    assert painted[1]["content"]["data"]["text/plain"] == "[1, 2, 3]"
    assert_healthy(hk)


def test_a_background_thread_cannot_take_the_next_cells_input(hk):
    ex = hk.run('Thread reader = new Thread(() -> { try { Thread.sleep(200); } catch (InterruptedException e) { }\n'
                '    new Scanner(System.in).nextLine(); }, "reader");\nreader.start();')
    reader_id = ex.reply["parent_header"]["msg_id"]
    msgs = collect_iopub(hk, 5, until=lambda ms: "reader" in under(ms, reader_id, "stderr"))
    err = under(msgs, reader_id, "stderr")
    assert "System.in belongs to the running cell" in err, err
    got = hk.execute('new Scanner(System.in).nextLine()', stdin=["typed by me"])
    got.assert_ok()
    assert got.result == '"typed by me"'
    assert len(got.input_requests) == 1
    assert_healthy(hk)


# --------------------------------------------------------------------------- 4. the kernel's streams
# name: (cell, what it must print itself, pattern of the kernel's note on stderr)
STREAM_CASES = {
    "setOut-null": ("System.setOut(null);", "", r"note: this cell replaced System\.out; the kernel put its own back"),
    "setOut-elsewhere": ("System.setOut(new java.io.PrintStream(new java.io.ByteArrayOutputStream()));\nSystem.out.println(\"lost\");",
                         "", r"this cell replaced System\.out"),
    "setOut-fd": ("System.setOut(new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out)));", "",
                  r"this cell replaced System\.out"),
    "setErr-null": ("System.setErr(null);", "", r"this cell replaced System\.err"),
    "both-null": ("System.setOut(null);\nSystem.setErr(null);", "", r"this cell replaced System\.out and System\.err"),
    "close-out": ('System.out.close();\nSystem.out.println("after close");', "after close\n",
                  r"this cell closed System\.out, which stays open \(the kernel's streams ignore close\(\)\)"),
    "close-err": ("System.err.close();", "", r"this cell closed System\.err"),
    "printwriter-closes-out": ('var pw = new java.io.PrintWriter(System.out);\npw.println("via writer");\npw.close();',
                               "via writer\n", r"this cell closed System\.out"),
    "try-with-resources": ('try (var ps = System.out) { ps.println("inside"); }\nSystem.out.println("outside");',
                           "inside\noutside\n", r"this cell closed System\.out"),
    "setIn": ('System.setIn(new java.io.ByteArrayInputStream("fake\\n".getBytes()));', "", r"this cell replaced System\.in"),
}


@pytest.mark.parametrize("case", list(STREAM_CASES))
def test_the_kernels_streams_come_back(hk, case):
    code, printed, note = STREAM_CASES[case]
    ex = hk.execute(code)
    ex.assert_ok()
    assert ex.stdout == printed, ex.stdout
    assert re.search(note, ex.stderr), ex.stderr
    assert len(ex.stderr.strip().splitlines()) == 1, ex.stderr
    assert_healthy(hk)
    got = hk.execute("new Scanner(System.in).nextLine()", stdin=["from the front end"])
    assert got.result == '"from the front end"', got.outputs
    assert_healthy(hk)


def test_a_background_thread_that_replaces_system_out(hk):
    thief = hk.run('Thread thief = new Thread(() -> { try { Thread.sleep(100); } catch (InterruptedException e) { }\n'
                   '    System.setOut(null); }, "thief");\nthief.start();')
    thief_id, nxt, msgs = then_next(hk, thief, 'System.out.println("printed anyway")', pause=0.6)
    assert under(msgs, nxt) == "printed anyway\n"  # the next cell's output is its own
    assert "note: a thread of an earlier cell replaced System.out" in under(msgs, thief_id, "stderr")
    assert_healthy(hk)


# --------------------------------------------------------------------------- 5. what cannot be stopped
# Last in the module: the two threads stay deadlocked for the rest of the session.
@pytest.mark.timeout(90)
def test_a_deadlock_is_reported_not_hidden(hk):
    """Two cell threads deadlocked on monitors: no check runs and interrupts do not reach a thread
    waiting for a monitor, so the kernel stops the cell, says which threads it could not stop and
    why, and stays usable (the deadlocked threads use no CPU)."""
    code = ("Object lockA = new Object(), lockB = new Object();\n"
            'Thread d1 = new Thread(() -> { synchronized (lockA) { try { Thread.sleep(100); } catch (InterruptedException e) { }\n'
            '    synchronized (lockB) { } } }, "dead-1");\n'
            'Thread d2 = new Thread(() -> { synchronized (lockB) { try { Thread.sleep(100); } catch (InterruptedException e) { }\n'
            '    synchronized (lockA) { } } }, "dead-2");\n'
            "d1.start(); d2.start();\nd1.join();")
    content, _, elapsed = interrupt_cell(hk, code, run_for=0.6)
    assert content["ename"] == "Interrupted"
    tb = strip_ansi("\n".join(content["traceback"]))
    assert re.search(r"Still running: dead-1 \(cell \[\d+\]\) waiting for a lock in lambda\S* \(cell code\); "
                     r"dead-2 \(cell \[\d+\]\) waiting for a lock in", tb), tb
    assert "waits for a lock that another thread holds" in tb
    assert elapsed <= MAX_INTERRUPT_REPLY
    assert_cpu_idle(hk)
    assert_healthy(hk)
