"""The names that link a film's sentences to aspects: the ``cast`` stage.

Per film: the names in its details (``film.toml``), in every review's own cast block
(the cleaner's metadata lines), and the character names critics pair with actors ("Eve
(Ana de Armas)", "Ana de Armas as Eve", "Byrne's Chancellor", "Reedus plays Daniel Pine").
Reviews of one film pool their names; a review that names no film is a film of its own,
so names never leak between unrelated reviews. Reviews of films with the same names
share one ``AspectMatcher`` (most quotes name nobody), so a large batch stays small.
"""

from __future__ import annotations

import re
from typing import Iterable, Iterator, Sequence

from dashboard.engine.aspects import AspectMatcher, name_lists, name_variants
from dashboard.engine.document import ReviewDoc
from dashboard.records import CHARACTER_ROLE, People, ReviewSource
from dashboard.text.language import alternation, load_resource, words
from dashboard.text.names import ACTOR_IN_BRACKETS, NAME_WORD, PLAYS, PROSE_NAME_WITH_INITIAL, PROSE_WORDS
from dashboard.text.terms import FoundIndex
from dashboard.text.tokens import Tokens

# "Daniel Miller (David Paymer)": a character and, in brackets, the actor who plays them.
_CHARACTER_ACTOR = re.compile(rf"(?<![\w.])(?P<c>{PROSE_NAME_WITH_INITIAL})\s\((?P<a>{ACTOR_IN_BRACKETS})\)")
_CAP_WORDS = PROSE_WORDS
# Around an actor's name: "Eve (Ana de Armas)"; "Ana de Armas as Eve", "Reedus plays
# Daniel Pine", "Byrne's Chancellor", "Huston ... as the Director".
_ROLE_BEFORE_ACTOR = re.compile(rf"(?:the\s)?(?P<c>{_CAP_WORDS})\s\($")
_ROLE_AFTER_ACTOR = re.compile(
    rf"\s(?:as|plays)\s(?:the\s)?(?P<c2>{_CAP_WORDS})|'s\s(?P<c3>{_CAP_WORDS})"
    rf"|[^.]{{0,60}}?\sas\s(?:the\s)?(?P<c4>{_CAP_WORDS})\b"
)


def _crew_in_prose() -> tuple[re.Pattern, re.Pattern, tuple[str, ...]]:
    """Job titles (lower case, group ``r<i>`` for the i-th role), the full name that follows
    one ("director Siobhan Creagh", "the composer, Aled Morrow": capitalised, two or three
    words, a particle may sit before the last, "Ana de Armas") and the roles."""
    titles = load_resource("language.toml")["names"]["crew_titles"]
    groups = "|".join(f"(?P<r{i}>{alternation(t)})" for i, t in enumerate(titles.values()))
    upper = r"[A-ZÀ-ÖØ-Þ]"
    particle = rf"(?:(?:{alternation(words('names', 'particles'))})\s)?"
    name = rf"{upper}[\w'’-]+(?:\s{particle}{upper}[\w'’-]+){{1,2}}"
    return re.compile(rf"\b(?:{groups})"), re.compile(rf"(?:,\s*|\s+)(?P<name>{name})"), tuple(titles)


_CREW_TITLE, _NAME_AFTER_TITLE, _CREW_ROLES = _crew_in_prose()
# A full name that owns the film is its director: "Halvor Brekke's new documentary", "Jojo
# Kettleby's film is loud", "Célestine Marrow's lavish adaptation" (the film's noun found
# first, the name then read just before it).
_FILM_OWNED = re.compile(
    r"['’]s\s+(?:[a-z]+(?:-[a-z]+)*\s+)?(?:film|feature|documentary|movie|picture|adaptation|debut)\b")
# The capitalised words just before it: two or three, not a title's "The Ninth Crossing"
# nor a clause's "While Malick" (the first word not one of ``[names] not_names``).
_OWNER = re.compile(r"(?<![\w'’-])(?P<name>(?:[A-ZÀ-ÖØ-Þ][\w'’-]+\s)*[A-ZÀ-ÖØ-Þ][\w'’-]+)$")
_OWNER_CHARS = 40
_NOT_NAMES = frozenset(words("names", "not_names"))
_NOT_PARTS = frozenset(words("names", "not_parts"))


