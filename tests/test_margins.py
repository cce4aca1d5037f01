"""The side margins a chart's labels need, reserved before the browser draws it (cityiso.figures.margins).

The browser side (no chart of any page has its left margin widened after drawing) is in
tests/browser/test_layout.py::test_chart_titles_are_whole_and_clear."""

import logging
import math

import numpy as np
import plotly.graph_objects as go
import pytest

from cityiso.figures import margins
from cityiso.figures.margins import reserve_side_margins, side_margins_needed, text_width, tick_texts
from cityiso.views import View


def test_the_kept_widths_are_those_of_the_font_the_page_loads() -> None:
    """The widths in cityiso/assets/source_sans_widths.json are those of the Source Sans that this Streamlit serves:
    an upgrade that moves or changes the font fails here (write them again: margins.write_widths), not by charts
    drawn twice in the browser."""
    path = margins.font_file()
    assert path is not None, "Streamlit's Source Sans font file is not where margins.font_file looks"
    assert margins.widths() == margins.measure_widths(path)
    assert all(0 <= width < margins.FALLBACK_EM for width in margins.widths().values())  # the soft hyphen: 0
    # Measured, not counted: a wide letter is wider than a narrow one, and a character without a width gets an em.
    assert text_width("WWWW", 12) > 2 * text_width("iiii", 12)
    assert text_width("\u2603", 10) == pytest.approx(10 * margins.FALLBACK_EM)


def test_a_label_is_as_wide_as_its_widest_line_without_markup() -> None:
    assert text_width("ab<br>Mmmmmmmm", 12) == pytest.approx(text_width("Mmmmmmmm", 12))
    assert text_width("<b>Łódź</b> &amp; co", 12) == pytest.approx(text_width("Łódź & co", 12))
    assert text_width("Łódź", 24) == pytest.approx(2 * text_width("Łódź", 12))


def _bars(labels: list[str], values: list[float], **axis) -> go.Figure:
    fig = go.Figure(go.Bar(y=labels, x=values, orientation="h"))
    fig.update_yaxes(automargin=True, **axis)
    fig.update_xaxes(automargin=True)
    return fig.update_layout(margin={"l": 10, "r": 10})


def test_the_left_margin_holds_the_longest_category_label_and_the_axis_title() -> None:
    long = "Starostwo Powiatowe w Przykładowie Wielkim"
    fig = _bars(["Krótki", long], [3, 4], title_text="Urząd")
    left, _ = side_margins_needed(fig)
    labels = text_width(long, margins.THEME_TICK_FONT) + margins.LABEL_GAP
    title = margins.THEME_Y_TITLE_STANDOFF + margins.TITLE_LINE * margins.THEME_TITLE_FONT
    assert labels + title < left <= (labels + title) * 1.05 + 3
    # A smaller tick font takes less room; no title, less again.
    assert side_margins_needed(_bars(["Krótki", long], [3, 4], title_text="Urząd", tickfont_size=10))[0] < left
    assert side_margins_needed(_bars(["Krótki", long], [3, 4]))[0] < left - title + 1


def test_a_numeric_axis_reserves_its_longest_number() -> None:
    stacked = go.Figure([go.Bar(x=[2000, 2001], y=[5, 50]), go.Bar(x=[2000, 2001], y=[6, float("nan")])])
    stacked.add_trace(go.Scatter(x=[2000, 2001], y=[900, 2]))  # a line beside the stack: its own height only
    stacked.update_layout(barmode="stack")
    # Stacked bars: summed per year (11 and 50), never over every year; the line's 900 counts alone, NaN not at all.
    assert tick_texts(stacked, stacked.layout.yaxis, "y")[0] == "900"
    stacked.update_traces(y=[1, 2], selector={"type": "scatter"})
    assert tick_texts(stacked, stacked.layout.yaxis, "y") == ["50", "1"]
    # The axis of the bars' places is not stacked: its years stay years.
    assert tick_texts(stacked, stacked.layout.xaxis, "x")[0] == "2001"
    lying = go.Figure(
        [go.Bar(y=["a", "b"], x=[5, 7], orientation="h"), go.Bar(y=["a", "b"], x=[5, 8], orientation="h")]
    )
    assert tick_texts(lying.update_layout(barmode="stack"), lying.layout.xaxis, "x")[0] == "15"
    shares = go.Figure(go.Bar(x=[0.05, 0.35], y=["a", "b"], orientation="h"))
    shares.update_xaxes(tickformat=".0%")
    assert tick_texts(shares, shares.layout.xaxis, "x")[0] == "35%"
    small = go.Figure(go.Scatter(x=[1, 2], y=[0, 3]))  # Plotly steps by 0.5 here: '2.5'
    assert tick_texts(small, small.layout.yaxis, "y")[0] == "3.5"
    whole = go.Figure(go.Scatter(x=[1, 2], y=[0, 3])).update_yaxes(dtick=1)
    assert tick_texts(whole, whole.layout.yaxis, "y")[0] == "3"
    large = go.Figure(go.Scatter(x=[1, 2], y=[0, 12_345]))
    assert tick_texts(large, large.layout.yaxis, "y")[0] == "12k"
    negative = go.Figure(go.Scatter(x=[1, 2], y=[-40, 3])).update_yaxes(ticksuffix=" zł")
    assert tick_texts(negative, negative.layout.yaxis, "y")[1] == "\u221240 zł"  # Plotly's minus sign
    separated = go.Figure(go.Scatter(x=[1, 2], y=[0, 12_345])).update_yaxes(tickformat=",d")
    assert tick_texts(separated, separated.layout.yaxis, "y")[0] == "12,345"
    given = go.Figure(go.Bar(y=["a", "b"], x=[1, 2], orientation="h"))
    given.update_yaxes(tickvals=["a", "b"], ticktext=np.array(["Pierwszy", "Drugi"]))  # tick texts as an array
    assert tick_texts(given, given.layout.yaxis, "y") == ["Pierwszy", "Drugi"]


