"""Read each curated CSV file into DuckDB as text (raw_<table>), reporting what keeps a file from being read."""

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from cityiso.data.descriptor import Package, Resource
from cityiso.data.documents import may_hold_control_characters
from cityiso.data.problems import Problem


@dataclass
class RawFiles:
    """The curated files as read: which could be read, and the line on which each record starts."""

    data_dir: Path
    paths: dict[str, Path] = field(default_factory=dict)  # resource name -> its file
    unreadable: set[str] = field(default_factory=set)
    controls: set[str] = field(default_factory=set)  # files with a byte that may be a control character
    _lines: dict[str, list[int]] = field(default_factory=dict)

    def shown(self, resource: Resource) -> str:
        return f"{self.data_dir.name}/{resource.path}"

    def line(self, resource: str, ordinal: int) -> int:
        """The line of the file where record number `ordinal` (1-based, blank lines skipped) starts."""
        if resource not in self._lines:
            path = self.paths.get(resource)
            text = path.read_bytes().decode("utf-8-sig", errors="replace") if path else ""
            starts, reader = [], csv.reader(io.StringIO(text, newline=""))
            previous_end = 0
            try:
                for record in reader:
                    if record and any(cell.strip() for cell in record):
                        starts.append(previous_end + 1)
                    previous_end = reader.line_num
            except csv.Error:
                pass  # lines after a break in the CSV are not numbered; DuckDB's report names that break
            self._lines[resource] = starts[1:]  # without the header
        starts = self._lines[resource]
        return starts[ordinal - 1] if 0 < ordinal <= len(starts) else 0


def _sql_string(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def read_files(con: duckdb.DuckDBPyConnection, package: Package, data_dir: Path, problems: list[Problem]) -> RawFiles:
    """Create raw_<table> (every column text, trimmed, empty as NULL, plus `ordinality`) for every resource."""
    raw = RawFiles(Path(data_dir))
    for resource in package.resources:
        if not _read_one(con, raw, resource, problems):
            raw.unreadable.add(resource.name)
            columns = ", ".join(f"{f} varchar" for f in resource.field_names)
            con.execute(f"create or replace temp table raw_{resource.name} (ordinality bigint, {columns})")
    return raw


def _read_one(con: duckdb.DuckDBPyConnection, raw: RawFiles, resource: Resource, problems: list[Problem]) -> bool:
    path = raw.data_dir / resource.path
    name = raw.shown(resource)

    def problem(message: str, line: int = 0, column: str = "") -> bool:
        problems.append(Problem(name, line, "", column, message))
        return False

    def not_utf8() -> bool:
        data = path.read_bytes()
        try:
            data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            return problem(f"is not UTF-8 text (byte {exc.start}): save it as UTF-8 (LibreOffice: Unicode UTF-8)", line)
        return problem("is not UTF-8 text: save it as UTF-8 (LibreOffice: Unicode UTF-8)")

    if not path.is_file() or path.is_symlink():
        return problem("file is missing" if not path.exists() else "is not a plain file")
    raw.paths[resource.name] = path
    with path.open("rb") as handle:
        first = handle.readline(1_000_000)  # the header (DuckDB reads the rest, and reports bad encoding in it)
    try:
        text = first.decode("utf-8-sig")
    except UnicodeDecodeError:
        return not_utf8()
    expected = resource.field_names
    try:
        header = next(csv.reader(io.StringIO(text, newline="")), None)
    except csv.Error as exc:
        return problem(f"the header is not valid CSV ({exc})", 1)
    if not header:
        return problem("file is empty: it needs the header " + ",".join(expected))
    header = [h.strip() for h in header]
    if len(header) == 1 and any(sep in header[0] for sep in ";\t|"):
        sep = next(sep for sep in ";\t|" if sep in header[0])
        return problem(f"the header is separated by {sep!r}: curated files are comma-separated", 1)
    missing = [c for c in expected if c not in header]
    unknown = [h for h in header if h not in expected]
    doubled = sorted({h for h in header if header.count(h) > 1})
    for column in missing:
        problem("column is missing from the header", 1, column)
    for column in unknown:
        problem(f"unknown column (expected: {', '.join(expected)})", 1, column)
    for column in doubled:
        problem("column appears twice in the header", 1, column)
    if missing or unknown or doubled:
        return False
    columns = "{" + ", ".join(f"{_sql_string(h)}: 'varchar'" for h in header) + "}"
    trimmed = ", ".join(f"nullif(trim({c}), '') as {c}" for c in expected)
    try:
        con.execute(
            f"""create or replace temp table raw_{resource.name} as
            select ordinality, {trimmed}
            from read_csv({_sql_string(str(path))}, header = true, auto_detect = false, delim = ',', quote = '"',
                escape = '"', strict_mode = true, store_rejects = true, columns = {columns}) with ordinality"""
        )
        rejects = con.execute("select line, error_type, error_message from reject_errors order by line").fetchall()
        con.execute("delete from reject_errors")
    except duckdb.Error as exc:
        return problem(f"is not valid CSV ({str(exc).splitlines()[0]})")
    if any(error_type == "INVALID ENCODING" for _, error_type, _ in rejects):
        return not_utf8()
    reported = set()
    for line, error_type, message in rejects:
        if line in reported:  # one message per broken line (DuckDB names each missing column)
            continue
        reported.add(line)
        # DuckDB counts records (the header is 1); the curator needs the line of the file.
        problem(f"is not valid CSV: {error_type.lower()} ({message})", raw.line(resource.name, line - 1) or line)
    if _may_hold_control_characters(path):
        raw.controls.add(resource.name)
    return not rejects


def _may_hold_control_characters(path: Path) -> bool:
    """Whether the file's bytes may hold a control character: when not, the set-based check of its text fields is
    left out (it costs ten times as much as this over the files of a whole country)."""
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 24):
            if may_hold_control_characters(chunk):
                return True
    return False
