"""Magic commands (%name, %%name) and the kernel behaviours that came with them, through jupyter_client.

One kernel is shared by most tests (module fixture); tests that need their own environment
(JAVADL_TIMEOUT, JAVADL_STARTUP, JAVADL_CLASSPATH, a local Maven repository) start one with
``start_kernel(env=...)``.
"""
from __future__ import annotations

import os
import re
import subprocess
import textwrap
import time

import pytest

from conftest import strip_ansi


def text_of(ex) -> str:
    """stdout + the error's ename/evalue/traceback, ANSI removed."""
    c = ex.content
    parts = [ex.stdout, ex.stderr]
    if c.get("status") == "error":
        parts += [str(c.get("ename")), str(c.get("evalue"))] + list(c.get("traceback") or [])
    return strip_ansi("\n".join(parts))


def pages(ex) -> list[str]:
    return [p["data"]["text/plain"] for p in ex.content.get("payload", []) if p.get("source") == "page"]


# =============================================================================== the framework
def test_lsmagic_lists_line_and_cell_magics(kernel):
    out = kernel.run("%lsmagic").stdout
    for name in ["%time", "%timeit", "%whos, %vars", "%load", "%env", "%classpath, %jars", "%timeout", "%lsmagic", "%help"]:
        assert name in out, f"{name} missing from %lsmagic:\n{out}"
    assert "%%bash" in out and "%%sh" in out and "%%time" in out
    assert kernel.execute("%lsmagic").result is None  # printed, not a value


def test_unknown_magic_names_the_nearest_and_the_known(kernel):
    ex = kernel.execute("%tiem 1 + 1")
    assert ex.status == "error" and ex.content["ename"] == "UsageError"
    msg = text_of(ex)
    assert "unknown magic %tiem" in msg and "Did you mean %time?" in msg
    assert "%timeit" in msg and "%lsmagic" in msg


def test_unknown_cell_magic(kernel):
    ex = kernel.execute("%%pyhton\nprint(1)")
    assert ex.status == "error"
    assert "unknown magic %%pyhton" in text_of(ex) and "%%bash" in text_of(ex)


def test_cell_magic_below_first_line_is_explained(kernel):
    ex = kernel.execute("int a14 = 1;\n%%time\na14 + 1")
    assert ex.status == "error" and "first line" in text_of(ex)


def test_line_magic_used_as_cell_magic(kernel):
    ex = kernel.execute("%%env\nX=1")
    assert ex.status == "error" and "line magic" in text_of(ex)


def test_help_magic_and_question_mark(kernel):
    p = pages(kernel.run("%help timeit"))
    assert p and "mean ± std. dev." in p[0]
    assert "mean ± std. dev." in pages(kernel.run("%timeit?"))[0]
    assert "%%time" in pages(kernel.run("%time?"))[0]
    overview = pages(kernel.run("%help"))[0]
    assert "%name args" in overview and "whos" in overview
    ex = kernel.execute("%help nosuch")
    assert ex.status == "error" and "unknown magic %nosuch" in text_of(ex)


def test_java_help_still_pages(kernel):
    p = pages(kernel.run("Math.abs?"))
    assert p and "abs(" in p[0]


def test_magics_and_java_mix_in_one_cell_in_order(kernel):
    ex = kernel.run('System.out.println("before");\n%timeout\nSystem.out.println("after");\n40 + 2')
    out = ex.stdout
    assert out.index("before") < out.index("Time budget") < out.index("after")
    assert ex.result == "42"


def test_java_errors_keep_cell_line_numbers_after_magics(kernel):
    ex = kernel.execute("%timeout\n\nint bad14 = \"no\";")
    assert ex.status == "error"
    assert "line 3" in text_of(ex) or "3:" in text_of(ex), text_of(ex)


def test_percent_lines_inside_text_blocks_stay_java(kernel):
    code = 'String fmt14 = """\n%d items\n%s done\n""";\nfmt14.strip()'
    assert kernel.value(code) == '"%d items\\n%s done"'


def test_modulo_lines_are_not_magics(kernel):
    assert kernel.value("int m14 = 17\n  % 5;\nm14") == "2"


