"""Is a mention the critic's opinion, or retold plot and plain fact?

Retold plot is kept (readers may want to see it) but marked ``opinion = False`` and moves
no score. The decision combines the scorer's subjectivity estimate with the word lists in
``resources/opinion.toml``: inside a synopsis paragraph a sentence needs the critic's
voice (a stance word) to count; elsewhere a narrative sentence with no stance word and a
low subjectivity is plot.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .sentiment import Judgement

# Outside retold plot and plain facts, a sentence is an opinion when it has a stance word,
# one evaluative word (a cue at least EVALUATIVE_CUE strong) or a clear polarity. Critics'
# clipped sentences ("an hour and a half of filler") are opinions however short; "2025."
# or "It runs 125 minutes." judge nothing.
EVALUATIVE_CUE = 0.2
CLEAR_POLARITY = 0.3
# Narrative wording with no stance word is retold plot unless the subjectivity model is
# at least this sure it is opinion.
NARRATIVE_SUBJECTIVITY = 0.6
# In a review with no opinion mention, a sentence worded as a fact judges only with at
# least this polarity ("simply doesn't have the heft to justify its running time").
CLEAR_FACT_POLARITY = 0.7


@dataclass(frozen=True)
class OpinionRules:
    stance: re.Pattern[str]
    weak_stance: re.Pattern[str]
    synopsis_opener: re.Pattern[str]
    narrative: re.Pattern[str]
    fact: re.Pattern[str]


@lru_cache(maxsize=1)
def rules() -> OpinionRules:
    data = tomllib.loads(resources.files("dashboard.resources").joinpath("opinion.toml").read_text("utf-8"))
    flags = re.I | re.M
    return OpinionRules(
        stance=re.compile(data["stance"].replace("\\\n", ""), flags),
        weak_stance=re.compile(data["weak_stance"].replace("\\\n", ""), flags),
        synopsis_opener=re.compile(data["synopsis_opener"].replace("\\\n", ""), flags),
        narrative=re.compile(data["narrative"].replace("\\\n", ""), flags),
        fact=re.compile(data["fact"].replace("\\\n", ""), flags),
    )


def _is_word(token: str) -> bool:
    return sum(ch.isalpha() for ch in token) >= 2


def opens_synopsis(sentence: str) -> bool:
    return bool(rules().synopsis_opener.search(sentence))


def has_critic_voice(text: str) -> bool:
    """A stance word: the critic judging, not the story happening."""
    return bool(rules().stance.search(text))


def tells_events(text: str, character_subject: bool = False) -> bool:
    """Narrative wording, or a character as the subject ("Eva has chosen to leave...")."""
    return character_subject or bool(rules().narrative.search(text))


def starts_retelling(text: str, judgement: Judgement, character_subject: bool = False) -> bool:
    """Does this sentence start retelling the plot? The rest of its paragraph then needs
    the critic's own voice to count as opinion."""
    r = rules()
    if r.stance.search(text):
        return False
    if opens_synopsis(text):
        return True
    return (tells_events(text, character_subject) and not r.weak_stance.search(text)
            and judgement.subjectivity < NARRATIVE_SUBJECTIVITY)


def is_opinion(text: str, judgement: Judgement, in_retelling: bool, from_list: bool) -> bool:
    """``text`` is the normalised mention; ``in_retelling`` when it stands in retold plot."""
    if from_list:
        return True  # a Pros/Cons item is an opinion by its heading
    r = rules()
    strong = bool(r.stance.search(text))
    if in_retelling or (opens_synopsis(text) and not strong):
        return strong
    if strong:
        return True
    if r.fact.search(text):
        return False
    # Only word cues count: digits and stray letters carry model noise, not judgement.
    strongest = max((abs(c.weight) for c in judgement.cues if _is_word(text[c.start:c.end])), default=0.0)
    weak = bool(r.weak_stance.search(text))
    if r.narrative.search(text) and not weak:
        return judgement.subjectivity >= NARRATIVE_SUBJECTIVITY and strongest >= EVALUATIVE_CUE
    return weak or strongest >= EVALUATIVE_CUE or abs(judgement.polarity) >= CLEAR_POLARITY


def judges(text: str, judgement: Judgement) -> bool:
    """Does the mention judge something, whatever its plot wording: a stance word, one
    evaluative word or a clear polarity? Used for reviews in which no mention reads as
    opinion (a one-line quote such as "follows a resolutely realistic path in this
    uncompromising film"): a review is somebody's opinion, so its judging mentions count.
    Fact wording ("running time", "directed by") needs a polarity of CLEAR_FACT_POLARITY:
    names and dates carry some weight by accident of the training data."""
    r = rules()
    if r.stance.search(text):
        return True
    if r.fact.search(text):
        return abs(judgement.polarity) >= CLEAR_FACT_POLARITY
    strongest = max((abs(c.weight) for c in judgement.cues if _is_word(text[c.start:c.end])), default=0.0)
    return strongest >= EVALUATIVE_CUE or abs(judgement.polarity) >= CLEAR_POLARITY
