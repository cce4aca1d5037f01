"""Figure functions tested by their properties: traces, names, axes and the data they carry."""

import datetime as dt

import pandas as pd
import plotly.graph_objects as go
import pytest

from cityiso.figures.common import date_ticks, for_slide
from cityiso.figures.maps import voivodeship_shapes
from cityiso.figures.overview import label_positions, status_map, yearly_activity
from cityiso.figures.praise import HEAT_PLOT_PX, HEAT_SQUARE_PX, category_bars, column_names, theme_heatmap
from cityiso.figures.timeline import EVENT_SYMBOLS, certification_timeline, open_symbol
from cityiso.labels import t
from cityiso.queries import run
from cityiso.views.praise import category_frame
from tests.conftest import praised_by

SOURCE = "Źródło: test"
ALL = ["alpha", "beta"]
FILTERS = dict(
    offices=ALL, kinds=["praise"], voices=["auditor"], year_from=2000, year_to=2030, include_undated=True, family=None
)
EVERY = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta"]
NO_LINES = pd.DataFrame(columns=["standard", "transition_ends_on"])

EVER = dt.date(2100, 1, 1)  # an as-of date after every event of the fixtures


def timeline(con, offices: list[str], family: str | None = None, **kw):
    spans = run(con, "certificate_spans", offices=offices, family=family)
    events = run(con, "events_by_certificate", offices=offices, family=family)
    return certification_timeline(spans, events, kw.pop("transitions", NO_LINES), kw.pop("lang", "pl"), SOURCE, **kw)


def test_category_bars_draw_clauses_in_clause_order_and_themes_most_praised_first(fixture_con) -> None:
    """One function for both categories: clauses top down from 4 with 'no clause' last, themes by total; the axis
    is named by the category; an unknown category is refused."""
    by_clause = praised_by(fixture_con, "clause", **FILTERS)
    clauses = category_bars(by_clause, "clause", "en", "count", "T", SOURCE)
    numbers = [int(label.split()[0]) for label in clauses.layout.yaxis.tickvals if label[0].isdigit()]
    assert numbers == sorted(numbers) and clauses.layout.yaxis.title.text == t("clause", "en")
    by_theme = praised_by(fixture_con, "theme", **FILTERS)
    themes = category_bars(by_theme, "theme", "en", "count", "T", SOURCE)
    totals = by_theme.groupby("theme_en")["count_findings"].sum()
    assert [totals[r] for r in themes.layout.yaxis.tickvals] == sorted(totals, reverse=True)
    with pytest.raises(ValueError, match="unknown category 'office'"):
        category_bars(by_theme, "office", "en", "count", "T", SOURCE)
    with pytest.raises(ValueError, match="unknown category 'office'"):
        category_frame(by_theme, "office")


def test_every_figure_has_title_axis_titles_and_source_line(fixture_con) -> None:
    by_clause = praised_by(fixture_con, "clause", **FILTERS)
    by_theme = praised_by(fixture_con, "theme", **FILTERS)
    for fig in (
        category_bars(by_clause, "clause", "pl", "count", "Tytuł", SOURCE),
        category_bars(by_theme, "theme", "en", "share", "Title", SOURCE),
        theme_heatmap(by_theme, "pl", "count", "Tytuł", SOURCE),
        timeline(fixture_con, ALL, lang="en"),
    ):
        assert fig.layout.title.text in ("Tytuł", "Title", "Certificates and events over time")
        assert fig.layout.xaxis.title.text and fig.layout.yaxis.title.text
        assert any(a.text == SOURCE for a in fig.layout.annotations)


def test_clause_bars_carry_city_and_clause(fixture_con) -> None:
    df = praised_by(fixture_con, "clause", **FILTERS)
    fig = category_bars(df, "clause", "en", "count", "T", SOURCE)
    alpha = next(t for t in fig.data if t.name == "Łódź")
    assert list(alpha.y) == ["5 Leadership", "7 Support"]
    assert list(alpha.x) == [2, 1]
    assert [list(c) for c in alpha.customdata] == [["alpha", 5], ["alpha", 7]]
    beta = next(t for t in fig.data if t.name == "Zabrze")
    assert list(beta.y) == ["no clause"] and [list(c) for c in beta.customdata] == [["beta", ""]]


