"""Przegląd / Overview: headline figures, the status map, activity by year, national trends, where one office stands,
and the latest and next events; every number from a named query that aggregates, readable at any number of offices."""

import pandas as pd
import streamlit as st

from cityiso.app import ui, urlstate
from cityiso.figures.trends import distribution_bars, status_history
from cityiso.labels import code_label, format_date, t
from cityiso.views import national
from cityiso.views.tables import events_table

LATEST = 5  # events in each of the two lists

lang = ui.lang()
st.title(t("overview.title", lang))
left, middle = st.columns([1, 1])[:2]
with left:
    as_of = ui.as_of_input()
with middle:
    family = ui.family_input()
with st.expander(t("filter.expander", lang)):
    selection = ui.office_filter(chosen_offices=True)
params = selection.params()
source = ui.source_line()
fetch = ui.data_or_stop

head = national.headline(fetch, selection, as_of, family)
c1, c2, c3, c4 = st.columns(4)
c1.metric(t("overview.offices", lang), int(head["count_offices"]))
c2.metric(
    t("overview.valid", lang),
    f"{int(head['count_valid'])} (+{int(head['count_valid_approximate'])})",
    help=t("overview.valid_help", lang),
)
c3.metric(t("overview.audits", lang), int(head["count_audits"]))
c4.metric(t("overview.praised", lang), int(head["count_praised"]))
if pd.notna(head["latest_event_on"]):
    st.caption(t("overview.latest_evidence", lang, date=format_date(head["latest_event_on"], "day", lang)))

left, right = st.columns([5, 6])
with left:
    view = national.status_map_view(fetch, selection, as_of, family, lang, source, int(head["count_offices"]))
    ui.chart(view.figure, "map", "status_map")
with right:
    ui.show(national.activity_view(fetch, selection, family, lang, source), "activity_by_year", "trend")

st.subheader(t("overview.trends", lang))
st.caption(t("overview.trends_intro", lang))
by_year = national.status_by_year(fetch, selection, as_of, family)
left, right = st.columns(2)
with left:
    ui.chart(national.held_by_family_view(by_year, lang, source, family).figure, "by_family", "held_by_family")
    ui.chart(
        national.held_by_voivodeship_view(by_year, lang, source, family).figure, "by_voivodeship", "held_by_voivodeship"
    )
with right:
    ui.chart(national.held_by_kind_view(by_year, lang, source, family).figure, "by_kind", "held_by_office_kind")
    ui.chart(national.flows_view(fetch, selection, as_of, family, lang, source).figure, "flows", "flows_by_year")
undated = fetch("national_undated", **params, family=family)
if not undated.empty:
    kinds = ", ".join(f"{code_label('event_kind', r.kind, lang)}: {r.count_events}" for r in undated.itertuples())
    st.caption(t("overview.undated_kinds", lang, kinds=kinds))

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
    standing = fetch("office_standing", office=office, family=family)
    kind = code_label("office_kind", standing["office_kind"].iloc[0], lang) if len(standing) else ""
    for column, r in zip(st.columns(3), standing.itertuples(), strict=False):
        column.metric(
            t(f"trends.measure.{r.measure}", lang),
            r.value,
            t("overview.standing_metric", lang, rank=r.rank, n=r.count_peers),
            delta_color="off",
            help=t("overview.standing_help", lang, kind=kind, percentile=r.percentile, median=r.peer_median),
        )
    left, right = st.columns(2)
    with left:
        history = fetch("office_status_by_year", office=office, as_of=as_of, family=family)
        ui.chart(status_history(history, lang, source, names[office], family), "history", "office_history")
    with right:
        peers = fetch("national_distribution", office_kinds=[standing["office_kind"].iloc[0]], family=family)
        audits_value = standing.loc[standing["measure"] == "audits", "value"]
        title = t("overview.standing_distribution", lang)
        mark = float(audits_value.iloc[0]) if len(audits_value) else None
        note = t("trends.this_office", lang, kind=kind)
        fig = distribution_bars(peers, "audits", lang, source, title, mark=mark, subtitle=note)
        ui.chart(fig, "peers", "audits_among_peers")

left, right = st.columns(2)
with left:
    st.subheader(t("overview.latest", lang))
    latest = fetch("events_around", **params, as_of=as_of, family=family, after=False, limit=LATEST)
    st.dataframe(events_table(latest, lang).iloc[:, :5], hide_index=True)
with right:
    st.subheader(t("overview.next", lang))
    upcoming = fetch("events_around", **params, as_of=as_of, family=family, after=True, limit=LATEST)
    if upcoming.empty:
        st.info(t("overview.no_next", lang))
    else:
        st.dataframe(events_table(upcoming, lang).iloc[:, :5], hide_index=True)
    if int(head["count_past_planned"]):
        when = format_date(as_of, "day", lang)
        st.caption(t("overview.past_planned", lang, date=when, n=int(head["count_past_planned"])))
