"""Word lists found in one pass over a review's tokens.

A term list is data (``aspects.toml``, ``opinion.toml``, names of cast and crew), written
in one small syntax:

* ``word`` or ``two words``: whole words, case-insensitive, with any plural or possessive
  ending on the last word ("actor" finds "actors", "actor's");
* ``word*``: any ending on the last word ("choreograph*");
* ``^words``: only as the first words of a sentence or clause;
* ``re:PATTERN``: a regular expression, for what words cannot say.

Plain terms are looked up word by word in dictionaries (a word's candidates are worked out
once and remembered), so a review costs one tokenisation plus a lookup per word, however
long the lists. Asked for a sentence or clause (``FoundIndex``), a list's matches inside
it are leftmost-longest and do not overlap, as one regular expression of the list run on
that sentence would give.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Mapping, Sequence

from dashboard.text.tokens import TOKEN, Tokens

PLURAL, PREFIX, POSSESSIVE = "plural", "prefix", "possessive"
_PLURAL_ENDINGS = ("'s", "es", "s")
_WORD_CACHE_LIMIT = 100_000
_JOINERS = ("-", "_")  # a word joined to another by these is part of it
_BOUNDARY_THEN_WORD = re.compile(r"\\b([A-Za-z]+)")  # a pattern term opening "\bwhen \w+ was"


@dataclass(frozen=True, slots=True)
class Found:
    """One term found: ``text[start:end]`` is an item of list ``key``."""

    key: str
    start: int
    end: int
    at_start_only: bool = False


@dataclass(frozen=True, slots=True)
class _Term:
    key: str
    words: tuple[str, ...]    # lower-cased: how the term is looked up
    last: str                 # how the last word may end: PLURAL, PREFIX or POSSESSIVE
    at_start_only: bool
    written: tuple[str, ...]  # as written, for case-sensitive lists
    spaced: tuple[bool, ...]  # white space (not nothing) between word j and j + 1


class TermLists:
    """Named term lists (``key -> terms``), compiled for one pass over a review's tokens.

    ``case_sensitive`` for names ("Eve" the heroine, not "eve" of a holiday), whose last
    word may take a possessive ending only. ``strict_edges``: a word joined by a hyphen
    to another is not the word itself ("action-packed" is not "action"); without it,
    hyphenated parts count ("well-made" has "well").
    """

    def __init__(self, lists: Mapping[str, Iterable[str]], case_sensitive: bool = False,
                 strict_edges: bool = True) -> None:
        self.keys = tuple(lists)
        self.case_sensitive = case_sensitive
        self.strict_edges = strict_edges
        self._single: dict[str, list[_Term]] = {}
        self._prefix: dict[str, list[_Term]] = {}
        # Phrases by first word, then by second word (or, when the second word is a last
        # word with any ending, in a short list to try one by one).
        self._multi: dict[str, dict[str, list[_Term]]] = {}
        self._multi_open: dict[str, list[_Term]] = {}
        self._cache: dict[str, tuple] = {}
        regex_parts: dict[str, list[str]] = {}
        for key, terms in lists.items():
            for term in terms:
                self._add(key, term.strip(), regex_parts)
        flags = 0 if case_sensitive else re.I
        # A pattern that opens with a plain word is compiled on its own and tried only on a
        # review that holds that word (a substring test is far quicker than the pattern, and
        # a pattern that opens with a word is found far quicker than a choice of several);
        # one that opens with a choice of words ("\b(?:every|each|such) shot") is one such
        # pattern per word. The others (openers None) are tried together on every review.
        self._regexes = []
        for key, parts in regex_parts.items():
            ungated = []
            for piece in (piece for part in parts for piece in _one_per_opening_word(part)):
                if (openers := _opening_words([piece], case_sensitive)) is None:
                    ungated.append(piece)
                else:
                    self._regexes.append((key, re.compile(piece, flags), openers))
            if ungated:
                self._regexes.append((key, re.compile("|".join(ungated), flags), None))
        self._prefix_lengths = sorted({len(p) for p in self._prefix})
        firsts = set(self._single) | set(self._prefix) | set(self._multi) | set(self._multi_open)
        self.empty = not firsts and not self._regexes
        # A short list with no "*" terms (a film's names) asks the review for its own few
        # words instead of looking up every word of the review.
        self._forms = None
        if len(firsts) < 64 and not self._prefix and not self._multi_open and strict_edges:
            self._forms = [(first, tuple(first + e for e in ("", *self._endings()))) for first in firsts]
        # First characters a matching word can have: most words are ruled out at once
        # (not when parts of hyphenated words count: any word may hold one).
        self._initials = frozenset(k[:1] for k in firsts) if strict_edges else None

    # ---------------------------------------------------------------- compiling
    def _add(self, key: str, term: str, regex_parts: dict[str, list[str]]) -> None:
        parsed = _parse_term(term, self.case_sensitive)
        if parsed is None:
            return
        if isinstance(parsed, str):
            regex_parts.setdefault(key, []).append(parsed)
            return
        words, last, at_start_only, written, spaced = parsed
        entry = _Term(key, words, last, at_start_only, written, spaced)
        if len(words) == 1:
            (self._prefix if last == PREFIX else self._single).setdefault(words[0], []).append(entry)
        elif len(words) == 2 and last == PREFIX:
            self._multi_open.setdefault(words[0], []).append(entry)
        else:
            # A two-word phrase's second word may take an ending: each form is a key.
            by_second = self._multi.setdefault(words[0], {})
            endings = ("",) if len(words) > 2 else ("", *self._endings())
            for ending in endings:
                by_second.setdefault(words[1] + ending, []).append(entry)

    # ---------------------------------------------------------------- lookups
    def _endings(self) -> tuple[str, ...]:
        return ("'s",) if self.case_sensitive else _PLURAL_ENDINGS

    def _word_matches(self, word: str) -> list[tuple[_Term, int]]:
        """Single-word terms ``word`` is, each with the length of ``word`` it covers."""
        out: list[tuple[_Term, int]] = []
        for entry in self._single.get(word, ()):
            out.append((entry, len(word)))
        for ending in self._endings():
            if word.endswith(ending) and len(word) > len(ending):
                for entry in self._single.get(word[: -len(ending)], ()):
                    out.append((entry, len(word)))
        for length in self._prefix_lengths:
            if length > len(word):
                break
            for entry in self._prefix.get(word[:length], ()):
                out.append((entry, len(word)))
        return out

    def _lookup(self, word: str) -> tuple:
        """(single-word matches, phrases that may start here), remembered per word."""
        found = self._cache.get(word)
        if found is not None:
            return found
        singles = [(e, 0, n) for e, n in self._word_matches(word)]
        if "'" in word:
            # "it'll", "Wiseman's": the word before the apostrophe, as a pattern would see it.
            head = word[: word.index("'")]
            singles += [(e, 0, n if word[len(head):] != "'s" else len(word))
                        for e, n in self._word_matches(head) if n == len(head)]
        if not self.strict_edges and "-" in word:
            offset = 0
            for part in word.split("-"):
                singles += [(e, offset, offset + n) for e, n in self._word_matches(part) if n == len(part)]
                offset += len(part) + 1
        phrases = self._multi.get(word), self._multi_open.get(word, ())
        found = (tuple(singles), phrases) if singles or phrases[0] or phrases[1] else ()
        if len(self._cache) < _WORD_CACHE_LIMIT:
            self._cache[word] = found
        return found

    def opens_a_term(self, word: str) -> bool:
        """Does a word term (not a ``re:`` pattern) start with ``word`` (lower case, as a
        token reads)?"""
        return bool(self._lookup(word))

    @staticmethod
    def _phrases_at(phrases, words: list[str], i: int) -> list[_Term]:
        """Phrases whose second word fits the word after token ``i``."""
        by_second, open_ended = phrases
        if i + 1 >= len(words):
            return []
        fitting = by_second.get(words[i + 1], ()) if by_second else ()
        return [*open_ended, *fitting] if open_ended else fitting

    def _last_word_ok(self, entry: _Term, word: str) -> bool:
        target = entry.words[-1]
        if entry.last == PREFIX:
            return word.startswith(target)
        return word == target or any(word == target + e for e in self._endings())

    def _written_as(self, entry: _Term, raw: list[str], i: int) -> bool:
        """Case-sensitive lists: the words as written (any ending on the last)."""
        return all(raw[i + j].startswith(w) for j, w in enumerate(entry.written))

    # ---------------------------------------------------------------- finding
    def find(self, tokens: Tokens) -> list[Found]:
        """Every place a term of a list fits in ``tokens``, sorted by position; overlapping
        ones too (``FoundIndex`` settles them span by span, as a pattern run on each
        sentence alone would)."""
        if self.empty:
            return []
        words, raw = tokens.words, tokens.raw
        starts, ends, text = tokens.starts, tokens.ends, tokens.text
        candidates: list[tuple[int, int, _Term]] = []
        lookup, remembered = self._lookup, self._cache.get
        initials = self._initials
        check_case = self.case_sensitive
        index = tokens.positions()
        for word in self._words_to_try(tokens) if self._forms is not None else index:
            if initials is not None and word[:1] not in initials:
                continue
            hit = remembered(word)
            if hit is None:
                hit = lookup(word)
            if not hit:
                continue
            singles, phrases = hit
            for i in index[word]:
                s = starts[i]
                for entry, a, b in singles:
                    if not check_case or self._written_as(entry, raw, i):
                        candidates.append((s + a, s + b, entry))
                if phrases[0] or phrases[1]:
                    for entry in self._phrases_at(phrases, words, i):
                        k = len(entry.words)
                        if self._phrase_follows(entry, words, text, starts, ends, i) and (
                                not check_case or self._written_as(entry, raw, i)):
                            candidates.append((s, ends[i + k - 1], entry))
        if self.strict_edges:
            candidates = [c for c in candidates
                          if text[c[0] - 1:c[0]] not in _JOINERS and text[c[1]:c[1] + 1] not in _JOINERS]
        out = [Found(e.key, a, b, e.at_start_only) for a, b, e in candidates]
        if self._regexes:
            folded = text if self.case_sensitive else text.lower()
            for key, pattern, openers in self._regexes:
                if openers is None or any(w in folded for w in openers):
                    out.extend(Found(key, m.start(), m.end()) for m in pattern.finditer(text) if m.end() > m.start())
        out.sort(key=lambda f: (f.start, -f.end))
        return out

    def _words_to_try(self, tokens: Tokens) -> set[str]:
        """The review's words that may be one of a short list's words."""
        index, heads = tokens.positions(), tokens.apostrophe_heads()
        out = set()
        for first, forms in self._forms:
            out.update(form for form in forms if form in index)
            out.update(heads.get(first, ()))
        return out

    def _phrase_follows(self, entry: _Term, words, text: str, starts, ends, i: int) -> bool:
        """Do the words after token ``i`` complete the phrase ``entry`` (white space between)?"""
        k = len(entry.words)
        if i + k > len(words):
            return False
        for j in range(1, k):
            gap = text[ends[i + j - 1]:starts[i + j]]
            if (not gap or not gap.isspace()) if entry.spaced[j - 1] else gap:
                return False  # "J.J." has no space inside, "Ana de Armas" one or more
            if j < k - 1 and words[i + j] != entry.words[j]:
                return False
        return self._last_word_ok(entry, words[i + k - 1])


@lru_cache(maxsize=65_536)
def _parse_term(term: str, case_sensitive: bool):
    """A term as (words, last, at_start_only, written, spaced), or as a pattern (a string),
    or None for an empty one. Remembered: a film's names recur in every batch."""
    term = term.strip()
    if not term:
        return None
    if term.startswith("re:"):
        return f"(?:{_word_first(term[3:])})"
    at_start_only = term.startswith("^")
    term = term.lstrip("^").strip()
    last = PREFIX if term.endswith("*") else POSSESSIVE if case_sensitive else PLURAL
    body = " ".join(term.rstrip("*").split())
    pieces = [(m.group(), m.start(), m.end()) for m in TOKEN.finditer(body)]
    gaps = [body[a[2]:b[1]] for a, b in zip(pieces, pieces[1:])]
    if not pieces or pieces[0][1] or pieces[-1][2] != len(body) or any(g not in ("", " ") for g in gaps):
        # Characters no word is made of ("M*A*S*H", "9/11"): a pattern instead, with its
        # look-behind after its first character when it can be (see ``_word_first``).
        first, rest = (body[0], body[1:]) if body[0].isalnum() else ("", body)
        escaped = re.escape(rest).replace(r"\ ", r"\s+")
        opening = rf"{re.escape(first)}(?<![\w-]{re.escape(first)})" if first else r"(?<![\w-])"
        tail = r"[\w'-]*" if last == PREFIX else r"(?:'s|')?" if last == POSSESSIVE else r"(?:'s|s|es)?"
        return rf"{opening}{escaped}{tail}(?![\w-])"
    written = tuple(p[0] for p in pieces)
    return tuple(w.lower() for w in written), last, at_start_only, written, tuple(g == " " for g in gaps)


