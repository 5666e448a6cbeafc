"""A Markdown review as a reader reads it: link text without its address, no images (but
a rating drawn as one), no raw HTML.

A critic's blog exported as Markdown is full of "[gorgeous](https://...)" and
"![poster](...)": shown as written, quotes carry the addresses, and the scorer reads
"https" and "com" as words. The text is read once, on loading, so every offset points into
the readable text (as for a web page). Headings, emphasis and lists stay: the cleaner reads
them. Nothing here renders anything: the result is plain text.

A page saved by a read-later app or a static site opens with its front matter between two
"---" lines ("title: ...", "site: The Low Light", "author: Callum Yip"): read as the page's
details, like a web page's head, and left out of the text.
"""

from __future__ import annotations

import re

from dashboard.text.ratings import find_rating

_ADDRESS = r"\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"\n]*\")?\)"  # "(url)" or '(url "title")'
_IMAGE = re.compile(rf"!\[([^\]\n]*)\]{_ADDRESS}")
_LINK = re.compile(rf"\[([^\]\n]+)\]{_ADDRESS}")
_REFERENCE_LINK = re.compile(r"\[([^\]\n]+)\]\[[^\]\n]*\]")
_REFERENCE = re.compile(r"(?m)^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S+.*$")  # "[1]: https://..."
_AUTOLINK = re.compile(r"<(?:https?|ftp|mailto):[^>\s]*>", re.I)
_TAG = re.compile(r"</?[A-Za-z][^<>\n]*>")
_HIDDEN_OPEN = re.compile(r"<(script|style)\b[^>]*>", re.I)


# "---" / "key: value" lines / "---" at the very start.
_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n((?:[ \t]*[\w-]+[ \t]*:.*\n|[ \t]*(?:#.*)?\n)*?)---[ \t]*(?:\n|\Z)")
_FIELD = re.compile(r"^[ \t]*([\w-]+)[ \t]*:[ \t]*(.*?)[ \t]*$", re.M)
_FRONT_KEYS = {"title": ("title",), "author": ("author", "authors", "byline", "creator"),
               "outlet": ("site", "site_name", "sitename", "publisher", "publication", "outlet")}


def front_matter(text: str) -> tuple[dict[str, str], str]:
    """The details a Markdown file's front matter gives ("title", "author", "outlet"), and the
    text after it; ``({}, text)`` for a file without one."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, text
    fields = {key.lower(): value.strip().strip("\"'") for key, value in _FIELD.findall(m.group(1))}
    details = {name: next((fields[k] for k in keys if fields.get(k)), "") for name, keys in _FRONT_KEYS.items()}
    return {name: value for name, value in details.items() if value}, text[m.end():]


def readable(text: str) -> str:
    """``text`` without link addresses, images, script or style blocks and HTML tags."""
    text = _without_hidden_blocks(text)
    text = _IMAGE.sub(_rating_drawn, text)
    text = _LINK.sub(r"\1", text)
    text = _REFERENCE_LINK.sub(r"\1", text)
    text = _REFERENCE.sub("", text)
    text = _AUTOLINK.sub("", text)
    return _TAG.sub("", text)


def _rating_drawn(image: re.Match) -> str:
    """An image's text when it is a rating drawn as a picture ("![Rated 4 out of 5
    stars](/img/stars-4.svg)"); no other image is read."""
    found = find_rating(image.group(1))
    return image.group(1) if found and found.rating.score is not None else ""


def _without_hidden_blocks(text: str) -> str:
    """Drop ``<script>``/``<style>`` blocks, content and all (an unclosed one to the end).
    One pass with ``str.find``: a pattern with a lazy ``.*?`` would read to the end of the
    text once for every unclosed tag."""
    lowered = text.lower()
    out, cursor = [], 0
    for m in _HIDDEN_OPEN.finditer(text):
        if m.start() < cursor:
            continue
        out.append(text[cursor:m.start()])
        close = lowered.find(f"</{m.group(1).lower()}", m.end())
        if close < 0:
            return "".join(out)
        end = lowered.find(">", close)
        cursor = len(text) if end < 0 else end + 1
    out.append(text[cursor:])
    return "".join(out)
