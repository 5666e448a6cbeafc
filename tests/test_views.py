"""Data prep for the pages, tested as plain functions (no Streamlit)."""

from __future__ import annotations

import json
import math
import re

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.present import export, views
from dashboard.records import ReviewSource
from dashboard.engine.pipeline import analyze_sources

HOSTILE = ("The acting is superb <script>alert(1)</script> and the music is wonderful. "
           "<img src=x onerror=alert(2)> The story is dull and lifeless. [link](javascript:alert(3)) "
           ":red[x] $x^2$ &lt;b&gt; &amp; The action is thrilling.")


def reviews_frame(rows):
    cols = ["review_id", "outlet", "author", "title", "explicit_rating", "explicit_score", "inferred_score",
            "pull_quote", "url", "note"]
    return pd.DataFrame([dict(zip(cols, r)) for r in rows], columns=cols)


@pytest.fixture
def small():
    return reviews_frame([
        ("a", "Outlet A", "", "", "4/5", 80.0, 70.0, "Great.", "", ""),
        ("b", "", "", "", "", np.nan, 40.0, "Meh.", "", ""),
        ("c", "Outlet C", "Jo Critic", "", "", np.nan, np.nan, "", "", ""),
    ])


@pytest.mark.parametrize("score, expected", [
    (0, "unfavourable"), (39, "unfavourable"), (39.4, "unfavourable"), (39.5, "mixed"), (40, "mixed"),
    (60, "mixed"), (60.4, "mixed"), (60.5, "favourable"), (61, "favourable"), (100, "favourable"),
    (np.nan, ""), (None, ""),
])
def test_metacritic_bands(score, expected):
    assert views.band(score) == expected


def test_missing_scores_never_show_as_zero():
    assert views.fmt_score(np.nan) == "–"
    assert views.fmt_score(None) == "–"
    assert views.fmt_score(72.4) == "72"


def test_consensus_uses_own_rating_else_estimate(small):
    c = views.consensus(small)
    assert c.reviews == 2 and c.rated == 1 and c.estimated == 1 and c.unscored == 1
    assert c.score == pytest.approx((80 + 40) / 2)   # the unscored review is not a 0
    assert c.band == "mixed" and c.caution


def test_consensus_caution_goes_away_with_four_reviews():
    df = reviews_frame([(str(i), "", "", "", "", np.nan, 70.0, "", "", "") for i in range(4)])
    assert not views.consensus(df).caution


def test_consensus_with_no_scores():
    c = views.consensus(reviews_frame([("x", "", "", "", "", np.nan, np.nan, "", "", "")]))
    assert math.isnan(c.score) and c.band == "" and c.reviews == 0


def test_labels_are_readable_and_unique():
    df = reviews_frame([("a", "Same", "", "", "", 1, 1, "", "", ""), ("b", "Same", "", "", "", 1, 1, "", "", ""),
                        ("c", "", "", "", "", 1, 1, "", "", ""), ("d", "Site", "Ann", "", "", 1, 1, "", "", "")])
    labels = views.review_labels(df)
    assert labels == {"a": "Same", "b": "Same #2", "c": "Review 3", "d": "Ann (Site)"}


def test_a_review_without_byline_is_named_after_its_file_if_that_reads_as_words():
    df = reviews_frame([(i, "", "", "", "", 1, 1, "", "", "") for i in "abcde"]).assign(
        origin=["kermode_ballerina.txt", "000_53a4ec30daea817b.txt", "reviews.csv row 3", "pasted review", "ebert-2025.md"])
    assert views.review_labels(df) == {"a": "kermode ballerina", "b": "Review 2", "c": "Review 3",
                                       "d": "Review 4", "e": "ebert-2025"}


def test_rating_gaps_in_plain_words(small):
    g = views.rating_gaps(small).set_index("review_id")
    assert g.loc["a", "gap"] == pytest.approx(-10)
    assert g.loc["a", "meaning"] == "The words read a little cooler than the rating."
    assert math.isnan(g.loc["b", "explicit_score"])          # no rating: NaN, not 0
    assert g.loc["b", "meaning"].startswith("No rating given")
    assert list(views.rating_gaps(small)["review_id"]) == ["a", "b", "c"]  # best first, unscored last


@pytest.mark.parametrize("explicit, inferred, words", [
    (50, 55, "match"), (50, 65, "a little warmer"), (50, 80, "much warmer"), (80, 50, "much cooler"),
])
def test_gap_words(explicit, inferred, words):
    assert words in views.gap_words(explicit, inferred)


def test_heatmap_blank_cells_stay_blank(ballerina_analysis):
    a = ballerina_analysis
    keys = ["acting", "music", "pacing"]
    hm = views.heatmap_data(a.reviews, a.aspects, a.mentions, keys)
    assert list(hm.scores.columns) == [k for k in keys if k in set(a.aspects["aspect"])]
    cells = a.aspects.set_index(["review_id", "aspect"])["score"]
    for rid in hm.scores.index:
        for k in hm.scores.columns:
            v = hm.scores.at[rid, k]
            if (rid, k) in cells.index:
                assert v == pytest.approx(cells[(rid, k)])
            else:
                assert math.isnan(v)           # no mention = blank, never 50
    assert hm.scores.isna().any().any()        # not every critic mentions the music


