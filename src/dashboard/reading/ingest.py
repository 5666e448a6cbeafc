"""Read reviews from files, folders, uploads, pasted text and tables into ``ReviewSource`` records.

One bad file never stops the others: every problem becomes a one-line message naming
the file (or table row), and the batch goes on.

Limits are set on purpose (each message says what the limit is):

* ``MAX_FILE_BYTES``: one file bigger than this is skipped (the upload widget's own limit,
  ``server.maxUploadSize`` in ``.streamlit/config.toml``, should be the same number of MB);
* ``MAX_REVIEW_CHARS``: only the first this many characters of one review are analysed,
  so a 50 MB text cannot hang the app;
* ``MAX_TABLE_ROWS``: only the first this many rows of a table are read;
* ``MAX_BATCH_CHARS``: reviews past this much text in one uploaded batch are left out
  (the page's limit; the command line has none);
* ``MAX_FILES_PER_BATCH``: files past this many in one upload are left out.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
import warnings
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd

from dashboard.reading.html import MAX_HTML_CHARS  # a web page is cut to this before parsing
from dashboard.reading.markdown import readable as readable_markdown
from dashboard.text.wording import count

MARKDOWN_SUFFIXES = {".md", ".markdown"}
TEXT_SUFFIXES = {".txt"} | MARKDOWN_SUFFIXES
TABLE_SUFFIXES = {".csv", ".jsonl", ".ndjson"}
HTML_SUFFIXES = {".html", ".htm"}
REVIEW_SUFFIXES = TEXT_SUFFIXES | TABLE_SUFFIXES | HTML_SUFFIXES
UPLOAD_TYPES = sorted(s.lstrip(".") for s in REVIEW_SUFFIXES)
TABLE_COLUMNS = ("review_id", "text", "title", "outlet", "author", "rating", "film", "url")

# --- limits (see the module docstring) ---------------------------------------------------
MAX_FILE_BYTES = 50 * 1024 * 1024      # 50 MB per file: server.maxUploadSize = 50 (MB) as well
MAX_REVIEW_CHARS = 200_000             # ~35,000 words: far longer than any real review
MAX_TABLE_ROWS = 5_000                 # rows read from one table
MAX_BATCH_CHARS = 5_000_000            # text analysed in one batch (~15 s of analysis)
MAX_FILES_PER_BATCH = 200

# Other names a spreadsheet may give the columns.
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
# File signatures of common binary formats (checked at the start of the file).
_BINARY_SIGNATURES = (
    b"%PDF-", b"\x89PNG", b"GIF87a", b"GIF89a", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b\x08",
    b"\x7fELF", b"\xd0\xcf\x11\xe0", b"Rar!", b"7z\xbc\xaf", b"OggS", b"ID3", b"\x00\x00\x01\x00",
    b"II*\x00", b"MM\x00*", b"\x00\x00\x00\x18ftyp", b"\x00\x00\x00\x20ftyp", b"wOFF", b"wOF2",
)
_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


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


def about_film(sources: list[ReviewSource], title: str) -> list[ReviewSource]:
    """The sources that name no film, as reviews of ``title``: reviews of one film share the
    names they give (cast, characters), and its title is read as a name, not as a judgement."""
    title = " ".join(title.split())
    return [s if s.film or not title else replace(s, film=title) for s in sources]


@dataclass
class IngestReport:
    sources: list[ReviewSource] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def extend(self, other: "IngestReport") -> None:
        self.sources.extend(other.sources)
        self.problems.extend(other.problems)


# --- names and bytes -----------------------------------------------------------------------


def safe_name(name: str) -> str:
    """A file name fit for a one-line message: no folders, no control characters, not too long."""
    base = re.split(r"[\\/]", str(name or ""))[-1]
    base = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in base)
    base = re.sub(r"\s+", " ", base).strip()
    if len(base) > 100:
        base = base[:60] + "…" + base[-30:]
    return base or "unnamed file"


def _megabytes(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB"


def looks_binary(data: bytes) -> bool:
    head = data[:4096]
    if head.startswith(_BINARY_SIGNATURES) or b"\x00" in head:
        return True
    controls = sum(b < 9 or 13 < b < 32 for b in head if b != 27)
    return controls > max(8, len(head) // 50)


def _cut_bytes(data: bytes, limit: int, encoding: str | None = None) -> bytes:
    """The first ``limit`` bytes, not splitting a UTF-8 or UTF-16 character."""
    if len(data) <= limit:
        return data
    cut = limit
    if encoding and encoding.startswith("utf-16"):
        return data[: cut - cut % 2]
    while cut > 0 and (data[cut] & 0xC0) == 0x80:  # inside a UTF-8 sequence
        cut -= 1
    return data[:cut]


def _decode(data: bytes, name: str) -> tuple[str, str]:
    """(text, note): UTF-8 (with or without BOM), UTF-16 with a BOM, then the Windows/Latin-1
    encodings English reviews are saved in; ``note`` says when some bytes were replaced."""
    if not data.strip():
        raise IngestError(f"{name}: the file is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            body = data[len(bom):]
            text = body.decode(encoding, "replace")
            if not text.strip():
                raise IngestError(f"{name}: the file is empty")
            return _checked(text, name, body.decode(encoding, "ignore") != text)
    if looks_binary(data):
        raise IngestError(f"{name}: this is not a text file (it looks like an image, PDF or other binary file)")
    try:
        return data.decode("utf-8"), ""
    except UnicodeDecodeError:
        pass
    # Mostly good UTF-8 with a few broken bytes: keep UTF-8 rather than turn every
    # accented letter into mojibake.
    replaced = data.decode("utf-8", "replace")
    bad = replaced.count("\ufffd") - data.count("\xef\xbf\xbd".encode("latin-1"))
    good = sum(1 for ch in replaced if ord(ch) > 127 and ch != "\ufffd")
    if good and good >= 2 * bad:
        return _checked(replaced, name, True)
    try:
        # cp1252 is what most non-UTF-8 English reviews are in (curly quotes at 0x91-0x94);
        # Latin-1 text decodes the same way for every letter.
        return _checked(data.decode("cp1252"), name, False, guessed=True)
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:1_000_000]).best()
    if best is not None and best.encoding:
        try:
            return _checked(data.decode(best.encoding, "replace"), name, False, guessed=True)
        except LookupError:
            pass
    return _checked(data.decode("cp1252", "replace"), name, True)


def _is_unspaced_script(ch: str) -> bool:
    # Chinese and Japanese are written without spaces between words.
    return "\u3040" <= ch <= "\u30ff" or "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def _checked(text: str, name: str, replaced: bool, guessed: bool = False) -> tuple[str, str]:
    """Refuse a decoding that is mostly junk: replacement or control characters, or (for a
    guessed encoding) a long run of letters with no spaces, as bytes that are not text give."""
    sample = text[:20_000]
    junk = sum(1 for ch in sample if ch == "\ufffd" or (unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f"))
    unspaced = (guessed or replaced) and len(sample) >= 200 and \
        sum(ch.isspace() for ch in sample) < len(sample) * 0.02 and \
        sum(_is_unspaced_script(ch) for ch in sample) < len(sample) * 0.3
    if (sample and junk > max(3, len(sample) // 10)) or unspaced:
        raise IngestError(f"{name}: the text could not be decoded (unknown character encoding or not text)")
    if replaced:
        return text, f"{name}: some bytes could not be decoded and are shown as �"
    return text, ""


def decode(data: bytes, name: str) -> str:
    """Decode review bytes: UTF-8 first, then the Windows/Latin-1 encodings reviews use."""
    return _decode(data, name)[0]


def _clean_id(value: str) -> str:
    value = "".join(ch for ch in str(value) if unicodedata.category(ch)[0] != "C")
    return re.sub(r"\s+", "_", value.strip())[:120]


def cap_text(text: str, limit: int = MAX_REVIEW_CHARS) -> tuple[str, bool]:
    """At most ``limit`` characters, cut at a paragraph or sentence end when one is near."""
    if len(text) <= limit:
        return text, False
    head = text[:limit]
    for boundary in ("\n", ". ", " "):
        at = head.rfind(boundary, int(limit * 0.9))
        if at > 0:
            return head[: at + len(boundary)].rstrip(), True
    return head, True


_LINE_ENDS = re.compile(r"\r\n?|[\u2028\u2029]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def plain_text(text: str) -> str:
    """Line breaks as "\n" (old Mac files end lines with a lone CR, and the cleaner reads
    headings and lists line by line), and a lone surrogate, which a JSON escape such as
    "\\ud800" can give and no file can hold, as U+FFFD."""
    text = _LINE_ENDS.sub("\n", text)
    if _SURROGATE.search(text):
        text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return text


def _first_few(items: list[str], limit: int = 10) -> str:
    """The first ``limit`` items of a list in a message, "…" for the rest."""
    return ", ".join(items[:limit]) + (" …" if len(items) > limit else "")


def _cap_message(name: str, size: str) -> str:
    return (f"{name}: {size} of text; only the first {MAX_REVIEW_CHARS:,} characters are analysed "
            f"(the limit per review)")


# --- single texts ----------------------------------------------------------------------------


def read_text_bytes(data: bytes, name: str, film: str = "") -> ReviewSource:
    """One review from a text, Markdown or HTML file (raises ``IngestError``)."""
    report = _read_text(data, safe_name(name), film)
    return report.sources[0]


def _read_text(data: bytes, name: str, film: str = "") -> IngestReport:
    report = IngestReport()
    suffix = Path(name).suffix.lower()
    is_html = suffix in HTML_SUFFIXES
    size = len(data)
    # Never decode more than can be analysed (4 bytes per character at most).
    limit = (MAX_HTML_CHARS if is_html else MAX_REVIEW_CHARS) * 4 + 4
    encoding = next((e for b, e in _BOMS if data.startswith(b)), None)
    text, note = _decode(_cut_bytes(data, limit, encoding), name)
    if note:
        report.problems.append(note)
    title = author = outlet = rating = ""
    if is_html:
        from dashboard.reading.html import extract_page

        if len(text) > MAX_HTML_CHARS:
            report.problems.append(f"{name}: {_megabytes(size)} web page; only its first "
                                   f"{MAX_HTML_CHARS // 1_000_000} million characters are read")
        page = extract_page(text[:MAX_HTML_CHARS])
        text, title, author, outlet, rating = page.text, page.title, page.author, page.sitename, page.rating
        if not text.strip():
            raise IngestError(f"{name}: no article text was found in this web page")
    elif suffix in MARKDOWN_SUFFIXES:
        text = readable_markdown(text)
    if not text.strip():
        raise IngestError(f"{name}: the file is empty")
    text, cut = cap_text(plain_text(text))
    if cut or (not is_html and size > limit):
        report.problems.append(_cap_message(name, _megabytes(size)))
    report.sources.append(ReviewSource(
        review_id=_clean_id(Path(name).stem) or "review", text=text, film=film, origin=name,
        title=title, author=author, outlet=outlet, rating=rating,
    ))
    return report


def read_pasted(text: str, name: str = "pasted text", film: str = "", url: str = "") -> IngestReport:
    """A review pasted into the page."""
    name = safe_name(name)
    if not text or not text.strip():
        return IngestReport(problems=[f"{name}: nothing was pasted"])
    text = plain_text(text)
    size = len(text)
    text, cut = cap_text(text)
    report = IngestReport([ReviewSource(review_id=_clean_id(name), text=text, film=film, origin=name, url=url)])
    if cut:
        report.problems.append(_cap_message(name, f"{size:,} characters"))
    return report


# --- tables ----------------------------------------------------------------------------------


def map_columns(columns: list[str]) -> dict[str, str | None]:
    """Which of a table's columns stands for each of ``TABLE_COLUMNS`` (None when absent)."""
    lowered: dict[str, str] = {}
    for c in columns:
        lowered.setdefault(str(c).strip().lower().replace("-", "_"), c)
        lowered.setdefault(str(c).strip().lower(), c)
    mapping: dict[str, str | None] = {}
    used: set[str] = set()
    for wanted in TABLE_COLUMNS:
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


