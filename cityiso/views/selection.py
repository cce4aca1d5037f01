"""Which chart elements a user picked on the praised page: the latest pick replaces the one before it."""

from dataclasses import dataclass

# The charts a pick can come from, and the kind of category each one's points name ((office_id, clause) or
# (office_id, theme_id); office_id '' stands for every office covered, a clause '' for findings no clause fits).
CHART_KINDS = {"by_clause": "clause", "by_theme": "theme", "heatmap": "theme"}


@dataclass(frozen=True)
class Pick:
    """The category a user clicked: its kind ('clause' or 'theme') and its 'office_id|code' keys (several when
    points were added to a selection with shift)."""

    kind: str
    keys: tuple[str, ...]

    def params(self) -> dict:
        """findings_page's clause_keys and theme_keys for this pick."""
        keys = list(self.keys) or None
        return {
            "clause_keys": keys if self.kind == "clause" else None,
            "theme_keys": keys if self.kind == "theme" else None,
        }


def selected_points(event) -> list[list]:
    """The customdata of every point in a Streamlit chart selection event (empty when nothing is selected)."""
    if not event:
        return []
    return [list(p["customdata"]) for p in event["selection"]["points"] if p.get("customdata") is not None]


def latest_pick(current: dict[str, list[list]], previous: dict[str, list[list]]) -> tuple[str, Pick | None] | None:
    """What changed since the last run: (chart, its new pick) when a chart's selection changed to something, (chart,
    None) when the only change is a chart's selection cleared, None when nothing changed. Only one chart changes
    per click, so a new click replaces the pick of every chart before it instead of adding to it."""
    cleared = None
    for chart, points in current.items():
        if points == previous.get(chart, []):
            continue
        if points:
            keys = tuple(dict.fromkeys(f"{office}|{'' if code is None else code}" for office, code in points))
            return chart, Pick(CHART_KINDS[chart], keys)
        cleared = chart
    return (cleared, None) if cleared else None
