"""Where each part of a slide goes, for the PowerPoint deck and the PDF handout alike, on a 960 x 540 point slide.

From the top down: the title and the takeaway get the lines they need (their type shrinks a step or two when long),
the footer sits at the foot with the lines it needs, and the chart or the points take the room left between. No
box overlaps another or leaves the slide, whatever the length of the texts."""

from dataclasses import dataclass

from cityiso.deck import fit
from cityiso.deck.slides import Slide

WIDTH, HEIGHT = 960, 540  # points: a 13.333 x 7.5 inch slide
MARGIN, FOOT = 36, 14  # side margin; room under the footer
TEXT_WIDTH = WIDTH - 2 * MARGIN
GAP = 8
PAD = 2  # a text box's top and bottom inset
# Type sizes, largest first, and the lines each box may take before its type shrinks.
TITLE = {"sizes": (34, 30, 26), "max_lines": 2}
TAKEAWAY = {"sizes": (20, 18, 16, 14), "max_lines": 3}
COVER_TITLE = {"sizes": (44, 40, 36, 32), "max_lines": 3}
COVER_TAKEAWAY = {"sizes": (24, 22, 20), "max_lines": 3}
FOOTER = {"sizes": (11, 10, 9), "max_lines": 2}
BULLET_SIZES = (22, 20, 18, 16, 14, 12)
BULLET_SPACE = 0.45  # space after a point, in em


@dataclass(frozen=True)
class Box:
    """A rectangle on the slide, in points from its top left corner."""

    left: float
    top: float
    width: float
    height: float

    @property
    def bottom(self) -> float:
        return self.top + self.height

    @property
    def right(self) -> float:
        return self.left + self.width


@dataclass(frozen=True)
class Text:
    """A text box: where, its lines as wrapped for the box, and their size."""

    box: Box
    lines: list[str]
    size: float
    bold: bool = False


def _text(text: str, top: float, bold: bool, sizes: tuple, max_lines: int) -> Text:
    size, lines = fit.fit(text, TEXT_WIDTH, sizes, max_lines, bold)
    return Text(Box(MARGIN, top, TEXT_WIDTH, fit.height(len(lines), size) + 2 * PAD), lines, size, bold)


def _moved(part: Text, top: float) -> Text:
    return Text(Box(part.box.left, top, part.box.width, part.box.height), part.lines, part.size, part.bold)


def bullets(points: list[str], room: Box) -> Text:
    """The points, each after a bullet, at the largest type at which all of them fit the room."""
    for size in BULLET_SIZES:
        lines = [line for p in points for line in fit.wrap(f"• {p}", TEXT_WIDTH, size)]
        if fit.height(len(lines), size) + BULLET_SPACE * size * len(points) + 2 * PAD <= room.height:
            break
    return Text(room, lines, size)


def layout(slide: Slide) -> dict[str, Text | Box]:
    """'title', 'takeaway' and 'footer' (texts) and 'body' (the room of the chart or the points, between the
    takeaway and the footer; 'points' too when the slide has points)."""
    cover = slide.key == "title"
    footer = _text(slide.footer, 0, False, **FOOTER)
    footer = _moved(footer, HEIGHT - FOOT - footer.box.height)
    title = _text(slide.title, 0, True, **(COVER_TITLE if cover else TITLE))
    takeaway = _text(slide.takeaway, 0, False, **(COVER_TAKEAWAY if cover else TAKEAWAY))
    if cover:  # the title and the summary together, a little above the middle
        group = title.box.height + GAP + takeaway.box.height
        top = max(MARGIN, min((HEIGHT - group) / 2 - 20, footer.box.top - GAP - group))
    else:
        top = 20
    title = _moved(title, top)
    takeaway = _moved(takeaway, title.box.bottom + (GAP if cover else 2))
    body_top = takeaway.box.bottom + GAP
    body = Box(MARGIN, body_top, TEXT_WIDTH, max(0, footer.box.top - GAP - body_top))
    parts: dict[str, Text | Box] = {"title": title, "takeaway": takeaway, "body": body, "footer": footer}
    if slide.bullets and slide.figure is None:
        parts["points"] = bullets(slide.bullets, body)
    return parts


def chart_pixels(figure, box: Box) -> tuple[int, int]:
    """The pixels a chart is drawn at for its room, in the PowerPoint deck and the PDF handout alike (so what a test
    reads off the handout's chart holds for the deck's picture): as many pixels wide as the figure was made for, as
    tall as the room's shape asks, so it fills the room without being stretched."""
    width = figure.layout.width or 1766
    return width, max(1, round(width * box.height / box.width))


def screen_fonts(slide: Slide, screen: tuple[int, int]) -> dict[str, int]:
    """On a screen of this size (the presentation page, in px): type sizes for the slide's title, takeaway and
    points, and the chart's height, so that title, takeaway, chart (or points) and the footer row fit: long texts get
    smaller type, lines are counted with generous glyph widths (cityiso.deck.fit), and the chart takes what is left."""
    width, height = screen
    text_width = width - 80  # the page's side padding
    title, title_lines = fit.fit(slide.title, text_width, (0.033 * width, 0.028 * width, 0.024 * width), 2, True)
    takeaway, takeaway_lines = fit.fit(slide.takeaway, text_width, tuple(f * width for f in (0.019, 0.016, 0.014)), 3)
    used = 20 + len(title_lines) * title * 1.15 + 6 + len(takeaway_lines) * takeaway * 1.3  # padding and texts
    room = height - used - 3 * 16 - 52 - 24  # gaps between blocks, the footer row, air below it
    bullets = 0.019 * width
    for size in (0.019 * width, 0.016 * width, 0.014 * width, 0.012 * width):
        lines = sum(len(fit.wrap(b, text_width - 40, size)) for b in slide.bullets)
        bullets = size
        if lines * size * 1.3 + len(slide.bullets) * 0.4 * size <= room:
            break
    chart = max(200, min(round(0.62 * height), round(room)))
    return {"title": round(title), "takeaway": round(takeaway), "bullets": round(bullets), "chart": chart}
