"""Draft rows in the data-package format from one saved text: every value with its span, confidence and reason."""

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from cityiso.data.descriptor import read_package
from cityiso.draft import events as ev_mod
from cityiso.draft import findings as fi_mod
from cityiso.draft import lang, names
from cityiso.draft import text as tx
from cityiso.draft.dates import DateExpr, find_dates, publication_date, this_year_words
from cityiso.draft.inputs import Input, complete_source
from cityiso.draft.known import Known, known
from cityiso.draft.model import Drafted, quote_of
from cityiso.draft.units import listed as units_listed
from cityiso.draft.units import units
from cityiso.ids import slug
from cityiso.paths import DATA_DIR
from cityiso.register import places
from cityiso.register.locate import GEO_SOURCE_ID, locate

Row = dict[str, Drafted]
# 'na okres 3 lat', 'na kolejne trzy lata', 'ważny trzy lata', 'wydany na trzy lata', 'każdorazowo na trzy lata'.
_VALIDITY_YEARS = re.compile(
    r"(?:\bna\s+(?:okres\s+)?(?:kolejn\w+\s+)?|\bważn\w+\s+(?:jest\s+)?(?:przez\s+)?)"
    r"(\d+|dwa|trzy|cztery|pięć|sześć)\s+la[tp]\w*",
    re.IGNORECASE,
)
_NUMBER_WORDS = {"dwa": 2, "trzy": 3, "cztery": 4, "pięć": 5, "sześć": 6}
_SCOPE = re.compile(
    r"certyfikat\w*[^.]{0,60}?\b(?:w zakresie|dotycząc\w+|dla)\s+(.+?)"
    r"(?=\s+(?:wg|według|na okres|na kolejne|z terminiem)\b|,\s+który|\.|$)",
    re.IGNORECASE | re.DOTALL,
)
_CYCLE = re.compile(r"po raz (pierwszy|drugi|trzeci|czwarty|piąty|szósty)|(pierwsz)\w* certyfikat", re.IGNORECASE)
_CYCLE_N = {"pierwszy": 1, "drugi": 2, "trzeci": 3, "czwarty": 4, "piąty": 5, "szósty": 6, "pierwsz": 1}
DEFAULT_VALIDITY_YEARS = 3  # ISO management-system certificates run three years (ISO/IEC 17021-1)


@dataclass
class Draft:
    """The drafted tables of one text, plus the debris left out."""

    text: str
    source_id: str
    tables: dict[str, list[Row]] = field(default_factory=dict)
    debris: list[tx.Piece] = field(default_factory=list)
    data_dir: Path = DATA_DIR  # the register the draft is matched against (and its imported TERC)

    def as_json(self) -> dict:
        return {
            "input": {"length": len(self.text), "sha256": hashlib.sha256(self.text.encode()).hexdigest()},
            "source_id": self.source_id,
            "tables": {
                t: [{c: v.as_json() for c, v in row.items()} for row in rows] for t, rows in self.tables.items()
            },
            "debris": [
                {"span": [p.start, p.end], "text": p.text, "reason": "page debris: left out"} for p in self.debris
            ],
        }


def _d(value, start: int, end: int, conf: float = 0.9, reason: str = "") -> Drafted:
    return Drafted(value, (start, end), conf, reason)


# A new office's id is its place, with its kind added for a county or municipal office: the city hall and the county
# office of one town (Racibórz), or a town's hall and the rural gmina seated there, never get one id.
ID_SUFFIXES = {"county_office": "powiat", "municipal_office": "gmina"}


def _lemmas(sentence: str) -> set[str]:
    return {lem for w in lang.WORD.findall(sentence) for lem in lang.lemmas(w)}


def _sentence_of(sentences: list[tx.Piece], pos: int) -> tx.Piece | None:
    return next((s for s in sentences if s.start <= pos < s.end), None)


def draft(
    text: str,
    *,
    source_id: str = "draft",
    url: str | None = None,
    published: dt.date | None = None,
    file_name: str | None = None,
    data_dir: Path = DATA_DIR,
    exclude_examples: str | None = None,
    source: Input | None = None,
) -> Draft:
    """Draft every table a document feeds, from the text alone and the register in data_dir. `source`: what a saved
    page or PDF tells of itself besides its text (cityiso.draft.inputs): its address, title and date complete the
    sources row where the text and the arguments give none, and how the text was obtained is the row's note."""
    k = known(Path(data_dir))
    out = Draft(text, source_id, data_dir=Path(data_dir))
    dated = None if published else publication_date(text)
    if dated:
        published = dt.date.fromisoformat(dated.value)
    reference = published or (source.published if source else None)  # what relative dates count from
    out.debris = tx.debris(text)
    mask = tx.content_mask(text)
    sentences = tx.sentences(text)
    dates = [d for d in find_dates(text, reference) if mask[d.start] and not (dated and d.start == dated.start)]
    stds = [m for m in names.standards(text, k) if mask[m.start]]
    bodies = [m for m in names.bodies(text, k) if mask[m.start]]
    offices = names.offices(text, k, mask)
    title = tx.title(text)
    # a contractor's required certificate or a municipal company's tells nothing of the office's certification
    others = [s for s in sentences if _other_holder(s, offices, bodies)]
    stds = [m for m in stds if not any(s.start <= m.start < s.end for s in others)]
    bodies = [m for m in bodies if not any(s.start <= m.start < s.end for s in others)]

    listed = _office_list(text, offices)
    if listed:
        out = _listed(
            out, text, listed, stds, bodies, dates, sentences, source_id, title, url, published, file_name, dated
        )
        complete_source(out.tables["sources"][0], text, source)
        complete(out, k)
        return out
    office_row, office_id = _office(text, offices, k, url)
    out.tables["sources"] = [_source(text, source_id, title, url, published, file_name, office_id, dated)]
    if office_row:
        out.tables["offices"] = [office_row]
    oid = office_id.value if office_id else "unknown"

    told = [s for s in sentences if s not in others]
    # another office of the page with a certificate of its own ('Urząd Gminy otrzymał certyfikat ważny do ...')
    seconds = _second_offices(offices, oid, told, mask)
    theirs = {s for _m, ss in seconds for s in ss}
    mine = [s for s in told if s not in theirs]
    mentions = _told_events(_first_of_chain(ev_mod.merge(ev_mod.mentions(mine, dates))))
    not_mine = others + sorted(theirs, key=lambda s: s.start)
    main_stds = [m for m in stds if not any(s.start <= m.start < s.end for s in theirs)]
    main_bodies = [m for m in bodies if not any(s.start <= m.start < s.end for s in theirs)]
    main_sentences = [s for s in sentences if s not in theirs]
    certs = _certificates(text, main_sentences, main_stds, main_bodies, dates, mentions, k, oid, source_id, not_mine)
    events, links, unit_rows = _events(text, sentences, mentions, main_bodies, certs, oid, source_id)
    _issue_year_from_title(text, title, certs, mentions)
    mentions = [ev for ev in mentions if not _issue_only(ev)]  # one per event row from here on
    if seconds:  # a page about several offices is cited by each one's rows (queries/checks/source_is_about_...)
        src = out.tables["sources"][0]
        src.pop("office_id", None)
        why = "The page tells the certificates of several offices: the source is about no single office."
        src["note"] = _d(why, 0, len(text), 0.7, why)
    for mention, ss in seconds:
        row_o, o_id = _office_row(text, mention, out.data_dir)
        if row_o:
            out.tables.setdefault("offices", []).append(row_o)
        o_mentions = _told_events(_first_of_chain(ev_mod.merge(ev_mod.mentions(ss, dates))))
        family = {m.extra[0] for m in stds}
        o_cert = _office_certificate(text, ss, stds, bodies, dates, o_mentions, k, o_id.value, source_id, family)
        o_cert[0]["certificate_id"].value = f"{source_id}-cert-{len(certs) + 1}"
        certs.append(o_cert)
        o_events, o_links, o_units = _events(text, sentences, o_mentions, bodies, [o_cert], o_id.value, source_id)
        for row in o_events:
            row["event_id"].value = f"{source_id}-event-{len(events) + 1}"
            events.append(row)
        links += o_links
        unit_rows += o_units
        mentions += [ev for ev in o_mentions if not _issue_only(ev)]
    order = sorted(range(len(events)), key=lambda i: mentions[i].sentences[0].start) if seconds else []
    if order:  # events in the order the text tells them (findings and units go to the audit before them)
        events, mentions = [events[i] for i in order], [mentions[i] for i in order]
    certs += _earlier_certificates(text, sentences, certs, events, links, k, source_id)
    certs += _timeline_certificates(text, certs, main_stds, dates, events, links, source_id)
    out.tables["certificates"] = [c for c, _ in certs]
    out.tables["events"] = events
    out.tables["event_certificates"] = links
    unit_rows += _loose_units(text, sentences, events, mentions, source_id, unit_rows)
    out.tables["audited_units"] = unit_rows + _listed_units(text, events, mentions, source_id, unit_rows)
    out.tables["findings"] = _findings(text, sentences, events, mentions, k, source_id, exclude_examples)
    _certificate_quotes(text, sentences, certs)
    complete_source(out.tables["sources"][0], text, source)
    complete(out, k)
    return out