def _pick_column(columns: list[str], wanted: str) -> str | None:
    return map_columns(columns).get(wanted)


def load_table(data: bytes, name: str) -> tuple[pd.DataFrame, list[str]]:
    """A CSV or JSON-lines table as strings, with messages for rows that could not be read."""
    name = safe_name(name)
    text, note = _decode(data, name)
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
        problems.append(f"{name}: {count(len(bad), 'malformed line')} skipped (lines {_first_few(bad)})")
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
            records.append(value)
        else:
            bad.append(str(number))
    problems = []
    if bad:
        verb = "is" if len(bad) == 1 else "are"
        problems.append(f"{name}: {count(len(bad), 'line')} that {verb} not JSON objects skipped (lines {_first_few(bad)})")
    if not records:
        raise IngestError(f"{name}: the table could not be read (no JSON object on any line)")
    return pd.DataFrame(records, dtype=object), problems


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
    stem = _clean_id(Path(name).stem) or "table"
    for position, row in enumerate(frame.to_dict("records"), start=1):
        body = _cell(row.get(text_col))
        raw_id = _cell(row.get(id_col)) if id_col else ""
        review_id = _clean_id(raw_id) if raw_id.strip() else f"{stem}-{position}"
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
                               f"(rows {_first_few(empty_rows)})")
    if long_rows:
        report.problems.append(f"{name}: rows {_first_few(long_rows)}: only the first {MAX_REVIEW_CHARS:,} characters of "
                               "each are analysed (the limit per review)")
    return report


