"""The analysis: review sources in, the five tables of ``records.TABLE_COLUMNS`` out.

Each review is read once into a ``ReviewDoc`` (normalised and tokenised once) and passed
through a named list of stages, each adding its annotations as offsets into the review's
text:

=========  ======  ===========================================================================
stage      scope   what it adds (module)
=========  ======  ===========================================================================
rating     review  the critic's rating printed in the text, and the one that stands (mentions)
clean      review  set-aside spans, film details, byline, headline, plot sections (clean)
segment    review  the sentences and clauses that may carry an opinion (mentions)
cast       film    the names that link sentences to aspects, pooled per film (cast)
aspects    review  every aspect word and name in each mention (aspects)
polarity   review  each mention's judgement: polarity and the words behind it (polarity)
opinion    review  opinion or retold plot, and how likely opinion: decided here, and only here (opinion)
guess      review  a learned guess of the aspect of an opinion that names none (aspect_model)
attribute  review  the aspects each mention counts for (attribution)
scores     batch   aspect scores, the inferred review score, pull quotes (scores)
=========  ======  ===========================================================================

``Pipeline.replace(name, function)`` swaps one stage (a new scorer, a learned opinion
detector); ``Pipeline.timings`` says how long each stage took, and how long reading the
reviews (``read``: normalising and tokenising) and making the rows (``rows``) took.
``analyze_sources`` is the one code path behind the command line, the pages and the
benchmarks.
"""

from __future__ import annotations

import gc
import time
from dataclasses import dataclass, field, replace
from functools import wraps
from typing import Callable

import pandas as pd

from dashboard.engine.aspect_model import guess_aspects
from dashboard.engine.aspects import AspectMatcher, Taxonomy, find_aspects, load_taxonomy
from dashboard.engine.attribution import attribute
from dashboard.engine.cast import assign_matchers, film_groups
from dashboard.engine.clean import clean_document
from dashboard.engine.document import ReviewDoc
from dashboard.engine.mentions import find_review_rating, segment, take_rating
from dashboard.engine.opinion import decide_opinions
from dashboard.engine.polarity import Scorer, get_scorer, score_mentions
from dashboard.engine.pull_quotes import pull_quotes
from dashboard.engine.scores import aspect_table, inferred_scores, lean_with_rating, rating_leans
from dashboard.engine.tables import mention_rows, mentions_table, reviews_table, set_aside_table, texts_table
from dashboard.records import DEFAULT_SCORER, Analysis, FilmInfo, People, ReviewSource
from dashboard.text.names import names_the_film

REVIEW, FILM, BATCH = "review", "film", "batch"
READ, ROWS = "read", "rows"  # timed beside the stages: reading a review, making the table rows


@dataclass
class Run:
    """What every stage of one analysis shares."""

    taxonomy: Taxonomy
    scorer: Scorer
    scorer_name: str
    details: People                     # the names in the film's own details (film.toml)
    titles: tuple[str, ...]
    # Per film: the names pooled from all its reviews ahead of time (a batch analysed in
    # parts, ``stream``); the ``cast`` stage pools the others from the reviews at hand.
    pooled: dict[str, People] = field(default_factory=dict)
    matchers: dict[tuple, AspectMatcher] = field(default_factory=dict)  # shared by films with the same names
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)       # the ``scores`` stage's input and output


@dataclass(frozen=True)
class Stage:
    name: str
    run: Callable            # (doc, run) for a review stage, (docs, run) for a film or batch stage
    scope: str = REVIEW      # REVIEW: one review at a time; FILM: the reviews of one film; BATCH: all


def _clean(doc: ReviewDoc, run: Run) -> None:
    # Without the film's details, the film a review was given for names it ("Nightjar (2025)"):
    # a line that is its title is a heading.
    titles = run.titles or ((doc.source.film,) if doc.source.film else ())
    doc.cleaned = clean_document(doc, titles)
    if names_the_film(doc.source.author, titles):
        doc.source = replace(doc.source, author="")  # the page's title read as its author
    if doc.cleaned.rating is not doc.found_rating:
        take_rating(doc, doc.cleaned.rating)  # the stars found were another film's (a round-up)


def _cast(docs: list[ReviewDoc], run: Run) -> None:
    if any(d.mentions for d in docs):
        assign_matchers(docs, run)


def _scores(docs: list[ReviewDoc], run: Run) -> None:
    mentions = run.tables["mentions"]
    # The review-level calibration was fitted for the critic scorer's polarities.
    inferred = inferred_scores(mentions, calibration=None if run.scorer_name == DEFAULT_SCORER else {},
                               verdict=run.taxonomy.verdict)
    quotes = pull_quotes(mentions[mentions["opinion"]], run.taxonomy.verdict)
    reviews = run.tables["reviews"] = reviews_table(docs, mentions, inferred, quotes)
    mentions = run.tables["mentions"] = lean_with_rating(mentions, rating_leans(reviews))
    run.tables["aspects"] = aspect_table(mentions[mentions["aspect"] != ""])


