"""A small, valid data package written from Python rows: one office with two certificates (ISO 9001 and
ISO 37120) handed over on one day, a surveillance audit told by two sources, praise and "no nonconformities"."""

import copy
import csv
import shutil
from collections.abc import Callable
from pathlib import Path

from cityiso.data.descriptor import DESCRIPTOR, package
from cityiso.paths import DATA_DIR

DOCUMENTS = {
    "portal.txt": (
        "Aktualności\nUrząd Miasta Testowo otrzymał certyfikaty ISO 9001:2015 oraz PN-EN ISO 37120 "
        "w dniu 20 września 2016 r. z rąk prezesa Polskiej Jednostki Testowej. Certyfikat ISO 9001:2015 "
        "jest ważny do 19.09.2019 r. i obejmuje także Szkołę Podstawową nr 1 w Testowie.\n"
        "II audyt nadzoru odbył się w październiku 2018 r. Audytorzy docenili:\n"
        "- zaangażowanie kierownictwa w doskonalenie usług,\n"
        "- nowoczesne e-usługi dla mieszkańców.\n"
        "Nie stwierdzono niezgodności.\nUdostępnij na Facebooku"
    ),
    "body_news.txt": (
        "Polska Jednostka Testowa przeprowadziła w październiku 2018 r. audit w Urzędzie Miasta Testowo. "
        "Urząd jest wzorem dla innych samorządów."
    ),
}

