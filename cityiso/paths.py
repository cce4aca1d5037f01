"""Where the project's files live, and which database the app serves.

In a checkout (and an editable install) they are the repository's own: queries/, data/, dashboard.py, pages/
beside cityiso/. A built wheel carries the same files, in the same layout, under the package in cityiso/_bundle/
(pyproject.toml: [tool.setuptools]); there ROOT is that folder. The wheel holds the data package descriptor,
its changelog and the map's voivodeships but no curated CSVs or documents: an installed build reads the folder given
with --data, and the database defaults to cityiso.duckdb in the working folder instead of inside the install.
"""

import os
from importlib.resources import files
from pathlib import Path

PACKAGE_DIR = Path(str(files("cityiso"))).resolve()
_BUNDLE = PACKAGE_DIR / "_bundle"
INSTALLED = _BUNDLE.is_dir()  # a wheel's install, not a checkout

ROOT = _BUNDLE if INSTALLED else PACKAGE_DIR.parent
DATA_DIR = ROOT / "data"
QUERIES_DIR = ROOT / "queries"
DEFAULT_DB = Path("cityiso.duckdb") if INSTALLED else DATA_DIR / "cityiso.duckdb"
VOIVODESHIPS_GEOJSON = DATA_DIR / "geo" / "voivodeships.geojson"
ASSETS_DIR = PACKAGE_DIR / "assets"  # the app's own style, scripts and icon
FAVICON = ASSETS_DIR / "favicon.png"


def served_db_path() -> Path:
    """The database the app serves: $CITYISO_DB, else data/cityiso.duckdb (installed: ./cityiso.duckdb)."""
    return Path(os.environ.get("CITYISO_DB") or DEFAULT_DB).resolve()
