"""The on-disk cache of a batch: each file's tables under a key made of the file's content
(every field of its reviews), the scorer, the engine version (a hash of the analysis code
and its resources), the taxonomy and the film context. Entries are written atomically; an
entry that cannot be read is analysed again. Only point it at a folder you trust: entries
are Python pickles."""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import tempfile
from dataclasses import fields
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from dashboard.engine.aspects import Taxonomy, load_taxonomy
from dashboard.records import FilmInfo, People, ReviewSource

# Bump when the cache layout changes (the analysis code itself is hashed: ``engine_version``).
CACHE_FORMAT = 1
# The folders whose code makes the tables (the pages, the CLI and the batch runner are not part of it).
ANALYSIS_LAYERS = ("text", "reading", "engine")
_NOT_ANALYSIS = {"batch.py", "cache.py", "runners.py"}
SOURCE_FIELDS = tuple(f.name for f in fields(ReviewSource))
_ROW_ORIGIN = re.compile(r"^(?P<file>.*) row \d+$")


@lru_cache(maxsize=1)
def engine_version() -> str:
    """A hash of the analysis code and its resources: any change to them changes every
    cache key (the CLI, this module and the pages are not part of it)."""
    package = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256(f"format {CACHE_FORMAT}".encode())
    files = sorted(p for layer in ANALYSIS_LAYERS for p in (package / layer).glob("*.py") if p.name not in _NOT_ANALYSIS)
    files += sorted(p for p in (package / "resources").glob("*") if p.is_file() and p.suffix != ".pyc")
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def taxonomy_hash(taxonomy: Taxonomy | None) -> str:
    return digest(repr(taxonomy or load_taxonomy()))


def film_hash(film: FilmInfo | None) -> str:
    if film is None:
        return "none"
    return digest(repr((film.key, film.title, film.full_title, film.year, names_key(film.people))))


def names_key(people: People) -> list:
    """A film's names in a fixed order, to hash."""
    return sorted((role, sorted(names)) for role, names in people.by_role.items())


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def content_hash(sources: Sequence[ReviewSource]) -> str:
    """The content of a file as read: every field of each of its reviews."""
    digest = hashlib.sha256()
    for s in sources:
        for name in SOURCE_FIELDS:
            value = getattr(s, name)
            digest.update(f"{name}={len(str(value))}:".encode())
            digest.update(str(value).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def file_groups(sources: Sequence[ReviewSource]) -> list[list[ReviewSource]]:
    """Consecutive sources that came from one file (the unit of caching)."""
    groups: list[list[ReviewSource]] = []
    last = None
    for s in sources:
        m = _ROW_ORIGIN.match(s.origin)
        key = (s.film, m.group("file") if m else s.origin or s.review_id)
        if key != last or not groups:
            groups.append([])
            last = key
        groups[-1].append(s)
    return groups


class Cache:
    """Per file: its tables (``root/<key[:2]>/<key>.tables.pkl``) and the names its film
    context needs (``<key>.cast.pkl``)."""

    def __init__(self, root: str | Path):
        self.root = Path(root)

    def _path(self, key: str, kind: str = "tables") -> Path:
        return self.root / key[:2] / f"{key}.{kind}.pkl"

    def get(self, key: str, kind: str = "tables"):
        path = self._path(key, kind)
        try:
            with path.open("rb") as fh:
                return pickle.load(fh)
        except FileNotFoundError:
            return None
        except Exception:  # a truncated or foreign file: analyse again
            return None

    def put(self, key: str, value, kind: str = "tables") -> None:
        path = self._path(key, kind)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
