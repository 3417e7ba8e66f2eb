"""Wire-protocol tests for the javadl kernel, driven through jupyter_client only.

Most tests share one kernel (the module-scoped ``kernel`` fixture) and use names of their own, so
their state does not collide. Tests that break or end a kernel (interrupt, shutdown) start fresh
ones, on JDK 17 and on Temurin 25.
"""
from __future__ import annotations

import datetime
import hashlib
import hmac
import json
import re
import time
import uuid
from queue import Empty

import pytest

from conftest import strip_ansi

BLACK_FG = "\x1b[30m"  # invisible on dark themes: never use it in tracebacks


def all_text(ex) -> str:
    """ename, evalue and traceback of an error reply, ANSI removed."""
    c = ex.content
    return strip_ansi("\n".join([str(c.get("ename")), str(c.get("evalue"))] + list(c.get("traceback") or [])))


def assert_no_black(ex):
    raw = "\n".join(ex.content.get("traceback") or [])
    err = ex.error or {}
    raw_io = "\n".join(err.get("traceback") or [])
    assert BLACK_FG not in raw and BLACK_FG not in raw_io, \
        f"traceback uses ANSI black foreground (unreadable on dark themes): {raw!r}"


# =============================================================================== kernelspec
def test_kernelspec(kernel_name):
    from jupyter_client.kernelspec import KernelSpecManager

    spec = KernelSpecManager().get_kernel_spec(kernel_name)
    assert spec.display_name == "Java (javadl)"
    assert spec.language == "java"
    assert spec.interrupt_mode == "message"
    assert "{connection_file}" in spec.argv


# =============================================================================== kernel_info
def test_kernel_info_fields(kernel):
    c = kernel.kernel_info()
    assert c["status"] == "ok"
    assert c["implementation"] == "javadl"
    assert re.match(r"^5\.\d+", c["protocol_version"]), c["protocol_version"]
    li = c["language_info"]
    assert li["name"] == "java"
    assert li["mimetype"] == "text/x-java"
    assert li["file_extension"] == ".java"
    assert li.get("pygments_lexer") == "java"
    cm = li.get("codemirror_mode")
    assert cm == "text/x-java" or (isinstance(cm, dict) and cm.get("name") in ("clike", "text/x-java")), cm
    assert isinstance(li.get("version"), str) and li["version"], li


# =============================================================================== execute
def test_execute_result_and_execution_count(kernel):
    first = kernel.run("1+1")
    assert first.result == "2"
    n = first.execution_count
    assert isinstance(n, int) and n >= 1
    second = kernel.run("2*21")
    assert second.result == "42"
    assert second.execution_count == n + 1
    # IOPub: execute_input echoes the code with the count, execute_result carries the same count
    (inp,) = second.of_type("execute_input")
    assert inp["content"]["code"] == "2*21"
    assert inp["content"]["execution_count"] == n + 1
    (res,) = second.of_type("execute_result")
    assert res["content"]["execution_count"] == n + 1
    # errors take a number too, and the count goes on after them
    err = kernel.execute("throw new RuntimeException(\"count\");")
    assert err.status == "error"
    assert kernel.run("3").execution_count == err.execution_count + 1


def test_execute_result_values(kernel):
    assert kernel.value("1+2+3") == "6"
    assert kernel.value("List.of(1, 4, 9)") == "[1, 4, 9]"
    assert kernel.value("7 / 2.0") == "3.5"
    assert kernel.value("Math.max(3, 11)") == "11"
    assert kernel.value("true && !false") == "true"


def test_streams_stdout_stderr(kernel):
    ex = kernel.run('System.out.println("out-line");\nSystem.err.println("err-line");\nSystem.out.print("no-newline");')
    assert "out-line\n" in ex.stdout
    assert "no-newline" in ex.stdout, "stdout not flushed at the end of the cell"
    assert "err-line" in ex.stderr
    assert "err-line" not in ex.stdout and "out-line" not in ex.stderr
    assert ex.result is None  # statements have no execute_result
    # streams arrive before the reply's idle and carry this request as parent (checked by execute)
    for m in ex.of_type("stream"):
        assert m["content"]["name"] in ("stdout", "stderr")


def test_output_of_loop_in_order(kernel):
    ex = kernel.run('for (int i = 0; i < 5; i++) System.out.println("row " + i);')
    assert ex.stdout == "".join(f"row {i}\n" for i in range(5))


def test_silent_publishes_nothing_and_keeps_count(kernel):
    n = kernel.run("1").execution_count
    ex = kernel.execute('System.out.println("silent-out");\nint silentVar = 5;\nsilentVar', silent=True)
    assert ex.status == "ok"
    assert ex.outputs == [], f"silent=True published on IOPub: {[m['msg_type'] for m in ex.outputs]}"
    assert kernel.run("1").execution_count == n + 1, "silent execution bumped the execution count"
    assert kernel.value("silentVar") == "5", "silent code must still run"


