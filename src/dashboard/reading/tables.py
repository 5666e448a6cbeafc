"""Review tables: CSV and JSON-lines files with a text column, one review per row."""

from __future__ import annotations

import csv
import io
import json
import re
import warnings
from pathlib import Path
from typing import Iterable, Iterator

import pandas as pd

from dashboard.reading.decode import (
    MAX_REVIEW_CHARS, cap_text, clean_id, decode_bytes, plain_text, safe_name, utf8_bytes, utf8_file,
)
from dashboard.records import IngestError, IngestReport, ReviewSource
from dashboard.text.wording import count, first_few

MAX_TABLE_ROWS = 5_000                 # rows read from one uploaded table
CHUNK_ROWS = 2_000                     # rows of a table file read at a time (``read_table_file``)
# A table of reviews has a handful of columns; one with hundreds is some other file, and
# reading it would take the server's memory (200,000 columns: over a gigabyte).
MAX_TABLE_COLUMNS = 300
# The fields a table's columns may give, and the other names a spreadsheet may give them.
TABLE_FIELDS = ("review_id", "text", "title", "outlet", "author", "rating", "film", "url")
COLUMN_ALIASES = {
    "text": ("text", "review", "review_text", "review text", "review_body", "review body", "body", "content",
             "quote", "snippet", "excerpt"),
    "review_id": ("review_id", "id", "reviewid", "review id"),
    "title": ("title", "headline"),
    "outlet": ("outlet", "publication", "publisher", "source", "site"),
    "author": ("author", "critic", "reviewer", "byline"),
    "rating": ("rating", "score", "grade", "stars"),
    "film": ("film", "movie"),
    "url": ("url", "link"),
}


def map_columns(columns: list[str]) -> dict[str, str | None]:
    """Which of a table's columns stands for each of ``TABLE_FIELDS`` (None when absent)."""
    lowered: dict[str, str] = {}
    for c in columns:
        lowered.setdefault(str(c).strip().lower().replace("-", "_"), c)
        lowered.setdefault(str(c).strip().lower(), c)
    mapping: dict[str, str | None] = {}
    used: set[str] = set()
    for wanted in TABLE_FIELDS:
        found = None
        for alias in COLUMN_ALIASES.get(wanted, (wanted,)):
            c = lowered.get(alias)
            if c is not None and c not in used:
                found = c
                break
        mapping[wanted] = found
        if found is not None:
            used.add(found)
    return mapping


def table_text(data: bytes, name: str) -> tuple[io.TextIOBase, str]:
    """(a text stream over ``data``, a note on its encoding). UTF-8 is read straight from the
    bytes, never held whole as text (a 50 MB upload would take four times that as a
    ``StringIO``); other encodings are guessed and decoded (``decode_bytes``)."""
    name = safe_name(name)
    if utf8_bytes(data):
        return io.TextIOWrapper(io.BytesIO(data), encoding="utf-8-sig", newline=""), ""
    text, note = decode_bytes(data, name)
    return io.StringIO(text, newline=""), note


def table_frames(handle: io.TextIOBase, name: str, chunk_rows: int | None = None
                 ) -> Iterator[tuple[pd.DataFrame, list[str]]]:
    """A CSV or JSON-lines table from ``handle``, ``chunk_rows`` rows at a time (all at once
    without), as strings, each part with messages about rows that could not be read."""
    if Path(name).suffix.lower() == ".csv":
        sample = handle.read(65_536)
        handle.seek(0)
        frames = _csv_chunks(handle, sample, name, chunk_rows)
    else:
        frames = _jsonl_chunks(handle, name, chunk_rows)
    for frame, problems in frames:
        _name_columns(frame)
        yield frame, problems


def table_shape(data: bytes, name: str) -> tuple[list[str], int]:
    """An uploaded table's columns and number of rows, read a part at a time (the rows are
    counted, not kept). Raises ``IngestError``."""
    handle, _ = table_text(data, name)
    columns, rows = None, 0
    for frame, _ in table_frames(handle, safe_name(name), CHUNK_ROWS):
        columns = columns if columns is not None else [str(c) for c in frame.columns]
        rows += len(frame)
    return columns or [], rows


def _name_columns(frame: pd.DataFrame) -> None:
    frame.columns = [plain_text(str(c)) if str(c).strip() else f"column {i + 1}" for i, c in enumerate(frame.columns)]