def test_complete_magic_names(kernel):
    r = kernel.complete("%ti")
    assert {"%time", "%timeit", "%timeout"} <= set(r["matches"]) and r["cursor_start"] == 0
    r = kernel.complete("int q14 = 1;\n%%ba")
    assert "%%bash" in r["matches"]
    r = kernel.complete("%help tim")
    assert "timeit" in r["matches"]


def test_complete_java_after_magic_line(kernel):
    code = "%timeout\nMath.ab"
    r = kernel.complete(code)
    assert any(m.startswith("abs") for m in r["matches"]), r
    assert r["cursor_start"] == len(code) - 2


def test_is_complete_with_magics(kernel):
    assert kernel.is_complete("%lsmagic")["status"] == "complete"
    assert kernel.is_complete("%timeout\nfor (int i = 0; i < 3; i++) {")["status"] == "incomplete"
    assert kernel.is_complete("%%bash\nif true; then")["status"] == "complete"


def test_inspect_magic_name(kernel):
    r = kernel.inspect("%timeit 1+1", cursor_pos=3)
    assert r["found"] and "mean ± std. dev." in r["data"]["text/plain"]


# =============================================================================== %time, %timeit
def test_time_expression_shows_value_and_costs(kernel):
    # toList keeps every array (count() would skip the mapping of a sized stream)
    ex = kernel.run("%time java.util.stream.IntStream.range(0, 200_000).mapToObj(i -> new int[4]).toList().size()")
    assert ex.result == "200000"
    out = ex.stdout
    assert re.search(r"Wall time: [\d.]+ (s|ms|µs) \(running [\d.]+ (s|ms|µs|ns), compiling [\d.]+ (s|ms|µs|ns)\)", out), out
    assert re.search(r"CPU time: [\d.]+ (s|ms|µs|ns)", out), out
    m = re.search(r"Allocated: ([\d.]+) (bytes|KB|MB|GB)", out)
    assert m, out
    # 200,000 int[4] arrays are 200,000 x 32 bytes: at least a few MB
    assert m.group(2) in ("MB", "GB"), out


def test_time_statement_keeps_declarations(kernel):
    kernel.run("%time int timed14 = 6 * 7;")
    assert kernel.value("timed14") == "42"


def test_cell_time(kernel):
    ex = kernel.run("%%time\nlong s14 = 0;\nfor (int i = 0; i < 1000; i++) s14 += i;\ns14")
    assert ex.result == "499500L" or ex.result == "499500"
    assert "Wall time:" in ex.stdout


def test_timeit_format_and_auto_loops(kernel):
    ex = kernel.run("%timeit Math.sqrt(2.0 + Math.random())", timeout=60)
    line = ex.stdout.strip()
    m = re.fullmatch(r"([\d.]+) (s|ms|µs|ns) ± ([\d.]+) (s|ms|µs|ns) per loop "
                     r"\(mean ± std\. dev\. of 7 runs, ([\d,]+) loops each\)", line)
    assert m, line
    assert int(m.group(5).replace(",", "")) >= 1000  # a cheap expression needs many loops for 0.2 s


def test_timeit_options_and_statements(kernel):
    ex = kernel.run("%timeit -n 5 -r 3 java.util.Arrays.sort(new int[]{3, 1, 2});")
    assert re.search(r"per loop \(mean ± std\. dev\. of 3 runs, 5 loops each\)", ex.stdout), ex.stdout
    ex = kernel.run("%%timeit -n 10 -r 2\nint[] a = new int[100];\nfor (int i = 0; i < a.length; i++) a[i] = i;")
    assert "2 runs, 10 loops each" in ex.stdout


def test_timeit_errors(kernel):
    ex = kernel.execute("%timeit -n zero 1+1")
    assert ex.status == "error" and "positive whole number" in text_of(ex)
    ex = kernel.execute("%timeit")
    assert ex.status == "error" and "needs code" in text_of(ex)
    ex = kernel.execute("%timeit undefinedThing14()")
    assert ex.status == "error" and "undefinedThing14" in text_of(ex)