def _proposed_id(m: names.Mention) -> str:
    """The id an office mention stands for: the register's, or the one proposed for a new office."""
    kind, place, _nom = m.extra
    return m.value or "-".join(filter(None, (slug(place), ID_SUFFIXES.get(kind))))


def _second_offices(
    offices: list[names.Mention], main: str, sentences: list[tx.Piece], mask: list[bool]
) -> list[tuple[names.Mention, list[tx.Piece]]]:
    """Other offices the page tells a certificate of ('Certyfikat ma także raciborski magistrat', 'Urząd Gminy
    otrzymał certyfikat ważny do ...'), each with its own sentences: those naming it (or, by its kind alone, 'Urząd
    Gminy', an office of its kind when the document's office is of another) and not the document's office."""
    main_places = {m.extra[1] for m in offices if m.extra[1] and _proposed_id(m) == main}

    def same_office(m: names.Mention) -> bool:
        # 'kórnickiego urzędu': a town's adjective with 'urząd' does not tell its city hall from its gmina's office
        adj = names._ADJ_OFFICE.fullmatch(m.words)
        return bool(adj and adj.group("noun").lower().startswith("urz") and m.extra[1] in main_places)

    offices = [m for m in offices if not same_office(m)]
    placed = [m for m in offices if m.extra[1] and mask[m.start]]
    main_kinds = {m.extra[0] for m in placed if _proposed_id(m) == main}
    found: dict[str, tuple[names.Mention, list[tx.Piece]]] = {}
    for s in sentences:
        here = [m for m in offices if s.start <= m.start < s.end]
        ids = {_proposed_id(m) for m in here if m.extra[1]}
        if main in ids or any(not m.extra[1] and m.extra[0] in main_kinds for m in here):
            continue
        named = [m for m in here if m.extra[1] and _proposed_id(m) != main]
        kinds = {m.extra[0] for m in here if not m.extra[1]} - main_kinds
        if not named and kinds:  # 'Urząd Gminy' after 'Urząd Gminy Testowo' was named
            named = [m for m in placed if m.extra[0] in kinds and _proposed_id(m) != main][:1]
        if len({_proposed_id(m) for m in named}) != 1:
            continue
        oid = _proposed_id(named[0])
        found.setdefault(oid, (named[0], []))[1].append(s)
    return [(m, ss) for m, ss in found.values() if any("certyfikat" in _lemmas(s.text) for s in ss)]


def _office_certificate(text, ss, stds, bodies, dates, mentions, k, oid, source_id, families) -> tuple[Row, dict]:
    """The certificate of another office of the page, from its own sentences: their standard, or the document's one
    family with no standard written; its body, validity and an edition inferred from its events' dates."""
    inside = [m for m in stds if any(s.start <= m.start < s.end for s in ss)]
    mine = [m for m in bodies if any(s.start <= m.start < s.end for s in ss)]
    if inside:
        return _certificates(text, ss, inside, mine, dates, mentions, k, oid, source_id)[0]
    first = ss[0]
    row: Row = {
        "certificate_id": _d(f"{source_id}-cert", first.start, first.end, 1.0, "Identifier made by the drafter."),
        "office_id": _d(oid, first.start, first.end, 0.8, "The office these sentences name."),
    }
    if len(families) == 1:
        family = next(iter(families))
        row["family"] = _d(family, first.start, first.end, 0.6, "The only standard the text names.")
        inferred = _infer_edition(family, mentions, k)
        _unstated_edition(row, inferred if inferred and inferred[0] else None, first)
    if mine:
        row["body_id"] = _d(mine[0].value, mine[0].start, mine[0].end, 0.9, mine[0].reason)
    _validity(text, row, ss, dates, True)
    row["source_id"] = _d(source_id, 0, len(text), 1.0, "")
    return row, {"standard_id": None, "sentences": list(ss)}


# Holders of certificates other than an office: a contractor or bidder of a tender, a municipal company.
_OTHER_HOLDERS = {"wykonawca", "podwykonawca", "oferent", "dostawca", "przedsiębiorstwo", "spółka"}


def _other_holder(s: tx.Piece, offices: list[names.Mention], bodies: list[names.Mention]) -> bool:
    """A sentence about another holder's certificate: it names a contractor or a company ('Wykonawca musi
    posiadać certyfikat ISO 9001', 'Przedsiębiorstwo Wodociągów uzyskało certyfikat', 'audyt w spółce') and no
    office; a company word that is a certification body's own ('spółka DEKRA') does not count."""
    if any(s.start <= m.start < s.end for m in offices):
        return False
    for w in lang.WORD.finditer(s.text):
        if not lang.lemmas(w.group(0)) & _OTHER_HOLDERS:
            continue
        at = s.start + w.end()
        if any(0 <= b.start - at <= 2 for b in bodies):
            continue
        return True
    return False


# The values of a certificate row whose words its quote must hold (docs/CURATION.md#quotes).
_CERT_EVIDENCE = (
    "standard_as_written",
    "issued_on_as_written",
    "valid_until_as_written",
    "validity_as_written",
    "scope",
    "cycle_as_written",
    "body_id",
    "iqnet",
)


def _certificate_quotes(text: str, sentences: list[tx.Piece], certs) -> None:
    """Each certificate's quote: the sentences holding its standard as written and every value drafted from the
    text (issue, expiry, validity, scope, cycle, body), in document order."""
    for row, meta in certs:
        if "quote" in row:
            continue
        parts = [(s.start, s.end) for s in meta["sentences"]]
        for column in _CERT_EVIDENCE:
            v = row.get(column)
            if not v or v.span == (0, len(text)):
                continue
            s = _sentence_of(sentences, v.span[0])
            parts.append((s.start, s.end) if s and s.end >= v.span[1] else v.span)
        row["quote"] = quote_of(text, parts)


def _quote_holds_as_written(text: str, row: Row) -> None:
    """A value written as the document writes it (`*_as_written`, a standard as written, an office's name) stands in
    its row's quote: the quote takes in the value's passage when it does not yet hold it. Test: an event whose date
    is written in a sentence before the one its quote was taken from gets that sentence in its quote."""
    quote = row.get("quote")
    if quote is None or not quote.value:
        return
    parts = list(quote.parts or [quote.span])
    flat = " ".join(str(quote.value).split())
    for column, value in row.items():
        if not (column.endswith("_as_written") or column in ("standard_as_written", "office_name")):
            continue
        words = " ".join(str(value.value or "").split())
        if words and words not in flat and value.span[1] > value.span[0]:
            parts.append(value.span)
    if len(parts) > len(quote.parts or [quote.span]):
        row["quote"] = quote_of(text, parts)


def _no_reason_without_a_date(row: Row) -> None:
    """An inferred date's reasoning needs the date or its bounds: with neither, the reasoning is the row's note (the
    date stays unknown). Test: an undated event that the drafter reasoned about keeps the reasoning in its note and
    no `event_on_inferred_reason`."""
    for column in [c for c in row if c.endswith("_inferred_reason")]:
        date = column.removesuffix("_inferred_reason")
        if any(
            row.get(c) and row[c].value not in (None, "") for c in (date, f"{date}_not_before", f"{date}_not_after")
        ):
            continue
        reason = row.pop(column)
        row.pop(f"{date}_inferred_part", None)
        old = row.get("note")
        note = f"{old.value} {reason.value}" if old and old.value else str(reason.value)
        row["note"] = _d(note, *(old.span if old else reason.span), 0.5, "The date's reasoning, without a date.")


def _quote_keeps_to_its_body(text: str, row: Row, bodies: list[names.Mention]) -> None:
    """A passage of a row's quote that names another certification body than the row's, and holds none of the
    row's written values, tells of another certificate or audit: it leaves the quote. Test: an audit by SGS whose
    quote took in a later sentence about the town's other office certified by Bureau Veritas loses that sentence."""
    body, quote = row.get("body_id"), row.get("quote")
    if not body or not body.value or quote is None or not quote.parts:
        return
    held = [v.span for c, v in row.items() if c.endswith("_as_written") and v.span[1] > v.span[0]]
    keep = [
        (s, e)
        for s, e in quote.parts
        if not any(s <= m.start < e and m.value and m.value != body.value for m in bodies)
        or any(s <= a < e for a, _ in held)
    ]
    if keep and len(keep) < len(quote.parts):
        row["quote"] = quote_of(text, keep)


