"""Which outlet published the review: its masthead and menus, its breadcrumb, a station's
name, a newsletter's issue, a sign-off or the page's copyright line."""

from __future__ import annotations

import re

from dashboard.engine.bylines import BYLINE, DATE_LINE, EMPHASIS, MARKDOWN_LINK, is_byline, plain_line
from dashboard.engine.cleaning_rules import EMOJI, ENDS_SENTENCE, cleaning_rules
from dashboard.text.dates import MONTH
from dashboard.text.names import from_capitals

# The page's footer: "Copyright 2024 Continental Wire Service. All rights reserved.", "© 2025
# The Harbour Herald" (an image's "© Studio" stands beside the image, not at the page's end).
COPYRIGHT_OUTLET = re.compile(
    r"\W*(?:(?i:copyright)\s*(?:©|\((?i:c)\))?|©)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?,?\s+)?"
    r"(?:(?i:all\s+rights\s+reserved)\W+)?"
    r"(?P<name>(?:[Tt]he\s+)?[A-Z][\w'&.-]*(?:\s+[A-Z][\w'&.-]*){0,4})"
)
_COPYRIGHT_AFTER_SENTENCE = re.compile(r"[.!?]\s+(?=(?i:copyright)\b|©)")
CORPORATE = re.compile(r"\s+(?:Company|Co|Ltd|Limited|Inc|LLC|plc|Group|Media Group|Publishing|Publications)\.?$")
OUTLET = re.compile(
    # (not a currency before a price: "Subscribe for KSh 15 a day")
    r"\b(?:from|on|at|via|for|reading)\s+(?P<the>the\s+)?(?P<name>[A-Z][\w'&.-]*(?:\s+(?:[A-Z][\w'&.-]*|&)){0,4})"
    r"(?![\w'&.-])(?!\s*\d[\d,.]*\s+(?:a|an|per)\s+(?:day|week|month|year)\b)"
    # a show's or a newsletter's greeting: "Welcome to Lanyard & Lament, the newsletter about ..."
    r"|\b(?i:welcome)\s+(?:(?i:back)\s+)?(?i:to)\s+(?P<the4>the\s+)?(?P<name4>[A-Z][\w'&.-]*(?:\s+(?:[A-Z][\w'&.-]*|&)){0,4}),"
    r"\s+(?:the|a|an|your)\s+(?:[\w-]+\s+){0,3}(?:newsletter|podcast|show|programme|blog|channel|zine)\b"
    # a newsletter's note about itself: "Slow Dissolve is a reader-supported newsletter"
    r"|^\W*(?P<the2>the\s+)?(?P<name2>[A-Z][\w'&.-]*(?:\s+(?:[A-Z][\w'&.-]*|the|of|and|&)){0,4})\s+is\s+an?\s+"
    r"(?:reader-supported|independent|free|weekly|monthly|fortnightly|daily)\s+(?:newsletter|letter|publication|magazine|blog|podcast)\b"
    # the critic's note: "Mara Quill writes Two-Shot, a newsletter about actors"
    r"|\b(?:writes|runs|edits)\s+(?P<the3>the\s+)?(?P<name3>[A-Z][\w'&.-]*(?:\s+[A-Z][\w'&.-]*){0,4}),\s+an?\s+"
    r"(?:[\w-]+\s+){0,3}(?:newsletter|letter|publication|magazine|blog|podcast|site|website|zine)\b"
)

# A web page copied from a browser opens with the outlet's name over its menu ("The
# Meridian" / "News  Opinion  Sport  Culture", "SIGHTLINE" / "FILM · TELEVISION · CULTURE").
MASTHEAD_REASON = "The outlet's name and menu, from the web page"
NAVIGATION_REASON = "Where the page sits on its site, from the web page"
MENU_REASON = "The site's menu, from the web page"
REPRINT_REASON = "Where the review first appeared"
# A review reprinted by another site names the publication it first appeared in, which is the
# review's outlet, not the site's: "Originally published in Parallax Weekly, August 8, 2025.",
# "Originally published at The Harbour Courier."
REPRINTED_FROM = re.compile(r"\W*(?i:originally|first)\s+(?i:published|appeared|printed|ran)\s+(?i:in|on|at)\s+"
                            r"(?P<outlet>(?:[Tt]he\s+)?[A-Z][\w'&-]*(?:\.\w[\w'&-]*)*(?:\s+(?:[A-Z][\w'&-]*(?:\.\w[\w'&-]*)*|&|of)){0,5})")
