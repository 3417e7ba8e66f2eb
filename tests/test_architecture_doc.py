"""docs/ARCHITECTURE.md names only what exists, so the map cannot rot.

Every name the map writes in backticks is looked up (no kernel, no JVM start but ``javap``):

* ``ClassName`` or ``ClassName.member``: a ``ClassName.java`` in the repository, and each further part a
  word of that file (a member or nested type);
* ``org.javadl...``: a package folder or a class of the repository;
* a path (``protocol/ExecuteHandler.java``, ``tests/``, ``notebooks/*.ipynb``): a file or folder of the
  repository, relative to its root or as the tail of a path in it, or a glob that matches;
* ``test_name``: a test function of ``tests/``; an ``ALL_CAPS`` name: a word of some file of the repository.

JDK and library types (``jdk.``, ``java.``, ``com.sun.``, ``io.github.`` …), MIME types, code and prose are
left alone there. Instead, each row of the map's JDK tables (patch, JDK class, members) is checked with
``javap -p`` on every JDK of 17 or newer the machine has (see ``test_jdk_patches.discover_jdks``): the
class and every member must exist (``<init>``: a constructor; a row that says "JDK N and later" is
checked on those only). A few seconds: one javap per JDK.
"""
from __future__ import annotations

import re
import subprocess
from functools import lru_cache
from pathlib import Path

import pytest

from conftest import REPO
from test_jdk_patches import _java_version, discover_jdks

DOC = REPO / "docs" / "ARCHITECTURE.md"
EXTERNAL = ("jdk.", "java.", "javax.", "com.sun.", "sun.", "io.github.", "tech.tablesaw", "org.knowm",
            "org.zeromq", "com.google.")
FILE_ENDINGS = (".java", ".py", ".mjs", ".md", ".ipynb", ".sh", ".xml", ".json")
MIME = re.compile(r"^(text|image|application)/")
CLASS_REF = re.compile(r"^([A-Z][A-Za-z0-9]*)((?:\.[A-Za-z_$][\w$]*)*)(?:\(\))?$")
CONSTANT = re.compile(r"^[A-Z][A-Z0-9_]+$")
#: files whose mention of a name proves nothing: the map itself, and this test's examples
NOT_EVIDENCE = ("docs/ARCHITECTURE.md", "tests/test_architecture_doc.py")
TABLE_ROW = re.compile(r"^\|\s*`(\w+)`\s*\|\s*`((?:jdk|java|com\.sun|sun)\.[\w.$]+)`\s*\|(.*)\|\s*$")


@lru_cache(maxsize=None)
def repo_files() -> tuple[str, ...]:
    """The repository's files (tracked, and new ones git does not ignore), relative to its root."""
    out = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard"], cwd=REPO,
                         capture_output=True, text=True, check=True).stdout
    return tuple(p for p in out.splitlines() if "node_modules" not in p and (REPO / p).is_file())


@lru_cache(maxsize=None)
def repo_dirs() -> frozenset[str]:
    return frozenset(str(Path(p).parents[i]) for p in repo_files() for i in range(len(Path(p).parts) - 1))


def backticked(text: str) -> list[str]:
    """The names in single backticks, outside fenced code blocks; of a JDK table's row only the patch
    (its JDK class and members are the JDK's, checked by javap)."""
    text = re.sub(r"```.*?```", "", text, flags=re.S)
    text = "\n".join(f"`{m.group(1)}`" if (m := TABLE_ROW.match(line)) else line for line in text.splitlines())
    return re.findall(r"`([^`\n]+)`", text)


def problem_with(name: str) -> str | None:
    """Why ``name`` does not name something of the repository, or None (also for names not checked)."""
    if any(ch.isspace() for ch in name) or name.startswith(EXTERNAL) or MIME.match(name):
        return None
    if name.startswith("org.javadl"):
        return _qualified(name)
    if "/" in name or name.endswith(FILE_ENDINGS):
        return _path(name)
    if name.startswith("test_"):
        defined = any(re.search(rf"^def {re.escape(name)}\(", _text(p), re.M)
                      for p in repo_files() if p.startswith("tests/") and p.endswith(".py"))
        return None if defined else f"no test function {name} in tests/"
    if CONSTANT.match(name) and not _java_files(name):
        found = any(re.search(rf"\b{name}\b", _text(p)) for p in repo_files() if p not in NOT_EVIDENCE and _is_source(p))
        return None if found else f"{name} occurs in no file of the repository"
    m = CLASS_REF.match(name)
    if m:
        return _class(m.group(1), [part for part in m.group(2).split(".") if part])
    return None


def _qualified(name: str) -> str | None:
    parts = name.split(".")
    for cut in range(len(parts), 1, -1):
        rel = "/".join(parts[:cut])
        if any(d.endswith("java/" + rel) for d in repo_dirs()):
            return None if cut == len(parts) else _class_in(rel, parts[cut:])
    return f"no package or class {name}"


def _class_in(package_path: str, rest: list[str]) -> str | None:
    files = [p for p in repo_files() if p.endswith(f"java/{package_path}/{rest[0]}.java")]
    if not files:
        return f"no class {rest[0]} in {package_path.replace('/', '.')}"
    return _members(files, rest[1:], rest[0])


def _path(name: str) -> str | None:
    if "*" in name:
        return None if list(REPO.glob(name)) else f"{name} matches no file"
    bare = name.rstrip("/")
    if (REPO / bare).exists():
        return None
    if any(p == bare or p.endswith("/" + bare) for p in repo_files()):
        return None
    if name.endswith("/") and any(d == bare or d.endswith("/" + bare) for d in repo_dirs()):
        return None
    return f"no file or folder {name}"