def _issue_not_before_its_edition(row: Row, k: Known) -> None:
    """A certificate is never issued before its edition was published: an issue date before it belongs to an earlier
    certificate of the same certification (a renewal chain's first grant), so it goes to the note and the issue
    date stays unknown. Test: 'first certified in 2006, ... now to ISO 9001:2015' drafts no 2006 issue date."""
    standard = row.get("standard_id")
    issued = row.get("issued_on")
    if not standard or not issued or not issued.value:
        return
    published = next((s.get("published_on") for s in k.standards if s["standard_id"] == standard.value), None)
    if not published or str(issued.value)[: len(published)] >= published[: len(str(issued.value))]:
        return
    for column in [c for c in row if c.startswith("issued_on")]:
        row.pop(column)
    why = (
        f"An issue date of {issued.value} is before {standard.value} was published ({published}): an earlier "
        "certificate's."
    )
    old = row.get("note")
    row["note"] = _d(f"{old.value} {why}" if old and old.value else why, *issued.span, 0.5, why)


def complete(d: Draft, k: Known) -> None:
    """Every row's source, and a note naming each required field left empty, so that a curator sees what the text
    did not give before the build asks for it; a row's values and its quote agree (as-written values stand in the
    quote, an inferred date has a date or bounds, an issue date follows its edition's publication)."""
    text = d.text
    whole = (0, len(text))
    bodies = names.bodies(text, k)
    for table, rows in d.tables.items():
        columns, required = _columns(k.data_dir, table)
        for row in rows:
            _no_reason_without_a_date(row)
            if table == "certificates":
                _issue_not_before_its_edition(row, k)
            _quote_keeps_to_its_body(text, row, bodies)
            _quote_holds_as_written(text, row)
            if "source_id" in columns and "source_id" not in row and table != "sources":
                row["source_id"] = _d(d.source_id, *whole, 1.0, "The document drafted.")
            missing = [c for c in required if c not in row or row[c].value in (None, "")]
            if not missing or "note" not in columns:
                continue
            why = f"To fill: {', '.join(missing)} ({_MISSING_WHY.get(table, 'not in the text')})."
            old = row.get("note")
            note = f"{old.value} {why}" if old and old.value else why
            row["note"] = _d(note, *(old.span if old else whole), 0.5, why)


