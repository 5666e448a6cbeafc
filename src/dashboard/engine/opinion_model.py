"""How likely a sentence is the critic's opinion rather than retold plot: a linear model
learned from labelled sentences (``benchmarks/train_opinion.py`` writes
``resources/opinion_model.json.gz``).

The features are the sentence's words, its pairs of neighbouring words and its first and
last word (``<s> the``, ``film </s>``): plot summaries open and close differently from
judgements. Each feature has one weight, so a sentence's log-odds are a plain sum.

The words alone miss what the scorer sees: a critic's verdict worded like a story ("she
makes his exhaustion visible in the way she moves", with "superbly" in it) judges louder
than retold plot does. ``judged_log_odds`` adds how strongly a mention judges (its
strongest word cue, the size of its polarity) with weights learned with the model, on its
out-of-fold log-odds.
"""

from __future__ import annotations

import gzip
import json
import math
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat
from pathlib import Path
from typing import Iterator, Sequence

MODEL_PATH = Path(__file__).resolve().parents[1] / "resources" / "opinion_model.json.gz"
START, END = "<s>", "</s>"
JUDGED_INPUTS = ("log_odds", "strongest_cue", "polarity", "bias")  # keys of the file's "judged"


def features(words: Sequence[str]) -> Iterator[str]:
    """The features of one sentence's lower-cased words, each once per occurrence."""
    yield from words
    for a, b in zip(words, words[1:]):
        yield f"{a} {b}"
    if words:
        yield f"{START} {words[0]}"
        yield f"{words[-1]} {END}"


@dataclass(frozen=True)
class OpinionModel:
    weights: dict[str, float]
    bias: float
    meta: dict
    # (sentence log-odds, strongest word cue, |polarity|, bias): see ``judged_log_odds``
    judged: tuple[float, float, float, float] = (1.0, 0.0, 0.0, 0.0)

    @classmethod
    def load(cls, path: Path | str = MODEL_PATH) -> "OpinionModel":
        path = Path(path)
        if not path.exists():
            # Without the learned file every sentence is undecided (log-odds 0).
            return cls({}, 0.0, {"missing": str(path)})
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            data = json.load(fh)
        judged = data.get("judged", {})
        return cls(data["weights"], float(data["bias"]), data.get("meta", {}),
                   tuple(float(judged.get(k, d)) for k, d in zip(JUDGED_INPUTS, (1.0, 0.0, 0.0, 0.0))))

    def log_odds(self, words: Sequence[str]) -> float:
        """Calibrated log-odds that the sentence is opinion (above 0: more likely than not)."""
        if not self.weights:
            return 0.0
        if not words:
            return self.bias
        # ``features`` spelled out with ``map``: the stage's hottest loop.
        get, zero = self.weights.get, repeat(0.0)
        pairs = map("{} {}".format, words, words[1:])
        return (self.bias + sum(map(get, words, zero)) + sum(map(get, pairs, zero))
                + get(f"{START} {words[0]}", 0.0) + get(f"{words[-1]} {END}", 0.0))

    def judged_log_odds(self, log_odds: float, strongest_cue: float, polarity: float) -> float:
        """Log-odds that a mention is opinion, from its sentence's ``log_odds`` and how
        strongly the mention judges: its strongest word cue and its polarity."""
        a, b, c, d = self.judged
        return a * log_odds + b * strongest_cue + c * abs(polarity) + d


def probability(log_odds: float) -> float:
    """The probability of the given log-odds (any size: a page of "!!!" sums to thousands)."""
    if log_odds >= 0:
        return 1.0 / (1.0 + math.exp(-log_odds))
    odds = math.exp(log_odds)
    return odds / (1.0 + odds)


@lru_cache(maxsize=1)
def opinion_model() -> OpinionModel:
    """The shipped model, loaded once."""
    return OpinionModel.load()
