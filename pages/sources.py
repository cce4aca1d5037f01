"""Źródła i metodologia / Sources and method: each document and its facts, the codebook, method, downloads."""

import streamlit as st

from cityiso.app import ui, urlstate
from cityiso.labels import METHOD_MD, t
from cityiso.safe_text import code, md
from cityiso.views import Context, sources
from cityiso.views.tables import codebook_tables

# Documents listed on one page of the list.
DOCUMENTS_PER_PAGE = 25

lang = ui.lang()
en = lang == "en"
ctx = Context(ui.data_or_stop, lang)  # what this page shows is about the whole data: no office, family or day
st.title(t("sources.title", lang))


st.header(t("sources.documents", lang))
selection = ui.office_filter(chosen_offices=False)
urlstate.bind("source_q", urlstate.search_text(lang), "")
words = st.text_input(
    t("sources.search", lang), key="source_q", help=t("sources.search_help", lang), max_chars=urlstate.SEARCH_CHARS
)
urlstate.write("source_q", words)
wanted = {"kind": "document", **selection.params(), "q": words.strip() or None}
left, right = st.columns([1, 5])
with left:
    documents, offset, total = ui.source_page(wanted, DOCUMENTS_PER_PAGE)
with right:
    shown = t("paging.documents", lang, first=offset + 1, last=offset + len(documents), total=total)
    st.caption(shown if total else t("sources.none", lang))
for r in documents.itertuples():
    truncated = f" ({t('sources.truncated', lang)})" if r.is_truncated else ""
    with st.expander(f"{md(r.office_label) if isinstance(r.office_label, str) else '—'}: {md(r.title)}{truncated}"):
        sha = f" · SHA-256 `{r.sha256[:16]}…`" if isinstance(r.sha256, str) else ""
        st.markdown(f"{code(r.file)}{sha}" + (f"  \n{md(r.note)}" if isinstance(r.note, str) else ""))
        st.markdown(sources.described(r, lang))
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
        # The facts and the text of a document only when it is opened: never every document's at once.
        if st.toggle(t("sources.show_facts", lang), key=f"facts_{r.source_id}"):
            lines = sources.fact_lines(ctx, r.source_id)
            st.markdown("\n".join(lines) if lines else t("sources.no_facts", lang))
        if st.toggle(t("sources.show_text", lang), key=f"text_{r.source_id}"):
            st.code(sources.document_text(ctx, r.source_id), language=None, wrap_lines=True)

st.header(t("sources.references", lang))
for line in sources.reference_lines(ctx):
    st.markdown(line)

st.header(t("sources.codebook", lang))
st.caption(t("sources.codebook_intro", lang))
# Every curated file's columns as data/datapackage.json describes them, with the codes a column allows.
for path, description, table in codebook_tables(lang):
    with st.expander(f"{path} — {md(description)}"):
        ui.plain_table(table)
for view in (sources.codebook_view(ctx, category) for category in ("clause", "theme")):
    st.subheader(view.title)
    ui.show(view, view.key, static=True)  # a plain table (no data grid to load), its text escaped

st.header(t("sources.method", lang))
st.markdown(METHOD_MD[1 if en else 0])

st.header(t("sources.citation", lang))
st.code(sources.citation(ctx), language=None, wrap_lines=True)

st.header(t("sources.downloads", lang))
columns = st.columns(4)
for i, table in enumerate(ui.DOWNLOADABLE_TABLES):
    # The preface every download has (README: skiprows=3), worked out now: the click runs outside this script run.
    preface = ui.csv_preface(t("sources.table_csv", lang, table=table))
    columns[i % 4].download_button(
        f"{table}.csv",
        data=lambda table=table, preface=preface: ui.table_csv(table, preface),  # made when clicked: a table is large
        file_name=f"cityiso_{table}.csv",
        mime="text/csv",
        key=f"dl_{table}",
        icon=":material/download:",
        on_click="ignore",  # no rerun: it renews every download's id (a quick second click fetched nothing)
    )
st.download_button(
    t("sources.download_db", lang),
    data=ui.database_bytes,
    file_name="cityiso.duckdb",
    mime="application/octet-stream",
    icon=":material/database:",
    on_click="ignore",  # no rerun: it renews every download's id (a quick second click fetched nothing)
)
