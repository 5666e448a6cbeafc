"""Sanity checks on a batch of reviews before (and after) analysis.

* duplicates: the same review twice (after case and spacing are ignored, by the same critic
  about the same film) is counted once;
* language: a light stopword-ratio check, no downloads: text that is clearly not English
  is kept and shown but not scored as English (``skip_scoring``, with a note);
* ratings: a rating that makes no sense ("11/10", "-3/5") gets a message and no score;

Every problem is one line naming the file or table row.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import TYPE_CHECKING

from dashboard.text.language import load_resource
from dashboard.text.ratings import parse_rating

if TYPE_CHECKING:  # pragma: no cover
    from dashboard.records import ReviewSource

# --- language --------------------------------------------------------------------------

# Very frequent function words per language (``resources/stopwords.toml``).
STOPWORDS = {language: frozenset(words) for language, words in load_resource("stopwords.toml").items()}


def _languages_of_words(stopwords: dict[str, frozenset]) -> dict[str, tuple[str, ...]]:
    """Each function word and the languages it is one of."""
    out: dict[str, list[str]] = {}
    for language, function_words in stopwords.items():
        for word in function_words:
            out.setdefault(word, []).append(language)
    return {word: tuple(languages) for word, languages in out.items()}


_LANGUAGES_OF = _languages_of_words(STOPWORDS)
# Judged only with at least this many words; shorter texts are given the benefit of doubt.
LANGUAGE_MIN_WORDS = 12
# Only the opening of a long review is looked at.
LANGUAGE_SAMPLE_CHARS = 20_000
# English is in doubt below this share of English function words...
ENGLISH_MIN_RATIO = 0.15
# ...and another language wins when its share is at least this and above English's.
OTHER_MIN_RATIO = 0.12

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def _is_latin(ch: str) -> bool:
    return "LATIN" in unicodedata.name(ch, "")


def guess_language(text: str) -> tuple[str, float]:
    """("English" or another language or "a non-Latin script" or "", English ratio).

    "" means too short to tell. This is a heuristic for flagging, not a classifier.
    """
    sample = text[:LANGUAGE_SAMPLE_CHARS]
    # Text in ASCII is in the Latin script: no need to look at each character.
    letters = [] if sample.isascii() else [ch for ch in sample if ch.isalpha()]
    if len(letters) >= 40:
        latin = sum(1 for ch in letters if ord(ch) < 128 or _is_latin(ch))
        if latin / len(letters) < 0.5:
            return "a non-Latin script", 0.0
    words = [w.replace("’", "'") for w in _WORD.findall(sample.lower())]
    if len(words) < LANGUAGE_MIN_WORDS:
        return "", 1.0
    hits = dict.fromkeys(STOPWORDS, 0)
    for word in words:  # one lookup a word, not one per word and language
        for language in _LANGUAGES_OF.get(word, ()):
            hits[language] += 1
    ratios = {language: n / len(words) for language, n in hits.items()}
    english = ratios.pop("English")
    if english >= ENGLISH_MIN_RATIO:
        return "English", english
    other, best = max(ratios.items(), key=lambda kv: kv[1])
    if best >= OTHER_MIN_RATIO and best > english:
        return other, english
    return "English", english  # lists, credits, fragments: not clearly anything else


def flag_language(sources: list["ReviewSource"]) -> list[str]:
    """Mark reviews that are clearly not English: kept, shown with a note, not scored."""
    problems = []
    for source in sources:
        language, _ = guess_language(source.text)
        if language and language != "English":
            note = f"not scored: the text looks like {language}, and the scorer reads English only"
            source.skip_scoring = True
            source.note = _join(source.note, note)
            problems.append(f"{source.origin or source.review_id}: {note}")
    return problems


# --- duplicates ------------------------------------------------------------------------


def fingerprint(text: str) -> str:
    """Same review, whatever its case, spacing, quotes or line breaks."""
    norm = unicodedata.normalize("NFKC", text).casefold()
    norm = norm.replace("’", "'").replace("“", '"').replace("”", '"')
    norm = re.sub(r"\s+", " ", norm).strip()
    return hashlib.sha1(norm.encode("utf-8", "surrogatepass")).hexdigest()


class Duplicates:
    """Keep the first copy of each review; later copies are named in a message and dropped.
    The same words about another film or by another critic are another review: a table of
    quotes can hold "A masterpiece." twice. Remembers what it has seen, so a batch read in
    chunks is checked as a whole; ``note_originals``: the first copy's note says where the
    others were (not for chunks already analysed and let go)."""

    def __init__(self, note_originals: bool = True) -> None:
        self.note_originals = note_originals
        self.first: dict[tuple[str, ...], tuple[str, "ReviewSource | None"]] = {}

    def drop(self, sources: list["ReviewSource"]) -> tuple[list["ReviewSource"], list[str]]:
        kept, problems = [], []
        for source in sources:
            key = tuple(fingerprint(str(v)) for v in (source.text, source.film, source.author, source.outlet))
            seen = self.first.get(key)
            if seen is None:
                self.first[key] = (source.origin or source.review_id, source if self.note_originals else None)
                kept.append(source)
                continue
            where = source.origin or source.review_id
            problems.append(f"{where}: duplicate of {seen[0]}; counted once")
            if seen[1] is not None:
                seen[1].note = _join(seen[1].note, f"also uploaded as {where} (counted once)")
        return kept, problems


# --- ratings ---------------------------------------------------------------------------


def check_ratings(sources: list["ReviewSource"]) -> list[str]:
    """A rating column value that makes no sense: say so; its score stays empty."""
    problems = []
    for source in sources:
        if not source.rating.strip():
            continue
        rating = parse_rating(source.rating)
        if rating.score is None:
            why = rating.problem or "not a rating"
            note = f"rating “{source.rating.strip()[:40]}” makes no sense ({why}); score left empty"
            source.note = _join(source.note, note)
            problems.append(f"{source.origin or source.review_id}: {note}")
    return problems


def check_sources(sources: list["ReviewSource"], duplicates: Duplicates | None = None
                  ) -> tuple[list["ReviewSource"], list[str]]:
    """All checks that run before analysis; returns the sources to analyse and messages.
    ``duplicates``: what earlier chunks of the same batch held."""
    kept, problems = (duplicates or Duplicates()).drop(sources)
    problems += check_ratings(kept)
    problems += flag_language(kept)
    return kept, problems


def _join(note: str, more: str) -> str:
    return f"{note}; {more}" if note else more
