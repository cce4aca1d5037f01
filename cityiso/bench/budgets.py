"""The budgets of issue 10, as data in one place, and their evaluation against one package's results.
They bind at national scale (3,000 offices x 25 years); the curated data is held to them too, for comparison."""

from dataclasses import dataclass

BUDGETS = {
    "build_s": 10.0,  # build median, seconds
    "build_over_floor": 3.0,  # build median / plain read_csv median
    "query_median_ms": 30.0,  # every named query's median
    "page_warm_over_empty": 3.0,  # every page's warm run <= this x the empty page's warm run ...
    "page_warm_extra_s": 0.5,  # ... + this many seconds
    "figure_json_bytes": 1_000_000,  # figure JSON one page sends
    "app_peak_mb": 500.0,  # peak resident memory of the app process
}


@dataclass(frozen=True)
class Check:
    """One figure against its budget; a figure that could not be measured (timed out, failed) does not pass."""

    subject: str
    what: str
    value: float | None
    limit: float
    unit: str
    note: str = ""

    @property
    def passed(self) -> bool:
        return self.value is not None and self.value <= self.limit

    def as_dict(self) -> dict:
        return {**self.__dict__, "passed": self.passed}


def _why(entry: dict) -> str:
    if entry.get("timed_out_after_s") is not None:
        return f"timed out after {entry['timed_out_after_s']:g} s"
    return "failed" if entry.get("error") or entry.get("failure") else ""  # the details are in the table and JSON


def evaluate(result: dict) -> list[Check]:
    """Every budget applied to a package's build, queries and pages (whatever of them was measured)."""
    checks: list[Check] = []
    build = result.get("build")
    if build:
        b = build["build"]
        checks.append(Check("build", "build median", b["median_s"], BUDGETS["build_s"], "s", _why(b)))
        checks.append(Check("build", "build / floor", build["build_over_floor"], BUDGETS["build_over_floor"], "x"))
    for name, q in (result.get("queries") or {}).get("queries", {}).items():
        checks.append(Check(name, "query median", q["median_ms"], BUDGETS["query_median_ms"], "ms", _why(q)))
    pages = result.get("pages")
    if pages:
        empty_warm = pages["empty_page"].get("warm_s")
        limit = BUDGETS["page_warm_over_empty"] * (empty_warm or 0) + BUDGETS["page_warm_extra_s"]
        for page, p in pages["pages"].items():
            note = _why(p)
            warm = p.get("warm_s") if not p.get("failure") else None
            checks.append(Check(page, "page warm run", warm, limit, "s", note))
            figure = p.get("figure_json_bytes") if "figure_json_bytes" in p else None
            checks.append(Check(page, "figure JSON", figure, BUDGETS["figure_json_bytes"], "B", note))
        timed_out = any(p.get("timed_out_after_s") is not None for p in pages["pages"].values())
        checks.append(
            Check(
                "app",
                "app peak memory",
                pages.get("app_peak_mb"),
                BUDGETS["app_peak_mb"],
                "MB",
                "at least; a page process was stopped" if timed_out else "",
            )
        )
    return checks