def read_table_bytes(data: bytes, name: str, film: str = "", max_rows: int | None = MAX_TABLE_ROWS,
                     text_column: str | None = None) -> IngestReport:
    """Reviews from a CSV or JSON-lines table with (at least) a text column."""
    frame, problems = load_table(data, name)
    report = table_sources(frame, name, film, text_column, max_rows)
    report.problems[:0] = problems
    return report


# --- any file ----------------------------------------------------------------------------------


def read_bytes(data: bytes, name: str, film: str = "", max_rows: int | None = MAX_TABLE_ROWS,
               text_column: str | None = None) -> IngestReport:
    """One uploaded or on-disk file, whatever its kind; problems become messages."""
    name = safe_name(name)
    suffix = Path(name).suffix.lower()
    try:
        if len(data) > MAX_FILE_BYTES:
            raise IngestError(f"{name}: {_megabytes(len(data))} is over the {_megabytes(MAX_FILE_BYTES)} "
                              "limit per file; skipped")
        if suffix in TABLE_SUFFIXES:
            return read_table_bytes(data, name, film, max_rows, text_column)
        if suffix in TEXT_SUFFIXES | HTML_SUFFIXES:
            return _read_text(data, name, film)
        raise IngestError(f"{name}: unsupported file type '{suffix or 'none'}' (use .txt, .md, .html, .csv or .jsonl)")
    except IngestError as exc:
        return IngestReport(problems=[str(exc)])
    except Exception as exc:  # noqa: BLE001 - one odd file must never stop the batch
        return IngestReport(problems=[f"{name}: could not be read ({type(exc).__name__})"])