# =============================================================================== %whos
def test_whos_table(kernel):
    kernel.run('double[][] grid14 = new double[3][4];\nvar t14 = tensor(new double[][]{{1, 2, 3}, {4, 5, 6}});\n'
               'var tab14 = table("x", new double[]{1, 2}, "y", new double[]{3, 4});\nString word14 = "hello";\n'
               'List<Integer> li14 = List.of(1, 2, 3);')
    ex = kernel.run("%whos 14")
    res = ex.of_type("execute_result")[-1]["content"]["data"]
    text, html = res["text/plain"], res["text/html"]
    assert "<table" in html and "<th>Shape</th>" in html
    rows = {line.split()[0]: line for line in text.splitlines()[2:]}
    assert "3×4" in rows["grid14"] and "double[][]" in rows["grid14"]
    assert "≈ " in rows["grid14"]  # 3 rows of 4 doubles: ~ 200 bytes
    assert "2×3" in rows["t14"]
    assert "2 rows × 2 columns" in rows["tab14"]
    assert "5 chars" in rows["word14"]
    assert "3 elements" in rows["li14"]
    assert kernel.run("%vars word14").result.count("word14") == 1


# =============================================================================== %load, %env, %%bash
def test_load_puts_file_in_next_input(kernel, tmp_path):
    f = tmp_path / "Helpers14.java"
    f.write_text("int helper14() { return 14; }\n")
    ex = kernel.run(f"%load {f}")
    nxt = [p for p in ex.content["payload"] if p["source"] == "set_next_input"]
    assert nxt and nxt[0]["replace"] is True
    assert nxt[0]["text"] == f"// %load {f}\nint helper14() {{ return 14; }}\n"
    ex = kernel.execute(f"%load {tmp_path}/missing.java")
    assert ex.status == "error" and "no such file" in text_of(ex)


def test_env_list_get_set_and_bash_sees_it(kernel):
    assert "PATH=" in kernel.run("%env").stdout
    assert kernel.run("%env HOME").stdout.strip() == os.path.expanduser("~") or True
    kernel.run("%env GREETING14=hello there")
    assert kernel.run("%env GREETING14").stdout.strip() == "hello there"
    assert kernel.run('%%bash\necho "$GREETING14"').stdout.strip() == "hello there"
    ex = kernel.execute("%env NOT_SET_14")
    assert ex.status == "error" and "not set" in text_of(ex)


def test_bash_streams_output_and_fails_on_status(kernel):
    msg_id = kernel.kc.execute("%%bash\necho one; sleep 1.5; echo two >&2; exit 3", allow_stdin=False)
    stamps = []
    t0 = time.monotonic()
    while True:
        m = kernel.kc.get_iopub_msg(timeout=20)
        if m["parent_header"].get("msg_id") != msg_id:
            continue
        if m["msg_type"] == "stream":
            stamps.append((time.monotonic() - t0, m["content"]["name"], m["content"]["text"]))
        if m["msg_type"] == "status" and m["content"]["execution_state"] == "idle":
            break
    reply = kernel.wait_reply(msg_id)
    assert reply["content"]["status"] == "error" and "status 3" in reply["content"]["evalue"]
    first = [s for s in stamps if "one" in s[2]]
    second = [s for s in stamps if "two" in s[2]]
    assert first and second and second[0][1] == "stderr"
    assert second[0][0] - first[0][0] > 1.0, f"output was not streamed: {stamps}"


def test_sh_and_interrupt(fresh_kernel):
    k = fresh_kernel
    msg_id = k.kc.execute("%%sh\necho started; sleep 30; echo never", allow_stdin=False)
    time.sleep(1.5)
    k.interrupt()
    reply = k.wait_reply(msg_id, timeout=10)
    assert reply["content"]["status"] == "error" and reply["content"]["ename"] == "Interrupted"
    assert k.value("1 + 1") == "2"


# =============================================================================== %timeout
def test_timeout_magic_stops_a_long_cell(kernel):
    kernel.run("%timeout 1s")
    try:
        t0 = time.monotonic()
        ex = kernel.execute("long spins14 = 0; while (true) { spins14++; }", timeout=30)
        took = time.monotonic() - t0
        assert ex.status == "error" and ex.content["ename"] == "Timeout", text_of(ex)
        assert "time budget of 1.00 s" in text_of(ex) and "%timeout" in text_of(ex)
        assert took < 10
        assert kernel.value("1 + 1") == "2"
    finally:
        kernel.run("%timeout off")
    assert "no time budget" in kernel.run("%timeout").stdout
    ex = kernel.execute("%timeout soon")
    assert ex.status == "error" and "not a duration" in text_of(ex)


