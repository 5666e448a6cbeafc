"""Film details a page gives: credit lines ("Directed by:", "Starring: A, B", "Dir: X | Cast:
Y"), details run into the review's first sentence, and the people they name."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Protocol

from dashboard.engine.cleaning_rules import CleaningRules, cleaning_rules
from dashboard.records import People
from dashboard.text.dates import DATE
from dashboard.text.language import words
from dashboard.text.names import NAME
from dashboard.text.normalize import normalize
from dashboard.text.segment import lines

DETAILS_REASON = "Film details (director, cast, release): facts, not opinion"


class Details(Protocol):
    """Where the details read are kept: each field's first value by its role, and the people."""

    metadata: dict[str, str]
    people: People


@dataclass
class _Found:
    metadata: dict[str, str] = field(default_factory=dict)
    people: People = field(default_factory=People)


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


def _record_metadata(out: Details, m: re.Match, role: str, is_list: bool) -> None:
    """Keep a metadata field's value (the first one given) and the names it lists."""
    value = m.group("value").strip()
    out.metadata.setdefault(role, value)
    for name in _split_names(value) if is_list else ():
        _add_person(out.people, role, name)


def _credits_line(body: str, rules: CleaningRules, out: Details) -> bool:
    """A line of credits in one run, "(director: X; screenwriter: Y; cast: A (Char), B)",
    "Dir: X | Writers: Y | Cast: A, B": two or more labelled fields separated by semicolons
    or bars; or a details line of sentences, at least half of them fields ("TITLE (15) 128
    mins. Director: X. Starring: A, B. Showing at: ...", "Directed by X. With A, B. USA, 141
    minutes.")."""
    fields = [f.strip(" ()") for f in re.split(r"[;|]", body)]
    least = 2
    if len(fields) == 1:
        fields = [f.strip(" ()").removesuffix(".") for f in _SENTENCE_END.split(body)]
        least = max(2, (len(fields) + 1) // 2)
    matched = []
    for field_text in fields:
        field_text = re.sub(r"^[^:(]*\(", "", field_text)  # "TITLE (director: X" -> "director: X"
        # a field with its label's colon, or a newspaper's without: "Directed by X. With A, B."
        if found := _metadata(field_text, rules, len(field_text.split())):
            matched.append(found)
    if len(matched) < least:
        return False
    for found in matched:
        _record_metadata(out, *found)
    return True


# After the last of several details, a date ends them; prose of at least this many words may follow.
_DATE_VALUE = re.compile(DATE, re.I)
_PROSE_AFTER_WORDS = 6


# A label of some other detail, which ends the one before it: "The story:", "Our take:".
_OTHER_LABEL = re.compile(r"(?<!\S)(?:(?:[Tt]he|[Oo]ur)\s+)?[A-Z][\w'-]*(?:\s+[a-z][\w'-]*)?\s*:(?=\s)")


def _fields(details: str, rules: CleaningRules) -> list[str]:
    """"Stars: A, B Writer: C The story: ..." -> ["Stars: A, B", "Writer: C", "The story: ..."]."""
    known = [m.span() for m in rules.field_label.finditer(details)]
    starts = sorted({a for a, _ in known} | {m.start() for m in _OTHER_LABEL.finditer(details)
                                             if not any(m.start() < b and m.end() > a for a, b in known)})
    return [details[a:b].strip() for a, b in zip(starts, starts[1:] + [len(details)])]


def _prose_after_fields(body: str, rules: CleaningRules) -> int | None:
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


def read_details(body: str, rules: CleaningRules, line_words: int, out: Details) -> int | None:
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


def _metadata(body: str, rules: CleaningRules, line_words: int) -> tuple[re.Match, str, bool] | None:
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


def credited_people(text: str) -> People:
    """The names the review's details give ("Starring: ...", "Directed by X"), read from the
    lines that may hold them alone, without cleaning the whole review."""
    rules, out, norm = cleaning_rules(), _Found(), normalize(text)
    for line in lines(norm):
        body = norm[line.start:line.end]
        if rules.names_people.search(body):
            read_details(body, rules, len(body.split()), out)
    return out.people
