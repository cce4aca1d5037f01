"""Drafted rows that tell what the data already holds, and merging them instead of adding duplicates.

A drafted office, certificate or event may be one the register has from another document:
- an office: the same office_id, or the same place and kind;
- a certificate: the same office and family, and the same registration number or dates that overlap (a side
  without an issue or an expiry date is taken to run DEFAULT_VALIDITY_YEARS);
- an event: the same office and kind (or either kind unspecified), and the same date at the coarser of the two
  precisions written (a year, a month), days no more than EVENT_DAYS apart when both give a day.

Taking the offer turns the drafted row into a row of further_evidence.csv (docs/CURATION.md#evidence): the new
document's quote becomes a second piece of evidence for the existing row, never a second row. Rows of the same
document that name the merged row (an event's findings and audited units, a certificate's links) are pointed at the
existing row; a link or an audited unit the register already has becomes further evidence too, or is left out."""

import csv
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from cityiso.draft.core import DEFAULT_VALIDITY_YEARS
from cityiso.labels import code_label, t

EVENT_DAYS = 7  # an audit takes a few days: one source may give its first day, another its last
MERGEABLE = ("offices", "certificates", "events")
KEYS = {"offices": "office_id", "certificates": "certificate_id", "events": "event_id"}
# Columns a second source may confirm: those whose drafted value is the existing row's are listed in `fields`.
CONFIRMABLE = {
    "offices": ("office_name", "place", "office_kind"),
    "certificates": ("family", "standard_id", "registration_id", "body_id", "issued_on", "valid_until"),
    "events": ("kind", "event_on", "body_id", "is_planned", "outcome"),
}
# Columns that name a row of another table: when that row is merged, they name the existing one instead.
REFERENCES = {
    "office_id": "offices",
    "certificate_id": "certificates",
    "event_id": "events",
}

Rows = dict[str, list[tuple[int, dict[str, str]]]]


@dataclass(frozen=True)
class Match:
    """A drafted row (table, index) that tells the existing row record_id; why is the label saying what agrees
    (queue.why.*) and values its placeholders."""

    table: str
    index: int
    record_id: str
    why: str
    values: tuple[tuple[str, str], ...] = ()

    def reason(self, lang: str) -> str:
        values = dict(self.values)
        if "kind" in values:  # a vocabulary code, shown as its label in the language
            values["kind"] = code_label("event_kind" if self.table == "events" else "office_kind", values["kind"], lang)
        return t(self.why, lang, **values)


def _csv(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@cache
def _read(path: Path, _mtime_ns: int, _size: int) -> tuple[dict[str, str], ...]:
    return tuple(_csv(path))


def existing(data_dir: Path, table: str) -> tuple[dict[str, str], ...]:
    """A table's rows as the data folder holds them now (read again whenever the file changes)."""
    path = Path(data_dir) / f"{table}.csv"
    if not path.exists():
        return ()
    st = path.stat()
    return _read(path, st.st_mtime_ns, st.st_size)


def _span(value: str) -> tuple[dt.date, dt.date] | None:
    """The days a date written as YYYY, YYYY-MM or YYYY-MM-DD covers, or None."""
    value = (value or "").strip()
    try:
        if re.fullmatch(r"\d{4}", value):
            return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)
        if re.fullmatch(r"\d{4}-\d{2}", value):
            first = dt.date.fromisoformat(value + "-01")
            after = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return first, after - dt.timedelta(days=1)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            day = dt.date.fromisoformat(value)
            return day, day
    except ValueError:
        return None
    return None


def _precision(value: str) -> int:
    return {4: 0, 7: 1, 10: 2}.get(len((value or "").strip()), -1)


def same_date(a: str, b: str, days: int = EVENT_DAYS) -> bool:
    """Two written dates are one at the coarser precision of the two; two days no more than `days` apart."""
    pa, pb = _precision(a), _precision(b)
    if pa < 0 or pb < 0 or _span(a) is None or _span(b) is None:
        return False
    coarse = min(pa, pb)
    if coarse == 2:
        return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days) <= days
    width = (4, 7)[coarse]
    return a.strip()[:width] == b.strip()[:width]


