"""Reference registers beside the curated data: GUS's TERC (every voivodeship, powiat and gmina), imported by the
user into data/terc.csv (`python -m cityiso.register.terc import FILE`) and loaded by the build into the table
terc_units. Without the file the table is built empty, so the queries that read it never fail."""

import csv
import datetime as dt
import re
from pathlib import Path

import duckdb
import pandas as pd

from cityiso.data.descriptor import package
from cityiso.data.problems import Problem

TERC_FILE = "terc.csv"
TERC_TABLE = "terc_units"
# The normalised TERC file's columns, in order, with their types in the database.
TERC_COLUMNS = (
    ("teryt", "varchar"),  # 2 digits: voivodeship; 4: powiat; 7: gmina or a part of one (WOJ+POW+GMI+RODZ)
    ("level", "varchar"),  # voivodeship | powiat | gmina | part
    ("name", "varchar"),  # TERC's NAZWA (a voivodeship's in lower case, as offices.csv writes it)
    ("kind_words", "varchar"),  # TERC's NAZWA_DOD: "gmina miejska", "miasto na prawach powiatu"...
    ("office_kind", "varchar"),  # the office the unit has, in offices.office_kind's codes; empty: none of its own
    ("voivodeship", "varchar"),  # the voivodeship's name in lower case ("śląskie")
    ("state_on", "date"),  # TERC's STAN_NA: the date the division is stated for
)
LEVELS = ("voivodeship", "powiat", "gmina", "part")
_CODE_LENGTH = {"voivodeship": 2, "powiat": 4, "gmina": 7, "part": 7}


def office_kinds() -> tuple[str, ...]:
    return tuple(package().resource("offices").field("office_kind").enum)


def voivodeships() -> tuple[str, ...]:
    return tuple(package().resource("offices").field("voivodeship").enum)


def read_terc(data_dir: Path) -> tuple[list[dict[str, str]], list[Problem]]:
    """The rows of data_dir/terc.csv (none when it is absent) and what is wrong with them, by line and field."""
    path = Path(data_dir) / TERC_FILE
    shown = f"{Path(data_dir).name}/{TERC_FILE}"
    if not path.is_file():
        return [], []
    again = "import TERC again (python -m cityiso.register.terc import FILE)"
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.reader(fh)
            header = next(reader, [])
            wanted = [name for name, _ in TERC_COLUMNS]
            if header != wanted:
                return [], [Problem(shown, 1, "", "", f"its columns are {header}, expected {wanted}: {again}")]
            rows = [(reader.line_num, dict(zip(wanted, line, strict=False)), len(line)) for line in reader]
    except UnicodeDecodeError as exc:
        return [], [Problem(shown, 0, "", "", f"is not UTF-8 ({exc.reason} at byte {exc.start}): {again}")]
    problems, out = [], []
    kinds, names = office_kinds(), voivodeships()
    for line, row, width in rows:

        def bad(field: str, message: str, line=line, row=row) -> None:
            problems.append(Problem(shown, line, f"teryt={row.get('teryt', '')}", field, f"{message}: {again}"))

        if width != len(TERC_COLUMNS):
            bad("", f"has {width} fields, expected {len(TERC_COLUMNS)}")
            continue
        level = row["level"]
        if level not in LEVELS:
            bad("level", f"'{level}' is not one of {', '.join(LEVELS)}")
        elif not re.fullmatch(rf"[0-9]{{{_CODE_LENGTH[level]}}}", row["teryt"]):
            bad("teryt", f"'{row['teryt']}' is not a {level}'s code ({_CODE_LENGTH[level]} digits)")
        if row["office_kind"] and row["office_kind"] not in kinds:
            bad("office_kind", f"'{row['office_kind']}' is not one of {', '.join(kinds)}")
        if row["voivodeship"] not in names:
            bad("voivodeship", f"'{row['voivodeship']}' is not a voivodeship of offices.csv")
        if not row["name"]:
            bad("name", "is empty")
        try:
            dt.date.fromisoformat(row["state_on"])
        except ValueError:
            bad("state_on", f"'{row['state_on']}' is not a date (YYYY-MM-DD)")
        out.append(row)
    return out, problems


def load_terc(con: duckdb.DuckDBPyConnection, data_dir: Path) -> list[Problem]:
    """Create terc_units from data_dir/terc.csv, or empty when the file is absent; the file's problems, if any
    (then the table is left empty)."""
    columns = ", ".join(f"{name} {sql_type}" for name, sql_type in TERC_COLUMNS)
    con.execute(f"create table {TERC_TABLE} ({columns})")
    rows, problems = read_terc(data_dir)
    if problems or not rows:
        return problems
    frame = pd.DataFrame(rows, columns=[name for name, _ in TERC_COLUMNS])
    con.register("terc_frame", frame)
    names = ", ".join(name for name, _ in TERC_COLUMNS)
    selected = ", ".join(f"nullif({n}, '')" if t == "varchar" else f"cast({n} as {t})" for n, t in TERC_COLUMNS)
    con.execute(f"insert into {TERC_TABLE} ({names}) select {selected} from terc_frame")
    con.unregister("terc_frame")
    return []
