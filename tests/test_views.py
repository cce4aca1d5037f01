"""The shared views (cityiso/views) on small fixtures: what pages and slides both show, takeaways with ties, notes
counting what a chart leaves out, marks and reasons for curator-coded clauses and inferred dates."""

import datetime as dt

import duckdb
import pandas as pd
import pytest

from cityiso.labels import t
from cityiso.queries import OfficeFilter, findings_filters, run
from cityiso.views import Context, cycles, national, praise, source_line, sources
from cityiso.views.tables import certificates_table, codebook_rows, events_table, findings_table
from tests.fixture_package import DOCUMENTS

CITY = "Testowo (Urząd Miasta Testowo)"  # two offices of one town, named apart as the pickers do
COUNTY = "Testowo (Starostwo Powiatowe w Testowie)"
BOTH = ["testowo", "testowo-powiat"]
NAMES = {"testowo": CITY, "testowo-powiat": COUNTY}


@pytest.fixture
def fetch(package_con: duckdb.DuckDBPyConnection):
    return lambda name, **params: run(package_con, name, **params)


def _counts(**by_label: int) -> pd.DataFrame:
    return pd.DataFrame({"label": list(by_label), "count_findings": list(by_label.values())})


def test_a_takeaway_names_one_winner_plainly_and_a_tie_as_a_tie() -> None:
    label = lambda r: r["label"]  # noqa: E731
    assert praise.top_category_takeaway(_counts(A=3, B=1), label, "en") == "Most praised: A (3 of 4)"
    assert praise.top_category_takeaway(_counts(A=2, B=2, C=1), label, "en") == "Most praised, tied: A, B (2 each of 5)"
    assert (
        praise.top_category_takeaway(_counts(A=2, B=2), label, "pl")
        == "Najczęściej doceniane, ex aequo: A, B (po 2 z 4)"
    )
    assert praise.top_category_takeaway(_counts(), label, "en") == ""


def test_activity_counts_in_its_note_what_its_years_leave_out() -> None:
    """The chart shows years; the undated audits and praise are in rows of their own, counted by the note."""
    audits = pd.DataFrame({"year": [2018, 2019, None], "count_audits": [2, 2, 3]})
    praised = pd.DataFrame(
        {"year": [2018, None], "clause": [5, 5], "clause_pl": ["Przywództwo"] * 2, "clause_en": ["Leadership"] * 2,
         "count_praised": [4, 1]}
    )  # fmt: skip
    frames = {"audits_per_year": audits, "praised_per_year_by_clause": praised}
    view = national.activity_view(
        Context(lambda name, **_: frames[name], "en", OfficeFilter(), "ISO 9001", dt.date(2020, 1, 1), "S")
    )
    assert view.takeaway == "Most audits, tied: 2018, 2019 (2 each)"
    assert view.note == "Not in the chart's years (undated): audits: 3, praised items: 1."
    drawn = next(t for t in view.figure.data if t.type == "scatter")
    assert list(drawn.x) == [2018, 2019] and sum(drawn.y) == 4  # the note's 3 are not in the chart


def test_the_undated_lapse_is_counted_under_the_timeline(fetch) -> None:
    ctx = Context(fetch, "en", OfficeFilter(tuple(BOTH)), "ISO 9001", source="S")
    view, data = cycles.timeline_view(ctx), cycles.cycles_data(ctx)
    drawn = sum(len(t.x) for t in view.figure.data if t.type == "scatter" and t.mode == "markers")
    undated = data.on_certificates[data.on_certificates["event_on"].isna()]["event_id"].nunique()
    assert undated == 1 and view.note == "Undated events (not on the timeline): 1 — Certification not renewed: 1"
    assert drawn == data.on_certificates["event_on"].notna().sum()


def test_status_stands_next_to_its_latest_evidence(fetch) -> None:
    view = cycles.status_view(Context(fetch, "en", OfficeFilter(tuple(BOTH)), "ISO 9001", dt.date(2016, 10, 1)))
    # The city hall, then the county (both in Testowo: their office_label tells them apart).
    assert view.table[["Status", "Latest evidence"]].values.tolist() == [
        ["valid", "20 September 2016"],
        ["expired", "March 2012"],
    ]
    # Evidence after the date does not count: in 2005 the city hall had none yet.
    early = cycles.status_view(Context(fetch, "en", OfficeFilter(("testowo",)), "ISO 9001", dt.date(2005, 6, 1)))
    assert early.table["Latest evidence"].tolist() == ["no dated evidence"]


def test_an_office_without_findings_stays_in_the_comparison() -> None:
    by_theme = pd.DataFrame({"office_id": ["testowo"], "theme_id": ["it"], "theme_en": ["IT"], "count_findings": [2]})
    views = praise.only_in_views(by_theme, BOTH, NAMES, "en")
    assert [v.takeaway for v in views] == ["", "No findings reported."]
    assert views[0].table.values.tolist() == [["IT", 2]]
    assert praise.not_reported_note(by_theme, BOTH, NAMES, "en") == f"No findings reported: {COUNTY}"


