"""A bad value of any URL parameter a page reads is named in a notice on that page, in sight as the page opens: never
inside a collapsed expander, a popover, a dialog or a tab other than the first (cityiso/app/urlstate.py)."""

import pytest
from streamlit.testing.v1 import AppTest

from cityiso.app import urlstate
from cityiso.paths import ROOT
from cityiso.safe_text import md

TOO_LONG = "a" * (urlstate.SEARCH_CHARS + 1)
# One value each parameter cannot take (unknown code, impossible date, out of range, too long, not a flag).
BAD = {
    "lang": "xx",
    "as_of": "2016-13-01",
    "family": "ISO 9999",
    "office_q": TOO_LONG,
    "voivodeships": "atlantyda",
    "office_kinds": "zamek",
    "offices": "testowo,gdansk",
    "office": "gdansk",
    "color_by": "size",
    "tables": "timeline",
    "per_page": "7",
    "page": "0",
    "years": "1990-2030",
    "kinds": "gossip",
    "voices": "nobody",
    "measure": "percent",
    "undated": "maybe",
    "pick": "nothing",
    "q": TOO_LONG,
    "all_page": "0",
    "source_q": TOO_LONG,
    "source_page": "0",
    "charts": "pie",
    "slides": "pie",
    "size_classes": "huge",
    "peer_office": "gdansk",
    "peer_by": "colour",
    "screen": "1x1",
    "present": "maybe",
    "slide": "0",
}
FILTER = ("office_q", "voivodeships", "office_kinds", "size_classes", "offices")
# Every parameter each page reads (README: "Everything a view depends on lives in the URL"). ?lang= is read by
# dashboard.py, which draws its notice at the top of the page before running any page: checked once, below.
PAGE_PARAMS = {
    "overview": ("as_of", "family", *FILTER, "office"),
    "cycles": (*FILTER, "family", "color_by", "as_of", "per_page", "page", "tables"),
    "praised": (*FILTER, "family", "years", "kinds", "voices", "measure", "undated", "pick", "q", "all_page", "tables"),
    "compare": ("family", "offices", "peer_office", "peer_by"),
    "office": ("office",),
    "presentation": (*FILTER, "slides", "charts", "screen", "as_of", "family", "present", "slide"),
    "sources": ("office_q", "voivodeships", "office_kinds", "size_classes", "source_q", "source_page"),
}
# A parameter of old links is named in the notice by the name it has now (a deck's charts= is slides=).
NAMED_AS = {"charts": "slides"}
# A parameter read only inside a box the visitor opens is checked with that box open.
OPENED = {"all_page": {"tables": "findings"}}
CASES = [(page, key) for page, keys in PAGE_PARAMS.items() for key in keys]


def _hidden(block, parent) -> bool:
    """Whether a block keeps what it holds out of sight until the visitor opens it."""
    kind = getattr(block, "type", "")
    if kind == "expander":
        return not block.proto.expanded
    if kind in ("popover", "dialog"):
        return True
    if kind == "tab":  # only the first tab of a set shows as the page opens
        return list(parent.children.values()).index(block) != 0
    return False


def warnings_in_sight(at: AppTest) -> tuple[list[str], list[str]]:
    """The page's warnings: those in sight as it opens, and those behind something the visitor must open."""
    shown, hidden = [], []

    def walk(node, parent, covered: bool) -> None:
        covered = covered or _hidden(node, parent)
        if getattr(node, "type", "") == "warning":
            (hidden if covered else shown).append(node.value)
        for child in getattr(node, "children", {}).values():
            walk(child, node, covered)

    walk(at._tree, None, False)
    return shown, hidden


def deep_link(page: str, lang: str, /, **params: str) -> AppTest:
    """The page as a link opened in a new tab runs it: its parameters read from the URL for the first time. (AppTest
    runs a page after dashboard.py only once the overview has run, and the overview reads the parameters it shares
    with the page first: open_page would show the overview's notice, not the page's.)"""
    at = AppTest.from_file(str(ROOT / "pages" / f"{page}.py"), default_timeout=30)
    at.session_state["lang"] = lang
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


@pytest.mark.parametrize(("page", "key"), CASES, ids=[f"{p}-{k}" for p, k in CASES])
def test_a_bad_url_value_is_named_in_sight(package_db, monkeypatch, page: str, key: str) -> None:
    monkeypatch.setenv("CITYISO_DB", str(package_db))
    shown, hidden = warnings_in_sight(deep_link(page, "pl", **OPENED.get(key, {}), **{key: BAD[key]}))
    named = f"{NAMED_AS.get(key, key)}={md(urlstate.shorten(BAD[key]))}"  # the parameter and its value, shown literally
    assert any(named in w for w in shown), (shown, hidden)
    assert not [w for w in hidden if named in w]


def test_a_bad_language_is_named_at_the_top_of_the_page(open_page) -> None:
    """dashboard.py reads ?lang= and says so first in the page, before the page itself draws anything."""
    at = open_page("overview", lang=BAD["lang"])
    first = next(iter(at.main.children.values()))
    assert first.type == "warning" and f"lang={BAD['lang']}" in first.value


def test_the_check_sees_a_notice_in_a_collapsed_expander() -> None:
    """The walk itself: a warning inside a folded expander counts as out of sight, an unfolded one in sight."""
    script = """
import streamlit as st
with st.expander("folded"):
    st.warning("inside")
with st.expander("open", expanded=True):
    st.warning("open")
a, b = st.tabs(["one", "two"])
a.warning("first tab")
b.warning("second tab")
"""
    at = AppTest.from_string(script).run()
    assert warnings_in_sight(at) == (["open", "first tab"], ["inside", "second tab"])
