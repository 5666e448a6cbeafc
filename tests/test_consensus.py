"""The critics' consensus sentences: counts from the aspects table, in plain words."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.present.consensus import consensus_sentences, plain
from dashboard.ui.render import consensus_sentences_html

NAMES = {"acting": "Acting", "story": "Story", "action": "Action", "pacing": "Pacing", "overall": "Overall"}


def table(scores: dict[str, list[float]]) -> pd.DataFrame:
    """Aspect -> one score per critic (r0, r1...); None: that critic does not mention it."""
    rows = [(f"r{i}", aspect, score) for aspect, per_critic in scores.items()
            for i, score in enumerate(per_critic) if score is not None]
    return pd.DataFrame(rows, columns=["review_id", "aspect", "score"])


def sentences(scores, critics=None) -> list[str]:
    critics = critics if critics is not None else max(len(v) for v in scores.values())
    return [plain(s) for s in consensus_sentences(table(scores), critics, NAMES, verdict="overall")]


def test_all_praise():
    assert sentences({"acting": [80, 75, 90, 70], "action": [85, 65, 70, 50], "overall": [90, 90, 90, 90]}) == [
        "Most critics praise the acting (4 of 4) and the action (3 of 4).",
        "No part of the film draws criticism from more than one critic.",
    ]


def test_all_criticism():
    assert sentences({"story": [20, 10, 30, 35], "pacing": [25, 30, 20, 55]}) == [
        "No part of the film is praised by more than one critic.",
        "The story draws the most criticism (4 of 4 critics).",
    ]


def test_an_even_split():
    assert sentences({"story": [80, 20, 75, 25], "acting": [70, 65, 50, None]}) == [
        "No part of the film is praised by most critics; the acting comes closest (2 of 4 praise it).",
        "They split on the story (2 praise it, 2 criticise it).",
    ]


@pytest.mark.parametrize("critics", [1, 3])
def test_too_few_reviews_to_call(critics):
    said = sentences({"acting": [90] * critics}, critics)
    assert len(said) == 1 and said[0].startswith("Too few reviews to call a consensus yet")
    assert f"{critics} review" in said[0]


def test_the_whole_film_is_left_to_the_score_above():
    assert "overall" not in " ".join(sentences({"overall": [90, 90, 90, 90], "acting": [50, 50, 50, 50]}))


def test_names_from_an_edited_taxonomy_are_text():
    said = consensus_sentences(table({"acting": [80, 75, 90, 70]}), 4, {"acting": "<i>Acting</i>"})
    assert "<b>the &lt;i&gt;Acting&lt;/i&gt;</b>" in consensus_sentences_html(said)


def test_the_bundled_film_overview_shows_the_consensus():
    at = AppTest.from_file(str(Path(__file__).resolve().parents[1] / "app.py"), default_timeout=60)
    at.query_params["film"] = "ballerina"
    at.run()
    assert not at.exception
    shown = " ".join(str(m.value) for m in at.get("html"))
    assert "Critics' consensus" in [s.value for s in at.subheader]
    assert "Most critics praise <b>the acting</b> (4 of 4)" in shown
    links = [link for link in at.get("page_link") if "aspect" in str(link.proto.query_string)]
    assert "Acting" in [link.proto.label for link in links]   # its quotes, a click away
