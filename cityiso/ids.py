"""One rule for every id the project makes from words (a new office's place, a saved file's name, a synthetic town's
web address): lower-case ASCII letters and digits joined by '-', Polish and other letters folded to ASCII
('Urząd Łódź 2015' -> 'urzad-lodz-2015'), by python-slugify."""

from slugify import slugify


def slug(words: str, max_chars: int = 0, fallback: str = "") -> str:
    """`words` as an id; cut to `max_chars` (0: no limit) without a trailing '-'; `fallback` when nothing is left."""
    out = slugify(words, lowercase=True)
    if max_chars:
        out = out[:max_chars].rstrip("-")
    return out or fallback
