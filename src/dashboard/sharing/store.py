"""Published review sets in a real database (SQLAlchemy Core: SQLite by default, any URL
such as PostgreSQL when hosted), so that a link to one opens it in any browser, after any
restart.

A set is a row of ``review_sets`` (its id, film details, scorer, the taxonomy used, when
it was published and, once unpublished, when it was removed); its analysed tables are rows
of one SQL table each (``set_reviews``, ``set_aspects``, ``set_mentions``,
``set_set_aside``: the table contract's columns, not pickles); the review texts are stored
once by content hash (``review_texts``) and linked to a set's reviews (``set_texts``). The
schema is created and migrated here (``schema_info`` holds its version).

A set's id is 128 random bits (``secrets.token_urlsafe(16)``: 22 characters, not to be
guessed); its link key is a readable slug and the id, ``ballerina-2025-k3J9…``.
"""

from __future__ import annotations

import hashlib
import json
import re
import secrets
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from urllib.parse import parse_qs, urlsplit

import pandas as pd
from sqlalchemy import (
    Boolean, Column, DateTime, Float, Integer, MetaData, String, Table, Text, delete, func, insert, select, update,
)
from sqlalchemy.engine import Engine

from dashboard.records import OUTPUT_TABLES, TABLE_COLUMNS, Analysis, FilmInfo, People

SCHEMA_VERSION = 1
ID_CHARS = 22                         # secrets.token_urlsafe(16): 128 bits
_KEY = re.compile(rf"^(?:[a-z0-9-]{{0,80}}-)?(?P<id>[A-Za-z0-9_-]{{{ID_CHARS}}})$")
_FLOAT = {"explicit_score", "inferred_score", "score", "polarity", "position", "subjectivity"}
_INTEGER = {"mentions", "pull_quote_start", "pull_quote_end", "positive", "negative", "start", "end",
            "sentence_start", "sentence_end"}
_BOOLEAN = {"opinion", "plot"}

metadata = MetaData()
schema_info = Table("schema_info", metadata, Column("version", Integer, nullable=False))
review_sets = Table(
    "review_sets", metadata,
    Column("id", String(ID_CHARS), primary_key=True),
    Column("slug", String(80), nullable=False),
    Column("label", String(200), nullable=False),
    Column("film", Text, nullable=False),          # the film's details as JSON
    Column("scorer", String(40), nullable=False),
    Column("taxonomy", Text, nullable=False),      # the aspects file used, as written
    Column("reviews", Integer, nullable=False),
    Column("published", DateTime(timezone=True), nullable=False),
    Column("removed", DateTime(timezone=True)),
)
review_texts = Table("review_texts", metadata, Column("hash", String(64), primary_key=True), Column("text", Text, nullable=False))
set_texts = Table(
    "set_texts", metadata,
    Column("set_id", String(ID_CHARS), nullable=False, index=True),
    Column("row", Integer, nullable=False),
    Column("review_id", Text, nullable=False),
    Column("text_hash", String(64), nullable=False),
)


def _column(name: str) -> Column:
    kind = Float if name in _FLOAT else Integer if name in _INTEGER else Boolean if name in _BOOLEAN else Text
    return Column(name, kind)


set_tables = {
    name: Table(f"set_{name}", metadata, Column("set_id", String(ID_CHARS), nullable=False, index=True),
                Column("row", Integer, nullable=False), *(_column(c) for c in TABLE_COLUMNS[name]))
    for name in OUTPUT_TABLES
}


@dataclass(frozen=True)
class Published:
    id: str
    key: str        # the link's film key: slug and id
    label: str


@dataclass
class PublishedSet:
    key: str
    label: str
    film: FilmInfo
    scorer: str
    analysis: Analysis


