"""One colour per office and one per standard edition, the same on every chart whatever else the chart shows."""

import pandas as pd
import pytest

from cityiso.figures.common import EDITION_COLORS, OFFICE_PALETTE, edition_color, family_color, office_colors
from cityiso.figures.praise import category_bars
from cityiso.figures.timeline import certification_timeline
from cityiso.figures.trends import held_by_family
from cityiso.queries import run

SOURCE = "Źródło: test"
CHOSEN = ["alpha", "beta", "gamma", "delta"]
NO_LINES = pd.DataFrame(columns=["standard", "transition_ends_on"])


def _clauses(offices: list[str]) -> pd.DataFrame:
    """praised_by_category's rows by clause (views.praise.category_frame): one clause row per office."""
    return pd.DataFrame(
        {
            "office_id": offices,
            "office_label": [f"Miasto {o}" for o in offices],
            "clause": [5] * len(offices),
            "clause_pl": ["Przywództwo"] * len(offices),
            "clause_en": ["Leadership"] * len(offices),
            "count_findings": range(1, len(offices) + 1),
            "share_of_events": [0.5] * len(offices),
        }
    )


def _themes(offices: list[str]) -> pd.DataFrame:
    """praised_by_category's rows by theme (views.praise.category_frame): one theme row per office."""
    return pd.DataFrame(
        {
            "office_id": offices,
            "office_label": [f"Miasto {o}" for o in offices],
            "theme_id": ["it"] * len(offices),
            "theme_pl": ["Informatyzacja"] * len(offices),
            "theme_en": ["IT"] * len(offices),
            "count_findings": range(1, len(offices) + 1),
            "share_of_events": [0.5] * len(offices),
        }
    )


def bar_colours(fig) -> dict[str, str]:
    """office_id -> the colour of its bars."""
    return {trace.customdata[0][0]: trace.marker.color for trace in fig.data}


def test_an_office_keeps_its_colour_in_figures_of_different_offices() -> None:
    # The clause bars have data for every chosen office, the theme bars miss the first: the others keep their colours.
    clauses = category_bars(_clauses(CHOSEN), "clause", "pl", "count", "T", SOURCE, offices=CHOSEN)
    themes = category_bars(_themes(CHOSEN[1:]), "theme", "en", "count", "T", SOURCE, offices=CHOSEN)
    by_clause, by_theme = bar_colours(clauses), bar_colours(themes)
    assert set(by_theme) == set(CHOSEN[1:])
    assert {o: by_clause[o] for o in by_theme} == by_theme
    assert len(set(by_clause.values())) == len(CHOSEN)


def test_an_office_colour_comes_from_its_id_not_its_place_in_the_list() -> None:
    assert office_colors(["gamma"], ["alpha", "beta", "gamma"]) == office_colors(["gamma"], ["gamma", "beta", "alpha"])
    assert all(c in OFFICE_PALETTE for c in office_colors(CHOSEN).values())


@pytest.mark.parametrize("count", range(2, len(OFFICE_PALETTE) + 1))
def test_no_two_offices_shown_together_share_a_colour(count: int) -> None:
    # Many sets of office ids, so that their hashes do pick one colour twice (there are only nine).
    for start in range(0, 60, count):
        offices = [f"office-{i}" for i in range(start, start + count)]
        colours = office_colors(offices)
        assert len(set(colours.values())) == count, offices


def test_more_offices_than_colours_still_each_get_one() -> None:
    offices = [f"office-{i}" for i in range(len(OFFICE_PALETTE) + 3)]
    assert set(office_colors(offices)) == set(offices)


def test_every_edition_has_its_own_colour_and_its_family_a_hue() -> None:
    standards = list(EDITION_COLORS)
    colours = [edition_color(s) for s in standards]
    assert len(set(colours)) == len(standards)
    assert edition_color(None, "ISO 9001") not in colours  # an edition no source states is no edition's colour
    assert edition_color(None, "ISO 9001") != edition_color(None, "ISO 14001")
    # Editions of a family differ in lightness: the later the edition, the darker.
    for family in ("iso9001", "iso14001", "iso27001", "iso37120"):
        editions = sorted(s for s in standards if s.startswith(family + "-"))
        lightness = [sum(int(edition_color(s)[i : i + 2], 16) for i in (1, 3, 5)) for s in editions]
        assert lightness == sorted(lightness, reverse=True), family
    assert family_color("ISO 9001") == edition_color("iso9001-2015")


def test_timeline_draws_iso_14001_2004_and_iso_9001_2015_apart(fixture_con) -> None:
    # zeta holds ISO 9001:2015 and ISO 14001:2015; its 14001 certificate made a 2004 one.
    spans = run(fixture_con, "certificate_spans", offices=["zeta"], family=None)
    is_14001 = spans["family"] == "ISO 14001"
    spans.loc[is_14001, ["standard_id", "standard"]] = ["iso14001-2004", "ISO 14001:2004"]
    events = run(fixture_con, "events_by_certificate", offices=["zeta"], family=None)
    fig = certification_timeline(spans, events, NO_LINES, "en", SOURCE)
    colours = {trace.legendgroup: trace.marker.line.color for trace in fig.data if trace.legendgroup}
    assert colours == {"ISO 14001:2004": edition_color("iso14001-2004"), "ISO 9001:2015": edition_color("iso9001-2015")}
    assert colours["ISO 14001:2004"] != colours["ISO 9001:2015"]


def test_timeline_gives_an_edition_the_same_colour_whatever_else_it_shows(fixture_con) -> None:
    def colours(offices: list[str]) -> dict[str, str]:
        spans = run(fixture_con, "certificate_spans", offices=offices, family=None)
        events = run(fixture_con, "events_by_certificate", offices=offices, family=None)
        fig = certification_timeline(spans, events, NO_LINES, "en", SOURCE)
        return {trace.legendgroup: trace.marker.line.color for trace in fig.data if trace.legendgroup}

    alone, together = colours(["delta"]), colours(["delta", "zeta"])
    assert {g: together[g] for g in alone} == alone
    assert len(set(together.values())) == len(together)


def test_family_lines_keep_their_colour_whatever_their_rank() -> None:
    def trends(counts: dict[str, int]) -> dict[str, str]:
        rows = pd.DataFrame(
            [
                {"dimension": "family", "group_code": f, "year": 2020, "count_held": n}
                | {"count_valid": n, "count_valid_approximate": 0}
                for f, n in counts.items()
            ]
        )
        return {trace.name: trace.line.color for trace in held_by_family(rows, "en", SOURCE).data}

    assert trends({"ISO 9001": 5, "ISO 14001": 1}) == trends({"ISO 9001": 1, "ISO 14001": 5})


def test_office_palette_colours_are_distinct_and_not_edition_colours() -> None:
    assert len(set(OFFICE_PALETTE)) == len(OFFICE_PALETTE)
    assert not set(OFFICE_PALETTE) & set(EDITION_COLORS.values())
