"""Hostile cells, round two (issue 16, part B): errors and text.

A battery of unusual cells a new (or careless) user may run, each sent through ``jupyter_client``
on JDK 17 and on Temurin 25. Every test checks the same things the issue judges:

* the kernel is alive and answers in time (``MAX_REPLY`` seconds unless the test says otherwise),
* the state is kept (a variable defined at the start of the module is still readable),
* the message is clear (error name, value, the right cell line),
* the next cell's own output is intact.

One kernel per JDK is shared by the module, so the cells also run one after the other in the same
session, as in a notebook.

Run: ``/usr/bin/python3 -m pytest tests/test_hostile_text.py``
"""
from __future__ import annotations

import re
import time
import unicodedata

import pytest

from conftest import _Starter, strip_ansi

#: seconds a hostile cell may take to answer (generous for a shared 2-core machine)
MAX_REPLY = 5.0


@pytest.fixture(scope="module", params=["jdk17", "jdk25"])
def hk(request, kernel_logs):
    """One kernel per JDK for the whole battery, with a variable every test checks afterwards."""
    name = request.getfixturevalue("kernel_name" if request.param == "jdk17" else "kernel_name_jdk25")
    starter = _Starter(name, kernel_logs, f"hostile_text_{request.param}")
    handle = starter()
    handle.run('int keep = 4242; String keepText = "still here";')
    yield handle
    starter.close()


def timed(hk, code, timeout=30.0):
    t0 = time.monotonic()
    ex = hk.execute(code, timeout=timeout)
    return ex, time.monotonic() - t0


def assert_healthy(hk):
    """Kernel alive, earlier state readable, and the next cell's output complete."""
    assert hk.alive(), "kernel died"
    ex = hk.execute('System.out.println("next " + keep + " " + keepText); keep')
    ex.assert_ok()
    assert ex.stdout == "next 4242 still here\n", ex.stdout
    assert ex.result == "4242"
    assert ex.stderr == "", ex.stderr


def assert_error(ex, elapsed, ename=None, evalue=None, limit=MAX_REPLY):
    assert ex.status == "error", f"expected an error, got {ex.status}: {ex.outputs}"
    err = ex.error
    assert err is not None, "no error message published"
    assert err["ename"], "empty ename"
    assert err["evalue"] or err["ename"] == "CompilationError", f"empty evalue for {err['ename']}"
    if ename is not None:
        assert err["ename"] == ename, err["ename"]
    if evalue is not None:
        assert re.search(evalue, err["evalue"]), err["evalue"]
    assert "internal error" not in ex.traceback, ex.traceback
    assert elapsed < limit, f"reply took {elapsed:.2f}s"
    return ex.traceback


# --------------------------------------------------------------------------- 1. deep recursion
RECURSION_CELLS = {
    "fact": ("// factorial without a base case\nlong fact(long n) {\n    return n * fact(n - 1);\n}\nfact(20)",
             "fact", 3),
    "lambda-ish-class": ("class Walker {\n    int depth(int d) {\n        return depth(d + 1) + 1;\n    }\n}\n"
                         "new Walker().depth(0)", "depth", 3),
    "mutual-two": ("boolean isEven(int n) { return n == 0 || isOdd(n - 1); }\n"
                   "boolean isOdd(int n) { return n != 0 && isEven(n + 1); }\n"
                   "isEven(3)", "isEven", 1),
    "mutual-three": ("int ping(int n) { return pong(n + 1); }\nint pong(int n) { return pang(n + 1); }\n"
                     "int pang(int n) { return ping(n + 1); }\nping(0)", "ping", 1),
    "string-recursion": ('String grow(String s) {\n  return grow(s + "x").substring(1);\n}\ngrow("")', "grow", 2),
    "through-a-stream": ("int viaStream(int n) {\n    return Stream.of(n).map(x -> viaStream(x + 1)).findFirst().get();\n}\n"
                         "viaStream(0)", "viaStream", 2),
    "static-nested": ("class Counter {\n    static int down(int n) { return n + down(n - 1); }\n}\nCounter.down(10)",
                      "down", 2),
}


