"""Sentence-level polarity scorers.

Contract used by the pipeline, the pages and the benchmarks:

* ``get_scorer(name)`` returns a scorer; ``SCORER_NAMES`` lists the choices
  (``"critic"`` is the default, ``"textblob"`` the baseline).
* ``scorer.score_many(texts)`` returns one ``Judgement`` per text, in order.
* ``Judgement.polarity`` is in [-1, 1]; ``Judgement.cues`` are the words that moved it,
  with offsets into the text that was scored and their signed contribution. (Whether a
  text is opinion at all is the opinion stage's question: ``opinion_model``.)

Texts are given as they stand in the review (curly apostrophes and all); scorers
normalise internally with ``textnorm.normalize``, which keeps offsets valid.
"""

from __future__ import annotations

import gzip
import json
import math
import re
import tomllib
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Collection, NamedTuple, Protocol, Sequence

from dashboard.engine.idioms import NO_IDIOMS, Idioms, compile_idioms, find_idioms
from dashboard.text.language import connectives, function_words
from dashboard.text.normalize import normalize
from dashboard.text.tokens import Tokens
from dashboard.text.tokens import tokenize as tokenize_text

SCORER_NAMES = ("critic", "textblob")
DEFAULT_SCORER = "critic"
# What the critic scorer reads in place of a name: a capitalised word inside a sentence, the
# film's title, the names in its details. They say which film or who, not how good: a film
# called "Bad Education" is no criticism, a learned weight on "Reeves" would carry over the
# verdicts on his other films, and cues never show names, so the score would move on words
# no reader is shown.
NAME = "<name>"


class Cue(NamedTuple):
    """A word or phrase that moved a score: ``text[start:end]`` contributed ``weight``.
    (A named tuple: half a million are made for a thousand reviews.)"""

    start: int
    end: int
    weight: float


@dataclass(frozen=True, slots=True)
class Judgement:
    polarity: float
    cues: tuple[Cue, ...] = ()


class Scorer(Protocol):
    name: str

    def score_many(self, texts: Sequence[str]) -> list[Judgement]: ...

    def score_spans(self, tokens: Tokens, spans: Sequence[tuple[int, int]],
                    names: Collection[int] = ()) -> list[Judgement]:
        """Judgements of ``tokens.text[start:end]`` per span, read from a whole review's
        tokens; cue offsets are relative to each span's start. ``names``: indices of tokens
        that name the film or its people, which carry no judgement."""
        ...


_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")


class TextBlobScorer:
    """Plain TextBlob (pattern lexicon), after apostrophe normalisation: the baseline."""

    name = "textblob"

    def __init__(self) -> None:
        from textblob import TextBlob  # imported lazily: only the baseline needs it

        self._blob = TextBlob

    def score_many(self, texts: Sequence[str]) -> list[Judgement]:
        return [self._score(t) for t in texts]

    def score_spans(self, tokens: Tokens, spans: Sequence[tuple[int, int]],
                    names: Collection[int] = ()) -> list[Judgement]:
        # The baseline reads the text as plain TextBlob would, names and all.
        return self.score_many([tokens.text[start:end] for start, end in spans])

    def _score(self, text: str) -> Judgement:
        norm = normalize(text)
        blob = self._blob(norm)
        sentiment = blob.sentiment
        assessed = {w for words, *_ in blob.sentiment_assessments.assessments for w in words}
        cues = tuple(
            Cue(m.start(), m.end(), sentiment.polarity)
            for m in _WORD.finditer(norm)
            if m.group().lower() in assessed
        )
        return Judgement(float(sentiment.polarity), cues)


# --------------------------------------------------------------------------------------
# The "critic" scorer: a learned linear model over words and word pairs, read through
# rules (negation scope, contrast, intensifiers and hedges, counterfactuals, film-domain
# words). Every feature's weight is known, so every cue is explainable.
# --------------------------------------------------------------------------------------

_RESOURCES = Path(__file__).resolve().parents[1] / "resources"
MODEL_PATH = _RESOURCES / "critic_model.json.gz"
LEXICON_PATH = _RESOURCES / "lexicon.toml"
OPINION_WORDS_PATH = _RESOURCES / "opinion_words.toml"

_SENTENCE_END = frozenset((".", "!", "?"))
_BREAKS = frozenset((".", ",", ";", ":", "!", "?", "(", ")", "-"))
_CF_FEATURE = "<cf>"
_CF_NOT = "<cf-not>"
_NO_PAIRS: dict[str, float] = {}
_WORD_CACHE_LIMIT = 200_000
# A crude suffix stripper: the stem of each word is a second feature, so that rare forms
# ("charmingly", "overstuffed") borrow strength from their commoner relatives.
_SUFFIX = re.compile(r"(?:ingly|edly|ings|ing|ied|ies|ed|es|s|ly|er|est|ness|ful)$")
_STEMS: dict[str, str] = {}