def test_share_measure_formats_percentages(fixture_con) -> None:
    df = praised_by(fixture_con, "clause", **FILTERS)
    fig = category_bars(df, "clause", "pl", "share", "T", SOURCE)
    assert fig.layout.xaxis.tickformat == ".0%"
    assert fig.layout.xaxis.title.text == "Udział w ustaleniach audytu"
    assert list(next(t for t in fig.data if t.name == "Łódź").x) == pytest.approx([0.75, 0.25])


def test_heatmap_is_one_selectable_square_per_office_and_theme(fixture_con) -> None:
    df = praised_by(fixture_con, "theme", **FILTERS)
    fig = theme_heatmap(df, "pl", "count", "T", SOURCE)
    (cells,) = fig.data
    assert cells.marker.symbol == "square"
    assert sorted(map(tuple, cells.customdata)) == [("alpha", "comm"), ("alpha", "it"), ("beta", "it")]
    assert list(cells.text) == ["2", "1", "1"]


def test_timeline_draws_exact_and_approximate_validity_apart(fixture_con) -> None:
    transitions = pd.DataFrame({"standard": ["ISO 9001:2008"], "transition_ends_on": [pd.Timestamp("2018-09-15")]})
    fig = timeline(fixture_con, ["alpha"], "ISO 9001", transitions=transitions, as_of=dt.date(2018, 6, 1))
    exact = next(t for t in fig.data if t.name == "ISO 9001:2015 (ważność potwierdzona)")
    approximate = next(t for t in fig.data if t.name == "ISO 9001:2015 (ważność przybliżona)")
    assert exact.marker.pattern.shape == "" and approximate.marker.pattern.shape == "/"
    # cert-a: issued "2016" (sure from the end of 2016) until 31 May 2019; loose from 1 January 2016.
    assert list(exact.base) == ["2016-12-31T00:00:00"] and list(approximate.base) == ["2016-01-01T00:00:00"]
    assert list(exact.y) == ["Łódź · ISO 9001:2015"]
    kinds = {t.name for t in fig.data if t.type == "scatter"}
    assert kinds == {"Audyt nadzoru", "Audyt nadzoru (planowany)"}
    surveillance = next(t for t in fig.data if t.name == "Audyt nadzoru")
    assert list(surveillance.marker.opacity) == [1.0, 0.45]  # the 2018 audit's date is inferred
    assert [s.x0 for s in fig.layout.shapes] == [dt.date(2018, 9, 15), dt.date(2018, 6, 1)]


def test_planned_event_is_an_open_marker_of_its_kind(fixture_con) -> None:
    fig = timeline(fixture_con, ["alpha"], "ISO 9001")
    planned = next(t for t in fig.data if t.name == "Audyt nadzoru (planowany)")
    held = next(t for t in fig.data if t.name == "Audyt nadzoru")
    assert planned.marker.symbol == "circle-open" and held.marker.symbol == "circle"


def test_concurrent_certificates_of_one_office_each_have_a_row(fixture_con) -> None:
    fig = timeline(fixture_con, ["alpha"], None, lang="en")
    bars = [t for t in fig.data if t.type == "bar"]
    rows = {y: c for t in bars for y, c in zip(t.y, t.customdata, strict=True)}
    assert rows == {"Łódź · ISO 9001:2015": "cert-a", "Łódź · ISO 37120:2014": "cert-a37"}
    assert list(fig.layout.yaxis.categoryarray) == ["Łódź · ISO 9001:2015", "Łódź · ISO 37120:2014"]  # bottom up
    # The audit concerning both certificates is drawn on both rows.
    audit = next(t for t in fig.data if t.name == "Surveillance audit")
    on_rows = [y for y, (event, _) in zip(audit.y, audit.customdata, strict=True) if event == "a-2017"]
    assert sorted(on_rows) == ["Łódź · ISO 37120:2014", "Łódź · ISO 9001:2015"]


