"""Peers of one office: a peer group made of the offices that share its kind, voivodeship or size class of its place
(any of them, combined), stated with its size; the office against the group's median, range and distribution."""

from dataclasses import dataclass

import pandas as pd
from babel.numbers import format_decimal

from cityiso.figures import trends
from cityiso.labels import code_label, t
from cityiso.queries import OfficeFilter
from cityiso.safe_text import plotly_text
from cityiso.views import Context, View, without_figure
from cityiso.views.national import rank_words
from cityiso.vocabulary import UNKNOWN_SIZE

# What a peer group may share with its office, in the order they are named.
CRITERIA = ("kind", "voivodeship", "size")
DEFAULT_CRITERIA = ("kind",)
MEASURES = ("certificates", "audits", "praised")


@dataclass(frozen=True)
class PeerGroup:
    """The offices sharing with `office` each criterion applied; `dropped`: criteria asked for that cannot apply (the
    size of a place of unknown population: offices of unknown size are no group of their own)."""

    office: str
    applied: tuple[str, ...]
    dropped: tuple[str, ...]
    office_kind: str
    voivodeship: str
    size_class: str
    place_population: int | None

    def selection(self) -> OfficeFilter:
        """The group as an office filter (the office itself always meets it)."""
        return OfficeFilter(
            voivodeships=(self.voivodeship,) if "voivodeship" in self.applied else (),
            office_kinds=(self.office_kind,) if "kind" in self.applied else (),
            size_classes=(self.size_class,) if "size" in self.applied else (),
        )

    def definition(self, lang: str) -> str:
        """'rodzaj urzędu: urząd miasta · województwo: śląskie': each shared value after its name, so no value needs
        declining; 'every office' when nothing is shared."""
        values = {
            "kind": code_label("office_kind", self.office_kind, lang),
            "voivodeship": self.voivodeship,
            "size": code_label("size_class", self.size_class, lang),
        }
        parts = [f"{t(f'peers.by.{c}', lang)}: {values[c]}" for c in CRITERIA if c in self.applied]
        return " · ".join(parts) or t("peers.everyone", lang)


def peer_group(ctx: Context, office: str, criteria: tuple[str, ...] | list[str]) -> PeerGroup:
    """The peer group of `office` sharing the criteria (office_peer_keys); a size class asked for an office of
    unknown population is dropped, and said to be."""
    keys = ctx.fetch("office_peer_keys", office=office).iloc[0]
    size = str(keys["size_class"])
    wanted = tuple(c for c in CRITERIA if c in criteria)
    dropped = ("size",) if "size" in wanted and size == UNKNOWN_SIZE else ()
    population = None if pd.isna(keys["place_population"]) else int(keys["place_population"])
    return PeerGroup(
        office,
        tuple(c for c in wanted if c not in dropped),
        dropped,
        str(keys["office_kind"]),
        str(keys["voivodeship"]),
        size,
        population,
    )


def population_line(group: PeerGroup, lang: str) -> str:
    """'Ludność miejscowości (GeoNames): 192 177', or '' when not known."""
    if group.place_population is None:
        return ""
    return t("peers.population", lang, n=format_decimal(group.place_population, locale=lang))


def standing(ctx: Context, group: PeerGroup) -> pd.DataFrame:
    """Where the office stands in its group (office_standing, in the context's family): one row per measure."""
    return ctx.fetch("office_standing", office=group.office, **group.selection().params(), family=ctx.family)


def count_words(rows: pd.DataFrame, lang: str) -> str:
    """'12 urzędów': the group's size, the office itself included."""
    return t("peers.count", lang, n=int(rows["count_peers"].iloc[0])) if len(rows) else t("peers.count", lang, n=1)


def group_line(ctx: Context, group: PeerGroup) -> str:
    """'Grupa porównawcza (12 urzędów): rodzaj urzędu: urząd miasta · …' for the caption and the chart's footer: the
    group's size from its standing (in the context's family)."""
    return _group_line(group, standing(ctx, group), ctx.lang)


def _group_line(group: PeerGroup, rows: pd.DataFrame, lang: str) -> str:
    return t("peers.group", lang, count=count_words(rows, lang), definition=group.definition(lang))


@without_figure
def standing_view(ctx: Context, group: PeerGroup, name: str) -> View:
    """The office against its group (standing, in the context's family), one row per measure: its value, the group's
    median and range, its rank and percentile; the takeaway on audits (the page states the group above it:
    group_line)."""
    lang, rows = ctx.lang, standing(ctx, group)
    table = pd.DataFrame(
        {
            t("peers.measure", lang): [t(f"trends.measure.{m}", lang) for m in rows["measure"]],
            t("peers.this_office", lang): rows["value"].astype(int).tolist(),
            t("peers.median", lang): [format_decimal(m, locale=lang) for m in rows["peer_median"]],
            t("peers.range", lang): [
                f"{int(a)}–{int(b)}" for a, b in zip(rows["peer_min"], rows["peer_max"], strict=True)
            ],
            t("peers.rank", lang): [rank_words(r, lang) for r in rows.to_dict("records")],
            t("peers.percentile", lang): [f"{p:.0f}" for p in rows["percentile"]],
        }
    )
    audits = rows[rows["measure"] == "audits"]
    takeaway = ""
    if len(audits):
        r = audits.iloc[0]
        takeaway = t(
            "peers.takeaway",
            lang,
            name=name,
            measure=t("trends.measure.audits", lang),
            value=int(r["value"]),
            median=format_decimal(r["peer_median"], locale=lang),
            rank=rank_words(r, lang),
        )
    return View("peers_table", t("peers.table_title", lang), takeaway, table=table)


def distribution_view(ctx: Context, group: PeerGroup, name: str) -> View:
    """The audits of the group's offices (national_distribution over the group's filter, in the context's family),
    the office's own marked (its standing); the subtitle gives the group's size, the footer its definition and size
    above the context's source line (the group's own)."""
    lang, source, rows = ctx.lang, ctx.source, standing(ctx, group)
    dist = ctx.fetch("national_distribution", **group.selection().params(), family=ctx.family)
    audits = rows.loc[rows["measure"] == "audits", "value"]
    mark = float(audits.iloc[0]) if len(audits) else None
    subtitle = plotly_text(t("peers.mark", lang, count=count_words(rows, lang), name=name))
    footer = f"{plotly_text(_group_line(group, rows, lang))}. {source}"
    title = t("peers.distribution", lang)
    fig = trends.distribution_bars(dist, "audits", lang, footer, title, mark=mark, subtitle=subtitle)
    return View("peers_distribution", title, "", figure=fig)
