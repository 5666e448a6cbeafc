"""Article text from a saved web page: navigation, scripts and styles are dropped.

Only text ever leaves this module: markup is never kept, so nothing in a page can run
when its text is shown. Entities are decoded to the characters they stand for (the
pages display text literally, so ``&lt;script&gt;`` becomes the visible text
``<script>``, never an element).
"""

from __future__ import annotations

import html as html_lib
import json
import re
from dataclasses import dataclass

from dashboard.text.dates import MONTH
from dashboard.text.names import NOT_PEOPLE, PERSON_ALONE, without_titles
from dashboard.text.ratings import LABEL_OPENS_LINE, find_rating, parse_rating

# Pages bigger than this are cut before parsing (trafilatura is slow on huge trees).
MAX_HTML_CHARS = 5_000_000

_DROP_BLOCKS = re.compile(
    r"(?is)<(script|style|noscript|template|svg|iframe|object|embed|head|nav|header|footer|aside|form|button)\b.*?</\1\s*>"
)
_COMMENTS = re.compile(r"(?s)<!--.*?-->")
# Widgets inside an article that are never the review: a recipe's card on a site that pairs
# films with food (its own markup, and the common recipe plugins').
_NEVER_THE_REVIEW = ["//*[contains(@class, 'recipe-card') or contains(@class, 'wprm-recipe-container')"
                     " or contains(@class, 'tasty-recipes') or contains(@class, 'mv-create-card')]"]
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
    # "quartermaster_q » Sat 10 May 2025": a forum's separator before the date; "Author Ana
    # Ruiz": a screen reader's label kept in the text
    author = re.split(r"\s+[»·•|]\s+", author)[0] if author else author
    if author and site and re.split(r"[\s;,&]+", author)[0].lower() == re.split(r"[\s;,&]+", site)[0].lower():
        author = ""  # the site's own branch ("Lumen & Lime Harrogate" on Lumen & Lime Cinemas), no critic
    author = re.sub(r"^(?:author|by|written by|posted by)\s+", "", author, flags=re.I)
    names = [without_titles(n) for n in author.split("; ") if n and not _DATE_PART.search(n)]
    outlets = [n for n in names[1:] if n.startswith("The ")]
    if outlets:
        names = [n for n in names if n not in outlets]
        site = site or outlets[0]
    return "; ".join(names), site


def _header_rating(html: str, text: str) -> str:
    """The critic's rating the page gives apart from the article's text, which extraction
    drops with its widgets: the review's structured data (schema.org ``reviewRating``), an
    element marked as the rating ("<p class="grade">A+</p>"), or a rating printed above the
    article ("<p>Rating: 4/5</p>"). Only what stands before the article's first paragraph of
    prose counts: ratings further down belong to other films' links or to readers'
    comments. A rating in the text itself wins (the pipeline reads it there)."""
    if find_rating(text):
        return ""
    if rating := _structured_rating(html):
        return rating
    above = _above_article(html, text)
    found = find_rating(above) if above else None
    if found and found.rating.score is not None:
        return found.rating.raw
    # Marked as the rating, above the article or in it, but not among the comments or the
    # links that follow it.
    body = max(0, html.lower().find("<body"))
    below = _BELOW_ARTICLE.search(html, max(body, html.find(_opening(text)[:30], body)))
    article = html[:below.start()] if below else html
    return (next((value for value in _marked_ratings(article)), "") or _details_box_rating(html)
            or _labelled_line_rating(article[body:]))


# A box beside the article with the film's details and the critic's rating ("At a glance /
# Rating: 1.5 out of 4 stars / Director: ..."); extraction drops it as a sidebar.
_DETAILS_BOX = re.compile(r"(?is)<aside\b[^>]*>(.*?)</aside\s*>")
_DETAILS_LINE = re.compile(
    r"^\W*(?:director|directed by|cast|starring|running time|runtime|rated|certificate|genre)\b", re.I)
_DETAILS_BOX_LINES = 12


def _details_box_rating(html: str) -> str:
    """The critic's rating in a box of the film's details (no list of other films' ratings:
    the box has the details and a few lines)."""
    for box in _DETAILS_BOX.findall(html):
        lines = [line.strip() for line in _fallback_text(box).splitlines() if line.strip()]
        if len(lines) <= _DETAILS_BOX_LINES and any(_DETAILS_LINE.match(line) for line in lines):
            found = find_rating("\n".join(line for line in lines if not _DETAILS_LINE.match(line)))
            if found and found.rating.score is not None:
                return found.rating.raw
    return ""


