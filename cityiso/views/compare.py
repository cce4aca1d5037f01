"""What sets offices apart: themes praised in one office and in none of the others; which offices to compare first."""

import pandas as pd

from cityiso.views import Context


def themes_only_in(by_theme: pd.DataFrame, office_id: str) -> pd.DataFrame:
    """Rows of by_theme for office_id whose theme no other office in the frame was praised for."""
    others = set(by_theme.loc[by_theme["office_id"] != office_id, "theme_id"])
    mine = by_theme[by_theme["office_id"] == office_id]
    return mine[~mine["theme_id"].isin(others)].sort_values("count_findings", ascending=False)


def first_praised_offices(ctx: Context, n: int) -> list[str]:
    """The first `n` offices, by place, with items the auditors praised in the context's family: what the compare
    page compares until the user chooses (offices_overview, every office)."""
    overview = ctx.fetch("offices_overview", family=ctx.family)
    return overview.loc[overview["count_praised"] > 0, "office_id"].head(n).tolist()
