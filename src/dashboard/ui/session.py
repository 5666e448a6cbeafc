"""Uploaded reviews live in this browser session only; they are never written to disk.

The "Your reviews" page analyses an upload and calls ``store_upload``; from then on the
film picker offers it ("Your reviews — this session only", ``film=upload`` in the link)
and every page shows it. A link with ``film=upload`` is not shareable: another browser
has no upload, so it gets a friendly message and the default film.

When the reader leaves (the browser tab is closed), Streamlit keeps the session (its
state and its uploaded files) for a while, in case they come back. An upload is the
largest thing a session holds, so ``_Uploads`` lets it go on its own: ``GRACE_S`` seconds
after its session stopped being active (a reader whose network blinks keeps it), it drops
the upload, closes the session and hands the memory back to the system.
"""

from __future__ import annotations

import ctypes
import gc
import threading
import time

import streamlit as st

from dashboard.records import Analysis

UPLOAD_KEY = "upload"          # the film key in links
UPLOAD_LABEL = "Your reviews — this session only"
_STORE = "_upload"             # session_state slot: (analysis, label)


GRACE_S = 20.0                 # an inactive session keeps its upload this long
_SWEEP_S = 5.0


class _Uploads:
    """The sessions holding an upload, swept by a background thread: an upload whose
    session has been inactive for ``GRACE_S`` is dropped from that session's state."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.held: dict[str, tuple[object, float]] = {}  # session id -> (its state, last seen active)
        threading.Thread(target=self._run, name="upload-sweeper", daemon=True).start()

    def add(self, session_id: str, state) -> None:
        with self.lock:
            self.held[session_id] = (state, time.monotonic())

    def _run(self) -> None:
        while True:
            time.sleep(_SWEEP_S)
            try:
                self.sweep()
            except Exception:  # noqa: BLE001 - the sweeper must outlive any odd session
                pass

    def sweep(self, is_active=None, close=None) -> int:
        """Drop the uploads of sessions inactive for ``GRACE_S``, and close those sessions;
        how many were dropped."""
        if is_active is None:
            from streamlit import runtime

            if not runtime.exists():
                return 0
            is_active, close = runtime.get_instance().is_active_session, _closer(runtime.get_instance())
        now, dropped = time.monotonic(), []
        with self.lock:
            for session_id, (state, seen) in list(self.held.items()):
                if is_active(session_id):
                    self.held[session_id] = (state, now)
                elif now - seen >= GRACE_S:
                    dropped.append((session_id, self.held.pop(session_id)[0]))
        for session_id, state in dropped:
            try:
                del state[_STORE]
            except KeyError:
                pass
            if close is not None:
                close(session_id)
        if dropped:
            give_back_memory()
        return len(dropped)


def _closer(rt):
    """How to close a session the reader left: Streamlit otherwise keeps it (its state and
    its uploaded files' bytes) for a reconnect that never comes. The runtime closes a stored
    session only on its event loop, and only by a method it keeps to itself; a Streamlit
    without it keeps its sessions."""
    close = getattr(rt, "_close_inactive_session_on_event_loop", None)
    return close if callable(close) else None


def hand_arrow_memory_to_the_system() -> None:
    """Streamlit sends tables as Arrow data; pyarrow's own allocator (mimalloc) keeps what
    it freed for itself, out of reach of ``malloc_trim``, about 30 MiB after one upload of
    1,000 reviews. The C allocator's pool gives it back (called once, at start)."""
    try:
        import pyarrow
    except ImportError:
        return
    pyarrow.set_memory_pool(pyarrow.system_memory_pool())


def give_back_memory() -> None:
    """Collect, then ask the C allocator to return its free pages to the system (glibc
    keeps them otherwise, and the server's memory would only grow)."""
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass  # not glibc: nothing to ask


@st.cache_resource(show_spinner=False)
def _uploads() -> _Uploads:
    return _Uploads()


def store_upload(analysis: Analysis, label: str) -> None:
    """Keep an analysed upload for this session and show it on every page."""
    st.session_state[_STORE] = (analysis, str(label or "Your reviews"))
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    if (ctx := get_script_run_ctx()) is not None:
        _uploads().add(ctx.session_id, ctx.session_state)
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
