"""What sets offices apart: themes praised in one office and in none of the others."""

import pandas as pd


def themes_only_in(by_theme: pd.DataFrame, office_id: str) -> pd.DataFrame:
    """Rows of by_theme for office_id whose theme no other office in the frame was praised for."""
    others = set(by_theme.loc[by_theme["office_id"] != office_id, "theme_id"])
    mine = by_theme[by_theme["office_id"] == office_id]
    return mine[~mine["theme_id"].isin(others)].sort_values("count_findings", ascending=False)
