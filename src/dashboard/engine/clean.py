"""Set aside what is not the critic's opinion, without changing a character of the text.

The cleaner returns spans with a kind and a reason (shown greyed in the full review)
instead of a shortened copy, so offsets into the original stay valid everywhere:

* ``boilerplate``: comment prompts, image credits, newsletter lines (``cleaning.toml``);
* ``advert``: advertising pasted into a review (one bundled review has a casino advert);
* ``metadata``: "Directed by:", "Cast:", "Release Date:" lines, which become metadata;
* ``rating``: the line that carries the critic's own rating;
* ``heading``: section headings and the film's title on a line of its own.

A "Pros:" / "Cons:" list is kept: it is opinion whose polarity its heading tells.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from dashboard.engine.document import ReviewDoc
from dashboard.engine.roundups import other_film_lines
from dashboard.engine.transcripts import read_transcript
from dashboard.records import People, ReviewSource
from dashboard.text.ratings import (EMPTY_STARS, FULL_STARS, RATING_LEAD, FoundRating, find_rating, is_rating_key,
                                     key_entry_lines, rating_phrase)
from dashboard.text.dates import DATE, DAY_NAME, MONTH, MONTH_NAME
from dashboard.text.language import alternation, load_resource, words
from dashboard.text.names import NAME, PERSON_ALONE
from dashboard.text.normalize import normalize
from dashboard.text.segment import Span, lines, sentences
from dashboard.text.terms import FoundIndex, TermLists

BOILERPLATE, ADVERT, METADATA, RATING, HEADING = "boilerplate", "advert", "metadata", "rating", "heading"
BYLINE_REASON = "Byline: who wrote the review"
SPEAKER_REASON = "A transcript's speaker other than the critic, or a speaker's name"
RATING_REASON = "The critic's own rating"
HEADING_REASON = "Section heading or title, not a sentence of the review"
STANDFIRST_REASON = "The page's summary under its headline, not a sentence of the review"
HEADING_MAX_WORDS = 14
# The page's headline (its first line under the site's furniture) may be long: "Review: In
# 'The Long Quiet', a great actor plays a man who has run out of words".
HEADLINE_MAX_WORDS = MARKDOWN_HEADING_MAX_WORDS = 25
# ... when it is shaped like one: it names the review or has a headline's break ("X review –
# ...", "Review: In ...") and no sentence ends inside it, or its words are in Title Case.
_HEADLINE_SHAPE = re.compile(r"^(?!.*[.!?]\s)(?:.*\breview\b|.*(?:[:–—|]|\s-)\s)", re.I)
LIST_ITEM = re.compile(r"\s*(?:[-*•·▪–]|\d+[.)])\s+")  # used with .match, from a line's or a span's start
# "By Jane Doe", and with the outlet after it: "By Jane Doe, The Daily Test", "Reviewed by
# Jane Doe for Screen Notes", "By Jane Doe | Film Weekly". After "review(ed) by" or "posted
# by" a first name or a user name will do ("Review by cinephile_dan"), and a blog's date and
# comment count may follow ("Posted by Jenna on April 20, 2025 · 4 comments"), or a date
# ("By Jane Doe | Film Weekly | June 2, 2023", "By Jane Doe 14 October 2024").
# A word of a byline's name: not the day of its date ("Compiled by Sue Pargeter Friday 9 May 2025").
_NAME_WORD = rf"(?!{DAY_NAME}\b)[A-Z][\w.'-]+"
_BYLINE = re.compile(
    # two critics: "By Naomi Blake and Theo Achebe"
    rf"^\W*(?:(?i:by|written by|words by|compiled by)\s+(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}}"
    rf"(?:\s+(?:and|&)\s+{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}})?)"
    r"|(?i:reviewed by|reviews? by|posted by)\s+(?!(?i:admin|administrator|staff|editors?|guest|webmaster|team)\b)(?:u/)?(?P<handle>[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}|[\w.-]{2,30}))"
    rf"(?:\s*(?:,|\||-|·|•|\bfor\b|\bat\b)\s*(?!{MONTH}\s+\d)(?P<outlet>(?:[Tt]he\s+)?[A-Z][\w'&.-]*(?:\s+(?:[A-Z][\w'&.-]*|&)){{0,4}}))?"
    rf"(?:\s+(?i:on)\s+[^|·•]{{3,30}}?(?:\s+(?i:in)\s+[^|·•]{{1,60}}?)?"  # "on October 19, 2025 in Horror, Rants"
    rf"|(?:\s*[,|·•–-])?\s*(?:(?i:published|updated|posted)(?:\s+(?i:on))?\s+)?{DATE})?"
    # the post's categories: "· Sci-fi, Reviews", "– Filed under: Comedy, Time loops"
    r"(?:(?:\s*[·|•]|\s+[–-])\s*(?!\d+\s*(?i:min))(?:(?i:filed\s+under|tags?|tagged|categories|in)\s*:?\s*)?[A-Z][\w ,&-]{0,80}?)?"
    r"(?:\s*[·|•]\s*\W*\d+\s+(?i:comments?|replies))?"
    r"(?:\s*[·|•]\s*\d+\s*(?i:min(?:ute)?s?)\s+(?i:read))?"  # "· 6 min read"
    r"(?:\s*[·|•]\s*[^\w\s]+\s*\d+)?\W*$"  # a comment count by its icon: "| 💬 64"
)
# A byline in two lines, as news sites print it: the critic's name alone, then the date
# ("Peter Bradshaw" / "Thu 17 Apr 2025 10.00 BST").
_PERSON_LINE = re.compile(PERSON_ALONE)
_CAPITALS_PERSON_LINE = re.compile(r"[A-Z][A-Z'-]+(?:\s+[A-Z][A-Z'.-]+){1,2}")  # "MARA QUILL"
# The critic's name after a dash on the review's last line: "— Mara Quill", "-- Mara Quill"
# (not after a hyphen: "- Strong Cast" ends a list; read in the text as written, where a dash
# is not yet a hyphen).
_SIGN_OFF = re.compile(rf"\s*(?:[—–]|--)\s*(?P<name>{PERSON_ALONE})\s*")
# A line that opens with a date, as a byline's second line does ("Thu 14 Nov 2024 18.00 GMT",
# "Updated October 23 2025 - 11:15am", "Published: September 26, 2025 at 6:00 AM").
_DATE_LINE = re.compile(rf"\W*(?:(?i:updated|published|posted|first published|last updated|(?:first\s+)?broadcast|aired)\W*)?"
                        rf"(?:{DATE}|{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\s*$)")  # a blog's "Mar 6" alone
# How far down the page a byline may stand: below a masthead and a headline, but above the
# review's prose (at most one sentence of it, a standfirst, before it).
_BYLINE_LINES = 40  # a page pasted whole has its menus first
_PROSE_BEFORE_BYLINE = 1
# A comments heading ends the review only below this many lines of its prose: a counter
# beside the byline ("4 comments") is no comment section.
_PROSE_BEFORE_COMMENTS = 2
_POST_WORDS = 60  # a post from social media is short
# A post's words beside its embed's lines: in quotes, or with its hashtags or emoji.
_QUOTED_START = re.compile(r"[\s>*_]*[\"“]")
_EMOJI = "\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\ufe0f\u200d"
_CAPTION = re.compile(rf"^[\s>*_]*[\"“]|#\w|[{_EMOJI}]")
# A byline in one line with the critic's role or the date beside the name ("Tyler Osei, Arts &
# Entertainment Editor", "Jaime Ochoa | Contributing Writer", "Ines Calloway · 14 September
# 2024 · 9 min read", "Callum Reid August 19, 2024 Reviews"), or the date before it ("Posted 1
# Aug 2024 Sam Okonkwo-Hale"), or after a label ("Words: Luz Ortega"), or a blog's line of
# date, name in capitals and comments ("MARCH 9, 2025 JO LIN 5 COMMENTS").
_ROLE_NAMES = alternation(load_resource("cleaning.toml")["byline_roles"]["names"])
_ROLE = rf"(?:(?:[A-Z][\w&'-]*|&|and|of)\s+){{0,5}}(?i:{_ROLE_NAMES})s?\b"
# A blog post's categories or tags after its byline: "in Horror, Rants", "Filed under:
# Transcripts, Comedy", "Tags: animation, family".
_FILED = r"(?:\s+(?i:in|filed\s+under:?|tags?:|tagged:?)\s+[^·|•]{1,80}?)"
_BYLINE_BESIDE = re.compile(
    rf"(?P<name>{PERSON_ALONE})\s*(?:[,|·•–-]\s*(?:{_ROLE}(?:\s*[,|·•–-]\s*{DATE})?\W*$|{DATE})|\s{DATE})"
    rf"|(?i:posted|published)\s+{DATE}\s+(?P<after>{PERSON_ALONE})\s*$"
    # "Posted on June 2, 2025 by Mara Quill in Horror, Streaming · 4 Comments" (the counter
    # may follow with no separator: "... by Jess Orrin 6 Comments")
    rf"|(?i:posted|published)(?:\s+(?i:on))?\s+{DATE}\s+(?i:by)\s+(?P<poster>{PERSON_ALONE}|[\w.-]{{2,30}})"
    rf"{_FILED}?(?:\s*[·|•]?\s*\d+\s+(?i:comments?|replies))?\s*$"
    rf"|(?i:words|review)\s*:\s*(?P<labelled>{PERSON_ALONE})\s*$"
    # the date, then the name: "March 11, 2026 · by Mara Quill", "*27 October 2025* *by Mara Quill*"
    # ... and the post's categories: "July 18, 2025 Posted by Mara Quill Filed under: Comedy"
    rf"|{DATE}\s*(?:[,|·•–-]\s*)?(?i:(?:posted\s+)?by)\s+(?P<dated>{PERSON_ALONE}){_FILED}?\s*$"
    # a show's critic beside its host: "Hosted by Dev Holt · Film critic: Mara Quill"
    rf"|.*[|·•]\s*(?i:(?:film\s+)?critic|reviewer)\s*:\s*(?P<critic>{PERSON_ALONE})\s*$"
    # the outlet beside the name ("Priya Castellano | The Northgate Courier"), or a user's
    # handle with the date ("cinephile_42 · 3 December 2024")
    rf"|(?P<writer>{PERSON_ALONE})\s*[|·•]\s*(?P<outlet>(?:[Tt]he\s+)?[A-Z][\w'&.-]*(?:\s+(?:[A-Z][\w'&.-]*|&)){{0,4}})"
    rf"(?:\s*[|·•]\s*(?:(?i:published|updated|posted)\W*)?{DATE})?\s*$"
    rf"|(?P<handle>[a-z][a-z0-9]*[_0-9][\w.-]{{0,28}})\s*[|·•]\s*{DATE}\s*$"
    # the site's section or name first: "Reviews | Mara Quill | May 2, 2025", "The Reel Ledger ·
    # Film reviews by Mara Quill · 12 August 2025"
    rf"|[A-Z][\w'&]*(?:\s+[A-Z][\w'&]*){{0,3}}\s*[|·•]\s*(?:(?i:(?:film\s+|movie\s+)?reviews?\s+by)\s+)?"
    rf"(?P<second>{PERSON_ALONE})\s*[|·•]\s*{DATE}\s*$"
    # a spoken review's host: "Hosted by Renata Voss with guest Abe Tan", "Published 9 May
    # 2025 Hosted by Renata Voss, with Abe Tan"
    rf"|(?:(?i:published|posted)\s+{DATE}\s+)?(?i:hosted|presented)\s+(?i:by)\s+(?P<host>{PERSON_ALONE})"
    rf"(?:,?\s+(?i:with|and)\s+[^|·•]{{1,60}})?\s*$"
    # the date, the name and the post's categories: "24 September 2025 · Mara Quill · Filed under: Reviews"
    rf"|{DATE}\s*[|·•]\s*(?P<between>{PERSON_ALONE})\s*[|·•]\s*(?i:filed\s+under|tags?|tagged|categories|in)\b[^|·•]*$"
    rf"|(?i:{DATE})\s+(?P<capitals>[A-Z][A-Z'-]+(?:\s+[A-Z][A-Z'-]+){{1,2}})\s+\d+\s+(?i:comments?|replies)\s*$"
)
# A byline read by what is left of it: its lead ("by", "Filed by", "Words:", a column's "with"),
# the date, the critic's role, the post's categories, the reading time and the counters
# taken away, a name is all that remains, in whatever order the page prints them ("by Jo
# Lin August 9, 2025 27 Comments", "Jo Lin, Musicals Editor · 19 September 2025 · 6 min
# read", "Words by Jo Lin · 24 October 2025 · Filed in: Reviews"). A forum's "Thread starter"
# names a user, whose handle may be one word ("Thread starter jolin · Start date 19 Oct 2025").
_BYLINE_LEADS = alternation(load_resource("cleaning.toml")["byline_roles"]["leads"])
_BYLINE_LEAD = re.compile(rf"^\W*(?:(?:(?i:{_BYLINE_LEADS})\s+)?(?i:by)\s+|(?i:{_BYLINE_LEADS})\s*:\s*|with\s+)")
_HANDLE_LEAD = re.compile(r"^\W*(?i:thread\s+starter|started\s+by|original\s+poster)\s*:?\s+")
_BYLINE_PARTS = re.compile(
    rf"(?:(?i:published|updated|posted|filed|start\s+date)(?:\s+(?i:on))?\s*:?\s+)?{DATE}"
    # the role in any case: "Jo Lin, programme secretary"
    rf"|,\s*(?:[\w&'-]+\s+){{0,3}}(?i:{_ROLE_NAMES})s?\b"
    r"|(?i:filed\s+(?:under|in)|tags?|tagged|categories|posted\s+in)\s*:?\s+[^|·•]*"
    r"|\d+\s*(?i:min(?:ute)?s?)\s+(?i:read)|\d[\d.,]*k?\s+(?i:comments?|replies|shares|views|likes)")
_HANDLE = re.compile(r"[A-Za-z][\w.-]{1,29}")
# A headline that names the critic beside the film: "Friday Reels: Jo Lin on Nightjar", "Jo
# Lin reviews Nightjar".
_CRITIC_ON_FILM = re.compile(rf"(?:.*:\s+)?(?P<name>{PERSON_ALONE})\s+(?:on|reviews)\s+(?P<film>.+?)\W*")
# A show's introduction of its critic: "Every Friday our film critic Jo Lin joins Kez..."
_OUR_CRITIC = re.compile(
    rf"\b(?i:our)\s+(?:(?i:film|movie|chief|resident)\s+)*(?i:critic|reviewer)\s+(?P<name>{PERSON_ALONE})")
# A newsletter's issue in its headline names the newsletter: "# Dim the Lights #41: ...".
_ISSUE_HEADLINE = re.compile(
    r"\W*(?!(?i:issue|episode|part|vol|volume|chapter|week|day|no|number|edition)\b)"
    r"(?P<name>[A-Z][\w'&-]*(?:\s+(?:[A-Z][\w'&-]*|the|of|and|&)){0,4})\s+(?:#|(?i:no\.?|issue)\s*)\d+\s*[:–—|-]")
# A byline's label on a line of its own, the name on the next.
_BYLINE_LABEL = re.compile(r"\W*(?i:reviewed\s+by|review\s+by|words\s+by|about\s+the\s+(?:author|critic|reviewer))\W*")


def _byline_by_parts(line: str) -> str | None:
    """The critic's name, when a byline's lead or its date and nothing but the other parts of
    a byline stand beside it (``_BYLINE_PARTS``)."""
    rest = _HANDLE_LEAD.sub("", line, count=1)
    handle = rest != line
    rest = _BYLINE_LEAD.sub("", rest, count=1) if not handle else rest
    led = handle or rest != line
    rest, dated = _BYLINE_PARTS.subn(" ", rest)
    if not (led or dated):
        return None
    name = re.sub(r"^[\s|·•,–-]+|[\s|·•,–-]+$", "", re.sub(r"\s*[|·•]\s*", " · ", rest))
    return name if _PERSON_LINE.fullmatch(name) or (handle and _HANDLE.fullmatch(name)) else None


# A standfirst that names its critic at its end, as British papers print it ("A rookie lawyer and
# a TV star make a tiresome double act, writes Mara Quill").
_WRITES = re.compile(rf",\s+(?i:writes|says|reports)\s+(?P<name>{PERSON_ALONE})\W*$")
# The critic named in a note about them: "About me: I'm Gillian Rudd, a retired librarian",
# "About the author: Mara Quill is a critic in Leeds".
_BIO_NAME = re.compile(
    rf"\W*(?:(?i:about\s+(?:me|the\s+\w+))\W+|(?i:about)\s+[A-Z][a-z]+\s*:\s*)?(?:(?i:i'm|i\s+am)\s+)?"
    rf"(?P<name>{PERSON_ALONE})(?=,|\s+(?:is|was|has)\b)")
_LETTER_WORDS = re.compile(r"[^\W\d_]+")
# A standfirst: one line of summary between the headline and the byline ("Ruth Okafor gives
# the performance of her career in ...", then "By Harriet Lyle"), an editor's as often as
# the critic's; the review's own sentences are below the byline.
_STANDFIRST_WORDS = 45
_STANDFIRST_TO_BYLINE = 3  # lines: the rating and a short line may stand between
_BYLINE_WORDS = 12  # a byline is short: "The Savages, writer/director Tamara Jenkins's second film, is..." is none
# Emphasis around a byline in Markdown ("**By Hal Brenneman** | *Herald Movie Critic*").
_EMPHASIS = re.compile(r"\*{1,3}|(?<!\w)_{1,3}|_{1,3}(?!\w)")
# A Markdown link, read as its text: "By [Ana Ruiz](/author/ana)".
_MARKDOWN_LINK = re.compile(r"\[([^\]\n]+)\]\([^)\s]*\)")
_TRAILING_RATING = re.compile(rf"\s*[{FULL_STARS}{EMPTY_STARS}½*]+\s*$")


def _plain(body: str) -> str:
    """A line as a byline is read: without Markdown's links and emphasis or stars at its end."""
    return _TRAILING_RATING.sub("", _EMPHASIS.sub("", _MARKDOWN_LINK.sub(r"\1", body))).strip()


