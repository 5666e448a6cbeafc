"""Large batches: the same tables as one ``analyze_sources`` run, in partitions.

``analyze_sources`` pools the names that link sentences to aspects across all the reviews
of a film, so a partition cannot simply be analysed on its own. ``analyze_batch`` works in two steps:

1. the film-level context, per film: the names in every review's metadata lines (the
   cleaner, run per partition), and the characters and actors critics pair up, harvested
   once over the film's reviews with that cast (``film_contexts``);
2. the per-review analysis of each partition (``analyze_partition``, a pure function of a
   run of sources and the pooled names of their films; a partition may hold reviews of
   several films); the partitions' tables are concatenated in order (``mention_id`` is
   ``review_id#n``, already unique per review).

Without a cache, this is ``stream.analyze_stream`` over the batch held in memory.

Single reviews that name no film need no context (the pipeline pools names per film).

The partitions run one after another, in worker processes (``jobs``) or on a Dask
distributed cluster (``engine="dask"``). Memory stays bounded by the partition size, and
the result tables are compacted (categoricals, 32-bit offsets) as they arrive.

An optional on-disk cache (``cache_dir``, see ``cache``) keeps each file's tables: re-analysing a
folder only analyses the files that changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

import pandas as pd

from dashboard.engine.aspects import Taxonomy, load_taxonomy
from dashboard.engine.cache import (
    Cache, content_hash, digest, engine_version, file_groups, film_hash, names_key, taxonomy_hash,
)
from dashboard.engine.cast import film_groups, in_shared_films, pool_people
from dashboard.engine.pipeline import analyze_sources
from dashboard.engine.partitions import (
    PARTITION_CHARS, compact, no_opinion_problems, partition_task, partitions, pooled_for,
)
from dashboard.engine.stream import analyze_stream, metadata_people
from dashboard.engine.runners import DaskRunner, ProcessRunner, SerialRunner
from dashboard.records import (
    DEFAULT_SCORER, TABLES, Analysis, FilmInfo, IngestReport, People, ReviewSource, about_film, empty_table,
)
from dashboard.text.normalize import normalize
from dashboard.text.tokens import tokenize

ENGINES = ("local", "dask")
# ---------------------------------------------------------------------------- film context

def people_of(texts: Sequence[str]) -> list[dict[str, set[str]]]:
    """Per text: the names its metadata lines give, as plain sets to cache."""
    return [{role: set(names) for role, names in people.by_role.items()} for people in metadata_people(texts)]


def film_contexts(sources: Sequence[ReviewSource], film: FilmInfo | None = None,
                  people: Sequence[dict[str, set[str]]] | None = None) -> dict[str, People]:
    """Per film with more than one review: the given film's details plus every name the
    ``cast`` stage pools across that film's reviews. Analysing any partition of the film's
    reviews with these gives that partition's rows of the one-run tables. Single reviews
    need none."""
    titles = film.titles if film else ()
    people = people if people is not None else people_of([s.text for s in sources])
    base = film.people if film else People()
    return {key: pool_people(base, (People(dict(people[i])) for i in members),
                             (tokenize(normalize(sources[i].text)) for i in members), titles or (key,))
            for key, members in film_groups(sources).items() if len(members) > 1}


# ---------------------------------------------------------------------------- partitions

# ---------------------------------------------------------------------------- tables

def concat_tables(parts: Sequence[dict[str, pd.DataFrame]]) -> dict[str, pd.DataFrame]:
    """Concatenate partitions' tables in order, keeping categoricals categorical."""
    out = {}
    for name in TABLES:
        frames = [p[name] for p in parts if name in p]
        if not frames:
            continue
        nonempty = [f for f in frames if len(f)] or frames[:1]
        out[name] = _concat(nonempty)
    return out


