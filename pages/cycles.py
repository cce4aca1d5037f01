"""Cykle certyfikacji / Certification cycles: the timeline of certificates and events, each office's status with
its latest evidence, and the certificates and events as tables (views from cityiso.views.cycles)."""

import streamlit as st

from cityiso.app import ui, urlstate
from cityiso.labels import t
from cityiso.views import cycles

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

scope = ui.Scope(shown, family, as_of)
ctx = ui.context(scope)
data = cycles.cycles_data(ctx)
timeline = ui.shared_view(cycles.timeline_view, ctx, data, color_by, show_day=True)
ui.show(timeline, "certification_cycles", "timeline")
st.caption(t("cycles.legend_note", lang))
status = cycles.status_view(ctx)
st.subheader(status.title)
ui.show(status, "status", scope=scope)

for view in (cycles.certificates_view(ctx, data), cycles.events_view(ctx, data)):
    st.subheader(view.title)
    ui.show(view, view.key, download=True, context=family, scope=scope)
