"""Curated text and URL values are data, never markup: escape them before they reach Markdown or HTML.

md() is for everything Streamlit renders as Markdown (st.markdown, st.caption, st.title, st.subheader, st.info,
st.warning, st.error, widget and metric labels, expander labels); html() is for st.html."""

import html as _html
import re

# Characters that are markup wherever they stand (emphasis, code, links, images, tables, strikethrough, maths,
# Streamlit's :colour[...] and :material/...: directives, headings) are backslash-escaped, which CommonMark shows
# literally. &, < and > become character references, so no raw HTML and no entity survives as markup. Other ASCII
# punctuation (- + = . , / ...) is markup only where a line starts, so it is escaped only there.
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_ALWAYS = '\\`*_{}[]()#!|~$:^"'
_MARKDOWN = str.maketrans({**_ENTITIES, **{c: "\\" + c for c in _ALWAYS}})
# A list item, a setext underline or a thematic break at the start: "- x", "+ x", "===", "1. x", "1) x".
_LINE_START = re.compile(r"^( ?)([-+=]|\d{1,9}(?=[.)](?: |$)))")
# Line breaks, tabs and runs of spaces: one space (Markdown shows a single line break as a space anyway, and a
# blank line or an indented line would start a new block).
_BREAKS = re.compile(r"[ \t\r\n\f\v\u2028\u2029\x85]+")
# Streamlit's Markdown turns bare URLs and e-mail addresses into links after escapes are resolved (GFM autolink
# literals); an invisible word joiner after the trigger keeps them plain text.
_AUTOLINK = re.compile(r"(://|(?<![\w.])www(?=\.)|@)", re.IGNORECASE)
WORD_JOINER = "\u2060"


def md(value: object) -> str:
    """A value as literal text inside Streamlit Markdown: no HTML, no emphasis, links, headings, lists or maths."""
    text = _BREAKS.sub(" ", "" if value is None else str(value))
    text = _AUTOLINK.sub(lambda m: m.group(1) + WORD_JOINER, text).translate(_MARKDOWN)
    return _LINE_START.sub(_escape_line_start, text, count=1)


def _escape_line_start(m: re.Match) -> str:
    space, marker = m.groups()
    if marker.isdigit():  # "1." or "1)": escape the delimiter after the number
        return space + marker + "\\"
    return space + "\\" + marker


def html(value: object) -> str:
    """A value as literal text inside HTML (element content or a quoted attribute)."""
    return _html.escape("" if value is None else str(value), quote=True)


def code(value: object) -> str:
    """A value as an inline code span in Markdown (file names, identifiers): shown verbatim, never parsed."""
    text = _BREAKS.sub(" ", "" if value is None else str(value)) or " "
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def plotly_text(value: object) -> str:
    """A value as literal text in a Plotly figure: Plotly renders a subset of HTML (<a href>, <b>, <br>, <span
    style>) in titles, labels, legends and hovers, and shows character references as the characters."""
    return ("" if value is None else str(value)).translate(_PLOTLY)


_PLOTLY = str.maketrans(_ENTITIES)


def plotly_frame(df):
    """A copy of a DataFrame whose text columns are literal for Plotly (ids and codes keep their plain form)."""
    import pandas as pd

    out = df.copy()
    for column in out.columns:
        if pd.api.types.is_string_dtype(out[column]) or out[column].dtype == object:
            out[column] = [plotly_text(v) if isinstance(v, str) else v for v in out[column]]
    return out


# Invisible characters, escaped for plain-text output (a terminal, a log, an error message): controls (C0, DEL, C1),
# format characters (zero-width space and joiners, bidi embeddings, overrides and isolates, the BOM, soft hyphen),
# line and paragraph separators, spaces other than U+0020, surrogates, private use and unassigned code points (all
# that str.isprintable() refuses), and the Hangul fillers that print as nothing.
_INVISIBLE_PRINTABLE = frozenset("\u115f\u1160\u3164\uffa0")
_SHORT_ESCAPES = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def visible(value: str) -> str:
    """The value with every invisible or control character written as its escape (`\\x1b`, `\\u200b`, `\\u202e`,
    `\\n`), so that printing it cannot move the cursor, colour a terminal, reorder or hide text. A backslash already
    in the value is kept as it is."""
    text = str(value)
    if text.isprintable() and not _INVISIBLE_PRINTABLE.intersection(text):
        return text
    return "".join(_escaped(c) if not c.isprintable() or c in _INVISIBLE_PRINTABLE else c for c in text)


def _escaped(c: str) -> str:
    code = ord(c)
    if c in _SHORT_ESCAPES:
        return _SHORT_ESCAPES[c]
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"