def test_open_ended_certificate_is_drawn_open(fixture_con) -> None:
    fig = timeline(fixture_con, ["alpha"], "ISO 37120", lang="en")
    faded = next(t for t in fig.data if t.name == "ISO 37120:2014 (no known end)")
    assert list(faded.customdata) == ["cert-a37"]
    assert faded.marker.pattern.shape == "." and faded.marker.opacity < 1
    arrow = next(t for t in fig.data if t.name == "→ no known end")
    assert list(arrow.text) == ["→"] and list(arrow.customdata) == ["cert-a37"]
    closed = timeline(fixture_con, ["alpha"], "ISO 9001", lang="en")
    assert not [t for t in closed.data if "no known end" in (t.name or "")]


def test_registration_shares_a_row_and_certificates_without_dates_are_named(fixture_con) -> None:
    fig = timeline(fixture_con, ["delta"], "ISO 9001")
    assert {y for t in fig.data if t.type == "bar" for y in t.y} == {"Kalisz · ISO 9001:2000/2008"}
    spans = run(fixture_con, "certificate_spans", offices=["beta"], family="ISO 14001")
    undated = spans.assign(window_start_on=pd.NaT, window_end_on=pd.NaT, sure_start_on=pd.NaT, sure_end_on=pd.NaT)
    events = run(fixture_con, "events_by_certificate", offices=["beta"], family="ISO 14001")
    fig = certification_timeline(undated, events, NO_LINES, "en", SOURCE)
    note = next(a for a in fig.layout.annotations if a.name == "undated_note")
    assert "no dated evidence (not on the timeline): 1" in note.text and "Zabrze · ISO 14001:2015" in note.text
    assert not [t for t in fig.data if t.type == "bar"]


def test_timeline_colours_by_body(fixture_con) -> None:
    fig = timeline(fixture_con, ALL, None, lang="en", color_by="body")
    assert "BODY (validity shown)" in {t.name for t in fig.data}


def test_status_map_places_offices_on_poland(fixture_con) -> None:
    status = run(fixture_con, "office_status_on_date", as_of=dt.date(2018, 6, 1), family="ISO 9001")
    fig = status_map(status, voivodeship_shapes(), "en", "1 June 2018", SOURCE, "ISO 9001")
    outline = [t for t in fig.data if t.name == "outline"]
    assert len(outline) == 16 and all(14 < x < 24.2 for t in outline for x in t.x if x is not None)
    placed = {t.name: list(t.customdata) for t in fig.data if t.name != "outline"}
    # beta holds only ISO 14001: no evidence in the ISO 9001 map.
    assert placed == {
        "valid": ["epsilon", "alpha"],  # in Polish order of places
        "valid (approximate)": ["delta"],
        "expired": ["gamma"],
        "lapsed": ["zeta"],
        "no evidence (not known whether certified)": ["beta"],
    }
    assert fig.layout.title.text.endswith("ISO 9001 · Status on: 1 June 2018</sup>")


def test_yearly_activity_stacks_praise_by_clause(fixture_con) -> None:
    praised = run(fixture_con, "praised_per_year_by_clause", offices=ALL, family="ISO 9001", as_of=EVER)
    audits = run(fixture_con, "audits_per_year", offices=ALL, family="ISO 9001", as_of=EVER)
    fig = yearly_activity(praised, audits, "pl", SOURCE)
    bars = {t.name: dict(zip(t.x, t.y, strict=True)) for t in fig.data if t.type == "bar"}
    assert bars == {"5 Przywództwo": {2017: 1, 2018: 1}, "7 Wsparcie": {2017: 1}}
    assert fig.layout.barmode == "stack"


@pytest.mark.parametrize("kind", sorted(EVENT_SYMBOLS))
def test_every_event_kind_has_a_plotly_symbol_held_and_planned(kind: str) -> None:
    for symbol in (EVENT_SYMBOLS[kind], open_symbol(EVENT_SYMBOLS[kind])):
        go.Scatter(marker={"symbol": symbol})  # raises on a symbol Plotly does not know


# On the fixture package (tests/fixture_package.py): a city hall and a county office of one town, Testowo.
TESTOWO = ["testowo", "testowo-powiat"]


