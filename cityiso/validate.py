"""Read the curated CSV files and check every rule a single file can check, reporting all problems at once."""

import csv
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from cityiso.dates import parse_partial_date
from cityiso.quotes import GAP, normalise_whitespace, quote_problem
from cityiso.spec import ID_PATTERN, INFERRED_FLAG_NAMES, TABLES, TABLES_BY_NAME, Column, Table

_TRUE, _FALSE = "true", "false"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in the curated data, located by file, line and field."""

    file: str
    line: int
    record: str
    field: str
    message: str

    def __str__(self) -> str:
        where = self.file if not self.line else f"{self.file}, line {self.line}"
        if self.record:
            where += f" ({self.record})"
        if self.field:
            where += f", field '{self.field}'"
        return f"{where}: {self.message}"


@dataclass
class Row:
    """One data line of a curated file: its line number, raw text values and typed values."""

    line: int
    raw: dict[str, str]
    values: dict


@dataclass
class Dataset:
    """Every curated file, read and checked, ready to be loaded."""

    data_dir: Path
    rows: dict[str, list[Row]]
    documents: dict[str, str]  # source_id -> text of the document
    problems: list[Problem]
    unreadable: set[str] = field(default_factory=set)  # files whose rows could not be read at all
    by_key: dict[str, dict[str, Row]] = field(default_factory=dict)  # table -> key -> its first row
    first_with: dict[tuple[str, str], dict[str, Row]] = field(default_factory=dict)  # (table, column) -> value -> row

    def row(self, table: str, record_id: str | None) -> Row | None:
        """The (first) row of a table with this key, or None."""
        return self.by_key.get(table, {}).get(record_id) if record_id else None

    def line_of(self, table: str, record_id: str) -> int:
        """The line where a record stands in its file, or 0 when it is not found."""
        row = self.row(table, record_id)
        return row.line if row else 0


def read_dataset(data_dir: Path) -> Dataset:
    """Read every curated file under data_dir and check it."""
    data_dir = Path(data_dir)
    ds = Dataset(data_dir, {}, {}, [])
    for table in TABLES:
        rows = _read_table(data_dir, table, ds.problems)
        if rows is None:
            ds.unreadable.add(table.name)
        ds.rows[table.name] = rows or []
    for t in TABLES:
        if t.key:
            ds.by_key[t.name] = {}
            for r in ds.rows[t.name]:
                ds.by_key[t.name].setdefault(r.raw.get(t.key), r)
    keys = {name: set(rows) - {None, ""} for name, rows in ds.by_key.items()}
    _read_documents(ds)
    for table in TABLES:
        for row in ds.rows[table.name]:
            _check_row(ds, table, row, keys)
    return ds


def _label(table: Table, raw: dict[str, str]) -> str:
    return f"{table.key}={raw[table.key]}" if table.key and raw.get(table.key) else ""


def _read_table(data_dir: Path, table: Table, problems: list[Problem]) -> list[Row] | None:
    """The file's rows, or None when the file as a whole cannot be read."""
    path = data_dir / table.file
    name = f"{data_dir.name}/{table.file}"
    if not path.exists():
        problems.append(Problem(name, 0, "", "", "file is missing"))
        return None
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        problems.append(Problem(name, 0, "", "", f"is not UTF-8 text ({exc.reason} at byte {exc.start})"))
        return None
    reader = csv.reader(text.splitlines(keepends=True), strict=True)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        problems.append(Problem(name, 1, "", "", f"the header is not valid CSV ({exc})"))
        return None
    expected = [c.name for c in table.columns]
    if header is None:
        problems.append(Problem(name, 0, "", "", "file is empty: it needs the header " + ",".join(expected)))
        return None
    header = [h.strip() for h in header]
    missing = [c for c in expected if c not in header]
    unknown = [h for h in header if h not in expected]
    for column in missing:
        problems.append(Problem(name, 1, "", column, "column is missing from the header"))
    for column in unknown:
        problems.append(Problem(name, 1, "", column, f"unknown column (expected: {', '.join(expected)})"))
    if missing or unknown:
        return None
    rows, line = [], 1
    while True:
        start = line + 1
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.append(Problem(name, reader.line_num, "", "", f"is not valid CSV ({exc})"))
            return rows
        line = reader.line_num
        if not any(cell.strip() for cell in record):
            continue
        if len(record) != len(header):
            problems.append(
                Problem(name, start, "", "", f"has {len(record)} fields where the header has {len(header)}")
            )
            continue
        rows.append(Row(start, {h: cell.strip() for h, cell in zip(header, record, strict=True)}, {}))
    return rows