@pytest.mark.parametrize("case", sorted(RECURSION_CELLS))
def test_stack_overflow_is_collapsed(hk, case):
    code, method, line = RECURSION_CELLS[case]
    ex, elapsed = timed(hk, code)
    tb = assert_error(ex, elapsed, ename="java.lang.StackOverflowError")
    lines = tb.splitlines()
    assert len(lines) < 60, f"{len(lines)} traceback lines:\n{tb[:3000]}"
    assert len(tb) < 8000, len(tb)
    assert re.search(r"more (calls? of|times? \().*" + method, tb), tb
    assert f"cell line {line}" in tb, tb
    assert_healthy(hk)


# --------------------------------------------------------------------------- 2. cyclic causes
CYCLE_CELLS = {
    "two-causes": ('var a = new RuntimeException("first");\nvar b = new IllegalStateException("second", a);\n'
                   "a.initCause(b);\nthrow b;", "second", 2),
    "three-causes": ('var x = new RuntimeException("x");\nvar y = new RuntimeException("y", x);\n'
                     'var z = new RuntimeException("z", y);\nx.initCause(z);\nthrow z;', "z", 3),
    "self-cause-override": ("class Loop extends RuntimeException {\n    Loop() { super(\"loop\"); }\n"
                            "    @Override public synchronized Throwable getCause() { return this; }\n}\n"
                            "throw new Loop();", "loop", 5),
    "suppressed-cycle": ('var outer = new RuntimeException("outer");\nvar inner = new RuntimeException("inner", outer);\n'
                         "outer.addSuppressed(inner);\nthrow outer;", "outer", 1),
}


@pytest.mark.parametrize("case", sorted(CYCLE_CELLS))
def test_cause_cycle_printed_once(hk, case):
    code, evalue, line = CYCLE_CELLS[case]
    ex, elapsed = timed(hk, code)
    tb = assert_error(ex, elapsed, evalue=evalue, limit=2.0)
    assert "CIRCULAR REFERENCE" in tb, tb
    assert len(tb.splitlines()) < 40, tb
    assert f"cell line {line}" in tb, tb
    assert_healthy(hk)


def test_very_long_cause_chain_is_cut(hk):
    code = ('Throwable chain = new RuntimeException("root");\n'
            'for (int i = 0; i < 20_000; i++) chain = new RuntimeException("level " + i, chain);\n'
            'throw (RuntimeException) chain;')
    ex, elapsed = timed(hk, code)
    tb = assert_error(ex, elapsed, evalue="level 19999", limit=3.0)
    assert "more causes not shown" in tb, tb[-500:]
    assert len(tb.splitlines()) < 200
    assert_healthy(hk)


def test_suppressed_exceptions_are_shown(hk):
    code = ('var main = new RuntimeException("main failure");\n'
            'main.addSuppressed(new IllegalArgumentException("while closing"));\nthrow main;')
    ex, elapsed = timed(hk, code)
    tb = assert_error(ex, elapsed, ename="java.lang.RuntimeException", evalue="main failure")
    assert "Suppressed: java.lang.IllegalArgumentException: while closing" in tb, tb
    assert_healthy(hk)


