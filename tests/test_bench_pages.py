"""The pages benchmark (python -m cityiso.bench pages): its views and budgets, and one tiny run end to end in
Chromium on the fixture package that yields every field of its report; no timing is asserted."""

import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from cityiso import queries
from cityiso.bench.pages import EMPTY, Choices, Visit, memory_views, summarise, views
from cityiso.loadtest.pages import PAGES
from cityiso.loadtest.sessions import CHROMIUM
from tests.fixture_package import write_package

ROOT = Path(__file__).resolve().parents[1]

CHOICES = Choices("mazowieckie", "city_hall", "o1", ["mazowieckie", "śląskie"], ["city_hall", "county"], ["o1", "o2"])


def test_every_page_has_its_default_view_and_each_filter_it_takes() -> None:
    found = {(v.page, v.variant): v for v in views(CHOICES)}
    assert {page for page, _ in found} == set(PAGES)
    assert all((page, "default") in found for page in PAGES)
    assert found[("cycles", "voivodeship")].params == {"voivodeships": "mazowieckie"}
    assert found[("praised", "office kind")].params == {"office_kinds": "city_hall"}
    assert found[("compare", "office")].params == {"offices": "o1"}
    assert found[("office", "office")].params == {"office": "o1"}
    assert ("sources", "office") not in found and ("office", "voivodeship") not in found  # filters they lack
    assert "voivodeships=mazowieckie" in found[("cycles", "voivodeship")].url("http://x")


def test_the_memory_session_tries_distinct_views() -> None:
    session = memory_views(CHOICES, 12)
    assert len(session) == 12
    assert len({(v.page, tuple(sorted(v.params.items()))) for v in session}) == 12
    assert all(v.params for v in session)  # every one filtered


def test_each_view_is_held_to_three_times_the_empty_page_plus_half_a_second() -> None:
    def visit(view: str, temperature: str, drawn: float) -> Visit:
        return Visit(view, "default", temperature, 1, drawn_s=drawn, script_s=drawn / 2, server_cpu_s=0.1)

    rows = summarise(
        [
            visit(EMPTY, "cold", 1.0),
            visit(EMPTY, "warm", 0.5),
            visit("cycles", "cold", 3.4),  # limit 3.5
            visit("cycles", "warm", 2.1),  # limit 2.0
            Visit("office", "default", "warm", 1, error="timeout", detail="not drawn"),
        ]
    )["views"]
    by = {(r["page"], r["temperature"]): r for r in rows}
    assert (by[("cycles", "cold")]["limit_s"], by[("cycles", "cold")]["passed"]) == (3.5, True)
    assert (by[("cycles", "warm")]["limit_s"], by[("cycles", "warm")]["passed"]) == (2.0, False)
    assert by[("office", "warm")]["passed"] is False and by[("office", "warm")]["count_errors"] == 1
    assert by[(EMPTY, "warm")]["passed"] is None


def test_a_view_is_held_to_the_empty_page_visited_just_before_it() -> None:
    # The machine slowed down while praised was measured: its paired floor says so, and its limit follows.
    def visit(view: str, drawn: float, floor: float | None) -> Visit:
        return Visit(view, "default", "warm", 1, drawn_s=drawn, script_s=drawn / 2, floor_s=floor)

    rows = summarise(
        [
            visit(EMPTY, 0.5, None),
            visit(EMPTY, 0.5, None),
            visit(EMPTY, 1.0, None),
            visit("cycles", 2.1, 0.5),  # 3 x 0.5 + 0.5 = 2.0: over
            visit("praised", 3.2, 1.0),  # 3 x 1.0 + 0.5 = 3.5: within, though over the median floor's 2.0
            visit("praised", 3.3, 0.9),
            visit("office", 1.9, None),  # its empty visit failed: the empty page's median (0.5)
        ]
    )["views"]
    by = {r["page"]: r for r in rows}
    assert (by["cycles"]["floor_s"], by["cycles"]["limit_s"], by["cycles"]["passed"]) == (0.5, 2.0, False)
    assert (by["praised"]["floor_s"], by["praised"]["limit_s"], by["praised"]["passed"]) == (0.95, 3.35, True)
    assert (by["office"]["floor_s"], by["office"]["limit_s"], by["office"]["passed"]) == (0.5, 2.0, True)


@pytest.mark.browser
def test_a_tiny_run_measures_pages_and_memory_end_to_end(tmp_path: Path) -> None:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM}: install Debian's package (apt-get install chromium) to run it")
    pytest.importorskip("playwright.async_api")
    data, db, out = write_package(tmp_path / "package"), tmp_path / "fixture.duckdb", tmp_path / "pages.json"
    argv = ["pages", "--data", str(data), "--db", str(db), "--repeat", "1", "--pages", "office"]
    argv += ["--memory-views", "3", "--page-timeout", "120", "--json", str(out), "--markdown", str(tmp_path / "p.md")]
    # In its own process, as a maintainer runs it: a worker that ran a browser test before holds Playwright's
    # event loop, under which the benchmark's own asyncio.run() would refuse to start.
    done = subprocess.run([sys.executable, "-m", "cityiso.bench", *argv], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(out.read_text(encoding="utf-8"))

    visits = report["visits"]
    assert [v for v in visits if v["error"]] == []
    seen = {(v["view"], v["variant"], v["temperature"]) for v in visits}
    # One page with its two views (the filters' views are the unit test's above): each server start costs seconds.
    expected = {(EMPTY, "default"), ("office", "default"), ("office", "office")}
    assert seen == {(*view, temperature) for view in expected for temperature in ("cold", "warm")}
    for v in visits:
        assert 0 < v["script_s"] <= v["drawn_s"], v
        assert v["elements"] > 0 and v["server_cpu_s"] >= 0, v
    # Each page visit comes just after an empty page visit of its temperature, whose time is its floor.
    for empty, page in zip(visits[::2], visits[1::2], strict=True):
        assert (empty["view"], page["view"]) == (EMPTY, "office"), (empty, page)
        assert empty["temperature"] == page["temperature"] and page["floor_s"] == empty["drawn_s"] > 0
    assert all(v["charts"] >= 1 for v in visits if v["view"] == "office")
    with duckdb.connect(str(db), read_only=True) as con:
        labels = queries.run(con, "offices_overview", family=None).set_index("office_id")["office_label"]
    profile = [v for v in visits if v["view"] == "office" and v["variant"] == "office"]
    assert {v["heading"] for v in profile} == {labels[report["choices"]["office"]]}  # the office chosen was shown
    assert {v["heading"] for v in visits if v["view"] == "office"} <= set(labels)  # the default view shows one too

    rows = report["pages"]["views"]
    assert set(report["pages"]["floor_s"]) == {"cold", "warm"}
    for r in rows:
        assert r["drawn_s"] is not None and r["limit_s"] is not None, r
        assert isinstance(r["passed"], bool) or r["page"] == EMPTY, r

    memory = report["memory"]
    assert memory["views"] == len(memory["after_each_view"]) == 3
    assert all(a["error"] is None for a in memory["after_each_view"])
    assert memory["peak_mb"] >= memory["start_rss_mb"] > 0 and memory["count_samples"] > 0
    assert isinstance(memory["passed"], bool)
    assert {"load_average_at_start", "load_average_at_end", "cores", "date"} <= set(report["conditions"])
    assert "| office | office |" in (tmp_path / "p.md").read_text(encoding="utf-8")
