"""Thumbnails of the deck's slides (cityiso.deck.thumbnails): laid out as the exports lay the slide out, the chart
drawn from the slide's own figure at the size the exports ask for, only scaled down."""

import datetime as dt
import io

import duckdb
import pytest
from PIL import Image

from cityiso.deck.layout import WIDTH, chart_pixels, layout
from cityiso.deck.slides import build_deck
from cityiso.deck.thumbnails import THUMBNAIL_WIDTH, thumbnail
from cityiso.figures import images
from cityiso.queries import run

RED = (255, 0, 0)


@pytest.fixture(scope="module")
def slides(package_con: duckdb.DuckDBPyConnection) -> list:
    """The city hall's deck: a text title slide, then the clauses chart and what the auditors praised."""
    fetch = lambda name, **p: run(package_con, name, **p)  # noqa: E731
    return build_deck(fetch, ["testowo"], "en", ["clauses", "findings"], as_of=dt.date(2018, 11, 1))


def red_chart(calls: list):
    """A stand-in for Kaleido: a red picture of the asked size, each call recorded."""

    def render(figure, width: int, height: int, scale: float) -> bytes:
        calls.append((figure, width, height, scale))
        out = io.BytesIO()
        Image.new("RGB", (round(width * scale), round(height * scale)), RED).save(out, format="PNG")
        return out.getvalue()

    return render


def test_a_chart_slide_s_thumbnail_puts_its_figure_in_the_chart_s_room(slides: list) -> None:
    calls: list = []
    image = Image.open(io.BytesIO(thumbnail(slides[1], red_chart(calls))))
    assert image.size == (THUMBNAIL_WIDTH, THUMBNAIL_WIDTH * 9 // 16)
    body = layout(slides[1])["body"]
    # The slide's own figure, at the pixels the PPTX and PDF draw it at, scaled to the thumbnail's room.
    ((figure, width, height, scale),) = calls
    assert figure is slides[1].figure
    assert (width, height) == chart_pixels(slides[1].figure, body)
    assert scale == pytest.approx(body.width * THUMBNAIL_WIDTH / WIDTH / width, rel=0.01)
    k = THUMBNAIL_WIDTH / WIDTH
    middle = (round((body.left + body.width / 2) * k), round((body.top + body.height / 2) * k))
    assert image.convert("RGB").getpixel(middle) == RED
    above = (middle[0], round(body.top * k) - 3)  # the takeaway's room: no chart there
    assert image.convert("RGB").getpixel(above) != RED


def test_a_text_slide_needs_no_chart_and_shows_its_title(slides: list) -> None:
    calls: list = []
    image = Image.open(io.BytesIO(thumbnail(slides[2], red_chart(calls)))).convert("L")
    assert calls == []
    title = layout(slides[2])["title"].box
    k = THUMBNAIL_WIDTH / WIDTH
    band = image.crop((0, round(title.top * k), image.width, round(title.bottom * k)))
    assert band.getextrema()[0] < 80  # dark type in the title's band
    empty = image.crop((round(WIDTH * k) - 40, round(title.top * k), image.width - 2, round(title.bottom * k)))
    assert empty.getextrema() == (255, 255)  # the short title leaves the right end of its band white


@pytest.mark.skipif(images.find_browser() is None, reason="no Chrome/Chromium for Kaleido: apt-get install chromium")
def test_a_thumbnail_draws_the_chart_through_kaleido(slides: list) -> None:
    image = Image.open(io.BytesIO(thumbnail(slides[1]))).convert("L")
    body = layout(slides[1])["body"]
    k = THUMBNAIL_WIDTH / WIDTH
    room = image.crop((round(body.left * k), round(body.top * k), round(body.right * k), round(body.bottom * k)))
    low, high = room.getextrema()
    assert high == 255 and low < 128  # bars and labels on a white plot