def stem(word: str) -> str:
    s = _STEMS.get(word)
    if s is None:
        s = "~" + (_SUFFIX.sub("", word) if len(word) > 4 else word)
        if len(_STEMS) < 200_000:
            _STEMS[word] = s
    return s

_NOT = "NOT_"


@dataclass(frozen=True)
class Rules:
    """The rule words of ``lexicon.toml``, compiled for fast lookups."""

    negators: frozenset
    neg_pairs: frozenset
    neutral_pairs: frozenset
    neg_flip: float
    but: frozenset
    clause_initial_only: frozenset
    concessive: frozenset
    concessive_pairs: frozenset
    concessive_triples: frozenset
    concessive_anywhere: frozenset
    before: float
    after: float
    intensifiers: dict
    modals: frozenset
    modals_contracted: frozenset
    have: frozenset
    cf_pairs: frozenset
    cf_triples: frozenset
    cf_reach: int
    cf_flip: float
    cf_base: float
    film_words: dict
    # words that open an embedded clause: a counterfactual's scope starts at the last one
    # before its modal ("superb in a film [that should have been better]")
    cf_openers: frozenset = frozenset()
    cf_imperatives: frozenset = frozenset()
    cf_causative: frozenset = frozenset()  # "would have [you] believe": no counterfactual
    cf_conditional: frozenset = frozenset()
    topic_words: frozenset = frozenset()  # no weight of their own ([topic_words])
    near_negation: int = 3
    strong_word: float = 0.3
    # [negation.superlative]: negators that flip nothing before a comparative
    superlative_negators: frozenset = frozenset()
    comparatives: frozenset = frozenset()
    experience: frozenset = frozenset()
    bridge: frozenset = frozenset()
    superlative_reach: int = 5
    # word -> +1 or -1: words whose negation nearby reads as the word flipped
    opinion_words: dict = field(default_factory=dict)
    idioms: Idioms = NO_IDIOMS  # [idioms]: set phrases read as one cue
    # Every word that can start a rule (a break, negator, contrast, intensifier, modal or
    # the first word of a rule phrase); other words only carry the state along.
    triggers: frozenset = frozenset()


def _pairs(phrases) -> frozenset:
    return frozenset(tuple(p.lower().split()) for p in phrases if len(p.split()) == 2)


def _triples(phrases) -> frozenset:
    return frozenset(tuple(p.lower().split()) for p in phrases if len(p.split()) == 3)


def _words(words) -> frozenset:
    return frozenset(w.lower() for w in words)


def _opinion_words(film_words: dict, rule_words: frozenset) -> dict[str, int]:
    """Word -> +1 or -1: the opinion word lists and the film words, less the rule words
    (the "less" of "less than", "very" have a role of their own, not an opinion)."""
    with open(OPINION_WORDS_PATH, "rb") as fh:
        lists = tomllib.load(fh)
    signs = {w.lower(): 1 for w in lists.get("positive", [])}
    signs.update({w.lower(): -1 for w in lists.get("negative", [])})
    signs.update({w: (1 if v > 0 else -1) for w, v in film_words.items() if v})
    return {w: sign for w, sign in signs.items() if w not in rule_words}


