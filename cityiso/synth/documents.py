"""One generated Polish document per story, and the curated rows that quote it verbatim."""

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass

from cityiso.synth import words as w
from cityiso.synth.history import DAY, Cert, Event, Story
from cityiso.synth.places import Office
from cityiso.synth.reference import FAMILY_FORMS, SCOPES, SYSTEMS

GAP = " [...] "
AUDITS = ("initial", "recertification", "surveillance", "unspecified", "transition")
Add = Callable[[str, dict], None]


@dataclass
class When:
    """A date as a document writes it, with the curated date group it becomes."""

    words: str
    value: str = ""
    reason: str = ""
    part: str = ""
    not_before: str = ""
    not_after: str = ""
    plain: bool = True  # written in full (a further source may repeat the same words)

    def columns(self, prefix: str, with_bounds: bool = True) -> dict:
        out = {
            prefix: self.value,
            f"{prefix}_as_written": self.words if self.value or self.not_before else "",
            f"{prefix}_inferred_reason": self.reason,
            f"{prefix}_inferred_part": self.part if self.value else "",
        }
        if with_bounds:
            out |= {f"{prefix}_not_before": self.not_before, f"{prefix}_not_after": self.not_after}
        return out


class Doc:
    """The paragraphs of one document; sentences are added in order, so quotes join them in document order."""

    def __init__(self) -> None:
        self.paragraphs: list[str] = []

    def add(self, *sentences: str) -> tuple[str, ...]:
        self.paragraphs.append(" ".join(s for s in sentences if s))
        return sentences

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs) + "\n"


def quote(*passages: str) -> str:
    return GAP.join(p for p in passages if p)


