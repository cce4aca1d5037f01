"""`python -m cityiso COMMAND ...`: the same as the `cityiso` command (cityiso/cli.py)."""

import sys

from cityiso.cli import main

if __name__ == "__main__":
    sys.exit(main())
