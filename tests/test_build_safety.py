"""The build against hostile data packages and busy machines: concurrent builds, paths leaving the data folder,
staleness of files in subfolders, broken descriptors and unwritable targets, control characters."""

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import duckdb
import pytest

from cityiso.build import build, is_stale
from cityiso.temporaries import stale_temporaries, temporary_path
from tests.fixture_package import build_command, write_package


def _leftovers(out: Path) -> list[Path]:
    return sorted(out.parent.glob(f".{out.name}.*"))


# 1. Every build its own temporary file.


def test_temporary_paths_differ_per_call_and_keep_the_pid_first(tmp_path: Path) -> None:
    out = tmp_path / "db.duckdb"
    first, second = temporary_path(out), temporary_path(out)
    assert first != second
    for path in (first, second):
        assert path.parent == tmp_path
        assert path.name.startswith(f".db.duckdb.{os.getpid()}.")
        assert path.name.endswith(".tmp")


def test_a_dead_process_temporaries_are_found_by_pid(tmp_path: Path) -> None:
    out = tmp_path / "db.duckdb"
    mine = temporary_path(out)
    mine.write_bytes(b"")
    dead = tmp_path / ".db.duckdb.999999999.ab12cd34.tmp"
    dead.write_bytes(b"")
    (tmp_path / ".db.duckdb.999999999.ab12cd34.tmp.wal").write_bytes(b"")
    found = set(stale_temporaries(out, "*.tmp*"))
    assert found == {dead, tmp_path / ".db.duckdb.999999999.ab12cd34.tmp.wal"}


def test_two_builds_in_one_process_at_once(tmp_path: Path) -> None:
    """Two threads of one server saving at once: each builds into its own file; the last move wins."""
    data = write_package(tmp_path)
    out = tmp_path / "out" / "db.duckdb"
    start = threading.Barrier(2)
    results: list = [None, None]

    def run(i: int) -> None:
        start.wait()
        try:
            results[i] = build(data, out)
        except Exception as exc:
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert results == [[], []], results
    with duckdb.connect(str(out), read_only=True) as con:
        assert con.execute("select count(*) from offices").fetchone()[0] > 0
    assert _leftovers(out) == []


# 2. Descriptor paths stay inside the data folder.


def _edit_descriptor(data: Path, change) -> None:
    path = data / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    change(descriptor)
    path.write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")


def _set_path(data: Path, resource: str, value: str) -> None:
    def change(descriptor: dict) -> None:
        next(r for r in descriptor["resources"] if r["name"] == resource)["path"] = value

    _edit_descriptor(data, change)


def _outside_copy(tmp_path: Path, data: Path) -> Path:
    """A valid copy of themes.csv outside the data folder (today's build loads it)."""
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "themes.csv").write_bytes((data / "themes.csv").read_bytes())
    return outside


@pytest.mark.parametrize(
    "how",
    ["dotdot", "absolute", "linked-folder", "linked-file", "backslash", "drive"],
)
def test_a_resource_path_outside_the_data_folder_is_refused(tmp_path: Path, how: str) -> None:
    data = write_package(tmp_path / "pkg")
    outside = _outside_copy(tmp_path, data)
    value = {
        "dotdot": "../../elsewhere/themes.csv",
        "absolute": str(outside / "themes.csv"),
        "linked-folder": "sub/themes.csv",
        "linked-file": "linked.csv",
        "backslash": "sub\\themes.csv",
        "drive": "C:/themes.csv",
    }[how]
    if how == "linked-folder":
        (data / "sub").symlink_to(outside, target_is_directory=True)
    if how == "linked-file":
        (data / "linked.csv").symlink_to(outside / "themes.csv")
    _set_path(data, "themes", value)
    out = tmp_path / "db.duckdb"
    problems = build(data, out)
    hits = [p for p in problems if p.file == "data/datapackage.json" and "themes" in p.record and p.field == "path"]
    assert hits, "\n".join(map(str, problems))
    assert "inside the data folder" in str(hits[0])
    assert all(p.file == "data/datapackage.json" for p in problems), "files were read: " + "\n".join(map(str, problems))
    assert not out.exists()


def test_a_path_in_a_subfolder_of_the_data_folder_is_accepted(tmp_path: Path) -> None:
    data = write_package(tmp_path)
    (data / "tables").mkdir()
    (data / "themes.csv").rename(data / "tables" / "themes.csv")
    _set_path(data, "themes", "tables/themes.csv")
    assert build(data, tmp_path / "db.duckdb") == []


# 3. The fingerprint covers exactly the files the build reads.


