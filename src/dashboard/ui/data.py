"""Loading a film's analysis once per film (cached), and the current view's context.

``load_film`` is cached with ``st.cache_data``: a rerun, a new aspect or a page switch
never recomputes the analysis. Only folders directly under ``data/reviews/`` are read
(``films.film_folder`` refuses anything else).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

import streamlit as st

from dashboard.engine.aspects import Taxonomy, load_taxonomy
from dashboard.reading.films import DEFAULT_DATA_DIR, film_folder, list_films, load_film_info
from dashboard.records import Analysis, FilmInfo, IngestError
from dashboard.reading import tables
from dashboard.reading.ingest import read_paths
from dashboard.engine.batch import analyze_report
from dashboard.engine.polarity import DEFAULT_SCORER, SCORER_NAMES
from dashboard.sharing.store import id_of as published_id
from . import published, session, state

log = logging.getLogger(__name__)
_NOT_FOUND = "We couldn't find the film named in the link, so here is the default film instead."


@dataclass
class FilmData:
    key: str
    info: FilmInfo
    analysis: Analysis
    problems: list[str] = field(default_factory=list)
    shareable: bool = True
    rescorable: bool = True   # another sentence scorer can be chosen (not for a published set)


@st.cache_data(show_spinner="Reading the reviews…", max_entries=16)
def load_film(key: str, data_dir: str = str(DEFAULT_DATA_DIR), scorer: str = DEFAULT_SCORER) -> FilmData | None:
    """Analyse the reviews of film ``key`` with ``scorer``; None when there is no such film."""
    folder = film_folder(key, Path(data_dir))
    if folder is None:
        return None
    info = load_film_info(folder)
    report = read_paths([folder])
    analysis = analyze_report(report, film=info, scorer=scorer)
    return FilmData(key=key, info=info, analysis=analysis, problems=report.problems + analysis.problems)


@st.cache_data(show_spinner=False, ttl=60)
def available_films(data_dir: str = str(DEFAULT_DATA_DIR)) -> dict[str, str]:
    """Film key -> title, for the picker."""
    out = {}
    for key in list_films(Path(data_dir)):
        info = load_film_info(film_folder(key, Path(data_dir)))
        out[key] = f"{info.title} ({info.year})" if info.year else info.title
    return out


def taxonomy() -> Taxonomy:
    return load_taxonomy()


@st.cache_data(show_spinner="Opening the published reviews…", max_entries=32, ttl=600)
def load_published(key: str) -> FilmData | None:
    """A published set by its link key, as analysed when it was published; None when there
    is no such set (any more)."""
    found = published.store().load(key)
    if found is None:
        return None
    return FilmData(key=found.key, info=found.film, analysis=found.analysis, rescorable=False)


def film_choices() -> dict[str, str]:
    choices = dict(available_films())
    if session.current_upload() is not None:
        choices[session.UPLOAD_KEY] = session.UPLOAD_LABEL
    choices.update({key: f"{label} (published)" for key, label in published.mine().items()})
    return choices


def _published_film(key: str) -> FilmData | None:
    """The published set a link names; None, with a note saying why, when it cannot be shown."""
    try:
        status = published.store().status(key)
        data = load_published(key) if status == "live" else None
    except Exception:  # the database is unreachable: the rest of the app still works
        log.exception("could not open published set")
        state.warn("The published reviews in this link could not be opened just now; here is the default "
                   "film instead. Try the link again in a minute.")
        return None
    if status == "removed":
        state.warn("This set of reviews was removed by the person who published it, so the link shows the "
                   "default film instead.")
    elif data is None:
        state.warn(_NOT_FOUND)
    return data


def resolve_film() -> FilmData | None:
    """The film the view names, falling back (with a friendly note) to the first film."""
    choices = film_choices()
    key = state.get_value("film")
    if key == session.UPLOAD_KEY:
        upload = session.current_upload()
        if upload is not None:
            analysis, label = upload
            return FilmData(key=key, info=FilmInfo(key=key, title=label), analysis=analysis,
                            problems=list(analysis.problems), shareable=False)
        state.warn("This link showed uploaded reviews. Uploads live only in the browser tab they were "
                   "made in and are never saved, so a shared link, a reload or a new tab can't show "
                   "them: here is the bundled film instead. To see them again, upload them again on "
                   "the Your reviews page.")
        key = None
    if key and key not in choices:
        if published_id(key) is None:
            state.warn(_NOT_FOUND)
        elif (data := _published_film(key)) is not None:  # it says itself why it cannot be shown
            return data
        key = None
    if not key:
        films = [k for k in choices if k != session.UPLOAD_KEY]
        if not films:
            return None
        key = films[0]
    state.set_value("film", key)
    if key in published.mine():
        return _published_film(key)
    try:
        data = load_film(key, scorer=current_scorer())
    except Exception:  # a broken folder must not break the app
        log.exception("could not analyse film %s", key)
        data = None
    if data is None:
        state.warn("The reviews of this film could not be read. Try another film.")
    return data


def current_scorer() -> str:
    """The sentence scorer the view asks for; an unknown name falls back, with a note."""
    scorer = state.get_value("scorer")
    if scorer and scorer not in SCORER_NAMES:
        state.warn("The link named a scorer we don't have, so the default one is used.")
        state.set_value("scorer", None)
        scorer = None
    return scorer or DEFAULT_SCORER


def validate_view(data: FilmData, keys: list[str]) -> None:
    """Drop link values that don't fit the film (unknown aspect or review), with a note."""
    ids = set(data.analysis.reviews["review_id"].astype(str))
    for name, known, note in (
        ("aspect", keys, "The link named an aspect we don't know, so the first aspect is shown instead."),
        ("highlight", keys, "The link asked to highlight an aspect we don't know, so every aspect is highlighted."),
        ("review", ids, "The link named a review that isn't part of this film, so the first review is shown instead."),
    ):
        value = state.get_value(name)
        if value and value not in known:
            state.warn(note)
            state.set_value(name, None)
    chosen = state.get_value("reviews")
    kept = [r for r in chosen if r in ids]
    if len(kept) != len(chosen):
        state.warn("Some reviews named in the link aren't part of this film; they were left out.")
        state.set_value("reviews", kept)


@st.cache_data(show_spinner=False, max_entries=8)
def table_shape(data: bytes, name: str) -> tuple[list[str], int] | None:
    """An uploaded table's columns and row count, parsed once per upload (not on every
    rerun of the page); None when it cannot be read (the message comes when the batch is
    analysed)."""
    try:
        return tables.table_shape(data, name)
    except IngestError:
        return None
