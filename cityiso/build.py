"""Build the cityiso DuckDB database from data/, validating everything first.

Usage: python -m cityiso.build [--data DIR] [--out PATH] [--if-stale]
"""

import argparse
import datetime as dt
import hashlib
import os
import sys
from pathlib import Path

import duckdb

from cityiso import vocabulary
from cityiso.paths import DATA_DIR, DEFAULT_DB, QUERIES_DIR, ROOT
from cityiso.queries import check_files
from cityiso.spec import TABLES
from cityiso.validate import Dataset, Problem, read_dataset

# Files whose change makes a built database out of date, besides the curated data itself.
_BUILD_INPUTS = (
    QUERIES_DIR / "schema.sql",
    *sorted((QUERIES_DIR / "checks").glob("*.sql")),
    *sorted((ROOT / "cityiso").glob("*.py")),
)


def build(data_dir: Path = DATA_DIR, out: Path = DEFAULT_DB) -> list[Problem]:
    """Validate data_dir and, when nothing is wrong, replace `out` with a fresh database."""
    ds = read_dataset(data_dir)
    if ds.problems:
        return sorted(set(ds.problems))
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    try:
        with duckdb.connect(str(tmp)) as con:
            _load(con, ds)
            problems = _broken_rules(con, ds)
        if problems:
            return problems
        os.replace(tmp, out)
        return []
    finally:
        tmp.unlink(missing_ok=True)
        Path(f"{tmp}.wal").unlink(missing_ok=True)


def _load(con: duckdb.DuckDBPyConnection, ds: Dataset) -> None:
    con.execute((QUERIES_DIR / "schema.sql").read_text(encoding="utf-8"))
    for table in TABLES:
        rows = [r.values for r in ds.rows[table.name]]
        if not rows:
            continue
        columns = list(rows[0])
        placeholders = ", ".join("?" for _ in columns)
        con.executemany(
            f"insert into {table.name} ({', '.join(columns)}) values ({placeholders})",
            [[row[c] for c in columns] for row in rows],
        )
    con.executemany(
        "insert into codes values (?, ?, ?, ?)",
        [(domain, code, pl, en) for domain, codes in vocabulary.ALL.items() for code, (pl, en) in codes.items()],
    )
    con.execute(
        "insert into build_info values (?, ?)",
        [dt.datetime.now(dt.UTC).replace(tzinfo=None), data_fingerprint(ds.data_dir)],
    )


def _broken_rules(con: duckdb.DuckDBPyConnection, ds: Dataset) -> list[Problem]:
    problems = []
    for path in check_files():
        for file, record_id, field, message in con.execute(path.read_text(encoding="utf-8")).fetchall():
            table = file.removesuffix(".csv")
            key = next(t.key for t in TABLES if t.name == table)
            line = ds.line_of(table, record_id)
            problems.append(
                Problem(f"{ds.data_dir.name}/{file}", line, f"{key}={record_id}", field, f"{message} [{path.stem}]")
            )
    return sorted(problems)


def data_files(data_dir: Path) -> list[Path]:
    """Every curated file and source document the database is built from."""
    return sorted([*data_dir.glob("*.csv"), *(p for p in (data_dir / "sources").rglob("*") if p.is_file())])


def data_fingerprint(data_dir: Path) -> str:
    """One hash over every curated file and document, so a built database names the data it holds."""
    digest = hashlib.sha256()
    for path in data_files(data_dir):
        digest.update(path.relative_to(data_dir).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def is_stale(data_dir: Path, out: Path) -> bool:
    """True when the database is missing or older than any file it is built from."""
    if not out.exists():
        return True
    built = out.stat().st_mtime
    return any(p.stat().st_mtime > built for p in [*data_files(data_dir), *_BUILD_INPUTS])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m cityiso.build", description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA_DIR, help="folder of curated files (default: data/)")
    parser.add_argument("--out", type=Path, default=DEFAULT_DB, help="database to write (default: %(default)s)")
    parser.add_argument("--if-stale", action="store_true", help="build only when a data file is newer")
    args = parser.parse_args(argv)
    data_dir, out = args.data.resolve(), args.out.resolve()
    if not data_dir.is_dir():
        print(f"cityiso.build: no data folder at {data_dir}", file=sys.stderr)
        return 2
    if args.if_stale and not is_stale(data_dir, out):
        print(f"{_shown(out)} is up to date.")
        return 0
    problems = build(data_dir, out)
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        kept = f"{_shown(out)} was left as it was" if out.exists() else "no database was written"
        print(f"\n{len(problems)} problem(s) in {_shown(data_dir)}; {kept}.", file=sys.stderr)
        if not any(p.message.endswith("]") for p in problems):
            print("The cross-file rules in queries/checks/ run once these are fixed.", file=sys.stderr)
        return 1
    with duckdb.connect(str(out), read_only=True) as con:
        counts = {
            t: con.execute(f"select count(*) from {t}").fetchone()[0]
            for t in ("cities", "certificates", "audits", "findings", "sources")
        }
    print(f"Built {_shown(out)}: " + ", ".join(f"{n} {t}" for t, n in counts.items()) + ".")
    return 0


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


if __name__ == "__main__":
    sys.exit(main())