# Around a rating on its line: separators.
_SEPARATORS = " \t-–—:|,;(["
_CLOSING = {")": "(", "]": "["}
_RATING_WORDS = frozenset({"rating", "ratings", "rated", "grade", "stars"})
# Nothing but names: "Michael B. Jordan, Hailee Steinfeld and Delroy Lindo", "Ana de Armas
# (Eve)".
_NAMES_ONLY = re.compile(rf"{NAME}(?:\s*\([^()]+\))?(?:\s*(?:,|;|&|\band\b)\s*{NAME}(?:\s*\([^()]+\))?)*\.?")
# "Name (Character)" in a cast list.
_CAST_ENTRY = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<character>[^()]+)\)$")
# A person's name in a credit: words of letters (with inner stops, apostrophes and hyphens:
# "J.J.", "O'Brien", "Jean-Luc"), at most six; the first opens with a capital.
_PERSON_NAME = re.compile(r"[^\W\d_](?:[^\W\d_]|[.'’-])*(?:\s[^\W\d_](?:[^\W\d_]|[.'’-])*){0,5}")
_QUOTES = ('"', "“", "”", "'")
_NICKNAME = re.compile(r"\s[\"“][^\"“”]+[\"”](?=\s)")
_SENTENCE_END = re.compile(r"(?<=\w{4}\.)\s")
_PARTICLES = frozenset(words("names", "particles"))
# First words of an entry that is a note about a credit, not a name.
_NOT_NAME_FIRST = frozenset({"from", "by", "based", "inspired", "adapted", "and", "with", "jr.", "jr", "sr."})
_DAY_OR_MONTH = re.compile(rf"(?:{DAY_NAME}|{MONTH_NAME})$")
# The page's footer: "Copyright 2024 Continental Wire Service. All rights reserved.", "© 2025
# The Harbour Herald" (an image's "© Studio" stands beside the image, not at the page's end).
_COPYRIGHT_OUTLET = re.compile(
    r"\W*(?:(?i:copyright)\s*(?:©|\((?i:c)\))?|©)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?,?\s+)?"
    r"(?:(?i:all\s+rights\s+reserved)\W+)?"
    r"(?P<name>(?:[Tt]he\s+)?[A-Z][\w'&.-]*(?:\s+[A-Z][\w'&.-]*){0,4})"
)
_FOOTER_LINES = 30  # a page pasted whole ends with its footer's links
_CORPORATE = re.compile(r"\s+(?:Company|Co|Ltd|Limited|Inc|LLC|plc|Group|Media Group)\.?$")
_OUTLET = re.compile(
    r"\b(?:from|on|at|via|for|reading)\s+(?P<the>the\s+)?(?P<name>[A-Z][\w'&.-]*(?:\s+[A-Z][\w'&.-]*){0,4})"
    # a newsletter's note about itself: "Slow Dissolve is a reader-supported newsletter"
    r"|^\W*(?P<the2>the\s+)?(?P<name2>[A-Z][\w'&.-]*(?:\s+[A-Z][\w'&.-]*){0,4})\s+is\s+an?\s+"
    r"(?:reader-supported|independent|free|weekly|monthly)\s+(?:newsletter|letter|publication|magazine|blog|podcast)\b"
    # the critic's note: "Mara Quill writes Two-Shot, a newsletter about actors"
    r"|\b(?:writes|runs|edits)\s+(?P<the3>the\s+)?(?P<name3>[A-Z][\w'&.-]*(?:\s+[A-Z][\w'&.-]*){0,4}),\s+an?\s+"
    r"(?:[\w-]+\s+){0,3}(?:newsletter|letter|publication|magazine|blog|podcast|site|website|zine)\b"
)


