"""Przegląd: headline figures and the offices tracked."""

import streamlit as st

from cityiso.store import DatabaseMissing, fetch

st.title("Przegląd")
try:
    cities = fetch("cities_overview")
except DatabaseMissing as exc:
    st.error(f"Brak bazy danych ({exc}). Uruchom `./run start`, aby ją zbudować.")
    st.stop()

c1, c2, c3 = st.columns(3)
c1.metric("Urzędy", len(cities))
c2.metric("Audyty", int(cities["count_audits"].sum()))
c3.metric("Obszary docenione", int(cities["count_praised"].sum()))
st.dataframe(
    cities[["name", "office_name", "voivodeship", "count_certificates", "count_events", "count_praised"]],
    hide_index=True,
)
