"""Export the council deck: a PowerPoint deck, a PDF handout, or each chart as PNG or SVG.

Usage: python -m cityiso.deck --format pptx|pdf|png|svg --out PATH [--offices ID,...] [--lang pl|en]
       [--charts map,cycles,...] [--as-of YYYY-MM-DD] [--family "ISO 9001"] [--db PATH]
For png and svg, PATH is a folder that receives one file per chart.
"""

import argparse
import datetime as dt
import sys
from pathlib import Path

from cityiso.deck.pdf import handout_pdf
from cityiso.deck.pptx import deck_pptx
from cityiso.deck.slides import CHARTS, Slide, build_deck
from cityiso.figures.images import ExportUnavailable, image_bytes
from cityiso.labels import LANGS
from cityiso.paths import served_db_path
from cityiso.views import DEFAULT_FAMILY, chosen, file_fetch

FORMATS = ("pptx", "pdf", "png", "svg")


class UsageProblem(ValueError):
    """An argument the command cannot use; the message says which and why."""


def _choose(raw: str | None, known: list[str], what: str) -> list[str]:
    if not raw:
        return known
    chosen = [v.strip() for v in raw.split(",") if v.strip()]
    unknown = [v for v in chosen if v not in known]
    if unknown or not chosen:
        given = ", ".join(unknown) if unknown else "(none)"
        raise UsageProblem(f"unknown {what}: {given} (known: {', '.join(known)})")
    return chosen


def write_charts(slides: list[Slide], folder: Path, fmt: str) -> list[Path]:
    """Each chart slide's figure as its own image file, numbered in deck order."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for number, slide in enumerate((s for s in slides if s.figure is not None), start=1):
        path = folder / f"{number:02d}_{slide.key}.{fmt}"
        path.write_bytes(image_bytes(slide.figure, fmt, scale=2 if fmt == "png" else 1, titled=True))
        written.append(path)
    return written


def export(
    fmt: str,
    out: Path,
    db: Path,
    offices: str | None,
    lang: str,
    charts: str | None,
    as_of: dt.date | None,
    family: str = DEFAULT_FAMILY,
) -> list[Path]:
    """Build the deck from the database and write it out; return the files written."""
    if not db.exists():
        raise UsageProblem(f"no database at {db}: build it with python -m cityiso.build")
    with file_fetch(db) as fetch:
        known = sorted(chosen.office_ids(fetch))
        families = sorted(chosen.families(fetch))
        slides = build_deck(
            fetch,
            _choose(offices, known, "office id(s)"),
            lang,
            _choose(charts, list(CHARTS), "chart(s)"),
            as_of,
            family=_choose(family, families, "family")[0],
        )
    if fmt in ("png", "svg"):
        return write_charts(slides, out, fmt)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(deck_pptx(slides) if fmt == "pptx" else handout_pdf(slides))
    return [out]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m cityiso.deck", description=__doc__.splitlines()[0])
    parser.add_argument("--format", required=True, choices=FORMATS)
    parser.add_argument("--out", required=True, type=Path, help="file (pptx, pdf) or folder (png, svg)")
    # --cities is the name from before v2, kept so that existing scripts still work.
    parser.add_argument("--offices", "--cities", dest="offices", help="office ids, comma-separated (default: all)")
    parser.add_argument("--family", default=DEFAULT_FAMILY, help=f"standard family (default: {DEFAULT_FAMILY})")
    parser.add_argument("--lang", default="pl", choices=LANGS)
    parser.add_argument("--charts", help=f"in the deck's order, from {','.join(CHARTS)} (default: all)")
    parser.add_argument("--as-of", type=dt.date.fromisoformat, help="date for the status map (default: today)")
    parser.add_argument("--db", type=Path, default=None, help="database (default: $CITYISO_DB or data/cityiso.duckdb)")
    args = parser.parse_args(argv)
    try:
        written = export(
            args.format,
            args.out,
            args.db or served_db_path(),
            args.offices,
            args.lang,
            args.charts,
            args.as_of,
            args.family,
        )
    except UsageProblem as exc:
        print(f"cityiso.deck: {exc}", file=sys.stderr)
        return 2
    except ExportUnavailable as exc:
        print(f"cityiso.deck: {exc}", file=sys.stderr)
        return 3
    for path in written:
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