@cache
def _columns(data_dir: Path, table: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A table's columns and its required columns, from the descriptor (none for a table it lacks)."""
    resource = next((r for r in read_package(data_dir).resources if r.name == table), None)
    if resource is None:
        return (), ()
    return tuple(resource.field_names), tuple(f.name for f in resource.fields if f.required)


_MISSING_WHY = {
    "offices": "not in the text: from the reference source of the territorial division",
    "findings": "for the curator to write",
}


def _loose_units(text, sentences, events, mentions, source_id, taken) -> list[Row]:
    """Units named in a sentence of no event ('Sprawdzono m.in. wydziały: ...' after the audit's sentence): the
    nearest audit before it audited them."""
    audits = [(row, ev) for row, ev in zip(events, mentions, strict=False) if ev.trigger == "audit" and not ev.planned]
    told = {(p.start, p.end) for _row, ev in audits for p in ev.sentences}
    seen = {(r["event_id"].value, r["unit_name"].value) for r in taken}
    rows = []
    for s in sentences:
        if (s.start, s.end) in told:
            continue
        _count, named = units(s)
        before = [row for row, ev in audits if ev.sentences[0].start < s.start]
        if not named or not before:
            continue
        event = before[-1]
        for name, as_written in named:
            if (event["event_id"].value, name.value) in seen:
                continue
            seen.add((event["event_id"].value, name.value))
            rows.append(
                {
                    "event_id": event["event_id"],
                    "unit_name": name,
                    "unit_name_as_written": as_written,
                    "source_id": _d(source_id, 0, len(text), 1.0),
                    "quote": quote_of(text, [(s.start, s.end)]),
                }
            )
    return rows


def _listed_units(text, events, mentions, source_id, taken) -> list[Row]:
    """A list of audited units ('Audytem objęto:' and its bullets): a unit row each, on the audit its lead tells or
    the nearest audit before it."""
    audits = [(row, ev) for row, ev in zip(events, mentions, strict=False) if ev.trigger == "audit" and not ev.planned]
    rows = []
    seen = {(r["event_id"].value, r["unit_name"].value) for r in taken}
    for lead, items in units_listed(text, fi_mod.is_units_lead):
        own = [row for row, ev in audits if any(s.start <= lead[0] < s.end for s in ev.sentences)]
        before = [row for row, ev in audits if ev.sentences[0].start <= lead[0]]
        event = (own or before[-1:] or [row for row, _ in audits[:1]] or [None])[0]
        if event is None:
            continue
        for name, as_written, span in items:
            if (event["event_id"].value, name.value) in seen:
                continue
            seen.add((event["event_id"].value, name.value))
            rows.append(
                {
                    "event_id": event["event_id"],
                    "unit_name": name,
                    "unit_name_as_written": as_written,
                    "source_id": _d(source_id, 0, len(text), 1.0),
                    "quote": quote_of(text, [lead, span]),
                }
            )
    return rows


def _told_events(mentions: list[ev_mod.Event]) -> list[ev_mod.Event]:
    """A grant told only by who issued the certificate ('Certyfikat ISO 9001 wydało wcześniej PCBC'), with no date and
    no word of its kind, is no event a curator can record (its body still goes to the certificate); an office that
    'otrzymał certyfikat' is the news of a grant, an event even undated."""
    return [
        e
        for e in mentions
        if not (e.trigger == "grant" and not e.date and not e.cues and not e.planned and _issuer_only(e))
    ]


def _issuer_only(e: ev_mod.Event) -> bool:
    """Whether every granting verb of the event's sentences is 'wydać' in the active voice (the body issued it)."""
    readings = [
        (lem, tag.split(":")[0])
        for s in e.sentences
        for w in lang.WORD.findall(s.text)
        for lem, tag in lang.analyses(w)
        if lem in ev_mod._GRANT
    ]
    return bool(readings) and all(lem == "wydać" and pos in ("praet", "fin") for lem, pos in readings)


def _issue_only(ev: ev_mod.Event) -> bool:
    """A certificate's issue told by a participle ('wydany przez ... w dniu 1.10.2009 r.'): its date is the
    certificate's issue date, not an event row."""
    return ev.issue_only


def _first_of_chain(mentions: list[ev_mod.Event]) -> list[ev_mod.Event]:
    """A plain grant (no word of its kind) dated before a later renewal the text tells ('uzyskało certyfikat w 2004
    r. [...] Certyfikat przedłużono w 2007 r.') is the first certification."""
    renewals = [
        e.date.value
        for e in mentions
        if e.date and e.date.value and not e.planned and any(c.kind == "recertification" for c in e.cues)
    ]
    for e in mentions:
        if (
            renewals
            and e.trigger == "grant"
            and not e.cues
            and e.date
            and e.date.value
            and e.date.value < min(renewals)
        ):
            why = f"'{e.date.words}' is before the renewal of {min(renewals)}: the first certificate"
            e.cues.append(ev_mod.Cue("initial", e.date.start, e.date.end, why))
            e.issue_only = False  # the first date of a chain of renewals is the initial certification
    return mentions


def _office(
    text: str, offices: list[names.Mention], k: Known, url: str | None = None
) -> tuple[Row | None, Drafted | None]:
    """The office the document is about: the surest named one; when none is named, the one its postal or web
    address places (less sure, said in the reason)."""
    placed = [m for m in offices if m.extra[1]]
    if not placed:
        found = names.address_office(text, k, url)
        if not found:
            return None, None
        placed = [found]
    placed.sort(key=lambda m: (-m.confidence, not m.extra[2], m.start))
    return _office_row(text, placed[0], k.data_dir)


def _office_row(text: str, best: names.Mention, data_dir: Path = DATA_DIR) -> tuple[Row | None, Drafted]:
    """A known office's id, or a new office's row and its proposed id; a new office's TERYT code and voivodeship
    come from the TERC imported into data_dir, its coordinates from GeoNames (cityiso.register.locate)."""
    kind, place, _nom = best.extra
    if best.value:
        oid = _d(best.value, best.start, best.end, best.confidence, best.reason)
        return None, oid
    new_id = "-".join(filter(None, (slug(place), ID_SUFFIXES.get(kind))))
    at = locate(place, kind, data_dir)
    oid = _d(
        new_id, best.start, best.end, 0.5, f"{best.reason} Proposed office_id '{new_id}'. {at.missing_reason}".strip()
    )
    span = (best.start, best.end)
    row: Row = {
        "office_id": oid,
        "office_kind": _d(kind, *span, 0.8, "From the office's name."),
        "place": _d(place, *span, 0.7, "The place in the nominative (morfeusz2)."),
        "office_name": _d(best.words, *span, 0.9, "The name as the document writes it."),
    }
    if at.teryt:
        row["teryt"] = _d(at.teryt, *span, 0.8, at.teryt_reason)
    if at.voivodeship:
        row["voivodeship"] = _d(at.voivodeship, *span, 0.8 if at.teryt else 0.6, at.voivodeship_reason)
    if at.latitude is not None:
        sure = 0.8 if at.coordinates_sure else 0.4
        row["latitude"] = _d(at.latitude, *span, sure, at.coordinates_reason)
        row["longitude"] = _d(at.longitude, *span, sure, at.coordinates_reason)
    row["geo_source_id"] = _d(GEO_SOURCE_ID, *span, 0.8, f"{at.teryt_reason} {at.coordinates_reason}")
    # The place's population only where GeoNames is sure of the place (never for a marshal office: its place is a
    # voivodeship), as `cityiso places populations` fills it for offices already in the register.
    if kind != "marshal_office" and at.voivodeship:
        pop = places.population_of(place, at.voivodeship, at.latitude, at.longitude)
        if pop.place is not None:
            why = f"GeoNames: {pop.reason}"
            row["place_population"] = _d(pop.place.population, *span, 0.7, why)
            row["place_geonameid"] = _d(pop.place.geonameid, *span, 0.7, why)
            row["population_source_id"] = _d(places.POPULATION_SOURCE_ID, *span, 0.8, why)
    row["quote"] = quote_of(text, [span])
    note = "TERYT not confirmed by the curator."
    if at.teryt:
        note = (
            f"TERYT {at.teryt} from GUS's TERC (the one unit of that name and kind), not yet confirmed by the curator."
        )
    row["note"] = _d(note, *span, 1.0, "Drafted office.")
    return row, oid


def _office_list(text: str, offices: list[names.Mention]) -> list[tuple[tx.Piece, names.Mention]]:
    """The items of a list naming one office each (a body's list of certified offices), when it names two or
    more different places; else nothing."""
    items = []
    for line in tx.lines(text):
        if not tx.BULLET.match(line.text):
            continue
        mine = [m for m in offices if line.start <= m.start < line.end and m.extra[1]]
        if len(mine) == 1:
            items.append((line, mine[0]))
    return items if len({m.extra[1] for _, m in items}) >= 2 else []


def _listed(out, text, listed, stds, bodies, dates, sentences, source_id, title, url, published, file_name, dated):
    """A list of offices: one office and one certificate per item; the document is about no single office, and the
    events it tells of the listed offices as a group are each office's."""
    first_item = listed[0][0].start
    lead = [s for s in sentences if s.end <= first_item]
    lead_s = lead[-1] if lead else None
    out.tables["sources"] = [_source(text, source_id, title, url, published, file_name, None, dated)]
    out.tables["offices"] = []
    out.tables["certificates"] = []
    body = bodies[0] if len({b.value for b in bodies}) == 1 else None
    issued = None
    if lead_s and ev_mod._lemmas(lead_s.text) & ev_mod._GRANT:
        issued = next((d for d in dates if lead_s.start <= d.start < lead_s.end and d.value and d.lead != "do"), None)
    for n, (item, office) in enumerate(listed, 1):
        row_o, oid = _office_row(text, office, out.data_dir)
        if row_o and row_o["office_id"].value not in {r["office_id"].value for r in out.tables["offices"]}:
            out.tables["offices"].append(row_o)
        std = next((m for m in stds if item.start <= m.start < item.end), None)
        std = std or next((m for m in reversed(stds) if m.start < item.start), None)
        row: Row = {
            "certificate_id": _d(f"{source_id}-cert-{n}", item.start, item.end, 1.0, "Identifier made by the drafter."),
            "office_id": _d(oid.value, office.start, office.end, oid.confidence, "The office this item names."),
        }
        if std:
            why = "The standard of the list's lead." if std.start < item.start else "The item's standard."
            row["family"] = _d(std.extra[0], std.start, std.end, 0.9, why)
            row["standard_as_written"] = _d(std.words, std.start, std.end, 0.9, why)
            basis = "stated" if std.value else "unknown"
            row["edition_basis"] = _d(basis, std.start, std.end, 0.8, std.reason)
            if std.value:
                row["standard_id"] = _d(std.value, std.start, std.end, 0.8, std.reason)
            else:
                row["edition_reason"] = _d(std.reason, std.start, std.end, 0.6, std.reason)
        if body:
            row["body_id"] = _d(body.value, body.start, body.end, 0.8, body.reason + " The body whose list this is.")
        until = next((d for d in dates if item.start <= d.start < item.end and d.lead == "do" and d.value), None)
        if until:
            row["valid_until"] = _d(until.value, until.start, until.end, 0.85, "'do …' in the office's item.")
            row["valid_until_as_written"] = _d(until.words, until.start, until.end, 0.9, "")
        if issued:
            why = f"'{issued.words}' in the list's lead dates the certificates it grants."
            row["issued_on"] = _d(issued.value, issued.start, issued.end, 0.7, why)
            row["issued_on_as_written"] = _d(issued.words, issued.start, issued.end, 0.9, "")
        parts = [(item.start, item.end)] + ([(lead_s.start, lead_s.end)] if lead_s else [])
        row["source_id"] = _d(source_id, 0, len(text), 1.0, "")
        row["quote"] = quote_of(text, parts)
        out.tables["certificates"].append(row)
    out.tables["events"], out.tables["event_certificates"] = _listed_events(
        text, listed, out.tables["certificates"], sentences, dates, bodies, title, source_id
    )
    for table in ("audited_units", "findings"):
        out.tables[table] = []
    return out


def _listed_events(text, listed, certs, sentences, dates, bodies, title, source_id) -> tuple[list[Row], list[Row]]:
    """The events a list page tells of its offices as a group, outside the items ('26 listopada 2015 r. wręczyli
    certyfikaty: [list]', 'Wszystkie trzy urzędy przeszły audyty przejścia w październiku 2015 r.'): one event each
    listed office, linked to its certificate; the page's title tells none."""
    items = [(item.start, item.end) for item, _office in listed]
    told = [
        s for s in sentences if not any(a <= s.start < b for a, b in items) and not (title and s.start == title.start)
    ]
    events, links = [], []
    for cert in certs:
        mentions = ev_mod.merge(ev_mod.mentions(told, dates))
        oid = cert["office_id"].value
        rows, lk, _units = _events(text, sentences, mentions, bodies, [(cert, {"sentences": []})], oid, source_id)
        for row in rows:
            row["event_id"].value = f"{source_id}-event-{len(events) + 1}"
            row["office_id"] = _d(oid, *row["office_id"].span, 0.7, "The office this item names.")
            if "findings_status" not in row:
                row["findings_status"] = _d("not_reported", *row["kind"].span, 0.5, "")
            events.append(row)
        links += lk
    return events, links


def _source(text, source_id, title, url, published, file_name, office_id, dated=None) -> Row:
    whole = (0, len(text))
    row: Row = {
        "source_id": _d(source_id, *whole, 1.0, "Given to the drafter."),
        "kind": _d("document", *whole, 1.0, "A saved text."),
        "title": _d(
            title.text if title else text.strip()[:80],
            *(title.start, title.end) if title else whole,
            0.7 if title else 0.3,
            "The first line naming the topic." if title else "No title line found.",
        ),
        "language": _d("pl", *whole, 0.9, "Polish text."),
        "is_truncated": _truncated(text),
    }
    if file_name:
        row["file"] = _d(file_name, *whole, 1.0, "The saved file.")
    if url:
        row["url"] = _d(url, *whole, 1.0, "Given with --url (the text must state it: docs/CURATION.md#sources).")
    if dated:
        row["published_on"] = _d(dated.value, dated.start, dated.end, dated.confidence, dated.reason)
        row["published_on_as_written"] = _d(dated.words, dated.start, dated.end, 0.9, "")
    elif published:
        row["published_on"] = _d(published.isoformat(), *whole, 1.0, "Given with --published.")
    if office_id:
        row["office_id"] = office_id
    return row


def _truncated(text: str) -> Drafted:
    body = text.rstrip()
    last = tx.lines(text)[-1] if tx.lines(text) else tx.Piece(0, 0, "")
    content = [p for p in tx.lines(text) if not tx.is_debris(p)]
    tail = content[-1] if content else last
    cut = bool(re.search(r"[\w,–-]$", tail.text)) and len(tail.text.split()) > 6 and tail.end == len(body)
    reason = "The text stops mid-sentence." if cut else "The text ends with a complete sentence or page debris."
    return _d("true" if cut else "false", tail.start, tail.end, 0.6, reason)


def _certificates(text, sentences, stds, bodies, dates, mentions, k, oid, source_id, others=()):
    """One certificate per edition named (a form without edition joins the one edition named, if one)."""
    by_edition: dict[str | None, list[names.Mention]] = {}
    for m in stds:
        by_edition.setdefault(m.value, []).append(m)
    families_with_edition = {m.extra[0] for m in stds if m.value}
    groups = [(sid, ms) for sid, ms in by_edition.items() if sid]
    if len(groups) > 1:  # an edition named only as the target of a transition to come is no certificate yet
        kept = [(sid, ms) for sid, ms in groups if not all(_transition_target(text, sentences, m) for m in ms)]
        groups = kept or groups
    loose = [m for m in by_edition.get(None, []) if m.extra[0] not in families_with_edition]
    # a form without edition is one certificate per family ('certyfikaty ISO 9001 i ISO 37120': two)
    for family in dict.fromkeys(m.extra[0] for m in loose):
        groups.append((None, [m for m in loose if m.extra[0] == family]))
    bare = [
        m for m in re.finditer(r"certyfikat\w*\s+ISO\b", text) if not any(s.start <= m.start() < s.end for s in others)
    ]
    if not groups and bare:
        m = bare[0]
        groups.append((None, [names.Mention(m.start(), m.end(), "ISO", None, 0.3, "'ISO' without a number.", ("",))]))
    out = []
    for i, (sid, ms) in enumerate(groups):
        first = min(ms, key=lambda m: (-len(m.words), m.start))
        row: Row = {}
        cid = f"{source_id}-cert-{i + 1}"
        row["certificate_id"] = _d(cid, first.start, first.end, 1.0, "Identifier made by the drafter.")
        row["office_id"] = _d(oid, first.start, first.end, 0.8, "The office the document is about.")
        family = first.extra[0]
        if family:
            row["family"] = _d(family, first.start, first.end, 0.95, "The standard's number.")
        row["standard_as_written"] = _d(first.words, first.start, first.end, 0.95, "As the text writes it.")
        sentence_spans = [(_sentence_of(sentences, m.start) or tx.Piece(m.start, m.end, "")) for m in ms]
        if sid and first.words not in {f["form"] for f in k.forms}:
            # written loosely ('PN EN ISO 9001:2009'): the edition is its canonical form's, a deduction to say
            why = f"{first.reason}; the form as written is not in standard_forms.csv, so the edition is inferred."
            row["edition_basis"] = _d("inferred", first.start, first.end, 0.8, why)
            row["standard_id"] = _d(sid, first.start, first.end, 0.8, why)
            row["edition_reason"] = _d(why, first.start, first.end, 0.8, why)
        elif sid:
            row["edition_basis"] = _d("stated", first.start, first.end, 0.9, first.reason)
            row["standard_id"] = _d(sid, first.start, first.end, 0.9, first.reason)
        else:
            _unstated_edition(row, _infer_edition(family, mentions, k), first)
        near = [b for b in bodies if any(s.start <= b.start < s.end for s in sentence_spans)]
        doc_bodies = {b.value for b in bodies}
        if near:
            row["body_id"] = _d(near[0].value, near[0].start, near[0].end, 0.9, near[0].reason)
        elif len(doc_bodies) == 1:
            b = bodies[0]
            row["body_id"] = _d(b.value, b.start, b.end, 0.7, b.reason + " The only body the text names.")
        grant_sentences = [s for e in mentions if e.grant for s in e.sentences] if len(groups) == 1 else []
        scope_in = sentence_spans + grant_sentences
        # With one certificate, a sentence of its own about a certificate's validity is about this one.
        # ('Oba certyfikaty są ważne do ...': every certificate's)
        # 'certyfikat zgodności z nową wersją normy, ważny do ...': the newest edition's, of two named
        kin = [g for g, _ms in groups if g and sid and g.split("-")[0] == sid.split("-")[0]]
        newest = len(kin) > 1 and sid == max(
            kin, key=lambda g: next((e["published_on"] for e in k.standards if e["standard_id"] == g), "")
        )
        valid_in = [
            s
            for s in sentences
            if (len(groups) == 1 or _ALL_OF_THEM.search(s.text) or (newest and _NEW_EDITION.search(s.text)))
            and (_about_validity(s.text) or _renewed_for_years(s.text))
        ]
        _validity(text, row, sorted(set(scope_in + valid_in), key=lambda s: s.start), dates, len(groups) == 1)
        _held_since(text, row, ms, sentence_spans, dates)
        _cycle_and_scope(text, row, scope_in)
        if re.search(r"\bIQNet\b", text) and len(groups) == 1:
            m = re.search(r"\bIQNet\b", text)
            row["iqnet"] = _d("true", m.start(), m.end(), 0.8, "An IQNet certificate is named.")
        row["source_id"] = _d(source_id, 0, len(text), 1.0, "")
        others = [g for g, _ms in groups if g and g != sid and family and g.startswith(slug(family).replace("-", ""))]
        if sid and others:
            why = (
                f"The text names two editions of {family} ({', '.join([sid, *others])}): each is kept as written, one "
                "certificate each; check whether the text tells a transition or names one by mistake."
            )
            row["standard_id"].confidence = 0.5
            row["note"] = _d(why, first.start, first.end, 0.5, why)
        out.append((row, {"standard_id": sid, "sentences": sentence_spans}))
    return out


# 'przygotowuje się do przejścia na normę ISO 9001:2015', 'Audyt przejścia na ISO 9001:2015 zaplanowano na ...'.
_TO_EDITION = re.compile(
    r"przej(?:ści\w*|ść)\s+na\s+(?:now\w+\s+)?(?:(?:wersj|edycj|wydani)\w+\s+)?(?:norm\w+\s+)?$", re.IGNORECASE
)
_TO_COME = re.compile(r"przygotow\w*|zaplanow\w*|planuj\w*|planowan\w*|odbędzie|nastąpi|zamierza\w*", re.IGNORECASE)


def _transition_target(text: str, sentences: list[tx.Piece], m: names.Mention) -> bool:
    """An edition named as what the office will move to ('przygotowuje się do przejścia na normę ISO 9001:2015'),
    in a sentence that tells the move prepared or planned, not done."""
    s = _sentence_of(sentences, m.start)
    return bool(s and _TO_EDITION.search(text[s.start : m.start]) and _TO_COME.search(s.text))


_NEW_EDITION = re.compile(r"\bnow\w+\s+(?:wersj|edycj|wydani)\w+|\bnow\w+\s+norm\w+", re.IGNORECASE)
_VALIDITY_WORDS = {"ważny", "ważność", "obowiązywać", "obowiązujący", "wygasać", "upływać"}


def _renewed_for_years(sentence: str) -> bool:
    """'Certyfikat przedłużano ..., każdorazowo na trzy lata': a certificate renewed for a stated number of years."""
    return bool(_VALIDITY_YEARS.search(sentence) and re.search(r"certyfika\w+", sentence, re.I))


def _about_validity(sentence: str) -> bool:
    """A sentence about a certificate's validity ('Certyfikat jest ważny do ...', 'obowiązuje do ...')."""
    lem = _lemmas(sentence)
    return bool(lem & {"certyfikat", "certyfikacja"} and lem & _VALIDITY_WORDS)


# 'do' after words of putting the system in place ('wdrażany do czerwca 2001 r.') ends that work, not a validity.
_IMPLEMENTING = re.compile(
    r"(?:wdra[żz]\w*|wdro[żz]\w*|wprowadza\w*|przygotow\w*|budowan\w*|trwa\w*)\s+(?:\w+\s+){0,3}$", re.IGNORECASE
)


def _unstated_edition(row: Row, inferred, first) -> None:
    """A certificate's edition where the text states none: inferred from a dated audit (_infer_edition gave an
    edition), unknown for the reason it gave (no edition fits), or unknown because nothing dates it (`inferred`
    None, reasons at `first`, the certificate's first mention)."""
    if inferred and inferred[0]:
        std, when, reason = inferred
        row["edition_basis"] = _d("inferred", when.start, when.end, 0.6, reason)
        row["standard_id"] = _d(std, when.start, when.end, 0.6, reason)
        row["edition_reason"] = _d(reason, when.start, when.end, 0.6, reason)
        return
    if inferred:
        _std, at, why = inferred
    else:
        at, why = first, "The text names no edition and gives no date to infer it from."
    row["edition_basis"] = _d("unknown", at.start, at.end, 0.6, why)
    row["edition_reason"] = _d(why, at.start, at.end, 0.6, why)


def _infer_edition(family, mentions, k):
    dated = [e.date for e in mentions if e.date and e.date.value and not e.planned]
    if not dated:
        return None
    when = min(dated, key=lambda d: d.value)
    latest = max(dated, key=lambda d: d.value)
    valid = [
        s
        for s in k.standards
        if s["family"] == family
        and s["published_on"] <= when.value
        and (not s["transition_ends_on"] or s["transition_ends_on"] > when.value)
    ]
    if not valid:
        return None
    std = max(valid, key=lambda s: s["published_on"])
    if std["transition_ends_on"] and latest.value > std["transition_ends_on"]:
        # the dates span editions: one certificate of unknown edition (docs/CURATION.md, renewal chains)
        why = (
            f"The text names no edition; its dates run from '{when.words}' to '{latest.words}', past the end of "
            f"{std['standard_id']} ({std['transition_ends_on']}), so they span more than one edition."
        )
        return None, latest, why
    later = [s for s in k.standards if s["family"] == family and s["published_on"] > std["published_on"]]
    reason = f"The text names no edition. At '{when.words}' ({when.value}) the current edition was {std['standard_id']}"
    if later:
        reason += f" ({later[0]['standard_id']} was published in {later[0]['published_on']})"
    return std["standard_id"], when, reason + "."


# 'ma certyfikat ISO 9001 od 2011 r.', 'posiada certyfikat ... od 2003 roku': held since a year, which dates its grant.
_HOLD = {"mieć", "posiadać", "legitymować"}


def _held_since(text: str, row: Row, ms: list[names.Mention], sentences: list[tx.Piece], dates) -> None:
    """'Urząd ma certyfikat ISO 9001 od 2011 r.', 'Starostwo od 2009 r. posiada certyfikat ISO 9001': the office has
    held the certificate since that date, the date of its grant (the text's own date for it); an 'od' in another part
    of the sentence (', a Zakład Zieleni – od 2018 roku') is another holder's."""
    if "issued_on" in row:
        return
    for m in ms:
        s = _sentence_of(sentences, m.start)
        if s is None:
            continue
        part = _part_of(s, m.start)
        a = s.start + s.text.index(part)
        head = text[a : m.start]
        if not (_lemmas(part) & _HOLD and re.search(r"certyfikat\w*\s*$", head, re.IGNORECASE)):
            continue
        d = next((d for d in dates if a <= d.start < a + len(part) and d.value and d.lead == "od"), None)
        if d is None:
            continue
        why = f"'{d.words}': the office has held the certificate since then, the date of its grant."
        row["issued_on"] = _d(d.value, d.start, d.end, 0.7, why)
        row["issued_on_as_written"] = _d(d.words, d.start, d.end, 0.9, "")
        return


def _validity(text, row, sentences, dates, only):
    for s in sentences:
        for d in dates:
            implementing = _IMPLEMENTING.search(text[max(s.start, d.start - 60) : d.start])
            mine = s.start <= d.start < s.end and d.lead == "do" and d.value
            if mine and "valid_until" not in row and not implementing:
                row["valid_until"] = _d(d.value, d.start, d.end, 0.85, "'do …' in a sentence about the certificate.")
                row["valid_until_as_written"] = _d(d.words, d.start, d.end, 0.9, "")
        m = _VALIDITY_YEARS.search(s.text)
        if m and "validity_years" not in row:
            a, b = s.start + m.start(), s.start + m.end()
            n = m.group(1).lower()
            row["validity_years"] = _d(int(n) if n.isdigit() else _NUMBER_WORDS[n], a, b, 0.9, f"'{m.group(0)}'.")
            row["validity_as_written"] = _d(text[a:b], a, b, 0.9, "")


def _cycle_and_scope(text, row, sentences):
    for s in sentences:
        m = _CYCLE.search(s.text)
        if m and "cycle_number" not in row:
            a, b = s.start + m.start(), s.start + m.end()
            row["cycle_number"] = _d(_CYCLE_N[(m.group(1) or m.group(2)).lower()], a, b, 0.85, f"'{m.group(0)}'.")
            row["cycle_as_written"] = _d(text[a:b], a, b, 0.9, "")
        sc = _SCOPE.search(s.text)
        if sc and "scope" not in row:
            a, b = s.start + sc.start(1), s.start + sc.end(1)
            row["scope"] = _d(" ".join(text[a:b].split()), a, b, 0.5, "The words after 'w zakresie'/'dotyczący'/'dla'.")


def _events(text, sentences, mentions, bodies, certs, oid, source_id):
    rows, links, unit_rows = [], [], []
    for ev in mentions:
        first = ev.sentences[0]
        eid = f"{source_id}-event-{len(rows) + 1}"
        kind, why = ev.kind
        row: Row = {
            "event_id": _d(eid, first.start, first.end, 1.0, "Identifier made by the drafter."),
            "office_id": _d(oid, first.start, first.end, 0.8, "The office the document is about."),
            "kind": _d(kind, first.start, first.end, 0.7 if kind != "unspecified" else 0.5, why),
            "is_planned": _d(
                "true" if ev.planned else "false",
                first.start,
                first.end,
                0.8,
                "Announced for the future." if ev.planned else "Told in the past or present tense.",
            ),
        }
        spans = [(s.start, s.end) for s in ev.sentences]
        near = [b for b in bodies if any(s.start <= b.start < s.end for s in ev.sentences)]
        if near:
            row["body_id"] = _d(near[0].value, near[0].start, near[0].end, 0.85, near[0].reason)
        if ev.ordinal:
            row["surveillance_ordinal"] = _d(ev.ordinal[0], ev.ordinal[1], ev.ordinal[2], 0.85, "Ordinal of the audit.")
            row["surveillance_ordinal_as_written"] = _d(
                text[ev.ordinal[1] : ev.ordinal[2]], ev.ordinal[1], ev.ordinal[2], 0.9
            )
        date = ev.date
        if date:
            _date_fields(row, date, ev)
        elif ev.grant:
            _this_year(text, row, ev, certs)
        if ev.grant and not ev.planned and kind not in ("lapse", "expiry"):
            row["outcome"] = _d("granted", first.start, first.end, 0.7, "The text tells a certificate granted.")
        if kind == "lapse" and not ev.planned:
            row["outcome"] = _d("lapsed", first.start, first.end, 0.7, "The text tells the certification given up.")
        if kind == "expiry" and ev.date and ev.date.value and not ev.planned:
            for c, _meta in certs:
                if "valid_until" not in c:
                    d = ev.date
                    why = f"The certificate's validity ran out on '{d.words}'."
                    c["valid_until"] = _d(d.value, d.start, d.end, 0.8, why)
                    c["valid_until_as_written"] = _d(d.words, d.start, d.end, 0.9, "")
        for s in ev.sentences:
            count, named = units(s) if ev.trigger == "audit" else (None, [])
            if count:
                row["units_audited"] = count
            for name, as_written in named:
                unit_rows.append(
                    {
                        "event_id": row["event_id"],
                        "unit_name": name,
                        "unit_name_as_written": as_written,
                        "source_id": _d(source_id, 0, len(text), 1.0),
                        "quote": quote_of(text, [(s.start, s.end)]),
                    }
                )
        if ev.planned:
            row["findings_status"] = _d("not_applicable", first.start, first.end, 0.9, "A planned event.")
        row["source_id"] = _d(source_id, 0, len(text), 1.0)
        # 'audyt obu systemów', 'wszystkich certyfikatów': the event concerns every certificate the text names
        every = any(_BOTH.search(s.text) for s in ev.sentences)
        for c, meta in certs:
            mine = [s for s in ev.sentences if any(s.start == m.start for m in meta["sentences"])]
            if mine or len(certs) == 1 or every:
                links.append({"event_id": row["event_id"], "certificate_id": c["certificate_id"]})
                if ev.grant and row.get("event_on") and not ev.planned and kind not in ("lapse", "expiry"):
                    _issue_date(text, c, row, ev)
        row["quote"] = quote_of(text, spans)
        if _issue_only(ev):
            links = [link for link in links if link["event_id"] is not row["event_id"]]
            continue
        if ev.chain and ev.date and ev.date.group is not None:
            row["quote"] = _chain_quote(text, ev)
        rows.append(row)
    return rows, links, unit_rows


def _issue_date(text: str, cert: Row, row: Row, ev: ev_mod.Event) -> None:
    """A certificate's issue date only where the text dates its issue or award: the date of a clause that tells the
    certificate granted by a verb ('otrzymał certyfikat w 2010 r.'). An audit's date, or a clause whose grant is an
    audit's outcome, dates no issue: the certificate was issued on or after it, which is a bound, not a date."""
    if any(c.startswith("issued_on") for c in cert):
        return
    d = row["event_on"]
    clause = next((s for s in ev.sentences if s.start <= d.span[0] < s.end), None)
    if clause and "event_on_inferred_reason" not in row and ev_mod.dates_the_award(_part_of(clause, d.span[0])):
        cert["issued_on"] = Drafted(d.value, d.span, d.confidence, d.reason)
        if "event_on_as_written" in row:
            cert["issued_on_as_written"] = row["event_on_as_written"]
        return
    if "event_on_inferred_reason" in row or "event_on_not_before" in row:
        return
    why = (
        f"The text dates the audit ('{text[d.span[0] : d.span[1]]}'), not the certificate's issue: the certificate was "
        "issued on or after it."
    )
    cert["issued_on_not_before"] = Drafted(d.value, d.span, 0.5, why)
    cert["issued_on_inferred_reason"] = Drafted(why, d.span, 0.5, why)


# Where a sentence turns to another statement: a dash between words, a semicolon, ', a', ', po którym'.
_TURN = re.compile(r"\s[–—-]\s|;|,\s+(?:a|po\s+którym|po\s+czym)\s")


def _part_of(clause: tx.Piece, at: int) -> str:
    """The part of a clause a date at `at` belongs to: the whole clause when the date opens it ('W 2019 r. urząd
    otrzymał ...', a timeline's '2017 – ...'), else the stretch between the turns around it ('certyfikat uzyskała
    później – audyt odbył się 2 października': the audit's)."""
    i = at - clause.start
    if not clause.text[:i].strip(" \t–—-"):
        return clause.text
    cuts = [0, *(m.end() for m in _TURN.finditer(clause.text) if m.end() <= i)]
    ends = [m.start() for m in _TURN.finditer(clause.text) if m.start() >= i] + [len(clause.text)]
    return clause.text[max(cuts) : min(ends)]


def _earlier_certificates(text, sentences, certs, events, links, k: Known, source_id: str) -> list:
    """An issue date written before the certificate's edition was published ('po raz pierwszy uzyskało certyfikat w
    2006 r. [...] obecny certyfikat na zgodność z PN-EN ISO 9001:2015-10') is an earlier certificate's, of the same
    certification: that certificate gets its own row (the edition current at its issue, inferred; no standard
    written), with the issue date, the first-certification words and the events of that date."""
    out = []
    for row, _meta in list(certs):
        standard, issued = row.get("standard_id"), row.get("issued_on")
        if not standard or not issued or not issued.value or "issued_on_inferred_reason" in row:
            continue
        edition = next((e for e in k.standards if e["standard_id"] == standard.value), None)
        when = str(issued.value)
        if not edition or when >= edition["published_on"][: len(when)]:
            continue
        if row["edition_basis"].value != "stated":
            # an edition inferred from a later date, of a certificate held since before it: the dates span editions
            why = (
                f"The certificate is held since {when}, before {standard.value} was published "
                f"({edition['published_on']}): its edition cannot be told."
            )
            row.pop("standard_id")
            row["edition_basis"] = _d("unknown", *issued.span, 0.6, why)
            row["edition_reason"] = _d(why, *issued.span, 0.6, why)
            continue
        current = [
            e
            for e in k.standards
            if e["family"] == edition["family"]
            and e["published_on"][: len(when)] <= when
            and (not e["transition_ends_on"] or e["transition_ends_on"][: len(when)] >= when)
        ]
        cid = f"{source_id}-cert-{len(certs) + len(out) + 1}"
        new: Row = {
            "certificate_id": _d(cid, *issued.span, 1.0, "Identifier made by the drafter."),
            "office_id": row["office_id"],
            "family": row["family"],
        }
        if current:
            sid = max(current, key=lambda e: e["published_on"])["standard_id"]
            why = (
                f"An issue date of {when} is before {standard.value} was published ({edition['published_on']}): an "
                f"earlier certificate's, to the edition current then, {sid}."
            )
            new["edition_basis"] = _d("inferred", *issued.span, 0.6, why)
            new["standard_id"] = _d(sid, *issued.span, 0.6, why)
            new["edition_reason"] = _d(why, *issued.span, 0.6, why)
        for column in [c for c in row if c.startswith(("issued_on", "cycle_"))]:
            new[column] = row.pop(column)
        if "body_id" in row:
            new["body_id"] = row["body_id"]
        new["source_id"] = _d(source_id, 0, len(text), 1.0, "")
        s = _sentence_of(sentences, issued.span[0])
        new["quote"] = quote_of(text, [(s.start, s.end) if s else issued.span])
        then = {e["event_id"].value for e in events if e.get("event_on") and e["event_on"].value == issued.value}
        for link in links:
            if link["event_id"].value in then and link["certificate_id"] is row["certificate_id"]:
                link["certificate_id"] = new["certificate_id"]
        out.append((new, {"standard_id": new.get("standard_id"), "sentences": [s] if s else []}))
    return out


_TIMELINE_LINE = re.compile(r"(?P<year>(?:19|20)\d{2})[ \t]*[–—-][ \t]+")


def _timeline_certificates(text, certs, stds, dates, events, links, source_id: str) -> list:
    """A timeline's line that names no standard but a certificate valid to a later day than the certificate before it
    ('2020 – kolejna recertyfikacja, certyfikat ważny do grudnia 2023 r.', after '2017 – ... ISO 9001:2015 ... ważnego
    do 14.12.2020 r.') tells the next period's certificate: same family, body and edition (inferred), issued in the
    line's year, valid to the written date, with the line's events."""
    out = []
    for line in tx.lines(text):
        m = _TIMELINE_LINE.match(line.text)
        if not m or any(line.start <= x.start < line.end for x in stds) or not _about_validity(line.text):
            continue
        until = next((d for d in dates if line.start <= d.start < line.end and d.lead == "do" and d.value), None)
        shown = [
            (max(x.start for x in meta["sentences"] if x.start < line.start), row)
            for row, meta in certs
            if any(x.start < line.start for x in meta["sentences"])
        ]
        if until is None or not shown:
            continue
        prev = max(shown, key=lambda x: x[0])[1]
        before = prev.get("valid_until")
        if not before or not before.value or str(before.value) >= until.value or not prev.get("standard_id"):
            continue
        a, b = line.start + m.start("year"), line.start + m.end("year")
        sid = prev["standard_id"].value
        why = f"The line names no standard: the edition of the certificate before it, {sid}."
        new: Row = {
            "certificate_id": _d(
                f"{source_id}-cert-{len(certs) + len(out) + 1}", a, b, 1.0, "Identifier made by the drafter."
            ),
            "office_id": prev["office_id"],
            "family": prev["family"],
            "edition_basis": _d("inferred", a, b, 0.6, why),
            "standard_id": _d(sid, a, b, 0.6, why),
            "edition_reason": _d(why, a, b, 0.6, why),
        }
        if "body_id" in prev:
            new["body_id"] = prev["body_id"]
        year_why = "The year that opens the timeline's line dates the certificate its line tells."
        new["issued_on"] = _d(m.group("year"), a, b, 0.6, year_why)
        new["issued_on_as_written"] = _d(m.group("year"), a, b, 0.9, "")
        new["valid_until"] = _d(
            until.value, until.start, until.end, 0.85, "'do …' in a sentence about the certificate."
        )
        new["valid_until_as_written"] = _d(until.words, until.start, until.end, 0.9, "")
        new["source_id"] = _d(source_id, 0, len(text), 1.0, "")
        new["quote"] = quote_of(text, [(line.start, line.end)])
        told = {e["event_id"].value for e in events if line.start <= e["event_id"].span[0] < line.end}
        for link in links:
            if link["event_id"].value in told:
                link["certificate_id"] = new["certificate_id"]
        out.append((new, {"standard_id": sid, "sentences": [line]}))
    return out


def _issue_year_from_title(text: str, title: tx.Piece | None, certs, mentions: list[ev_mod.Event]) -> None:
    """A heading that dates the certification ('Certyfikacja systemu zarządzania jakością – 2015 r.') dates the grant
    the page tells: the certificate granted there, with no issue date of its own, was issued that year (inferred whole,
    the heading its words), unless the grant's own date says another year."""
    if title is None or len(certs) != 1 or not _lemmas(title.text) & {"certyfikacja", "recertyfikacja", "certyfikat"}:
        return
    years = {d.value[:4] for d in find_dates(title.text) if d.value}
    grants = [e for e in mentions if e.grant and not e.planned and e.kind[0] not in ("lapse", "expiry")]
    if len(years) != 1 or not grants:
        return
    year = years.pop()
    if any(e.date and e.date.value and e.date.value[:4] != year for e in grants):
        return
    cert = certs[0][0]
    if "issued_on" in cert:
        return
    why = f"The heading '{title.text}' dates the certification the page tells: the certificate was issued in {year}."
    cert["issued_on"] = _d(year, title.start, title.end, 0.5, why)
    cert["issued_on_as_written"] = _d(title.text, title.start, title.end, 0.7, "")
    cert["issued_on_inferred_reason"] = _d(why, title.start, title.end, 0.5, why)
    cert["issued_on_inferred_part"] = _d("whole", title.start, title.end, 0.5, why)


# 'Oba certyfikaty są ważne ...', 'Certyfikaty są ważne trzy lata': what it says holds for every certificate
_ALL_OF_THEM = re.compile(r"\b(?:ob(?:a|ydwa|ie)\s+certyfikat\w*|[Cc]ertyfikaty\s+(?:są|były|będą))\b")
_BOTH = re.compile(
    r"\b(?:ob(?:a|u|ie|ydwa|ydwu|ydwóch|ydwie)|wszystki\w+|zintegrowan\w+)\s+(?:\w+\s+)?(?:system\w*|certyfika\w+|norm\w*)",
    re.IGNORECASE,
)


def _chain_quote(text: str, ev) -> Drafted:
    """A renewal year's quote: its sentence from the audit words to the list's end, not the grant or validity."""
    s = ev.sentences[0]
    d = ev.date
    start = min([c.start for c in ev.cues if c.start < d.start] + [d.start])
    clause_start = max(text.rfind(sep, s.start, start) for sep in (",", ";", ":")) + 1
    start = max(s.start, clause_start) if clause_start > s.start else s.start
    tail = re.match(r"[\d\s,i]*(?:oraz\s+\d{4}|\s*r\.|\s*roku)?", text[d.end : s.end])
    end = d.end + len(tail.group(0).rstrip(" ,")) if tail else d.end
    while start < end and text[start].isspace():
        start += 1
    return quote_of(text, [(start, end)])


def _date_fields(row: Row, date: DateExpr, ev) -> None:
    if date.value:
        reason = date.reason
        conf = date.confidence
        own = next((s.text for s in ev.sentences if s.start <= date.start < s.end), "")
        if re.search(r"rapor[tc]\w*", own) and date.precision == "year" and ev.trigger == "audit":
            reason = f"'{date.words}' dates the audit's report; the audit was in that year."
            conf = 0.6
            row["event_on_inferred_reason"] = _d(reason, date.start, date.end, conf, reason)
            row["event_on_inferred_part"] = _d("whole", date.start, date.end, conf, reason)
        elif date.relative:
            row["event_on_inferred_reason"] = _d(reason, date.start, date.end, conf, reason)
            row["event_on_inferred_part"] = _d(date.inferred_part, date.start, date.end, conf, reason)
        elif date.last:
            row["event_on_inferred_reason"] = _d(reason, date.start, date.end, conf, reason)
            row["event_on_not_before"] = _d(date.value, date.start, date.end, conf, reason)
            row["event_on_not_after"] = _d(date.last, date.start, date.end, conf, reason)
        row["event_on"] = _d(date.value, date.start, date.end, conf, reason or "As written.")
    else:
        row["event_on_inferred_reason"] = _d(date.reason, date.start, date.end, 0.5, date.reason)
    row["event_on_as_written"] = _d(date.words, date.start, date.end, 0.9, "")


def _this_year(text, row, ev, certs) -> None:
    """'Tegoroczny certyfikat': the publication's year, or the expiry less the usual three years."""
    spans = this_year_words(text)
    if not spans:
        return
    a, b = spans[0]
    until = next((c["valid_until"] for c, _ in certs if "valid_until" in c), None)
    if until:
        years = next((c["validity_years"].value for c, _ in certs if "validity_years" in c), DEFAULT_VALIDITY_YEARS)
        year = str(int(str(until.value)[:4]) - years)
        why = (
            f"'{text[a:b]}' (this year) is the year of the page, which the text does not state; the certificate "
            f"runs to {until.value} and ISO certificates run {years} years, so that year is {year}."
        )
        row["event_on"] = _d(year, a, b, 0.5, why)
        row["event_on_as_written"] = _d(text[a:b], a, b, 0.8, "")
        row["event_on_inferred_reason"] = _d(why, a, b, 0.5, why)
        row["event_on_inferred_part"] = _d("whole", a, b, 0.5, why)
        for c, _ in certs:
            c.setdefault("issued_on", _d(year, a, b, 0.5, why))
            c.setdefault("issued_on_as_written", _d(text[a:b], a, b, 0.8, ""))
            c.setdefault("issued_on_inferred_reason", _d(why, a, b, 0.5, why))
            c.setdefault("issued_on_inferred_part", _d("whole", a, b, 0.5, why))
        ev.sentences.append(tx.Piece(a, b, text[a:b]))


def _findings(text, sentences, events, mentions, k, source_id, exclude):
    found = fi_mod.bullet_lists(text, k) + fi_mod.prose(sentences) + fi_mod.conformity(sentences)
    found.sort(key=lambda f: f.item[0])
    nonconf = fi_mod.nonconformities(sentences)
    audit_events = [
        (row, ev) for row, ev in zip(events, mentions, strict=True) if ev.trigger == "audit" and not ev.planned
    ]
    suggester = fi_mod.Suggester(k, exclude_source=exclude)
    rows = []
    for row, ev in zip(events, mentions, strict=True):
        mine = [f for f in found if _event_of(f, audit_events, events, mentions) is row]
        partial = any(re.search(r"\bm\.\s?in\.", text[f.lead[0] : f.lead[1]]) for f in mine if f.lead)
        first = ev.sentences[0]
        nc = [n for n in nonconf if _nearest(n.span[0], events, mentions) is row]
        if nc:
            row["nonconformities_count"] = _d(nc[0].count, *nc[0].span, 0.8, nc[0].reason)
            row["nonconformities_as_written"] = _d(text[nc[0].span[0] : nc[0].span[1]], *nc[0].span, 0.8, "")
            # the words must stand in the event's quote (docs/CURATION.md#quotes)
            q = row["quote"]
            row["quote"] = quote_of(text, [*(q.parts or [q.span]), nc[0].span])
        if "findings_status" not in row:
            if mine:
                status = "reported_partial" if partial else "reported"
            elif nc and nc[0].count == 0:
                status = "none_found"
            else:
                status = "not_reported"
            row["findings_status"] = _d(
                status, first.start, first.end, 0.7, "'m.in.' (among others) in the list's lead." if partial else ""
            )
        for f in mine:
            rows.append(_finding_row(text, f, row, len(rows) + 1, suggester, source_id))
    return rows


def _nearest(pos, events, mentions):
    best = None
    for row, ev in zip(events, mentions, strict=True):
        if ev.planned:
            continue
        if ev.sentences[0].start <= pos or best is None:
            best = row
    return best


def _event_of(f, audit_events, events, mentions):
    """The audit a finding belongs to: the one its lead sentence tells, else the nearest audit before it."""
    lead = f.lead or f.item
    for row, ev in audit_events:
        if any(s.start <= lead[0] < s.end for s in ev.sentences):
            return row
    before = [row for row, ev in audit_events if ev.sentences[0].start <= lead[0]]
    if before:
        return before[-1]
    return audit_events[0][0] if audit_events else (events[0] if events else None)


def _finding_row(text, f, event_row, n, suggester, source_id) -> Row:
    a, b = f.item
    parts = [(f.heading[0], f.heading[1]), (a, b)] if f.heading and f.heading[1] <= a else [(a, b)]
    quote = quote_of(text, parts)
    item_text = " ".join(text[a:b].split())
    theme, t_score, t_why = suggester.theme(item_text)
    row: Row = {
        "finding_id": _d(f"{source_id}-{n:02d}", a, b, 1.0, "Identifier made by the drafter."),
        "event_id": event_row["event_id"],
        "kind": _d(f.kind, *(f.lead or f.item), f.confidence, "From the lead of the list or sentence."),
        "voice": _d(f.voice, *(f.lead or f.item), 0.8, f.voice_reason),
    }
    if f.heading_clause:
        clause, words = f.heading_clause
        why = f"The heading '{' '.join(words.split())}' gives clause {clause}."
        row["clause_standard_id"] = _d("iso9001-2015", *f.heading, 0.9, why)
        row["clause"] = _d(clause, *f.heading, 0.9, why)
        row["clause_basis"] = _d("heading", *f.heading, 0.9, why)
        row["clause_note"] = _d(why, *f.heading, 0.9, why)
    else:
        clause, c_score, c_why = suggester.clause(item_text, theme)
        if clause:
            conf = round(min(0.6, 0.2 + c_score), 2)
            row["clause_standard_id"] = _d("iso9001-2015", a, b, conf, c_why)
            row["clause"] = _d(clause, a, b, conf, c_why)
            row["clause_basis"] = _d("curator", a, b, conf, c_why)
            row["clause_note"] = _d(f"Suggested by the drafter: {c_why}", a, b, conf, c_why)
    row["theme_id"] = _d(theme, a, b, round(min(0.6, 0.2 + t_score), 2), t_why)
    row["text_pl"] = _d(item_text[:200], a, b, 0.3, "The item's own words: shorten to one sentence.")
    row["text_en"] = _d("", a, b, 0.0, "To be written by the curator.")
    row["source_id"] = _d(source_id, 0, len(text), 1.0)
    row["quote"] = quote
    return row
