"""The analysis: review sources in, three tables out.

``analyze_sources`` is the one code path behind the CLI, the pages and the benchmarks.
Its result holds the table contract:

* ``reviews``: one row per review (ratings, inferred score, outlet, pull quote);
* ``aspects``: one row per review and aspect with an opinion mention;
* ``mentions``: one row per mention and aspect, with ``start``/``end`` offsets into the
  review's decoded text (``texts``) and the ``cues`` that moved its polarity.

Plus two tables the full-review page needs: ``texts`` (the decoded source of each
review) and ``set_aside`` (boilerplate, adverts, metadata, headings, with reasons).
"""

from __future__ import annotations

import gc
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache, wraps
from typing import Callable, Iterable

import numpy as np
import pandas as pd

from dashboard.engine.aspects import CHARACTER_ROLE, FALLBACK, AspectMatcher, People, ReviewTerms, Taxonomy, load_taxonomy, name_lists
from dashboard.engine.clean import LIST_ITEM, Cleaned, clean
from dashboard.reading.films import FilmInfo
from dashboard.reading.ingest import ReviewSource
from dashboard.engine.opinion import Signals, is_opinion, judges, signals_in, starts_retelling, tells_events, word_lists
from dashboard.text.ratings import parse_rating
from dashboard.engine.scores import aspect_table, inferred_scores
from dashboard.text.segment import clauses, lines
from dashboard.engine.polarity import DEFAULT_SCORER, get_scorer
from dashboard.text.terms import FoundIndex
from dashboard.text.normalize import normalize
from dashboard.text.tokens import Tokens, tokenize

REVIEW_COLUMNS = [
    "review_id", "film", "title", "outlet", "author", "explicit_rating", "explicit_score",
    "inferred_score", "mentions", "url", "origin", "pull_quote", "pull_quote_start", "pull_quote_end",
    "note",
]
MENTION_COLUMNS = [
    "review_id", "mention_id", "aspect", "polarity", "opinion", "start", "end", "text",
    "cues", "aspect_terms", "kind", "position", "subjectivity", "sentence_start", "sentence_end",
    "plot",  # True where the sentence retells the story (and so is no opinion)
]
# A list item under "Pros:"/"Cons:" gets at least this strength in its heading's direction.
LIST_ITEM_MIN_STRENGTH = 0.4
# Pronouns that carry the aspect of the sentence before ("She carries the film").
_ANAPHORA = re.compile(r"^\W*(she|he|they|her|his|their|him|them)\b", re.I)
_FRAGMENT_MAX_WORDS = 3
# A clause that names its own subject ("but the soul feels missing") does not continue
# the subject of the clause before it.
_OWN_SUBJECT = re.compile(r"^\W*(?:(?:but|yet|and|though|although|while|still|so)\s+)?(?:the|a|an|this|that|its|there)\b", re.I)
# Critics' sentences rarely judge more than three aspects at once; beyond that, the
# aspects named nearest the words that carry the judgement are kept.
MAX_ASPECTS_PER_MENTION = 3
# Cues lighter than this are not shown as the words behind a score.
CUE_MIN_WEIGHT = 0.3
_FUNCTION_WORDS = frozenset(
    "a an the and or but yet so if while though although as of to in on at by for with from into "
    "than then that this these those it its it's is are was were be been being has have had do does "
    "did he she they them his her their him we you i me my our your there here which who what when "
    "where how all some any each".split()
)
_LETTERS = re.compile(r"[^\W\d_]")
# A character named this close to the start of a sentence is its subject ("Eva has chosen").
CHARACTER_SUBJECT_CHARS = 12


@dataclass
class Analysis:
    reviews: pd.DataFrame
    aspects: pd.DataFrame
    mentions: pd.DataFrame
    texts: pd.DataFrame
    set_aside: pd.DataFrame
    problems: list[str] = field(default_factory=list)
    scorer: str = DEFAULT_SCORER

    def text_of(self, review_id: str) -> str:
        match = self.texts.loc[self.texts["review_id"] == review_id, "text"]
        return str(match.iloc[0]) if len(match) else ""


@dataclass
class _Mention:
    review_id: str
    start: int
    end: int
    paragraph: int
    kind: str            # "sentence", "clause", "pros", "cons"
    sentence: int = 0    # index of the sentence within the review
    first_in_paragraph: bool = False
    list_sign: int = 0
    in_synopsis: bool = False  # under a heading that names the plot
    sentence_start: int = 0    # the whole sentence a clause belongs to
    sentence_end: int = 0