def _word_first(pattern: str) -> str:
    r"""The same pattern with its opening word boundary moved behind its opening word:
    "\bwhen \w+" -> "when(?<!\wwhen) \w+". Python's regular expressions find a pattern that
    opens with a word at once, but try one that opens with a boundary at every character
    of the review (three to twenty times slower)."""
    m = _BOUNDARY_THEN_WORD.match(pattern)
    if not m:
        return pattern
    word, rest = m.group(1), pattern[m.end():]
    if rest[:1] in ("?", "*", "+", "{"):
        word, rest = word[:-1], word[-1] + rest  # "\bruns?": the "s" may be absent
    return f"{word}(?<!\\w{word}){rest}" if word else pattern


_OPENING_WORD = re.compile(r"\(\?:([A-Za-z]+)(?![A-Za-z?*+{])")
# A pattern opening with a choice of plain words: "\b(?:every|each|such)\s+shot".
_OPENING_CHOICE = re.compile(r"\(\?:\\b\(\?:([A-Za-z]+(?:[|-][A-Za-z]+)*)\)(?![?*+{])")


def _one_per_opening_word(part: str) -> list[str]:
    """A compiled pattern term that opens with a choice of words, as one pattern per word
    (each then compiled word first); any other, as it is."""
    m = _OPENING_CHOICE.match(part)
    if m is None or _has_top_level_choice(part[3:-1]):
        return [part]
    rest = part[m.end():-1]
    return ["(?:" + _word_first(r"\b" + word + rest) + ")" for word in m.group(1).split("|")]