def test_heatmap_sorting_and_paging():
    reviews = reviews_frame([(f"r{i}", f"O{i}", "", "", "", np.nan, float(i), "", "", "") for i in range(60)])
    aspects = pd.DataFrame({"review_id": [f"r{i}" for i in range(60)], "aspect": "acting",
                            "score": [float(i) for i in range(60)], "mentions": 1, "positive": 1, "negative": 0})
    mentions = pd.DataFrame(columns=["review_id", "mention_id", "aspect", "polarity", "opinion", "text", "position"])
    hm = views.heatmap_data(reviews, aspects, mentions, ["acting"], sort="score", page=1, per_page=25)
    assert len(hm.scores) == 25 and hm.total_rows == 60 and hm.labels[0] == "O59"
    last = views.heatmap_data(reviews, aspects, mentions, ["acting"], sort="score", page=3, per_page=25)
    assert len(last.scores) == 10 and last.labels[-1] == "O0"
    tb = views.heatmap_data(reviews, aspects, mentions, ["acting"], top_bottom=10, per_page=100)
    assert tb.total_rows == 20 and "O59" in tb.labels and "O0" in tb.labels and "O30" not in tb.labels
    agree = views.heatmap_data(reviews, aspects, mentions, ["acting"], sort="agreement", per_page=100)
    assert agree.labels[0] in {"O29", "O30"}
    assert views.pages_needed(60, 25) == 3 and views.pages_needed(0, 25) == 1
    # the pager is sized before a page is drawn, with the same count
    assert views.heatmap_row_count(reviews) == 60 and views.heatmap_row_count(reviews, top_bottom=10) == 20


def test_quotes_for_an_aspect(ballerina_analysis):
    q = views.quotes_for(ballerina_analysis.mentions, "music")
    assert (q["aspect"] == "music").all() and q["opinion"].all()
    assert any("the music helps carry the intensity" in t for t in q["text"])
    assert set(q["verdict"]) <= {"praise", "criticism", "neutral"}
    only = views.quotes_for(ballerina_analysis.mentions, "music", ["003_7cd0c8dedc355856"])
    assert only.empty


def test_strongest_quote_per_cell(ballerina_analysis):
    s = views.strongest_quotes(ballerina_analysis.mentions)
    assert not s.duplicated(["review_id", "aspect"]).any()
    m = ballerina_analysis.mentions
    row = s.iloc[0]
    same = m[(m.review_id == row.review_id) & (m.aspect == row.aspect) & m.opinion]
    assert abs(row.polarity) == pytest.approx(same["polarity"].abs().max())


def test_key_cues_follow_the_verdict():
    cues = json.dumps([[0, 3, 0.5], [4, 8, -0.4], [9, 12, 0.05]])
    assert views.key_cues(cues, 0.6) == [(0, 3, 0.5)]
    assert views.key_cues(cues, -0.6) == [(4, 8, -0.4)]
    assert views.key_cues(cues, 0.0) == []          # neutral: nothing tipped the balance
    assert views.key_cues("not json", 0.5) == []


def test_highlight_marks_cues_and_escapes():
    text = "<b>great</b> film"
    out = views.highlight_html(text, 100, [(103, 108, 0.5)])
    assert out == '&lt;b&gt;<mark class="cue pos">great</mark>&lt;/b&gt; film'


def test_context_marks_the_sentence_in_its_paragraph():
    text = "First para.\nOne. <i>Two</i> is here. Three.\nLast."
    s = text.index("<i>")
    e = text.index(" Three")
    out = views.context_html(text, s, e)
    assert '<mark class="ctx">&lt;i&gt;Two&lt;/i&gt; is here.</mark>' in out
    assert "First para" not in out and "Last" not in out


def _strip_our_tags(html_text: str) -> str:
    return re.sub(r'</?(mark|span|p)( class="[^"]*")?( title="[^"<>]*")?>', "", html_text)


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab <>&\"'[]():$*_\n")), max_size=60),
       st.lists(st.tuples(st.integers(0, 70), st.integers(0, 70), st.floats(-1, 1)), max_size=5))
def test_highlight_never_emits_markup_from_text(text, cues):
    out = views.highlight_html(text, 0, cues)
    rest = _strip_our_tags(out)
    assert "<" not in rest and ">" not in rest
    assert rest.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&#x27;", "'") \
        .replace("&amp;", "&") == text


@pytest.fixture(scope="module")
def hostile():
    return analyze_sources([ReviewSource("evil", HOSTILE, outlet="<b>Evil</b> :red[Site]", rating="4/5")])


