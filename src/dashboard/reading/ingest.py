"""Read reviews from files, folders, uploads, pasted text and tables into ``ReviewSource`` records.

One bad file never stops the others: every problem becomes a one-line message naming
the file (or table row), and the batch goes on.

Limits are set on purpose (each message says what the limit is):

* ``MAX_REVIEW_CHARS``: only the first this many characters of one review are analysed,
  so a 50 MB text cannot hang the app (everywhere);
* the upload page's own limits: ``MAX_FILE_BYTES``, one file bigger than this is skipped
  (the upload widget's own limit, ``server.maxUploadSize`` in ``.streamlit/config.toml``,
  should be the same number of MB); ``MAX_TABLE_ROWS``, only the first this many rows of a
  table are read; ``MAX_BATCH_CHARS``, reviews past this much text in one batch are left
  out; ``MAX_FILES_PER_BATCH``, files past this many are left out; ``MAX_URLS``, web
  addresses past this many are not fetched. Files read from disk
  (``read_paths``: the command line, the bundled films) have none of these unless asked.
"""

from __future__ import annotations

import urllib.parse
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path
from typing import Callable, Iterable, Iterator

from dashboard.reading.checks import Duplicates, check_sources
from dashboard.reading.decode import (
    BOMS, MAX_REVIEW_CHARS, cap_text, clean_id, cut_bytes, decode_bytes, megabytes, plain_text, safe_name,
)
from dashboard.reading.fetch import FetchError, fetch_bytes, safe_name_url, short_url
from dashboard.reading.html import MAX_HTML_CHARS, extract_page
from dashboard.reading.markdown import front_matter
from dashboard.reading.markdown import readable as readable_markdown
from dashboard.reading.tables import MAX_TABLE_ROWS, read_table_bytes, read_table_file
from dashboard.records import IngestError, IngestReport, ReviewSource, origin_file
from dashboard.text.wording import count, first_few

MARKDOWN_SUFFIXES = {".md", ".markdown"}
TEXT_SUFFIXES = {".txt"} | MARKDOWN_SUFFIXES
TABLE_SUFFIXES = {".csv", ".jsonl", ".ndjson"}
HTML_SUFFIXES = {".html", ".htm"}
REVIEW_SUFFIXES = TEXT_SUFFIXES | TABLE_SUFFIXES | HTML_SUFFIXES
UPLOAD_TYPES = sorted(s.lstrip(".") for s in REVIEW_SUFFIXES)
# What a document is read as: a web page, Markdown or plain text.
HTML, MARKDOWN, TEXT = "html", "markdown", "text"
_KIND_OF_TYPE = {"text/html": HTML, "application/xhtml+xml": HTML, "text/markdown": MARKDOWN}

# --- limits (see the module docstring) ---------------------------------------------------
MAX_FILE_BYTES = 50 * 1024 * 1024      # 50 MB per file: server.maxUploadSize = 50 (MB) as well
MAX_BATCH_CHARS = 5_000_000            # text analysed in one batch (~15 s of analysis)
MAX_FILES_PER_BATCH = 200
MAX_URLS = 50                          # web addresses fetched in one batch
FETCH_WORKERS = 8                      # of them, fetched at once


def _cap_message(name: str, size: str) -> str:
    return (f"{name}: {size} of text; only the first {MAX_REVIEW_CHARS:,} characters are analysed "
            f"(the limit per review)")


# --- documents -------------------------------------------------------------------------------


def kind_of_file(name: str) -> str:
    suffix = Path(name).suffix.lower()
    return HTML if suffix in HTML_SUFFIXES else MARKDOWN if suffix in MARKDOWN_SUFFIXES else TEXT


