"""Every page under AppTest, in Polish and English, on the database built from the real curated data."""

import base64
import json
from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from cityiso.paths import ROOT


@pytest.fixture
def open_page(real_db: Path, monkeypatch: pytest.MonkeyPatch):
    """Open a page as a visitor following a link: dashboard.py first, then the page, URL parameters kept."""
    monkeypatch.setenv("CITYISO_DB", str(real_db))

    def go(page: str = "overview", **params: str) -> AppTest:
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=30)
        for key, value in params.items():
            at.query_params[key] = value
        at.run()
        if page != "overview":
            at.switch_page(f"pages/{page}.py")
            for key, value in params.items():
                at.query_params[key] = value
            at.run()
        assert not at.exception, [e.message for e in at.exception]
        return at

    return go


def _plain(value):
    """Plotly 7 sends numeric arrays base64-encoded ({dtype, bdata}): turn them into plain lists, recursively."""
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, dict) and "bdata" in value and "dtype" in value:
        array = np.frombuffer(base64.b64decode(value["bdata"]), dtype=np.dtype(value["dtype"]))
        return array.reshape(value["shape"]).tolist() if "shape" in value else array.tolist()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def figures(at: AppTest) -> list[dict]:
    """Each chart on the page as the figure dict it was drawn from."""
    return [_plain(json.loads(chart.proto.spec)) for chart in at.get("plotly_chart")]


def trace_names(fig: dict) -> list[str]:
    return [trace.get("name") for trace in fig["data"]]


