"""Certification histories: registrations of one or more families with one body, three-year cycles, surveillance
audits, edition transitions, lapses, returns, suspensions and the audits planned past the horizon."""

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass, field

from cityiso.synth.reference import BODIES, BODY_WEIGHTS, EDITIONS, Body, Edition, editions_of

DAY = dt.timedelta(days=1)
# Extra families an office may hold besides ISO 9001 (probability per office), and which may be audited with it.
EXTRA_FAMILIES = {"ISO 14001": 0.4, "ISO 27001": 0.2, "ISO 37001": 0.1, "ISO 37120": 0.08, "ISO 45001": 0.08}
INTEGRATED = ("ISO 14001", "ISO 45001", "ISO 37120")

Chance = Callable[[str, float], bool]


@dataclass(eq=False)
class Cert:
    cert_id: str
    family: str
    edition: Edition
    start: dt.date
    end: dt.date  # last day of validity as issued (or until a transition replaced it)
    registration_id: str
    body: Body
    cycle: int
    counted: bool  # the office's first registration of the family: the cycle number can be written
    replaced_by: "Cert | None" = None  # a transition's new certificate


@dataclass(eq=False)
class Event:
    kind: str
    date: dt.date
    certs: list[Cert]
    body: Body | None
    ordinal: int | None = None
    outcome: str | None = None
    planned: bool = False
    family: str = ""  # the family a transition or a lapse speaks of


@dataclass(eq=False)
class Story:
    """What one document tells: a main event, events told alongside it, the certificates it issues."""

    main: Event
    also: list[Event] = field(default_factory=list)
    opens: list[Cert] = field(default_factory=list)
    lapse_end: dt.date | None = None  # for a lapse: the end of the certificate that was not renewed

    @property
    def last_date(self) -> dt.date:
        return max([e.date for e in (self.main, *self.also) if not e.planned] + [c.start for c in self.opens])


def _add_years(d: dt.date, years: int) -> dt.date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:
        return d.replace(year=d.year + years, day=28)


def edition_at(family: str, day: dt.date) -> Edition | None:
    """The edition a certificate issued on `day` is to: the latest published at least a year before."""
    fitting = [e for e in editions_of(family) if _add_years(e.published, 1) <= day]
    return fitting[-1] if fitting else None


def earliest(family: str) -> dt.date:
    return _add_years(editions_of(family)[0].published, 1)


