"""The benchmark's results as Markdown tables, for the terminal and the README."""

from cityiso.bench.budgets import BUDGETS, Check, evaluate


def _s(value: float | None, digits: int = 2) -> str:
    return "–" if value is None else f"{value:.{digits}f} s"


def _ms(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f} ms"


def _mb(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f} MB"


def _kb(value: int | None) -> str:
    return "–" if value is None else f"{value / 1000:.1f} kB"


def _mark(checks: list[Check]) -> str:
    """'pass' when every check passed, else what failed (and why, when it could not be measured)."""
    failed = [f"{c.what} ({c.note})" if c.note else c.what for c in checks if not c.passed]
    return f"**FAIL**: {', '.join(failed)}" if failed else ("pass" if checks else "")


def _or_note(entry: dict, text: str) -> str:
    if entry.get("timed_out_after_s") is not None:
        return f"timed out after {entry['timed_out_after_s']:g} s"
    if entry.get("error") or entry.get("failure"):
        return f"failed: {entry.get('error') or entry.get('failure')}"
    return text


def budgets_table() -> str:
    """The budgets, one row each."""
    b = BUDGETS
    rows = [
        ("build median", f"<= {b['build_s']:g} s and <= {b['build_over_floor']:g}x the floor (read_csv + documents)"),
        ("every named query, median", f"<= {b['query_median_ms']:g} ms"),
        (
            "every page, warm run",
            f"<= {b['page_warm_over_empty']:g}x the empty page's warm run + {b['page_warm_extra_s']:g} s",
        ),
        ("figure JSON one page sends", f"<= {b['figure_json_bytes'] / 1e6:g} MB"),
        ("app peak memory", f"<= {b['app_peak_mb']:g} MB"),
    ]
    return "\n".join(["| budget | limit |", "| --- | --- |", *(f"| {w} | {limit} |" for w, limit in rows)])


def package_report(result: dict) -> str:
    """A package's build, queries and pages tables, with each figure's budget mark."""
    checks = evaluate(result)
    by_subject: dict[str, list[Check]] = {}
    for c in checks:
        by_subject.setdefault(c.subject, []).append(c)
    out = [f"### {result['label']}", ""]
    build = result["build"]
    b, f = build["build"], build["floor"]
    ratio = build["build_over_floor"]
    out += [
        "| build | median | CPU | peak memory | floor (read_csv + documents) | floor CPU | floor peak memory "
        "| build / floor | database | budget |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
        f"| {len(b['samples_s'])} run(s) | {_or_note(b, _s(b['median_s']))} | {_s(b.get('cpu_median_s'))} "
        f"| {_mb(b['peak_mb'])} | {_or_note(f, _s(f['median_s']))} | {_s(f.get('cpu_median_s'))} "
        f"| {_mb(f['peak_mb'])} | {'–' if ratio is None else f'{ratio:.1f}x'} "
        f"| {_mb(b.get('file_mb'))} | {_mark(by_subject.get('build', []))} |",
        "",
    ]
    if result.get("error"):
        out += [f"Queries and pages not measured: {result['error']}", ""]
    queries = result.get("queries")
    if queries:
        ctx, one = queries["context"], queries["select_1"]
        out += [
            f"Queries with {ctx['offices']} offices, family {ctx['family']}, as of {ctx['as_of']}, "
            f"search '{ctx['search']}'.",
            "",
            "| query | rows | median | p95 | CPU median | samples | budget |",
            "| --- | --- | --- | --- | --- | --- | --- |",
            f"| `SELECT 1` (floor) | {one.get('rows', '–')} | {_ms(one['median_ms'])} | {_ms(one['p95_ms'])} "
            f"| {_ms(one.get('cpu_median_ms'))} | {one['count_samples']} | |",
        ]
        for name, q in queries["queries"].items():
            out.append(
                f"| {name} | {q.get('rows', '–')} | {_or_note(q, _ms(q['median_ms']))} | {_ms(q['p95_ms'])} "
                f"| {_ms(q.get('cpu_median_ms'))} | {q['count_samples']} | {_mark(by_subject.get(name, []))} |"
            )
        out.append("")
    pages = result.get("pages")
    if pages:
        empty = pages["empty_page"]
        out += [
            "| page | cold run | warm run | figure JSON | table rows | peak memory | budget |",
            "| --- | --- | --- | --- | --- | --- | --- |",
            f"| empty page (floor) | {_s(empty.get('cold_s'), 3)} | {_s(empty.get('warm_s'), 3)} | | "
            f"| {_mb(empty.get('peak_mb'))} | |",
        ]
        for page, p in pages["pages"].items():
            out.append(
                f"| {page.removeprefix('pages/').removesuffix('.py')} | {_or_note(p, _s(p.get('cold_s')))} "
                f"| {_s(p.get('warm_s'))} | {_kb(p.get('figure_json_bytes'))} | {p.get('table_rows', '–')} "
                f"| {_mb(p.get('peak_mb'))} | {_mark(by_subject.get(page, []))} |"
            )
        out += [
            "",
            f"App peak memory (the largest page process): {_mb(pages['app_peak_mb'])}: "
            f"{_mark(by_subject.get('app', []))}.",
            "",
        ]
    failed = [c for c in checks if not c.passed]
    out.append(f"Budgets: {len(checks) - len(failed)} of {len(checks)} figures within budget.")
    return "\n".join([*out, ""])


def conditions_line(conditions: dict) -> str:
    load = ", ".join(f"{x:.2f}" for x in conditions["load_average_at_start"])
    return (
        f"Measured {conditions['date']} on {conditions['cores']} cores, load average at start {load} "
        f"(1, 5, 15 min); Python {conditions['python']}, DuckDB {conditions['duckdb']}, "
        f"Streamlit {conditions['streamlit']}; repeats: {conditions['repeat']}."
    )


def report(results: dict) -> str:
    """The whole run: conditions, then one section per data package."""
    parts = [conditions_line(results["conditions"]), ""]
    parts += [package_report(r) for r in results["packages"]]
    return "\n".join(parts)
