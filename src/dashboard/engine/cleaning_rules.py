"""The cleaner's rules as ``cleaning.toml`` writes them, read once, and the shapes of a
page's lines that the cleaner's readers (bylines, outlets, credits) share."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from dashboard.text.dates import DAY_NAME, MONTH_NAME
from dashboard.text.language import alternation, load_resource
from dashboard.text.terms import TermLists

EMOJI = "\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\ufe0f\u200d"
# Emoji after a line's last word ("Bring tissues! 😭🔦"): its end is the word's.
TRAILING_EMOJI = re.compile(rf"[\s{EMOJI}]+$")
ENDS_SENTENCE = re.compile(rf"[.!?][\"')]*[\s{EMOJI}]*$")
_DAY_OR_MONTH = re.compile(rf"(?:{DAY_NAME}|{MONTH_NAME})$")


@dataclass(frozen=True)
class FurnitureKind:
    """A kind of page furniture ``cleaning.toml`` finds by one pattern: the pattern, why it
    is set aside, and the longest line it fits (0: any)."""

    pattern: re.Pattern[str]
    reason: str
    max_words: int = 0

    @classmethod
    def read(cls, data: dict, key: str = "pattern", flags: int = re.I) -> "FurnitureKind":
        return cls(re.compile(data[key], flags), data["reason"], int(data.get("max_words", 0)))


@dataclass(frozen=True)
class CleaningRules:
    boilerplate: tuple[tuple[re.Pattern[str], str], ...]
    long_boilerplate: tuple[tuple[re.Pattern[str], str], ...]  # furniture whose sentences may be long
    outlet_reasons: frozenset[str]  # boilerplate that may name the outlet ("only here on Indori Nerd")
    critic_reasons: frozenset[str]  # boilerplate that may name the critic ("Jo Lin is The Courier's film critic")
    metadata: tuple[tuple[re.Pattern[str], str, bool], ...]
    bare_metadata: tuple[tuple[re.Pattern[str], str, bool], ...]  # credits without a colon
    field_label: re.Pattern[str]  # any metadata label with its colon, wherever it stands
    names_people: re.Pattern[str]  # a label or credit that lists people, wherever it stands
    advert_words: TermLists  # keys "advert", "topic" and "follow_on"
    advert_reason: str
    max_line_words: int
    max_sentence_words: int
    legend_reason: str
    summary_label: re.Pattern[str]
    summary_label_within: re.Pattern[str]  # the same, anywhere in a line
    # Kinds of furniture each found by one pattern (a section of ``cleaning.toml``):
    link_lists: FurnitureKind     # a heading over links to other articles
    another_post: re.Pattern[str]  # a line that is a link to another post
    comments: FurnitureKind       # a heading over readers' comments
    round_up: FurnitureKind       # a heading over other films' short reviews
    round_up_label: re.Pattern[str]  # a line of them ("Quick takes: ...")
    quoted_lines: FurnitureKind   # a quotation on a line of its own
    others_say: FurnitureKind     # a heading over another critic's words
    consent: FurnitureKind        # a cookie notice
    skip_link: re.Pattern[str]    # a link to skip the menus, which may stand above it
    web_archive: FurnitureKind    # the last line of a web archive's toolbar
    print_margins: FurnitureKind  # a printed page's header and footer
    embedded_post: FurnitureKind  # a social post's author line
    embed_marker: re.Pattern[str]  # and the other lines its embed leaves
    page_footer: FurnitureKind    # a heading of the page's footer
    author_bio: FurnitureKind     # a line about the critic
    record_field: FurnitureKind   # a catalogue's field laid out in columns
    record_outlet: re.Pattern[str]  # such a field naming the outlet: the name in ``outlet``
    pros: re.Pattern[str]
    cons: re.Pattern[str]
    plot_heading: re.Pattern[str]
    platforms: frozenset[str]
    share_actions: frozenset[str]
    byline_roles: frozenset[str]
    sections: frozenset[str]

    def is_outlet(self, name: str) -> bool:
        """Not a platform ("on Instagram"), a share bar's button, a critic's role ("Staff
        Writer"), a day or a month."""
        lower = name.lower()
        words = lower.split()
        return (bool(words) and lower not in self.platforms and lower not in self.share_actions
                and words[-1] not in self.byline_roles and not _DAY_OR_MONTH.match(name))

    def is_page_label(self, name: str, title_keys=frozenset()) -> bool:
        """Is a line shaped like a person's name the film's title, a button ("Listen Live")
        or a section's words ("Movie Review"), and so no critic?"""
        lower = name.lower()
        return lower in title_keys or lower in self.share_actions or not self.sections.isdisjoint(lower.split())

    def list_heading(self, line: str) -> int:
        """+1 for a heading over a list of praise ("Pros:"), -1 over criticism, else 0."""
        return 1 if self.pros.match(line) else -1 if self.cons.match(line) else 0

    def boilerplate_reason(self, text: str) -> str | None:
        return next((reason for pattern, reason in self.boilerplate if pattern.search(text)), None)

    def long_boilerplate_reason(self, text: str) -> str | None:
        """Of the furniture that may run to any length (``any_length``), the kind ``text`` is."""
        return next((reason for pattern, reason in self.long_boilerplate if pattern.search(text)), None)


@lru_cache(maxsize=1)
def cleaning_rules() -> CleaningRules:
    data = load_resource("cleaning.toml")
    return CleaningRules(
        boilerplate=tuple((re.compile(b["pattern"], re.I), b["reason"]) for b in data["boilerplate"]),
        long_boilerplate=tuple((re.compile(b["pattern"], re.I), b["reason"]) for b in data["boilerplate"]
                               if b.get("any_length")),
        outlet_reasons=frozenset(b["reason"] for b in data["boilerplate"] if b.get("names_outlet")),
        critic_reasons=frozenset(b["reason"] for b in data["boilerplate"] if b.get("names_critic")),
        metadata=tuple(
            # the label's bold closed after its colon: "- **Starring:** Ana Ruiz, Tom Bell"
            (re.compile(r"^\W*" + m["label"] + r"\s*:(?:[*_]{1,3}(?=\s))?\s*(?P<value>.+)$", re.I), m["role"],
             bool(m["list"]))
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
        advert_words=TermLists({"advert": data["advert"]["terms"], "topic": data["advert"]["topics"],
                                "follow_on": data["advert"]["follow_on"]}, strict_edges=False),
        advert_reason=data["advert"]["reason"],
        max_line_words=int(data.get("max_words", 30)),
        max_sentence_words=int(data.get("max_sentence_words", 20)),
        legend_reason=data["rating_legend"]["reason"],
        summary_label=re.compile(r"[\W_]*(?:" + data["summary_label"]["pattern"] + r")[\s*_]*", re.I),
        summary_label_within=re.compile(r"(?<!\w)(?:" + data["summary_label"]["pattern"] + r")[\s*_]*", re.I),
        link_lists=FurnitureKind.read(data["link_lists"], "heading"),
        another_post=re.compile(data["link_lists"]["another_post"], re.I),
        comments=FurnitureKind.read(data["comments"], "heading"),
        round_up=FurnitureKind.read(data["round_up"], "heading"),
        round_up_label=re.compile(data["round_up"]["label"], re.I),
        quoted_lines=FurnitureKind.read(data["quoted_lines"], "quotation", flags=0),
        others_say=FurnitureKind.read(data["others_say"], "heading"),
        consent=FurnitureKind.read(data["consent"]),
        skip_link=re.compile(data["consent"]["skip_link"], re.I),
        web_archive=FurnitureKind.read(data["web_archive"]),
        print_margins=FurnitureKind.read(data["print_margins"]),
        embedded_post=FurnitureKind.read(data["embedded_post"]),
        embed_marker=re.compile(data["embedded_post"]["marker"], re.I),
        page_footer=FurnitureKind.read(data["page_footer"], "heading"),
        author_bio=FurnitureKind.read(data["author_bio"], "label"),
        record_field=FurnitureKind.read(data["record_field"]),
        record_outlet=re.compile(rf"\W*{data['record_field']['outlet_label']}:\s+(?P<outlet>[^()\n]+?)\s*(?:\(.*)?$",
                                 re.I),
        pros=re.compile(rf"^\W*(?:{alternation(data['list_headings']['pros'])})\s*:?\s*$", re.I),
        cons=re.compile(rf"^\W*(?:{alternation(data['list_headings']['cons'])})\s*:?\s*$", re.I),
        plot_heading=re.compile(
            rf"^\W*(?:\d+[.)]\s*)?(?:(?:{alternation(data['plot_heading']['before'])})\s+)*"
            rf"(?:{alternation(data['plot_heading']['names'])})\b", re.I),
        platforms=frozenset(p.lower() for p in data["platforms"]["names"]),
        share_actions=frozenset(a.lower() for a in data["share_bar"]["actions"]),
        byline_roles=frozenset(r.lower() for r in data["byline_roles"]["names"]),
        sections=frozenset(s.lower() for s in data["breadcrumb"]["sections"]),
    )
