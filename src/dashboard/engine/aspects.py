"""Which aspects of the film a mention talks about.

The taxonomy (names, descriptions, trigger words) is data: ``resources/aspects.toml``,
replaceable by a user's own file. Names of cast and crew link mentions to aspects too:
"Ana de Armas shines" is about acting, "Wiseman's direction" about direction.
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from dashboard.records import CHARACTER_ROLE, People
from dashboard.text.language import alternation, connectives, load_resource, resource_text, words
from dashboard.text.names import PLAYS, capitalised_as_names
from dashboard.text.terms import FoundIndex, TermLists
from dashboard.text.tokens import TOKEN, Tokens

FALLBACK = "fallback"  # AspectMatch.via for a word that names the film itself
# A character's name used as the franchise's name ("the John Wick films") is about the
# film's world, not the character.
_FRANCHISE_FOLLOWER = re.compile(
    r"\s*(?:'s\s+)?(?:films?|movies?|series|universe|franchise|spin-?offs?|saga|mythos|mytholog\w*|"
    r"formula|faithful|fans|alumni|box|name|world|installments?|instalments?|chapters?|regulars|veterans|"
    r"sequels?|entries|entry|lore)\b",
    re.I,
)


@dataclass(frozen=True)
class Aspect:
    key: str
    name: str
    description: str
    terms: tuple[str, ...]
    fallback_terms: tuple[str, ...] = ()
    people: tuple[str, ...] = ()


@dataclass(frozen=True)
class Taxonomy:
    aspects: tuple[Aspect, ...]
    # The aspect that stands for the film as a whole (an opinion naming no aspect counts
    # for it) and the one for its franchise and world; None when the taxonomy has none.
    verdict: str | None = None
    world: str | None = None

    @property
    def keys(self) -> list[str]:
        return [a.key for a in self.aspects]

    @property
    def names(self) -> dict[str, str]:
        return {a.key: a.name for a in self.aspects}


def taxonomy_from(data: dict) -> Taxonomy:
    """A taxonomy from the contents of a file laid out as ``resources/aspects.toml``."""
    aspects = tuple(
        Aspect(
            key=key,
            name=str(spec.get("name", key.title())),
            description=str(spec.get("description", "")),
            terms=tuple(spec.get("terms", ())),
            fallback_terms=tuple(spec.get("fallback_terms", ())),
            people=tuple(spec.get("people", ())),
        )
        for key, spec in data.get("aspects", {}).items()
    )
    if not aspects:
        raise ValueError("the taxonomy file defines no [aspects.<key>] tables")
    keys = {a.key for a in aspects}
    verdict, world = data.get("verdict", "overall"), data.get("world", "world")
    return Taxonomy(aspects, verdict if verdict in keys else None, world if world in keys else None)


@lru_cache(maxsize=8)
def load_taxonomy(path: str | None = None) -> Taxonomy:
    """The bundled film taxonomy, or a user's TOML file with the same layout."""
    if path is None:
        return taxonomy_from(load_resource("aspects.toml"))
    return taxonomy_from(tomllib.loads(Path(path).read_text("utf-8")))


def taxonomy_text() -> str:
    """The bundled taxonomy's file as written (kept with a published set: what it was read with)."""
    return resource_text("aspects.toml")


@lru_cache(maxsize=8)
def _term_lists(taxonomy: Taxonomy) -> TermLists:
    """Compiled once per taxonomy: every film's matcher shares them."""
    return TermLists({a.key: a.terms for a in taxonomy.aspects})


def _title_term(title: str) -> str:
    """A film's title as a term: its words as written, whatever characters they hold."""
    if TOKEN.findall(title) == title.split():
        return title  # plain words: a dictionary lookup, like any other term
    return "re:(?<![\\w-])" + re.escape(title).replace(r"\ ", r"\s+") + r"(?:'s|s|es)?(?![\w-])"


