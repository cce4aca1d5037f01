"""Certification cycles: the timeline of certificates and events, its takeaway and what it leaves out, the
certificates and events as tables, and each office's status with its latest evidence; for the cycles, compare
and office pages and the deck's cycles slide alike."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from cityiso.figures.common import office_labels
from cityiso.figures.timeline import certification_timeline
from cityiso.labels import code_label, format_date, t
from cityiso.views import Context, View, without_figure
from cityiso.views.tables import certificates_table, events_table


@dataclass
class Cycles:
    """The rows a timeline draws for a set of offices and a family (its tables fetch their own)."""

    spans: pd.DataFrame  # certificate_spans
    on_certificates: pd.DataFrame  # events_by_certificate: one row per event and certificate it concerns
    transitions: pd.DataFrame  # edition_transitions of the editions these offices held


def cycles_data(ctx: Context) -> Cycles:
    """The context's offices and family (None: every family). Only the deadlines of editions these offices held are
    kept: others only stretch the axis."""
    spans = ctx.rows("certificate_spans")
    transitions = ctx.fetch("edition_transitions", family=ctx.family)
    return Cycles(
        spans=spans,
        on_certificates=ctx.rows("events_by_certificate"),
        transitions=transitions[transitions["standard_id"].isin(spans["standard_id"])],
    )


def ordinal(n: int, lang: str) -> str:
    """'3.' in Polish, '3rd' in English."""
    if lang != "en":
        return f"{n}."
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def cycle_takeaway(spans: pd.DataFrame, lang: str, order: Sequence[str] = ()) -> str:
    """Per office, its latest certificate in a phrase: 'Zabrze: 3rd certification cycle, valid until April 2018'
    (the last evidence, never an end the sources do not give, where no expiry is stated; the source's own words
    where it gives only bounds, 'w 2016 lub 2017 roku'). Offices in `order` (office_ids: a deck's title slide), the
    rest as spans lists them, each named by its office_label."""
    labels = office_labels(spans)
    phrases = []
    for office_id in dict.fromkeys([*(o for o in order if o in labels), *labels]):
        office, rows = labels[office_id], spans[spans["office_id"] == office_id]
        last_evidence = rows[["last_event_on", "issued_on"]].max(axis=1)
        rows = rows.assign(last_evidence=last_evidence, latest=rows["valid_until"].fillna(last_evidence))
        dated = rows[rows["latest"].notna()]
        bounded = rows[rows["window_start_on"].notna()]
        if dated.empty and bounded.empty:
            phrases.append(f"{office}: {t('deck.no_dates', lang)}")
            continue
        c = dated.sort_values("latest").iloc[-1] if not dated.empty else bounded.iloc[-1]
        what = (
            t("deck.cycle", lang, n=ordinal(int(c["cycle_number"]), lang))
            if pd.notna(c["cycle_number"])
            else c["standard"]
        )
        if pd.notna(c["valid_until"]):
            when = t(
                "deck.valid_until",
                lang,
                date=format_date(c["valid_until"], c["valid_until_precision"], lang, genitive=True),
            )
        elif pd.notna(c["last_evidence"]):
            when = t("deck.last_evidence", lang, date=format_date(c["last_evidence"], "year", lang))
        elif isinstance(c["issued_on_as_written"], str):
            when = t("deck.last_evidence", lang, date=f"„{c['issued_on_as_written']}”")
        else:
            when = t("deck.last_evidence", lang, date=format_date(c["window_start_on"], "year", lang))
        phrases.append(f"{office}: {what}, {when}")
    return " · ".join(phrases)


def undated_note(data: Cycles, lang: str) -> str:
    """How many of the events behind the timeline it cannot place (no date; bounds only), by kind; '' if none.
    Counted from the rows the timeline draws from, so the note and the chart agree."""
    undated = data.on_certificates[data.on_certificates["event_on"].isna()].drop_duplicates("event_id")
    if undated.empty:
        return ""
    counts = undated["kind"].value_counts(sort=False)
    kinds = ", ".join(f"{code_label('event_kind', kind, lang)}: {int(n)}" for kind, n in counts.items())
    return t("cycles.undated_events", lang, n=len(undated), kinds=kinds)


def timeline_view(ctx: Context, color_by: str = "edition", show_day: bool = False, order: Sequence[str] = ()) -> View:
    """The certification timeline of the context's offices and family (cycles_data; with `show_day`, the context's
    day drawn on it), the latest cycle of each office as its takeaway (offices in `order` first), undated events as
    its note."""
    lang, as_of, data = ctx.lang, ctx.as_of if show_day else None, cycles_data(ctx)
    fig = certification_timeline(data.spans, data.on_certificates, data.transitions, lang, ctx.source, color_by, as_of)
    return View(
        "cycles",
        t("cycles.chart", lang),
        cycle_takeaway(data.spans, lang, order),
        figure=fig,
        note=undated_note(data, lang),
    )


def held_families(ctx: Context) -> list[str]:
    """The families the context's offices hold certificates of (certificate_spans), in order."""
    return sorted(ctx.rows("certificate_spans")["family"].dropna().unique().tolist())


@without_figure
def certificates_view(ctx: Context, with_office: bool = True) -> View:
    """The context's offices' certificates (certificate_spans), one row each; without the office column for one."""
    lang = ctx.lang
    table = certificates_table(ctx.rows("certificate_spans"), lang)
    table = table if with_office else table.drop(columns=[t("office", lang)])
    return View("certificates", t("cycles.certificates", lang), "", table=table)