MASTHEAD_LINES = 4
_MASTHEAD_CHARS = 200  # a masthead line is short; longer lines are not tried at all
_SITE_NAME = re.compile(r"(?:[A-Z][\w'&.-]*|of|the|and|&)(?:\s(?:[A-Z][\w'&.-]*|of|the|and|at|on|in|for|&)){0,4}")
# A site's name as the page's first Markdown heading, over the review's own headline a level
# down or in bold ("# The Sofa Report" / "## Stream it or skip it: ..."), a tagline between
# or beside it ("# KinderScreen · Family Media Reviews").
_SITE_HEADING = re.compile(r"#\s+(?:\*\*)?(?P<name>[^#*\n][^*\n]*?)(?:\*\*)?\s*")  # "# Frameworthy › #now-showing"
_SITE_NAME_WORDS = 5
_HEADLINE_BELOW = re.compile(r"\s*(?:##\s|\*\*)")  # "##", not a "###" tagline
_HEADLINE_WITHIN = 4  # lines under the site's name (a tagline, a menu, a rule)
# "Holds (0)", "The Back Room (Blog)", "e-Edition", "Surf & Tide Times"
_MENU_ITEM = r"(?:[A-Z]|[a-z]-?(?=[A-Z]))[\w'&-]*(?:\s[\w'&-]+){0,3}(?:\s\((?:\d+|[A-Za-z]+)\))?"
_MENU = re.compile(rf"{_MENU_ITEM}(?:(?:\s{{2,}}|\s*[|·•›/]\s*){_MENU_ITEM}){{1,}}")
# A breadcrumb that opens with the site's name (two words or more): "The Quad Courier › Arts
# & Culture › Film", "**Tri-County Herald** · Entertainment · Movies".
_BREADCRUMB = re.compile(
    r"(?:\*{1,3}|_{1,3})?(?P<site>(?:[Tt]he\s+)?[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){1,3})(?:\*{1,3}|_{1,3})?"
    r"(?P<steps>(?:\s*[›»/·]\s*[\w'&-]+(?:\s[\w'&-]+){0,3}){1,4})")
# A newsletter's issue or a show's episode in its headline names it: "# Dim the Lights #41: ...",
# "# The Back Stalls — Ep. 212: ...".
ISSUE_HEADLINE = re.compile(
    r"\W*(?!(?i:issue|episode|part|vol|volume|chapter|week|day|no|number|edition)\b)"
    r"(?P<name>[A-Z][\w'&-]*(?:\s+(?:[A-Z][\w'&-]*|the|of|and|&)){0,4})\s+(?:[—–|:-]\s+)?"
    r"(?:#|(?i:no\.?|issue|ep\.?|episode)\s*)\d+\s*[:–—|-]")