def test_store_history_false(kernel):
    n = kernel.run("1").execution_count
    ex = kernel.execute("int noHistoryVar = 3;", store_history=False)
    assert ex.status == "ok"
    assert kernel.run("1").execution_count == n + 1, "store_history=False bumped the execution count"
    hist = kernel.history(hist_access_type="tail", n=10)["history"]
    assert all(h[2] != "int noHistoryVar = 3;" for h in hist), hist
    assert kernel.value("noHistoryVar + 1") == "4"


# =============================================================================== state
def test_state_variables(kernel):
    kernel.run("int stA = 20;")
    kernel.run("var stList = new ArrayList<String>();\nstList.add(\"x\");")
    assert kernel.value("stA + 22") == "42"
    kernel.run("stA = stA * 2;")
    assert kernel.value("stA") == "40"
    assert kernel.value("stList.size()") == "1"


def test_state_methods_and_redefinition(kernel):
    kernel.run("int twiceIt(int x) { return 2 * x; }")
    assert kernel.value("twiceIt(21)") == "42"
    kernel.run("int useTwice(int x) { return twiceIt(x) + 1; }")
    kernel.run("int twiceIt(int x) { return 3 * x; }")  # redefinition
    assert kernel.value("twiceIt(2)") == "6"
    assert kernel.value("useTwice(2)") == "7", "a method calling a redefined method must see the new one"


def test_state_classes_and_redefinition(kernel):
    kernel.run("class Pt { final int x; Pt(int x) { this.x = x; } int get() { return x; } }")
    assert kernel.value("new Pt(7).get()") == "7"
    kernel.run("record Pair(int a, int b) { int sum() { return a + b; } }")
    assert kernel.value("new Pair(40, 2).sum()") == "42"
    kernel.run("class Pt { final int x; Pt(int x) { this.x = 10 * x; } int get() { return x; } }")
    assert kernel.value("new Pt(7).get()") == "70"
    kernel.run("interface Shape { double area(); }\nclass Sq implements Shape { public double area() { return 4; } }")
    assert kernel.value("((Shape) new Sq()).area()") == "4.0"


def test_state_imports(kernel):
    kernel.run("import java.time.Duration;")
    assert kernel.value("Duration.ofMinutes(2).toSeconds()") == "120"
    ex = kernel.run("import java.util.concurrent.atomic.AtomicInteger;\nvar ai = new AtomicInteger(41);\nai.incrementAndGet()")
    assert ex.result == "42"
    assert kernel.value("ai.get()") == "42"


def test_preloaded_imports(kernel):
    assert kernel.value("sigmoid(0.0)") == "0.5"                          # org.javadl.DL.*
    assert kernel.value("new ArrayList<>(List.of(3, 1, 2)).size()") == "3"  # java.util.*
    assert kernel.value("IntStream.range(0, 4).sum()") == "6"              # java.util.stream.*
    assert kernel.value("((Function<Integer, Integer>) x -> x + 1).apply(41)") == "42"  # java.util.function.*


def test_multi_statement_cell_result_is_last_expression(kernel):
    ex = kernel.run("int msA = 1;\nint msB = 2;\nmsA + msB")
    assert ex.result == "3"


def test_state_survives_errors(kernel):
    kernel.run("int survivor = 99;")
    assert kernel.execute("int broken = ;").status == "error"
    assert kernel.execute("throw new IllegalStateException(\"x\");").status == "error"
    assert kernel.value("survivor") == "99"


# =============================================================================== errors
def _has_line_col(text: str, line: int, col: int) -> bool:
    pats = [rf"line\s*:?\s*{line}\s*[,;:]?\s*(?:col(?:umn)?\.?|position|char(?:acter)?)\s*:?\s*{col}\b",
            rf"\b{line}:{col}\b", rf"\(\s*{line}\s*,\s*{col}\s*\)"]
    return any(re.search(p, text, re.I) for p in pats)


COMPILE_CASES = [
    # (code, line, 1-based column of the error, offending line, javac message fragment)
    pytest.param("int first = 1;\nint second = first + missingName;", 2, 22,
                 "int second = first + missingName;", "cannot find symbol", id="cannot-find-symbol"),
    pytest.param("void greetPlease() {\n    String s = 42;\n}", 2, 16,
                 "    String s = 42;", "incompatible types", id="method-body"),
    pytest.param("int okLine = 1;\nint z = 1 + ;\n", 2, 13, "int z = 1 + ;", "illegal start of expression",
                 id="syntax"),
]


