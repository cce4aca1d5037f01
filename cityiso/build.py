"""`python -m cityiso.build`: validate data/ and build the database (see cityiso.data.database)."""

import sys

from cityiso.data.database import build, fingerprint, is_stale, main

__all__ = ["build", "fingerprint", "is_stale", "main"]

if __name__ == "__main__":
    sys.exit(main())