def _concat(frames: list[pd.DataFrame]) -> pd.DataFrame:
    if len(frames) == 1:
        return frames[0].reset_index(drop=True)
    frames = [f.copy(deep=False) for f in frames]
    for col in frames[0].columns:
        if not all(col in f.columns and isinstance(f[col].dtype, pd.CategoricalDtype) for f in frames):
            continue
        # Sorted, as ``astype("category")`` makes them: the same however the rows were split.
        categories = pd.Index(sorted(set().union(*(f[col].cat.categories for f in frames))))
        for f in frames:
            f[col] = f[col].cat.set_categories(categories)
    return pd.concat(frames, ignore_index=True)


def _split_by_review(tables: dict[str, pd.DataFrame], groups: list[list[str]]) -> list[dict[str, pd.DataFrame]]:
    """Split one partition's tables into the given groups of review ids (in order)."""
    if len(groups) == 1:
        return [tables]
    owner = {rid: g for g, ids in enumerate(groups) for rid in ids}
    out: list[dict[str, pd.DataFrame]] = [{} for _ in groups]
    for name, frame in tables.items():
        keys = frame["review_id"].astype(str).map(owner).to_numpy()
        rows = pd.Series(range(len(frame))).groupby(keys).indices if len(frame) else {}
        for g in range(len(groups)):
            out[g][name] = frame.iloc[rows.get(g, [])].reset_index(drop=True)
    return out


# ---------------------------------------------------------------------------- the batch

@dataclass
class BatchResult(Analysis):
    files: int = 0          # file groups
    reused: int = 0         # of which read from the cache

    @classmethod
    def of(cls, tables: dict[str, pd.DataFrame], scorer: str, files: int, reused: int = 0) -> "BatchResult":
        return cls(**{name: tables.get(name, empty_table(name)) for name in TABLES}, scorer=scorer, files=files,
                   reused=reused)


def make_runner(engine: str = "local", jobs: int = 1, client=None, scheduler: str | None = None):
    """Where partitions run: here, in ``jobs`` processes, or on a Dask cluster (``client``,
    a ``scheduler`` address or a local cluster of ``jobs`` workers). Close it after use."""
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    if engine == "dask":
        return DaskRunner(jobs, client=client, address=scheduler)
    return ProcessRunner(jobs) if jobs > 1 else SerialRunner()


def analyze_batch(
    sources: Sequence[ReviewSource],
    scorer: str = DEFAULT_SCORER,
    taxonomy: Taxonomy | None = None,
    film: FilmInfo | None = None,
    *,
    jobs: int = 1,
    engine: str = "local",
    cache_dir: str | Path | None = None,
    client=None,
    scheduler: str | None = None,
    partition_chars: int = PARTITION_CHARS,
    progress: Callable[[int, int], None] | None = None,
) -> BatchResult:
    """``analyze_sources`` over partitions; the same tables (compacted), in the same order."""
    sources = list(sources)
    taxonomy = taxonomy or load_taxonomy()
    cache = Cache(cache_dir) if cache_dir else None
    groups = file_groups(sources)
    runner = make_runner(engine, jobs if len(sources) > 1 else 1, client, scheduler)
    try:
        if cache is None and isinstance(runner, SerialRunner) and len(partitions(sources, 1, partition_chars)) <= 1:
            # One partition: exactly one ``analyze_sources`` run, no film context pass.
            analysis = analyze_sources(sources, scorer=scorer, taxonomy=taxonomy, film=film, progress=progress)
            return BatchResult.of(compact(analysis.tables()), scorer, len(groups))
        if cache is None:
            pieces: list[dict[str, pd.DataFrame]] = []
            analyze_stream(lambda: [IngestReport(sources)], pieces.append, scorer, taxonomy, film, runner=runner,
                           jobs=jobs, partition_chars=partition_chars, progress=progress)
            return BatchResult.of(concat_tables(pieces), scorer, len(groups))
        return _analyze(sources, groups, scorer, taxonomy, film, runner, cache, jobs, partition_chars, progress)
    finally:
        runner.close()