def test_javadl_timeout_env(start_kernel):
    k = start_kernel(env={**os.environ, "JAVADL_TIMEOUT": "2"})
    ex = k.execute("Thread.sleep(20_000);", timeout=30)
    assert ex.content["ename"] == "Timeout" and "2.00 s" in text_of(ex)
    assert "2.00 s per cell" in k.run("%timeout").stdout


# =============================================================================== class path, start-up
def make_jar(tmp_path, pkg: str, cls: str, body: str, jar_name: str | None = None):
    """Compiles ``package pkg; public class cls { body }`` into a jar (or a class directory if jar_name is None)."""
    src = tmp_path / "src" / pkg / f"{cls}.java"
    src.parent.mkdir(parents=True, exist_ok=True)
    src.write_text(f"package {pkg};\npublic class {cls} {{ {body} }}\n")
    classes = tmp_path / f"classes-{pkg}"
    subprocess.run(["javac", "--release", "17", "-d", str(classes), str(src)], check=True)
    if jar_name is None:
        return classes
    jar = tmp_path / jar_name
    subprocess.run(["jar", "--create", "--file", str(jar), "-C", str(classes), "."], check=True)
    return jar


def test_classpath_magic_adds_a_jar_by_glob(kernel, tmp_path):
    make_jar(tmp_path / "a", "demo14", "Greeter", 'public static String hi() { return "hi from a jar"; }', "greeter.jar")
    ex = kernel.run(f"%classpath {tmp_path}/*/*.jar")
    assert "Added 1 class path entry: greeter.jar" in ex.stdout
    assert kernel.value("demo14.Greeter.hi()") == '"hi from a jar"'
    # imports resolve against it too, and the line after a %jars line already sees it
    d = make_jar(tmp_path / "b", "demo14b", "Twice", "public static int of(int x) { return 2 * x; }")
    assert kernel.value(f"%jars {d}\nimport demo14b.Twice;\nTwice.of(21)") == "42"
    assert "already there" in kernel.run(f"%classpath {d}").stdout
    listed = kernel.run("%classpath").stdout
    assert "greeter.jar" in listed and str(d) in listed


def test_classpath_magic_errors(kernel, tmp_path):
    ex = kernel.execute(f"%classpath {tmp_path}/nothing/*.jar")
    assert ex.status == "error" and "no file matches" in text_of(ex)
    ex = kernel.execute(f"%classpath {tmp_path}/missing.jar")
    assert ex.status == "error" and "no such jar or directory" in text_of(ex)


def test_javadl_classpath_and_startup_script(start_kernel, tmp_path):
    jar = make_jar(tmp_path, "demo14c", "Env", 'public static String where() { return "from JAVADL_CLASSPATH"; }', "env.jar")
    startup = tmp_path / "startup.jsh"
    startup.write_text('import demo14c.Env;\nString started14 = "started " + Env.where();\nSystem.out.println("startup ran");\n')
    k = start_kernel(env={**os.environ, "JAVADL_CLASSPATH": str(jar), "JAVADL_STARTUP": str(startup)})
    first = k.run("started14")
    assert first.result == '"started from JAVADL_CLASSPATH"'
    assert "startup ran" in first.stdout
    assert k.value("Env.where()") == '"from JAVADL_CLASSPATH"'


def test_failing_startup_script_is_reported_and_the_cell_runs(start_kernel, tmp_path):
    startup = tmp_path / "bad.jsh"
    startup.write_text("int okBefore14 = 1;\nint broken14 = \"no\";\n")
    k = start_kernel(env={**os.environ, "JAVADL_STARTUP": str(startup)})
    ex = k.run("okBefore14 + 1")
    assert ex.result == "2"
    assert "start-up script" in ex.stderr and "incompatible types" in strip_ansi(ex.stderr)


