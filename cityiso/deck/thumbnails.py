"""Small pictures of the deck's slides before export: each slide laid out as the PowerPoint deck and the PDF handout
lay it out (cityiso.deck.layout), its texts drawn with Pillow and its chart the same figure the export draws, only
smaller."""

import functools
import glob
import io
from collections.abc import Callable

import plotly.graph_objects as go
from PIL import Image, ImageDraw, ImageFont

from cityiso.deck import fit
from cityiso.deck.layout import HEIGHT, PAD, WIDTH, Text, chart_pixels, layout
from cityiso.deck.slides import Slide
from cityiso.figures.images import image_bytes

THUMBNAIL_WIDTH = 640  # pixels: sharp at the width a page's thumbnail column shows it (about 300 px, doubled)
FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts")
DARK, GREY, EDGE = (0x22, 0x22, 0x22), (0x66, 0x66, 0x66), (0xCC, 0xCC, 0xCC)

# (figure, width, height, scale) -> the chart's PNG: image_bytes by default, a cached one in the app.
ChartPng = Callable[[go.Figure, int, int, float], bytes]


def chart_png(figure: go.Figure, width: int, height: int, scale: float) -> bytes:
    """The chart as the export draws it (as many pixels wide as the figure was made for), scaled down."""
    return image_bytes(figure, "png", width=width, height=height, scale=scale)


@functools.cache
def _font_file(bold: bool) -> str | None:
    """DejaVu Sans (the type fit measures with, and the one Chromium falls back to here), if the machine has it."""
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    for folder in FONT_DIRS:
        for path in sorted(glob.glob(f"{folder}/**/{name}", recursive=True)):
            return path
    return None


@functools.cache
def _font(size: int, bold: bool) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    path = _font_file(bold)
    return ImageFont.truetype(path, size) if path else ImageFont.load_default(size)


def _draw_text(draw: ImageDraw.ImageDraw, part: Text, k: float, color: tuple[int, int, int]) -> None:
    """A text box's lines, as the layout wrapped them, at its place and size scaled by k."""
    size = max(1, round(part.size * k))
    font = _font(size, part.bold)
    top = (part.box.top + PAD) * k
    for i, line in enumerate(part.lines):
        draw.text((part.box.left * k, top + i * fit.LINE * part.size * k), line, fill=color, font=font)


def thumbnail(slide: Slide, render: ChartPng | None = None, width: int = THUMBNAIL_WIDTH) -> bytes:
    """The slide as a PNG `width` pixels wide: title, takeaway, chart or points and footer where the deck has
    them; its chart drawn by `render` (chart_png when None)."""
    render = render or chart_png
    k = width / WIDTH
    image = Image.new("RGB", (width, round(HEIGHT * k)), "white")
    draw = ImageDraw.Draw(image)
    parts = layout(slide)
    body = parts["body"]
    if slide.figure is not None and body.height > 0:
        pixels_w, pixels_h = chart_pixels(slide.figure, body)
        room = (max(1, round(body.width * k)), max(1, round(body.height * k)))
        chart = Image.open(io.BytesIO(render(slide.figure, pixels_w, pixels_h, room[0] / pixels_w)))
        image.paste(
            chart.convert("RGB").resize(room, Image.Resampling.LANCZOS), (round(body.left * k), round(body.top * k))
        )
    elif "points" in parts:
        _draw_text(draw, parts["points"], k, DARK)
    _draw_text(draw, parts["title"], k, DARK)
    _draw_text(draw, parts["takeaway"], k, GREY)
    _draw_text(draw, parts["footer"], k, GREY)
    draw.rectangle((0, 0, image.width - 1, image.height - 1), outline=EDGE)  # a white slide on a white page
    out = io.BytesIO()
    # zlib at level 3, not Pillow's optimize: an office's deck of 54 slides took 1.6 s to encode that way against
    # 0.2 s, its PNGs as large (27-28 KiB each).
    image.save(out, format="PNG", compress_level=3)
    return out.getvalue()
