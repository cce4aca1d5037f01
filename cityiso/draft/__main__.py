"""python -m cityiso.draft TEXT_FILE [--url URL] [--published YYYY-MM-DD] (--out DIR | --json)
python -m cityiso.draft --evaluate [DIR ...] [--json-out PATH]"""

import argparse
import datetime as dt
import re
import sys
from pathlib import Path

from cityiso.draft import evaluate as ev
from cityiso.draft.core import draft
from cityiso.draft.output import to_json, write_dir
from cityiso.paths import DATA_DIR


def source_id_for(path: Path) -> str:
    """A source id from a file name: lower-case letters, digits and '-'."""
    return re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-") or "draft"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m cityiso.draft", description="Draft register rows from a text.")
    parser.add_argument("text_file", nargs="?", type=Path, help="saved UTF-8 text of the document")
    parser.add_argument("--url", help="the address the document states")
    parser.add_argument("--published", type=dt.date.fromisoformat, help="publication date (YYYY-MM-DD)")
    parser.add_argument("--data", type=Path, default=DATA_DIR, help="register to match against (default: data/)")
    out = parser.add_mutually_exclusive_group()
    out.add_argument("--out", type=Path, help="folder to write the draft CSV files and drafts.json into")
    out.add_argument("--json", action="store_true", help="print the drafts as JSON")
    out.add_argument(
        "--evaluate",
        nargs="*",
        type=Path,
        metavar="DIR",
        help="compare drafts with curated rows: each DIR a data package or a corpus (default: data/ and the corpus)",
    )
    parser.add_argument("--json-out", type=Path, default=ev.DEFAULT_OUT, help="evaluation JSON (default: %(default)s)")
    args = parser.parse_args(argv)
    if args.evaluate is not None:
        try:
            results = ev.evaluate_all(args.evaluate)
        except ValueError as e:
            parser.error(str(e))
        print(ev.report(results))
        print(f"Written: {ev.write(results, args.json_out)}")
        return 0
    if not args.text_file or not (args.out or args.json):
        parser.error("give TEXT_FILE and --out DIR or --json (or --evaluate)")
    text = args.text_file.read_text(encoding="utf-8")
    d = draft(
        text,
        source_id=source_id_for(args.text_file),
        url=args.url,
        published=args.published,
        file_name=args.text_file.name,
        data_dir=args.data,
    )
    if args.json:
        print(to_json(d))
    else:
        for path in write_dir(d, args.out):
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