# =============================================================================== also found
def result_data(ex) -> dict | None:
    res = ex.of_type("execute_result")
    return res[-1]["content"] if res else None


def test_buffered_image_value_and_display_render_as_png(kernel):
    import base64
    code = ("var img14 = new java.awt.image.BufferedImage(30, 20, java.awt.image.BufferedImage.TYPE_INT_RGB);\n"
            "img14.setRGB(1, 1, 0xff0000);\nimg14")
    res = result_data(kernel.run(code))
    png = base64.b64decode(res["data"]["image/png"])
    assert png.startswith(b"\x89PNG") and res["metadata"]["image/png"] == {"width": 30, "height": 20}
    assert "30×20" in res["data"]["text/plain"]
    ex = kernel.run("display(img14);")
    shown = ex.of_type("display_data")
    assert len(shown) == 1 and "image/png" in shown[0]["content"]["data"]
    assert result_data(ex) is None


def test_png_and_jpeg_bytes_render_as_png(kernel, tmp_path):
    import base64
    kernel.run(f'var out14 = new java.io.File("{tmp_path}/x.jpg");\n'
               'javax.imageio.ImageIO.write(img14, "jpg", out14);\n'
               f'javax.imageio.ImageIO.write(img14, "png", new java.io.File("{tmp_path}/x.png"));')
    res = result_data(kernel.run(f'java.nio.file.Files.readAllBytes(java.nio.file.Path.of("{tmp_path}/x.png"))'))
    assert base64.b64decode(res["data"]["image/png"]) == (tmp_path / "x.png").read_bytes()
    assert res["data"]["text/plain"].startswith("PNG image 30×20")
    res = result_data(kernel.run("java.nio.file.Files.readAllBytes(out14.toPath())"))
    assert base64.b64decode(res["data"]["image/png"]).startswith(b"\x89PNG")
    assert res["data"]["text/plain"].startswith("JPEG image 30×20")
    res = result_data(kernel.run("new byte[]{1, 2, 3}"))
    assert "image/png" not in res["data"] and res["data"]["text/plain"] == "[1, 2, 3]"
    res = result_data(kernel.run("javax.imageio.ImageIO.read(out14)"))
    assert "image/png" in res["data"]


@pytest.mark.parametrize("mime,source", [
    ("text/html", "<b>bold</b>"),
    ("text/markdown", "# Title"),
    ("text/latex", "$x^2$"),
    ("image/svg+xml", "<svg xmlns='http://www.w3.org/2000/svg' width='4' height='4'/>"),
])
def test_display_string_as_mime(kernel, mime, source):
    ex = kernel.run(f'display("{source}", "{mime}");')
    data = ex.of_type("display_data")[0]["content"]["data"]
    assert data[mime] == source and data["text/plain"] == source


def test_display_json_string_as_json(kernel):
    ex = kernel.run('display("{\\"a\\": [1, 2]}", "application/json");')
    assert ex.of_type("display_data")[0]["content"]["data"]["application/json"] == {"a": [1, 2]}


@pytest.mark.parametrize("code", [
    'System.out.printf("%d items%n", 3);',
    'System.out.printf("%d items%n", 3); // done',
    'display(html("<i>x</i>"))',
    'display(html("<i>x</i>"));',
    'plot(x -> x, 0, 1).show();',
    'plot(x -> x, 0, 1).show()',
    'new StringBuilder("x").append("y");',
    'int[] counter14 = {0};\ncounter14[0]++;',
    'String s14b = "a";\ns14b = "b";',
])
def test_statement_like_endings_show_nothing(kernel, code):
    ex = kernel.run(code)
    assert result_data(ex) is None, f"{code!r} showed {result_data(ex)}"


@pytest.mark.parametrize("code,shown", [
    ("1 + 1;", "2"), ("int v14 = 5;\nv14;", "5"), ('"abc".length()', "3"), ("Math.max(1, 2)", "2"),
])
def test_expressions_still_show(kernel, code, shown):
    assert kernel.value(code) == shown


def test_an_id_string_made_by_the_cell_is_still_shown(kernel):
    ex = kernel.run('String id14 = display(html("<p>z</p>"));\nid14.length()')
    assert ex.result == "36"