def test_long_findings_continue_on_the_next_slides() -> None:
    findings = pd.DataFrame(
        {"office_id": ["testowo"] * 13, "office_label": [CITY] * 13, "event_id": ["e1"] * 7 + ["e2"] * 6,
         "text_en": [f"Item {i}" for i in range(13)]}
    )  # fmt: skip
    asked = []
    ctx = Context(lambda name, **params: asked.append(name) or findings, "en")
    slides = praise.findings_slides(ctx, ["testowo", "testowo-powiat"], 6)
    assert asked == ["findings_filtered"]
    assert [len(bullets) for _, _, bullets in slides] == [6, 6, 1]
    assert [b for _, _, bullets in slides for b in bullets] == [f"Item {i}" for i in range(13)]  # none cut
    assert [title for title, _, _ in slides] == [f"What the auditors praised: {CITY} ({i}/3)" for i in (1, 2, 3)]
    assert {takeaway for _, takeaway, _ in slides} == {"Praised items: 13 · audits: 2"}


def test_curator_coded_clauses_and_inferred_dates_are_marked_with_their_reasons(fetch) -> None:
    filters = findings_filters(BOTH, kinds=("praise",), voices=("auditor", "certification_body"))
    table = findings_table(fetch("findings_filtered", **filters), "en").set_index("Quote")
    coded = table.loc["zaangażowanie kierownictwa w doskonalenie usług"]
    assert coded["ISO 9001:2015 clause"] == "5 Leadership *"
    assert coded["Clause basis"] == "Curator's coding: 5.1 leadership and commitment."
    remark = table.loc["Urząd jest wzorem dla innych samorządów."]
    assert remark["ISO 9001:2015 clause"] == "no clause" and remark["Clause basis"] == "—"
    events = events_table(fetch("events", offices=BOTH, family=None), "en").set_index("Quote")
    lapse = events.loc["Certyfikatu nie odnowiono."]
    assert lapse["Date"] == "~March 2015–June 2017"
    assert lapse["Curator's reasons"] == "After the expiry (14.03.2015) and before the text (June 2017)."
    certificates = certificates_table(fetch("certificate_spans", offices=BOTH, family=None), "en")
    reasons = certificates["Curator's reasons"].tolist()
    assert "Edition: The text names no edition of ISO 14001.; Issued: The text says 2016 or 2017." in reasons


def test_the_source_line_tells_the_latest_evidence_from_the_build_date(fetch) -> None:
    info = fetch("data_info").iloc[0]
    line = source_line(info, "en")
    assert line.startswith("Source: cityiso, 3 source documents; evidence up to October 2018; built ")
    assert info["latest_evidence_on"] < info["last_dated_on"]  # a planned audit and expiries lie later


def test_the_timeline_hover_gives_the_reason_of_an_inferred_date(fetch) -> None:
    ctx = Context(fetch, "en", OfficeFilter(("testowo-powiat",)), None, source="S")
    fig = cycles.timeline_view(ctx).figure
    hovers = [h for trace in fig.data for h in (trace.hovertext or []) if isinstance(h, str)]
    assert any("~ 'br.' (this year) in a text dated June 2017." in h for h in hovers)  # the planned audit's year
    assert any("~ Issued: The text says 2016 or 2017." in h for h in hovers)  # ISO 14001's issue


def test_evidence_known_to_the_year_is_never_shown_as_its_first_day() -> None:
    info = pd.Series(
        {"count_documents": 2, "built_at": pd.Timestamp("2026-12-01 10:00"),
         "latest_evidence_on": pd.Timestamp("2019-01-01"), "latest_evidence_precision": "year"}
    )  # fmt: skip
    assert source_line(info, "pl") == "Źródło: cityiso, 2 dokumenty źródłowe; dowody do 2019; baza z 1 grudnia 2026."
    month = info.copy()
    month[["latest_evidence_on", "latest_evidence_precision"]] = [pd.Timestamp("2018-03-01"), "month"]
    assert "dowody do marca 2018;" in source_line(month, "pl")


def test_a_source_line_with_no_dated_evidence_gives_no_date() -> None:
    """Before the first evidence of what a view shows (selection_info's date is null) the line names no date."""
    info = pd.Series(
        {"count_documents": 1, "latest_evidence_on": pd.NaT, "latest_evidence_precision": None,
         "built_at": pd.Timestamp("2026-12-01 10:00")}
    )  # fmt: skip
    assert source_line(info, "en") == "Source: cityiso, 1 source document; evidence up to —; built 1 December 2026."


@pytest.mark.parametrize(
    ("day", "lang", "city", "county"),
    [
        (
            "2016-10-01",
            "pl",
            "ważny do 19 września 2019 (ostatni dowód: 20 września 2016)",
            "wygasł: był ważny do 14 marca 2015",
        ),
        (
            "2019-10-01",
            "en",
            "expired: it was valid until 19 September 2019",
            "expired: it was valid until 14 March 2015",
        ),
    ],
)
def test_each_office_s_status_in_plain_words_with_its_reason_and_date(fetch, day, lang, city, county) -> None:
    lines = cycles.status_lines(
        Context(fetch, lang, family="ISO 9001", as_of=dt.date.fromisoformat(day)), ["testowo", "testowo-powiat"]
    )
    assert lines == {"testowo": city, "testowo-powiat": county}


