"""What auditors praised: bars by clause and by theme, the office-by-theme map, an office's findings by clause,
each with a takeaway computed from the rows it draws (ties named as ties), for the praised, compare and office
pages and the deck alike."""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

import pandas as pd

from cityiso.figures.common import office_labels
from cityiso.figures.praise import MEASURES, category_bars, category_label, theme_heatmap  # noqa: F401 (pages' measures)
from cityiso.labels import clause_label, code_label, localized, t
from cityiso.views import Context, OfficeFilter, View, without_figure
from cityiso.views.compare import themes_only_in
from cityiso.views.selection import Pick
from cityiso.views.tables import clause_basis, known_date


def top_category_takeaway(df: pd.DataFrame, label: Callable[[pd.Series], str], lang: str) -> str:
    """'Most praised: 5 Leadership (10 of 34)'; categories tied at the top are all named, in the order of df, and
    said to be tied ('Most praised, tied: 5 Leadership, 7 Support (1 each of 2)'). '' when df is empty."""
    if df.empty:
        return ""
    totals = df.groupby(df.apply(label, axis=1), sort=False)["count_findings"].sum()
    top = totals[totals == totals.max()]
    key = "deck.most_praised_tied" if len(top) > 1 else "deck.most_praised"
    return t(key, lang, what=", ".join(top.index), n=int(top.iloc[0]), total=int(totals.sum()))


def not_reported_note(df: pd.DataFrame, offices: list[str], names: Mapping[str, str], lang: str) -> str:
    """Which of the chosen offices have no findings among these rows: they are not left out silently. '' if none."""
    missing = [names.get(o, o) for o in offices if o not in set(df["office_id"])]
    return t("compare.no_findings_reported", lang, names=", ".join(missing)) if missing else ""


def praised_offices(ctx: Context, limit: int) -> pd.DataFrame:
    """The offices with the most of the context's findings, at most `limit` (top_praised_offices: with how many
    offices have any, count_offices, and how many findings undated events hold, count_undated_findings)."""
    return ctx.finding_rows("top_praised_offices", limit=limit)


# praised_by_category's columns under the names each category's rows carry in figures, views and picks.
CATEGORY_COLUMNS = {
    "clause": {"category": "clause", "category_pl": "clause_pl", "category_en": "clause_en"},
    "theme": {"category": "theme_id", "category_pl": "theme_pl", "category_en": "theme_en"},
}


def category_frame(rows: pd.DataFrame, category: str) -> pd.DataFrame:
    """praised_by_category's rows for `category` ('clause' or 'theme') in that category's own words: a clause as its
    heading's number (clause, clause_pl, clause_en; <NA> where no clause fits), a theme as theme_id, theme_pl,
    theme_en."""
    if category not in CATEGORY_COLUMNS:
        raise ValueError(f"unknown category {category!r} (known: {', '.join(CATEGORY_COLUMNS)})")
    df = rows.rename(columns=CATEGORY_COLUMNS[category])
    if category != "clause":
        return df
    # The heading's number as DuckDB hands an INTEGER column to pandas: int32, or Int32 with <NA> where none fits.
    clause = pd.to_numeric(df["clause"])
    return df.assign(clause=clause.astype("Int32" if clause.isna().any() else "int32"))


def category_rows(ctx: Context, category: str, grouped: bool = False, everyone: str = "") -> pd.DataFrame:
    """praised_by_category's rows (`category` 'clause' or 'theme', category_frame) for the context's offices,
    family and findings; `grouped`: one row per category summed over every office, that office (id '') named
    `everyone`."""
    df = category_frame(ctx.finding_rows("praised_by_category", category=category, grouped=grouped), category)
    return df.assign(office_label=df["office_label"].where(df["office_id"] != "", everyone)) if grouped else df


def category_view(
    ctx: Context,
    category: str,
    measure: str,
    title: str,
    *,
    grouped: bool = False,
    everyone: str = "",
    names: Mapping[str, str] | None = None,
    offices: list[str] | None = None,
    among: list[str] | None = None,
) -> View:
    """The context's findings by `category` ('clause' or 'theme', category_rows) as bars (one per office, or one for
    all when `grouped`, named `everyone`) and the most praised category; with `offices` (the chosen ones, named by
    `names`), a note names those without findings. Each office keeps the colour it has among `among` (else
    `offices`) on every chart: figures.common.office_colors. Its rows stay with it (View.rows)."""
    lang = ctx.lang
    df = category_rows(ctx, category, grouped, everyone)
    fig = category_bars(df, category, lang, measure, title, ctx.source, among or offices)
    takeaway = top_category_takeaway(df, category_label(category, lang), lang)
    note = not_reported_note(df, offices, names or {}, lang) if offices else ""
    return View(f"{category}s", title, takeaway, figure=fig, note=note, rows=df)


