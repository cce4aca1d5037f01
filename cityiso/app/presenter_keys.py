"""Keyboard control for the presenting page: a constant script in a zero-height Streamlit component that forwards
keys to the page's buttons (Streamlit has no keyboard API). Arrows, PageUp/PageDown (a clicker) and Space move,
Home/End go to the first/last slide, F toggles the browser's full screen, Esc leaves it, then leaves presenting."""

import streamlit.components.v1 as components

from cityiso.paths import ASSETS_DIR

SCRIPT = (ASSETS_DIR / "presenter_keys.js").read_text(encoding="utf-8")
# The buttons the script clicks: the page must give its buttons exactly these keys (rendered as .st-key-<key>).
BUTTON_KEYS = ("previous", "next", "first", "last", "exit")


def presenter_keys() -> None:
    """Listen for the presenter's keys on the app's page (nothing visible; constant markup, no data in it)."""
    components.html(f"<script>{SCRIPT}</script>", height=0, tab_index=-1)
