"""From mention polarities to 0-100 scores (50 = neutral).

Aspect scores and the review-level inferred score both live on the same 0-100 scale as
the critic's explicit rating, so the pages can compare them directly.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

# A mention counts as praise or criticism only beyond this polarity; weaker ones are neutral.
POLARITY_DEADBAND = 0.05


def to_score(polarity: float | np.ndarray) -> float | np.ndarray:
    """Map polarity in [-1, 1] to a 0-100 score."""
    return np.clip(50.0 + 50.0 * np.asarray(polarity, dtype=float), 0.0, 100.0)


def aspect_table(mentions: pd.DataFrame) -> pd.DataFrame:
    """Per review and aspect: score, mention count and counts of praise and criticism.

    ``mentions`` has one row per (mention, aspect); only opinion rows count. Aspects with
    no opinion mention get no row at all (a missing score, never 50).
    """
    columns = ["review_id", "aspect", "score", "mentions", "positive", "negative"]
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
        .agg(polarity=("polarity", "mean"), mentions=("polarity", "size"),
             positive=("positive", "sum"), negative=("negative", "sum"))
        .reset_index()
    )
    grouped["score"] = to_score(grouped["polarity"]).round(1)
    return grouped[columns]


def inferred_scores(mentions: pd.DataFrame) -> pd.Series:
    """Per review: the 0-100 score its words suggest, indexed by review_id.

    ``mentions`` has one row per mention (not per aspect). Reviews with no opinion
    mention get no value (NaN), never 50.
    """
    opinions = mentions[mentions["opinion"]]
    if opinions.empty:
        return pd.Series(dtype=float)
    mean = opinions.groupby("review_id", sort=False)["polarity"].mean()
    return pd.Series(to_score(mean.to_numpy()), index=mean.index).round(1)
