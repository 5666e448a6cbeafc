"""From mention polarities to 0-100 scores (50 = neutral).

Aspect scores and the review-level inferred score both live on the same 0-100 scale as
the critic's explicit rating, so the pages can compare them directly.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from dashboard.records import TABLE_COLUMNS
from dashboard.text.language import alternation, connectives

# A mention counts as praise or criticism only beyond this polarity; weaker ones are neutral.
POLARITY_DEADBAND = 0.05

# An aspect's score is the mean polarity of its opinions pulled toward neutral, as if one
# more, neutral opinion had been read. The scorer puts any clear verdict near +-1, mild or
# not ("the second act suffers from a slight drag": -0.99), so a plain mean let one sentence
# set an aspect at 0 or 100. Chosen on dev data: against the aspect-labelled dev reviews'
# own scores (-2..2) Pearson 0.656 -> 0.696 and MAE 18.1 -> 16.6 points; against the scale
# dev critics' ratings Pearson 0.50 -> 0.55 and MAE 17.1 -> 13.0. Signs never change.
ASPECT_PRIOR_OPINIONS = 1.0


# A judgement whose words weigh little is read right by its words only about half the
# time, while the critic's printed rating is right about it far more often: critics' asides
# lean the way their verdict does. So in a review with a printed rating a weak opinion leans
# toward it, by up to RATING_LEAN times how far the rating is from neutral (-1..1), the less
# the stronger its own words, and not at all from WEAK_POLARITY up; leaning, it stays a weak
# judgement (never past WEAK_POLARITY). Not toward the score inferred from the words: that
# comes from the same words, and leaning on it made weak judgements no better. Chosen on the
# development pages (``benchmarks/own_pages.py``).
WEAK_POLARITY = 0.5
RATING_LEAN = 2.0


def rating_leans(reviews: pd.DataFrame) -> pd.Series:
    """Per review_id: how far the critic's printed rating is from neutral, -1..1 (missing
    without one)."""
    score = reviews["explicit_score"].astype(float)
    return pd.Series(((score - 50.0) / 50.0).clip(-1.0, 1.0).to_numpy(), index=reviews["review_id"])


def lean_with_rating(mentions: pd.DataFrame, leans: pd.Series) -> pd.DataFrame:
    """``mentions`` with each weak opinion's polarity moved toward its review's printed
    rating (``rating_leans``); strong opinions, retold plot and furniture keep theirs. One
    whose sign the rating decided keeps no cues: its words were neutral or pulled the other way."""
    if mentions.empty:
        return mentions
    polarity = mentions["polarity"].astype(float)
    lean = mentions["review_id"].astype(str).map(leans).astype(float).fillna(0.0)
    weak = mentions["opinion"] & (polarity.abs() < WEAK_POLARITY)
    weakness = 1.0 - polarity.abs() / WEAK_POLARITY
    leaned = (polarity + RATING_LEAN * weakness * lean).clip(-WEAK_POLARITY, WEAK_POLARITY).round(4)
    # Where the rating decided (the words were neutral, or pulled the other way), no word is
    # shown as behind the judgement.
    decided = weak & ((polarity.abs() <= POLARITY_DEADBAND) | (np.sign(leaned) * np.sign(polarity) < 0))
    return mentions.assign(polarity=np.where(weak, leaned, polarity),
                           cues=mentions["cues"].where(~decided, "[]"))


def to_score(polarity: float | np.ndarray) -> float | np.ndarray:
    """Map polarity in [-1, 1] to a 0-100 score."""
    return np.clip(50.0 + 50.0 * np.asarray(polarity, dtype=float), 0.0, 100.0)


def aspect_table(mentions: pd.DataFrame) -> pd.DataFrame:
    """Per review and aspect: score, mention count and counts of praise and criticism.
    The score is the opinions' polarity pulled toward neutral (``ASPECT_PRIOR_OPINIONS``).

    ``mentions`` has one row per (mention, aspect); only opinion rows count. Aspects with
    no opinion mention get no row at all (a missing score, never 50).
    """
    columns = TABLE_COLUMNS["aspects"]
    opinions = mentions[mentions["opinion"]]
    if opinions.empty:
        return pd.DataFrame(columns=columns)
    pol = opinions["polarity"].astype(float)
    grouped = (
        opinions.assign(
            positive=(pol > POLARITY_DEADBAND).astype(int),
            negative=(pol < -POLARITY_DEADBAND).astype(int),
        )
        .groupby(["review_id", "aspect"], sort=False)
        .agg(polarity=("polarity", "sum"), mentions=("polarity", "size"),
             positive=("positive", "sum"), negative=("negative", "sum"))
        .reset_index()
    )
    pulled = grouped["polarity"] / (grouped["mentions"] + ASPECT_PRIOR_OPINIONS)
    grouped["score"] = to_score(pulled).round(1)
    return grouped[columns]


def review_calibration() -> dict:
    """The review-level map stored with the critic model (empty when there is none)."""
    from dashboard.engine.polarity import load_model

    return load_model().review or {}


# How much one opinion counts in its review's inferred score is two factors:
# * its clause's role in the sentence: a clause opened by a contrast word carries the
#   critic's verdict ("..., but it never takes off"), one opened by a concession is what the
#   verdict overrides;
# * ``exp`` of the learned ``weights`` times the opinion's features (stored with the
#   review-level map, fitted by ``benchmarks/train_scorer.py``): on critics' rated reviews
#   a strong judgement, a verdict on the film as a whole and one in the conclusion tell the
#   rating best.
OPINION_WEIGHT_FEATURES = ("strength", "verdict", "conclusion")
# Where a review's conclusion begins (relative position of the mention).
CONCLUSION_START = 0.85
_CONTRAST_OPENER = re.compile(rf"^\W*(?:{alternation(connectives('turn', 'conclude'))})\b", re.I)
_CONCESSION_OPENER = re.compile(rf"^\W*(?:{alternation(connectives('concede'))})\b", re.I)
CONTRAST_WEIGHT = 1.5
CONCESSION_WEIGHT = 0.6


def opinion_features(opinions: pd.DataFrame, verdict: str = "overall") -> pd.DataFrame:
    """One row per opinion mention (``opinions`` has one per mention and aspect): its
    review, polarity, its clause's weight and the features its learned weight reads
    (``OPINION_WEIGHT_FEATURES``)."""
    on_verdict = opinions["aspect"].eq(verdict).groupby(opinions["mention_id"], sort=False).transform("max")
    first = ~opinions["mention_id"].duplicated()
    rows = opinions[first]
    pol = rows["polarity"].astype(float)
    text = rows["text"].astype(str)
    return pd.DataFrame({
        "review_id": rows["review_id"], "polarity": pol,
        "clause": np.where(text.str.match(_CONTRAST_OPENER), CONTRAST_WEIGHT,
                           np.where(text.str.match(_CONCESSION_OPENER), CONCESSION_WEIGHT, 1.0)),
        "strength": pol.abs(), "verdict": on_verdict[first].astype(float),
        "conclusion": (rows["position"].astype(float) > CONCLUSION_START).astype(float),
    }, index=rows.index)


def aggregate(features: pd.DataFrame, how: str = "polarity", weights: dict | None = None,
              scale: float = 0.5) -> pd.Series:
    """Weighted mean per review of the opinions' polarity (or of their linear margin,
    ``how="margin"``), each weighing its ``clause`` weight times ``exp(sum of weights[f] *
    feature f)`` (``opinion_features``)."""
    codes, reviews = pd.factorize(features["review_id"])
    pol = features["polarity"].to_numpy(dtype=float).clip(-0.995, 0.995)
    value = pol if how == "polarity" else np.arctanh(pol) / scale
    exponent = np.zeros(len(features))
    for name, w in (weights or {}).items():
        exponent += float(w) * features[name].to_numpy(dtype=float)
    weight = features["clause"].to_numpy(dtype=float) * np.exp(exponent)
    mean = np.bincount(codes, weight * value, len(reviews)) / np.bincount(codes, weight, len(reviews))
    return pd.Series(mean, index=reviews)


def inferred_scores(mentions: pd.DataFrame, calibration: dict | None = None,
                    verdict: str = "overall") -> pd.Series:
    """Per review: the 0-100 score its words suggest, indexed by review_id.

    ``mentions`` has one row per mention and aspect. Reviews with no opinion mention get
    no value (NaN), never 50. The weighted mean of the opinion mentions' polarity
    (``aggregate``, with the weights learned for ``verdict``, the aspect of the film as a
    whole) goes through the monotone map fitted on critics' rated reviews (Pang & Lee's
    scale data, dev split) and stored with the critic model; without one, the plain mean
    polarity maps linearly (``to_score``).
    """
    opinions = mentions[mentions["opinion"]]
    if opinions.empty:
        return pd.Series(dtype=float)
    features = opinion_features(opinions, verdict)
    cal = review_calibration() if calibration is None else calibration
    if not cal or "x" not in cal:
        mean = aggregate(features)
        return pd.Series(to_score(mean.to_numpy()), index=mean.index).round(1)
    value = aggregate(features, cal.get("how", "polarity"), cal.get("weights"), float(cal.get("scale", 0.5)))
    mapped = 100.0 * np.interp(value.to_numpy(), np.asarray(cal["x"], float), np.asarray(cal["y"], float))
    return pd.Series(np.clip(mapped, 0.0, 100.0), index=value.index).round(1)