def test_two_offices_of_one_place_are_two_bars_columns_and_rows(package_con) -> None:
    """Drawn from raw query results (place 'Testowo' twice), offices stay apart, each by its office_label."""
    filters = FILTERS | {"offices": TESTOWO, "family": "ISO 9001"}
    by_theme = praised_by(package_con, "theme", **filters)
    bars = category_bars(by_theme, "theme", "en", "count", "T", SOURCE)
    assert {t.name: list(t.y) for t in bars.data} == {
        "Testowo (Urząd Miasta Testowo)": ["IT", "Leadership commitment"],
        "Testowo (Starostwo Powiatowe w Testowie)": ["Client service"],
    }
    heatmap = theme_heatmap(by_theme, "en", "count", "T", SOURCE)
    assert list(heatmap.layout.xaxis.categoryarray) == [
        "Testowo (Urząd Miasta Testowo)",
        "Testowo (Starostwo Powiatowe w Testowie)",
    ]
    fig = timeline(package_con, TESTOWO, "ISO 9001", lang="en")
    assert list(fig.layout.yaxis.categoryarray)[::-1] == [
        "Testowo (Starostwo Powiatowe w Testowie) · ISO 9001:2000/2008",  # spans carry the office's name
        "Testowo (Urząd Miasta Testowo) · ISO 9001:2015",
    ]
    # Row names wrap (on one line they left the dates a sliver of a half-width chart).
    lines = [line for text in fig.layout.yaxis.ticktext for line in text.split("<br>")]
    assert max(len(line) for line in lines) <= 40 and len(lines) > len(fig.layout.yaxis.ticktext)
    # The legend runs under the chart (beside it, it left the dates a third of the width), below the source line.
    assert fig.layout.legend.orientation == "h" and fig.layout.legend.yref == "container"
    assert fig.layout.margin.b > 70


def test_timeline_leaves_room_under_the_chart_for_its_whole_legend(package_con) -> None:
    """Two rows but nine legend entries (five bars, four kinds of event), in rows of three under the chart: the
    bottom margin holds them below the axis and the source line, and the rows keep their height."""
    fig = timeline(package_con, TESTOWO, "ISO 9001", lang="en")
    entries = [t for t in fig.data if t.showlegend is not False]
    assert len(entries) == 9
    assert fig.layout.margin.b - 70 >= 22 * 3  # three legend rows of 22 px (Chromium draws 19-20 px an entry)
    plot_height = fig.layout.height - fig.layout.margin.t - fig.layout.margin.b
    assert plot_height >= 2 * 50


def test_map_labels_offices_of_one_spot_above_and_below_it(package_con) -> None:
    """The two Testowo offices stand 0.1° apart: labels in one row would overprint each other."""
    status = run(package_con, "office_status_on_date", as_of=dt.date(2012, 6, 1), family="ISO 9001")
    fig = status_map(status, voivodeship_shapes(), "en", "1 June 2012", SOURCE, "ISO 9001")
    placed = {
        i: (text, position)
        for trace in fig.data
        if trace.name != "outline"
        for i, text, position in zip(trace.customdata, trace.text, trace.textposition, strict=True)
    }
    assert placed == {
        "testowo": ("Testowo (Urząd Miasta Testowo)", "top center"),
        "testowo-powiat": ("Testowo (Starostwo Powiatowe w Testowie)", "bottom center"),
    }
    hovers = [h for trace in fig.data if trace.name != "outline" for h in trace.hovertext]
    assert any(h.startswith("<b>Testowo (Starostwo Powiatowe w Testowie)</b>") for h in hovers)
    assert [list(t.textfont.size) for t in fig.data if t.name != "outline"] == [[11], [11]]  # long names: smaller
    # Apart, each label stands right of its marker, or left where a long one would run past the east edge.
    apart = status.assign(latitude=[52.1, 53.1], office_label=["Testowo (Urząd Miasta Testowo)", "Nowe"])
    assert label_positions(apart) == {"testowo": "middle left", "testowo-powiat": "middle right"}


def test_yearly_bars_keep_to_their_year_and_count_in_whole_steps(package_con) -> None:
    """Praise in 2012 and 2018 only: each bar 0.8 of a year wide, not spread over the empty years between."""
    praised = run(package_con, "praised_per_year_by_clause", offices=TESTOWO, family="ISO 9001", as_of=EVER)
    audits = run(package_con, "audits_per_year", offices=TESTOWO, family="ISO 9001", as_of=EVER)
    fig = yearly_activity(praised, audits, "en", SOURCE)
    assert {t.width for t in fig.data if t.type == "bar"} == {0.8}
    assert fig.layout.yaxis.dtick == 1


