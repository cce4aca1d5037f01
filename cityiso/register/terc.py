"""Import GUS's TERC file (the official list of Poland's voivodeships, powiats and gminas) into the data folder.

Usage: python -m cityiso.register.terc import FILE [--data DIR]

FILE is TERC's "Urzędowy" variant as GUS publishes it on eteryt.stat.gov.pl (the CSV, or the ZIP holding it):
semicolon-separated WOJ;POW;GMI;RODZ;NAZWA;NAZWA_DOD;STAN_NA, UTF-8. The import checks every line and writes
DIR/terc.csv (default data/), one normalised row per unit, which the build loads into the table terc_units; a file
with any problem writes nothing and leaves the earlier import as it was.
"""

import argparse
import csv
import datetime as dt
import io
import os
import re
import sys
import time
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from cityiso.data.problems import Problem
from cityiso.data.reference import TERC_COLUMNS, TERC_FILE, voivodeships
from cityiso.paths import DATA_DIR
from cityiso.safe_text import visible
from cityiso.temporaries import temporary_path

HEADER = ["WOJ", "POW", "GMI", "RODZ", "NAZWA", "NAZWA_DOD", "STAN_NA"]
# RODZ, the 7th digit of a gmina's code: what the unit is, and the office it has in offices.office_kind's codes.
# An urban gmina's office is its town's hall (city_hall); a rural or an urban-rural gmina's office is a municipal
# office, whatever its own name ("Urząd Gminy", "Urząd Miasta i Gminy", often "Urząd Miejski w ..." for an
# urban-rural one): the unit it serves is a gmina with villages, not a town alone. The town and rural parts of an
# urban-rural gmina (4, 5), Warsaw's districts (8) and the delegations of other cities (9) have no office of their
# own in the register's sense.
RODZ = {
    "1": ("gmina", "urban", "city_hall"),
    "2": ("gmina", "rural", "municipal_office"),
    "3": ("gmina", "urban-rural", "municipal_office"),
    "4": ("part", "town part", ""),
    "5": ("part", "rural part", ""),
    "8": ("part", "district", ""),
    "9": ("part", "delegation", ""),
}
# NAZWA_DOD of a powiat that is a city: its one office, the city hall, is counted on its gmina (RODZ 1), as
# offices.csv keys a city hall by its 7-digit code.
CITY_POWIAT = "na prawach powiatu"
MAX_SHOWN = 30  # problems printed before "and N more"


