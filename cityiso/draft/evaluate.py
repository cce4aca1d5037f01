"""Field-by-field precision and recall of the drafter against the curated rows of every document in data/.

Each document is drafted from its text alone (its own curated findings left out of the clause and theme examples)
and compared per field as multisets of values; findings are paired by the overlap of their passages."""

import csv
import json
import re
from collections import Counter
from pathlib import Path

from cityiso.draft.core import Draft, draft
from cityiso.paths import DATA_DIR, ROOT

DEFAULT_OUT = ROOT / "test-artifacts" / "draft-evaluation.json"
FIELDS = (
    "office",
    "standard",
    "edition",
    "body",
    "event_kind",
    "date",
    "validity",
    "units",
    "finding",
    "finding_kind",
    "quote",
    "voice",
    "clause",
    "theme",
)


def _rows(data_dir: Path, name: str) -> list[dict]:
    with (data_dir / f"{name}.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _norm(s: str) -> str:
    return " ".join(s.split())


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


def _values(d: Draft, table: str, column: str) -> list:
    return [r[column].value for r in d.tables.get(table, []) if column in r and r[column].value not in (None, "")]


def _drafted_items(d: Draft) -> dict[str, Counter]:
    src = d.tables["sources"][0]
    out = {
        "office": Counter([src["office_id"].value] if "office_id" in src else []),
        "standard": Counter(_values(d, "certificates", "standard_as_written")),
        "edition": Counter(_values(d, "certificates", "standard_id")),
        "body": Counter(set(_values(d, "certificates", "body_id") + _values(d, "events", "body_id"))),
        "event_kind": Counter((r["kind"].value, r["is_planned"].value) for r in d.tables.get("events", [])),
        "date": Counter(
            [("event", v) for v in _values(d, "events", "event_on")]
            + [("issued", v) for v in _values(d, "certificates", "issued_on")]
        ),
        "validity": Counter(
            [("until", str(v)) for v in _values(d, "certificates", "valid_until")]
            + [("years", str(v)) for v in _values(d, "certificates", "validity_years")]
        ),
        "units": Counter(
            [("unit", v) for v in _values(d, "audited_units", "unit_name")]
            + [("count", str(v)) for v in _values(d, "events", "units_audited")]
        ),
    }
    return out


def _curated_items(rows: dict[str, list[dict]], source_id: str) -> dict[str, Counter]:
    def of(table):
        return [r for r in rows[table] if r.get("source_id") == source_id]

    certs, events = of("certificates"), of("events")
    event_ids = {e["event_id"] for e in events}
    units = [u for u in rows["audited_units"] if u["event_id"] in event_ids]
    src = next(r for r in rows["sources"] if r["source_id"] == source_id)
    return {
        "office": Counter([src["office_id"]] if src["office_id"] else []),
        "standard": Counter(c["standard_as_written"] for c in certs if c["standard_as_written"]),
        "edition": Counter(c["standard_id"] for c in certs if c["standard_id"]),
        "body": Counter({b for b in [c["body_id"] for c in certs] + [e["body_id"] for e in events] if b}),
        "event_kind": Counter((e["kind"], e["is_planned"]) for e in events),
        "date": Counter(
            [("event", e["event_on"]) for e in events if e["event_on"]]
            + [("issued", c["issued_on"]) for c in certs if c["issued_on"]]
        ),
        "validity": Counter(
            [("until", c["valid_until"]) for c in certs if c["valid_until"]]
            + [("years", c["validity_years"]) for c in certs if c["validity_years"]]
        ),
        "units": Counter(
            [("unit", u["unit_name"]) for u in units]
            + [("count", e["units_audited"]) for e in events if e["units_audited"]]
        ),
    }


def _findings(text: str, d: Draft, curated: list[dict]) -> dict[str, tuple[int, int, int]]:
    """(true positives, drafted, curated) for the findings and their fields, pairing by passage overlap."""
    drafted = d.tables.get("findings", [])
    d_spans = [r["quote"].parts[-1] if r["quote"].parts else r["quote"].span for r in drafted]
    c_spans = [locate(text, c["quote"].split(" [...] ")[-1]) for c in curated]
    pairs, used = [], set()
    for ci, cs in enumerate(c_spans):
        if not cs:
            continue
        best = max(
            ((i, _iou(cs, ds)) for i, ds in enumerate(d_spans) if i not in used), key=lambda x: x[1], default=(None, 0)
        )
        if best[0] is not None and best[1] >= 0.5:
            used.add(best[0])
            pairs.append((best[0], ci))
    out = {"finding": (len(pairs), len(drafted), len(curated))}
    out["quote"] = (
        sum(_norm(drafted[i]["quote"].value) == _norm(curated[c]["quote"]) for i, c in pairs),
        len(drafted),
        len(curated),
    )
    for field, col in (("finding_kind", "kind"), ("voice", "voice"), ("clause", "clause"), ("theme", "theme_id")):

        def val(row, col=col):
            v = row.get(col)
            return (v.value if hasattr(v, "value") else v) or None

        tp = sum(1 for i, c in pairs if val(drafted[i]) and val(drafted[i]) == val(curated[c]))
        out[field] = (tp, sum(1 for r in drafted if val(r)), sum(1 for r in curated if val(r)))
    return out


def evaluate(data_dir: Path = DATA_DIR) -> dict:
    """Per-field counts and precision/recall over every curated document of data_dir, with per-document detail."""
    data_dir = Path(data_dir)
    tables = ("sources", "certificates", "events", "audited_units", "findings")
    rows = {t: _rows(data_dir, t) for t in tables}
    totals = {f: [0, 0, 0] for f in FIELDS}
    per_doc = {}
    for src in rows["sources"]:
        if src["kind"] != "document":
            continue
        text = (data_dir / "sources" / src["file"]).read_text(encoding="utf-8")
        d = draft(text, source_id=src["source_id"], data_dir=data_dir, exclude_examples=src["source_id"])
        got, want = _drafted_items(d), _curated_items(rows, src["source_id"])
        doc = {}
        for f in got:
            tp = sum((got[f] & want[f]).values())
            doc[f] = (tp, sum(got[f].values()), sum(want[f].values()))
            doc[f + "_missed"] = sorted(map(str, (want[f] - got[f]).elements()))
            doc[f + "_extra"] = sorted(map(str, (got[f] - want[f]).elements()))
        curated_findings = [r for r in rows["findings"] if r["source_id"] == src["source_id"]]
        doc.update(_findings(text, d, curated_findings))
        for f in FIELDS:
            for i in range(3):
                totals[f][i] += doc[f][i]
        per_doc[src["source_id"]] = doc
    fields = {}
    for f, (tp, n_drafted, n_curated) in totals.items():
        fields[f] = {
            "true_positives": tp,
            "drafted": n_drafted,
            "curated": n_curated,
            "precision": round(tp / n_drafted, 3) if n_drafted else None,
            "recall": round(tp / n_curated, 3) if n_curated else None,
            "goal": 0.7 if f in ("clause", "theme") else 0.9,
        }
    return {"fields": fields, "documents": per_doc}


def table(result: dict) -> str:
    """The per-field table as Markdown."""
    lines = ["| field | precision | recall | drafted | curated | goal |", "| --- | --- | --- | --- | --- | --- |"]
    for f, r in result["fields"].items():
        p = "–" if r["precision"] is None else f"{r['precision']:.2f}"
        rc = "–" if r["recall"] is None else f"{r['recall']:.2f}"
        ok = (r["precision"] or 0) >= r["goal"] and (r["recall"] or 0) >= r["goal"]
        lines.append(f"| {f} | {p} | {rc} | {r['drafted']} | {r['curated']} | ≥ {r['goal']} {'✓' if ok else '✗'} |")
    return "\n".join(lines)


def write(result: dict, out: Path = DEFAULT_OUT) -> Path:
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return out
