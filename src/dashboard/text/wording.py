"""Counts in plain words for messages readers see ("1 file", "3 files"; never "file(s)")."""

from __future__ import annotations


def count(n: int, noun: str, plural: str | None = None) -> str:
    """``n`` and the noun, singular for one: ``count(3, "line")`` -> "3 lines"."""
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"


def first_few(items: list[str], limit: int = 10) -> str:
    """The first ``limit`` items of a list in a message, "…" for the rest."""
    return ", ".join(items[:limit]) + (" …" if len(items) > limit else "")


def time_left(done: int, total: int, elapsed: float) -> str:
    """How long the rest will take at the pace so far, in words ("about 40 seconds left",
    "about 3 minutes left"); "" until there is a pace to go by."""
    if done <= 0 or done >= total or elapsed <= 0:
        return ""
    seconds = elapsed / done * (total - done)
    if seconds < 60:
        return f"about {count(max(1, round(seconds)), 'second')} left"
    return f"about {count(round(seconds / 60), 'minute')} left"