# --------------------------------------------------------------------------- 3. huge collections
HUGE_CELLS = {
    "ncopies": ("Collections.nCopies(Integer.MAX_VALUE, 1)", r"^\[1, 1, .*, \.\.\., .*1\] \(size 2147483647\)$"),
    "ncopies-string": ('Collections.nCopies(Integer.MAX_VALUE - 7, "ab")', r'^\["ab", .*\.\.\..*\(size 2147483640\)$'),
    "unmodifiable-view": ("Collections.unmodifiableList(Collections.nCopies(Integer.MAX_VALUE, 2.5))",
                          r"^\[2\.5, .*\.\.\..*\(size 2147483647\)$"),
    "sublist": ("Collections.nCopies(Integer.MAX_VALUE, 'c').subList(3, Integer.MAX_VALUE)",
                r"^\['c', .*\.\.\..*\(size 2147483644\)$"),
    "nested": ("List.of(Collections.nCopies(Integer.MAX_VALUE, 0), List.of(1, 2))",
               r"^\[\[0, 0, .*\.\.\..*\], \[1, 2\]\]$"),
    "map-of-huge": ('Map.of("big", Collections.nCopies(Integer.MAX_VALUE, 7))', r'^\{"big"=\[7, .*\.\.\..*\]\}$'),
    "stream-list": ("IntStream.range(0, 3_000_000).boxed().collect(Collectors.toList())",
                    r"^\[0, 1, 2, .*, \.\.\., 2999990, .*2999999\] \(size 3000000\)$"),
    "linked-list": ("new LinkedList<>(Collections.nCopies(1_000_000, 5))", r"^\[5, .*\.\.\., .*5\] \(size 1000000\)$"),
    "huge-array": ("new long[50_000_000]", r"^\[0, 0, .*\.\.\., .*0\] \(length 50000000\)$"),
    "huge-set-view": ("new java.util.concurrent.ConcurrentHashMap<Integer, Integer>().keySet(0)",  # small, sanity
                      r"^\[\]$"),
}


@pytest.mark.parametrize("case", sorted(HUGE_CELLS))
def test_huge_collection_summary_is_fast(hk, case):
    code, pattern = HUGE_CELLS[case]
    ex, elapsed = timed(hk, code)
    ex.assert_ok()
    assert elapsed < 2.0, f"reply took {elapsed:.2f}s"
    assert re.search(pattern, ex.result), ex.result
    assert len(ex.result) < 2000, len(ex.result)
    assert_healthy(hk)


def test_deeply_nested_list_result(hk):
    code = ("List<Object> deep = new ArrayList<>(); List<Object> cur = deep;\n"
            "for (int i = 0; i < 100_000; i++) { List<Object> next = new ArrayList<>(); cur.add(next); cur = next; }\n"
            "deep")
    ex, elapsed = timed(hk, code)
    ex.assert_ok()
    assert elapsed < MAX_REPLY
    assert ex.result.startswith("[[[[") and "[...]" in ex.result, ex.result[:200]
    assert len(ex.result) < 1000
    assert_healthy(hk)


def test_big_real_map_is_summarised(hk):
    hk.run("var bigMap = new TreeMap<Integer, Integer>(); for (int i = 0; i < 200_000; i++) bigMap.put(i, i * 2);")
    ex, elapsed = timed(hk, "bigMap")
    ex.assert_ok()
    assert elapsed < 2.0
    assert ex.result.startswith("{0=0, 1=2, 2=4"), ex.result[:100]
    assert "(size 200000)" in ex.result, ex.result[-200:]
    assert len(ex.result) < 30_000
    assert_healthy(hk)


# --------------------------------------------------------------------------- 4. unterminated text
UNTERMINATED_CELLS = {
    "comment-alone": ("/* unterminated comment", 1, r"unclosed comment"),
    "comment-after-code": ("int okBefore = 1;\nint alsoOk = 2;\n/* this comment\n never ends", 3, r"unclosed comment"),
    "javadoc": ("/** docs for\nint f() { return 1; }", 1, r"unclosed comment"),
    "string": ('int n = 3;\nString s = "abc;\nn', 2, r"unclosed string literal"),
    "text-block": ('String t = """\n    hello\n    world\n', 1, r"unclosed text block"),
    "char": ("char c = 'x;", 1, r"unclosed character literal|illegal line end in character literal"),
}


