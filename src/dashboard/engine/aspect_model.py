"""Which aspect an opinion is about when it names none of the taxonomy's words: a learned
guess (``benchmarks/train_aspects.py`` writes ``resources/aspect_model.json.gz``).

Critics judge a look, a story or a pace without the words a list would hold ("you can see
every penny on the screen"). Without a guess such an opinion counts as a verdict on the
whole film. The model is a multinomial logistic
regression over the mention's words and pairs of neighbouring words (tf-idf weighted),
learned from the judgements of labelled critics' pages, each with the aspect a reader gave
it. It guesses only where the taxonomy's words and names found nothing, only aspects the
taxonomy has, and only when its best aspect is likely enough; the word that weighed most
for it is kept as the aspect's word, so the guess can be checked like any other.
"""

from __future__ import annotations

import gzip
import json
import math
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from dashboard.engine.aspects import FALLBACK, AspectMatch, Taxonomy
from dashboard.engine.document import ReviewDoc
from dashboard.text.language import function_words

MODEL_PATH = Path(__file__).resolve().parents[1] / "resources" / "aspect_model.json.gz"
GUESSED = "model"  # AspectMatch.via for a learned guess
# A mention that names the film ("a film", "it") has a word for the verdict on it: a guess
# must then be likely, not merely likelier than the rest ("Which is fine at the start of a
# film" is no verdict on the acting at 0.5).
NAMES_THE_FILM_PROBABILITY = 0.7


def features(words: Sequence[str]) -> list[tuple[str, int, int]]:
    """The features of a mention's lower-cased words, with the word indices each spans:
    the words that hold a letter, and pairs of neighbouring such words."""
    kept = [(w, i) for i, w in enumerate(words) if any(ch.isalpha() for ch in w)]
    pairs = [(f"{a} {b}", i, j) for (a, i), (b, j) in zip(kept, kept[1:])]
    return [(w, i, i) for w, i in kept] + pairs


@dataclass(frozen=True)
class AspectModel:
    classes: tuple[str, ...]
    # feature -> (idf, weight per class)
    weights: dict[str, tuple[float, tuple[float, ...]]]
    bias: tuple[float, ...]
    min_probability: float
    meta: dict

    @classmethod
    def load(cls, path: Path | str = MODEL_PATH) -> "AspectModel":
        path = Path(path)
        if not path.exists():
            return cls((), {}, (), 1.0, {"missing": str(path)})  # no file: no guesses
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            data = json.load(fh)
        return cls(tuple(data["classes"]), {f: (v[0], tuple(v[1:])) for f, v in data["weights"].items()},
                   tuple(data["bias"]), float(data["min_probability"]), data.get("meta", {}))

    def weighed(self, words: Sequence[str]) -> tuple[dict[str, float], dict[str, tuple[int, int]]]:
        """The features of ``words`` the model knows, with their tf-idf values (L2-normalised),
        and the word indices each spans."""
        found = features(words)
        counts = Counter(f for f, _, _ in found)
        values = {f: (1.0 + math.log(n)) * self.weights[f][0] for f, n in counts.items() if f in self.weights}
        norm = math.sqrt(sum(v * v for v in values.values())) or 1.0
        return {f: v / norm for f, v in values.items()}, {f: (i, j) for f, i, j in found}

    def probabilities(self, values: dict[str, float]) -> dict[str, float]:
        """Per aspect, the probability that weighed features (``weighed``) are about it."""
        logits = list(self.bias)
        for f, v in values.items():
            for k, w in enumerate(self.weights[f][1]):
                logits[k] += v * w
        top = max(logits)
        exps = [math.exp(x - top) for x in logits]
        total = sum(exps)
        return {c: e / total for c, e in zip(self.classes, exps)}

    def strongest(self, values: dict[str, float], aspect: str) -> str | None:
        """The feature that weighed most for ``aspect``, of those not made of function words
        alone: what a reader is shown as the aspect's word."""
        k = self.classes.index(aspect)
        # (a word shown to a reader as the aspect's word carries meaning of its own: not "the", "it")
        shown = [(v * self.weights[f][1][k], f) for f, v in values.items()
                 if not function_words().issuperset(f.split(" "))]
        part, feature = max(shown, default=(0.0, None))
        return feature if part > 0 else None


@lru_cache(maxsize=1)
def aspect_model() -> AspectModel:
    """The shipped model, loaded once."""
    return AspectModel.load()


def guess_aspect(model: AspectModel, taxonomy: Taxonomy, words: Sequence[str],
                 at_least: float = 0.0) -> tuple[str, int, int] | None:
    """The aspect ``words`` are about, with the word indices that weighed most for it; None
    when the model's best aspect is the verdict on the whole film, is not in the taxonomy
    or is not likely enough (the model's own cut, or ``at_least`` if higher)."""
    if not model.classes:
        return None
    values, where = model.weighed(words)
    probabilities = model.probabilities(values)
    aspect = max(probabilities, key=probabilities.get)
    if (aspect == taxonomy.verdict or aspect not in taxonomy.keys
            or probabilities[aspect] < max(model.min_probability, at_least)):
        return None
    feature = model.strongest(values, aspect)
    return (aspect, *where[feature]) if feature else None


def guess_aspects(doc: ReviewDoc, run) -> None:
    """The ``guess`` stage: for each opinion that names no aspect word or name, or only the
    film ("it looks gorgeous"; not the film as the subject of a verdict, "it is gorgeous"),
    the aspect the learned model finds likely (``Mention.guess``), which ``attribute``
    counts it for."""
    model, tokens = aspect_model(), doc.tokens
    for m in doc.mentions:
        # (a sentence whose subject is the film judges the film: "It is terrific as entertainment")
        if not m.opinion or any(a.via != FALLBACK for a in m.matches) or (
                m.matches and doc.matcher.film_is_subject(doc.norm[m.start:m.end])):
            continue
        at = list(tokens.within(m.start, m.end))
        found = guess_aspect(model, run.taxonomy, [tokens.words[i] for i in at],
                             NAMES_THE_FILM_PROBABILITY if m.matches else 0.0)
        if found:
            aspect, first, last = found
            m.guess = AspectMatch(aspect, tokens.starts[at[first]] - m.start, tokens.ends[at[last]] - m.start, GUESSED)
