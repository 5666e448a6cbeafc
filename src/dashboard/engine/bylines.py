"""Who wrote the review: bylines in the many forms pages print them.

A byline may stand alone ("By Jo Lin"), beside the critic's role, the date, the outlet or
the post's categories in any order, in two lines (the name, then the date), as a label over
the name ("REVIEWED BY"), in a standfirst ("..., writes Jo Lin"), in a show's headline or
at the review's foot. The cleaner asks here line by line.
"""

from __future__ import annotations

import re

from dashboard.engine.cleaning_rules import ENDS_SENTENCE, CleaningRules, cleaning_rules
from dashboard.text.dates import DATE, DAY_NAME, MONTH, TIME
from dashboard.text.language import alternation, load_resource
from dashboard.text.names import NOT_PEOPLE, PERSON_ALONE, from_capitals, names_a_body, without_titles
from dashboard.text.ratings import EMPTY_STARS, FULL_STARS

# A critic's role (cleaning.toml's [byline_roles]).
_ROLE_NAMES = alternation(load_resource("cleaning.toml")["byline_roles"]["names"])
_ROLE = rf"(?:(?:[A-Z][\w&'-]*|&|and|of)\s+){{0,5}}(?i:{_ROLE_NAMES})s?\b"
_ROLE_WORD = re.compile(rf"\b(?i:{_ROLE_NAMES})s?\b")
# The role after a byline's name, as a page writes it: "film critic", "Senior Film Critic".
_ROLE_AFTER = rf",\s+(?:[\w&'’-]+\s+){{0,4}}(?i:{_ROLE_NAMES})s?\b"