def _csv_chunks(handle, sample: str, name: str, chunk_rows: int | None = None) -> Iterator[tuple[pd.DataFrame, list[str]]]:
    """A CSV table from ``handle`` (``sample``: its opening), whole or ``chunk_rows`` rows at
    a time, each with messages about its malformed lines."""
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
        sep = dialect.delimiter
    except csv.Error:
        sep = ","
    header = next(csv.reader(io.StringIO(sample[:sample.find("\n") if "\n" in sample else len(sample)]), delimiter=sep), [])
    _check_width(len(header), name)
    frames = None
    first = True
    while True:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                if frames is None:
                    # index_col=False: a first row with one field too many (an unquoted comma)
                    # would otherwise make its first field the index of every row.
                    frames = pd.read_csv(handle, dtype=str, keep_default_na=False, sep=sep, on_bad_lines="warn",
                                         engine="c", index_col=False, chunksize=chunk_rows)
                    if chunk_rows is None:
                        frames = iter([frames])
                frame = next(frames, None)
            except (ValueError, pd.errors.ParserError, pd.errors.EmptyDataError, csv.Error) as exc:
                first_line = (str(exc).splitlines() or ["unreadable"])[0][:200]
                raise IngestError(f"{name}: the table could not be read ({first_line})") from None
        if frame is None:
            return
        bad = []
        for w in caught:
            bad += re.findall(r"Skipping line (\d+)", str(w.message))
        problems = []
        if first and any("loss of data" in str(w.message) for w in caught) and len(frame):
            # pandas cuts the first row to the header's length; the other long rows it skips
            frame = frame.iloc[1:].reset_index(drop=True)
            problems.append(f"{name}: its first row has more fields than the header (a comma not in quotes?) "
                            "and was skipped")
        if bad:
            problems.append(f"{name}: {count(len(bad), 'malformed line')} skipped (lines {first_few(bad)})")
        first = False
        yield frame, problems


def _jsonl_chunks(lines: Iterable[str], name: str, chunk_rows: int | None = None) -> Iterator[tuple[pd.DataFrame, list[str]]]:
    """A JSON-lines table, whole or ``chunk_rows`` objects at a time, each with a message
    about its lines that are not JSON objects."""
    records, bad, any_records = [], [], False
    for number, line in enumerate(lines, start=1):
        if line.strip():
            try:
                value = json.loads(line)
            except (ValueError, RecursionError):  # RecursionError: nesting deeper than Python's stack
                value = None
            if isinstance(value, dict):
                _check_width(len(value), name)
                records.append(value)
            else:
                bad.append(str(number))
        if chunk_rows and len(records) >= chunk_rows:
            yield pd.DataFrame(records, dtype=object), _not_objects(bad, name)
            records, bad, any_records = [], [], True
    if not records and not any_records:
        raise IngestError(f"{name}: the table could not be read (no JSON object on any line)")
    if records or bad:
        yield pd.DataFrame(records, dtype=object), _not_objects(bad, name)


def _not_objects(bad: list[str], name: str) -> list[str]:
    if not bad:
        return []
    verb = "is" if len(bad) == 1 else "are"
    return [f"{name}: {count(len(bad), 'line')} that {verb} not JSON objects skipped (lines {first_few(bad)})"]


def _check_width(columns: int, name: str) -> None:
    if columns > MAX_TABLE_COLUMNS:
        raise IngestError(f"{name}: {columns:,} columns; a table of reviews has a few (text, rating, "
                          f"critic...), at most {MAX_TABLE_COLUMNS:,} are read: is this the right file?")


def _cell(value) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, (dict, list)):
        return plain_text(json.dumps(value, ensure_ascii=False))
    return plain_text(str(value))