@pytest.mark.parametrize("case", sorted(UNTERMINATED_CELLS))
def test_unterminated_is_a_compile_error(hk, case):
    code, line, message = UNTERMINATED_CELLS[case]
    ex, elapsed = timed(hk, code)
    tb = assert_error(ex, elapsed, ename="CompilationError")
    assert re.search(message, ex.error["evalue"]), ex.error["evalue"]
    assert f"cell line {line}," in ex.error["evalue"], ex.error["evalue"]
    assert_healthy(hk)


@pytest.mark.parametrize("code", ["/* unterminated comment", "int a = 1; /* still\n open", "/** doc",
                                  'String t = """\n  abc'])
def test_is_complete_says_incomplete_for_open_comment(hk, code):
    reply = hk.is_complete(code)
    assert reply["status"] == "incomplete", reply


def test_closed_comment_only_cell_is_fine(hk):
    ex, elapsed = timed(hk, "/* a comment that is closed */\n// and a line comment")
    ex.assert_ok()
    assert ex.result is None
    assert hk.is_complete("/* closed */")["status"] == "complete"
    assert_healthy(hk)


# --------------------------------------------------------------------------- 5. line endings
LINE_ENDING_CELLS = {
    "cr-only": "int crA = 1;\rint crB = 2;\rint crC = undefinedThing;\r",
    "crlf": "int lfA = 1;\r\nint lfB = 2;\r\nint lfC = undefinedThing;\r\n",
    "mixed": "int mA = 1;\nint mB = 2;\r\nint mC = undefinedThing;\r",
}


@pytest.mark.parametrize("case", sorted(LINE_ENDING_CELLS))
def test_line_endings_give_right_positions(hk, case):
    ex, elapsed = timed(hk, LINE_ENDING_CELLS[case])
    assert_error(ex, elapsed, ename="CompilationError")
    assert "cell line 3, column " in ex.error["evalue"], ex.error["evalue"]
    col = int(re.search(r"column (\d+)", ex.error["evalue"]).group(1))
    assert col == len("int mC = ") + 1 or col == len("int crC = ") + 1, ex.error["evalue"]
    assert_healthy(hk)


def test_cr_only_runtime_line_is_right(hk):
    ex, elapsed = timed(hk, "int r1 = 1;\rint r2 = 2;\rint[] arr = new int[1];\rarr[r2] = 5;\r")
    tb = assert_error(ex, elapsed, ename="java.lang.ArrayIndexOutOfBoundsException")
    assert "cell line 4" in tb, tb
    assert_healthy(hk)


def test_cr_only_cell_runs(hk):
    ex = hk.run("int crOne = 20;\rint crTwo = 22;\rSystem.out.println(crOne + crTwo);\r")
    assert ex.stdout == "42\n"
    assert_healthy(hk)


# --------------------------------------------------------------------------- 6. mutually referring types
MUTUAL_CELLS = {
    "two-classes": "class Owner { Pet pet; }\nclass Pet { Owner owner; }\nnew Owner().pet == null",
    "three-classes": ("class First { Second s; }\nclass Second { Third t; }\nclass Third { First f; }\n"
                      "new Third().f == null"),
    "method-before-class": ("Gadget make() { return new Gadget(); }\nclass Gadget { int n = 3; }\nmake().n == 3"),
    "methods-later": "int first() { return second() + 1; }\nint second() { return third() * 2; }\nint third() { return 1; }\nfirst() == 3",
    "records": ("record Pair(Left l, Right r) { }\nrecord Left(int v) { }\nrecord Right(int v) { }\n"
                "new Pair(new Left(1), new Right(2)).l().v() == 1"),
    "interface-later": ("class Impl implements Shape { public int sides() { return 4; } }\n"
                        "interface Shape { int sides(); }\nnew Impl().sides() == 4"),
}


