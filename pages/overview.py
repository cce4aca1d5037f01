"""Przegląd / Overview: headline figures, the map by status, activity by year, latest and next events."""

import streamlit as st

from cityiso import ui
from cityiso.figures.overview import outline_rings, status_map, yearly_activity
from cityiso.labels import format_date, t
from cityiso.tables import events_table

lang = ui.lang()
st.title(t("overview.title", lang))
with st.columns([1, 3])[0]:
    as_of = ui.as_of_input()
everyone = ui.all_city_ids()
offices = ui.data_or_stop("cities_overview")
status = ui.data_or_stop("office_status_on_date", as_of=as_of)
events = ui.data_or_stop("events", cities=everyone)
source = ui.source_line()

counts = status["status"].value_counts()
c1, c2, c3, c4 = st.columns(4)
c1.metric(t("overview.offices", lang), len(offices))
c2.metric(
    t("overview.valid", lang),
    f"{counts.get('valid', 0)} (+{counts.get('approximate', 0)})",
    help=t("overview.valid_help", lang),
)
c3.metric(t("overview.audits", lang), int(offices["count_audits"].sum()))
c4.metric(t("overview.praised", lang), int(offices["count_praised"].sum()))

left, right = st.columns([5, 6])
with left:
    rings = outline_rings()
    ui.chart(status_map(status, rings, lang, format_date(as_of, "day", lang), source), "map", "status_map")
with right:
    praised = ui.data_or_stop("praised_per_year_by_clause", cities=everyone)
    audits = ui.data_or_stop("audits_per_year", cities=everyone)
    ui.chart(yearly_activity(praised, audits, lang, source), "trend", "activity_by_year")
    undated = int(events["audit_on"].isna().sum())
    st.caption(t("overview.undated_note", lang, n=undated))

held = events[events["audit_on"].notna() & ~events["is_planned"] & (events["audit_on"].dt.date <= as_of)]
upcoming = events[events["audit_on"].notna() & (events["is_planned"] | (events["audit_on"].dt.date > as_of))]
left, right = st.columns(2)
with left:
    st.subheader(t("overview.latest", lang))
    latest = held.sort_values("audit_on", ascending=False).head(5)
    st.dataframe(events_table(latest, lang).iloc[:, :5], hide_index=True)
with right:
    st.subheader(t("overview.next", lang))
    if upcoming.empty:
        st.info(t("overview.no_next", lang))
    else:
        st.dataframe(events_table(upcoming.sort_values("audit_on"), lang).iloc[:, :5], hide_index=True)
