"""Keyboard review of the curator's queue: a constant script in a zero-height Streamlit component that forwards keys
to the review page's buttons (Streamlit has no keyboard API), the pattern of cityiso/app/presenter_keys.py.

j / k next / previous row, n / p next / previous document, a accept, r reject, m merge with the existing row, e edit,
A (Shift+a) accept every row left, s save the document. Never while a text field, text area or select has the focus,
nor with Ctrl, Alt or Meta held."""

import streamlit.components.v1 as components

from cityiso.paths import ASSETS_DIR

SCRIPT = (ASSETS_DIR / "review_keys.js").read_text(encoding="utf-8")
# The key each keyboard key clicks: the page must give its buttons exactly these keys (rendered as .st-key-<key>).
KEYS = {
    "j": "kb_next_row",
    "k": "kb_prev_row",
    "n": "kb_next_doc",
    "p": "kb_prev_doc",
    "a": "kb_accept",
    "r": "kb_reject",
    "m": "kb_merge",
    "e": "kb_edit",
    "A": "kb_accept_rest",
    "s": "write",
}


def review_keys() -> None:
    """Listen for the reviewer's keys on the app's page (nothing visible; constant markup, no data in it)."""
    components.html(f"<script>{SCRIPT}</script>", height=0, tab_index=-1)
