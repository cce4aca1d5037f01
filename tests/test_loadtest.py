"""The load command, tiny: two browser sessions, each once round every page (the rebuild of the served database
happens while they click), so every page is checked by both sessions on every run, however fast the machine."""

import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from cityiso.loadtest.data import build_package, facts
from cityiso.loadtest.pages import FILTER_PAGES, PAGES, ROUTE, how_next
from cityiso.loadtest.report import percentile
from cityiso.loadtest.sessions import CHROMIUM
from cityiso.paths import ROOT
from cityiso.queries import DEFAULT_FAMILY, OfficeFilter, run


@pytest.mark.parametrize(("values", "q", "expected"), [([], 50, None), ([3.0], 95, 3.0), ([1, 2, 3, 4], 50, 2)])
def test_percentile_is_nearest_rank(values: list[float], q: float, expected: float | None) -> None:
    assert percentile(values, q) == expected


@pytest.mark.parametrize("route", [ROUTE, ROUTE[::-1]], ids=["forward", "backward"])
def test_the_route_visits_every_page_and_never_clicks_between_two_filter_pages(route: tuple) -> None:
    assert sorted(route) == sorted(PAGES)
    for position, page in enumerate(route):
        following = route[(position + 1) % len(route)]
        if how_next(route, position) == "sidebar":
            assert not {page, following} <= FILTER_PAGES, (page, following)


def test_each_rebuild_adds_one_document_that_every_view_counts(tmp_path: Path) -> None:
    """The load test's synthetic package: one more document per rebuild, counted by any office's source line."""
    counts = []
    for extra in (0, 1):
        db = build_package(tmp_path, f"v{extra}", extra)
        documents, heading = facts(db)
        with duckdb.connect(str(db), read_only=True) as con:
            office = run(con, "offices_overview", family=None).iloc[0]
            shown = run(
                con,
                "selection_info",
                **OfficeFilter((office["office_id"],)).params(),
                family=DEFAULT_FAMILY,
                as_of=None,
            )
        assert heading == office["office_label"]
        assert shown["count_documents"].iloc[0] == documents
        counts.append(documents)
    assert counts[1] == counts[0] + 1


@pytest.mark.browser
def test_two_sessions_see_a_rebuild_without_errors(tmp_path: Path) -> None:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM}: install Debian's package (apt-get install chromium) to run it")
    pytest.importorskip("playwright.async_api")
    report_path = tmp_path / "load.json"
    tiny = ["--sessions", "2", "--seconds", "10", "--rebuilds", "1", "--think", "1", "--rounds", "1"]
    tiny += ["--page-timeout", "90", "--json", str(report_path)]
    done = subprocess.run(
        [sys.executable, "-m", "cityiso.loadtest", *tiny],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert report_path.exists(), done.stdout + done.stderr
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert report["errors"] == [], done.stdout
    # Both sessions drew every page (the office profile's heading is the office's label, as the app names it).
    assert {name: report["pages"][name]["loads"] >= 2 for name in PAGES} == dict.fromkeys(PAGES, True)
    (rebuild,) = report["rebuilds"]
    assert rebuild["documents"] == report["documents_before"] + 1
    assert rebuild["sessions_saw"] == 2, done.stdout
    assert rebuild["older_data_after_replace"] == 0
    assert report["count_outside_requests"] == 0
    assert done.returncode == 0, done.stdout + done.stderr
