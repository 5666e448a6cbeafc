"""Rules of the default "critic" sentence scorer (no benchmark data needed)."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.engine.scores import aggregate, inferred_scores, opinion_features
from dashboard.engine.polarity import (
    DEFAULT_SCORER,
    SCORER_NAMES,
    CriticScorer,
    Cue,
    Judgement,
    get_scorer,
    load_model,
    load_rules,
    read_features,
    read_state,
    tokenize,
)
from dashboard.text.tokens import tokenize as tokenize_text


@pytest.fixture(scope="module")
def critic() -> CriticScorer:
    return get_scorer("critic")


def pol(scorer, text: str) -> float:
    return scorer.score_many([text])[0].polarity


def test_contract():
    assert SCORER_NAMES == ("critic", "textblob")
    assert DEFAULT_SCORER == "critic"
    assert isinstance(get_scorer(), CriticScorer)
    assert get_scorer("critic").name == "critic"
    with pytest.raises(ValueError):
        get_scorer("nope")


def test_judgements_in_range_and_in_order(critic):
    texts = ["A triumph.", "A dreary, lifeless slog.", "", "The film runs 120 minutes."]
    out = critic.score_many(texts)
    assert len(out) == len(texts)
    assert all(isinstance(j, Judgement) for j in out)
    assert all(-1.0 <= j.polarity <= 1.0 for j in out)
    assert out[0].polarity > 0.2 and out[1].polarity < -0.2


@pytest.mark.parametrize("text", [
    "A gripping, beautifully acted thriller.",
    "The performances are superb and the score is haunting.",
    "It does not suffer from a lack of visual style.",
    "Never anything less than watchable.",
    "It couldn't have been better.",
    "The action is brutal and relentless, exactly as it should be.",
    "The story is thin, but the film is a joy from start to finish.",
    "Although the plot is predictable, the performances are wonderful.",
    "Nothing short of a masterpiece.",
    "I laughed all the way through.",
    "A tour-de-force.",  # a verdict too rare in the training data: from the lexicon
    "A flawless thriller.",  # learned too weakly: from the lexicon
    "For all its flaws, it is a triumph.",  # a conceded fault weighs less than the verdict
    "It is a flawed but fascinating film.",
])
def test_praise(critic, text):
    assert pol(critic, text) > 0, text


@pytest.mark.parametrize("text", [
    "With tighter writing it could have earned its place.",
    "The twist should have worked.",
    "It could have been a great film.",
    "The story had the potential to be a great movie.",
    "The sequel is dull compared to the brilliant original.",
    "The characters are thin and the ending feels rushed.",
    "An undercooked, clumsy script.",
    "The cast is great, but the script is a mess.",
    "While the effects dazzle, the story is dull and predictable.",
    "It isn’t very good.",
    "The film is not funny.",
    "Not as clever as it thinks it is.",
    "Whenever they were on screen the film was unwatchable.",  # too rare to be learned
    "The plot is sketchy.",
    "An overrated film.",  # learned too weakly to outweigh "film": from the lexicon
    "A shoddy, unoriginal sequel.",
    "It is slightly too long.",  # learned from quotes that concede it before praise: from the lexicon
    "The film is deeply flawed.",  # the same for the words that name a fault
    "I have some reservations about the ending.",
    "Its biggest weakness is the script.",
    "The middle drags a bit.",  # "drags" learned too weakly to outweigh "a bit": from the lexicon
    "It does sag a bit in the second half.",
])
def test_criticism(critic, text):
    assert pol(critic, text) < 0, text


def test_curly_apostrophes_read_like_straight_ones(critic):
    assert pol(critic, "It isn’t good.") == pytest.approx(pol(critic, "It isn't good."))
    assert pol(critic, "It isn’t good.") < 0


def test_contrast_clause_dominates(critic):
    a = pol(critic, "The effects are great, but the story is dull.")
    b = pol(critic, "The story is dull, but the effects are great.")
    assert a < 0 < b


def test_intensifiers_and_hedges(critic):
    plain = pol(critic, "The ending is disappointing.")
    assert pol(critic, "The ending is very disappointing.") < plain < 0
    assert plain < pol(critic, "The ending is slightly disappointing.") < 0
    assert 0 < pol(critic, "The acting is fairly wonderful.") < pol(critic, "The acting is wonderful.")


def test_negation_flips_and_double_negation_cancels():
    rules = load_rules()
    words = [w for w, _, _ in tokenize("it does not suffer from a lack of visual style")]
    keys = {k for k, *_ in read_features(words, rules)}
    assert "NOT_suffer" in keys and "style" in keys and "NOT_style" not in keys
    words = [w for w, _, _ in tokenize("never anything less than watchable")]
    keys = {k for k, *_ in read_features(words, rules)}
    assert "watchable" in keys and "NOT_anything" in keys


@pytest.mark.parametrize("text, sign", [
    ("The acting isn't great.", -1),
    ("The acting isn’t great.", -1),
    ("The score is not very good.", -1),
    ("It is never dull.", 1),
    ("The ending is not bad at all.", 1),
])
def test_an_opinion_word_just_after_its_negator_reads_flipped(critic, text, sign):
    judgement = critic.score_many([text])[0]
    assert judgement.polarity * sign > 0, text
    # and the flipped word is shown as a cue of the right sign
    opinion_word = text.rstrip(".").split()[-1] if "all" not in text else "bad"
    cue = next(c for c in judgement.cues if text[c.start:c.end] == opinion_word)
    assert cue.weight * sign > 0


@pytest.mark.parametrize("text, reads_plain", [
    # a negation that finds nothing to compare with: a superlative
    ("I haven't seen a more exciting film this year", True),
    ("she has never looked better", True),
    ("I couldn't ask for a better cast", True),
    ("there has never been a more boring film", True),
    ("he has never made a better film than this", True),  # a verb of experience before it
    # a plain negation: something to compare with, or no comparative
    ("it isn't better than the original", False),
    ("it is not more exciting than the first one", False),
    ("the sequel doesn't get any better", False),
    ("it is not a good film", False),
])
def test_a_negated_comparative_with_nothing_to_compare_reads_plainly(text, reads_plain):
    words = [w for w, _, _ in tokenize(text)]
    keys = {k for k, *_ in read_features(words, load_rules())}
    comparative = next(w for w in ("better", "more", "good") if w in words)
    assert (comparative in keys) is reads_plain and (f"NOT_{comparative}" in keys) is not reads_plain


@pytest.mark.parametrize("text, sign", [
    ("Still, I haven't seen a more exciting studio film this year.", 1),
    ("I can't think of a better way to spend two hours.", 1),
    ("There has never been a more boring film.", -1),
    ("I have never seen a worse film.", -1),
])
def test_superlatives_by_negation(critic, text, sign):
    assert pol(critic, text) * sign > 0


def test_near_negation_leaves_words_that_are_not_opinion_words_as_learned():
    rules = load_rules()
    assert rules.opinion_words["great"] == 1 and rules.opinion_words["dull"] == -1
    assert "explanation" not in rules.opinion_words
    assert rules.opinion_words["tedious"] == -1  # the film words count too


def test_too_marks_excess_not_strength(critic):
    # "too" does not strengthen the next word: "too cartoonish" is a complaint.
    assert "too" not in load_rules().intensifiers
    assert pol(critic, "The villain is too cartoonish.") < 0


def test_capitalised_words_inside_a_sentence_are_names():
    tokens = tokenize_text("I think Keanu Reeves is great in Ballerina. Wick fans: Great fun!\n"
                           "Action Scenes, THE MOVIE, \"Gorgeous\" work; I'm sold.")
    # Sentence openers, a capital after a colon, a quotation or a new line, words in
    # capitals and "I" are not names.
    assert [tokens.raw[i] for i in sorted(tokens.inner_capitals())] == ["Keanu", "Reeves", "Ballerina", "Scenes"]


def test_a_capital_after_a_timestamp_bullet_or_bold_opens_the_line():
    # A viewer's notes: "[12:05] Soundtrack ..." opens with the word, it does not name anything.
    tokens = tokenize_text("[12:05] Soundtrack is loud. * Editing: choppy. **Costumes** are drab. A Dune fan.")
    assert [tokens.raw[i] for i in sorted(tokens.inner_capitals())] == ["Dune"]


def test_a_name_moves_no_score(critic):
    # Whatever the model learned about a name from other films' reviews weighs nothing:
    # only the words of the judgement do, and they are the cues a reader is shown.
    verdicts = {pol(critic, f"I thought {name} was great in it.") for name in ("Reeves", "Fincher", "Smith", "Lee")}
    assert len(verdicts) == 1 and verdicts.pop() > 0
    text = "Musically, the film is powered by a duet by Halsey and Amy Lee from Evanescence."
    assert pol(critic, text) > 0


def test_counterfactual_marks_the_clause():
    rules = load_rules()
    words = [w for w, _, _ in tokenize("should have worked")]
    feats = read_features(words, rules)
    assert any(k == "<cf>" for k, *_ in feats)
    assert all(v < 0 for k, v, *_ in feats if k == "worked")
    words = [w for w, _, _ in tokenize("it couldn't have been better")]
    feats = read_features(words, rules)
    assert not any(k == "<cf>" for k, *_ in feats)
    assert any(k == "better" and v > 0 for k, v, *_ in feats)
    # "would have you believe" is what it makes you believe, no might-have-been
    words = [w for w, _, _ in tokenize("not the masterpiece its reviews would have you believe")]
    assert not any(k == "<cf>" for k, *_ in read_features(words, rules))


@pytest.mark.parametrize("text, actual, hypothetical", [
    ("The acting is superb in a film that should have been better.", "superb", "better"),
    ("It's a beautiful film that could have been great.", "beautiful", "great"),
    ("A gorgeous spectacle, which might have been moving too.", "gorgeous", "moving"),
])
def test_counterfactual_in_an_embedded_clause_leaves_what_the_film_is(critic, text, actual, hypothetical):
    """The scope of "could have" starts at the word opening its clause ("that", "which"):
    what the film is, before it, reads as written."""
    words = [w for w, _, _ in tokenize(text)]
    values = {k: v for k, v, *_ in read_features(words, load_rules())}
    assert values[actual] > 0 and values[hypothetical] < 0
    cues = {text[c.start:c.end]: c.weight for c in critic.score_many([text])[0].cues}
    assert cues.get(actual, 0) > 0


def test_cues_point_into_the_original_text(critic):
    text = "Hawke’s performance is mesmerising, but the script is clumsy."
    j = critic.score_many([text])[0]
    assert j.cues and all(isinstance(c, Cue) for c in j.cues)
    spans = {text[c.start:c.end].lower(): c.weight for c in j.cues}
    assert spans.get("clumsy", 0) < 0
    assert all(0 <= c.start < c.end <= len(text) for c in j.cues)


def test_the_opinion_model_separates_opinion_from_plot():
    from dashboard.engine.opinion_model import opinion_model
    from dashboard.text.normalize import normalize
    from dashboard.text.tokens import tokenize

    opinion, plot = (opinion_model().log_odds(tokenize(normalize(t)).words) for t in (
        "This is the most exhilarating, heartfelt film I have seen all year.",
        "After his wife dies, Tom moves to Chicago and takes a job at a bank.",
    ))
    assert opinion > 0 > plot


def test_model_is_present_and_small():
    # (its load time is measured by benchmarks/speed.py)
    from dashboard.engine.polarity import MODEL_PATH

    load_model.cache_clear()
    model = load_model()
    assert model.weights, "critic_model.json.gz missing: run benchmarks/train_scorer.py"
    assert MODEL_PATH.stat().st_size < 20_000_000


def _opinion_rows(*specs):
    """Mention rows (one per mention and aspect) from (review, mention, aspect, polarity,
    position, opinion)."""
    return pd.DataFrame([{"review_id": r, "mention_id": m, "aspect": a, "polarity": p, "position": pos,
                          "opinion": o, "text": "x"} for r, m, a, p, pos, o in specs])


def test_inferred_scores_monotone_and_nan_without_opinions():
    rows = _opinion_rows(("a", "a1", "story", -0.8, 0.5, True), ("b", "b1", "story", 0.0, 0.5, True),
                         ("c", "c1", "story", 0.8, 0.5, True), ("d", "d1", "story", 0.9, 0.5, False))
    s = inferred_scores(rows)
    assert s["a"] < s["b"] < s["c"]
    assert "d" not in s.index
    assert ((s >= 0) & (s <= 100)).all()


def test_a_review_whose_praise_and_criticism_balance_scores_50():
    rows = _opinion_rows(("r", "m1", "story", 0.6, 0.5, True), ("r", "m2", "acting", -0.6, 0.5, True))
    assert inferred_scores(rows)["r"] == pytest.approx(50.0)


def test_opinion_weights_in_the_review_score():
    # one review: a mild criticism of the story early on, then praise of the film as a
    # whole in the conclusion; the praise names two aspects but is one opinion
    rows = _opinion_rows(("r", "m1", "story", -0.3, 0.2, True),
                         ("r", "m2", "overall", 0.3, 0.9, True), ("r", "m2", "acting", 0.3, 0.9, True))
    features = opinion_features(rows, verdict="overall")
    assert len(features) == 2
    assert features["verdict"].tolist() == [0.0, 1.0]
    assert aggregate(features)["r"] == pytest.approx(0.0)
    assert aggregate(features, weights={"verdict": 1.0})["r"] > 0
    assert aggregate(features, weights={"conclusion": 1.0})["r"] > 0
    # a strong judgement outweighs a weak one of the other sign
    strong = opinion_features(_opinion_rows(("r", "m1", "story", -0.9, 0.5, True),
                                            ("r", "m2", "story", 0.2, 0.5, True),
                                            ("r", "m3", "story", 0.3, 0.5, True)))
    assert aggregate(strong)["r"] > -0.2 > aggregate(strong, weights={"strength": 2.0})["r"]


@pytest.mark.parametrize("text", [
    "A dreary, lifeless slog.",
    "An ugly, revolting movie.",
    "A gripping, beautifully acted thriller.",
    "Insufferably naive.",
])
def test_clear_opinion_words_reach_the_opinion_threshold(critic, text):
    # The pipeline counts a mention as opinion when one word cue is at least this strong,
    # so a clear evaluative word must carry a cue on that scale.
    from dashboard.engine.opinion import EVALUATIVE_CUE

    j = critic.score_many([text])[0]
    assert max(abs(c.weight) for c in j.cues) >= EVALUATIVE_CUE, text


@pytest.mark.parametrize("text, sign", [
    ("The movie was top-notch.", 1),
    ("It gave me goosebumps.", 1),
    ("Easily rewatchable.", 1),
    ("Meh.", -1),
    ("The last fight was meh.", -1),
    ("A total trainwreck.", -1),
])
def test_verdicts_of_everyday_speech(critic, text, sign):
    # readers' and bloggers' words that the critics' training data has rarely
    assert critic.score_many([text])[0].polarity * sign > 0.3


@pytest.mark.parametrize("text", [
    "A gorgeous, thrilling film.",
    "The acting isn't great, but the score is simply wonderful.",
    "It is not a bad film, and never boring.",
    "It could have been a great film.",
    "It couldn't have been better.",
    "Although the plot is thin, the action is very exciting.",
    "I haven't seen a more exciting film this year.",
    "There is no lack of charm here; nothing about it is dull!",
    "The film doesn't mean that this amazing and fun action movie is doomed to fail.",
    "The plot holes are many, the script is not good and the acting is great.",
])
def test_scores_are_the_sum_of_the_features_weights(critic, text):
    """The run-time scorer looks weights up without building the training features; its
    margin and each word's contribution must be those of ``read_features``, to the bit
    (less the own weights of topic words)."""
    tokens = tokenize_text(text.lower())
    words = tokens.words
    margin, contrib, _ = critic._score(words, words)

    weights, flip = critic._w, critic._flip
    negators: list[int] = []
    features = read_features(words, critic.rules, negators)
    canon, mult, neg, _ = read_state(words, critic.rules)
    flipped = critic._flipped(words, canon, mult, neg, negators) if negators else set()
    expected_margin, expected = critic.model.bias, [0.0] * len(words)
    for key, value, a, b in features:
        if a == b and canon[a] in critic.rules.topic_words:
            continue
        if b in flipped and key.startswith("NOT_"):
            if a != b:
                continue  # the negated pair ending on a flipped word is dropped
            key, value = key[4:], flip * value
        weight = weights.get(key)
        if weight is None and key.startswith("NOT_") and key[4:] in weights:
            weight = flip * weights[key[4:]]
        if weight is None:
            continue
        c = weight * value
        expected_margin += c
        if a == b:
            expected[a] += c
        else:
            expected[a] += 0.5 * c
            expected[b] += 0.5 * c
    assert margin == expected_margin
    assert contrib == expected


def test_topic_words_name_what_is_judged_and_weigh_nothing(critic):
    """ "plot" and "music" carry no weight of their own; the pairs they stand in keep theirs."""
    rules = critic.rules
    assert {"plot", "script", "music", "acting"} <= rules.topic_words
    for text in ("The plot.", "The music.", "The script and the acting."):
        cued = {text[c.start:c.end].lower() for c in critic.score_many([text])[0].cues}
        assert not cued & rules.topic_words
    text = "The acting is wooden."
    wooden = critic.score_many([text])[0]
    assert wooden.polarity < 0 and [text[c.start:c.end] for c in wooden.cues] == ["wooden"]


def test_the_costumes_named_lean_nowhere_and_rare_praise_of_them_is_praise(critic):
    """ "costumes" names what is judged (it learned a lean to criticism from costume dramas'
    reviews); "exemplary" and "peerless" are praise the data saw too seldom to weigh."""
    assert "costumes" in critic.rules.topic_words
    assert pol(critic, "The costumes are exemplary.") > 0.5
    assert pol(critic, "Her performance is peerless.") > 0.5


def test_critics_words_of_praise_and_their_negation(critic):
    assert pol(critic, "The ending feels earned.") > 0.3
    assert pol(critic, "The ending never feels earned.") < 0
    assert pol(critic, "Cynthia Erivo is a powerhouse.") > 0.3