@pytest.mark.parametrize("case", sorted(MUTUAL_CELLS))
def test_forward_references_in_one_cell_are_silent(hk, case):
    ex, elapsed = timed(hk, MUTUAL_CELLS[case])
    ex.assert_ok()
    assert ex.result == "true"
    assert ex.stderr == "", ex.stderr
    assert ex.stdout == ""
    assert_healthy(hk)


def test_truly_missing_type_still_noted(hk):
    ex = hk.run("class Lonely { NeverDefined nd; }")
    assert "NeverDefined" in ex.stderr, ex.stderr
    assert_healthy(hk)


# --------------------------------------------------------------------------- 7. odd throwables
THROWABLE_CELLS = {
    "thread-death": ("throw new ThreadDeath();", "java.lang.ThreadDeath", 1),
    "plain-error": ('throw new Error("custom error");', "java.lang.Error", 1),
    "bare-throwable": ("int t1 = 1;\nthrow new Throwable();", "java.lang.Throwable", 2),
    "null-message": ("class Quiet extends RuntimeException {\n    public String getMessage() { return null; }\n}\n"
                     "throw new Quiet();", "Quiet", 4),
    "throwing-message": ("class Nasty extends RuntimeException {\n"
                         "    public String getMessage() { throw new IllegalStateException(\"no message\"); }\n"
                         "    public String toString() { throw new UnsupportedOperationException(); }\n}\n"
                         "throw new Nasty();", "Nasty", 5),
    "custom-throwable": ("class Weird extends Throwable {\n    Weird() { super(\"weird one\"); }\n}\n"
                         "throw new Weird();", "Weird", 4),
    "oom-error": ('throw new OutOfMemoryError("pretend");', "java.lang.OutOfMemoryError", 1),
    "bare-stack-overflow": ("int so = 0;\nthrow new StackOverflowError();", "java.lang.StackOverflowError", 2),
    "throwing-cause": ("class BadCause extends RuntimeException {\n    BadCause() { super(\"bad cause\"); }\n"
                       "    public synchronized Throwable getCause() { throw new IllegalStateException(); }\n}\n"
                       "throw new BadCause();", "BadCause", 5),
    "null-stack": ("class NoStack extends RuntimeException {\n    NoStack() { super(\"no stack\", null, false, false); }\n}\n"
                   "throw new NoStack();", "NoStack", None),
    "initializer": ("class Boom {\n    static int v = Integer.parseInt(\"not a number\");\n}\nint bv = Boom.v;",
                    "java.lang.ExceptionInInitializerError", 2),
    "assertion": ('throw new AssertionError("asserted");', "java.lang.AssertionError", 1),
}


@pytest.mark.parametrize("case", sorted(THROWABLE_CELLS))
def test_every_throwable_gets_a_readable_error(hk, case):
    code, ename, line = THROWABLE_CELLS[case]
    ex, elapsed = timed(hk, code)
    tb = assert_error(ex, elapsed)
    assert ename in ex.error["ename"], ex.error
    assert ex.error["evalue"].strip(), ex.error
    assert ename.split(".")[-1] in tb.splitlines()[0], tb
    if line is not None:
        assert f"cell line {line}" in tb, tb
    assert_healthy(hk)


def test_huge_message_is_shortened(hk):
    ex, elapsed = timed(hk, 'throw new IllegalArgumentException("\U0001F600".repeat(2_000_000));')
    assert_error(ex, elapsed, ename="java.lang.IllegalArgumentException")
    assert len(ex.error["evalue"]) < 20_000, len(ex.error["evalue"])
    assert "2,000,000 characters" in ex.error["evalue"], ex.error["evalue"][-100:]
    assert "\ufffd" not in ex.error["evalue"]
    assert_healthy(hk)


def test_recursive_to_string_result(hk):
    ex, elapsed = timed(hk, 'class Selfish { public String toString() { return "me: " + this; } }\nnew Selfish()')
    ex.assert_ok()
    assert elapsed < MAX_REPLY
    assert "toString() threw StackOverflowError" in ex.result, ex.result
    assert_healthy(hk)


