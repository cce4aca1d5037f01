"""Room for the axes' labels, set before the browser draws a chart.

Every figure starts from narrow side margins with `automargin` on, and Plotly widens a margin to fit the axis's tick
labels and title: the y axis's at the left, and half of the x axis's first and last labels, centred on the plot's
edges. It learns what they need only once it has drawn the whole figure, so when a side margin grows it draws
everything a second time: in Chromium that doubled the drawing time of a timeline (0.05 -> 0.10 s, more on a page's
first chart). `reserve_side_margins` sets the side margins to what the labels need beforehand, measured in the
chart's own font (Source Sans, Streamlit's font, which the page has loaded) from its characters' widths, kept in
cityiso/assets/source_sans_widths.json (tests/test_margins.py checks them against the font Streamlit ships; after a
Streamlit upgrade that changes them, write them again: `python -c "from cityiso.figures import margins;
margins.write_widths()"`). Automargin stays on: a label wider than measured still gets its room, at the cost of the
second drawing only.
"""

import datetime as dt
import functools
import html
import json
import logging
import math
import re
from collections.abc import Hashable
from pathlib import Path

import numpy as np
import plotly.graph_objects as go

from cityiso.paths import ASSETS_DIR

# What Streamlit's chart theme gives an axis the figure leaves unset (read from the drawn charts: Streamlit applies
# its theme in the browser, so the figure on the server does not carry these).
THEME_TICK_FONT = 12
THEME_TITLE_FONT = 14
THEME_Y_TITLE_STANDOFF = 24
# Plotly's own spacing, measured in Chromium: a y axis's labels end this far from the plot, its title's line is this
# many times its font size tall, and an x axis's end label reaches this far past half its width.
LABEL_GAP = 10
TITLE_LINE = 1.36
END_LABEL_GAP = 6
# Room added to the measure, for another browser's kerning and hinting (Chromium's widths matched to 0.5 px).
SPARE_PX = 2
SPARE_SHARE = 0.01
# The characters whose widths WIDTHS_FILE keeps (ASCII, Latin-1 and Latin Extended-A, which hold every Polish letter,
# and the typographic marks the labels use), and the width of any other: an em, wider than any of them.
WIDTH_CHARS = "".join(map(chr, range(0x20, 0x7F))) + "".join(map(chr, range(0xA0, 0x180))) + "–—‘’‚“”„…•·→←↑↓−×"
WIDTHS_FILE = ASSETS_DIR / "source_sans_widths.json"
FALLBACK_EM = 1.0

log = logging.getLogger(__name__)

_TAG = re.compile(r"<[^>]*>")
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_DATE = re.compile(r"\d{4}-\d{2}")
_PRECISION = re.compile(r"\.(\d+)")
# An x axis's labels longer than this may be turned (Plotly turns crowded labels) and then reach no side of the plot.
LEVEL_LABEL_CHARS = 10


def font_file() -> Path | None:
    """Streamlit's Source Sans (the upright variable font its page loads), or None when this release has moved it."""
    import streamlit

    media = Path(streamlit.__file__).parent / "static" / "static" / "media"
    return next(media.glob("SourceSansVF-Upright*.woff2"), None)


def measure_widths(path: Path) -> dict[str, float]:
    """Each character of WIDTH_CHARS with its advance width in em at the regular weight, read from the font file
    with Pillow (a third of a second: the file is compressed, so it is read once, by the test that keeps WIDTHS_FILE
    true, not by the app)."""
    from PIL import ImageFont

    font = ImageFont.truetype(str(path), 1000)
    font.set_variation_by_axes([400])
    return {char: round(font.getlength(char) / 1000, 4) for char in WIDTH_CHARS}


@functools.cache
def widths() -> dict[str, float]:
    return json.loads(WIDTHS_FILE.read_text(encoding="utf-8"))


def text_width(text: str, size: float) -> float:
    """The width in px of the widest line of a Plotly label (lines split at <br>, tags dropped) at font `size`: the
    sum of its characters' advance widths (kerning, which only narrows, left out), FALLBACK_EM for a character
    WIDTHS_FILE lacks."""
    table = widths()
    widest = 0.0
    for line in _BREAK.split(text):
        plain = html.unescape(_TAG.sub("", line))
        widest = max(widest, sum(table.get(char, FALLBACK_EM) for char in plain) * size)
    return widest


