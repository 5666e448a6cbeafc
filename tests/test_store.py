"""Published review sets in a real database: SQLite, and PostgreSQL when a server is
given (``DASHBOARD_TEST_POSTGRES_URL``; ``.ci/run`` installs and starts one, and sets
REQUIRE_POSTGRES=1 so that these tests run there rather than skip)."""

from __future__ import annotations

import pandas as pd
import pytest
from sqlalchemy import create_engine, text

from dashboard.records import FilmInfo
from dashboard.sharing.store import ID_CHARS, ReviewStore, id_of, slug_of


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request, tmp_path):
    url = f"sqlite:///{tmp_path / 'reviews.db'}" if request.param == "sqlite" else request.getfixturevalue("postgres_url")
    engine = create_engine(url)
    yield engine
    engine.dispose()


def test_a_published_set_opens_as_it_was(engine, ballerina_analysis):
    store = ReviewStore(engine)
    film = FilmInfo(key="upload", title="Ballerina", year=2025)
    film.people.add("director", "Len Wiseman")
    published = store.publish(ballerina_analysis, film, "My set", taxonomy_text="[acting]\n")
    assert published.key.startswith("ballerina-2025-") and len(published.id) == ID_CHARS
    again = ReviewStore(engine).load(published.key)       # a new store: as after a restart
    assert again.label == "My set" and again.film.title == "Ballerina" and again.film.year == 2025
    assert again.film.people.by_role["director"] == {"Len Wiseman"}
    for name in ("reviews", "aspects", "mentions", "set_aside", "texts"):
        got, expected = again.analysis.table(name), ballerina_analysis.table(name)
        assert list(got.columns) == list(expected.columns) and len(got) == len(expected), name
    pd.testing.assert_series_equal(again.analysis.mentions["polarity"], ballerina_analysis.mentions["polarity"],
                                   check_names=False)
    assert list(again.analysis.texts["text"]) == list(ballerina_analysis.texts["text"])
    assert store.status(published.key) == "live" and store.live_sets() == 1


def test_texts_are_stored_once(engine, ballerina_analysis):
    store = ReviewStore(engine)
    film = FilmInfo(key="upload", title="Ballerina")
    first = store.publish(ballerina_analysis, film, "a", "")
    store.publish(ballerina_analysis, film, "b", "")
    with engine.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM review_texts")).scalar() == len(ballerina_analysis.texts)
    assert store.unpublish(first.id) and not store.unpublish(first.id)
    assert store.status(first.key) == "removed" and store.load(first.key) is None
    with engine.connect() as conn:   # still used by the other set
        assert conn.execute(text("SELECT COUNT(*) FROM review_texts")).scalar() == len(ballerina_analysis.texts)


@pytest.mark.parametrize("key", ["", "ballerina", "x" * 21, "../../etc/passwd", "ballerina-2025-" + "!" * ID_CHARS])
def test_malformed_keys_are_no_set(engine, key):
    store = ReviewStore(engine)
    assert id_of(key) is None and store.status(key) == "unknown" and store.load(key) is None


def test_an_unknown_id_is_unknown(engine):
    assert ReviewStore(engine).status("ballerina-2025-" + "A" * ID_CHARS) == "unknown"


def test_the_schema_is_created_once_and_a_newer_one_refused(engine):
    ReviewStore(engine)
    ReviewStore(engine)   # a second start finds the tables
    with engine.begin() as conn:
        conn.execute(text("UPDATE schema_info SET version = 99"))
    with pytest.raises(RuntimeError, match="newer schema"):
        ReviewStore(engine)


def test_slugs_are_readable_and_safe():
    assert slug_of("Ballerina", 2025) == "ballerina-2025"
    assert slug_of("<script>Poor Things</script>") == "script-poor-things-script"
    assert slug_of("") == "reviews"
