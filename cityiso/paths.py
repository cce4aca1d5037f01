"""Where the project's files live, and which database the app serves."""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = ROOT / "data"
QUERIES_DIR = ROOT / "queries"
DEFAULT_DB = DATA_DIR / "cityiso.duckdb"
POLAND_OUTLINE = DATA_DIR / "geo" / "poland_outline.geojson"


def served_db_path() -> Path:
    """The database the app serves: $CITYISO_DB, else data/cityiso.duckdb."""
    return Path(os.environ.get("CITYISO_DB") or DEFAULT_DB).resolve()
