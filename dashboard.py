"""cityiso dashboard: page configuration, navigation with sections, the language switch and the shared sidebar."""

import os

import streamlit as st

from cityiso.app import ui, urlstate
from cityiso.labels import LANGS, t
from cityiso.paths import FAVICON

# A local favicon: a material icon here would make every browser fetch it from a Google CDN.
st.set_page_config(page_title="cityiso", page_icon=str(FAVICON), layout="wide")


lang = urlstate.language()
ui.map_legacy_params()


def _switch_language() -> None:
    st.session_state["lang"] = st.session_state["lang_switch"]
    st.query_params["lang"] = st.session_state["lang_switch"]


def page(file: str, key: str, icon: str, **kw) -> st.Page:
    return st.Page(f"pages/{file}.py", title=t(key, lang), icon=f":material/{icon}:", url_path=file, **kw)


office = page("office", "nav.office", "account_balance")


def _to_office() -> None:
    """/city, the office profile's former path: shared links open the profile at /office, parameters kept."""
    st.switch_page(office, query_params=st.query_params.to_dict())


sections = {
    "": [page("overview", "nav.overview", "dashboard", default=True)],
    t("nav.section.explore", lang): [
        page("cycles", "nav.cycles", "timeline"),
        page("praised", "nav.praised", "thumb_up"),
        page("compare", "nav.compare", "compare_arrows"),
        office,
        page("presentation", "nav.presentation", "slideshow"),
        st.Page(_to_office, title=t("nav.office", lang), url_path="city", visibility="hidden"),
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

# The page's own style and its print style, and the script that fits charts to paper (cityiso/assets/): constants of
# ours, no value from data or the URL in them; their comments stay in the files, not in the page.
st.html(f"<style>{ui.asset('layout.css')}{ui.asset('print.css')}</style>")
# The one script of the app that is not a component.
st.html(f"<script>{ui.asset('print_fit.js')}</script>", unsafe_allow_javascript=True)

navigation.run()