@lru_cache(maxsize=256)
def _film_patterns(taxonomy: Taxonomy, titles: tuple[str, ...]):
    """What depends on the film's title: words naming the film (``fallback_terms`` plus
    the title) and the film as the subject of a sentence."""
    fallback = TermLists({
        a.key: list(a.fallback_terms) + ([_title_term(t) for t in titles] if a.key == taxonomy.verdict else [])
        for a in taxonomy.aspects
        if a.fallback_terms or a.key == taxonomy.verdict
    })
    if taxonomy.verdict is None:
        return fallback, re.compile(r"(?!)")
    verb = r"\s+(?:is|was|has|had|feels|felt|remains|proves|delivers|becomes|ends up|never|isn't|wasn't|doesn't|didn't)\b"
    film = r"(?:this|the)\s+(?:film|movie|picture|flick|sequel|spin-?off)" + "".join(f"|{re.escape(t)}" for t in titles)
    # "It's"/"This is" or "The film is": the film itself is the subject ("the film's
    # villain" is not).
    subject = re.compile(
        rf"^\W*(?:(?:{alternation(connectives('turn', 'conclude', 'join'))}),?\s+)?"
        rf"(?:(?P<subject>it|this)(?:'s\b|{verb})|(?P<film>{film}){verb})",
        re.I,
    )
    return fallback, subject


def name_variants(name: str) -> set[str]:
    """A person's full name and the surname a critic would use alone ("de Armas")."""
    name = " ".join(name.split())
    tokens = name.split(" ")
    variants = {name}
    if len(tokens) >= 2:
        surname = tokens[-1]
        if len(tokens) >= 3 and tokens[-2].lower() in words("names", "particles"):
            surname = " ".join(tokens[-2:])
        if len(surname) > 2:
            variants.add(surname)
            variants.add(surname[0].upper() + surname[1:])  # "De Armas" opening a sentence
    return variants


@dataclass(frozen=True)
class AspectMatch:
    aspect: str
    start: int
    end: int
    via: str  # "term" or the metadata role of a name


@dataclass(frozen=True)
class ReviewTerms:
    """Every aspect word and name in one review, asked sentence by sentence."""

    tokens: Tokens
    names: FoundIndex
    terms: FoundIndex
    fallback: FoundIndex
    # Tokens of the film's title and of the names in its details (film.toml), as written:
    # the scorer reads them as names, not as judgements.
    name_tokens: frozenset[int] = frozenset()


class AspectMatcher:
    """The aspect word lists of one taxonomy and the names of one film's people."""

    def __init__(self, taxonomy: Taxonomy, people: People | None = None, film_titles=(),
                 film_people: People | None = None):
        """``people``: every name linked to the film (its details and those critics use);
        ``film_people``: the names in the film's details alone, which are certain."""
        self.taxonomy = taxonomy
        self._terms = _term_lists(taxonomy)
        titles = tuple(t for t in film_titles if t)
        self._fallback, self._film_subject = _film_patterns(taxonomy, titles)
        known = [*map(_title_term, titles)]
        for role, role_names in (film_people or People()).by_role.items():
            known += _variants(role, role_names)
        self._film_names = name_lists(frozenset({("name", frozenset(known))})) if known else None
        people = people or People()
        self._role_aspects: dict[str, list[str]] = {}
        for aspect in taxonomy.aspects:
            for role in aspect.people:
                self._role_aspects.setdefault(role.lower(), []).append(aspect.key)
        names: dict[str, set[str]] = {}
        for role, role_names in people.by_role.items():
            if role not in self._role_aspects:
                continue
            names[role] = _variants(role, role_names)
        self._names = name_lists(frozenset((role, frozenset(v)) for role, v in names.items()))
        self._verdict, self._world = taxonomy.verdict, taxonomy.world

    def find(self, tokens: Tokens) -> ReviewTerms:
        """One pass over a whole review's tokens."""
        raw = tokens.raw
        named = frozenset(i for f in (self._film_names.find(tokens) if self._film_names else ())
                          for i in tokens.within(f.start, f.end)
                          if raw[i][0].isalnum())  # "J.J. Abrams": the stops still end clauses
        terms = self._terms.find(tokens)
        if terms and (in_names := capitalised_as_names(tokens)):
            # A term's own first word written as a name ("Celine Song") is no term; a pattern
            # that opens with a name on purpose ("Lee is terrific as Nora") still counts.
            words, starts, opens_a_term = tokens.words, tokens.starts, self._terms.opens_a_term
            terms = [f for f in terms
                     if (i := bisect_left(starts, f.start)) not in in_names or not opens_a_term(words[i])]
        return ReviewTerms(tokens, FoundIndex(self._names.find(tokens), tokens), FoundIndex(terms, tokens),
                           FoundIndex(self._fallback.find(tokens), tokens), named)

    def film_is_subject(self, text: str) -> bool:
        """Does ``text`` open with the film as its subject ("It's brutal", "The film is a
        mess")?"""
        return self._film_subject.match(text) is not None

    def match_span(self, review: ReviewTerms, start: int, end: int) -> list[AspectMatch]:
        """Every aspect cue in ``review.tokens.text[start:end]`` (offsets relative to ``start``)."""
        norm = review.tokens.text
        found: list[AspectMatch] = []
        # A character's name standing for the franchise ("retreads of earlier Wick films")
        # places the sentence in the franchise: about the world only if it names nothing else.
        franchise: list[AspectMatch] = []
        taken: list[tuple[int, int]] = []
        for f in review.names.within(start, end):
            for aspect_key in self._role_aspects[f.key]:
                if f.key == CHARACTER_ROLE and self._world and _FRANCHISE_FOLLOWER.match(norm, f.end, end):
                    franchise.append(AspectMatch(self._world, f.start - start, f.end - start, f.key))
                else:
                    found.append(AspectMatch(aspect_key, f.start - start, f.end - start, f.key))
            taken.append((f.start, f.end))
        for f in review.terms.within(start, end):
            # A role name wins over a trigger word inside it ("the Director" the character).
            if not any(s <= f.start < e for s, e in taken):
                found.append(AspectMatch(f.key, f.start - start, f.end - start, "term"))
        found = found or franchise
        # Text order, so the result never depends on how names were collected.
        found.sort(key=lambda a: (a.start, a.end, a.aspect))
        if not found:
            first: dict[str, AspectMatch] = {}
            for f in review.fallback.within(start, end):
                first.setdefault(f.key, AspectMatch(f.key, f.start - start, f.end - start, FALLBACK))
            found = [first[k] for k in self._fallback.keys if k in first]
        elif self._verdict and not any(a.aspect == self._verdict for a in found) and (
                m := self._film_subject.match(norm[start:end])):
            # "It is brutal, thrilling and a dramatic debut": a judgement of the film itself,
            # whatever else the sentence names.
            group = "subject" if m.group("subject") else "film"
            found.append(AspectMatch(self._verdict, m.start(group), m.end(group), FALLBACK))
        return found