def masthead(bodies: list[str], title_keys: set[str]) -> dict[int, str]:
    """The opening lines that are the outlet's name and its menus: index -> the outlet's
    name on that line ("" for a menu or a tagline). The name is a short run of capitalised
    words (not the film's title) with a menu of three items or more on one of the two lines
    under it, or under its tagline ("THE LONG SHOT" / "Independent film criticism" /
    "Reviews | Festivals | Essays"); a first Markdown heading over the headline
    (``_SITE_HEADING``); or the first step of a breadcrumb ("The Quad Courier › Arts &
    Culture › Film"). Markdown's links are read as their words ("[Reviews](/reviews)")."""
    bodies = [MARKDOWN_LINK.sub(r"\1", body) if "](" in body else body for body in bodies[:MASTHEAD_LINES + 2]]
    for i, body in enumerate(bodies[:MASTHEAD_LINES]):
        if site := _site_beside_menu(body, title_keys):
            return {i: site}
        if (_SEPARATOR.search(body) and (channel := _CHANNEL.fullmatch(EMPHASIS.sub("", body).strip()))
                and channel.group("name").lower() not in title_keys):
            return {i: channel.group("name")}
        if (i == 0 and _LOWER_CASE_NAME.fullmatch(body.strip()) and len(bodies) > 1
                and is_long_menu(bodies[1])):
            return {0: body.strip(), 1: ""}  # a name in lower case over its menu: "threadreel" / "Home  Explore"
        # the site's tagline beside its name: "LAMPLIGHT REVIEW — independent criticism since 2011"
        name = body.strip()
        name = _TAGLINE_BESIDE.sub("", _BOLD_NAME_BESIDE.sub(r"\1", name) if name.startswith("**") else name)
        name = _STATION_FREQUENCY.sub("", name)  # "WESTWAY FM 104.6", "CARRICK SOUND 102.4"
        name, issue = _ISSUE_BESIDE.subn("", name)  # "THE BUGLE HORN        SPRING 2025"
        name = _PART_OF_SITE.sub("", name)  # "Halverston City Libraries · Online Catalogue"
        name, followed = _FOLLOWED.subn("", name)  # a news app's source: "THE MERIDIAN POST  ✓ Followed"
        if _SITE_NAME.fullmatch(plain := EMPHASIS.sub("", name).strip()):
            name = plain  # "**Weekend Screenings** — the Friday newsletter from ..."
        site_name = bool(_SITE_NAME.fullmatch(name))
        if (issue or followed) and site_name and name.lower() not in title_keys:
            return {i: name}  # dated by its issue, or followed as a source: a publication's name
        if len(name) > _MASTHEAD_CHARS or not (
                site_name or _SITE_HEADING.fullmatch(name) or _BREADCRUMB.fullmatch(name)):
            continue
        if cleaning_rules().boilerplate_reason(name):
            continue  # "Section Navigation" is no site's name
        if site_name and name.lower() not in title_keys and name.lower() not in cleaning_rules().sections:
            below = i + 1
            # (under a name, over its menu, a tagline may be a sentence or two: "Films, mostly.
            # Seen in small towns, mostly.")
            tagline = int(below < len(bodies) and _is_tagline(bodies[below], stops=True))
            first = below + tagline
            menus = [j for j in range(first, min(first + 2, len(bodies))) if _is_menu(bodies[j])]
            if menus and menus[-1] == first + len(menus) - 1 and any(is_long_menu(bodies[j]) for j in menus):
                return {i: name, **{j: "" for j in range(below, menus[-1] + 1)}}
            if len(name.split()) <= _SITE_NAME_WORDS:
                # over the site's sections, under its tagline, a few account links between
                # ("Subscribe for £1", "Sign in")
                for j in range(first, min(first + _HEADLINE_WITHIN + 1, len(bodies))):
                    if DATE_LINE.match(bodies[j]):
                        continue  # the day's date over the menu: "Wednesday 19 March 2025   ☁ 8°C   Subscribe"
                    if navigation(bodies[j], cleaning_rules().sections)[0]:
                        return {i: name, **{k: "" for k in range(below, j)}}
                    if _is_menu(bodies[j]):
                        return {i: name, **{k: "" for k in range(below, j + 1)}}
                    if len(bodies[j].split()) > 2 and (
                            BYLINE.match(bodies[j]) or not cleaning_rules().boilerplate_reason(bodies[j])):
                        break
            if tagline and _PUBLICATION_OF.match(bodies[below]):
                return {i: name, below: ""}  # "THE VOE LANTERN" / "Newsletter of St Ringan's Church"
        if ((heading := _SITE_HEADING.fullmatch(name))
                and _SITE_NAME.fullmatch(site := _EMOJI_AROUND.sub("", MENU_SEPARATOR.split(heading.group("name"))[0]))
                and site.lower() not in title_keys):
            below = next((j for j in range(i + 1, min(i + 1 + _HEADLINE_WITHIN, len(bodies)))
                          if _HEADLINE_BELOW.match(bodies[j]) or is_byline(plain_line(bodies[j]), title_keys)), None)
            if below is not None:
                return {i: site, **{j: "" for j in range(i + 1, below)}}
            # ... or over the site's menu: "# Dead Letter Books" / its tagline / "Shop · New Releases · Events"
            menu = next((j for j in range(i + 1, min(i + 1 + _HEADLINE_WITHIN, len(bodies)))
                         if is_long_menu(bodies[j])), None)
            if menu is not None:
                return {i: site, **{j: "" for j in range(i + 1, menu + 1)}}
            if i + 1 < len(bodies) and _PUBLICATION_OF.match(EMPHASIS.sub("", bodies[i + 1])):
                return {i: site, i + 1: ""}  # "# SKYWARD" / "*The magazine of Aurora Atlantic · June 2025*"
        crumb = _BREADCRUMB.fullmatch(name)
        if (crumb and crumb.group("site").lower() not in title_keys
                and not cleaning_rules().sections.isdisjoint(re.findall(r"\w+", crumb.group("steps").lower()))):
            return {i: crumb.group("site")}
    return {}


