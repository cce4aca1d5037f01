"""National-scale views: the status map (single offices or voivodeships), trends per year, top offices and
distributions, each from one named query, drawn by one figure function, for the overview page and the deck alike."""

import pandas as pd

from cityiso.figures import trends
from cityiso.figures.maps import status_choropleth, terc_line, voivodeship_figures, voivodeship_shapes
from cityiso.figures.overview import MAP_MARKERS_MAX, status_map, yearly_activity
from cityiso.labels import clause_label, code_label, format_date, t
from cityiso.views import Context, View, without_figure
from cityiso.vocabulary import STATUSES

TOP_N = 10


def headline(ctx: Context) -> pd.Series:
    """The selection's headline figures (national_headline)."""
    return ctx.rows("national_headline", as_of=ctx.as_of).iloc[0]


def status_map_view(ctx: Context, count_offices: int) -> View:
    """Each office by its status when few are selected; above MAP_MARKERS_MAX, the voivodeships filled by the share
    of their offices with evidence holding a valid certificate, with a table of the counts. Both say how many offices
    exist (TERC's denominator) or that it is unknown: the map by voivodeship under its plot (a slide moves it to the
    takeaway), the map of offices in the view's note (unless chosen by name)."""
    lang, family, source = ctx.lang, ctx.family, ctx.source
    when = format_date(ctx.as_of, "day", lang)
    by_voivodeship = ctx.rows("national_status_by_voivodeship", as_of=ctx.as_of)
    state = by_voivodeship["terc_state_on"].dropna()
    state_on = format_date(pd.Timestamp(state.iloc[0]), "day", lang) if len(state) else None
    note = _terc_note(by_voivodeship, lang, state_on)
    table = None
    if count_offices > MAP_MARKERS_MAX:
        columns = [f"count_{s}" for s in STATUSES]
        counts = by_voivodeship[columns].sum().rename(lambda c: c.removeprefix("count_"))
        fig = status_choropleth(by_voivodeship, voivodeship_shapes(), lang, when, source, family, state_on, note)
        table = _voivodeship_table(by_voivodeship, lang, state_on)
        note = ""  # the figure says it
    else:
        rows = ctx.rows("office_status_on_date", as_of=ctx.as_of)  # at most MAP_MARKERS_MAX offices here
        counts = rows["status"].value_counts()
        if ctx.offices["offices"] or ctx.offices["search"] or ctx.offices["size_classes"]:
            note = ""  # offices chosen by name or population: TERC counts nothing for them, and the map says nothing
        fig = status_map(rows, voivodeship_shapes(), lang, when, source, family)
    parts = ", ".join(f"{code_label('status', s, lang)}: {int(counts[s])}" for s in STATUSES if counts.get(s, 0))
    takeaway = t("deck.status_counts", lang, family=family, date=when, parts=parts)
    return View("map", t("overview.map", lang), takeaway, fig, table=table, note=note)


def _terc_note(rows: pd.DataFrame, lang: str, state_on: str | None) -> str:
    """TERC's denominator over the whole selection, in the words of terc_line."""
    total = pd.Series(
        {
            "voivodeship": "",
            "count_in_terc": rows["count_in_terc"].sum(min_count=1),
            "count_in_terc_unrecorded": rows["count_in_terc_unrecorded"].sum(min_count=1),
        }
    )
    return terc_line(total, lang, state_on)


def _voivodeship_table(rows: pd.DataFrame, lang: str, state_on: str | None) -> pd.DataFrame:
    """The map's counts, one row per voivodeship; TERC's columns say 'unknown' where it tells nothing."""
    rows = voivodeship_figures(rows)
    status = lambda s: code_label("status", s, lang)  # noqa: E731
    unknown = t("map.unknown", lang)

    def terc(column: str) -> list:
        return [unknown if pd.isna(v) else int(v) for v in rows[column]]

    return pd.DataFrame(
        {
            t("map.col_voivodeship", lang): rows["voivodeship"].tolist(),
            status("valid"): rows["count_valid"].astype(int).tolist(),
            status("valid_approximate"): rows["count_valid_approximate"].astype(int).tolist(),
            status("suspended"): rows["count_suspended"].astype(int).tolist(),
            t("map.ended", lang): rows["ended"].astype(int).tolist(),
            t("map.no_evidence_known", lang): rows["count_no_evidence"].astype(int).tolist(),
            t("map.col_in_data", lang): rows["count_offices"].astype(int).tolist(),
            t("map.col_in_terc", lang): terc("count_in_terc"),
            t("map.col_unrecorded", lang): terc("count_in_terc_unrecorded"),
        }
    )


