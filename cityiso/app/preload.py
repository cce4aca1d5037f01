"""What the dashboard's server does once, before it listens, so that the first visitor after a start does not wait
for it: import what the pages import (and what Streamlit imports at a first run), let Plotly load what a figure's
first properties need, open the served database, start the browser that draws static images (the
presentation's thumbnails and every export) and map the imported modules' files as Streamlit's first look-up of the
call stack would; then leave all of that out of later garbage collections.

Nothing here computes a result from the data: the first visit of a view still runs its named queries and draws its
figures (the benchmark's *cold* visit measures exactly that). Each step that fails is left to the page that needs it,
which says why in its own words (no database, no Chromium)."""

import ast
import atexit
import contextlib
import gc
import importlib
import logging
import os
import time
from pathlib import Path

from cityiso.paths import ROOT

log = logging.getLogger(__name__)


def scripts() -> list[Path]:
    """The Streamlit scripts this server runs: dashboard.py, the pages, and the curator's page when it is on."""
    found = [ROOT / "dashboard.py", *sorted((ROOT / "pages").glob("*.py"))]
    if os.environ.get("CITYISO_CURATE") == "1":
        found += sorted((ROOT / "curate").glob("*.py"))
    return found


def imported_by(script: Path) -> dict[str, bool]:
    """The absolute imports of a script, each with whether it must be a module: `import a.b` gives a.b (it must);
    `from a import b` gives a (it must) and a.b (it may be a name in a rather than a module)."""
    names: dict[str, bool] = {}
    for node in ast.walk(ast.parse(script.read_text(encoding="utf-8"), filename=str(script))):
        if isinstance(node, ast.Import):
            names.update((alias.name, True) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            for alias in node.names:
                names.setdefault(f"{node.module}.{alias.name}", False)
            names[node.module] = True
    return names


# What Streamlit, Plotly and pandas import only when a page first runs, none of it named in a script (about 60 ms of
# a first visit at 3,000 offices, measured by the modules a first AppTest run of each page added): Streamlit's emoji
# and icon names (the navigation's and the pages' icons), Plotly's dataframe layer (narwhals) and pyarrow's
# conversion to pandas.
FIRST_RUN_MODULES = (
    "streamlit.emojis",
    "streamlit.material_icon_names",
    "narwhals.stable.v1",
    "narwhals._pandas_like.dataframe",
    "pyarrow.pandas_compat",
)


def _imports() -> None:
    """Every module the scripts import (pandas, DuckDB, Plotly and the package: about 0.8 s of a first run), and
    FIRST_RUN_MODULES; one that cannot be imported is logged and left to the page that imports it, which says what
    is wrong to its viewer.
    Streamlit warns, for each cached function decorated before its runtime exists, that it has none yet: true and
    harmless here (a cache is made at its first call, inside the runtime), so that warning is held back meanwhile."""
    from streamlit.runtime.caching import cache_data_api  # its logger is set up when it is imported

    wanted: dict[str, bool] = dict.fromkeys(FIRST_RUN_MODULES, True)
    for script in scripts():
        for name, required in imported_by(script).items():
            wanted[name] = wanted.get(name, False) or required
    caching = logging.getLogger(cache_data_api.__name__)
    level = caching.level
    caching.setLevel(logging.ERROR)
    try:
        for name, required in sorted(wanted.items()):
            try:
                importlib.import_module(name)
            except ModuleNotFoundError as exc:
                if required or exc.name != name:  # not a module: a name imported from its parent, no failure
                    log.warning("preload: %s not imported (%s)", name, exc)
            except Exception as exc:
                log.warning("preload: %s not imported (%s: %s)", name, type(exc).__name__, exc)
    finally:
        caching.setLevel(level)


def _plotly() -> None:
    """A figure of each trace type the app draws, turned into JSON: Plotly loads a property's validator the first
    time the property is set (about 0.1 s for a first figure)."""
    import plotly.graph_objects as go
    import plotly.io as pio

    figure = go.Figure(
        [go.Bar(x=[1], y=[1]), go.Scatter(x=[1], y=[1]), go.Heatmap(z=[[1]]), go.Choropleth(locations=["a"], z=[1])]
    )
    figure.update_layout(title="", legend={"orientation": "h"}, xaxis={"title": ""}, margin={"l": 0})
    pio.to_json(figure)


def _inspect() -> None:
    """Look up the call stack once, as Streamlit does at a process's first element (to tell a REPL from `streamlit
    run`): the first look-up maps the file of every imported module (about 1,500 after the imports) to its module,
    about 70 ms; later ones reuse that map, under 1 ms."""
    import inspect

    inspect.stack()


def _database() -> None:
    from cityiso import store

    store.database_identity()


IMAGE_BROWSER_WAIT_S = 15.0  # Chromium starts in about 1.5 s; a machine under load may take several times that


def _image_browser() -> None:
    """Chromium for static images starts with the first image (about 1.5 s): draw a blank one now."""
    import plotly.graph_objects as go

    from cityiso.figures import images

    if images.find_browser():  # a browser that crashes or hangs: the server starts anyway, export says it is off
        images.image_bytes(go.Figure(), "png", width=16, height=16, timeout_s=IMAGE_BROWSER_WAIT_S)


def _freeze() -> None:
    """Leave what the steps above loaded out of every later garbage collection (gc.freeze). Streamlit collects every
    generation after each script run (runner.postScriptGC): over the modules, classes and functions loaded here that
    took about 85 ms a run at 3,000 offices, and takes about 5 ms of what the runs themselves make. A frozen object
    is still freed when nothing refers to it, unless it is part of a reference cycle: such a cycle stays until exit
    (what the steps load lives as long as the server anyway). At exit they go back to the collector, so the
    interpreter's last collection frees them as before."""
    gc.collect()
    gc.freeze()
    atexit.register(gc.unfreeze)


STEPS = (
    ("imports", _imports),
    ("plotly", _plotly),
    ("database", _database),
    ("image browser", _image_browser),
    ("inspect", _inspect),
    ("freeze", _freeze),
)


def warm() -> dict[str, float]:
    """Run every step; the seconds each took (logged), a failed step logged and skipped."""
    with _console_log():
        took = {}
        for name, step in STEPS:
            start = time.perf_counter()
            try:
                step()
            except Exception as exc:  # the page that needs it reports it to its viewer
                log.warning("preload: %s skipped (%s: %s)", name, type(exc).__name__, exc)
            took[name] = time.perf_counter() - start
        log.info("preloaded in %.1f s (%s)", sum(took.values()), ", ".join(f"{k} {v:.2f} s" for k, v in took.items()))
    return took


@contextlib.contextmanager
def _console_log():
    """Before Streamlit starts no logging is set up: meanwhile this module's lines go to the console in Streamlit's
    format (time, level, logger), its summary included. Where logging is set up already (tests), nothing changes."""
    if logging.getLogger().handlers or log.handlers:
        yield
        return
    handler = logging.StreamHandler()
    handler.setFormatter(
        logging.Formatter("%(asctime)s.%(msecs)03d %(levelname)s %(name)s: %(message)s", "%Y-%m-%d %H:%M:%S")
    )
    level = log.level
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    try:
        yield
    finally:
        log.removeHandler(handler)
        log.setLevel(level)