def test_an_edit_of_a_file_in_a_subfolder_makes_the_database_stale(tmp_path: Path) -> None:
    data = write_package(tmp_path)
    (data / "sub").mkdir()
    (data / "themes.csv").rename(data / "sub" / "x.csv")
    _set_path(data, "themes", "sub/x.csv")
    out = tmp_path / "db.duckdb"
    assert build(data, out) == []
    assert not is_stale(data, out)
    with (data / "sub" / "x.csv").open("a", encoding="utf-8") as fh:
        fh.write("extra,Dodatkowy,Extra,Dodatkowy temat.,An extra theme.\n")
    assert is_stale(data, out)


def test_a_csv_file_the_descriptor_does_not_name_is_not_an_input(tmp_path: Path) -> None:
    data = write_package(tmp_path)
    out = tmp_path / "db.duckdb"
    assert build(data, out) == []
    (data / "notes.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    assert not is_stale(data, out)


# 4. Clear messages instead of tracebacks, and the previous database left as it was.


def _main(capsys: pytest.CaptureFixture, data: Path, out: Path) -> tuple[int, str]:
    from cityiso.data.database import main

    code = main(["--data", str(data), "--out", str(out)])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def _resource(name: str):
    return lambda d: next(r for r in d["resources"] if r["name"] == name)


DESCRIPTOR_BREAKS = {
    # what is wrong: (change of the parsed descriptor, words the message must hold)
    "top-level-list": (lambda d: [d], "must be a JSON object"),
    "resources-an-object": (lambda d: d.update(resources={r["name"]: r for r in d["resources"]}), "'resources'"),
    "resources-missing": (lambda d: d.pop("resources") and None, "'resources': is missing"),
    "resource-a-list": (lambda d: d["resources"].insert(0, ["themes.csv"]), "resource #1"),
    "schema-missing": (lambda d: _resource("themes")(d).pop("schema") and None, "(resource=themes), field 'schema'"),
    "fields-an-object": (
        lambda d: _resource("themes")(d)["schema"].update(fields={"theme_id": {"type": "string"}}),
        "field 'schema.fields'",
    ),
    "field-a-list": (lambda d: _resource("themes")(d)["schema"]["fields"].append(["x"]), "schema.fields[5]"),
    "constraints-a-list": (
        lambda d: _resource("themes")(d)["schema"]["fields"][0].update(constraints=["required"]),
        "schema.fields[0].constraints",
    ),
    "minimum-text": (
        lambda d: _resource("offices")(d)["schema"]["fields"][6]["constraints"].update(minimum="0 or true"),
        "constraints.minimum",
    ),
    "reference-to-nothing": (
        lambda d: _resource("findings")(d)["schema"]["foreignKeys"][0]["reference"].update(resource="nothing"),
        "(resource=findings), field 'schema.foreignKeys[0].reference'",
    ),
    "primary-key-unknown": (
        lambda d: _resource("themes")(d)["schema"].update(primaryKey=["nope"]),
        "schema.primaryKey",
    ),
    "name-is-sql": (lambda d: _resource("themes")(d).update(name="themes; drop table x"), "not a table name"),
    "name-is-a-keyword": (
        lambda d: _resource("themes")(d)["schema"]["fields"][1].update(name="select"),
        "'select' is a word of SQL",
    ),
    "maximum-infinite": (
        lambda d: _resource("offices")(d)["schema"]["fields"][6]["constraints"].update(maximum=float("nan")),
        "must be a finite number",
    ),
    "resource-twice": (lambda d: d["resources"].append(_resource("themes")(d)), "declared twice"),
}


@pytest.mark.parametrize("what", DESCRIPTOR_BREAKS)
def test_a_descriptor_nested_wrongly_is_named(tmp_path: Path, good_db: Path, capsys, what: str) -> None:
    change, words = DESCRIPTOR_BREAKS[what]
    data = write_package(tmp_path / "pkg")
    path = data / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    descriptor = change(descriptor) or descriptor  # a change returns a new descriptor or edits this one
    path.write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    before = good_db.read_bytes()
    code, output = _main(capsys, data, good_db)
    assert code == 1, output
    assert "data/datapackage.json" in output and words in output, output
    assert good_db.read_bytes() == before
    assert _leftovers(good_db) == []


def test_a_descriptor_that_is_a_folder_is_named(tmp_path: Path, good_db: Path, capsys) -> None:
    data = write_package(tmp_path / "pkg")
    (data / "datapackage.json").unlink()
    (data / "datapackage.json").mkdir()
    (data / "datapackage.json" / "datapackage.json").write_text("{}", encoding="utf-8")
    before = good_db.read_bytes()
    code, output = _main(capsys, data, good_db)
    assert code == 1
    assert "data/datapackage.json: is a folder, not a file" in output
    assert good_db.read_bytes() == before


def test_an_output_folder_that_cannot_be_made_is_named(tmp_path: Path, capsys) -> None:
    """A folder that cannot be written (root ignores chmod here): its parent is a regular file."""
    data = write_package(tmp_path / "pkg")
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file", encoding="utf-8")
    out = blocker / "db.duckdb"
    code, output = _main(capsys, data, out)
    assert code == 1
    assert "not-a-folder is a file, not a folder" in output and "cannot be written" in output, output
    assert blocker.read_text(encoding="utf-8") == "a file"


def test_a_refused_move_onto_the_target_is_named(tmp_path: Path, good_db: Path, capsys, monkeypatch) -> None:
    """A folder that refuses the move (as a read-only folder does for anyone but root): os.replace raises."""
    import cityiso.data.database as build_module

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied", str(dst))

    monkeypatch.setattr(build_module.os, "replace", refuse)
    data = write_package(tmp_path / "pkg")
    before = good_db.read_bytes()
    code, output = _main(capsys, data, good_db)
    assert code == 1
    assert "db.duckdb" in output and "Permission denied" in output, output
    assert good_db.read_bytes() == before
    assert _leftovers(good_db) == []


def test_a_database_file_that_cannot_be_created_is_named(tmp_path: Path, good_db: Path, capsys, monkeypatch) -> None:
    """DuckDB cannot create the temporary file (a read-only folder, a full disk): its IO error becomes one line."""
    import cityiso.data.database as build_module

    connect = duckdb.connect

    def refuse_temporaries(database: str = ":memory:", *args, **kwargs):
        if str(database).endswith(".tmp"):
            raise duckdb.IOException(f'IO Error: Cannot open file "{database}": Read-only file system')
        return connect(database, *args, **kwargs)

    monkeypatch.setattr(build_module.duckdb, "connect", refuse_temporaries)
    before = good_db.read_bytes()
    code, output = _main(capsys, write_package(tmp_path / "pkg"), good_db)
    assert code == 1
    assert "db.duckdb: cannot be written (IO Error: Cannot open file" in output, output
    assert "Read-only file system" in output and "was left as it was" in output, output
    assert good_db.read_bytes() == before


def test_an_output_path_that_is_a_folder_is_named(tmp_path: Path, capsys) -> None:
    data = write_package(tmp_path / "pkg")
    out = tmp_path / "db.duckdb"
    out.mkdir()
    (out / "keep.txt").write_text("kept", encoding="utf-8")
    code, output = _main(capsys, data, out)
    assert code == 1
    assert "db.duckdb" in output and "is a folder" in output, output
    assert (out / "keep.txt").read_text(encoding="utf-8") == "kept"
    assert _leftovers(out) == []


def test_a_target_open_for_writing_elsewhere_is_left_alone(tmp_path: Path, good_db: Path, capsys) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(good_db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "holding"
        before = good_db.read_bytes()
        code, output = _main(capsys, write_package(tmp_path / "pkg"), good_db)
        assert code == 1
        assert "db.duckdb" in output and f"open for writing by another program (pid {holder.pid})" in output, output
        assert good_db.read_bytes() == before
        assert _leftovers(good_db) == []
    finally:
        holder.communicate("done\n", timeout=30)


# Holds a database open for writing until told on stdin.
HOLD = """import duckdb, sys
con = duckdb.connect(sys.argv[1])
print("holding", flush=True)
sys.stdin.readline()
con.close()
"""


def test_the_command_names_a_broken_descriptor_without_a_traceback(tmp_path: Path) -> None:
    data = write_package(tmp_path / "pkg")
    _edit_descriptor(data, lambda d: _resource("themes")(d)["schema"]["fields"].append("oops"))
    run = build_command(data, tmp_path / "db.duckdb")
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    assert "data/datapackage.json (resource=themes), field 'schema.fields[5]'" in run.stderr, run.stderr


# 5. Control characters: refused in text fields and documents, and shown escaped in every problem.

CONTROLS = {"nul": "\x00", "esc": "\x1b", "bel": "\x07", "vt": "\x0b", "ff": "\x0c", "del": "\x7f", "csi": "\x9b"}


@pytest.mark.parametrize("name", CONTROLS)
def test_a_control_character_in_a_text_field_is_named(tmp_path: Path, name: str) -> None:
    control = CONTROLS[name]

    def edit(rows: dict, documents: dict) -> None:
        rows["themes"][1]["label_en"] = f"Leader{control}ship [31m"
        rows["certification_bodies"][0]["name"] = f"{control}PJT"

    problems = build(write_package(tmp_path, edit), tmp_path / "db.duckdb")
    code = f"U+{ord(control):04X}"
    wanted = {
        ("data/themes.csv", 3, "label_en", f"contains a control character {code} at position 7"),
        ("data/certification_bodies.csv", 2, "name", f"contains a control character {code} at position 1"),
    }
    found = {(p.file, p.line, p.field, p.message) for p in problems}
    assert wanted <= found, "\n".join(map(str, problems))
    assert not (tmp_path / "db.duckdb").exists()


def test_tabs_and_line_breaks_in_a_quoted_cell_are_text(tmp_path: Path) -> None:
    def edit(rows: dict, documents: dict) -> None:
        rows["themes"][1]["definition_en"] = "One line,\tthen a tab\nand a second line\r\nand a third."

    assert build(write_package(tmp_path, edit), tmp_path / "db.duckdb") == []


@pytest.mark.parametrize("name", ["nul", "esc", "bel", "csi"])
def test_a_control_character_in_a_document_is_named(tmp_path: Path, name: str) -> None:
    control = CONTROLS[name]

    def edit(rows: dict, documents: dict) -> None:
        documents["body_news.txt"] += f"\nDopisek{control}."

    problems = build(write_package(tmp_path, edit), tmp_path / "db.duckdb")
    hits = [p for p in problems if p.file == "data/sources.csv" and p.line == 3 and p.field == "file"]
    assert hits, "\n".join(map(str, problems))
    assert f"'body_news.txt' contains a control character U+{ord(control):04X} on line 2" in hits[0].message


def test_tabs_line_breaks_and_page_breaks_in_a_document_are_text(tmp_path: Path) -> None:
    def edit(rows: dict, documents: dict) -> None:
        documents["body_news.txt"] += "\r\n\tStrona 2\fStrona 3\n"

    assert build(write_package(tmp_path, edit), tmp_path / "db.duckdb") == []


HOSTILE = ["\x1b[31m", "\u200b", "\x00", "\u202e", "\x9b", "\u2066", "\ufeff", "\u00ad", "\u2028", "\x07", "\u3164"]


@pytest.mark.parametrize("text", HOSTILE, ids=[f"U+{ord(t[0]):04X}" for t in HOSTILE])
def test_a_problem_shows_invisible_characters_escaped(text: str) -> None:
    from cityiso.data.problems import Problem

    problem = Problem(f"data/x{text}.csv", 2, f"id=a{text}", f"name{text}", f"'{text}' is not allowed")
    shown = str(problem)
    assert shown.isprintable() and "\u3164" not in shown, repr(shown)
    escape = repr(text[0])[1:-1] if text[0] != "\u3164" else "\\u3164"
    assert shown.count(escape) == 4, shown


def test_visible_escapes_exactly_what_cannot_be_seen() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from cityiso.safe_text import visible

    @settings(max_examples=300, deadline=None)
    @given(st.text())
    def check(text: str) -> None:
        shown = visible(text)
        assert shown.isprintable()
        if text.isprintable() and not set(text) & set("\u115f\u1160\u3164\uffa0"):
            assert shown == text

    check()
    assert visible("Zażółć gęślą jaźń \\ 1\u00a02") == "Zażółć gęślą jaźń \\ 1\\xa02"


def test_the_command_prints_no_raw_control_character(tmp_path: Path) -> None:
    def edit(rows: dict, documents: dict) -> None:
        rows["themes"][1]["label_en"] = "\x1b[2J\x1b[31mLeadership\u202e"

    data = write_package(tmp_path, edit)
    run = build_command(data, tmp_path / "db.duckdb")
    assert run.returncode == 1
    assert "contains a control character U+001B at position 1" in run.stderr, run.stderr
    assert all(c.isprintable() or c == "\n" for c in run.stderr), repr(run.stderr)


def test_the_quick_byte_test_misses_no_control_character() -> None:
    """The byte test that lets a file skip the control-character query never says 'none' wrongly."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from cityiso.data.documents import may_hold_control_characters

    def control(c: str) -> bool:
        return (ord(c) < 0x20 and c not in "\t\n\r") or 0x7F <= ord(c) <= 0x9F

    @settings(max_examples=500, deadline=None)
    @given(st.text(), st.integers(min_value=0, max_value=60))
    def check(text: str, cut: int) -> None:
        data = text.encode("utf-8")
        if any(control(c) for c in text):
            assert may_hold_control_characters(data)
            # read in chunks, a character may be cut in two
            assert may_hold_control_characters(data[:cut]) or may_hold_control_characters(data[cut:])

    check()
    assert not may_hold_control_characters("Zażółć\tgęślą\r\njaźń § 5\u00a0ust.".encode())
