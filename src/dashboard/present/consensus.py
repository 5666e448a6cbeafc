"""The critics' consensus in plain words: two or three sentences built from the aspects
table, no language model. What most critics praise, where they split, what draws the most
criticism, each with counts ("3 of 4 critics praise the action").

A critic praises an aspect when their score for it is in the favourable band, criticises
it in the unfavourable band (the colours every page shows); in between, they are mixed
about it. The sentences come as parts, text and aspects, so that a page can link each
aspect named to its quotes; ``plain`` joins them.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.present.views import FAVOURABLE, MIN_REVIEWS_FOR_CONSENSUS, UNFAVOURABLE, band
from dashboard.text.wording import count

MOST_PRAISED = 3     # aspects named in the sentence on praise
CLOSE_SPLITS = 2     # aspects named in the sentence on a split


@dataclass(frozen=True)
class Part:
    text: str
    aspect: str = ""   # an aspect's key: the text names it (a link to its quotes)


Sentence = list[Part]


@dataclass(frozen=True)
class Stances:
    aspect: str
    praise: int
    criticism: int

    @property
    def split(self) -> bool:
        """Some praise it, some criticise it, neither side outnumbers the other two to one."""
        low, high = sorted((self.praise, self.criticism))
        return low >= 1 and 2 * low >= high


def stances(aspects: pd.DataFrame, leave_out: tuple[str, ...] = ()) -> list[Stances]:
    """Per aspect (but those in ``leave_out``): how many critics praise it, how many
    criticise it."""
    if aspects.empty:
        return []
    bands = aspects.assign(band=aspects["score"].map(band))
    out = []
    for aspect, rows in bands.groupby("aspect", sort=True, observed=True):
        if str(aspect) in leave_out:
            continue
        out.append(Stances(str(aspect), int((rows["band"] == FAVOURABLE).sum()),
                           int((rows["band"] == UNFAVOURABLE).sum())))
    return out


def consensus_sentences(aspects: pd.DataFrame, critics: int, names: dict[str, str],
                        verdict: str | None = None) -> list[Sentence]:
    """Two or three sentences on what ``critics`` critics agree and differ on (``names``:
    aspect key -> name; ``verdict``: the aspect of the film as a whole, which the score
    above already tells)."""
    if critics < MIN_REVIEWS_FOR_CONSENSUS:
        return [[Part(f"Too few reviews to call a consensus yet: {count(critics, 'review')} so far "
                      f"(it takes at least {MIN_REVIEWS_FOR_CONSENSUS}).")]]
    found = stances(aspects, (verdict,) if verdict else ())
    name = (lambda key: Part(_the(names.get(key, key)), key))
    of = f"of {critics}"
    sentences: list[Sentence] = []

    praised = sorted((s for s in found if 2 * s.praise > critics), key=lambda s: (-s.praise, s.aspect))[:MOST_PRAISED]
    if praised:
        parts = [Part("Most critics praise ")]
        for i, s in enumerate(praised):
            parts += [Part(_joiner(i, len(praised))), name(s.aspect), Part(f" ({s.praise} {of})")]
        sentences.append(parts + [Part(".")])
    elif liked := sorted((s for s in found if s.praise >= 2 and s.praise > s.criticism),
                         key=lambda s: (-s.praise, s.aspect)):
        s = liked[0]
        sentences.append([Part("No part of the film is praised by most critics; "), name(s.aspect),
                          Part(f" comes closest ({s.praise} {of} praise it).")])
    else:
        sentences.append([Part("No part of the film is praised by more than one critic.")])

    splits = sorted((s for s in found if s.split and s.praise + s.criticism >= 2),
                    key=lambda s: (-(s.praise + s.criticism), s.aspect))[:CLOSE_SPLITS]
    if splits:
        parts = [Part("They split on ")]
        for i, s in enumerate(splits):
            parts += [Part(_joiner(i, len(splits))), name(s.aspect),
                      Part(f" ({s.praise} praise it, {s.criticism} criticise it)")]
        sentences.append(parts + [Part(".")])

    criticised = sorted((s for s in found if s.criticism >= 2 and s.criticism > s.praise),
                        key=lambda s: (-s.criticism, s.aspect))
    if criticised:
        s = criticised[0]
        sentences.append([name(s.aspect), Part(f" draws the most criticism ({s.criticism} {of} critics).")])
    elif not splits:
        sentences.append([Part("No part of the film draws criticism from more than one critic.")])
    return [[_capitalised(s[0]), *s[1:]] for s in sentences]


def plain(sentence: Sentence) -> str:
    return "".join(p.text for p in sentence)


def named_aspects(sentences: list[Sentence]) -> list[str]:
    """The aspects the sentences name, in the order they are named, each once."""
    return list(dict.fromkeys(p.aspect for s in sentences for p in s if p.aspect))


def _the(name: str) -> str:
    """"Acting" -> "the acting": an aspect as a sentence names it."""
    return "the " + name[:1].lower() + name[1:]


def _capitalised(part: Part) -> Part:
    return Part(part.text[:1].upper() + part.text[1:], part.aspect)


def _joiner(i: int, n: int) -> str:
    return "" if i == 0 else " and " if i == n - 1 else ", "
