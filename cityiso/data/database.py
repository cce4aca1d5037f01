"""Build the cityiso DuckDB database from data/, validating everything first.

Usage: python -m cityiso.build [--data DIR] [--out PATH] [--if-stale]
"""

import argparse
import contextlib
import datetime as dt
import hashlib
import os
import re
import sys
from collections.abc import Iterable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import NamedTuple

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa

from cityiso.data.ddl import create_tables
from cityiso.data.descriptor import DESCRIPTOR, DescriptorError, Package, read_package
from cityiso.data.documents import SOURCES_DIR, plain_files, read_documents
from cityiso.data.expectations import unmet_expectations
from cityiso.data.field_checks import (
    control_character_checks,
    evidence_field_checks,
    field_checks,
    key_checks,
    row_checks,
)
from cityiso.data.load import load_sources, load_tables
from cityiso.data.problems import Problem
from cityiso.data.quote_checks import quote_problems
from cityiso.data.read import RawFiles, read_files
from cityiso.data.reference import TERC_FILE, load_terc
from cityiso.paths import DATA_DIR, DEFAULT_DB, INSTALLED, PACKAGE_DIR, QUERIES_DIR, ROOT
from cityiso.safe_text import visible
from cityiso.temporaries import stale_temporaries, temporary_path

# Files whose change makes a built database out of date, besides the curated data itself, each folder with the
# one its files are named from (the same names in a checkout and in an installed wheel).
_BUILD_CODE = ((PACKAGE_DIR / "data", PACKAGE_DIR.parent), (QUERIES_DIR, ROOT))


def build(data_dir: Path = DATA_DIR, out: Path = DEFAULT_DB) -> list[Problem]:
    """Validate data_dir and, when nothing is wrong, replace `out` with a fresh database."""
    data_dir, out = Path(data_dir), Path(out)
    try:
        package = read_package(data_dir)
    except DescriptorError as exc:  # nothing is read or loaded from a descriptor that is wrong
        return [Problem(f"{data_dir.name}/{DESCRIPTOR}", 0, *problem) for problem in exc.problems]
    refused = _unwritable(out)
    if refused:
        return [Problem(_shown(out), 0, "", "", refused)]
    for stale in stale_temporaries(out, "*.tmp*"):  # files of builds that were killed (the .wal too)
        stale.unlink(missing_ok=True)
    tmp = temporary_path(out)
    try:
        with duckdb.connect(str(tmp)) as con:
            problems = _validate_and_load(con, package, data_dir)
        if problems:
            return problems
        refused = _in_use(out)  # checked again: the build took a while
        if refused:
            return [Problem(_shown(out), 0, "", "", refused)]
        os.replace(tmp, out)
        return []
    except (OSError, duckdb.IOException) as exc:  # a full disk, a folder that refuses the file or the move
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc).splitlines()[0]
        return [Problem(_shown(out), 0, "", "", f"cannot be written ({reason})")]
    except duckdb.Error as exc:  # a descriptor the build's own queries cannot work with
        first = str(exc).splitlines()[0]
        return [Problem(f"{data_dir.name}/{DESCRIPTOR}", 0, "", "", f"the build stopped on a database error ({first})")]
    finally:
        tmp.unlink(missing_ok=True)
        Path(f"{tmp}.wal").unlink(missing_ok=True)


def _unwritable(out: Path) -> str:
    """Why a database cannot be written at `out` ('' when it can be tried): a folder there, a folder that cannot be
    made, or a database another program holds open for writing."""
    if out.is_dir():
        return "is a folder: name the database file to write (e.g. cityiso.duckdb inside it)"
    if out.exists() and not out.is_file():
        return "is not a regular file: name the database file to write"
    blocking = next((p for p in out.parents if p.exists()), None)
    if blocking is not None and not blocking.is_dir():
        return f"cannot be written: {_shown(blocking)} is a file, not a folder"
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return f"cannot be written: its folder {_shown(out.parent)} cannot be made ({exc.strerror or exc})"
    return _in_use(out)


