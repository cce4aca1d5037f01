"""CSV for spreadsheets: a text cell a spreadsheet would run as a formula is prefixed with a single quote."""

import pandas as pd

# A spreadsheet treats a cell starting with one of these as a formula (tab and carriage return hide one).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """A text value that would start a formula, with ' in front; anything else (numbers, dates, missing) as it is."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_bytes(df: pd.DataFrame) -> bytes:
    """The table as CSV (UTF-8 with BOM so spreadsheets read Polish letters), its text cells made formula-safe."""
    safe = df.copy()
    safe.columns = [neutralise(c) for c in safe.columns]
    for column in safe.columns:
        if not (pd.api.types.is_numeric_dtype(safe[column]) or pd.api.types.is_datetime64_any_dtype(safe[column])):
            safe[column] = safe[column].map(neutralise)
    return safe.to_csv(index=False).encode("utf-8-sig")