def _years_later(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _validity(row: dict[str, str]) -> tuple[dt.date, dt.date] | None:
    """The days a certificate covers: from its issue to its expiry, a missing end DEFAULT_VALIDITY_YEARS away."""
    issued = _span(row.get("issued_on", "")) or _span(row.get("issued_on_not_before", ""))
    until = _span(row.get("valid_until", "")) or _span(row.get("valid_until_not_after", ""))
    if issued is None and until is None:
        return None
    start = issued[0] if issued else _years_later(until[0], -DEFAULT_VALIDITY_YEARS)
    end = until[1] if until else _years_later(issued[1], DEFAULT_VALIDITY_YEARS)
    return start, end


Found = tuple[str, str, tuple[tuple[str, str], ...]]  # (record_id, label key, its values)


def _office_match(row: dict[str, str], offices) -> Found | None:
    oid = row.get("office_id", "")
    for o in offices:
        if oid and o["office_id"] == oid:
            return o["office_id"], "queue.why.office_id", ()
    place, kind = row.get("place", "").strip().casefold(), row.get("office_kind", "")
    for o in offices:
        if place and o["place"].strip().casefold() == place and o["office_kind"] == kind:
            return o["office_id"], "queue.why.place", (("place", o["place"]), ("kind", kind))
    return None


def _certificate_match(row: dict[str, str], office_id: str, certificates) -> Found | None:
    mine = _validity(row)
    for c in certificates:
        if c["office_id"] != office_id or c["family"] != row.get("family"):
            continue
        registration = row.get("registration_id", "").strip()
        if registration and c.get("registration_id", "").strip() == registration:
            return c["certificate_id"], "queue.why.registration", (("registration", registration),)
        theirs = _validity(c)
        if mine and theirs and mine[0] <= theirs[1] and theirs[0] <= mine[1]:
            values = (("family", c["family"]), ("start", str(theirs[0])), ("end", str(theirs[1])))
            return c["certificate_id"], "queue.why.validity", values
    return None


def _event_match(row: dict[str, str], office_id: str, events) -> Found | None:
    kind, when = row.get("kind", ""), row.get("event_on", "")
    if not when:
        return None
    for e in events:
        if e["office_id"] != office_id:
            continue
        if kind != e["kind"] and "unspecified" not in (kind, e["kind"]):
            continue
        if same_date(when, e.get("event_on", "")):
            return e["event_id"], "queue.why.event", (("kind", e["kind"]), ("date", e["event_on"]), ("drafted", when))
    return None


def find_matches(rows: dict[str, list[dict[str, str]]], data_dir: Path) -> dict[tuple[str, int], Match]:
    """The drafted rows ({table: [cells]}) that tell a row the data folder already holds."""
    out: dict[tuple[str, int], Match] = {}
    offices = existing(data_dir, "offices")
    office_ids: dict[str, str] = {}  # a drafted office's id -> the existing office it matches
    for i, row in enumerate(rows.get("offices", [])):
        if found := _office_match(row, offices):
            out[("offices", i)] = Match("offices", i, *found)
            office_ids[row.get("office_id", "")] = found[0]

    def office(row: dict[str, str]) -> str:
        oid = row.get("office_id", "")
        return office_ids.get(oid, oid)

    certificates = existing(data_dir, "certificates")
    for i, row in enumerate(rows.get("certificates", [])):
        if found := _certificate_match(row, office(row), certificates):
            out[("certificates", i)] = Match("certificates", i, *found)
    events = existing(data_dir, "events")
    for i, row in enumerate(rows.get("events", [])):
        if found := _event_match(row, office(row), events):
            out[("events", i)] = Match("events", i, *found)
    return out


def _evidence_id(source_id: str, table: str, n: int) -> str:
    return re.sub(r"[^a-z0-9_-]+", "-", f"{source_id}-{table}-{n}".lower()).strip("-")


def merge_rows(rows: Rows, merges: dict[tuple[str, int], str], data_dir: Path, source_id: str) -> Rows:
    """The rows to write when the drafted rows `merges` names ((table, index) -> the existing row's id) are merged:
    each merged row becomes a row of further_evidence (its quote, the columns whose value agrees), and every other
    row names the existing rows instead of the merged ones. A link or an audited unit the data folder already holds
    is left out (a unit with its quote becomes further evidence); the rows keep their draft index."""
    if not merges:
        return rows
    renamed: dict[str, dict[str, str]] = {t: {} for t in MERGEABLE}  # table -> drafted id -> existing id
    evidence: list[tuple[int, dict[str, str]]] = []
    out: Rows = {}
    for table, table_rows in rows.items():
        for index, cells in table_rows:
            target = merges.get((table, index)) if table in MERGEABLE else None
            if target is None:
                continue
            renamed[table][cells.get(KEYS[table], "")] = target
            old = next((r for r in existing(data_dir, table) if r[KEYS[table]] == target), {})
            agree = [c for c in CONFIRMABLE[table] if cells.get(c) and cells.get(c) == old.get(c)]
            evidence.append(
                (
                    len(evidence),
                    {
                        "evidence_id": _evidence_id(source_id, table, index + 1),
                        "record_table": table,
                        "record_id": target,
                        "fields": " ".join(agree),
                        "source_id": cells.get("source_id") or source_id,
                        "quote": cells.get("quote", ""),
                        "note": f"A second source for {target}, merged in the curator's review.",
                    },
                )
            )
    links = {(r["event_id"], r["certificate_id"]) for r in existing(data_dir, "event_certificates")}
    units = {(r["event_id"], r["unit_name"]) for r in existing(data_dir, "audited_units")}
    for table, table_rows in rows.items():
        for index, cells in table_rows:
            if table in MERGEABLE and (table, index) in merges:
                continue
            cells = dict(cells)
            for column, target_table in REFERENCES.items():
                if column in cells and not (table == target_table and column == KEYS[table]):
                    cells[column] = renamed[target_table].get(cells[column], cells[column])
            if table == "event_certificates" and (cells.get("event_id"), cells.get("certificate_id")) in links:
                continue
            if table == "audited_units" and (cells.get("event_id"), cells.get("unit_name")) in units:
                if cells.get("quote"):
                    evidence.append(
                        (
                            len(evidence),
                            {
                                "evidence_id": _evidence_id(source_id, table, index + 1),
                                "record_table": table,
                                "record_id": f"{cells['event_id']}/{cells['unit_name']}",
                                "fields": "unit_name",
                                "source_id": cells.get("source_id") or source_id,
                                "quote": cells["quote"],
                                "note": "A second source for this audited unit, merged in the curator's review.",
                            },
                        )
                    )
                continue
            out.setdefault(table, []).append((index, cells))
    if evidence:
        out.setdefault("further_evidence", []).extend(evidence)
    # An event_certificates row twice (two merged events, one certificate): once is enough.
    if "event_certificates" in out:
        seen, kept = set(), []
        for index, cells in out["event_certificates"]:
            pair = (cells.get("event_id"), cells.get("certificate_id"))
            if pair not in seen:
                seen.add(pair)
                kept.append((index, cells))
        out["event_certificates"] = kept
    return out
