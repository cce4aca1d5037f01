"""The deck as a PDF handout: one landscape page per slide, laid out as the PowerPoint deck is
(cityiso.deck.layout): the page's texts drawn on one page, the chart drawn on its own page of exactly the room the
layout gives it and laid onto the first, so its legend and labels stay inside that room and never under a text."""

import io

import plotly.graph_objects as go
from pypdf import PdfReader, PdfWriter, Transformation

from cityiso.deck.layout import HEIGHT, WIDTH, Box, Text, chart_pixels, layout
from cityiso.deck.slides import Slide
from cityiso.figures.common import FONT
from cityiso.figures.images import image_bytes
from cityiso.safe_text import plotly_text

PAGE = (1600, 900)  # pixels; Chromium prints 0.75 pt a pixel
PX = PAGE[0] / WIDTH  # pixels per layout point
DARK, GREY = "#222222", "#666666"


def _annotation(fig: go.Figure, part: Text, color: str, name: str) -> None:
    lines = [plotly_text(line) for line in part.lines]
    text = "<br>".join(f"<b>{line}</b>" if part.bold else line for line in lines)
    fig.add_annotation(
        text=text,
        name=name,
        xref="paper",
        yref="paper",
        x=part.box.left / WIDTH,
        y=1 - part.box.top / HEIGHT,
        xanchor="left",
        yanchor="top",
        align="left",
        showarrow=False,
        borderpad=0,
        font={"size": part.size * PX, "color": color, "family": FONT},
    )


def text_page(slide: Slide) -> go.Figure:
    """The page's texts where the layout puts them: title, takeaway, the points of a text slide, footer."""
    parts = layout(slide)
    width, height = PAGE
    fig = go.Figure()
    fig.update_layout(
        width=width,
        height=height,
        margin={"t": 0, "b": 0, "l": 0, "r": 0, "autoexpand": False},
        paper_bgcolor="white",
        plot_bgcolor="white",
        xaxis={"visible": False, "range": [0, 1]},
        yaxis={"visible": False, "range": [0, 1]},
        showlegend=False,
    )
    _annotation(fig, parts["title"], DARK, "title")
    _annotation(fig, parts["takeaway"], GREY, "takeaway")
    if "points" in parts:
        _annotation(fig, parts["points"], DARK, "points")
    _annotation(fig, parts["footer"], GREY, "footer")
    return fig


def _lay_chart(page, figure: go.Figure, box: Box) -> None:
    """Draw the chart at the figure's own width (as on the slide), as tall as the room's shape asks, and lay it
    into the room (pypdf clips what it lays to the chart page's box)."""
    chart = PdfReader(io.BytesIO(image_bytes(figure, "pdf", *chart_pixels(figure, box)))).pages[0]
    page_height = float(page.mediabox.height)
    scale = box.width * float(page.mediabox.width) / WIDTH / float(chart.mediabox.width)
    points = float(page.mediabox.width) / WIDTH  # page points per layout point
    move = Transformation().scale(scale, scale).translate(box.left * points, page_height - box.bottom * points)
    page.merge_transformed_page(chart, move)


def handout_pdf(slides: list[Slide]) -> bytes:
    """The handout's PDF bytes, one page per slide."""
    writer = PdfWriter()
    for slide in slides:
        page = writer.add_page(PdfReader(io.BytesIO(image_bytes(text_page(slide), "pdf", *PAGE))).pages[0])
        body = layout(slide)["body"]
        if slide.figure is not None and body.height > 0:
            _lay_chart(page, slide.figure, body)
    writer.add_metadata({"/Title": slides[0].title, "/Creator": "cityiso"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
