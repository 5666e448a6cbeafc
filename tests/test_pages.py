"""Every page under AppTest: no exception, the key content, and the view kept in the link."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.records import ReviewSource
from tests.conftest import INDORI_NERD, SCREEN_SCRIBE
from dashboard.engine.pipeline import analyze_sources

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "app.py")
PAGES = {
    "overview": "pages/1_overview.py",
    "ratings": "pages/2_ratings.py",
    "heatmap": "pages/3_heatmap.py",
    "quotes": "pages/4_quotes.py",
    "review": "pages/5_full_review.py",
}
MUSIC_QUOTE = "the music helps carry the intensity"
HOSTILE = ("The acting is superb and the music is wonderful <script>alert(1)</script>. "
           "The score is lovely <img src=x onerror=alert(2)> and the action is thrilling. "
           "The story is dull [link](javascript:alert(3)) and :red[x] lifeless $x^2$ &lt;b&gt;.")


def open_app(page: str | None = None, **params) -> AppTest:
    """Open the app like a fresh browser opening a link: ``page`` plus query params."""
    at = AppTest.from_file(APP, default_timeout=60)
    for k, v in params.items():
        at.query_params[k] = v
    if page:
        at.switch_page(PAGES[page])
    return at.run()


def all_text(at: AppTest) -> str:
    parts = []
    for kind in ("markdown", "caption", "html", "info", "warning", "error", "subheader", "text", "code"):
        parts += [str(e.value) for e in getattr(at, kind)]
    raw = "\n".join(parts)
    return raw + "\n" + re.sub(r"<[^>]+>", "", raw)  # also as read, without our highlight tags


def assert_ok(at: AppTest):
    assert not at.exception, [e.value for e in at.exception]
    assert "something went wrong" not in all_text(at).lower()


@pytest.mark.parametrize("page", list(PAGES))
def test_every_page_renders(page):
    at = open_app(page)
    assert_ok(at)
    text = all_text(at)
    assert "Ballerina (2025)" in text
    assert "How to read this" in [e.label for e in at.expander]
    assert at.query_params.get("film") == "ballerina"


def test_overview_content(ballerina_analysis):
    at = open_app()
    text = all_text(at)
    assert "Mixed or average" in text and "cd-score mixed" in text
    assert "Directed by Len Wiseman" in text and "Ana de Armas" in text
    assert "Only 4 reviews" not in text                       # four reviews: no caution needed
    assert "The Screen Scribe" in text and "Indori Nerd" in text
    assert "2.5 / 5" in text and "3.5/5" in text               # ratings as written
    indori = ballerina_analysis.reviews.set_index("outlet").loc["Indori Nerd", "pull_quote"]
    assert indori[:40] in text                                 # a pull quote
    assert "No rating given" in text                           # unrated critics: no fake 0
    assert len(at.get("plotly_chart")) == 1
    # the footnote's star marks an estimate standing in for a rating: unrated critics only
    stars = re.findall(r'<h4>([^<]+)</h4>.*?Estimate from the words: <span[^>]*>(\d+)(\*?)</span>', text, re.S)
    assert {name: star for name, _, star in stars} == {
        "Indori Nerd": "", "The Screen Scribe": "", "Review 1": "*", "Review 2": "*"}


def test_ratings_page_content():
    at = open_app("ratings")
    assert_ok(at)
    df = at.dataframe[0].value
    assert len(df) == 4
    unrated = df[df["rating_as_written"] == "none given"]
    assert len(unrated) == 2 and (unrated["own"] == "–").all()  # never 0
    assert any("No rating given" in m for m in df["meaning"])
    assert "points" in all_text(at)


def test_quotes_link_selects_music_and_shows_the_quote():
    at = open_app("quotes", aspect="music")
    assert_ok(at)
    assert at.pills(key="quotes_aspect").value == "music"
    text = all_text(at)
    assert MUSIC_QUOTE in text
    assert "Praise" in text and 'class="cd-excerpt praise"' in text
    # the words behind each judgement marked, or a note that no single word carried it
    assert '<mark class="cue ' in text or "no single word" in text
    assert at.query_params.get("aspect") == "music"


def test_quotes_pick_another_aspect_updates_the_link():
    at = open_app("quotes", aspect="music")
    at.pills(key="quotes_aspect").set_value("pacing").run()
    assert_ok(at)
    assert at.query_params.get("aspect") == "pacing"
    assert MUSIC_QUOTE not in all_text(at)


def test_quotes_selected_reviews_from_link():
    rid = "002_7af65771c5aefd7c"
    at = open_app("quotes", aspect="music", reviews=rid)
    assert_ok(at)
    assert at.multiselect(key="quotes_reviews").value == [rid]
    assert MUSIC_QUOTE not in all_text(at)                     # that quote is another critic's
    assert at.query_params.get("reviews") == rid


def test_chosen_critics_who_mention_the_aspect_come_first():
    silent, talking = "000_53a4ec30daea817b", "002_7af65771c5aefd7c"
    at = open_app("quotes", aspect="music", reviews=f"{silent},{talking}")
    assert_ok(at)
    heads = re.findall(r"<h4[^>]*>([^<]+)</h4>", all_text(at))
    assert heads[:2] == ["The Screen Scribe", "Review 1"]
    assert "Doesn't mention the music." in all_text(at)


def test_view_survives_page_switch_without_params():
    """A real browser drops the query string when the sidebar switches page; the app puts it back."""
    at = open_app("quotes", aspect="music")
    at.query_params.clear()
    at.switch_page(PAGES["heatmap"]).run()
    assert_ok(at)
    assert at.query_params.get("aspect") == "music" and at.query_params.get("film") == "ballerina"
    assert at.selectbox(key="heatmap_aspect").value == "music"
    at.query_params.clear()
    at.switch_page(PAGES["quotes"]).run()
    assert at.pills(key="quotes_aspect").value == "music"


def test_heatmap_content_and_cell_choice():
    at = open_app("heatmap", aspect="music")
    assert_ok(at)
    assert len(at.get("plotly_chart")) == 1
    text = all_text(at)
    assert MUSIC_QUOTE in text                                 # first critic on screen who mentions music
    at.selectbox(key="heatmap_aspect").set_value("acting").run()
    assert at.query_params.get("aspect") == "acting"
    assert "about acting" in all_text(at)


def test_full_review_page():
    rid = "003_7cd0c8dedc355856"
    at = open_app("review", review=rid)
    assert_ok(at)
    assert at.selectbox(key="full_review").value == rid
    assert at.selectbox(key="full_highlight").value == ""     # "Every aspect", not "Choose an option"
    text = all_text(at)
    assert 'class="rating"' in text                           # the critic's rating, marked
    assert 'class="aside"' in text                            # set-aside text, greyed with reason
    assert 'class="m praise"' in text
    assert at.query_params.get("review") == rid


def test_the_highlighted_aspect_is_kept_in_the_link():
    rid = "003_7cd0c8dedc355856"
    at = open_app("review", review=rid, highlight="pacing")
    assert_ok(at)
    assert at.selectbox(key="full_highlight").value == "pacing"
    highlighted = all_text(at).count('class="m ')
    assert f"{highlighted} opinion{'s' if highlighted != 1 else ''} about the pacing highlighted below." in all_text(at)
    at.selectbox(key="full_highlight").select("acting").run()
    assert at.query_params.get("highlight") == "acting"
    at.selectbox(key="full_highlight").select("").run()
    assert "highlight" not in at.query_params
    assert all_text(at).count('class="m ') > highlighted


@pytest.mark.parametrize("params", [
    {"film": "../../etc/passwd"}, {"film": "no-such-film"}, {"film": "upload"},
    {"aspect": "<script>"}, {"review": "nope"}, {"reviews": "x,y"}, {"highlight": "<b>x</b>"},
])
def test_tampered_links_get_a_friendly_message_and_the_default_view(params):
    at = open_app("quotes", **params)
    assert_ok(at)
    infos = " ".join(e.value for e in at.info)
    assert infos, "expected a friendly note"
    assert "passwd" not in infos and "<script>" not in infos   # the raw value is never echoed
    assert "Ballerina (2025)" in all_text(at)
    assert at.query_params.get("film") == "ballerina"
    for k, v in params.items():
        if k != "film":
            assert at.query_params.get(k) != v


def test_unknown_film_reads_nothing_outside_data(monkeypatch):
    import dashboard.ui.data as data_mod

    seen = []
    real = data_mod.read_paths
    monkeypatch.setattr(data_mod, "read_paths", lambda paths, *a, **k: seen.extend(paths) or real(paths, *a, **k))
    data_mod.load_film.clear()
    open_app(film="../../etc/passwd")
    assert all(Path(p).resolve().is_relative_to(ROOT / "data") for p in seen)


def test_analysis_is_cached_across_reruns_and_pages(monkeypatch):
    import dashboard.ui.data as data_mod

    calls = []
    real = data_mod.analyze_report
    monkeypatch.setattr(data_mod, "analyze_report", lambda *a, **k: calls.append(1) or real(*a, **k))
    data_mod.load_film.clear()
    at = open_app("quotes", aspect="music")
    at.pills(key="quotes_aspect").set_value("acting").run()
    at.switch_page(PAGES["heatmap"]).run()
    at.switch_page(PAGES["ratings"]).run()
    assert len(calls) == 1


def test_exports_and_copy_link():
    at = open_app("quotes", aspect="music")
    labels = [b.label for b in at.get("download_button")]
    assert any(l.startswith("Reviews") for l in labels) and any(l.startswith("Mentions") for l in labels)
    assert any(l.startswith("Aspects") for l in labels)
    assert [p.proto.popover.label for p in at.get("popover")] == ["Copy link to this view"]
    code = " ".join(c.value for c in at.code)
    assert "film=ballerina" in code and "aspect=music" in code


def test_upload_is_offered_and_hostile_text_stays_text():
    from dashboard.ui import session

    analysis = analyze_sources([
        ReviewSource("evil", HOSTILE, outlet="<b>Evil</b> :red[Site]", rating="4/5",
                     url="javascript:alert(5)"),
        ReviewSource("calm", "The music is wonderful and the acting is superb. A lovely film.", outlet="Calm"),
    ])
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state[session._STORE] = (analysis, "My <i>reviews</i>")
    at.query_params["film"] = "upload"
    at.run()
    assert at.selectbox(key="w_film").value == "upload"
    for page in PAGES.values():
        at.query_params["film"] = "upload"
        at.query_params["review"] = "evil"
        at.query_params["aspect"] = "acting"
        at.switch_page(page).run()
        assert_ok(at)
        text = all_text(at)
        for raw in ("<script>alert", "<img src=x", "<b>Evil", "<i>reviews", "javascript:alert(5)"):
            assert raw not in text, (page, raw)
        for md in [*at.markdown, *at.caption, *at.subheader]:
            assert "](" not in md.value and ":red[" not in md.value
        assert "only in this browser tab" in text
    at.switch_page(PAGES["review"]).run()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in all_text(at)
    assert "&lt;b&gt;Evil&lt;/b&gt; :red[Site]" in all_text(at)


def test_choosing_another_film_is_no_broken_link():
    # The reviews chosen in one film are forgotten when the reader picks another in the
    # sidebar: no note about a link naming reviews that are not part of the film.
    from dashboard.ui import session

    analysis = analyze_sources([ReviewSource("calm", "The music is wonderful and the acting is superb.")])
    at = open_app("review", review=SCREEN_SCRIBE, reviews=f"{SCREEN_SCRIBE},{INDORI_NERD}")
    at.session_state[session._STORE] = (analysis, "Mine")
    at.run()
    at.selectbox(key="w_film").set_value("upload").run()
    assert_ok(at)
    assert at.query_params.get("film") == "upload"
    assert not [i.value for i in at.info], [i.value for i in at.info]


def synthetic_analysis(n_reviews: int = 300):
    """A big film without running the engine: hundreds of reviews, every aspect."""
    import numpy as np
    import pandas as pd

    from dashboard.engine.aspects import load_taxonomy
    from dashboard.records import Analysis

    rng = np.random.default_rng(0)
    keys = load_taxonomy().keys
    ids = [f"r{i:03d}" for i in range(n_reviews)]
    text = "The music is wonderful. The story is dull."
    reviews = pd.DataFrame({
        "review_id": ids, "film": "big", "title": "", "outlet": [f"Outlet {i}" for i in range(n_reviews)],
        "author": "", "explicit_rating": "", "explicit_score": np.nan,
        "inferred_score": rng.uniform(10, 90, n_reviews).round(1), "mentions": 2, "url": "", "origin": "",
        "pull_quote": "The music is wonderful.", "pull_quote_start": 0, "pull_quote_end": 23, "note": "",
    })
    aspects = pd.DataFrame([(r, k, float(rng.uniform(0, 100)), 2, 1, 1) for r in ids for k in keys],
                           columns=["review_id", "aspect", "score", "mentions", "positive", "negative"])
    mentions = pd.DataFrame([
        (r, f"{r}#{j}", k, p, True, s, e, text[s:e], json.dumps([[s + 4, s + 9, p]]), "", "sentence", s / 40, 0.9)
        for r in ids for k in keys for j, (s, e, p) in enumerate([(0, 23, 0.8), (24, 42, -0.6)])
    ], columns=["review_id", "mention_id", "aspect", "polarity", "opinion", "start", "end", "text", "cues",
                "aspect_terms", "kind", "position", "subjectivity"])
    texts = pd.DataFrame({"review_id": ids, "text": text})
    set_aside = pd.DataFrame(columns=["review_id", "start", "end", "kind", "reason"])
    return Analysis(reviews, aspects, mentions, texts, set_aside)


def test_hundreds_of_reviews_are_paged():
    from dashboard.ui import session

    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state[session._STORE] = (synthetic_analysis(300), "Big batch")
    at.query_params["film"] = "upload"
    at.run()
    assert_ok(at)
    assert all_text(at).count('class="cd-card"') <= 12            # overview: a page of critics
    assert at.get("pagination")
    at.switch_page(PAGES["heatmap"]).run()
    assert_ok(at)
    rows = lambda: len(json.loads(at.get("plotly_chart")[0].proto.spec)["data"][0]["y"])  # noqa: E731
    assert rows() == 25                                          # a page of critics, not 300
    assert "Critics 1–25 of 300" in all_text(at)
    at.selectbox(key="heatmap_show").set_value("top_bottom").run()
    assert rows() == 20                                          # the 10 most and 10 least favourable
    at.switch_page(PAGES["quotes"]).run()
    assert_ok(at)
    assert "Critics 1–3 of 300" in all_text(at)
    assert all_text(at).count('class="cd-excerpt') <= 3 * 5
    at.switch_page(PAGES["ratings"]).run()
    assert_ok(at)
    assert len(at.dataframe[0].value) == 30


def test_few_reviews_carry_a_caution_and_clearing_an_upload_goes_back():
    from dashboard.ui import session

    analysis = analyze_sources([ReviewSource("one", "The music is wonderful and the acting is superb.", outlet="Solo")])
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state[session._STORE] = (analysis, "Just one")
    at.query_params["film"] = "upload"
    at.run()
    assert_ok(at)
    assert "Just one" in all_text(at)
    assert any("Only 1 review backs this score" in w.value for w in at.warning)
    assert at.query_params.get("film") == "upload"
    at.session_state[session._STORE] = None   # as clear_upload leaves it: no upload
    at.run()
    assert at.query_params.get("film") == "ballerina"


def test_scorer_setting_is_in_the_link_and_switches_the_analysis():
    at = open_app("ratings", scorer="textblob")
    assert_ok(at)
    assert at.selectbox(key="w_scorer").value == "textblob"
    assert at.query_params.get("scorer") == "textblob"
    textblob_estimates = list(at.dataframe[0].value.iloc[:, 3])
    at.selectbox(key="w_scorer").select("critic").run()
    assert_ok(at)
    assert "scorer" not in at.query_params            # the default needs no parameter
    assert list(at.dataframe[0].value.iloc[:, 3]) != textblob_estimates


def test_a_link_with_the_baseline_scorer_says_so_on_the_page():
    at = open_app("heatmap", scorer="textblob")
    assert_ok(at)
    assert any("comes from TextBlob" in i.value for i in at.info)
    at.button(key="use_default_scorer").click().run()
    assert_ok(at)
    assert "scorer" not in at.query_params
    assert at.selectbox(key="w_scorer").value == "critic"
    assert not any("comes from TextBlob" in i.value for i in at.info)


def test_unknown_scorer_in_a_link_falls_back_with_a_note():
    at = open_app(scorer="<script>")
    assert_ok(at)
    assert "scorer we don't have" in all_text(at)
    assert at.selectbox(key="w_scorer").value == "critic"


def test_quotes_page_has_the_same_pager_below_the_columns():
    # On a phone the columns stack: the next page must not be a long scroll back up.
    at = open_app("quotes")
    assert_ok(at)

    def pagers():
        return {p.key.rsplit("_", 1)[0]: p for p in at.get("pagination")}

    assert set(pagers()) == {"quotes_page_above", "quotes_page_below"}
    pagers()["quotes_page_below"].set_value(2).run()
    assert {k: p.value for k, p in pagers().items()} == {"quotes_page_above": 2, "quotes_page_below": 2}
    assert any(c.value == "Critic 4 of 4." for c in at.caption)
    pagers()["quotes_page_above"].set_value(1).run()
    assert {k: p.value for k, p in pagers().items()} == {"quotes_page_above": 1, "quotes_page_below": 1}
