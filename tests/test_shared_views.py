"""Views are made once per database, view, context and arguments and shared by every session (ui.shared_view): a
second visit builds no figure, while another language, filter, argument or a rebuilt database gets its own."""

import datetime as dt
import os
import shutil
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import pytest
import streamlit as st

from cityiso import store
from cityiso.app import ui
from cityiso.views import Context, OfficeFilter, View, without_figure


@pytest.fixture
def served(package_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A served copy of the fixture package, the shared views emptied before and after."""
    path = tmp_path / "served.duckdb"
    shutil.copy(package_db, path)
    monkeypatch.setenv("CITYISO_DB", str(path))
    st.cache_resource.clear()
    yield path
    store.close_all()
    st.cache_resource.clear()


def counted(made: list) -> object:
    def make_view(ctx: Context, rows: pd.DataFrame, measure: str = "count") -> View:
        made.append((ctx.lang, measure, len(rows)))
        return View("key", f"{ctx.lang} {measure}", "")

    return make_view


def context(lang: str = "en", offices: tuple = ()) -> Context:
    return Context(store.fetch, lang, OfficeFilter(offices), "ISO 9001", dt.date(2019, 10, 1), "Source: cityiso")


def test_a_view_is_made_once_for_the_same_context_and_arguments(served: Path) -> None:
    made: list = []
    make_view = counted(made)
    rows = pd.DataFrame({"office_id": ["a", "b"], "themes": [["x"], ["y", "z"]]})  # list cells, as cycles' rows
    first = ui.shared_view(make_view, context(), rows, measure="share")
    # Equal rows from another fetch (a filtered frame, whose pickle differs from an equal frame's) find it too.
    again = ui.shared_view(make_view, context(), rows[rows["office_id"].isin(["a", "b"])], measure="share")
    assert again is first and made == [("en", "share", 2)]


@pytest.mark.parametrize(
    "change",
    [
        lambda rows: (context("pl"), rows, "share"),  # another language
        lambda rows: (context(offices=("a",)), rows, "share"),  # another filter
        lambda rows: (context(), rows.iloc[:1], "share"),  # other rows
        lambda rows: (context(), rows, "count"),  # another argument
    ],
    ids=["language", "filter", "rows", "argument"],
)
def test_another_context_or_argument_gets_its_own_view(served: Path, change) -> None:
    made: list = []
    make_view = counted(made)
    rows = pd.DataFrame({"office_id": ["a", "b"]})
    ui.shared_view(make_view, context(), rows, measure="share")
    ctx, other_rows, measure = change(rows)
    ui.shared_view(make_view, ctx, other_rows, measure=measure)
    assert len(made) == 2


def test_a_rebuilt_database_gets_new_views(served: Path) -> None:
    made: list = []
    make_view = counted(made)
    rows = pd.DataFrame({"office_id": ["a"]})
    ui.shared_view(make_view, context(), rows)
    rebuilt = served.with_name("rebuilt.duckdb")
    shutil.copy(served, rebuilt)
    os.replace(rebuilt, served)  # as a build replaces the served file: another inode
    ui.shared_view(make_view, context(), rows)
    assert len(made) == 2


def test_a_second_visit_draws_the_same_charts_without_building_them(open_page, monkeypatch) -> None:
    """The cycles page's timeline: the second session gets the first one's figure, unchanged."""
    from cityiso.views import cycles

    st.cache_resource.clear()
    built: list = []
    real = cycles.certification_timeline

    def counting(*args, **kwargs):
        built.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(cycles, "certification_timeline", counting)
    first = open_page("cycles", lang="en", as_of="2019-10-01")
    second = open_page("cycles", lang="en", as_of="2019-10-01")
    assert len(built) == 1
    assert [c.proto.spec for c in second.get("plotly_chart")] == [c.proto.spec for c in first.get("plotly_chart")]
    open_page("cycles", lang="pl", as_of="2019-10-01")
    assert len(built) == 2
    st.cache_resource.clear()


def test_shared_views_are_bounded() -> None:
    """At most CACHED_VIEWS views with charts are kept (the largest, a page's timeline, holds a few MB), and at most
    CACHED_TABLE_VIEWS without (the largest under 1 MB)."""
    assert ui._shared_view._info.max_entries == ui.CACHED_VIEWS <= 24
    assert ui._shared_table_view._info.max_entries == ui.CACHED_TABLE_VIEWS <= 48


def test_views_without_a_figure_never_push_a_chart_out(served: Path) -> None:
    """The pages' tables are kept apart from their charts: as many tables as there is room for charts, made after
    a chart, leave the chart shared."""
    charts: list = []
    chart = counted(charts)
    rows = pd.DataFrame({"office_id": ["a"]})
    ui.shared_view(chart, context(), rows)

    @without_figure
    def table(ctx: Context, n: int) -> View:
        return View("table", f"table {n}", "")

    for n in range(ui.CACHED_VIEWS + 1):
        ui.shared_view(table, context(), n)
    ui.shared_view(chart, context(), rows)
    assert len(charts) == 1


def test_a_view_marked_without_figure_that_makes_one_is_refused(served: Path) -> None:
    @without_figure
    def table(ctx: Context) -> View:
        return View("table", "table", "", figure=go.Figure())

    with pytest.raises(TypeError, match="without_figure"):
        ui.shared_view(table, context())


def _count_views(monkeypatch: pytest.MonkeyPatch, made: list) -> None:
    """Every view function of cityiso.views (a name ending in _view, and the office profile's findings by clause),
    counted each time it runs; wrapped with its own name, so ui.shared_view keys it as before."""
    import functools
    import importlib
    import inspect

    for name in ("cycles", "national", "peers", "praise", "sources", "compare"):
        module = importlib.import_module(f"cityiso.views.{name}")
        for attr, value in vars(module).items():
            maker = attr.endswith("_view") or attr == "office_findings"
            if maker and inspect.isfunction(value) and value.__module__ == module.__name__:

                @functools.wraps(value)
                def counting(*args, _real=value, **kwargs):
                    made.append(f"{_real.__module__}.{_real.__qualname__}")
                    return _real(*args, **kwargs)

                monkeypatch.setattr(module, attr, counting)


@pytest.mark.parametrize(
    ("page", "params"),
    [
        ("overview", {"office": "testowo"}),  # with an office: its history and its peers too
        ("cycles", {"tables": "certificates,events"}),  # the boxed tables opened
        ("praised", {}),
        ("compare", {}),
        ("office", {"office": "testowo"}),
    ],
)
def test_a_second_visit_makes_no_view_again(open_page, monkeypatch, page: str, params: dict) -> None:
    """Whatever a page shows from a view function is made once and shared: a second visit of the same view (another
    session) runs none of them."""
    st.cache_resource.clear()
    made: list = []
    _count_views(monkeypatch, made)
    open_page(page, lang="en", as_of="2019-10-01", **params)
    assert made, "the first visit makes the page's views"
    made.clear()
    open_page(page, lang="en", as_of="2019-10-01", **params)
    assert made == []
    st.cache_resource.clear()
