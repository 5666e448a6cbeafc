"""What every page shares: the film picker, friendly notes, the link, the downloads.

``app.py`` calls ``start()`` before the page runs and ``finish()`` after it; a page asks
for the current film with ``context()``.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import threading
from dataclasses import dataclass, field
from pathlib import Path

import streamlit as st

from dashboard.present import views
from dashboard.present.export import to_csv
from dashboard.records import OUTPUT_TABLES, TABLE_ROWS
from dashboard.engine.polarity import DEFAULT_SCORER
from dashboard.reading.ingest import notes_and_skips
from dashboard.text.wording import count
from . import data as data_mod
from . import render, session, state

log = logging.getLogger(__name__)
_CTX = "_frame_context"

ROOT = Path(__file__).resolve().parents[3]
PAGES_DIR = ROOT / "pages"
# (file, title, icon, url path). The home page has no path of its own. URL paths match
# the names Streamlit derives from the file names, so a page that Streamlit runs
# directly (see ``context``) is the same page app.py would pick.
PAGE_SPECS = [
    ("1_overview.py", "Overview", ":material/home:", "overview"),
    ("2_ratings.py", "Ratings vs words", ":material/compare_arrows:", "ratings"),
    ("3_heatmap.py", "Aspect heatmap", ":material/grid_on:", "heatmap"),
    ("4_quotes.py", "Quotes side by side", ":material/format_quote:", "quotes"),
    ("5_full_review.py", "Full review", ":material/article:", "full_review"),
    ("6_your_reviews.py", "Your reviews", ":material/upload_file:", "your_reviews"),
]


_BUILT: dict[str, "st.Page"] = {}  # url path -> the page of this run's navigation


def build_pages() -> list:
    """The app's pages, for ``st.navigation`` (and for links between pages: ``page``)."""
    _BUILT.clear()
    for i, (file, title, icon, url) in enumerate(PAGE_SPECS):
        path = PAGES_DIR / file
        if path.exists():  # the "Your reviews" page is optional
            _BUILT[url] = st.Page(path, title=title, icon=icon, url_path=url, default=(i == 0))
    return list(_BUILT.values())


def page(url: str) -> "st.Page":
    """The page at ``url`` ("quotes", "full_review"...), for ``st.page_link``."""
    return _BUILT.get(url) or next(p for p in build_pages() if p.url_path == url)


@dataclass
class Context:
    data: data_mod.FilmData | None
    names: dict[str, str] = field(default_factory=dict)   # aspect key -> name
    keys: list[str] = field(default_factory=list)         # taxonomy order
    labels: dict[str, str] = field(default_factory=dict)  # review id -> critic label
    descriptions: dict[str, str] = field(default_factory=dict)  # aspect key -> description

    @property
    def analysis(self):
        return self.data.analysis if self.data else None

    def aspects_present(self) -> list[str]:
        return views.aspect_order(self.analysis.aspects, self.keys) if self.data else []


def _forget_chosen_reviews() -> None:
    """Another film: the reviews chosen in this one are not part of it."""
    state.set_value("reviews", [])
    state.set_value("review", None)


def _on_scorer_change() -> None:
    chosen = st.session_state.get("w_scorer")
    state.set_value("scorer", None if chosen == DEFAULT_SCORER else chosen)


def _use_default_scorer() -> None:
    state.set_value("scorer", None)


def start() -> Context:
    render.inject_css()
    state.read_link()
    tax = data_mod.taxonomy()
    data = data_mod.resolve_film()
    if data is not None:
        data_mod.validate_view(data, tax.keys)
    ctx = Context(data=data, names=tax.names, keys=tax.keys,
                  descriptions={x.key: x.description for x in tax.aspects},
                  labels=views.review_labels(data.analysis.reviews) if data else {})
    st.session_state[_CTX] = ctx

    with st.sidebar:
        choices = data_mod.film_choices()
        if data is not None and data.key not in choices:  # a published set opened by its link
            choices = {data.key: f"{data.info.title or 'Reviews'} (published)", **choices}
        if choices and data is not None:
            callback = state.bind("film", "w_film", then=_forget_chosen_reviews)
            st.selectbox("Film", list(choices), format_func=lambda k: choices.get(k, k), key="w_film",
                         on_change=callback, help="Every folder of reviews is a film. Your choice is kept in the link.")
        if data is not None and data.shareable and data.rescorable:
            scorers = {"critic": "Critics' reader (default)", "textblob": "TextBlob (baseline)"}
            st.session_state["w_scorer"] = data_mod.current_scorer()
            st.selectbox("Sentence scorer", list(scorers), format_func=scorers.get, key="w_scorer",
                         on_change=_on_scorer_change,
                         help="How each sentence is judged as praise or criticism. The default reads critics' "
                              "prose (negation, 'but', film words); TextBlob is the plain general-purpose "
                              "baseline, kept so you can compare.")
        st.session_state["_frame_data_slot"] = st.container()
    # Top of the page, so the link is in view on a phone too (the sidebar is folded away there).
    st.session_state["_frame_link_slot"] = st.container(horizontal=True, horizontal_alignment="right")
    for message in state.take_messages():
        st.info(message, icon=":material/info:")
    if data is not None and data.rescorable and data.shareable and data_mod.current_scorer() != DEFAULT_SCORER:
        # A shared link may carry the baseline setting: say so where the numbers are.
        with st.container(horizontal=True, vertical_alignment="center"):
            st.info("Every score here comes from TextBlob, the plain general-purpose scorer kept for "
                    "comparison, not from this dashboard's own reading of critics' prose.",
                    icon=":material/science:")
            st.button("Use the dashboard's own scorer", key="use_default_scorer", on_click=_use_default_scorer)
    if data is None:
        st.warning("There are no reviews to show yet. Add a folder of reviews under data/reviews/ "
                   "or upload some on the Your reviews page.")
    elif data.problems:
        notes, skips = notes_and_skips(data.problems, data.analysis.reviews["origin"])
        if skips:
            verb = "was" if len(skips) == 1 else "were"
            with st.expander(f"{count(len(skips), 'file')} could not be read and {verb} left out"):
                for message in skips:
                    st.text(message)
        if notes:
            with st.expander(f"{count(len(notes), 'note')} about how the reviews were read"):
                for message in notes:
                    st.text(message)
    return ctx


