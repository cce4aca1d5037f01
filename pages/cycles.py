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
timeline = ui.shared_view(cycles.timeline_view, ctx, color_by, show_day=True)
ui.show(timeline, "certification_cycles", "timeline")
st.caption(t("cycles.legend_note", lang))
status = ui.shared_view(cycles.status_view, ctx)
st.subheader(status.title)
# A page of offices (one row each): a plain table, so the page loads no data grid until a long table is opened.
ui.show(status, "status", scope=scope, static=True)

# The certificates and events behind the timeline, each in a box made only when opened (?tables=).
views_by_table = {"certificates": cycles.certificates_view, "events": cycles.events_view}
boxes = ui.table_boxes({"certificates": t("cycles.certificates", lang), "events": t("cycles.table", lang)})
for name, box in boxes.items():
    with box:
        ui.show(ui.shared_view(views_by_table[name], ctx), name, download=True, context=family, scope=scope)
