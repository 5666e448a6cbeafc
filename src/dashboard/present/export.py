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


class TableFiles:
    """Tables written into ``folder`` as they come, a partition at a time: CSV rows
    appended (spreadsheet-safe), or Parquet row groups; so that the tables of a corpus of
    any size are never in memory at once. ``close`` writes the tables that got no rows
    (their header only) and finishes the files."""

    def __init__(self, folder: Path, names: tuple[str, ...], fmt: str = "csv") -> None:
        self.folder, self.names, self.fmt = Path(folder), names, fmt
        self.folder.mkdir(parents=True, exist_ok=True)
        self._open: dict[str, object] = {}

    def write(self, tables: dict[str, pd.DataFrame]) -> None:
        for name in self.names:
            frame = tables.get(name)
            if frame is not None and len(frame):
                self._append(name, frame)

    def _append(self, name: str, frame: pd.DataFrame) -> None:
        path = self.folder / f"{name}.{self.fmt}"
        if self.fmt == "csv":
            handle = self._open.get(name)
            if handle is None:
                handle = self._open[name] = open(path, "w", encoding="utf-8", newline="")
            spreadsheet_safe(frame).to_csv(handle, index=False, header=handle.tell() == 0)
            return
        import pyarrow as pa
        import pyarrow.parquet as pq

        frame = frame.astype({c: object for c in frame.columns if isinstance(frame[c].dtype, pd.CategoricalDtype)})
        writer = self._open.get(name)
        if writer is None:
            schema = pa.Schema.from_pandas(frame, preserve_index=False)
            # A column with no value in the first part has no type yet: text.
            schema = pa.schema([f.with_type(pa.string()) if pa.types.is_null(f.type) else f for f in schema])
            writer = self._open[name] = pq.ParquetWriter(path, schema)
        writer.write_table(pa.Table.from_pandas(frame, schema=writer.schema, preserve_index=False))

    def close(self, columns: dict[str, list[str]] | None = None) -> None:
        """Finish the files; ``columns``: the header of each table that got no rows."""
        for name in self.names:
            if name not in self._open and columns is not None:
                self._append(name, pd.DataFrame({c: pd.Series(dtype=object) for c in columns[name]}))
        for handle in self._open.values():
            handle.close()
        self._open.clear()
