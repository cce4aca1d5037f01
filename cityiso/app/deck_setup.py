"""The presentation page's setup: which charts the deck shows and in which order (?slides=, kept in the session),
chosen with Streamlit's own checkboxes and arrow buttons, and the thumbnails of the deck before export."""

import hashlib
import json

import streamlit as st
from plotly.utils import PlotlyJSONEncoder

from cityiso.app import urlstate
from cityiso.deck import thumbnails
from cityiso.deck.slides import CHARTS, Slide
from cityiso.figures import images
from cityiso.labels import t
from cityiso.safe_text import md

ORDER = "slides"  # the session's ordered choice and its URL parameter
LEGACY = "charts"  # its name in links from before the order could be chosen (the same list, in CHARTS's order)
PER_ROW = 3  # thumbnails a row


def export_available() -> bool:
    """Whether this machine can draw chart images (a Chromium for Kaleido): the page offers its downloads then."""
    return images.find_browser() is not None


def chart_image(slide: Slide, fmt: str) -> bytes:
    """A slide's chart as a PNG (at twice the size, for print) or an SVG file, its title drawn in."""
    return images.image_bytes(slide.figure, fmt, scale=2 if fmt == "png" else 1, titled=True)


def slide_order(lang: str) -> list[str]:
    """The chosen charts in the user's order: from the URL once, then as the user changes it."""
    return urlstate.bind_order(ORDER, CHARTS, lang, CHARTS, legacy=LEGACY)


def write_order(order: list[str]) -> None:
    """The order into the URL (under its current name only), so a copied link gives the same deck."""
    urlstate.write(ORDER, order)
    st.query_params.pop(LEGACY, None)


def _move(key: str, step: int, shown: list[str]) -> None:
    """Swap a chart with its neighbour among the shown charts (a chart that gives no slide keeps its place)."""
    order = list(st.session_state[ORDER])
    other = shown[shown.index(key) + step]
    i, j = order.index(key), order.index(other)
    order[i], order[j] = order[j], order[i]
    st.session_state[ORDER] = order


def _pick(key: str) -> None:
    """A ticked chart goes to the end of the deck; an unticked one leaves it."""
    order = [k for k in st.session_state[ORDER] if k != key]
    st.session_state[ORDER] = [*order, key] if st.session_state[f"pick_{key}"] else order


def slide_chooser(no_slide: dict[str, str], lang: str) -> None:
    """One row per chart: the chosen ones first in the deck's order with arrows to move them, then the others; a
    chart that gives no slide for this selection (`no_slide`: chart -> why) is shown disabled with the reason, at
    the foot, ticked if the order holds it (it keeps its place for a selection that gives it a slide)."""
    st.markdown(f"**{t('present.order', lang)}**", help=t("present.order_help", lang))
    order = slide_order(lang)  # here, so a notice about the URL's list stands where the list is chosen
    shown = [k for k in order if k not in no_slide]
    rows = shown + [k for k in CHARTS if k not in order and k not in no_slide] + [k for k in CHARTS if k in no_slide]
    for key in rows:
        st.session_state[f"pick_{key}"] = key in order  # the order is the truth: the box shows it
        name = t(f"present.chart.{key}", lang)
        with st.container(horizontal=True, vertical_alignment="center", gap="xsmall"):
            st.checkbox(
                md(t("present.no_slide", lang, chart=name, reason=no_slide[key])) if key in no_slide else name,
                key=f"pick_{key}",
                on_change=_pick,
                args=(key,),
                disabled=key in no_slide,
                width="stretch",
                wrap=True,  # a reason is read in full, never cut
            )
            if key not in shown:
                continue
            at = shown.index(key)
            for label, step, name in (("↑", -1, "up"), ("↓", 1, "down")):
                st.button(
                    label,
                    key=f"{name}_{key}",
                    help=t(f"present.move_{name}", lang),
                    on_click=_move,
                    args=(key, step, shown),
                    disabled=not 0 <= at + step < len(shown),
                )


@st.cache_data(max_entries=256, show_spinner=False)
def _thumbnail(digest: str, _slide: Slide) -> bytes:
    """A slide's thumbnail, drawn once per slide's content (a reorder draws nothing again)."""
    return thumbnails.thumbnail(_slide)


def _digest(slide: Slide) -> str:
    """What a slide shows, as a key: its texts and its figure (keys sorted: a figure back from st.cache_data's
    pickle lists its layout in another order)."""
    figure = (
        "" if slide.figure is None else json.dumps(slide.figure.to_plotly_json(), cls=PlotlyJSONEncoder, sort_keys=True)
    )
    content = "\x1f".join([slide.title, slide.takeaway, slide.footer, *slide.bullets, figure])
    return hashlib.sha256(content.encode()).hexdigest()


def _text_list(slides: list[Slide]) -> None:
    st.markdown("\n".join(f"{i}. {md(s.title)}" for i, s in enumerate(slides, start=1)))


def thumbnail_strip(slides: list[Slide], lang: str) -> None:
    """Every slide of the deck as a small picture, in the deck's order, numbered; without Chromium, their titles
    in that order and a notice."""
    st.markdown(f"**{t('present.preview', lang, n=len(slides))}**")
    if not images.find_browser():
        st.info(t("present.thumbnails_off", lang, reason=t("present.no_chromium", lang)))
        _text_list(slides)
        return
    try:
        with st.spinner(t("present.drawing", lang)):  # shown only past half a second: a reorder draws nothing
            pictures = [_thumbnail(_digest(s), s) for s in slides]
    except images.ExportUnavailable as exc:
        st.warning(t("present.thumbnails_off", lang, reason=md(str(exc))))
        _text_list(slides)
        return
    for start in range(0, len(slides), PER_ROW):
        for number, column in enumerate(st.columns(PER_ROW), start=start + 1):
            if number <= len(slides):
                column.image(pictures[number - 1], width="stretch", output_format="PNG", alt=slides[number - 1].title)
                column.caption(md(f"{number} · {slides[number - 1].title}"))