@dataclass(frozen=True, slots=True)
class SetAside:
    start: int
    end: int
    kind: str
    reason: str


@dataclass
class Cleaned:
    set_aside: list[SetAside] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)
    people: People = field(default_factory=People)
    rating: FoundRating | None = None
    outlet: str = ""
    author: str = ""
    # The review's headline: a heading on its first line ("# Sinners review: a marvel").
    title: str = ""
    # (start, end, +1 or -1): list items under a "Pros:" or "Cons:" heading.
    list_polarity: list[tuple[int, int, int]] = field(default_factory=list)
    # Where a line's prose begins after a label ("Bottom line: ..."): line start -> offset.
    label_ends: dict[int, int] = field(default_factory=dict)
    # Paragraph spans that follow a heading naming the plot: retold story, not opinion.
    plot_sections: list[Span] = field(default_factory=list)
    # The sentences of each prose line, as the cleaner cut them (the pipeline reuses them).
    line_sentences: dict[tuple[int, int], list[Span]] = field(default_factory=dict)
    _index: tuple | None = field(default=None, init=False, repr=False, compare=False)

    def sentences_of(self, text: str, line: Span, norm: str) -> list[Span]:
        found = self.line_sentences.get((line.start, line.end))
        return found if found is not None else sentences(text, line.start, line.end, norm)

    def covers(self, start: int, end: int) -> SetAside | None:
        """The first set-aside span that holds at least half of ``[start, end)``, if any."""
        starts, order, longest = self._by_start()
        # only spans starting after start - longest can reach past start
        first = None
        for k in range(bisect_right(starts, start - longest), bisect_left(starts, end)):
            i = order[k]
            s = self.set_aside[i]
            overlap = min(end, s.end) - max(start, s.start)
            if overlap > 0 and overlap >= 0.5 * (end - start) and (first is None or i < first):
                first = i
        return None if first is None else self.set_aside[first]

    def _by_start(self) -> tuple[list[int], list[int], int]:
        """The set-aside spans' starts in order, their list positions and the longest span,
        built once per list (a text of thousands of set-aside lines asks for each line)."""
        if self._index is None or self._index[0] != len(self.set_aside):
            order = sorted(range(len(self.set_aside)), key=lambda i: self.set_aside[i].start)
            starts = [self.set_aside[i].start for i in order]
            longest = max((s.end - s.start for s in self.set_aside), default=0)
            self._index = (len(self.set_aside), (starts, order, longest))
        return self._index[1]


@dataclass(frozen=True)
class _Section:
    """A kind of page furniture ``cleaning.toml`` finds by one pattern: the pattern, why it
    is set aside, and the longest line it fits (0: any)."""

    pattern: re.Pattern[str]
    reason: str
    max_words: int = 0

    @classmethod
    def read(cls, data: dict, key: str = "pattern", flags: int = re.I) -> "_Section":
        return cls(re.compile(data[key], flags), data["reason"], int(data.get("max_words", 0)))


@dataclass(frozen=True)
class _Rules:
    boilerplate: tuple[tuple[re.Pattern[str], str], ...]
    outlet_reasons: frozenset[str]  # boilerplate that may name the outlet ("only here on Indori Nerd")
    metadata: tuple[tuple[re.Pattern[str], str, bool], ...]
    bare_metadata: tuple[tuple[re.Pattern[str], str, bool], ...]  # credits without a colon
    field_label: re.Pattern[str]  # any metadata label with its colon, wherever it stands
    names_people: re.Pattern[str]  # a label or credit that lists people, wherever it stands
    advert_words: TermLists  # keys "advert" and "follow_on"
    advert_reason: str
    max_line_words: int
    max_sentence_words: int
    legend_entry: re.Pattern[str]
    legend_min_entries: int
    legend_reason: str
    summary_label: re.Pattern[str]
    summary_label_within: re.Pattern[str]  # the same, anywhere in a line
    # Kinds of furniture each found by one pattern (a section of ``cleaning.toml``):
    link_lists: _Section     # a heading over links to other articles
    comments: _Section       # a heading over readers' comments
    round_up: _Section       # a heading over other films' short reviews
    round_up_label: re.Pattern[str]  # a line of them ("Quick takes: ...")
    quoted_lines: _Section   # a quotation on a line of its own
    others_say: _Section     # a heading over another critic's words
    consent: _Section        # a cookie notice
    embedded_post: _Section  # a social post's author line
    embed_marker: re.Pattern[str]  # and the other lines its embed leaves
    page_footer: _Section    # a heading of the page's footer
    author_bio: _Section     # a line about the critic
    pros: re.Pattern[str]
    cons: re.Pattern[str]
    plot_heading: re.Pattern[str]
    platforms: frozenset[str]
    byline_roles: frozenset[str]
    sections: frozenset[str]

    def is_outlet(self, name: str) -> bool:
        """Not a platform ("on Instagram"), a critic's role ("Staff Writer"), a day or a month."""
        words = name.lower().split()
        return bool(words) and name.lower() not in self.platforms and words[-1] not in self.byline_roles and not (
            _DAY_OR_MONTH.match(name))

    def list_heading(self, line: str) -> int:
        """+1 for a heading over a list of praise ("Pros:"), -1 over criticism, else 0."""
        return 1 if self.pros.match(line) else -1 if self.cons.match(line) else 0

    def boilerplate_reason(self, text: str) -> str | None:
        return next((reason for pattern, reason in self.boilerplate if pattern.search(text)), None)


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    data = load_resource("cleaning.toml")
    return _Rules(
        boilerplate=tuple((re.compile(b["pattern"], re.I), b["reason"]) for b in data["boilerplate"]),
        outlet_reasons=frozenset(b["reason"] for b in data["boilerplate"] if b.get("names_outlet")),
        metadata=tuple(
            (re.compile(r"^\W*" + m["label"] + r"\s*:\s*(?P<value>.+)$", re.I), m["role"], bool(m["list"]))
            for m in data["metadata"]
        ),
        bare_metadata=tuple(
            (re.compile(r"^\W*" + m["bare"] + (r"\s+(?P<value>.+)$" if m["list"] else ""), re.I), m["role"], bool(m["list"]))
            for m in data["metadata"] if m.get("bare")
        ),
        field_label=re.compile(r"(?<!\S)(?:" + "|".join(m["label"] for m in data["metadata"]) + r")\s*:\s*", re.I),
        names_people=re.compile("|".join(
            [rf"(?<!\w)(?:{m['label']})\s*:" for m in data["metadata"] if m["list"]]
            + [rf"^\W*(?:{m['bare']})\s" for m in data["metadata"] if m["list"] and m.get("bare")]), re.I | re.M),
        advert_words=TermLists({"advert": data["advert"]["terms"], "follow_on": data["advert"]["follow_on"]},
                               strict_edges=False),
        advert_reason=data["advert"]["reason"],
        max_line_words=int(data.get("max_words", 30)),
        max_sentence_words=int(data.get("max_sentence_words", 20)),
        legend_entry=re.compile(data["rating_legend"]["entry"]),
        legend_min_entries=int(data["rating_legend"]["min_entries"]),
        legend_reason=data["rating_legend"]["reason"],
        summary_label=re.compile(r"[\W_]*(?:" + data["summary_label"]["pattern"] + r")[\s*_]*", re.I),
        summary_label_within=re.compile(r"(?<!\w)(?:" + data["summary_label"]["pattern"] + r")[\s*_]*", re.I),
        link_lists=_Section.read(data["link_lists"], "heading"),
        comments=_Section.read(data["comments"], "heading"),
        round_up=_Section.read(data["round_up"], "heading"),
        round_up_label=re.compile(data["round_up"]["label"], re.I),
        quoted_lines=_Section.read(data["quoted_lines"], "quotation", flags=0),
        others_say=_Section.read(data["others_say"], "heading"),
        consent=_Section.read(data["consent"]),
        embedded_post=_Section.read(data["embedded_post"]),
        embed_marker=re.compile(data["embedded_post"]["marker"], re.I),
        page_footer=_Section.read(data["page_footer"], "heading"),
        author_bio=_Section.read(data["author_bio"], "label"),
        pros=re.compile(rf"^\W*(?:{alternation(data['list_headings']['pros'])})\s*:?\s*$", re.I),
        cons=re.compile(rf"^\W*(?:{alternation(data['list_headings']['cons'])})\s*:?\s*$", re.I),
        plot_heading=re.compile(
            rf"^\W*(?:\d+[.)]\s*)?(?:(?:{alternation(data['plot_heading']['before'])})\s+)*"
            rf"(?:{alternation(data['plot_heading']['names'])})\b", re.I),
        platforms=frozenset(p.lower() for p in data["platforms"]["names"]),
        byline_roles=frozenset(r.lower() for r in data["byline_roles"]["names"]),
        sections=frozenset(s.lower() for s in data["breadcrumb"]["sections"]),
    )


