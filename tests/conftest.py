"""Shared fixtures. No test reads ../shared: the bundled reviews live in data/."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
BALLERINA = REPO / "data" / "reviews" / "ballerina"
SCREEN_SCRIBE = "002_7af65771c5aefd7c"
INDORI_NERD = "003_7cd0c8dedc355856"


@pytest.fixture(autouse=True, scope="session")
def published_sets_in_a_temporary_folder(tmp_path_factory):
    """Sets published by a test go to a database of the test run, never the user's."""
    import os

    os.environ["DASHBOARD_STORE_DIR"] = str(tmp_path_factory.mktemp("published"))


@pytest.fixture(scope="session")
def ballerina_analysis():
    from dashboard.reading.films import load_film_info
    from dashboard.reading.ingest import read_paths
    from dashboard.engine.pipeline import analyze_sources

    report = read_paths([BALLERINA])
    assert not report.problems
    return analyze_sources(report.sources, film=load_film_info(BALLERINA))


@pytest.fixture()
def postgres_url():
    """The URL of a fresh database on the PostgreSQL server of DASHBOARD_TEST_POSTGRES_URL
    (``.ci/run`` starts one and sets REQUIRE_POSTGRES=1: there the tests must not skip)."""
    import os
    import uuid

    from sqlalchemy import create_engine, text

    url = os.environ.get("DASHBOARD_TEST_POSTGRES_URL")
    if not url:
        if os.environ.get("REQUIRE_POSTGRES") == "1":
            pytest.fail("REQUIRE_POSTGRES=1 but DASHBOARD_TEST_POSTGRES_URL is not set")
        pytest.skip("no PostgreSQL server given (DASHBOARD_TEST_POSTGRES_URL)")
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    name = f"test_{uuid.uuid4().hex[:12]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield url.rsplit("/", 1)[0] + f"/{name}"
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    admin.dispose()
