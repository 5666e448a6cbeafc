"""Uploaded reviews live in this browser session only; they are never written to disk.

The "Your reviews" page analyses an upload and calls ``store_upload``; from then on the
film picker offers it ("Your reviews — this session only", ``film=upload`` in the link)
and every page shows it. A link with ``film=upload`` is not shareable: another browser
has no upload, so it gets a friendly message and the default film.
"""

from __future__ import annotations

import streamlit as st

from dashboard.records import Analysis

UPLOAD_KEY = "upload"          # the film key in links
UPLOAD_LABEL = "Your reviews — this session only"
_STORE = "_upload"             # session_state slot: (analysis, label)


def store_upload(analysis: Analysis, label: str) -> None:
    """Keep an analysed upload for this session and show it on every page."""
    st.session_state[_STORE] = (analysis, str(label or "Your reviews"))
    from . import state  # local import: state imports this module

    state.set_value("film", UPLOAD_KEY)
    state.set_value("reviews", [])
    state.set_value("review", None)


def current_upload() -> tuple[Analysis, str] | None:
    value = st.session_state.get(_STORE)
    return value if isinstance(value, tuple) and len(value) == 2 else None


def clear_upload() -> None:
    st.session_state.pop(_STORE, None)
    from . import state

    if state.get_value("film") == UPLOAD_KEY:
        state.set_value("film", None)
        state.set_value("reviews", [])
        state.set_value("review", None)
