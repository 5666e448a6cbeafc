"""Published review sets in the app: the database they live in, who may publish, and
opening one by its link.

The database is ``st.connection("reviews", type="sql")``: a ``[connections.reviews]``
entry in ``.streamlit/secrets.toml`` (any SQLAlchemy URL, e.g. a hosted PostgreSQL) or,
without one, an SQLite file in ``DASHBOARD_STORE_DIR`` (default
``~/.local/share/critics-dashboard``), outside the repository.

Publishing needs the owner key of the secrets (``[publish] key = "…"``), typed once per
session; an app with no key in its secrets publishes only when it is served on this
computer (localhost), so that a hosted app never becomes free hosting for anyone's text.
"""

from __future__ import annotations

import hmac
import logging
import os
from pathlib import Path
from urllib.parse import urlsplit

import streamlit as st

from dashboard.sharing.store import ReviewStore

log = logging.getLogger(__name__)

MAX_SET_REVIEWS = 2_000          # reviews in one published set
MAX_SET_CHARS = 5_000_000        # characters of review text in one published set
MAX_SETS = 1_000                 # published sets in all
_UNLOCKED = "_publish_unlocked"  # session_state: the owner key was typed in this session
_MINE = "_published"             # session_state: key -> label of the sets this session published
_LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1"}


def _secrets(section: str) -> dict:
    """A section of the app's secrets; empty when there is none (or no secrets file)."""
    try:
        return dict(st.secrets.get(section, {}))
    except Exception:  # no secrets file at all
        return {}


def store_dir() -> Path:
    return Path(os.environ.get("DASHBOARD_STORE_DIR") or Path.home() / ".local" / "share" / "critics-dashboard")


@st.cache_resource(show_spinner=False)
def store() -> ReviewStore:
    """The review sets' database, its schema created or brought up to date."""
    if "reviews" in _secrets("connections"):
        connection = st.connection("reviews", type="sql")
    else:
        store_dir().mkdir(parents=True, exist_ok=True)
        connection = st.connection("reviews", type="sql", url=f"sqlite:///{store_dir() / 'reviews.db'}")
    return ReviewStore(connection.engine)


def served_locally() -> bool:
    try:
        host = urlsplit(st.context.url or "").hostname or ""
    except Exception:
        return False
    return host in _LOCAL_HOSTS


def may_publish() -> tuple[bool, str]:
    """(may this session publish, what to tell the reader when not)."""
    key = _secrets("publish").get("key")
    if key:
        if st.session_state.get(_UNLOCKED):
            return True, ""
        return False, "key"
    if served_locally():
        return True, ""
    return False, ("This app has no publishing key in its secrets, so it can publish only when it runs on your "
                   "own computer. Its owner can add one: `[publish]` and `key = \"…\"` in `.streamlit/secrets.toml`.")


def unlock(typed: str) -> bool:
    """The owner key, typed: right, and this session may publish."""
    key = _secrets("publish").get("key")
    if key and typed and hmac.compare_digest(typed.encode(), str(key).encode()):
        st.session_state[_UNLOCKED] = True
        return True
    return False


def mine() -> dict[str, str]:
    """The sets this session published: link key -> label (only they are in its film picker)."""
    return st.session_state.setdefault(_MINE, {})


def too_big(analysis) -> str:
    """Why a set may not be published ("" when it may)."""
    chars = int(analysis.texts["text"].str.len().sum()) if len(analysis.texts) else 0
    if len(analysis.reviews) > MAX_SET_REVIEWS:
        return f"A published set holds at most {MAX_SET_REVIEWS:,} reviews; this one has {len(analysis.reviews):,}."
    if chars > MAX_SET_CHARS:
        return f"A published set holds at most {MAX_SET_CHARS:,} characters of reviews; this one has {chars:,}."
    if store().live_sets() >= MAX_SETS:
        return f"This app already holds {MAX_SETS:,} published sets, its limit. Unpublish one first."
    return ""
