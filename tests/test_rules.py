"""The documented rules of the analysis, each checked against what a reader expects (the
README's "How the analysis works"): removing a rule makes its test fail."""

from __future__ import annotations

import tomllib

import pandas as pd
import pytest

from dashboard.engine.aspects import taxonomy_from
from dashboard.engine.pipeline import Pipeline, analyze_sources
from dashboard.engine.pull_quotes import pull_quotes
from dashboard.engine.scores import aggregate, opinion_features
from dashboard.records import ReviewSource


def mentions_of(text: str, **options) -> list[tuple[str, list[str]]]:
    """(mention text, its aspects), in reading order."""
    m = analyze_sources([ReviewSource("r", text)], **options).mentions
    return [(group["text"].iloc[0], [a for a in group["aspect"] if a])
            for _, group in m.groupby("mention_id", sort=False)]


def test_a_sentence_counts_for_at_most_three_aspects():
    # Five aspects named; the sentence's one judgement ("superb") counts for three of them.
    ((_, aspects),) = mentions_of("The acting, the score, the cinematography, the editing and the dialogue are all superb.")
    assert len(aspects) == 3


def test_an_opinion_naming_no_aspect_is_a_verdict_on_the_film():
    ((_, aspects),) = mentions_of("A wonderful surprise from start to finish.")
    assert aspects == ["overall"]


def test_a_taxonomy_without_a_verdict_aspect_gets_no_verdict_rows():
    music_only = taxonomy_from(tomllib.loads('[aspects.music]\nname = "Music"\nterms = ["music", "score"]\n'))
    assert music_only.verdict is None
    rows = mentions_of("A wonderful surprise from start to finish. The music soars.", taxonomy=music_only)
    assert rows == [("A wonderful surprise from start to finish.", []), ("The music soars.", ["music"])]


def test_a_pronoun_continues_the_subject_of_the_sentence_before():
    rows = mentions_of("The acting is terrific. She carries every scene with ease.")
    assert rows[1] == ("She carries every scene with ease.", ["acting"])


def test_a_new_paragraph_starts_afresh():
    # (without the learned guess, which reads "She makes it a pleasure" as praise of the acting)
    rows = mentions_of("The acting is terrific.\n\nShe makes it a pleasure to sit through.",
                       pipeline=Pipeline().replace("guess", lambda doc, run: None))
    assert rows[1] == ("She makes it a pleasure to sit through.", ["overall"])


def test_an_opinion_naming_no_aspect_word_counts_for_the_aspect_the_model_guesses():
    # No word of the taxonomy is in it; the learned model reads it as about the look of the film.
    text = "You can see every penny on the screen."
    guessed = analyze_sources([ReviewSource("r", text)]).mentions
    assert list(guessed["aspect"]) == ["visuals"]
    assert guessed["aspect_terms"].iloc[0] in text  # the word that weighed most, shown like an aspect word
    unguessed = analyze_sources([ReviewSource("r", text)], pipeline=Pipeline().replace("guess", lambda doc, run: None))
    assert list(unguessed.mentions["aspect"]) == ["overall"]


def _sentences(*rows) -> pd.DataFrame:
    """Opinion mentions of one review: (start, end, polarity, aspect, position, kind)."""
    return pd.DataFrame(
        [("r", f"r#{i}", aspect, polarity, True, start, end, kind, position, start, end)
         for i, (start, end, polarity, aspect, position, kind) in enumerate(rows)],
        columns=["review_id", "mention_id", "aspect", "polarity", "opinion", "start", "end", "kind", "position",
                 "sentence_start", "sentence_end"])


def test_the_pull_quote_agrees_with_the_verdict():
    rows = _sentences((0, 100, 0.9, "music", 0.0, "sentence"), (200, 300, -0.6, "story", 0.5, "sentence"))
    quotes = pull_quotes(rows, "overall")
    assert quotes[("r", 1)] == (0, 100) and quotes[("r", -1)] == (200, 300)


def test_the_pull_quote_prefers_a_judgement_of_the_whole_film():
    rows = _sentences((0, 100, 0.8, "overall", 0.2, "sentence"), (200, 300, 0.8, "music", 0.6, "sentence"))
    assert pull_quotes(rows, "overall")[("r", 1)] == (0, 100)