HOSTILE = '<a href="http://evil.example">x</a><b>y</b>'


def test_curated_text_is_literal_in_every_figure(fixture_con) -> None:
    """Plotly renders <a href>, <b> and <span style> in labels and hovers: curated text reaches it escaped."""
    by_theme = praised_by(fixture_con, "theme", **FILTERS).assign(theme_pl=HOSTILE, office_label=HOSTILE)
    spans = run(fixture_con, "certificate_spans", offices=ALL, family=None).assign(office_label=HOSTILE, quote=HOSTILE)
    events = run(fixture_con, "events_by_certificate", offices=ALL, family=None).assign(office_label=HOSTILE)
    figures = [
        category_bars(by_theme, "theme", "pl", "count", "Title", SOURCE),
        theme_heatmap(by_theme, "pl", "count", "Title", SOURCE),
        certification_timeline(spans, events, NO_LINES, "pl", SOURCE),
    ]
    for fig in figures:
        text = fig.to_json()
        assert "evil.example" in text  # the payload is there, as text
        assert "<a href" not in text and "\\u003ca" not in text.lower() and "<b>y" not in text


def test_a_trend_legend_stands_inside_the_figure_under_its_title() -> None:
    """frame() puts a top legend under the title, in the figure's own (container) coordinates; a trend chart must
    not move it again (y 1.02 of the container drew it above the figure, where no one saw it)."""
    from cityiso.figures import trends

    flows = pd.DataFrame(
        {
            "year": [2015, 2016],
            "count_newly_certified": [1, 0],
            "count_first_evidence": [1, 0],
            "count_certified_again": [0, 1],
            "count_lost": [0, 1],
            "count_recertifications": [0, 1],
        }
    )
    fig = trends.flows_by_year(flows, "pl", "Źródło: cityiso", "ISO 9001")
    legend, height = fig.layout.legend, fig.layout.height
    assert legend.yref == "container" and legend.yanchor == "top"
    assert 0 < legend.y < fig.layout.title.y < 1
    assert (1 - legend.y) * height + 26 * 2 <= fig.layout.margin.t  # two rows of entries above the plot


def test_date_axes_are_labelled_in_the_page_s_language() -> None:
    """Plotly would write 'Mar 2016' on a Polish page: months come from Babel, years when the span is long."""
    short = date_ticks([dt.date(2016, 3, 1), dt.date(2016, 11, 19)], "pl")
    assert short["ticktext"][:3] == ["mar 2016", "kwi 2016", "maj 2016"] and short["tickvals"][0] == "2016-03-01"
    long = date_ticks([dt.date(2002, 3, 1), pd.Timestamp("2019-09-19")], "en")
    assert long["ticktext"][0] == "2002" and all(t.isdigit() for t in long["ticktext"])
    assert date_ticks([None, pd.NaT], "pl") == {}


def test_heatmap_columns_name_every_office_apart_however_long_its_label() -> None:
    """Few columns wrap a long label whole; many (upright) cut it, and two labels alike for 30 characters keep their
    ends, so no two columns read the same."""
    few = ["Testowo (Starostwo Powiatowe w Testowie)", "Testowo (Urząd Miasta Testowo)"]
    assert [name.replace("<br>", " ") for name in column_names(few, upright=False)] == few
    assert all(len(line) <= 12 for name in column_names(few, False, 12) for line in name.split("<br>"))
    many = [f"Nowa Wieś (Urząd Gminy Nowa Wieś, {v})" for v in ("mazowieckie", "śląskie")] + [
        f"Miasto {n}" for n in range(8)
    ]
    names = column_names(many, upright=True)
    assert len(set(names)) == len(names) and all(len(n) <= 30 for n in names)
    assert names[0].endswith("mazowieckie)") and names[1].endswith("śląskie)")
    assert names[2] == "Miasto 0"


