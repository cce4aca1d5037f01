"""A non-editable install works: the wheel built from this checkout carries the code, the SQL, the data package
descriptor, the map's voivodeships, the assets and the app, and runs from a folder outside the repository with the
repository not importable.

The installed interpreter is a fresh venv whose only way to the shared .venv's third-party packages is a .pth
line naming its site-packages: a directory named in a .pth is put on sys.path without running the .pth files in
it, so the editable hook for cityiso that the shared .venv holds never loads. The wheel is built from a copy of
the checkout (pip builds in place otherwise) with the build backend pinned by constraints.txt."""

import contextlib
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import textwrap
import time
import venv
import zipfile
from pathlib import Path
from urllib.request import urlopen

import pytest
from pptx import Presentation

from cityiso.loadtest.sessions import CHROMIUM
from cityiso.paths import ROOT
from cityiso.server import free_port, stop_server
from tests.fixture_package import ROWS, write_package

# Where the wheel puts the project's files that live outside cityiso/ in the checkout (same layout below it).
BUNDLE = "cityiso/_bundle/"
# Not project files: what a checkout holds besides them (builds, caches, the venv link, built databases).
NOT_SOURCE = shutil.ignore_patterns(
    ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", "test-artifacts", "*.duckdb*", ".*.tmp*"
)


def _clean_env(**extra: str) -> dict[str, str]:
    """This process's environment without what would point the installed code back at the checkout."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH" and not k.startswith("CITYISO_")}
    return {**env, **extra}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel `pip wheel` builds from a copy of this checkout."""
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"
    shutil.copytree(ROOT, source, ignore=NOT_SOURCE, symlinks=True)
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--disable-pip-version-check", "-w", work / "dist", source],
        env=_clean_env(PIP_CONSTRAINT=str(ROOT / "constraints.txt")),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    (found,) = (work / "dist").glob("cityiso-*.whl")
    return found


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The wheel installed with --no-deps into a folder of its own, and a venv that sees it and the shared
    .venv's third-party packages (not its editable cityiso); `run` runs that venv's python outside the repo."""
    work = tmp_path_factory.mktemp("installed")
    target = work / "site"
    done = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "--target", target, wheel],
        env=_clean_env(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    env_dir = work / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    env_site = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
        env=_clean_env(),
    ).stdout.strip()
    third_party = sysconfig.get_paths()["purelib"]
    Path(env_site, "cityiso_test_paths.pth").write_text(f"{target}\n{third_party}\n", encoding="utf-8")
    elsewhere = work / "elsewhere"
    elsewhere.mkdir()

    def run(*args, timeout: float = 300, **env: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [python, *args], cwd=elsewhere, env=_clean_env(**env), capture_output=True, text=True, timeout=timeout
        )

    return {"target": target, "python": python, "run": run, "cwd": elsewhere}


@pytest.fixture(scope="module")
def installed_db(installed: dict, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture package (tests/fixture_package.py) built into a database by the installed build command."""
    work = tmp_path_factory.mktemp("package")
    data = write_package(work)
    out = work / "built" / "cityiso.duckdb"
    done = installed["run"]("-m", "cityiso.build", "--data", str(data), "--out", str(out))
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("Built "), done.stdout
    return out


def _probe(installed: dict, code: str, **env: str) -> dict:
    """Run code in the installed interpreter; it prints one JSON object, which is returned."""
    done = installed["run"]("-c", textwrap.dedent(code), **env)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_wheel_carries_the_code_sql_descriptor_outline_assets_and_app(wheel: Path):
    names = set(zipfile.ZipFile(wheel).namelist())
    code = {p.relative_to(ROOT).as_posix() for p in (ROOT / "cityiso").rglob("*") if p.is_file()}
    code = {n for n in code if "__pycache__" not in n}
    assert code - names == set(), "code or assets of cityiso/ missing from the wheel"
    packages = {p.parent.relative_to(ROOT).as_posix() for p in (ROOT / "cityiso").rglob("__init__.py")}
    assert {"cityiso/app", "cityiso/deck", "cityiso/views", "cityiso/figures", "cityiso/data"} <= packages
    project = [
        *(ROOT / "queries").rglob("*.sql"),
        ROOT / "data" / "datapackage.json",
        ROOT / "data" / "CHANGELOG.md",
        *(ROOT / "data" / "geo").iterdir(),
        ROOT / "dashboard.py",
        *(ROOT / "pages").glob("*.py"),
        *(ROOT / "curate").glob("*.py"),
        ROOT / ".streamlit" / "config.toml",
    ]
    assert (ROOT / "queries" / "checks" / "finding_clause_is_coded.sql") in project
    wanted = {BUNDLE + p.relative_to(ROOT).as_posix() for p in project}
    assert wanted - names == set(), "project files the code reads missing from the wheel"
    # The curated data is the user's, not the package's: no CSV, no document, no built database.
    assert not [n for n in names if n.endswith((".csv", ".duckdb")) or "/sources/" in n or n.startswith("tests/")]


