"""Prezentacja / Presentation: slides for a council session, shown full screen or downloaded (PPTX, PDF, PNG, SVG)."""

import datetime as dt

import streamlit as st

from cityiso import ui, urlstate
from cityiso.deck import CHARTS, build_deck
from cityiso.exports.images import find_browser, image_bytes
from cityiso.exports.pdf import handout_pdf
from cityiso.exports.pptx import deck_pptx
from cityiso.labels import t
from cityiso.queries import DEFAULT_FAMILY
from cityiso.safe_text import html, md

SCREENS = {"1920x1080": (1920, 1080), "1280x720": (1280, 720)}
PPTX_MIME = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
SLIDE_CSS = """<style>
[data-testid='stSidebar'], [data-testid='stSidebarCollapsedControl'], header, [data-testid='stToolbar'],
[data-testid='stDecoration'] {display: none !important;}
[data-testid='stMainBlockContainer'] {padding: 1.2rem 2.5rem 0 2.5rem !important; max-width: 100% !important;}
.slide-title {font-size: clamp(2rem, 3.3vw, 4.4rem); font-weight: 700; line-height: 1.1; margin: 0;}
.slide-takeaway {font-size: clamp(1.2rem, 1.9vw, 2.6rem); color: #3a3a3a; margin: .4rem 0 0 0;}
.slide-bullets li {font-size: clamp(1.2rem, 1.9vw, 2.6rem); margin-bottom: .5rem;}
.slide-footer {font-size: clamp(.75rem, .85vw, 1.1rem); color: #666; margin: 0;}
</style>"""

lang = ui.lang()
urlstate.bind("present", urlstate.flag(lang), False)
urlstate.bind("slide", urlstate.positive_int(lang), 1)


def go(to: int | None = None, present: bool | None = None) -> None:
    """Move to a slide, or start or stop presenting (a button callback)."""
    if to is not None:
        st.session_state["slide"] = to
    if present is not None:
        st.session_state["present"] = present


def choose() -> tuple[list[str], list[str], str, dt.date, str]:
    """Offices, charts, screen, date and family: as widgets while preparing, from the URL while presenting."""
    office_ids = ui.all_office_ids()
    families = ui.data_or_stop("families")["family"].tolist()
    chart_codes = urlstate.codes(list(CHARTS), lang, 1)
    screen_code = urlstate.choice(list(SCREENS), lang)
    if st.session_state["present"]:
        return (
            urlstate.read("offices", urlstate.codes(office_ids, lang, 1), office_ids),
            urlstate.read("charts", chart_codes, list(CHARTS)),
            urlstate.read("screen", screen_code, "1920x1080"),
            urlstate.read("as_of", urlstate.date(lang), dt.date.today()),
            urlstate.read("family", urlstate.choice(families, lang), DEFAULT_FAMILY),
        )
    st.title(t("present.title", lang))
    st.caption(t("present.intro", lang))
    offices = ui.offices_filter(t("present.cities", lang))
    urlstate.bind("charts", chart_codes, list(CHARTS))
    charts = st.multiselect(
        t("present.charts", lang), list(CHARTS), key="charts", format_func=lambda c: t(f"present.chart.{c}", lang)
    )
    left, right = st.columns(2)
    with left:
        urlstate.bind("screen", screen_code, "1920x1080")
        screen = st.radio(t("present.screen", lang), list(SCREENS), key="screen", horizontal=True)
    with right:
        as_of = ui.as_of_input()
        family = ui.family_input()
    urlstate.write("charts", charts)
    urlstate.write("screen", screen)
    return offices, charts, screen, as_of, family


def downloads(slides: list, offices: list[str]) -> None:
    """The deck, the handout and each chart, built only when their button is clicked."""
    if not find_browser():
        st.warning(t("present.no_browser", lang, reason="Chromium (apt-get install chromium)"))
        return
    name = f"cityiso_{'_'.join(offices)}_{lang}"
    documents = [
        ("present.download_pptx", deck_pptx, "pptx", PPTX_MIME, ":material/co_present:"),
        ("present.download_pdf", handout_pdf, "pdf", "application/pdf", ":material/picture_as_pdf:"),
    ]
    for column, (label, render, ext, mime, icon) in zip(st.columns(2), documents, strict=True):
        column.download_button(
            t(label, lang),
            data=lambda r=render: r(slides),
            file_name=f"{name}.{ext}",
            mime=mime,
            icon=icon,
            key=f"download_{ext}",
        )
    with st.expander(f"{t('present.charts_png', lang)} · {t('present.charts_svg', lang)}"):
        for i, slide in enumerate(s for s in slides if s.figure is not None):
            title, png, svg = st.columns([6, 1, 1], vertical_alignment="center")
            title.write(md(slide.title))
            for column, fmt in ((png, "png"), (svg, "svg")):
                column.download_button(
                    fmt.upper(),
                    data=lambda f=slide.figure, x=fmt: image_bytes(f, x, scale=2 if x == "png" else 1),
                    file_name=f"cityiso_{slide.key}_{lang}.{fmt}",
                    key=f"download_{fmt}_{i}",
                )


offices, charts, screen, as_of, family = choose()
if not offices:
    st.info(t("none_selected", lang))
    st.stop()
slides = build_deck(ui.data_or_stop, offices, lang, charts, as_of, SCREENS[screen], family)
number = max(1, min(st.session_state["slide"], len(slides)))
urlstate.write("present", str(st.session_state["present"]).lower())

if not st.session_state["present"]:
    st.markdown(f"**{t('present.count', lang, n=len(slides))}:** " + " · ".join(md(s.title) for s in slides))
    st.button(
        t("present.start", lang),
        type="primary",
        icon=":material/slideshow:",
        on_click=go,
        kwargs={"to": 1, "present": True},
    )
    downloads(slides, offices)
    st.stop()

# Presenting: one slide per screen, large type, no sidebar, only a discreet navigation row under the slide.
urlstate.write("slide", number)
st.html(SLIDE_CSS)
slide = slides[number - 1]
st.html(f"<p class='slide-title'>{html(slide.title)}</p><p class='slide-takeaway'>{html(slide.takeaway)}</p>")
if slide.figure is not None:
    st.plotly_chart(
        slide.figure.update_layout(width=None), key="slide_chart", config={"displayModeBar": False}, width="stretch"
    )
elif slide.bullets:
    st.html("<ul class='slide-bullets'>" + "".join(f"<li>{html(b)}</li>" for b in slide.bullets) + "</ul>")
foot, back, count, forward, leave = st.columns([14, 1, 1, 1, 1], vertical_alignment="center")
foot.html(f"<p class='slide-footer'>{html(slide.footer)}</p>")
back.button(
    "◀", help=t("present.previous", lang), on_click=go, kwargs={"to": number - 1}, disabled=number == 1, key="previous"
)
count.caption(t("present.slide_of", lang, i=number, n=len(slides)))
forward.button(
    "▶",
    help=t("present.next", lang),
    on_click=go,
    kwargs={"to": number + 1},
    disabled=number == len(slides),
    key="next",
)
leave.button("✕", help=t("present.exit", lang), on_click=go, kwargs={"present": False}, key="exit")
