"""Review tables: CSV and JSON-lines files with a text column, one review per row."""

from __future__ import annotations

import csv
import io
import json
import re
import warnings
from pathlib import Path

import pandas as pd

from dashboard.reading.decode import MAX_REVIEW_CHARS, cap_text, clean_id, decode_bytes, plain_text, safe_name
from dashboard.records import IngestError, IngestReport, ReviewSource
from dashboard.text.wording import count, first_few

MAX_TABLE_ROWS = 5_000                 # rows read from one table
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


def load_table(data: bytes, name: str) -> tuple[pd.DataFrame, list[str]]:
    """A CSV or JSON-lines table as strings, with messages for rows that could not be read."""
    name = safe_name(name)
    text, note = decode_bytes(data, name)
    problems = [note] if note else []
    if Path(name).suffix.lower() == ".csv":
        frame, more = _read_csv(text, name)
    else:
        frame, more = _read_jsonl(text, name)
    problems += more
    frame.columns = [plain_text(str(c)) if str(c).strip() else f"column {i + 1}" for i, c in enumerate(frame.columns)]
    return frame, problems


def _read_csv(text: str, name: str) -> tuple[pd.DataFrame, list[str]]:
    try:
        dialect = csv.Sniffer().sniff(text[:65_536], delimiters=",;\t|")
        sep = dialect.delimiter
    except csv.Error:
        sep = ","
    header = next(csv.reader(io.StringIO(text[:text.find("\n") if "\n" in text else len(text)]), delimiter=sep), [])
    _check_width(len(header), name)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            # index_col=False: a first row with one field too many (an unquoted comma) would
            # otherwise make its first field the index of every row.
            frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, sep=sep,
                                on_bad_lines="warn", engine="c", index_col=False)
        except (ValueError, pd.errors.ParserError, pd.errors.EmptyDataError, csv.Error) as exc:
            first = (str(exc).splitlines() or ["unreadable"])[0][:200]
            raise IngestError(f"{name}: the table could not be read ({first})") from None
    bad = []
    for w in caught:
        bad += re.findall(r"Skipping line (\d+)", str(w.message))
    problems = []
    if any("loss of data" in str(w.message) for w in caught) and len(frame):
        # pandas cuts the first row to the header's length; the other long rows it skips
        frame = frame.iloc[1:].reset_index(drop=True)
        problems.append(f"{name}: its first row has more fields than the header (a comma not in quotes?) "
                        "and was skipped")
    if bad:
        problems.append(f"{name}: {count(len(bad), 'malformed line')} skipped (lines {first_few(bad)})")
    return frame, problems


def _read_jsonl(text: str, name: str) -> tuple[pd.DataFrame, list[str]]:
    records, bad = [], []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except (ValueError, RecursionError):  # RecursionError: nesting deeper than Python's stack
            bad.append(str(number))
            continue
        if isinstance(value, dict):
            _check_width(len(value), name)
            records.append(value)
        else:
            bad.append(str(number))
    problems = []
    if bad:
        verb = "is" if len(bad) == 1 else "are"
        problems.append(f"{name}: {count(len(bad), 'line')} that {verb} not JSON objects skipped (lines {first_few(bad)})")
    if not records:
        raise IngestError(f"{name}: the table could not be read (no JSON object on any line)")
    return pd.DataFrame(records, dtype=object), problems


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


def table_sources(frame: pd.DataFrame, name: str, film: str = "", text_column: str | None = None,
                  max_rows: int | None = MAX_TABLE_ROWS, columns: dict[str, str | None] | None = None) -> IngestReport:
    """Reviews from a loaded table. ``text_column`` (the user's pick) overrides the guess."""
    name = safe_name(name)
    report = IngestReport()
    mapping = dict(columns or map_columns(list(frame.columns)))
    if text_column is not None:
        if text_column not in frame.columns:
            raise IngestError(f"{name}: there is no column named “{text_column}”")
        mapping = {k: (None if v == text_column else v) for k, v in mapping.items()}
        mapping["text"] = text_column
    text_col = mapping.get("text")
    if text_col is None:
        found = ", ".join(map(str, frame.columns)) or "none"
        raise IngestError(f"{name}: no text column (expected one named 'text' or 'review'; found: {found[:300]})")
    if frame.empty:
        raise IngestError(f"{name}: the table has no rows")
    if max_rows is not None and len(frame) > max_rows:
        report.problems.append(f"{name}: {len(frame):,} rows; only the first {max_rows:,} are read (the limit per table)")
        frame = frame.head(max_rows)
    id_col = mapping.get("review_id")
    extra = {k: mapping.get(k) for k in ("title", "outlet", "author", "rating", "film", "url")}
    empty_rows, long_rows = [], []
    stem = clean_id(Path(name).stem) or "table"
    for position, row in enumerate(frame.to_dict("records"), start=1):
        body = _cell(row.get(text_col))
        raw_id = _cell(row.get(id_col)) if id_col else ""
        review_id = clean_id(raw_id) if raw_id.strip() else f"{stem}-{position}"
        if not body.strip():
            empty_rows.append(str(position))
            continue
        body, cut = cap_text(body)
        if cut:
            long_rows.append(str(position))
        fields = {k: (_cell(row.get(c)).strip()[:300] if c else "") for k, c in extra.items()}
        report.sources.append(ReviewSource(
            review_id=review_id, text=body, film=fields.pop("film") or film,
            origin=f"{name} row {position}", **fields,
        ))
    if empty_rows:
        report.problems.append(f"{name}: {count(len(empty_rows), 'row')} with no review text skipped "
                               f"(rows {first_few(empty_rows)})")
    if long_rows:
        report.problems.append(f"{name}: rows {first_few(long_rows)}: only the first {MAX_REVIEW_CHARS:,} characters of "
                               "each are analysed (the limit per review)")
    return report


def read_table_bytes(data: bytes, name: str, film: str = "", max_rows: int | None = MAX_TABLE_ROWS,
                     text_column: str | None = None) -> IngestReport:
    """Reviews from a CSV or JSON-lines table with (at least) a text column."""
    frame, problems = load_table(data, name)
    report = table_sources(frame, name, film, text_column, max_rows)
    report.problems[:0] = problems
    return report