def _read_documents(ds: Dataset) -> None:
    """Read each document source's file; the path is relative to the repository holding data/."""
    name = f"{ds.data_dir.name}/sources.csv"
    for row in ds.rows["sources"]:
        file = row.raw.get("file", "")
        if row.raw.get("kind") != "document" or not file:
            continue
        path = ds.data_dir.parent / file
        label = _label(TABLES_BY_NAME["sources"], row.raw)
        try:
            data = path.read_bytes()
            ds.documents[row.raw["source_id"]] = data.decode("utf-8")
            row.values["sha256"] = hashlib.sha256(data).hexdigest()
        except FileNotFoundError:
            ds.problems.append(Problem(name, row.line, label, "file", f"'{file}' does not exist"))
        except UnicodeDecodeError:
            ds.problems.append(Problem(name, row.line, label, "file", f"'{file}' is not UTF-8 text"))


def _check_row(ds: Dataset, table: Table, row: Row, keys: dict[str, set[str]]) -> None:
    file = f"{ds.data_dir.name}/{table.file}"
    label = _label(table, row.raw)

    def problem(field: str, message: str) -> None:
        ds.problems.append(Problem(file, row.line, label, field, message))

    for column in table.columns:
        text = row.raw[column.name]
        if not text:
            if column.required:
                problem(column.name, "is required but empty")
            row.values[column.name] = None
            continue
        if column.kind == "ref" and column.ref in ds.unreadable:
            row.values[column.name] = text  # its file is reported already; no follow-on errors
            continue
        try:
            row.values[column.name] = _convert(column, text, keys)
        except ValueError as exc:
            problem(column.name, str(exc))
            row.values[column.name] = None
    _check_unique(ds, table, row, problem)
    _check_quote(ds, table, row, problem)
    _check_dates(table, row, problem)
    _ROW_RULES.get(table.name, lambda *_: None)(ds, row, problem)
    _add_derived(ds, table, row)


def _convert(column: Column, text: str, keys: dict[str, set[str]]):
    kind = column.kind
    if kind == "id" and not re.match(ID_PATTERN, text):
        raise ValueError(f"'{text}' is not an id: use lowercase letters, digits, '-' and '_'")
    if kind == "ref" and text not in keys.get(column.ref, set()):
        raise ValueError(f"'{text}' is not a {TABLES_BY_NAME[column.ref].key} in {column.ref}.csv")
    if kind == "enum" and text not in column.values:
        raise ValueError(f"'{text}' is not allowed (allowed: {', '.join(column.values)})")
    if kind == "bool":
        if text not in (_TRUE, _FALSE):
            raise ValueError(f"'{text}' is not true or false")
        return text == _TRUE
    if kind in ("int", "float"):
        try:
            number = int(text) if kind == "int" else float(text)
        except ValueError:
            raise ValueError(f"'{text}' is not {'a whole number' if kind == 'int' else 'a number'}") from None
        if (column.low is not None and number < column.low) or (column.high is not None and number > column.high):
            raise ValueError(f"{text} is outside {column.low:g}..{column.high:g}")
        return number
    if kind == "date":
        return parse_partial_date(text)
    return text


def _check_unique(ds: Dataset, table: Table, row: Row, problem) -> None:
    for column in table.columns:
        value = row.raw[column.name]
        if not (column.unique or column.name == table.key) or not value:
            continue
        first = ds.first_with.setdefault((table.name, column.name), {}).setdefault(value, row)
        if first is not row:
            problem(column.name, f"'{value}' is used already on line {first.line}")


def _quote_document(ds: Dataset, table: Table, row: Row) -> tuple[str | None, str | None]:
    """The source id a row's quote comes from and the document's text (None where it cannot be told)."""
    if isinstance(table.quote_source, tuple):
        column, parent = table.quote_source
        parent_row = ds.row(parent, row.raw[column])
        source_id = parent_row.raw.get("source_id") if parent_row else None
    else:
        source_id = row.raw.get(table.quote_source) if table.quote_source else None
    return source_id, ds.documents.get(source_id) if source_id else None


