"""The bundled film against hand-labelled judgements (``fixtures/ballerina_judgements.jsonl``).

Each label names a review, a quote (verbatim from the review), the aspect the critic judges
there and the sign of the judgement; it is matched to the opinion mentions whose offsets
overlap the quote. The labels were written by the developers as a check; nothing is tuned
on them automatically. ``python -m pytest tests/test_judgements.py -s`` prints the figures.
"""

from __future__ import annotations

import json
from pathlib import Path

LABELS = Path(__file__).resolve().parent / "fixtures" / "ballerina_judgements.jsonl"
# Floors a little under the figures of the version that wrote them (0.935, 0.563, 0.897).
MIN_RECALL, MIN_PRECISION, MIN_SIGN = 0.90, 0.50, 0.85


def judgement_figures(analysis, labels: list[dict]) -> dict[str, float]:
    """Aspect recall (the labelled aspect is among the overlapping opinions' aspects),
    aspect precision (share of those aspects that a label on the same words names) and
    sign accuracy of the labelled aspect, of the labels found."""
    m = analysis.mentions
    found = right_sign = precise = proposed = 0
    for label in labels:
        text = analysis.text_of(label["review"])
        start = text.index(label["quote"])
        end = start + len(label["quote"])
        hits = m[(m.review_id == label["review"]) & (m.start < end) & (m.end > start) & m.opinion]
        labelled_here = {x["aspect"] for x in labels if x["review"] == label["review"] and x["quote"] == label["quote"]}
        aspects = set(hits.aspect)
        proposed += len(aspects)
        precise += len(aspects & labelled_here)
        on_aspect = hits[hits.aspect == label["aspect"]]
        if len(on_aspect):
            found += 1
            right_sign += (1 if on_aspect.polarity.mean() > 0 else -1) == label["sign"]
    return {"recall": found / len(labels), "precision": precise / max(proposed, 1),
            "sign": right_sign / max(found, 1)}


def test_the_bundled_film_reads_as_labelled(ballerina_analysis):
    labels = [json.loads(line) for line in LABELS.read_text("utf-8").splitlines() if line.strip()]
    figures = judgement_figures(ballerina_analysis, labels)
    print(f"\n{len(labels)} judgements: " + ", ".join(f"{k} {v:.3f}" for k, v in figures.items()))
    assert figures["recall"] >= MIN_RECALL and figures["precision"] >= MIN_PRECISION and figures["sign"] >= MIN_SIGN