@pytest.mark.parametrize("code,line,col,src,msg", COMPILE_CASES)
def test_compile_error(kernel, code, line, col, src, msg):
    ex = kernel.execute(code)
    assert ex.status == "error"
    c = ex.content
    assert re.search(r"compil", c["ename"], re.I), f"ename {c['ename']!r} does not name a compilation error"
    tb = ex.traceback
    text = all_text(ex)
    assert msg in text, f"javac's message {msg!r} missing:\n{text}"
    assert _has_line_col(text, line, col), f"cell line {line} / column {col} not shown:\n{text}"
    lines = tb.splitlines()
    src_rows = [i for i, t in enumerate(lines) if src.strip() in t]
    assert src_rows, f"offending line {src!r} not shown:\n{tb}"
    # the row after the source line marks the error with ^ (or ~) under the offending column
    ok = False
    for i in src_rows:
        if i + 1 < len(lines):
            start = lines[i].index(src.strip()) - (len(src) - len(src.lstrip()))
            pos = start + col - 1
            marker = lines[i + 1]
            if 0 <= pos < len(marker) and marker[pos] in "^~" and set(marker.strip()) <= set("^~|-_ "):
                ok = True
    assert ok, f"no ^ marker under column {col} of {src!r}:\n{tb}"
    # the error is also published on IOPub
    assert ex.error is not None and ex.error["ename"] == c["ename"]
    assert_no_black(ex)


def test_runtime_error_simple(kernel):
    ex = kernel.execute('throw new RuntimeException("boom");')
    assert ex.status == "error"
    assert ex.content["ename"] == "java.lang.RuntimeException"
    assert ex.content["evalue"] == "boom"
    assert re.search(r"line\s*1\b", ex.traceback), ex.traceback
    assert_no_black(ex)
    errs = ex.of_type("error")
    assert len(errs) == 1 and errs[0]["content"]["ename"] == "java.lang.RuntimeException"


def test_runtime_error_frames_translated(kernel):
    code = ('int depthVar = 0;\n'
            'void boomNow() {\n'
            '    throw new IllegalStateException("kaboom");\n'
            '}\n'
            'boomNow();')
    ex = kernel.execute(code)
    assert ex.status == "error"
    assert ex.content["ename"] == "java.lang.IllegalStateException"
    assert ex.content["evalue"] == "kaboom"
    tb = ex.traceback
    assert re.search(r"line\s*3\b", tb), f"frame of the throw not translated to cell line 3:\n{tb}"
    assert re.search(r"line\s*5\b", tb), f"frame of the call not translated to cell line 5:\n{tb}"
    for internal in ("jdk.jshell", "org.javadl.kernel", "$JShell", "REPL."):
        assert internal not in tb, f"internal frame {internal!r} leaked into the traceback:\n{tb}"
    assert_no_black(ex)


def test_runtime_error_from_library_code(kernel):
    ex = kernel.execute('int parsed = 0;\nparsed = Integer.parseInt("notanumber");')
    assert ex.status == "error"
    assert ex.content["ename"] == "java.lang.NumberFormatException"
    assert "notanumber" in ex.content["evalue"]
    tb = ex.traceback
    assert re.search(r"line\s*2\b", tb), tb
    assert "jdk.jshell" not in tb and "org.javadl.kernel" not in tb, tb
    assert_no_black(ex)


# =============================================================================== complete
def _completed(code, content):
    """The texts a front end would show after accepting each match."""
    s, e = content["cursor_start"], content["cursor_end"]
    return [code[:s] + m + code[e:] for m in content["matches"]]


@pytest.mark.parametrize("code,expected", [
    ("Math.ab", "Math.abs"),
    ("System.out.pri", "System.out.println"),
    ("sigm", "sigmoid"),
    ("int q = 1;\ndouble r = Math.sq", "int q = 1;\ndouble r = Math.sqrt"),
    ("List.o", "List.of"),
    ("import java.ut", "import java.util."),
    ("import org.javadl.ten", "import org.javadl.tensor."),
])
def test_complete(kernel, code, expected):
    c = kernel.complete(code)
    assert c["status"] == "ok"
    assert c["cursor_end"] == len(code)
    assert 0 <= c["cursor_start"] <= c["cursor_end"]
    done = _completed(code, c)
    assert any(d.startswith(expected) for d in done), f"no match completing {code!r} to {expected!r}: {c['matches']}"


def test_complete_names_from_earlier_cells(kernel):
    kernel.run("int myLocalCounter = 3;")
    kernel.run("double halveItNow(double v) { return v / 2; }")
    kernel.run("class MyOwnWidget {}")
    for code, expected in [("myLocalC", "myLocalCounter"), ("halveI", "halveItNow"), ("new MyOwnW", "new MyOwnWidget")]:
        c = kernel.complete(code)
        assert c["status"] == "ok"
        assert any(d.startswith(expected) for d in _completed(code, c)), f"{code!r}: {c['matches']}"


