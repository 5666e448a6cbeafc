"""Set phrases read as one cue ([idioms] in lexicon.toml)."""

from __future__ import annotations

import pytest

from dashboard.engine.idioms import compile_idioms, find_idioms
from dashboard.engine.polarity import get_scorer


@pytest.fixture(scope="module")
def critic():
    return get_scorer("critic")


def judge(critic, text: str):
    return critic.score_many([text])[0]


@pytest.mark.parametrize("text", [
    "I can't recommend it highly enough.",
    "I cannot recommend this film enough.",
    "You won't regret it.",
    "I couldn't take my eyes off the screen.",
    "I didn't want it to end.",
    "I was blown away.",
    "The jokes land.",
    "She steals the show.",
    # a negation before the phrase flips it
    "I never once checked my watch.",
    "It's hard to imagine a better cast.",
    "I didn't need to worry.",
    # "for a second" says nothing of its own: what is left is "never drags"
    "It never drags for a second.",
    "The final scene wrecked me.",
    # everyday speech of readers' reviews
    "'71 is on point.",
    "It's a must see.",
    "It blew my mind.",
    "He deserves credit for his performance.",
    "Aoife Dunleavy is a proper find.",
    "Wendell Achebe is the reason to go.",
    "Strand gives it everything.",
    "For two hours, the time flies by.",
    "I don't know what more you can ask of a movie than that.",
    "What more could you ask for?",
    "I have not stopped thinking about it.",
    "I now know every word of the theme song, and I regret nothing.",
    "This is a huge step up.",
    "At a lean 94 minutes, it doesn't waste a scene.",
    "Nobody could fault the look of the thing.",
    "You can't fault the cast.",
    # "does his best" with no "to" or "with" after it is no effort praised in place of results
    "Hugo Venn does his best work in years.",
    "The ending is never telegraphed.",
    # a film that does not outstay its welcome is praised for its pacing
    "At a trim 91 minutes, though, it never outstays its welcome.",
    "A crass and often thoughtful comedy that doesn't overstay its welcome.",
    "It repeats its best gags without wearing out their welcome.",
    "Nobody in the voice cast puts a paw wrong.",
    "Ninety minutes, and not a second wasted.",
    "The landlady is the film's secret weapon.",
    "Pell is the best thing in it by some distance.",
    "It cuts the subplot, and is all the better for it.",
    "The director knows when to cut away.",
    # a negator that flips a flaw is read with it, its own lean to criticism gone
    "None of that sinks it.",
    "Nothing spoils it.",
    "I have no complaints.",
    "The finale slaps, no notes.",
    "It is a film I have not been able to stop talking about.",
    "I'd be lying if I said my eyes were dry at the end.",
    "The sword fights have weight.",
    "Seek this one out.",
    "The gamble pays off.",
    "It is better shot than almost any film this year.",
    # "instead of" negates what it names: the slog that did not happen
    "Instead of boring us, it keeps surprising us.",
])
def test_idioms_of_praise(critic, text):
    assert judge(critic, text).polarity > 0.3