def status_by_year(ctx: Context) -> pd.DataFrame:
    """The selection's offices holding a certificate at each year's end, by family, kind and voivodeship."""
    return ctx.rows("national_status_by_year", as_of=ctx.as_of)


def held_by_family_view(ctx: Context) -> View:
    df, lang, family = status_by_year(ctx), ctx.lang, ctx.family
    rows = df[(df["dimension"] == "family") & (df["group_code"] == family)]
    takeaway = ""
    if not rows.empty:
        last, peak = rows.iloc[-1], rows.loc[rows["count_held"].idxmax()]
        takeaway = t(
            "deck.held_takeaway",
            lang,
            family=family,
            year=int(last["year"]),
            held=int(last["count_held"]),
            peak=int(peak["count_held"]),
            peak_year=int(peak["year"]),
        )
    return View("trends", t("trends.by_family", lang), takeaway, trends.held_by_family(df, lang, ctx.source))


def _last_year(df: pd.DataFrame, dimension: str) -> pd.DataFrame:
    rows = df[df["dimension"] == dimension]
    return rows[rows["year"] == rows["year"].max()] if not rows.empty else rows


def held_by_kind_view(ctx: Context) -> View:
    df, lang = status_by_year(ctx), ctx.lang
    last = _last_year(df, "office_kind")
    parts = ", ".join(
        f"{code_label('office_kind', r.group_code, lang)}: {100 * (r.share_held or 0):.0f}%" for r in last.itertuples()
    )
    takeaway = t("deck.kind_takeaway", lang, year=int(last["year"].iloc[0]), parts=parts) if len(last) else ""
    fig = trends.held_by_office_kind(df, lang, ctx.source, ctx.family)
    return View("trends", t("trends.by_office_kind", lang), takeaway, fig)


def held_by_voivodeship_view(ctx: Context) -> View:
    df, lang = status_by_year(ctx), ctx.lang
    last = _last_year(df, "voivodeship").sort_values(["share_held", "group_code"], ascending=[False, True])
    takeaway = ""
    if len(last) > 1:
        best, worst = last.iloc[0], last.iloc[-1]
        takeaway = t(
            "deck.voivodeship_takeaway",
            lang,
            year=int(best["year"]),
            best=best["group_code"],
            best_share=100 * best["share_held"],
            worst=worst["group_code"],
            worst_share=100 * worst["share_held"],
        )
    fig = trends.held_by_voivodeship(df, lang, ctx.source, ctx.family)
    return View("trends", t("trends.by_voivodeship", lang), takeaway, fig)


def flows_view(ctx: Context) -> View:
    df, lang = ctx.rows("national_flows_by_year", as_of=ctx.as_of), ctx.lang
    takeaway = ""
    if not df.empty:
        last = df.iloc[-1]
        takeaway = t(
            "deck.flows_takeaway",
            lang,
            year=int(last["year"]),
            new=int(last["count_newly_certified"]),
            first=int(last["count_first_evidence"]),
            again=int(last["count_certified_again"]),
            lost=int(last["count_lost"]),
            recert=int(last["count_recertifications"]),
        )
    return View("trends", t("trends.flows", lang), takeaway, trends.flows_by_year(df, lang, ctx.source, ctx.family))


