"""Przegląd / Overview: headline figures, the status map, activity by year, national trends, where one office stands,
and the latest and next events; every number from a named query that aggregates, readable at any number of offices."""

from dataclasses import replace

import pandas as pd
import streamlit as st

from cityiso.app import ui, urlstate
from cityiso.labels import code_label, format_date, grouped, t
from cityiso.safe_text import md
from cityiso.views import Context, OfficeFilter, View, cycles, national

LATEST = 5  # events in each of the two lists
# The trend charts, one shown at a time: its view and the file name of its download.
TRENDS = {
    "family": (national.held_by_family_view, "held_by_family"),
    "office_kind": (national.held_by_kind_view, "held_by_office_kind"),
    "voivodeship": (national.held_by_voivodeship_view, "held_by_voivodeship"),
    "flows": (national.flows_view, "flows_by_year"),
}

lang = ui.lang()
st.title(t("overview.title", lang))
left, middle = st.columns([1, 1])[:2]
with left:
    as_of = ui.as_of_input()
with middle:
    family = ui.family_input()
selection = ui.office_filter()
scope = ui.Scope(selection, family, as_of)
ctx = ui.context(scope)

head = national.headline(ctx)
c1, c2, c3, c4 = st.columns(4)
c1.metric(t("overview.offices", lang), grouped(int(head["count_offices"]), lang))
c2.metric(
    t("overview.valid", lang),
    f"{grouped(int(head['count_valid']), lang)} (+{grouped(int(head['count_valid_approximate']), lang)})",
    help=t("overview.valid_help", lang),
)
day = format_date(as_of, "day", lang)
undated = t(
    "overview.counts_help", lang, audits=int(head["count_undated_audits"]), praised=int(head["count_undated_praised"])
)
c3.metric(t("overview.audits", lang), grouped(int(head["count_audits"]), lang), help=undated)
c4.metric(t("overview.praised", lang), grouped(int(head["count_praised"]), lang), help=undated)
counted = t("overview.counted_to", lang, date=day)
if pd.notna(head["latest_event_on"]):
    latest = format_date(head["latest_event_on"], head["latest_event_precision"], lang)
    counted += " " + t("overview.latest_evidence", lang, date=latest)
st.caption(counted)

left, right = st.columns([5, 6])
with left:
    view = ui.shared_view(national.status_map_view, ctx, int(head["count_offices"]))
    ui.chart(view.figure, "map", "status_map")
    if view.table is not None:  # the map by voivodeship: its counts as a table too, made only when opened
        for box in ui.table_boxes({"by_voivodeship": t("map.table", lang)}).values():
            with box:
                counts = View(view.key, view.title, "", table=view.table)
                ui.show(counts, "status_by_voivodeship", download=True, scope=scope)
    if view.note:  # how many offices exist, for the map of offices (the map by voivodeship says it itself)
        st.caption(md(view.note))
    # The denominator: how many offices exist (TERC). The same whatever the filter, so shared by language only.
    coverage = ui.shared_view(national.coverage_view, Context(ui.data_or_stop, lang))
    st.markdown(f"**{md(coverage.title)}**")
    ui.show(coverage, "coverage", static=True)
with right:
    ui.show(ui.shared_view(national.activity_view, ctx), "activity_by_year", "trend")

st.subheader(t("overview.trends", lang))
st.caption(t("overview.trends_intro", lang))
# One trend drawn at a time, the others a click away: three more charts cost the browser about a second to draw.
urlstate.bind("trends", urlstate.choice(list(TRENDS), lang), "family")
trend = st.segmented_control(
    t("overview.trend_pick", lang),
    list(TRENDS),
    key="trends",
    required=True,
    format_func=lambda c: t(f"overview.trend.{c}", lang),
)
urlstate.write("trends", trend)
make_view, filename = TRENDS[trend]
ui.chart(ui.shared_view(make_view, ctx).figure, f"trend_{trend}", filename)
if note := national.undated_kinds_note(ctx):
    st.caption(note)

st.subheader(t("overview.standing", lang))
names = ui.office_names()
urlstate.bind("office", urlstate.choice(list(names), lang), None)
office = st.selectbox(
    t("overview.standing_pick", lang),
    list(names),
    key="office",
    format_func=names.get,
    index=None,
    placeholder=t("overview.standing_placeholder", lang),
)
urlstate.write("office", office or "")
if office:
    standing = national.standing(ctx, office)
    kind = code_label("office_kind", standing["office_kind"].iloc[0], lang) if len(standing) else ""
    line = cycles.status_lines(ctx, [office])[office]
    st.markdown(md(t("overview.status_line", lang, family=family, date=format_date(as_of, "day", lang), line=line)))
    for column, r in zip(st.columns(3), standing.to_dict("records"), strict=False):
        column.metric(
            t(f"trends.measure.{r['measure']}", lang),
            grouped(int(r["value"]), lang),
            national.rank_words(r, lang),
            delta_color="off",
            delta_arrow="off",  # a rank is no rise or fall: no arrow, green or red
            help=t("overview.standing_help", lang, kind=kind, percentile=r["percentile"], median=r["peer_median"]),
        )
    left, right = st.columns(2)
    with left:
        one = replace(ctx, source=ui.source_line(ui.Scope.office(office, family, as_of)))  # the office's own sources
        ui.show(ui.shared_view(national.history_view, one, office, names[office]), "office_history")
    with right:
        if len(standing):
            # Every office of its kind, whatever the page's filter: the source line counts exactly those.
            kind = ui.Scope(OfficeFilter(office_kinds=(standing["office_kind"].iloc[0],)), family, as_of)
            ui.show(ui.shared_view(national.peers_view, ui.context(kind), office), "audits_among_peers")

left, right = st.columns(2)
for column, after in ((left, False), (right, True)):
    with column:
        view = ui.shared_view(cycles.events_around_view, ctx, after, LATEST)
        st.subheader(view.title)
        if view.table.empty and after:
            st.info(t("overview.no_next", lang))
        # Plain tables: five rows need no data grid, whose code (about 1.2 MB of it) the browser would load for them.
        ui.show(view, f"{view.key}_events", scope=scope, static=True)
with right:
    if int(head["count_past_planned"]):
        when = format_date(as_of, "day", lang)
        st.caption(t("overview.past_planned", lang, date=when, n=int(head["count_past_planned"])))
