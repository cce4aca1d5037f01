"""The app's cache of named results is bounded: a number of entries, and no result longer than a page is kept (a
whole list for a download is made each time it is asked), so a session trying many filters stays within memory."""

import shutil
from pathlib import Path

import pytest
import streamlit as st

from cityiso import queries, store


@pytest.fixture
def runs(package_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The named queries actually run (not answered from the cache), on a served copy of the fixture package."""
    served = tmp_path / "served.duckdb"
    shutil.copy(package_db, served)
    monkeypatch.setenv("CITYISO_DB", str(served))
    st.cache_data.clear()
    ran: list[str] = []
    real_run = queries.run

    def counting_run(con, name, **params):
        ran.append(name)
        return real_run(con, name, **params)

    monkeypatch.setattr(queries, "run", counting_run)
    yield ran
    store.close_all()
    st.cache_data.clear()


def test_results_are_cached_up_to_a_bound(runs: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    assert store._fetch._info.max_entries == store.CACHED_RESULTS <= 64
    store.fetch("data_info")
    store.fetch("data_info")
    assert runs == ["data_info"]  # one row: kept
    monkeypatch.setattr(store, "CACHED_ROWS_AT_MOST", 1)
    overview = store.fetch("offices_overview", family=None)
    assert len(overview) > 1
    assert len(store.fetch("offices_overview", family=None)) == len(overview)
    assert runs == ["data_info", "offices_overview", "offices_overview"]  # longer than the bound: not kept


def test_a_whole_list_asked_for_a_download_is_not_cached(runs: list[str]) -> None:
    params = dict(queries.findings_filters(queries.OfficeFilter()), clause_keys=None, theme_keys=None, q=None)
    whole = store.CACHED_ROWS_AT_MOST + 1
    for _ in range(2):
        store.fetch("findings_page", **params, limit=whole, offset=0)
    assert runs == ["findings_page", "findings_page"]
