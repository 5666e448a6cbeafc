"""Partitions: the runs of reviews a batch is analysed in, each a pure function of its
reviews and the pooled names of their films, and its tables made compact as they arrive."""

from __future__ import annotations

from typing import Sequence

import pandas as pd

from dashboard.engine.aspects import Taxonomy
from dashboard.engine.pipeline import analyze_sources
from dashboard.records import DEFAULT_SCORER, FilmInfo, People, ReviewSource

# A partition holds about this many characters of review text (and at most MAX_PARTITION
# reviews): small enough to bound memory, large enough to keep per-call overhead low.
PARTITION_CHARS = 400_000
MAX_PARTITION = 2_000
# Low-cardinality text columns stored as categoricals.
_CATEGORY_COLUMNS = {
    "mentions": ("review_id", "aspect", "kind"),
    "aspects": ("review_id", "aspect"),
    "set_aside": ("review_id", "kind", "reason"),
    "reviews": ("film", "outlet", "author", "explicit_rating"),
}
_INT32_COLUMNS = {
    "mentions": ("start", "end"),
    "set_aside": ("start", "end"),
    "aspects": ("mentions", "positive", "negative"),
    "reviews": ("mentions", "pull_quote_start", "pull_quote_end"),
}


def analyze_partition(
    sources: Sequence[ReviewSource],
    scorer: str = DEFAULT_SCORER,
    taxonomy: Taxonomy | None = None,
    film: FilmInfo | None = None,
    pooled: dict[str, People] | None = None,
) -> dict[str, pd.DataFrame]:
    """The per-review analysis of one partition: a pure function of its sources and, per
    film among them with reviews elsewhere, the names pooled from all its reviews."""
    analysis = analyze_sources(list(sources), scorer=scorer, taxonomy=taxonomy, film=film, pooled=pooled)
    return compact(analysis.tables())


def partition_task(args) -> dict[str, pd.DataFrame]:
    return analyze_partition(*args)


def partitions(sources: list[ReviewSource], jobs: int, max_chars: int = PARTITION_CHARS,
               max_reviews: int = MAX_PARTITION) -> list[list[ReviewSource]]:
    """Contiguous runs of sources of about ``max_chars`` characters; with several jobs,
    at least four partitions per job so that the workers finish together."""
    if not sources:
        return []
    total = sum(len(s.text) for s in sources)
    if jobs > 1:
        max_chars = max(20_000, min(max_chars, total // (4 * jobs) + 1))
    parts: list[list[ReviewSource]] = [[]]
    size = 0
    for s in sources:
        if parts[-1] and (size + len(s.text) > max_chars or len(parts[-1]) >= max_reviews):
            parts.append([])
            size = 0
        parts[-1].append(s)
        size += len(s.text)
    return parts


def pooled_for(part: list[ReviewSource], pooled: dict[str, People]) -> dict[str, People]:
    """The pooled names of the films of ``part`` (a task carries only what it needs)."""
    return {f: pooled[f] for f in {s.film for s in part} if f in pooled}


def compact(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Low-cardinality text as categoricals, offsets and counts as 32-bit integers."""
    out = {}
    for name, frame in tables.items():
        frame = frame.copy(deep=False)
        for col in _CATEGORY_COLUMNS.get(name, ()):
            if col in frame.columns and not isinstance(frame[col].dtype, pd.CategoricalDtype):
                frame[col] = frame[col].astype("category")
        for col in _INT32_COLUMNS.get(name, ()):
            if col in frame.columns and len(frame) and pd.api.types.is_integer_dtype(frame[col].dtype):
                frame[col] = frame[col].astype("int32")
        out[name] = frame
    return out


def no_opinion_problems(reviews: pd.DataFrame, sources: Sequence[ReviewSource]) -> list[str]:
    """Reviews (scored ones) in which the analysis found no opinion at all."""
    counts = dict(zip(reviews["review_id"].astype(str), reviews["mentions"]))
    return [f"{s.origin or s.review_id}: no opinion was found in this review, so it adds nothing to the aspect scores"
            for s in sources if not s.skip_scoring and counts.get(s.review_id, 0) == 0]
