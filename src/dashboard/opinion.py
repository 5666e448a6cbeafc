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

# Below this subjectivity a sentence with no stance word is not treated as opinion.
MIN_SUBJECTIVITY = 0.35
# Without any cue and with a polarity this close to 0, a sentence carries no judgement.
NEUTRAL_POLARITY = 0.02


@dataclass(frozen=True)
class OpinionRules:
    stance: re.Pattern[str]
    synopsis_opener: re.Pattern[str]
    narrative: re.Pattern[str]


@lru_cache(maxsize=1)
def rules() -> OpinionRules:
    data = tomllib.loads(resources.files("dashboard.resources").joinpath("opinion.toml").read_text("utf-8"))
    flags = re.I | re.M
    return OpinionRules(
        stance=re.compile(data["stance"].replace("\\\n", ""), flags),
        synopsis_opener=re.compile(data["synopsis_opener"].replace("\\\n", ""), flags),
        narrative=re.compile(data["narrative"].replace("\\\n", ""), flags),
    )


def opens_synopsis(sentence: str) -> bool:
    return bool(rules().synopsis_opener.search(sentence))


def is_opinion(text: str, judgement: Judgement, in_synopsis: bool, from_list: bool) -> bool:
    """``text`` is the normalised mention; ``in_synopsis`` when its paragraph retells plot."""
    if from_list:
        return True  # a Pros/Cons item is an opinion by its heading
    has_stance = bool(rules().stance.search(text))
    if in_synopsis:
        return has_stance
    if not judgement.cues and abs(judgement.polarity) < NEUTRAL_POLARITY:
        return False
    if rules().narrative.search(text) and not has_stance:
        return judgement.subjectivity >= 0.6
    return has_stance or judgement.subjectivity >= MIN_SUBJECTIVITY
