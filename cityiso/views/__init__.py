"""What a user sees, shared by pages and slides: named query results in, a View (figure, title, takeaway) out."""

from dataclasses import dataclass

import plotly.graph_objects as go


@dataclass
class View:
    """One thing to show: its chart, its title and a takeaway computed from the same rows as the chart."""

    key: str
    title: str
    takeaway: str
    figure: go.Figure | None = None
