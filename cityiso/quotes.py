"""Finding a curator's quote in its source document, whitespace aside."""

import re

# A quote may join several passages of one document, in order, with this marker.
GAP = "[...]"


def normalise_whitespace(text: str) -> str:
    """Collapse every run of whitespace (line breaks, no-break spaces) into one space."""
    return re.sub(r"\s+", " ", text).strip()


def quote_problem(quote: str, document: str) -> str | None:
    """Say what part of the quote is missing from the document, or None when all of it is there."""
    haystack = normalise_whitespace(document)
    position = 0
    for passage in (normalise_whitespace(p) for p in quote.split(GAP)):
        if not passage:
            return f"a passage around '{GAP}' is empty"
        found = haystack.find(passage, position)
        if found < 0:
            where = "in the document" if haystack.find(passage) < 0 else "after the passage before it"
            return f"'{_shorten(passage)}' does not occur verbatim {where}"
        position = found + len(passage)
    return None


def _shorten(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
