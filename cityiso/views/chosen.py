"""The chosen offices as a deck or an office profile names them: their labels, an office's own row, their totals,
and the documents behind what is shown of them (a slide's footer and the source line under its charts)."""

from dataclasses import replace

import pandas as pd

from cityiso.labels import t
from cityiso.views import Context, Fetch, OfficeFilter, data_dates, source_line

# A footer quotes a title up to this many characters, the rest cut with '…'.
FOOTER_CHARS = 140


def names(fetch: Fetch, selection: OfficeFilter, limit: int) -> pd.DataFrame:
    """The offices of `selection` by place, at most `limit` (selected_office_names: office_id, office_label,
    office_name): the deck asks one more than it names one by one, to tell a few offices from a summary."""
    return fetch("selected_office_names", **selection.params(), limit=limit)


def office_ids(fetch: Fetch) -> list[str]:
    """Every office of the register (offices_overview, every family), by its id."""
    return fetch("offices_overview", family=None)["office_id"].tolist()


def families(fetch: Fetch) -> list[str]:
    """The standard families, those with certificates first (families)."""
    return fetch("families")["family"].tolist()


def office_row(ctx: Context) -> pd.Series:
    """The context's office's own row (offices_overview, asked for that office alone, every family when the
    context has none): its label, name, kind, voivodeship and TERYT code, for the office profile's heading."""
    return ctx.rows("offices_overview").iloc[0]


def totals(ctx: Context) -> pd.Series:
    """What the data holds about the context's offices in its family, summed (selection_totals: count_offices,
    count_certificates, count_events, count_praised), for the deck's title slide."""
    return ctx.rows("selection_totals").iloc[0]


def footer(documents: pd.Series, info: pd.Series, lang: str, titles: int) -> str:
    """The documents behind what is shown (selected_documents: their titles up to `titles` documents, else their
    number), the date of its latest evidence and the day the data was built (selection_info), in one line."""
    if int(documents["count_documents"]) > titles:
        named = t("deck.sources_count", lang, n=int(documents["count_documents"]))
    else:
        # Each title in quotation marks: a title with its own ';' or '·' still reads as one title.
        opening, closing = ("„", "”") if lang == "pl" else ("“", "”")
        named = "; ".join(f"{opening}{title}{closing}" for title in documents["titles"])
    if len(named) > FOOTER_CHARS:
        named = named[: FOOTER_CHARS - 1] + "…"
    return t("deck.footer", lang, sources=named, **data_dates(info, lang))


def with_sources(ctx: Context, titles: int) -> tuple[Context, str]:
    """The context with the source line of exactly what it shows (its offices, its family, up to its day), and the
    footer naming those documents (`titles`: how many titles it lists before it counts them instead)."""
    info = ctx.rows("selection_info", as_of=ctx.as_of).iloc[0]
    documents = ctx.rows("selected_documents", limit=titles).iloc[0]
    return replace(ctx, source=source_line(info, ctx.lang)), footer(documents, info, ctx.lang, titles)