_CAP_NAME = r"[A-Z][a-z]+(?:\s(?:[A-Z][a-z]+|[A-Z]\.))?"
# "Daniel Miller (David Paymer)": a character and, in brackets, the actor who plays them.
_CHARACTER_ACTOR = re.compile(rf"(?<![\w.])(?P<c>{_CAP_NAME})\s\((?P<a>[A-Z][a-z]+(?:\s[A-Z][\w.'-]+){{1,2}})\)")
_CAP_WORDS = r"[A-Z][a-z]+(?:\s[A-Z][a-z]+)?"
# Around an actor's name: "Eve (Ana de Armas)"; "Ana de Armas as Eve", "Reedus plays
# Daniel Pine", "Byrne's Chancellor", "Huston ... as the Director".
_ROLE_BEFORE_ACTOR = re.compile(rf"(?:the\s)?(?P<c>{_CAP_WORDS})\s\($")
_ROLE_AFTER_ACTOR = re.compile(
    rf"\s(?:as|plays)\s(?:the\s)?(?P<c2>{_CAP_WORDS})|'s\s(?P<c3>{_CAP_WORDS})"
    rf"|[^.]{{0,60}}?\sas\s(?:the\s)?(?P<c4>{_CAP_WORDS})\b"
)
_NOT_A_NAME = {"The", "In", "A", "An", "His", "Her", "Ballerina", "Directed", "Starring", "Rated", "Released"}


def harvest_characters(texts: Iterable[str], cast: set[str],
                       tokens: list[Tokens] | None = None) -> tuple[set[str], set[str]]:
    """Character and actor names critics pair up: "Eve (Ana de Armas)", "Ana de Armas as
    Eve", "Byrne's Chancellor", "Reedus plays Daniel Pine". Returns (characters, actors);
    pairs in brackets are recognised without a cast list. ``tokens``: the texts' tokens,
    when already read."""
    characters: set[str] = set()
    actors: set[str] = set()
    texts = [t.text for t in tokens] if tokens is not None else [normalize(t) for t in texts]
    if not cast:
        # Without a cast list, bracketed pairs are the only source of names.
        for norm in texts:
            for m in _CHARACTER_ACTOR.finditer(norm):
                if m.group("c").split()[0] not in _NOT_A_NAME:
                    characters.add(m.group("c"))
                    actors.add(m.group("a"))
        actors -= characters
    cast = set(cast) | actors
    variants = frozenset(v for name in cast for v in _name_variants(name))
    if not variants:
        return characters, actors
    names = name_lists(frozenset({("cast", variants)}))
    for text_tokens in tokens if tokens is not None else [tokenize(t) for t in texts]:
        text = text_tokens.text
        for f in FoundIndex(names.find(text_tokens), text_tokens).within(0, len(text)):
            end = f.end - 2 if text.startswith("'s", f.end - 2) else f.end
            m = None
            if text.startswith(")", end):
                m = _ROLE_BEFORE_ACTOR.search(text, max(0, f.start - 40), f.start)
            m = m or _ROLE_AFTER_ACTOR.match(text, end)
            name = next((g for g in m.groups() if g), None) if m else None
            if name and name.split()[0] not in _NOT_A_NAME and name not in cast:
                characters.add(name)
    return characters, actors


def _name_variants(name: str) -> set[str]:
    from dashboard.engine.aspects import name_variants

    return name_variants(name)


def _candidate_mentions(source: ReviewSource, text: str, cleaned: Cleaned) -> list[_Mention]:
    list_signs = {(s, e): sign for s, e, sign in cleaned.list_polarity}
    plot_lines = {(p.start, p.end) for p in cleaned.plot_sections}
    out: list[_Mention] = []
    sentence_number = 0
    for paragraph, line in enumerate(lines(text)):
        if (covering := cleaned.covers(line.start, line.end)) is not None and covering.end - covering.start >= line.end - line.start:
            continue
        sign = list_signs.get((line.start, line.end), 0)
        synopsis = (line.start, line.end) in plot_lines
        label_end = cleaned.label_ends.get(line.start, 0)  # "Bottom line: " is no part of the judgement
        first = True
        for sentence in cleaned.sentences_of(text, line):
            if cleaned.covers(sentence.start, sentence.end):
                continue
            sentence_number += 1
            pieces = clauses(text, sentence)
            kind = "pros" if sign > 0 else "cons" if sign < 0 else ("clause" if len(pieces) > 1 else "sentence")
            for piece in pieces:
                start = max(piece.start, label_end)
                if start >= piece.end:
                    continue
                if sign:
                    # Drop the list bullet from the mention's span.
                    bullet = LIST_ITEM.match(text, start, piece.end)
                    start = bullet.end() if bullet else start
                out.append(_Mention(source.review_id, start, piece.end, paragraph, kind, sentence_number,
                                    first, sign, synopsis, max(sentence.start, label_end), sentence.end))
                first = False
    return out


