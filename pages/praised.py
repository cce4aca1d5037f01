"""Obszary docenione / Praised areas: findings by clause and theme, the office-by-theme map, search."""

import streamlit as st

from cityiso.app import ui, urlstate
from cityiso.labels import code_label, t
from cityiso.safe_text import md
from cityiso.views import AUDITOR_VOICES, FINDING_KINDS, VOICES, FindingsFilter, praise
from cityiso.views.praise import MEASURES
from cityiso.views.selection import latest_pick, selected_points

# More offices than this and the bars sum them all; the office-by-theme map shows this many at most.
MAX_OFFICE_BARS = 8
HEATMAP_OFFICES = 25


def _pick_text(pick) -> str:
    """A pick as the URL writes it ('' when nothing is picked)."""
    return f"{pick.kind}:{','.join(pick.keys)}" if pick else ""


lang = ui.lang()
st.title(t("praised.title", lang))
first_year, last_year = ui.event_years()

with st.container(border=True):
    selection = ui.office_filter()
    c1, c2, c3 = st.columns([3, 2, 2])
    with c1:
        family = ui.family_input()
        urlstate.bind("years", urlstate.year_range(lang, first_year, last_year), (first_year, last_year))
        years = st.slider(t("years", lang), first_year, last_year, key="years")
        urlstate.write("years", f"{years[0]}-{years[1]}")
    with c2:
        urlstate.bind("kinds", urlstate.codes(list(FINDING_KINDS), lang, 1), ["praise"])
        kinds = st.multiselect(
            t("finding_kind", lang),
            list(FINDING_KINDS),
            key="kinds",
            format_func=lambda c: code_label("finding_kind", c, lang),
        )
        urlstate.write("kinds", kinds)
        # "Praised" means the auditors by default; the office, the body and the press only when chosen.
        urlstate.bind("voices", urlstate.codes(list(VOICES), lang, 1), list(AUDITOR_VOICES))
        voices = st.multiselect(
            t("voice", lang),
            list(VOICES),
            key="voices",
            format_func=lambda c: code_label("voice", c, lang),
            help=t("voice_help", lang),
        )
        urlstate.write("voices", voices)
    with c3:
        urlstate.bind("measure", urlstate.choice(MEASURES, lang), "count")
        measure = st.radio(
            t("measure", lang), MEASURES, key="measure", horizontal=True, format_func=lambda m: t(f"measure.{m}", lang)
        )
        urlstate.write("measure", measure)
        urlstate.bind("undated", urlstate.flag(lang), True)
        undated = st.toggle(t("include_undated", lang), key="undated")
        urlstate.write("undated", str(undated).lower())

findings = FindingsFilter(tuple(kinds), tuple(voices), tuple(years), undated)
filters = findings.params(selection, family)  # the findings lists below page through these
scope = ui.Scope(selection, family)
ctx = ui.context(scope, findings)
# Offices with findings, the most first: as many as the bars can tell apart, or one bar for them all.
top = praise.praised_offices(ctx, HEATMAP_OFFICES)
if top.empty:
    st.info(t("nothing_found", lang))
    st.stop()
covered = int(top["count_offices"].iloc[0])
count_undated = int(top["count_undated_findings"].iloc[0])
grouped = covered > MAX_OFFICE_BARS
shown = top["office_id"].tolist()  # each keeps its colour on both bar charts
bars = {"grouped": grouped, "everyone": t("praised.all_covered", lang, n=covered), "among": shown}

st.caption(t("praised.select_hint", lang))
# A click on a bar or a cell picks its category; a click on another chart replaces the pick (never adds to it),
# and that chart's selection is cleared by drawing it afresh (its key's round number). The pick lives in the URL.
rounds = st.session_state.setdefault("pick_rounds", {"by_clause": 0, "by_theme": 0, "heatmap": 0})
urlstate.bind("pick", urlstate.pick(lang), None)
left, right = st.columns(2)
with left:
    by_clause = ui.shared_view(praise.category_view, ctx, "clause", measure, t("praised.by_clause", lang), **bars)
    clause_event = ui.show(by_clause, "findings_by_clause", f"by_clause_{rounds['by_clause']}", on_select=True)
with right:
    by_theme = ui.shared_view(praise.category_view, ctx, "theme", measure, t("praised.by_theme", lang), **bars)
    theme_event = ui.show(by_theme, "findings_by_theme", f"by_theme_{rounds['by_theme']}", on_select=True)
# The office-by-theme map: every office when few, else those with the most findings (a caption says so).
heatmap = ui.shared_view(praise.heatmap_view, ctx, measure, t("praised.heatmap", lang), shown if grouped else None)
heat_event = ui.show(heatmap, "offices_by_theme", f"heatmap_{rounds['heatmap']}", on_select=True)
if covered > len(top):
    st.caption(t("praised.heatmap_top", lang, shown=len(top), n=covered))
if count_undated and undated:
    st.caption(t("praised.undated_in", lang, n=count_undated))
elif count_undated:
    st.caption(t("praised.undated_out", lang, n=count_undated, toggle=t("include_undated", lang)))

points = {
    "by_clause": selected_points(clause_event),
    "by_theme": selected_points(theme_event),
    "heatmap": selected_points(heat_event),
}
change = latest_pick(points, st.session_state.get("pick_seen", {}))
st.session_state["pick_seen"] = points
if change:
    chart, st.session_state["pick"] = change
    others = [c for c in rounds if c != chart and points[c]]
    if others:  # clear the other charts' highlighted selection: they are no longer what the findings show
        for other in others:
            rounds[other] += 1
        st.session_state["pick_seen"] = {c: (p if c == chart else []) for c, p in points.items()}
        urlstate.write("pick", _pick_text(st.session_state["pick"]))
        st.rerun()
picked = st.session_state.get("pick")
urlstate.write("pick", _pick_text(picked))
if picked:
    names = ui.office_names()
    with st.container(key="picked_findings"):
        heading, clear = st.columns([5, 1])
        heading.subheader(
            t("praised.selected", lang, what=md(praise.pick_title(picked, by_clause.rows, heatmap.rows, names, lang)))
        )
        if clear.button(t("praised.clear_pick", lang), icon=":material/close:"):
            st.session_state["pick"] = None
            for chart in rounds:
                rounds[chart] += 1
            st.session_state["pick_seen"] = {}
            urlstate.write("pick", "")
            st.rerun()
        ui.findings_cards_page({**filters, **picked.params(), "q": None}, "behind", scope=scope)

st.subheader(t("praised.search", lang))
urlstate.bind("q", urlstate.search_text(lang), "")
query = st.text_input(
    t("praised.search", lang),
    key="q",
    max_chars=urlstate.SEARCH_CHARS,
    help=t("praised.search_help", lang),
    label_visibility="collapsed",
    placeholder=t("praised.search_placeholder", lang),
)
urlstate.write("q", query)
if query.strip():
    ui.findings_table_page({**filters, "clause_keys": None, "theme_keys": None, "q": query}, "hits", scope=scope)

# Every finding the filters match, as a table made only when its box is opened (?tables=findings).
for box in ui.table_boxes({"findings": t("praised.all_findings", lang)}).values():
    with box:
        ui.findings_table_page(
            {**filters, "clause_keys": None, "theme_keys": None, "q": None}, "all", download=True, scope=scope
        )