@lru_cache(maxsize=4)
def load_rules(path: str | None = None) -> Rules:
    with open(path or LEXICON_PATH, "rb") as fh:
        lex = tomllib.load(fh)
    neg, con, cf = lex["negation"], lex["contrast"], lex["counterfactual"]
    sup = neg.get("superlative", {})
    # The contrast and concession words are language.toml's [connectives] that the scorer reads.
    conceding = connectives("concede", read_by="scorer")
    anywhere = connectives(read_by="anywhere")
    conc_phrases = [p for p in conceding if " " in p]
    rules = Rules(
        negators=_words(neg["words"]),
        neg_pairs=_pairs(neg.get("phrases", [])),
        neutral_pairs=_pairs(neg.get("neutral_phrases", [])),
        neg_flip=float(neg.get("flip", -0.7)),
        but=_words(connectives("turn", "conclude", read_by="scorer")),
        clause_initial_only=_words(connectives(read_by="initial")),
        concessive=_words(w for w in conceding if " " not in w),
        concessive_pairs=_pairs(conc_phrases),
        concessive_triples=_triples(conc_phrases),
        concessive_anywhere=frozenset(tuple(p.split()) for p in anywhere),
        before=float(con.get("before", 0.5)),
        after=float(con.get("after", 1.3)),
        intensifiers={k.lower(): float(v) for k, v in lex.get("intensifiers", {}).items()},
        modals=_words(cf["modals"]),
        modals_contracted=_words(cf.get("contracted", [])),
        have=_words(cf["have"]),
        cf_pairs=_pairs(cf.get("phrases", [])),
        cf_triples=_triples(cf.get("phrases", [])),
        cf_reach=int(cf.get("reach", 2)),
        cf_flip=float(cf.get("flip", 0.8)),
        cf_base=float(cf.get("base", -0.6)),
        cf_openers=_words(cf.get("openers", [])),
        cf_imperatives=_words(cf.get("imperatives", [])),
        cf_causative=_words(cf.get("causative", [])),
        cf_conditional=_words(cf.get("conditional", [])),
        film_words={k.lower(): float(v) for k, v in lex.get("film_words", {}).items()},
        topic_words=_words(lex.get("topic_words", {}).get("words", [])),
        near_negation=int(neg.get("near", 3)),
        strong_word=float(neg.get("strong", 0.3)),
        superlative_negators=_words(sup.get("negators", [])),
        comparatives=_words(sup.get("comparatives", [])),
        experience=_words(sup.get("experience", [])),
        bridge=_words(sup.get("bridge", [])),
        superlative_reach=int(sup.get("reach", 5)),
        idioms=compile_idioms(lex.get("idioms", {})),
    )
    phrases = (rules.neutral_pairs | rules.neg_pairs | rules.cf_pairs | rules.cf_triples
               | rules.concessive_pairs | rules.concessive_triples | rules.concessive_anywhere)
    triggers = frozenset(
        _BREAKS | {"not"} | rules.negators | rules.but | rules.concessive | rules.modals | rules.have
        | rules.cf_openers | rules.cf_conditional
        | set(rules.intensifiers) | {p[0] for p in phrases}
    )
    return replace(rules, triggers=triggers, opinion_words=_opinion_words(rules.film_words, triggers))


def tokenize(norm: str) -> list[tuple[str, int, int]]:
    """Lower-cased tokens of an already normalised text with their offsets."""
    tokens = tokenize_text(norm)
    return list(zip(tokens.words, tokens.starts, tokens.ends))


def read_features(words: Sequence[str], rules: Rules,
                  negators_at: list[int] | None = None) -> list[tuple[str, float, int, int]]:
    """The weighted features of one tokenised text: ``(key, value, first_tok, last_tok)``.
    ``negators_at``, if given, receives the index of each token that flips negation.

    ``key`` is a word, its stem or a word pair (``"NOT_"``-prefixed inside a negation
    scope) or the counterfactual marker; ``value`` carries the contrast, intensity and
    counterfactual multipliers. Training reads these; the run-time scorer reads the same
    ``read_state`` and looks the same keys up without building them (``CriticScorer``),
    so learned weights and rules always agree.
    """
    canon, mult, neg, feats = read_state(words, rules, negators_at)
    for i, w, prev, negated, pair_negated in feature_positions(canon, neg):
        v = mult[i]
        pre = _NOT if negated else ""
        feats.append((pre + w, v, i, i))
        feats.append((pre + (_STEMS.get(w) or stem(w)), v, i, i))
        if prev >= 0:
            feats.append(((_NOT if pair_negated else "") + canon[prev] + " " + w, v, prev, i))
    return feats


def feature_positions(canon: Sequence[str], neg: Sequence[bool]):
    """Where the features stand, for training and scoring alike: ``(i, word, prev, negated,
    pair_negated)`` for each word outside punctuation, with the word before it in its
    clause (-1 at a clause's start: a pair is two neighbouring words of one clause), and
    whether its own features and its pair's are the negated ones (a pair opened inside a
    negation scope is negated too: "[not] lack of")."""
    prev = -1
    for i, w in enumerate(canon):
        if w in _BREAKS:
            prev = -1
            continue
        yield i, w, prev, neg[i], neg[i] or (prev >= 0 and neg[prev])
        prev = i


def read_state(words: Sequence[str], rules: Rules, negators_at: list[int] | None = None):
    """The rules' reading of one tokenised text, token by token: ``(canon, mult, neg,
    extra)``: each word as the features name it ("isn't" -> "not"), its multiplier
    (contrast, intensity, counterfactual), whether a negation scope covers it, and the
    features that belong to no single word (the counterfactual marker). ``negators_at``,
    if given, receives the index of each token that flips negation."""
    return _Reading(words, rules, negators_at).read()