def read_uploads(files: list[tuple[str, bytes]], film: str = "", text_columns: dict[str, str] | None = None,
                 pasted: list[tuple[str, str]] | None = None, run_checks: bool = True,
                 urls: list[str] | None = None) -> IngestReport:
    """A batch from the page: uploaded ``(name, bytes)`` files, pasted ``(name, text)`` and
    review pages fetched from ``urls``."""
    report = IngestReport()
    text_columns = text_columns or {}
    if len(files) > MAX_FILES_PER_BATCH:
        report.problems.append(f"{len(files)} files uploaded; only the first {MAX_FILES_PER_BATCH} are read "
                               "(the limit per batch)")
        files = files[:MAX_FILES_PER_BATCH]
    for name, data in files:
        report.extend(read_bytes(data, name, film, max_rows=MAX_TABLE_ROWS, text_column=text_columns.get(name)))
    for name, text in pasted or ():
        report.extend(read_pasted(text, name, film))
    if urls:
        from dashboard.reading.fetch import fetch_review  # fetch reads pages through this module

        for url in urls:
            report.extend(fetch_review(url, film))
    return finish(report, run_checks, max_batch_chars=MAX_BATCH_CHARS)


def finish(report: IngestReport, run_checks: bool = True, max_batch_chars: int | None = MAX_BATCH_CHARS) -> IngestReport:
    """Checks (duplicates, ratings, language), the batch limit (``None``: no limit) and unique ids."""
    if run_checks:
        from dashboard.reading.checks import check_sources

        report.sources, problems = check_sources(report.sources)
        report.problems.extend(problems)
    if max_batch_chars is not None:
        report.sources, problems = limit_batch(report.sources, max_batch_chars)
        report.problems.extend(problems)
    _make_ids_unique(report)
    return report


