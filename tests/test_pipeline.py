"""The analysis on the bundled reviews: the acceptance checks of the engine."""

import json
import math

import numpy as np
import pandas as pd
import pytest

from dashboard.records import FilmInfo
from dashboard.records import ReviewSource
from dashboard.engine.pipeline import analyze_sources
from dashboard.engine.tables import salient_cues
from dashboard.records import TABLE_COLUMNS

REVIEW_COLUMNS, MENTION_COLUMNS = TABLE_COLUMNS["reviews"], TABLE_COLUMNS["mentions"]
from dashboard.engine.polarity import Cue
from tests.conftest import INDORI_NERD, SCREEN_SCRIBE
from tests.growth import growth

ASPECT_COLUMNS = ["review_id", "aspect", "score", "mentions", "positive", "negative"]


def _opinions_overlapping(analysis, review_id, fragment):
    text = analysis.text_of(review_id)
    start = text.index(fragment)
    end = start + len(fragment)
    m = analysis.mentions
    hits = m[(m.review_id == review_id) & (m.start < end) & (m.end > start)]
    return hits[hits.opinion]


def test_tables_follow_the_contract(ballerina_analysis):
    a = ballerina_analysis
    assert list(a.reviews.columns[: len(REVIEW_COLUMNS)]) == REVIEW_COLUMNS
    assert list(a.aspects.columns) == ASPECT_COLUMNS
    assert list(a.mentions.columns) == MENTION_COLUMNS
    assert len(a.reviews) == 4


def test_explicit_ratings_of_the_bundled_reviews(ballerina_analysis):
    reviews = ballerina_analysis.reviews.set_index("review_id")
    assert reviews.loc[SCREEN_SCRIBE, "explicit_score"] == 50
    assert reviews.loc[SCREEN_SCRIBE, "explicit_rating"] == "2.5 / 5 ✨"
    assert reviews.loc[SCREEN_SCRIBE, "outlet"] == "The Screen Scribe"
    assert reviews.loc[INDORI_NERD, "explicit_score"] == 70
    assert reviews.loc[INDORI_NERD, "outlet"] == "Indori Nerd"
    others = reviews.drop(index=[SCREEN_SCRIBE, INDORI_NERD])
    assert others["explicit_score"].isna().all()  # none, never 0
    assert (others["explicit_rating"] == "").all()
    assert reviews["inferred_score"].between(0, 100).all()


@pytest.mark.parametrize(
    "review_id, fragment",
    [
        ("001_ef9c39601f434bb4", "new players can do the same with a StayCasino login"),
        ("001_ef9c39601f434bb4", "This is where strategy, risk, and profit come together"),
        ("001_ef9c39601f434bb4", "Leave a reply"),
        ("001_ef9c39601f434bb4", "Photo Credit: Larry D. Horricks"),
        (SCREEN_SCRIBE, "Leave a comment"),
        (SCREEN_SCRIBE, "(Images courtesy of and owned by Youtube)"),
        (INDORI_NERD, "Stay connected with us"),
        ("000_53a4ec30daea817b", "Directed by: Len Wiseman"),
    ],
)
def test_boilerplate_and_adverts_produce_no_opinion(ballerina_analysis, review_id, fragment):
    assert _opinions_overlapping(ballerina_analysis, review_id, fragment).empty


@pytest.mark.parametrize(
    "review_id, fragment",
    [
        ("000_53a4ec30daea817b", "her father is brutally murdered when she is a child"),
        ("000_53a4ec30daea817b", "Eve is trained as a ballerina"),
        ("001_ef9c39601f434bb4", "she watched her father die in her arms"),
        ("001_ef9c39601f434bb4", "Eva returns to settle the score"),
        ("001_ef9c39601f434bb4", "Eva has chosen to leave heaven"),
        (SCREEN_SCRIBE, "Eve embarks on a mission of revenge"),
        (INDORI_NERD, "after witnessing her father’s murder as a child"),
        (INDORI_NERD, "she uncovers a conspiracy linked to her father’s death"),
    ],
)
def test_retold_plot_moves_no_score(ballerina_analysis, review_id, fragment):
    assert _opinions_overlapping(ballerina_analysis, review_id, fragment).empty