def test_installed_code_comes_from_the_install_not_the_checkout(installed: dict):
    found = _probe(
        installed,
        """
        import importlib.util, json, sys, cityiso, cityiso.paths as p
        print(json.dumps({"file": cityiso.__file__, "sys_path": sys.path, "meta_path": [repr(f) for f in sys.meta_path],
            "files": [str(x) for x in (p.ROOT, p.QUERIES_DIR, p.DATA_DIR, p.VOIVODESHIPS_GEOJSON, p.FAVICON)],
            "repo_modules": [m for m in ("dashboard", "pages", "tests") if importlib.util.find_spec(m)]}))
        """,
    )
    target = str(installed["target"])
    assert found["file"].startswith(target + os.sep)
    assert all(f.startswith(target + os.sep) for f in found["files"]), found["files"]
    # The checkout is not on the path (its top-level modules do not import) and no editable hook is loaded.
    assert str(ROOT.resolve()) not in {str(Path(e).resolve()) for e in found["sys_path"] if e}
    assert found["repo_modules"] == []
    assert not [f for f in found["meta_path"] if "editable" in f.lower()]


def test_every_installed_module_imports(installed: dict):
    found = _probe(
        installed,
        """
        import importlib, json, pkgutil, cityiso
        names = [m.name for m in pkgutil.walk_packages(cityiso.__path__, "cityiso.") if not m.name.endswith("__main__")]
        for name in names:
            importlib.import_module(name)
        print(json.dumps(names))
        """,
    )
    for package in ("app", "deck", "views", "figures", "data", "bench", "synth", "draft"):
        assert f"cityiso.{package}" in found


def test_installed_build_and_named_query(installed: dict, installed_db: Path):
    rows = _probe(
        installed,
        f"""
        import json, duckdb
        from cityiso import queries
        with duckdb.connect({str(installed_db)!r}, read_only=True) as con:
            df = queries.run(con, "offices_overview", family=None)
        print(json.dumps(sorted(df["office_id"])))
        """,
    )
    assert rows == sorted(r["office_id"] for r in ROWS["offices"])


def test_installed_build_takes_its_data_folder_from_data_or_cityiso_data(installed: dict, tmp_path: Path):
    unnamed = installed["run"]("-m", "cityiso.build", "--out", str(tmp_path / "none.duckdb"))
    assert unnamed.returncode == 2, unnamed.stdout + unnamed.stderr
    assert "--data" in unnamed.stderr and "CITYISO_DATA" in unnamed.stderr
    data = write_package(tmp_path)
    from_env = installed["run"]("-m", "cityiso.build", CITYISO_DATA=str(data))
    assert from_env.returncode == 0, from_env.stdout + from_env.stderr
    assert (installed["cwd"] / "cityiso.duckdb").is_file()  # the default database: in the working folder


def test_installed_build_applies_the_data_rules_of_queries_checks(installed: dict, tmp_path: Path):
    def expiry_before_issue(rows: dict, _documents: dict) -> None:
        next(r for r in rows["certificates"] if r["certificate_id"] == "tst-9001")["valid_until"] = "2015-09-19"

    data = write_package(tmp_path, expiry_before_issue)
    out = tmp_path / "broken.duckdb"
    done = installed["run"]("-m", "cityiso.build", "--data", str(data), "--out", str(out))
    assert done.returncode == 1, done.stdout + done.stderr
    assert "[certificate_expiry_after_issue]" in done.stderr  # the rule queries/checks/<name>.sql found it
    assert not out.exists()