class _Reading:
    """One left-to-right reading of a text through the rules of ``lexicon.toml``. An
    ordinary word only takes on the state of its clause; a rule word (``Rules.triggers``)
    goes through the rules in turn: a neutral pair ("nothing but"), an intensifier's
    pending weight, a counterfactual ("should have been"), a contrast ("but"), a
    concession ("although"), a negation ("not", "lack of")."""

    def __init__(self, words: Sequence[str], rules: Rules, negators_at: list[int] | None) -> None:
        n = len(words)
        self.words, self.rules, self.negators_at, self.n = words, rules, negators_at, n
        self.canon = ["not" if ("'" in w and w.endswith("n't")) or w == "cannot" else w for w in words]
        self.mult = [1.0] * n
        self.neg = [False] * n
        self.skip_neg = [False] * n  # negator read literally (negated counterfactual)
        self.extra: list[tuple[str, float, int, int]] = []
        self.parity = False      # inside a negation scope
        self.clause_start = 0
        self.sent_start = 0
        self.boost = False       # after a contrast: weigh the rest of the sentence up
        self.conc_start = -1     # open concessive clause
        self.cf_start = -1       # open counterfactual clause
        self.opener = 0          # where a counterfactual's scope would start: the clause, or an embedded one
        self.pending = 1.0       # intensifier waiting for its word

    def read(self):
        words, canon, mult, neg = self.words, self.canon, self.mult, self.neg
        triggers, contracted, after = self.rules.triggers, self.rules.modals_contracted, self.rules.after
        i, n = 0, self.n
        while i < n:
            w = canon[i]
            if w in _BREAKS:
                self.break_clause(i, w in _SENTENCE_END)
                i += 1
            elif w not in triggers and words[i] not in contracted:
                # An ordinary word only takes on the state of its clause (inline: most words are).
                if self.boost:
                    mult[i] *= after
                neg[i] = self.parity
                if self.pending != 1.0:
                    mult[i] *= self.pending
                    self.pending = 1.0
                i += 1
            else:
                i = self.rule_word(i)
        self.close_clause(n)
        return canon, mult, neg, self.extra

    def rule_word(self, i: int) -> int:
        """Read the rule word at ``i``; returns where reading goes on."""
        rules, w = self.rules, self.canon[i]
        nxt = self.canon[i + 1] if i + 1 < self.n else ""
        self.take_clause_state(i)
        if (w, nxt) in rules.neutral_pairs:
            self.take_clause_state(i + 1)
            return i + 2
        if self.pending != 1.0 and w not in rules.intensifiers:
            self.mult[i] *= self.pending
            self.pending = 1.0
        if w in rules.cf_openers:
            self.opener = i
        self.counterfactual(i, w, nxt)
        if self.contrast(i, w):
            return i + 1
        self.concession(i, w, nxt)
        if w in rules.intensifiers:
            self.pending = rules.intensifiers[w]
        if (w, nxt) in rules.neg_pairs:
            self.take_clause_state(i + 1)
            self.flip_negation(i + 1)
            return i + 2
        if (w in rules.negators and not self.skip_neg[i] and self.canon[i] != _CF_NOT
                and not (w in rules.superlative_negators and _superlative(self.canon, i, rules))):
            self.flip_negation(i)
        return i + 1

    def take_clause_state(self, i: int) -> None:
        if self.boost:
            self.mult[i] *= self.rules.after
        self.neg[i] = self.parity

    def flip_negation(self, at: int) -> None:
        self.parity = not self.parity
        if self.negators_at is not None:
            self.negators_at.append(at)

    def break_clause(self, i: int, ends_sentence: bool) -> None:
        """Punctuation: the clause ends, and with it negation and a pending intensifier."""
        self.close_clause(i)
        self.parity = False
        self.pending = 1.0
        self.clause_start = self.opener = i + 1
        if ends_sentence:
            self.sent_start = i + 1
            self.boost = False

    def close_clause(self, end: int) -> None:
        """An open concession weighs ``before`` (and what follows it ``after``); an open
        counterfactual's words count flipped."""
        if self.conc_start >= 0:
            for j in range(self.conc_start, end):
                self.mult[j] *= self.rules.before
            self.conc_start = -1
            self.boost = True
        if self.cf_start >= 0:
            for j in range(self.cf_start, end):
                self.mult[j] *= -self.rules.cf_flip
            self.cf_start = -1

    def counterfactual(self, i: int, w: str, nxt: str) -> None:
        """A modal (+ not) + have ("should have been", "could've"), or a fixed phrase: the
        clause is hypothetical. Negated ("couldn't have been better") it is read literally."""
        rules, canon, n = self.rules, self.canon, self.n
        is_cf = negated = False
        raw = self.words[i]
        if w in rules.modals or raw in rules.modals_contracted or (w == "not" and raw[:-3] in rules.modals):
            if raw in rules.modals_contracted:
                is_cf = True
            else:
                negated = w == "not"
                for j in range(i + 1, min(n, i + 1 + rules.cf_reach + 1)):
                    cj = canon[j]
                    if cj in rules.have:
                        is_cf = j + 1 >= n or (canon[j + 1] != "to" and canon[j + 1] not in rules.cf_causative)
                        break
                    if cj == "not":
                        negated = True
                        self.skip_neg[j] = True
                        continue
                    if cj in _BREAKS:
                        break
                is_cf = is_cf or (not negated and canon[self.sent_start] in rules.cf_imperatives)
        elif (w, nxt) in rules.cf_pairs or (i + 2 < n and (w, nxt, canon[i + 2]) in rules.cf_triples):
            is_cf = True
        elif w in rules.cf_conditional:
            is_cf = canon[self.sent_start] in rules.cf_imperatives
        if not is_cf:
            return
        if negated:
            self.skip_neg[i] = True
            for j in range(i, min(n, i + 1 + rules.cf_reach + 1)):
                if self.skip_neg[j] and canon[j] == "not":
                    canon[j] = _CF_NOT
        elif self.cf_start < 0:
            self.cf_start = self.opener
            self.extra.append((_CF_FEATURE, 1.0, i, i))

    def contrast(self, i: int, w: str) -> bool:
        """"A but B": the sentence so far weighs ``before``, the rest ``after``."""
        rules = self.rules
        if w not in rules.but or (i != self.clause_start and w in rules.clause_initial_only):
            return False
        self.close_clause(i)
        for j in range(self.sent_start, i):
            self.mult[j] *= rules.before
        self.boost = True
        self.parity = False
        self.clause_start = self.opener = i + 1
        return True

    def concession(self, i: int, w: str, nxt: str) -> None:
        """A concession opens its clause ("Although A, B"), or anywhere in it ("despite")."""
        if self.conc_start >= 0:
            return
        rules, pair = self.rules, (w, nxt)
        if (i == self.clause_start and (w in rules.concessive or pair in rules.concessive_pairs)) or (
            (w,) in rules.concessive_anywhere
            or pair in rules.concessive_anywhere
            or (i + 2 < self.n and (w, nxt, self.canon[i + 2]) in rules.concessive_anywhere)
        ):
            self.conc_start = i