def test_complete_cursor_in_middle(kernel):
    code = "Math.ab(-3) + 1"
    c = kernel.complete(code, cursor_pos=7)
    assert c["status"] == "ok" and c["cursor_end"] == 7
    assert any(m.startswith("abs") for m in c["matches"]), c["matches"]


# =============================================================================== inspect
@pytest.mark.parametrize("code,pos,name", [
    ("Math.abs", None, "abs"),          # cursor at the end of the name
    ("Math.abs(-1)", 7, "abs"),         # cursor inside the name
    ("Math.abs(-1)", 5, "abs"),         # cursor at the start of the name
    ("sigmoid(0.5)", 3, "sigmoid"),     # preloaded static import
])
def test_inspect_found(kernel, code, pos, name):
    c = kernel.inspect(code, pos)
    assert c["status"] == "ok"
    assert c["found"] is True, f"inspect {code!r} at {pos}: {c}"
    text = c["data"].get("text/plain", "")
    assert re.search(re.escape(name) + r"\s*\(", text), f"no signature for {name} in text/plain: {text!r}"


def test_inspect_user_method(kernel):
    kernel.run("int addThree(int value) { return value + 3; }")
    c = kernel.inspect("addThree(1)", 4)
    assert c["status"] == "ok" and c["found"] is True, c
    assert "addThree" in c["data"]["text/plain"]


def test_inspect_not_found(kernel):
    c = kernel.inspect("zzNoSuchThingAnywhere", None)
    assert c["status"] == "ok"
    assert c["found"] is False
    assert c.get("data", {}) in ({}, None) or not c["data"].get("text/plain")


# =============================================================================== is_complete
@pytest.mark.parametrize("code", [
    "1+1", "int x = 1;", 'System.out.println("hi");', "void f() {\n  return;\n}", "class A {}",
    "for (int i = 0; i < 3; i++) {\n    System.out.println(i);\n}", "",
])
def test_is_complete_complete(kernel, code):
    c = kernel.is_complete(code)
    assert c["status"] == "complete", f"{code!r}: {c}"


@pytest.mark.parametrize("code,indent", [
    ("for (int i = 0; i < 3; i++) {", "    "),
    ("void g() {", "    "),
    ("int[] a = {1, 2", None),
    ("Math.max(1,", None),
    ("class B {\n    int f;", "    "),
])
def test_is_complete_incomplete(kernel, code, indent):
    c = kernel.is_complete(code)
    assert c["status"] == "incomplete", f"{code!r}: {c}"
    assert isinstance(c.get("indent"), str), f"incomplete reply without indent hint: {c}"
    assert c["indent"].strip() == "", c
    if indent is not None:
        assert c["indent"] == indent, f"{code!r}: indent {c['indent']!r}, expected {indent!r}"


@pytest.mark.parametrize("code", ["int x = 1 + ;", "1 +* 2", "int = 5;"])
def test_is_complete_invalid(kernel, code):
    c = kernel.is_complete(code)
    assert c["status"] == "invalid", f"{code!r}: {c}"


# =============================================================================== history
def test_history_tail_range_search(kernel):
    cells = ["int histA = 101;", "int histB = 202;", "histA + histB"]
    counts = [kernel.run(c).execution_count for c in cells]

    tail = kernel.history(hist_access_type="tail", n=3)
    assert tail["status"] == "ok"
    h = tail["history"]
    assert [e[2] for e in h] == cells, h
    assert all(len(e) == 3 for e in h)
    session = h[0][0]
    assert isinstance(session, int) and session >= 1, f"current session number should be positive: {session!r}"
    assert [e[1] for e in h] == counts, f"history line numbers {[e[1] for e in h]} != execution counts {counts}"

    # range, with the session number from tail and with 0 (= current session); stop is exclusive
    r = kernel.history(hist_access_type="range", session=session, start=counts[1], stop=counts[1] + 1)["history"]
    assert r == [[session, counts[1], cells[1]]] or [list(e) for e in r] == [[session, counts[1], cells[1]]], r
    r0 = kernel.history(hist_access_type="range", session=0, start=counts[0], stop=counts[2] + 1)["history"]
    assert [e[2] for e in r0] == cells, r0
    assert [e[1] for e in r0] == counts, r0

    # search: glob pattern, unique, n
    kernel.run("int histA = 101;")
    s = kernel.history(hist_access_type="search", pattern="int histA*")["history"]
    assert len(s) >= 2 and all(e[2] == "int histA = 101;" for e in s), s
    su = kernel.history(hist_access_type="search", pattern="int histA*", unique=True)["history"]
    assert [e[2] for e in su] == ["int histA = 101;"], su
    s1 = kernel.history(hist_access_type="search", pattern="int hist?*", n=1)["history"]
    assert len(s1) == 1 and s1[0][2] == "int histA = 101;", s1  # n = the most recent matches
    assert kernel.history(hist_access_type="search", pattern="zz*nothing*matches*")["history"] == []


