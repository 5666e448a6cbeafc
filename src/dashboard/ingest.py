"""Read reviews from files, folders and tables into ``ReviewSource`` records.

One bad file never stops the others: every problem becomes a one-line message naming
the file (or table row), and the batch goes on.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

TEXT_SUFFIXES = {".txt", ".md", ".markdown"}
TABLE_SUFFIXES = {".csv", ".jsonl", ".ndjson"}
HTML_SUFFIXES = {".html", ".htm"}
REVIEW_SUFFIXES = TEXT_SUFFIXES | TABLE_SUFFIXES | HTML_SUFFIXES
TABLE_COLUMNS = ("review_id", "text", "title", "outlet", "author", "rating", "film", "url")
# Other names a spreadsheet may give the two required columns.
COLUMN_ALIASES = {
    "text": ("text", "review", "review_text", "body", "content", "quote", "snippet"),
    "review_id": ("review_id", "id", "reviewid", "review id"),
}
_BINARY_SIGNATURES = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b", b"BM", b"RIFF", b"\x00\x00\x01\x00")


class IngestError(ValueError):
    """A file or row that cannot be read; the message is shown to the user as is."""


@dataclass
class ReviewSource:
    review_id: str
    text: str
    film: str = ""
    title: str = ""
    outlet: str = ""
    author: str = ""
    rating: str = ""   # the critic's rating as given in a table column, if any
    url: str = ""
    origin: str = ""   # where it came from, for messages: a file name or "table.csv row 3"
    # Set by checks before analysis (duplicates, language): a note shown with the review,
    # and whether its text is left unscored (e.g. not English).
    note: str = ""
    skip_scoring: bool = False


@dataclass
class IngestReport:
    sources: list[ReviewSource] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def extend(self, other: "IngestReport") -> None:
        self.sources.extend(other.sources)
        self.problems.extend(other.problems)


def looks_binary(data: bytes) -> bool:
    head = data[:4096]
    if head.startswith(_BINARY_SIGNATURES) or b"\x00" in head:
        return True
    controls = sum(b < 9 or 13 < b < 32 for b in head)
    return controls > max(8, len(head) // 50)


def decode(data: bytes, name: str) -> str:
    """Decode review bytes: UTF-8 first, then the Windows/Latin-1 encodings reviews use."""
    if not data.strip():
        raise IngestError(f"{name}: the file is empty")
    if looks_binary(data):
        raise IngestError(f"{name}: this is not a text file (it looks like an image, PDF or other binary file)")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        # cp1252 is what most non-UTF-8 English reviews are in (curly quotes at 0x91-0x94).
        return data.decode("cp1252")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise IngestError(f"{name}: the text could not be decoded (unknown character encoding)")
    return str(best)


def _clean_id(value: str) -> str:
    return re.sub(r"\s+", "_", str(value).strip())[:120]


def read_text_bytes(data: bytes, name: str, film: str = "") -> ReviewSource:
    text = decode(data, name)
    if Path(name).suffix.lower() in HTML_SUFFIXES:
        from .html import html_to_text

        text = html_to_text(text)
        if not text.strip():
            raise IngestError(f"{name}: no article text was found in this web page")
    if not text.strip():
        raise IngestError(f"{name}: the file is empty")
    return ReviewSource(review_id=_clean_id(Path(name).stem), text=text, film=film, origin=name)


def _pick_column(columns: list[str], wanted: str) -> str | None:
    lowered = {c.strip().lower(): c for c in columns}
    for alias in COLUMN_ALIASES.get(wanted, (wanted,)):
        if alias in lowered:
            return lowered[alias]
    return None


def read_table_bytes(data: bytes, name: str, film: str = "", max_rows: int | None = None) -> IngestReport:
    """Reviews from a CSV or JSON-lines table with (at least) a text column."""
    report = IngestReport()
    text = decode(data, name)
    try:
        if Path(name).suffix.lower() == ".csv":
            frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
        else:
            frame = pd.read_json(io.StringIO(text), lines=True, dtype=False)
    except (ValueError, pd.errors.ParserError) as exc:
        raise IngestError(f"{name}: the table could not be read ({str(exc).splitlines()[0]})") from None
    text_col = _pick_column(list(frame.columns), "text")
    if text_col is None:
        raise IngestError(f"{name}: no text column (expected one named 'text'; found: {', '.join(map(str, frame.columns))})")
    id_col = _pick_column(list(frame.columns), "review_id")
    if max_rows is not None and len(frame) > max_rows:
        report.problems.append(f"{name}: {len(frame):,} rows; only the first {max_rows:,} are analysed (the limit per table)")
        frame = frame.head(max_rows)
    extra = {c: _pick_column(list(frame.columns), c) for c in ("title", "outlet", "author", "rating", "film", "url")}
    empty_rows = []
    for position, row in enumerate(frame.to_dict("records"), start=1):
        body = row.get(text_col)
        body = "" if body is None or (isinstance(body, float) and pd.isna(body)) else str(body)
        review_id = _clean_id(row[id_col]) if id_col and str(row[id_col]).strip() else f"{Path(name).stem}-{position}"
        if not body.strip():
            empty_rows.append(str(position))
            continue
        fields = {k: ("" if c is None or row.get(c) is None or (isinstance(row.get(c), float) and pd.isna(row.get(c))) else str(row[c])) for k, c in extra.items()}
        report.sources.append(ReviewSource(
            review_id=review_id, text=body, film=fields.pop("film") or film,
            origin=f"{name} row {position}", **fields,
        ))
    if empty_rows:
        shown = ", ".join(empty_rows[:10]) + (" …" if len(empty_rows) > 10 else "")
        report.problems.append(f"{name}: {len(empty_rows)} row(s) with no review text skipped (rows {shown})")
    return report


def read_bytes(data: bytes, name: str, film: str = "", max_rows: int | None = None) -> IngestReport:
    """One uploaded or on-disk file, whatever its kind; problems become messages."""
    suffix = Path(name).suffix.lower()
    try:
        if suffix in TABLE_SUFFIXES:
            return read_table_bytes(data, name, film, max_rows)
        if suffix in TEXT_SUFFIXES | HTML_SUFFIXES:
            return IngestReport([read_text_bytes(data, name, film)])
        raise IngestError(f"{name}: unsupported file type '{suffix or 'none'}' (use .txt, .md, .html, .csv or .jsonl)")
    except IngestError as exc:
        return IngestReport(problems=[str(exc)])


def read_paths(paths: list[str | Path], max_bytes: int | None = None) -> IngestReport:
    """Files and folders of reviews. A folder's name is the film of the files inside it."""
    report = IngestReport()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in REVIEW_SUFFIXES)
            if not files:
                report.problems.append(f"{path}: no review files (.txt, .md, .html, .csv, .jsonl) in this folder")
            for file in files:
                report.extend(_read_file(file, path.name, max_bytes))
        elif path.is_file():
            report.extend(_read_file(path, path.parent.name, max_bytes))
        else:
            report.problems.append(f"{path}: no such file or folder")
    _make_ids_unique(report)
    return report


def _read_file(path: Path, film: str, max_bytes: int | None) -> IngestReport:
    try:
        size = path.stat().st_size
        if max_bytes is not None and size > max_bytes:
            return IngestReport(problems=[f"{path.name}: {size / 1e6:.1f} MB is over the {max_bytes / 1e6:.0f} MB limit per file; skipped"])
        data = path.read_bytes()
    except OSError as exc:
        return IngestReport(problems=[f"{path.name}: could not be read ({exc.strerror or exc})"])
    return read_bytes(data, path.name, film)


def _make_ids_unique(report: IngestReport) -> None:
    seen: dict[str, int] = {}
    for source in report.sources:
        count = seen.get(source.review_id, 0)
        seen[source.review_id] = count + 1
        if count:
            source.review_id = f"{source.review_id}-{count + 1}"