def _superlative(canon: list[str], at: int, rules: Rules) -> bool:
    """Whether the negator at ``at`` opens a superlative by negation ("haven't seen a more
    exciting film", "never looked better"): a comparative follows across bridge words
    only, and no "than" follows it unless a verb of experience came between."""
    n = len(canon)
    experienced = False
    for j in range(at + 1, min(n, at + 1 + rules.superlative_reach)):
        w = canon[j]
        if w in rules.comparatives:
            if experienced:
                return True
            for k in range(j + 1, n):
                if canon[k] == "than":
                    return False
                if canon[k] in _BREAKS:
                    break
            return True
        if w in rules.experience:
            experienced = True
        elif w not in rules.bridge:
            return False
    return False


@dataclass
class CriticModel:
    weights: dict
    bias: float
    scale: float
    review: dict
    meta: dict
    # words read on their own by people as judging or not (``display`` in the model file)
    judging: frozenset = frozenset()
    neutral: frozenset = frozenset()


def use_model(path: Path) -> None:
    """Score with the weights at ``path`` from now on (training and cross-validation
    swap models): every cache built from the old weights is dropped."""
    global MODEL_PATH
    MODEL_PATH = Path(path)
    for cached in (load_model, get_scorer, word_judges, _judging_stems):
        cached.cache_clear()


@lru_cache(maxsize=2)
def load_model(path: str | None = None) -> CriticModel:
    """The learned weights (built by ``benchmarks/train_scorer.py``), loaded once."""
    p = Path(path) if path else MODEL_PATH
    if not p.exists():
        # Without the learned file the scorer still runs on the lexicon alone.
        return CriticModel({}, 0.0, 0.5, {}, {"missing": str(p)})
    with gzip.open(p, "rt", encoding="utf-8") as fh:
        data = json.load(fh)
    pol = data["polarity"]
    return CriticModel(
        weights=pol["weights"], bias=float(pol["bias"]), scale=float(pol["scale"]),
        review=data.get("review", {}), meta=data.get("meta", {}),
        judging=frozenset(data.get("display", {}).get("judging", ())),
        neutral=frozenset(data.get("display", {}).get("neutral", ())),
    )


