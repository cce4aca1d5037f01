"""Every CSV the app offers neutralises text cells a spreadsheet would run as formulas; numbers stay numbers."""

import csv
import io
from pathlib import Path

import duckdb
import pandas as pd
import pytest
import streamlit as st

from cityiso import store
from cityiso.app import ui
from cityiso.build import build
from cityiso.csv_safe import csv_bytes, neutralise
from tests.fixture_package import write_package

HOSTILE = ['=HYPERLINK("http://evil.example","x")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]


def rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


@pytest.mark.parametrize("value", HOSTILE)
def test_a_formula_text_gets_a_quote_in_front(value: str) -> None:
    assert neutralise(value) == "'" + value


@pytest.mark.parametrize("value", ["Zabrze", "", "a=b", "2015-03", " =x", -1, -2.5, None])
def test_other_values_are_left_alone(value) -> None:
    assert neutralise(value) == value


def test_csv_bytes_neutralises_text_and_keeps_numbers_and_dates() -> None:
    texts = [v for v in HOSTILE if "\r" not in v]  # (a bare CR inside a cell needs CRLF line ends to survive CSV)
    df = pd.DataFrame(
        {
            "text": [*texts, "ok"],
            "number": [-1.5, -2, 3, -4, 5, -7],
            "count": pd.array([-1, 2, 3, 4, 5, -7], dtype="Int64"),
            "day": pd.to_datetime(["2015-03-31"] * 6),
        }
    )
    header, *body = rows(csv_bytes(df))
    assert header == ["text", "number", "count", "day"]
    assert [r[0] for r in body] == ["'" + v for v in texts] + ["ok"]
    assert [r[1] for r in body] == ["-1.5", "-2.0", "3.0", "-4.0", "5.0", "-7.0"]
    assert [r[2] for r in body] == ["-1", "2", "3", "4", "5", "-7"]
    assert body[0][3] == "2015-03-31"
    assert df["text"].iloc[0] == HOSTILE[0]  # the caller's frame is not changed


def test_table_downloads_neutralise_formulas(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A curator's place name that a spreadsheet would run as a formula: the build accepts it (it is text).
    def edit(rows: dict, documents: dict) -> None:
        rows["offices"][0]["place"] = HOSTILE[0]

    db = tmp_path / "formula.duckdb"
    assert not build(write_package(tmp_path, edit), db)
    monkeypatch.setenv("CITYISO_DB", str(db))
    st.cache_data.clear()
    try:
        header, *body = rows(store.table_csv("offices"))
    finally:
        store.close_all()
        st.cache_data.clear()
    places = [r[header.index("place")] for r in body]
    assert sorted(places) == sorted(["'" + HOSTILE[0], "Testowo"])  # the county office's place is left alone
    assert sorted(r[header.index("longitude")] for r in body) == ["21.0", "21.1"]  # numbers unquoted, as built


PREFACE = ("Certyfikaty, „tabela”", 'Źródło: "cityiso"; dane z 2 grudnia 2026.', "Dane z 2026-12-02;\nzdarzenie")


def test_csv_starts_with_title_source_and_date_and_still_parses() -> None:
    df = pd.DataFrame({"Urząd": ["Łódź", "=HYPERLINK(1)"], "Liczba": [3, -4]})
    data = csv_bytes(df, PREFACE)
    lines = data.decode("utf-8-sig").splitlines()
    # Each line one cell, on one line, whatever commas, quotes or line breaks its text holds.
    assert [next(csv.reader([line])) for line in lines[:3]] == [
        ["# Certyfikaty, „tabela”"],
        ['# Źródło: "cityiso"; dane z 2 grudnia 2026.'],
        ["# Dane z 2026-12-02; zdarzenie"],
    ]
    assert lines[3] == "Urząd,Liczba"
    read = pd.read_csv(io.BytesIO(data), skiprows=3)  # the one line a researcher needs
    assert read.columns.tolist() == ["Urząd", "Liczba"]
    assert read["Urząd"].tolist() == ["Łódź", "'=HYPERLINK(1)"] and read["Liczba"].tolist() == [3, -4]
    assert rows(csv_bytes(df))[0] == ["Urząd", "Liczba"]  # no preface asked: the header first, as before


def test_a_preface_is_all_three_lines_or_none() -> None:
    with pytest.raises(ValueError, match="3 lines"):
        csv_bytes(pd.DataFrame({"a": [1]}), ("only a title",))


@pytest.fixture
def served(package_db: Path, monkeypatch: pytest.MonkeyPatch):
    """The fixture package's database as the app's, and every download button's arguments as they are drawn."""
    monkeypatch.setenv("CITYISO_DB", str(package_db))
    st.cache_data.clear()
    captured: list[dict] = []
    monkeypatch.setattr(st, "download_button", lambda *a, **kw: captured.append(kw))
    yield captured
    store.close_all()
    st.cache_data.clear()


def expected_dates(package_db: Path) -> str:
    with duckdb.connect(str(package_db), read_only=True) as con:
        built, last, precision = con.execute(
            "select (select max(built_at) from build_info), max(event_on), arg_max(event_on_precision, event_on)"
            " from events where not is_planned"
        ).fetchone()
    known = str(pd.Timestamp(last).date())[: {"year": 4, "month": 7}.get(precision, 10)]  # never a made-up day
    return f"# Dowody do {known}; baza z {pd.Timestamp(built).date()}."


def test_page_downloads_carry_title_source_date_and_neutralise_formulas(served: list, package_db: Path) -> None:
    ui.download_csv(pd.DataFrame({"Cytat": ["=1+1"], "Liczba": [-3]}), "x", "dl_x", title="Tytuł tabeli")
    data = served[0]["data"]()
    title, source, dated, *table = rows(data)
    assert title == ["# Tytuł tabeli"]
    assert source == [f"# {ui.source_line()}"] and source[0].startswith("# Źródło: cityiso, ")
    assert dated == [expected_dates(package_db)]
    assert table == [["Cytat", "Liczba"], ["'=1+1", "-3"]]
    assert "skiprows=3" in served[0]["help"]


def test_findings_download_carries_title_source_and_date(served: list, package_db: Path, open_page) -> None:
    open_page("praised", lang="en", tables="findings")  # the table's box open
    findings = next(kw for kw in served if kw["file_name"] == "cityiso_findings_en.csv")
    data = findings["data"]()
    title, source, dated = (r[0] for r in rows(data)[:3])
    assert title == "# All findings for these filters"
    assert source.startswith("# Source: cityiso, ") and dated.startswith("# Evidence up to ")
    table = pd.read_csv(io.BytesIO(data), skiprows=3)
    assert len(table) > 0 and "Quote" in " ".join(table.columns)


def test_every_table_download_reads_with_the_readme_recipe(package_db, monkeypatch) -> None:
    """The Sources page's whole-table downloads start with the same three preface lines as every other download, so
    pd.read_csv(f, skiprows=3) (the README's recipe) reads each table whole: its header, then all its rows."""
    import duckdb
    import pandas as pd

    monkeypatch.setenv("CITYISO_DB", str(package_db))
    st.cache_data.clear()
    try:
        with duckdb.connect(str(package_db), read_only=True) as con:
            for table in store.DOWNLOADABLE_TABLES:
                read = pd.read_csv(io.BytesIO(store.table_csv(table, PREFACE)), skiprows=3, encoding="utf-8-sig")
                columns = [c for (c,) in con.execute(f"select column_name from (describe {table})").fetchall()]
                count = con.execute(f"select count(*) from {table}").fetchone()[0]
                assert list(read.columns) == [c for c in columns if not (table == "sources" and c == "text")], table
                assert len(read) == count, table
    finally:
        store.close_all()
        st.cache_data.clear()
