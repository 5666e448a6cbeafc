"""The word lists of English every layer reads (``resources/language.toml``), loaded once,
and regular-expression pieces made from them."""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources


def resource_text(name: str) -> str:
    """A file of ``dashboard/resources``, as written."""
    return resources.files("dashboard.resources").joinpath(name).read_text("utf-8")


@lru_cache(maxsize=None)
def load_resource(name: str) -> dict:
    """A TOML file of ``dashboard/resources``."""
    return tomllib.loads(resource_text(name))


def words(section: str, key: str = "words") -> tuple[str, ...]:
    """A list of ``language.toml``: ``words("pronouns")``, ``words("names", "particles")``."""
    return tuple(load_resource("language.toml")[section][key])


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """Words that carry grammar, not meaning ("the", "and", "it"): ``[function_words]``."""
    return frozenset(words("function_words"))


def connectives(*roles: str, read_by: str | None = None) -> tuple[str, ...]:
    """The connectives (``[connectives]``) with any of ``roles`` ("turn", "concede"...)
    and, with ``read_by``, read there ("clause", "scorer"...); with no role, those read
    there whatever their role. In the file's order."""
    table = load_resource("language.toml")["connectives"]
    return tuple(w for w, tags in table.items()
                 if (not roles or set(roles) & set(tags)) and (read_by is None or read_by in tags))


def alternation(phrases) -> str:
    """A regular-expression alternation of whole phrases (any white space between their
    words), longest first so that no phrase stops short inside a longer one."""
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))
