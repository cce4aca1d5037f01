"""Field-by-field precision and recall of the drafter against what a curator recorded from the same documents.

Two kinds of folder hold curated documents:

- a data package (data/): `sources.csv` and the curated tables, documents in `sources/`; each document is drafted
  against the package itself, its own curated findings left out of the clause and theme examples;
- a corpus (tests/draft_corpus/): `NNN_name.txt` documents, each beside `NNN_name.expected.yaml` (format in
  tests/draft_corpus/README.md); drafted against a frozen register (the folder's `register/` if it has one, else
  tests/draft_register/), so adding a row to data/ changes no score.

Both are read into one shape (`Expected`) and the drafts are put in the same shape, then compared per field as
multisets of values: a true positive is a value both hold, precision = true positives / drafted values, recall =
true positives / expected values. Findings are paired by the overlap of their passages (at least half of the two
spans' union); the finding fields are counted over those pairs. A pair's quotes are the same when they are equal
whitespace aside and without a list item's dash and the list's punctuation at its end (quote_key): data/ quotes an
item without them, the corpus with them, and both hold the whole item verbatim."""

import csv
import datetime as dt
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from cityiso.draft.core import Draft, draft
from cityiso.draft.known import known
from cityiso.paths import DATA_DIR, ROOT

DEFAULT_OUT = ROOT / "test-artifacts" / "draft-evaluation.json"
CORPUS_DIR = ROOT / "tests" / "draft_corpus"
CORPUS_REGISTER = ROOT / "tests" / "draft_register"

# field -> what it compares (the table's legend and the README's)
FIELDS = {
    "office": "office_id of every office the rows are about (the document's, and each certificate's)",
    "office_kind": "office_kind of those offices",
    "office_place": "place (nominative) of those offices",
    "office_voivodeship": "voivodeship of those offices",
    "published": "the source's published_on",
    "family": "certificate family (ISO 9001, ISO 14001, ...)",
    "standard": "certificate standard_as_written, exactly",
    "edition": "certificate standard_id (edition), where one is stated or inferred",
    "body": "body_id of the certificates and events (a set per document)",
    "issued": "certificate issued_on",
    "valid_until": "certificate valid_until",
    "validity_years": "certificate validity_years",
    "event_kind": "event (kind, is_planned)",
    "event_date": "event event_on",
    "event": "event (kind, is_planned, event_on) together",
    "units": "audited units: units_audited counts and named units",
    "finding": "findings paired by passage overlap",
    "quote": "paired findings whose quote is the expected one (whitespace, a list item's marker and end aside)",
    "finding_kind": "kind of paired findings",
    "voice": "voice of paired findings",
    "auditor_praise": "paired findings that both sides call praise in the auditor's voice",
    "clause": "clause of paired findings",
    "theme": "theme_id of paired findings",
}
PRECISION_GOAL, RECALL_GOAL = 0.9, 0.8
# Clause and theme are the curator's coding of a finding (the drafter suggests, with low confidence, for review):
# their goal stays 0.7 for both measures.
SUGGESTION_GOAL = 0.7
CERT_FIELDS = {
    "family": "family",
    "standard": "standard_as_written",
    "edition": "standard_id",
    "issued": "issued_on",
    "valid_until": "valid_until",
    "validity_years": "validity_years",
}
FINDING_FIELDS = {"finding_kind": "kind", "voice": "voice", "clause": "clause", "theme": "theme"}
# What part of the expected rows each field is scored on.
PARTS = {
    "offices": ("office", "office_kind", "office_place", "office_voivodeship"),
    "published": ("published",),
    "certificates": ("family", "standard", "edition", "issued", "valid_until", "validity_years"),
    "events": ("body", "event_kind", "event_date", "event", "units"),
    "findings": ("finding", "quote", "finding_kind", "voice", "auditor_praise", "clause", "theme"),
}


def goals(name: str) -> tuple[float, float]:
    """(precision goal, recall goal) of a field."""
    return (SUGGESTION_GOAL, SUGGESTION_GOAL) if name in ("clause", "theme") else (PRECISION_GOAL, RECALL_GOAL)


@dataclass
class Expected:
    """One document's rows in the evaluator's terms (curated, or a draft put in the same shape). Every value is a
    string ('' for none), dates at the precision written (YYYY, YYYY-MM, YYYY-MM-DD), booleans 'true'/'false'."""

    doc_id: str
    text: str
    about: str = ""
    offices: list[dict] = field(default_factory=list)  # id, kind, place, voivodeship
    published: str = ""
    certificates: list[dict] = field(default_factory=list)  # office, family, standard_as_written, ...
    events: list[dict] = field(default_factory=list)  # kind, is_planned, event_on, body_id, units_audited, units
    findings: list[dict] = field(default_factory=list)  # quote, kind, voice, clause, theme, span
    # The parts of PARTS the expected rows speak for: a corpus file may expect only some (`scored: [findings]`),
    # and a part it does not speak for is not scored at all (not reported is not none).
    scored: frozenset[str] = frozenset()