# A short line in the article that labels the critic's rating ("OUR SCORE: 45/100"), in a box
# the extraction drops with the page's widgets (a blog's callout card).
_LABELLED_LINE_WORDS = 6


def _labelled_line_rating(article: str) -> str:
    """The rating on the first short line of the article that labels one, or ""."""
    for line in _fallback_text(article).splitlines():
        if len(line.split()) <= _LABELLED_LINE_WORDS and LABEL_OPENS_LINE.match(line):
            found = find_rating(line)
            if found and found.rating.score is not None:
                return found.rating.raw
    return ""


_LD_JSON = re.compile(r"(?is)<script[^>]*type=[\"']application/ld\+json[\"'][^>]*>(.*?)</script>")
_MARKED = re.compile(
    r"(?is)<(?P<tag>[a-z][a-z0-9]*)\b[^>]*\b(?:class|itemprop)=[\"'](?P<what>[^\"']*\b(?:rating|grade|score|stars|verdict)[^\"']*)[\"'][^>]*>"
    r"(?P<body>.*?)</(?P=tag)>")
_OTHERS = re.compile(r"audience|user|reader|viewer|visitor|parent|kid|patron|borrower|customer|fan|community|average|"
                     r"aggregate|imdb|member", re.I)
# The box's label, then its grade or score: "Popwire Grade B-", "Staff verdict 82%", "THE GRADE C–".
_SCORE_LAST = re.compile(r"\s(?:(?-i:[A-F])[+\-–−]?|\d{1,3}%|\d{1,2}(?:\.\d)?/\d{1,3})$")
_MARKED_CHARS = 60  # a rating, with its label or a revision ("Original rating: 2/5 — Revised rating: 4/5")
_ALT_TEXT = re.compile(r"(?i)\b(?:alt|title|aria-label)=[\"']([^\"']{1,40})[\"']")
# A section of comments or links (not a count of comments in a byline).
_BELOW_ARTICLE = re.compile(
    r"(?i)<(?:section|div|ol|ul|aside|footer|nav)\b[^>]*\b(?:class|id)=[\"'][^\"']*\b(?:comments?|related|recommend\w*|more-\w+|sidebar|footer)\b")


def _structured_nodes(html: str):
    """Every object of the page's schema.org data (JSON-LD blocks that parse)."""
    for block in _LD_JSON.findall(html):
        try:
            data = json.loads(block)
        except ValueError:
            continue
        yield from _nodes(data)


_LETTER_GRADE = re.compile(r"[A-F][+-]?")


def _structured_rating(html: str) -> str:
    """"ratingValue/bestRating" of the page's own review in its schema.org data (JSON-LD or
    microdata)."""
    for node in _structured_nodes(html):
        rating = node.get("reviewRating") if node.get("@type") == "Review" else None
        if isinstance(rating, dict) and (value := str(rating.get("ratingValue", "")).strip()):
            if _LETTER_GRADE.fullmatch(value):
                return value  # a grade has its own scale: "C-"
            best = str(rating.get("bestRating") or "5").strip()
            raw = f"{value}/{best}"
            if parse_rating(raw).score is not None:
                return raw
    return _microdata_rating(html)


# Microdata: <div itemprop="reviewRating" ...><meta itemprop="ratingValue" content="4">, or
# <span itemprop="ratingValue">4</span>, in the lines after it.
_REVIEW_RATING = re.compile(r"(?i)\bitemprop=[\"']reviewRating[\"']")
_RATING_SCOPE_CHARS = 800


def _itemprop(name: str, html: str) -> str:
    """The value of the first element marked ``itemprop=name``: a meta tag's content or
    an element's text."""
    marked = rf"(?is)<(?P<tag>[a-z]+)\b(?P<attributes>[^>]*\bitemprop=[\"']{name}[\"'][^>]*)>(?P<text>[^<]*)"
    for m in re.finditer(marked, html):
        content = re.search(r"(?i)\bcontent=[\"']([^\"']*)[\"']", m.group("attributes"))
        value = content.group(1) if content else m.group("text")
        if value.strip():
            return html_lib.unescape(value).strip()
    return ""


