"""cityiso dashboard: page configuration, navigation with sections, the language switch and the shared sidebar."""

import os

import streamlit as st

from cityiso.app import ui, urlstate
from cityiso.labels import LANGS, t
from cityiso.paths import FAVICON

# A local favicon: a material icon here would make every browser fetch it from a Google CDN.
st.set_page_config(page_title="cityiso", page_icon=str(FAVICON), layout="wide")

# A block that only holds a style or a script (these below, a page's own) takes no room: no gap above the page.
LAYOUT_CSS = """
@media screen {[class*='st-key-print_only'] {display: none !important;}}
[data-testid='stElementContainer']:has(> [data-testid='stHtml'] > :is(style, script):only-child) {display: none;}
[data-testid='stTable'] :is(td, th), [data-testid='stTable'] :is(td, th) * {overflow-wrap: anywhere !important;}
"""
# Printing a page (the office profile) gives its content only: no sidebar, header, toolbar or status, no widget
# (pickers, buttons, downloads, a table's or chart's toolbar), no expander's frame; the page's own padding goes and
# the content takes the paper's width. A4 landscape: the charts were drawn for a screen, wider than tall, and the
# tables have many columns. A page marks its own parts with a container's key: one that starts with "screen_only"
# (class st-key-screen_only...) is left out of print, such as "press Ctrl+P"; one that starts with "print_only" is
# shown in print alone, such as a table as st.table (prints every column) beside its st.dataframe (scrolls).
PRINT_CSS = """
@page {size: A4 landscape; margin: 10mm;}
@media print {
  [data-testid='stSidebar'], [data-testid='stSidebarCollapsedControl'], header, [data-testid='stHeader'],
  [data-testid='stToolbar'], [data-testid='stDecoration'], [data-testid='stStatusWidget'],
  [data-testid='stElementToolbar'], .modebar-container,
  [data-testid='stSelectbox'], [data-testid='stMultiSelect'], [data-testid='stTextInput'],
  [data-testid='stNumberInput'], [data-testid='stDateInput'], [data-testid='stRadio'],
  [data-testid='stCheckbox'], [data-testid='stSlider'], [data-testid='stButtonGroup'],
  [data-testid='stButton'], [data-testid='stDownloadButton'], [data-testid='stLinkButton'],
  [data-testid='stExpander'] summary, [class*='st-key-screen_only'] {display: none !important;}
  [data-testid='stExpander'] details {border: none !important;}
  [data-testid='stMainBlockContainer'] {padding: 0 !important; max-width: none !important;}
  [data-testid='stMain'], [data-testid='stAppViewContainer'] {overflow: visible !important;}
  /* A chart keeps the size it was drawn at on screen: scaled to the paper's width (its svgs get a viewBox when
     printing starts, see PRINT_FIT_JS), never cut at the right edge; 90 mm tall or less. */
  [data-testid='stElementContainer']:has([data-testid='stPlotlyChart']),
  [data-testid='stFullScreenFrame']:has([data-testid='stPlotlyChart']), [data-testid='stPlotlyChart'],
  .js-plotly-plot, .js-plotly-plot .plot-container {height: auto !important;}
  .js-plotly-plot .svg-container {width: 100% !important; height: auto !important;
    aspect-ratio: var(--cityiso-print-ratio) !important; max-height: 90mm;}
  .js-plotly-plot .svg-container > svg.main-svg {width: 100% !important; height: 100% !important;}
  [data-testid='stPlotlyChart'], [data-testid='stDataFrame'], blockquote, h1, h2, h3, h4 {break-inside: avoid;}
  h1, h2, h3, h4 {break-after: avoid;}
}
"""
# A printed chart is 90 mm tall or less (its svg keeps its proportions inside, centred), so it shares a page with
# what comes before it: the office profile's status and cycle print on one page.
# When printing starts (Ctrl+P fires beforeprint; print emulation changes the print media query), each chart's
# svgs get a viewBox of the size Plotly drew them at, so the print style can scale them; while printing, a chart
# redrawn at another size (a resize) gets its new one; afterwards they go (on screen, Plotly redraws at other sizes,
# where a stale viewBox would distort the chart).
PRINT_FIT_JS = """
(() => {
  if (window.cityisoPrintFit) return;
  window.cityisoPrintFit = true;
  const fit = (printing) => document.querySelectorAll('.js-plotly-plot .svg-container').forEach((box) => {
    const svgs = box.querySelectorAll(':scope > svg.main-svg');
    if (!printing) { svgs.forEach((s) => s.removeAttribute('viewBox')); return; }
    const w = svgs.length && svgs[0].getAttribute('width'), h = svgs.length && svgs[0].getAttribute('height');
    if (!w || !h) return;
    svgs.forEach((s) => s.setAttribute('viewBox', `0 0 ${w} ${h}`));
    box.style.setProperty('--cityiso-print-ratio', `${w} / ${h}`);
  });
  const redrawn = new MutationObserver(() => fit(true));
  const printing = (on) => {
    fit(on);
    if (on) redrawn.observe(document.body, {subtree: true, attributes: true, attributeFilter: ['width', 'height']});
    else redrawn.disconnect();
  };
  window.addEventListener('beforeprint', () => printing(true));
  window.addEventListener('afterprint', () => printing(false));
  window.matchMedia('print').addEventListener('change', (e) => printing(e.matches));
})();
"""

lang = urlstate.language()
ui.map_legacy_params()


def _switch_language() -> None:
    st.session_state["lang"] = st.session_state["lang_switch"]
    st.query_params["lang"] = st.session_state["lang_switch"]


def page(file: str, key: str, icon: str, **kw) -> st.Page:
    return st.Page(f"pages/{file}.py", title=t(key, lang), icon=f":material/{icon}:", url_path=file, **kw)


sections = {
    "": [page("overview", "nav.overview", "dashboard", default=True)],
    t("nav.section.explore", lang): [
        page("cycles", "nav.cycles", "timeline"),
        page("praised", "nav.praised", "thumb_up"),
        page("compare", "nav.compare", "compare_arrows"),
        page("city", "nav.city", "account_balance"),
        page("presentation", "nav.presentation", "slideshow"),
    ],
    t("nav.section.about", lang): [page("sources", "nav.sources", "menu_book")],
}
# The curator's review page exists only in the app ./run curate starts (bound to 127.0.0.1), never in the public one.
if os.environ.get("CITYISO_CURATE") == "1":
    sections[t("nav.section.curator", lang)] = [
        st.Page("curate/review.py", title=t("nav.review", lang), icon=":material/edit_note:", url_path="review")
    ]
navigation = st.navigation(sections)

with st.sidebar:
    st.caption(t("app.tagline", lang))
    st.session_state["lang_switch"] = lang
    st.segmented_control(
        t("language", lang), LANGS, key="lang_switch", format_func=str.upper, on_change=_switch_language
    )

st.html(f"<style>{LAYOUT_CSS}{PRINT_CSS}</style>")
# Our own constant, no value from data or the URL in it: the one script of the app that is not a component.
st.html(f"<script>{PRINT_FIT_JS}</script>", unsafe_allow_javascript=True)

navigation.run()