def _s(v) -> str:
    """A value as the comparison sees it."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, dt.date):
        return v.isoformat()
    return str(v).strip()


def _norm(s: str) -> str:
    return " ".join(s.split())


# A list item's marker and the list's punctuation after it: both conventions quote the whole item verbatim, one with
# them ("- skuteczność nadzoru,", tests/draft_corpus/), one without ("skuteczność nadzoru", data/findings.csv).
_MARKER = re.compile(r"^[-–—•*]\s*")
_LIST_END = re.compile(r"[\s,;.:]+$")


def quote_key(quote: str) -> str:
    """A quote as the comparison sees it: whitespace aside, and each passage without a list item's dash or bullet
    before it and the list's punctuation (,;.:) after it; everything else, case and inner punctuation, counts."""
    return " [...] ".join(_LIST_END.sub("", _MARKER.sub("", _norm(p))) for p in quote.split(" [...] "))


def locate(text: str, passage: str) -> tuple[int, int] | None:
    """The span of a passage in the text, whitespace not counting."""
    words = passage.split()
    if not words:
        return None
    m = re.search(r"\s+".join(re.escape(w) for w in words), text)
    return (m.start(), m.end()) if m else None


def _iou(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union else 0.0


# ---- reading curated documents ---------------------------------------------------------------------------------


def _csv(folder: Path, name: str) -> list[dict]:
    path = folder / f"{name}.csv"
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _office(rows: list[dict], office_id: str) -> dict:
    row = next((o for o in rows if o["office_id"] == office_id), {})
    return {
        "id": office_id,
        "kind": row.get("office_kind", ""),
        "place": row.get("place", ""),
        "voivodeship": row.get("voivodeship", ""),
    }


def read_package(folder: Path) -> list[Expected]:
    """Every document of a data package, as curated."""
    t = {
        n: _csv(folder, n)
        for n in ("sources", "offices", "certificates", "events", "audited_units", "findings", "event_certificates")
    }
    out = []
    for src in t["sources"]:
        if src["kind"] != "document":
            continue
        sid = src["source_id"]
        certs = [c for c in t["certificates"] if c["source_id"] == sid]
        events = [e for e in t["events"] if e["source_id"] == sid]
        ids = list(dict.fromkeys([src["office_id"], *(c["office_id"] for c in certs)] if src["office_id"] else []))
        out.append(
            Expected(
                doc_id=sid,
                text=(folder / "sources" / src["file"]).read_text(encoding="utf-8"),
                about=src["office_id"],
                offices=[_office(t["offices"], i) for i in ids if i],
                published=src["published_on"],
                certificates=[
                    {"office": c["office_id"], "body_id": c["body_id"]} | {col: c[col] for col in CERT_FIELDS.values()}
                    for c in certs
                ],
                events=[
                    {
                        "kind": e["kind"],
                        "is_planned": e["is_planned"],
                        "event_on": e["event_on"],
                        "body_id": e["body_id"],
                        "units_audited": e["units_audited"],
                        "units": [u["unit_name"] for u in t["audited_units"] if u["event_id"] == e["event_id"]],
                    }
                    for e in events
                ],
                findings=[
                    {
                        "quote": f["quote"],
                        "kind": f["kind"],
                        "voice": f["voice"],
                        "clause": f["clause"],
                        "theme": f["theme_id"],
                    }
                    for f in t["findings"]
                    if f["source_id"] == sid
                ],
            )
        )
    return out


def _load_yaml(path: Path) -> dict:
    import yaml  # PyYAML (constraints.txt); only a corpus folder needs it

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping at the top")
    return data


def read_expected(text_path: Path) -> Expected:
    """One corpus document and its expected rows (NNN_name.txt beside NNN_name.expected.yaml)."""
    expected_path = text_path.with_name(text_path.stem + ".expected.yaml")
    y = _load_yaml(expected_path)
    scored = y.get("scored", list(PARTS))
    if not isinstance(scored, list) or not set(scored) <= set(PARTS):
        raise ValueError(f"{expected_path}: scored must be a list of {', '.join(PARTS)}, not {scored!r}")
    about = _s(y.get("about"))
    offices = [{k: _s(o.get(k)) for k in ("id", "kind", "place", "voivodeship")} for o in (y.get("offices") or [])]
    certs = []
    for c in y.get("certificates") or []:
        row = {"office": _s(c.get("office")) or about, "body_id": _s(c.get("body_id"))}
        row |= {col: _s(c.get(col)) for col in CERT_FIELDS.values()}
        certs.append(row)
    events = [
        {
            "kind": _s(e.get("kind")),
            "is_planned": _s(bool(e.get("is_planned", False))),
            "event_on": _s(e.get("event_on")),
            "body_id": _s(e.get("body_id")),
            "units_audited": _s(e.get("units_audited")),
            "units": [_s(u) for u in e.get("units") or []],
        }
        for e in y.get("events") or []
    ]
    findings = [
        {k: _s(f.get(k)) for k in ("quote", "kind", "voice", "clause", "theme")} for f in y.get("findings") or []
    ]
    return Expected(
        doc_id=text_path.stem,
        text=text_path.read_text(encoding="utf-8"),
        about=about,
        offices=offices,
        published=_s(y.get("published")),
        certificates=certs,
        events=events,
        findings=findings,
        scored=frozenset(scored),
    )


def read_corpus(folder: Path) -> list[Expected]:
    """Every document of a corpus folder with its expected rows."""
    return [read_expected(p) for p in sorted(Path(folder).glob("*.txt")) if not p.name.endswith(".expected.txt")]


def folder_kind(folder: Path) -> str:
    """'package' for a data-package folder (its sources.csv), 'corpus' for a folder of documents with expected
    rows."""
    folder = Path(folder)
    if (folder / "sources.csv").exists():
        return "package"
    if any(folder.glob("*.expected.yaml")):
        return "corpus"
    raise ValueError(f"{folder}: neither a data package (sources.csv) nor a corpus (*.expected.yaml)")


# ---- a draft in the same shape -----------------------------------------------------------------------------------


def _v(row: dict, col: str) -> str:
    d = row.get(col)
    return _s(getattr(d, "value", d)) if d is not None else ""


def as_expected(d: Draft, register: Path, doc_id: str = "") -> Expected:
    """A draft in the evaluator's terms; an office the register knows takes its kind, place and voivodeship from
    the register (the drafter proposes a row only for a new office)."""
    t = d.tables
    src = (t.get("sources") or [{}])[0]
    about = _v(src, "office_id")
    drafted_offices = {_v(o, "office_id"): o for o in t.get("offices", [])}
    certs = t.get("certificates", [])
    ids = [about, *drafted_offices, *(_v(c, "office_id") for c in certs)]
    offices = []
    for i in dict.fromkeys(x for x in ids if x and x != "unknown"):
        if i in drafted_offices:
            o = drafted_offices[i]
            offices.append(
                {"id": i, "kind": _v(o, "office_kind"), "place": _v(o, "place"), "voivodeship": _v(o, "voivodeship")}
            )
        else:
            offices.append(_office(list(known(Path(register)).offices), i))
    units: dict[str, list[str]] = {}
    for u in t.get("audited_units", []):
        units.setdefault(_v(u, "event_id"), []).append(_v(u, "unit_name"))
    findings = []
    for r in t.get("findings", []):
        q = r.get("quote")
        span = (q.parts[-1] if q.parts else q.span) if q is not None else None
        findings.append(
            {
                "quote": _v(r, "quote"),
                "kind": _v(r, "kind"),
                "voice": _v(r, "voice"),
                "clause": _v(r, "clause"),
                "theme": _v(r, "theme_id"),
                "span": span,
            }
        )
    return Expected(
        doc_id=doc_id or d.source_id,
        text=d.text,
        about=about,
        offices=offices,
        published=_v(src, "published_on"),
        certificates=[
            {"office": _v(c, "office_id"), "body_id": _v(c, "body_id")}
            | {col: _v(c, col) for col in CERT_FIELDS.values()}
            for c in certs
        ],
        events=[
            {
                "kind": _v(e, "kind"),
                "is_planned": _v(e, "is_planned"),
                "event_on": _v(e, "event_on"),
                "body_id": _v(e, "body_id"),
                "units_audited": _v(e, "units_audited"),
                "units": units.get(_v(e, "event_id"), []),
            }
            for e in t.get("events", [])
        ],
        findings=findings,
    )


# ---- comparing -----------------------------------------------------------------------------------------------------


def items(x: Expected) -> dict[str, Counter]:
    """The values of every field but the finding fields, as multisets (empty values left out)."""

    def bag(values) -> Counter:
        return Counter(v for v in values if v not in ("", None) and v != ("", ""))

    out = {
        "office": bag(o["id"] for o in x.offices),
        "office_kind": bag(o["kind"] for o in x.offices),
        "office_place": bag(o["place"] for o in x.offices),
        "office_voivodeship": bag(o["voivodeship"] for o in x.offices),
        "published": bag([x.published]),
        "body": Counter({b for b in [c["body_id"] for c in x.certificates] + [e["body_id"] for e in x.events] if b}),
        "event_kind": bag((e["kind"], e["is_planned"] or "false") for e in x.events),
        "event_date": bag(e["event_on"] for e in x.events),
        "event": bag((e["kind"], e["is_planned"] or "false", e["event_on"]) for e in x.events),
        "units": bag(
            [("count", e["units_audited"]) for e in x.events if e["units_audited"]]
            + [("unit", u) for e in x.events for u in e["units"]]
        ),
    }
    for name, col in CERT_FIELDS.items():
        out[name] = bag(c[col] for c in x.certificates)
    return out


def _counts(got: Counter, want: Counter) -> tuple[int, int, int]:
    return sum((got & want).values()), sum(got.values()), sum(want.values())


def compare_findings(drafted: Expected, expected: Expected) -> dict:
    """(true positives, drafted, expected) of the findings and their fields, pairing by passage overlap; and the
    passages missed and drafted in excess."""
    text = expected.text
    d_spans = [f.get("span") or locate(text, f["quote"].split(" [...] ")[-1]) for f in drafted.findings]
    c_spans = [locate(text, f["quote"].split(" [...] ")[-1]) for f in expected.findings]
    pairs, used = [], set()
    for ci, cs in enumerate(c_spans):
        if not cs:
            continue
        best = max(
            ((i, _iou(cs, ds)) for i, ds in enumerate(d_spans) if i not in used and ds),
            key=lambda x: x[1],
            default=(None, 0),
        )
        if best[0] is not None and best[1] >= 0.5:
            used.add(best[0])
            pairs.append((best[0], ci))
    df, cf = drafted.findings, expected.findings
    out: dict = {"finding": (len(pairs), len(df), len(cf))}
    out["quote"] = (sum(quote_key(df[i]["quote"]) == quote_key(cf[c]["quote"]) for i, c in pairs), len(df), len(cf))
    for name, col in FINDING_FIELDS.items():
        tp = sum(1 for i, c in pairs if df[i][col] and df[i][col] == cf[c][col])
        out[name] = (tp, sum(1 for f in df if f[col]), sum(1 for f in cf if f[col]))

    def praise(f: dict) -> bool:
        return f["kind"] == "praise" and f["voice"] == "auditor"

    out["auditor_praise"] = (
        sum(1 for i, c in pairs if praise(df[i]) and praise(cf[c])),
        sum(map(praise, df)),
        sum(map(praise, cf)),
    )
    paired_c, paired_d = {c for _, c in pairs}, {i for i, _ in pairs}

    def short(f: dict) -> str:
        q = _norm(f["quote"])
        return f"{f['kind']}/{f['voice']}: {q[:70]}{'…' if len(q) > 70 else ''}"

    out["finding_missed"] = [short(f) for c, f in enumerate(cf) if c not in paired_c]
    out["finding_extra"] = [short(f) for i, f in enumerate(df) if i not in paired_d]
    out["quote_missed"] = [
        f"{_norm(cf[c]['quote'])} (drafted {_norm(df[i]['quote'])})"
        for i, c in pairs
        if quote_key(df[i]["quote"]) != quote_key(cf[c]["quote"])
    ]
    for name, col in FINDING_FIELDS.items():
        out[name + "_missed"] = [
            f"{cf[c][col] or '–'} (drafted {df[i][col] or '–'})" for i, c in pairs if cf[c][col] != df[i][col]
        ]
    return out


def compare(drafted: Expected, expected: Expected) -> dict:
    """Per-field counts of one document, with the values missed and drafted in excess."""
    got, want = items(drafted), items(expected)
    doc: dict = {}
    for f in got:
        doc[f] = _counts(got[f], want[f])
        doc[f + "_missed"] = sorted(map(str, (want[f] - got[f]).elements()))
        doc[f + "_extra"] = sorted(map(str, (got[f] - want[f]).elements()))
    doc.update(compare_findings(drafted, expected))
    if expected.scored:  # a curated package's documents speak for every part
        for part, fields in PARTS.items():
            if part not in expected.scored:
                for f in fields:
                    doc[f] = (0, 0, 0)
                    doc |= {f + "_missed": [], f + "_extra": []}
    return doc


def score(per_doc: dict[str, dict]) -> dict:
    """Per-field totals over documents: true positives, drafted, expected, precision, recall, goals."""
    fields = {}
    for f in FIELDS:
        tp = sum(d[f][0] for d in per_doc.values())
        n_d = sum(d[f][1] for d in per_doc.values())
        n_e = sum(d[f][2] for d in per_doc.values())
        p_goal, r_goal = goals(f)
        fields[f] = {
            "true_positives": tp,
            "drafted": n_d,
            "expected": n_e,
            "precision": round(tp / n_d, 3) if n_d else None,
            "recall": round(tp / n_e, 3) if n_e else None,
            "precision_goal": p_goal,
            "recall_goal": r_goal,
        }
    return fields


def evaluate(folder: Path = DATA_DIR, register: Path | None = None) -> dict:
    """Per-field precision and recall of the drafter over every curated document of a folder (a data package or a
    corpus), with per-document counts, misses and extras."""
    folder = Path(folder)
    kind = folder_kind(folder)
    if kind == "package":
        docs, register = read_package(folder), folder
    else:
        docs = read_corpus(folder)
        register = Path(register or (folder / "register" if (folder / "register").is_dir() else CORPUS_REGISTER))
    per_doc = {}
    for x in docs:
        d = draft(
            x.text,
            source_id=x.doc_id,
            data_dir=register,
            exclude_examples=x.doc_id if kind == "package" else None,
        )
        per_doc[x.doc_id] = compare(as_expected(d, register, x.doc_id), x)
    return {
        "folder": str(folder),
        "kind": kind,
        "register": str(register),
        "fields": score(per_doc),
        "documents": per_doc,
    }


def evaluate_all(folders: list[Path] | None = None) -> dict[str, dict]:
    """Each folder's evaluation by its path; with none, the seeds (data/) and the corpus (tests/draft_corpus/), those
    of the two that are there (an installed wheel has neither)."""
    if not folders:
        folders = [f for f in (DATA_DIR, CORPUS_DIR) if (f / "sources.csv").exists() or any(f.glob("*.expected.yaml"))]
        if not folders:
            raise ValueError("no curated documents: give a data package or corpus folder to --evaluate")
    return {str(f): evaluate(f) for f in folders}


def meets_goal(field: dict) -> bool:
    """Whether a field's precision and recall both reach their goals."""
    return (field["precision"] or 0) >= field["precision_goal"] and (field["recall"] or 0) >= field["recall_goal"]


def table(result: dict) -> str:
    """The per-field table as Markdown."""
    lines = [
        "| field | precision | recall | drafted | expected | goal (P / R) |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for f, r in result["fields"].items():
        p = "–" if r["precision"] is None else f"{r['precision']:.2f}"
        rc = "–" if r["recall"] is None else f"{r['recall']:.2f}"
        mark = "–" if r["expected"] == 0 and r["drafted"] == 0 else ("✓" if meets_goal(r) else "✗")
        goal = f"≥ {r['precision_goal']} / ≥ {r['recall_goal']} {mark}"
        lines.append(f"| {f} | {p} | {rc} | {r['drafted']} | {r['expected']} | {goal} |")
    return "\n".join(lines)


def misses(result: dict) -> str:
    """Per document: each field's expected values the draft missed and the values it drafted in excess."""
    lines = []
    for doc_id, doc in result["documents"].items():
        parts = []
        for f in FIELDS:
            missed, extra = doc.get(f + "_missed", []), doc.get(f + "_extra", [])
            if missed:
                parts.append(f"  - {f} missed: {'; '.join(missed)}")
            if extra:
                parts.append(f"  - {f} extra: {'; '.join(extra)}")
        lines.append(f"- {doc_id}: {'all fields right' if not parts else ''}".rstrip())
        lines.extend(parts)
    return "\n".join(lines)


def report(results: dict[str, dict]) -> str:
    """Every folder's table and per-document list, as Markdown."""
    out = []
    for name, r in results.items():
        out.append(f"## {name} ({r['kind']}, {len(r['documents'])} documents, register {r['register']})\n")
        out.append(table(r))
        scored = [f for f in r["fields"].values() if f["drafted"] or f["expected"]]
        met = sum(meets_goal(f) for f in scored)
        out.append(f"\n{met} of {len(scored)} fields meet their goal.")
        out.append("\nPer document (expected values missed, drafted values in excess):\n")
        out.append(misses(r))
        out.append("")
    return "\n".join(out)


def write(result: dict, out: Path = DEFAULT_OUT) -> Path:
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return out
