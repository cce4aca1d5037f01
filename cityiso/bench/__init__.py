"""`python -m cityiso.bench`: the build, every named query and every page measured against their floors and the
budgets of issue 10 (see cityiso/bench/__main__.py)."""
