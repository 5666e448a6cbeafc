"""The documents' annotations as the five tables of the contract (``records.TABLE_COLUMNS``)."""

from __future__ import annotations

import json
import re
from functools import lru_cache

import numpy as np
import pandas as pd

from dashboard.engine.document import ReviewDoc
from dashboard.engine.polarity import word_judges
from dashboard.records import TABLE_COLUMNS
from dashboard.text.language import function_words

# Cues lighter than this are not shown as the words behind a score.
CUE_MIN_WEIGHT = 0.3
_LETTERS = re.compile(r"[^\W\d_]")


def mention_rows(doc: ReviewDoc) -> list[tuple]:
    """One tuple per mention and aspect, in ``mentions`` column order (far lighter than a
    dict per row)."""
    rows: list[tuple] = []
    text, review_id = doc.text, doc.review_id
    length = max(len(text), 1)
    for number, m in enumerate(doc.mentions):
        raw = text[m.start:m.end]
        terms: dict[str, list[str]] = {a: [] for a in m.aspects}
        for a in [*m.matches, *([m.guess] if m.guess else [])]:
            if a.aspect in terms:
                terms[a.aspect].append(raw[a.start:a.end])
        cues = json.dumps([[m.start + c.start, m.start + c.end, round(c.weight, 3)]
                           for c in salient_cues(doc.norm[m.start:m.end], m.judgement.cues, m.polarity)])
        mention_id = f"{review_id}#{number}"
        polarity, position = round(m.polarity, 4), round(m.start / length, 4)
        subjectivity = round(m.subjectivity, 3)
        for aspect in m.aspects or [""]:
            rows.append((
                review_id, mention_id, aspect, polarity, m.opinion, m.start, m.end, raw, cues,
                "; ".join(dict.fromkeys(terms.get(aspect, []))), m.kind, position, subjectivity,
                m.sentence_start, m.sentence_end, m.plot,
            ))
    return rows


def salient_cues(norm: str, cues, polarity: float) -> list:
    """The cues worth showing a reader as "the words behind the score" (``norm``: the
    mention's normalised text): words whose weight moved it noticeably, leaving out what
    carries no judgement of its own (digits, stray letters, function words). At least the
    strongest word in the score's direction, when there is one: a score of many light
    words still shows the one that weighed most."""
    words = [c for c in cues if _carries_judgement(norm[c.start:c.end])]
    salient = [c for c in words if abs(c.weight) >= CUE_MIN_WEIGHT]
    agreeing = [c for c in words if c.weight * polarity > 0]
    if agreeing and not any(c.weight * polarity > 0 for c in salient):
        strongest = max(agreeing, key=lambda c: abs(c.weight))
        salient = sorted([*salient, strongest], key=lambda c: c.start)
    elif not salient and words:
        salient = [max(words, key=lambda c: abs(c.weight))]
    return salient


@lru_cache(maxsize=65_536)
def _carries_judgement(token: str) -> bool:
    # Names need no rule here: the scorer gives them no weight, so they are never cues.
    # Remembered per word: the same few thousand words are cues in review after review.
    # A cue of several words is a set phrase of the lexicon ([idioms]), a judgement itself.
    return len(_LETTERS.findall(token)) >= 2 and token.lower() not in function_words() and (
        " " in token.strip() or word_judges(token))


def mentions_table(rows: list[tuple]) -> pd.DataFrame:
    mentions = pd.DataFrame.from_records(rows, columns=TABLE_COLUMNS["mentions"])
    mentions["opinion"] = mentions["opinion"].astype(bool)
    return mentions


def set_aside_table(docs: list[ReviewDoc]) -> pd.DataFrame:
    return pd.DataFrame(
        [(d.review_id, a.start, a.end, a.kind, a.reason) for d in docs for a in d.cleaned.set_aside],
        columns=TABLE_COLUMNS["set_aside"],
    )


def texts_table(docs: list[ReviewDoc]) -> pd.DataFrame:
    return pd.DataFrame({"review_id": [d.review_id for d in docs], "text": [d.text for d in docs]})


def reviews_table(docs: list[ReviewDoc], mentions: pd.DataFrame, inferred: pd.Series,
                  quotes: dict[tuple[str, int], tuple[int, int]]) -> pd.DataFrame:
    """One row per review: its rating, the score its words suggest, its pull quote (the
    one for the direction of the critic's own rating, else of the inferred score)."""
    rows = []
    opinions = mentions[mentions["opinion"]]
    counts = opinions.drop_duplicates("mention_id").groupby("review_id").size()
    for doc in docs:
        source, cleaned, rating = doc.source, doc.cleaned, doc.rating
        explicit_score = rating.score if rating and rating.score is not None else np.nan
        inferred_score = inferred.get(source.review_id, np.nan)
        target = explicit_score if not np.isnan(explicit_score) else inferred_score
        direction = 0 if np.isnan(target) else int(np.sign(target - 50))
        start, end = quotes.get((source.review_id, direction), (-1, -1))
        rows.append({
            "review_id": source.review_id, "film": source.film, "title": source.title or cleaned.title,
            "outlet": source.outlet or cleaned.outlet, "author": source.author or cleaned.author,
            "explicit_rating": (rating.raw if rating else "") or "", "explicit_score": explicit_score,
            "inferred_score": inferred_score, "mentions": int(counts.get(source.review_id, 0)),
            "url": source.url, "origin": source.origin,
            "pull_quote": source.text[start:end] if start >= 0 else "",
            "pull_quote_start": start, "pull_quote_end": end,
            "note": source.note,
        })
    return pd.DataFrame(rows, columns=TABLE_COLUMNS["reviews"])
