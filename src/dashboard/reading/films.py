"""Films on disk: one folder of reviews per film under ``data/reviews/``.

A folder may hold a ``film.toml`` with the title, year and the names of cast and crew;
without one, the folder name stands in for the title.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from dashboard.reading.ingest import REVIEW_SUFFIXES
from dashboard.records import CHARACTER_ROLE, FilmInfo

FILM_FILE = "film.toml"
DEFAULT_DATA_DIR = Path(__file__).resolve().parents[3] / "data" / "reviews"
_SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 _.-]{0,99}$")


def title_from_key(key: str) -> str:
    return re.sub(r"[_-]+", " ", key).strip().title() or "Untitled film"


def load_film_info(folder: Path | None, key: str = "") -> FilmInfo:
    """Read ``folder/film.toml`` if it exists; a broken file is reported, not fatal."""
    key = key or (folder.name if folder else "reviews")
    info = FilmInfo(key=key, title=title_from_key(key))
    path = folder / FILM_FILE if folder else None
    if path is None or not path.is_file():
        return info
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        info.problem = f"{path.name}: could not read the film details ({exc}); using the folder name"
        return info
    info.title = str(data.get("title") or info.title)
    info.full_title = str(data.get("full_title") or "")
    year = data.get("year")
    info.year = int(year) if isinstance(year, int) else None
    for role, names in (data.get("people") or {}).items():
        for name in names if isinstance(names, list) else [names]:
            info.people.add(role, str(name))
    for character, actor in (data.get("characters") or {}).items():
        info.people.add(CHARACTER_ROLE, re.sub(r"^the\s+", "", str(character), flags=re.I))
        info.people.add("cast", str(actor))
    return info


def list_films(data_dir: Path = DEFAULT_DATA_DIR) -> list[str]:
    """Film keys: the folders under ``data_dir`` that hold at least one review file."""
    if not data_dir.is_dir():
        return []
    return sorted(
        p.name for p in data_dir.iterdir()
        if p.is_dir() and is_safe_film_key(p.name) and any(q.suffix.lower() in REVIEW_SUFFIXES for q in p.iterdir())
    )


def is_safe_film_key(key: str) -> bool:
    """A film key from a link may only name a folder directly under the data folder."""
    return bool(_SAFE_NAME.match(key or "")) and ".." not in key


def film_folder(key: str, data_dir: Path = DEFAULT_DATA_DIR) -> Path | None:
    """The folder of film ``key``, or None for an unknown or unsafe key."""
    if not is_safe_film_key(key):
        return None
    folder = (data_dir / key).resolve()
    if folder.parent != data_dir.resolve() or not folder.is_dir():
        return None
    return folder
