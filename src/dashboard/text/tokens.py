"""Words of a review with their offsets, found once and shared.

The scorer, the aspect word lists, the opinion word lists and the names of cast and crew
all read the same tokens of a review's normalised text (``textnorm.normalize`` keeps
offsets), instead of each running its own patterns over every sentence: one pass of one
compiled pattern per review, then dictionary lookups.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

# Words (with inner apostrophes and hyphens), numbers, the punctuation that closes a
# clause, and a dash standing alone ("does n't" keeps "n't" apart).
# Invisible characters web pages put inside words (soft hyphen, zero-width space and
# joiners, word joiner, byte-order mark) join the word's parts: "sup\u00aderb" is "superb".
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
TOKEN = re.compile(rf"[^\W_]+(?:['\-{_INVISIBLE}][^\W_]+)*|[.,;:!?()]|(?<![^\W_])-(?![^\W_])")
_DROP_INVISIBLE = str.maketrans("", "", _INVISIBLE)
_SPAN = re.Match.span
# After these a capital opens a sentence, a clause or a quotation; elsewhere it marks a name.
_OPENING_PUNCT = frozenset(".!?:;-")
# The text is normalised (no curly quotes). A closing bracket, a bullet or markdown's bold
# before a word also opens a line's text: "[09:30] Soundtrack is", "* Plot: thin", "**The".
_OPENING_GAP = re.compile(r"[\n\"'\]*•|#>]")


@dataclass(slots=True, eq=False)
class Tokens:
    """The tokens of ``text`` (already normalised): as written, lower-cased, and offsets."""

    text: str
    raw: list[str]
    words: list[str]
    starts: list[int]
    ends: list[int]
    _positions: dict | None = None
    _heads: dict | None = None
    _capitals: frozenset | None = None

    def positions(self) -> dict[str, list[int]]:
        """Each distinct (lower-cased) word and where it stands: word lists are looked up
        once per word, not once per occurrence."""
        if self._positions is None:
            index: dict[str, list[int]] = {}
            for i, word in enumerate(self.words):
                where = index.get(word)
                if where is None:
                    index[word] = [i]
                else:
                    where.append(i)
            self._positions = index
        return self._positions

    def apostrophe_heads(self) -> dict[str, list[str]]:
        """Words with an apostrophe ("it'll", "wiseman's") by the word before it."""
        if self._heads is None:
            self._heads = {}
            for word in self.positions():
                if "'" in word:
                    self._heads.setdefault(word[: word.index("'")], []).append(word)
        return self._heads

    def inner_capitals(self) -> frozenset[int]:
        """Indices of the capitalised words inside a sentence ("Halsey", "Die Hard", "Oscar"):
        names of people, films and places. Not the first word of a sentence, a line, a
        clause after a colon or a quotation, not "I" and not a word in capitals."""
        if self._capitals is None:
            raw, words, text, starts, ends = self.raw, self.words, self.text, self.starts, self.ends
            self._capitals = frozenset(
                i for i in range(1, len(raw))
                if raw[i][0].isupper() and not raw[i].isupper()
                and words[i] != "i" and not words[i].startswith("i'")
                and raw[i - 1] not in _OPENING_PUNCT and not _OPENING_GAP.search(text, ends[i - 1], starts[i])
            )
        return self._capitals

    def __len__(self) -> int:
        return len(self.words)

    def within(self, start: int, end: int) -> range:
        """Indices of the tokens inside ``text[start:end]``."""
        first = bisect_left(self.starts, start)
        last = bisect_left(self.starts, end, first)
        while last > first and self.ends[last - 1] > end:
            last -= 1
        return range(first, last)


def tokenize(norm: str) -> Tokens:
    raw = TOKEN.findall(norm)
    if not raw:
        return Tokens(norm, [], [], [], [])
    starts, ends = map(list, zip(*map(_SPAN, TOKEN.finditer(norm))))
    # Each token lower-cased on its own: cheaper than a third pass of the pattern.
    words = list(map(str.lower, raw))
    if not norm.isascii() and any(ch in norm for ch in _INVISIBLE):
        words = [w.translate(_DROP_INVISIBLE) for w in words]
    return Tokens(norm, raw, words, starts, ends)