ROWS: dict[str, list[dict]] = {
    "sources": [
        dict(
            source_id="portal",
            kind="document",
            file="portal.txt",
            url="https://testowo.example/2018/10/iso",
            title="ISO w urzędzie",
            publisher="Urząd Miasta Testowo",
            publisher_type="office",
            office_id="testowo",
            language="pl",
            is_truncated="false",
        ),
        dict(
            source_id="body-news",
            kind="document",
            file="body_news.txt",
            title="Audit w Testowie",
            publisher="Polska Jednostka Testowa",
            publisher_type="certification_body",
            office_id="testowo",
            language="pl",
            is_truncated="true",
        ),
        dict(source_id="ref", kind="reference", title="Reference", citation="Curator's knowledge."),
    ],
    "offices": [
        dict(
            office_id="testowo",
            teryt="1234011",
            office_kind="city_hall",
            place="Testowo",
            office_name="Urząd Miasta Testowo",
            voivodeship="mazowieckie",
            latitude="52.1",
            longitude="21.0",
            geo_source_id="ref",
            source_id="portal",
            quote="Urząd Miasta Testowo",
        ),
    ],
    "certification_bodies": [
        dict(body_id="pjt", name="Polska Jednostka Testowa Sp. z o.o.", short_name="PJT", source_id="ref"),
    ],
    "body_aliases": [
        dict(body_id="pjt", alias="Polska Jednostka Testowa"),
        dict(body_id="pjt", alias="Polskiej Jednostki Testowej"),
    ],
    "standards": [
        dict(
            standard_id="iso9001-2015",
            family="ISO 9001",
            edition="2015",
            title="ISO 9001:2015",
            published_on="2015-09",
            source_id="ref",
        ),
        dict(
            standard_id="iso9001-2000",
            family="ISO 9001",
            edition="2000",
            title="ISO 9001:2000",
            published_on="2000-12",
            transition_ends_on="2010-11-15",
            source_id="ref",
        ),
        dict(
            standard_id="iso37120-2014",
            family="ISO 37120",
            edition="2014",
            title="ISO 37120:2014",
            published_on="2014-05",
            source_id="ref",
        ),
    ],
    "standard_forms": [
        dict(form="ISO 9001:2015", family="ISO 9001", standard_id="iso9001-2015"),
        dict(form="PN-EN ISO 37120", family="ISO 37120"),
    ],
    "clauses": [
        dict(
            standard_id="iso9001-2015",
            clause="5",
            heading_2015="5",
            label_pl="Przywództwo",
            label_en="Leadership",
            source_id="ref",
        ),
        dict(
            standard_id="iso9001-2015",
            clause="7",
            heading_2015="7",
            label_pl="Wsparcie",
            label_en="Support",
            source_id="ref",
        ),
        dict(
            standard_id="iso9001-2000",
            clause="7.5",
            heading_2015="8",
            label_pl="Produkcja i dostarczanie usługi",
            label_en="Production and service provision",
            source_id="ref",
        ),
    ],
    "themes": [
        dict(
            theme_id="leadership",
            label_pl="Zaangażowanie kierownictwa",
            label_en="Leadership commitment",
            definition_pl="d",
            definition_en="d",
        ),
        dict(theme_id="it", label_pl="Informatyzacja", label_en="IT", definition_pl="d", definition_en="d"),
    ],
    "certificates": [
        dict(
            certificate_id="tst-9001",
            office_id="testowo",
            family="ISO 9001",
            standard_as_written="ISO 9001:2015",
            edition_basis="stated",
            standard_id="iso9001-2015",
            body_id="pjt",
            issued_on="2016-09-20",
            issued_on_as_written="w dniu 20 września 2016 r.",
            valid_until="2019-09-19",
            valid_until_as_written="do 19.09.2019 r.",
            source_id="portal",
            quote="certyfikaty ISO 9001:2015 oraz PN-EN ISO 37120 w dniu 20 września 2016 r. z rąk prezesa "
            "Polskiej Jednostki Testowej. [...] jest ważny do 19.09.2019 r.",
        ),
        dict(
            certificate_id="tst-37120",
            office_id="testowo",
            family="ISO 37120",
            standard_as_written="PN-EN ISO 37120",
            edition_basis="unknown",
            edition_reason="The text names no edition of ISO 37120.",
            body_id="pjt",
            issued_on="2016-09-20",
            issued_on_as_written="w dniu 20 września 2016 r.",
            source_id="portal",
            quote="certyfikaty ISO 9001:2015 oraz PN-EN ISO 37120 w dniu 20 września 2016 r. z rąk prezesa "
            "Polskiej Jednostki Testowej.",
        ),
    ],
    "certificate_sites": [
        dict(
            certificate_id="tst-9001",
            site_name="Szkoła Podstawowa nr 1 w Testowie",
            site_name_as_written="Szkołę Podstawową nr 1 w Testowie",
            source_id="portal",
            quote="obejmuje także Szkołę Podstawową nr 1 w Testowie",
        ),
    ],
    "events": [
        dict(
            event_id="tst-handover",
            office_id="testowo",
            body_id="pjt",
            kind="handover",
            is_planned="false",
            event_on="2016-09-20",
            event_on_as_written="w dniu 20 września 2016 r.",
            outcome="granted",
            findings_status="not_reported",
            source_id="portal",
            quote="otrzymał certyfikaty ISO 9001:2015 oraz PN-EN ISO 37120 w dniu 20 września 2016 r. z rąk "
            "prezesa Polskiej Jednostki Testowej.",
        ),
        dict(
            event_id="tst-surv-2",
            office_id="testowo",
            body_id="pjt",
            kind="surveillance",
            is_planned="false",
            surveillance_ordinal="2",
            surveillance_ordinal_as_written="II audyt nadzoru",
            event_on="2018-10",
            event_on_as_written="w październiku 2018 r.",
            findings_status="reported",
            nonconformities_count="0",
            nonconformities_as_written="Nie stwierdzono niezgodności.",
            source_id="portal",
            quote="II audyt nadzoru odbył się w październiku 2018 r. [...] Nie stwierdzono niezgodności.",
        ),
    ],
    "event_certificates": [
        dict(event_id="tst-handover", certificate_id="tst-9001"),
        dict(event_id="tst-handover", certificate_id="tst-37120"),
        dict(event_id="tst-surv-2", certificate_id="tst-9001"),
    ],
    "audited_units": [],
    "findings": [
        dict(
            finding_id="tst-f1",
            event_id="tst-surv-2",
            kind="praise",
            voice="auditor",
            clause_standard_id="iso9001-2015",
            clause="5",
            clause_basis="curator",
            clause_note="5.1 leadership and commitment.",
            theme_id="leadership",
            text_pl="Zaangażowanie kierownictwa",
            text_en="Management commitment",
            source_id="portal",
            quote="zaangażowanie kierownictwa w doskonalenie usług",
        ),
        dict(
            finding_id="tst-f2",
            event_id="tst-surv-2",
            kind="praise",
            voice="auditor",
            clause_standard_id="iso9001-2015",
            clause="7",
            clause_basis="curator",
            clause_note="7.1.3 infrastructure.",
            theme_id="it",
            text_pl="E-usługi",
            text_en="E-services",
            source_id="portal",
            quote="nowoczesne e-usługi dla mieszkańców",
        ),
        dict(
            finding_id="tst-f3",
            event_id="tst-surv-2",
            kind="praise",
            voice="certification_body",
            theme_id="leadership",
            text_pl="Wzór dla innych",
            text_en="A model for others",
            source_id="body-news",
            quote="Urząd jest wzorem dla innych samorządów.",
        ),
    ],
    "further_evidence": [
        dict(
            evidence_id="tst-surv-2-body",
            record_table="events",
            record_id="tst-surv-2",
            fields="event_on",
            source_id="body-news",
            quote="przeprowadziła w październiku 2018 r. audit w Urzędzie Miasta Testowo",
        ),
    ],
}

Edit = Callable[[dict[str, list[dict]], dict[str, str]], None]


def write_package(root: Path, edit: Edit | None = None) -> Path:
    """Write the fixture package to root/data (descriptor, CSV files, documents), after `edit(rows, documents)`."""
    rows, documents = copy.deepcopy(ROWS), dict(DOCUMENTS)
    if edit:
        edit(rows, documents)
    data = Path(root) / "data"
    (data / "sources").mkdir(parents=True, exist_ok=True)
    shutil.copy(DATA_DIR / DESCRIPTOR, data / DESCRIPTOR)
    for resource in package().resources:
        with (data / resource.path).open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, resource.field_names, lineterminator="\n")
            writer.writeheader()
            for row in rows.get(resource.name, []):
                writer.writerow({k: row.get(k, "") for k in resource.field_names} | {k: v for k, v in row.items()})
    for name, text in documents.items():
        (data / "sources" / name).write_text(text, encoding="utf-8")
    return data
