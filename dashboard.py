"""cityiso dashboard: page configuration, navigation and the shared sidebar."""

import streamlit as st

st.set_page_config(page_title="cityiso", page_icon=":material/verified:", layout="wide")

pages = [
    st.Page("pages/overview.py", title="Przegląd", icon=":material/dashboard:", url_path="overview", default=True),
]
st.navigation(pages).run()
