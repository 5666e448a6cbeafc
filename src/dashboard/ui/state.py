"""The view lives in the link.

Query-string scheme (the page itself is the URL path: ``/``, ``/ratings``, ``/heatmap``,
``/quotes``, ``/full_review``):

* ``film``    folder name under ``data/reviews/`` (or ``upload`` for this session's upload)
* ``aspect``  aspect key from the taxonomy (``music``, ``acting``...)
* ``reviews`` review ids chosen for side-by-side quotes, comma-separated
* ``review``  the review open in the full-review view
* ``highlight``  the one aspect the full-review view highlights (absent: every aspect)
* ``scorer``  ``textblob`` to see the plain TextBlob baseline (absent: the default scorer)

The canonical values are kept in ``st.session_state`` (not in widget keys, which
Streamlit forgets on a page switch). At the top of every run ``read_link`` takes values
from the URL when the URL carries something new (a shared link, a page link); when the
URL is empty because the browser switched page, the session's values win. At the end
of every run ``write_link`` puts the current values back into the URL, so links survive
navigation and "Copy link to this view" is always current.
"""

from __future__ import annotations

from typing import Any, Callable
from urllib.parse import urlencode

import streamlit as st

PARAMS = ("film", "aspect", "reviews", "review", "highlight", "scorer")
_PREFIX = "_view_"
_LAST = "_view_last_link"
_MESSAGES = "_view_messages"
MAX_REVIEWS_IN_LINK = 50


def get_value(name: str) -> Any:
    default = [] if name == "reviews" else None
    return st.session_state.get(_PREFIX + name, default)


def set_value(name: str, value: Any) -> None:
    if name == "reviews":
        value = list(dict.fromkeys(str(v) for v in (value or [])))[:MAX_REVIEWS_IN_LINK]
    st.session_state[_PREFIX + name] = value


def current() -> dict[str, Any]:
    return {name: get_value(name) for name in PARAMS}


def _parse(name: str, raw: str) -> Any:
    raw = str(raw or "").strip()
    if name == "reviews":
        return [r.strip() for r in raw.split(",") if r.strip()][:MAX_REVIEWS_IN_LINK]
    return raw[:200] or None


def link_params(values: dict[str, Any] | None = None) -> dict[str, str]:
    """The query parameters for a view (empty values left out)."""
    values = current() if values is None else values
    out: dict[str, str] = {}
    for name in PARAMS:
        v = values.get(name)
        if name == "reviews":
            if v:
                out[name] = ",".join(v)
        elif v:
            out[name] = str(v)
    return out


def read_link() -> None:
    """Adopt the URL's values when it carries a view we did not write ourselves."""
    url = {k: st.query_params.get(k) for k in PARAMS if k in st.query_params}
    url = {k: v for k, v in url.items() if v is not None}
    last = st.session_state.get(_LAST)
    if url and url != last:
        for name in PARAMS:
            set_value(name, _parse(name, url.get(name, "")))


def write_link() -> dict[str, str]:
    """Put the current view into the URL (only if it differs, to avoid churn)."""
    wanted = link_params()
    have = {k: st.query_params.get(k) for k in st.query_params}
    if have != wanted:
        st.query_params.from_dict(wanted)
    st.session_state[_LAST] = wanted
    return wanted


def page_params(**overrides: Any) -> dict[str, str]:
    """Query params for a page link: the current view with some values changed."""
    values = current()
    values.update(overrides)
    return link_params(values)


def share_url(params: dict[str, str] | None = None) -> str:
    params = link_params() if params is None else params
    try:
        base = st.context.url or ""
    except Exception:  # outside a browser session (tests)
        base = ""
    query = urlencode(params, safe=",")
    return f"{base}?{query}" if query else (base or "?")


# ----------------------------------------------------------------------------- messages

def warn(message: str) -> None:
    """A friendly note shown once at the top of the page (never the raw link value)."""
    msgs = st.session_state.setdefault(_MESSAGES, [])
    if message not in msgs:
        msgs.append(message)


def take_messages() -> list[str]:
    return st.session_state.pop(_MESSAGES, [])


# ----------------------------------------------------------------------------- widgets

def bind(name: str, widget_key: str, empty: Any = None,
         then: Callable[[], None] | None = None) -> Callable[[], None]:
    """Prepare a widget that edits view value ``name``: set its key from the view before
    it is drawn and return the on_change callback that copies it back (and calls
    ``then``). ``empty``: the widget's value for "nothing chosen" when that is an option
    of its own (a selectbox shows None as no choice at all), kept out of the link."""
    value = get_value(name)
    st.session_state[widget_key] = empty if value is None else value

    def _copy() -> None:
        chosen = st.session_state.get(widget_key)
        set_value(name, None if chosen == empty else chosen)
        if then is not None:
            then()

    return _copy
