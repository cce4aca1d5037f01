"""DataFrames shaped for reading: dates in the language's form, codes as labels, columns named for people."""

import pandas as pd

from cityiso.data.descriptor import Resource, package
from cityiso.labels import clause_label, code_label, format_bounds, format_date, localized, t


def _text(value) -> str:
    return value if isinstance(value, str) else ""


def _reasons(*pairs: tuple[str, object]) -> str:
    return "; ".join(f"{what}: {why}" for what, why in pairs if isinstance(why, str) and why)


def known_date(r, field: str, lang: str) -> str:
    """A row's date `field` (event_on, issued_on) as written for people, '~' when inferred; its bounds
    (<field>_not_before, <field>_not_after) when only those are known."""
    value = getattr(r, field)
    if pd.notna(value):
        return format_date(value, getattr(r, f"{field}_precision"), lang, bool(getattr(r, f"{field}_is_inferred")))
    return format_bounds(getattr(r, f"{field}_not_before", None), getattr(r, f"{field}_not_after", None), lang)


def clause_basis(r, lang: str) -> str:
    """How the clause is known: '' from the report's heading; 'coded by the curator: <reason>' otherwise."""
    if getattr(r, "clause_basis", None) != "curator":
        return ""
    note = r.clause_note if isinstance(r.clause_note, str) else ""
    return code_label("clause_basis", "curator", lang) + (f": {note}" if note else "")


def events_table(events: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One row per event, as a reader wants it; an inferred date ('~') with the curator's reason beside it."""
    return pd.DataFrame(
        {
            t("office", lang): events["office_label"],
            t("date", lang): [known_date(r, "event_on", lang) for r in events.itertuples()],
            t("kind", lang): [
                code_label("event_kind", r.kind, lang) + (f" ({t('planned', lang)})" if r.is_planned else "")
                for r in events.itertuples()
            ],
            t("body", lang): events["body_short_name"].fillna("—"),
            t("standard", lang): events["standards"].fillna("—"),
            t("findings_status", lang): [code_label("findings_status", s, lang) for s in events["findings_status"]],
            t("date_reason", lang): [_text(r) for r in events["event_on_inferred_reason"]],
            t("quote", lang): events["quote"],
            t("source", lang): events["source_file"],
            t("note", lang): events["note"].fillna(""),
        }
    )


def holder_and_scope(r, lang: str) -> str:
    """'gmina: Gmina Miasto Testowo · 7 units · Szkoła Podstawowa nr 1' for a certificate held by a municipality
    with a scope of seven units of which one is named; '—' where the text says nothing of either."""
    parts = []
    if isinstance(r.holder_kind, str):
        parts.append(f"{code_label('holder_kind', r.holder_kind, lang)}: {r.holder_as_written}")
    if pd.notna(r.sites_count):
        parts.append(t("holder_scope.units", lang, n=int(r.sites_count)))
    if isinstance(r.site_names, str):
        parts.append(r.site_names)
    return " · ".join(parts) or "—"


def certificates_table(spans: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One row per certificate, as a reader wants it; inferred dates ('~') and an inferred or unknown edition
    with the curator's reasons beside them."""
    return pd.DataFrame(
        {
            t("office", lang): spans["office_label"],
            t("standard", lang): spans["standard_as_written"] + " (" + spans["standard"] + ")",
            t("body", lang): spans["body_short_name"].fillna("—"),
            t("issued_on", lang): [known_date(r, "issued_on", lang) for r in spans.itertuples()],
            t("valid_until", lang): [
                format_date(r.valid_until, r.valid_until_precision, lang, bool(r.valid_until_is_inferred))
                for r in spans.itertuples()
            ],
            t("holder_scope", lang): [holder_and_scope(r, lang) for r in spans.itertuples()],
            t("iqnet_certificate", lang): [
                {True: "✓", False: "✗"}.get(v, "—") if pd.notna(v) else "—" for v in spans["iqnet"]
            ],
            t("date_reason", lang): [
                _reasons(
                    (t("edition", lang), r.edition_reason),
                    (t("issued_on", lang), r.issued_on_inferred_reason),
                    (t("valid_until", lang), r.valid_until_inferred_reason),
                )
                for r in spans.itertuples()
            ],
            t("quote", lang): spans["quote"],
            t("source", lang): spans["source_file"],
            t("note", lang): spans["note"].fillna(""),
        }
    )


def findings_table(findings: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One row per finding with its quote and source, as a reader wants it: a clause the curator coded (not the
    report's heading) and an inferred date are marked, with the curator's reasons."""
    theme = localized("theme", lang)
    text = localized("text", lang)
    return pd.DataFrame(
        {
            t("office", lang): findings["office_label"],
            t("date", lang): [known_date(r, "event_on", lang) for r in findings.itertuples()],
            t("clause", lang): [
                clause_label(r.clause, r.clause_pl, r.clause_en, lang) + (" *" if clause_basis(r, lang) else "")
                for r in findings.itertuples()
            ],
            t("clause_as_coded", lang): findings["clause_as_coded"].fillna("—"),
            t("clause_basis", lang): [
                clause_basis(r, lang) or code_label("clause_basis", r.clause_basis, lang) for r in findings.itertuples()
            ],
            t("date_reason", lang): [_text(r) for r in findings["event_on_inferred_reason"]],
            t("theme", lang): findings[theme],
            t("text", lang): findings[text],
            t("quote", lang): findings["quote"],
            t("voice", lang): [code_label("voice", v, lang) for v in findings["voice"]],
            t("source", lang): findings["source_file"],
        }
    )


def codebook_table(resource: Resource, lang: str) -> pd.DataFrame:
    """One row per column of a curated file: its description and the codes it allows (with their labels)."""
    en = lang == "en"

    def allowed(field) -> str:
        if field.labels:
            return "; ".join(f"{code}: {en_label if en else pl_label}" for code, pl_label, en_label in field.labels)
        return "; ".join(field.enum)

    return pd.DataFrame(
        {
            t("sources.column", lang): resource.field_names,
            t("sources.description", lang): [f.description if en else f.description_pl for f in resource.fields],
            t("sources.codes", lang): [allowed(f) for f in resource.fields],
        }
    )


def codebook_tables(lang: str) -> list[tuple[str, str, pd.DataFrame]]:
    """Every curated file of data/datapackage.json: its path, its description and its codebook_table."""
    en = lang == "en"
    return [(r.path, r.description if en else r.description_pl, codebook_table(r, lang)) for r in package().resources]


def codebook_rows(rows: pd.DataFrame, category: str, lang: str) -> pd.DataFrame:
    """A category's codebook (the named result `clauses` or `themes`, as category is 'clause' or 'theme') as a table
    in the page's language: for a clause its standard, number and heading, for a theme its code; then its label and
    definition."""
    if category == "clause":
        own = {
            t("standard", lang): rows["standard"],
            t("sources.clause_number", lang): rows["clause"],
            t("clause", lang): rows["heading_2015"],
        }
    elif category == "theme":
        own = {t("sources.code", lang): rows["theme_id"]}
    else:
        raise ValueError(f"unknown category {category!r} (known: clause, theme)")
    return pd.DataFrame(
        {
            **own,
            t("sources.label", lang): rows[localized("label", lang)],
            t("sources.definition", lang): rows[localized("definition", lang)],
        }
    )
