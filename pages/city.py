"""Urząd / Office profile: everything about one office on one printable page (file and URL path keep the old name)."""

import streamlit as st

from cityiso.app import ui, urlstate
from cityiso.figures.timeline import certification_timeline
from cityiso.labels import clause_label, code_label, format_date, localized, t
from cityiso.queries import findings_filters
from cityiso.safe_text import code, md
from cityiso.views.tables import certificates_table, events_table
from cityiso.vocabulary import FINDING_KINDS, VOICES

lang = ui.lang()
names = ui.office_names()
if st.session_state.get("office") not in names:  # the overview's "no office chosen" is no profile to show
    st.session_state.pop("office", None)
urlstate.bind("office", urlstate.choice(list(names), lang), next(iter(names)))
office_id = st.selectbox(t("city.pick", lang), list(names), key="office", format_func=names.get)
urlstate.write("office", office_id)

office = ui.data_or_stop("offices_overview", family=None).set_index("office_id").loc[office_id]
st.title(md(office["place"]))
st.markdown(
    f"**{md(office['office_name'])}** · {md(code_label('office_kind', office['office_kind'], lang))} · "
    f"woj. {md(office['voivodeship'])}"
    + (f" · TERYT {md(office['teryt'])}" if isinstance(office["teryt"], str) else "")
)
st.caption(t("city.print_hint", lang))

# Every family the office holds, each certificate on its own row of the timeline.
spans = ui.data_or_stop("certificate_spans", offices=[office_id], family=None)
events = ui.data_or_stop("events", offices=[office_id], family=None)
on_certificates = ui.data_or_stop("events_by_certificate", offices=[office_id], family=None)
transitions = ui.data_or_stop("edition_transitions", family=None)
transitions = transitions[transitions["standard_id"].isin(spans["standard_id"])]
ui.chart(
    certification_timeline(spans, on_certificates, transitions, lang, ui.source_line()),
    "city_timeline",
    f"cycle_{office_id}",
)

st.subheader(t("city.certificates", lang))
st.dataframe(certificates_table(spans, lang).drop(columns=[t("office", lang)]), hide_index=True)
st.subheader(t("city.events", lang))
st.dataframe(events_table(events, lang).drop(columns=[t("office", lang)]), hide_index=True)

st.subheader(t("city.findings", lang))
findings = ui.data_or_stop(
    "findings_filtered", **findings_filters([office_id], kinds=tuple(FINDING_KINDS), voices=tuple(VOICES))
)
if findings.empty:
    st.info(t("city.no_findings", lang))
text = localized("text", lang)
theme = localized("theme", lang)
for _clause, rows in findings.groupby(findings["clause"].fillna(99), sort=True):
    first = rows.iloc[0]
    st.markdown(f"#### {md(clause_label(first['clause'], first['clause_pl'], first['clause_en'], lang))}")
    for r in rows.itertuples():
        date = format_date(r.event_on, r.event_on_precision, lang, bool(r.event_on_is_inferred))
        st.markdown(
            # Who says it, on every line: the auditors' praise is not the office's self-description.
            f"- **{md(getattr(r, text))}** · _{md(getattr(r, theme))}_ · "
            f"{md(code_label('finding_kind', r.kind, lang))} · {md(code_label('voice', r.voice, lang))} · {md(date)}\n"
            f"  > „{md(r.quote)}”  \n  {code(r.source_file)}"
        )

st.subheader(t("city.sources", lang))
sources = ui.data_or_stop("sources_overview", kind=None, offices=[office_id], q=None, limit=1000, offset=0)
for r in sources[sources["office_id"] == office_id].itertuples():
    st.markdown(f"- **{md(r.title)}** — {code(r.file)}" + (f" · {md(r.url)}" if isinstance(r.url, str) else ""))
