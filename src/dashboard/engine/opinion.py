"""Is a mention the critic's opinion, or retold plot and plain fact?

Retold plot is kept (readers may want to see it) but marked ``opinion = False`` and moves
no score. The decision combines a learned model of opinion against retold plot
(``opinion_model``: a sentence it is sure is plot never counts, unless it judges a
performer or film-maker named as its subject) with the word lists in
``resources/opinion.toml`` (found once per review, then asked per sentence): inside a
synopsis paragraph a sentence needs the critic's voice (a stance word, or the model's
confidence) to count;
elsewhere a narrative sentence with no stance word is plot unless the model finds it
likely opinion.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from dashboard.engine.document import Mention, ReviewDoc
from dashboard.engine.opinion_model import opinion_model, probability
from dashboard.engine.polarity import Judgement
from dashboard.text.language import load_resource
from dashboard.text.terms import FoundIndex, TermLists

# Outside retold plot and plain facts, a sentence is an opinion when it has a stance word,
# one evaluative word (a cue at least EVALUATIVE_CUE strong) or a clear polarity. Critics'
# clipped sentences ("an hour and a half of filler") are opinions however short; "2025."
# or "It runs 125 minutes." judge nothing.
EVALUATIVE_CUE = 0.2
CLEAR_POLARITY = 0.3
# Narrative wording with no stance word is retold plot unless the opinion model is at
# least this sure it is opinion.
NARRATIVE_SUBJECTIVITY = 0.6
# In a review with no opinion mention, a sentence worded as a fact judges only with at
# least this polarity ("simply doesn't have the heft to justify its running time").
CLEAR_FACT_POLARITY = 0.7
# A fact's wording ("budget", "released") makes no opinion of a sentence, unless one of its
# words judges at least this strongly: "Holm is hilarious as the budget-cutting councillor",
# "the budget shows in the murky night scenes". Chosen on the development pages among 0 to 1
# (at 0, more of their furniture moves a score).
FACT_OUTWEIGHED_CUE = 0.4


_LISTS = ("stance", "weak_stance", "synopsis_opener", "narrative", "fact", "expectation", "craft")


@lru_cache(maxsize=1)
def word_lists() -> TermLists:
    """The lists of ``opinion.toml``, found in one pass over a review."""
    data = load_resource("opinion.toml")
    return TermLists({key: data[key] for key in _LISTS}, strict_edges=False)


@dataclass(frozen=True, slots=True)
class Signals:
    """Which of the opinion word lists a sentence or clause holds."""

    stance: bool = False           # the critic judging ("I think", "fails", "gorgeous")
    weak_stance: bool = False      # softer signs of a voice ("feels", "quite")
    synopsis_opener: bool = False  # "The story follows..."
    narrative: bool = False        # events told in sequence ("years later", "is chased")
    fact: bool = False             # "Released in cinemas", "directed by"
    expectation: bool = False      # "The trailers hinted...", "I expected..."
    craft: bool = False            # the film as a made thing: "the script", "a subplot", "thinly drawn"


_NO_SIGNALS = Signals()


def signals_in(found: FoundIndex, start: int, end: int) -> Signals:
    """The signals of ``text[start:end]``, from a whole review's matches."""
    keys = {f.key for f in found.within(start, end)}
    if not keys:
        return _NO_SIGNALS
    return Signals("stance" in keys, "weak_stance" in keys, "synopsis_opener" in keys, "narrative" in keys,
                   "fact" in keys, "expectation" in keys, "craft" in keys)


def _is_word(token: str) -> bool:
    return sum(ch.isalpha() for ch in token) >= 2


def strongest_word_cue(text: str, judgement: Judgement) -> float:
    """The largest weight of a word (not a digit or a stray letter) among the cues."""
    # Only word cues count: digits and stray letters carry model noise, not judgement.
    # (A cue is read only when it would be the strongest so far: most never are.)
    strongest = 0.0
    for c in judgement.cues:
        weight = abs(c.weight)
        if weight > strongest and _is_word(text[c.start:c.end]):
            strongest = weight
    return strongest


def tells_events(signals: Signals, character_subject: bool = False) -> bool:
    """Narrative wording, or a character as the subject ("Eva has chosen to leave...")."""
    return character_subject or signals.narrative


def starts_retelling(signals: Signals, subjectivity: float, character_subject: bool = False) -> bool:
    """Does this sentence start retelling the plot? The rest of its paragraph then needs
    the critic's own voice to count as opinion."""
    if signals.stance:
        return False
    if signals.synopsis_opener:
        return True
    return (tells_events(signals, character_subject) and not signals.weak_stance
            and subjectivity < NARRATIVE_SUBJECTIVITY)


def is_opinion(signals: Signals, strongest: float, polarity: float, subjectivity: float, in_retelling: bool,
               from_list: bool) -> bool:
    """``strongest``: the mention's strongest word cue (``strongest_word_cue``);
    ``subjectivity`` how likely its sentence is opinion (``opinion_model``);
    ``in_retelling`` when it stands in retold plot."""
    if from_list:
        return True  # a Pros/Cons item is an opinion by its heading
    if signals.expectation:
        return False  # what the critic expected, not what they found
    strong = signals.stance
    if in_retelling or (signals.synopsis_opener and not strong):
        return strong
    if strong:
        return True
    if signals.fact and strongest < FACT_OUTWEIGHED_CUE:
        return False
    if signals.narrative and not signals.weak_stance:
        return subjectivity >= NARRATIVE_SUBJECTIVITY and strongest >= EVALUATIVE_CUE
    return signals.weak_stance or strongest >= EVALUATIVE_CUE or abs(polarity) >= CLEAR_POLARITY


