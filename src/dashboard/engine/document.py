"""One review as the engine reads it: read, normalised and tokenised once, then annotated.

``ReviewDoc.read`` makes the document; the pipeline's stages (``pipeline.STAGES``) each add
their annotations to it, always as offsets into the review's original text
(``source.text``): normalisation maps each character to exactly one character, so an offset
into ``norm`` or into a token is an offset into the original.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from dashboard.records import ReviewSource
from dashboard.text.normalize import normalize
from dashboard.text.ratings import FoundRating, Rating
from dashboard.text.segment import Span, lines, unwrap
from dashboard.text.tokens import Tokens, tokenize

if TYPE_CHECKING:  # pragma: no cover
    from dashboard.engine.aspects import AspectMatch, AspectMatcher, ReviewTerms
    from dashboard.engine.clean import Cleaned
    from dashboard.engine.opinion import Signals
    from dashboard.engine.polarity import Judgement


@dataclass(eq=False, slots=True)
class Mention:
    """A sentence or clause that may carry an opinion, and what the stages found in it."""

    start: int
    end: int
    paragraph: int
    kind: str                  # "sentence", "clause", "pros", "cons"
    sentence: int = 0          # index of the sentence within the review
    first_in_paragraph: bool = False
    list_sign: int = 0         # +1 under "Pros:", -1 under "Cons:"
    in_synopsis: bool = False  # under a heading that names the plot
    sentence_start: int = 0    # the whole sentence a clause belongs to
    sentence_end: int = 0
    # aspects: every aspect word or name in the span; character_subject: a character
    # named at its start is its subject ("Eva has chosen..."); credited_subject: so is a
    # member of the cast or crew ("Ray Domingo matches him scene for scene")
    matches: list["AspectMatch"] = field(default_factory=list)
    character_subject: bool = False
    credited_subject: bool = False
    # polarity: the scorer's judgement, and the polarity the tables keep
    judgement: "Judgement | None" = None
    polarity: float = 0.0
    # opinion: the critic's own judgement, or retold plot / plain fact; how likely its
    # sentence is opinion (the learned model's probability)
    signals: "Signals | None" = None
    subjectivity: float = 0.5
    opinion: bool = False
    plot: bool = False
    # guess: the aspect a learned model finds likely for an opinion that names none
    guess: "AspectMatch | None" = None
    # attribute: the aspects the mention counts for
    aspects: list[str] = field(default_factory=list)


@dataclass(eq=False)
class ReviewDoc:
    source: ReviewSource
    norm: str                  # the text normalised and unwrapped (same length, same offsets)
    tokens: Tokens             # the words of ``norm``
    lines: list[Span]          # non-blank lines, stripped
    index: int = 0             # position in the batch
    # rating: the critic's rating found in the text (with its place), and the rating that
    # stands for the review (a table's or page header's rating wins)
    found_rating: FoundRating | None = None
    rating: Rating | None = None
    cleaned: "Cleaned | None" = None
    mentions: list[Mention] = field(default_factory=list)
    # cast: the aspect words and names of this review's film; aspects: those found in it
    matcher: "AspectMatcher | None" = None
    terms: "ReviewTerms | None" = None

    @classmethod
    def read(cls, source: ReviewSource, index: int = 0) -> "ReviewDoc":
        norm = unwrap(normalize(source.text))
        return cls(source, norm, tokenize(norm), lines(norm), index)

    @property
    def text(self) -> str:
        return self.source.text

    @property
    def review_id(self) -> str:
        return self.source.review_id

    def release(self) -> None:
        """Drop what only the review's own stages need (its tokens, mentions and the word
        lists found) once its rows are made: a batch keeps its source, rating and set-aside
        spans for the tables."""
        self.norm, self.lines, self.mentions = "", [], []
        self.tokens = self.terms = self.matcher = None