def read_document(data: bytes, name: str, kind: str, film: str = "", review_id: str = "",
                  url: str = "", outlet: str = "") -> IngestReport:
    """One review from the bytes of a text, Markdown or HTML document (a file, an upload or
    a fetched page): decoded, read as its reader sees it (a web page's article text with
    its byline, site name and the rating printed above it; Markdown without link
    addresses), with plain line breaks and capped in length. Raises ``IngestError``."""
    report = IngestReport()
    is_html = kind == HTML
    size = len(data)
    # Never decode more than can be analysed (4 bytes per character at most).
    limit = (MAX_HTML_CHARS if is_html else MAX_REVIEW_CHARS) * 4 + 4
    encoding = next((e for b, e in BOMS if data.startswith(b)), None)
    text, note = decode_bytes(cut_bytes(data, limit, encoding), name)
    if note:
        report.problems.append(note)
    title = author = rating = ""
    if is_html:
        if len(text) > MAX_HTML_CHARS:
            report.problems.append(f"{name}: {megabytes(size)} web page; only its first "
                                   f"{MAX_HTML_CHARS // 1_000_000} million characters are read")
        page = extract_page(text[:MAX_HTML_CHARS])
        text, title, author, rating = page.text, page.title, page.author, page.rating
        outlet = page.sitename or outlet
        if not text.strip():
            raise IngestError(f"{name}: no article text was found in this web page")
    elif kind == MARKDOWN:
        details, text = front_matter(text)
        title, author, outlet = details.get("title", ""), details.get("author", ""), details.get("outlet") or outlet
        rating = details.get("rating", "")
        text = readable_markdown(text)
    if not text.strip():
        raise IngestError(f"{name}: the file is empty")
    text, cut = cap_text(plain_text(text))
    if cut or (not is_html and size > limit):
        report.problems.append(_cap_message(name, megabytes(size)))
    report.sources.append(ReviewSource(
        review_id=review_id or clean_id(Path(name).stem) or "review", text=text, film=film, origin=name,
        title=title, author=author, outlet=outlet, rating=rating, url=url,
    ))
    return report


def read_url(url: str, film: str = "", **fetch_options) -> IngestReport:
    """One review from its web address; problems become messages naming the address."""
    shown = short_url(url or "")
    try:
        body, content_type, final_url = fetch_bytes(url, **fetch_options)
        if content_type not in _KIND_OF_TYPE and not content_type.startswith("text/"):
            raise FetchError(f"{shown}: this is not a web page ({content_type})")
        parts = urllib.parse.urlsplit(final_url)
        stem = (parts.path.rstrip("/").rsplit("/", 1)[-1] or parts.hostname or "page").rsplit(".", 1)[0]
        return read_document(body, shown, _KIND_OF_TYPE.get(content_type, TEXT), film,
                             review_id=clean_id(stem) or "page", url=safe_name_url(final_url),
                             outlet=parts.hostname or "")
    except IngestError as exc:
        return IngestReport(problems=[str(exc)])
    except Exception as exc:  # noqa: BLE001 - the batch goes on
        return IngestReport(problems=[f"{shown}: could not be read ({type(exc).__name__})"])


def read_urls(urls: list[str], film: str = "", progress: Callable[[int, int], None] | None = None,
              **fetch_options) -> IngestReport:
    """Review pages from several web addresses (each once, at most ``MAX_URLS``), fetched
    ``FETCH_WORKERS`` at a time under ``read_url``'s rules: the reviews in the order the
    addresses were given, and one line for each address that failed, saying why."""
    report = IngestReport()
    wanted = list(dict.fromkeys(u.strip() for u in urls if u and u.strip()))
    if len(wanted) > MAX_URLS:
        report.problems.append(f"{len(wanted)} web addresses given; only the first {MAX_URLS} are fetched "
                               "(the limit per batch)")
        wanted = wanted[:MAX_URLS]
    if not wanted:
        return report
    results: list[IngestReport] = [IngestReport()] * len(wanted)
    with ThreadPoolExecutor(max_workers=min(FETCH_WORKERS, len(wanted))) as pool:
        futures = {pool.submit(read_url, url, film, **fetch_options): i for i, url in enumerate(wanted)}
        for done, future in enumerate(as_completed(futures), start=1):
            results[futures[future]] = future.result()
            if progress:
                progress(done, len(wanted))
    for result in results:
        report.extend(result)
    return report


def read_pasted(text: str, name: str = "pasted text", film: str = "", url: str = "") -> IngestReport:
    """A review pasted into the page."""
    name = safe_name(name)
    if not text or not text.strip():
        return IngestReport(problems=[f"{name}: nothing was pasted"])
    text = plain_text(text)
    size = len(text)
    text, cut = cap_text(text)
    report = IngestReport([ReviewSource(review_id=clean_id(name), text=text, film=film, origin=name, url=url)])
    if cut:
        report.problems.append(_cap_message(name, f"{size:,} characters"))
    return report