def _decimals(axis, low: float, high: float) -> int:
    """How many decimals a tick of a numeric axis can show between low and high: as its fixed-point format or its
    step says, else enough for a step of an eighth of the span (Plotly's automatic steps are 1, 2 or 5 of a power of
    ten)."""
    fmt = axis.tickformat or ""
    if fmt and "s" not in fmt:
        precision = _PRECISION.search(fmt)
        return int(precision.group(1)) if precision else 0
    if axis.dtick is not None:
        step = str(axis.dtick)
        return len(step.split(".")[1]) if "." in step else 0
    span = high - low
    return max(0, math.ceil(-math.log10(span / 8))) if span > 0 else 0


def _number_text(value: float, axis, decimals: int) -> str:
    """The longest text a tick of a numeric axis reaching `value` can have, with the axis's prefix and suffix: its
    whole part and `decimals` decimals (a percentage format: times 100, with '%'; a ',' format: with separators), or,
    in Plotly's default and SI formats, thousands as 'k' and millions as 'M' (12000 -> '12k'), and Plotly's minus
    sign (U+2212, wider than a hyphen)."""
    fmt = axis.tickformat or ""
    percent = "%" in fmt
    # Rounded first: 0.35 * 100 is 35.00000000000001 in floating point.
    whole = math.ceil(round(abs(value) * (100 if percent else 1), 6)) if math.isfinite(value) else 0
    if (not fmt or "s" in fmt) and whole >= 1_000_000:
        digits = f"{whole // 1_000_000}.5M"
    elif (not fmt or "s" in fmt) and whole >= 10_000:
        digits = f"{whole // 1000}k"
    else:
        digits = f"{whole:,}" if "," in fmt else str(whole)
        digits += f".{'5' * decimals}" if decimals else ""
    sign = "\u2212" if value < 0 else ""
    return f"{axis.tickprefix or ''}{sign}{digits}{'%' if percent else ''}{axis.ticksuffix or ''}"


def _value_letter(trace) -> str | None:
    """The axis a bar's length runs along ('x' for a horizontal bar), None for any other trace."""
    if trace.type != "bar":
        return None
    return "x" if trace.orientation == "h" else "y"


def _stacked(traces: list, letter: str) -> list[float]:
    """The lengths of stacked bars along `letter`: per place on the other axis, the positive and the negative
    values of the bars that run along it summed."""
    other = "y" if letter == "x" else "x"
    up: dict = {}
    down: dict = {}
    for trace in traces:
        if _value_letter(trace) != letter:
            continue
        values = getattr(trace, letter)
        where = getattr(trace, other, None)
        for key, value in zip(where if where is not None else range(len(values)), values, strict=False):
            number = _finite(value)
            if number is None or not isinstance(key, Hashable):
                continue
            sums = up if number > 0 else down
            sums[key] = sums.get(key, 0.0) + number
    return [*up.values(), *down.values()]


def _finite(value: object) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _on_axis(fig: go.Figure, axis, letter: str) -> list:
    ref = letter + axis.plotly_name.removeprefix(f"{letter}axis")
    return [
        trace
        for trace in fig.data
        if (getattr(trace, f"{letter}axis", None) or letter) == ref and getattr(trace, letter, None) is not None
    ]


def _is_dates(axis, values: list) -> bool:
    return axis.type == "date" or any(
        (isinstance(v, str) and _DATE.match(v)) or isinstance(v, dt.date | np.datetime64) for v in values
    )


def tick_texts(fig: go.Figure, axis, letter: str) -> list[str]:
    """What the axis's tick labels can read: its own tick texts, else the categories of the traces drawn on it,
    else (numbers) the texts of the highest and lowest numbers its range or its traces reach (stacked bars summed);
    nothing for an axis of dates without tick texts."""
    if axis.ticktext is not None and len(axis.ticktext):
        return [str(text) for text in axis.ticktext]
    traces = _on_axis(fig, axis, letter)
    values = [v for trace in traces for v in getattr(trace, letter) if v is not None]
    if _is_dates(axis, values):
        return []
    if axis.type in ("category", "multicategory") or any(isinstance(v, str) for v in values):
        return list(dict.fromkeys(str(v) for v in values))
    numbers = [x for x in map(_finite, values) if x is not None]
    if axis.range:
        numbers.extend(x for x in map(_finite, axis.range) if x is not None)
    if fig.layout.barmode in ("stack", "relative"):
        numbers.extend(_stacked(traces, letter))
    if not numbers:
        return []
    low, high = min(numbers), max(numbers)
    decimals = _decimals(axis, min(low, 0.0), high)
    return [_number_text(high, axis, decimals), _number_text(low, axis, decimals)]