def test_history_output_true(kernel):
    kernel.run("40 + 2")
    h = kernel.history(hist_access_type="tail", n=1, output=True)["history"]
    assert len(h) == 1 and len(h[0]) == 3
    inp_out = h[0][2]
    assert len(inp_out) == 2 and inp_out[0] == "40 + 2", h


# =============================================================================== display
def test_display_and_update_display(kernel):
    ex = kernel.run('var did = display(html("<b>first</b>"));\nSystem.out.print(did);')
    did = ex.stdout.strip()
    assert did, "display(...) returned no id"
    (dd,) = ex.of_type("display_data")
    assert "<b>first</b>" in dd["content"]["data"]["text/html"]
    assert dd["content"]["transient"]["display_id"] == did
    assert isinstance(dd["content"]["metadata"], dict)

    up = kernel.run('updateDisplay(did, html("<i>second</i>"));')
    ups = up.of_type("update_display_data")
    assert len(ups) == 1, [m["msg_type"] for m in up.outputs]
    assert ups[0]["content"]["transient"]["display_id"] == did
    assert "<i>second</i>" in ups[0]["content"]["data"]["text/html"]
    assert not up.of_type("display_data"), "updateDisplay must not add a new output"


def test_display_plain_object(kernel):
    ex = kernel.run("display(List.of(1, 2));")
    (dd,) = ex.of_type("display_data")
    assert dd["content"]["data"]["text/plain"] == "[1, 2]"


def test_two_displays_distinct_ids(kernel):
    ex = kernel.run('var d1 = display(html("<p>a</p>"));\nvar d2 = display(html("<p>b</p>"));\nSystem.out.print(d1 + "|" + d2);')
    d1, d2 = ex.stdout.split("|")
    assert d1 != d2
    ids = [m["content"]["transient"]["display_id"] for m in ex.of_type("display_data")]
    assert ids == [d1, d2]


# =============================================================================== System.exit
@pytest.mark.parametrize("code", [
    "System.exit(0);",
    "Runtime.getRuntime().exit(3);",
    "Runtime.getRuntime().halt(0);",
    "void quitNow() { System.exit(1); }\nquitNow();",
], ids=["System.exit", "Runtime.exit", "Runtime.halt", "in-method"])
def test_exit_not_allowed(kernel, code):
    kernel.run("int exitGuardVar = 5;")
    ex = kernel.execute(code, timeout=15)
    assert ex.status == "error", f"{code!r} did not fail: {ex.content}"
    text = all_text(ex).lower()
    assert "exit" in text or "halt" in text, text
    assert re.search(r"not\s+(allowed|permitted|supported)|disallowed|forbidden|cannot|stopped|blocked|prevented",
                     text), \
        f"the error does not say that exit is not allowed: {text}"
    assert not kernel.exited(), "the kernel process exited"
    assert kernel.value("exitGuardVar") == "5"


# =============================================================================== stdin
def test_stdin_input_request(kernel):
    code = ('var rdr = new java.io.BufferedReader(new java.io.InputStreamReader(System.in));\n'
            'String lineIn = rdr.readLine();\n'
            'System.out.println("got:" + lineIn);')
    ex = kernel.run(code, stdin=["hello stdin"], timeout=20)
    assert len(ex.input_requests) == 1
    assert ex.input_requests[0]["content"]["password"] is False
    assert "got:hello stdin" in ex.stdout


def test_stdin_scanner(kernel):
    ex = kernel.run("int nIn = new Scanner(System.in).nextInt();\nnIn + 1", stdin=["41"], timeout=20)
    assert ex.result == "42"
    assert len(ex.input_requests) == 1


def test_stdin_not_allowed(kernel):
    t0 = time.perf_counter()
    ex = kernel.execute("int nOut = new Scanner(System.in).nextInt();", allow_stdin=False, timeout=15)
    assert ex.status == "error", ex.content
    assert time.perf_counter() - t0 < 10
    assert not ex.input_requests
    text = all_text(ex).lower()
    assert "stdin" in text or "input" in text, f"unclear error for stdin without allow_stdin: {text}"
    assert kernel.value("1+1") == "2"


# =============================================================================== HMAC signatures
def _raw_frames(key: bytes, msg_type: str, content: dict, session: str, sign=True, tamper=False):
    header = {"msg_id": uuid.uuid4().hex, "username": "tester", "session": session,
              "date": datetime.datetime.now(datetime.timezone.utc).isoformat(), "msg_type": msg_type,
              "version": "5.3"}
    parts = [json.dumps(p).encode() for p in (header, {}, {}, content)]
    mac = hmac.new(key, digestmod=hashlib.sha256)
    for p in parts:
        mac.update(p)
    sig = mac.hexdigest().encode() if sign else b""
    if tamper:  # a signature made for different content
        parts[3] = json.dumps({**content, "code": content["code"] + "\n"}).encode()
    return header["msg_id"], [b"<IDS|MSG>", sig] + parts


