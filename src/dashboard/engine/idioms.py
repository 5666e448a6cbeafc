"""Set phrases whose words mean something else together ("I can't recommend it highly
enough", "I kept checking my watch", "the jokes land").

Word by word, such a phrase reads wrongly: the negation in "can't recommend ... enough"
turns the praise into criticism, "checked my watch" carries no judgement at all. The
phrases and their weights are data (``[idioms]`` in ``lexicon.toml``); the scorer reads a
phrase it finds as one cue with that weight instead of its words' own.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

GAP = "*"


@dataclass(frozen=True, slots=True)
class Idiom:
    # Each part is the set of words that may stand there; ``None`` is a gap of up to
    # ``Idioms.gap`` words of the same clause.
    parts: tuple[frozenset | None, ...]
    weight: float


@dataclass(frozen=True)
class Idioms:
    by_first_word: Mapping[str, tuple[Idiom, ...]]
    gap: int = 3

    @property
    def first_words(self) -> frozenset:
        return frozenset(self.by_first_word)


NO_IDIOMS = Idioms({})


def compile_idioms(section: Mapping) -> Idioms:
    """``[idioms]``: ``gap`` and a table of phrase -> weight. A phrase is words in order;
    "a|b" allows either word, "*" a gap. Its first part must be words, not a gap."""
    found: dict[str, list[Idiom]] = {}
    for phrase, weight in section.get("phrases", {}).items():
        parts = tuple(None if p == GAP else frozenset(p.lower().split("|")) for p in phrase.split())
        if not parts or parts[0] is None:
            raise ValueError(f"an idiom must start with a word: {phrase!r}")
        idiom = Idiom(parts, float(weight))
        for word in parts[0]:
            found.setdefault(word, []).append(idiom)
    # Of the phrases opening with one word, the longest is tried first: "not say enough
    # good things" before "not say enough".
    by_first = {w: tuple(sorted(ids, key=lambda i: -len(i.parts))) for w, ids in found.items()}
    return Idioms(by_first, int(section.get("gap", 3)))


def find_idioms(canon: Sequence[str], idioms: Idioms, stops: frozenset) -> list[tuple[int, int, Idiom]]:
    """``(first, last, idiom)`` for each phrase found in ``canon`` (the scorer's reading of
    the words: every "n't" is "not"), left to right, never overlapping. A gap never
    crosses a word of ``stops`` (punctuation, negators, contrast words): "the jokes don't
    land" is not "the jokes ... land"."""
    out = []
    i, n = 0, len(canon)
    by_first = idioms.by_first_word
    while i < n:
        for idiom in by_first.get(canon[i], ()):
            last = _match(canon, i, idiom.parts, idioms.gap, stops)
            if last is not None:
                out.append((i, last, idiom))
                i = last
                break
        i += 1
    return out


def _match(canon: Sequence[str], at: int, parts, gap: int, stops: frozenset) -> int | None:
    """The index of the last word of ``parts`` matched from ``at``, or None."""
    if not parts:
        return at - 1
    part, rest = parts[0], parts[1:]
    if part is None:
        for skip in range(gap + 1):
            last = _match(canon, at + skip, rest, gap, stops)
            if last is not None:
                return last
            if at + skip >= len(canon) or canon[at + skip] in stops:
                return None
        return None
    if at < len(canon) and canon[at] in part:
        return _match(canon, at + 1, rest, gap, stops)
    return None
