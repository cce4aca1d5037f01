"""Źródła i metodologia / Sources and method: each document and its facts, the codebook, method, downloads."""

import datetime as dt

import pandas as pd
import streamlit as st

from cityiso import ui
from cityiso.data.descriptor import package
from cityiso.labels import METHOD_MD, code_label, format_date, localized, t
from cityiso.safe_text import code, md
from cityiso.store import DOWNLOADABLE_TABLES, database_bytes, table_csv
from cityiso.tables import codebook_table

lang = ui.lang()
en = lang == "en"
st.title(t("sources.title", lang))
sources = ui.data_or_stop("sources_overview")
everyone = ui.all_office_ids()


def described(r) -> str:
    """Where a source comes from: address, publisher and its type, publication and retrieval dates, language."""
    published = format_date(r.published_on, r.published_on_precision, lang, bool(r.published_on_is_inferred))
    parts = [
        f"{t('sources.url', lang)}: {md(r.url)}" if isinstance(r.url, str) else "",
        f"{t('sources.publisher', lang)}: {md(r.publisher)} ({code_label('publisher_type', r.publisher_type, lang)})"
        if isinstance(r.publisher, str)
        else "",
        f"{t('sources.published', lang)}: {published}",
        f"{t('sources.retrieved', lang)}: {format_date(r.retrieved_on, 'day', lang)}"
        if pd.notna(r.retrieved_on)
        else "",
        f"{t('sources.language', lang)}: {md(r.language)}" if isinstance(r.language, str) else "",
        f"**{t('sources.truncated', lang)}**" if r.is_truncated else "",
    ]
    return " · ".join(p for p in parts if p)


st.header(t("sources.documents", lang))
events = ui.data_or_stop("events", offices=everyone, family=None)
spans = ui.data_or_stop("certificate_spans", offices=everyone, family=None)
for r in sources[sources["kind"] == "document"].itertuples():
    truncated = f" ({t('sources.truncated', lang)})" if r.is_truncated else ""
    with st.expander(f"{md(r.place)}: {md(r.title)}{truncated}"):
        sha = f" · SHA-256 `{r.sha256[:16]}…`" if isinstance(r.sha256, str) else ""
        st.markdown(f"{code(r.file)}{sha}" + (f"  \n{md(r.note)}" if isinstance(r.note, str) else ""))
        st.markdown(described(r))
        counts = t(
            "sources.fact_counts",
            lang,
            certificates=r.count_certificates,
            events=r.count_events,
            findings=r.count_findings,
            units=r.count_units,
            further=r.count_further_evidence,
        )
        st.markdown(f"**{t('sources.facts', lang)}**: {counts}")
        facts = [
            f"- {md(c.standard_as_written)} ({md(c.certificate_id)})"
            for c in spans.itertuples()
            if c.source_id == r.source_id
        ]
        facts += [
            f"- {code_label('event_kind', e.kind, lang)}: {md(e.event_id)}"
            for e in events.itertuples()
            if e.source_id == r.source_id
        ]
        if facts:
            st.markdown("\n".join(facts))
        if st.toggle(t("sources.show_text", lang), key=f"text_{r.source_id}"):
            st.code(r.text, language=None, wrap_lines=True)

st.header(t("sources.references", lang))
for r in sources[sources["kind"] == "reference"].itertuples():
    st.markdown(f"- **{md(r.title)}** — {md(r.citation)}" + (f"  \n  {described(r)}" if described(r) else ""))

st.header(t("sources.codebook", lang))
st.caption(t("sources.codebook_intro", lang))
# Every curated file's columns as data/datapackage.json describes them, with the codes a column allows.
for resource in package().resources:
    with st.expander(f"{resource.path} — {md(resource.description if en else resource.description_pl)}"):
        st.table(codebook_table(resource, lang), hide_index=True)
st.subheader(t("sources.clauses", lang))
clauses = ui.data_or_stop("clauses")
st.dataframe(
    pd.DataFrame(
        {
            t("standard", lang): clauses["standard"],
            t("sources.clause_number", lang): clauses["clause"],
            t("clause", lang): clauses["heading_2015"],
            t("sources.label", lang): clauses[localized("label", lang)],
            t("sources.definition", lang): clauses[localized("definition", lang)],
        }
    ),
    hide_index=True,
)
st.subheader(t("sources.themes", lang))
themes = ui.data_or_stop("themes")
st.dataframe(
    pd.DataFrame(
        {
            t("sources.code", lang): themes["theme_id"],
            t("sources.label", lang): themes[localized("label", lang)],
            t("sources.definition", lang): themes[localized("definition", lang)],
        }
    ),
    hide_index=True,
)

st.header(t("sources.method", lang))
st.markdown(METHOD_MD[1 if en else 0])

st.header(t("sources.citation", lang))
info = ui.data_or_stop("data_info").iloc[0]
built = info["built_at"].date().isoformat()
st.code(
    f"cityiso: ISO certification of Polish local-government offices, curated dataset, version "
    f"{info['data_version']} (data as of {built}; "
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
