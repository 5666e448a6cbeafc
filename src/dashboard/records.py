"""The records every layer shares, and the one definition of each table's columns.

Reading makes ``ReviewSource`` records (with an ``IngestReport`` of what could not be
read); the engine turns them into an ``Analysis``: five tables whose columns are given
here once, for the engine, the batch runner, the command line, the pages and the
benchmarks alike.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import pandas as pd

DEFAULT_SCORER = "critic"

# --- the table contract ----------------------------------------------------------------------

TABLE_COLUMNS: dict[str, list[str]] = {
    # one row per review
    "reviews": [
        "review_id", "film", "title", "outlet", "author", "explicit_rating", "explicit_score",
        "inferred_score", "mentions", "url", "origin", "pull_quote", "pull_quote_start", "pull_quote_end",
        "note",
    ],
    # one row per review and aspect with an opinion mention
    "aspects": ["review_id", "aspect", "score", "mentions", "positive", "negative"],
    # one row per mention and aspect ("" when the mention names none)
    "mentions": [
        "review_id", "mention_id", "aspect", "polarity", "opinion", "start", "end", "text",
        "cues", "aspect_terms", "kind", "position", "subjectivity", "sentence_start", "sentence_end",
        "plot",  # True where the sentence retells the story (and so is no opinion)
    ],
    # one row per set-aside span (page furniture, adverts, film details, headings, the rating)
    "set_aside": ["review_id", "start", "end", "kind", "reason"],
    # the decoded text of each review: every offset points into it
    "texts": ["review_id", "text"],
}
TABLES = tuple(TABLE_COLUMNS)
# What one row of each table is, in words readers see (download buttons).
TABLE_ROWS = {
    "reviews": "one row per review", "aspects": "one row per review and aspect",
    "mentions": "one row per quote and aspect", "set_aside": "one row per piece of text set aside",
    "texts": "one row per review's text",
}
# The tables a user downloads or the command line writes (``texts`` repeats the input).
OUTPUT_TABLES = ("reviews", "aspects", "mentions", "set_aside")


def origin_file(origin: str) -> str:
    """The file a review or a message is about ("quotes.csv row 12" -> "quotes.csv")."""
    return origin.split(" row ")[0]


def empty_table(name: str) -> pd.DataFrame:
    return pd.DataFrame(columns=TABLE_COLUMNS[name])


@dataclass
class Analysis:
    reviews: pd.DataFrame
    aspects: pd.DataFrame
    mentions: pd.DataFrame
    texts: pd.DataFrame
    set_aside: pd.DataFrame
    problems: list[str] = field(default_factory=list)
    scorer: str = DEFAULT_SCORER

    def table(self, name: str) -> pd.DataFrame:
        return getattr(self, name)

    def tables(self) -> dict[str, pd.DataFrame]:
        return {name: self.table(name) for name in TABLES}

    def text_of(self, review_id: str) -> str:
        match = self.texts.loc[self.texts["review_id"] == review_id, "text"]
        return str(match.iloc[0]) if len(match) else ""


# --- reading ---------------------------------------------------------------------------------


class IngestError(ValueError):
    """A file or row that cannot be read; the message is shown to the user as is."""


@dataclass
class ReviewSource:
    review_id: str
    text: str
    film: str = ""
    title: str = ""
    outlet: str = ""
    author: str = ""
    rating: str = ""   # the critic's rating as printed apart from the text (a table column, a page's header)
    url: str = ""
    origin: str = ""   # where it came from, for messages: a file name or "table.csv row 3"
    # Set by checks before analysis (duplicates, language): a note shown with the review,
    # and whether its text is left unscored (e.g. not English).
    note: str = ""
    skip_scoring: bool = False


def about_film(sources: list[ReviewSource], title: str) -> list[ReviewSource]:
    """The sources that name no film, as reviews of ``title``: reviews of one film share the
    names they give (cast, characters), and its title is read as a name, not as a judgement."""
    title = " ".join(title.split())
    return [s if s.film or not title else replace(s, film=title) for s in sources]


@dataclass
class IngestReport:
    sources: list[ReviewSource] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def extend(self, other: "IngestReport") -> None:
        self.sources.extend(other.sources)
        self.problems.extend(other.problems)


# --- the film --------------------------------------------------------------------------------

CHARACTER_ROLE = "character"


@dataclass
class People:
    """Names of a film's cast, crew and characters, by role (``cast``, ``director``,
    ``character``...)."""

    by_role: dict[str, set[str]] = field(default_factory=dict)

    def add(self, role: str, name: str) -> None:
        name = " ".join(str(name).split())
        if name:
            self.by_role.setdefault(role.lower(), set()).add(name)

    def merged(self, other: "People") -> "People":
        out = People({r: set(n) for r, n in self.by_role.items()})
        for role, names in other.by_role.items():
            for n in names:
                out.add(role, n)
        return out


@dataclass
class FilmInfo:
    key: str
    title: str
    full_title: str = ""
    year: int | None = None
    people: People = field(default_factory=People)
    problem: str = ""  # why film.toml could not be read, if it could not

    @property
    def titles(self) -> tuple[str, ...]:
        return tuple(t for t in {self.title, self.full_title} if t)

    def names(self, role: str) -> list[str]:
        return sorted(self.people.by_role.get(role, ()))