def _microdata_rating(html: str) -> str:
    """"ratingValue/bestRating" of the review's rating in the page's microdata."""
    m = _REVIEW_RATING.search(html)
    scope = html[m.end():m.end() + _RATING_SCOPE_CHARS] if m else ""
    value = _itemprop("ratingValue", scope)
    if not value:
        return ""
    raw = f"{value}/{_itemprop('bestRating', scope) or '5'}"
    return raw if parse_rating(raw).score is not None else ""


# An archive's or a library's page of an article names the publication it comes from in the
# citation tags scholars' tools read (<meta name="citation_newspaper_title" content="Northern
# Evening Courier (Bradford)">): the review's outlet, not the archive's site.
_CITATION_PUBLICATION = re.compile(
    r"(?is)<meta\b(?=[^>]*\bname=[\"']citation_(?:newspaper|journal|magazine|periodical)_title[\"'])"
    r"[^>]*\bcontent=[\"']([^\"']{2,120})[\"']")
_PLACE_AFTER = re.compile(r"\s*\([^()]*\)\s*$")


def _cited_publication(html: str) -> str:
    m = _CITATION_PUBLICATION.search(html)
    return _PLACE_AFTER.sub("", html_lib.unescape(m.group(1))).strip() if m else ""


def _structured_publisher(html: str) -> str:
    """The publisher's name of the page's own review or article in its schema.org data (not
    the name of the page itself, which a graph's "WebPage" node gives)."""
    for node in _structured_nodes(html):
        if node.get("@type") in ("Review", "Article", "NewsArticle", "CriticReview", "BlogPosting"):
            publisher = node.get("publisher")
            if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
                return _clean_meta(publisher["name"])
    return ""


# A user's handle as a review's author ("loopedtwice"): lower case, one word.
_HANDLE = re.compile(r"@?[a-z][a-z0-9_.-]{2,29}")


def _structured_author(html: str) -> str:
    """The person who wrote the page's own review, by its schema.org data (an aggregator's
    page hosting a critic's review names the critic there and nowhere near the article)."""
    for node in _structured_nodes(html):
        if node.get("@type") in ("Review", "CriticReview"):
            authors = node.get("author")
            for author in authors if isinstance(authors, list) else [authors]:
                if not isinstance(author, dict) or author.get("@type", "Person") != "Person":
                    continue  # an organisation is the outlet, not the critic
                name = _clean_meta(author.get("name"))
                if re.fullmatch(PERSON_ALONE, name) or (_HANDLE.fullmatch(name) and name not in NOT_PEOPLE):
                    return name.lstrip("@")
    return ""


# "<title>Harbour Lights review | The Daily Test</title>": the site after the last bar.
# (a site's name, not the headline's second half: "Nightjar review – a slow bloom of a film")
_TITLE_SUFFIX = re.compile(r"(?is)<title[^>]*>[^<]*[|–—]\s*((?-i:[^<|–—\sa-z])[^<|–—]{1,59}?)\s*</title>")
# A byline the article's extraction left out: "Written by Ana Ruiz · 14 June 2025".
_BYLINE_LABEL = re.compile(r"(?i:by|reviewed\s+by|words\s+by|picked\s+by|chosen\s+by|recommended\s+by|critic|reviewer)\s*:?")
_VISIBLE_BYLINE = re.compile(
    rf"^\W*(?i:by|written by|words by|reviewed by|words\s*:|review\s*:)\s+(?P<name>{PERSON_ALONE})(?=\s|$|[·|,])")


def _without_site(title: str, site: str) -> str:
    """"Review: Nightjar — Harbour Notes" is "Review: Nightjar" on the site Harbour Notes."""
    for separator in (" — ", " – ", " | ", " - "):
        head, _, tail = title.rpartition(separator)
        if head and site and tail.strip().lower() == site.lower():
            return head.strip()
    return title


def _title_suffix(html: str) -> str:
    m = _TITLE_SUFFIX.search(html)
    return _clean_meta(html_lib.unescape(m.group(1))) if m else ""


_TITLE_TAG = re.compile(r"(?is)<title[^>]*>([^<]{1,300})</title>")


def _title_prefix(html: str, title: str) -> str:
    """The site's name before the article's own title in the page's title, as blogs print
    it: "Popcorn & Pterodactyls: Bones of the Red Basin" over the post "Bones of the Red Basin"."""
    m = _TITLE_TAG.search(html)
    whole = _clean_meta(html_lib.unescape(m.group(1))) if m else ""
    head = whole[:-len(title)].rstrip() if title and len(whole) > len(title) and whole.endswith(title) else ""
    return head[:-1].strip() if head[-1:] in (":", "|", "–", "—", "-") else ""