class TercError(Exception):
    """The file is not a TERC file that can be imported; `problems` say where and why."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


@dataclass(frozen=True)
class Imported:
    """What an import wrote."""

    path: Path
    rows: list[dict[str, str]]
    seconds: float

    def counts(self) -> Counter:
        c: Counter = Counter()
        for r in self.rows:
            c[r["level"]] += 1
            if r["level"] == "powiat" and CITY_POWIAT in r["kind_words"]:
                c["city_powiat"] += 1
            if r["level"] in ("gmina", "part"):
                c[RODZ[r["teryt"][6]][1]] += 1
        return c

    def summary(self) -> str:
        c = self.counts()
        state = sorted({r["state_on"] for r in self.rows})
        return (
            f"{c['voivodeship']:,} voivodeships, {c['powiat']:,} powiats ({c['city_powiat']:,} cities with powiat "
            f"rights), {c['gmina']:,} gminas ({c['urban']:,} urban, {c['rural']:,} rural, {c['urban-rural']:,} "
            f"urban-rural); {c['part']:,} parts ({c['town part']:,} town and {c['rural part']:,} rural parts of "
            f"urban-rural gminas, {c['district']:,} districts, {c['delegation']:,} delegations); "
            f"state on {', '.join(state)}"
        )


def _text(path: Path) -> str:
    """The file's text: the CSV itself, or the one CSV inside a ZIP as GUS's site hands it out."""
    shown = visible(str(path))
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as z:
            members = [n for n in z.namelist() if n.lower().endswith(".csv")]
            if len(members) != 1:
                raise TercError([Problem(shown, 0, "", "", f"holds {len(members)} CSV files, expected TERC's one")])
            data = z.read(members[0])
    else:
        data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise TercError(
            [Problem(shown, line, "", "", "is not UTF-8: download TERC's UTF-8 CSV ('Urzędowy' variant)")]
        ) from None


def parse(text: str, shown: str) -> list[dict[str, str]]:
    """The normalised rows (TERC_COLUMNS) of a TERC file's text; TercError with every problem found."""
    lines = text.splitlines()
    first = lines[0] if lines else ""
    if first.split(";") != HEADER:
        raise TercError(
            [
                Problem(
                    shown,
                    1,
                    "",
                    "",
                    f"is not GUS's TERC file ('Urzędowy' variant): its first line is '{first[:80]}', expected "
                    f"'{';'.join(HEADER)}'",
                )
            ]
        )
    problems: list[Problem] = []
    known_names = voivodeships()
    units: dict[str, tuple[int, dict[str, str]]] = {}
    for number, fields in enumerate(csv.reader(io.StringIO(text), delimiter=";", quoting=csv.QUOTE_NONE), 1):
        if number == 1 or not fields or not "".join(fields).strip():
            continue  # the header; a blank line (GUS's file ends with one)

        def bad(field: str, message: str, number=number) -> None:
            problems.append(Problem(shown, number, "", field, message))

        if len(fields) != len(HEADER):
            bad("", f"has {len(fields)} fields separated by ';', expected {len(HEADER)} ({';'.join(HEADER)})")
            continue
        woj, pow_, gmi, rodz, name, words, state = (f.strip() for f in fields)
        row_ok = True
        for field, value, required in (("WOJ", woj, True), ("POW", pow_, False), ("GMI", gmi, False)):
            if (value or required) and not re.fullmatch(r"[0-9]{2}", value):
                bad(field, f"'{value}' is not a two-digit code")
                row_ok = False
        if rodz and rodz not in RODZ:
            bad("RODZ", f"'{rodz}' is not a kind of gmina TERC uses ({', '.join(RODZ)})")
            row_ok = False
        if not pow_ and (gmi or rodz):
            bad("POW", "is empty on a gmina's line (a voivodeship's line has GMI and RODZ empty as well)")
            row_ok = False
        if gmi and not rodz:
            bad("RODZ", "is empty on a gmina's line")
            row_ok = False
        if rodz and not gmi:
            bad("GMI", "is empty on a line with RODZ")
            row_ok = False
        if not name:
            bad("NAZWA", "is empty")
            row_ok = False
        try:
            dt.date.fromisoformat(state)
        except ValueError:
            bad("STAN_NA", f"'{state}' is not a date (YYYY-MM-DD)")
            row_ok = False
        if not row_ok:
            continue
        level = "voivodeship" if not pow_ else "powiat" if not gmi else RODZ[rodz][0]
        code = woj + pow_ + gmi + rodz
        if level == "voivodeship" and name.lower() not in known_names:
            bad("NAZWA", f"'{name}' is not one of the 16 voivodeships ({', '.join(known_names)})")
            continue
        if code in units:
            bad("WOJ", f"the unit {code} is on line {units[code][0]} already")
            continue
        if level == "voivodeship":
            kind = "marshal_office"
        elif level == "powiat":
            kind = "" if CITY_POWIAT in words else "county_office"
        else:
            kind = RODZ[rodz][2]
        row = dict(teryt=code, level=level, name=name, kind_words=words, office_kind=kind, voivodeship="")
        units[code] = (number, row | {"state_on": state})
    for code, (number, row) in units.items():
        voivodeship = units.get(code[:2])
        if row["level"] != "voivodeship" and (not voivodeship or voivodeship[1]["level"] != "voivodeship"):
            problems.append(
                Problem(shown, number, "", "WOJ", f"the voivodeship {code[:2]} of {code} is not in the file")
            )
            continue
        if row["level"] in ("gmina", "part") and code[:4] not in units:
            problems.append(Problem(shown, number, "", "POW", f"the powiat {code[:4]} of {code} is not in the file"))
            continue
        if code[6:] in ("4", "5") and code[:6] + "3" not in units:
            problems.append(
                Problem(
                    shown,
                    number,
                    "",
                    "RODZ",
                    f"the urban-rural gmina {code[:6]}3 of the part {code} is not in the file",
                )
            )
            continue
        row["voivodeship"] = voivodeship[1]["name"].lower()
    if problems:
        raise TercError(sorted(problems))
    if not units:
        raise TercError([Problem(shown, 0, "", "", "has no units below its header")])
    out = [row for _, row in units.values()]
    for row in out:
        if row["level"] == "voivodeship":
            row["name"] = row["name"].lower()
    return out


def import_terc(source: Path, data_dir: Path = DATA_DIR) -> Imported:
    """Check a TERC file and write data_dir/terc.csv from it (a temporary file moved into place: a failed import
    leaves the earlier one); TercError when anything is wrong."""
    started = time.perf_counter()
    source, data_dir = Path(source), Path(data_dir)
    if not source.is_file():
        raise TercError([Problem(visible(str(source)), 0, "", "", "is not a file")])
    if not data_dir.is_dir():
        raise TercError([Problem(visible(str(data_dir)), 0, "", "", "is not a folder (the data folder to write to)")])
    rows = parse(_text(source), visible(str(source)))
    out = data_dir / TERC_FILE
    tmp = temporary_path(out)
    try:
        with tmp.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, [name for name, _ in TERC_COLUMNS], lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
    return Imported(out, rows, time.perf_counter() - started)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m cityiso.register.terc", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    imp = commands.add_parser("import", help="check a TERC file and write DIR/terc.csv from it")
    imp.add_argument("file", type=Path, help="TERC's 'Urzędowy' CSV (or the ZIP holding it) from eteryt.stat.gov.pl")
    imp.add_argument("--data", type=Path, default=DATA_DIR, help="the data folder to write to (default: data/)")
    args = parser.parse_args(argv)
    try:
        done = import_terc(args.file, args.data)
    except TercError as exc:
        for problem in exc.problems[:MAX_SHOWN]:
            print(problem, file=sys.stderr)
        if len(exc.problems) > MAX_SHOWN:
            print(f"... and {len(exc.problems) - MAX_SHOWN} more.", file=sys.stderr)
        print("\nNothing was imported; the data folder was left as it was.", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"{visible(str(exc.filename or args.file))}: cannot be read or written ({exc.strerror})", file=sys.stderr)
        return 1
    print(f"Imported {visible(str(done.path))} in {done.seconds:.2f} s: {done.summary()}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