_STATION_FREQUENCY = re.compile(r"(?:(?<=\s(?:FM|AM))\s+\d{2,3}(?:\.\d)?|\s+\d{2,3}\.\d(?:\s*(?:FM|AM))?)$")


def _site_beside_menu(body: str, title_keys: set[str]) -> str:
    """The site's name opening a line of its menu, a tagline between ("**THE MUSETTE** ·
    road racing and coffee · Home · Races · Kit", its links read as words), or the menu set
    off by wide spaces, the name in lower case too ("dashpost    Home   Explore   Inbox");
    "" for any other line."""
    body = body.strip()
    if (gaps := [len(g) for g in re.findall(r"\s{3,}", body)]) and (len(gaps) < 2 or gaps[0] <= max(gaps[1:])):
        return ""  # wide spaces set the name off wider than its items: a menu alone has none
    parts = [EMPHASIS.sub("", part).strip() for part in re.split(r"\s+[·|•]\s+|\s{3,}", body)]
    parts[0] = _STATION_FREQUENCY.sub("", parts[0])  # "**RIVERMOUTH FM 104.6** · [Music](#) · ..."
    items = [part for part in parts[1:] if re.fullmatch(_MENU_ITEM, part)]
    if (len(items) >= 3 and (_SITE_NAME.fullmatch(parts[0]) or _LOWER_CASE_NAME.fullmatch(parts[0]))
            and parts[0].lower() not in title_keys
            and parts[0].lower() not in cleaning_rules().sections and cleaning_rules().is_outlet(parts[0])):
        return parts[0]
    return ""


# A printed issue's season, date or number set off beside the publication's name ("THE
# BUGLE HORN      SPRING 2025", "THE JAZZ LEDGER | SPRING 2025").
_ISSUE_BESIDE = re.compile(rf"(?:\s{{3,}}|\s*[|·]\s*)(?:(?:spring|summer|autumn|fall|winter|{MONTH})\s+\d{{4}}"
                           r"|(?:issue|no\.?|vol\.?|volume)\s*\d+)(?:\s*[·|,]?\s*(?:issue|no\.?)\s*\d+)?"
                           r"(?:\s*[·|,]\s*(?:page|p\.)\s*\d+)?\s*$", re.I)  # a reading app's "Projector · June 2025 · Page 74"
