"""Which aspects each mention counts for: the ``attribute`` stage.

The ``aspects`` stage found every aspect word and name in a mention; here they become the
aspects its polarity counts for:

* at most ``MAX_ASPECTS_PER_MENTION``: a person's name first, then the aspects named
  nearest the words that carry the judgement;
* a clause, a pronoun or a short fragment naming no aspect of its own continues the
  subject of the mention before it in its paragraph ("De Armas, while underserved
  dramatically, | proves herself capable");
* an opinion that names no aspect, or only the film itself ("it looks gorgeous", "the
  film drags"), counts for the aspect the learned model guessed (the ``guess`` stage), or
  else is a verdict on the whole film (the taxonomy's ``verdict`` aspect).
"""

from __future__ import annotations

import re

from dashboard.engine.aspects import FALLBACK
from dashboard.engine.document import ReviewDoc
from dashboard.text.language import alternation, connectives, words

# Critics' sentences rarely judge more than three aspects at once; beyond that, the
# aspects named nearest the words that carry the judgement are kept.
MAX_ASPECTS_PER_MENTION = 3
# Pronouns that carry the aspect of the sentence before ("She carries the film").
_ANAPHORA = re.compile(rf"^\W*(?:{alternation(words('pronouns'))})\b", re.I)
_FRAGMENT_MAX_WORDS = 3
# A clause that names its own subject ("but the soul feels missing") does not continue
# the subject of the clause before it.
_OWN_SUBJECT = re.compile(rf"^\W*(?:(?:{alternation(connectives('turn', 'concede', 'conclude', 'join'))})\s+)?"
                          rf"(?:{alternation(words('subject_openers'))})\b", re.I)


def attribute(doc: ReviewDoc, run) -> None:
    """Set each mention's ``aspects``."""
    verdict = run.taxonomy.verdict
    previous = None
    previous_aspects: list[str] = []
    for m in doc.mentions:
        norm = doc.norm[m.start:m.end]
        aspects = nearest_aspects(m.matches, m.judgement.cues, MAX_ASPECTS_PER_MENTION)
        if previous is None or previous.paragraph != m.paragraph:
            previous_aspects = []
        same_sentence = previous is not None and previous.sentence == m.sentence and not _OWN_SUBJECT.match(norm)
        if previous_aspects and all(a.via == FALLBACK for a in m.matches) and (
            same_sentence or _ANAPHORA.match(norm) or len(norm.split()) <= _FRAGMENT_MAX_WORDS
        ):
            aspects = [a for a in previous_aspects if a != verdict] or aspects
        if m.opinion and m.guess and set(aspects) <= {verdict}:
            aspects = [m.guess.aspect]
        if not aspects and m.opinion and verdict:
            aspects = [verdict]
        previous, previous_aspects = m, aspects
        m.aspects = aspects


def nearest_aspects(matches, cues, limit: int) -> list[str]:
    """Aspects in text order, at most ``limit``: aspects linked by a person's name first
    (a named actor or director is a strong sign), then those whose words stand closest
    to a cue of the judgement."""
    order = list(dict.fromkeys(a.aspect for a in matches))
    if len(order) <= limit:
        return order
    centres = [(c.start + c.end) / 2 for c in cues if c.weight] or [0.0]
    named = {a.aspect for a in matches if a.via not in ("term", FALLBACK)}

    def rank(aspect: str) -> tuple[bool, float]:
        distance = min(abs((a.start + a.end) / 2 - c) for a in matches if a.aspect == aspect for c in centres)
        return aspect not in named, distance

    keep = set(sorted(order, key=rank)[:limit])
    return [a for a in order if a in keep]