# "By Jane Doe", and with the outlet after it: "By Jane Doe, The Daily Test", "Reviewed by
# Jane Doe for Screen Notes", "By Jane Doe | Film Weekly". After "review(ed) by" or "posted
# by" a first name or a user name will do ("Review by cinephile_dan"), and a blog's date and
# comment count may follow ("Posted by Jenna on April 20, 2025 · 4 comments"), or a date
# ("By Jane Doe | Film Weekly | June 2, 2023", "By Jane Doe 14 October 2024").
# A word of a byline's name: not the day of its date ("Compiled by Sue Pargeter Friday 9 May 2025").
_NAME_WORD = rf"(?!{DAY_NAME}\b)[A-Z][\w.'-]+"
BYLINE = re.compile(
    # two critics: "By Naomi Blake and Theo Achebe"
    # a post's label first: "GUEST POST · by Morag Tulloch"
    rf"^\W*(?:(?i:guest\s+post|guest\s+review|review|opinion|column)\s*[·|•:–-]\s*)?"
    rf"(?:(?i:posted|published)\s+(?i:on\s+)?{DATE}\s+)?"  # a blog's "Posted on 5 October 2025 by Jo Lin"
    # (with a colon: "By: Jo Lin", "Reviewed by: Jo Lin")
    rf"(?:(?i:by|written by|words by|compiled by)\s*:?\s+(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}}"
    rf"(?:\s+(?:and|&)\s+{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}})?)"
    rf"|(?i:reviewed by|reviews? by|posted by)\s*:?\s+(?!(?i:{alternation(NOT_PEOPLE)})\b)(?:u/)?(?P<handle>[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]*){{0,3}}|[\w.-]{{2,30}}))"
    r"(?:\*\*|__)?"  # the name in bold: "**By Jo Lin**, staff writer"
    r"(?:\s*\([^()]{1,80}\))?"  # a note on the critic: "Posted by Jo Lin (host, Thursdays 8-10pm)"
    r"(?:,\s*(?:aged\s+)?\d{1,2}(?:,\s*[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?)?)?"  # a young critic's age and town: "Kai P., 15, Bristol"
    r"(?:,\s+who\s+[^|·•]{3,150})?"  # "Reviewed by Ruth Penhaligon, who has coordinated the Trust's otter survey ..."
    rf"(?:{_ROLE_AFTER})?"  # "By Priya Sahota, film critic, Wake Up With Beacon"
    # a student's course and year after it: "..., staff writer, Class of '26", "... | history major, class of 2026"
    r"(?:\s*[,|]\s*(?:[\w&'’-]+,?\s+){0,4}?(?i:class\s+of)\s+['’]?\d{2}(?:\d{2})?)?"
    rf"(?:\s*(?:,|\||-|·|•|\bfor\b|\bat\b)\s*(?!{MONTH}\s+\d)(?P<outlet>(?:[Tt]he\s+)?[A-Z][\w'&.-]*(?:\s+(?:[A-Z][\w'&.-]*|&)){{0,4}}))?"
    rf"(?:\s+(?i:on)\s+[^|·•]{{3,30}}?(?:\s+(?i:in)\s+[^|·•]{{1,60}}?)?"  # "on October 19, 2025 in Horror, Rants"
    rf"|(?:\s*[,|·•–-])?\s*(?:(?i:published|updated|posted)(?:\s+(?i:on))?\s+)?{DATE}"
    rf"|\s+(?i:at)\s+{TIME})?"  # a blog's post time: "Posted by Jo Lin at 10:47 PM"
    # the post's categories or the critic's role: "· Sci-fi, Reviews", "– Filed under: Comedy,
    # Time loops", "· Senior lecturer in history and author of The Salient Year: Ypres 1917"
    r"(?:(?:\s*[·|•]|\s+[–-])\s*(?!\d+\s*(?i:min))(?:(?i:filed\s+under|tags?|tagged|categories|in)\s*:?\s*)?[A-Z][\w ,&:'’()-]{0,100}?)?"
    r"(?:\s*[·|•]?\s*\W*\d+\s+(?i:comments?|replies|reviews|posts))?"
    rf"(?:\s*[·|•]\s*(?:(?i:published|updated|posted)(?:\s+(?i:on))?\s+)?{DATE})?"  # the date after them
    r"(?:\s*[·|•]\s*\d+\s*(?i:hr|hrs|hours?|h|min|mins|minutes?|m|days?|d|weeks?|w)\.?\s+(?i:ago))?"  # "· 9 hr. ago"
    r"(?:\s*[·|•]\s*\d+\s*(?i:min(?:ute)?s?)\s+(?i:read))?"  # "· 6 min read"
    r"(?:\s*[·|•]\s*[^\w\s]+\s*\d+)?"  # a comment count by its icon: "| 💬 64"
    # the pictures' credit after it: "Words by Jo Lin. Pictures, unfortunately, by the studio."
    r"(?:\.\s+(?i:pictures|photos?|photography|images?|illustrations?|additional\s+reporting)\b[^.!?]{0,60})?\W*$"
)
BYLINE_REASON = "Byline: who wrote the review"
# A blog's footer under its post names the poster: "Posted by Jo Lin at 22:14 6 comments".
POSTED_BY = re.compile(r"\W*(?i:posted|published)\s+by\s")
# A byline in two lines, as news sites print it: the critic's name alone, then the date
# ("Peter Bradshaw" / "Thu 17 Apr 2025 10.00 BST").
PERSON_LINE = re.compile(PERSON_ALONE)
CAPITALS_PERSON_LINE = re.compile(r"[A-Z][A-Z'-]+(?:\s+[A-Z][A-Z'.-]+){1,2}")  # "MARA QUILL"
# The critic's name after a dash on the review's last line: "— Mara Quill", "-- Mara Quill"
# (not after a hyphen: "- Strong Cast" ends a list; read in the text as written, where a dash
# is not yet a hyphen).
SIGN_OFF = re.compile(rf"\s*(?:[—–]|--)\s*(?P<name>{PERSON_ALONE})\s*")
# A line that opens with a date, as a byline's second line does ("Thu 14 Nov 2024 18.00 GMT",
# "Updated October 23 2025 - 11:15am", "Published: September 26, 2025 at 6:00 AM", a question
# site's "Answered 3 March 2025 · 41.8K views").
DATE_LINE = re.compile(rf"\W*(?:(?i:updated|published|posted|first published|last updated|(?:first\s+)?broadcast|aired|answered)\W*)?"
                        rf"(?:{TIME},?\s+)?"  # the time first: "Published: 9:15pm, 4 Feb 2026"
                        rf"(?:{DATE}|{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\s*$)")  # a blog's "Mar 6" alone