def test_every_offset_points_at_its_text(ballerina_analysis):
    a = ballerina_analysis
    texts = dict(zip(a.texts.review_id, a.texts.text))
    for row in a.mentions.itertuples():
        assert texts[row.review_id][row.start:row.end] == row.text
        for start, end, _ in json.loads(row.cues):
            assert row.start <= start < end <= row.end
    for row in a.set_aside.itertuples():
        assert 0 <= row.start < row.end <= len(texts[row.review_id])


def test_music_quote_is_found_under_music(ballerina_analysis):
    m = ballerina_analysis.mentions
    music = m[(m.aspect == "music") & m.opinion]
    assert music.text.str.contains("the music helps carry the intensity").any()


def test_aspects_without_mentions_have_no_score():
    a = analyze_sources([ReviewSource("r1", "The acting is superb and the cast is wonderful.")])
    assert "music" not in set(a.aspects.aspect)
    assert set(a.aspects.aspect) >= {"acting"}


def test_one_sentence_cannot_set_an_aspect_at_an_extreme():
    """An aspect's score is pulled toward 50 as if one more, neutral opinion had been read;
    the sign stays, and more evidence moves it further."""
    from dashboard.engine.scores import aspect_table

    def rows(review, *polarities):
        return [{"review_id": review, "aspect": "pacing", "opinion": True, "polarity": p} for p in polarities]

    table = aspect_table(pd.DataFrame(rows("one", -0.99) + rows("three", -0.99, -0.9, -0.9) + rows("mixed", 0.8, -0.6)))
    score = table.set_index("review_id")["score"]
    assert score["one"] == pytest.approx(25.2) and score["three"] < score["one"]
    assert score["mixed"] == pytest.approx(50 + 50 * 0.2 / 3, abs=0.05)


def test_a_weak_judgement_leans_with_the_critics_verdict():
    """Words that weigh little are read with the critic's printed rating (not with the score
    inferred from the same words); a clear judgement keeps its own sign, and plot none at all."""
    from dashboard.engine.scores import WEAK_POLARITY, lean_with_rating, rating_leans

    reviews = pd.DataFrame({"review_id": ["pan", "rave", "unrated"], "explicit_score": [10.0, 90.0, np.nan],
                            "inferred_score": [70.0, 40.0, 90.0]})
    mentions = pd.DataFrame({"review_id": ["pan", "pan", "pan", "rave", "unrated"],
                             "polarity": [0.1, 0.9, 0.1, -0.1, -0.1], "opinion": [True, True, False, True, True],
                             "cues": ['[[0, 4, 0.2]]'] * 5})
    out = lean_with_rating(mentions, rating_leans(reviews))
    leaned = out["polarity"].tolist()
    assert leaned[0] < 0 < leaned[3]          # weak words follow the printed rating, not the inferred score
    assert leaned[1:3] == [0.9, 0.1]          # a clear judgement, and plot, keep theirs
    assert leaned[4] == -0.1                  # no printed rating: nothing to lean towards
    # turned round by the rating, its words are no longer shown as behind it
    assert out["cues"].tolist() == ["[]", '[[0, 4, 0.2]]', '[[0, 4, 0.2]]', "[]", '[[0, 4, 0.2]]']
    assert abs(lean_with_rating(mentions.assign(polarity=WEAK_POLARITY), rating_leans(reviews))["polarity"][0]
               - WEAK_POLARITY) < 1e-9
    assert lean_with_rating(mentions.assign(polarity=0.0), rating_leans(reviews))["polarity"][0] == -WEAK_POLARITY
    # through the pipeline: words that lean slightly one way (these, slightly to praise) in
    # a one-star review read as criticism, and in a five-star one stay weak praise
    for rating, sign in (("1/5", -1), ("5/5", 1)):
        m = analyze_sources([ReviewSource("r", f"Rating: {rating}\n\nThe ending is quite abrupt.")]).mentions
        assert m["opinion"].all() and 0 < sign * m["polarity"].max() <= WEAK_POLARITY