_FOLLOWED = re.compile(r"\s+[✓✔]\s*(?i:followed|following)\s*$")
# The part of the site a page belongs to, beside the site's name: "· Online Catalogue".
_PART_OF_SITE = re.compile(rf"\s+[·|•]\s+{_MENU_ITEM}$")
_TAGLINE_WORDS = 20  # a tagline may run to a sentence's length, unstopped ("Stage reviews, backstage gossip and ...")
# "Scrollwork — *where the page meets the screen*", "Shelf Life Weekly | The grocery trade's news source"
_TAGLINE_BESIDE = re.compile(r"\s+[—–-]\s+[*_]{0,2}[a-z][^—–-]{0,80}$"
                             r"|\s+[|·]\s+(?:[A-Z][\w']*\s+)?[a-z][\w']*\s+[a-z][^—–|·]{0,80}$")
# The site's name in bold beside its tagline of a few words: "**THE UNDERCROFT** — St Aldric's
# College's independent student newspaper since 1961", "**RADIO KITTIWAKE 97.2 FM** · Your
# station for the Tyne and the coast" (not a breadcrumb's steps: "**Herald** · Film · Movies").
_BOLD_NAME_BESIDE = re.compile(r"^\*\*([^*]{2,60})\*\*\s+[—–·|-]\s+(?=(?:[^\s·|•]+\s+){3})[^·|•]{1,120}$")
# A tagline that says what the name above it is: "Newsletter of St Ringan's Church", "The
# members' magazine of the Marches Wildlife Trust".
_PUBLICATION_OF = re.compile(r"\W*(?:the\s+)?(?:[\w'’]+\s+)?(?:newsletter|magazine|bulletin|journal|newspaper|paper|"
                             r"quarterly|gazette)(?:\s+(?:of|for)\s+(?:the\s+)?(?-i:[A-Z])"
                             # ... or with its issue: "Monthly Newsletter  *  June 2025  *  No. 214"
                             rf"|\s*[*·|•,]\s*(?:{MONTH}|spring|summer|autumn|winter|no\.?\s*\d|issue\s*\d|vol))", re.I)
_SEPARATOR = re.compile(r"[·|•]")
_LOWER_CASE_NAME = re.compile(r"[a-z][a-z0-9]{3,30}")
# A video channel's name beside its counters: "**The Intertitle Hour** · 84.2K subscribers · [Subscribe]".
_CHANNEL = re.compile(r"(?!(?i:joined|join|follow|following|followers|subscribed?|members)\b)"
                      r"(?P<name>[A-Z][\w'&.-]*(?:\s+(?:[A-Z][\w'&.-]*|of|the|and|&)){0,4})"
                      r"\s*[·|•]\s*[\d.,]+\s*[KkMm]?\s+(?i:subscribers|followers|members|listeners)\b.*")
_EMOJI_AROUND = re.compile(rf"^[\s{EMOJI}]+|[\s{EMOJI}]+$")  # "# 🩸 SPLATTER MATINEE 🩸"


def _is_tagline(body: str, stops: bool = False) -> bool:
    body = body.strip()
    return (0 < len(body.split()) <= _TAGLINE_WORDS and (stops or not ENDS_SENTENCE.search(body))
            and not _is_menu(body)
            and not navigation(body, cleaning_rules().sections)[0])


_NAVIGATION_STEP = re.compile(r"\s*(?:[›»/·•|]|>(?!\s*$))\s*|\s+(?:[—–]|--?)\s+")  # dashes as normalised
MENU_SEPARATOR = re.compile(r"[›»/·•|>]")
_MENU_STEPS = 3  # a menu of other items shows at least this many, one of them a section


