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
from typing import Iterable, Sequence

from dashboard.engine.aspects import AspectMatcher, name_lists, name_variants
from dashboard.engine.document import ReviewDoc
from dashboard.records import CHARACTER_ROLE, People, ReviewSource
from dashboard.text.language import words
from dashboard.text.names import ACTOR_IN_BRACKETS, PROSE_NAME_WITH_INITIAL, PROSE_WORDS
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


def harvest_characters(tokens: Iterable[Tokens], cast: set[str], titles: tuple[str, ...] = ()) -> tuple[set[str], set[str]]:
    """Character and actor names critics pair up in the texts of ``tokens``. Returns
    (characters, actors); pairs in brackets are recognised without a cast list. The film's
    title is no character ("Ballerina (Ana de Armas)" in a review of *Ballerina*)."""
    tokens = list(tokens)
    not_names = set(words("names", "not_names")) | set(titles)
    characters: set[str] = set()
    actors: set[str] = set()
    if not cast:
        # Without a cast list, bracketed pairs are the only source of names.
        for text_tokens in tokens:
            for m in _CHARACTER_ACTOR.finditer(text_tokens.text):
                if m.group("c").split()[0] not in not_names and m.group("c") not in not_names:
                    characters.add(m.group("c"))
                    actors.add(m.group("a"))
        actors -= characters
    cast = set(cast) | actors
    variants = frozenset(v for name in cast for v in name_variants(name))
    if not variants:
        return characters, actors
    names = name_lists(frozenset({("cast", variants)}))
    for text_tokens in tokens:
        text = text_tokens.text
        for f in FoundIndex(names.find(text_tokens), text_tokens).within(0, len(text)):
            end = f.end - 2 if text.startswith("'s", f.end - 2) else f.end
            m = None
            if text.startswith(")", end):
                m = _ROLE_BEFORE_ACTOR.search(text, max(0, f.start - 40), f.start)
            m = m or _ROLE_AFTER_ACTOR.match(text, end)
            name = next((g for g in m.groups() if g), None) if m else None
            if name and name.split()[0] not in not_names and name not in not_names | cast:
                characters.add(name)
    return characters, actors


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
    characters and actors critics pair up in the reviews' ``tokens``."""
    pooled = base.merged(People())
    for found in people:
        pooled = pooled.merged(found)
    cast = set(pooled.by_role.get("cast", ()))
    characters, actors = harvest_characters(tokens, cast, titles)
    for name in characters:
        pooled.add(CHARACTER_ROLE, name)
    for name in actors - cast:
        pooled.add("cast", name)
    return pooled


def assign_matchers(film_docs: list[ReviewDoc], run) -> None:
    """The ``cast`` stage, over the reviews of one film: their ``matcher``, from the names
    of the film."""
    source = film_docs[0].source
    titles = run.titles or ((source.film,) if source.film else ())
    if run.names_pooled:
        people = run.film_people  # pooled over all the film's reviews, not only these
    else:
        people = pool_people(run.film_people, (d.cleaned.people for d in film_docs), (d.tokens for d in film_docs),
                             titles)
    signature = (titles, frozenset((role, frozenset(names)) for role, names in people.by_role.items()))
    if (matcher := run.matchers.get(signature)) is None:
        matcher = run.matchers[signature] = AspectMatcher(run.taxonomy, people, titles, run.details)
    for doc in film_docs:
        doc.matcher = matcher
