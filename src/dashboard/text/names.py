"""Is this a name? Every rule that must tell a name from a word asks here.

A token is read as part of a name by where its capital stands (``Tokens.inner_capitals``:
a capital inside a sentence), refined for aspect words (``capitalised_as_names``); a run of
words is a person's name by the patterns below, each for the frame it stands in (a credit
line, a byline, a character beside the actor who plays them).
"""

from __future__ import annotations

import re

from dashboard.text.language import alternation, words
from dashboard.text.tokens import Tokens

# A word of a person's name: a capital and any letters, apostrophes, initials' stops and
# hyphens ("O'Brien", "J.J.", "Jean-Luc"), or a particle of a surname ("de", "van").
NAME_WORD = rf"(?:[A-Z][\w'’.-]*|{alternation(words('names', 'particles'))})"
NAME = rf"{NAME_WORD}(?:\s+{NAME_WORD})*"
# Letters of names written in Latin script ("Seán", "Fhlannagáin", "Łukasz", "Balaș", "Nguyễn"):
# the extended blocks mix capitals and small letters.
_UPPER = "A-ZÀ-ÖØ-ÞĀ-Žƀ-ɏḀ-ỿ"
_LOWER = "a-zß-öø-ÿā-žƀ-ɏḀ-ỿ"
# A byline's name alone on its line, two or three words ("Peter Bradshaw", "Sam Okonkwo-Hale"),
# a particle before a surname ("Caoimhe Ní Fhlannagáin", "Ana de Armas"); one space between
# its words ("Follow    Subscribe" is a row of buttons).
PERSON_ALONE = (rf"[{_UPPER}][{_LOWER}'-]+(?:[ \t](?:(?:{alternation(words('names', 'particles'))})[ \t])?"
                rf"[{_UPPER}][{_LOWER}'.-]+(?:-[{_UPPER}][{_LOWER}']+)?){{1,2}}")
# A title before a name ("Dr Siobhan Marr-Tulloch", "Major (Retd) Hugh Calloway") and letters
# after one ("Hugh Calloway MBE", "Jo Lin, PhD"): a byline prints them, the name leaves them out.
_HONORIFIC = re.compile(rf"\b(?:{alternation(words('names', 'honorifics'))})\.?(?:\s+\((?i:retd?|retired)\.?\))?\s+"
                        rf"(?={PERSON_ALONE})")
_POST_NOMINALS = re.compile(rf"(?<=[^\W\d_])(?:,?\s+(?:{alternation(words('names', 'post_nominals'))})\.?)+(?![\w'’-])")


def without_titles(text: str) -> str:
    """``text`` without the titles before a name and the letters after it."""
    return _POST_NOMINALS.sub("", _HONORIFIC.sub("", text))


# A word's part in capitals: letters, after an apostrophe or a hyphen or not.
_CAPITALS_PART = re.compile(r"(['’]?)([^\W\d_]+)")


def title_key(title: str) -> str:
    """A film's title as it is compared, without "The", a year or marks: "The Second Cut
    (2025)", "Second Cut" and "SECOND-CUT" are one film."""
    title = re.sub(r"\s*\((?:19|20)\d\d\)\s*$", "", title.strip().lower())
    return re.sub(r"[\W_]+", "", re.sub(r"^\W*the\s+", "", title))


def names_the_film(name: str, titles) -> bool:
    """Is ``name`` one of the film's ``titles`` (``title_key``)? Such a line is no critic's name."""
    return bool(name) and title_key(name) in {title_key(t) for t in titles} - {""}


def from_capitals(text: str) -> str:
    """A name printed in capitals as it is written in a sentence: "MARA QUILL" -> "Mara Quill",
    "CORNERMAN'S NOTEBOOK" -> "Cornerman's Notebook", "O'BRIEN-HALE" -> "O'Brien-Hale"."""
    def part(m: re.Match) -> str:
        apostrophe, letters = m.groups()
        if apostrophe and len(letters) <= 2:
            return apostrophe + letters.lower()  # "'S", "'LL"
        return apostrophe + letters[0].upper() + letters[1:].lower()
    return _CAPITALS_PART.sub(part, text)


# Words that name a body, never a person ("Halverston City Libraries").
INSTITUTION_WORDS = frozenset(words("names", "institutions"))