def _labels_px(fig: go.Figure, axis, letter: str) -> float:
    if axis.showticklabels is False:
        return 0.0
    texts = tick_texts(fig, axis, letter)
    size = axis.tickfont.size or THEME_TICK_FONT
    return max((text_width(text, size) for text in texts), default=0.0)


def _spared(px: float) -> int:
    return math.ceil(px * (1 + SPARE_SHARE) + SPARE_PX) if px else 0


def _end_labels_reach_out(fig: go.Figure, axis) -> bool:
    """Whether an x axis's first and last labels can sit on the plot's sides: a numeric axis that a line, a marker
    or a bar's length runs along. Not categories or the places of upright bars (their end labels sit half a category
    inside), nor dates (the figures' date ticks run past the data: the end ones are left out)."""
    if axis.type in ("category", "multicategory", "date") or axis.showticklabels is False:
        return False
    traces = _on_axis(fig, axis, "x")
    values = [v for trace in traces for v in trace.x if v is not None]
    if not values or _is_dates(axis, values) or any(isinstance(v, str) for v in values):
        return False
    return any(trace.type != "bar" or _value_letter(trace) == "x" for trace in traces)


def side_margins_needed(fig: go.Figure) -> tuple[int, int]:
    """The left and right margins the figure's labels need, with a little to spare (0 where none): at the left the
    y axes' tick labels and titles, on both sides half of the x axes' end labels where they can reach out (short
    ones only: longer labels may be turned)."""
    left = right = 0.0
    for axis in fig.select_yaxes():
        if axis.visible is False or axis.automargin is False or axis.side == "right":
            continue
        labels = _labels_px(fig, axis, "y")
        title = 0.0
        if axis.title.text:
            standoff = axis.title.standoff if axis.title.standoff is not None else THEME_Y_TITLE_STANDOFF
            title = standoff + TITLE_LINE * (axis.title.font.size or THEME_TITLE_FONT)
        if labels:
            labels += LABEL_GAP + (axis.ticklabelstandoff or 0)
        left = max(left, labels + title)
    for axis in fig.select_xaxes():
        if axis.visible is False or axis.automargin is False or not _end_labels_reach_out(fig, axis):
            continue
        texts = tick_texts(fig, axis, "x")
        if any(len(text) > LEVEL_LABEL_CHARS for text in texts):
            continue
        half = max((text_width(text, axis.tickfont.size or THEME_TICK_FONT) for text in texts), default=0.0) / 2
        if half:
            left = max(left, half + END_LABEL_GAP)
            right = max(right, half + END_LABEL_GAP)
    return _spared(left), _spared(right)


def write_widths() -> None:
    """WIDTHS_FILE measured again from the font Streamlit ships (see the module's docstring)."""
    path = font_file()
    if path is None:
        raise SystemExit("Streamlit's Source Sans font file was not found")
    WIDTHS_FILE.write_text(json.dumps(measure_widths(path), ensure_ascii=False, indent=0) + "\n", encoding="utf-8")


def reserve_side_margins(fig: go.Figure) -> go.Figure:
    """The figure with its left and right margins at least what its labels need (side_margins_needed). A figure
    this cannot read (a trace or axis of a kind it does not know) is left as it is and logged: Plotly's automargin
    still fits its labels, drawing it twice."""
    try:
        left, right = side_margins_needed(fig)
    except Exception:
        log.warning("side margins not reserved for %r", fig.layout.title.text, exc_info=True)
        return fig
    margin = fig.layout.margin
    if left > (margin.l or 0):
        margin.l = left
    if right > (margin.r or 0):
        margin.r = right
    return fig