def cyclic_gc_paused(analyze):
    """Run ``analyze`` with Python's cyclic garbage collector paused (reference counting
    still frees everything as usual). The analysis keeps every review's tables while it
    builds many short-lived objects, and each full collection walks all of them, finding
    next to nothing: the analysis makes almost no reference cycles. Paused, 1,500 full
    reviews run some 10-15% faster. The collector is restored as it was, also on error."""

    @wraps(analyze)
    def paused(*args, **kwargs):
        if not gc.isenabled():
            return analyze(*args, **kwargs)
        gc.disable()
        try:
            return analyze(*args, **kwargs)
        finally:
            gc.enable()

    return paused


@cyclic_gc_paused
def analyze_sources(
    sources: list[ReviewSource],
    scorer: str = DEFAULT_SCORER,
    taxonomy: Taxonomy | None = None,
    film: FilmInfo | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Analysis:
    """Analyse reviews of one film (or of several, when sources name their film)."""
    taxonomy = taxonomy or load_taxonomy()
    score = get_scorer(scorer)
    details = film.people if film else People()  # the film's own details (film.toml)
    film_people = details.merged(film.found_people) if film else details
    titles = film.titles if film else ()

    # Reviews of a film with several reviews are cleaned first: their names are pooled.
    cleaned: list[Cleaned | None] = [clean(source.text, titles) if shared else None
                                     for source, shared in zip(sources, in_shared_films(sources))]
    matchers = _FilmMatchers(sources, cleaned, taxonomy, film_people, titles, details)

    rows: list[tuple] = []
    total = len(sources)
    for index, source in enumerate(sources):
        # One tokenisation per review: the cleaner, the scorer, the word lists and the
        # names all read it.
        tokens = tokenize(normalize(source.text))
        c = cleaned[index] = cleaned[index] or clean(source.text, titles, tokens)
        if not source.skip_scoring and (found := _candidate_mentions(source, source.text, c)):
            matcher = matchers.for_review(index, tokens)
            review_terms = matcher.find(tokens)
            judgements = score.score_spans(tokens, [(m.start, m.end) for m in found], review_terms.name_tokens)
            rows.extend(_mention_rows(source, found, judgements, matcher, review_terms))
        if progress:
            progress(index + 1, total)

    mentions = pd.DataFrame.from_records(rows, columns=MENTION_COLUMNS)
    del rows
    mentions["opinion"] = mentions["opinion"].astype(bool)
    per_mention = mentions.drop_duplicates("mention_id")
    # The review-level calibration was fitted for the critic scorer's polarities.
    inferred = inferred_scores(per_mention, calibration=None if scorer == DEFAULT_SCORER else {})
    aspects = aspect_table(mentions[mentions["aspect"] != ""])
    reviews = _review_table(sources, cleaned, mentions, inferred)
    texts = pd.DataFrame({"review_id": [s.review_id for s in sources], "text": [s.text for s in sources]})
    set_aside = pd.DataFrame(
        [(s.review_id, a.start, a.end, a.kind, a.reason) for s, c in zip(sources, cleaned) for a in c.set_aside],
        columns=["review_id", "start", "end", "kind", "reason"],
    )
    return Analysis(reviews, aspects, mentions, texts, set_aside, scorer=scorer)


class _Retelling:
    """Tracks retold plot through a review: once a paragraph starts retelling the story,
    the rest of it stays plot until a sentence carries the critic's own voice."""

    def __init__(self) -> None:
        self.active = False
        self.paragraph = -1

    def update(self, m: _Mention, signals: Signals, judgement, character_subject: bool) -> bool:
        if m.paragraph != self.paragraph:
            self.active, self.paragraph = False, m.paragraph
        if m.in_synopsis:
            self.active = True
        elif self.active and signals.stance and not tells_events(signals, character_subject):
            self.active = False
        elif not self.active and not m.list_sign:
            self.active = starts_retelling(signals, judgement, character_subject)
        return self.active


def film_key(source: ReviewSource, index: int) -> str:
    """The film a review is pooled with: reviews that name no film are each their own."""
    return source.film or f"\0{index}"


def pooled_people(sources, people_per_source: list[People], base: People) -> dict[str, People]:
    """Per film (``film_key``): the names that link sentences to aspects.

    Pooled from the film's metadata (``base``), every review's own cast block, and the
    character names critics pair with actors. Reviews that name no film are each their own
    film, so names never leak between unrelated reviews.
    """
    return {key: _pool(members, sources, people_per_source, base)
            for key, members in _film_groups(sources).items()}


def _film_groups(sources) -> dict[str, list[int]]:
    groups: dict[str, list[int]] = {}
    for index, source in enumerate(sources):
        groups.setdefault(film_key(source, index), []).append(index)
    return groups


def in_shared_films(sources) -> list[bool]:
    """Per source: does its film have other reviews here (so their names are pooled)?"""
    shared = [False] * len(sources)
    for members in _film_groups(sources).values():
        if len(members) > 1:
            for i in members:
                shared[i] = True
    return shared


def _pool(members: list[int], sources, people_per_source: list[People], base: People,
          tokens: list[Tokens] | None = None) -> People:
    people = base.merged(People())
    for i in members:
        people = people.merged(people_per_source[i])
    cast = set(people.by_role.get("cast", ()))
    characters, actors = harvest_characters((sources[i].text for i in members), cast, tokens)
    for name in characters:
        people.add(CHARACTER_ROLE, name)
    for name in actors - cast:
        people.add("cast", name)
    return people


class _FilmMatchers:
    """One aspect matcher per film. Films with the same names and title share one (most
    quotes name nobody), so a large batch stays small. A film with several reviews pools
    their names first (``cleaned`` holds those reviews already); a review on its own is
    read with its own tokens when its turn comes."""

    def __init__(self, sources, cleaned: list[Cleaned | None], taxonomy, film_people: People, titles,
                 details: People) -> None:
        self.sources, self.cleaned, self.taxonomy, self.base, self.titles = sources, cleaned, taxonomy, film_people, titles
        self.details = details  # the names in the film's own details: the scorer reads them as names
        self.pooled = {key: _pool(members, sources, [c.people if c else People() for c in cleaned], film_people)
                       for key, members in _film_groups(sources).items() if len(members) > 1}
        self._shared: dict[tuple, AspectMatcher] = {}

    def for_review(self, index: int, tokens: Tokens) -> AspectMatcher:
        source = self.sources[index]
        key = film_key(source, index)
        people = self.pooled.get(key) or _pool([0], [source], [self.cleaned[index].people], self.base, [tokens])
        film_titles = self.titles or ((source.film,) if source.film else ())
        signature = (film_titles, frozenset((role, frozenset(names)) for role, names in people.by_role.items()))
        if (matcher := self._shared.get(signature)) is None:
            matcher = self._shared[signature] = AspectMatcher(self.taxonomy, people, film_titles, self.details)
        return matcher


def _mention_rows(source: ReviewSource, mentions: list[_Mention], judgements, matcher: AspectMatcher,
                  review_terms: ReviewTerms) -> list[tuple]:
    rows: list[tuple] = []
    length = max(len(source.text), 1)
    # Aspect words, names and opinion words are found once in the whole review, then
    # asked mention by mention.
    tokens = review_terms.tokens
    voices = FoundIndex(word_lists().find(tokens), tokens)
    retelling = _Retelling()
    set_apart: dict[str, tuple] = {}  # mentions read as plot or fact: (signals, normalised text, judgement)
    previous: _Mention | None = None
    previous_aspects: list[str] = []
    for number, (m, j) in enumerate(zip(mentions, judgements)):
        raw = source.text[m.start:m.end]
        norm = tokens.text[m.start:m.end]
        polarity = min(1.0, max(-1.0, float(j.polarity)))
        if m.list_sign:
            polarity = m.list_sign * max(abs(polarity), LIST_ITEM_MIN_STRENGTH)
        matches = matcher.match_span(review_terms, m.start, m.end)
        signals = signals_in(voices, m.start, m.end)
        character_subject = any(a.via == CHARACTER_ROLE and a.start < CHARACTER_SUBJECT_CHARS for a in matches)
        in_retelling = retelling.update(m, signals, j, character_subject)
        opinion = is_opinion(signals, norm, j, in_retelling, bool(m.list_sign))

        aspects = _nearest_aspects(matches, j.cues, MAX_ASPECTS_PER_MENTION)
        if previous is None or previous.paragraph != m.paragraph:
            previous_aspects = []
        # A clause, a pronoun or a fragment with no aspect of its own continues the subject
        # before it: "De Armas, while underserved dramatically, | proves herself capable".
        same_sentence = previous is not None and previous.sentence == m.sentence and not _OWN_SUBJECT.match(norm)
        if previous_aspects and all(a.via == FALLBACK for a in matches) and (
            same_sentence or _ANAPHORA.match(norm) or len(norm.split()) <= _FRAGMENT_MAX_WORDS
        ):
            aspects = [a for a in previous_aspects if a != "overall"] or aspects
        if not aspects and opinion:
            aspects = ["overall"]
        previous, previous_aspects = m, aspects

        terms: dict[str, list[str]] = {a: [] for a in aspects}
        for a in matches:
            if a.aspect in terms:
                terms[a.aspect].append(raw[a.start:a.end])
        cues = json.dumps([[m.start + c.start, m.start + c.end, round(c.weight, 3)] for c in _salient_cues(raw, j.cues, polarity)])
        mention_id = f"{source.review_id}#{number}"
        if not opinion:
            set_apart[mention_id] = (signals, norm, j)
        polarity, position = round(polarity, 4), round(m.start / length, 4)
        subjectivity = round(j.subjectivity, 3)
        for aspect in aspects or [""]:
            # A tuple in MENTION_COLUMNS order: far lighter than a dict per row.
            rows.append((
                source.review_id, mention_id, aspect, polarity, opinion, m.start, m.end, raw, cues,
                "; ".join(dict.fromkeys(terms.get(aspect, []))), m.kind, position, subjectivity,
                m.sentence_start, m.sentence_end, in_retelling and not opinion,
            ))
    if len(set_apart) == len(mentions) and set_apart:
        rows = _backstop_opinions(rows, set_apart)
    return rows


def _backstop_opinions(rows: list[tuple], set_apart: dict[str, tuple]) -> list[tuple]:
    """A review in which no mention reads as opinion (a short quote whose wording looks
    like plot or fact: "follows a resolutely realistic path...", "simply doesn't have the
    heft to justify its running time") still judges the film: its mentions that carry a
    judgement of their own (``opinion.judges``) count as opinions after all."""
    judging = {mid for mid, (signals, norm, j) in set_apart.items() if judges(signals, norm, j)}
    if not judging:
        return rows
    out = []
    for row in rows:
        if row[1] in judging:
            # columns: aspect (2), opinion (4), plot (15); see MENTION_COLUMNS
            row = (*row[:2], row[2] or "overall", row[3], True, *row[5:15], False)
        out.append(row)
    return out


def _salient_cues(text: str, cues, polarity: float) -> list:
    """The cues worth showing a reader as "the words behind the score": words whose weight
    moved it noticeably, leaving out what carries no judgement of its own (digits, stray
    letters, function words). At least the strongest word
    in the score's direction, when there is one: a score of many light words still shows
    the one that weighed most."""
    words = [c for c in cues if _carries_judgement(text[c.start:c.end])]
    salient = [c for c in words if abs(c.weight) >= CUE_MIN_WEIGHT]
    agreeing = [c for c in words if c.weight * polarity > 0]
    if agreeing and not any(c.weight * polarity > 0 for c in salient):
        strongest = max(agreeing, key=lambda c: abs(c.weight))
        salient = sorted([*salient, strongest], key=lambda c: c.start)
    elif not salient and words:
        salient = [max(words, key=lambda c: abs(c.weight))]
    return salient


@lru_cache(maxsize=65_536)
def _carries_judgement(token: str) -> bool:
    # Names need no rule here: the scorer gives them no weight, so they are never cues.
    # Remembered per word: the same few thousand words are cues in review after review.
    return len(_LETTERS.findall(token)) >= 2 and normalize(token).lower() not in _FUNCTION_WORDS


def _nearest_aspects(matches, cues, limit: int) -> list[str]:
    """Aspects in text order, at most ``limit``: aspects linked by a person's name first
    (a named actor or director is a strong sign), then those whose words stand closest
    to a cue of the judgement."""
    order = list(dict.fromkeys(a.aspect for a in matches))
    if len(order) <= limit:
        return order
    centres = [(c.start + c.end) / 2 for c in cues if c.weight] or [0.0]
    named = {a.aspect for a in matches if a.via not in ("term", FALLBACK)}

    def rank(aspect: str) -> tuple[bool, float]:
        distance = min(abs((a.start + a.end) / 2 - c) for a in matches if a.aspect == aspect for c in centres)
        return aspect not in named, distance

    keep = set(sorted(order, key=rank)[:limit])
    return [a for a in order if a in keep]


def _review_table(sources, cleaned, mentions: pd.DataFrame, inferred: pd.Series) -> pd.DataFrame:
    rows = []
    opinions = mentions[mentions["opinion"]]
    counts = opinions.drop_duplicates("mention_id").groupby("review_id").size()
    quotes = _pull_quotes(opinions)
    for source, c in zip(sources, cleaned):
        rating = parse_rating(source.rating) if source.rating.strip() else (c.rating.rating if c.rating else None)
        explicit_rating = (rating.raw if rating else "") or ""
        explicit_score = rating.score if rating and rating.score is not None else np.nan
        inferred_score = inferred.get(source.review_id, np.nan)
        target = explicit_score if not np.isnan(explicit_score) else inferred_score
        direction = 0 if np.isnan(target) else int(np.sign(target - 50))
        start, end = quotes.get((source.review_id, direction), (-1, -1))
        rows.append({
            "review_id": source.review_id, "film": source.film, "title": source.title or c.title,
            "outlet": source.outlet or c.outlet, "author": source.author or c.author,
            "explicit_rating": explicit_rating, "explicit_score": explicit_score,
            "inferred_score": inferred_score, "mentions": int(counts.get(source.review_id, 0)),
            "url": source.url, "origin": source.origin,
            "pull_quote": source.text[start:end] if start >= 0 else "",
            "pull_quote_start": start, "pull_quote_end": end,
            "note": source.note,
        })
    return pd.DataFrame(rows, columns=REVIEW_COLUMNS)


# What makes a good pull quote, by weight: agreeing with the critic's verdict comes first.
_QUOTE_WEIGHTS = {"agrees": 1.0, "on_the_film": 0.6, "fits": 0.5, "late": 0.3, "whole": 0.3}
_QUOTE_CHARS = (50, 240)


def _pull_quotes(opinions: pd.DataFrame) -> dict[tuple[str, int], tuple[int, int]]:
    """Per review and verdict direction (-1, 0, +1): the offsets of the sentence that best
    carries that verdict. A judgement of the film as a whole that agrees with the critic's
    score, of quotable length, preferably from the conclusion; for a mixed verdict, a
    sentence that weighs both sides. Computed for all reviews at once."""
    if opinions.empty:
        return {}
    sentences = opinions.assign(
        on_the_film=(opinions["aspect"] == "overall").astype(float),
        whole=opinions["kind"].isin(["sentence", "pros", "cons"]).astype(float),
    ).groupby(["review_id", "sentence_start", "sentence_end"], sort=False).agg(
        polarity=("polarity", "mean"), most=("polarity", "max"), least=("polarity", "min"),
        on_the_film=("on_the_film", "max"), position=("position", "max"), whole=("whole", "max"),
    ).reset_index()
    pol = sentences["polarity"].to_numpy(dtype=float)
    length = (sentences["sentence_end"] - sentences["sentence_start"]).to_numpy()
    weighs_both = ((sentences["most"] > 0.1) & (sentences["least"] < -0.1)).to_numpy(dtype=float)
    w = _QUOTE_WEIGHTS
    common = (
        w["on_the_film"] * sentences["on_the_film"].to_numpy()
        + w["fits"] * ((length >= _QUOTE_CHARS[0]) & (length <= _QUOTE_CHARS[1]))
        + w["late"] * sentences["position"].to_numpy(dtype=float)
        + w["whole"] * sentences["whole"].to_numpy()
    )
    agreement = {1: pol, -1: -pol, 0: 0.5 * (1.0 - np.abs(pol)) + 0.5 * weighs_both}
    best: dict[tuple[str, int], tuple[int, int]] = {}
    for direction, agrees in agreement.items():
        scored = sentences.assign(score=w["agrees"] * agrees + common)
        top = scored.loc[scored.groupby("review_id", sort=False)["score"].idxmax()]
        for row in top.itertuples(index=False):
            best[(row.review_id, direction)] = (int(row.sentence_start), int(row.sentence_end))
    return best
