"""Prezentacja / Presentation: slides for a council session, shown full screen or downloaded (PPTX, PDF, PNG, SVG)."""

import datetime as dt

import streamlit as st

from cityiso.app import ui, urlstate
from cityiso.app.deck_setup import (
    chart_image,
    export_available,
    slide_chooser,
    slide_order,
    thumbnail_strip,
    write_order,
)
from cityiso.app.presenter_keys import presenter_keys
from cityiso.deck.layout import screen_fonts
from cityiso.deck.pdf import handout_pdf
from cityiso.deck.pptx import deck_pptx
from cityiso.deck.slides import CHARTS, SUMMARY_ABOVE, Slides, build_deck, chosen_offices
from cityiso.labels import t
from cityiso.safe_text import html, md
from cityiso.views import DEFAULT_FAMILY, Context, OfficeFilter, national

SCREENS = {"1920x1080": (1920, 1080), "1280x720": (1280, 720)}
PPTX_MIME = "application/vnd.openxmlformats-officedocument.presentationml.presentation"

lang = ui.lang()
urlstate.bind("present", urlstate.flag(lang), False)
urlstate.bind("slide", urlstate.positive_int(lang), 1)


def go(to: int | None = None, present: bool | None = None) -> None:
    """Move to a slide, or start or stop presenting (a button callback)."""
    if to is not None:
        st.session_state["slide"] = to
    if present is not None:
        st.session_state["present"] = present


@st.cache_data(max_entries=16, show_spinner=False)
def deck(built_at: str, selection: OfficeFilter, lang: str, as_of: dt.date, screen: str, family: str) -> Slides:
    """Every chart's slides, built once per database build and choice (drawing a summary's figures takes about a
    second); the user's order picks from them (Slides.pick), so a reorder draws nothing again."""
    return build_deck(ui.data_or_stop, selection, lang, CHARTS, as_of, SCREENS[screen], family)


def choose() -> tuple[OfficeFilter, str, dt.date, str]:
    """Offices, screen, date and family: as widgets while preparing, from the URL while presenting."""
    screen_code = urlstate.choice(list(SCREENS), lang)
    if st.session_state["present"]:
        return (
            ui.office_filter_from_url(),
            urlstate.read("screen", screen_code, "1920x1080"),
            urlstate.read("as_of", urlstate.date(lang), dt.date.today()),
            urlstate.read("family", urlstate.choice(ui.families(), lang), DEFAULT_FAMILY),
        )
    st.title(t("present.title", lang))
    st.caption(t("present.intro", lang))
    selection = ui.office_filter()
    left, right = st.columns(2)
    with left:
        urlstate.bind("screen", screen_code, "1920x1080")
        screen = st.radio(t("present.screen", lang), list(SCREENS), key="screen", horizontal=True)
    with right:
        as_of = ui.as_of_input()
        family = ui.family_input()
    urlstate.write("screen", screen)
    return selection, screen, as_of, family


def downloads(slides: list, offices: list[str], is_summary: bool) -> None:
    """The deck, the handout and each chart, built only when their button is clicked."""
    if not export_available():
        st.warning(t("present.no_browser", lang, reason=t("present.no_chromium", lang)))
        return
    name = f"cityiso_summary_{lang}" if is_summary else f"cityiso_{'_'.join(offices)}_{lang}"
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
            on_click="ignore",  # no rerun: it renews every download's id (a quick second click fetched nothing)
        )
    with st.expander(f"{t('present.charts_png', lang)} · {t('present.charts_svg', lang)}"):
        for i, slide in enumerate(s for s in slides if s.figure is not None):
            title, png, svg = st.columns([6, 1, 1], vertical_alignment="center")
            title.write(md(slide.title))
            for column, fmt in ((png, "png"), (svg, "svg")):
                column.download_button(
                    fmt.upper(),
                    data=lambda s=slide, x=fmt: chart_image(s, x),
                    file_name=f"cityiso_{slide.key}_{lang}.{fmt}",
                    key=f"download_{fmt}_{i}",
                    on_click="ignore",  # no rerun: it renews every download's id (a quick second click fetched nothing)
                )


selection, screen, as_of, family = choose()
named, is_summary = chosen_offices(ui.data_or_stop, selection)  # the deck's own rule: a summary above SUMMARY_ABOVE
if named.empty:
    st.info(t("none_selected", lang))
    st.stop()
offices = named["office_id"].tolist()
built_at = str(ui.data_info()["built_at"])
every_chart = deck(built_at, selection, lang, as_of, screen, family)

if not st.session_state["present"]:
    # The charts in the user's order on the left (one that gives no slide for this selection disabled, with why),
    # the deck they make on the right, drawn last: its thumbnails take a moment the first time.
    choice, preview = st.columns([2, 3], gap="large")
    with choice:
        slide_chooser(every_chart.skipped, lang)
order = slide_order(lang)
slides = every_chart.pick(order)
number = max(1, min(st.session_state["slide"], len(slides)))
urlstate.write("present", str(st.session_state["present"]).lower())

if not st.session_state["present"]:
    write_order(order)  # while presenting the URL keeps the order it was opened with (no write, no extra message)
    st.button(
        t("present.start", lang),
        type="primary",
        icon=":material/slideshow:",
        on_click=go,
        kwargs={"to": 1, "present": True},
    )
    st.caption(t("present.keys", lang))
    if is_summary:
        count = int(national.headline(Context(ui.data_or_stop, lang, selection, family, as_of))["count_offices"])
        st.caption(t("present.summary_note", lang, n=count, limit=SUMMARY_ABOVE))
    downloads(slides, offices, is_summary)
    with preview:
        thumbnail_strip(slides, lang)
    st.stop()

# Presenting: one slide per screen, large type, no sidebar, only a discreet navigation row under the slide; keys
# move too (cityiso/app/presenter_keys.py clicks these buttons: their keys are its selectors).
urlstate.write("slide", number)
st.html(f"<style>{ui.asset('slides.css')}</style>")  # a constant of ours (cityiso/assets/)
slide = slides[number - 1]
fonts = screen_fonts(slide, SCREENS[screen])
st.html(
    f"<p class='slide-title' style='font-size:{fonts['title']}px'>{html(slide.title)}</p>"
    f"<p class='slide-takeaway' style='font-size:{fonts['takeaway']}px'>{html(slide.takeaway)}</p>"
)
if slide.figure is not None:
    st.plotly_chart(
        slide.figure.update_layout(width=None, height=fonts["chart"]),
        key="slide_chart",
        config={"displayModeBar": False},
        width="stretch",
    )
elif slide.bullets:
    st.html(
        f"<ul class='slide-bullets' style='font-size:{fonts['bullets']}px'>"
        + "".join(f"<li>{html(b)}</li>" for b in slide.bullets)
        + "</ul>"
    )
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
with st.container(key="presenter_jumps"):  # Home and End: no room for them on screen, the keys click them
    st.button(t("present.first", lang), on_click=go, kwargs={"to": 1}, key="first")
    st.button(t("present.last", lang), on_click=go, kwargs={"to": len(slides)}, key="last")
with st.container(key="presenter_keys"):
    presenter_keys()