@without_figure
def events_view(ctx: Context, with_office: bool = True) -> View:
    """The context's offices' events (events), one row each; without the office column for one."""
    lang = ctx.lang
    table = events_table(ctx.rows("events"), lang)
    table = table if with_office else table.drop(columns=[t("office", lang)])
    return View("events", t("cycles.table", lang), "", table=table)


def status_sentence(row: Mapping, lang: str) -> str:
    """An office's status (a row of office_status_on_date) in plain words, with its reason and date: 'wygasł: okres
    przejściowy ISO 9001:2008 zakończył się 15 września 2018', 'ważny do 28 maja 2018 (ostatni dowód: marzec
    2015)'. A date is written as precisely as it is known; an inferred expiry is never given as the end."""
    status = row["status"]
    has_evidence = pd.notna(row["latest_evidence_on"])
    evidence = (
        format_date(row["latest_evidence_on"], row["latest_evidence_precision"], lang)
        if has_evidence
        else t("no_evidence_yet", lang)
    )
    if status in ("valid", "valid_approximate", "suspended"):
        stated = pd.notna(row["valid_until"]) and not row["valid_until_is_inferred"]
        if status == "valid" and stated:
            until = format_date(row["valid_until"], row["valid_until_precision"], lang, genitive=True)
            return t("status_words.valid_until", lang, until=until, evidence=evidence)
        return t(f"status_words.{status}", lang, evidence=evidence)
    if status in ("expired", "lapsed", "withdrawn") and pd.notna(row["ended_on"]) and pd.notna(row["end_reason"]):
        reason = row["end_reason"]
        date = format_date(row["ended_on"], "day", lang)
        if reason == "stated_expiry" and pd.notna(row["valid_until"]):
            date = format_date(row["valid_until"], row["valid_until_precision"], lang, genitive=True)
        standard = row["standard"] if pd.notna(row["standard"]) else ""
        return t(
            f"status_words.{reason}", lang, date=date, standard=standard, status=code_label("status", status, lang)
        )
    if has_evidence:
        return t("status_words.no_evidence", lang, evidence=evidence)
    return t("status_words.none", lang)


def status_lines(ctx: Context, offices: list[str]) -> dict[str, str]:
    """office_id -> its status in the context's family on its day in plain words (status_sentence), for these
    offices."""
    rows = ctx.fetch("office_status_on_date", offices=list(offices), as_of=ctx.as_of, family=ctx.family)
    return {r["office_id"]: status_sentence(r, ctx.lang) for r in rows.to_dict("records")}


def _status_table(rows: pd.DataFrame, lang: str, first: str, column: str) -> pd.DataFrame:
    """office_status_on_date's rows as a reader wants them: `first` (a label key) from `column`, then the status,
    the latest evidence as precisely as it is known (or that there is none) and the edition."""
    return pd.DataFrame(
        {
            t(first, lang): rows[column],
            t("status", lang): [code_label("status", s, lang) for s in rows["status"]],
            t("status_in_words", lang): [status_sentence(r, lang) for r in rows.to_dict("records")],
            t("latest_evidence", lang): [
                format_date(d, p, lang) if pd.notna(d) else t("no_evidence_yet", lang)
                for d, p in zip(rows["latest_evidence_on"], rows["latest_evidence_precision"], strict=True)
            ],
            t("edition", lang): rows["standard"].fillna("—"),
        }
    )


@without_figure
def status_view(ctx: Context) -> View:
    """Each office's status on the context's day with its latest evidence date next to it, so '0 valid' never hides
    that the latest evidence is years old; the takeaway counts offices by status."""
    lang, family, as_of = ctx.lang, ctx.family, ctx.as_of
    rows = ctx.rows("office_status_on_date", as_of=as_of)
    counts = rows["status"].value_counts()
    parts = ", ".join(f"{code_label('status', s, lang)}: {int(n)}" for s, n in counts.items())
    title = t("cycles.status_title", lang, family=family, date=format_date(as_of, "day", lang))
    return View("status", title, parts, table=_status_table(rows, lang, "office", "office_label"))


@without_figure
def office_status_view(ctx: Context, families: list[str]) -> View:
    """The context's office's status on the context's day in each of `families` (those it holds), with the latest
    evidence behind each (no table when it holds none)."""
    as_of, lang = ctx.as_of, ctx.lang
    title = t("office.status", lang, date=format_date(as_of, "day", lang))
    if not families:
        return View("status", title, "")
    rows = [ctx.fetch("office_status_on_date", **ctx.offices, as_of=as_of, family=family) for family in families]
    return View("status", title, "", table=_status_table(pd.concat(rows, ignore_index=True), lang, "family", "family"))


@without_figure
def events_around_view(ctx: Context, after: bool, limit: int) -> View:
    """The latest held events up to the context's day (after False) or the next planned ones after it (after True; a
    planned event whose date has passed is never "next"), as the first five columns of the events table."""
    rows = ctx.rows("events_around", as_of=ctx.as_of, after=after, limit=limit)
    key = "next" if after else "latest"
    return View(key, t(f"overview.{key}", ctx.lang), "", table=events_table(rows, ctx.lang).iloc[:, :5])