def test_installed_dashboard_runs_its_pages(installed: dict, installed_db: Path):
    seen = _probe(
        installed,
        """
        import json
        from streamlit.testing.v1 import AppTest
        from cityiso.paths import ROOT
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60).run()
        errors = [e.message for e in at.exception]
        titles = [at.title[0].value if at.title else None]
        at.switch_page("pages/cycles.py").run()
        errors += [e.message for e in at.exception]
        titles.append(at.title[0].value if at.title else None)
        print(json.dumps({"errors": errors, "titles": titles}))
        """,
        CITYISO_DB=str(installed_db),
    )
    assert seen["errors"] == []
    assert all(seen["titles"]), seen


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"no Chromium at {CHROMIUM} for the static image export")
def test_installed_deck_export_writes_a_pptx(installed: dict, installed_db: Path):
    out = installed["cwd"] / "deck.pptx"
    done = installed["run"](
        "-m", "cityiso.deck", "--format", "pptx", "--out", str(out), "--db", str(installed_db), "--lang", "en"
    )
    assert done.returncode == 0, done.stdout + done.stderr
    slides = list(Presentation(str(out)).slides)
    assert len(slides) > 1
    assert any(shape.shape_type == 13 for slide in slides for shape in slide.shapes), "no chart image in the deck"


def test_installed_cityiso_command_builds(installed: dict, tmp_path: Path):
    """The wheel's console script `cityiso` (pip writes it into the install's bin/) lists its subcommands and
    builds a package through `cityiso build`; it is run by the installed interpreter, so the installed code answers."""
    script = installed["target"] / "bin" / "cityiso"
    assert script.is_file(), sorted(p.name for p in (installed["target"] / "bin").iterdir())
    listed = installed["run"](str(script), "--help")
    assert listed.returncode == 0, listed.stdout + listed.stderr
    assert {"build", "serve", "deck", "terc"} <= {
        line.split()[0] for line in listed.stdout.splitlines() if line[:2] == "  "
    }
    out = tmp_path / "cli.duckdb"
    built = installed["run"](str(script), "build", "--data", str(write_package(tmp_path / "data")), "--out", str(out))
    assert built.returncode == 0, built.stdout + built.stderr
    assert built.stdout.startswith("Built ") and out.is_file()


def test_installed_serve_starts_the_dashboard(installed: dict, installed_db: Path):
    port = free_port()
    log = installed["cwd"] / "serve.log"
    with log.open("w") as out:
        proc = subprocess.Popen(
            [installed["python"], "-m", "cityiso.app.serve", f"--server.port={port}", "--server.address=127.0.0.1"],
            cwd=installed["cwd"],
            env=_clean_env(CITYISO_DB=str(installed_db)),
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        _wait_until_healthy(proc, port, log)
        if Path(CHROMIUM).exists():
            _check_in_chromium(f"http://127.0.0.1:{port}/cycles?lang=en")
    finally:
        stop_server(proc)


def _wait_until_healthy(proc: subprocess.Popen, port: int, log: Path) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        assert proc.poll() is None, f"the installed dashboard exited ({proc.returncode}):\n{log.read_text()[-3000:]}"
        with contextlib.suppress(OSError):
            if urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2).read() == b"ok":
                return
        with contextlib.suppress(subprocess.TimeoutExpired):  # a pause that ends early if the server exits
            proc.wait(timeout=0.3)
    pytest.fail(f"the installed dashboard did not answer /_stcore/health:\n{log.read_text()[-3000:]}")


# In a process of its own: a whole-suite run already holds Playwright's sync API open (the browser tests' session
# browser), and a second sync_playwright() in the same process refuses to start inside its event loop.
CHROMIUM_CHECK = """
import sys
from playwright.sync_api import sync_playwright
from cityiso.loadtest.sessions import BROWSER_ARGS, CHROMIUM
IDLE = \"\"\"() => { const a = document.querySelector("[data-testid='stApp']");
  return a !== null && a.dataset.testConnectionState === "CONNECTED" && a.dataset.testScriptState === "notRunning"
    && !document.querySelector("[data-testid='stStatusWidget']")
    && !document.querySelector("[data-testid='stSkeleton']"); }\"\"\"
with sync_playwright() as p:
    browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=BROWSER_ARGS)
    try:
        page = browser.new_page()
        page.goto(sys.argv[1])
        page.wait_for_function(IDLE, timeout=60_000)
        assert page.locator("h1").count() > 0, "no title"
        assert page.locator("[data-testid='stException']").count() == 0, "an exception is shown"
    finally:
        browser.close()
"""


def _check_in_chromium(url: str) -> None:
    done = subprocess.run(
        [sys.executable, "-c", CHROMIUM_CHECK, url], cwd=ROOT, capture_output=True, text=True, timeout=180
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-3000:]
