"""Tables as files: CSV that is safe to open in a spreadsheet, or Parquet. The command line
and the app's downloads write through here."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

# A cell starting with one of these is run as a formula by spreadsheet programs
# ("=HYPERLINK(...)" in a review's title): such cells get a leading apostrophe.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
FORMATS = ("csv", "parquet")


def spreadsheet_safe(df: pd.DataFrame) -> pd.DataFrame:
    """Text cells that would start a formula get a leading apostrophe (the batch stores
    repeated text as categories: those are text too)."""
    out = df.copy()
    for col in out.columns:
        column = out[col]
        if isinstance(column.dtype, pd.CategoricalDtype):
            column = column.astype(object)
        if column.dtype == object or pd.api.types.is_string_dtype(column):
            out[col] = column.map(lambda v: "'" + v if isinstance(v, str) and v.startswith(_FORMULA_START) else v)
    return out


def to_csv(df: pd.DataFrame) -> bytes:
    """CSV bytes safe to open in a spreadsheet."""
    return spreadsheet_safe(df).to_csv(index=False).encode("utf-8")


def write_table(df: pd.DataFrame, folder: Path, name: str, fmt: str = "csv") -> Path:
    """``folder/name.csv`` (spreadsheet-safe) or ``folder/name.parquet``."""
    path = folder / f"{name}.{fmt}"
    if fmt == "parquet":
        df.to_parquet(path, index=False)
    else:
        path.write_bytes(to_csv(df))
    return path
