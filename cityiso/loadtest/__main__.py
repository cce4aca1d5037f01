"""`python -m cityiso.loadtest`: the `cityiso loadtest` command (cityiso/loadtest/command.py), run through
`cityiso.cli` so that without the loadtest extra it names the extra to install instead of a traceback."""

import sys

from cityiso.cli import main

if __name__ == "__main__":
    sys.exit(main(["loadtest", *sys.argv[1:]]))
