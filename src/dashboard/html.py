"""Article text from a saved web page: navigation, scripts and styles are dropped."""

from __future__ import annotations

import re


def html_to_text(html: str) -> str:
    """The main text of a review page; markup is never kept, so nothing in it can run."""
    try:
        import trafilatura
    except ImportError:  # optional dependency: fall back to dropping tags
        trafilatura = None
    if trafilatura is not None:
        text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_recall=True)
        if text:
            return text
    text = re.sub(r"(?is)<(script|style|noscript|template)\b.*?</\1\s*>", " ", html)
    text = re.sub(r"(?s)<[^>]+>", " ", text)
    import html as html_lib

    return re.sub(r"[ \t]+", " ", html_lib.unescape(text)).strip()