def _variants(role: str, role_names) -> set[str]:
    """The forms a critic writes a name in: the full name, the surname, and a character's
    first name."""
    variants = {v for n in role_names for v in name_variants(n)}
    if role == CHARACTER_ROLE:
        variants |= {n.split(" ")[0] for n in role_names if len(n.split(" ")[0]) > 2}
    return variants


@lru_cache(maxsize=4096)
def name_lists(names: frozenset) -> TermLists:
    """Names matched case-sensitively: "Eve" the heroine, not "eve" of a holiday. Built
    once per set of names: reviews of one film, or naming the same people, share them."""
    return TermLists({role: sorted(variants) for role, variants in names}, case_sensitive=True)


# A character named this close to the start of a sentence is its subject ("Eva has chosen").
CHARACTER_SUBJECT_CHARS = 12


def find_aspects(doc, run=None) -> None:
    """The ``aspects`` stage: every aspect word and name in each mention (``matches``),
    found once in the whole review with its film's matcher (the ``cast`` stage)."""
    doc.terms = doc.matcher.find(doc.tokens)
    for m in doc.mentions:
        m.matches = doc.matcher.match_span(doc.terms, m.start, m.end)
        m.character_subject = any(a.via == CHARACTER_ROLE and a.start < CHARACTER_SUBJECT_CHARS for a in m.matches)
        # not "Noor Sato's second feature takes place in 1967": the film is its subject; nor
        # "Voices: Lottie Bramwell, Barnaby Quill": a credit's label, no sentence; nor "Juno
        # Kwan plays Clara, a translator who arrives in Lisbon": casting, then the story
        m.credited_subject = any(a.via not in (CHARACTER_ROLE, "term", FALLBACK) and a.start < CHARACTER_SUBJECT_CHARS
                                 and not _possessive(doc.norm, m.start + a.end)
                                 and not _CASTS.match(doc.norm, m.start + a.end)
                                 and ":" not in doc.norm[m.start:m.start + a.start] for a in m.matches)


_CASTS = re.compile(rf",?\s+{PLAYS}\b")


def _possessive(norm: str, end: int) -> bool:
    """Does the name ending at ``end`` own what follows ("Sato's second feature")? Names
    are found with their possessive ending, or without it."""
    return norm.startswith("'s", end - 2) or norm.startswith("'s", end)
