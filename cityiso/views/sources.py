"""The sources and method page's content: where a source comes from, what a document is cited for, its text, the
reference sources, the clause and theme codebooks and how to cite the data, each fetched through the Context.
Text from the data comes back Markdown-safe (safe_text.md), ready for the page to lay out."""

import datetime as dt

import pandas as pd

from cityiso.labels import code_label, format_date, t
from cityiso.safe_text import code, md
from cityiso.views import Context, View
from cityiso.views.tables import codebook_rows

REFERENCES_SHOWN = 1000  # reference sources listed (a few: registers, gazetteers); a page of documents holds 25


def described(r, lang: str) -> str:
    """Where a source comes from (a row of sources_overview): address, publisher and its type, publication and
    retrieval dates, language, and whether the saved text is cut off."""
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


def fact_lines(ctx: Context, source_id: str) -> list[str]:
    """The records a document is cited for (source_facts), one Markdown list item each: a certificate as the
    document states it, an event by its kind; each with its id."""
    return [
        f"- {md(f.stated)} ({md(f.fact_id)})"
        if f.fact == "certificate"
        else f"- {code_label('event_kind', f.event_kind, ctx.lang)}: {md(f.fact_id)}"
        for f in ctx.fetch("source_facts", source_id=source_id).itertuples()
    ]


def document_text(ctx: Context, source_id: str) -> str:
    """A document's saved text as it is (source_text): the page shows it as code, never as Markdown."""
    return str(ctx.fetch("source_text", source_id=source_id)["text"].iloc[0])


def reference_lines(ctx: Context) -> list[str]:
    """The reference sources (registers, gazetteers: sources_overview of kind 'reference'), one Markdown list item
    each: title, how to cite it, and where it comes from."""
    rows = ctx.fetch("sources_overview", kind="reference", q=None, limit=REFERENCES_SHOWN, offset=0)
    lines = []
    for r in rows.itertuples():
        where = described(r, ctx.lang)
        lines.append(f"- **{md(r.title)}** — {md(r.citation)}" + (f"  \n  {where}" if where else ""))
    return lines


def office_source_lines(ctx: Context, office_id: str) -> list[str]:
    """The sources an office's records cite (office_sources), one Markdown list item each: title, file, address."""
    return [
        f"- **{md(r.title)}** — {code(r.file)}" + (f" · {md(r.url)}" if isinstance(r.url, str) else "")
        for r in ctx.fetch("office_sources", office=office_id).itertuples()
    ]


def codebook_view(ctx: Context, category: str) -> View:
    """A category's codebook ('clause': the named result clauses, 'theme': themes) as a table."""
    name = f"{category}s"
    return View(name, t(f"sources.{name}", ctx.lang), "", table=codebook_rows(ctx.fetch(name), category, ctx.lang))


def citation(ctx: Context, accessed: dt.date | None = None) -> str:
    """How to cite the data (data_info: its version, build day and number of documents; accessed today)."""
    info = ctx.fetch("data_info").iloc[0]
    return t(
        "sources.citation_text",
        ctx.lang,
        version=info["data_version"],
        built=info["built_at"].date().isoformat(),
        n=int(info["count_documents"]),
        accessed=(accessed or dt.date.today()).isoformat(),
    )
