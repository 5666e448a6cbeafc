"""Per review, the sentence that best carries the critic's verdict (the pull quote)."""

from __future__ import annotations

import numpy as np
import pandas as pd

# What makes a good pull quote, by weight: agreeing with the critic's verdict comes first.
QUOTE_WEIGHTS = {"agrees": 1.0, "on_the_film": 0.6, "fits": 0.5, "late": 0.3, "whole": 0.3}
QUOTE_CHARS = (50, 240)


def pull_quotes(opinions: pd.DataFrame, verdict: str | None) -> dict[tuple[str, int], tuple[int, int]]:
    """Per review and verdict direction (-1, 0, +1): the offsets of the sentence that best
    carries that verdict. A judgement of the film as a whole (the ``verdict`` aspect) that
    agrees with the critic's score, of quotable length, preferably from the conclusion;
    for a mixed verdict, a sentence that weighs both sides. Computed for all reviews at
    once."""
    if opinions.empty:
        return {}
    sentences = opinions.assign(
        on_the_film=(opinions["aspect"] == verdict).astype(float),
        whole=opinions["kind"].isin(["sentence", "pros", "cons"]).astype(float),
    ).groupby(["review_id", "sentence_start", "sentence_end"], sort=False).agg(
        polarity=("polarity", "mean"), most=("polarity", "max"), least=("polarity", "min"),
        on_the_film=("on_the_film", "max"), position=("position", "max"), whole=("whole", "max"),
    ).reset_index()
    pol = sentences["polarity"].to_numpy(dtype=float)
    length = (sentences["sentence_end"] - sentences["sentence_start"]).to_numpy()
    weighs_both = ((sentences["most"] > 0.1) & (sentences["least"] < -0.1)).to_numpy(dtype=float)
    w = QUOTE_WEIGHTS
    common = (
        w["on_the_film"] * sentences["on_the_film"].to_numpy()
        + w["fits"] * ((length >= QUOTE_CHARS[0]) & (length <= QUOTE_CHARS[1]))
        + w["late"] * sentences["position"].to_numpy(dtype=float)
        + w["whole"] * sentences["whole"].to_numpy()
    )
    agreement = {1: pol, -1: -pol, 0: 0.5 * (1.0 - np.abs(pol)) + 0.5 * weighs_both}
    best: dict[tuple[str, int], tuple[int, int]] = {}
    for direction, agrees in agreement.items():
        scored = sentences.assign(score=w["agrees"] * agrees + common)
        top = scored.loc[scored.groupby("review_id", sort=False)["score"].idxmax()]
        for row in top.itertuples(index=False):
            best[(row.review_id, direction)] = (int(row.sentence_start), int(row.sentence_end))
    return best