def context() -> Context:
    """The current view's context, built by ``serve`` before it runs the page.

    Streamlit runs a page file on its own only before the app has declared its pages (a
    fresh server follows its older convention for a ``pages/`` folder on its first
    request, and so does every run of a test): the page then declares them and is served
    inside the frame like any other, and the outer run stops.
    """
    ctx = st.session_state.get(_CTX)
    if ctx is None:
        serve(st.navigation(build_pages()))
        st.stop()
    return ctx


# Page runs drawn at once. Streamlit runs each reader's page in a thread of one process:
# many at once only take turns on the interpreter's lock, and the server's event loop,
# which sends what the pages drew, waits behind them all. A few at a time, each reader's
# page is drawn and sent sooner, and the whole takes less time (25 readers opening the
# bundled film at once: see benchmarks/serve.py).
RUNS_AT_ONCE = 2
_runs = threading.BoundedSemaphore(RUNS_AT_ONCE)


@contextlib.contextmanager
def long_work():
    """Work of seconds inside a page run (an upload's reading and analysis): other
    readers' pages are drawn meanwhile."""
    _runs.release()
    try:
        yield
    finally:
        _runs.acquire()


@st.cache_resource(show_spinner=False)
def _server_started() -> bool:
    """What the server process sets up once, before its first page."""
    session.hand_arrow_memory_to_the_system()
    return True


def serve(page) -> None:
    """Draw the frame every page shares (film picker, notes, link, downloads) around
    ``page`` and run it."""
    st.set_page_config(page_title="What the critics think", page_icon="🎬", layout="wide")
    _server_started()
    with _runs:
        try:
            start()
            run_page(page)
            finish()
        finally:
            end_run()


def end_run() -> None:
    """Forget this run's context (app.py calls it whatever happened in the page)."""
    st.session_state.pop(_CTX, None)


def finish() -> None:
    """Write the view into the URL, then show the link and the downloads."""
    params = state.write_link()
    ctx: Context | None = st.session_state.get(_CTX)
    slot = st.session_state.get("_frame_link_slot")
    data_slot = st.session_state.get("_frame_data_slot")
    if slot is None or data_slot is None:
        return
    with slot, st.popover("Copy link to this view", icon=":material/link:"):
        st.code(state.share_url(params), language=None, wrap_lines=True)
        if ctx and ctx.data and not ctx.data.shareable:
            st.caption("This link works only in this browser tab: uploaded reviews are kept in it alone, so "
                       "nobody else can open them. To share them, publish them first: on the Your reviews page, "
                       "“Publish and get a link”.")
        else:
            st.caption("Use the copy icon in the box. The link opens this page with the same film, "
                       "aspect and reviews.")
    with data_slot:
        if ctx and ctx.data:
            with st.expander("Download the data (CSV)"):
                a = ctx.data.analysis
                for name in OUTPUT_TABLES:
                    st.download_button(f"{name.replace('_', ' ').capitalize()} ({TABLE_ROWS[name]})",
                                       data=functools.partial(to_csv, a.table(name)),
                                       file_name=f"{ctx.data.key}_{name}.csv", mime="text/csv",
                                       on_click="ignore", key=f"dl_{name}", icon=":material/download:")


def run_page(page) -> None:
    """Run a page; an unexpected error becomes a friendly message, not a traceback."""
    try:
        page.run()
    except Exception:
        log.exception("page failed")
        st.error("Sorry, something went wrong while drawing this page. Try another film or aspect, "
                 "or reload the page.", icon=":material/error:")