def heatmap_view(
    ctx: Context,
    measure: str,
    title: str,
    offices: Sequence[str] | None = None,
    slide: tuple[int, int] | None = None,
) -> View:
    """Offices against themes (the context's findings, of `offices` only when given: the most praised, where the
    selection holds more than a map can show), and how many themes only one office was praised for; laid out for a
    slide of `slide` (width, height) pixels when given."""
    scoped = replace(ctx, selection=OfficeFilter(tuple(offices))) if offices is not None else ctx
    df = category_rows(scoped, "theme")
    unique = sum(len(themes_only_in(df, office)) for office in df["office_id"].unique())
    takeaway = t("deck.unique_themes", ctx.lang, n=unique, total=df["theme_id"].nunique()) if not df.empty else ""
    fig = theme_heatmap(df, ctx.lang, measure, title, ctx.source, slide=slide)
    return View("heatmap", title, takeaway, figure=fig, rows=df)


def only_in_views(by_theme: pd.DataFrame, offices: list[str], names: Mapping[str, str], lang: str) -> list[View]:
    """Per chosen office, the themes it was praised for and no other chosen office was: a table (theme, count),
    or a takeaway saying it has no findings reported, or nothing unique."""
    label = localized("theme", lang)
    reported = set(by_theme["office_id"])
    views = []
    for office_id in offices:
        others = ", ".join(names[o] for o in offices if o != office_id)
        title = t("compare.only_in_one", lang, a=names[office_id], others=others)
        if office_id not in reported:
            views.append(View("only_in", title, t("no_findings_reported", lang)))
            continue
        unique = themes_only_in(by_theme, office_id)
        table = pd.DataFrame({t("theme", lang): unique[label], t("count", lang): unique["count_findings"]})
        views.append(View("only_in", title, "" if len(unique) else t("compare.nothing_unique", lang), table=table))
    return views


@without_figure
def office_findings(ctx: Context) -> list[tuple[str, pd.DataFrame]]:
    """The context's findings (findings_filtered: the office profile asks every kind and voice of its office) by
    clause in clause order, each clause's rows as a reader wants them: (clause heading, rows with text, theme, kind,
    voice, date, clause basis, quote, source). None: an empty list."""
    lang = ctx.lang
    findings = ctx.finding_rows("findings_filtered").reset_index(drop=True)
    text, theme = localized("text", lang), localized("theme", lang)
    # Every row's date and clause basis at once, from the columns they read only (rows of every column, clause by
    # clause, took most of the office profile's run: each Arrow-backed column made into Python objects each time).
    dates = findings[[c for c in findings.columns if c.startswith("event_on")]]
    every = pd.DataFrame(
        {
            "text": findings[text].tolist(),
            "theme": findings[theme].tolist(),
            "kind": [code_label("finding_kind", k, lang) for k in findings["kind"]],
            "voice": [code_label("voice", v, lang) for v in findings["voice"]],
            "date": [known_date(r, "event_on", lang) for r in dates.itertuples()],
            "basis": [clause_basis(r, lang) for r in findings[["clause_basis", "clause_note"]].itertuples()],
            "quote": findings["quote"].tolist(),
            "source": findings["source_file"].tolist(),
        }
    )
    groups = []
    for _clause, rows in findings.groupby(findings["clause"].fillna(99), sort=True):
        first = rows.iloc[0]
        heading = clause_label(first["clause"], first["clause_pl"], first["clause_en"], lang)
        groups.append((heading, every.iloc[rows.index].reset_index(drop=True)))
    return groups


def findings_slides(ctx: Context, order: Sequence[str], per_slide: int) -> list[tuple[str, str, list[str]]]:
    """Per office in `order` (office_ids) with findings among the context's (findings_filtered), named by its
    office_label: (title, takeaway, bullets) for as many slides as its findings need at `per_slide` a slide; a slide
    that continues says so in its title ('(1/3)')."""
    lang = ctx.lang
    findings = ctx.finding_rows("findings_filtered")
    names = office_labels(findings)
    text = localized("text", lang)
    slides = []
    for office_id in order:
        rows = findings[findings["office_id"] == office_id]
        if rows.empty:
            continue
        items = rows[text].tolist()
        takeaway = t("deck.findings_takeaway", lang, n=len(rows), events=rows["event_id"].nunique())
        parts = [items[i : i + per_slide] for i in range(0, len(items), per_slide)]
        for i, bullets in enumerate(parts):
            title = t("deck.findings_title", lang, office=names[office_id])
            if len(parts) > 1:
                title += " " + t("deck.part", lang, i=i + 1, n=len(parts))
            slides.append((title, takeaway, bullets))
    return slides


def pick_title(pick: Pick, by_clause: pd.DataFrame, by_theme: pd.DataFrame, names: Mapping[str, str], lang: str) -> str:
    """The picked category in words, for the heading above its findings: '5 Leadership · Zabrze' or 'Theme:
    E-services · every office'; several keys joined with '; ' (a code the charts no longer show stays as written)."""
    if pick.kind == "clause":
        labels = {
            "" if pd.isna(r.clause) else str(int(r.clause)): clause_label(r.clause, r.clause_pl, r.clause_en, lang)
            for r in by_clause.itertuples()
        }
    else:
        labels = dict(zip(by_theme["theme_id"], by_theme[localized("theme", lang)], strict=True))
    parts = []
    for key in pick.keys:
        office, code = key.split("|")
        where = names.get(office, office) if office else t("praised.pick_all", lang)
        what = labels.get(code, code or t("no_clause", lang))
        parts.append(t(f"praised.pick_{pick.kind}", lang, clause=what, theme=what, office=where))
    return "; ".join(parts)