def test_a_transition_deadline_is_named_as_the_end() -> None:
    """A certificate ended by its edition's transition deadline says so, with the edition and the day."""
    row = {
        "status": "expired", "latest_evidence_on": pd.Timestamp("2010-01-01"), "latest_evidence_precision": "year",
        "valid_until": pd.NaT, "valid_until_precision": None, "valid_until_is_inferred": False,
        "ended_on": pd.Timestamp("2018-09-15"), "end_reason": "transition_deadline", "standard": "ISO 9001:2008",
    }  # fmt: skip
    assert cycles.status_sentence(row, "pl") == "wygasł: okres przejściowy ISO 9001:2008 zakończył się 15 września 2018"
    assert cycles.status_sentence({**row, "status": "no_evidence", "ended_on": pd.NaT, "end_reason": None}, "en") == (
        "no evidence of validity on that day (latest evidence: 2010)"
    )


def test_the_denominator_counts_offices_of_each_kind_against_terc(tmp_path) -> None:
    """With a TERC register imported, every kind of office is counted against how many exist; an office of the
    data without a TERC code is named apart; without TERC, a note says nothing can be counted."""
    rows = pd.DataFrame(
        {"voivodeship": ["śląskie", "śląskie", "opolskie"], "office_kind": ["city_hall", "county_office", "city_hall"],
         "count_in_terc": [19, 17, 3], "count_in_register": [2, 0, 1], "count_unplaced": [0, 0, 1],
         "share_in_register": [2 / 19, 0, 1 / 3], "terc_state_on": [pd.Timestamp("2026-01-01")] * 3}
    )  # fmt: skip
    view = national.coverage_view(Context(lambda name, **_: rows, "en"))
    assert view.table.values.tolist() == [["City hall", 22, 3, "13.6 %", 1], ["County office", 17, 0, "0.0 %", 0]]
    assert view.takeaway.startswith("The data speaks of 3 of 39 offices") and "as of 1 January 2026" in view.takeaway
    assert view.note == "Offices in the data without a TERC code (not in these counts): 1."
    empty = national.coverage_view(Context(lambda name, **_: rows.assign(terc_state_on=pd.NaT), "en"))
    assert empty.table is None and empty.note.startswith("No TERC register imported")


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_codebook_tables_of_clauses_and_themes_are_in_the_page_language(fixture_con, lang: str) -> None:
    """The sources page's clause and theme tables: every row of the named result, the labels and definitions of the
    page's language, columns named in it."""
    clauses, themes = run(fixture_con, "clauses"), run(fixture_con, "themes")
    shown = codebook_rows(clauses, "clause", lang)
    assert len(shown) == len(clauses) and list(shown.iloc[:, 3]) == list(clauses[f"label_{lang}"])
    assert list(codebook_rows(themes, "theme", lang).iloc[:, 2]) == list(themes[f"definition_{lang}"])
    other = "en" if lang == "pl" else "pl"
    assert list(shown.columns) != list(codebook_rows(clauses, "clause", other).columns)
    with pytest.raises(ValueError, match="unknown category"):
        codebook_rows(themes, "standard", lang)
    view = sources.codebook_view(Context(lambda name, **_: run(fixture_con, name), lang), "theme")
    assert view.key == "themes" and view.title == t("sources.themes", lang) and len(view.table) == len(themes)


def test_the_sources_views_fetch_a_document_its_facts_references_and_citation(fetch) -> None:
    ctx = Context(fetch, "en")
    assert sources.document_text(ctx, "portal").startswith(DOCUMENTS["portal.txt"][:40])
    assert "- ISO 9001\\:2015 (tst-9001)" in sources.fact_lines(ctx, "portal")
    assert any(line.startswith("- **Reference** — Curator") for line in sources.reference_lines(ctx))
    cited = sources.citation(ctx, accessed=dt.date(2026, 12, 1))
    info = fetch("data_info").iloc[0]
    assert "2026-12-01" in cited and str(info["data_version"]) in cited and info["built_at"].date().isoformat() in cited
    assert (
        sources.codebook_view(ctx, "clause").table is not None and not sources.codebook_view(ctx, "theme").table.empty
    )


def test_an_offices_status_view_gives_a_row_per_family_it_holds_for_that_office_alone(fetch) -> None:
    """The office profile's status: one row per family of the context's office (its selection), none of another's."""
    holders = fetch("certificate_spans", family=None)
    counted = holders.groupby("office_id")["family"].nunique()
    office = counted.idxmax()
    assert counted.max() >= 2  # the fixture has an office of two families
    ctx = Context(fetch, "en", OfficeFilter((office,)), None, dt.date(2100, 1, 1))
    families = cycles.held_families(ctx)
    view = cycles.office_status_view(ctx, families)
    assert len(view.table) == len(families)  # every office's row per family would be more
    assert cycles.office_status_view(ctx, []).table is None