# A byline in one line with the critic's role or the date beside the name ("Tyler Osei, Arts &
# Entertainment Editor", "Jaime Ochoa | Contributing Writer", "Ines Calloway · 14 September
# 2024 · 9 min read", "Callum Reid August 19, 2024 Reviews"), or the date before it ("Posted 1
# Aug 2024 Sam Okonkwo-Hale"), or after a label ("Words: Luz Ortega"), or a blog's line of
# date, name in capitals and comments ("MARCH 9, 2025 JO LIN 5 COMMENTS").
# Where the critic holds that role: "Children's Librarian, Eastgate Branch".
_WHERE = r"(?:,\s*[A-Z][\w'&-]*(?:\s+(?:[A-Z][\w'&-]*|of|&)){0,4})"
# A broadcast critic's sign-off, with the station: "For WKRB, I'm Renata Voss."
BROADCAST_SIGN_OFF = re.compile(rf"\W*(?i:for)\s+(?P<station>[A-Z][\w&'.-]*(?:\s+[A-Z][\w&'.-]*){{0,4}}),\s+"
                                rf"(?:I['’]m|I\s+am|(?i:this\s+is))\s+(?P<name>{PERSON_ALONE})\W*")
# A name signing the review off, alone or with its role: "Bernard Quayle, Programme Secretary".
SIGNED_NAME = re.compile(rf"(?P<name>{PERSON_ALONE})(?:,\s+{_ROLE})?")
# A user's handle: a digit or an underscore in it ("cinephile_42", "velvetseat_vic").
_USER_HANDLE = r"[a-z][a-z0-9]*[_0-9][\w.-]{0,28}"
# A blog post's categories or tags after its byline: "in Horror, Rants", "Filed under:
# Transcripts, Comedy", "Tags: animation, family".
_FILED = r"(?:\s+(?i:in|filed\s+under:?|tags?:|tagged:?)\s+[^·|•]{1,80}?)"
_BYLINE_BESIDE = re.compile(
    rf"(?P<name>{PERSON_ALONE})\s*(?:[,|·•–-]\s*(?:{_ROLE}{_WHERE}?(?:\s*[,|·•–-]\s*{DATE})?\W*$|{DATE})|\s{DATE})"
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
    rf"|(?P<handle>{_USER_HANDLE})\s*(?:[|·•—–]|--?)\s*{DATE}(?:,?\s+\d{{1,2}}[:.]\d{{2}}\s*(?i:am|pm)?)?\s*$"
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
# read", "Words by Jo Lin · 24 October 2025 · Filed in: Reviews", a show's "Released 8 October
# 2025 · Runtime 52:14 · Hosted by Jo Lin, produced by Ana Ruiz"). A forum's "Thread starter"
# names a user, whose handle may be one word ("Thread starter jolin · Start date 19 Oct 2025").
_BYLINE_LEADS = alternation(load_resource("cleaning.toml")["byline_roles"]["leads"])
# (several leads at once, the first the critic's: "Written, edited and presented by Jo Lin")
_BYLINE_LEAD = re.compile(
    rf"^\W*(?:(?:(?i:{_BYLINE_LEADS})(?:(?:\s*,\s*|\s+and\s+)(?i:{_BYLINE_LEADS}|edited|produced|narrated|filmed|shot))*\s+)?"
    rf"(?i:by)\s+|(?i:{_BYLINE_LEADS})\s*:\s*|with\s+)")
_HANDLE_LEAD = re.compile(r"^\W*(?i:thread\s+starter|started\s+by|original\s+poster)\s*:?\s+")
_BYLINE_PARTS = re.compile(
    rf"(?:(?i:published|updated|posted|filed|start\s+date|released|aired|broadcast)(?:\s+(?i:on))?\s*:?\s+)?{DATE}"
    r"|(?i:runtime|running\s+time|duration|length)\s*:?\s+\d[\d:]*(?:\s*(?i:mins?|minutes))?"
    # the show's other credits: ", produced by Ana Ruiz"
    rf"|,?\s+(?i:produced|edited|mixed|engineered|recorded)\s+(?i:by)\s+{PERSON_ALONE}"
    # the role in any case: "Jo Lin, programme secretary"
    rf"|,\s*(?:[\w&'-]+\s+){{0,3}}(?i:{_ROLE_NAMES})s?\b"
    r"|(?i:filed\s+(?:under|in)|tags?|tagged|categories|posted\s+in)\s*:?\s+[^|·•]*"
    r"|\d+\s*(?i:min(?:ute)?s?)(?:\s+(?i:read))?\b|\d+\s*(?i:hrs?|hours?)\b|\d[\d.,]*k?\s+(?i:comments?|replies|shares|views|likes)")
_HANDLE = re.compile(r"[A-Za-z][\w.-]{1,29}")
# A forum's post: "r/FilmDiscourse · Posted by u/ballast_and_brine · 2 days ago".
_SUBREDDIT_POST = re.compile(r"\W*(?P<forum>r/\w{2,21})\s*[·•|]\s*(?i:posted\s+by\s+)?(?P<poster>u/[\w-]{3,20})\b")
# A post's date after its reading time or a note, near the writer's name: "7 min read · Apr 26,
# 2025", "Reviewed in the United States on June 3, 2025".
_NOTED_DATE = re.compile(rf"\W*(?:\d{{1,3}}\s+min(?:ute)?s?\s+read\s*[·|•-]\s*|(?:reviewed|posted|written)\b[^.\n]{{0,40}}?"
                         rf"\bon\s+){DATE}", re.I)
# A member's line on a diary site: the name, then the handle and the member's counters
# ("Jo Lin @jolin · PRO · 1,874 films · 212 this year").
_NAME_THEN_HANDLE = re.compile(rf"(?P<name>{PERSON_ALONE})\s+@[\w.]{{2,30}}(?:\s*[|·•].*)?")
# A professional network's member with their degree of connection: "Jo Lin • 2nd".
_NAME_THEN_DEGREE = re.compile(rf"(?P<name>{PERSON_ALONE})\s*[•·]\s*(?:1st|2nd|3rd\+?)")
# A forum user's handle alone on its line: "velvetseat_vic".
_FORUM_HANDLE = re.compile(_USER_HANDLE)
# A note about the critic above the review, opening with their name in bold and telling their
# work ("> **Jo Lin** has sailed two Atlantic circuits. He has written Screen Test since 2019").
BOLD_NAME_NOTE = re.compile(rf"[\s>]*(\*\*|__)(?P<name>{PERSON_ALONE})\1\s+(?:is|has|was|writes|reviews)\b"
                            r"(?=.*\b(?:writ(?:es|ten|ing)|review(?:s|ed|ing)?|critic|columnist|editor|covered)\b)")
# A headline that names the critic beside the film: "Friday Reels: Jo Lin on Nightjar", "Jo
# Lin reviews Nightjar", or beside a film it describes: "Walt Deverell on Ines Kowalczyk's
# portrait of Earl Whitcombe" (not "Sam Mendes on the making of 1917").
_CRITIC_ON_FILM = re.compile(rf"(?:.*:\s+)?(?P<name>{PERSON_ALONE})\s+(?:on|reviews)\s+(?P<film>.+?)\W*")
_A_FILM_DESCRIBED = re.compile(r"(?:[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}['’]s\s+|(?:the|a|an)\s+)(?:\w+\s+){0,2}?"
                               r"(?:film|movie|documentary|portrait|drama|thriller|comedy|feature|biopic|debut)\b")


def critic_on_film(plain: str, title_keys: set[str]) -> str:
    """The critic a headline names beside the film (``_CRITIC_ON_FILM``), "" when none."""
    m = _CRITIC_ON_FILM.fullmatch(plain)
    if m and (m.group("film").lower() in title_keys or _A_FILM_DESCRIBED.match(m.group("film"))):
        return m.group("name")
    return ""
# A show's introduction of its critic: "Every Friday our film critic Jo Lin joins Kez..."
# ... or beside the host: "Presented by Marnie Trewhella, with resident critic Jo Lin".
_OUR_CRITIC = re.compile(
    rf"\b(?i:our|with|and)\s+(?:(?i:the|film|movie|chief|resident|guest|regular)\s+)*(?i:critic|reviewer)\s+"
    rf"(?P<name>{PERSON_ALONE})")
_CRITIC_WORD = re.compile(r"(?i:critic|reviewer)")


def critic_introduced(line: str) -> re.Match | None:
    """``_OUR_CRITIC`` in a line, asked only of a line that names a critic or reviewer."""
    return _OUR_CRITIC.search(line) if _CRITIC_WORD.search(line) else None


# A letter's closing words on a line of their own, over the writer's name: "Best,", "Until
# next week,", "Stay frightened,".
VALEDICTION = re.compile(r"\W*[A-Z][\w'’]*(?:\s+[\w'’]+){0,3},\W*")
# A byline's label on a line of its own, the name on the next.
# ... or a review's heading in a catalogue or a shop ("Staff review" over "Marguerite O.,
# Eastgate Branch").
BYLINE_LABEL = re.compile(r"\W*(?i:reviewed\s+by|review\s+by|words\s+by|about\s+the\s+(?:author|critic|reviewer)"
                          r"|staff\s+(?:review|pick)|(?:our|the)\s+(?:staff\s+)?review(?:er)?)\W*")
# The name under such a label, with the critic's role or place: "Marguerite O., Eastgate Branch".
NAME_UNDER_LABEL = re.compile(rf"(?P<name>{PERSON_ALONE})(?:,\s+{_ROLE})?{_WHERE}?")


# After a byline's lead, the name and a short note on the critic: "Jo Lin, second-year English
# and Film", "Jo Lin (Year 3, Studio 4)".
_NAME_THEN_NOTE = re.compile(rf"(?P<name>{PERSON_ALONE})(?:,\s+[\w'’-]+(?:\s+[\w'’&-]+){{0,5}}|\s*\([^()]{{1,40}}\))")


def byline_by_parts(line: str) -> str | None:
    """The critic's name, when a byline's lead or its date and nothing but the other parts of
    a byline stand beside it (``_BYLINE_PARTS``)."""
    rest = _HANDLE_LEAD.sub("", line, count=1)
    handle = rest != line
    rest = _BYLINE_LEAD.sub("", rest, count=1) if not handle else rest
    led = handle or rest != line
    rest, dated = _BYLINE_PARTS.subn(" ", rest)
    if dated and not led:  # the lead after the date: "Released 8 October 2025 · Hosted by Jo Lin"
        rest, led = _BYLINE_LEAD.subn("", rest, count=1)
    if not (led or dated):
        return None
    name = re.sub(r"^[\s|·•,–-]+|[\s|·•,.–-]+$", "", re.sub(r"\s*[|·•]\s*", " · ", rest))
    if led and (m := _NAME_THEN_NOTE.fullmatch(name)):
        name = m.group("name")  # "Reviewed by Jo Lin, second-year English and Film · 6 November 2025"
    return name if PERSON_LINE.fullmatch(name) or (handle and _HANDLE.fullmatch(name)) else None


# A standfirst that names its critic at its end, as British papers print it ("A rookie lawyer and
# a TV star make a tiresome double act, writes Mara Quill"), or a newsletter's tagline ("What's
# on at the pictures, and whether to bother. By Mara Quill.").
WRITES = re.compile(rf"(?:,\s+(?i:writes|says|reports)|[.!?]\s+By)\s+(?P<name>{PERSON_ALONE})\W*$")
# The critic named in a note about them: "About me: I'm Gillian Rudd, a retired librarian",
# "About the author: Mara Quill is a critic in Leeds".
BIO_NAME = re.compile(
    rf"\W*(?:(?i:about\s+(?:me|the\s+\w+))\W+|(?i:about)\s+[A-Z][a-z]+\s*:\s*)?(?:(?i:i'm|i\s+am)\s+)?"
    rf"(?P<name>{PERSON_ALONE})(?=,|\s+(?:is|was|has|writes|reviews|worked|and)\b)")
LETTER_WORDS = re.compile(r"[^\W\d_]+")
# How far down the page a byline may stand: below a masthead and a headline.
BYLINE_LINES = 40  # a page pasted whole has its menus first
BYLINE_WORDS = 12  # a byline is short: "The Savages, writer/director Tamara Jenkins's second film, is..." is none
# Emphasis around a byline in Markdown ("**By Hal Brenneman** | *Herald Movie Critic*").
EMPHASIS = re.compile(r"\*{1,3}|(?<!\w)_{1,3}|_{1,3}(?!\w)")
# A Markdown link, read as its text: "By [Ana Ruiz](/author/ana)".
MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_HEADING_MARKS = re.compile(r"^\s*#{1,6}\s+")
_TRAILING_RATING = re.compile(rf"\s*[{FULL_STARS}{EMPTY_STARS}½*]+\s*$")


_BYLINE_CHARS = 200  # a longer line is prose, whose titles ("Dr", "MBE") stay as written


def plain_line(body: str) -> str:
    """A line as a byline is read: without Markdown's links and emphasis or stars at its end,
    and without the titles and letters around a name."""
    plain = _TRAILING_RATING.sub("", EMPHASIS.sub("", MARKDOWN_LINK.sub(r"\1", body))).strip()
    return without_titles(plain) if len(plain) <= _BYLINE_CHARS else plain


def is_byline(plain: str, title_keys: set[str]) -> bool:
    """Is the line (read without its markup) a byline of one line?"""
    return bool(BYLINE.match(plain) or byline_beside(plain, cleaning_rules(), title_keys) or byline_by_parts(plain))


def byline_follows(lines: list[str], rules: CleaningRules, title_keys: set[str]) -> bool:
    """Is one of ``lines`` (those under a standfirst) the byline or its date, with at most
    the rating, furniture ("Reviewed at the Berlin Film Festival...") or a short line of
    the page before it?"""
    for body in lines:
        plain = plain_line(body)
        if (is_byline(plain, title_keys) or DATE_LINE.match(plain) or BOLD_NAME_NOTE.match(body)
                or PERSON_LINE.fullmatch(plain) or CAPITALS_PERSON_LINE.fullmatch(plain)):
            return True
        if (len(plain.split()) > BYLINE_WORDS or ENDS_SENTENCE.search(plain)) and not rules.boilerplate_reason(plain):
            return False  # the review's prose has begun
    return False


_DAY_WORD = re.compile(rf"\b{DAY_NAME}$")


def byline_beside(line: str, rules: CleaningRules, title_keys: set[str]) -> re.Match | None:
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


def byline_names(m: re.Match) -> tuple[str, str]:
    """The critic and the outlet ("" when none) a ``BYLINE`` match names."""
    name = m.group("name") or m.group("handle")
    outlet = (m.group("outlet") or "").rstrip(".")
    return (from_capitals(name) if name.isupper() else name,  # "By DARIUS ELLENBERG"
            outlet if cleaning_rules().is_outlet(outlet) else "")


def byline_at(plain: str, bodies: list[str], index: int, rules: CleaningRules,
              title_keys: set[str]) -> tuple[str, str] | None:
    """The critic and the outlet ("" when none) a line in the byline's region of the page
    names: a byline of one line with the role, the date or the outlet beside the name
    (``_BYLINE_BESIDE``), a diary's member with their handle, a name alone beside a line of
    its date, or a byline read by its parts (``byline_by_parts``); ("", the outlet) for a
    newspaper's name there in capitals. ``plain`` is ``bodies[index]`` without its markup."""
    found = _byline_in_region(plain, bodies, index, rules, title_keys)
    if found is None or not names_a_body(found[0]):
        return found
    # a body's name in capitals where a byline stands: the masthead ("THE HARBOUR CLARION")
    return ("", found[0]) if plain.isupper() and rules.is_outlet(found[0]) else None


def _byline_in_region(plain: str, bodies: list[str], index: int, rules: CleaningRules,
                      title_keys: set[str]) -> tuple[str, str] | None:
    short = len(LETTER_WORDS.findall(plain)) <= BYLINE_WORDS
    if (short and (m := critic_introduced(plain))
            and (byline_beside(plain, rules, title_keys) or byline_by_parts(plain))):
        return m.group("name"), ""  # the critic beside the show's host
    if short and (m := byline_beside(plain, rules, title_keys)):
        author = (m.group("name") or m.group("after") or m.group("poster") or m.group("labelled")
                  or m.group("dated") or m.group("critic") or m.group("writer") or m.group("handle")
                  or m.group("host") or m.group("between") or m.group("second")
                  or from_capitals(m.group("capitals")))
        outlet = m.group("outlet") or ""
        return author, outlet if rules.is_outlet(outlet) else ""
    if short and (m := _NAME_THEN_HANDLE.fullmatch(plain) or _NAME_THEN_DEGREE.fullmatch(plain)):
        return m.group("name"), ""
    if _FORUM_HANDLE.fullmatch(plain) and any(DATE_LINE.match(near) for near in bodies[index + 1:index + 3]):
        return plain, ""  # a forum's poster over their member line and the post's date
    if short and (m := _SUBREDDIT_POST.match(plain)):
        return m.group("poster"), m.group("forum")
    name = _HEADING_MARKS.sub("", plain)  # a critic's profile may print the name as its heading
    if ((PERSON_LINE.fullmatch(name) or CAPITALS_PERSON_LINE.fullmatch(name))
            and not rules.is_page_label(name, title_keys)
            and (any(DATE_LINE.match(near) or _NOTED_DATE.match(near)
                     for near in (*bodies[index + 1:index + 3], *bodies[max(0, index - 2):index]))
                 # ... over its paper and role: "The Ledger · Chief film critic", "The Ledger" / "★ Top Critic"
                 or any(len(near.split()) <= BYLINE_WORDS and _ROLE_WORD.search(near)
                        and not ENDS_SENTENCE.search(plain_line(near)) for near in bodies[index + 1:index + 3]))):
        return (from_capitals(name) if name.isupper() else name), ""
    if short and (name := byline_by_parts(plain)) and not rules.is_page_label(name, title_keys):
        return name, ""
    return None