STAGES = (
    Stage("rating", find_review_rating),
    Stage("clean", _clean),
    Stage("segment", segment),
    Stage("cast", _cast, FILM),
    Stage("aspects", find_aspects),
    Stage("polarity", score_mentions),
    Stage("opinion", decide_opinions),
    Stage("guess", guess_aspects),
    Stage("attribute", attribute),
    Stage("scores", _scores, BATCH),
)
# Stages that read a review's mentions: a review with none (unscored, or nothing but
# furniture) skips them.
_NEEDS_MENTIONS = {"aspects", "polarity", "opinion", "guess", "attribute"}


class Pipeline:
    """A named list of stages, run in order over a batch of reviews."""

    def __init__(self, stages=STAGES) -> None:
        self.stages = tuple(stages)
        self.timings: dict[str, float] = {s.name: 0.0 for s in self.stages}
        if len(self.timings) != len(self.stages) or {READ, ROWS} & set(self.timings):
            raise ValueError(f"stage names must be unique and not {READ!r} or {ROWS!r}")
        self.timings = {READ: 0.0, **self.timings, ROWS: 0.0}

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def replace(self, name: str, function: Callable) -> "Pipeline":
        """The same pipeline with stage ``name`` run by ``function`` (same scope)."""
        if name not in self.names:
            raise KeyError(f"no stage named {name!r}; the stages are {', '.join(self.names)}")
        return Pipeline(replace(s, run=function) if s.name == name else s for s in self.stages)

    def run(self, sources: list[ReviewSource], run: Run,
            progress: Callable[[int, int], None] | None = None) -> list[ReviewDoc]:
        """Run every stage over the reviews of ``sources``, one film at a time (a review is
        read when its film's turn comes, and keeps only what the tables need once its
        rows are made); the tables land in ``run.tables``. Returns the documents."""
        docs: list[ReviewDoc | None] = [None] * len(sources)
        rows: list[list[tuple]] = [[] for _ in sources]
        before_film, film_stage, after_film, batch_stages = self._phases()
        done, total = 0, len(sources)
        for members in film_groups(sources).values():
            started = time.perf_counter()
            film_docs = [ReviewDoc.read(sources[i], i) for i in members]
            self.timings[READ] += time.perf_counter() - started
            for doc in film_docs:
                docs[doc.index] = doc
                self._review_stages(before_film, doc, run)
            for stage in film_stage:
                self._timed(stage, film_docs, run)
            for doc in film_docs:
                self._review_stages(after_film, doc, run)
                started = time.perf_counter()
                rows[doc.index] = mention_rows(doc)
                self.timings[ROWS] += time.perf_counter() - started
                doc.release()
                done += 1
                if progress:
                    progress(done, total)
        started = time.perf_counter()
        run.tables["mentions"] = mentions_table([row for per_review in rows for row in per_review])
        self.timings[ROWS] += time.perf_counter() - started
        for stage in batch_stages:
            self._timed(stage, docs, run)
        return docs

    def _phases(self):
        """The review stages before the first film stage, the film stages (run where the
        reviews of a film have all come so far), the review stages after, the batch stages."""
        film_at = next((i for i, s in enumerate(self.stages) if s.scope == FILM), len(self.stages))

        def of(scope, stages):
            return [s for s in stages if s.scope == scope]

        return (of(REVIEW, self.stages[:film_at]), of(FILM, self.stages), of(REVIEW, self.stages[film_at:]),
                of(BATCH, self.stages))

    def _review_stages(self, stages, doc: ReviewDoc, run: Run) -> None:
        for stage in stages:
            if stage.name in _NEEDS_MENTIONS and not doc.mentions:
                continue
            self._timed(stage, doc, run)

    def _timed(self, stage: Stage, target, run: Run) -> None:
        started = time.perf_counter()
        stage.run(target, run)
        self.timings[stage.name] += time.perf_counter() - started


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
    pipeline: Pipeline | None = None,
    pooled: dict[str, People] | None = None,
) -> Analysis:
    """Analyse reviews of one film (or of several, when sources name their film).
    ``pooled``: per film, the names already pooled from all its reviews (``stream``)."""
    taxonomy = taxonomy or load_taxonomy()
    details = film.people if film else People()  # the film's own details (film.toml)
    run = Run(taxonomy, get_scorer(scorer), scorer, details, film.titles if film else (), dict(pooled or {}))
    docs = (pipeline or Pipeline()).run(sources, run, progress)
    return Analysis(run.tables["reviews"], run.tables["aspects"], run.tables["mentions"], texts_table(docs),
                    set_aside_table(docs), scorer=scorer)