def test_full_review_is_escaped_and_marks_what_was_scored(hostile):
    a = hostile
    out = views.full_review_html(a.text_of("evil"), a.mentions, a.set_aside, {"acting": "Acting"})
    assert "<script" not in out and "<img" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert 'class="m praise"' in out
    assert "&amp;lt;b&amp;gt;" in out      # an entity in the review shows as written
    only = views.full_review_html(a.text_of("evil"), a.mentions, a.set_aside, {}, aspect="music")
    assert only.count('class="m ') < out.count('class="m ')


def test_full_review_greys_set_aside_text_and_marks_the_rating():
    text = "Rating: 4/5\nA fine film with superb acting."
    aside = pd.DataFrame([("r", 0, 11, "rating", "The critic's own rating")],
                         columns=["review_id", "start", "end", "kind", "reason"])
    mentions = pd.DataFrame(columns=["review_id", "mention_id", "aspect", "polarity", "opinion", "start", "end", "cues"])
    out = views.full_review_html(text, mentions, aside, {})
    assert '<span class="rating"' in out and "Critic&#x27;s rating" in out
    assert 'title="The critic&#x27;s own rating"' in out  # said once, not "…rating: …rating"


def test_md_escape_neutralises_markdown_and_directives():
    out = views.md_escape("[link](javascript:alert(3)) :red[x] $x$ **b** <i>")
    for raw in ("[link]", "](", ":red[", "$x$", "**", "<i>"):
        assert raw not in out


def test_csv_export_defuses_formulas():
    out = export.to_csv(pd.DataFrame({"t": ["=HYPERLINK(1)", "fine", "@x"], "n": [1, 2, 3]})).decode()
    assert "'=HYPERLINK" in out and "'@x" in out and "\nfine," in out


def test_safe_url():
    assert views.safe_url("javascript:alert(1)") == ""
    assert views.safe_url("https://example.org/a") == "https://example.org/a"
    assert views.safe_url(np.nan) == ""


def test_full_review_marks_retold_plot():
    text = "She returns home. The acting is superb."
    mentions = pd.DataFrame(
        [("r", "r#0", "", 0.0, False, 0, 17, "[]", True), ("r", "r#1", "acting", 0.8, True, 18, 39, "[]", False)],
        columns=["review_id", "mention_id", "aspect", "polarity", "opinion", "start", "end", "cues", "plot"])
    aside = pd.DataFrame(columns=["review_id", "start", "end", "kind", "reason"])
    out = views.full_review_html(text, mentions, aside, {"acting": "Acting"})
    assert '<span class="plot"' in out and "Retold plot" in out
    assert 'class="m praise"' in out


def test_a_quote_no_single_word_carried_says_so():
    from dashboard.ui import render

    row = {"text": "We see the same film,", "start": 0, "polarity": 0.15, "verdict": views.PRAISE,
           "cues": json.dumps([[11, 15, -0.34]])}  # the only cue pulls the other way
    assert "no single word stands out" in render.excerpt_html(row)
    row["cues"] = json.dumps([[11, 15, 0.34]])
    html = render.excerpt_html(row)
    assert "no single word" not in html and '<mark class="cue pos">same</mark>' in html
    neutral = {**row, "polarity": 0.0, "verdict": views.NEUTRAL, "cues": "[]"}
    assert "no single word" not in render.excerpt_html(neutral)
    # the critic's rating decided it (``scores.lean_with_rating``): no word to highlight
    assert "or the critic's rating" in render.excerpt_html({**row, "cues": "[]"})


def test_page_caption_names_the_critics_shown():
    assert views.page_caption(1, 3, 4) == "Critics 1–3 of 4."
    assert views.page_caption(2, 3, 4) == "Critic 4 of 4."


def test_upload_summary_reads_plainly():
    reviews = pd.DataFrame({
        "review_id": ["good", "bare"], "origin": ["good.txt", "bare.txt"], "title": ["", ""],
        "outlet": ["The Daily Test", ""], "author": ["Jane Doe", ""], "explicit_rating": ["4/5", ""],
        "explicit_score": [80.0, float("nan")], "inferred_score": [76.8, float("nan")], "mentions": [5, 0],
        "pull_quote": ["A quiet triumph.", ""], "note": ["", ""],
    })
    table = views.upload_summary(reviews)
    assert list(table.columns) == list(views.UPLOAD_SUMMARY_COLUMNS.values())
    assert table.iloc[0].tolist()[:6] == ["good.txt", "Jane Doe (The Daily Test)", "4/5", "80", "77", 5]
    assert table.iloc[1].tolist()[2:5] == ["none given", "–", "–"]


def test_highlight_caption_says_how_many_or_that_there_is_none():
    m = pd.DataFrame({"mention_id": ["a", "a", "b", "c"], "aspect": ["music", "story", "music", "music"],
                      "opinion": [True, True, True, False]})
    assert views.highlight_caption(m, "music", "Music") == "2 opinions about the music highlighted below."
    assert views.highlight_caption(m, "story", "Story") == "1 opinion about the story highlighted below."
    assert views.highlight_caption(m, "acting", "Acting") == "This critic says nothing about the acting: nothing is highlighted."