def names_a_body(name: str) -> bool:
    """Does ``name`` name an institution rather than a person?"""
    return not INSTITUTION_WORDS.isdisjoint(name.replace("'", " ").split())


# Accounts that post for a site, not a person ("Posted by admin"), lower case.
NOT_PEOPLE = frozenset(words("names", "not_people"))
# In running prose a name's words are plain capitalised words: a stop after one ends the
# sentence ("as Eve."), so only an initial keeps its stop ("Daniel J. Miller").
PROSE_WORDS = rf"[{_UPPER}][{_LOWER}]+(?:\s[{_UPPER}][{_LOWER}]+)?"
PROSE_NAME_WITH_INITIAL = rf"[{_UPPER}][{_LOWER}]+(?:\s(?:[{_UPPER}][{_LOWER}]+|[A-Z]\.))?"
# An actor's name in brackets after their character: a first name and one or two more words
# ("Leonor (Salomé Furtado)").
ACTOR_IN_BRACKETS = rf"[{_UPPER}][{_LOWER}]+(?:\s[{_UPPER}][\w.'-]+){{1,2}}"
# The verbs that cast a performer in a part ("Rita Sotelo plays the senator's aide").
PLAYS = r"(?:plays|played|portrays|portrayed|voices|(?:co-)?stars\s+as)"


# A line is in title case when at least this share of its words of 4 letters or more
# (at least TITLE_CASE_WORDS of them) start with a capital: a headline, not prose.
TITLE_CASE_SHARE = 0.75
TITLE_CASE_WORDS = 4


def _long_words(words) -> list[str]:
    return [w for w in words if len(w) >= 4 and w.isalpha()]


def _title_case(long_words: list[str]) -> bool | None:
    """True for title case, False for sentence case, None when too few long words tell."""
    if len(long_words) < TITLE_CASE_WORDS:
        return None
    return sum(w[0].isupper() for w in long_words) >= TITLE_CASE_SHARE * len(long_words)


def in_sentence_case(line: str) -> bool:
    """Is the line written as a sentence ("A British monster movie that mistakes size for
    scale"), not as a title or a headline? Short lines tell neither, and are no sentence."""
    return _title_case(_long_words(re.findall(r"[^\W\d_]+", line))) is False


def in_title_case_lines(tokens: Tokens, among: frozenset[int]) -> frozenset[int]:
    """Those of the token indices ``among`` that stand on a line written in title case."""
    text, raw, starts = tokens.text, tokens.raw, tokens.starts
    verdicts: dict[int, bool] = {}
    found = []
    for i in among:
        line_start = text.rfind("\n", 0, starts[i]) + 1
        if (title := verdicts.get(line_start)) is None:
            line_end = text.find("\n", starts[i])
            words = [raw[j] for j in tokens.within(line_start, len(text) if line_end < 0 else line_end)]
            title = verdicts[line_start] = _title_case(_long_words(words)) is True
        if title:
            found.append(i)
    return frozenset(found)


def capitalised_as_names(tokens: Tokens) -> frozenset[int]:
    """Token indices of words written as part of a name or a title, which name no aspect:
    "Celine Song directs", "unlike Toy Story", "Sound of Metal". A capital inside a sentence
    marks one; so does a capital opening a sentence ("Song frames her actors") for a word
    the review writes with a capital inside sentences and never in lower case, unless a
    name follows it: "Director Todd Holland fails..." is the director. After "the" (not a
    title's "The" inside a sentence), a capital names a group or a title in the story ("the
    Cult's motivations", "The Cult, our antagonistic force,"), so the word keeps its sense."""
    raw, positions = tokens.raw, tokens.positions()
    capitals = tokens.inner_capitals()
    inner = frozenset(i for i in capitals if raw[i - 1] != "the" and (raw[i - 1] != "The" or i - 1 in capitals))
    if not inner:
        return inner
    # A headline in title case capitalises every word: no sign of a name elsewhere
    # ("... a Visually Overwhelming, Narratively Underpowered Space Saga" above "Narratively, the film...").
    named = inner - in_title_case_lines(tokens, inner)
    capitalised_only = [where for where in (positions[w] for w in {tokens.words[i] for i in named})
                        if all(raw[i][0].isupper() for i in where)]
    if not capitalised_only:
        return inner
    last = len(raw) - 1
    openers = {i for where in capitalised_only for i in where
               if i not in inner and not (i < last and raw[i + 1][0].isupper())}
    return inner | openers
