"""`python -m cityiso.draft`: the `cityiso draft` command (cityiso/draft/command.py), run through `cityiso.cli` so
that without the curate extra it names the extra to install instead of a traceback."""

import sys

from cityiso.cli import main

if __name__ == "__main__":
    sys.exit(main(["draft", *sys.argv[1:]]))
