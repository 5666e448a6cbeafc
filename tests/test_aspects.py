import copy
import re
import tomllib
from pathlib import Path

import pytest

from dashboard.engine.aspect_model import AspectModel, guess_aspect
from dashboard.engine.aspects import AspectMatcher, load_taxonomy, name_variants, taxonomy_from
from dashboard.records import People
from dashboard.text.normalize import normalize
from dashboard.text.tokens import tokenize

EXPECTED_KEYS = ["acting", "story", "characters", "action", "visuals", "music", "pacing", "direction", "world", "overall"]


def _matcher(**roles):
    people = People()
    for role, names in roles.items():
        for n in names:
            people.add(role, n)
    return AspectMatcher(load_taxonomy(), people, ("Ballerina",))


def _aspects(matcher, text):
    tokens = tokenize(normalize(text))
    return {m.aspect for m in matcher.match_span(matcher.find(tokens), 0, len(text))}


def test_taxonomy_has_the_film_aspects_with_plain_descriptions():
    taxonomy = load_taxonomy()
    assert taxonomy.keys == EXPECTED_KEYS
    for aspect in taxonomy.aspects:
        assert aspect.name and aspect.description and aspect.terms


def test_user_taxonomy_file_replaces_the_bundled_one(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text('[aspects.jokes]\nname = "Jokes"\ndescription = "Is it funny?"\nterms = ["joke*", "funny"]\n')
    taxonomy = load_taxonomy(str(path))
    assert taxonomy.keys == ["jokes"]
    assert _aspects(AspectMatcher(taxonomy), "The jokes land.") == {"jokes"}


def test_terms_and_names_link_to_aspects():
    m = _matcher(cast=["Ana de Armas"], director=["Len Wiseman"], character=["Eve"])
    assert _aspects(m, "Ana de Armas shines as the lead.") >= {"acting"}
    assert _aspects(m, "De Armas works hard.") == {"acting"}
    assert "direction" in _aspects(m, "Wiseman’s direction keeps the choreography stylish and tight.")
    assert "music" in _aspects(m, "The music helps carry the intensity.")
    assert "visuals" in _aspects(m, "There is gorgeous nighttime cinematography.")
    assert "characters" in _aspects(m, "Eve feels emotionally inert.")
    assert "pacing" in _aspects(m, "The second act suffers from a slight drag.")
    assert "world" in _aspects(m, "It expands the John Wick universe.")


def test_film_words_count_as_overall_only_when_nothing_else_matched():
    m = _matcher()
    assert _aspects(m, "The film is a mess.") == {"overall"}
    assert _aspects(m, "The film’s villain is underwritten.") == {"characters"}


def test_character_name_used_for_the_franchise_is_world():
    m = _matcher(character=["John Wick"])
    assert _aspects(m, "Fans of the John Wick films will feel at home.") == {"world"}


@pytest.mark.parametrize("text, aspects", [
    ("This is the weakest sequel in the series.", {"world", "overall"}),
    ("The franchise has run out of ideas.", {"world"}),
    # a passing mention of the franchise leaves the sentence to what it judges
    ("The music, composed by franchise regulars, is superb.", {"music"}),
    ("These are the best fights in the series.", {"action"}),
    ("The fight scenes outdo those of the earlier John Wick films.", {"action"}),
    ("The film is a series of sight gags.", {"story", "overall"}),  # no franchise at all: the gags are the writing
    ("It expands the lore of the franchise.", {"world"}),
])
def test_franchise_words_are_the_world_only_when_nothing_else_is_named(text, aspects):
    assert _aspects(_matcher(character=["John Wick"]), text) == aspects


def test_surname_variants_keep_particles():
    assert name_variants("Ana de Armas") == {"Ana de Armas", "de Armas", "De Armas"}
    assert name_variants("Len Wiseman") == {"Len Wiseman", "Wiseman"}


@pytest.mark.parametrize("text, acting", [
    ("Ana de Armas is terrific as Eve.", True),                 # no cast list needed
    ("Kurt Russell is delightful as Snake.", True),
    ("Bale's brilliant performance as Bateman holds it together.", True),
    ("Denzel Washington, on the other hand, steals every scene he's in.", True),  # an idiom of acting
    ("Jane Doe is known as Kiki in the village.", False),
    ("It is terrific as Entertainment.", False),
    ("The house burns down, as Carol predicted.", False),
])
def test_a_name_judged_in_a_named_role_is_acting(text, acting):
    from dashboard.records import ReviewSource
    from dashboard.engine.pipeline import analyze_sources

    aspects = set(analyze_sources([ReviewSource("r", text)]).mentions.aspect)
    assert ("acting" in aspects) == acting


@pytest.mark.parametrize("pattern", [
    r"\bact(?<!final act)(?:s|ed)?\b(?! of )", r"\bruns? (?:\d+|one) (?:minutes|hours?)\b",
    r"\bfollows (?-i:[A-Z])", r"\bwhen \w+ (?:was|were|is)\b", r"\bx{2}\b", r"\bsound\b|\bscore\b",
])
def test_a_pattern_term_compiled_word_first_finds_the_same(pattern):
    """Pattern terms that open with a word boundary are compiled word first (much faster);
    they must find exactly what the pattern as written finds."""
    from dashboard.text.terms import _word_first

    text = ("The cast acts well. Final act of it. She reacts, he acted; Exact. It runs 2 minutes, "
            "reruns one hour. When Eve was young, follows Bob. xx xxx axx. Sound, resound, score.")
    assert [m.span() for m in re.finditer(_word_first(pattern), text, re.I)] == \
        [m.span() for m in re.finditer(pattern, text, re.I)]


@pytest.mark.parametrize("terms", [
    ["re:\\bwhen \\w+ (?:was|were|is)\\b", "re:\\bfollows (?-i:[A-Z])"],
    ["re:\\bsound\\b|\\bscore\\b"],             # a choice of its own: no single opening word
    ["re:\\bx[]|]\\b", "re:(?<!in )\\bdrag\\w*"],  # a "|" inside a class; no opening word
    ["re:\\b(?:every|each|such)\\s+shot\\b", "re:\\bsets\\b"],  # a choice of opening words
])
def test_pattern_terms_skipped_for_a_text_without_their_opening_word_find_the_same(terms):
    """A list's patterns are tried only on texts holding the words they must open with;
    they find exactly what trying them everywhere finds."""
    from dashboard.text.terms import TermLists

    lists = TermLists({"k": terms})
    everywhere = TermLists({"k": terms})
    everywhere._regexes = [(key, pattern, None) for key, pattern, _ in everywhere._regexes]
    for text in ("When Eve was young, she follows Bob.", "The score swells; the sound fades.",
                 "Only the score.", "x| and x] in drag", "Nothing here.",
                 "Every shot, each shot and such shot; film-sets and sets, sunsets. EACH SHOT"):
        tokens = tokenize(normalize(text))
        assert lists.find(tokens) == everywhere.find(tokens)


def test_every_shipped_word_list_finds_the_same_tried_at_its_opening_words_or_everywhere():
    """The shipped lists' patterns, tried only where their opening words stand, find what
    trying them at every character finds, on the bundled reviews and the development pages."""
    from dashboard.engine.opinion import word_lists

    repo = Path(__file__).resolve().parents[1]
    texts = [p.read_text("utf-8") for p in (*(repo / "data" / "reviews" / "ballerina").glob("*.txt"),
                                            *(repo / "benchmarks" / "pages").glob("*.txt"))]
    assert len(texts) > 20
    for lists in (_matcher()._terms, word_lists()):
        everywhere = copy.copy(lists)
        everywhere._regexes = [(key, pattern, None) for key, pattern, _ in lists._regexes]
        for text in texts:
            tokens = tokenize(normalize(text))
            assert lists.find(tokens) == everywhere.find(tokens)


@pytest.mark.parametrize("text, aspects", [
    # an aspect word written as part of a name or a title names no aspect
    ("Celine Song, a playwright herself, directs with enormous restraint.", {"direction"}),
    ("It is no Tokyo Story, but it is lovely.", {"overall"}),
    ("A Star Trek spoof with real wit.", set()),
    # also for a word a "word*" term opens: "Colorado" is no colour, "Dragnet" no drag
    ("He grew up in Colorado, where the story is set.", {"story"}),
    ("Its hero is a cop out of Dragnet.", {"characters"}),
    # ... nor at the start of a sentence, when the review writes it only with a capital
    ("Celine Song directs with restraint. Song frames her actors in long takes.", {"direction", "acting", "visuals"}),
    # a headline in title case is no sign of a name: every word there has a capital
    ("Review: Vera Lund Anchors a Visually Dazzling, Narratively Thin Heist Caper\n\n"
     "Narratively, the film is far less secure.", {"story"}),
    # but it does in lower case, before a name, or naming something in the story
    ("Celine Song directs. Song and score are lovely.", {"direction", "music"}),
    ("Director Todd Holland fails to develop the material.", {"direction"}),
    ("Hans Zimmer's score is relentless.", {"music"}),
    ("Worse, the Cult's motivations are murky.", {"characters", "story"}),
    ("The Cult is more idea than entity.", {"characters"}),
    ("It is no better than The Score.", {"overall"}),
    ("Greta Lee is extraordinary as Nora.", {"acting"}),
])
def test_an_aspect_word_inside_a_name_or_title_is_no_aspect(text, aspects):
    assert _aspects(_matcher(), text) == aspects


@pytest.mark.parametrize("text", ["At 116 minutes it feels twice as long.", "You feel every minute of its 150 minutes.",
                                  "It also feels much longer than it is.", "For a two-hour drama, it flew by."])
def test_a_film_that_feels_long_is_pacing(text):
    assert "pacing" in _aspects(_matcher(), text)


@pytest.mark.parametrize("text, pacing", [
    ("The middle section is a drag.", True),
    ("The second half drags.", True),
    ("Leto looks good in drag.", False),
    ("It is a drag queen comedy.", False),
])
def test_drag_is_pacing_only_when_the_film_drags(text, pacing):
    assert ("pacing" in _aspects(_matcher(), text)) is pacing


@pytest.mark.parametrize("text, director", [
    ("Grey Water, Halvor Brekke's new documentary, takes its time.", "Halvor Brekke"),
    ("Counterweight, the third feature from Sabine Aurel, is handsome.", "Sabine Aurel"),
    ("Jojo Kettleby's film is loud and busy.", "Jojo Kettleby"),
    ("They pine prettily in Ines Maro's lavish adaptation.", "Ines Maro"),
    ("The Ninth Crossing's first film was better.", None),  # a title owns no film
    ("In Tom's film class, the students argue.", None),
])
def test_a_film_owned_or_from_a_full_name_names_its_director(text, director):
    from dashboard.engine.cast import crew_in_prose

    assert [n for role, n in crew_in_prose(text) if role == "director"] == ([director] if director else [])


@pytest.mark.parametrize("text, performer", [
    ("Rita Sotelo plays the senator's aide with a dry wit.", "Rita Sotelo"),
    ("Hermione Stallybrass as the gran gets the best lines.", "Hermione Stallybrass"),
    ("Odile Brask, as Marguerite, is luminous.", "Odile Brask"),
    ("The owl is voiced by Barney Tull.", "Barney Tull"),
    ("Ana de Armas stars as Eve.", "Ana de Armas"),
    ("Dev Okafor plays a washed-up boxer.", "Dev Okafor"),
    # not a part: an instrument, a crew role, a turn of phrase, a title's first word
    ("Marta Reyes plays the piano at the wedding.", None),
    ("Marta Reyes plays a game of chess with death.", None),
    ("With Jane Campion as the director, it was never going to be tidy.", None),
    ("The Long Field plays like a sitcom.", None),
    ("Quarter Section as a whole is too long.", None),
])
def test_a_performer_named_in_prose_by_their_part_is_cast(text, performer):
    from dashboard.engine.cast import performers_in_prose

    assert list(performers_in_prose(text)) == ([performer] if performer else [])


def test_performers_named_in_prose_link_later_sentences_to_acting():
    # No cast list: "Rita Sotelo plays the senator's aide" is how a critic introduces her,
    # and her surname alone later carries the acting aspect.
    from dashboard.engine.pipeline import analyze_sources
    from dashboard.records import ReviewSource

    text = ("Rita Sotelo plays the senator's aide. The plot is thin. Sotelo is the saving grace, "
            "bringing wit to every scene.")
    m = analyze_sources([ReviewSource("r", text)]).mentions
    assert "acting" in set(m[m["text"].str.startswith("Sotelo")]["aspect"])


def test_crew_named_by_their_job_in_prose_link_later_sentences_to_their_aspect():
    # No credits block: "Writer-director Tomas Ferrer" and "the composer, Ines Okoro" are
    # how critics introduce the crew, and their surnames alone later carry the aspect.
    from dashboard.engine.pipeline import analyze_sources
    from dashboard.records import ReviewSource

    text = ("Writer-director Tomas Ferrer adapts a novel nobody has read, and the composer, Ines Okoro, "
            "works in the margins. Ferrer never once reaches for a cheap scare. Okoro is the secret weapon.")
    m = analyze_sources([ReviewSource("r", text)]).mentions
    aspects = {t: set(g["aspect"]) for t, g in m.groupby("text")}
    assert "direction" in aspects["Ferrer never once reaches for a cheap scare."]
    assert "music" in aspects["Okoro is the secret weapon."]


@pytest.mark.parametrize("text, visuals", [
    ("The final shot lingers on an empty pier.", True),
    ("Seen in 70mm, the desert is overwhelming.", True),
    ("He is shot dead in the first reel.", False),
    ("She takes a shot at the title.", False),
    ("That joke is a cheap shot.", False),
])
def test_shot_is_visuals_only_as_the_noun(text, visuals):
    assert ("visuals" in _aspects(_matcher(), text)) is visuals


@pytest.mark.parametrize("text, aspect", [
    ("The period detail is immaculate.", "world"),
    ("The setting feels lived-in rather than dressed.", "world"),
    ("It is a debut feature of real control.", "direction"),
    ("She is given no motive beyond spite.", "characters"),
    # how it looks, said without a camera word
    ("Everything looks damp and lit by candles, which suits it.", "visuals"),
    ("It is the best-looking thriller of the autumn.", "visuals"),
    ("After the sixth such shot the trick wears thin.", "visuals"),
    ("The light through the kitchen window is beautiful.", "visuals"),
    # a running time judged
    ("At just under two hours it could lose twenty minutes.", "pacing"),
    ("It outstays its welcome.", "pacing"),
    ("The middle stretch sags.", "pacing"),
    # the cast, without "acting" or a cast list
    ("Tamsin Greer voices the owl with great dignity.", "acting"),
    ("There is a winning supporting turn from Oskar Vale.", "acting"),
    ("Her timing is immaculate.", "acting"),
    # the people as written
    ("The neighbours are thinly drawn.", "characters"),
    ("The film's weakness is its peripheral figures.", "characters"),
    ("The friendship at its centre never convinces.", "characters"),
    # the writing: jokes and devices
    ("Its jokes land about half the time.", "story"),
    ("The letters device becomes a crutch.", "story"),
    ("Not much else happens.", "story"),
    # the franchise and the period
    ("The post-credits scene is pure homework for the next one.", "world"),
    ("It gets the feel of the period right.", "world"),
    # the sound in the room
    ("The scares come entirely through the speakers.", "music"),
    ("The showstopper is a power ballad of thudding uplift.", "music"),
    # a running time or a sagging middle
    ("This one runs to two hours and four minutes.", "pacing"),
    ("It does sag in the middle.", "pacing"),
    # a performer in a role named by a common noun
    ("Tobin Ferrault is wonderfully doom-laden as the owl.", "acting"),
    ("Tobin Ferrault, as the owl, has a lovely rumble.", "acting"),
    # the look of a documentary, a world's detail, a plot seen coming
    ("The footage at the weirs is arresting.", "visuals"),
    ("I concede that the film is pretty.", "visuals"),
    ("Far more rewarding is its human detail.", "world"),
    ("You will see it coming from the first reel.", "story"),
    ("The twist is telegraphed by the halfway mark.", "story"),
    ("The rink looks amazing.", "visuals"),
    ("The rowing sequences are thrilling.", "action"),
    ("The first forty minutes could have been tightened.", "pacing"),
    ("The film could spare ten minutes from its middle.", "pacing"),
    ("Ninety minutes, not a second wasted.", "pacing"),
    ("I came home and made a playlist.", "music"),
    ("The detail is scrupulous.", "world"),
    # the place itself
    ("The film has a real feel for the town itself, its shuttered arcades and wet promenade.", "world"),
    ("I loved the odd little harbour customs.", "world"),
    ("What it does brilliantly is show how the place actually runs.", "world"),
    ("Ines Maro is even better than last time as Imani.", "acting"),
    ("An assured second feature.", "direction"),
    ("Nobody could fault the look of the thing.", "visuals"),
    # verdicts that name another aspect's word
    ("The best music film in years.", "overall"),
    ("See it on the biggest screen you can find.", "overall"),
    ("It is a warm, scruffy little comedy.", "overall"),
    ("For all its faults, it delivers.", "overall"),
])
def test_critics_everyday_words_for_an_aspect(text, aspect):
    assert aspect in _aspects(_matcher(), text)


@pytest.mark.parametrize("text, aspect", [
    ("It looks like the sequel will never come.", "visuals"),  # "looks like": no looks at all
    ("He looks bored throughout.", "visuals"),                 # a person's look is acting, not the image
    ("The post-credits scene sets up the next one.", "visuals"),  # "sets up" is no film set
    ("In the light of that ending, it is a tease.", "visuals"),
    ("It was a period of grief for her.", "world"),
    ("She figures out the code.", "characters"),
    ("She delivers her explanations with a dry impatience.", "overall"),  # her lines, not a verdict
    ("It was pretty good.", "visuals"),
    ("He runs for two hours through the woods.", "pacing"),
    ("Meanwhile, as the storm hits, they flee.", "acting"),
    ("Paris is as beautiful as the poets say.", "acting"),
    ("The dream sequence is lovely.", "action"),
    ("She looks at the sea.", "visuals"),
])
def test_everyday_words_outside_their_aspect_sense_are_no_aspect(text, aspect):
    assert aspect not in _aspects(_matcher(), text)


def _toy_model(min_probability=0.5):
    # Two words with a clear aspect each; "fine" leans to the verdict on the whole film.
    classes = ("music", "overall", "story")
    weights = {"hummable": (1.0, (4.0, 0.0, 0.0)), "twisty": (1.0, (0.0, 0.0, 4.0)),
               "fine": (1.0, (0.0, 4.0, 0.0)), "twisty fine": (1.0, (0.0, 0.0, 1.0))}
    return AspectModel(classes, weights, (0.0, 0.0, 0.0), min_probability, {})


def test_a_guess_names_a_likely_aspect_of_the_taxonomy_and_the_word_behind_it():
    taxonomy = load_taxonomy()
    assert guess_aspect(_toy_model(), taxonomy, ["so", "hummable", "!"]) == ("music", 1, 1)
    # the verdict on the film is no guess: the mention counts for it anyway
    assert guess_aspect(_toy_model(), taxonomy, ["fine"]) is None
    # the best aspect must be likely enough
    assert guess_aspect(_toy_model(0.99), taxonomy, ["so", "hummable"]) is None
    # ... and likelier still where the mention names the film, a word for the verdict
    assert guess_aspect(_toy_model(), taxonomy, ["so", "hummable"], at_least=0.99) is None
    # and one the taxonomy has
    music_only = taxonomy_from(tomllib.loads('[aspects.music]\nname = "Music"\nterms = ["music"]\n'))
    assert guess_aspect(_toy_model(), music_only, ["twisty"]) is None


def test_without_its_file_the_model_guesses_nothing(tmp_path):
    assert guess_aspect(AspectModel.load(tmp_path / "missing.json.gz"), load_taxonomy(), ["hummable"]) is None


@pytest.mark.parametrize("text, aspect", [
    # an opinion naming only the film ("it") is read for the aspect its words are about
    ("Frankly, she is the only reason to sit through it.", "acting"),
    ("He is the reason to buy a ticket for it, no question.", "acting"),
])
def test_an_opinion_naming_only_the_film_is_guessed_its_aspect(text, aspect):
    from dashboard.records import ReviewSource
    from dashboard.engine.pipeline import analyze_sources

    mentions = analyze_sources([ReviewSource("r", "A review of a film.\n\n" + text)]).mentions
    assert set(mentions[mentions.opinion].aspect) == {aspect}


def test_the_film_as_the_subject_of_a_verdict_stays_the_verdict():
    from dashboard.records import ReviewSource
    from dashboard.engine.pipeline import analyze_sources

    mentions = analyze_sources([ReviewSource("r", "A review of a film.\n\nIt is terrific as a night out.")]).mentions
    assert set(mentions[mentions.opinion].aspect) == {"overall"}