# A performer named in prose by the part they play, where no cast list names them ("Rita
# Sotelo plays the senator's aide", "Hermione Stallybrass as the gran", "voiced by Barney
# Tull"): the verb and the part found first, then the full name just before the verb, as for
# a film's owner. "As" counts before a part ("as the gran", "as Tucker"), not "as a whole";
# "plays a" does ("plays a washed-up boxer").
_PERFORMS = re.compile(
    rf"(?<=\s)(?:{PLAYS}\s+(?:the|an?|his|her|their)|as\s+(?:the|his|her|their))"
    rf"\s+(?P<part>[a-z'’-]+(?:\s+[a-z'’-]+)?)"
    rf"|(?<=\s)(?:{PLAYS}|as)\s+(?P<name>[A-Z][a-z]+)\b")
_PLAYED_BY = re.compile(r"\b(?:played|portrayed|voiced)\s+by\s+")
# The performer's full name just before: capitalised words, a particle among them ("Ana de
# Armas"), maybe a comma after it.
_PERFORMER = re.compile(rf"(?<![\w'’-])(?P<name>[A-ZÀ-ÖØ-Þ][\w'’-]+(?:\s{NAME_WORD})*),?\s+$")


def performers_in_prose(text: str) -> Iterator[str]:
    """The full names ``text`` says play a part (two to four words)."""
    for m in _PERFORMS.finditer(text):
        part, name = m.group("part"), m.group("name")
        if (name in _NOT_NAMES) if name else not _NOT_PARTS.isdisjoint(part.split()):
            continue  # "as In...", "plays the piano": no part
        performer = _PERFORMER.search(text, max(0, m.start() - _OWNER_CHARS), m.start())
        if (performer is not None and 2 <= len(parts := performer.group("name").split()) <= 4
                and parts[0] not in _NOT_NAMES and not performer.group("name").isupper()):
            yield re.sub(r"['’]s$", "", performer.group("name"))
    for m in _PLAYED_BY.finditer(text):
        if (name := _NAME_AFTER_TITLE.match(text, m.end() - 1)) is not None:
            yield name.group("name")


def crew_in_prose(text: str) -> Iterator[tuple[str, str]]:
    """(role, name) for each crew member ``text`` names by their job. The titles are looked
    for in the lower-cased text (far quicker than a case-blind pattern), the name after them
    in the text as written."""
    low = text.lower()
    if len(low) != len(text):  # a letter whose lower case is longer: offsets would drift
        low = "".join(ch.lower()[0] for ch in text)
    for m in _CREW_TITLE.finditer(low):
        if (name := _NAME_AFTER_TITLE.match(text, m.end())) is not None:
            yield _CREW_ROLES[int(m.lastgroup[1:])], re.sub(r"['’]s$", "", name.group("name"))
    for m in _FILM_OWNED.finditer(text):
        owner = _OWNER.search(text, max(0, m.start() - _OWNER_CHARS), m.start())
        if (owner is not None and 2 <= len(parts := owner.group("name").split()) <= 3
                and parts[0] not in _NOT_NAMES and not owner.group("name").isupper()):
            yield "director", owner.group("name")