def _analyze(sources, groups, scorer, taxonomy, film, runner, cache, jobs, partition_chars, progress) -> BatchResult:
    titles = film.titles if film else ()
    hashes = [content_hash(g) for g in groups]
    base = digest(repr((engine_version(), scorer, taxonomy_hash(taxonomy))))

    # 1. Film context: the metadata names of every review of a film with several reviews
    #    (cached per file, so an unchanged folder is not cleaned again just to find
    #    them), pooled per film. A review on its own needs no context.
    flags = iter(in_shared_films(sources))
    pooled = [tuple(next(flags) for _ in g) for g in groups]
    people_keys = [digest(repr((base, h, titles, "people", p))) for h, p in zip(hashes, pooled)]
    found: list[list[dict] | None] = [cache.get(k, "people") if cache else None for k in people_keys]
    missing = [i for i, f in enumerate(found) if f is None or len(f) != len(groups[i])]
    if missing:
        wanted = [s for i in missing for s, shared in zip(groups[i], pooled[i]) if shared]
        todo = partitions(wanted, jobs, partition_chars) if wanted else []
        flat = iter([p for per_text in runner.map(people_of, [[s.text for s in p] for p in todo])
                     for p in per_text])
        for i in missing:
            found[i] = [next(flat) if shared else {} for shared in pooled[i]]
            if cache:
                cache.put(people_keys[i], found[i], "people")
    people = [p for f in found for p in f]
    pooled = film_contexts(sources, film, people)
    names_hashes = {k: digest(repr(names_key(p))) for k, p in pooled.items()}
    plain_hash = film_hash(film)

    # 2. Per-file tables: from the cache, or analysed in partitions.
    keys = [digest(repr((base, h, plain_hash, sorted({names_hashes.get(s.film, "") for s in g}))))
            for h, g in zip(hashes, groups)]
    results: list[dict[str, pd.DataFrame] | None] = [cache.get(k) if cache else None for k in keys]
    reused = sum(r is not None for r in results)
    todo_groups = [i for i, r in enumerate(results) if r is None]
    todo_sources = [s for i in todo_groups for s in groups[i]]
    parts = partitions(todo_sources, jobs, partition_chars)
    total, done = len(sources), len(sources) - len(todo_sources)
    if progress and done:
        progress(done, total)
    tasks = ((p, scorer, taxonomy, film, pooled_for(p, pooled)) for p in parts)
    group_of = {s.review_id: i for i in todo_groups for s in groups[i]}
    pending: dict[int, list[dict[str, pd.DataFrame]]] = {}
    remaining = {i: len(groups[i]) for i in todo_groups}
    for part, tables in zip(parts, runner.imap(partition_task, tasks)):
        by_group: dict[int, list[str]] = {}
        for s in part:
            by_group.setdefault(group_of[s.review_id], []).append(s.review_id)
        order, ids = list(by_group), list(by_group.values())
        for g, g_ids, piece in zip(order, ids, _split_by_review(tables, ids)):
            pending.setdefault(g, []).append(piece)
            remaining[g] -= len(g_ids)
            if remaining[g] == 0:
                results[g] = concat_tables(pending.pop(g))
                cache.put(keys[g], results[g])
        done += len(part)
        if progress:
            progress(done, total)
    tables = concat_tables([r for r in results if r is not None]) if results else {}
    return BatchResult.of(tables, scorer, len(groups), reused)


def analyze_report(report: IngestReport, film: FilmInfo | None = None, film_title: str = "",
                   **options) -> BatchResult:
    """Reviews as ``reading`` read them, analysed: the one path from what a user brings to
    the tables, for the command line, the bundled films and the upload page. ``film_title``:
    the film that reviews naming none are about (its title is then read as a name);
    ``options`` go to ``analyze_batch``. The result's ``problems`` are the notes of the film's
    details and of the analysis (the reading's own are ``report.problems``)."""
    sources = about_film(report.sources, film_title) if film_title else list(report.sources)
    result = analyze_batch(sources, film=film, **options)
    result.problems = [*([film.problem] if film and film.problem else []), *no_opinion_problems(result.reviews, sources)]
    return result