def test_short_x_labels_reach_past_both_sides_by_half() -> None:
    years = go.Figure(go.Scatter(x=[2001, 2024], y=[0, 0], mode="markers"))
    years.update_yaxes(visible=False)
    left, right = side_margins_needed(years)
    half = text_width("2024", margins.THEME_TICK_FONT) / 2 + margins.END_LABEL_GAP
    assert math.ceil(half) <= left == right <= half * 1.05 + 3
    # Upright bars' places: their end labels sit half a bar inside the plot.
    bars = go.Figure(go.Bar(x=[2001, 2024], y=[3, 4])).update_yaxes(visible=False)
    assert side_margins_needed(bars) == (0, 0)
    # Long category labels may be turned by Plotly: they reserve nothing at the sides.
    offices = go.Figure(go.Heatmap(x=["Urząd Miasta Przykładowo", "Urząd Gminy Inna Wieś"], y=["a"], z=[[1, 2]]))
    offices.update_yaxes(visible=False)
    assert side_margins_needed(offices) == (0, 0)


def test_hidden_and_right_hand_axes_and_dates_reserve_nothing() -> None:
    hidden = _bars(["Urząd Gminy Przykładowo"], [1]).update_yaxes(visible=False).update_xaxes(showticklabels=False)
    assert side_margins_needed(hidden) == (0, 0)
    right = _bars(["Urząd Gminy Przykładowo"], [1]).update_yaxes(side="right").update_xaxes(showticklabels=False)
    assert side_margins_needed(right) == (0, 0)
    dates = go.Figure(go.Scatter(x=["2001-03-01", "2024-05-01"], y=[1, 2])).update_yaxes(showticklabels=False)
    assert side_margins_needed(dates) == (0, 0)


def test_reserving_widens_a_margin_and_never_narrows_one() -> None:
    fig = _bars(["Starostwo Powiatowe w Przykładowie"], [1], title_text="Urząd")
    needed = side_margins_needed(fig)
    reserve_side_margins(fig)
    assert (fig.layout.margin.l, fig.layout.margin.r) == (needed[0], max(10, needed[1]))
    wide = _bars(["A"], [1]).update_layout(margin={"l": 400, "r": 300})
    reserve_side_margins(wide)
    assert (wide.layout.margin.l, wide.layout.margin.r) == (400, 300)


def test_a_view_reserves_its_figure_margins_once_when_made() -> None:
    """Pages and the views every session shares only read a view's figure: its margins are set when it is made."""
    fig = _bars(["Starostwo Powiatowe w Przykładowie"], [1], title_text="Urząd")
    needed = side_margins_needed(fig)
    View("key", "title", "", figure=fig)
    assert fig.layout.margin.l == needed[0]


def test_a_figure_it_cannot_read_is_left_as_it_is(monkeypatch, caplog) -> None:
    def unreadable(fig):
        raise TypeError("a trace of a kind not known")

    monkeypatch.setattr(margins, "side_margins_needed", unreadable)
    fig = _bars(["A"], [1])
    with caplog.at_level(logging.WARNING, logger=margins.__name__):
        assert reserve_side_margins(fig) is fig
    assert (fig.layout.margin.l, fig.layout.margin.r) == (10, 10)
    assert "side margins not reserved" in caplog.text