@pytest.mark.parametrize("unit", ["x\n", "!", "Dr. ", "A. "],
                         ids=["short lines", "stops", "Dr. again and again", "initials"])
def test_a_long_run_of_one_thing_is_read_in_linear_time(unit):
    """Each took 20 s to 3 minutes at 20,000-50,000 repeats when the work grew with the
    square of the run. Twice the run takes about twice the work (the square: four times)."""
    assert growth(lambda n: analyze_sources([ReviewSource("r", unit * n)]), 8_000) < 3.0


def test_names_pooled_for_one_film_are_matched_in_linear_time():
    """A film's names are pooled from all its reviews and matched in each. Matched as one
    pattern, as credits with odd characters once were, twice the reviews took four times
    the work (more names, each tried in more text); looked up word by word, twice."""
    def reviews(n):
        return [ReviewSource(f"r{i}", f"Starring: Kim Alder{i}/Lee Birch{i}, Jo \"Ace\" Cole{i}\n\n"
                                      f"Alder{i} is superb and the story is gripping. Birch{i} is dull.", film="F")
                for i in range(n)]

    assert growth(lambda n: analyze_sources(reviews(n)), 150) < 3.0


def test_review_with_no_opinion_has_no_inferred_score():
    a = analyze_sources([ReviewSource("facts", "Released in cinemas on 6 June.\nDirected by: Len Wiseman")])
    assert math.isnan(a.reviews.loc[0, "inferred_score"])
    assert a.reviews.loc[0, "mentions"] == 0


@pytest.mark.parametrize("text,sign", [
    ("The director follows a resolutely realistic path in this uncompromising, gripping portrait of refugees.", 1),
    ("Simply doesn't have sufficient heft to justify its two-hour running time.", -1),
])
def test_one_line_quote_worded_like_plot_or_fact_still_judges(text, sign):
    # "follows a ..." opens a synopsis and "running time" is fact wording; in a review with
    # no other opinion the sentence's own judgement counts.
    a = analyze_sources([ReviewSource("quote", text)])
    assert a.mentions["opinion"].any()
    assert np.sign(a.reviews.loc[0, "inferred_score"] - 50) == sign


def test_the_films_own_names_are_no_judgement():
    # A title with an opinion word in it is a name, and so are the film's people: their
    # words move no score and are never shown as the words behind one.
    film = FilmInfo(key="bad_education", title="Bad Education")
    film.people.add("cast", "Gael García Bernal")
    text = "Almodóvar returns with Bad Education, a film of real wit. Bad Education is a triumph. Bernal is on fine form."
    with_film = analyze_sources([ReviewSource("r", text)], film=film).mentions.drop_duplicates("mention_id")
    assert (with_film["polarity"] > 0).all()
    for cues, mention in zip(with_film["cues"], with_film["text"]):
        assert not any(text[start:end] in {"Bad", "Education", "Bernal"} for start, end, _ in json.loads(cues)), mention
    unnamed = text.replace("Bernal", "Zorblax")  # a name the model has never seen
    plain = analyze_sources([ReviewSource("r", unnamed)], film=film).mentions.drop_duplicates("mention_id")
    assert list(with_film["polarity"]) == list(plain["polarity"])


