"""The build against hostile data packages and busy machines: concurrent builds, paths leaving the data folder,
staleness of files in subfolders, broken descriptors and unwritable targets, control characters."""

import os
import threading
from pathlib import Path

import duckdb

from cityiso.build import build
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
