"""Article text from a saved web page: navigation, scripts and styles are dropped.

Only text ever leaves this module: markup is never kept, so nothing in a page can run
when its text is shown. Entities are decoded to the characters they stand for (the
pages display text literally, so ``&lt;script&gt;`` becomes the visible text
``<script>``, never an element).
"""

from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass

from dashboard.text.dates import MONTH
from dashboard.text.ratings import find_rating

# Pages bigger than this are cut before parsing (trafilatura is slow on huge trees).
MAX_HTML_CHARS = 5_000_000

_DROP_BLOCKS = re.compile(
    r"(?is)<(script|style|noscript|template|svg|iframe|object|embed|head|nav|header|footer|aside|form|button)\b.*?</\1\s*>"
)
_COMMENTS = re.compile(r"(?s)<!--.*?-->")
_BLOCK_TAGS = re.compile(r"(?i)</?(?:p|div|br|li|h[1-6]|tr|section|article|blockquote)\b[^>]*>")
_TAGS = re.compile(r"(?s)<[^>]*>")
_DATE_PART = re.compile(rf"\d|^{MONTH}$")  # a byline's date, split from its name


@dataclass
class Page:
    text: str
    title: str = ""
    author: str = ""
    sitename: str = ""
    rating: str = ""  # the critic's rating from the page's header, when the text has none


def _fallback_text(html: str) -> str:
    text = _COMMENTS.sub(" ", html)
    text = _DROP_BLOCKS.sub(" ", text)
    # An unclosed <script> (a cut page) would otherwise leak its code as text.
    text = re.sub(r"(?is)<(script|style)\b.*$", " ", text)
    text = _BLOCK_TAGS.sub("\n", text)
    text = _TAGS.sub(" ", text)
    text = html_lib.unescape(text)
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    text = re.sub(r" ?\n[ \n]*", "\n", text)
    return text.strip()


def _clean_meta(value) -> str:
    if not value:
        return ""
    return re.sub(r"\s+", " ", str(value)).strip()[:200]


def _author_and_site(author: str, site: str) -> tuple[str, str]:
    """A byline "By Mark Holt, The Daily Ledger" comes out of the page as two authors,
    "Mark Holt; The Daily Ledger": a later "author" that starts with "The" is the outlet."""
    # "By Priya Shah | The Daily Reel | November 20, 2024" gives "Priya Shah; November".
    names = [n for n in author.split("; ") if n and not _DATE_PART.search(n)]
    outlets = [n for n in names[1:] if n.startswith("The ")]
    if outlets:
        names = [n for n in names if n not in outlets]
        site = site or outlets[0]
    return "; ".join(names), site


def _header_rating(html: str, text: str) -> str:
    """The critic's rating printed above the article ("<p class="rating">Rating: 4/5</p>"),
    which article extraction drops with the page's widgets. Only what stands before the
    article's first paragraph of prose counts: ratings further down belong to other films'
    links or to readers' comments."""
    if find_rating(text):
        return ""
    page = _fallback_text(html)
    opening = next((line for line in text.splitlines() if len(line.split()) > 12), "")[:60]
    where = page.find(opening) if opening else -1
    found = find_rating(page[:where]) if where > 0 else None
    return found.rating.raw if found and found.rating.score is not None else ""


def extract_page(html: str) -> Page:
    """The main text of a review page and, when the page says, its title, author and site."""
    html = html[:MAX_HTML_CHARS]
    if "<" not in html:
        return Page(html_lib.unescape(html).strip())
    try:
        import trafilatura
    except ImportError:  # optional dependency: fall back to dropping tags
        trafilatura = None
    if trafilatura is not None:
        try:
            doc = trafilatura.bare_extraction(
                html, with_metadata=True, include_comments=False, include_tables=False,
                include_images=False, include_links=False, favor_recall=True,
            )
        except Exception:  # a malformed page must never stop the batch
            doc = None
        text = getattr(doc, "text", None) if doc is not None else None
        if text and text.strip():
            author, site = _author_and_site(_clean_meta(getattr(doc, "author", "")),
                                            _clean_meta(getattr(doc, "sitename", "")))
            return Page(text.strip(), _clean_meta(getattr(doc, "title", "")), author, site,
                        _header_rating(html, text))
    return Page(_fallback_text(html))

