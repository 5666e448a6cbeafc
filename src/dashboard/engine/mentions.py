"""The ``rating`` and ``segment`` stages: the critic's rating, and the sentences and
clauses that may carry an opinion.

A mention is a sentence of a prose line (as the cleaner cut it) or, where a sentence turns
("X, but Y"), each of its clauses. Set-aside text (page furniture, adverts, film details,
headings, the rating) yields none; a label before the critic's summary ("Bottom line:")
is no part of the mention after it, and a list bullet no part of a Pros/Cons item.
"""

from __future__ import annotations

from dashboard.engine.clean import LIST_ITEM
from dashboard.engine.document import Mention, ReviewDoc
from dashboard.text.ratings import FoundRating, find_rating, parse_rating
from dashboard.text.segment import clauses


def find_review_rating(doc: ReviewDoc, run=None) -> None:
    """The ``rating`` stage: the rating printed in the text (``found_rating``, which the
    cleaner sets aside) and the one that stands for the review: a rating given apart from
    the text (a table's column, a page's header) wins."""
    take_rating(doc, find_rating(doc.text, doc.norm))


def take_rating(doc: ReviewDoc, found: FoundRating | None) -> None:
    """``found`` as the rating printed in the text; the review's rating is it, unless one
    was given apart from the text."""
    doc.found_rating = found
    given = doc.source.rating
    doc.rating = parse_rating(given) if given.strip() else found.rating if found else None


def segment(doc: ReviewDoc, run=None) -> None:
    """The ``segment`` stage: ``doc.mentions``, none for a review left unscored."""
    if doc.source.skip_scoring:
        return
    text, norm, cleaned = doc.text, doc.norm, doc.cleaned
    list_signs = {(s, e): sign for s, e, sign in cleaned.list_polarity}
    plot_lines = {(p.start, p.end) for p in cleaned.plot_sections}
    out: list[Mention] = []
    sentence_number = 0
    for paragraph, line in enumerate(doc.lines):
        if (covering := cleaned.covers(line.start, line.end)) is not None and covering.end - covering.start >= line.end - line.start:
            continue
        sign = list_signs.get((line.start, line.end), 0)
        synopsis = (line.start, line.end) in plot_lines
        label_end = cleaned.label_ends.get(line.start, 0)  # "Bottom line: " is no part of the judgement
        first = True
        for sentence in cleaned.sentences_of(text, line, norm):
            if cleaned.covers(sentence.start, sentence.end):
                continue
            sentence_number += 1
            pieces = clauses(text, sentence, norm)
            kind = "pros" if sign > 0 else "cons" if sign < 0 else ("clause" if len(pieces) > 1 else "sentence")
            for piece in pieces:
                start = max(piece.start, label_end)
                if start >= piece.end:
                    continue
                if sign:
                    # Drop the list bullet from the mention's span.
                    bullet = LIST_ITEM.match(text, start, piece.end)
                    start = bullet.end() if bullet else start
                out.append(Mention(start, piece.end, paragraph, kind, sentence_number, first, sign, synopsis,
                                   max(sentence.start, label_end), sentence.end))
                first = False
    doc.mentions = out
