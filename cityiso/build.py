"""`python -m cityiso.build`: validate data/ and build the database (see cityiso.data.build)."""

import sys

from cityiso.data.build import build, fingerprint, is_stale, main

__all__ = ["build", "fingerprint", "is_stale", "main"]

if __name__ == "__main__":
    sys.exit(main())
