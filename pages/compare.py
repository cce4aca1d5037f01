"""Porównanie / Compare: 2 to 4 offices side by side: cycles, clause and theme profiles, what sets each apart
(views from cityiso.views); an office without findings stays in the comparison, said to have none reported. Then one
office among its peers: the offices sharing its kind, voivodeship or size class (views.peers)."""

from dataclasses import replace

import streamlit as st

from cityiso.app import ui, urlstate
from cityiso.labels import t
from cityiso.safe_text import md
from cityiso.views import Context, OfficeFilter, compare, cycles, peers, praise

lang = ui.lang()
st.title(t("compare.title", lang))
family = ui.family_input()
# No source line needed to choose: a bare context (ui.context would ask selection_info for one).
with_findings = compare.first_praised_offices(Context(ui.data_or_stop, lang, family=family), 4)
offices = ui.offices_filter(t("compare.pick", lang), low=2, high=4, default=with_findings)
if len(offices) < 2:
    st.info(t("compare.pick_more", lang))
    st.stop()

scope = ui.Scope(OfficeFilter(tuple(offices)), family)
ctx = ui.context(scope)
names = ui.office_names()
ui.show(ui.shared_view(cycles.timeline_view, ctx), "compare_cycles", "compare_timeline", scope=scope)

left, right = st.columns(2)
with left:
    view = ui.shared_view(
        praise.category_view, ctx, "clause", "share", t("compare.clauses", lang), names=names, offices=offices
    )
    ui.show(view, "compare_clause_profile", "cmp_clause", scope=scope)
with right:
    by_theme = ui.shared_view(
        praise.category_view, ctx, "theme", "share", t("compare.themes", lang), names=names, offices=offices
    )
    ui.show(by_theme, "compare_theme_profile", "cmp_theme", scope=scope)

st.subheader(t("compare.bodies", lang))
# Plain tables here and for the peers (a few dozen rows at most): the page then loads none of the data grid's code.
certificates = ui.shared_view(cycles.certificates_view, ctx)
ui.show(replace(certificates, table=certificates.table.iloc[:, :6], takeaway="", note=""), "certificates", static=True)

st.subheader(t("compare.only_in", lang))
only_in = praise.only_in_views(by_theme.rows, offices, names, lang)
for column, view in zip(st.columns(len(offices)), only_in, strict=True):
    with column:
        st.markdown(f"**{md(view.title)}**")
        for theme, count in view.table.itertuples(index=False) if view.table is not None else ():
            st.markdown(f"- {md(theme)} ({count})")
        if view.takeaway:
            st.caption(md(view.takeaway))

st.subheader(t("peers.title", lang))
st.caption(t("peers.intro", lang))
left, right = st.columns([2, 3])
with left:
    urlstate.bind("peer_office", urlstate.choice(list(names), lang), offices[0])
    peer_office = st.selectbox(t("peers.office", lang), list(names), key="peer_office", format_func=names.get)
    urlstate.write("peer_office", peer_office)
with right:
    urlstate.bind("peer_by", urlstate.codes(list(peers.CRITERIA), lang), list(peers.DEFAULT_CRITERIA))
    by = st.pills(
        t("peers.by", lang),
        list(peers.CRITERIA),
        selection_mode="multi",
        key="peer_by",
        format_func=lambda c: t(f"peers.by.{c}", lang),
    )
    urlstate.write("peer_by", by)
group = peers.peer_group(ctx, peer_office, by)
if group.dropped:
    st.info(t("peers.size_unknown", lang))
peer_scope = ui.Scope(group.selection(), family)
among_peers = ui.context(peer_scope)
group_line = peers.group_line(among_peers, group)
st.markdown(md(group_line))
if population := peers.population_line(group, lang):
    st.caption(md(population))
view = ui.shared_view(peers.standing_view, among_peers, group, names[peer_office])
context = f"{names[peer_office]} · {group_line}"
ui.show(view, "compare_peers", download=True, context=context, scope=peer_scope, static=True)
left, _ = st.columns([3, 2])
with left:
    view = ui.shared_view(peers.distribution_view, among_peers, group, names[peer_office])
    ui.show(view, "compare_peers_distribution", scope=peer_scope)