def markdown_text(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


@pytest.mark.parametrize(
    ("lang", "labels"),
    [
        ("pl", ("Urzędy w zestawieniu", "Z ważnym certyfikatem", "Audyty", "Obszary docenione")),
        ("en", ("Offices tracked", "Holding a valid certificate", "Audits", "Praised items")),
    ],
)
def test_overview_headline_figures_come_from_the_data(open_page, lang: str, labels: tuple[str, ...]) -> None:
    at = open_page(lang=lang, as_of="2016-10-01")
    metrics = {m.label: m.value for m in at.metric}
    # On 1 October 2016 Zabrze's certificate is shown valid, Legionowo's only approximately (inferred issue).
    assert metrics == dict(zip(labels, ["4", "1 (+1)", "6", "34"], strict=True))


def test_overview_map_places_every_office_by_status(open_page) -> None:
    at = open_page(lang="en", as_of="2016-10-01")
    status_map, trend = figures(at)
    placed = {trace["name"]: sorted(trace["customdata"]) for trace in status_map["data"] if trace.get("customdata")}
    assert placed == {
        "valid": ["zabrze"],
        "valid (approximate)": ["legionowo"],
        "no evidence": ["czestochowa", "starogard-gdanski"],
    }
    assert "Status on: 1 October 2016" in status_map["layout"]["title"]["text"]
    assert status_map["layout"]["annotations"][0]["text"].startswith("Source: cityiso, 5 source documents")
    bars = {t["name"]: dict(zip(t["x"], t["y"], strict=True)) for t in trend["data"] if t["type"] == "bar"}
    assert bars["5 Leadership"] == {2015: 1, 2019: 1}
    audits = next(t for t in trend["data"] if t["type"] == "scatter")
    assert dict(zip(audits["x"], audits["y"], strict=True)) == {2010: 1, 2015: 2, 2019: 1}


def test_overview_lists_the_planned_audit_as_next(open_page) -> None:
    at = open_page(lang="pl", as_of="2019-12-31")
    next_events = at.dataframe[1].value
    assert next_events["Data"].tolist() == ["październik 2020"]
    assert next_events["Rodzaj"].tolist() == ["Audit planowany"]


@pytest.mark.parametrize(
    ("lang", "handover_date", "legend"),
    [
        ("pl", "30 września 2016", "ISO 9001:2008 (ważność potwierdzona)"),
        ("en", "30 September 2016", "ISO 9001:2008 (validity shown)"),
    ],
)
def test_cycles_timeline_and_table(open_page, lang: str, handover_date: str, legend: str) -> None:
    at = open_page("cycles", lang=lang, as_of="2016-10-01")
    (timeline,) = figures(at)
    names = trace_names(timeline)
    assert legend in names
    sure = next(t for t in timeline["data"] if t["name"] == legend)
    assert sure["y"] == ["Zabrze"]
    assert sure["base"] == ["2015-03-31T00:00:00"]
    # Two edition transition deadlines and the as-of date.
    lines = [s["x0"] for s in timeline["layout"]["shapes"]]
    assert lines == ["2010-11-15", "2018-09-15", "2016-10-01"]
    events = at.dataframe[1].value
    assert len(events) == 10
    assert handover_date in events.iloc[:, 1].tolist()
    assert "~2019" in events.iloc[:, 1].tolist()


def test_cycles_colour_by_body_from_the_url(open_page) -> None:
    at = open_page("cycles", lang="en", color_by="body", offices="zabrze,legionowo")
    names = trace_names(figures(at)[0])
    assert "Dekra (validity shown)" in names
    assert "PCBC (approximate validity)" in names


def test_cycles_status_on_a_date(open_page) -> None:
    at = open_page("cycles", lang="en", as_of="2019-06-01")
    text = markdown_text(at)
    assert "Zabrze: expired, no evidence of renewal" in text
    assert "Częstochowa: valid (approximate dates)" in text


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_praised_counts_by_clause_and_theme(open_page, lang: str) -> None:
    at = open_page("praised", lang=lang)
    by_clause, by_theme, heatmap = figures(at)
    czestochowa = next(t for t in by_clause["data"] if t["name"] == "Częstochowa")
    counts = dict(zip(czestochowa["y"], czestochowa["x"], strict=True))
    leadership = "5 Leadership" if lang == "en" else "5 Przywództwo"
    assert counts[leadership] == 8
    assert sum(sum(t["x"]) for t in by_theme["data"]) == 34
    cells = heatmap["data"][0]
    assert len(cells["customdata"]) == len(set(map(tuple, cells["customdata"])))


def test_praised_share_measure_from_the_url(open_page) -> None:
    at = open_page("praised", lang="en", measure="share", offices="zabrze")
    (zabrze,) = figures(at)[0]["data"]
    assert zabrze["x"] == pytest.approx([1 / 3, 1 / 3, 1 / 3])
    assert figures(at)[0]["layout"]["xaxis"]["title"]["text"] == "Share of the audit's findings"


def test_praised_search_folds_diacritics(open_page) -> None:
    at = open_page("praised", lang="pl", q="skargi")
    results = at.dataframe[0].value
    assert results["Cytat"].tolist() == ["6) bardzo małą liczbę skarg na pracę urzędników"]


def test_praised_year_filter_keeps_undated_unless_asked(open_page) -> None:
    at = open_page("praised", lang="en", years="2015-2015", undated="false")
    (zabrze,) = figures(at)[0]["data"]
    assert zabrze["name"] == "Zabrze"


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_compare_profiles_and_what_sets_offices_apart(open_page, lang: str) -> None:
    at = open_page("compare", lang=lang, offices="czestochowa,zabrze")
    timeline, clause_profile, theme_profile = figures(at)
    assert timeline["layout"]["yaxis"]["categoryarray"] == ["Zabrze", "Częstochowa"]
    assert {t["name"] for t in clause_profile["data"]} == {"Częstochowa", "Zabrze"}
    zabrze = next(t for t in theme_profile["data"] if t["name"] == "Zabrze")
    assert sorted(zabrze["x"]) == pytest.approx([1 / 3, 1 / 3, 1 / 3])  # shares of its one audit's findings
    text = markdown_text(at)
    eu = "EU funds and external funding" if lang == "en" else "Fundusze UE i finansowanie zewnętrzne"
    civic = "Civic participation" if lang == "en" else "Partycypacja społeczna"
    assert f"- {eu} (2)" in text
    assert f"- {civic} (1)" in text


def test_compare_needs_two_offices(open_page) -> None:
    at = open_page("compare", lang="en", offices="zabrze")
    assert any("choose 2 to 4 offices" in w.value for w in at.warning)
    assert len(figures(at)) == 3  # fell back to the default selection


@pytest.mark.parametrize(("lang", "heading"), [("pl", "#### 5 Przywództwo"), ("en", "#### 5 Leadership")])
def test_city_profile_shows_findings_with_quotes(open_page, lang: str, heading: str) -> None:
    at = open_page("city", lang=lang, office="zabrze")
    assert at.title[0].value == "Zabrze"
    text = markdown_text(at)
    assert heading in text
    assert "Silna orientacja na klienta" in text
    assert "data/sources/zabrze_certyfikacja_2015.txt" in text


def test_city_without_findings_says_so(open_page) -> None:
    at = open_page("city", lang="en", office="starogard-gdanski")
    assert at.info[0].value == "The sources report no audit findings for this office."


@pytest.mark.parametrize(("lang", "heading"), [("pl", "Dokumenty źródłowe"), ("en", "Source documents")])
def test_sources_lists_documents_and_downloads(open_page, lang: str, heading: str) -> None:
    at = open_page("sources", lang=lang)
    assert at.header[0].value == heading
    assert len(at.expander) == 5
    assert len(at.get("download_button")) == 14  # 13 tables and the database


@pytest.mark.parametrize(
    ("page", "params", "notice"),
    [
        ("overview", {"lang": "de"}, "lang=de"),
        ("overview", {"as_of": "2016-13-01"}, "as_of=2016-13-01"),
        ("cycles", {"cities": "zabrze,warszawa"}, "warszawa"),
        ("praised", {"measure": "percent"}, "measure=percent"),
        ("praised", {"years": "1990-2030"}, "years=1990-2030"),
        ("city", {"city": "gdansk"}, "office=gdansk"),
    ],
)
def test_bad_url_parameter_is_a_notice_not_a_traceback(open_page, page: str, params: dict, notice: str) -> None:
    at = open_page(page, **params)
    assert any(notice in w.value for w in at.warning), [w.value for w in at.warning]


def test_missing_database_is_a_message_not_a_traceback(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CITYISO_DB", str(tmp_path / "none.duckdb"))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=30).run()
    assert not at.exception
    assert "./run start" in at.error[0].value


def slide_html(at: AppTest) -> str:
    return "\n".join(h.proto.body for h in at.get("html"))


@pytest.mark.parametrize(
    ("lang", "start", "downloads"),
    [
        ("pl", "Rozpocznij prezentację", ["Pobierz prezentację (PPTX)", "Pobierz materiał do druku (PDF)"]),
        ("en", "Start presenting", ["Download the deck (PPTX)", "Download the handout (PDF)"]),
    ],
)
def test_presentation_setup_lists_the_slides(
    open_page, monkeypatch: pytest.MonkeyPatch, lang: str, start: str, downloads: list[str]
) -> None:
    from cityiso.exports import images

    # The buttons render images only when clicked, so any browser path will do to show them.
    monkeypatch.setattr(images, "find_browser", lambda: "/usr/bin/chromium")
    at = open_page("presentation", lang=lang, offices="zabrze")
    assert [b.label for b in at.button] == [start]
    count = "Slajdów: 6" if lang == "pl" else "Slides: 6"
    assert count in markdown_text(at)
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels[:2] == downloads
    assert labels[2:] == ["PNG", "SVG"] * 4  # one pair per chart slide


def test_presenting_moves_through_the_slides(open_page) -> None:
    at = open_page("presentation", lang="en", offices="zabrze", present="true", slide="3", as_of="2016-10-01")
    assert "Certificates and events over time" in slide_html(at)
    assert "Zabrze: 3rd certification cycle, valid until April 2018" in slide_html(at)
    assert "Sources: Certyfikacja Systemu Zarządzania Jakością" in slide_html(at)
    assert not at.multiselect and not at.date_input  # nothing to set up while presenting
    at.button(key="next").click().run()
    assert "Findings by ISO 9001:2015 clause" in slide_html(at)
    at.button(key="previous").click().run()
    at.button(key="previous").click().run()
    assert "Status on 1 October 2016: valid: 1" in slide_html(at)
    assert at.button(key="next").disabled is False and at.button(key="previous").disabled is False
    at.button(key="exit").click().run()
    assert at.title[0].value == "Presentation mode"


def test_presentation_without_a_browser_says_so(open_page, monkeypatch: pytest.MonkeyPatch) -> None:
    from cityiso.exports import images

    monkeypatch.setattr(images, "find_browser", lambda: None)
    at = open_page("presentation", lang="en", offices="zabrze")
    assert any("Image export is unavailable" in w.value for w in at.warning)
    assert not at.get("download_button")
    assert [b.label for b in at.button] == ["Start presenting"]  # presenting still works
