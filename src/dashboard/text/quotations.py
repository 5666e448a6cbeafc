"""Words a review quotes someone else as saying: "'I loved every second,' she told us."

A critic quotes the director, the cast, an extra, another critic or a line of the film;
those words are theirs, not the critic's, and judge nothing for the critic. A quotation is
someone else's when a speech verb with a speaker who is not the critic stands right after
it ("…," says Holt; "…," she told the Gazette) or right before it (Holt said: "…"), and
so is a quotation that follows such a one with nothing between ("…," she said. "Blink and
you'll miss me."). The critic's own speech ("'Never again,' I told my wife") and a quote
the critic goes on to judge in the same sentence are not found here: only the spans
returned, each a quotation with its attribution, are someone else's.
"""

from __future__ import annotations

import re

from dashboard.text.language import alternation, words

_VERBS = alternation(words("reported_speech", "verbs"))
# Not "I" or "we": the critic's own words. A name of up to three words, a pronoun, or a
# description ("one extra", "the director", "her co-star Ana Reyes").
_DETERMINER = r"(?:the|one|an?|her|his|their)"
_NAME = r"(?:[A-Z]\.|[A-Z][\w'-]*)(?:\s+(?:[A-Z]\.|[A-Z][\w'-]*)){0,2}"
_SPEAKER = (rf"(?!(?:I|We|we)\b)(?:he|she|they|(?:{_DETERMINER}\s+)?(?:[a-z][\w-]*\s+){{0,2}}{_NAME}"
            rf"|{_DETERMINER}\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?)")
_QUOTE = r'"[^"\n]{2,600}"'
# '"…," she told the Gazette' / '"…," says director Ana Reyes' up to the end of the clause.
_AFTER = re.compile(rf'{_QUOTE}\s*(?:{_SPEAKER}\s+(?:{_VERBS})|(?:{_VERBS})\s+{_SPEAKER})\b[^".!?;,\n]{{0,60}}[.!?;]?')
# 'Holt, 67, from Tuffley, told the Gazette: "…"' from the start of the clause.
_BEFORE = re.compile(
    rf'(?:^|(?<=[.!?;]\s))[^".!?;\n]{{0,80}}?\b{_SPEAKER}\s+(?:{_VERBS})\b[^".!?;\n]{{0,40}}?[:,]\s*{_QUOTE}')
_NEXT_QUOTE = re.compile(rf'\s*{_QUOTE}')


def reported_speech(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of ``norm[start:end]`` (one paragraph, quotes made plain) that quote someone
    other than the critic, attribution included."""
    line = norm[start:end]
    if '"' not in line:
        return []
    spans: list[tuple[int, int]] = []
    for pattern in (_AFTER, _BEFORE):
        for m in pattern.finditer(line):
            a, b = m.span()
            while follow := _NEXT_QUOTE.match(line, b):  # the same speaker goes on
                b = follow.end()
            spans.append((start + a, start + b))
    return spans


def within(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Does ``[start, end)`` lie inside one of ``spans`` (its spaces and marks aside)?"""
    return any(a <= start and end <= b + 1 for a, b in spans)