class NamePool:
    """The names of one film, gathered review by review in two passes, so that a film's
    reviews never need to be in memory at once:

    1. ``add_review``, each review: the names of its metadata lines and the character and
       actor it pairs in brackets ("Daniel Miller (David Paymer)", read without a cast list);
    2. ``add_roles``, each review again, once the cast is known (``cast_known``): the
       characters critics pair with a cast member ("Ana de Armas as Eve", "Byrne's
       Chancellor", "Eve (Ana de Armas)").

    ``people()`` is then the film's ``base`` names (its details) with all of these. The
    film's title is no character ("Ballerina (Ana de Armas)" in a review of *Ballerina*)."""

    def __init__(self, base: People, titles: tuple[str, ...] = ()) -> None:
        self.pooled = base.merged(People())
        self.not_names = _NOT_NAMES | set(titles)
        self.reviews = 0
        self._paired: tuple[set[str], set[str]] = (set(), set())  # characters, actors in brackets
        self.characters: set[str] = set()
        self.actors: set[str] = set()
        self._cast: set[str] = set()
        self._names = None

    def add_review(self, people: People, text: str) -> None:
        self.reviews += 1
        for role, names in people.by_role.items():
            for name in names:
                self.pooled.add(role, name)
        for role, name in crew_in_prose(text):
            self.pooled.add(role, name)
        for m in _CHARACTER_ACTOR.finditer(text):
            if m.group("c").split()[0] not in self.not_names and m.group("c") not in self.not_names:
                self._paired[0].add(m.group("c"))
                self._paired[1].add(m.group("a"))
        self._paired[1].update(name for name in performers_in_prose(text) if name not in self.not_names)

    def cast_known(self) -> None:
        """After every review's ``add_review``: the cast whose roles ``add_roles`` finds.
        Without a cast list, the bracketed pairs are the only source of names."""
        cast = set(self.pooled.by_role.get("cast", ()))
        if not cast:
            self.characters, self.actors = set(self._paired[0]), self._paired[1] - self._paired[0]
        self._cast = cast | self.actors
        variants = frozenset(v for name in self._cast for v in name_variants(name))
        self._names = name_lists(frozenset({("cast", variants)})) if variants else None

    @property
    def needs_roles(self) -> bool:
        """Is there a cast whose roles ``add_roles`` could find?"""
        return self._names is not None

    def add_roles(self, tokens: Tokens) -> None:
        if self._names is None:
            return
        text = tokens.text
        for f in FoundIndex(self._names.find(tokens), tokens).within(0, len(text)):
            end = f.end - 2 if text.startswith("'s", f.end - 2) else f.end
            m = None
            if text.startswith(")", end):
                m = _ROLE_BEFORE_ACTOR.search(text, max(0, f.start - 40), f.start)
            m = m or _ROLE_AFTER_ACTOR.match(text, end)
            name = next((g for g in m.groups() if g), None) if m else None
            if name and name.split()[0] not in self.not_names and name not in self.not_names | self._cast:
                self.characters.add(name)

    def people(self) -> People:
        out = self.pooled.merged(People())
        cast = set(out.by_role.get("cast", ()))
        for name in self.characters:
            out.add(CHARACTER_ROLE, name)
        for name in self.actors - cast:
            out.add("cast", name)
        return out


def film_key(source: ReviewSource, index: int) -> str:
    """The film a review is pooled with: reviews that name no film are each their own."""
    return source.film or f"\0{index}"


def film_groups(sources: Sequence[ReviewSource]) -> dict[str, list[int]]:
    """Per film (``film_key``): the positions of its reviews."""
    groups: dict[str, list[int]] = {}
    for index, source in enumerate(sources):
        groups.setdefault(film_key(source, index), []).append(index)
    return groups


def in_shared_films(sources: Sequence[ReviewSource]) -> list[bool]:
    """Per source: does its film have other reviews here (so their names are pooled)?"""
    shared = [False] * len(sources)
    for members in film_groups(sources).values():
        if len(members) > 1:
            for i in members:
                shared[i] = True
    return shared


def pool_people(base: People, people: Iterable[People], tokens: Iterable[Tokens], titles: tuple[str, ...] = ()) -> People:
    """The names of one film: ``base`` (its details), each review's own ``people`` and the
    characters and actors critics pair up in the reviews' ``tokens`` (``NamePool``)."""
    pool = NamePool(base, titles)
    tokens = list(tokens)
    for found, text_tokens in zip(people, tokens):
        pool.add_review(found, text_tokens.text)
    pool.cast_known()
    for text_tokens in tokens:
        pool.add_roles(text_tokens)
    return pool.people()


def assign_matchers(film_docs: list[ReviewDoc], run) -> None:
    """The ``cast`` stage, over the reviews of one film: their ``matcher``, from the names
    of the film."""
    source = film_docs[0].source
    titles = run.titles or ((source.film,) if source.film else ())
    if (pooled := run.pooled.get(source.film)) is not None:
        people = run.details.merged(pooled)  # pooled over all the film's reviews, not only these
    else:
        people = pool_people(run.details, (d.cleaned.people for d in film_docs), (d.tokens for d in film_docs),
                             titles)
    signature = (titles, frozenset((role, frozenset(names)) for role, names in people.by_role.items()))
    if (matcher := run.matchers.get(signature)) is None:
        matcher = run.matchers[signature] = AspectMatcher(run.taxonomy, people, titles, run.details)
    for doc in film_docs:
        doc.matcher = matcher
