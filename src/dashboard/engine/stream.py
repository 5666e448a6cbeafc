"""A corpus of any size: read in chunks, analysed partition by partition, each partition's
tables handed on (to a file writer, or gathered) as soon as they are made.

The names that link sentences to aspects are pooled over all the reviews of a film, so a
film's context must be known before any of its reviews is analysed. ``read()`` is
therefore called up to three times, each call reading the corpus again from the start, and
never is the corpus in memory at once:

1. every review that names a film: the names of its metadata lines and its bracketed
   character-actor pairs (``NamePool.add_review``; cleaning, in the workers);
2. only when some film has two reviews or more, each of those reviews again: the
   characters paired with the film's cast (``NamePool.add_roles``);
3. every review: the analysis, in partitions (``analyze_partition``, each given the pooled
   names of its films), in order, in ``jobs`` processes or on a Dask cluster.

Peak memory is then a chunk of reviews, a few partitions in flight and the films' names,
whatever the size of the corpus. The tables are those of one ``analyze_sources`` run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

import pandas as pd

from dashboard.engine.aspects import Taxonomy
from dashboard.engine.cast import NamePool
from dashboard.engine.credits import credited_people
from dashboard.engine.partitions import no_opinion_problems, partition_task, partitions, pooled_for
from dashboard.records import DEFAULT_SCORER, FilmInfo, IngestReport, People, ReviewSource, origin_file
from dashboard.text.normalize import normalize
from dashboard.text.tokens import tokenize


@dataclass
class StreamTotals:
    """What a streamed analysis read and made (its tables went to ``write``)."""

    reviews: int = 0
    mentions: int = 0
    problems: list[str] = field(default_factory=list)   # the reading's messages, from its first pass
    origins: set[str] = field(default_factory=set)      # the files reviews were analysed from
    notes: list[str] = field(default_factory=list)      # the analysis's own notes


def metadata_people(texts: list[str]) -> list[People]:
    """Per text: the names its metadata lines give ("Starring: ...")."""
    return [credited_people(t) for t in texts]


def film_pools(chunks: Iterable[list[ReviewSource]], film: FilmInfo | None, runner) -> dict[str, NamePool]:
    """Pass 1: per film that reviews name, the names of its reviews (``NamePool.add_review``)."""
    titles = film.titles if film else ()
    base = film.people if film else People()
    pools: dict[str, NamePool] = {}
    waiting: list[list[ReviewSource]] = []  # chunks sent, in order, until their names come back

    def tasks():
        for chunk in chunks:
            if named := [s for s in chunk if s.film]:
                waiting.append(named)
                yield [s.text for s in named]

    for people in runner.imap(metadata_people, tasks()):
        for source, found in zip(waiting.pop(0), people):
            pool = pools.get(source.film)
            if pool is None:
                pool = pools[source.film] = NamePool(base, titles or (source.film,))
            pool.add_review(found, source.text)
    return pools


def pooled_names(pools: dict[str, NamePool], chunks: Callable[[], Iterable[list[ReviewSource]]]) -> dict[str, People]:
    """Pass 2: per film with two reviews or more, every name pooled from its reviews
    (``chunks()`` reads them again, only when some film has a cast to find roles of)."""
    shared = {key: pool for key, pool in pools.items() if pool.reviews > 1}
    for pool in shared.values():
        pool.cast_known()
    if any(pool.needs_roles for pool in shared.values()):
        for chunk in chunks():
            for source in chunk:
                if (pool := shared.get(source.film)) is not None:
                    pool.add_roles(tokenize(normalize(source.text)))
    return {key: pool.people() for key, pool in shared.items()}


def analyze_stream(
    read: Callable[[], Iterable[IngestReport]],
    write: Callable[[dict[str, pd.DataFrame]], None],
    scorer: str = DEFAULT_SCORER,
    taxonomy: Taxonomy | None = None,
    film: FilmInfo | None = None,
    *,
    runner,
    jobs: int = 1,
    partition_chars: int,
    progress: Callable[[int, int], None] | None = None,
) -> StreamTotals:
    """Analyse what ``read()`` gives (reports of chunks of reviews, read anew at each call)
    and hand each partition's tables, in order, to ``write``."""
    totals = StreamTotals()

    def first_reading():
        for report in read():
            totals.problems.extend(report.problems)
            totals.origins.update(origin_file(s.origin) for s in report.sources)
            total.append(len(report.sources))
            yield report.sources

    def sources() -> Iterator[list[ReviewSource]]:
        return (report.sources for report in read())

    total: list[int] = []
    pooled = pooled_names(film_pools(first_reading(), film, runner), sources)
    waiting: list[list[ReviewSource]] = []  # partitions sent, in order, until their tables come back

    def tasks():
        for chunk in sources():
            for part in partitions(chunk, jobs, partition_chars):
                waiting.append(part)
                yield part, scorer, taxonomy, film, pooled_for(part, pooled)

    done = 0
    for tables in runner.imap(partition_task, tasks()):
        part = waiting.pop(0)
        write(tables)
        totals.reviews += len(tables["reviews"])
        totals.mentions += len(tables["mentions"])
        totals.notes += no_opinion_problems(tables["reviews"], part)
        done += len(part)
        if progress:
            progress(done, sum(total))
    return totals