class RawShell:
    """A raw ZMQ DEALER socket on the kernel's shell port, to send hand-made (mis)signed messages."""

    def __init__(self, kernel):
        import zmq

        info = kernel.km.get_connection_info()
        self.key = info["key"] if isinstance(info["key"], bytes) else info["key"].encode()
        assert info.get("signature_scheme", "hmac-sha256") == "hmac-sha256"
        self.sock = zmq.Context.instance().socket(zmq.DEALER)
        self.sock.setsockopt(zmq.LINGER, 0)
        self.sock.setsockopt(zmq.IDENTITY, uuid.uuid4().hex.encode())
        self.sock.connect(f"{info['transport']}://{info['ip']}:{info['shell_port']}")
        self.session = uuid.uuid4().hex

    def send(self, msg_type, content, key=None, sign=True, tamper=False):
        mid, frames = _raw_frames(self.key if key is None else key, msg_type, content, self.session, sign, tamper)
        self.sock.send_multipart(frames)
        return mid

    def reply_to(self, mid, timeout_ms=10_000):
        """The parent msg_id of the next message, or None if nothing arrives in time."""
        if not self.sock.poll(timeout_ms):
            return None
        frames = self.sock.recv_multipart()
        return json.loads(frames[frames.index(b"<IDS|MSG>") + 3])["msg_id"]

    def close(self):
        self.sock.close(0)


def _execute_content(code):
    return {"code": code, "silent": False, "store_history": True, "user_expressions": {},
            "allow_stdin": False, "stop_on_error": True}


@pytest.fixture
def raw_shell(kernel):
    r = RawShell(kernel)
    # control: a correctly signed request over this raw socket is answered
    mid = r.send("kernel_info_request", {})
    assert r.reply_to(mid) == mid, "no reply to a correctly signed raw kernel_info_request"
    yield r
    r.close()


def test_bad_signatures_are_dropped(kernel, raw_shell, tmp_path):
    bad = {}
    for variant in ("wrong-key", "tampered", "missing"):
        marker = tmp_path / f"ran-{variant}"
        var = "hmac_" + variant.replace("-", "_")
        content = _execute_content(f'java.nio.file.Files.writeString(java.nio.file.Path.of("{marker}"), "ran");\n'
                                   f'int {var} = 1;')
        if variant == "wrong-key":
            mid = raw_shell.send("execute_request", content, key=b"not-the-key-" + raw_shell.key)
        elif variant == "tampered":  # signed with the right key, but for other content
            mid = raw_shell.send("execute_request", content, tamper=True)
        else:  # empty signature frame
            mid = raw_shell.send("execute_request", content, sign=False)
        bad[variant] = (mid, marker, var)
    time.sleep(1.5)
    got = raw_shell.reply_to(None, timeout_ms=100)
    assert got is None, f"the kernel replied to a badly signed message (parent {got})"
    bad_ids = {v[0] for v in bad.values()}
    while True:  # nothing on IOPub for those requests either
        try:
            m = kernel.kc.get_iopub_msg(timeout=0.1)
        except Empty:
            break
        assert m["parent_header"].get("msg_id") not in bad_ids, f"IOPub traffic for a bad request: {m['msg_type']}"
    for variant, (_, marker, var) in bad.items():
        assert not marker.exists(), f"the {variant} execute_request was executed"
    # the kernel still answers valid requests, and none of the bad cells ran
    assert kernel.value("1+1") == "2"
    for variant, (_, marker, var) in bad.items():
        ex = kernel.execute(var)
        assert ex.status == "error", f"variable {var} exists: the {variant} request ran"
    mid = raw_shell.send("kernel_info_request", {})
    assert raw_shell.reply_to(mid) == mid, "no reply to a valid raw request after the bad ones"


def test_bad_signatures_are_logged(kernel, raw_shell):
    before = len(kernel.log_text())
    raw_shell.send("execute_request", _execute_content("int loggedBad = 1;"), key=b"wrong")
    raw_shell.send("execute_request", _execute_content("int loggedBad2 = 1;"), sign=False)
    deadline = time.monotonic() + 3
    log = ""
    while time.monotonic() < deadline:
        log = kernel.log_text()[before:]
        if re.search(r"sign|hmac", log, re.I):
            break
        time.sleep(0.1)
    assert re.search(r"sign|hmac", log, re.I), \
        f"dropped messages were not logged to the kernel's stderr; new log text: {log[-2000:]!r}"


