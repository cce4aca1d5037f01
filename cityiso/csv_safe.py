"""CSV for spreadsheets and researchers: a text cell a spreadsheet would run as a formula is prefixed with a single
quote; a download starts with a fixed number of lines saying what it is (its title, source line and the date of its
data), each one cell starting with "# ", then the table's header. Read one with pd.read_csv(f, skiprows=3), or
import it into a spreadsheet from row 4."""

import csv
import io
from collections.abc import Sequence

import pandas as pd

# A spreadsheet treats a cell starting with one of these as a formula (tab and carriage return hide one).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# What the app's downloads put above the header: title, source line, date of the data (pd.read_csv(f, skiprows=3)).
PREFACE_LINES = 3


def neutralise(value: object) -> object:
    """A text value that would start a formula, with ' in front; anything else (numbers, dates, missing) as it is."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _preface(lines: Sequence[str]) -> str:
    """Each line as one CSV cell on one line of its own, starting with "# " (never a formula, never a second
    line: a line break inside would shift the header down)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for line in lines:
        writer.writerow(["# " + " ".join(str(line).split())])
    return out.getvalue()


def csv_bytes(df: pd.DataFrame, preface: Sequence[str] = ()) -> bytes:
    """The table as CSV (UTF-8 with BOM so spreadsheets read Polish letters), its text cells made formula-safe,
    after the `preface` lines (see the module's note): PREFACE_LINES of them, or none (the header comes first)."""
    if preface and len(preface) != PREFACE_LINES:
        raise ValueError(f"a CSV's preface has {PREFACE_LINES} lines (title, source, date), not {len(preface)}")
    safe = df.copy()
    safe.columns = [neutralise(c) for c in safe.columns]
    for column in safe.columns:
        if not (pd.api.types.is_numeric_dtype(safe[column]) or pd.api.types.is_datetime64_any_dtype(safe[column])):
            safe[column] = safe[column].map(neutralise)
    return (_preface(preface) + safe.to_csv(index=False)).encode("utf-8-sig")
