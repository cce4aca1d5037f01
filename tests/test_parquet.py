"""The Parquet export of the fixture package's database: every table, the same rows and columns read back by DuckDB
and by pyarrow, a manifest naming the build, and an export that fails or is refused leaves the folder as it was."""

import hashlib
import json
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from cityiso import parquet


@pytest.fixture(scope="module")
def exported(package_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture package's database exported into a fresh folder."""
    out = tmp_path_factory.mktemp("export") / "parquet"
    assert parquet.main(["--db", str(package_db), "--out", str(out)]) == 0
    return out


def manifest(folder: Path) -> dict:
    return json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))


def test_every_table_is_one_file(exported: Path, package_con: duckdb.DuckDBPyConnection) -> None:
    names = parquet.tables(package_con)
    assert {"offices", "findings", "sources", "evidence", "codes", "build_info"} <= set(names)
    assert sorted(p.stem for p in exported.glob("*.parquet")) == names
    assert [r["name"] for r in manifest(exported)["resources"]] == names


def test_duckdb_reads_back_the_same_rows_and_columns(exported: Path, package_con: duckdb.DuckDBPyConnection) -> None:
    for table in parquet.tables(package_con):
        file = str(exported / f"{table}.parquet")
        # Names and types; DuckDB writes every column nullable (the manifest says which are required).
        assert [c[:2] for c in package_con.execute(f"describe {table}").fetchall()] == [
            c[:2] for c in package_con.execute("describe select * from read_parquet($f)", {"f": file}).fetchall()
        ], table
        assert package_con.execute(f"select * from {table}").fetchall() == (
            package_con.execute("select * from read_parquet($f)", {"f": file}).fetchall()
        ), table


def test_pyarrow_reads_back_the_same_rows(exported: Path, package_con: duckdb.DuckDBPyConnection) -> None:
    for table in parquet.tables(package_con):
        cur = package_con.execute(f"select * from {table}")
        columns = [d[0] for d in cur.description]
        read = pq.read_table(exported / f"{table}.parquet")
        assert read.column_names == columns, table
        assert [tuple(row.values()) for row in read.to_pylist()] == cur.fetchall(), table


def test_sources_keep_their_text(exported: Path, package_con: duckdb.DuckDBPyConnection) -> None:
    texts = pq.read_table(exported / "sources.parquet", columns=["source_id", "text"]).to_pylist()
    assert any(row["text"] for row in texts)
    assert {r["source_id"]: r["text"] for r in texts} == dict(
        package_con.execute("select source_id, text from sources").fetchall()
    )


def test_manifest_names_the_build(exported: Path, package_con: duckdb.DuckDBPyConnection) -> None:
    found = manifest(exported)
    data_sha256, data_version = package_con.execute("select data_sha256, data_version from build_info").fetchone()
    assert (found["data_sha256"], found["version"]) == (data_sha256, data_version)
    for resource in found["resources"]:
        file = exported / resource["path"]
        count = package_con.execute(f"select count(*) from {resource['name']}").fetchone()[0]
        assert resource["rows"] == count
        assert resource["bytes"] == file.stat().st_size
        assert resource["hash"] == "sha256:" + hashlib.sha256(file.read_bytes()).hexdigest()
        columns = [c[0] for c in package_con.execute(f"describe {resource['name']}").fetchall()]
        assert [f["name"] for f in resource["schema"]["fields"]] == columns
    build_info = next(r for r in found["resources"] if r["name"] == "build_info")["schema"]["fields"]
    assert build_info[0] == {
        "name": "built_at",
        "type": "datetime",
        "duckdb_type": "TIMESTAMP",
        "constraints": {"required": True},
    }
    readme = (exported / "README.md").read_text(encoding="utf-8")
    assert data_sha256 in readme and data_version in readme
    assert f"| `findings.parquet` | {package_con.execute('select count(*) from findings').fetchone()[0]} |" in readme


def test_a_failed_export_leaves_the_last_one(
    exported: Path, package_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "parquet"
    parquet.export(package_db, out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    def broken(con: duckdb.DuckDBPyConnection, folder: Path, db: Path) -> dict:
        (folder / "offices.parquet").write_bytes(b"half")
        raise duckdb.IOException("disk full")

    monkeypatch.setattr(parquet, "_write", broken)
    with pytest.raises(duckdb.IOException):
        parquet.export(package_db, out)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["parquet"]  # no temporary folder left


def test_a_folder_it_did_not_write_is_refused(package_db: Path, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("a researcher's own file")
    with pytest.raises(parquet.ExportProblem, match="not a Parquet export"):
        parquet.export(package_db, tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_missing_database_is_named(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert parquet.main(["--db", str(tmp_path / "none.duckdb"), "--out", str(tmp_path / "out")]) == 1
    assert "build it first" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