def test_thread_death_does_not_look_like_an_interrupt(hk):
    ex, elapsed = timed(hk, "throw new ThreadDeath();")
    assert_error(ex, elapsed)
    assert ex.error["ename"] != "Interrupted"
    assert "interrupted" not in ex.error["evalue"].lower()
    assert_healthy(hk)


# --------------------------------------------------------------------------- 8. emoji and combining text
FAMILY = "\U0001F468\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466"  # man, woman, girl, boy with ZWJ
FLAG = "\U0001F1EB\U0001F1F7"
E_COMBINING = "e\u0301"
TEXT_CELLS = {
    "zwj-family": '"\\uD83D\\uDE00\u00e9' + FAMILY + ' ok"',
    "combining": '"' + E_COMBINING * 5 + " caf" + E_COMBINING + '"',
    "flags-and-skin-tone": '"' + FLAG + " \U0001F44D\U0001F3FD " + FAMILY + '"',
    "literal-emoji": '"\U0001F600\u00e9\U0001F600\u00e9 and more text after them"',
    "many-families": '"' + FAMILY * 50 + '"',
}


def java_value(literal: str) -> str:
    """The Python string a Java string literal (as used above) denotes."""
    return literal[1:-1].replace("\\uD83D\\uDE00", "\U0001F600")


@pytest.mark.parametrize("case", sorted(TEXT_CELLS))
def test_emoji_results_are_whole(hk, case):
    literal = TEXT_CELLS[case]
    ex, elapsed = timed(hk, literal)
    ex.assert_ok()
    expected = java_value(literal)
    assert ex.result == '"' + expected + '"', (ex.result, expected)
    assert elapsed < MAX_REPLY
    ex = hk.run("var saved = " + literal + "; saved.codePointCount(0, saved.length())")
    assert ex.result == str(len(expected))
    assert_healthy(hk)


def test_emoji_printed_whole(hk):
    ex = hk.run('System.out.println("\U0001F600\u00e9' + FAMILY + E_COMBINING + '")')
    assert ex.stdout == "\U0001F600\u00e9" + FAMILY + E_COMBINING + "\n"
    assert_healthy(hk)


@pytest.mark.parametrize("count", [40_000, 300_000])
def test_emoji_flood_is_not_broken(hk, count):
    # Enough emoji to fill several output batches: no half characters at batch edges.
    ex = hk.run('System.out.print("\U0001F600\u00e9".repeat(%d)); System.out.println("|end")' % count)
    out = ex.stdout
    assert "\ufffd" not in out
    if "output truncated" not in out:
        assert out == "\U0001F600\u00e9" * count + "|end\n"
    else:
        head = out.split("\n[javadl: output truncated")[0]
        assert set(head) <= {"\U0001F600", "\u00e9", "|", "e", "n", "d", "\n"}, repr(head[-20:])
    assert_healthy(hk)


def test_long_emoji_text_cut_on_cluster_boundary(hk):
    # A string long enough to be shortened, made of clusters of several code points each: the
    # shortened form must end on a whole cluster (no lone surrogate, no orphaned ZWJ or accent).
    ex = hk.run('(' + '"' + FAMILY + E_COMBINING + '"' + ").repeat(20_000)")
    text = ex.result
    assert text.startswith('"' + FAMILY + E_COMBINING)
    assert len(text) < 200_000, len(text)
    body = text.split("\u2026")[0] if "\u2026" in text else text
    # no broken surrogates: Python would have failed to decode; check clusters
    stripped = body.rstrip('"')
    assert not stripped.endswith("\u200D"), repr(stripped[-5:])
    assert unicodedata.combining(stripped[-1]) == 0 or stripped.endswith(E_COMBINING), repr(stripped[-5:])
    assert re.search(r"\d[\d,]* (characters|code points)", text), text[-200:]
    assert_healthy(hk)
