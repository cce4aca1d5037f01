"""The load run's report: page times by page and by how a page was reached, who saw each rebuild, the errors."""

import dataclasses
import math

from cityiso.loadtest.pages import PAGES
from cityiso.loadtest.sessions import Run


def percentile(values: list[float], q: float) -> float | None:
    """Nearest-rank percentile."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)]


def summarise(run: Run, sessions: int, base_documents: int) -> dict:
    loads = run.loads
    pages = {}
    groups = {name: [x for x in loads if x.page == name] for name in PAGES}
    groups["by URL (a fresh visit)"] = [x for x in loads if x.how == "url"]
    groups["by sidebar link"] = [x for x in loads if x.how == "sidebar"]
    groups["all"] = loads
    for name, mine in groups.items():
        times = [x.seconds for x in mine if x.seconds is not None and not x.error]
        script = [x.script_seconds for x in mine if x.script_seconds is not None and not x.error]
        pages[name] = {
            "loads": len(mine),
            "errors": sum(1 for x in mine if x.error),
            "script_p50_s": percentile(script, 50),
            "script_p95_s": percentile(script, 95),
            "p50_s": percentile(times, 50),
            "p95_s": percentile(times, 95),
            "max_s": max(times, default=None),
        }
    rebuilds = []
    for r in run.rebuilds:
        # A session saw the rebuild when a page showed at least its count of documents (a later rebuild's too). A
        # page asked for after the replace must not show fewer.
        shown = [x for x in loads if x.documents is not None]
        after = [x for x in shown if x.started_s >= r.replaced_s]
        first_seen: dict[int, float] = {}
        for x in sorted(shown, key=lambda x: x.started_s + x.seconds):
            if x.documents >= r.documents and x.session not in first_seen:
                first_seen[x.session] = x.started_s + x.seconds - r.replaced_s
        saw = set(first_seen)
        rebuilds.append(
            {
                "number": r.number,
                "replaced_at_s": r.replaced_s,
                "build_s": r.build_seconds,
                "documents": r.documents,
                "sessions_saw": len(saw),
                "sessions": sessions,
                "older_data_after_replace": sum(1 for x in after if x.documents < r.documents),
                "median_s_to_see": percentile(list(first_seen.values()), 50),
            }
        )
    errors = [dataclasses.asdict(x) for x in [*run.warm_up, *loads] if x.error]
    return {
        "pages": pages,
        "rebuilds": rebuilds,
        "errors": errors,
        "error_kinds": {kind: sum(1 for e in errors if e["error"] == kind) for kind in {e["error"] for e in errors}},
        "outside_requests": run.outside[:20],
        "count_outside_requests": len(run.outside),
        "documents_before": base_documents,
    }


def milliseconds(seconds: float | None) -> float | None:
    """Seconds as whole milliseconds; None and infinity (a health probe that failed) stay as they are."""
    return None if seconds is None else (float("inf") if math.isinf(seconds) else round(seconds * 1000))


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def table(report: dict) -> str:
    lines = [
        "| page | loads | errors | text shown p50 / p95 s | drawn p50 / p95 s | max s |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, row in report["pages"].items():
        label = f"**{name}**" if name == "all" else name
        lines.append(
            f"| {label} | {row['loads']} | {row['errors']} | {_fmt(row['script_p50_s'])} / {_fmt(row['script_p95_s'])} "
            f"| {_fmt(row['p50_s'])} / {_fmt(row['p95_s'])} | {_fmt(row['max_s'])} |"
        )
    lines.append("")
    lines.append(
        "| rebuild | replaced at s | build s | documents | sessions that saw it | median s to see | older data after |"
    )
    lines.append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in report["rebuilds"]:
        lines.append(
            f"| {r['number']} | {r['replaced_at_s']:.1f} | {r['build_s']:.2f} | {r['documents']} "
            f"| {r['sessions_saw']}/{r['sessions']} | {_fmt(r['median_s_to_see'])} | {r['older_data_after_replace']} |"
        )
    return "\n".join(lines)


def passed(report: dict) -> bool:
    return (
        not report["errors"]
        and not report["count_outside_requests"]
        and all(r["sessions_saw"] == r["sessions"] for r in report["rebuilds"])
    )
