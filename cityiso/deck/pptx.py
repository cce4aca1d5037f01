"""The deck as a PowerPoint file: one 16:9 slide per deck slide, charts as sharp images, text as real text, each
part where cityiso.deck.layout puts it (no box overlaps another or leaves the slide)."""

import io

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_AUTO_SIZE
from pptx.util import Pt

from cityiso.deck.layout import BULLET_SPACE, HEIGHT, PAD, WIDTH, Box, Text, chart_pixels, layout
from cityiso.deck.slides import Slide
from cityiso.figures.images import image_bytes

DARK, GREY = RGBColor(0x22, 0x22, 0x22), RGBColor(0x66, 0x66, 0x66)


def _frame(slide, box: Box, name: str):
    shape = slide.shapes.add_textbox(Pt(box.left), Pt(box.top), Pt(box.width), Pt(box.height))
    shape.name = name
    frame = shape.text_frame
    frame.word_wrap = True
    # Text that would not fit its box shrinks (PowerPoint, LibreOffice) instead of growing the box over the next.
    frame.auto_size = MSO_AUTO_SIZE.TEXT_TO_FIT_SHAPE
    frame.margin_left = frame.margin_right = 0
    frame.margin_top = frame.margin_bottom = Pt(PAD)
    return frame


def _text(slide, text: str, part: Text, name: str, color: RGBColor) -> None:
    """One paragraph: PowerPoint wraps it itself (the layout's lines only measured the room it needs)."""
    run = _frame(slide, part.box, name).paragraphs[0].add_run()
    run.text = text
    run.font.size, run.font.bold, run.font.color.rgb = Pt(part.size), part.bold, color


def _bullets(slide, bullets: list[str], part: Text) -> None:
    frame = _frame(slide, part.box, "bullets")
    for i, bullet in enumerate(bullets):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        paragraph.text = f"• {bullet}"
        paragraph.font.size = Pt(part.size)
        paragraph.space_after = Pt(round(BULLET_SPACE * part.size))


def _chart(slide, figure, box: Box) -> None:
    """The chart drawn for its room: as many pixels wide as the figure was made for, as tall as the room's shape
    asks, so it fills the room without being stretched."""
    width, height = chart_pixels(figure, box)
    png = image_bytes(figure, "png", width=width, height=height, scale=2)
    picture = slide.shapes.add_picture(io.BytesIO(png), Pt(box.left), Pt(box.top), Pt(box.width), Pt(box.height))
    picture.name = "chart"


def deck_pptx(slides: list[Slide]) -> bytes:
    """The .pptx bytes of the deck."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = Pt(WIDTH), Pt(HEIGHT)
    blank = prs.slide_layouts[6]
    for deck_slide in slides:
        slide = prs.slides.add_slide(blank)
        parts = layout(deck_slide)
        _text(slide, deck_slide.title, parts["title"], "title", DARK)
        _text(slide, deck_slide.takeaway, parts["takeaway"], "takeaway", GREY)
        if deck_slide.figure is not None and parts["body"].height > 0:
            _chart(slide, deck_slide.figure, parts["body"])
        elif "points" in parts:
            _bullets(slide, deck_slide.bullets, parts["points"])
        _text(slide, deck_slide.footer, parts["footer"], "footer", GREY)
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()