class Renderer:
    """Writes the documents and rows of one office's stories through `add(table, row)` and `write(file, text)`."""

    def __init__(self, rng: random.Random, chance, add: Add, write, horizon: dt.date) -> None:
        self.rng, self.chance, self.add, self.write, self.horizon = rng, chance, add, write, horizon

    # -- dates ------------------------------------------------------------------------------------------------
    def when(self, d: dt.date, pub: dt.date | None, bounded_ok: bool = True) -> When:
        r = self.rng.random()
        if pub and d.year == pub.year and d < pub and self.chance("date_this_year", 0.05):
            reason = f"'br.' (this year) in a text dated {pub.isoformat()}."
            return When(w.this_year_words(d), d.isoformat(), reason, "year", plain=False)
        last = pub.replace(day=1) - DAY if pub else None
        if last and (d.year, d.month) == (last.year, last.month) and self.chance("date_last_month", 0.05):
            reason = f"'w ubiegłym miesiącu' (last month) in a text dated {pub.isoformat()}."
            return When("w ubiegłym miesiącu", d.strftime("%Y-%m"), reason, "whole", plain=False)
        if pub is None and bounded_ok and self.chance("date_without_year", 0.04):
            reason = (
                f"The text gives the day and month without a year; the certificate cycle it reports places it in "
                f"{d.year} or {d.year + 1}."
            )
            words = f"w dniu {d.day} {w.MONTHS_GEN[d.month - 1]}"
            return When(words, "", reason, "", str(d.year), str(d.year + 1), plain=False)
        if r < 0.4:
            return When(w.day_words(d), d.isoformat())
        if r < 0.55:
            return When(w.dotted(d), d.isoformat())
        if r < 0.85:
            return When(w.month_words(d), d.strftime("%Y-%m"))
        return When(w.year_words(d), str(d.year))

    def planned_when(self, d: dt.date, pub: dt.date | None) -> When:
        r = self.rng.random()
        if pub and d.year == pub.year and self.chance("planned_this_year", 0.2):
            return When(w.this_year_words(d), d.isoformat(), f"'br.' (this year) in a text dated {pub}.", "year")
        if r < 0.5:
            return When(w.day_words(d), d.isoformat())
        return When(f"{w.MONTHS_NOM[d.month - 1]} {d.year} r.", d.strftime("%Y-%m"))

    # -- one office -------------------------------------------------------------------------------------------
    def office(self, office: Office, stories: list[Story]) -> None:
        self.o = office
        self.n_source = self.n_event = 0
        self.written: dict[Cert, str] = {}  # the standard as the certificate's document writes it
        self.unknown: set[Cert] = set()  # certificates of unknown edition (membership only, never iterated)
        self.event_ids: dict[int, str] = {}
        for i, story in enumerate(stories):
            self.story(story, first=i == 0)

    def _next_source(self) -> str:
        self.n_source += 1
        return f"{self.o.office_id}-s{self.n_source:03d}"

    def _event_id(self, event: Event) -> str:
        if id(event) not in self.event_ids:
            self.n_event += 1
            self.event_ids[id(event)] = f"{self.o.office_id}-e{self.n_event:03d}"
        return self.event_ids[id(event)]

    def story(self, story: Story, first: bool) -> None:
        rng, o = self.rng, self.o
        main = story.main
        last = story.last_date
        pub = min(self.horizon, last + DAY * rng.randint(1, 14))
        publisher = "office"
        if not first and main.kind in AUDITS:
            if self.chance("press_document", 0.07):
                publisher = "press"
            elif main.body and self.chance("body_document", 0.06):
                publisher = "certification_body"
        address_date = (
            publisher == "office" and not first and main.kind == "surveillance" and self.chance("address_date", 0.01)
        )
        if address_date:
            pub = last  # 'Dziś' (today): the page appeared on the day of the audit
        dated = not address_date and rng.random() < 0.85
        source_id = self._next_source()
        doc = Doc()
        url = ""
        if publisher == "office":
            header, publisher_name = f"{o.name} – Aktualności", o.name
            if address_date or rng.random() < 0.4:
                url = f"https://www.{o.place.slug}.example/aktualnosci/{pub.year}/{pub.month:02d}/{source_id}"
        elif publisher == "press":
            publisher_name = f"Głos {o.place.gen}"
            header = f"{publisher_name} | Wiadomości z regionu"
            if rng.random() < 0.5:
                url = f"https://glos-{o.place.slug}.example/{pub.year}/{pub.month:02d}/{source_id}"
        else:
            publisher_name = main.body.name
            header = f"{main.body.name} – Aktualności"
        title = self._title(main)
        doc.add(header)
        doc.add(title)
        source = dict(
            source_id=source_id,
            kind="document",
            file=f"{source_id}.txt",
            url=url,
            title=title,
            publisher=publisher_name,
            publisher_type=publisher,
            office_id=o.office_id,
            language="pl",
            is_truncated="false",
        )
        doc_date = pub if dated else None
        if dated:
            written = w.day_words(pub) if rng.random() < 0.7 else w.dotted(pub).removesuffix(" r.")
            doc.add(f"{o.place.nom}, {written}" if rng.random() < 0.6 else f"Opublikowano: {written}")
            source |= dict(published_on=pub.isoformat(), published_on_as_written=written)
        elif address_date:
            source |= dict(published_on=pub.strftime("%Y-%m"), published_on_as_written=f"{pub.year}/{pub.month:02d}")
        else:
            source |= dict(
                published_on_not_before=last.isoformat(),
                published_on_inferred_reason=(
                    f"The text is not dated; it reports events of {last.isoformat()} in the past tense, "
                    "so it appeared on or after that day."
                ),
            )
        if first:
            self.add(
                "offices",
                dict(
                    office_id=o.office_id,
                    teryt=o.teryt,
                    office_kind=o.kind,
                    place=o.place.nom,
                    office_name=o.name,
                    voivodeship=o.voivodeship,
                    latitude=f"{o.latitude:.2f}",
                    longitude=f"{o.longitude:.2f}",
                    geo_source_id="ref-territorial-division",
                    place_population="" if o.population is None else str(o.population),
                    place_geonameid="" if o.geonameid is None else str(o.geonameid),
                    population_source_id="" if o.population is None else "ref-synthetic-populations",
                    source_id=source_id,
                    quote=o.name,
                    note="" if o.teryt else "Voivodeship-level office: no 4- or 7-digit TERC code applies.",
                ),
            )
        ctx = Ctx(source_id, doc, doc_date, publisher, url if address_date else "")
        self._event(ctx, main, story, main_event=True)
        for event in story.also:
            self._event(ctx, event, story, main_event=False)
        doc.add(
            "Celem systemu jest zapewnienie wysokiej jakości usług świadczonych na rzecz mieszkańców "
            "oraz ciągłe doskonalenie pracy urzędu."
        )
        if self.chance("truncated", 0.03):
            doc.add("Więcej informacji o systemie zarządzania w urzędzie można znaleźć w zakładce")
            source |= dict(is_truncated="true", note="The captured text stops mid-sentence.")
        else:
            doc.add(rng.choice(["Udostępnij na Facebooku", "Drukuj | Powrót", "Wróć do listy aktualności"]))
        if rng.random() < 0.5:
            source["retrieved_on"] = (self.horizon + DAY * rng.randint(1, 90)).isoformat()
        self.add("sources", source)
        self.write(source["file"], doc.text)
        if ctx.second_source:
            self._second_source(*ctx.second_source, pub)

    def _title(self, e: Event) -> str:
        titles = {
            "initial": f"{self.o.name} z certyfikatem ISO",
            "recertification": "Recertyfikacja systemu zarządzania w urzędzie",
            "surveillance": "Audyt nadzoru w urzędzie",
            "unspecified": "Audyt systemu zarządzania",
            "transition": "Przejście na nowe wydanie normy",
            "handover": "Wręczenie certyfikatu",
            "lapse": "Certyfikat nie został odnowiony",
            "expiry": "Wygaśnięcie certyfikatu",
            "suspension": "Zawieszenie certyfikatu",
            "withdrawal": "Cofnięcie certyfikatu",
        }
        return titles.get(e.kind, "Aktualności")

    # -- events -----------------------------------------------------------------------------------------------
    def _event(self, ctx: "Ctx", e: Event, story: Story, main_event: bool) -> None:
        o, rng = self.o, self.rng
        event_id = self._event_id(e)
        row = dict(
            event_id=event_id,
            office_id=o.office_id,
            kind=e.kind,
            is_planned="true" if e.planned else "false",
            outcome=e.outcome or "",
            source_id=ctx.source_id,
            findings_status="not_reported",
        )
        passages: list[str] = []
        named_body = False
        std = self._std(e.certs[0]) if e.certs else ""
        if e.planned:
            when = self.planned_when(e.date, ctx.pub)
            if e.kind == "surveillance" and e.ordinal and self.chance("planned_ordinal", 0.6):
                ordinal = f"{w.ROMAN[e.ordinal]} audyt nadzoru"
                row |= dict(surveillance_ordinal=e.ordinal, surveillance_ordinal_as_written=ordinal)
                sentence = f"{ordinal} zaplanowano na {when.words}"
            elif e.kind == "surveillance":
                sentence = f"Kolejny audyt nadzoru zaplanowano na {when.words}"
            else:
                sentence = f"Audyt recertyfikujący zaplanowano na {when.words}"
            passages += ctx.doc.add(sentence + ".")
            row |= when.columns("event_on") | dict(findings_status="not_applicable", outcome="")
        elif ctx.address_url and main_event:
            sentence = f"Dziś {o.name_loc} zakończył się audyt nadzoru."
            month = f"{e.date.year}/{e.date.month:02d}"
            when = When(
                month,
                e.date.strftime("%Y-%m"),
                f"'Dziś' (today) in a page dated only by the month in its address ({month}).",
                "whole",
            )
            passages += [ctx.address_url, *ctx.doc.add(sentence)]
            row |= when.columns("event_on")
        elif e.kind == "lapse":
            end = story.lapse_end
            when = When("", plain=False)
            row |= dict(
                event_on_inferred_reason=(
                    f"The certificate ran to {end.isoformat()}; the text reports it was not renewed, so the "
                    "certification lapsed after that day and before the text."
                ),
                event_on_not_before=(end + DAY).isoformat(),
                event_on_not_after=(ctx.pub or self.horizon).isoformat(),
            )
            passages += ctx.doc.add(self._sentence(e, "", std)[0])
        elif e.kind == "expiry":
            when = When(w.day_words(e.date - DAY), (e.date - DAY).isoformat(), plain=False)
            row |= when.columns("event_on")
            passages += ctx.doc.add(self._sentence(e, when.words, std)[0])
        else:
            when = self.when(e.date, ctx.pub)
            row |= when.columns("event_on")
            sentence, named_body = self._sentence(e, when.words, std)
            passages += ctx.doc.add(sentence)
            if e.kind == "surveillance" and self._ordinal[1]:
                row |= dict(surveillance_ordinal=self._ordinal[1], surveillance_ordinal_as_written=self._ordinal[0])
        if main_event and e.kind in ("initial", "recertification", "surveillance") and self.chance("units", 0.12):
            n = rng.randint(5, 20)
            counted = f"Audyt objął {n} komórek organizacyjnych."
            named = rng.sample(w.UNITS, rng.randint(2, 4))
            as_nom = rng.random() < 0.5
            listed = [u[0] if as_nom else u[1] for u in named]
            joined = ", ".join(listed[:-1]) + " i " + listed[-1]
            names = f"Audytorzy odwiedzili m.in.: {joined}." if as_nom else f"Audyt przeprowadzono m.in. w {joined}."
            ctx.doc.add(counted, names)
            passages.append(counted)
            row["units_audited"] = n
            for (nom, _loc), as_written in zip(named, listed, strict=True):
                self.add(
                    "audited_units",
                    dict(
                        event_id=event_id,
                        unit_name=nom,
                        unit_name_as_written=as_written,
                        source_id=ctx.source_id,
                        quote=names,
                    ),
                )
        if main_event and e.kind in ("initial", "recertification") and e.outcome == "pending":
            passages += ctx.doc.add(f"Decyzja komitetu certyfikującego {e.body.gen} jeszcze nie zapadła.")
            named_body = True
        if main_event and story.opens:
            self._certificates(ctx, story.opens, e)
        if main_event and e.kind in AUDITS:
            passages += self._findings(ctx, e, event_id, row)
        if named_body:
            row["body_id"] = e.body.body_id
        row["quote"] = quote(*passages)
        self.add("events", row)
        for cert in e.certs:
            self.add("event_certificates", dict(event_id=event_id, certificate_id=cert.cert_id))
        reported = row["findings_status"] in ("reported", "reported_partial")
        held_audit = main_event and e.kind in ("initial", "recertification", "surveillance") and not e.planned
        if held_audit and when.plain and reported and e.body and self.chance("second_source", 0.04):
            ctx.second_source = (e, event_id, when)

    def _std(self, cert: Cert) -> str:
        return self.written.get(cert) or cert.edition.forms[0]

    def _sentence(self, e: Event, when: str, std: str) -> tuple[str, bool]:
        """The sentence telling an event; whether it names the body."""
        o, rng = self.o, self.rng
        b = e.body
        if e.kind in ("initial", "recertification"):
            what = "certyfikujący" if e.kind == "initial" else "recertyfikujący"
            return f"Audyt {what} {o.name_loc} przeprowadzili {when} audytorzy {b.gen}.", True
        if e.kind == "surveillance":
            r = rng.random()
            if e.ordinal and r < 0.4:
                self._ordinal = (f"{w.ROMAN[e.ordinal]} audyt nadzoru", e.ordinal)
            elif e.ordinal and r < 0.7:
                self._ordinal = (f"{w.ORDINAL_ADJ[e.ordinal]} audyt nadzoru", e.ordinal)
            else:
                self._ordinal = ("Audyt nadzoru", None)
            ordinal = self._ordinal[0]
            return f"{ordinal} {o.name_loc} przeprowadzili {when} audytorzy {b.gen}.", True
        if e.kind == "unspecified" and e.certs:
            return f"Audyt systemu {SYSTEMS[e.certs[0].family]} {o.name_loc} odbył się {when}.", False
        if e.kind == "transition":
            return f"Przejście na normę {std} potwierdzili {when} audytorzy {b.gen}.", True
        if e.kind == "handover":
            what = "certyfikatów" if len(e.certs) > 1 else "certyfikatu"
            return f"Uroczyste wręczenie {what} odbyło się {when}; przekazał je przedstawiciel {b.gen}.", True
        if e.kind == "council_presentation":
            return f"Wyniki auditu przedstawiono radnym na sesji rady {when}.", False
        if e.kind == "suspension":
            return f"Certyfikat {std} urzędu został zawieszony {when} decyzją {b.gen}.", True
        if e.kind == "withdrawal":
            return f"Certyfikat {std} urzędu został cofnięty {when} decyzją {b.gen}.", True
        if e.kind == "lapse":
            return f"Certyfikat {std} nie został odnowiony po wygaśnięciu.", False
        if e.kind == "expiry":
            return (
                f"Certyfikat {std} wygasł z dniem {w.day_words(e.date - DAY)}, "
                "a urząd nie przystąpił do recertyfikacji.",
                False,
            )
        return f"Audyt systemu zarządzania {o.name_loc} odbył się {when}.", False

    # -- certificates -----------------------------------------------------------------------------------------
    def _certificates(self, ctx: "Ctx", certs: list[Cert], e: Event) -> None:
        rng, o = self.rng, self.o
        for cert in certs:
            family_forms = FAMILY_FORMS[cert.family]
            basis, reason = "stated", ""
            if e.kind != "transition" and self.chance("unknown_edition", 0.05):
                std, basis = rng.choice(family_forms), "unknown"
                reason = "The text writes '{std}' without an edition and gives nothing that decides it."
            elif e.kind != "transition" and rng.random() < 0.3:
                std, basis = rng.choice(family_forms), "inferred"
                reason = (
                    f"The text writes '{{std}}' without an edition; it was issued in {cert.start.year}, when "
                    f"{cert.edition.title} was the edition certified to."
                )
            else:
                std = rng.choice(cert.edition.forms)
            reason = reason.replace("{std}", std)
            self.written[cert] = std
            if basis == "unknown":
                self.unknown.add(cert)
            sentences = []
            issue = None
            if basis != "inferred" and e.kind != "transition" and self.chance("bounded_issue", 0.03):
                y = cert.start.year - rng.randint(0, 1)
                words = f"w {y} lub {y + 1} roku"
                issue = When(words, "", f"The text says {y} or {y + 1}.", "", str(y), str(y + 1))
                sentences.append(f"Certyfikat zgodności z normą {std} urząd uzyskał {words}.")
            elif ctx.pub and ctx.pub.year == cert.start.year and self.chance("issue_this_year", 0.03):
                reason_y = f"'Tegoroczny' (this year's) in a text dated {ctx.pub.isoformat()}."
                issue = When("Tegoroczny", str(cert.start.year), reason_y, "whole")
                sentences.append(f"Tegoroczny certyfikat zgodności z normą {std} potwierdza skuteczność systemu.")
            else:
                issue = self.when(cert.start, ctx.pub, bounded_ok=False)
                prefix = "Nowy certyfikat" if e.kind == "transition" else "Certyfikat zgodności z normą"
                sentences.append(f"{prefix} {std} wydano {issue.words}.")
            valid = When("")
            validity = {}
            if cert.replaced_by is None:
                r = rng.random()
                if r < 0.55:
                    valid = When(f"do {w.dotted(cert.end)}", cert.end.isoformat())
                elif r < 0.7:
                    words = f"do {w.MONTHS_GEN[cert.end.month - 1]} {cert.end.year} roku"
                    valid = When(words, cert.end.strftime("%Y-%m"))
                if valid.words:
                    sentences.append(f"Certyfikat {std} jest ważny {valid.words}.")
                elif rng.random() < 0.5:
                    words = "na kolejne 3 lata" if cert.cycle > 1 else "na okres 3 lat"
                    sentences.append(f"Certyfikat {std} wydano {words}.")
                    validity = dict(validity_years=3, validity_as_written=words)
            else:
                # Its end comes from the later document of the transition (further evidence).
                end = cert.end
                valid = When(w.dotted(end), end.isoformat())
            scope = ""
            if rng.random() < 0.4:
                scope = rng.choice(SCOPES[cert.family])
                sentences.append(f"Certyfikat {std} obejmuje {scope}.")
            cycle = {}
            if cert.counted and cert.cycle <= 12 and e.kind != "transition" and self.chance("cycle_words", 0.25):
                words = w.cycle_words(cert.cycle)
                sentences.append(f"Urząd uzyskał certyfikat {std} {words}.")
                cycle = dict(cycle_number=cert.cycle, cycle_as_written=words)
            iqnet = ""
            if cert.family == "ISO 9001" and self.chance("iqnet", 0.1):
                sentences.append(f"Wraz z certyfikatem {std} urząd otrzymał certyfikat IQNet.")
                iqnet = "true"
            sites = []
            if cert.family == "ISO 9001" and o.kind in ("city_hall", "municipal_office") and self.chance("sites", 0.06):
                for nom, acc in rng.sample(w.SITES, 2):
                    n = rng.randint(1, 9)
                    sites.append((f"{nom} w {o.place.loc}".format(n=n), f"{acc} w {o.place.loc}".format(n=n)))
                sentence = f"Certyfikat {std} obejmuje także {sites[0][1]} oraz {sites[1][1]}."
                sentences.append(sentence)
            ctx.doc.add(*sentences)
            self.add(
                "certificates",
                dict(
                    certificate_id=cert.cert_id,
                    office_id=o.office_id,
                    registration_id=cert.registration_id,
                    family=cert.family,
                    standard_as_written=std,
                    edition_basis=basis,
                    standard_id="" if basis == "unknown" else cert.edition.standard_id,
                    edition_reason=reason,
                    body_id=cert.body.body_id,
                    scope=scope,
                    iqnet=iqnet,
                    source_id=ctx.source_id,
                    quote=quote(*sentences),
                    note="The expiry is written in the later document of the transition." if cert.replaced_by else "",
                )
                | issue.columns("issued_on")
                | valid.columns("valid_until")
                | validity
                | cycle,
            )
            for site, as_written in sites:
                self.add(
                    "certificate_sites",
                    dict(
                        certificate_id=cert.cert_id,
                        site_name=site,
                        site_name_as_written=as_written,
                        source_id=ctx.source_id,
                        quote=sentences[-1],
                    ),
                )
            if e.kind == "transition":
                old = next((c for c in self.written if c.replaced_by is cert), None)
                if old is not None:
                    sentence = f"Dotychczasowy certyfikat {self.written[old]} obowiązywał do {w.dotted(old.end)}"
                    ctx.doc.add(sentence + ".")
                    self.add(
                        "further_evidence",
                        dict(
                            evidence_id=f"{old.cert_id}-expiry",
                            record_table="certificates",
                            record_id=old.cert_id,
                            fields="valid_until valid_until_as_written",
                            source_id=ctx.source_id,
                            quote=sentence,
                            note="The transition's document gives the end of the certificate it replaced.",
                        ),
                    )

    # -- findings ---------------------------------------------------------------------------------------------
    def _findings(self, ctx: "Ctx", e: Event, event_id: str, row: dict) -> list[str]:
        """Write the event's findings; return the passages the event's own quote needs (nonconformities)."""
        rng = self.rng
        r = rng.random()
        if (e.kind == "transition" and r < 0.7) or r < 0.08:
            return []
        if r < 0.13:
            sentence = "Audyt nie wykazał niezgodności ani uwag."
            ctx.doc.add(sentence)
            row |= dict(findings_status="none_found", nonconformities_count=0, nonconformities_as_written=sentence)
            return [sentence]
        partial = rng.random() < 0.25
        row["findings_status"] = "reported_partial" if partial else "reported"
        clause_edition = self._clause_edition(e)
        found: list[tuple[w.Item, str, str, str, str]] = []  # item, voice, quote, clause, basis
        praise = rng.sample(w.PRAISE, rng.randint(2, 18))
        by_heading = clause_edition == "iso9001-2015" and self.chance("heading_clauses", 0.25)
        intro = "Audytorzy docenili m.in.:" if partial else "W raporcie z auditu wskazano mocne strony:"
        ctx.doc.add(intro)
        if by_heading:
            praise.sort(key=lambda i: i.clause)
        heading = None
        for k, item in enumerate(praise):
            text = item.text + (f" w {rng.choice(w.UNITS)[1]}" if rng.random() < 0.25 else "")
            line = f"- {text}{'.' if k == len(praise) - 1 else ','}"
            if by_heading and item.clause != heading:
                heading = item.clause
                ctx.doc.add(w.HEADINGS_2015[heading])
                found.append((item, "auditor", quote(w.HEADINGS_2015[heading], text), str(heading), "heading"))
            elif by_heading:
                found.append((item, "auditor", quote(w.HEADINGS_2015[heading], text), str(heading), "heading"))
            else:
                found.append((item, "auditor", text, "", "curator"))
            ctx.doc.add(line)
        passages = []
        r2 = rng.random()
        if r2 < 0.45:
            sentence = rng.choice(w.NO_NONCONFORMITIES)
            ctx.doc.add(sentence)
            row |= dict(nonconformities_count=0, nonconformities_as_written=sentence)
            passages.append(sentence)
        elif r2 < 0.65:
            n = rng.randint(1, 4)
            sentence = "Stwierdzono jedną niezgodność" if n == 1 else f"Stwierdzono {n} niezgodności"
            ctx.doc.add(sentence + ":")
            row |= dict(nonconformities_count=n, nonconformities_as_written=sentence)
            passages.append(sentence)
            for k, item in enumerate(rng.sample(w.NONCONFORMITIES, n)):
                ctx.doc.add(f"- {item.text}{'.' if k == n - 1 else ','}")
                found.append((item, "auditor", item.text, "", "curator"))
        for kind_intro, catalogue, p in (
            ("Audytorzy zalecili:", w.RECOMMENDATIONS, 0.3),
            ("Sformułowano spostrzeżenia:", w.OBSERVATIONS, 0.15),
        ):
            if rng.random() < p:
                ctx.doc.add(kind_intro)
                items = rng.sample(catalogue, rng.randint(1, 2))
                for k, item in enumerate(items):
                    ctx.doc.add(f"- {item.text}{'.' if k == len(items) - 1 else ','}")
                    found.append((item, "auditor", item.text, "", "curator"))
        if rng.random() < 0.2:
            ctx.doc.add(w.CONFORMITY.text)
            found.append((w.CONFORMITY, "auditor", w.CONFORMITY.text, "", ""))
        if ctx.publisher == "office" and self.chance("office_voice", 0.2):
            item = rng.choice(w.OFFICE_VOICE)
            sentence = f"Jak podkreśla {self.o.head}, {item.text}."
            ctx.doc.add(sentence)
            found.append((item, "office", sentence, "", ""))
        if ctx.publisher == "press" and rng.random() < 0.8:
            item = rng.choice(w.PRESS_VOICE)
            sentence = f"Naszym zdaniem {item.text}."
            ctx.doc.add(sentence)
            found.append((item, "press", sentence, "", ""))
        if ctx.publisher == "certification_body" and rng.random() < 0.8:
            item = rng.choice(w.BODY_VOICE)
            sentence = f"{e.body.nom} podkreśla, że {item.text}."
            ctx.doc.add(sentence)
            found.append((item, "certification_body", sentence, "", ""))
        for k, (item, voice, text, clause, basis) in enumerate(found[:20], start=1):
            finding_id = f"{event_id}-f{k:02d}"
            self._finding(ctx.source_id, finding_id, event_id, item, voice, text, clause, basis, clause_edition)
        return passages

    def _clause_edition(self, e: Event) -> str:
        """The ISO 9001 edition whose numbering the event's findings are coded in; empty for other families."""
        for cert in e.certs:
            if cert.family == "ISO 9001":
                # A certificate of unknown edition: coded in the 2015 numbering the charts use.
                return "iso9001-2015" if cert in self.unknown else cert.edition.standard_id
        return ""

    def _finding(self, source_id, finding_id, event_id, item, voice, text, clause, basis, edition) -> None:
        row = dict(
            finding_id=finding_id,
            event_id=event_id,
            kind=item.kind,
            voice=voice,
            theme_id=item.theme_id,
            text_pl=item.text_pl,
            text_en=item.text_en,
            source_id=source_id,
            quote=text,
        )
        if voice == "auditor" and item.clause and edition:
            if basis == "heading":
                row |= dict(clause_standard_id=edition, clause=clause, clause_basis="heading")
            else:
                coded = str(item.clause) if edition == "iso9001-2015" else w.CLAUSE_2008[item.clause]
                row |= dict(
                    clause_standard_id=edition,
                    clause=coded,
                    clause_basis="curator",
                    clause_note=f"Clause {coded}: the item concerns {item.text_en.lower()}.",
                )
        self.add("findings", row)

    # -- a second source --------------------------------------------------------------------------------------
    def _second_source(self, e: Event, event_id: str, when: When, pub: dt.date) -> None:
        """The body's own news about an audit: a further quote for its date and the body's own remark."""
        rng, o = self.rng, self.o
        source_id = self._next_source()
        doc = Doc()
        doc.add(f"{e.body.name} – Aktualności")
        title = f"Audyt {o.name_loc}"
        doc.add(title)
        sentence = f"Nasi audytorzy przeprowadzili {when.words} audyt {o.name_loc}."
        item = rng.choice(w.BODY_VOICE)
        remark = f"{e.body.nom} podkreśla, że {item.text}."
        doc.add(sentence, remark)
        truncated = rng.random() < 0.3
        if truncated:
            doc.add("Zapraszamy inne samorządy do")
        self.add(
            "sources",
            dict(
                source_id=source_id,
                kind="document",
                file=f"{source_id}.txt",
                url=f"https://{e.body.body_id}.example/aktualnosci/{source_id}",
                title=title,
                publisher=e.body.name,
                publisher_type="certification_body",
                office_id=o.office_id,
                published_on_not_before=e.date.isoformat(),
                published_on_inferred_reason="The news reports the audit in the past tense, so it appeared after it.",
                language="pl",
                is_truncated="true" if truncated else "false",
            ),
        )
        self.write(f"{source_id}.txt", doc.text)
        self.add(
            "further_evidence",
            dict(
                evidence_id=f"{event_id}-body",
                record_table="events",
                record_id=event_id,
                fields="event_on",
                source_id=source_id,
                quote=sentence,
            ),
        )
        self._finding(source_id, f"{event_id}-b01", event_id, item, "certification_body", remark, "", "", "")


@dataclass
class Ctx:
    source_id: str
    doc: Doc
    pub: dt.date | None
    publisher: str
    address_url: str
    second_source: tuple | None = None