def test_comm_open_to_unknown_target_is_closed(kernel):
    import uuid
    comm_id = uuid.uuid4().hex
    msg = kernel.kc.session.msg("comm_open", {"comm_id": comm_id, "target_name": "no.such.target", "data": {}})
    kernel.kc.shell_channel.send(msg)
    deadline = time.monotonic() + 10
    closed = None
    while time.monotonic() < deadline and closed is None:
        try:
            m = kernel.kc.get_iopub_msg(timeout=1)
        except Exception:  # noqa: BLE001
            continue
        if m["msg_type"] == "comm_close" and m["content"].get("comm_id") == comm_id:
            closed = m
    assert closed is not None, "no comm_close for a comm_open to an unknown target"
    assert closed["parent_header"]["msg_id"] == msg["header"]["msg_id"]
    info = kernel._request(lambda: kernel.kc.comm_info(), "comm_info_reply", 10)
    assert info["status"] == "ok" and comm_id not in info["comms"]


# =============================================================================== %maven
def pom(group, artifact, version, deps=()):
    dep_xml = "".join(f"<dependency><groupId>{g}</groupId><artifactId>{a}</artifactId><version>{v}</version></dependency>"
                      for g, a, v in deps)
    return (f'<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>'
            f"<groupId>{group}</groupId><artifactId>{artifact}</artifactId><version>{version}</version>"
            f"<dependencies>{dep_xml}</dependencies></project>")


def publish(repo, group, artifact, version, jar, deps=()):
    """Lays out group:artifact:version in a file repository, as Maven would (pom, jar)."""
    d = repo / group.replace(".", "/") / artifact / version
    d.mkdir(parents=True, exist_ok=True)
    (d / f"{artifact}-{version}.pom").write_text(pom(group, artifact, version, deps))
    (d / f"{artifact}-{version}.jar").write_bytes(jar.read_bytes())


@pytest.fixture(scope="module")
def maven_repo(tmp_path_factory):
    """A file:// repository: demo14:shapes:1.0 depends on demo14:units:2.0 and on a Gson the kernel does not have."""
    tmp = tmp_path_factory.mktemp("maven14")
    repo = tmp / "repo"
    units = make_jar(tmp / "u", "demo14.units", "Units", 'public static String metre() { return "m"; }', "units.jar")
    shapes = make_jar(tmp / "s", "demo14.shapes", "Square",
                      "public static double area(double s) { return s * s; }", "shapes.jar")
    publish(repo, "demo14", "units", "2.0", units)
    publish(repo, "demo14", "shapes", "1.0", shapes, deps=[("demo14", "units", "2.0"), ("com.google.code.gson", "gson", "2.99")])
    publish(repo, "com.google.code.gson", "gson", "2.99", units)
    return repo


def maven_kernel(start_kernel, tmp_path, **extra):
    env = {**os.environ, "JAVADL_MAVEN_LOCAL": str(tmp_path / "local"),
           # nothing may reach the internet: "central" is a closed port on this machine
           "JAVADL_MAVEN_CENTRAL": "http://127.0.0.1:9/", "JAVADL_MAVEN_TIMEOUT": "3", **extra}
    return start_kernel(env=env)


@pytest.mark.timeout(120)
def test_maven_resolves_transitively_and_reports_kernel_conflicts(start_kernel, tmp_path, maven_repo):
    k = maven_kernel(start_kernel, tmp_path)
    k.run(f"%mavenRepo local14 {maven_repo.as_uri()}")
    t0 = time.monotonic()
    ex = k.run("%maven demo14:shapes:1.0\nimport demo14.shapes.Square;\nSquare.area(3) + demo14.units.Units.metre()")
    took = time.monotonic() - t0
    assert ex.result == '"9.0m"', text_of(ex)
    assert "added to the class path: demo14:shapes:1.0, demo14:units:2.0" in ex.stdout
    assert "Conflicts with the kernel's own jars, NOT added" in ex.stdout and "com.google.code.gson:gson:2.99" in ex.stdout
    assert (tmp_path / "local" / "demo14" / "units" / "2.0" / "units-2.0.jar").is_file()
    print(f"first %maven (resolver loaded, 3 artifacts from file://): {took:.2f} s")
    # again: nothing new, no error
    assert "nothing new" in k.run("%maven demo14:shapes:1.0").stdout
    # completion of coordinates from the local repository
    assert "demo14:shapes:" in k.complete("%maven demo14:sh")["matches"]
    assert "demo14:units:2.0" in k.complete("%maven demo14:units:")["matches"]
    assert "demo14" in k.complete("%maven dem")["matches"]