class Histories:
    """Builds the stories of one office after another; ids are numbered per office."""

    def __init__(self, rng: random.Random, chance: Chance, first_day: dt.date, horizon: dt.date) -> None:
        self.rng, self.chance, self.first_day, self.horizon = rng, chance, first_day, horizon

    def office(self, office_id: str, steady: bool) -> list[Story]:
        """Every story of an office; `steady`: ISO 9001 from the first possible day, never lapsing."""
        rng = self.rng
        self.office_id, self.n_cert, self.n_reg, self.stories = office_id, 0, 0, []
        span = (self.horizon - self.first_day).days
        plans: list[tuple[str, ...]] = []
        if steady or rng.random() < 0.95:
            plans.append(("ISO 9001",))
        for family, p in EXTRA_FAMILIES.items():
            if self.chance(f"family {family}", p):
                if plans and family in INTEGRATED and self.chance("integrated", 0.5):
                    plans[0] = (*plans[0], family)
                else:
                    plans.append((family,))
        if not plans:
            plans.append(("ISO 9001",))
        for i, families in enumerate(plans):
            low = max(self.first_day, *(earliest(f) for f in families))
            if steady and i == 0:
                start = low
            else:
                start = low + DAY * int(rng.triangular(0, max(1, (self.horizon - low).days - 200), 0))
            if start > self.horizon - dt.timedelta(days=120) or span <= 0:
                continue
            first = True
            while start <= self.horizon - dt.timedelta(days=120):
                ended = self._registration(families, start, first, steady and i == 0)
                first = False
                if ended is None or not self.chance("return", 0.5):
                    break
                start = ended + DAY * rng.randint(365, 4 * 365)
        return sorted(self.stories, key=lambda s: (s.main.date, s.main.kind))

    def _cert(self, family: str, edition: Edition, start: dt.date, end: dt.date, reg: str, body, cycle, counted):
        self.n_cert += 1
        return Cert(f"{self.office_id}-c{self.n_cert:03d}", family, edition, start, end, reg, body, cycle, counted)

    def _segments(self, family: str, start: dt.date, end: dt.date, reg: str, body: Body, cycle: int, counted: bool):
        """The certificates of one cycle of one family: one, or more where the cycle crosses a transition."""
        edition = edition_at(family, start)
        certs = [self._cert(family, edition, start, end, reg, body, cycle, counted)]
        while edition.transition_ends and certs[-1].end > edition.transition_ends:
            following = EDITIONS[EDITIONS.index(edition) + 1]
            low = max(certs[-1].start + dt.timedelta(days=90), following.published + dt.timedelta(days=30))
            high = edition.transition_ends - dt.timedelta(days=30)
            moved = low + DAY * self.rng.randint(0, max(0, (high - low).days))
            old = certs[-1]
            new = self._cert(family, following, moved, old.end, reg, body, cycle, counted)
            old.end, old.replaced_by, edition = moved - DAY, new, following
            certs.append(new)
        return certs

    def _registration(self, families: tuple[str, ...], start: dt.date, counted: bool, steady: bool):
        """One continuous certification; returns the day it ended (lapse, withdrawal), or None if still running."""
        rng, horizon = self.rng, self.horizon
        self.n_reg += 1
        reg = f"{self.office_id}-r{self.n_reg:02d}"
        body = rng.choices(BODIES, BODY_WEIGHTS)[0]
        cycle, c_start = 1, start
        while True:
            c_end = _add_years(c_start, 3) - DAY
            kind = "initial" if cycle == 1 else "recertification"
            audit_on = c_start - DAY * rng.randint(10, 50)
            if c_start + dt.timedelta(days=75) > horizon:
                if audit_on > horizon and cycle > 1:
                    self._planned(kind, audit_on, self._active(reg, audit_on - dt.timedelta(days=60)), body, None)
                return None
            certs = [c for f in families for c in self._segments(f, c_start, c_end, reg, body, cycle, counted)]
            opening = [c for c in certs if c.start == c_start]
            self._opening(kind, audit_on, opening, body)
            for c in certs:
                if c.start != c_start:
                    self.stories.append(Story(Event("transition", c.start, [c], body, family=c.family), opens=[c]))
            for ordinal, (low, high) in ((1, (330, 370)), (2, (700, 740))):
                day = c_start + DAY * rng.randint(low, high)
                active = [c for c in certs if c.start <= day <= c.end]
                if day + dt.timedelta(days=20) > horizon:
                    self._planned("surveillance", day, active, body, ordinal)
                    return None
                kind_written = "surveillance" if rng.random() < 0.93 else "unspecified"
                audit = Event(kind_written, day, active, body if kind_written == "surveillance" else None,
                              ordinal if kind_written == "surveillance" else None, "maintained")  # fmt: skip
                self.stories.append(Story(audit))
                if not steady and self.chance("suspension", 0.015):
                    audit.outcome = None
                    ended = self._suspension(day, active, body)
                    if ended is not False:
                        return ended
            if not steady and self.chance("lapse", 0.08):
                published = c_end + DAY * rng.randint(20, 300)
                if published <= horizon:
                    last = [c for c in certs if c.end == c_end]
                    story = Story(Event("lapse", c_end + DAY, last, None, outcome="not_renewed"), lapse_end=c_end)
                    if rng.random() < 0.4:
                        story.main.kind, story.main.outcome = "expiry", "lapsed"
                    self.stories.append(story)
                return c_end
            cycle, c_start = cycle + 1, c_end + DAY

    def _opening(self, kind: str, audit_on: dt.date, certs: list[Cert], body: Body) -> None:
        rng = self.rng
        start = certs[0].start
        pending = self.chance("pending", 0.03)
        audit = Event(kind, audit_on, certs, body, outcome="pending" if pending else "granted")
        handover = None
        if pending or self.chance("handover", 0.3):
            handover = Event("handover", start + DAY * rng.randint(5, 45), certs, body, outcome="granted")
        council = None
        if self.chance("council", 0.06):
            council = Event("council_presentation", start + DAY * rng.randint(50, 70), certs, None)
        if pending:
            self.stories.append(Story(audit))
            self.stories.append(Story(handover, [e for e in (council,) if e], opens=certs))
        else:
            self.stories.append(Story(audit, [e for e in (handover, council) if e], opens=certs))

    def _planned(self, kind: str, day: dt.date, certs: list[Cert], body: Body, ordinal: int | None) -> None:
        """An audit past the horizon is announced in the registration's latest document."""
        mine = [s for s in self.stories if s.main.certs and certs and set(s.main.certs) & set(certs)]
        if not mine or not certs:
            return
        latest = max(mine, key=lambda s: s.last_date)
        latest.also.append(Event(kind, day, certs, None, ordinal, planned=True))

    def _active(self, reg: str, day: dt.date) -> list[Cert]:
        found = [c for s in self.stories for c in s.opens if c.registration_id == reg and c.start <= day <= c.end]
        return found

    def _suspension(self, audit_on: dt.date, certs: list[Cert], body: Body):
        """A suspension after a surveillance audit, then reinstatement or withdrawal (the day it ended)."""
        rng = self.rng
        suspended = audit_on + DAY * rng.randint(20, 40)
        after = suspended + DAY * rng.randint(60, 90)
        if after + dt.timedelta(days=20) > self.horizon:
            return False
        self.stories.append(Story(Event("suspension", suspended, certs, body, outcome="suspended")))
        if rng.random() < 0.5:
            self.stories.append(Story(Event("withdrawal", after, certs, body, outcome="withdrawn")))
            return after
        self.stories.append(Story(Event("unspecified", after, certs, None, outcome="maintained")))
        return False