class TableRows:
    """A table's rows as reviews, read a frame at a time (a whole table, or the chunks of
    one too big to hold): its columns are mapped once, rows are numbered across frames, and
    the rows skipped or cut are told once, at the end (``summary``)."""

    def __init__(self, name: str, columns: list, film: str = "", text_column: str | None = None,
                 mapping: dict[str, str | None] | None = None) -> None:
        self.name, self.film = safe_name(name), film
        mapping = dict(mapping or map_columns(columns))
        if text_column is not None:
            if text_column not in columns:
                raise IngestError(f"{self.name}: there is no column named “{text_column}”")
            mapping = {k: (None if v == text_column else v) for k, v in mapping.items()}
            mapping["text"] = text_column
        self.text_col = mapping.get("text")
        if self.text_col is None:
            # the names as one line of printable text: a binary file's "header" holds anything
            found = " ".join(re.sub(r"[\x00-\x1f\x7f]", " ", ", ".join(map(str, columns))).split()) or "none"
            raise IngestError(f"{self.name}: no text column (expected one named 'text' or 'review'; found: {found[:300]})")
        self.id_col = mapping.get("review_id")
        self.extra = {k: mapping.get(k) for k in ("title", "outlet", "author", "rating", "film", "url")}
        self.stem = clean_id(Path(name).stem) or "table"
        self.rows = 0                        # rows read so far
        self.empty_rows: list[str] = []
        self.long_rows: list[str] = []

    def read(self, frame: pd.DataFrame, max_rows: int | None = None) -> IngestReport:
        """The reviews of ``frame``'s rows, up to ``max_rows`` rows of the table in all."""
        report = IngestReport()
        if max_rows is not None and self.rows + len(frame) > max_rows:
            report.problems.append(f"{self.name}: more than {max_rows:,} rows; only the first {max_rows:,} are read "
                                   "(the limit per table)")
            frame = frame.head(max(0, max_rows - self.rows))
        for row in frame.to_dict("records"):
            self.rows += 1
            position = self.rows
            body = _cell(row.get(self.text_col))
            raw_id = _cell(row.get(self.id_col)) if self.id_col else ""
            review_id = clean_id(raw_id) if raw_id.strip() else f"{self.stem}-{position}"
            if not body.strip():
                self.empty_rows.append(str(position))
                continue
            body, cut = cap_text(body)
            if cut:
                self.long_rows.append(str(position))
            fields = {k: (_cell(row.get(c)).strip()[:300] if c else "") for k, c in self.extra.items()}
            report.sources.append(ReviewSource(
                review_id=review_id, text=body, film=fields.pop("film") or self.film,
                origin=f"{self.name} row {position}", **fields,
            ))
        return report

    def summary(self) -> list[str]:
        problems = []
        if self.empty_rows:
            problems.append(f"{self.name}: {count(len(self.empty_rows), 'row')} with no review text skipped "
                            f"(rows {first_few(self.empty_rows)})")
        if self.long_rows:
            problems.append(f"{self.name}: rows {first_few(self.long_rows)}: only the first {MAX_REVIEW_CHARS:,} "
                            "characters of each are analysed (the limit per review)")
        return problems


def read_table_file(path: Path, name: str, film: str = "", max_rows: int | None = None,
                    text_column: str | None = None, chunk_rows: int | None = None) -> Iterator[IngestReport]:
    """Reviews from a CSV or JSON-lines file, ``chunk_rows`` rows at a time, so that a table
    of any size is never in memory at once. A file that is not plain UTF-8 is read whole,
    its encoding guessed. Raises ``IngestError`` (also after some chunks, for a table whose
    rows turn out unreadable)."""
    name = safe_name(name)
    if utf8_file(path) is None:
        yield read_table_bytes(path.read_bytes(), name, film, max_rows, text_column)
        return
    with open(path, encoding="utf-8-sig", newline="") as handle:
        yield from _table_reports(handle, name, film, max_rows, text_column, chunk_rows or CHUNK_ROWS)


def read_table_bytes(data: bytes, name: str, film: str = "", max_rows: int | None = MAX_TABLE_ROWS,
                     text_column: str | None = None) -> IngestReport:
    """Reviews from a CSV or JSON-lines table with (at least) a text column, read a part at
    a time up to ``max_rows`` rows (the rest is never parsed)."""
    name = safe_name(name)
    handle, note = table_text(data, name)
    report = IngestReport(problems=[note] * bool(note))
    for part in _table_reports(handle, name, film, max_rows, text_column, CHUNK_ROWS):
        report.extend(part)
    return report


def _table_reports(handle, name: str, film: str, max_rows: int | None, text_column: str | None,
                   chunk_rows: int) -> Iterator[IngestReport]:
    rows = None
    for frame, problems in table_frames(handle, name, chunk_rows):
        rows = rows or TableRows(name, list(frame.columns), film, text_column)
        report = rows.read(frame, max_rows)
        report.problems[:0] = problems
        yield report
        if max_rows is not None and rows.rows >= max_rows:
            break
    if rows is None or rows.rows == 0:
        raise IngestError(f"{name}: the table has no rows")
    if summary := rows.summary():
        yield IngestReport(problems=summary)