def top_view(ctx: Context, measure: str) -> View:
    top, lang = ctx.rows("top_offices", limit=TOP_N), ctx.lang
    rows = top[top["measure"] == measure]
    title = t(f"trends.top_{measure}", lang)
    first = rows[rows["rank"] == 1]
    takeaway = ""
    if not first.empty:
        names = ", ".join(first["office_label"])
        extra = int(first["count_tied_beyond"].iloc[0])
        names += f" +{extra}" if extra else ""
        takeaway = t("deck.top_takeaway", lang, names=names, n=int(first["value"].iloc[0]))
    return View("top", title, takeaway, trends.top_offices_bars(top, measure, lang, ctx.source, title))


def distribution_view(ctx: Context, measure: str, title: str) -> View:
    dist, lang = ctx.rows("national_distribution"), ctx.lang
    rows = dist[dist["measure"] == measure]
    takeaway = ""
    if not rows.empty:
        # The median bin's lower end, from the counts per bin (at most about 25 rows).
        cumulative = rows["count_offices"].cumsum()
        median_bin = rows[cumulative >= rows["count_offices"].sum() / 2].iloc[0]
        none = int(rows.loc[rows["bin_to"] == 0, "count_offices"].sum())
        low, high = int(median_bin["bin_from"]), int(median_bin["bin_to"])
        median = str(low) if low == high else f"{low}–{high}"
        takeaway = t("deck.distribution_takeaway", lang, median=median, none=none)
    return View("distribution", title, takeaway, trends.distribution_bars(dist, measure, lang, ctx.source, title))


def clause_totals_view(ctx: Context) -> View:
    df, lang = ctx.rows("praised_totals_by_clause"), ctx.lang
    title = t("trends.clause_totals", lang)
    takeaway = ""
    if not df.empty:
        top = df[df["count_praised"] == df["count_praised"].max()]
        what = ", ".join(clause_label(r.clause, r.clause_pl, r.clause_en, lang) for r in top.itertuples())
        n, total = int(top["count_praised"].iloc[0]), int(df["count_praised"].sum())
        takeaway = t("deck.most_praised", lang, what=what, n=n, total=total)
    return View("clauses", title, takeaway, trends.clause_totals_bars(df, lang, ctx.source, title))


def activity_view(ctx: Context) -> View:
    """Praised items and audits per year up to as_of; the takeaway names the year(s) with the most audits (ties
    named as ties), the note counts the undated audits and praised items the years leave out (same rows as the
    chart)."""
    lang = ctx.lang
    praised = ctx.rows("praised_per_year_by_clause", as_of=ctx.as_of)
    audits = ctx.rows("audits_per_year", as_of=ctx.as_of)
    dated = audits[audits["year"].notna()]
    takeaway = ""
    if not dated.empty:
        top = dated[dated["count_audits"] == dated["count_audits"].max()]
        years = ", ".join(str(int(y)) for y in top["year"])
        key = "overview.busiest_years" if len(top) > 1 else "overview.busiest_year"
        takeaway = t(key, lang, years=years, n=int(top["count_audits"].iloc[0]))
    undated_audits = int(audits.loc[audits["year"].isna(), "count_audits"].sum())
    undated_praised = int(praised.loc[praised["year"].isna(), "count_praised"].sum())
    note = (
        t("overview.undated_activity", lang, audits=undated_audits, praised=undated_praised)
        if undated_audits or undated_praised
        else ""
    )
    fig = yearly_activity(praised, audits, lang, ctx.source)
    return View("activity", t("overview.trend", lang), takeaway, figure=fig, note=note)


def undated_kinds_note(ctx: Context) -> str:
    """The trends count held events at year ends; the undated ones, by kind (national_undated), are on no yearly
    chart: this note says how many. '' when there are none."""
    undated = ctx.rows("national_undated")
    if undated.empty:
        return ""
    kinds = ", ".join(f"{code_label('event_kind', r.kind, ctx.lang)}: {r.count_events}" for r in undated.itertuples())
    return t("overview.undated_kinds", ctx.lang, kinds=kinds)


