"""The package's shape: runtime code never imports tests, imports no test-only package at import time, and
declares every third-party package it imports (pyproject.toml)."""

import ast
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest

from cityiso.paths import ROOT

RUNTIME = [*sorted((ROOT / "cityiso").rglob("*.py")), ROOT / "dashboard.py", *sorted((ROOT / "pages").glob("*.py"))]
# Installed for tests only (pyproject's test extra): runtime code never imports them.
TEST_ONLY = {"pytest", "hypothesis", "frictionless", "xdist", "ruff"}


def _imports(path: Path) -> list[tuple[str, bool]]:
    """Every module `path` imports by name, and each name a `from` import takes qualified by its module (`from cityiso
    import queries` gives cityiso and cityiso.queries), each with whether the import runs when the module is
    imported."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
        found += [(name, node in tree.body) for name in names]
    return found


def _declared() -> dict[str, set[str]]:
    """Distribution names pyproject declares, by extra ("" for the base dependencies)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]

    def name(requirement: str) -> str:
        for stop in "<>=[; ":
            requirement = requirement.split(stop)[0]
        return requirement.strip().lower().replace("_", "-")

    declared = {"": {name(r) for r in project["dependencies"]}}
    for extra, requirements in project["optional-dependencies"].items():
        declared[extra] = {name(r) for r in requirements}
    return declared


@pytest.mark.parametrize("path", RUNTIME, ids=lambda p: str(p.relative_to(ROOT)))
def test_runtime_never_imports_tests(path: Path) -> None:
    """A runtime module imports nothing from tests/, and no test-only package at all."""
    for module, _ in _imports(path):
        top = module.split(".")[0]
        assert top != "tests", f"{path.name} imports {module}"
        assert top not in TEST_ONLY, f"{path.name} imports the test-only {module}"


def test_playwright_imported_only_where_a_browser_is_driven() -> None:
    """playwright (the loadtest extra) is imported inside functions, never when a module is imported."""
    for path in RUNTIME:
        for module, at_import in _imports(path):
            assert not (module.startswith("playwright") and at_import), f"{path.name} imports {module} at import time"


def test_runtime_imports_are_declared() -> None:
    """Every third-party package runtime code imports is a dependency of pyproject.toml or of an extra other than
    test (the drafter's and the load test's packages are imported only where those are used)."""
    declared = _declared()
    allowed = set().union(*(names for extra, names in declared.items() if extra != "test"))
    distributions = packages_distributions()
    missing = set()
    for path in RUNTIME:
        for module, _ in _imports(path):
            top = module.split(".")[0]
            if top in sys.stdlib_module_names or top in ("cityiso", "tests", "__future__"):
                continue
            names = {d.lower().replace("_", "-") for d in distributions.get(top, [top])}
            if not names & allowed:
                missing.add(f"{path.relative_to(ROOT)}: {module} ({', '.join(sorted(names))})")
    assert not missing, "imported but not declared in pyproject.toml:\n" + "\n".join(sorted(missing))


# Pages and slides lay views out: what they show comes through cityiso.views (and the app's ui), never from the
# query layer, the store, the vocabulary or the data package directly.
# Every module of the deck counts, its export command too (python -m cityiso.deck fetches through views.file_fetch).
LAYOUT_ONLY = [
    *sorted((ROOT / "pages").glob("*.py")),
    ROOT / "dashboard.py",
    *sorted((ROOT / "cityiso" / "deck").glob("*.py")),
]
BELOW_VIEWS = ("cityiso.queries", "cityiso.store", "cityiso.data", "cityiso.vocabulary", "duckdb")


@pytest.mark.parametrize("path", LAYOUT_ONLY, ids=lambda p: str(p.relative_to(ROOT)))
def test_pages_and_slides_import_views_not_the_layers_below(path: Path) -> None:
    # A page draws no figure itself either (a slide restyles its view's figure for the slide: deck's own concern).
    forbidden = BELOW_VIEWS + (("cityiso.figures",) if path.parent.name != "deck" else ())
    below = [name for name, _ in _imports(path) if name.startswith(forbidden)]
    assert below == [], f"{path.relative_to(ROOT)} imports {below}: ask a view (cityiso.views) instead"


QUERY_NAMES = {path.stem for path in (ROOT / "queries").glob("*.sql")}
# What asks for a named result by its name: the fetches of the store, the app and the views' context.
FETCHERS = {"fetch", "rows", "finding_rows", "data_or_stop", "paged", "run"}


def _callee(node: ast.expr) -> str:
    """The name a call's function goes by: `ctx.rows` -> 'rows', `fetch` -> 'fetch'."""
    return node.attr if isinstance(node, ast.Attribute) else node.id if isinstance(node, ast.Name) else ""


def _named_queries(source: str) -> list[str]:
    """The named queries `source` asks for itself: a query's name written out as an argument (by position or as
    `name=`) of a fetch, or of a call handed a fetch (functools.partial(ctx.rows, "events")). A chart's or a table's
    key that is also a query's name ("themes", "events") elsewhere is no question asked."""
    asked = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        fetching = _callee(node.func) in FETCHERS or any(_callee(a) in FETCHERS for a in node.args)
        values = [*node.args, *(k.value for k in node.keywords if k.arg == "name")]
        asked += [
            f"{v.value} (line {node.lineno})"
            for v in values
            if fetching and isinstance(v, ast.Constant) and v.value in QUERY_NAMES
        ]
    return asked


@pytest.mark.parametrize("path", LAYOUT_ONLY, ids=lambda p: str(p.relative_to(ROOT)))
def test_pages_and_slides_ask_no_named_query_themselves(path: Path) -> None:
    """Which named result a page or a slide shows is a view's (or the app's ui) to know: a page asking
    fetch("offices_overview") itself would count beside the view that counts the same thing."""
    asked = _named_queries(path.read_text(encoding="utf-8"))
    assert asked == [], f"{path.relative_to(ROOT)} asks {asked}: ask a view instead"


@pytest.mark.parametrize(
    ("source", "found"),
    [
        ('ctx.rows("offices_overview")', ["offices_overview (line 1)"]),
        ('ui.data_or_stop("events", offices=None)', ["events (line 1)"]),
        ('fetch(name="themes")', ["themes (line 1)"]),
        ('functools.partial(ctx.rows, "events")', ["events (line 1)"]),
        ('skip_reason("themes", d)', []),  # a chart's key, not a question
        ('t("events", lang)', []),
        ("ctx.rows(name)", []),
    ],
)
def test_a_named_query_written_out_is_found(source: str, found: list[str]) -> None:
    """The check above finds a query's name handed to a fetch, and nothing else."""
    assert _named_queries(source) == found