# =============================================================================== interrupt
INTERRUPT_CASES = {
    "sleep": (None, "Thread.sleep(60_000);"),
    "busy": (None, "while (true) {}"),
    "compute": (None, "double acc = 0;\nfor (long i = 1; i < 4_000_000_000_000L; i++) {\n"
                      "    acc += Math.sqrt(i) / i;\n}\nacc"),
    "recursion": ("long fibSlow(long n) { return n < 2 ? n : fibSlow(n - 1) + fibSlow(n - 2); }", "fibSlow(90)"),
}


@pytest.fixture(scope="module")
def _interrupt_pool():
    pool = {}
    yield pool
    for h in pool.values():
        h.stop()


@pytest.fixture
def interruptible_kernel(jdk_kernel_name, _interrupt_pool, kernel_logs):
    """A kernel per JDK shared by the interrupt cases; replaced if a case leaves it dirty."""
    from conftest import KernelHandle

    h = _interrupt_pool.get(jdk_kernel_name)
    if h is None or h.exited():
        h = KernelHandle(jdk_kernel_name, kernel_logs / f"interrupt-{jdk_kernel_name}-{time.monotonic_ns()}.log")
        _interrupt_pool[jdk_kernel_name] = h
    h.dirty = True
    yield h
    if h.dirty:
        h.stop()
        _interrupt_pool.pop(jdk_kernel_name, None)