def test_the_pull_quote_prefers_the_conclusion_a_quotable_length_and_a_whole_sentence():
    later = _sentences((0, 100, 0.8, "music", 0.1, "sentence"), (200, 300, 0.8, "music", 0.9, "sentence"))
    assert pull_quotes(later, "overall")[("r", 1)] == (200, 300)
    fits = _sentences((0, 400, 0.8, "music", 0.5, "sentence"), (500, 600, 0.8, "music", 0.5, "sentence"))
    assert pull_quotes(fits, "overall")[("r", 1)] == (500, 600)
    whole = _sentences((0, 100, 0.8, "music", 0.5, "clause"), (200, 300, 0.8, "music", 0.5, "sentence"))
    assert pull_quotes(whole, "overall")[("r", 1)] == (200, 300)


def test_after_a_contrast_the_clause_that_follows_weighs_more():
    # "X, but Y": equal and opposite clauses, the verdict leans to Y; "although X, Y" too.
    opinions = pd.DataFrame({
        "review_id": ["but", "but", "although", "although"],
        "text": ["The visuals are stunning,", "but the story is a tedious mess.",
                 "Although the visuals are stunning,", "the story is a tedious mess."],
        "polarity": [0.8, -0.8, 0.8, -0.8], "position": [0.5, 0.5, 0.5, 0.5],
        "mention_id": ["m1", "m2", "m3", "m4"], "aspect": ["visuals", "story", "visuals", "story"],
    })
    verdict = aggregate(opinion_features(opinions))
    assert verdict["but"] < 0 and verdict["although"] < 0


def test_every_turning_word_turns_the_verdict_and_names_the_film_as_subject():
    # One table of connectives: a word that turns the scorer's reading of a sentence
    # ("unfortunately", "sadly") turns the review's verdict too, and after any of them "it
    # is..." judges the film as a whole.
    opinions = pd.DataFrame({"review_id": ["r", "r"], "text": ["The visuals are stunning.", "Sadly, the story is a mess."],
                             "polarity": [0.8, -0.8], "position": [0.5, 0.5],
                             "mention_id": ["m1", "m2"], "aspect": ["visuals", "story"]})
    assert aggregate(opinion_features(opinions))["r"] < 0
    rows = mentions_of("The villain is dull. Nevertheless, it is a triumph of style.")
    assert "overall" in rows[1][1]


def test_a_verdict_worded_like_a_story_counts_when_it_judges_loudly():
    # Its words alone lean to retold plot ("he makes", "in the way he counts"); the scorer
    # hears "wonderfully sly", and the learned combination lets the verdict through.
    from dashboard.engine.opinion import PLOT_VETO
    from dashboard.engine.opinion_model import opinion_model
    from dashboard.text.normalize import normalize
    from dashboard.text.tokens import tokenize

    text = ("He makes the old smuggler's greed plain in the way he counts every coin twice, and he is "
            "wonderfully sly.")
    assert opinion_model().log_odds(tokenize(normalize(text)).words) < PLOT_VETO
    review = analyze_sources([ReviewSource("r", text)]).reviews.iloc[0]
    assert review["mentions"] == 1 and review["inferred_score"] > 50


def test_retold_plot_ends_where_the_learned_model_hears_the_critic():
    # "the synopsis" opens a retelling; the next sentence has no stance word, but the model
    # is sure it is the critic's verdict.
    text = ("The acting is superb throughout.\n\nWhat stays with you is the finale, which refuses the tidy "
            "comfort the synopsis hints at. It is a film about holding on, and it holds on to you.")
    m = analyze_sources([ReviewSource("r", text)]).mentions
    opener, verdict = (m[m["text"].str.startswith(s)] for s in ("What stays", "It is a film"))
    assert opener["plot"].all() and verdict["opinion"].all() and not verdict["plot"].any()


def test_a_sentence_the_opinion_model_reads_as_plot_moves_no_score():
    # Strong words in retold plot ("tears", "breaks the tyrant's neck") judge nothing; a
    # short verdict beside it still counts.
    plot = ("With tears in his eyes, the young soldier breaks the tyrant's neck and flees across "
            "the frozen border to find his sister.")
    reviews = analyze_sources([ReviewSource("plot", plot),
                               ReviewSource("verdict", "He looks bored throughout.")]).reviews.set_index("review_id")
    assert reviews.loc["plot", "mentions"] == 0 and pd.isna(reviews.loc["plot", "inferred_score"])
    assert reviews.loc["verdict", "inferred_score"] < 50


@pytest.mark.parametrize("sentence", [
    "Several real fishermen appear as themselves, one of them as the harbourmaster who waves the boats off.",
    "The harbour scenes were filmed over a wet month in Fife.",
])
def test_background_a_critic_gives_without_judging_is_no_opinion(sentence):
    # Critics' pages hold background the plot summaries and quotes the opinion model also
    # learns from do not; it learns it from the labelled pages (benchmarks/training_pages).
    lead = "A fine, moving film that I loved.\n\n"
    mentions = analyze_sources([ReviewSource("r", lead + sentence)]).mentions
    assert not mentions[mentions["start"] >= len(lead)]["opinion"].any()


