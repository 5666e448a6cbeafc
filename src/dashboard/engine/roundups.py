"""Round-up pages: the parts of a page about other films.

Newspapers often print a review with short reviews of the week's other releases under it
("ALSO OPENING THIS WEEK", then ``"Other Film" ★★★★`` and two lines on it), and a
round-up may review the film in the middle of others. Those capsules are criticism, but of
other films: read as this film's review, a rave of another film becomes the pull quote
and their stars the rating.

A capsule opens with a line that names a film and rates or certifies it: a title in
quotes or emphasis, or followed by its certificate or year in brackets, then star glyphs,
a score over a scale or a certificate, or a title over its rating alone. Such a line
about another film starts the other films' part; one naming this film ends it, as do a
short line whose last part names it after a date or a label ("Fri 5 December – The Film
(15)", "OUR NEXT SCREENING: THE FILM") and a rule across the page. A heading over the
other releases (``[round_up]`` in ``cleaning.toml``) starts it too, once the review's
prose has begun. Without the film's title a capsule line starts that part only after the
review's prose, for the first film reviewed is then taken to be the film.
"""

from __future__ import annotations

import re

from dashboard.engine.bylines import DATE_LINE
from dashboard.text.names import in_sentence_case, title_key
from dashboard.text.ratings import CERTIFICATE as _CERTIFICATE, EMPTY_STARS, FULL_STARS

# A line of the review's prose: long enough to be no heading, title or credit.
_PROSE_WORDS = 12
_PARAGRAPH_WORDS = 25  # a paragraph of it, not a standfirst or a banner
# The other films' part starts at a heading only after this many lines of prose.
PROSE_BEFORE_ROUND_UP = 2
_RATED = (
    rf"(?:[{FULL_STARS}{EMPTY_STARS}]+\s*½?|\*{{1,5}}\s*(?:½|1/2)?|\d(?:\.\d)?\s*/\s*(?:4|5|10)"
    rf"|\(?{_CERTIFICATE}\)?(?=[\s,;]|$))"
)
# The year or certificate in brackets, the running time with it: "(2025)", "(15, 104 mins)".
_BRACKET = r"\((?:\d{4}|" + _CERTIFICATE + r")(?:,\s*\d{2,3}\s*(?:mins?|minutes))?\)"
# "\"Other Film\" ★★★★", "*Other Film* (PG-13) 3/5", "OTHER FILM (2025) ★★", "OTHER FILM (15, 104 mins)"
_CAPSULE_TITLE = re.compile(
    r"^[\W_]{0,3}?(?:"
    r"(?P<quoted>[\"“‘'*_]+)(?P<title>[^\s\"“”‘’*_][^\"“”‘’*_\n]{0,58}?[^\s\"“”‘’*_])[\"”’'*_]+\s*"
    r"(?P<bracket>" + _BRACKET + r")?"
    r"|(?P<plain>[^\W\d_][^\n:.!?()]{1,60}?)\s*" + _BRACKET +
    r")\s*[-–—|:,]?\s*(?P<rated>" + _RATED + r")?",
)
# A list's item on a film: its title, a dash, a line or two on it, its score at the end
# ("- Paper Moons – a hangout comedy with the best cat of the year. 79/100").
_LISTED_CAPSULE = re.compile(
    r"\s*[-*•·]\s+(?P<title>[A-Z0-9][^\n.!?:;–—]{0,50}?)\s+[–—-]\s+[^\n]{3,240}?[.!?,;]?\s*"
    r"(?:[" + FULL_STARS + EMPTY_STARS + r"]+\s*½?|\d{1,3}\s*/\s*100|\d(?:\.\d)?\s*/\s*(?:4|5|10))\s*")
_SCORED = re.compile(rf"[/*{FULL_STARS}{EMPTY_STARS}]")  # a rating, not a certificate
# A rating alone on its line, under its film's title: stars, asterisks or a score over a scale.
_RATING_ALONE = re.compile(rf"\s*(?:[{FULL_STARS}{EMPTY_STARS}]+\s*½?|\*{{1,5}}\s*(?:½|1/2)?|\d(?:\.\d)?\s*/\s*(?:4|5|10))\s*")
# A title alone on its line: a few words with no sentence's end (nor a date: "17 October 2025").
_TITLE_ALONE = re.compile(r"[#\"“‘'*_\s]*[A-Z0-9][^\n.!?:;]{0,58}[\w\"”’'*_)]")
_EMPHASIS_MARKS = re.compile(r"^[#\s*_]+|[*_]+$")
# A line that labels the critic's own rating ("**Verdict:** ★★★★"), or the site's own ("PILCROW RATING",
# "Clarion verdict"), not a film.
_RATING_LABEL = re.compile(r"^(?:(?:the|our|my|final)\s+)*(?:[\w'’&+-]+\s+)?"
                           r"(?:rating|score|grade|verdict|overall|stars?|review)\W*$", re.I)