def test_the_words_behind_a_score_include_one_in_its_direction():
    # A light praise made of many small weights still shows the word that weighed most for
    # it, beside a heavier word that pulled the other way.
    text = "the odd gentle scene"
    cues = [Cue(0, 3, 0.05), Cue(4, 7, -0.34), Cue(8, 14, 0.29), Cue(15, 20, 0.12)]
    shown = salient_cues(text, cues, polarity=0.24)
    assert [text[c.start:c.end] for c in shown] == ["odd", "gentle"]
    assert [text[c.start:c.end] for c in salient_cues(text, cues, polarity=-0.5)] == ["odd"]


def test_the_words_behind_a_score_are_words_that_judge():
    # A word with a learned weight but no judgement of its own ("world", "feels") is not
    # shown as a word behind the score; a negator and an opinion word are.
    text = "the world feels not dull"
    cues = [Cue(4, 9, 0.4), Cue(10, 15, 0.35), Cue(16, 19, 0.5), Cue(20, 24, 0.6)]
    assert [text[c.start:c.end] for c in salient_cues(text, cues, polarity=0.6)] == ["not", "dull"]


def test_a_capital_the_scorer_weighs_is_shown():
    # After a colon a capital opens a clause: the scorer weighs it, so the reader sees it.
    text = "The verdict: Brilliant fun from start to finish."
    cues = analyze_sources([ReviewSource("r", text)]).mentions["cues"].iloc[0]
    assert "Brilliant" in {text[start:end] for start, end, _ in json.loads(cues)}


def test_table_rating_column_wins_and_nonsense_is_empty():
    a = analyze_sources([
        ReviewSource("ok", "Good film.", rating="B+"),
        ReviewSource("bad", "Good film.", rating="11/10"),
    ])
    scores = a.reviews.set_index("review_id")["explicit_score"]
    assert scores["ok"] == 83
    assert pd.isna(scores["bad"])


def test_a_headline_on_the_first_line_is_the_title_unless_the_source_gives_one():
    text = "# A blood-pumping marvel\n\nThe film is a quiet triumph of acting and mood."
    a = analyze_sources([ReviewSource("md", text), ReviewSource("html", text, title="From the page")])
    assert a.reviews.set_index("review_id")["title"].to_dict() == {"md": "A blood-pumping marvel", "html": "From the page"}


def test_pros_and_cons_set_the_direction():
    text = "Overview of the film in one sentence.\nPros:\n- The fights.\nCons:\n- The plot is very thin.\nThat is all."
    a = analyze_sources([ReviewSource("pc", text)])
    m = a.mentions.drop_duplicates("mention_id").set_index("text")
    assert m.loc["The fights.", "polarity"] > 0
    assert m.loc["The plot is very thin.", "polarity"] < 0
    assert m.loc["The fights.", "kind"] == "pros"


def test_unscored_sources_keep_their_note():
    a = analyze_sources([ReviewSource("fr", "Un film magnifique.", note="not English: left unscored", skip_scoring=True)])
    assert a.reviews.loc[0, "note"] == "not English: left unscored"
    assert a.mentions.empty


def test_retold_plot_is_marked_as_plot(ballerina_analysis):
    a = ballerina_analysis
    text = a.text_of(INDORI_NERD)
    start = text.index("she uncovers a conspiracy")
    m = a.mentions
    hit = m[(m.review_id == INDORI_NERD) & (m.start <= start) & (m.end > start)]
    assert hit["plot"].all() and not hit["opinion"].any()
    assert not m[m.opinion]["plot"].any()           # an opinion is never plot


def test_a_word_to_the_reader_ends_a_retelling():
    text = ("Michael B Jordan plays Smoke and Stack, twin brothers who return to Mississippi in 1932 "
            "to open a juke joint. The first hour is a slow build, and some viewers will find it too leisurely.")
    m = analyze_sources([ReviewSource("r", text)]).mentions.drop_duplicates("mention_id")
    assert list(m["plot"]) == [True, False] and list(m["opinion"]) == [False, True]