def _in_use(out: Path) -> str:
    """Why `out` must not be replaced now: another program (or this one) has it open for writing. Readers (the
    served app) do not hold it: they go on with the file they opened, and the next connection opens the new one."""
    if not out.is_file():
        return ""
    try:
        with duckdb.connect(str(out), read_only=True):
            return ""
    except duckdb.IOException as exc:
        if "lock" not in str(exc).lower():
            return ""  # not a database (a broken earlier file): it is replaced
        pid = re.search(r"PID (\d+)", str(exc))
        who = f"another program (pid {pid.group(1)})" if pid else "another program"
        return f"is open for writing by {who}: close it, then build again"
    except duckdb.ConnectionException:
        return "is open for writing in this program: close that connection, then build again"
    except duckdb.Error:
        return ""


def _validate_and_load(con: duckdb.DuckDBPyConnection, package: Package, data_dir: Path) -> list[Problem]:
    # Python lists, reads and hashes the documents (and the fingerprint's other inputs) in a thread of its own while
    # DuckDB reads the CSV files, then makes the documents' tables there while DuckDB checks the CSV files' fields:
    # each waits on its own work (DuckDB lets go of Python while a query runs), and the main thread never holds
    # DuckDB up with Python work of its own (listing 64k documents, joining their text).
    with ThreadPoolExecutor(max_workers=3) as pool:
        return _checked_and_loaded(con, package, data_dir, pool, pool.submit(_read_listed, data_dir))


def _checked_and_loaded(
    con: duckdb.DuckDBPyConnection, package: Package, data_dir: Path, pool: ThreadPoolExecutor, read: Future
) -> list[Problem]:
    problems: list[Problem] = []
    raw = read_files(con, package, data_dir, problems)
    # The sources' rows are read here (raw_sources is this connection's own table); the documents they name are
    # matched, and their tables made, by the pool once it has read the folder (its next job).
    prepared = pool.submit(_prepared_documents, raw, _source_rows(con), read)
    if not raw.unreadable:
        # Typed while the pool reads documents, none of which they need (the sources are loaded with their documents
        # below), with the other tables that need none.
        load_tables(con, package, create_tables(package))
        problems += load_terc(con, data_dir)  # GUS's territorial units, when imported (an empty table when not)
        con.register("codes_frame", pd.DataFrame(package.codes(), columns=["domain", "code", "label_pl", "label_en"]))
        con.execute("insert into codes select * from codes_frame")
        con.unregister("codes_frame")
        con.execute((QUERIES_DIR / "schema.sql").read_text(encoding="utf-8"))  # views and macros (a check uses one)
        # The views stored as tables (which read no sources either) are made on a connection of their own while this
        # one checks the fields and quotes, loads the sources and runs the checks (which read none of them): most
        # steps of either side run on one core.
        stored = pool.submit(_stored, con)
    found: list[tuple[str, int, str, str, str, int | None]] = []
    for resource in package.resources:
        if resource.name in raw.unreadable:
            continue
        for query in (
            field_checks(resource),
            control_character_checks(resource) if resource.name in raw.controls else "",
            key_checks(package, resource, raw.unreadable),
            row_checks(resource),
        ):
            if query:
                found += [(resource.name, *row) for row in con.execute(query).fetchall()]
    if "further_evidence" not in raw.unreadable:
        found += [("further_evidence", *row) for row in con.execute(evidence_field_checks(package)).fetchall()]
    listed, documents, document_problems, tables = prepared.result()
    data_sha256 = listed.fingerprint
    problems += document_problems
    searchable = {source_id: d.searchable for source_id, d in documents.items()}
    for name, table in tables.items():
        con.register(name, table)
    # Only the registrations hold the documents' tables now, and only the quote checks the documents: all of them go
    # once the sources are loaded, not at the end of the build (they hold every text three times, half a GB at 3,000
    # offices, while the stored tables are made).
    del read, prepared, listed, documents, tables
    found += [
        (q.resource, q.ordinality, q.record, q.field, q.message, None)
        for q in quote_problems(con, package, searchable, "documents_frame")
    ]
    del searchable
    for name, ordinality, record, field, message, other in found:
        if other is not None:
            message += str(raw.line(name, other))
        problems.append(Problem(raw.shown(package.resource(name)), raw.line(name, ordinality), record, field, message))
    if raw.unreadable:
        for name in sorted(raw.unreadable):
            shown = raw.shown(package.resource(name))
            problems.append(
                Problem(shown, 0, "", "", "its rows and the cross-file rules are checked once it can be read")
            )
        return sorted(set(problems))
    load_sources(con, package, "source_documents")
    con.unregister("documents_frame")
    con.unregister("source_documents")
    con.execute(
        "insert into build_info values (?, ?, ?)",
        [
            dt.datetime.now(dt.UTC).replace(tzinfo=None),
            data_sha256,
            package.version,
        ],
    )
    already = {(p.file, p.line, p.field) for p in problems}
    for rule in sorted((QUERIES_DIR / "checks").glob("*.sql")):
        for table, ordinality_key, field, message in con.execute(rule.read_text(encoding="utf-8")).fetchall():
            resource = package.resource(table)
            line = _line_of_key(con, raw, resource, ordinality_key)
            problem = Problem(
                raw.shown(resource), line, _label(resource, ordinality_key), field, f"{message} [{rule.stem}]"
            )
            if (problem.file, problem.line, problem.field) not in already:
                problems.append(problem)
    stored.result()
    if not problems and any(r.name == "expectations" for r in package.resources):
        # The curated data's own checklist, on data that is otherwise sound (a broken row would only echo here).
        shown = raw.shown(package.resource("expectations"))
        for unmet in unmet_expectations(con, package):
            problems.append(
                Problem(shown, raw.line("expectations", unmet.ordinality), unmet.record, unmet.field, unmet.message)
            )
    return sorted(set(problems))


