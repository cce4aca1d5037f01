"""Which findings stand behind the chart elements a user selected."""

import pandas as pd


def findings_behind(findings: pd.DataFrame, clause_points: list[list], theme_points: list[list]) -> pd.DataFrame:
    """Findings matching any selected (office_id, clause) bar or (office_id, theme_id) bar or cell.

    A clause of "" stands for findings with no clause."""
    mask = pd.Series(False, index=findings.index)
    clauses = findings["clause"].astype("Int64")
    for office_id, clause in clause_points:
        same_clause = clauses.isna() if clause in ("", None) else clauses.eq(int(clause)).fillna(False)
        mask |= findings["office_id"].eq(office_id) & same_clause
    for office_id, theme_id in theme_points:
        mask |= findings["office_id"].eq(office_id) & findings["theme_id"].eq(theme_id)
    return findings[mask]


def selected_points(event) -> list[list]:
    """The customdata of every point in a Streamlit chart selection event (empty when nothing is selected)."""
    if not event:
        return []
    return [list(p["customdata"]) for p in event["selection"]["points"] if p.get("customdata") is not None]
