"""The build against hostile data packages and busy machines: concurrent builds, paths leaving the data folder,
staleness of files in subfolders, broken descriptors and unwritable targets, control characters."""

import json
import os
import threading
from pathlib import Path

import duckdb
import pytest

from cityiso.build import build, is_stale
from cityiso.temporaries import stale_temporaries, temporary_path
from tests.fixture_package import write_package


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