def rank_words(row, lang: str) -> str:
    """'Rank 3 of 40', or for offices sharing a value 'Rank 1–3 of 40 (tied: 3)': a tie is never shown as a place
    of its own."""
    tied = int(row["count_tied"])
    if tied > 1:
        last = int(row["rank"]) + tied - 1
        return t(
            "overview.standing_metric_tied",
            lang,
            rank=int(row["rank"]),
            last=last,
            n=int(row["count_peers"]),
            tied=tied,
        )
    return t("overview.standing_metric", lang, rank=int(row["rank"]), n=int(row["count_peers"]))


def standing(ctx: Context, office: str) -> pd.DataFrame:
    """Where one office stands among offices of its kind (office_standing, the peer group of views.peers by kind):
    one row per measure."""
    kinds = ctx.fetch("office_peer_keys", office=office)["office_kind"].tolist()
    return ctx.fetch("office_standing", office=office, office_kinds=kinds[:1] or None, family=ctx.family)


def history_view(ctx: Context, office: str, name: str) -> View:
    """One office's status at each year's end (office_status_by_year); ctx.source is the office's own."""
    history = ctx.fetch("office_status_by_year", office=office, as_of=ctx.as_of, family=ctx.family)
    fig = trends.status_history(history, ctx.lang, ctx.source, name, ctx.family)
    return View("history", t("trends.office_history", ctx.lang), "", figure=fig)


def peers_view(ctx: Context, office: str) -> View:
    """The audits of offices of the office's kind, with the office's own marked (its standing, in the context's
    family)."""
    lang, family, source, rows = ctx.lang, ctx.family, ctx.source, standing(ctx, office)
    kind_code = rows["office_kind"].iloc[0]
    kind = code_label("office_kind", kind_code, lang)
    peers = ctx.fetch("national_distribution", office_kinds=[kind_code], family=family)
    audits = rows.loc[rows["measure"] == "audits", "value"]
    title = t("overview.standing_distribution", lang)
    mark = float(audits.iloc[0]) if len(audits) else None
    note = t("trends.this_office", lang, kind=kind)
    fig = trends.distribution_bars(peers, "audits", lang, source, title, mark=mark, subtitle=note)
    return View("peers", title, "", figure=fig)


@without_figure
def coverage_view(ctx: Context) -> View:
    """The register's denominator (national_coverage): per kind of office, how many offices the official TERC
    register says exist, how many of them the register has evidence about, and how many of the register's offices
    TERC cannot place; a note when no TERC has been imported (then nothing is counted against it)."""
    rows, lang = ctx.fetch("national_coverage"), ctx.lang
    title = t("coverage.title", lang)
    state_on = rows["terc_state_on"].dropna()
    if state_on.empty:
        return View("coverage", title, "", note=t("coverage.no_terc", lang))
    by_kind = rows.groupby("office_kind", sort=False)[["count_in_terc", "count_in_register", "count_unplaced"]].sum()
    table = pd.DataFrame(
        {
            t("coverage.kind", lang): [code_label("office_kind", k, lang) for k in by_kind.index],
            t("coverage.in_terc", lang): by_kind["count_in_terc"].astype(int).tolist(),
            t("coverage.in_register", lang): by_kind["count_in_register"].astype(int).tolist(),
            t("coverage.share", lang): [
                f"{100 * r / n:.1f} %" if n else "—"
                for r, n in zip(by_kind["count_in_register"], by_kind["count_in_terc"], strict=True)
            ],
            t("coverage.unplaced", lang): by_kind["count_unplaced"].astype(int).tolist(),
        }
    )
    total, known = int(by_kind["count_in_terc"].sum()), int(by_kind["count_in_register"].sum())
    day = format_date(pd.Timestamp(state_on.iloc[0]), "day", lang)
    takeaway = t("coverage.takeaway", lang, known=known, total=total, date=day)
    unplaced = int(by_kind["count_unplaced"].sum())
    note = t("coverage.unplaced_note", lang, n=unplaced) if unplaced else ""
    return View("coverage", title, takeaway, table=table, note=note)