def limit_batch(sources: list[ReviewSource], max_chars: int = MAX_BATCH_CHARS) -> tuple[list[ReviewSource], list[str]]:
    total, kept = 0, []
    for source in sources:
        if total + len(source.text) > max_chars and kept:
            left = len(sources) - len(kept)
            return kept, [f"{count(left, 'review')} not analysed, from {source.origin or source.review_id} on: "
                          f"the limit per batch is {max_chars:,} characters of text"]
        total += len(source.text)
        kept.append(source)
    return kept, []


def read_paths(paths: list[str | Path], max_bytes: int | None = MAX_FILE_BYTES, run_checks: bool = True,
               max_batch_chars: int | None = None) -> IngestReport:
    """Files and folders of reviews. A folder's name is the film of the files inside it.

    No batch limit by default: the command line and the batch engine take any number of
    reviews (each review is still capped at ``MAX_REVIEW_CHARS``)."""
    report = IngestReport()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in REVIEW_SUFFIXES)
            others = sorted(p.name for p in path.iterdir() if p.is_file() and p.suffix.lower() not in REVIEW_SUFFIXES
                            and p.name != "film.toml" and not p.name.startswith("."))
            if others:
                shown = _first_few([safe_name(n) for n in others], 5)
                report.problems.append(f"{safe_name(str(path))}: {count(len(others), 'file')} of other types ignored ({shown})")
            if not files:
                report.problems.append(f"{safe_name(str(path))}: no review files (.txt, .md, .html, .csv, .jsonl) in this folder")
            for file in files:
                report.extend(_read_file(file, path.name, max_bytes))
        elif path.is_file():
            report.extend(_read_file(path, path.parent.name, max_bytes))
        else:
            report.problems.append(f"{safe_name(str(path))}: no such file or folder")
    return finish(report, run_checks, max_batch_chars)


def _read_file(path: Path, film: str, max_bytes: int | None) -> IngestReport:
    name = safe_name(path.name)
    try:
        size = path.stat().st_size
        if max_bytes is not None and size > max_bytes:
            return IngestReport(problems=[f"{name}: {_megabytes(size)} is over the {_megabytes(max_bytes)} limit per file; skipped"])
        data = path.read_bytes()
    except OSError as exc:
        return IngestReport(problems=[f"{name}: could not be read ({exc.strerror or exc})"])
    return read_bytes(data, name, film)


def _make_ids_unique(report: IngestReport) -> None:
    seen: set[str] = set()
    for source in report.sources:
        base, n = source.review_id or "review", 1
        candidate = base
        while candidate in seen:
            n += 1
            candidate = f"{base}-{n}"
        seen.add(candidate)
        source.review_id = candidate