def _opening_words(parts: list[str], case_sensitive: bool) -> tuple[str, ...] | None:
    r"""The plain word each pattern of ``parts`` must open with ("(?:when(?<!\wwhen) ..."
    opens with "when"), lower-cased unless the list is case-sensitive; None when one may
    open with anything else (it opens otherwise, or holds a "|" of its own at the top): a
    text without those words cannot match."""
    words = []
    for part in parts:
        m = _OPENING_WORD.match(part)
        if m is None or _has_top_level_choice(part[3:-1]):
            return None
        words.append(m.group(1) if case_sensitive else m.group(1).lower())
    return tuple(dict.fromkeys(words))


def _has_top_level_choice(pattern: str) -> bool:
    """Does ``pattern`` hold a "|" outside its groups and character classes?"""
    depth, in_class, i = 0, False, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            # a "]" first in a class ("[]x]", "[^]x]") is one of its characters
            i += pattern.startswith("^", i + 1)
            i += pattern.startswith("]", i + 1)
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            return True
        i += 1
    return False


def _leftmost_longest(found: list[Found]) -> list[Found]:
    """Per list, drop matches overlapping an earlier (or, at the same start, longer) one;
    ``found`` is sorted by start, longest first."""
    reach: dict[str, int] = {}
    out = []
    for f in found:
        if f.start >= reach.get(f.key, -1):
            out.append(f)
            reach[f.key] = f.end
    return out


class FoundIndex:
    """A review's matches, asked span by span (a sentence or a clause)."""

    def __init__(self, found: Sequence[Found], tokens: Tokens) -> None:
        self.found = found
        self.tokens = tokens
        self._starts = [f.start for f in found]

    def within(self, start: int, end: int) -> list[Found]:
        """Matches inside ``[start, end)``, leftmost-longest per list; ``^`` terms only at
        its first word."""
        i = bisect_left(self._starts, start)
        out = []
        while i < len(self.found) and self._starts[i] < end:
            f = self.found[i]
            if f.end <= end and (not f.at_start_only or self._first_word(start, end) == f.start):
                out.append(f)
            i += 1
        return _leftmost_longest(out)

    def _first_word(self, start: int, end: int) -> int:
        words = self.tokens.words
        return next((self.tokens.starts[i] for i in self.tokens.within(start, end) if words[i][:1].isalnum()), -1)