def judges(signals: Signals, strongest: float, polarity: float) -> bool:
    """Does the mention judge something, whatever its plot wording: a stance word, one
    evaluative word or a clear polarity? Used for reviews in which no mention reads as
    opinion (a one-line quote such as "follows a resolutely realistic path in this
    uncompromising film"): a review is somebody's opinion, so its judging mentions count.
    Fact wording ("running time", "directed by") needs a polarity of CLEAR_FACT_POLARITY:
    names and dates carry some weight by accident of the training data."""
    if signals.stance:
        return True
    if signals.fact:
        return abs(polarity) >= CLEAR_FACT_POLARITY
    return strongest >= EVALUATIVE_CUE or abs(polarity) >= CLEAR_POLARITY


# A mention the rules read as opinion is retold plot after all when the learned model
# (``opinion_model``: its sentence's words and how strongly the mention judges) gives it
# log-odds of opinion below this: about 1.6 to 1 for plot. A stricter cut silences more plot
# but also more of the critics' clipped one-line verdicts (chosen on page sets the model had
# not then learned from, with the subjectivity dev sentences and RT quotes).
PLOT_VETO = -0.5
# Retold plot ends, as with a stance word, at a mention the learned model is this sure is
# the critic's voice (about 7 to 1): critics turn from story to verdict without saying
# "I think". Chosen on the development pages: their score correlates with the printed
# rating better, and no more of their plot moves a score.
VOICE_LOG_ODDS = 2.0


class _Retelling:
    """Tracks retold plot through a review: once a paragraph starts retelling the story,
    the rest of it stays plot until a sentence carries the critic's own voice (a stance
    word, or the learned model's ``VOICE_LOG_ODDS``)."""

    def __init__(self) -> None:
        self.active = False
        self.paragraph = -1

    def update(self, m: Mention, signals: Signals, judged_log_odds: float) -> bool:
        if m.paragraph != self.paragraph:
            self.active, self.paragraph = False, m.paragraph
        if m.in_synopsis:
            self.active = True
        elif self.active and (judged_log_odds >= VOICE_LOG_ODDS
                              or signals.stance and not tells_events(signals, m.character_subject)):
            self.active = False
        elif not self.active and not m.list_sign:
            self.active = starts_retelling(signals, m.subjectivity, m.character_subject)
        return self.active


def sentence_log_odds(doc: ReviewDoc) -> dict[tuple[int, int], float]:
    """Per sentence (its offsets), the learned model's log-odds that it is opinion."""
    model, tokens = opinion_model(), doc.tokens
    odds: dict[tuple[int, int], float] = {}
    for m in doc.mentions:
        key = (m.sentence_start, m.sentence_end)
        if key not in odds:
            odds[key] = model.log_odds([tokens.words[i] for i in tokens.within(*key)])
    return odds


def decide_opinions(doc: ReviewDoc, run=None) -> None:
    """The ``opinion`` stage: each mention's ``opinion`` (the critic's own judgement) and
    ``plot`` (retold story, which moves no score). A review in which no mention reads as
    opinion (a short quote worded like plot or fact: "follows a resolutely realistic
    path...") still judges the film: its mentions that carry a judgement of their own
    (``judges``) count as opinions after all."""
    tokens = doc.tokens
    voices = FoundIndex(word_lists().find(tokens), tokens)
    retelling = _Retelling()
    odds = sentence_log_odds(doc)
    model = opinion_model()
    told: list[bool] = []
    strongest: list[float] = []
    words = tokens.words
    for m in doc.mentions:
        if not any(map(_is_word, (words[i] for i in tokens.within(m.start, m.end)))):
            # Digits and signs alone ("1/2", "2025.", a row of dots) judge nothing.
            m.signals, m.subjectivity = _NO_SIGNALS, 0.0
            strongest.append(0.0)
            told.append(True)
            continue
        m.signals = signals_in(voices, m.start, m.end)
        log_odds = odds[(m.sentence_start, m.sentence_end)]
        m.subjectivity = probability(log_odds)
        polarity = m.judgement.polarity
        strongest.append(strongest_word_cue(doc.norm[m.start:m.end], m.judgement))
        judged = model.judged_log_odds(log_odds, strongest[-1], polarity)
        in_retelling = retelling.update(m, m.signals, judged)
        # A performer or film-maker judged by name is the critic's voice: plot summaries
        # name the characters (the cast only in brackets), and the model reads a sentence
        # about a performer's role as story ("brings welcome warmth as her engineer"). So is
        # a judgement of the film as a made thing ("the script", "a thinly drawn figure").
        voiced = (m.credited_subject or m.signals.craft) and strongest[-1] >= EVALUATIVE_CUE
        told.append(not m.list_sign and not voiced and judged < PLOT_VETO)
        m.opinion = not told[-1] and is_opinion(m.signals, strongest[-1], polarity, m.subjectivity, in_retelling,
                                              bool(m.list_sign))
        m.plot = (in_retelling or told[-1]) and not m.opinion
    if doc.mentions and not any(m.opinion for m in doc.mentions):
        for m, vetoed, cue in zip(doc.mentions, told, strongest):
            if not vetoed and judges(m.signals, cue, m.judgement.polarity):
                m.opinion, m.plot = True, False
