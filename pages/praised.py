"""Obszary docenione / Praised areas: findings by clause and theme, the office-by-theme map, search."""

import streamlit as st

from cityiso import ui, urlstate
from cityiso.figures.praise import MEASURES, by_clause_bars, by_theme_bars, theme_heatmap
from cityiso.labels import code_label, localized, t
from cityiso.queries import AUDITOR_VOICES, findings_filters
from cityiso.safe_text import md
from cityiso.selection import findings_behind, selected_points
from cityiso.tables import findings_table
from cityiso.vocabulary import FINDING_KINDS, VOICES

lang = ui.lang()
st.title(t("praised.title", lang))
info = ui.data_or_stop("data_info").iloc[0]
first_year, last_year = info["first_event_on"].year, info["last_event_on"].year

with st.container(border=True):
    c1, c2, c3 = st.columns([3, 2, 2])
    with c1:
        offices = ui.offices_filter(t("offices", lang))
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

filters = findings_filters(offices, kinds, voices, years, undated, family)
findings = ui.data_or_stop("findings_filtered", **filters)
if not offices or findings.empty:
    st.info(t("nothing_found", lang) if offices else t("none_selected", lang))
    st.stop()

source = ui.source_line()
st.caption(t("praised.select_hint", lang))
by_clause = ui.data_or_stop("praised_by_clause", **filters)
by_theme = ui.data_or_stop("praised_by_theme", **filters)
left, right = st.columns(2)
with left:
    clause_event = ui.chart(
        by_clause_bars(by_clause, lang, measure, t("praised.by_clause", lang), source),
        "by_clause",
        "findings_by_clause",
        on_select=True,
    )
with right:
    theme_event = ui.chart(
        by_theme_bars(by_theme, lang, measure, t("praised.by_theme", lang), source),
        "by_theme",
        "findings_by_theme",
        on_select=True,
    )
heat_event = ui.chart(
    theme_heatmap(by_theme, lang, measure, t("praised.heatmap", lang), source),
    "heatmap",
    "offices_by_theme",
    on_select=True,
)


behind = findings_behind(
    findings, selected_points(clause_event), selected_points(theme_event) + selected_points(heat_event)
)
if not behind.empty:
    what = "; ".join(dict.fromkeys(f"{r.place} · {getattr(r, localized('theme', lang))}" for r in behind.itertuples()))
    st.subheader(t("praised.selected", lang, what=md(what)))
    st.dataframe(findings_table(behind, lang), hide_index=True)

st.subheader(t("praised.search", lang))
urlstate.bind("q", str, "")
query = st.text_input(
    t("praised.search", lang),
    key="q",
    help=t("praised.search_help", lang),
    label_visibility="collapsed",
    placeholder="skargi, informatyzacja, EU funds …",
)
urlstate.write("q", query)
if query.strip():
    hits = findings[
        findings["finding_id"].isin(ui.data_or_stop("findings_search", q=query, offices=offices)["finding_id"])
    ]
    st.caption(t("praised.search_results", lang, n=len(hits)))
    st.dataframe(findings_table(hits, lang), hide_index=True)

with st.expander(t("praised.all_findings", lang) + f" ({len(findings)})"):
    table = findings_table(findings, lang)
    st.dataframe(table, hide_index=True)
    ui.download_csv(table, f"cityiso_findings_{lang}", "dl_findings")
