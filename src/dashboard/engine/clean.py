"""Set aside what is not the critic's opinion, without changing a character of the text.

The cleaner returns spans with a kind and a reason (shown greyed in the full review)
instead of a shortened copy, so offsets into the original stay valid everywhere:

* ``boilerplate``: comment prompts, image credits, newsletter lines (``cleaning.toml``);
* ``advert``: advertising pasted into a review (one bundled review has a casino advert);
* ``metadata``: "Directed by:", "Cast:", "Release Date:" lines, which become metadata;
* ``rating``: the line that carries the critic's own rating;
* ``heading``: section headings and the film's title on a line of its own.

A "Pros:" / "Cons:" list is kept: it is opinion whose polarity its heading tells.

The cleaner walks the page line by line and asks its readers what each line is: ``bylines``
(who wrote it), ``outlets`` (the masthead, menus and the outlet's name), ``credits`` (film
details), ``roundups`` (other films' capsules) and ``transcripts`` (a show's speakers), all
reading the rules of ``cleaning.toml`` (``cleaning_rules``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from dashboard.engine.bylines import (BIO_NAME, BOLD_NAME_NOTE, BROADCAST_SIGN_OFF, BYLINE, BYLINE_LABEL, BYLINE_LINES,
                                      BYLINE_REASON, BYLINE_WORDS, DATE_LINE, EMPHASIS, NAME_UNDER_LABEL,
                                      PERSON_LINE, POSTED_BY, SIGN_OFF, SIGNED_NAME, VALEDICTION, WRITES,
                                      byline_at, byline_follows, byline_names, critic_introduced, critic_on_film,
                                      plain_line)
from dashboard.engine.cleaning_rules import EMOJI, ENDS_SENTENCE, TRAILING_EMOJI, CleaningRules, cleaning_rules
from dashboard.engine.credits import DETAILS_REASON, read_details
from dashboard.engine.document import ReviewDoc
from dashboard.engine.outlets import (ISSUE_HEADLINE, MASTHEAD_LINES, MASTHEAD_REASON, MENU_REASON, NAVIGATION_REASON,
                                      OUTLET, REPRINT_REASON, REPRINTED_FROM, as_name, copyright_outlet, is_long_menu,
                                      masthead, navigation, outlet_named)
from dashboard.engine.roundups import RULE, other_film_lines
from dashboard.engine.threads import HEADER_FIELD, read_thread
from dashboard.engine.transcripts import read_transcript
from dashboard.records import People, ReviewSource
from dashboard.text.dates import DATE, MONTH
from dashboard.text.names import names_the_film
from dashboard.text.normalize import normalize
from dashboard.text.quotations import reported_speech, within
from dashboard.text.ratings import (FULL_STARS, LEGEND_ENTRY, LEGEND_MIN_ENTRIES, RATING_LEAD, FoundRating, find_rating,
                                     is_rating_key, key_entry_lines, legend_entries, rating_phrase)
from dashboard.text.segment import Span, sentences
from dashboard.text.terms import FoundIndex

BOILERPLATE, ADVERT, METADATA, RATING, HEADING = "boilerplate", "advert", "metadata", "rating", "heading"
SPEAKER_REASON = "A transcript's speaker other than the critic, or a speaker's name"
RATING_REASON = "The critic's own rating"
HEADING_REASON = "Section heading or title, not a sentence of the review"
STANDFIRST_REASON = "The page's summary under its headline, not a sentence of the review"
HEADING_MAX_WORDS = 14
# The page's headline (its first line under the site's furniture) may be long: "Review: In
# 'The Long Quiet', a great actor plays a man who has run out of words".
HEADLINE_MAX_WORDS = MARKDOWN_HEADING_MAX_WORDS = 25
_QUESTION_HEADLINE_WORDS = 16  # a question where the headline stands, in no headline's shape
# ... when it is shaped like one: it names the review or has a headline's break ("X review –
# ...", "Review: In ...") and no sentence ends inside it, or its words are in Title Case.
_HEADLINE_SHAPE = re.compile(r"^(?!.*[.!?]\s)(?:.*\breview\b|.*(?:[:–—|]|\s-)\s)", re.I)
LIST_ITEM = re.compile(r"\s*(?:[-*•·▪–]|\d+[.)])\s+")  # used with .match, from a line's or a span's start
# A byline stands above the review's prose: at most one sentence of it, a standfirst, before it.
_PROSE_BEFORE_BYLINE = 1
_ARCHIVE_TOOLBAR_LINES = 30  # a web archive's toolbar ends within the page's first lines
_LINES_ABOVE_NOTICE = 1  # a cookie notice's own heading, under any "Skip to content" links
# A comments heading ends the review only below this many lines of its prose: a counter
# beside the byline ("4 comments") is no comment section.
_PROSE_BEFORE_COMMENTS = 2
_POST_WORDS = 60  # a post from social media is short
# A post's words beside its embed's lines: in quotes, or with its hashtags or emoji.
_QUOTED_START = re.compile(r"[\s>*_]*[\"“]")
_CAPTION = re.compile(rf"^[\s>*_]*[\"“]|#\w|[{EMOJI}]")
# A standfirst: one line of summary between the headline and the byline ("Ruth Okafor gives
# the performance of her career in ...", then "By Harriet Lyle"), an editor's as often as
# the critic's; the review's own sentences are below the byline.
_STANDFIRST_WORDS = 45
_STANDFIRST_TO_BYLINE = 3  # lines: the rating and a short line may stand between

# Around a rating on its line: separators.
_SEPARATORS = " \t-–—:|,;(["
_CLOSING = {")": "(", "]": "["}
_RATING_WORDS = frozenset({"rating", "ratings", "rated", "grade", "stars"})
_FOOTER_LINES = 30  # a page pasted whole ends with its footer's links
_HEADLINE_MIN_WORDS = 4  # under the menus, a headline is longer than a menu's item
_NAVIGATION_WORDS = 20  # separators counted
_PLOT_LABEL_WORDS = 4


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


_MARKDOWN_HEADING = re.compile(r"\s*#{1,6}\s+\S")
_PLOT_LABEL_WORDS = 4
_PROSE_LINE = re.compile(r"(?:\S+\s+){11,}\S*[.!?][\"')]*$")
_LOWER_CASE_START = re.compile(r"\W*[a-z]")
# Markdown around a headline: "# ", "**...**", "> ".
_MARKUP_AROUND = re.compile(r"^[\s#>*_]+|[\s*_]+$")
# A first line that is film details, not a headline: times, dates and fractions
# ("United States, 1996 Running Length: 1:27"), or a bracket left open.
# ... nor a breadcrumb from the home page ("Home > What's On > Film").
_NO_HEADLINE = re.compile(r"\d[:/]\d|\([^)]*$|^[^(]*\)|^\W*home\s*[>›»/|]", re.I)


def _is_heading(body: str, is_last: bool, max_words: int = HEADING_MAX_WORDS, titles: set[str] = frozenset(),
                under_furniture: bool = False) -> bool:
    """Is the line a heading? ``titles``: the film's names as keys, whose own stop ends no
    sentence ("THE QUICK TAKE: Marigold Street!"). ``under_furniture``: the line is the first
    under the page's menus, where a long headline needs no headline's shape ("Zombie comedy
    shot at Wrexley Library is long on local landmarks but short on laughs")."""
    words = body.split()
    if is_last or not words or LIST_ITEM.match(body):
        return False
    if _MARKDOWN_HEADING.match(body):
        # "# The Marvels (2023)", whatever it ends with; marked as a heading, it may be long
        return len(words) <= MARKDOWN_HEADING_MAX_WORDS
    if len(words) > max_words:
        return False
    if body.endswith("?"):
        # "Nightjar review: is it any good?"; a headline may ask at length ("Docks turn pirate
        # port in Nightjar – but is it any good?"; "Lighthouse ghost story looks lovely, but is
        # there anything under the paint?"), a paragraph's opening question may not.
        return len(words) <= 8 or max_words > HEADING_MAX_WORDS and (
            len(words) <= _QUESTION_HEADLINE_WORDS or bool(_HEADLINE_SHAPE.search(body)))
    if len(words) > HEADING_MAX_WORDS and not under_furniture and not (
            _HEADLINE_SHAPE.search(body) or sum(w[:1].isupper() for w in words) >= 0.6 * len(words)):
        return False  # a long first line is a headline only in a headline's shape
    # Headings open with a capital (or a digit, a quote, markup). A line in lower case
    # without a final stop is a sentence of an informal review ("the middle drags a bit
    # ngl"), not a heading.
    if _LOWER_CASE_START.match(body):
        return False
    ending = _QUOTED_TITLE_END.sub("", _YEAR_OR_CERTIFICATE.sub("", TRAILING_EMOJI.sub("", body)))
    if any(ending.lower().endswith(title) for title in titles if title[-1:] in ".!?"):
        return True
    return not re.search(r"[.!:;,\"')\]]$", ending)



def clean(text: str, film_titles: tuple[str, ...] = ()) -> Cleaned:
    """What to set aside in ``text`` read on its own (the pipeline's ``clean`` stage reads
    a review's document: ``clean_document``)."""
    doc = ReviewDoc.read(ReviewSource("text", text))
    doc.found_rating = find_rating(text, doc.norm)
    return clean_document(doc, film_titles)


def clean_document(doc: ReviewDoc, film_titles: tuple[str, ...] = ()) -> Cleaned:
    """Find what to set aside in the review; nothing is removed or changed. Reads the
    rating the ``rating`` stage found (``doc.found_rating``)."""
    rules = cleaning_rules()
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
    thread = read_thread(bodies, title_keys)
    other_messages = thread.others if thread else set()
    if thread:
        out.author, out.outlet = thread.author, thread.outlet
    posts = _embedded_posts(bodies, rules)
    others = _others_say(text, spans, bodies, rules)
    if other_films or other_messages:
        out.rating = _rating_outside(doc, [spans[i] for i in sorted(other_films | other_messages)])
    # A cookie notice pasted above the site's name is no part of its masthead.
    # ... nor a web archive's toolbar above the archived page.
    archived = next((i + 1 for i, body in enumerate(bodies[:_ARCHIVE_TOOLBAR_LINES])
                     if rules.web_archive.pattern.match(body)), 0)
    below_links = next((i for i in range(archived, len(bodies)) if not rules.skip_link.match(bodies[i])), len(bodies))
    first_notice = next((i for i in range(below_links, min(below_links + _LINES_ABOVE_NOTICE + 1, len(bodies)))
                         if rules.consent.pattern.search(bodies[i])), archived)
    notices = next((i for i in range(first_notice, len(bodies)) if not rules.consent.pattern.search(bodies[i])),
                   len(bodies))
    # ... nor an e-mail's headers and the rules around a newsletter's name.
    head = next((i for i in range(notices, len(bodies))
                 if not (HEADER_FIELD.match(bodies[i]) or RULE.fullmatch(bodies[i]))), len(bodies))
    top = masthead(bodies[head:head + MASTHEAD_LINES + 2], title_keys)
    # (a byline under a newsletter's name, over its menu, is the critic's: "by Jo Lin")
    site_lines = {head + i: name for i, name in top.items() if name or not BYLINE.match(bodies[head + i])}
    labelled_byline = -1  # the line of the name under a byline's label
    for index, line in enumerate(spans):
        body = bodies[index]
        line_words = len(body.split())
        is_last = index == len(spans) - 1

        def aside(kind: str, reason: str, span: Span = line) -> None:
            out.set_aside.append(SetAside(span.start, span.end, kind, reason))

        if not out.outlet and index >= len(spans) - _FOOTER_LINES:
            out.outlet = copyright_outlet(body, out.author)  # unless the page names it further up
        if index in other_films:
            aside(BOILERPLATE, rules.round_up.reason)
            continue
        if index in site_lines:  # (the masthead of an e-mailed newsletter whose film note is the review)
            out.outlet = out.outlet or as_name(site_lines[index])
            aside(BOILERPLATE, MASTHEAD_REASON)
            furniture_lines += 1
            continue
        if index in other_messages:
            aside(BOILERPLATE, thread.reason)
            continue
        if thread and index in thread.headers:
            aside(METADATA, thread.header_reason)
            continue
        if m := rules.print_margins.pattern.match(body):
            out.outlet = out.outlet or (m.group("site") or "").strip()
            aside(BOILERPLATE, rules.print_margins.reason)
            furniture_lines += 1
            continue
        if out.rating and line.start <= out.rating.start < line.end and line_words <= 16:
            _set_rating_aside(text, norm, line, out, title_keys)
            heading = bool(_MARKDOWN_HEADING.match(body) or prose_lines == 0 and _REVIEW_COLON.search(body))
            if (index == 0 or heading) and _heading_beside_rating(text, norm, line, title_keys, out, heading):
                headline_at = index
            out.outlet = out.outlet or outlet_named(body)
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
        if index < archived or first_notice <= index < notices:
            aside(BOILERPLATE, rules.web_archive.reason if index < archived else rules.consent.reason)
            continue
        if rules.author_bio.pattern.match(body):
            # ... or completes the first name the byline gave ("by Ada", then "I'm Ada Moss, ...")
            if (m := BIO_NAME.match(EMPHASIS.sub("", body))) and (
                    not out.author or m.group("name").startswith(out.author + " ")):
                out.author = m.group("name")
            aside(BOILERPLATE, rules.author_bio.reason)
            continue
        if rules.another_post.match(body):
            aside(BOILERPLATE, rules.link_lists.reason)
            continue
        if rules.link_lists.pattern.match(body):
            in_links = True
            aside(BOILERPLATE, rules.link_lists.reason)
            continue
        # a list of links ends, after a blank line, at a sentence of prose or at the first line
        # that is no item when its links were items ("- The Noir Canon", then "*Words by ...*")
        in_links = in_links and line_words <= rules.link_lists.max_words and not (
            "\n\n" in text[spans[index - 1].end:line.start] and not LIST_ITEM.match(body)
            and (_PROSE_LINE.match(body) or LIST_ITEM.match(bodies[index - 1])))
        if in_links:
            aside(BOILERPLATE, rules.link_lists.reason)
            continue
        plain = plain_line(body)
        in_byline_region = index < BYLINE_LINES and prose_lines <= _PROSE_BEFORE_BYLINE
        if m := BYLINE.match(plain):
            _take_byline(out, m)
            aside(METADATA, BYLINE_REASON)
            continue
        if ((BYLINE_LABEL.fullmatch(plain) or (VALEDICTION.fullmatch(plain) and prose_lines))
                and index + 1 < len(bodies) and (named := NAME_UNDER_LABEL.fullmatch(plain_line(bodies[index + 1])))
                and named.group("name").lower() not in title_keys):
            # "REVIEWED BY" over the name, as a box at the foot prints it; a letter's "Best," over it
            out.author = out.author or named.group("name")
            aside(METADATA, BYLINE_REASON)
            labelled_byline = index + 1
            continue
        if index == labelled_byline:
            aside(METADATA, BYLINE_REASON)
            continue
        if not out.author and in_byline_region and (found := byline_at(plain, bodies, index, rules, title_keys)):
            out.author, outlet = found
            if not out.author:
                out.outlet = out.outlet or outlet
                aside(BOILERPLATE, MASTHEAD_REASON)
                continue
            out.outlet = out.outlet or outlet
            aside(METADATA, BYLINE_REASON)
            continue
        if not out.author and in_byline_region and prose_lines == 0 and (m := BOLD_NAME_NOTE.match(body)):
            out.author = m.group("name")
            aside(BOILERPLATE, rules.author_bio.reason)
            continue
        if not out.author and in_byline_region and (m := WRITES.search(plain) or critic_introduced(plain)):
            out.author = m.group("name").rstrip(".")  # the standfirst's "..., writes Mara Quill"; the line stays prose
        if (not out.author and index == headline_at + 1 and headline_at >= 0 and PERSON_LINE.fullmatch(plain)
                and not rules.is_page_label(plain, title_keys)):
            out.author = plain  # the critic's name alone under the headline (not "Movie Review")
            aside(METADATA, BYLINE_REASON)
            continue
        if not out.author and POSTED_BY.match(plain) and (m := BYLINE.match(plain)):
            _take_byline(out, m)
            aside(METADATA, BYLINE_REASON)
            continue
        if paragraphs >= _PROSE_BEFORE_COMMENTS and (m := BROADCAST_SIGN_OFF.fullmatch(plain)):
            out.author = out.author or m.group("name").rstrip(".")
            if not out.outlet and rules.is_outlet(m.group("station")):
                out.outlet = m.group("station")
            aside(METADATA, BYLINE_REASON)
            continue
        if is_last and not out.author and (m := SIGN_OFF.fullmatch(text, line.start, line.end)):
            out.author = m.group("name")
            aside(METADATA, BYLINE_REASON)
            continue
        if (not out.author and paragraphs >= _PROSE_BEFORE_COMMENTS and (m := SIGNED_NAME.fullmatch(plain))
                and plain[-1].isalpha() and m.group("name").lower() not in title_keys
                and not rules.boilerplate_reason(plain) and _review_ends(bodies, index + 1, other_films, rules)):
            out.author = m.group("name")  # the critic's name under the review's last paragraph
            aside(METADATA, BYLINE_REASON)
            continue
        if (line_words <= BYLINE_WORDS + 4 and (m := REPRINTED_FROM.match(plain))
                and rules.is_outlet(m.group("outlet"))):
            out.outlet = m.group("outlet").rstrip(".")  # over the site that reprints it
            aside(METADATA, REPRINT_REASON)
            continue
        if rules.record_field.pattern.match(text, line.start, line.end):
            if m := rules.record_outlet.match(body):
                out.outlet = m.group("outlet")  # named for the clip: over the masthead's
            aside(BOILERPLATE, rules.record_field.reason)
            furniture_lines += 1
            continue
        # Markdown's emphasis and links may split a prompt's words ("**Sign up** for ..."):
        # the line as read is tried too.
        if line_words <= rules.max_line_words and (
                reason := rules.boilerplate_reason(body) or (plain != body and rules.boilerplate_reason(plain))):
            aside(BOILERPLATE, reason)
            furniture_lines += 1
            if reason in rules.outlet_reasons:
                out.outlet = out.outlet or outlet_named(body)
            if reason in rules.critic_reasons and not out.author and (m := BIO_NAME.match(plain)):
                out.author = m.group("name")
            continue
        if (prose := read_details(body, rules, line_words, out)) is not None:
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
            is_navigation, site = navigation(body, rules.sections)
            if is_navigation:
                if site and not out.outlet:
                    out.outlet = as_name(site)
                aside(BOILERPLATE, NAVIGATION_REASON)
                furniture_lines += 1
                continue
        if line_words <= _PLOT_LABEL_WORDS and plain.endswith(":") and rules.plot_heading.match(plain):
            aside(HEADING, HEADING_REASON)  # "Official synopsis:" over the studio's words
            in_plot_section = labelled_plot = True
            continue
        if labelled_plot and out.plot_sections and "\n\n" in text[spans[index - 1].end:line.start]:
            in_plot_section = labelled_plot = False  # a label's synopsis is its one paragraph
        names_film = _YEAR_OR_CERTIFICATE.sub("", body).strip().lower() in title_keys  # "Greyback (2025)"
        # Above the review's first sentence, before its headline: a page pasted whole opens
        # with its menus ("Film", "Awards Circuit", "Sign in"), each a short line.
        above_headline = not out.title and prose_lines == 0 and index > 0
        # A headline that names the film, under a first heading that does not (the site's
        # name, a section, a button): the review's headline after all.
        better_headline = (bool(out.title) and prose_lines <= _PROSE_BEFORE_BYLINE and not names_film
                           and index < BYLINE_LINES and _names_any(body, title_keys)
                           and not _names_any(normalize(out.title), title_keys))
        if names_film or _is_heading(body, is_last, HEADLINE_MAX_WORDS if furniture_lines == index or above_headline
                                     or better_headline else HEADING_MAX_WORDS, title_keys,
                                     under_furniture=furniture_lines == index > 0):
            if not names_film and not _MARKDOWN_HEADING.match(body) and (
                    above_headline and line_words < _HEADLINE_MIN_WORDS and "review" not in body.lower()
                    or not out.title and prose_lines == 0 and is_long_menu(body)):
                aside(BOILERPLATE, MENU_REASON)
                continue
            aside(HEADING, HEADING_REASON)
            if ((furniture_lines == index or above_headline or better_headline) and not names_film
                    and not _NO_HEADLINE.search(body)
                    and not DATE_LINE.match(body)
                    and body.strip(" #*").lower() not in rules.sections):
                # the first line, or the first under the site's furniture; not a section's name ("Reviews")
                out.title = _MARKUP_AROUND.sub("", text[line.start:line.end])
                headline_at = index
                if not out.outlet and (m := ISSUE_HEADLINE.match(plain)) and rules.is_outlet(m.group("name")):
                    out.outlet = m.group("name")
            if not out.author and prose_lines <= _PROSE_BEFORE_BYLINE and (name := critic_on_film(plain, title_keys)):
                out.author = name  # a show's headline: "Friday Reels: Jo Lin on Nightjar"
            # On the first line only a bare section name ("Plot", "The story"): a headline
            # such as "Story of a lifetime: ..." is about the whole review.
            in_plot_section = bool(rules.plot_heading.search(body)) and (index > 0 or line_words <= 3)
            labelled_plot = False
            continue
        if (headline_at >= 0 and index == headline_at + 1 and prose_lines == 0 and line_words <= _STANDFIRST_WORDS
                and byline_follows(bodies[index + 1:index + 1 + _STANDFIRST_TO_BYLINE], rules, title_keys)):
            aside(HEADING, STANDFIRST_REASON)
            continue
        if in_plot_section:
            out.plot_sections.append(line)
        if (label := rules.summary_label.match(norm, line.start, line.end)) and label.end() < line.end:
            out.label_ends[line.start] = label.end()
        if _mark_sentences(text, norm, line, film_titles, rules, adverts, out,
                           checked_whole=line_words <= rules.max_line_words):
            furniture_lines += 1  # every sentence of it furniture ("By submitting your email... This site is...")
        elif ENDS_SENTENCE.search(body):
            prose_lines += 1
            paragraphs += not DATE_LINE.match(body)
    _mark_speakers(out, spans, bodies)
    if names_the_film(out.author, film_titles):
        out.author = ""  # a heading that names the film ("The Second Cut"), not its critic
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



_KEY_SIGN = re.compile(rf"[*{FULL_STARS}]|^\W*(?:how|our|my|what)\b", re.I)
_KEY_WORDS = 60


def _others_say(text: str, spans: list[Span], bodies: list[str], rules: CleaningRules) -> set[int]:
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


_SECTION_IN_CAPITALS = re.compile(r"[^a-z\n]{0,20}[A-Z]{2}[^a-z\n]{0,40}")


def _review_ends(bodies: list[str], index: int, other_films: set[int], rules: CleaningRules) -> bool:
    """Does the review end before line ``index``: is it past the last line, or the first of
    other films' capsules, links to other articles, readers' comments, the page's footer, a
    rule across the page or a newsletter's next section under its heading in capitals
    ("MEMBERS' VOTE")?"""
    if index >= len(bodies):
        return True
    body = bodies[index]
    ends = (rules.round_up, rules.link_lists, rules.comments, rules.page_footer)
    return (index in other_films or RULE.fullmatch(body) is not None or _SECTION_IN_CAPITALS.fullmatch(body) is not None
            or any(kind.pattern.match(body) for kind in ends))


def _names_any(line: str, title_keys: set[str]) -> bool:
    """Does a line name one of the film's titles (``title_keys``, lower case)?"""
    lowered = line.lower()
    return any(key in lowered for key in title_keys)


def _embedded_posts(bodies: list[str], rules: CleaningRules) -> set[int]:
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


def _footer_names(out: Cleaned, name: str, heading: str, rules: CleaningRules) -> None:
    """The outlet from "Published in X", the critic from "Written by X", unless the page
    named them further up."""
    name = name.strip(" *_#:")
    if not name or len(name.split()) > 5:
        return
    if "published" in heading and not out.outlet and rules.is_outlet(name):
        out.outlet = name
    elif "written" in heading and not out.author and PERSON_LINE.fullmatch(name):
        out.author = name


def _rating_outside(doc: ReviewDoc, spans: list[Span]) -> FoundRating | None:
    """The rating found in the review's text when ``spans`` (other films' capsules with
    their stars, other members' messages) are left out: the same offsets, those lines blanked."""
    found = doc.found_rating
    if found is None or not any(s.start <= found.start < s.end for s in spans):
        return found
    text, norm = list(doc.text), list(doc.norm)
    for s in spans:
        text[s.start:s.end] = norm[s.start:s.end] = " " * (s.end - s.start)
    return find_rating("".join(text), "".join(norm))


def _legend_lines(bodies: list[str], rules: CleaningRules) -> set[int]:
    """Indices of the lines that spell out the critic's rating scale: a line with several
    grades ("**** = ... *** = ...", "5 stars: must see. 4 stars: ..."), or two or more lines
    in a row that each open with one."""
    entries = [legend_entries(body) for body in bodies]
    opens = [n > 0 and bool(LEGEND_ENTRY.match(body)) for n, body in zip(entries, bodies)]
    out = {i for i, n in enumerate(entries) if n >= LEGEND_MIN_ENTRIES}
    # a key on one line, as the rating finder reads it ("How I rate: asterisks out of five,
    # because ... ***** essential · **** strong · ...", "★★★★★ masterpiece · ★★★★ excellent ·
    # ..."), when the furniture's words do not name it; not a review pasted as one line that
    # holds a key
    out |= {i for i, body in enumerate(bodies)
            if len(body.split()) <= _KEY_WORDS and _KEY_SIGN.search(body) and is_rating_key(body)
            and (len(body.split()) > rules.max_line_words or not rules.boilerplate_reason(body))}
    out |= key_entry_lines(bodies)  # "★★★★★ – cleared my schedule" / "★★★★ – really good, go"
    for i, starts in enumerate(opens):
        if starts and ((i > 0 and opens[i - 1]) or (i + 1 < len(opens) and opens[i + 1])):
            out.add(i)
    return out


def _mark_sentences(text: str, norm: str, line: Span, film_titles, rules: CleaningRules, adverts: FoundIndex,
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
    whole = norm[line.start:line.end].strip()
    in_emphasis, note = whole.startswith(("*", "_")) and whole.endswith(("*", "_")), None
    quoted = reported_speech(norm, line.start, line.end)
    def has_advert(k: int) -> bool:
        return k < len(line_sentences) and any(
            f.key == "advert" for f in adverts.within(line_sentences[k].start, line_sentences[k].end))

    for k, sentence in enumerate(line_sentences):
        body = norm[sentence.start : sentence.end]
        if rating and sentence.start <= rating.start < sentence.end:
            a, b = rating_phrase(norm, rating, sentence.start, sentence.end)
            if not (_prose_piece(norm, sentence.start, a) or _prose_piece(norm, b, sentence.end)):
                # The rating as a sentence of its own inside prose ("... his best. 3 stars. A ...")
                out.set_aside.append(SetAside(sentence.start, sentence.end, RATING, RATING_REASON))
                continue
        if within(quoted, sentence.start, sentence.end):
            out.set_aside.append(SetAside(sentence.start, sentence.end, BOILERPLATE, rules.quoted_lines.reason))
            continue
        if check_sentences and (reason := note or (
                rules.boilerplate_reason(body) if len(body.split()) <= rules.max_sentence_words
                else rules.long_boilerplate_reason(body))):
            out.set_aside.append(SetAside(sentence.start, sentence.end, BOILERPLATE, reason))
            if reason in rules.outlet_reasons:
                out.outlet = out.outlet or outlet_named(body)
            # a note in emphasis that opens as furniture is furniture to its end ("*You're getting
            # this because you signed up ... If that's no longer you, there's a link below.*")
            note = note or (reason if in_emphasis and rules.long_boilerplate_reason(body) else None)
            previous_was_advert = False
            continue
        found = {f.key for f in adverts.within(sentence.start, sentence.end)}
        # (gambling or money as a film's subject is no advert: "a retired bookmaker")
        is_advert = "advert" in found or "topic" in found and "follow_on" in found
        if not is_advert and previous_was_advert:
            # after an advert, a sentence with its words, or in a short paragraph one between
            # two adverts ("... brought to you by Quillfeather Dice. Handmade sets for your
            # next campaign. Use code HOARD for ten per cent off.")
            names_film = any(t.lower() in body.lower() for t in film_titles)
            is_advert = ("follow_on" in found or (checked_whole and has_advert(k + 1))) and not names_film
        if is_advert:
            out.set_aside.append(SetAside(sentence.start, sentence.end, ADVERT, rules.advert_reason))
        kept += not is_advert
        previous_was_advert = is_advert
    return not kept


_RATED_IT = re.compile(r"\s+(?:rated|gave|scored)\s+(?:it|this)\s*$", re.I)


def _set_rating_aside(text: str, norm: str, line: Span, out: Cleaned, title_keys: set[str]) -> None:
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
            if m := BYLINE.match(norm[a:b]):  # "Review by cinephile_dan ★★★½"
                _take_byline(out, m)
                byline = (b - len(norm[a:b].lstrip()), b)
            elif (not out.author and a == line.start > 0
                  and PERSON_LINE.fullmatch(name := _RATED_IT.sub("", norm[a:b]).strip(_SEPARATORS))
                  and name.lower() not in title_keys):
                out.author = name  # the critic's name beside the stars: "Jo Lin   ★★★½", "Jo Lin rated it ★★"
                byline = (a + len(norm[a:b]) - len(norm[a:b].lstrip()), a + len(norm[a:b].rstrip()))
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


# A headline's "review:" before the rating it gives ("Harbour Lights review: Three stars for ...").
_REVIEW_COLON = re.compile(r"\breview\s*:", re.I)
# A headline that ends with the film's name in quotes ("Film Review: 'Harbour Lights'").
_QUOTED_TITLE_END = re.compile(r"(['\"])[^'\"]*[^'\".!?,;:\s]\1$")
# A title's year or certificate in brackets ("Harbour Lights (12A)", "Nightjar (2025)").
_YEAR_OR_CERTIFICATE = re.compile(r"\s*\((?:\d{4}|U|PG|12A?|15|18|R|PG-13|NC-17|G|NR)\)\s*$")


def _heading_beside_rating(text: str, norm: str, line: Span, title_keys: set[str], out: Cleaned,
                           heading: bool) -> bool:
    """The words beside the rating on a heading's line are the heading, not sentences of the
    review ("## Harbour Lights: four stars, and I'll argue with anyone", "Harbour Lights
    review: Three stars, and a ferry drama"); so is, on the first line, the film's name beside
    it ("The Lantern ****", "# Nightjar (2025) ★★★★")."""
    kept = out.line_sentences.get((line.start, line.end), [])
    if not kept or not heading and len(kept) != 1:
        return False
    body = norm[kept[0].start:kept[0].end]
    if not (heading or _MARKDOWN_HEADING.match(body) or _YEAR_OR_CERTIFICATE.sub("", body).strip().lower() in title_keys):
        return False
    for piece in kept:
        out.set_aside.append(SetAside(piece.start, piece.end, HEADING, HEADING_REASON))
    out.title = out.title or _MARKUP_AROUND.sub("", text[kept[0].start:kept[-1].end])
    out.line_sentences[(line.start, line.end)] = []
    return True


# A diary's date beside the stars: "Watched 20 Sep 2025 ★★½".
_DATED = re.compile(rf"(?:[A-Za-z]+\s+){{0,2}}(?:on\s+)?(?:{DATE}|\d{{1,2}}\s+{MONTH}|{MONTH}\s+\d{{1,2}})")
_TAG_WORDS = 3  # a diary's tag is a word or three ("IMAX", "with Dom")


# The site's own name for its rating, in capitals before it: "THE NUMBER: 88/100".
_OWN_LABEL = re.compile(r"[*_#\s]*(?:[A-Z][A-Z'’]*\s+){0,2}[A-Z][A-Z'’]+[*_\s]*")


def _own_label(norm: str, start: int, end: int) -> bool:
    """Is ``norm[start:end]`` a label in capitals whose colon opens the rating after it?"""
    return bool(_OWN_LABEL.fullmatch(norm[start:end])) and norm[end:end + 1] == ":"


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
    items = re.split(r"\s*[·•|]\s*", piece)
    if (len(words) < 2 or RATING_LEAD.fullmatch(piece) or _own_label(norm, start, end)
            or _RATING_WORDS.intersection(words) or _DATED.fullmatch(piece)
            or ((m := OUTLET.match(piece)) and not piece[m.end():].strip(" .!"))
            or (len(items) > 1 and all(len(item.split()) <= _TAG_WORDS for item in items))):
        return None  # (the last: a diary's tags, "♥ liked · IMAX · with Dom")
    return Span(start + lead, start + lead + len(piece))



def _take_byline(out: Cleaned, m: re.Match) -> None:
    author, outlet = byline_names(m)
    out.author = out.author or author
    out.outlet = out.outlet or outlet