@lru_cache(maxsize=1)
def _judging_stems() -> frozenset:
    return frozenset(stem(w) for w in load_model().judging)


@lru_cache(maxsize=65_536)
def word_judges(word: str) -> bool:
    """Whether a word judges on its own, for showing it as a word behind a score: a rule
    word (negator, intensifier), a word of the opinion lists or film words, or a word that
    readers labelled as praise or criticism when shown it alone (``display`` of the model
    file, learned from the single-word phrases of the training treebank; a word they did
    not see is judged by its stem). A learned weight alone is no sign: topic words ("world",
    "series", "feels") carry the verdicts of the texts they were learned from. A model
    without the lists judges every word."""
    model, rules = load_model(), load_rules()
    w = word.lower().replace("\u2019", "'")
    if (w in rules.negators or w.endswith("n't") or w in rules.intensifiers or w in rules.opinion_words
            or w in rules.film_words or not model.judging):
        return True
    if w in model.judging:
        return True
    if w in model.neutral:
        return False
    return stem(w) in _judging_stems()


class CriticScorer:
    """Learned film-critic word weights read through negation/contrast/counterfactual rules."""

    name = "critic"

    def __init__(self, model: CriticModel | None = None, rules: Rules | None = None,
                 cue_min: float = 0.12) -> None:
        self.model = model or load_model()
        self.rules = rules or load_rules()
        self.cue_min = cue_min
        w = dict(self.model.weights)
        # Film-domain words replace the learned weight, plain and negated.
        flip = self.rules.neg_flip
        for word, val in self.rules.film_words.items():
            w[word] = val
            w[_NOT + word] = flip * val
        w[_CF_FEATURE] = self.rules.cf_base
        w[_CF_NOT] = 0.0
        # A topic word beside a function word ("the script", "script and") names what is
        # judged, as the word alone does: no weight either.
        for key in _topic_pairs(self.rules.topic_words):
            w.pop(key, None)
        self._w = w
        self._flip = flip
        self._plain_pairs, self._negated_pairs = _pairs_by_first_word(w, flip)
        # word -> (own weight, stem weight, pairs it opens: plain, negated); see _remember
        self._plain_words: dict[str, tuple[float, float, dict, dict]] = {}
        self._negated_words: dict[str, tuple[float, float, dict, dict]] = {}
        self._idiom_words = self.rules.idioms.first_words
        # An idiom's gap never crosses a clause break, a negation or a contrast.
        self._idiom_stops = _BREAKS | self.rules.negators | self.rules.but | {"not"}

    def score_many(self, texts: Sequence[str]) -> list[Judgement]:
        return [self._judge(*_words_and_weighed(text), 0) for text in texts]

    def score_spans(self, tokens: Tokens, spans: Sequence[tuple[int, int]],
                    names: Collection[int] = ()) -> list[Judgement]:
        out = []
        words, starts, ends = tokens.words, tokens.starts, tokens.ends
        weighed = _weighed(tokens, names)
        for start, end in spans:
            inside = tokens.within(start, end)
            a, b = inside.start, inside.stop
            out.append(self._judge(words[a:b], weighed[a:b], starts[a:b], ends[a:b], start))
        return out

    def _judge(self, words: list[str], weighed: list[str], starts: list[int], ends: list[int],
               offset: int) -> Judgement:
        margin, contrib, idiom_ends = self._score(words, weighed)
        scale = self.model.scale
        cue_min = self.cue_min
        # An idiom is one cue, from its first word to its last.
        cues = tuple([
            Cue(starts[ti] - offset, ends[idiom_ends.get(ti, ti)] - offset, round(c * scale, 4))
            for ti, c in enumerate(contrib) if c >= cue_min or c <= -cue_min
        ])
        return Judgement(math.tanh(scale * margin), cues)

    def _score(self, words: list[str], weighed: list[str]):
        """Margin, per-token contributions and the idioms read (first word -> last word),
        from ``weighed`` (the words, with names read as ``NAME``).

        The sum is that of the weights of ``read_features`` (times their values, in the
        same order, so the floats agree to the last bit), less the own weights of topic
        words and of their pairs with function words, but looked up without building the
        features: a word's own and stem weights are remembered per word, a pair's are found
        by its first word. An idiom then replaces its words' share with its own weight
        (``_read_idioms``)."""
        negators_at: list[int] = []
        canon, mult, neg, extra = read_state(weighed, self.rules, negators_at)
        flipped = self._flipped(weighed, canon, mult, neg, negators_at) if negators_at else ()
        get, flip = self._w.get, self._flip
        contrib = [0.0] * len(words)
        margin = self.model.bias
        for key, val, a, _ in extra:
            wt = get(key)
            if wt is not None:
                c = wt * val
                margin += c
                contrib[a] += c
        plain_words, negated_words = self._plain_words.get, self._negated_words.get
        plain_after = negated_after = _NO_PAIRS  # pair weights by second word, after ``prev``
        for i, w, prev, negated, pair_negated in feature_positions(canon, neg):
            v = mult[i]
            if not negated:
                w1, w2, plain_next, negated_next = plain_words(w) or self._plain_word(w)
            elif i in flipped:
                # read as the plain word, flipped; its negated pair is dropped
                w1, w2, plain_next, negated_next = plain_words(w) or self._plain_word(w)
                v = flip * v
            else:
                w1, w2, plain_next, negated_next = negated_words(w) or self._negated_word(w)
            c = w1 * v
            margin += c
            contrib[i] += c
            c = w2 * v
            margin += c
            contrib[i] += c
            if prev >= 0:
                if pair_negated:
                    wt = None if i in flipped else negated_after.get(w)
                else:
                    wt = plain_after.get(w)
                if wt is not None:
                    c = wt * mult[i]
                    margin += c
                    contrib[prev] += 0.5 * c
                    contrib[i] += 0.5 * c
            plain_after, negated_after = plain_next, negated_next
        idiom_ends: dict[int, int] = {}
        if not self._idiom_words.isdisjoint(canon):
            margin, idiom_ends = self._read_idioms(canon, mult, neg, contrib, margin, negators_at)
        return margin, contrib, idiom_ends

    def _read_idioms(self, canon: list[str], mult: list[float], neg: list[bool], contrib: list[float],
                     margin: float, negators_at: list[int]) -> tuple[float, dict[int, int]]:
        """The idioms in ``canon`` replace their words' contributions (in ``contrib``) with
        their own weight, put on their first word, under the same contrast, counterfactual
        and outer negation as those words: "you won't check your watch once" is praise.
        An idiom that opens with a modal keeps its sign under the counterfactual it opens.
        A negator that flips an idiom is read with it, so its own learned weight (a lean
        to criticism that negative sentences taught it) goes: "none of that sinks it" is
        praise. Returns the new margin and each idiom's first word -> its last."""
        idiom_ends: dict[int, int] = {}
        modals = self.rules.modals | self.rules.modals_contracted
        for first, last, idiom in find_idioms(canon, self.rules.idioms, self._idiom_stops):
            # An idiom that opens with its own modal ("could have done without") is read as
            # it is said: the counterfactual it opens flips it no further.
            weight = idiom.weight * (abs(mult[first]) if canon[first] in modals else mult[first])
            if neg[first]:
                weight *= self._flip
                negator = max((at for at in negators_at if at < first), default=-1)
                if negator >= 0:
                    margin -= contrib[negator]
                    contrib[negator] = 0.0
            for t in range(first, last + 1):
                margin -= contrib[t]
                contrib[t] = 0.0
            contrib[first] = weight
            margin += weight
            idiom_ends[first] = last
        return margin, idiom_ends

    def _plain_word(self, w: str) -> tuple[float, float, dict, dict]:
        """The weights of a word and of its stem outside a negation (0 for none; 0 for a
        topic word), and the weights of the pairs it opens, plain and negated, by their
        second word; remembered per word."""
        get = self._w.get
        return self._remember(self._plain_words, w, lambda key: get(key, 0.0))

    def _negated_word(self, w: str) -> tuple[float, float, dict, dict]:
        """The same inside a negation: the negated weight, or the plain one times the flip."""
        return self._remember(self._negated_words, w, self._negated_weight)

    def _remember(self, cache: dict, w: str, weight) -> tuple[float, float, dict, dict]:
        own = (0.0, 0.0) if w in self.rules.topic_words else (weight(w), weight(_STEMS.get(w) or stem(w)))
        found = (*own, self._plain_pairs.get(w, _NO_PAIRS), self._negated_pairs.get(w, _NO_PAIRS))
        if len(cache) < _WORD_CACHE_LIMIT:
            cache[w] = found
        return found

    def _negated_weight(self, key: str) -> float:
        wt = self._w.get(_NOT + key)
        if wt is None:
            base = self._w.get(key)
            return 0.0 if base is None else self._flip * base
        return wt

    def _near_negated(self, words: list[str], negators_at: list[int]) -> set[int]:
        """Opinion words at most ``near_negation`` words after a negator, in its clause."""
        rules = self.rules
        opinion, but = rules.opinion_words, rules.but
        out: set[int] = set()
        for at in negators_at:
            for i in range(at + 1, min(len(words), at + 1 + rules.near_negation)):
                word = words[i]
                if word in _BREAKS or word in but:
                    break
                if word in opinion:
                    out.add(i)
        return out

    def _flipped(self, words: list[str], canon: list[str], mult: list[float], neg: list[bool],
                 negators_at: list[int]) -> set[int]:
        """The strong opinion words near a negator, to be read as the plain word flipped
        (its negated features become the plain ones times the negation flip, and the
        negated pair ending on it is dropped). "Strong": its plain weights add up to at
        least ``strong_word`` in the direction of its opinion list."""
        opinion, remembered = self.rules.opinion_words, self._plain_words.get
        out = set()
        for b in self._near_negated(words, negators_at):
            if not neg[b]:
                continue  # no negated features to read plainly
            own, stem_weight, *_ = remembered(canon[b]) or self._plain_word(canon[b])
            v = mult[b]
            weight = own * v + stem_weight * v
            if abs(weight) >= self.rules.strong_word and (weight > 0) == (opinion[words[b]] > 0):
                out.add(b)
        return out


