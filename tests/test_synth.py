"""The synthetic package generator: its output passes the real build, is deterministic for a seed, and holds every
situation of the data model (issue 8) even at small scale."""

import hashlib
from pathlib import Path

import duckdb
import pytest

from cityiso.build import build
from cityiso.synth import generate

OFFICES, YEARS, SEED = 12, 25, 7


def digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def package_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("synth") / "data"
    generate(out, OFFICES, YEARS, SEED)
    return out


@pytest.fixture(scope="module")
def con(package_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    db = tmp_path_factory.mktemp("synth-db") / "synth.duckdb"
    problems = build(package_dir, db)
    assert problems == [], "\n".join(map(str, problems[:20]))
    connection = duckdb.connect(str(db), read_only=True)
    yield connection
    connection.close()


def test_output_passes_the_real_build(con: duckdb.DuckDBPyConnection) -> None:
    assert con.execute("select count(*) from offices").fetchone()[0] == OFFICES


def test_same_seed_gives_identical_files_and_another_seed_others(package_dir: Path, tmp_path: Path) -> None:
    generate(tmp_path / "again", OFFICES, YEARS, SEED)
    generate(tmp_path / "other", OFFICES, YEARS, SEED + 1)
    assert digest(tmp_path / "again") == digest(package_dir)
    assert digest(tmp_path / "other") != digest(package_dir)


def test_every_csv_has_the_declared_header_and_the_documents_are_polish(package_dir: Path) -> None:
    from cityiso.data.descriptor import read_package

    for resource in read_package(package_dir).resources:
        header = (package_dir / resource.path).read_text(encoding="utf-8").splitlines()[0]
        assert header == ",".join(resource.field_names)
    text = "".join(p.read_text(encoding="utf-8") for p in sorted((package_dir / "sources").glob("*.txt"))[:50])
    assert set("ąęłóśżź") <= set(text)


# (situation, a query that counts the rows showing it; the situation occurs when the count is positive)
SITUATIONS = [
    (
        "county office and city hall in one town",
        """select count(*) from offices a join offices b
        on a.place = b.place and a.office_kind = 'county_office' and b.office_kind = 'city_hall'""",
    ),
    (
        "gmina TERYT: 7 digits, even voivodeship, kind digit",
        """select count(*) from offices
        where regexp_full_match(teryt, '(0[2468]|[12][02468]|3[02])[0-9]{4}[1-5]')""",
    ),
    ("powiat TERYT: 4 digits", "select count(*) from offices where regexp_full_match(teryt, '[0-9]{4}')"),
    *[
        (f"office kind {kind}", f"select count(*) from offices where office_kind = '{kind}'")
        for kind in ("city_hall", "municipal_office", "county_office", "marshal_office")
    ],
    *[
        (f"family {family}", f"select count(*) from certificates where family = '{family}'")
        for family in ("ISO 9001", "ISO 14001", "ISO 27001", "ISO 37001", "ISO 37120", "ISO 45001")
    ],
    ("several bodies", "select count(distinct body_id) - 2 from certificates"),
    (
        "one event, two certificates of two families",
        """select count(*) from (
        select ec.event_id from event_certificates ec join certificates c using (certificate_id)
        group by ec.event_id having count(distinct c.family) > 1)""",
    ),
    (
        "one event told by two sources",
        """select count(*) from evidence
        where record_table = 'events' and not is_primary""",
    ),
    (
        "expiry from another source than the issue",
        """select count(*) from further_evidence
        where record_table = 'certificates' and fields = 'valid_until valid_until_as_written'""",
    ),
    (
        "one registration across ISO 9001:2000, 2008 and 2015",
        """select count(*) from (
        select registration_id from certificates group by registration_id
        having count(distinct standard_id) filter (where family = 'ISO 9001') = 3)""",
    ),
    ("transition event", "select count(*) from events where kind = 'transition'"),
    (
        "unknown edition with its reason",
        """select count(*) from certificates
        where edition_basis = 'unknown' and standard_id is null and edition_reason is not null""",
    ),
    ("inferred edition", "select count(*) from certificates where edition_basis = 'inferred'"),
    ("certificate sites", "select count(*) from certificate_sites"),
    ("audited units", "select count(*) from audited_units"),
    (
        "lapse and a later return",
        """select count(*) from (
        select office_id, family from certificates group by office_id, family
        having count(distinct registration_id) > 1)""",
    ),
    (
        "planned surveillance with its ordinal",
        """select count(*) from events
        where is_planned and kind = 'surveillance' and surveillance_ordinal is not null""",
    ),
    (
        "surveillance ordinal of a held audit",
        """select count(*) from events
        where not is_planned and surveillance_ordinal = 2 and surveillance_ordinal_as_written is not null""",
    ),
    *[
        (f"event kind {kind}", f"select count(*) from events where kind = '{kind}'")
        for kind in (
            "initial",
            "surveillance",
            "recertification",
            "transition",
            "handover",
            "council_presentation",
            "expiry",
            "lapse",
            "suspension",
            "withdrawal",
            "unspecified",
        )
    ],
    *[
        (f"outcome {outcome}", f"select count(*) from events where outcome = '{outcome}'")
        for outcome in ("granted", "maintained", "pending", "suspended", "withdrawn", "lapsed", "not_renewed")
    ],
    *[
        (f"date precision {p}", f"select count(*) from events where event_on_precision = '{p}'")
        for p in ("day", "month", "year")
    ],
    ("year inferred ('br.')", "select count(*) from events where event_on_inferred_part = 'year'"),
    ("whole date inferred", "select count(*) from events where event_on_inferred_part = 'whole'"),
    (
        "undated event bounded",
        """select count(*) from events
        where event_on is null and event_on_not_before is not null and event_on_not_after is not null""",
    ),
    (
        "issue date bounded",
        """select count(*) from certificates
        where issued_on is null and issued_on_not_before is not null""",
    ),
    ("issue year inferred ('Tegoroczny')", "select count(*) from certificates where issued_on_inferred_part = 'whole'"),
    (
        "date known only from the page address",
        """select count(*) from events e join sources s using (source_id)
        where e.event_on_as_written is not null and starts_with(e.quote, s.url)""",
    ),
    (
        "praise and explicitly no nonconformities",
        """select count(*) from events e
        where nonconformities_count = 0 and exists
            (select 1 from findings f where f.event_id = e.event_id and f.kind = 'praise')""",
    ),
    ("nonconformities counted", "select count(*) from events where nonconformities_count > 0"),
    (
        "nonconformities unknown, findings reported",
        """select count(*) from events
        where nonconformities_count is null and findings_status = 'reported'""",
    ),
    *[
        (f"findings status {s}", f"select count(*) from events where findings_status = '{s}'")
        for s in ("reported", "reported_partial", "none_found", "not_reported", "not_applicable")
    ],
    *[
        (f"finding kind {k}", f"select count(*) from findings where kind = '{k}'")
        for k in ("praise", "nonconformity", "recommendation", "observation", "confirmed_conformity")
    ],
    *[
        (f"voice {v}", f"select count(*) from findings where voice = '{v}'")
        for v in ("auditor", "certification_body", "office", "press")
    ],
    *[
        (f"clauses of {s}", f"select count(*) from findings where clause_standard_id = '{s}'")
        for s in ("iso9001-2000", "iso9001-2008", "iso9001-2015")
    ],
    ("clause from the document's heading", "select count(*) from findings where clause_basis = 'heading'"),
    (
        "curator's clause with its note",
        """select count(*) from findings
        where clause_basis = 'curator' and clause_note is not null""",
    ),
    *[
        (f"publisher {t}", f"select count(*) from sources where publisher_type = '{t}'")
        for t in ("office", "certification_body", "press")
    ],
    ("truncated source", "select count(*) from sources where is_truncated"),
    (
        "source with address and retrieval date",
        """select count(*) from sources
        where url is not null and retrieved_on is not null""",
    ),
    (
        "undated source bounded",
        """select count(*) from sources
        where kind = 'document' and published_on is null and published_on_not_before is not null""",
    ),
    (
        "IQNet, cycle number, validity",
        """select least(count(*) filter (where iqnet),
        count(cycle_number), count(validity_years)) from certificates""",
    ),
    ("valid certificates on a day", "select count(*) from status_on('2020-06-01'::date, 'ISO 9001')"),
]


@pytest.mark.parametrize(("situation", "sql"), SITUATIONS, ids=[s for s, _ in SITUATIONS])
def test_situation_occurs(con: duckdb.DuckDBPyConnection, situation: str, sql: str) -> None:
    assert con.execute(sql).fetchone()[0] > 0, situation


def test_at_most_twenty_findings_per_event(con: duckdb.DuckDBPyConnection) -> None:
    most = con.execute("select max(n) from (select count(*) as n from findings group by event_id)").fetchone()[0]
    assert 0 < most <= 20
