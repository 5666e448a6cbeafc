"""Figure builders, tested as plain functions returning plotly figures."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from dashboard.present import figures, views


def gaps_frame():
    reviews = pd.DataFrame({
        "review_id": ["a", "b", "c"], "outlet": ["<b>A</b>", "B", "C"], "author": "", "title": "",
        "explicit_rating": ["4/5", "", ""], "explicit_score": [80.0, np.nan, np.nan],
        "inferred_score": [70.0, 40.0, np.nan],
    })
    return views.rating_gaps(reviews)


def test_dumbbell_never_draws_a_missing_rating_as_zero():
    fig = figures.ratings_dumbbell(gaps_frame())
    own = next(t for t in fig.data if t.name == "Critic's own rating")
    est = next(t for t in fig.data if t.name == "Estimate from the words")
    assert list(own.x) == [80.0]                      # only the review that gave a rating
    assert sorted(est.x) == [40.0, 70.0]              # the unscored review has no marker at all
    assert all(x != 0 for t in fig.data if t.x is not None for x in t.x)
    labels = [y for t in fig.data if t.y is not None for y in t.y if y]
    assert "&lt;b&gt;A&lt;/b&gt;" in labels and "<b>A</b>" not in labels


def test_heatmap_is_centred_on_50_and_keeps_blanks(ballerina_analysis):
    a = ballerina_analysis
    hm = views.heatmap_data(a.reviews, a.aspects, a.mentions, ["acting", "music", "pacing"])
    fig = figures.heatmap(hm, {"acting": "Acting", "music": "Music"})
    heat = fig.data[0]
    assert heat.type == "heatmap" and heat.zmid == 50 and heat.zmin == 0 and heat.zmax == 100
    z = np.array(heat.z, dtype=float)
    assert np.isnan(z).any()                           # no mention stays blank, not 50
    assert np.array_equal(np.isnan(z), np.isnan(hm.scores.to_numpy(dtype=float)))
    for row, trow in zip(z, heat.text):
        for v, t in zip(row, trow):
            assert (t == "–") == math.isnan(v)
    # colour-blind-safe diverging scale: orange at 0, grey at 50, blue at 100
    scale = [c[1].lower() for c in heat.colorscale]
    assert scale[0] == figures.CRITICISM_ORANGE.lower() and scale[-1] == figures.PRAISE_BLUE.lower()
    pts = fig.data[1]
    assert pts.type == "scatter" and len(pts.customdata) == z.size
    assert {tuple(c)[1] for c in pts.customdata} == set(hm.scores.columns)
    hover = " ".join(pts.hovertext)
    assert "praise" in hover and "criticism" in hover and "Not mentioned" in hover


def test_heatmap_hover_escapes_review_text():
    scores = pd.DataFrame({"acting": [80.0]}, index=["r"])
    hm = views.HeatmapData(scores=scores, positive=scores * 0 + 2, negative=scores * 0, mentions=scores * 0 + 2,
                           quotes=pd.DataFrame({"acting": ["<img src=x onerror=alert(2)> great"]}, index=["r"]),
                           labels=["<script>alert(1)</script>"], total_rows=1)
    fig = figures.heatmap(hm, {"acting": "Acting"})
    text = " ".join(fig.data[1].hovertext) + " ".join(fig.data[0].y)
    assert "<img" not in text and "<script" not in text
    assert "&lt;img src=x onerror=alert(2)&gt;" in text


def test_aspect_overview(ballerina_analysis):
    agree = views.agreement(ballerina_analysis.aspects)
    fig = figures.aspect_overview(agree, {"music": "Music"})
    assert len(fig.data[0].x) == len(agree)
    assert fig.layout.xaxis.range == (-2, 102)
    # the hover counts in words: "from 1 review", "from 4 reviews", never "review(s)"
    counts = list(fig.data[0].customdata[:, 2])
    assert all(c in {"1 review"} or c.endswith(" reviews") for c in counts)
    assert "(s)" not in fig.data[0].hovertemplate
