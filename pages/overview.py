"""Przegląd / Overview: headline figures, the map by status, activity by year, latest and next events."""

import streamlit as st

from cityiso import ui
from cityiso.figures.overview import outline_rings, status_map, yearly_activity
from cityiso.labels import format_date, t
from cityiso.tables import events_table

lang = ui.lang()
st.title(t("overview.title", lang))
left, middle = st.columns([1, 1])[:2]
with left:
    as_of = ui.as_of_input()
with middle:
    family = ui.family_input()
everyone = ui.all_office_ids()
offices = ui.data_or_stop("offices_overview", family=family)
status = ui.data_or_stop("office_status_on_date", as_of=as_of, family=family)
events = ui.data_or_stop("events", offices=everyone, family=family)
source = ui.source_line()

counts = status["status"].value_counts()
c1, c2, c3, c4 = st.columns(4)
c1.metric(t("overview.offices", lang), len(offices))
c2.metric(
    t("overview.valid", lang),
    f"{counts.get('valid', 0)} (+{counts.get('valid_approximate', 0)})",
    help=t("overview.valid_help", lang),
)
c3.metric(t("overview.audits", lang), int(offices["count_audits"].sum()))
c4.metric(t("overview.praised", lang), int(offices["count_praised"].sum()))

left, right = st.columns([5, 6])
with left:
    rings = outline_rings()
    fig = status_map(status, rings, lang, format_date(as_of, "day", lang), source, family)
    ui.chart(fig, "map", "status_map")
with right:
    praised = ui.data_or_stop("praised_per_year_by_clause", offices=everyone, family=family)
    audits = ui.data_or_stop("audits_per_year", offices=everyone, family=family)
    ui.chart(yearly_activity(praised, audits, lang, source), "trend", "activity_by_year")
    undated = int(events["event_on"].isna().sum())
    st.caption(t("overview.undated_note", lang, n=undated))

held = events[events["event_on"].notna() & ~events["is_planned"] & (events["event_on"].dt.date <= as_of)]
upcoming = events[events["event_on"].notna() & (events["is_planned"] | (events["event_on"].dt.date > as_of))]
left, right = st.columns(2)
with left:
    st.subheader(t("overview.latest", lang))
    latest = held.sort_values("event_on", ascending=False).head(5)
    st.dataframe(events_table(latest, lang).iloc[:, :5], hide_index=True)
with right:
    st.subheader(t("overview.next", lang))
    if upcoming.empty:
        st.info(t("overview.no_next", lang))
    else:
        st.dataframe(events_table(upcoming.sort_values("event_on"), lang).iloc[:, :5], hide_index=True)