def test_a_performer_judged_by_name_is_the_critics_voice_whatever_the_model_hears():
    # The model hears story in "the engineer who becomes her only friend on board"; a member
    # of the cast (or crew) as the subject, judged ("welcome warmth"), is the critic on the
    # performance. The same sentence about a character stays plot.
    from dashboard.engine.opinion import PLOT_VETO
    from dashboard.engine.opinion_model import opinion_model
    from dashboard.text.normalize import normalize
    from dashboard.text.tokens import tokenize

    judged = "Tobin Ferrault brings welcome warmth as the engineer who becomes her only friend on board."
    assert opinion_model().log_odds(tokenize(normalize(judged)).words) < PLOT_VETO
    cast = "\n\nCast: Tobin Ferrault, Ines Maro\n"
    plot = judged.replace("Tobin Ferrault", "Her brother Kit")
    m = analyze_sources([ReviewSource("actor", judged + cast), ReviewSource("character", plot + cast)]).mentions
    said = m[m["text"].str.contains("welcome warmth")].set_index("review_id")
    assert said.loc["actor", "opinion"].all() and "acting" in set(said.loc[["actor"], "aspect"])
    assert not said.loc["character", "opinion"].any()
    directed = analyze_sources([ReviewSource("director", "Directed by Tobin Ferrault.\n\n" + judged)]).mentions
    assert directed[directed["text"].str.contains("welcome warmth")]["opinion"].all()
    # casting, then the story: "X plays Y, a Z who..." is no performer judged
    cast_intro = "Tobin Ferrault plays Kit, a radio operator who finds a body aboard a retired lightship."
    intro = analyze_sources([ReviewSource("intro", cast_intro + cast)]).mentions
    assert not intro[intro["text"].str.startswith("Tobin Ferrault plays")]["opinion"].any()
    # the film-maker's film as the subject retells its plot
    owned = ("Directed by Tobin Ferrault.\n\nTobin Ferrault's second feature takes place in 1967 aboard a "
             "retired lightship, where a young radio operator finds a body.")
    assert not analyze_sources([ReviewSource("owned", owned)]).mentions["opinion"].any()


def test_a_credit_that_lists_the_cast_is_no_performer_judged():
    # "Voices:" labels a list of names: none of them is a sentence's subject, so the list
    # judges nobody, however the scorer weighs "voices".
    text = ("Tobin Ferrault voices the lighthouse keeper with a lovely rumble.\n\n"
            "Directed by Ines Maro. Songs by Kit Bell. Voices: Tobin Ferrault, Wren Adair, Hal Moss.\n\n"
            "It is a warm, funny film.")
    m = analyze_sources([ReviewSource("r", text)]).mentions
    assert not m[m["text"].str.startswith("Voices:")]["opinion"].any()
    assert m[m["text"].str.startswith("Tobin Ferrault voices")]["opinion"].all()


@pytest.mark.parametrize("judged, retold", [
    ("Her cousin Mabel, who runs away to sea after the funeral, is thinly written.",
     "Her cousin Mabel, who runs away to sea after the funeral, is never seen again."),
    ("A subplot in which Mabel's uncle gambles away the family farm goes nowhere.",
     "In the end Mabel's uncle gambles away the family farm and goes nowhere."),
])
def test_a_judgement_of_the_film_as_a_made_thing_is_the_critics_voice(judged, retold):
    # The model hears a character's story in both; "thinly written" and "a subplot" are
    # words for the film as made (opinion.toml's craft list), which retold plot never needs.
    from dashboard.engine.opinion import PLOT_VETO
    from dashboard.engine.opinion_model import opinion_model
    from dashboard.text.normalize import normalize
    from dashboard.text.tokens import tokenize

    assert opinion_model().log_odds(tokenize(normalize(judged)).words) < PLOT_VETO
    m = analyze_sources([ReviewSource("judged", judged), ReviewSource("retold", retold)]).mentions.set_index("review_id")
    assert m.loc[["judged"], "opinion"].all() and m.loc["judged", "polarity"].max() < 0
    assert not m.loc[["retold"], "opinion"].any()