# --- any file ----------------------------------------------------------------------------------


def read_bytes(data: bytes, name: str, film: str = "", max_rows: int | None = MAX_TABLE_ROWS,
               text_column: str | None = None, page_limit: bool = True) -> IngestReport:
    """One uploaded or on-disk file, whatever its kind; problems become messages. With
    ``page_limit``, a file over the upload page's ``MAX_FILE_BYTES`` is skipped."""
    name = safe_name(name)
    suffix = Path(name).suffix.lower()
    try:
        if page_limit and len(data) > MAX_FILE_BYTES:
            raise IngestError(_too_big(name, len(data), MAX_FILE_BYTES))
        if suffix in TABLE_SUFFIXES:
            return read_table_bytes(data, name, film, max_rows, text_column)
        if suffix in TEXT_SUFFIXES | HTML_SUFFIXES:
            return read_document(data, name, kind_of_file(name), film)
        raise IngestError(f"{name}: unsupported file type '{suffix or 'none'}' (use .txt, .md, .html, .csv or .jsonl)")
    except IngestError as exc:
        return IngestReport(problems=[str(exc)])
    except Exception as exc:  # noqa: BLE001 - one odd file must never stop the batch
        return IngestReport(problems=[f"{name}: could not be read ({type(exc).__name__})"])


def read_uploads(files: list[tuple[str, bytes]], film: str = "", text_columns: dict[str, str] | None = None,
                 pasted: list[tuple[str, str]] | None = None, run_checks: bool = True,
                 urls: list[str] | None = None, url_progress: Callable[[int, int], None] | None = None
                 ) -> IngestReport:
    """A batch from the page: uploaded ``(name, bytes)`` files, pasted ``(name, text)`` and
    review pages fetched from ``urls`` (``url_progress``: addresses done, of how many)."""
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
    report.extend(read_urls(urls or [], film, url_progress))
    return finish(report, run_checks, max_batch_chars=MAX_BATCH_CHARS)


def finish(report: IngestReport, run_checks: bool = True, max_batch_chars: int | None = MAX_BATCH_CHARS) -> IngestReport:
    """Checks (duplicates, ratings, language), the batch limit (``None``: no limit) and unique ids."""
    report = BatchChecks(run_checks)(report)
    if max_batch_chars is not None:
        report.sources, problems = limit_batch(report.sources, max_batch_chars)
        report.problems.extend(problems)
    return report


class BatchChecks:
    """The checks of one batch (``check_sources`` and unique review ids), run on it whole or
    chunk by chunk as it is read: a duplicate or a repeated id in a later chunk is found."""

    def __init__(self, run_checks: bool = True, note_originals: bool = True) -> None:
        self.run_checks = run_checks
        self.duplicates = Duplicates(note_originals)
        self.ids: set[str] = set()

    def __call__(self, report: IngestReport) -> IngestReport:
        if self.run_checks:
            report.sources, problems = check_sources(report.sources, self.duplicates)
            report.problems.extend(problems)
        for source in report.sources:
            base, n = source.review_id or "review", 1
            candidate = base
            while candidate in self.ids:
                n += 1
                candidate = f"{base}-{n}"
            self.ids.add(candidate)
            source.review_id = candidate
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


def read_paths(paths: list[str | Path], max_bytes: int | None = None, run_checks: bool = True,
               max_batch_chars: int | None = None, max_rows: int | None = None) -> IngestReport:
    """Files and folders of reviews, read whole (``iter_paths``), checked as one batch."""
    report = IngestReport()
    for part in iter_paths(paths, max_bytes, max_rows):
        report.extend(part)
    return finish(report, run_checks, max_batch_chars)


class CheckedReadings:
    """What the checks made of a corpus on its first reading, kept to be replayed on the
    next ones (a streamed analysis reads its input up to three times): per part read, the
    reviews kept, with their ids and notes. The duplicate and language checks then run
    once per review, not once per reading. A few small values a review."""

    def __init__(self) -> None:
        self.parts: list[list[tuple[int, str, str, bool]]] = []
        self.complete = False

    def read(self, parts: Iterable[IngestReport]) -> Iterator[IngestReport]:
        if self.complete:
            for part, kept in zip(parts, self.parts):
                sources = []
                for index, review_id, note, skip in kept:
                    source = part.sources[index]
                    source.review_id, source.note, source.skip_scoring = review_id, note, skip
                    sources.append(source)
                yield IngestReport(sources)  # the messages were given by the first reading
            return
        checks, self.parts = BatchChecks(note_originals=False), []
        for part in parts:
            positions = {id(source): index for index, source in enumerate(part.sources)}
            checked = checks(part)
            self.parts.append([(positions[id(s)], s.review_id, s.note, s.skip_scoring) for s in checked.sources])
            yield checked
        self.complete = True