# Views of schema.sql that every status, timeline and count reads: stored as tables in the built file (which never
# changes once built), so a query reads them instead of recomputing them over the whole country each time.
MATERIALISED_VIEWS = (
    "event_families",
    "certificate_events",
    "certificate_windows",
    "office_order",
    "office_labels",
    "certificate_facts",
    "finding_words",
    "finding_facts",
    "finding_counts",
    "office_status_spans",
    "office_status_year_ends",
    "office_status_stored_through",
    "document_citations",
    "office_family_counts",
    "source_fact_counts",
)


def _stored(con: duckdb.DuckDBPyConnection) -> None:
    """The views of MATERIALISED_VIEWS stored, on a cursor of `con` (a connection of its own to the same database)."""
    with con.cursor() as cursor:
        for view in MATERIALISED_VIEWS:
            cursor.execute(f"create table {view}__stored as select * from {view}")
            cursor.execute(f"drop view {view}")
            cursor.execute(f"alter table {view}__stored rename to {view}")


def _label(resource, key: str) -> str:
    return f"{'/'.join(resource.primary_key)}={key}" if resource.primary_key and key else ""


def _line_of_key(con: duckdb.DuckDBPyConnection, raw: RawFiles, resource, key: str) -> int:
    """The line of the row whose key (joined with '/') is `key`."""
    if not resource.primary_key or key is None:
        return 0
    joined = " || '/' || ".join(resource.primary_key)
    row = con.execute(f"select min(ordinality) from raw_{resource.name} where {joined} = ?", [key]).fetchone()
    return raw.line(resource.name, row[0]) if row and row[0] else 0


class Document(NamedTuple):
    file: str  # its name in sources/
    content: bytes  # valid UTF-8
    url: str | None  # a quote may quote the address as well as the text
    sha256: str

    def searchable(self) -> str:
        """What a quote may quote: the address and the text."""
        return f"{self.url}\n{self.content.decode()}" if self.url else self.content.decode()


class _Listed(NamedTuple):
    """Every document listed in sources/, read: the contents of those that can be source documents, why the others
    cannot, each content's SHA-256 and the fingerprint of every input."""

    listing: dict[str, int]  # sources/ as plain_files lists it
    contents: dict[str, bytes]
    errors: dict[str, str]
    hashes: dict[str, str]
    fingerprint: str


def _read_listed(data_dir: Path) -> _Listed:
    """List sources/ (once: for the documents and the fingerprint), read every file plain_files lists (the
    fingerprint hashes each one anyway), hash it, and fingerprint the inputs with those hashes."""
    listing = plain_files(data_dir)
    contents, errors = read_documents(data_dir, listing, listing)
    hashes = {file: hashlib.sha256(content).hexdigest() for file, content in contents.items()}
    return _Listed(listing, contents, errors, hashes, fingerprint(data_dir, hashes, listing))


