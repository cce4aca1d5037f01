"""A URL parameter is a visitor's text: its notice shows it literally and shortened; huge values are refused."""

import re
import time

import pytest
from streamlit.testing.v1 import AppTest

from cityiso.app import urlstate
from cityiso.safe_text import md

# The fixture package's offices (tests/fixture_package.py), in the order the app lists them.
OFFICES = ["testowo", "testowo-powiat"]


def warnings(at: AppTest) -> list[str]:
    return at.notices  # every notice of the visit (open_page runs the overview first)


@pytest.mark.parametrize(
    ("page", "key", "value"),
    [
        ("office", "office", "**bold** [link](http://x.example) <img src=x>"),
        ("praised", "measure", "# heading"),
        ("overview", "lang", "![img](http://evil.example/x.png)"),
        ("overview", "family", "<b>ISO</b> **9001**"),
        ("cycles", "offices", "testowo,<b>x</b>"),
    ],
)
def test_a_rejected_value_is_shown_literally(open_page, page: str, key: str, value: str) -> None:
    at = open_page(page, **{"lang": "en", key: value})
    notices = [w for w in warnings(at) if f"{key}=" in w]
    assert notices
    for notice in notices:  # the page's own, and the overview's where it reads the same parameter first
        assert md(value) in notice
        for raw in ("**bold**", "[link](", "<img", "<b>", "![img]"):
            assert raw not in notice
        assert not re.search(r"(?<!\\)# heading", notice)


def test_a_long_rejected_value_is_shortened(open_page) -> None:
    value = "x" * 500
    at = open_page("office", lang="en", office=value)
    notice = warnings(at)[-1]  # the page's own (the overview may have said it first)
    assert "x" * urlstate.SHOWN_CHARS + "…" in notice
    assert "x" * (urlstate.SHOWN_CHARS + 1) not in notice
    assert at.selectbox(key="office").value == OFFICES[0]  # the default office, the first listed


@pytest.mark.parametrize("key", ["offices", "cities"])  # an old link's ?cities= is read as ?offices=
def test_a_huge_parameter_is_refused_before_parsing(open_page, key: str) -> None:
    value = ",".join(["testowo"] * 15_000)  # about 120 KB
    started = time.perf_counter()
    at = open_page("cycles", lang="en", filter_open=True, **{key: value})
    elapsed = time.perf_counter() - started
    notice = warnings(at)[-1]  # the page's own (the overview may have said it first)
    assert "offices=" in notice and str(urlstate.MAX_CHARS) in notice
    assert len(notice) < 400
    assert at.multiselect(key="offices").value == []  # the default: none chosen by name, so every office
    assert elapsed < 20, elapsed  # generous: it must not hang, not be fast on a loaded machine


def test_a_huge_search_query_is_refused(open_page) -> None:
    at = open_page("praised", lang="en", q="skargi " * 1000)
    assert any("q=" in w and str(urlstate.MAX_CHARS) in w for w in warnings(at))
    assert at.text_input[0].value == ""


def test_a_list_with_too_many_items_is_refused(open_page) -> None:
    value = ",".join(["testowo"] * (urlstate.MAX_ITEMS + 1))
    assert len(value) <= urlstate.MAX_CHARS
    at = open_page("cycles", lang="en", offices=value, filter_open=True)
    notice = warnings(at)[-1]  # the page's own (the overview may have said it first)
    assert "offices=" in notice and str(urlstate.MAX_ITEMS) in notice
    assert at.multiselect(key="offices").value == []


def test_unknown_codes_in_the_reason_are_shortened_and_literal(open_page) -> None:
    value = ",".join(f"**c{i}**" for i in range(90))
    at = open_page("cycles", lang="en", offices=value)
    notice = warnings(at)[-1]  # the page's own (the overview may have said it first)
    assert "**" not in notice
    assert "c89" not in notice  # the reason lists the unknown values, shortened
    assert len(notice) < 600


@pytest.mark.parametrize(
    ("page", "key"),
    [("cycles", "page"), ("sources", "source_page"), ("praised", "all_page"), ("presentation", "slide")],
)
@pytest.mark.parametrize("value", ["9" * 19, "9" * 40, str(urlstate.MAX_NUMBER + 1), "٣"])
def test_a_page_number_out_of_range_is_a_notice(open_page, page: str, key: str, value: str) -> None:
    """A page or slide number past MAX_NUMBER (one that would overflow the database's integers as an offset), or
    not plain ASCII digits from 1, is named in a notice and the first page shown; never an error or a traceback."""
    # open_page fails on any exception; the praised page's findings are read in their box, open here
    at = open_page(page, lang="en", **{key: value}, **({"tables": "findings"} if page == "praised" else {}))
    assert not at.error, [e.value for e in at.error]
    assert any(f"{key}=" in w for w in warnings(at)), warnings(at)


@pytest.mark.parametrize(("page", "key"), [("cycles", "office_q"), ("praised", "q"), ("sources", "source_q")])
def test_a_search_longer_than_its_box_takes_is_refused(open_page, page: str, key: str) -> None:
    """A search box takes at most SEARCH_CHARS characters, typed or from the URL (well under the URL's own limit)."""
    at = open_page(page, lang="en", filter_open=True, **{key: "a" * (urlstate.SEARCH_CHARS + 1)})
    assert any(f"{key}=" in w and str(urlstate.SEARCH_CHARS) in w for w in warnings(at)), warnings(at)
    box = at.text_input(key=key)
    assert box.value == "" and box.proto.max_chars == urlstate.SEARCH_CHARS
    fits = open_page(page, lang="en", filter_open=True, **{key: "a" * urlstate.SEARCH_CHARS})
    assert fits.text_input(key=key).value == "a" * urlstate.SEARCH_CHARS


DEFAULT_ORDER = "map,trends,cycles,clauses,themes,heatmap,top,distribution,findings"


@pytest.mark.parametrize(
    ("value", "kept", "said"),
    [
        # Unknown values named literally, the known ones kept in order, a repeat once.
        ("findings,**bold**,map,<b>x</b>,findings", "findings,map", md("**bold**, <b>x</b>")),
        (",".join(["map"] * (urlstate.MAX_ITEMS + 1)), DEFAULT_ORDER, str(urlstate.MAX_ITEMS)),  # too many: default
        ("map," * 600, DEFAULT_ORDER, str(urlstate.MAX_CHARS)),  # too long: refused before parsing
        ("", "", None),  # nothing chosen: the title slide alone
    ],
    ids=["unknown", "too_many", "too_long", "empty"],
)
def test_the_deck_s_slide_list_from_the_url(
    open_page, monkeypatch: pytest.MonkeyPatch, value: str, kept: str, said: str | None
) -> None:
    from cityiso.figures import images

    monkeypatch.setattr(images, "find_browser", lambda: None)  # the slides as a text list: no drawing needed
    at = open_page("presentation", lang="en", offices="testowo", slides=value)
    notices = [w for w in warnings(at) if "slides=" in w]
    assert (said is None) == (not notices), notices
    assert said is None or said in notices[0]
    assert all("**bold**" not in n and "<b>" not in n for n in notices)
    assert at.query_params["slides"] == kept
    # The ticked charts, in the deck's order: the kept ones that give a slide for one office.
    ticked = [c.key.removeprefix("pick_") for c in at.checkbox if c.value and not c.disabled]
    assert ticked == [k for k in kept.split(",") if k and k not in ("trends", "heatmap", "top", "distribution")]
    slides = "\n".join(m.value for m in at.markdown if m.value.startswith("1. "))
    assert slides.count("\n") == (0 if value == "" else len(ticked))  # the title slide, one slide a chart here
