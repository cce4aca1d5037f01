"""The deck as a PowerPoint file: one 16:9 slide per deck slide, charts as sharp images, text as real text."""

import io

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.util import Emu, Inches, Pt

from cityiso.deck.slides import Slide
from cityiso.figures.images import image_bytes

WIDTH, HEIGHT = Inches(13.333), Inches(7.5)
MARGIN = Inches(0.5)
DARK, GREY = RGBColor(0x22, 0x22, 0x22), RGBColor(0x66, 0x66, 0x66)


def _text(
    slide, text: str, top: float, height: float, size: int, color: RGBColor, bold: bool = False, name: str = ""
) -> None:
    box = slide.shapes.add_textbox(MARGIN, Inches(top), WIDTH - 2 * MARGIN, Inches(height))
    box.name = name or box.name
    frame = box.text_frame
    frame.word_wrap = True
    run = frame.paragraphs[0].add_run()
    run.text = text
    run.font.size, run.font.bold, run.font.color.rgb = Pt(size), bold, color


def _bullets(slide, bullets: list[str], top: float) -> None:
    box = slide.shapes.add_textbox(MARGIN, Inches(top), WIDTH - 2 * MARGIN, Inches(5.2))
    box.name = "bullets"
    frame = box.text_frame
    frame.word_wrap = True
    for i, bullet in enumerate(bullets):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        paragraph.text = f"• {bullet}"
        paragraph.font.size = Pt(22)
        paragraph.space_after = Pt(10)


def deck_pptx(slides: list[Slide]) -> bytes:
    """The .pptx bytes of the deck."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = WIDTH, HEIGHT
    blank = prs.slide_layouts[6]
    for deck_slide in slides:
        slide = prs.slides.add_slide(blank)
        if deck_slide.key == "title":
            _text(slide, deck_slide.title, 2.4, 1.4, 44, DARK, bold=True, name="title")
            _text(slide, deck_slide.takeaway, 3.9, 1.0, 24, GREY, name="takeaway")
        else:
            _text(slide, deck_slide.title, 0.3, 0.8, 34, DARK, bold=True, name="title")
            _text(slide, deck_slide.takeaway, 1.05, 0.8, 20, GREY, name="takeaway")
        if deck_slide.figure is not None:
            png = image_bytes(deck_slide.figure, "png", scale=2)
            picture = slide.shapes.add_picture(io.BytesIO(png), MARGIN, Inches(1.9), height=Inches(4.85))
            picture.left = Emu((WIDTH - picture.width) // 2)
            picture.name = "chart"
        if deck_slide.bullets:
            _bullets(slide, deck_slide.bullets, 1.9)
        _text(slide, deck_slide.footer, 6.95, 0.45, 11, GREY, name="footer")
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()
