"""A small, valid data package written from Python rows, for code tests (never the curated data/).

Two offices in one town: the city hall (TERYT 1234011) holds ISO 9001 and ISO 37120 certificates handed over on
one day, a second surveillance audit told by two sources with praise and "no nonconformities", and a body's own
remark; the county office (TERYT 1234) kept one ISO 9001 registration from 2002 across two editions, let it lapse,
holds an ISO 14001 certificate of unknown edition issued "in 2016 or 2017", and has a surveillance planned for
"20 września br."."""

import copy
import csv
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from cityiso.data.descriptor import DESCRIPTOR, package
from cityiso.paths import DATA_DIR, ROOT

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
    "starostwo.txt": (
        "Testowo, czerwiec 2017\nStarostwo Powiatowe w Testowie utrzymuje system zarządzania jakością od 2002 roku. "
        "Certyfikat ISO 9001:2000 wydany 15 marca 2002 r. przez TÜV Testowy przedłużano co trzy lata, a w 2009 r. "
        "urząd przeszedł na normę ISO 9001:2008. Audyt recertyfikujący w marcu 2012 r. zakończył się wydaniem "
        "certyfikatu ważnego do 14.03.2015 r. Audytorzy docenili sprawną obsługę interesantów. "
        "Certyfikatu nie odnowiono. Starostwo posiada także certyfikat PN-EN ISO 14001 uzyskany w 2016 lub 2017 "
        "roku. Audyt nadzoru zaplanowano na 20 września br."
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
        dict(
            source_id="starostwo",
            kind="document",
            file="starostwo.txt",
            title="ISO w starostwie",
            publisher="Starostwo Powiatowe w Testowie",
            publisher_type="office",
            office_id="testowo-powiat",
            published_on="2017-06",
            published_on_as_written="czerwiec 2017",
            language="pl",
            is_truncated="false",
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
        dict(
            office_id="testowo-powiat",
            teryt="1234",
            office_kind="county_office",
            place="Testowo",
            office_name="Starostwo Powiatowe w Testowie",
            voivodeship="mazowieckie",
            latitude="52.1",
            longitude="21.1",
            geo_source_id="ref",
            source_id="starostwo",
            quote="Starostwo Powiatowe w Testowie",
        ),
    ],
    "certification_bodies": [
        dict(body_id="pjt", name="Polska Jednostka Testowa Sp. z o.o.", short_name="PJT", source_id="ref"),
        dict(body_id="tuv-t", name="TÜV Testowy Sp. z o.o.", short_name="TÜV T", source_id="ref"),
    ],
    "body_aliases": [
        dict(body_id="pjt", alias="Polska Jednostka Testowa"),
        dict(body_id="pjt", alias="Polskiej Jednostki Testowej"),
        dict(body_id="tuv-t", alias="TÜV Testowy"),
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
        dict(
            standard_id="iso9001-2008",
            family="ISO 9001",
            edition="2008",
            title="ISO 9001:2008",
            published_on="2008-11",
            transition_ends_on="2018-09-15",
            source_id="ref",
        ),
        dict(
            standard_id="iso14001-2015",
            family="ISO 14001",
            edition="2015",
            title="ISO 14001:2015",
            published_on="2015-09",
            source_id="ref",
        ),
    ],
    "standard_forms": [
        dict(form="ISO 9001:2015", family="ISO 9001", standard_id="iso9001-2015"),
        dict(form="PN-EN ISO 37120", family="ISO 37120"),
        dict(form="ISO 9001:2000", family="ISO 9001", standard_id="iso9001-2000"),
        dict(form="ISO 9001:2008", family="ISO 9001", standard_id="iso9001-2008"),
        dict(form="PN-EN ISO 14001", family="ISO 14001"),
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
        dict(
            standard_id="iso9001-2008",
            clause="7.2",
            heading_2015="8",
            label_pl="Procesy związane z klientem",
            label_en="Customer-related processes",
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
        dict(
            theme_id="service",
            label_pl="Obsługa interesantów",
            label_en="Client service",
            definition_pl="d",
            definition_en="d",
        ),
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
        dict(
            certificate_id="pow-9001-2000",
            office_id="testowo-powiat",
            registration_id="pow-qms",
            family="ISO 9001",
            standard_as_written="ISO 9001:2000",
            edition_basis="stated",
            standard_id="iso9001-2000",
            body_id="tuv-t",
            issued_on="2002-03-15",
            issued_on_as_written="15 marca 2002 r.",
            source_id="starostwo",
            quote="Certyfikat ISO 9001:2000 wydany 15 marca 2002 r. przez TÜV Testowy przedłużano co trzy lata",
        ),
        dict(
            certificate_id="pow-9001-2008",
            office_id="testowo-powiat",
            registration_id="pow-qms",
            family="ISO 9001",
            standard_as_written="ISO 9001:2008",
            edition_basis="stated",
            standard_id="iso9001-2008",
            issued_on="2009",
            issued_on_as_written="w 2009 r.",
            valid_until="2015-03-14",
            valid_until_as_written="do 14.03.2015 r.",
            source_id="starostwo",
            quote="w 2009 r. urząd przeszedł na normę ISO 9001:2008. [...] certyfikatu ważnego do 14.03.2015 r.",
        ),
        dict(
            certificate_id="pow-14001",
            office_id="testowo-powiat",
            family="ISO 14001",
            standard_as_written="PN-EN ISO 14001",
            edition_basis="unknown",
            edition_reason="The text names no edition of ISO 14001.",
            issued_on_as_written="w 2016 lub 2017 roku",
            issued_on_not_before="2016",
            issued_on_not_after="2017",
            issued_on_inferred_reason="The text says 2016 or 2017.",
            source_id="starostwo",
            quote="certyfikat PN-EN ISO 14001 uzyskany w 2016 lub 2017 roku",
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
        dict(
            event_id="pow-transition",
            office_id="testowo-powiat",
            kind="transition",
            is_planned="false",
            event_on="2009",
            event_on_as_written="w 2009 r.",
            findings_status="not_reported",
            source_id="starostwo",
            quote="w 2009 r. urząd przeszedł na normę ISO 9001:2008",
        ),
        dict(
            event_id="pow-recert-2012",
            office_id="testowo-powiat",
            kind="recertification",
            is_planned="false",
            event_on="2012-03",
            event_on_as_written="w marcu 2012 r.",
            outcome="granted",
            findings_status="reported",
            source_id="starostwo",
            quote="Audyt recertyfikujący w marcu 2012 r. zakończył się wydaniem certyfikatu",
        ),
        dict(
            event_id="pow-lapse",
            office_id="testowo-powiat",
            kind="lapse",
            is_planned="false",
            event_on_not_before="2015-03",
            event_on_not_after="2017-06",
            event_on_inferred_reason="After the expiry (14.03.2015) and before the text (June 2017).",
            outcome="not_renewed",
            findings_status="not_applicable",
            source_id="starostwo",
            quote="Certyfikatu nie odnowiono.",
        ),
        dict(
            event_id="pow-planned-surveillance",
            office_id="testowo-powiat",
            kind="surveillance",
            is_planned="true",
            event_on="2017-09-20",
            event_on_as_written="20 września br.",
            event_on_inferred_reason="'br.' (this year) in a text dated June 2017.",
            event_on_inferred_part="year",
            findings_status="not_applicable",
            source_id="starostwo",
            quote="Audyt nadzoru zaplanowano na 20 września br.",
        ),
    ],
    "event_certificates": [
        dict(event_id="tst-handover", certificate_id="tst-9001"),
        dict(event_id="tst-handover", certificate_id="tst-37120"),
        dict(event_id="tst-surv-2", certificate_id="tst-9001"),
        dict(event_id="pow-transition", certificate_id="pow-9001-2008"),
        dict(event_id="pow-recert-2012", certificate_id="pow-9001-2008"),
        dict(event_id="pow-lapse", certificate_id="pow-9001-2008"),
        dict(event_id="pow-planned-surveillance", certificate_id="pow-14001"),
    ],
    "audited_units": [],
    "finding_certificates": [],
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
        dict(
            finding_id="pow-f1",
            event_id="pow-recert-2012",
            kind="praise",
            voice="auditor",
            clause_standard_id="iso9001-2008",
            clause="7.2",
            clause_basis="curator",
            clause_note="7.2 customer-related processes (2008 numbering; charted under 8 Operation).",
            theme_id="service",
            text_pl="Sprawna obsługa interesantów",
            text_en="Efficient client service",
            source_id="starostwo",
            quote="Audytorzy docenili sprawną obsługę interesantów.",
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


def build_command(data: Path, out: Path) -> subprocess.CompletedProcess:
    """`python -m cityiso.build --data DATA --out OUT` as a curator runs it, its output captured (it never raises)."""
    return subprocess.run(
        [sys.executable, "-m", "cityiso.build", "--data", str(data), "--out", str(out)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
