"""Export every table of a built database as Parquet, one file per table, with a manifest naming the build.

Usage: python -m cityiso.parquet [--db PATH] [--out DIR]   (defaults: the served database, data/parquet/)

The folder holds `<table>.parquet` (zstd) for every table, `datapackage.json` (each file's rows, bytes, SHA-256 and
columns; the data version, data_sha256 and build time from build_info) and a README.md saying the same for people.
It is written into a temporary folder beside DIR and renamed into place only when complete, so a failed export
leaves the previous folder (or none) where it was.
"""

import argparse
import hashlib
import json
import os
import shutil
import sys
from pathlib import Path

import duckdb

from cityiso.data.ddl import EVIDENCE_COLUMNS
from cityiso.paths import DATA_DIR, served_db_path
from cityiso.temporaries import stale_temporaries, temporary_path

DEFAULT_OUT = DATA_DIR / "parquet"
MANIFEST = "datapackage.json"
PROFILE = "cityiso-parquet"  # marks a folder this command wrote, the only kind it replaces

# DuckDB types as Table Schema types; a type not listed is declared "any" and keeps its DuckDB name.
_FIELD_TYPES = {
    "VARCHAR": "string",
    "BOOLEAN": "boolean",
    "INTEGER": "integer",
    "BIGINT": "integer",
    "SMALLINT": "integer",
    "DOUBLE": "number",
    "DATE": "date",
    "TIMESTAMP": "datetime",
}


# The columns of an exported view that always hold a value (a view's columns have no NOT NULL of their own).
_VIEW_REQUIRED = {"evidence": {name for name, _type, required in EVIDENCE_COLUMNS if required}}


class ExportProblem(RuntimeError):
    """The export cannot be written; the message says why."""


def tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The base tables of the database and the view evidence (every quote behind every row, which the build serves
    from the rows instead of copying it; the other views are definitions over them, in queries/schema.sql), by
    name."""
    rows = con.execute(
        "select table_name from information_schema.tables "
        "where table_schema = 'main' and (table_type = 'BASE TABLE' or table_name = 'evidence') order by table_name"
    ).fetchall()
    return [name for (name,) in rows]


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _write(con: duckdb.DuckDBPyConnection, folder: Path, db: Path) -> dict:
    built_at, data_sha256, data_version = con.execute(
        "select built_at, data_sha256, data_version from build_info"
    ).fetchone()
    resources = []
    for table in tables(con):
        path = folder / f"{table}.parquet"
        # Table names come from the database's own catalogue, quoted as identifiers; the path is ours.
        con.execute(f'copy "{table}" to {_quoted(str(path))} (format parquet, compression zstd)')
        columns = con.execute(f'describe "{table}"').fetchall()
        required = _VIEW_REQUIRED.get(table)
        resources.append(
            {
                "name": table,
                "path": path.name,
                "format": "parquet",
                "mediatype": "application/vnd.apache.parquet",
                "rows": con.execute(f'select count(*) from "{table}"').fetchone()[0],
                "bytes": path.stat().st_size,
                "hash": f"sha256:{_sha256(path)}",
                "schema": {
                    "fields": [
                        {
                            "name": name,
                            "type": _FIELD_TYPES.get(kind, "any"),
                            "duckdb_type": kind,
                            **(
                                {"constraints": {"required": True}}
                                if (null == "NO" if required is None else name in required)
                                else {}
                            ),
                        }
                        for name, kind, null, *_ in columns
                    ]
                },
            }
        )
    manifest = {
        "profile": PROFILE,
        "name": "cityiso",
        "title": "ISO certifications of Polish local-government offices (cityiso), as Parquet",
        "version": data_version,
        "data_sha256": data_sha256,
        "built_at": built_at.isoformat(),
        "database": db.name,
        "resources": resources,
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (folder / "README.md").write_text(readme(manifest), encoding="utf-8")
    return manifest


def readme(manifest: dict) -> str:
    """The folder's README: what it is, which build, and every file with its rows."""
    lines = [
        "# cityiso data as Parquet",
        "",
        "Every table of the cityiso database, one Parquet file (zstd) each; the columns are described in the",
        "project's docs/CODEBOOK.md. `datapackage.json` lists the same files with their columns and SHA-256.",
        "",
        f"- data version: {manifest['version']}",
        f"- data_sha256: `{manifest['data_sha256']}` (build_info.data_sha256 of the database it was exported from)",
        f"- built at: {manifest['built_at']} UTC",
        "",
        "| file | rows | bytes |",
        "| --- | ---: | ---: |",
        *(f"| `{r['path']}` | {r['rows']} | {r['bytes']} |" for r in manifest["resources"]),
        "",
        "Read it with, for example:",
        "",
        "```sql",
        "-- DuckDB",
        "select office_id, count(*) from read_parquet('findings.parquet') group by all;",
        "```",
        "",
        "```python",
        "import polars as pl",
        'findings = pl.read_parquet("findings.parquet")',
        "```",
        "",
    ]
    return "\n".join(lines)


def _is_export(folder: Path) -> bool:
    try:
        return json.loads((folder / MANIFEST).read_text(encoding="utf-8")).get("profile") == PROFILE
    except (OSError, ValueError, AttributeError):
        return False


def export(db: Path, out: Path = DEFAULT_OUT) -> dict:
    """Write every table of `db` into the folder `out` (replacing an earlier export there) and return the manifest."""
    db, out = Path(db).resolve(), Path(out).resolve()
    if not db.is_file():
        raise ExportProblem(f"no database at {db}: build it first (python -m cityiso.build)")
    if out.exists() and not _is_export(out):
        raise ExportProblem(f"{out} exists and is not a Parquet export of cityiso: choose another folder")
    out.parent.mkdir(parents=True, exist_ok=True)
    for stale in stale_temporaries(out):  # folders of exports that were killed
        shutil.rmtree(stale, ignore_errors=True)
    tmp = temporary_path(out)
    old = out.with_name(f".{out.name}.{os.getpid()}.old.tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    try:
        with duckdb.connect(str(db), read_only=True) as con:
            manifest = _write(con, tmp, db)
        # A folder cannot be replaced in one rename: the old one steps aside first and comes back on failure.
        if out.exists():
            out.rename(old)
        try:
            tmp.rename(out)
        except OSError:
            if old.exists():
                old.rename(out)
            raise
        return manifest
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        shutil.rmtree(old, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m cityiso.parquet", description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="database to export (default: $CITYISO_DB, else data/cityiso.duckdb)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="folder to write (default: data/parquet/)")
    args = parser.parse_args(argv)
    try:
        manifest = export(args.db or served_db_path(), args.out)
    except (ExportProblem, duckdb.Error) as exc:
        print(f"cityiso.parquet: {exc}", file=sys.stderr)
        return 1
    total = sum(r["bytes"] for r in manifest["resources"])
    print(
        f"Wrote {len(manifest['resources'])} Parquet files ({total / 1e6:.1f} MB) to {_shown(args.out)}: "
        f"data version {manifest['version']}, data_sha256 {manifest['data_sha256'][:12]}."
    )
    return 0


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


if __name__ == "__main__":
    sys.exit(main())