def _visible_byline(html: str, text: str) -> str:
    """A byline printed above the article's first paragraph of prose, on one line or as a
    label over the name ("Picked by" / "Rory Fenwick-Adu")."""
    lines = [line.strip() for line in _above_article(html, text).splitlines() if line.strip()]
    for line, below in zip(lines, lines[1:] + [""]):
        if m := _VISIBLE_BYLINE.match(line):
            return m.group("name")
        if _BYLINE_LABEL.fullmatch(line) and (name := re.fullmatch(PERSON_ALONE, below)):
            return name.group()
    return ""


def _opening(text: str) -> str:
    """The start of the article's first paragraph of prose (a long line that ends as a
    sentence does: not the headline or its standfirst)."""
    return next((line for line in text.splitlines()
                 if len(line.split()) > 12 and re.search(r"[.!?][\"'”’)]*\s*$", line)), "")[:60]


def _above_article(html: str, text: str) -> str:
    """The page's text (without its head, menus and scripts) above the article's first
    paragraph of prose; "" when that paragraph is not found in it."""
    page, opening = _fallback_text(html), _opening(text)
    where = page.find(opening) if opening else -1
    return page[:where] if where > 0 else ""


def _nodes(data):
    """Every JSON object in ``data`` (a schema.org graph nests them)."""
    if isinstance(data, dict):
        yield data
        for value in data.values():
            yield from _nodes(value)
    elif isinstance(data, list):
        for value in data:
            yield from _nodes(value)


def _marked_ratings(html: str):
    """The text of elements the page marks as a rating, that is no rating of others; for
    stars drawn as pictures, their alternative text ("<img alt="4 out of 5 stars">")."""
    for m in _MARKED.finditer(html):
        body = html_lib.unescape(_TAGS.sub(" ", m.group("body"))).strip() or " ".join(
            html_lib.unescape(alt) for alt in _ALT_TEXT.findall(m.group("body"))).strip()
        if len(body) <= _MARKED_CHARS and not _OTHERS.search(m.group("what") + " " + body):
            found = find_rating(body)
            rating = found.rating if found else parse_rating(body)
            if rating.score is None and _SCORE_LAST.search(body):
                rating = parse_rating(body.split()[-1])
            if rating.score is not None:
                yield rating.raw


# A definition list's term and its description ("<dt>Director</dt><dd>Jo Lin</dd>"), which
# the extraction would give as two items: one line, "Director: Jo Lin", as a credits box
# prints it.
_TERM_AND_DESCRIPTION = re.compile(r"(?is)<dt\b[^>]*>((?:(?!</?d[ltd]\b).){0,200}?)</dt>\s*"
                                   r"<dd\b[^>]*>((?:(?!</?d[ltd]\b).){0,400}?)</dd>")


def _term_beside_description(m: re.Match) -> str:
    term = m.group(1).strip()
    return f"<dt>{term}{'' if term.endswith(':') else ':'} {m.group(2).strip()}</dt>"


def extract_page(html: str) -> Page:
    """The main text of a review page and, when the page says, its title, author and site."""
    html = html[:MAX_HTML_CHARS]
    if "<" not in html:
        return Page(html_lib.unescape(html).strip())
    html = _TERM_AND_DESCRIPTION.sub(_term_beside_description, html)
    try:
        import trafilatura
    except ImportError:  # optional dependency: fall back to dropping tags
        trafilatura = None
    if trafilatura is not None:
        try:
            doc = trafilatura.bare_extraction(
                html, with_metadata=True, include_comments=False, include_tables=False,
                include_images=False, include_links=False, favor_recall=True, prune_xpath=_NEVER_THE_REVIEW,
            )
        except Exception:  # a malformed page must never stop the batch
            doc = None
        text = getattr(doc, "text", None) if doc is not None else None
        if text and text.strip():
            author, site = _author_and_site(_clean_meta(getattr(doc, "author", "")),
                                            _clean_meta(getattr(doc, "sitename", "")))
            title = _clean_meta(getattr(doc, "title", ""))
            site = (_cited_publication(html) or _structured_publisher(html)
                    or (_title_suffix(html) or _title_prefix(html, title) if not site or "." in site else site))
            return Page(text.strip(), _without_site(title, site),
                        author or _structured_author(html) or _visible_byline(html, text), site,
                        _header_rating(html, text))
    return Page(_fallback_text(html))