def stream_paths(paths: list[str | Path], max_rows: int | None = None,
                 chunk_rows: int | None = None, readings: CheckedReadings | None = None) -> Iterator[IngestReport]:
    """The same reviews as ``read_paths``, checked, a file or ``chunk_rows`` table rows at
    a time: a corpus of any size, never in memory at once. ``readings``: the checks of an
    earlier reading of the same paths, replayed (or made and kept, on the first)."""
    parts = iter_paths(paths, max_rows=max_rows, chunk_rows=chunk_rows)
    yield from (readings or CheckedReadings()).read(parts)


def iter_paths(paths: list[str | Path], max_bytes: int | None = None, max_rows: int | None = None,
               chunk_rows: int | None = None) -> Iterator[IngestReport]:
    """Files and folders of reviews, unchecked, a file (or ``chunk_rows`` rows of a table)
    at a time. A folder's name is the film of the files inside it.

    No limits by default: the command line and the batch engine read whole files and
    tables, any number of them (each review is still capped at ``MAX_REVIEW_CHARS``).
    ``max_rows`` keeps the first rows of each table."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in REVIEW_SUFFIXES)
            others = sorted(p.name for p in path.iterdir() if p.is_file() and p.suffix.lower() not in REVIEW_SUFFIXES
                            and p.name != "film.toml" and not p.name.startswith("."))
            if others:
                shown = first_few([safe_name(n) for n in others], 5)
                yield IngestReport(problems=[f"{safe_name(str(path))}: {count(len(others), 'file')} of other types "
                                             f"ignored ({shown})"])
            if not files:
                yield IngestReport(problems=[f"{safe_name(str(path))}: no review files (.txt, .md, .html, .csv, "
                                             ".jsonl) in this folder"])
            for file in files:
                yield from _read_file(file, path.name, max_bytes, max_rows, chunk_rows)
        elif path.is_file():
            yield from _read_file(path, path.parent.name, max_bytes, max_rows, chunk_rows)
        else:
            yield IngestReport(problems=[f"{safe_name(str(path))}: no such file or folder"])


def _read_file(path: Path, film: str, max_bytes: int | None, max_rows: int | None,
               chunk_rows: int | None) -> Iterator[IngestReport]:
    name = safe_name(path.name)
    try:
        size = path.stat().st_size
        if max_bytes is not None and size > max_bytes:
            yield IngestReport(problems=[_too_big(name, size, max_bytes)])
            return
        if path.suffix.lower() in TABLE_SUFFIXES:
            yield from read_table_file(path, name, film, max_rows, chunk_rows=chunk_rows)
            return
        data = path.read_bytes()
    except OSError as exc:
        yield IngestReport(problems=[f"{name}: could not be read ({exc.strerror or exc})"])
        return
    except IngestError as exc:
        yield IngestReport(problems=[str(exc)])
        return
    except Exception as exc:  # noqa: BLE001 - one odd file must never stop the batch
        yield IngestReport(problems=[f"{name}: could not be read ({type(exc).__name__})"])
        return
    yield read_bytes(data, name, film, max_rows=max_rows, page_limit=False)


def _too_big(name: str, size: int, limit: int) -> str:
    return f"{name}: {megabytes(size)} is over the {megabytes(limit)} limit per file; skipped"


def notes_and_skips(messages: list[str], origins) -> tuple[list[str], list[str]]:
    """(notes, skips): a message names its file (or a row of it) first; about a file that
    still gave reviews (``origins``: the analysed reviews' origins) it is a note (capped,
    a rating left empty, a duplicate dropped...), otherwise the file was left out."""
    analysed = {origin_file(o) for o in origins}
    notes, skips = [], []
    for message in messages:
        (notes if origin_file(message.split(":", 1)[0]) in analysed else skips).append(message)
    return notes, skips