def _heat_rows(columns: int, themes: int = 1, office: str = "Urząd Miasta i Gminy") -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "office_id": f"o{i}",
                "office_label": f"Miasto {i} ({office} Miasto {i})",
                "theme_id": f"t{j}",
                "theme_pl": f"Temat {j}",
                "theme_en": f"Theme {j}",
                "count_findings": i + j + 1,
                "share_of_events": 0.5,
            }
            for i in range(columns)
            for j in range(themes)
        ]
    )


@pytest.mark.parametrize(
    ("columns", "office", "flat"),
    [
        (2, "Urząd Miasta i Gminy", True),
        (4, "Urząd Miasta i Gminy", True),
        (6, "Urząd Miasta i Gminy", True),  # lines of 11 characters: every word fits
        (6, "Urząd Marszałkowski", False),  # a word of 14 would break over two lines
        (4, "Urząd Gminy, warmińsko-mazurskie", True),  # a line may end after a hyphen
        (9, "Urząd Miasta i Gminy", False),
        (25, "Urząd Miasta i Gminy", False),
        (40, "Urząd Miasta i Gminy", False),
    ],
)
def test_heatmap_names_columns_flat_or_upright_and_sizes_its_squares_to_leave_gaps(
    columns: int, office: str, flat: bool
) -> None:
    """On the page, office names lie flat over columns wide enough, in the plot of a 1400-px window, for lines of ten
    characters and every word of the names, and stand upright over narrower ones (never slanted: Plotly's own choice
    slanted them at a wide window, running into each other). The squares shrink with the number of columns so that a
    row of them, with a gap each, fits that plot, down to a readable least; the numbers in them are at most half a
    square high."""
    fig = theme_heatmap(_heat_rows(columns, office=office), "pl", "count", "T", SOURCE)
    assert fig.layout.xaxis.tickangle == (0 if flat else 90)
    assert all(("<br>" in name) == flat for name in fig.layout.xaxis.ticktext)
    (cells,) = fig.data
    side = cells.marker.size
    smallest, largest = HEAT_SQUARE_PX
    assert smallest <= side <= largest
    assert columns * (side + 2) <= HEAT_PLOT_PX or side == smallest  # a row fits, a gap after each square
    assert side == largest or columns * (side + 4) > HEAT_PLOT_PX  # and no smaller than it must be
    # Numbers at most half a square high, never under 9 px: none in smaller squares.
    assert (cells.mode == "markers+text" and cells.textfont.size <= side / 2) or (cells.mode == "markers" and side < 18)
    # The colour bar's title runs along it: above it, a long one widened the bar and narrowed the plot.
    assert cells.marker.colorbar.title.side == "right"


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 720)])
@pytest.mark.parametrize(
    "office", ["Urząd Miasta i Gminy", "Starostwo Powiatowe, kujawsko-pomorskie", "Urząd Gminy Konstantynopolitańskiej"]
)
def test_heatmap_on_a_slide_names_a_few_offices_flat_and_fits_its_squares_to_the_rows(size, office) -> None:
    """Eight offices (the most a deck draws it for) and seventeen themes of forty characters on a slide: the names lie
    flat over the wide columns, even with a word longer than a line (upright, they took the rows' height), and stay
    wrapped on the slide; the squares fit the rows left under the names and the margins, and their numbers stay
    inside them as the slide's type grows, or are left out."""
    rows = _heat_rows(8, 17, office=office).assign(theme_pl=lambda d: d["theme_pl"].str.ljust(40, "x"))
    slide = for_slide(theme_heatmap(rows, "pl", "count", "T", SOURCE, slide=size), *size)
    assert slide.layout.xaxis.tickangle == 0 and all("<br>" in name for name in slide.layout.xaxis.ticktext)
    (cells,) = slide.data
    lines = max(name.count("<br>") + 1 for name in slide.layout.xaxis.ticktext)
    names_px = lines * slide.layout.xaxis.tickfont.size * 1.3
    plot_px = slide.layout.height - slide.layout.margin.t - slide.layout.margin.b - names_px
    assert 17 * (cells.marker.size + 2) <= plot_px  # the rows fit under the names
    assert cells.mode == "markers" or cells.textfont.size <= cells.marker.size / 2
    page = theme_heatmap(_heat_rows(8, 17), "pl", "count", "T", SOURCE)
    assert page.layout.xaxis.tickangle == 90  # on the page the same eight stand upright
