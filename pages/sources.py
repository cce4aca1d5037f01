"""Źródła i metodologia / Sources and method: each document and its facts, the codebook, method, downloads."""

import datetime as dt

import streamlit as st

from cityiso import ui
from cityiso.labels import METHOD_MD, localized, t
from cityiso.safe_text import code, md
from cityiso.store import DOWNLOADABLE_TABLES, database_bytes, table_csv

lang = ui.lang()
en = lang == "en"
st.title(t("sources.title", lang))
sources = ui.data_or_stop("sources_overview")
everyone = ui.all_city_ids()

st.header(t("sources.documents", lang))
events = ui.data_or_stop("events", cities=everyone)
spans = ui.data_or_stop("certificate_spans", cities=everyone)
for r in sources[sources["kind"] == "document"].itertuples():
    with st.expander(f"{md(r.city_name)}: {md(r.title)}"):
        st.markdown(f"{code(r.file)} · SHA-256 `{r.sha256[:16]}…`" + (f"  \n{md(r.note)}" if r.note else ""))
        st.markdown(
            f"**{t('sources.facts', lang)}**: {r.count_certificates} × certificate, "
            f"{r.count_events} × event, {r.count_findings} × finding, {r.count_units} × unit"
        )
        facts = [
            f"- {md(c.standard_as_written)} ({md(c.certificate_id)})"
            for c in spans.itertuples()
            if c.source_id == r.source_id
        ]
        facts += [f"- {md(e.kind)}: {md(e.audit_id)}" for e in events.itertuples() if e.source_id == r.source_id]
        st.markdown("\n".join(facts))
        if st.toggle(t("sources.show_text", lang), key=f"text_{r.source_id}"):
            st.code(r.text, language=None, wrap_lines=True)

st.header(t("sources.references", lang))
for r in sources[sources["kind"] == "reference"].itertuples():
    st.markdown(f"- **{md(r.title)}** — {md(r.citation)}")

st.header(t("sources.codebook", lang))
clauses = ui.data_or_stop("clauses")
st.dataframe(clauses[["clause", localized("label", lang), localized("definition", lang)]], hide_index=True)
themes = ui.data_or_stop("themes")
st.dataframe(themes[["theme_id", localized("label", lang), "definition" if en else "definition_pl"]], hide_index=True)
codes = ui.data_or_stop("codes")
st.dataframe(codes[["domain", "code", localized("label", lang)]], hide_index=True)

st.header(t("sources.method", lang))
st.markdown(METHOD_MD[1 if en else 0])

st.header(t("sources.citation", lang))
info = ui.data_or_stop("data_info").iloc[0]
built = info["built_at"].date().isoformat()
st.code(
    f"cityiso: ISO certification of Polish city halls, curated dataset (data as of {built}; "
    f"{int(info['count_documents'])} source documents). Accessed {dt.date.today().isoformat()}.",
    language=None,
    wrap_lines=True,
)

st.header(t("sources.downloads", lang))
columns = st.columns(4)
for i, table in enumerate(DOWNLOADABLE_TABLES):
    columns[i % 4].download_button(
        f"{table}.csv",
        data=table_csv(table),
        file_name=f"cityiso_{table}.csv",
        mime="text/csv",
        key=f"dl_{table}",
        icon=":material/download:",
    )
st.download_button(
    t("sources.download_db", lang),
    data=database_bytes,
    file_name="cityiso.duckdb",
    mime="application/octet-stream",
    icon=":material/database:",
)
