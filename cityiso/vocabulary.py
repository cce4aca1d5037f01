"""Allowed codes for the curated files, each with its Polish and English label."""

EVENT_KINDS = {
    "initial": ("Certyfikacja początkowa", "Initial certification"),
    "surveillance": ("Audit nadzoru", "Surveillance audit"),
    "recertification": ("Recertyfikacja", "Recertification"),
    "transition": ("Przejście na nowe wydanie normy", "Transition to a new edition"),
    "handover": ("Wręczenie certyfikatu", "Certificate handover"),
    "council_presentation": ("Prezentacja na sesji rady", "Presentation to the council"),
    "planned": ("Audit planowany", "Planned audit"),
    "expiry": ("Wygaśnięcie lub nieprzedłużenie", "Expiry or non-renewal"),
    "unspecified": ("Audit (rodzaj niepodany)", "Audit (kind not stated)"),
}

FINDING_KINDS = {
    "praise": ("Obszar doceniony", "Praised area"),
    "nonconformity": ("Niezgodność", "Nonconformity"),
    "recommendation": ("Zalecenie", "Recommendation"),
    "observation": ("Obserwacja", "Observation"),
    "confirmed_conformity": ("Potwierdzona zgodność", "Confirmed conformity"),
}

VOICES = {
    "auditor": ("Audytorzy (raport z auditu)", "Auditors (audit report)"),
    "certification_body": ("Jednostka certyfikująca", "Certification body"),
    "office": ("Urząd", "The office itself"),
}

OFFICE_TYPES = {
    "city_hall": ("Urząd miasta", "City hall"),
    "county_office": ("Starostwo powiatowe", "County office"),
    "municipal_office": ("Urząd gminy", "Municipal office"),
}

OUTCOMES = {
    "certificate_granted": ("Certyfikat przyznany", "Certificate granted"),
    "certificate_maintained": ("Certyfikat utrzymany", "Certificate maintained"),
    "certificate_suspended": ("Certyfikat zawieszony", "Certificate suspended"),
    "certificate_withdrawn": ("Certyfikat cofnięty", "Certificate withdrawn"),
    "not_granted": ("Certyfikatu nie przyznano", "Certificate not granted"),
}

FINDINGS_STATUSES = {
    "reported": ("Ustalenia podane", "Findings reported"),
    "reported_partial": ("Ustalenia podane wybiórczo („m.in.”)", "Findings reported in part"),
    "none_found": ("Źródło podaje, że nie było ustaleń", "Source says there were none"),
    "not_reported": ("Źródło nie podaje ustaleń", "Source reports no findings"),
    "not_applicable": ("Nie dotyczy (zdarzenie planowane)", "Not applicable (planned event)"),
}

CLAUSE_BASES = {
    "heading": ("Nagłówek w źródle", "The source's own heading"),
    "curator": ("Kodowanie kuratora", "Curator's coding"),
}

SOURCE_KINDS = {
    "document": ("Dokument źródłowy", "Source document"),
    "reference": ("Wiedza referencyjna", "Reference knowledge"),
}

PRECISIONS = {
    "day": ("dzień", "day"),
    "month": ("miesiąc", "month"),
    "year": ("rok", "year"),
}

# Written into the database so a downloaded file explains its own codes.
ALL = {
    "event_kind": EVENT_KINDS,
    "finding_kind": FINDING_KINDS,
    "voice": VOICES,
    "office_type": OFFICE_TYPES,
    "outcome": OUTCOMES,
    "findings_status": FINDINGS_STATUSES,
    "clause_basis": CLAUSE_BASES,
    "source_kind": SOURCE_KINDS,
    "precision": PRECISIONS,
}
