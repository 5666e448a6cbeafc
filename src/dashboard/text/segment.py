"""Cut text into sentences and opinion clauses, keeping offsets into the original.

No NLTK data can be downloaded where the dashboard runs, so sentences are found with
compiled patterns: a full stop, question or exclamation mark (with any closing quotes)
followed by white space and a capital, a digit or an opening quote, unless the stop ends
a known abbreviation or an initial ("Larry D. Horricks"); in a line written all in lower
case, followed by a lower-case word too. Line breaks always end a
sentence: reviews put headings, list items and captions on lines of their own (text wrapped
at a fixed width is unwrapped first, ``unwrap``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dashboard.text.language import alternation, connectives, words
from dashboard.text.normalize import normalize

_ABBREVIATIONS = frozenset(words("abbreviations"))
# The second branch catches sentences glued together without a space ("beautiful.The
# acting"), common in user reviews: a lower-case word, a stop, then a capitalised word.
# A run of stops is matched whole, from its first stop only: otherwise "!!!…" 20,000 long
# is tried from every stop and read to its end each time (minutes of work).
_BOUNDARY = re.compile(r"(?<![.!?])[.!?]++[\"')\]]*+(?=\s+[\"'(\[]?[A-Z0-9])|(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])")
# A writer who never capitalises ("the rest is good not great. acting is great tho") starts
# sentences in lower case: in a line that opens in lower case and has no capitalised
# sentence start, a stop after a word and before a lower-case word ends a sentence too
# (an ellipsis does not: "it was fine... and then").
_LOWER_CASE_BOUNDARY = re.compile(r"(?<=\w)(?:\.|[!?]+)(?![.!?])[\"')\]]*+(?=\s+[\"'(\[]?[a-z0-9])")
_OPENS_LOWER = re.compile(r"[^\w\n]*[a-z]")
_LINE = re.compile(r"[^\n]+")
_WORD_BEFORE = re.compile(r"([\w.']+)$")

# Where one sentence joins opposite judgements, the clauses are scored apart.
# Each pattern marks where a new clause starts; the marker word stays with its clause.
_CLAUSE_BREAKS = re.compile(
    rf"(?:[,;:]\s+|\s+-\s+)(?=(?:{alternation(connectives(read_by='clause'))})\b)"
    r"|;\s+"
    r"|,\s+(?=and\s+(?:the|its|his|her|their|this|that)\b)",
    re.I,
)
# A connective set off by commas inside a clause ("The score, though, is relentless"; "What
# it turns out to be, however, is a mess") is an aside: the subject before it and the verb
# after it are one clause. It joins two clauses only where a new subject follows it ("The
# visuals are great, however, the score is relentless").
_ASIDE = re.compile(
    rf"(?:{alternation(connectives(read_by='aside'))}),\s+(?:is|are|was|were|has|have|had|does|did|do|will|would|can|could|"
    r"may|might|must|should|isn't|aren't|wasn't|weren't|hasn't|haven't|hadn't|doesn't|didn't|don't|"
    r"won't|wouldn't|can't|cannot|couldn't|remains|remained|seems|seemed|feels|felt|proves|proved|never)\b",
    re.I,
)
# "but"/"yet" with no comma may join two adjectives ("a simple but sure message"): only
# split there when both sides are long enough to be clauses.
_BARE_BREAKS = re.compile(rf"\s+(?=(?:{alternation(connectives(read_by='bare'))})\s)", re.I)
MIN_BARE_CLAUSE_WORDS = 5
# "...makes a brief but well-placed appearance": a determiner and one word before the
# "but" means it joins two adjectives of one noun phrase.
_OPEN_NOUN_PHRASE = re.compile(r"\b(?:a|an|the|so|too|very|both|more|less|most|least|this|its|his|her|their)\s+[\w-]+\s*$", re.I)
# A leading subordinate clause ("While it is beautiful to look at, the story suffers")
# ends at its first comma.
_LEADING_CONCESSION = re.compile(
    rf"^\s*(?:(?:{alternation(connectives(read_by='opens'))})\s+)?(?:{alternation(connectives(read_by='lead'))})\b[^,]{{3,}}?,\s+",
    re.I,
)
MIN_CLAUSE_WORDS = 3


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int

    def text(self, source: str) -> str:
        return source[self.start : self.end]


def _strip(text: str, start: int, end: int) -> Span | None:
    piece = text[start:end]
    kept = piece.strip()
    if not kept:
        return None
    start += len(piece) - len(piece.lstrip())
    return Span(start, start + len(kept))


# A line break inside a sentence: after a word or a comma (no stop, colon or closing quote),
# before a lower-case word.
_BREAK_IN_SENTENCE = re.compile(r"(?<=[^\s.!?:;\"”’)\]])\n(?=[a-z])")
# In wrapped text, also after a word that cannot end a sentence, or before a bracket: "whether
# Button and the\nTin Moon was", "the woman who plays Button\n(Maisie Thorne, I think)".
_BREAK_BEFORE_CAPITAL = re.compile(rf"(?:(?<![\w'])(?i:{alternation(words('function_words'))})|\w(?=\n\())(\n)(?=[A-Z(])")
# Text wrapped at a fixed width (copied from a PDF, a plain-text email): its lines are
# about as long as one another and many sentences run on across them.
# A line filled almost to the width that ends in a word or a comma runs on whatever the
# next line opens with ("in October\n1917.", "Private\nKeogh"), unless either line is laid
# out in wide spaces (a masthead: "THE HORN      SPRING 2025").
_BREAK_AT_FULL_WIDTH = re.compile(r"(?<=[\w,])\n(?=[A-Z0-9(‘“\"'])")
_LAID_OUT = re.compile(r"\S {3,}\S")
_WRAP_RUN_ON_LINE = 0.7     # of the width
_WRAP_MIN_BREAKS = 3
_WRAP_SHARE = 0.2           # of the lines, at least this many run on
_WRAP_MAX_WIDTH = 100       # characters: a paragraph on one line is longer
_WRAP_FULL_LINE = 0.5       # a line that runs on fills at least this much of the width


def unwrap(norm: str) -> str:
    """``norm`` with the line breaks inside its sentences made spaces, when the text was
    wrapped at a fixed width; otherwise unchanged. Same length, same offsets: the lines
    of a wrapped paragraph become one line, and its sentences are read whole."""
    if "\n" not in norm:
        return norm
    lengths = sorted(len(m.group().strip()) for m in _LINE.finditer(norm) if m.group().strip())
    if len(lengths) < _WRAP_MIN_BREAKS or (width := lengths[int(0.9 * (len(lengths) - 1))]) > _WRAP_MAX_WIDTH:
        return norm
    def full(at: int, share: float = _WRAP_FULL_LINE) -> bool:
        return at - (norm.rfind("\n", 0, at) + 1) >= share * width

    breaks = [m.start() for m in _BREAK_IN_SENTENCE.finditer(norm) if full(m.start())]
    if len(breaks) < max(_WRAP_MIN_BREAKS, _WRAP_SHARE * len(lengths)):
        return norm
    breaks += [m.start(1) for m in _BREAK_BEFORE_CAPITAL.finditer(norm) if full(m.start(1))]
    breaks += [at for m in _BREAK_AT_FULL_WIDTH.finditer(norm)
               if full(at := m.start(), _WRAP_RUN_ON_LINE) and not _LAID_OUT.search(_line_around(norm, at))
               and not _LAID_OUT.search(_line_around(norm, at + 1))]
    out = list(norm)
    for at in breaks:
        out[at] = " "
    return "".join(out)


def _line_around(text: str, at: int) -> str:
    """The line of ``text`` that holds offset ``at`` (a line break ends the line before it)."""
    end = text.find("\n", at)
    return text[text.rfind("\n", 0, at) + 1:end if end >= 0 else len(text)]


def lines(text: str) -> list[Span]:
    """Non-blank lines of ``text`` as spans, stripped of surrounding white space."""
    spans = (_strip(text, m.start(), m.end()) for m in _LINE.finditer(text))
    return [s for s in spans if s is not None]


def sentences(text: str, start: int = 0, end: int | None = None, norm: str | None = None) -> list[Span]:
    """Sentences of ``text[start:end]`` as spans into ``text``; ``norm``: the whole text
    normalised, when it already is."""
    end = len(text) if end is None else end
    norm = normalize(text[start:end]) if norm is None else norm[start:end]
    out: list[Span] = []
    for line in _LINE.finditer(norm):
        cursor = line.start()
        boundaries = list(_BOUNDARY.finditer(norm, line.start(), line.end()))
        if not boundaries and _OPENS_LOWER.match(norm, line.start()):
            boundaries = list(_LOWER_CASE_BOUNDARY.finditer(norm, line.start(), line.end()))
        for m in boundaries:
            # from the last space: the cursor stays put past "Dr." and "A.", and searching
            # from it each time made a long run of them quadratic
            before = _WORD_BEFORE.search(norm, max(cursor, norm.rfind(" ", cursor, m.start()) + 1), m.start())
            word = before.group(1).lower().rstrip(".").lstrip("'") if before else ""
            # a single letter is an initial ("J. Smith"), but not "I" ("so did I. The villain")
            initial = len(word) == 1 and word.isalpha() and word != "i"
            if word in _ABBREVIATIONS or (initial and m.group().startswith(".")):
                continue
            if (span := _strip(text, start + cursor, start + m.end())) is not None:
                out.append(span)
            cursor = m.end()
        if (span := _strip(text, start + cursor, start + line.end())) is not None:
            out.append(span)
    return out


def _word_count(text: str) -> int:
    return len(re.findall(r"\w+", text))


def clauses(text: str, sentence: Span, norm: str | None = None) -> list[Span]:
    """Split one sentence where it turns ("X, but Y"); short pieces stay joined. ``norm``:
    the whole text normalised, when it already is."""
    norm = normalize(text[sentence.start : sentence.end]) if norm is None else norm[sentence.start : sentence.end]
    cuts = [0]
    if (lead := _LEADING_CONCESSION.match(norm)) and _word_count(norm[lead.end():]) >= MIN_CLAUSE_WORDS:
        cuts.append(lead.end())
    breaks = [m.end() for m in _CLAUSE_BREAKS.finditer(norm) if not _ASIDE.match(norm, m.end())]
    for m in _BARE_BREAKS.finditer(norm):
        left = norm[max([0, *[b for b in breaks if b <= m.start()]]) : m.start()]
        if (_word_count(left) >= MIN_BARE_CLAUSE_WORDS and _word_count(norm[m.end():]) >= MIN_BARE_CLAUSE_WORDS
                and not _OPEN_NOUN_PHRASE.search(left)):
            breaks.append(m.end())
    for cut in sorted(set(breaks)):
        if cut > cuts[-1]:
            cuts.append(cut)
    # A concession in mid-sentence (", while it is beautiful to look at, the story...")
    # ends at its own next comma, as a leading one does.
    for cut in list(cuts[1:]):
        if (lead := _LEADING_CONCESSION.match(norm[cut:])) and _word_count(norm[cut + lead.end():]) >= MIN_CLAUSE_WORDS:
            cuts.append(cut + lead.end())
    cuts = sorted(set(cuts))
    cuts.append(len(norm))
    pieces: list[tuple[int, int]] = []
    for a, b in zip(cuts, cuts[1:]):
        if pieces and (_word_count(norm[a:b]) < MIN_CLAUSE_WORDS or _word_count(norm[pieces[-1][0]:pieces[-1][1]]) < MIN_CLAUSE_WORDS):
            pieces[-1] = (pieces[-1][0], b)
        else:
            pieces.append((a, b))
    spans = (_strip(text, sentence.start + a, sentence.start + b) for a, b in pieces)
    return [s for s in spans if s is not None]
