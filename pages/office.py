"""Urząd / Office profile: everything about one office on one printable page (at /office; /city, its former path,
leads here): its status with its latest evidence, its cycles, certificates, events, findings by clause and sources,
each drawn by a view from cityiso.views."""

from dataclasses import replace

import streamlit as st

from cityiso.app import ui, urlstate
from cityiso.labels import code_label, t
from cityiso.safe_text import html, md
from cityiso.views import FINDING_KINDS, VOICES, FindingsFilter, chosen, cycles, praise, sources

lang = ui.lang()
names = ui.office_names()
if st.session_state.get("office") not in names:  # the overview's "no office chosen" is no profile to show
    st.session_state.pop("office", None)
urlstate.bind("office", urlstate.choice(list(names), lang), next(iter(names)))
office_id = st.selectbox(t("office.pick", lang), list(names), key="office", format_func=names.get)
urlstate.write("office", office_id)
ctx = ui.context(ui.Scope.office(office_id))  # the office, every family, today

office = chosen.office_row(ctx)  # the office's own row, asked for alone
st.title(md(office["office_label"]))
st.markdown(
    f"**{md(office['office_name'])}** · {md(code_label('office_kind', office['office_kind'], lang))} · "
    f"{md(t('office.voivodeship', lang, voivodeship=office['voivodeship']))}"
    + (f" · {md(t('office.teryt', lang, teryt=office['teryt']))}" if isinstance(office["teryt"], str) else "")
)
with st.container(key="screen_only_print_hint"):  # dashboard.py's print style leaves it off paper
    st.caption(t("office.print_hint", lang))

# Every family the office holds, each certificate on its own row of the timeline; first its status today in each,
# with the date of the evidence behind it.
status = ui.shared_view(cycles.office_status_view, ctx, cycles.held_families(ctx))
st.subheader(status.title)
ui.show(status, f"status_{office_id}", static=True)
ui.show(ui.shared_view(cycles.timeline_view, ctx), f"cycle_{office_id}", "office_timeline")

for make in (cycles.certificates_view, cycles.events_view):
    view = ui.shared_view(make, ctx, with_office=False)
    st.subheader(t(f"office.{view.key}", lang))
    ui.show(view, f"{view.key}_{office_id}", static=True)  # every column on paper

st.subheader(t("office.findings", lang))
# Every finding of the office, whatever its kind and voice (each line says who says it), of every family.
every_finding = replace(ctx, findings=FindingsFilter(tuple(FINDING_KINDS), tuple(VOICES)))
by_clause = ui.shared_view(praise.office_findings, every_finding)
if not by_clause:
    st.info(t("office.no_findings", lang))
for heading, rows in by_clause:
    st.markdown(f"#### {md(heading)}")
    # One list per heading, as HTML with every value escaped: Streamlit's Markdown renderer took about half a second
    # of the browser's time over an office's hundreds of findings (python -m cityiso.bench pages).
    items = []
    for r in rows.itertuples():
        # Who says it, on every line: the auditors' praise is not the office's self-description.
        basis = f" · <em>{html(r.basis)}</em>" if r.basis else ""
        items.append(
            f"<li><strong>{html(r.text)}</strong> · <em>{html(r.theme)}</em> · {html(r.kind)} · {html(r.voice)} · "
            f"{html(r.date)}{basis}<blockquote>„{html(r.quote)}”<br><code>{html(r.source)}</code></blockquote></li>"
        )
    st.html(f"<ul class='office-findings'>{''.join(items)}</ul>")

st.subheader(t("office.sources", lang))
listed = sources.office_source_lines(ctx, office_id)
if listed:  # one list, as the findings above
    st.markdown("\n".join(listed))
