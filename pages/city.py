"""Miasto / City profile: everything about one office on one printable page."""

import streamlit as st

from cityiso import ui, urlstate
from cityiso.figures.timeline import certification_timeline
from cityiso.labels import clause_label, code_label, format_date, localized, t
from cityiso.queries import findings_filters
from cityiso.safe_text import code, md
from cityiso.tables import certificates_table, events_table
from cityiso.vocabulary import FINDING_KINDS

lang = ui.lang()
names = ui.city_names()
urlstate.bind("city", urlstate.choice(list(names), lang), next(iter(names)))
city_id = st.selectbox(t("city.pick", lang), list(names), key="city", format_func=names.get)
urlstate.write("city", city_id)

office = ui.data_or_stop("cities_overview").set_index("city_id").loc[city_id]
st.title(md(office["name"]))
st.markdown(
    f"**{md(office['office_name'])}** · {md(code_label('office_type', office['office_type'], lang))} · "
    f"woj. {md(office['voivodeship'])}"
)
st.caption(t("city.print_hint", lang))

spans = ui.data_or_stop("certificate_spans", cities=[city_id])
events = ui.data_or_stop("events", cities=[city_id])
transitions = ui.data_or_stop("edition_transitions")
ui.chart(
    certification_timeline(spans, events, transitions, lang, ui.source_line()), "city_timeline", f"cycle_{city_id}"
)

st.subheader(t("city.certificates", lang))
st.dataframe(certificates_table(spans, lang).drop(columns=[t("office", lang)]), hide_index=True)
st.subheader(t("city.events", lang))
st.dataframe(events_table(events, lang).drop(columns=[t("office", lang)]), hide_index=True)

st.subheader(t("city.findings", lang))
findings = ui.data_or_stop("findings_filtered", **findings_filters([city_id], kinds=tuple(FINDING_KINDS)))
if findings.empty:
    st.info(t("city.no_findings", lang))
text = localized("text", lang)
theme = localized("theme", lang)
for _clause, rows in findings.groupby(findings["clause"].fillna(99), sort=True):
    first = rows.iloc[0]
    st.markdown(f"#### {md(clause_label(first['clause'], first['clause_pl'], first['clause_en'], lang))}")
    for r in rows.itertuples():
        date = format_date(r.audit_on, r.audit_on_precision, lang, bool(r.audit_on_is_inferred))
        st.markdown(
            f"- **{md(getattr(r, text))}** · _{md(getattr(r, theme))}_ · "
            f"{md(code_label('finding_kind', r.kind, lang))} · {md(date)}\n"
            f"  > „{md(r.quote)}”  \n  {code(r.source_file)}"
        )

st.subheader(t("city.sources", lang))
sources = ui.data_or_stop("sources_overview")
for r in sources[sources["city_id"] == city_id].itertuples():
    st.markdown(f"- **{md(r.title)}** — {code(r.file)}")
