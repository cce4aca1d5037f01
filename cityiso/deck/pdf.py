"""The deck as a PDF handout: one landscape page per slide, with its title, takeaway, chart or points, footer."""

import io

import plotly.graph_objects as go
from pypdf import PdfReader, PdfWriter

from cityiso.deck.slides import Slide
from cityiso.figures.common import FONT, note_below, wrap
from cityiso.figures.images import image_bytes

PAGE = (1600, 900)


def _page_figure(slide: Slide) -> go.Figure:
    """The slide as one figure: its chart (or its points) framed by title, takeaway and footer."""
    fig = go.Figure(slide.figure) if slide.figure is not None else go.Figure()
    width, height = PAGE
    fig.update_layout(
        width=width,
        height=height,
        title={
            "text": f"<b>{slide.title}</b><br><span style='font-size:20px;color:#555'>{wrap(slide.takeaway, 120)}"
            "</span>",
            "x": 0.02,
            "xanchor": "left",
            "y": 0.97,
            "yanchor": "top",
            "font": {"size": 32},
        },
        margin={"t": 170, "b": 90, "l": 40, "r": 40},
        font={"family": FONT},
        paper_bgcolor="white",
    )
    if slide.figure is None:
        fig.update_xaxes(visible=False)
        fig.update_yaxes(visible=False)
        fig.update_layout(plot_bgcolor="white")
        points = "<br>".join(f"• {wrap(b, 110)}" for b in slide.bullets)
        fig.add_annotation(
            text=points,
            xref="paper",
            yref="paper",
            x=0,
            y=1,
            xanchor="left",
            yanchor="top",
            align="left",
            showarrow=False,
            font={"size": 22},
        )
    note_below(fig, slide.footer, 60, 13, name="footer")
    return fig


def handout_pdf(slides: list[Slide]) -> bytes:
    """The handout's PDF bytes, one page per slide."""
    writer = PdfWriter()
    for slide in slides:
        page = image_bytes(_page_figure(slide), "pdf", *PAGE)
        for pdf_page in PdfReader(io.BytesIO(page)).pages:
            writer.add_page(pdf_page)
    writer.add_metadata({"/Title": slides[0].title, "/Creator": "cityiso"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
