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
# A page of offices (one row each): a plain table, so the page loads no data grid until a long table is opened.
ui.show(status, "status", scope=scope, static=True)

# The certificates and events behind the timeline, each in a box made only when opened (open boxes in ?tables=): two
# data grids drawn at every visit cost the browser about 0.4 s (python -m cityiso.bench pages).
TABLES = {
    "certificates": (cycles.certificates_view, "cycles.certificates"),
    "events": (cycles.events_view, "cycles.table"),
}
urlstate.bind("tables", urlstate.codes(list(TABLES), lang), [])
opened = []
for name, (make_view, label) in TABLES.items():
    box_key = f"table_{name}"
    st.session_state.setdefault(box_key, name in st.session_state["tables"])
    box = st.expander(t(label, lang), key=box_key, on_change="rerun", icon=":material/table:")
    if box.open:
        opened.append(name)
        with box:
            ui.show(make_view(ctx, data), name, download=True, context=family, scope=scope)
st.session_state["tables"] = opened
urlstate.write("tables", opened)