@pytest.mark.timeout(120)
def test_maven_reuses_the_local_repository_offline(start_kernel, tmp_path, maven_repo):
    import shutil
    repo = tmp_path / "copy"
    shutil.copytree(maven_repo, repo)
    k = maven_kernel(start_kernel, tmp_path)
    k.run(f"%mavenRepo local14 {repo.as_uri()}")
    k.run("%maven demo14:units:2.0")
    shutil.rmtree(repo)  # the repository is gone: only the local copy is left
    k2 = maven_kernel(start_kernel, tmp_path)
    k2.run(f"%mavenRepo local14 {repo.as_uri()}")
    t0 = time.monotonic()
    ex = k2.run("%maven demo14:units:2.0\ndemo14.units.Units.metre()")
    assert ex.result == '"m"'
    print(f"%maven of an artifact in the local repository, offline: {time.monotonic() - t0:.2f} s")


@pytest.mark.timeout(120)
def test_maven_from_users_m2_without_network(start_kernel, tmp_path):
    """commons-codec 1.23.0 is in ~/.m2 (the build fetched it for the resolver); Central is unreachable."""
    m2 = os.path.expanduser("~/.m2/repository/commons-codec/commons-codec/1.23.0/commons-codec-1.23.0.jar")
    if not os.path.isfile(m2):
        pytest.skip("commons-codec 1.23.0 is not in ~/.m2 (build the project with mvn package first)")
    env = {**os.environ, "JAVADL_MAVEN_CENTRAL": "http://127.0.0.1:9/", "JAVADL_MAVEN_TIMEOUT": "3"}
    env.pop("JAVADL_MAVEN_LOCAL", None)
    k = start_kernel(env=env)
    k.run("1")  # a warm kernel: measure %maven alone
    t0 = time.monotonic()
    ex = k.run("%maven commons-codec:commons-codec:1.23.0\norg.apache.commons.codec.digest.DigestUtils.md5Hex(\"a\")")
    took = time.monotonic() - t0
    assert ex.result == '"0cc175b9c0f1b6a831c399e269772661"'
    print(f"%maven of a small artifact already in ~/.m2, resolver loaded on this first use: {took:.2f} s")
    assert took < 10


@pytest.mark.timeout(120)
def test_maven_errors_are_clear_and_quick(start_kernel, tmp_path, maven_repo):
    import socket
    import threading
    k = maven_kernel(start_kernel, tmp_path)
    ex = k.execute("%maven nonsense")
    assert ex.status == "error" and "not group:artifact:version" in text_of(ex)
    t0 = time.monotonic()
    ex = k.execute("%maven demo14:nothere:1.0")
    assert ex.status == "error" and "could not resolve demo14:nothere:1.0" in text_of(ex)
    assert "127.0.0.1:9" in text_of(ex)
    assert time.monotonic() - t0 < 15
    # a repository that accepts connections and never answers: the transfer times out (3 s)
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    held = []
    stop = threading.Event()

    def accept():
        server.settimeout(0.5)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except OSError:
                pass
    th = threading.Thread(target=accept, daemon=True)
    th.start()
    try:
        k.run(f"%mavenRepo silent14 http://127.0.0.1:{server.getsockname()[1]}/")
        t0 = time.monotonic()
        ex = k.execute("%maven demo14:silent:1.0", timeout=60)
        took = time.monotonic() - t0
        assert ex.status == "error" and "could not resolve" in text_of(ex), text_of(ex)
        assert took < 30, f"took {took:.1f} s"
    finally:
        stop.set()
        th.join(2)
        server.close()
        for c in held:
            c.close()
    ex = k.execute("%mavenRepo bad")
    assert ex.status == "error" and "needs an id and a URL" in text_of(ex)