def _wait_busy(k, msg_id, seconds=10.0):
    """Waits (up to ``seconds``) for the kernel's ``status: busy`` of request ``msg_id``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            m = k.kc.get_iopub_msg(timeout=0.5)
        except Empty:
            continue
        if m["parent_header"].get("msg_id") == msg_id and m["msg_type"] == "status" \
                and m["content"]["execution_state"] == "busy":
            return


@pytest.mark.timeout(60)
@pytest.mark.parametrize("case", list(INTERRUPT_CASES))
def test_interrupt(interruptible_kernel, case):
    k = interruptible_kernel
    setup, code = INTERRUPT_CASES[case]
    k.run(f"int before_{case} = 7;")
    if setup:
        k.run(setup)
    idle_load = k.wait_quiet()  # background warm-up after start is not the cell's doing
    msg_id = k.kc.execute(code)
    # wait until it runs, then give it time to get deep into the loop (and JIT-compiled)
    _wait_busy(k, msg_id)
    time.sleep(1.0)
    try:
        early = k.wait_reply(msg_id, timeout=0.01)
    except AssertionError:
        early = None  # still running: good
    assert early is None, f"the cell ended before the interrupt: {early['content']}"
    t0 = time.perf_counter()
    k.interrupt()
    reply = k.wait_reply(msg_id, timeout=5, what="execute_reply after interrupt")
    dt = time.perf_counter() - t0
    c = reply["content"]
    assert c["status"] == "error", c
    assert "Interrupt" in c.get("ename", ""), f"ename {c.get('ename')!r}"
    assert dt <= 1.0, f"error reply {dt:.2f}s after the interrupt (limit 1 s)"
    k.iopub_until_idle(msg_id, timeout=5)
    cores = k.cpu_cores_over(1.5)
    assert cores < 0.3, f"the interrupted cell is still burning {cores:.2f} cores (idle before: {idle_load:.2f})"
    assert k.value(f"before_{case} * 6") == "42", "state from before the interrupt is gone"
    if case == "recursion":
        assert k.value("fibSlow(10)") == "55"
    k.dirty = False


@pytest.mark.timeout(90)
def test_an_interrupt_while_the_cell_is_still_compiling_is_not_lost(interruptible_kernel):
    """The interrupt lands while javac works on the cell (JShell's stop() finds nothing running then,
    and JDK 21+ clears its stop flag as it invokes): the cell must still stop before its loop runs."""
    k = interruptible_kernel
    k.run("int beforeCompiling = 7;")
    k.wait_quiet()
    # one snippet (a block) that takes javac a good second, ending in a loop that never ends
    cell = "{\n" + "\n".join(f"int x{i} = {i};" for i in range(4000)) + "\nwhile (true) { }\n}"
    msg_id = k.kc.execute(cell)
    _wait_busy(k, msg_id)
    time.sleep(0.1)
    k.interrupt()
    reply = k.wait_reply(msg_id, timeout=15, what="execute_reply after an interrupt during compilation")
    c = reply["content"]
    assert c["status"] == "error" and c.get("ename") == "Interrupted", c
    k.iopub_until_idle(msg_id, timeout=5)
    cores = k.cpu_cores_over(1.5)
    assert cores < 0.3, f"the loop ran after all: {cores:.2f} cores busy"
    assert k.value("beforeCompiling * 6") == "42"
    k.dirty = False


# =============================================================================== shutdown
def _wait_exit(k, limit):
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < limit + 4:
        if k.exited():
            return time.perf_counter() - t0
        time.sleep(0.005)
    return None


@pytest.mark.timeout(60)
def test_shutdown_exits_quickly(jdk_kernel):
    k = jdk_kernel
    k.run("int lastWords = 1;")
    t0 = time.perf_counter()
    msg_id = k.kc.shutdown(restart=False)
    reply = k.kc.get_control_msg(timeout=5)
    assert reply["parent_header"]["msg_id"] == msg_id
    assert reply["msg_type"] == "shutdown_reply"
    assert reply["content"]["status"] == "ok"
    assert reply["content"]["restart"] is False
    while not k.exited() and time.perf_counter() - t0 < 5:
        time.sleep(0.005)
    dt = time.perf_counter() - t0
    assert k.exited(), "kernel still running 5 s after shutdown_request"
    assert dt <= 1.0, f"kernel took {dt:.2f}s to exit after shutdown_request (limit 1 s)"


@pytest.mark.timeout(60)
def test_shutdown_restart_flag_echoed(fresh_kernel):
    k = fresh_kernel
    t0 = time.perf_counter()
    msg_id = k.kc.shutdown(restart=True)
    reply = k.kc.get_control_msg(timeout=5)
    assert reply["parent_header"]["msg_id"] == msg_id
    assert reply["content"]["status"] == "ok"
    assert reply["content"]["restart"] is True
    while not k.exited() and time.perf_counter() - t0 < 5:
        time.sleep(0.005)
    assert k.exited() and time.perf_counter() - t0 <= 1.0, "kernel did not exit within 1 s"


@pytest.mark.timeout(90)
def test_restart_via_manager(fresh_kernel):
    """KernelManager.restart_kernel(): the new kernel answers and has fresh state."""
    k = fresh_kernel
    k.run("int beforeRestart = 1;")
    k.km.restart_kernel(now=False)
    k.kc.wait_for_ready(timeout=60)
    k.flush()
    assert k.value("1+1") == "2"
    assert k.execute("beforeRestart").status == "error", "state survived a restart"


# --- orphaned kernels ----------------------------------------------------------------------------

ORPHAN_PARENT = r"""
import sys, time
from jupyter_client.manager import KernelManager
km = KernelManager(kernel_name=sys.argv[1])
km.start_kernel()
print(km.provisioner.process.pid, flush=True)
time.sleep(600)
"""


def test_kernel_exits_when_its_parent_dies(kernel_name, tmp_path):
    """A front end killed without shutting its kernel down (kill -9 of jupyter console) must not
    leave the kernel running forever: it watches JPY_PARENT_PID, as ipykernel does."""
    import os
    import signal
    import subprocess
    import sys

    script = tmp_path / "parent.py"
    script.write_text(ORPHAN_PARENT)
    parent = subprocess.Popen([sys.executable, str(script), kernel_name], stdout=subprocess.PIPE, text=True)
    try:
        kernel_pid = int(parent.stdout.readline())
        assert os.path.exists(f"/proc/{kernel_pid}")
    finally:
        parent.send_signal(signal.SIGKILL)
        parent.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and os.path.exists(f"/proc/{kernel_pid}"):
        try:
            with open(f"/proc/{kernel_pid}/stat") as f:
                if f.read().split(")")[-1].split()[0] == "Z":
                    break  # exited, waiting to be reaped by init
        except OSError:
            break
        time.sleep(0.2)
    alive = os.path.exists(f"/proc/{kernel_pid}")
    if alive:
        with open(f"/proc/{kernel_pid}/stat") as f:
            alive = f.read().split(")")[-1].split()[0] != "Z"
    if alive:
        os.kill(kernel_pid, signal.SIGKILL)
    assert not alive, "the kernel outlived its parent by more than 10 s"


# --- pager help and clear_output --------------------------------------------------------------------

def test_question_mark_pages_library_javadoc(kernel):
    ex = kernel.execute("sigmoid?")
    ex.assert_ok()
    payload = ex.reply["content"]["payload"]
    assert len(payload) == 1 and payload[0]["source"] == "page"
    text = payload[0]["data"]["text/plain"]
    assert "DL.sigmoid(double x)" in text, text
    assert "1 / (1 + e^(-x))" in text, text  # the library's javadoc, not only the signature


def test_question_mark_on_unknown_name_is_a_clear_error(kernel):
    ex = kernel.execute("noSuchThingAnywhere?")
    assert ex.status == "error"
    assert "no documentation found for noSuchThingAnywhere" in ex.content["evalue"]


def test_clear_output_waits_when_asked(kernel):
    ex = kernel.execute('System.out.println("frame 1");\nclearOutput(true);\nSystem.out.println("frame 2");')
    ex.assert_ok()
    kinds = [m["msg_type"] for m in ex.outputs]
    assert kinds.index("clear_output") < len(kinds) - 1, kinds
    clear = next(m for m in ex.outputs if m["msg_type"] == "clear_output")
    assert clear["content"]["wait"] is True
    assert ex.stdout.startswith("frame 1")  # printed before the clear, published before it