def _java_files(simple: str) -> list[str]:
    return [p for p in repo_files() if p.endswith(f"/{simple}.java")]


def _class(simple: str, members: list[str]) -> str | None:
    files = _java_files(simple)
    if not files:
        return f"no {simple}.java in the repository"
    return _members(files, members, simple)


def _members(files: list[str], members: list[str], owner: str) -> str | None:
    text = "\n".join(_text(p) for p in files)
    missing = [m for m in members if not re.search(rf"(?<![\w$]){re.escape(m)}(?![\w$])", text)]
    return f"{owner} has no {', '.join(missing)}" if missing else None


def _is_source(path: str) -> bool:
    return path.endswith(FILE_ENDINGS + (".mjs", ".toml", ".txt", ".cfg"))


@lru_cache(maxsize=None)
def _text(path: str) -> str:
    return (REPO / path).read_text(errors="replace")


def jdk_rows(text: str) -> list[tuple[str, str, list[str], int]]:
    """(patch class, JDK class, members, lowest JDK) for each row of the map's JDK tables."""
    rows = []
    for line in text.splitlines():
        m = TABLE_ROW.match(line)
        if m:
            since = re.search(r"JDK (\d+) and later", m.group(3))
            rows.append((m.group(1), m.group(2), re.findall(r"`([\w$<>]+)`", m.group(3)),
                         int(since.group(1)) if since else 17))
    return rows


def javap_members(home: Path, classes: list[str]) -> dict[str, str]:
    """{class: its javap -p listing} for the classes ``home``'s javap finds (one javap for all)."""
    out = subprocess.run([str(home / "bin" / "javap"), "-p", *classes], capture_output=True, text=True,
                         timeout=120).stdout
    listings, current = {}, None
    for line in out.splitlines():
        header = re.match(r"^[\w ]*\b(?:class|interface|enum|record) ([\w.$]+)", line)
        if header:
            current = header.group(1)
            listings[current] = ""
        elif current:
            listings[current] += line + "\n"
    return listings


def missing_members(listing: str, cls: str, members: list[str]) -> list[str]:
    missing = []
    for m in members:
        pattern = re.escape(cls) + r"\(" if m == "<init>" else rf"[\s.]{re.escape(m)}[\s(;]"
        if not re.search(pattern, listing):
            missing.append(m)
    return missing


def test_every_name_in_backticks_exists():
    text = DOC.read_text()
    names = sorted(set(backticked(text)))
    problems = [p for p in (problem_with(n) for n in names) if p]
    assert not problems, "docs/ARCHITECTURE.md names what the tree does not have:\n" + "\n".join(problems)
    # the map does name code: a regression in backticked() or problem_with() must not pass silently
    checked = [n for n in names if CLASS_REF.match(n) and not n.startswith(EXTERNAL)]
    assert len(checked) > 60, checked


def test_the_lookup_refuses_what_does_not_exist():
    """The checks of the other test, on names that exist and names that do not."""
    assert problem_with("ExecuteHandler") is None
    assert problem_with("ExecuteHandler.execute") is None
    assert problem_with("protocol/ExecuteHandler.java") is None
    assert problem_with("org.javadl.kernel.protocol") is None
    assert problem_with("notebooks/*.ipynb") is None
    assert problem_with("jdk.jshell.JShell") is None  # external: checked by javap, not here
    assert "no NoSuchHandler.java" in problem_with("NoSuchHandler")
    assert "has no executeTwice" in problem_with("ExecuteHandler.executeTwice")
    assert "no file or folder" in problem_with("protocol/NoSuchHandler.java")
    assert "no class nosuch in org.javadl" in problem_with("org.javadl.nosuch")
    assert "no package or class" in problem_with("org.javadlx.Tensor")
    assert "no class NoSuch" in problem_with("org.javadl.kernel.protocol.NoSuch")
    assert "matches no file" in problem_with("notebooks/*.nosuch")
    assert "no test function" in problem_with("test_no_such_test")
    assert "occurs in no file" in problem_with("NO_SUCH_CONSTANT_ANYWHERE")


@pytest.mark.parametrize("label,home", discover_jdks(), ids=[label for label, _ in discover_jdks()])
def test_jdk_members_the_map_lists_exist(label, home):
    rows = jdk_rows(DOC.read_text())
    assert len(rows) >= 30, f"the JDK tables of docs/ARCHITECTURE.md were not found: {rows}"
    major = _java_version(home)[0]
    rows = [r for r in rows if major >= r[3]]
    listings = javap_members(home, sorted({cls for _, cls, _, _ in rows}))
    problems = []
    for patch, cls, members, _ in rows:
        if cls not in listings:
            problems.append(f"{patch}: {cls} is not in {label}")
            continue
        missing = missing_members(listings[cls], cls, members)
        if missing:
            problems.append(f"{patch}: {cls} has no {', '.join(missing)} on {label}")
    assert not problems, "\n".join(problems)


def test_the_javap_check_refuses_a_member_that_is_not_there():
    jdks = discover_jdks()
    if not jdks:
        pytest.skip("no JDK of 17 or newer under the JVM root")
    listing = javap_members(jdks[0][1], ["jdk.jshell.JShell"])["jdk.jshell.JShell"]
    assert missing_members(listing, "jdk.jshell.JShell", ["taskFactory", "eval", "<init>"]) == []
    assert missing_members(listing, "jdk.jshell.JShell", ["taskFactoryX", "evaluate"]) == ["taskFactoryX", "evaluate"]
