"""python -m cityiso.synth --offices N --years Y --seed S --out DIR"""

import argparse
import sys
from pathlib import Path

from cityiso.synth.package import REFERENCE_YEAR, generate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m cityiso.synth", description="Write a synthetic data package.")
    parser.add_argument("--offices", type=int, default=100, help="number of offices (default: %(default)s)")
    parser.add_argument("--years", type=int, default=25, help=f"years of history up to {REFERENCE_YEAR}")
    parser.add_argument("--seed", type=int, default=1, help="random seed (same seed: identical files)")
    parser.add_argument("--out", type=Path, required=True, help="folder to write (replaced if it exists)")
    args = parser.parse_args(argv)
    if args.offices < 1 or not 1 <= args.years <= 100:
        parser.error("--offices must be at least 1 and --years between 1 and 100")
    counts = generate(args.out, args.offices, args.years, args.seed)
    print(f"Wrote {args.out}: " + ", ".join(f"{n} {t}" for t, n in counts.items()) + ".")
    return 0


if __name__ == "__main__":
    sys.exit(main())