def test_invisible_characters_inside_words_change_nothing():
    """Web pages put soft hyphens and zero-width characters inside words."""
    plain = "The performances are superb and the cinematography is gorgeous."
    hidden = "The perfor\u200bmances are sup\u00aderb and the cinemato\ufeffgraphy is gorg\u2060eous."
    a, b = (analyze_sources([ReviewSource("r", t)]) for t in (plain, hidden))
    assert list(a.mentions.polarity) == list(b.mentions.polarity)
    assert list(a.mentions.aspect) == list(b.mentions.aspect)


@pytest.mark.parametrize("text, judged", [
    ("The film is long.\n\nBottom line: A staggering achievement.", "A staggering achievement."),
    ("The film is long.\n\n**The verdict:** a mess from start to finish.", "a mess from start to finish."),
])
def test_a_summary_label_is_no_part_of_the_judgement(text, judged):
    from dashboard.records import ReviewSource

    analysis = analyze_sources([ReviewSource("r", text)])
    mentions = analysis.mentions.drop_duplicates("mention_id")
    assert judged in set(mentions.text)
    row = mentions[mentions.text == judged].iloc[0]
    assert text[row.start:row.end] == judged and text[row.sentence_start:row.sentence_end].startswith(judged)


@pytest.mark.parametrize("text", [lambda n: "_" * n + " Ab\nA fine film.", lambda n: "I say seven out of ten, " * n],
                         ids=["a rule of underscores over a page", "a rating in words again and again"])
def test_a_long_first_line_is_read_in_linear_time(text):
    """A breadcrumb's emphasis and a rating's lead-in were once looked for in ways that
    grew with the cube and the square of the line."""
    assert growth(lambda n: analyze_sources([ReviewSource("r", text(n))]), 400) < 3.0


def test_digits_and_signs_alone_judge_nothing():
    mentions = analyze_sources([ReviewSource("r", "The ending is devastating. 9 -- 12. 1/2")]).mentions
    judged = mentions[mentions["opinion"]].drop_duplicates("mention_id")
    assert list(judged["text"]) == ["The ending is devastating."]


def test_the_film_a_review_was_given_for_is_its_title_line():
    # With no film details, the film the review was brought for names it: its name alone
    # on the first line (after the stars) is the headline, not a sentence.
    source = ReviewSource("r", "Harbour Lights ***\n\nA patient drama that earns its storm.", film="Harbour Lights (2025)")
    analysis = analyze_sources([source])
    assert list(analysis.mentions.drop_duplicates("mention_id")["text"]) == ["A patient drama that earns its storm."]
    assert analysis.reviews.loc[0, "title"] == "Harbour Lights"


def test_a_round_up_gives_the_film_its_own_capsules_stars_and_words():
    text = ('NEW THIS WEEK\n\n"Copper Lanterns" ★★★★\nPG, 1:41, drama\nA warm, superbly acted portrait; the '
            'loveliest film of the month.\n\n"Harbour Lights" ★★\n12A, 1:49, drama\nA dull, muddled drama with a '
            'bored cast.\n\n"Hollow Bells" ★\n15, 1:30, horror\nDreadful, and never once frightening.\n')
    review = analyze_sources([ReviewSource("r1", text, film="Harbour Lights")]).reviews.iloc[0]
    assert review.explicit_score == 40.0
    assert review.pull_quote.startswith("A dull, muddled drama")


def test_a_review_wrapped_at_a_fixed_width_is_scored_in_whole_sentences():
    text = ("There is a scene early in the film in\nwhich a weary keeper, played with a\nlovely deadpan, asks "
            "the harbour\nmaster whether anything is left to say.\nIt is a good line, and it is also a\nfair summary "
            "of a dull film that\npromises much and never gets round to it.\n")
    mentions = analyze_sources([ReviewSource("r1", text)]).mentions
    assert any(t.startswith("It is a good line") and t.endswith("gets round to it.") for t in mentions["text"])