@pytest.mark.parametrize("sentence, opinion", [
    # a performer judged under the part they play: the critic's voice
    ("The girl who plays Clemency, Maisie Thornbury, is remarkable.", True),
    # casting told as the set-up of the story
    ("Tremlett plays Agnes Vell, a junior doctor covering a run of January nights on a geriatric ward.", False),
])
def test_casting_told_as_set_up_is_plot_and_a_performer_judged_is_not(sentence, opinion):
    m = analyze_sources([ReviewSource("r", "It is a lovely, warm film.\n\n" + sentence)]).mentions
    assert m[m["text"] == sentence]["opinion"].tolist() == [opinion]


def test_a_streaming_guides_labelled_plot_moves_no_score():
    # "The Gist:" and "Opening Shot:" label the plot in a guide's fixed layout.
    text = ("The Gist: A chef loses her restaurant and goes home, where a fisherman loves her.\n\n"
            "Opening Shot: A tray of oysters crashes to the floor and a chef screams at everyone.\n\n"
            "Our Take: It is a lovely, warm film.")
    m = analyze_sources([ReviewSource("r", text)]).mentions
    scored = m[m["opinion"]]
    assert len(scored) and all(t.startswith("Our Take") for t in scored["text"])


@pytest.mark.parametrize("opener", [
    "Quick version of the plot: a cashier relives one Tuesday at a motorway café over and over.",
    "The set-up is simple: a cashier relives one Tuesday at a motorway café over and over.",
    "Quick version: it's 1983, and a cashier relives one Tuesday at a motorway café over and over.",
])
def test_a_sentence_that_opens_a_retelling_moves_no_score(opener):
    text = "I loved it.\n\n" + opener + " Her manager is a brutal bully and the coffee is vile.\n\nThe acting is superb."
    m = analyze_sources([ReviewSource("r", text)]).mentions
    assert set(m[m["opinion"]]["text"]) == {"I loved it.", "The acting is superb."}


def test_what_the_critic_expected_judges_nothing_and_what_they_found_does():
    m = analyze_sources([ReviewSource("r", "The trailers hinted at a muddled mess. I expected to hate it, but I loved it.")]).mentions
    opinions = m[m["opinion"]].drop_duplicates("mention_id")
    assert list(opinions["text"]) == ["but I loved it."]


@pytest.mark.parametrize("claim", ["It wants to be a smooth, sophisticated pleasure.",
                                   "We are told again and again that he is the best in the business.",
                                   "It is meant to be a triumphant finale.",
                                   "Another called it a masterpiece of tension.",
                                   "A trade paper review described the lead as wonderful.",
                                   # another work it is compared with
                                   "The first film was a masterpiece of tension.",
                                   "The novel is a slender, heartbreaking, wickedly funny gem.",
                                   "His last film was a quiet, perfect little wonder.",
                                   "Director Ines Maro's previous film, Low Tide, was a lean, gripping marvel."])
def test_what_the_film_aims_at_or_claims_judges_nothing(claim):
    m = analyze_sources([ReviewSource("r", claim + " Sadly, it is a dreary slog.")]).mentions
    opinions = m[m["opinion"]].drop_duplicates("mention_id")
    assert list(opinions["text"]) == ["Sadly, it is a dreary slog."]


def test_a_relative_clause_about_another_work_leaves_the_sentence_judging_this_one():
    text = "Director Ines Maro, whose last film was the dreadful Low Tide, captures the book's charm perfectly."
    m = analyze_sources([ReviewSource("r", text)]).mentions
    assert m["opinion"].all() and (m["polarity"] > 0).all()


def test_telling_the_film_makers_what_to_cut_is_criticism():
    # "... and it would be a great film" and "... you'd have something exceptional": what
    # the film might be, so what it is falls short.
    from dashboard.engine.polarity import get_scorer

    scorer = get_scorer("critic")
    for text in ("Trim the middle hour and it would be a great film.",
                 "Cut forty minutes and you'd have something exceptional."):
        assert scorer.score_many([text])[0].polarity < 0
    # an obligation is no wish: "you would have to be made of stone" is read as written
    literal = scorer.score_many(["You would have to be made of stone not to cry at the ending."])[0].polarity
    assert literal > 0


def test_a_facts_wording_silences_no_strong_judgement():
    # "budget" and "released" are the words of facts; beside a word that judges strongly the
    # sentence is still the critic's, and beside none it is the fact.
    text = ("A patient drama, and a funny one. The budget-cutting councillor is hilarious. Released in the dead "
            "of January, it is a triumph. It was released in 2025 on a modest budget of four million.")
    m = analyze_sources([ReviewSource("r", text)]).mentions
    councillor, triumph, fact = (m[m["text"].str.startswith(s)] for s in ("The budget", "Released", "It was"))
    assert councillor["opinion"].all() and triumph["opinion"].all() and not fact["opinion"].any()