# A rule across the page ("---", "* * *") ends a newsletter's notes on other films: what
# follows is the issue's own (its key, its sign-off, the film's "****").
RULE = re.compile(r"\s*(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,}|(?:=\s*){3,})")
# What may follow a capsule's title and rating on its line: a few details ("PG-13, 1:46").
_DETAILS_WORDS = 4


def capsule_title(body: str) -> str | None:
    """The film a capsule's opening line names, or None when the line is no such line."""
    if listed := _LISTED_CAPSULE.fullmatch(body):
        return listed.group("title").strip()
    m = _CAPSULE_TITLE.match(body)
    if m and m.group("plain") and _SCORED.search(m.group("rated") or ""):
        # a title with its year and its score opening a capsule's prose: "The Lamp Room
        # (2024) — 7/10. A gentle study of a lighthouse keeper's last winter."
        return m.group("plain").strip()
    if len(body.split()) > _PROSE_WORDS or not m:
        return None
    if m.group("quoted") and not (m.group("rated") or m.group("bracket")):
        return None  # a quoted title alone, or opening a sentence
    if len(body[m.end():].split()) > _DETAILS_WORDS:
        return None
    title = (m.group("title") or m.group("plain")).strip()
    return None if title.endswith(":") or _RATING_LABEL.match(title) else title


def other_film_lines(bodies: list[str], title_keys: set[str], heading: re.Pattern[str],
                     label: re.Pattern[str]) -> set[int]:
    """Indices of the lines about other films than the one of ``title_keys`` (lower-cased
    titles): a part of the page under ``heading`` or a capsule's title, and a line under
    ``label`` ("Quick takes: ...")."""
    titles = {index: capsule_title(body) for index, body in enumerate(bodies)}
    for index in range(1, len(bodies)):
        # a title on its line with its rating alone on the next ("Hollow Season", "★★★★☆"); not
        # a headline's standfirst over the film's own stars ("A monster movie that mistakes size
        # for scale", "★★☆☆☆")
        above = bodies[index - 1].strip()
        if titles[index - 1] is None and _RATING_ALONE.fullmatch(bodies[index]) and _TITLE_ALONE.fullmatch(above) \
                and not _RATING_LABEL.match(above) and not DATE_LINE.match(above) and not in_sentence_case(above):
            titles[index - 1] = _EMPHASIS_MARKS.sub("", above)
    keys = {title_key(t) for t in title_keys} - {""}
    own = {index for index, title in titles.items() if title is not None and _names_film(title, keys)}
    own |= {index for index, body in enumerate(bodies) if _labels_film(body, keys)}
    # Before the review's prose, only a page that also holds this film's capsule is a
    # round-up: otherwise the film is known by another name, and the page is its review.
    other_before_prose = bool(own)
    out: set[int] = set()
    prose = paragraphs_aside = paragraphs_kept = 0
    other = False
    for index, body in enumerate(bodies):
        title = titles[index]
        if index in own or RULE.fullmatch(body):
            other = False
        elif title is not None or heading.match(body):
            other = other or prose >= PROSE_BEFORE_ROUND_UP or other_before_prose
        if other:
            out.add(index)
            paragraphs_aside += len(body.split()) >= _PARAGRAPH_WORDS
        elif label.match(body):
            out.add(index)
        elif len(body.split()) >= _PROSE_WORDS:
            prose += 1
            paragraphs_kept += len(body.split()) >= _PARAGRAPH_WORDS
    # A page given as this film's review, with no capsule of this film, is never wholly about
    # others: a part that took every paragraph of its prose was this film's after all.
    return set() if paragraphs_aside and not paragraphs_kept and not own else out


# What may stand before a film's name on a listing's or a heading's line: a date, a label.
_LABEL_END = re.compile(r"\s+[-–—|·]\s+|:\s*")
_BRACKETED = re.compile(r"\s*\([^()]*\).*$")


def _labels_film(body: str, keys: set[str]) -> bool:
    """Is the line's last part, after a date or a label and before its brackets, the film's
    name? ("Fri 5 December – The Film (15), 141 mins", "OUR NEXT SCREENING: THE FILM (2025)")"""
    if not keys or len(body.split()) >= _PROSE_WORDS:
        return False
    parts = _LABEL_END.split(_BRACKETED.sub("", body))
    return len(parts) > 1 and _names_film(parts[-1], keys)


def _names_film(title: str, keys: set[str]) -> bool:
    """Does a capsule's title name the film ("Dune: Part Two" and "Dune – Part Two" do)?"""
    return title_key(title) in keys