def _split_names(value: str) -> list[str]:
    # Split on commas and "and", but not inside "(Character/Alias)".
    parts = re.split(r",(?![^(]*\))|;|\band\b(?![^(]*\))|&", value)
    return [p.strip(" .") for p in parts if p.strip(" .") and len(p.split()) <= 5]


def person_names(entry: str) -> list[str]:
    """The names a credit entry gives, each a plain run of name words: "A/B" is two
    people, a nickname in quotes is left out ('Carol "Kansas" Richman'), and what is no
    name ("1998-Ger/Fr", 'from the novel "Me', "Jr./Adrienne Fazan") is dropped. Names are
    then found word by word, like every other term, however many a film has."""
    out = []
    for part in entry.split("/"):
        part = " ".join(_NICKNAME.sub(" ", part).split()).strip(" .")
        if part.startswith(_QUOTES) and part.endswith(_QUOTES):
            part = part.strip("".join(_QUOTES))  # a character known by a nickname alone: "Short Round"
        if len(pieces := _SENTENCE_END.split(part)) > 1:
            part = pieces[0][:-1]  # "Danny Aiello. Screenplay"
        name_words = part.split()
        if (_PERSON_NAME.fullmatch(part) and name_words[0].lower() not in _NOT_NAME_FIRST
                and all(w[0].isupper() or w.lower() in _PARTICLES for w in name_words)):
            out.append(part)
    return out


def _add_person(people: People, role: str, entry: str) -> None:
    if role == "cast" and (m := _CAST_ENTRY.match(entry)):
        for name in person_names(m.group("name")):
            people.add("cast", name)
        for name in person_names(m.group("character"))[:1]:
            people.add("character", re.sub(r"^(?:the|dr\.?|mr\.?|mrs\.?|ms\.?|prof\.?)\s+", "", name, flags=re.I))
    else:
        for name in person_names(entry):
            people.add(role, name)


def _record_metadata(out: Cleaned, m: re.Match, role: str, is_list: bool) -> None:
    """Keep a metadata field's value (the first one given) and the names it lists."""
    value = m.group("value").strip()
    out.metadata.setdefault(role, value)
    for name in _split_names(value) if is_list else ():
        _add_person(out.people, role, name)


