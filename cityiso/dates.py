"""Dates as curators write them: YYYY, YYYY-MM or YYYY-MM-DD, each with its precision."""

import calendar
import datetime as dt
import re
from typing import NamedTuple

_FORMS = {
    "year": re.compile(r"^(\d{4})$"),
    "month": re.compile(r"^(\d{4})-(\d{2})$"),
    "day": re.compile(r"^(\d{4})-(\d{2})-(\d{2})$"),
}


class PartialDate(NamedTuple):
    """A date known to a day, a month or a year; `start` is the first day of that period."""

    start: dt.date
    precision: str

    @property
    def end(self) -> dt.date:
        """The last day of the period."""
        if self.precision == "year":
            return dt.date(self.start.year, 12, 31)
        if self.precision == "month":
            last = calendar.monthrange(self.start.year, self.start.month)[1]
            return dt.date(self.start.year, self.start.month, last)
        return self.start


def parse_partial_date(text: str) -> PartialDate:
    """Parse YYYY, YYYY-MM or YYYY-MM-DD; raise ValueError saying what is wrong."""
    for precision, pattern in _FORMS.items():
        match = pattern.match(text)
        if not match:
            continue
        parts = [int(p) for p in match.groups()] + [1] * (3 - len(match.groups()))
        try:
            return PartialDate(dt.date(*parts), precision)
        except ValueError as exc:
            raise ValueError(f"'{text}' is not a calendar date ({exc})") from None
    raise ValueError(f"'{text}' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD")
