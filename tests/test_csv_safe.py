"""Every CSV the app offers neutralises text cells a spreadsheet would run as formulas; numbers stay numbers."""

import csv
import io
from pathlib import Path

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


def test_page_downloads_neutralise_formulas(monkeypatch: pytest.MonkeyPatch) -> None:
    captured = {}
    monkeypatch.setattr(st, "download_button", lambda *a, **kw: captured.update(kw))
    ui.download_csv(pd.DataFrame({"Cytat": ["=1+1"], "Liczba": [-3]}), "x", "dl_x")
    _, *body = rows(captured["data"]())
    assert body == [["'=1+1", "-3"]]