def navigation(body: str, sections: frozenset[str]) -> tuple[bool, str]:
    """Is the line where the page sits on its site: site sections, at most after the site's
    name ("Home · Film · Reviews", "Arts & Culture > Film", "User Reviews", "**PIXELREEL** /
    Movies / Reviews"), or a menu of short items among which a section ("Film · Reviews ·
    Interviews · Awards", "THE BROADSHEET CLUB · Film · TV · Games")? With the site's name,
    if it opens the line."""
    steps = [p for p in _NAVIGATION_STEP.split(EMPHASIS.sub("", body).strip(" #")) if p]
    # (a breadcrumb's last step may be the page's own title: "Reviews › Animation › The Little Lamp")
    if (not steps or len(steps) > 8 or any(len(step.split()) > 3 for step in steps[:-1])
            or len(steps[-1].split()) > (8 if len(steps) > 1 else 3) or ENDS_SENTENCE.search(body)
            or len(steps) > 1 and not MENU_SEPARATOR.search(body)):
        return False, ""  # a dash alone is a headline's ("Sinners (2025) – Review")

    def is_section(step: str) -> bool:
        words = re.findall(r"[^\W\d_]+", step.lower())
        return bool(words) and all(w in sections or w in ("and", "home") for w in words)

    sections_at = [is_section(step) for step in steps]
    if all(sections_at):
        return True, ""
    if not (all(sections_at[1:]) and len(steps) >= 2 or any(sections_at) and len(steps) >= _MENU_STEPS):
        return False, ""
    site = steps[0] if (not sections_at[0] and _SITE_NAME.fullmatch(steps[0]) and len(steps) > 1
                        and cleaning_rules().is_outlet(steps[0])) else ""  # not the account's "Log in"
    return True, site


def _is_menu(body: str) -> bool:
    # "News · Comment · **Culture** · Sport", "▶ Listen live   Schedule   Podcasts"
    return bool(_MENU.fullmatch(_LEADING_GLYPHS.sub("", EMPHASIS.sub("", body).strip())))


_LEADING_GLYPHS = re.compile(r"^[^\w\s*_#>\[(-]+\s*")


def _menu_items(body: str) -> int:
    return len(re.split(r"\s{2,}|\s*[|·•›/]\s*", EMPHASIS.sub("", body).strip()))


def is_long_menu(body: str) -> bool:
    """A menu of three items or more: "Sign in | Subscribe | e-Edition | Jobs"."""
    return _is_menu(body) and _menu_items(body) >= 3


def as_name(name: str) -> str:
    """An outlet's name as it is written in a sentence: "THE ALBION TIMES" -> "The Albion Times",
    "WESTWAY FM" -> "Westway FM" (a word with no vowel is an abbreviation)."""
    if not name.isupper():
        return name
    return " ".join(w if not re.search(r"[AEIOUY]", w) else from_capitals(w) for w in name.split())


def outlet_named(body: str) -> str:
    """The outlet a line of prose or furniture names ("... for the Morning Star", "Slow
    Dissolve is a reader-supported newsletter"): its last one, "" when none."""
    # the name ends with its sentence ("...for the Morning Star. Follow her on Twitter")
    found = [(m.group("the") or m.group("the2") or m.group("the3") or m.group("the4"),
              re.split(r"[.!?](?:\s|$)", m.group("name") or m.group("name2") or m.group("name3") or m.group("name4"))[0])
             for m in OUTLET.finditer(body)]
    found = [(the, name) for the, name in found if cleaning_rules().is_outlet(name)]
    if not found:
        return ""
    the, name = found[-1]
    return ("The " + name) if the else name


def copyright_outlet(body: str, author: str) -> str:
    """The outlet a footer's copyright line names ("© 2025 The Harbour Herald Ltd."), "" when
    none or when it names the critic (a blog's "© 2026 Jane Doe" is hers). The notice may
    end a footer's sentence: "… is a registered charity. © 2025 Lanterns Film Society"."""
    after = _COPYRIGHT_AFTER_SENTENCE.search(body)
    if not (m := COPYRIGHT_OUTLET.match(body) or (after and COPYRIGHT_OUTLET.match(body, after.end()))):
        return ""
    name = CORPORATE.sub("", re.split(r"[.!?](?:\s|$)", m.group("name"))[0].rstrip("."))
    return as_name(name) if cleaning_rules().is_outlet(name) and name.lower() != author.lower() else ""