def _check_quote(ds: Dataset, table: Table, row: Row, problem) -> None:
    if not table.quote_source:
        return
    source_id, document = _quote_document(ds, table, row)
    row.values["source_id"] = source_id
    quote = row.raw.get("quote") or row.raw.get("office_quote")
    if not quote or not source_id or "sources" in ds.unreadable:
        return
    field = "quote" if "quote" in row.raw else "office_quote"
    if document is None:
        problem(field, f"source '{source_id}' has no document to quote from (is it a reference source?)")
        return
    missing = quote_problem(quote, document)
    if missing:
        problem(field, f"{missing} of source '{source_id}'")
    quoted = normalise_whitespace(quote.replace(GAP, " "))
    for column in table.columns:
        value = row.raw[column.name]
        if column.in_quote and value and normalise_whitespace(value) not in quoted:
            problem(column.name, f"'{value}' does not stand verbatim in the row's quote")


def _check_dates(table: Table, row: Row, problem) -> None:
    for column in table.columns:
        if column.kind != "date":
            continue
        written = row.raw.get(f"{column.name}_as_written")
        reason = row.raw.get(f"{column.name}_inferred_reason")
        has_date = bool(row.raw[column.name])
        if has_date and written == "":
            problem(f"{column.name}_as_written", "is required when the date is given: the source's own words")
        if reason and not has_date:
            problem(f"{column.name}_inferred_reason", "gives a reason for inferring a date that is empty")


def _check_source(ds: Dataset, row: Row, problem) -> None:
    kind, file, citation = row.raw["kind"], row.raw["file"], row.raw["citation"]
    if kind == "document" and not file:
        problem("file", "is required for a document source")
    if kind == "reference" and file:
        problem("file", "must be empty for a reference source (it has a citation, not a document)")
    if kind == "reference" and not citation:
        problem("citation", "is required for a reference source")


def _check_certificate(ds: Dataset, row: Row, problem) -> None:
    issued, until = row.values.get("issued_on"), row.values.get("valid_until")
    if issued and until and until.end <= issued.start:
        problem("valid_until", f"{row.raw['valid_until']} is not after issued_on {row.raw['issued_on']}")
    forms = {r.raw["form"]: r.raw["standard_id"] for r in ds.rows["standard_forms"]}
    written, standard = row.raw["standard_as_written"], row.raw["standard_id"]
    if written in forms and standard and forms[written] != standard:
        problem("standard_id", f"'{standard}' disagrees with standard_forms.csv, where '{written}' is {forms[written]}")
    if written and written not in forms and not row.raw["standard_inferred_reason"]:
        problem(
            "standard_inferred_reason",
            f"'{written}' is not in standard_forms.csv, so say why it is {standard or 'that standard'}",
        )


def _check_audit(ds: Dataset, row: Row, problem) -> None:
    if row.raw["kind"] == "planned" and row.values.get("is_planned") is False:
        problem("is_planned", "must be true for an event of kind 'planned'")
    if row.values.get("is_planned") and row.raw["findings_status"] not in ("not_applicable", "not_reported"):
        problem("findings_status", "a planned event has no findings yet: use not_applicable")


def _check_finding(ds: Dataset, row: Row, problem) -> None:
    if row.raw["clause"] and not row.raw["clause_basis"]:
        problem("clause_basis", "is required with a clause: 'heading' (the source's heading) or 'curator'")
    if row.raw["clause_basis"] and not row.raw["clause"]:
        problem("clause_basis", "is given but the clause is empty")


_ROW_RULES = {
    "sources": _check_source,
    "certificates": _check_certificate,
    "audits": _check_audit,
    "findings": _check_finding,
}


def _add_derived(ds: Dataset, table: Table, row: Row) -> None:
    """Split partial dates into start and precision, and flag inferred values."""
    for column in table.columns:
        if column.kind == "date":
            date = row.values.get(column.name)
            row.values[column.name] = date.start if date else None
            row.values[f"{column.name}_precision"] = date.precision if date else None
        if column.name.endswith("_inferred_reason"):
            prefix = column.name.removesuffix("_inferred_reason")
            flag = INFERRED_FLAG_NAMES.get((table.name, prefix), f"{prefix}_is_inferred")
            row.values[flag] = bool(row.raw[column.name])
    if table.name == "findings":
        audit = ds.row("audits", row.raw["audit_id"])
        row.values["city_id"] = audit.raw["city_id"] if audit else None
    if table.name == "sources":
        row.values["text"] = ds.documents.get(row.raw["source_id"])
        row.values.setdefault("sha256", None)
    if table.name == "cities":
        row.values.pop("source_id", None)
