"""How much room a text needs: its wrapped lines and their height from the font size and generous glyph widths, so
that a slide's title, takeaway and footer each get a box they fit in and the chart takes the room that is left.

The widths are those of DejaVu Sans (the widest of the fonts a slide may be set in: Chromium's fallback here,
wider than Calibri or Source Sans), per kind of character: within a few per cent of its real widths on the data's
texts (a little wide for regular type, up to 2 % narrow for long bold lines, which the side margins absorb), and
some 10 % wide for the fonts PowerPoint and the browser use."""

LINE = 1.3  # line height in em (Plotly's annotations space lines 1.3 em apart; PowerPoint about 1.2)
BOLD = 1.05  # bold glyphs are wider


def char_width(char: str) -> float:
    """One character's width in em."""
    if char.isspace():
        return 0.33
    if char.isupper():
        return 0.74
    if char.isdigit():
        return 0.64
    if char.isalpha():
        return 0.61
    return 0.5


def text_width(text: str, size: float, bold: bool = False) -> float:
    """The width of `text` on one line at font `size` (in the unit of size)."""
    return sum(map(char_width, text)) * size * (BOLD if bold else 1)


def wrap(text: str, width: float, size: float, bold: bool = False) -> list[str]:
    """`text` broken at spaces into the lines a box `width` wide holds at font `size` (same unit); a word longer
    than a line is broken inside."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split():
            candidate = f"{line} {word}" if line else word
            if text_width(candidate, size, bold) <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            line = ""
            for char in word:  # a word too long for a line of its own
                if line and text_width(line + char, size, bold) > width:
                    lines.append(line)
                    line = ""
                line += char
        lines.append(line)
    return lines


def height(lines: int, size: float) -> float:
    """The height of `lines` lines of type `size`."""
    return lines * size * LINE


def fit(text: str, width: float, sizes: tuple[float, ...], max_lines: int, bold: bool = False) -> tuple[float, list]:
    """The largest of `sizes` (largest first) at which `text` takes at most `max_lines` lines, and those lines; the
    smallest size (with however many lines it takes) when none does."""
    for size in sizes:
        lines = wrap(text, width, size, bold)
        if len(lines) <= max_lines:
            return size, lines
    return sizes[-1], wrap(text, width, sizes[-1], bold)
