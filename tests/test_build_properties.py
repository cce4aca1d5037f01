"""Property-based: whatever a curator types into a cell, the build either succeeds or names the problem."""

import datetime as dt
import re
import unicodedata

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from cityiso.build import build
from cityiso.data.descriptor import package
from tests.fixture_package import ROWS, write_package

SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
DATE_FORM = re.compile(r"(19|20)[0-9]{2}(-[0-9]{2}(-[0-9]{2})?)?")
# What the build trims from a cell (DuckDB's trim): every space separator of Unicode (Zs: the space, the no-break
# space a pasted web page brings, the em space, ...), never a tab or a line break. A cell of only these is empty.
SPACES = "".join(c for c in map(chr, range(0x3001)) if unicodedata.category(c) == "Zs")


def _is_calendar_date(text: str) -> bool:
    parts = [int(p) for p in text.split("-")] + [1, 1]
    try:
        dt.date(*parts[:3])
    except ValueError:
        return False
    return True


dates = st.one_of(
    st.from_regex(r"(19|20|00)[0-9]{2}(-[0-9]{2}(-[0-9]{2})?)?", fullmatch=True),
    st.text(alphabet="0123456789-./ rvIXLMwrześnia", max_size=14),
    st.text(max_size=12),
)


@SETTINGS
@given(text=dates)
@example(text="\xa0")  # found by hypothesis in a CI run: the oracle trimmed the space alone
@example(text="\u2003 2016-05-04\xa0")
@example(text="\t2016")
def test_any_event_date_builds_or_is_named(tmp_path_factory, text: str) -> None:
    root = tmp_path_factory.mktemp("date")

    def edit(rows: dict, documents: dict) -> None:
        rows["events"][1]["event_on"] = text

    problems = build(write_package(root, edit), root / "db.duckdb")
    value = text.strip(SPACES)  # any other character is a value to check
    wanted = not value or (DATE_FORM.fullmatch(value) and _is_calendar_date(value))
    # A stray carriage return breaks the file itself: then the file is named.
    about_the_date = [
        p
        for p in problems
        if p.file == "data/events.csv" and ((p.line == 3 and p.field == "event_on") or (not p.line and not p.field))
    ]
    if wanted:
        assert not about_the_date or "\r" in text, [str(p) for p in problems]
    else:
        assert about_the_date, f"{text!r} was accepted"


cells = [(r.name, f.name) for r in package().resources if ROWS.get(r.name) for f in r.fields]


@SETTINGS
@given(where=st.sampled_from(cells), text=st.text(max_size=40))
def test_any_cell_builds_or_names_file_and_field(tmp_path_factory, where: tuple[str, str], text: str) -> None:
    table, column = where
    root = tmp_path_factory.mktemp("cell")

    def edit(rows: dict, documents: dict) -> None:
        rows[table][0][column] = text

    problems = build(write_package(root, edit), root / "db.duckdb")
    for p in problems:
        assert p.file.startswith("data/") and p.file.endswith(".csv"), str(p)
        assert p.line >= 1 or not p.field, str(p)  # a whole file that cannot be read is named without a line
        assert p.message, str(p)
