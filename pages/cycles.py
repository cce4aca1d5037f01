"""Cykle certyfikacji / Certification cycles: the timeline of certificates and events, and the same as tables."""

import streamlit as st

from cityiso.app import ui, urlstate
from cityiso.figures.timeline import certification_timeline
from cityiso.labels import code_label, format_date, t
from cityiso.safe_text import md
from cityiso.views.tables import certificates_table, events_table

lang = ui.lang()
st.title(t("cycles.title", lang))
selection = ui.office_filter()
c2, c3, c4 = st.columns([2, 2, 1])
with c2:
    family = ui.family_input()
with c3:
    urlstate.bind("color_by", urlstate.choice(["edition", "body"], lang), "edition")
    color_by = st.radio(
        t("cycles.color_by", lang),
        ["edition", "body"],
        key="color_by",
        horizontal=True,
        format_func=lambda c: t(f"cycles.color.{c}", lang),
    )
    urlstate.write("color_by", color_by)
with c4:
    as_of = ui.as_of_input()
shown = ui.office_page(selection, family)
if not shown.offices:
    st.info(t("filter.no_offices", lang))
    st.stop()

spans = ui.data_or_stop("certificate_spans", **shown.params(), family=family)
events = ui.data_or_stop("events", **shown.params(), family=family)
on_certificates = ui.data_or_stop("events_by_certificate", **shown.params(), family=family)
transitions = ui.data_or_stop("edition_transitions", family=family)
fig = certification_timeline(spans, on_certificates, transitions, lang, ui.source_line(), color_by, as_of)
ui.chart(fig, "timeline", "certification_cycles")
st.caption(t("cycles.legend_note", lang))
status = ui.data_or_stop("office_status_on_date", **shown.params(), as_of=as_of, family=family)
st.markdown(f"**{t('status', lang)} ({md(family)}) — {t('as_of', lang).lower()} {format_date(as_of, 'day', lang)}**")
st.markdown("  \n".join(f"{md(row.place)}: {code_label('status', row.status, lang)}" for row in status.itertuples()))

st.subheader(t("cycles.certificates", lang))
certificates = certificates_table(spans, lang)
st.dataframe(certificates, hide_index=True)
ui.download_csv(
    certificates,
    f"cityiso_certificates_{lang}",
    "dl_certificates",
    title=f"{t('cycles.certificates', lang)} · {family}",
)
st.subheader(t("cycles.table", lang))
table = events_table(events, lang)
st.dataframe(table, hide_index=True)
ui.download_csv(table, f"cityiso_events_{lang}", "dl_events", title=f"{t('cycles.table', lang)} · {family}")