def _topic_pairs(topic_words: frozenset):
    """Every pair (plain and negated) of a topic word and a function word, either way round."""
    for topic in topic_words:
        for other in function_words():
            for pair in (f"{topic} {other}", f"{other} {topic}"):
                yield pair
                yield _NOT + pair


def _pairs_by_first_word(weights: dict, flip: float) -> tuple[dict, dict]:
    """Pair weights ("lack of", "NOT_lack of") by first word, then second, plain and
    negated (a negated pair without its own weight: the plain one times ``flip``): looked
    up without joining the words."""
    plain: dict[str, dict[str, float]] = {}
    negated: dict[str, dict[str, float]] = {}
    for key, val in weights.items():
        first, space, second = key.partition(" ")
        if space and not first.startswith(_NOT):
            plain.setdefault(first, {})[second] = val
            negated.setdefault(first, {})[second] = flip * val
    for key, val in weights.items():
        first, space, second = key.partition(" ")
        if space and first.startswith(_NOT):
            negated.setdefault(first[len(_NOT):], {})[second] = val
    return plain, negated


def _words_and_weighed(text: str) -> tuple[list[str], list[str], list[int], list[int]]:
    """A text on its own: its words, the words the scorer weighs, and their offsets."""
    tokens = tokenize_text(normalize(text))
    return tokens.words, _weighed(tokens), tokens.starts, tokens.ends