def _source_rows(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    """Each row of sources.csv in its order: ordinality, source_id, whether it names a document file, file, url."""
    return con.execute(
        "select ordinality, source_id, kind = 'document' and file is not null, file, url from raw_sources "
        "order by ordinality"
    ).fetchall()


def _prepared_documents(
    raw: RawFiles, rows: list[tuple], read: Future
) -> tuple[_Listed, dict[str, Document], list[Problem], dict[str, pa.Table]]:
    """What the pool does once it has read sources/ (`read`): the documents the rows of sources.csv (`rows`, as
    _source_rows gives them) name, the problems with them, and the tables the build registers (_document_tables)."""
    listed = read.result()
    problems: list[Problem] = []
    documents, order = _read_documents(raw, problems, rows, listed)
    return listed, documents, problems, _document_tables(documents, order)


def _read_documents(
    raw: RawFiles, problems: list[Problem], rows: list[tuple], listed: _Listed
) -> tuple[dict[str, Document], list[str | None]]:
    """source_id -> its document (`rows`: sources.csv's rows as _source_rows gives them; `listed`: sources/ listed
    and read), and the source_id of each row of sources.csv in its order whose document was read (None for the
    others)."""
    listing = listed.listing
    wanted = [
        (ordinality, source_id, file, url) for ordinality, source_id, is_document, file, url in rows if is_document
    ]
    # A file named in sources.csv but not listed (missing, a link, a folder, a path) is tried for its precise message.
    unlisted, errors = read_documents(raw.data_dir, {file for _, _, file, _ in wanted if file not in listing}, listing)
    documents = {}
    for ordinality, source_id, file, url in wanted:
        error = errors.get(file) or listed.errors.get(file)
        if error:
            line = raw.line("sources", ordinality)
            problems.append(Problem(f"{raw.data_dir.name}/sources.csv", line, f"source_id={source_id}", "file", error))
        elif file in listed.contents:
            documents[source_id] = Document(file, listed.contents[file], url, listed.hashes[file])
        else:
            documents[source_id] = Document(file, unlisted[file], url, hashlib.sha256(unlisted[file]).hexdigest())
    order = [source_id if is_document and source_id in documents else None for _, source_id, is_document, _, _ in rows]
    return documents, order


def _document_tables(documents: dict[str, Document], order: list[str | None]) -> dict[str, pa.Table]:
    """documents_frame (source_id, searchable) for the quote checks: a quote may quote the address as well as the
    text, so searchable is both; and source_documents (text, sha256), one row per row of sources.csv in its order,
    which the sources table takes side by side with raw_sources (a join on source_id and a sort again of every
    document's text cost four times as much)."""
    aligned = [documents[source_id] if source_id is not None else None for source_id in order]
    return {
        "documents_frame": pa.table(
            {
                "source_id": pa.array(list(documents), pa.string()),
                "searchable": _text_array(
                    [f"{d.url}\n".encode() + d.content if d.url else d.content for d in documents.values()]
                ),
            }
        ),
        "source_documents": pa.table(
            {
                "text": _text_array([d.content if d else None for d in aligned]),
                "sha256": pa.array([d.sha256 if d else None for d in aligned], pa.string()),
            }
        ),
    }


def _text_array(contents: list[bytes | None]) -> pa.Array:
    """An Arrow text column of UTF-8 contents (None: null), made from one joined buffer (pa.array copies string by
    string)."""
    offsets = np.zeros(len(contents) + 1, dtype=np.int64)
    np.cumsum([len(c) if c is not None else 0 for c in contents], out=offsets[1:])
    valid = np.array([c is not None for c in contents], dtype=bool)
    nulls = len(contents) - int(valid.sum())
    validity = pa.py_buffer(np.packbits(valid, bitorder="little")) if nulls else None
    data = b"".join(c for c in contents if c is not None)
    return pa.LargeStringArray.from_buffers(
        len(contents), pa.py_buffer(offsets), pa.py_buffer(data), validity, null_count=nulls
    )


def _named_inputs(data_dir: Path, documents: Iterable[str] | None = None) -> list[tuple[str, str]]:
    """Each input with the name the fingerprint gives it (relative to the project, or to the data folder) and its
    path: the descriptor, the files its resources name (wherever in the data folder), the documents and the build
    code. A descriptor that cannot be read stands for itself alone (the build will refuse it). `documents`: the names
    in sources/ as plain_files lists them, when the caller has listed the folder already. Plain strings, not Path
    objects: a national package has 64k documents."""
    named = [(DESCRIPTOR, data_dir / DESCRIPTOR)]
    with contextlib.suppress(DescriptorError):
        named += [(r.path, data_dir / r.path) for r in read_package(data_dir).resources]
    named.append((TERC_FILE, data_dir / TERC_FILE))  # the imported TERC, when there is one
    for folder, base in _BUILD_CODE:
        named += [(str(p.relative_to(base)), p) for p in (*folder.rglob("*.py"), *folder.rglob("*.sql"))]
    found = [(name, str(path)) for name, path in named if path.is_file()]
    root = os.path.join(data_dir, SOURCES_DIR, "")
    prefix = f"{SOURCES_DIR}/"
    listed = plain_files(data_dir) if documents is None else documents
    found += [(prefix + name, root + name) for name in listed]
    return sorted(found)


def fingerprint(data_dir: Path, known: Mapping[str, str] | None = None, documents: Iterable[str] | None = None) -> str:
    """One hash over the content of every input, so a built database names exactly what it was built from:
    the hash of the list of every input's name and SHA-256 (`known`: the hashes the caller has computed, by the
    name of the document in sources/; `documents`: the folder's listing, when the caller has it)."""
    digest = hashlib.sha256()
    known = known or {}
    prefix = f"{SOURCES_DIR}/"
    lines = []
    for name, path in _named_inputs(Path(data_dir), documents):
        file_hash = known.get(name[len(prefix) :]) if name.startswith(prefix) else None
        if file_hash is None:
            with open(path, "rb") as handle:
                file_hash = hashlib.sha256(handle.read()).hexdigest()
        lines.append(f"{name}\0{file_hash}\n")
    digest.update("".join(lines).encode())
    return digest.hexdigest()


def is_stale(data_dir: Path, out: Path) -> bool:
    """True when the database is missing, unreadable, or was built from other content than today's inputs."""
    if not Path(out).exists():
        return True
    try:
        with duckdb.connect(str(out), read_only=True) as con:
            built = con.execute("select max(data_sha256) from build_info").fetchone()[0]
    except duckdb.Error:
        return True
    return built != fingerprint(data_dir)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m cityiso.build", description=__doc__.splitlines()[0])
    # An installed cityiso carries the descriptor but no curated files: there the folder must be named.
    default_data = os.environ.get("CITYISO_DATA") or (None if INSTALLED else DATA_DIR)
    parser.add_argument(
        "--data", type=Path, default=default_data, help="folder of curated files (default: $CITYISO_DATA, else data/)"
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_DB, help="database to write (default: %(default)s)")
    parser.add_argument("--if-stale", action="store_true", help="build only when an input's content changed")
    args = parser.parse_args(argv)
    if args.data is None:
        parser.error("name the folder of your curated files with --data (or $CITYISO_DATA)")
    data_dir, out = Path(args.data).resolve(), args.out.resolve()
    if not data_dir.is_dir():
        print(f"cityiso.build: no data folder at {_shown(data_dir)}", file=sys.stderr)
        return 2
    if args.if_stale and not is_stale(data_dir, out):
        print(f"{_shown(out)} is up to date.")
        return 0
    problems = build(data_dir, out)
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        kept = f"{_shown(out)} was left as it was" if out.exists() else "no database was written"
        if all(p.file == _shown(out) for p in problems):
            print(f"\nNothing was built; {kept}.", file=sys.stderr)
        else:
            print(f"\n{len(problems)} problem(s) in {_shown(data_dir)}; {kept}.", file=sys.stderr)
        return 1
    with duckdb.connect(str(out), read_only=True) as con:
        counts = {
            t: con.execute(f"select count(*) from {t}").fetchone()[0]
            for t in ("offices", "certificates", "events", "findings", "sources")
        }
    print(f"Built {_shown(out)}: " + ", ".join(f"{n} {t}" for t, n in counts.items()) + ".")
    return 0


def _shown(path: Path) -> str:
    """A path as printed: relative to the working folder when inside it, invisible characters escaped."""
    try:
        return visible(str(path.relative_to(Path.cwd())))
    except ValueError:
        return visible(str(path))


if __name__ == "__main__":
    sys.exit(main())
