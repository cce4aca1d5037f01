"""Every text an AppTest run puts before a visitor: element and widget text (labels, help, placeholders, options,
captions, markdown, metric labels and values, expander labels, code), table and dataframe headers and cells, the
text of HTML elements (never their markup), and the text in Plotly figures (titles, axis titles, legend names,
hover templates and texts, annotations)."""

import json

import lxml.html
from google.protobuf.message import Message
from streamlit.testing.v1 import AppTest

# Protobuf fields that carry no visitor-facing text (ids, keys, icons, formats, serialised data).
SKIPPED_FIELDS = {"id", "form_id", "key", "icon", "format", "data", "spec", "theme", "arrow_data", "type"}
# Plotly keys whose strings are no text (colours, ids, modes, encoded arrays).
SKIPPED_FIGURE_KEYS = {
    "bdata",
    "dtype",
    "color",
    "bgcolor",
    "fillcolor",
    "customdata",
    "mode",
    "type",
    "shape",
    "family",
}


def _proto_strings(message: Message) -> list[str]:
    found = []
    for descriptor, value in message.ListFields():
        if descriptor.name in SKIPPED_FIELDS:
            continue
        items = value if getattr(descriptor, "is_repeated", False) else [value]
        for item in items:
            if isinstance(item, str):
                found.append(item)
            elif isinstance(item, Message):
                found.extend(_proto_strings(item))
    return found


def _figure_strings(node, key: str = "") -> list[str]:
    if key in SKIPPED_FIGURE_KEYS:
        return []
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for k, v in node.items() for s in _figure_strings(v, k)]
    if isinstance(node, list):
        return [s for v in node for s in _figure_strings(v, key)]
    return []


def _frame_strings(frame) -> list[str]:
    cells = [str(v) for column in frame.columns for v in frame[column].tolist() if isinstance(v, str)]
    return [str(c) for c in frame.columns] + cells


def _html_strings(body: str) -> list[str]:
    """The text an HTML element shows (its tags and attributes are none; a style or a script shows nothing)."""
    if not body.strip():
        return []
    root = lxml.html.fragment_fromstring(body, create_parent="div")
    for hidden in root.xpath(".//style | .//script"):
        hidden.drop_tree()
    return [text for text in root.itertext() if text.strip()]


def _walk(node) -> list[str]:
    found = []
    proto = getattr(node, "proto", None)
    if getattr(node, "type", "") == "plotly_chart":
        found.extend(_figure_strings(json.loads(proto.spec)))
    elif getattr(node, "type", "") in ("arrow_data_frame", "arrow_table", "table", "dataframe"):
        found.extend(_frame_strings(node.value))
    elif getattr(node, "type", "") == "html":
        found.extend(_html_strings(proto.body))
    elif isinstance(proto, Message):
        found.extend(_proto_strings(proto))
    for child in getattr(node, "children", {}).values():
        found.extend(_walk(child))
    return found


def visible_texts(at: AppTest) -> list[str]:
    """Every string the page shows, in the order of the page (the sidebar included)."""
    return [text for text in _walk(at._tree) if text.strip()]
