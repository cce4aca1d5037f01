"""Pages under AppTest, on the database built from the real curated data."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from cityiso.paths import ROOT


@pytest.fixture
def app(real_db: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv("CITYISO_DB", str(real_db))
    return AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=30)


def test_overview_shows_counts_from_the_data(app: AppTest) -> None:
    app.run()
    assert not app.exception
    metrics = {m.label: m.value for m in app.metric}
    assert metrics == {"Urzędy": "4", "Audyty": "6", "Obszary docenione": "34"}


def test_missing_database_is_a_message_not_a_traceback(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CITYISO_DB", str(tmp_path / "none.duckdb"))
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=30).run()
    assert not app.exception
    assert "Brak bazy danych" in app.error[0].value