class ReviewStore:
    """Publish, open and unpublish review sets in the database behind ``engine``."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.migrate()

    def migrate(self) -> None:
        """Create the tables, or bring an older schema up to ``SCHEMA_VERSION``."""
        metadata.create_all(self.engine)
        with self.engine.begin() as conn:
            version = conn.execute(select(func.max(schema_info.c.version))).scalar()
            if version is None:
                conn.execute(insert(schema_info).values(version=SCHEMA_VERSION))
            elif version > SCHEMA_VERSION:
                raise RuntimeError(f"the database holds a newer schema ({version}) than this app knows "
                                   f"({SCHEMA_VERSION}): update the app")

    # ------------------------------------------------------------------ writing
    def publish(self, analysis: Analysis, film: FilmInfo, label: str, taxonomy_text: str) -> Published:
        set_id = secrets.token_urlsafe(16)
        slug = slug_of(film.title or label, film.year)
        texts = analysis.texts
        hashes = [hashlib.sha256(t.encode("utf-8", "surrogatepass")).hexdigest() for t in texts["text"]]
        with self.engine.begin() as conn:
            known = set()
            for chunk in range(0, len(hashes), 500):
                wanted = hashes[chunk:chunk + 500]
                known |= set(conn.execute(select(review_texts.c.hash).where(review_texts.c.hash.in_(wanted))).scalars())
            new = {h: t for h, t in zip(hashes, texts["text"]) if h not in known}
            if new:
                conn.execute(insert(review_texts), [{"hash": h, "text": t} for h, t in new.items()])
            conn.execute(insert(review_sets).values(
                id=set_id, slug=slug, label=label, film=json.dumps(_film_json(film)), scorer=analysis.scorer,
                taxonomy=taxonomy_text, reviews=len(analysis.reviews), published=datetime.now(timezone.utc)))
            if len(texts):
                conn.execute(insert(set_texts), [{"set_id": set_id, "row": i, "review_id": str(r), "text_hash": h}
                                                 for i, (r, h) in enumerate(zip(texts["review_id"], hashes))])
            for name, table in set_tables.items():
                rows = _rows(analysis.table(name), set_id)
                if rows:
                    conn.execute(insert(table), rows)
        return Published(set_id, f"{slug}-{set_id}", label)

    def unpublish(self, set_id: str) -> bool:
        """Remove a set's tables and mark it removed (its link then says so). True when it was live."""
        with self.engine.begin() as conn:
            done = conn.execute(update(review_sets).where(review_sets.c.id == set_id, review_sets.c.removed.is_(None))
                                .values(removed=datetime.now(timezone.utc))).rowcount
            for table in (*set_tables.values(), set_texts):
                conn.execute(delete(table).where(table.c.set_id == set_id))
            # A text no live set uses any more goes too.
            conn.execute(delete(review_texts).where(~review_texts.c.hash.in_(select(set_texts.c.text_hash))))
        return bool(done)

    # ------------------------------------------------------------------ reading
    def status(self, key: str) -> str:
        """"live", "removed" or "unknown" (also for a key that is no set's)."""
        set_id = id_of(key)
        if set_id is None:
            return "unknown"
        with self.engine.connect() as conn:
            row = conn.execute(select(review_sets.c.removed).where(review_sets.c.id == set_id)).first()
        return "unknown" if row is None else "removed" if row.removed is not None else "live"

    def live_sets(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(review_sets).where(review_sets.c.removed.is_(None))).scalar()

    def load(self, key: str) -> PublishedSet | None:
        """A live set by its link key, or None."""
        set_id = id_of(key)
        if set_id is None:
            return None
        with self.engine.connect() as conn:
            row = conn.execute(select(review_sets).where(review_sets.c.id == set_id,
                                                         review_sets.c.removed.is_(None))).first()
            if row is None:
                return None
            tables = {name: _frame(conn, table, set_id, TABLE_COLUMNS[name]) for name, table in set_tables.items()}
            texts = conn.execute(
                select(set_texts.c.review_id, review_texts.c.text)
                .join(review_texts, review_texts.c.hash == set_texts.c.text_hash)
                .where(set_texts.c.set_id == set_id).order_by(set_texts.c.row)).all()
        tables["texts"] = pd.DataFrame(texts, columns=TABLE_COLUMNS["texts"])
        film = _film_from_json(json.loads(row.film))
        return PublishedSet(f"{row.slug}-{row.id}", row.label, film, row.scorer,
                            Analysis(**tables, scorer=row.scorer))


def slug_of(title: str, year: int | None = None) -> str:
    """"Ballerina", 2025 -> "ballerina-2025": readable, safe in a link."""
    words = re.sub(r"[^a-z0-9]+", "-", (title or "reviews").lower()).strip("-")[:60].strip("-") or "reviews"
    return f"{words}-{year}" if year else words


def key_in_link(link: str) -> str:
    """The film key a pasted link names ("https://…/quotes?film=nightjar-2025-k3J9…"), or
    the text itself when it is the key alone."""
    link = link.strip()
    return parse_qs(urlsplit(link).query).get("film", [link])[0]


def id_of(key: str) -> str | None:
    """The set id at the end of a link key, or None for a key that cannot be one."""
    m = _KEY.match(str(key or ""))
    return m.group("id") if m else None


def _rows(frame: pd.DataFrame, set_id: str) -> list[dict]:
    frame = frame.astype({c: object for c in frame.columns if isinstance(frame[c].dtype, pd.CategoricalDtype)})
    frame = frame.astype(object).where(frame.notna(), None)
    return [{"set_id": set_id, "row": i, **record} for i, record in enumerate(frame.to_dict("records"))]


def _frame(conn, table: Table, set_id: str, columns: list[str]) -> pd.DataFrame:
    rows = conn.execute(select(*(table.c[c] for c in columns)).where(table.c.set_id == set_id)
                        .order_by(table.c.row)).all()
    frame = pd.DataFrame(rows, columns=columns)
    for c in columns:
        if c in _FLOAT:
            frame[c] = pd.to_numeric(frame[c], errors="coerce").astype(float)
        elif c in _INTEGER:
            frame[c] = pd.to_numeric(frame[c], errors="coerce").fillna(0).astype(int)
        elif c in _BOOLEAN:
            frame[c] = frame[c].astype(bool)
        else:
            frame[c] = frame[c].fillna("").astype(str)
    return frame


def _film_json(film: FilmInfo) -> dict:
    data = asdict(film)
    data["people"] = {role: sorted(names) for role, names in film.people.by_role.items()}
    return data


def _film_from_json(data: dict) -> FilmInfo:
    people = People({role: set(names) for role, names in data.pop("people", {}).items()})
    return FilmInfo(**{**data, "people": people})