def _weighed(tokens: Tokens, names: Collection[int] = ()) -> list[str]:
    """The words the scorer weighs: each name (a capitalised word inside a sentence, or a
    token in ``names``) read as ``NAME``."""
    names = tokens.inner_capitals().union(names)
    return [NAME if i in names else w for i, w in enumerate(tokens.words)] if names else tokens.words


@lru_cache(maxsize=None)
def get_scorer(name: str = DEFAULT_SCORER) -> Scorer:
    if name not in SCORER_NAMES:
        raise ValueError(f"unknown scorer {name!r}; choose one of {', '.join(SCORER_NAMES)}")
    if name == "critic":
        return CriticScorer()
    return TextBlobScorer()


# A list item under "Pros:"/"Cons:" gets at least this strength in its heading's direction.
LIST_ITEM_MIN_STRENGTH = 0.4


def score_mentions(doc, run) -> None:
    """The ``polarity`` stage: each mention's ``judgement`` by the run's scorer, and the
    ``polarity`` the tables keep (a list item leans its heading's way). The film's title
    and the names in its details (``doc.terms.name_tokens``) carry no judgement."""
    names = doc.terms.name_tokens if doc.terms is not None else ()
    judgements = run.scorer.score_spans(doc.tokens, [(m.start, m.end) for m in doc.mentions], names)
    for m, j in zip(doc.mentions, judgements):
        polarity = min(1.0, max(-1.0, float(j.polarity)))
        if m.list_sign:
            polarity = m.list_sign * max(abs(polarity), LIST_ITEM_MIN_STRENGTH)
        m.judgement, m.polarity = j, polarity