@pytest.mark.parametrize("text", [
    "It never pays off.",
    "It is worse acted than any film this year.",
    "You'll regret it.",
    "He is one-note as the villain.",
    "The plot holds zero surprises.",
    "You could set your watch by the twist.",
    "The last act is the film at its least convincing.",
    "The villain is all sneer and no interior.",
    "The music tries too hard.",
    "The orchestral score overstates its case.",
    "I could have done with none of it.",
    "The film has a blind spot.",
    "Tamsin Greer, as the heroine, deserves better.",
    "It is hard to imagine a worse script.",
    "Don't waste your money.",
    "But I can't say I was moved.",
    "I kept looking at my watch.",
    "The jokes don't land.",
    "It misses the mark.",
    "It doesn't live up to the hype.",
    "I really wanted to love this film.",
    "The third act goes off the rails.",
    "At 116 minutes it feels twice as long.",
    "I want my two hours back.",
    "You'll never get those two hours back.",
    "I was bored to tears.",
    "It isn't my cup of tea.",
    "Tolland directs with the subtlety of a foghorn.",
    "I suspect a lot of you will like it more than I did.",
    "There is a fine short film buried in here.",
    "There is a terrific short film trapped inside this long one.",
    "There is a good film struggling to get out.",
    "I was fidgeting a bit.",
    "You can see every twist coming a mile off.",
    "The mutineers are thinly drawn.",
    "I genuinely couldn't tell two of them apart.",
    "Stella barely has a personality.",
    "The landlord is a pantomime villain.",
    "He is given nothing to do.",
    "Bea Lind is wasted as his partner, given nothing to do but listen.",
    "The sisters' conflict is oddly underpowered.",
    "The rest of the crew are a blur of jumpsuits.",
    "The cast does what it can with the material.",
    "Marta Quell does her best with a part that asks very little.",
    "Every turn of the plot is signposted.",
    "The last act goes on and on.",
    "It is also slow to get going; the first twenty minutes are all farewells.",
    "The film means well.",
    "The jaunty comedy music is something I could do without.",
    "The choir at the summit is something I could have done without.",
    "The committee scenes will lose some viewers.",
    "His final speech is pure ham.",
    "The screenplay ticks off the disaster-movie checklist.",
    "My one real grumble is the narration.",
    "The loan shark is a stock figure.",
    "A novelty that wears out its welcome well before the credits.",
    "If I have a reservation, it is the last ten minutes, which explain more than they need to.",
    "The narration is the weak link.",
    "There is a good film somewhere inside this one.",
    "The last twist is one turn too many.",
    "A subplot slows the middle third to a crawl.",
    "The film could easily lose twenty minutes.",
    "I found the courtroom scenes hard going.",
    "The reveal at the end is a bit much.",
    "The ending is where it really wobbled for me.",
    "Two hours and ten minutes, and I felt every one of them.",
])
def test_idioms_of_criticism(critic, text):
    assert judge(critic, text).polarity < -0.3


def test_an_idiom_is_one_cue_over_its_words(critic):
    text = "Honestly, I can’t recommend it highly enough."
    cues = {text[c.start:c.end]: c.weight for c in judge(critic, text).cues}
    assert cues.get("can’t recommend it highly enough", 0) > 0
    assert "recommend" not in cues and "highly" not in cues


def test_a_gap_never_crosses_a_negation_or_a_clause():
    idioms = compile_idioms({"gap": 3, "phrases": {"jokes * land": 1.0}})
    stops = frozenset({"not", ","})
    assert find_idioms("the jokes really land".split(), idioms, stops)
    assert not find_idioms("the jokes not land".split(), idioms, stops)
    assert not find_idioms("the jokes , we land".split(), idioms, stops)
    assert not find_idioms("the jokes a b c d land".split(), idioms, stops)


def test_the_longest_phrase_at_a_word_wins():
    idioms = compile_idioms({"phrases": {"not say enough": -1.0, "not say enough good things": 2.0}})
    [(first, last, idiom)] = find_idioms("i not say enough good things".split(), idioms, frozenset())
    assert (first, last, idiom.weight) == (1, 5, 2.0)


def test_an_idiom_must_start_with_a_word():
    with pytest.raises(ValueError, match="start with a word"):
        compile_idioms({"phrases": {"* land": 1.0}})


@pytest.mark.parametrize("text, word", [
    ("The remake is a good deal longer.", "good"),  # a quantity
    ("It is all I have ever asked of a disaster movie.", "disaster"),  # a genre
    ("The flood takes a wooden bridge with it.", "wooden"),  # a thing made of wood
])
def test_words_that_judge_nothing_in_their_phrase(critic, text, word):
    assert word not in {text[c.start:c.end] for c in judge(critic, text).cues}


def test_a_costume_is_no_judgement(critic):
    text = "Leto looks good in drag."
    assert "drag" not in {text[c.start:c.end] for c in judge(critic, text).cues}
    assert judge(critic, text).polarity > 0
