"""Batches: partitions, processes, the cache and Dask give the tables of one run."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.records import CHARACTER_ROLE
from dashboard.engine.batch import (
    analyze_batch,
    file_groups,
    film_contexts,
)
from dashboard.records import TABLES, FilmInfo
from dashboard.records import ReviewSource
from dashboard.engine.pipeline import analyze_sources

# Names harvested from one review ("Eve (Ana de Armas)") must reach the others, whatever
# partition they fall in: "Eve" alone only means a character because of review a.
TEXTS = {
    "a": "Starring: Ana de Armas, Ian McShane\n\nEve (Ana de Armas) is a ferocious lead and the action is superb. "
         "McShane's Winston steals every scene.\n\nRating: 4/5",
    "b": "Eve is wasted by a clumsy script. The score is loud and tiresome, but the fights are thrilling.",
    "c": "Pros:\n- Gorgeous cinematography\n- Sharp editing\nCons:\n- A muddled third act\n\nWinston deserved more.",
    "d": "I did not enjoy it. Ana de Armas plays Eve with grit; the pacing drags in the middle. Grade: C+",
    "e": "A quiet, moving film. The direction is confident and the ensemble never hits a false note.",
}


def _sources() -> list[ReviewSource]:
    out = [ReviewSource(review_id=k, text=t, film="ballerina", origin=f"{k}.txt") for k, t in TEXTS.items()]
    # Three rows of one table file: one cache unit.
    for n in range(1, 4):
        out.append(ReviewSource(review_id=f"quotes-{n}", text=f"Review {n}: the story is {['dull', 'fine', 'great'][n - 1]}.",
                                film="ballerina", origin=f"quotes.csv row {n}", outlet="Film Weekly"))
    out.append(ReviewSource(review_id="fr", text="Un film magnifique.", film="ballerina", origin="fr.txt",
                            note="not English", skip_scoring=True))
    return out


def _film() -> FilmInfo:
    film = FilmInfo(key="ballerina", title="Ballerina")
    film.people.add("director", "Len Wiseman")
    return film


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    """Values only: categoricals and 32-bit integers back to plain columns."""
    out = frame.reset_index(drop=True).copy()
    for col in out.columns:
        if isinstance(out[col].dtype, pd.CategoricalDtype):
            out[col] = out[col].astype(object).astype(str) if len(out) else out[col].astype(object)
        elif pd.api.types.is_integer_dtype(out[col].dtype):
            out[col] = out[col].astype("int64")
    return out.astype(object)


def assert_same_tables(one_run, batch) -> None:
    for name in TABLES:
        expected = _plain(getattr(one_run, name))
        got = _plain(batch.table(name))
        pd.testing.assert_frame_equal(got, expected, check_dtype=False, obj=name)


@pytest.fixture(scope="module")
def one_run():
    return analyze_sources(_sources(), film=_film())


def test_film_context_pools_names_across_a_films_reviews():
    film = _film()
    contexts = film_contexts(_sources(), film)
    assert list(contexts) == ["ballerina"]
    people = contexts["ballerina"].by_role
    assert "Eve" in people[CHARACTER_ROLE]          # harvested from review a
    assert "Ana de Armas" in people["cast"]          # review a's "Starring:" line
    assert people["director"] == {"Len Wiseman"}    # the film's own details
    # The film's own details stay apart (the scorer reads them as names wherever they stand).
    assert film.people.by_role.get(CHARACTER_ROLE) is None


def test_reviews_without_a_film_need_no_context():
    sources = [ReviewSource(review_id=k, text=t) for k, t in TEXTS.items()]
    assert film_contexts(sources) == {}


@pytest.mark.parametrize("film", ["", "wick"])
def test_names_from_other_partitions(film):
    """One review names the cast, another pairs a character with an actor in brackets, a
    third names them again, each in its own partition: the tables of one run, whether the
    reviews share a film (names pooled) or name none (each its own film)."""
    sources = [
        ReviewSource(review_id="x", text="Starring: Ana de Armas\n\nA ferocious, thrilling lead.", film=film, origin="x.txt"),
        ReviewSource(review_id="y", text="Winston (Ian McShane) is wonderful. Winston steals the film.", film=film, origin="y.txt"),
        ReviewSource(review_id="z", text="Ian McShane as Winston is the best thing here. De Armas is fierce.", film=film, origin="z.txt"),
    ]
    assert_same_tables(analyze_sources(sources), analyze_batch(sources, partition_chars=40, jobs=2))


def test_partitions_give_the_tables_of_one_run(one_run):
    batch = analyze_batch(_sources(), film=_film(), partition_chars=150)  # about one review a partition
    assert_same_tables(one_run, batch)
    assert batch.files == 7  # five text files, one table, one more text file
    assert len(batch.mentions) > 10


def test_one_partition_is_one_run(one_run):
    assert_same_tables(one_run, analyze_batch(_sources(), film=_film()))


def test_processes_give_the_tables_of_one_run(one_run):
    assert_same_tables(one_run, analyze_batch(_sources(), film=_film(), jobs=2, partition_chars=150))


def test_mentions_are_compact():
    mentions = analyze_batch(_sources(), film=_film(), partition_chars=150).mentions
    for col in ("review_id", "aspect", "kind"):
        assert isinstance(mentions[col].dtype, pd.CategoricalDtype), col
    assert mentions["start"].dtype == "int32" and mentions["end"].dtype == "int32"
    assert mentions["mention_id"].astype(str).str.contains("#").all()


def test_file_groups_keep_table_rows_together():
    groups = file_groups(_sources())
    assert [len(g) for g in groups] == [1, 1, 1, 1, 1, 3, 1]


def test_cache_reuses_unchanged_files_only(tmp_path, one_run):
    cache = tmp_path / "cache"
    first = analyze_batch(_sources(), film=_film(), cache_dir=cache, partition_chars=150)
    assert (first.reused, first.files) == (0, 7)
    again = analyze_batch(_sources(), film=_film(), cache_dir=cache, partition_chars=150)
    assert again.reused == 7
    assert_same_tables(one_run, again)

    changed = _sources()
    changed[4] = ReviewSource(review_id="e", text="A dull film. The direction is timid.", film="ballerina", origin="e.txt")
    partly = analyze_batch(changed, film=_film(), cache_dir=cache, partition_chars=150)
    assert partly.reused == 6
    assert_same_tables(analyze_sources(changed, film=_film()), partly)

    other_scorer = analyze_batch(_sources(), scorer="textblob", film=_film(), cache_dir=cache)
    assert other_scorer.reused == 0


def test_new_character_invalidates_every_file(tmp_path):
    """A name harvested from a new review changes the context of all the others."""
    cache = tmp_path / "cache"
    sources = [s for s in _sources() if s.review_id != "a"]
    analyze_batch(sources, film=_film(), cache_dir=cache)
    with_a = analyze_batch(_sources(), film=_film(), cache_dir=cache)
    assert with_a.reused == 0
    assert_same_tables(analyze_sources(_sources(), film=_film()), with_a)


def test_broken_cache_entry_is_analysed_again(tmp_path, one_run):
    cache = tmp_path / "cache"
    analyze_batch(_sources(), film=_film(), cache_dir=cache)
    for entry in cache.rglob("*.tables.pkl"):
        entry.write_bytes(b"not a pickle")
    again = analyze_batch(_sources(), film=_film(), cache_dir=cache)
    assert again.reused == 0
    assert_same_tables(one_run, again)


def test_progress_reaches_the_total():
    calls = []
    analyze_batch(_sources(), film=_film(), partition_chars=150, progress=lambda done, total: calls.append((done, total)))
    assert calls[-1] == (len(_sources()), len(_sources()))


def test_no_sources():
    batch = analyze_batch([], film=_film())
    assert all(len(batch.table(name)) == 0 for name in TABLES)


def test_dask_engine_gives_the_tables_of_one_run(one_run):
    distributed = pytest.importorskip("dask.distributed")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        batch = analyze_batch(_sources(), film=_film(), engine="dask", client=client, partition_chars=150)
    assert_same_tables(one_run, batch)


def test_unknown_engine():
    with pytest.raises(ValueError, match="engine"):
        analyze_batch(_sources(), engine="spark")


def test_interleaved_films_share_partitions_and_keep_their_own_names(tmp_path):
    """Rows of two films in turn, a few to a partition: each film's names (pooled across
    partitions) reach only its own reviews, as in one run."""
    sources = [
        ReviewSource(review_id="x1", text="Starring: Ana de Armas\n\nA ferocious, thrilling lead.", film="A", origin="t row 1"),
        ReviewSource(review_id="y1", text="Starring: Keanu Reeves\n\nReeves is stiff.", film="B", origin="t row 2"),
        ReviewSource(review_id="x2", text="Winston (Ian McShane) is wonderful. De Armas is fierce.", film="A", origin="t row 3"),
        ReviewSource(review_id="y2", text="Winston is dull here. Reeves glides.", film="B", origin="t row 4"),
        ReviewSource(review_id="x3", text="Winston steals the film and Reeves would have too.", film="A", origin="t row 5"),
    ]
    one_run = analyze_sources(sources)
    assert_same_tables(one_run, analyze_batch(sources, partition_chars=90))
    assert_same_tables(one_run, analyze_batch(sources, partition_chars=90, jobs=2))
    assert_same_tables(one_run, analyze_batch(sources, partition_chars=90, cache_dir=tmp_path))