def _credits_line(body: str, rules: "_Rules", out: Cleaned) -> bool:
    """A line of credits in one run, "(director: X; screenwriter: Y; cast: A (Char), B)",
    "Dir: X | Writers: Y | Cast: A, B": two or more labelled fields separated by semicolons
    or bars; or a details line of sentences, at least half of them labelled fields ("TITLE
    (15) 128 mins. Director: X. Starring: A, B. Showing at: ...")."""
    fields = [f.strip(" ()") for f in re.split(r"[;|]", body)]
    least = 2
    if len(fields) == 1:
        fields = [f.strip(" ()").removesuffix(".") for f in _SENTENCE_END.split(body)]
        least = max(2, (len(fields) + 1) // 2)
    matched = []
    for field_text in fields:
        field_text = re.sub(r"^[^:(]*\(", "", field_text)  # "TITLE (director: X" -> "director: X"
        for pattern, role, is_list in rules.metadata:
            if m := pattern.match(field_text):
                matched.append((m, role, is_list))
                break
    if len(matched) < least:
        return False
    for found in matched:
        _record_metadata(out, *found)
    return True


DETAILS_REASON = "Film details (director, cast, release): facts, not opinion"
# After the last of several details, a date ends them; prose of at least this many words may follow.
_DATE_VALUE = re.compile(DATE, re.I)
_PROSE_AFTER_WORDS = 6


# A label of some other detail, which ends the one before it: "The story:", "Our take:".
_OTHER_LABEL = re.compile(r"(?<!\S)(?:(?:[Tt]he|[Oo]ur)\s+)?[A-Z][\w'-]*(?:\s+[a-z][\w'-]*)?\s*:(?=\s)")


def _fields(details: str, rules: _Rules) -> list[str]:
    """"Stars: A, B Writer: C The story: ..." -> ["Stars: A, B", "Writer: C", "The story: ..."]."""
    known = [m.span() for m in rules.field_label.finditer(details)]
    starts = sorted({a for a, _ in known} | {m.start() for m in _OTHER_LABEL.finditer(details)
                                             if not any(m.start() < b and m.end() > a for a, b in known)})
    return [details[a:b].strip() for a, b in zip(starts, starts[1:] + [len(details)])]


def _prose_after_fields(body: str, rules: _Rules) -> int | None:
    """Where the critic's prose starts in a line of several details that runs on into it:
    after a label of the critic's verdict ("... Directed by: C The story: ... The verdict: I
    cannot remember...") or after the last detail when it is a date ("... Release Date: March
    3, 2025 The film is a drama..."); None for a line of details alone."""
    labels = list(rules.field_label.finditer(body))
    if len(labels) < 2:
        return None
    if verdict := rules.summary_label_within.search(body, labels[1].end()):
        return verdict.end()
    date = _DATE_VALUE.match(body, labels[-1].end())
    if not date:
        return None
    rest = body[date.end():]
    prose = len(body) - len(rest.lstrip(" .,;|-"))
    return prose if len(rest.split()) >= _PROSE_AFTER_WORDS else None


def _read_details(body: str, rules: _Rules, line_words: int, out: Cleaned) -> int | None:
    """The film details a line gives, recorded in ``out``: a credit line ("Starring: A, B",
    "Dir: X | Writer: Y"), or details run into the review's first sentence ("Rating: R Stars:
    A, B Director: C Release Date: March 3, 2025 THE FILM is a drama that..."). Where the
    line's prose starts (its length for a line of details alone), or None for prose."""
    if _credits_line(body, rules, out):
        return len(body)
    if (meta := _metadata(body, rules, line_words)) is None:
        return None
    prose = _prose_after_fields(body, rules)
    if prose is None:
        _record_metadata(out, *meta)
        return len(body)
    _credits_line(" | ".join(_fields(body[:prose], rules)), rules, out)
    return prose


def _metadata(body: str, rules: _Rules, line_words: int) -> tuple[re.Match, str, bool] | None:
    """The metadata field a line gives: ``(match, role, is_list)``, the match's ``value``
    group holding the detail; None for a line of prose."""
    for pattern, role, is_list in rules.metadata:
        if m := pattern.match(body):
            return m, role, is_list
    if line_words > rules.max_sentence_words:
        return None
    for pattern, role, is_list in rules.bare_metadata:
        if (m := pattern.match(body)) and (not is_list or _NAMES_ONLY.fullmatch(m.group("value").strip())):
            return m, role, is_list
    return None


_MARKDOWN_HEADING = re.compile(r"\s*#{1,6}\s+\S")
# A web page copied from a browser opens with the outlet's name over its menu ("The
# Meridian" / "News  Opinion  Sport  Culture", "SIGHTLINE" / "FILM · TELEVISION · CULTURE").
MASTHEAD_REASON = "The outlet's name and menu, from the web page"
NAVIGATION_REASON = "Where the page sits on its site, from the web page"
MENU_REASON = "The site's menu, from the web page"
_HEADLINE_MIN_WORDS = 4  # under the menus, a headline is longer than a menu's item
_NAVIGATION_WORDS = 20  # separators counted
_MASTHEAD_LINES = 4
_MASTHEAD_CHARS = 200  # a masthead line is short; longer lines are not tried at all
_SITE_NAME = re.compile(r"(?:[A-Z][\w'&.-]*|of|the|and|&)(?:\s(?:[A-Z][\w'&.-]*|of|the|and|at|on|in|for|&)){0,4}")
# A site's name as the page's first Markdown heading, over the review's own headline a level
# down or in bold ("# The Sofa Report" / "## Stream it or skip it: ..."), a tagline between
# or beside it ("# KinderScreen · Family Media Reviews").
_SITE_HEADING = re.compile(r"#\s+(?:\*\*)?(?P<name>[^#*\n]+?)(?:\*\*)?\s*")
_PLOT_LABEL_WORDS = 4
_SITE_NAME_WORDS = 5
_HEADLINE_BELOW = re.compile(r"\s*(?:##\s|\*\*)")  # "##", not a "###" tagline
_HEADLINE_WITHIN = 4  # lines under the site's name (a tagline, a menu, a rule)
_MENU_ITEM = r"[A-Z][\w'&-]*(?:\s[\w'&-]+){0,2}"
_MENU = re.compile(rf"{_MENU_ITEM}(?:(?:\s{{2,}}|\s*[|·•›/]\s*){_MENU_ITEM}){{1,}}")
# Emoji after a line's last word ("Bring tissues! 😭🔦"): its end is the word's.
_TRAILING_EMOJI = re.compile(rf"[\s{_EMOJI}]+$")
_ENDS_SENTENCE = re.compile(rf"[.!?][\"')]*[\s{_EMOJI}]*$")
# A breadcrumb that opens with the site's name (two words or more): "The Quad Courier › Arts
# & Culture › Film", "**Tri-County Herald** · Entertainment · Movies".
_BREADCRUMB = re.compile(
    r"(?:\*{1,3}|_{1,3})?(?P<site>(?:[Tt]he\s+)?[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){1,3})(?:\*{1,3}|_{1,3})?"
    r"(?P<steps>(?:\s*[›»/·]\s*[\w'&-]+(?:\s[\w'&-]+){0,3}){1,4})")
# A sentence of prose: a dozen words or more, ending with its stop.
_PROSE_LINE = re.compile(r"(?:\S+\s+){11,}\S*[.!?][\"')]*$")
_LOWER_CASE_START = re.compile(r"\W*[a-z]")
# Markdown around a headline: "# ", "**...**", "> ".
_MARKUP_AROUND = re.compile(r"^[\s#>*_]+|[\s*_]+$")
# A first line that is film details, not a headline: times, dates and fractions
# ("United States, 1996 Running Length: 1:27"), or a bracket left open.
_NO_HEADLINE = re.compile(r"\d[:/]\d|\([^)]*$|^[^(]*\)")


def _is_heading(body: str, is_last: bool, max_words: int = HEADING_MAX_WORDS, titles: set[str] = frozenset()) -> bool:
    """Is the line a heading? ``titles``: the film's names as keys, whose own stop ends no
    sentence ("THE QUICK TAKE: Marigold Street!")."""
    words = body.split()
    if is_last or not words or LIST_ITEM.match(body):
        return False
    if _MARKDOWN_HEADING.match(body):
        # "# The Marvels (2023)", whatever it ends with; marked as a heading, it may be long
        return len(words) <= MARKDOWN_HEADING_MAX_WORDS
    if len(words) > max_words:
        return False
    if len(words) > HEADING_MAX_WORDS and not (
            _HEADLINE_SHAPE.search(body) or sum(w[:1].isupper() for w in words) >= 0.6 * len(words)):
        return False  # a long first line is a headline only in a headline's shape
    if body.endswith("?"):
        return len(words) <= 8
    # Headings open with a capital (or a digit, a quote, markup). A line in lower case
    # without a final stop is a sentence of an informal review ("the middle drags a bit
    # ngl"), not a heading.
    if _LOWER_CASE_START.match(body):
        return False
    ending = _QUOTED_TITLE_END.sub("", _YEAR_OR_CERTIFICATE.sub("", _TRAILING_EMOJI.sub("", body)))
    if any(ending.lower().endswith(title) for title in titles if title[-1:] in ".!?"):
        return True
    return not re.search(r"[.!:;,\"')\]]$", ending)


def credited_people(text: str) -> People:
    """The names the review's details give ("Starring: ...", "Directed by X"), read from the
    lines that may hold them alone, without cleaning the whole review."""
    rules, out, norm = _rules(), Cleaned(), normalize(text)
    for line in lines(norm):
        body = norm[line.start:line.end]
        if rules.names_people.search(body):
            _read_details(body, rules, len(body.split()), out)
    return out.people


def clean(text: str, film_titles: tuple[str, ...] = ()) -> Cleaned:
    """What to set aside in ``text`` read on its own (the pipeline's ``clean`` stage reads
    a review's document: ``clean_document``)."""
    doc = ReviewDoc.read(ReviewSource("text", text))
    doc.found_rating = find_rating(text, doc.norm)
    return clean_document(doc, film_titles)


def clean_document(doc: ReviewDoc, film_titles: tuple[str, ...] = ()) -> Cleaned:
    """Find what to set aside in the review; nothing is removed or changed. Reads the
    rating the ``rating`` stage found (``doc.found_rating``)."""
    rules = _rules()
    film_titles = tuple(_YEAR_OR_CERTIFICATE.sub("", t) for t in film_titles)  # "Nightjar (2025)" is "Nightjar"
    text, norm, tokens, spans = doc.text, doc.norm, doc.tokens, doc.lines
    adverts = FoundIndex(rules.advert_words.find(tokens), tokens)
    out = Cleaned(rating=doc.found_rating)
    list_sign = 0
    in_plot_section = in_links = in_comments = in_footer = labelled_plot = False
    prose_lines = 0  # lines of the review's prose so far
    paragraphs = 0  # of those, the ones that are no date line ("Updated: June 11, 2026, 6:40 p.m.")
    furniture_lines = 0  # lines of page furniture so far (all of them, while none is anything else)
    headline_at = -1  # the line of the review's headline
    bodies = [norm[s.start:s.end] for s in spans]
    legend = _legend_lines(bodies, rules)
    title_keys = {t.lower() for t in film_titles}
    other_films = other_film_lines(bodies, title_keys, rules.round_up.pattern, rules.round_up_label)
    posts = _embedded_posts(bodies, rules)
    others = _others_say(text, spans, bodies, rules)
    if other_films:
        out.rating = _rating_outside(doc, [spans[i] for i in other_films])
    # A cookie notice pasted above the site's name is no part of its masthead.
    notices = next((i for i, body in enumerate(bodies) if not rules.consent.pattern.search(body)), len(bodies))
    top = _masthead(bodies[notices:notices + _MASTHEAD_LINES + 2], title_keys)
    masthead = {notices + i: name for i, name in top.items()}
    labelled_byline = -1  # the line of the name under a byline's label
    for index, line in enumerate(spans):
        body = bodies[index]
        line_words = len(body.split())
        is_last = index == len(spans) - 1

        def aside(kind: str, reason: str, span: Span = line) -> None:
            out.set_aside.append(SetAside(span.start, span.end, kind, reason))

        if not out.outlet and index >= len(spans) - _FOOTER_LINES and (m := _COPYRIGHT_OUTLET.match(body)):
            name = _CORPORATE.sub("", re.split(r"[.!?](?:\s|$)", m.group("name"))[0].rstrip("."))
            if rules.is_outlet(name) and name.lower() != out.author.lower():  # a blog's "© 2026 Jane Doe" is hers
                out.outlet = _as_name(name)  # from the footer, unless the page names it further up
        if index in other_films:
            aside(BOILERPLATE, rules.round_up.reason)
            continue
        if index in masthead:
            out.outlet = out.outlet or _as_name(masthead[index])
            aside(BOILERPLATE, MASTHEAD_REASON)
            furniture_lines += 1
            continue
        if out.rating and line.start <= out.rating.start < line.end and line_words <= 16:
            _set_rating_aside(text, norm, line, out)
            if index == 0 and _title_beside_rating(text, norm, line, title_keys, out):
                headline_at = index
            _find_outlet(out, body)
            continue
        if index in legend:
            aside(BOILERPLATE, rules.legend_reason)
            continue
        in_comments = in_comments or (paragraphs >= _PROSE_BEFORE_COMMENTS and bool(rules.comments.pattern.match(body)))
        if in_comments:
            aside(BOILERPLATE, rules.comments.reason)
            continue
        if paragraphs >= _PROSE_BEFORE_COMMENTS and line_words <= rules.page_footer.max_words and (
                m := rules.page_footer.pattern.match(body)):
            in_footer = True
            _footer_names(out, body[m.end():], m.group().lower(), rules)
        if in_footer:
            aside(BOILERPLATE, rules.page_footer.reason)
            continue
        if index in posts:
            aside(BOILERPLATE, rules.embedded_post.reason)
            continue
        if index in others:
            aside(BOILERPLATE, rules.others_say.reason)
            continue
        if (m := rules.quoted_lines.pattern.match(body)) and (
                m.group("attribution") or (index and bodies[index - 1].rstrip().endswith(":"))):
            aside(BOILERPLATE, rules.quoted_lines.reason)
            continue
        if index < notices:
            aside(BOILERPLATE, rules.consent.reason)
            continue
        if rules.author_bio.pattern.match(body):
            # ... or completes the first name the byline gave ("by Ada", then "I'm Ada Moss, ...")
            if (m := _BIO_NAME.match(_EMPHASIS.sub("", body))) and (
                    not out.author or m.group("name").startswith(out.author + " ")):
                out.author = m.group("name")
            aside(BOILERPLATE, rules.author_bio.reason)
            continue
        if rules.link_lists.pattern.match(body):
            in_links = True
            aside(BOILERPLATE, rules.link_lists.reason)
            continue
        in_links = in_links and line_words <= rules.link_lists.max_words and not (
            "\n\n" in text[spans[index - 1].end:line.start] and _PROSE_LINE.match(body) and not LIST_ITEM.match(body))
        if in_links:
            aside(BOILERPLATE, rules.link_lists.reason)
            continue
        plain = _plain(body)
        in_byline_region = index < _BYLINE_LINES and prose_lines <= _PROSE_BEFORE_BYLINE
        if m := _BYLINE.match(plain):
            _take_byline(out, m)
            aside(METADATA, BYLINE_REASON)
            continue
        if (_BYLINE_LABEL.fullmatch(plain) and index + 1 < len(bodies)
                and _PERSON_LINE.fullmatch(name := _plain(bodies[index + 1]))):
            out.author = out.author or name  # "REVIEWED BY" over the name, as a box at the foot prints it
            aside(METADATA, BYLINE_REASON)
            labelled_byline = index + 1
            continue
        if index == labelled_byline:
            aside(METADATA, BYLINE_REASON)
            continue
        if not out.author and in_byline_region and (
                (len(_LETTER_WORDS.findall(plain)) <= _BYLINE_WORDS and (m := _byline_beside(plain, rules, title_keys)))
                or ((_PERSON_LINE.fullmatch(plain) or _CAPITALS_PERSON_LINE.fullmatch(plain))
                    and plain.lower() not in title_keys and rules.sections.isdisjoint(plain.lower().split())
                    and any(_DATE_LINE.match(near) for near in (*bodies[index + 1:index + 3], *bodies[max(0, index - 2):index])))):
            if m:
                out.author = (m.group("name") or m.group("after") or m.group("poster") or m.group("labelled")
                              or m.group("dated") or m.group("critic") or m.group("writer") or m.group("handle")
                              or m.group("host") or m.group("between") or m.group("second")
                              or m.group("capitals").title())
                if m.group("outlet") and not out.outlet and rules.is_outlet(m.group("outlet")):
                    out.outlet = m.group("outlet")
            else:
                out.author = plain.title() if plain.isupper() else plain
            aside(METADATA, BYLINE_REASON)
            continue
        if (not out.author and in_byline_region
                and len(_LETTER_WORDS.findall(plain)) <= _BYLINE_WORDS and (name := _byline_by_parts(plain))
                and name.lower() not in title_keys and rules.sections.isdisjoint(name.lower().split())):
            out.author = name
            aside(METADATA, BYLINE_REASON)
            continue
        if not out.author and in_byline_region and (m := _WRITES.search(plain) or _OUR_CRITIC.search(plain)):
            out.author = m.group("name")  # the standfirst's "..., writes Mara Quill"; the line stays prose
        if (not out.author and index == headline_at + 1 and headline_at >= 0 and _PERSON_LINE.fullmatch(plain)
                and plain.lower() not in title_keys):
            out.author = plain  # the critic's name alone under the headline
            aside(METADATA, BYLINE_REASON)
            continue
        if is_last and not out.author and (m := _SIGN_OFF.fullmatch(text, line.start, line.end)):
            out.author = m.group("name")
            aside(METADATA, BYLINE_REASON)
            continue
        # Markdown's emphasis and links may split a prompt's words ("**Sign up** for ..."):
        # the line as read is tried too.
        if line_words <= rules.max_line_words and (
                reason := rules.boilerplate_reason(body) or (plain != body and rules.boilerplate_reason(plain))):
            aside(BOILERPLATE, reason)
            furniture_lines += 1
            if reason in rules.outlet_reasons:
                _find_outlet(out, body)
            continue
        if (prose := _read_details(body, rules, line_words, out)) is not None:
            aside(METADATA, DETAILS_REASON, Span(line.start, line.start + len(body[:prose].rstrip())))
            if prose < len(body):
                _mark_sentences(text, norm, line, film_titles, rules, adverts, out, checked_whole=False,
                                start=line.start + prose)
                prose_lines += 1
            continue
        if list_heading := rules.list_heading(body):
            list_sign = list_heading
            aside(HEADING, "List heading: its items are scored as praise" if list_sign > 0
                  else "List heading: its items are scored as criticism")
            continue
        if list_sign and LIST_ITEM.match(body):
            out.list_polarity.append((line.start, line.end, list_sign))
            continue
        list_sign = 0
        if furniture_lines == index and line_words <= _NAVIGATION_WORDS and body.strip().lower() not in title_keys:
            is_navigation, site = _navigation(body, rules.sections)
            if is_navigation:
                if site and not out.outlet:
                    out.outlet = _as_name(site)
                aside(BOILERPLATE, NAVIGATION_REASON)
                furniture_lines += 1
                continue
        if line_words <= _PLOT_LABEL_WORDS and plain.endswith(":") and rules.plot_heading.match(plain):
            aside(HEADING, HEADING_REASON)  # "Official synopsis:" over the studio's words
            in_plot_section = labelled_plot = True
            continue
        if labelled_plot and out.plot_sections and "\n\n" in text[spans[index - 1].end:line.start]:
            in_plot_section = labelled_plot = False  # a label's synopsis is its one paragraph
        names_film = body.strip().lower() in title_keys
        # Above the review's first sentence, before its headline: a page pasted whole opens
        # with its menus ("Film", "Awards Circuit", "Sign in"), each a short line.
        above_headline = not out.title and prose_lines == 0 and index > 0
        # A headline that names the film, under a first heading that does not (the site's
        # name, a section, a button): the review's headline after all.
        better_headline = (bool(out.title) and prose_lines <= _PROSE_BEFORE_BYLINE and not names_film
                           and index < _BYLINE_LINES and _names_any(body, title_keys)
                           and not _names_any(normalize(out.title), title_keys))
        if names_film or _is_heading(body, is_last, HEADLINE_MAX_WORDS if furniture_lines == index or above_headline
                                     or better_headline else HEADING_MAX_WORDS, title_keys):
            if (above_headline and line_words < _HEADLINE_MIN_WORDS and not names_film
                    and not _MARKDOWN_HEADING.match(body) and "review" not in body.lower()):
                aside(BOILERPLATE, MENU_REASON)
                continue
            aside(HEADING, HEADING_REASON)
            if ((furniture_lines == index or above_headline or better_headline) and not names_film
                    and not _NO_HEADLINE.search(body)
                    and not _DATE_LINE.match(body)
                    and body.strip(" #*").lower() not in rules.sections):
                # the first line, or the first under the site's furniture; not a section's name ("Reviews")
                out.title = _MARKUP_AROUND.sub("", text[line.start:line.end])
                headline_at = index
                if not out.outlet and (m := _ISSUE_HEADLINE.match(plain)) and rules.is_outlet(m.group("name")):
                    out.outlet = m.group("name")
            if (not out.author and prose_lines <= _PROSE_BEFORE_BYLINE and (m := _CRITIC_ON_FILM.fullmatch(plain))
                    and m.group("film").lower() in title_keys):
                out.author = m.group("name")  # a show's headline: "Friday Reels: Jo Lin on Nightjar"
            # On the first line only a bare section name ("Plot", "The story"): a headline
            # such as "Story of a lifetime: ..." is about the whole review.
            in_plot_section = bool(rules.plot_heading.search(body)) and (index > 0 or line_words <= 3)
            labelled_plot = False
            continue
        if (headline_at >= 0 and index == headline_at + 1 and prose_lines == 0 and line_words <= _STANDFIRST_WORDS
                and _byline_follows(bodies[index + 1:index + 1 + _STANDFIRST_TO_BYLINE], rules, title_keys)):
            aside(HEADING, STANDFIRST_REASON)
            continue
        if in_plot_section:
            out.plot_sections.append(line)
        if (label := rules.summary_label.match(norm, line.start, line.end)) and label.end() < line.end:
            out.label_ends[line.start] = label.end()
        if _mark_sentences(text, norm, line, film_titles, rules, adverts, out,
                           checked_whole=line_words <= rules.max_line_words):
            furniture_lines += 1  # every sentence of it furniture ("By submitting your email... This site is...")
        elif _ENDS_SENTENCE.search(body):
            prose_lines += 1
            paragraphs += not _DATE_LINE.match(body)
    _mark_speakers(out, spans, bodies)
    return out


def _mark_speakers(out: Cleaned, spans: list[Span], bodies: list[str]) -> None:
    """In a transcript, the speakers' labels are no part of what they say, and only the
    critic's words are the review (``transcripts``)."""
    transcript = read_transcript(bodies, out.author)
    if not transcript.labels:
        return
    out.author = out.author or transcript.critic
    for index in sorted(transcript.others):
        if not out.covers(spans[index].start, spans[index].end):
            out.set_aside.append(SetAside(spans[index].start, spans[index].end, BOILERPLATE, SPEAKER_REASON))
    for index, length in transcript.labels.items():
        line = spans[index]
        if length < line.end - line.start:
            out.label_ends[line.start] = line.start + length
        elif not out.covers(line.start, line.end):
            out.set_aside.append(SetAside(line.start, line.end, HEADING, SPEAKER_REASON))


def _masthead(bodies: list[str], title_keys: set[str]) -> dict[int, str]:
    """The opening lines that are the outlet's name and its menus: index -> the outlet's
    name on that line ("" for a menu or a tagline). The name is a short run of capitalised
    words (not the film's title) with a menu of three items or more on one of the two lines
    under it, or under its tagline ("THE LONG SHOT" / "Independent film criticism" /
    "Reviews | Festivals | Essays"); a first Markdown heading over the headline
    (``_SITE_HEADING``); or the first step of a breadcrumb ("The Quad Courier › Arts &
    Culture › Film")."""
    for i, body in enumerate(bodies[:_MASTHEAD_LINES]):
        if site := _site_beside_menu(body, title_keys):
            return {i: site}
        # the site's tagline beside its name: "LAMPLIGHT REVIEW — independent criticism since 2011"
        name = _TAGLINE_BESIDE.sub("", body.strip())
        name = _STATION_FREQUENCY.sub("", name)  # "WESTWAY FM 104.6", "CARRICK SOUND 102.4"
        if _SITE_NAME.fullmatch(plain := _EMPHASIS.sub("", name).strip()):
            name = plain  # "**Weekend Screenings** — the Friday newsletter from ..."
        site_name = bool(_SITE_NAME.fullmatch(name))
        if len(name) > _MASTHEAD_CHARS or not (
                site_name or _SITE_HEADING.fullmatch(name) or _BREADCRUMB.fullmatch(name)):
            continue
        if _rules().boilerplate_reason(name):
            continue  # "Section Navigation" is no site's name
        if site_name and name.lower() not in title_keys and name.lower() not in _rules().sections:
            below = i + 1
            tagline = int(below < len(bodies) and _is_tagline(bodies[below]))
            first = below + tagline
            menus = [j for j in range(first, min(first + 2, len(bodies))) if _is_menu(bodies[j])]
            if menus and menus[-1] == first + len(menus) - 1 and any(_menu_items(bodies[j]) >= 3 for j in menus):
                return {i: name, **{j: "" for j in range(below, menus[-1] + 1)}}
            if len(name.split()) <= _SITE_NAME_WORDS:
                # over the site's sections, under its tagline, a few account links between
                # ("Subscribe for £1", "Sign in")
                for j in range(first, min(first + _HEADLINE_WITHIN + 1, len(bodies))):
                    if _navigation(bodies[j], _rules().sections)[0]:
                        return {i: name, **{k: "" for k in range(below, j)}}
                    if _is_menu(bodies[j]):
                        return {i: name, **{k: "" for k in range(below, j + 1)}}
                    if len(bodies[j].split()) > 2 and (
                            _BYLINE.match(bodies[j]) or not _rules().boilerplate_reason(bodies[j])):
                        break
        if ((heading := _SITE_HEADING.fullmatch(name))
                and _SITE_NAME.fullmatch(site := _MENU_SEPARATOR.split(heading.group("name"))[0].strip())
                and site.lower() not in title_keys):
            below = next((j for j in range(i + 1, min(i + 1 + _HEADLINE_WITHIN, len(bodies)))
                          if _HEADLINE_BELOW.match(bodies[j]) or _is_byline(_plain(bodies[j]), title_keys)), None)
            if below is not None:
                return {i: site, **{j: "" for j in range(i + 1, below)}}
        crumb = _BREADCRUMB.fullmatch(name)
        if (crumb and crumb.group("site").lower() not in title_keys
                and not _rules().sections.isdisjoint(re.findall(r"\w+", crumb.group("steps").lower()))):
            return {i: crumb.group("site")}
    return {}


_STATION_FREQUENCY = re.compile(r"(?:(?<=\s(?:FM|AM))\s+\d{2,3}(?:\.\d)?|\s+\d{2,3}\.\d)$")
_MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def _site_beside_menu(body: str, title_keys: set[str]) -> str:
    """The site's name opening a line of its menu, a tagline between ("**THE MUSETTE** ·
    road racing and coffee · [Home](#) · [Races](#) · [Kit](#)"); "" for any other line."""
    parts = [_EMPHASIS.sub("", _MARKDOWN_LINK.sub(r"\1", part)).strip()
             for part in re.split(r"\s+[·|•]\s+", body.strip())]
    items = [part for part in parts[1:] if re.fullmatch(_MENU_ITEM, part)]
    if (len(items) >= 3 and _SITE_NAME.fullmatch(parts[0]) and parts[0].lower() not in title_keys
            and parts[0].lower() not in _rules().sections):
        return parts[0]
    return ""


_TAGLINE_WORDS = 20  # a tagline may run to a sentence's length, unstopped ("Stage reviews, backstage gossip and ...")
_TAGLINE_BESIDE = re.compile(r"\s+[—–-]\s+[a-z][^—–-]{0,80}$")


def _is_tagline(body: str) -> bool:
    body = body.strip()
    return (0 < len(body.split()) <= _TAGLINE_WORDS and not _ENDS_SENTENCE.search(body) and not _is_menu(body)
            and not _navigation(body, _rules().sections)[0])


_NAVIGATION_STEP = re.compile(r"\s*(?:[›»/·•|]|>(?!\s*$))\s*|\s+(?:[—–]|--?)\s+")  # dashes as normalised
_MENU_SEPARATOR = re.compile(r"[›»/·•|>]")
_MENU_STEPS = 3  # a menu of other items shows at least this many, one of them a section


def _navigation(body: str, sections: frozenset[str]) -> tuple[bool, str]:
    """Is the line where the page sits on its site: site sections, at most after the site's
    name ("Home · Film · Reviews", "Arts & Culture > Film", "User Reviews", "**PIXELREEL** /
    Movies / Reviews"), or a menu of short items among which a section ("Film · Reviews ·
    Interviews · Awards", "THE BROADSHEET CLUB · Film · TV · Games")? With the site's name,
    if it opens the line."""
    steps = [p for p in _NAVIGATION_STEP.split(_EMPHASIS.sub("", body).strip(" #")) if p]
    # (a breadcrumb's last step may be the page's own title: "Reviews › Animation › The Little Lamp")
    if (not steps or len(steps) > 8 or any(len(step.split()) > 3 for step in steps[:-1])
            or len(steps[-1].split()) > (8 if len(steps) > 1 else 3) or _ENDS_SENTENCE.search(body)
            or len(steps) > 1 and not _MENU_SEPARATOR.search(body)):
        return False, ""  # a dash alone is a headline's ("Sinners (2025) – Review")

    def is_section(step: str) -> bool:
        words = re.findall(r"[^\W\d_]+", step.lower())
        return bool(words) and all(w in sections or w in ("and", "home") for w in words)

    sections_at = [is_section(step) for step in steps]
    if all(sections_at):
        return True, ""
    if not (all(sections_at[1:]) and len(steps) >= 2 or any(sections_at) and len(steps) >= _MENU_STEPS):
        return False, ""
    site = steps[0] if not sections_at[0] and _SITE_NAME.fullmatch(steps[0]) and len(steps) > 1 else ""
    return True, site


def _is_byline(plain: str, title_keys: set[str]) -> bool:
    """Is the line (read without its markup) a byline of one line?"""
    return bool(_BYLINE.match(plain) or _byline_beside(plain, _rules(), title_keys) or _byline_by_parts(plain))


def _is_menu(body: str) -> bool:
    return bool(_MENU.fullmatch(body.strip()))


def _menu_items(body: str) -> int:
    return len(re.split(r"\s{2,}|\s*[|·•›/]\s*", body.strip()))


def _as_name(name: str) -> str:
    """An outlet's name as it is written in a sentence: "THE ALBION TIMES" -> "The Albion Times",
    "WESTWAY FM" -> "Westway FM" (a word with no vowel is an abbreviation)."""
    if not name.isupper():
        return name
    return " ".join(w if not re.search(r"[AEIOUY]", w) else w.title() for w in name.split())


_GRADE_SIGN = re.compile(r"[=*]|stars?:", re.I)
_KEY_SIGN = re.compile(rf"[*{FULL_STARS}]|^\W*(?:how|our|my|what)\b", re.I)
_KEY_WORDS = 60


def _others_say(text: str, spans: list[Span], bodies: list[str], rules: _Rules) -> set[int]:
    """Lines of other critics' words: a heading such as "Second opinion" and the paragraph
    under it (to the first blank line after a line of it)."""
    out: set[int] = set()
    index = 0
    while index < len(bodies):
        body = bodies[index]
        if len(body.split()) <= rules.others_say.max_words and rules.others_say.pattern.match(body):
            out.add(index)
            index += 1
            while index < len(bodies):
                out.add(index)
                if index + 1 < len(spans) and "\n\n" in text[spans[index].end:spans[index + 1].start]:
                    break
                index += 1
        index += 1
    return out


def _names_any(line: str, title_keys: set[str]) -> bool:
    """Does a line name one of the film's titles (``title_keys``, lower case)?"""
    lowered = line.lower()
    return any(key in lowered for key in title_keys)


def _embedded_posts(bodies: list[str], rules: _Rules) -> set[int]:
    """Lines of posts from social media embedded in the page: the lines a post leaves
    (``embed_marker``: "View this post on Instagram", "♬ original sound - ..."), a line that
    ends with the post's author, handle and date, and the post's words beside them (the
    line before an author's line alone, a quotation after it, a caption next to a marker)."""
    out = set()

    def short(j: int) -> bool:
        return 0 <= j < len(bodies) and len(bodies[j].split()) <= _POST_WORDS

    for index, body in enumerate(bodies):
        if rules.embed_marker.match(body):
            out.add(index)
            out.update(j for j in (index - 1, index + 1) if short(j) and _CAPTION.search(bodies[j]))
        elif "(@" in body and (m := rules.embedded_post.pattern.search(body)):
            out.add(index)
            if m.start() == len(body) - len(body.lstrip()):  # the author's line alone
                out.update(j for j in (index - 1,) if short(j))
                out.update(j for j in (index + 1,) if short(j) and _QUOTED_START.match(bodies[j]))
    return out


def _footer_names(out: Cleaned, name: str, heading: str, rules: _Rules) -> None:
    """The outlet from "Published in X", the critic from "Written by X", unless the page
    named them further up."""
    name = name.strip(" *_#:")
    if not name or len(name.split()) > 5:
        return
    if "published" in heading and not out.outlet and rules.is_outlet(name):
        out.outlet = name
    elif "written" in heading and not out.author and _PERSON_LINE.fullmatch(name):
        out.author = name


def _rating_outside(doc: ReviewDoc, spans: list[Span]) -> FoundRating | None:
    """The rating found in the review's text when ``spans`` (other films' capsules, with
    their stars) are left out: the same offsets, those lines blanked."""
    found = doc.found_rating
    if found is None or not any(s.start <= found.start < s.end for s in spans):
        return found
    text, norm = list(doc.text), list(doc.norm)
    for s in spans:
        text[s.start:s.end] = norm[s.start:s.end] = " " * (s.end - s.start)
    return find_rating("".join(text), "".join(norm))


def _legend_lines(bodies: list[str], rules: _Rules) -> set[int]:
    """Indices of the lines that spell out the critic's rating scale: a line with several
    grades ("**** = ... *** = ...", "5 stars: must see. 4 stars: ..."), or two or more lines
    in a row that each open with one."""
    # Every grade has its "=", "star:"/"stars:" or asterisks: most lines are ruled out without the pattern.
    entries = [len(rules.legend_entry.findall(body)) if _GRADE_SIGN.search(body) else 0 for body in bodies]
    opens = [n > 0 and bool(rules.legend_entry.match(body)) for n, body in zip(entries, bodies)]
    out = {i for i, n in enumerate(entries) if n >= rules.legend_min_entries}
    # a key on one line longer than furniture ("How I rate: asterisks out of five, because ...
    # ***** essential · **** strong · ..."), as the rating finder reads it (a shorter one is
    # furniture by its words); not a review pasted as one line that holds a key
    out |= {i for i, body in enumerate(bodies)
            if rules.max_line_words < len(body.split()) <= _KEY_WORDS and _KEY_SIGN.search(body) and is_rating_key(body)}
    out |= key_entry_lines(bodies)  # "★★★★★ – cleared my schedule" / "★★★★ – really good, go"
    for i, starts in enumerate(opens):
        if starts and ((i > 0 and opens[i - 1]) or (i + 1 < len(opens) and opens[i + 1])):
            out.add(i)
    return out


def _mark_sentences(text: str, norm: str, line: Span, film_titles, rules: _Rules, adverts: FoundIndex,
                    out: Cleaned, checked_whole: bool, start: int | None = None) -> bool:
    """In a line of prose (from ``start`` when its opening is set aside), the sentences that
    are page furniture (a short one that matches a boilerplate pattern) or advertising.
    True when every sentence is."""
    previous_was_advert = False
    kept = 0
    line_sentences = out.line_sentences[(line.start, line.end)] = sentences(
        text, line.start if start is None else start, line.end, norm)
    # A short line of one sentence was already checked whole (a quote, a caption).
    check_sentences = len(line_sentences) > 1 or not checked_whole
    rating = out.rating if out.rating and line.start <= out.rating.start < line.end else None
    for sentence in line_sentences:
        body = norm[sentence.start : sentence.end]
        if rating and sentence.start <= rating.start < sentence.end:
            a, b = rating_phrase(norm, rating, sentence.start, sentence.end)
            if not (_prose_piece(norm, sentence.start, a) or _prose_piece(norm, b, sentence.end)):
                # The rating as a sentence of its own inside prose ("... his best. 3 stars. A ...")
                out.set_aside.append(SetAside(sentence.start, sentence.end, RATING, RATING_REASON))
                continue
        if (check_sentences and len(body.split()) <= rules.max_sentence_words
                and (reason := rules.boilerplate_reason(body))):
            out.set_aside.append(SetAside(sentence.start, sentence.end, BOILERPLATE, reason))
            previous_was_advert = False
            continue
        found = {f.key for f in adverts.within(sentence.start, sentence.end)}
        is_advert = "advert" in found
        if not is_advert and previous_was_advert:
            names_film = any(t.lower() in body.lower() for t in film_titles)
            is_advert = "follow_on" in found and not names_film
        if is_advert:
            out.set_aside.append(SetAside(sentence.start, sentence.end, ADVERT, rules.advert_reason))
        kept += not is_advert
        previous_was_advert = is_advert
    return not kept


def _set_rating_aside(text: str, norm: str, line: Span, out: Cleaned) -> None:
    """Set aside the critic's rating on its short line. Only the sentence that holds it
    ("The acting was superb. Rating: 3/5" keeps its verdict), and within that sentence
    only the rating when words of judgement stand beside it ("Great acting, weak plot:
    3/5"): those are read as the line's sentence instead."""
    parts = sentences(text, line.start, line.end, norm)
    if not any(p.start <= out.rating.start < p.end for p in parts):
        parts = [line]  # no sentence holds it: the line is the rating's sentence
    kept: list[Span] = []
    for part in parts:
        if not part.start <= out.rating.start < part.end:
            kept.append(part)
            continue
        start, end = rating_phrase(norm, out.rating, part.start, part.end)
        beside: list[Span] = []
        byline: tuple[int, int] | None = None
        for a, b in ((part.start, start), (end, part.end)):
            if m := _BYLINE.match(norm[a:b]):  # "Review by cinephile_dan ★★★½"
                _take_byline(out, m)
                byline = (b - len(norm[a:b].lstrip()), b)
            elif piece := _prose_piece(norm, a, b):
                beside.append(piece)
        lo, hi = (start, end) if beside else (part.start, part.end)
        if byline:
            out.set_aside.append(SetAside(*byline, METADATA, BYLINE_REASON))
            lo, hi = (max(lo, byline[1]), hi) if byline[0] < start else (lo, min(hi, byline[0]))
            lo += len(norm[lo:hi]) - len(norm[lo:hi].lstrip())
        out.set_aside.append(SetAside(lo, hi, RATING, RATING_REASON))
        kept.extend(beside)
    out.line_sentences[(line.start, line.end)] = kept


# A headline that ends with the film's name in quotes ("Film Review: 'Harbour Lights'").
_QUOTED_TITLE_END = re.compile(r"(['\"])[^'\"]*[^'\".!?,;:\s]\1$")
# A title's year or certificate in brackets ("Harbour Lights (12A)", "Nightjar (2025)").
_YEAR_OR_CERTIFICATE = re.compile(r"\s*\((?:\d{4}|U|PG|12A?|15|18|R|PG-13|NC-17|G|NR)\)\s*$")


def _title_beside_rating(text: str, norm: str, line: Span, title_keys: set[str], out: Cleaned) -> bool:
    """On the first line, the film's name beside the rating ("The Lantern ****", "# Nightjar
    (2025) ★★★★") is the review's title, not a sentence of it."""
    kept = out.line_sentences.get((line.start, line.end), [])
    if len(kept) != 1:
        return False
    piece = kept[0]
    body = norm[piece.start:piece.end]
    if _MARKDOWN_HEADING.match(body) or _YEAR_OR_CERTIFICATE.sub("", body).strip().lower() in title_keys:
        out.set_aside.append(SetAside(piece.start, piece.end, HEADING, HEADING_REASON))
        out.title = out.title or _MARKUP_AROUND.sub("", text[piece.start:piece.end])
        out.line_sentences[(line.start, line.end)] = []
        return True
    return False


# A diary's date beside the stars: "Watched 20 Sep 2025 ★★½".
_DATED = re.compile(rf"(?:[A-Za-z]+\s+){{0,2}}(?:on\s+)?(?:{DATE}|\d{{1,2}}\s+{MONTH}|{MONTH}\s+\d{{1,2}})")


def _prose_piece(norm: str, start: int, end: int) -> Span | None:
    """``norm[start:end]`` beside a rating, trimmed of separators, if it reads as words of
    the critic's own: at least two words, not a byline ("from the Screen Scribe") nor a
    lead-in ("I give it") nor the rating's own note ("[LOWEST RATING]") nor a date."""
    piece = norm[start:end]
    lead = len(piece) - len(piece.lstrip(_SEPARATORS))
    piece = piece.strip(_SEPARATORS)
    if piece and piece[-1] in _CLOSING and _CLOSING[piece[-1]] not in piece:
        piece = piece[:-1].rstrip(_SEPARATORS)  # its opening bracket went with the rating
    words = re.findall(r"[^\W\d_]{2,}", piece.lower())
    if (len(words) < 2 or RATING_LEAD.fullmatch(piece) or _RATING_WORDS.intersection(words) or _DATED.fullmatch(piece)
            or ((m := _OUTLET.match(piece)) and not piece[m.end():].strip(" .!"))):
        return None
    return Span(start + lead, start + lead + len(piece))


def _byline_follows(lines: list[str], rules: _Rules, title_keys: set[str]) -> bool:
    """Is one of ``lines`` (those under a standfirst) the byline or its date, with at most
    the rating, furniture ("Reviewed at the Berlin Film Festival...") or a short line of
    the page before it?"""
    for body in lines:
        plain = _plain(body)
        if (_is_byline(plain, title_keys) or _DATE_LINE.match(plain)
                or _PERSON_LINE.fullmatch(plain) or _CAPITALS_PERSON_LINE.fullmatch(plain)):
            return True
        if (len(plain.split()) > _BYLINE_WORDS or _ENDS_SENTENCE.search(plain)) and not rules.boilerplate_reason(plain):
            return False  # the review's prose has begun
    return False


_DAY_WORD = re.compile(rf"\b{DAY_NAME}$")


def _byline_beside(line: str, rules: _Rules, title_keys: set[str]) -> re.Match | None:
    """``_BYLINE_BESIDE`` on a line, unless the "name" names a section of the site ("Movie
    Reviews | The Herald") or the film ("Review: The Lantern")."""
    m = _BYLINE_BESIDE.match(line)
    if m and m.group("writer") and rules.sections.intersection(m.group("writer").lower().split()):
        return None
    if m and m.group("name") and _DAY_WORD.search(m.group("name")):
        return None  # "Broadcast Fri 24 Oct 2025": the date's day, no name
    if m and (m.group("labelled") or "").lower() in title_keys:
        return None
    return m


def _take_byline(out: Cleaned, m: re.Match) -> None:
    name = m.group("name") or m.group("handle")
    out.author = out.author or (name.title() if name.isupper() else name)  # "By DARIUS ELLENBERG"
    outlet = (m.group("outlet") or "").rstrip(".")
    if not out.outlet and _rules().is_outlet(outlet):
        out.outlet = outlet


def _find_outlet(out: Cleaned, body: str) -> None:
    if out.outlet:
        return
    # the name ends with its sentence ("...for the Morning Star. Follow her on Twitter")
    found = [(m.group("the") or m.group("the2") or m.group("the3"),
              re.split(r"[.!?](?:\s|$)", m.group("name") or m.group("name2") or m.group("name3"))[0])
             for m in _OUTLET.finditer(body)]
    found = [(the, name) for the, name in found if _rules().is_outlet(name)]
    if found:
        the, name = found[-1]
        out.outlet = ("The " + name) if the else name
