"""The server's start (cityiso.app.preload): what the first visitor would otherwise wait for is done before it
listens; a step that fails is logged and left to the page that needs it."""

import gc
import json
import os
import re
import subprocess
import sys
import textwrap
import weakref
from pathlib import Path

import pytest

from cityiso.app import preload, serve
from cityiso.paths import ROOT


def test_a_scripts_imports_are_read_from_its_code(tmp_path: Path):
    script = tmp_path / "page.py"
    script.write_text(
        textwrap.dedent(
            """
            import datetime as dt
            import plotly.io, json
            from cityiso.views import cycles, OfficeFilter
            from . import sibling
            def f():
                from cityiso.deck.slides import build_deck
            """
        )
    )
    assert preload.imported_by(script) == {
        "datetime": True,
        "plotly.io": True,
        "json": True,
        "cityiso.views": True,
        "cityiso.views.cycles": False,  # a module, or a name in cityiso.views: tried
        "cityiso.views.OfficeFilter": False,
        "cityiso.deck.slides": True,
        "cityiso.deck.slides.build_deck": False,
    }


def test_the_scripts_are_the_dashboard_and_every_page(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("CITYISO_CURATE", raising=False)
    found = preload.scripts()
    assert found[0] == ROOT / "dashboard.py"
    assert set(found[1:]) == set((ROOT / "pages").glob("*.py"))
    monkeypatch.setenv("CITYISO_CURATE", "1")
    assert ROOT / "curate" / "review.py" in preload.scripts()


def test_imports_load_what_the_pages_import_in_a_fresh_process():
    """In a process that has imported nothing of the app, the import step loads every module a page imports, and
    what Streamlit imports only at a page's first run."""
    code = textwrap.dedent(
        """
        import json, sys
        from cityiso.app import preload
        before = set(sys.modules)
        wanted = set().union(*(preload.imported_by(s) for s in preload.scripts()))  # the names
        wanted |= set(preload.FIRST_RUN_MODULES)
        preload._imports()
        missing = wanted - set(sys.modules)
        # Left out may only be names that are not modules (`from cityiso.views import OfficeFilter`).
        not_names = [m for m in missing if not hasattr(sys.modules.get(m.rpartition(".")[0]), m.rpartition(".")[2])]
        print(json.dumps({"before": sorted(before & wanted), "missing": sorted(missing), "not_names": not_names}))
        """
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert "pandas" not in result["before"] and "cityiso.views.cycles" not in result["before"]
    assert result["not_names"] == []
    for module in ("pandas", "duckdb", "plotly.graph_objects", "cityiso.views.cycles", "cityiso.deck.slides"):
        assert module not in result["missing"]
    # What Streamlit imports only at a first run is loaded too: a module renamed by an upgrade shows here.
    assert set(preload.FIRST_RUN_MODULES).isdisjoint(result["missing"] + result["before"])


def test_after_the_inspect_step_streamlits_first_stack_look_up_maps_no_module_again():
    """Streamlit looks up the call stack at a process's first element, in the script's thread (env_util.is_repl); the
    first look-up in a process maps the file of every imported module. After the inspect step, that look-up in another
    thread maps only what is new (without the step: well over a thousand files)."""
    code = textwrap.dedent(
        """
        import inspect, json, sys, threading
        from cityiso.app import preload
        from streamlit import env_util
        preload._imports()
        step = sys.argv[1] == "step"
        if step:
            preload._inspect()
        mapped = []
        looked_up = inspect.getabsfile
        inspect.getabsfile = lambda *a, **k: mapped.append(1) or looked_up(*a, **k)
        thread = threading.Thread(target=env_util.is_repl)
        thread.start()
        thread.join()
        print(json.dumps({"mapped": len(mapped)}))
        """
    )
    count = {}
    for variant in ("step", "none"):
        out = subprocess.run(
            [sys.executable, "-c", code, variant], cwd=ROOT, capture_output=True, text=True, check=True
        )
        count[variant] = json.loads(out.stdout.strip().splitlines()[-1])["mapped"]
    assert count["none"] > 1000 and count["step"] < 50, count
    names = [name for name, _ in preload.STEPS]
    assert names.index("inspect") > max(names.index("imports"), names.index("image browser"))
    assert names.index("inspect") < names.index("freeze")


def test_a_module_that_cannot_be_imported_is_logged_and_the_others_are(monkeypatch, caplog, tmp_path: Path):
    script = tmp_path / "page.py"
    script.write_text("import cityiso_no_such_module\nfrom cityiso import ids\nfrom cityiso.ids import slug\n")
    monkeypatch.setattr(preload, "scripts", lambda: [script])
    monkeypatch.delitem(sys.modules, "cityiso.ids", raising=False)
    preload._imports()
    assert "cityiso.ids" in sys.modules  # imported after the failing one (sorted after it)
    assert "cityiso_no_such_module not imported" in caplog.text
    assert "slug" not in caplog.text  # a name imported from a module is no failure


def test_a_failed_step_is_logged_and_the_others_run(monkeypatch: pytest.MonkeyPatch, caplog, tmp_path: Path):
    monkeypatch.setenv("CITYISO_DB", str(tmp_path / "missing.duckdb"))
    ran = []
    steps = [(name, (lambda n=name: ran.append(n))) for name, _ in preload.STEPS if name != "database"]
    monkeypatch.setattr(preload, "STEPS", (("database", preload._database), *steps))
    took = preload.warm()
    assert list(took) == ["database", *(name for name, _ in steps)]
    assert ran == [name for name, _ in steps]
    assert "database skipped (DatabaseMissing" in caplog.text and "missing.duckdb" in caplog.text


def test_the_server_preloads_before_streamlit_starts(monkeypatch: pytest.MonkeyPatch):
    order = []
    monkeypatch.setattr(preload, "warm", lambda: order.append("warm"))
    monkeypatch.setattr(serve.cli, "main", lambda **kw: order.append(kw["args"][:2]))
    serve.main(["--server.headless=true"])
    assert order == ["warm", ["run", str(ROOT / "dashboard.py")]]


def test_before_streamlit_starts_the_preload_logs_to_the_console_with_time_and_level(tmp_path: Path):
    """No logging is set up before Streamlit's: a skipped step and the summary still reach the server's console,
    dated and levelled like Streamlit's own lines."""
    code = "from cityiso.app import preload\npreload.STEPS = tuple(s for s in preload.STEPS if s[0] == 'database')\n"
    code += "preload.warm()\n"
    env = {**os.environ, "CITYISO_DB": str(tmp_path / "missing.duckdb")}
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    lines = [line for line in out.stderr.strip().splitlines() if "cityiso.app.preload" in line]
    assert re.match(
        r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} WARNING cityiso\.app\.preload: preload: database skipped", lines[0]
    )
    assert re.search(r" INFO cityiso\.app\.preload: preloaded in \d+\.\d s \(database ", lines[-1]), lines


def test_what_the_preload_loaded_is_left_out_of_later_collections(monkeypatch: pytest.MonkeyPatch):
    """The last step freezes what the others loaded (Streamlit's collection after each run then skips it), hands it
    back to the collector at exit, and a cycle made later is still collected."""
    assert preload.STEPS[-1] == ("freeze", preload._freeze)
    at_exit = []
    monkeypatch.setattr(preload.atexit, "register", at_exit.append)
    try:
        preload._freeze()
        assert gc.get_freeze_count() > 0
        assert at_exit == [gc.unfreeze]

        class Node:
            pass

        node = Node()
        node.itself = node
        ref = weakref.ref(node)
        del node
        gc.collect()
        assert ref() is None
    finally:
        gc.unfreeze()
