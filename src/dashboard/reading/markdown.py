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

from dashboard.text.ratings import find_rating, parse_rating

_ADDRESS = r"\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"\n]*\")?\)"  # "(url)" or '(url "title")'
_IMAGE = re.compile(rf"!\[([^\]\n]*)\]{_ADDRESS}")
_LINK = re.compile(rf"\[([^\]\n]+)\]{_ADDRESS}")
_REFERENCE_LINK = re.compile(r"\[([^\]\n]+)\]\[[^\]\n]*\]")
_REFERENCE = re.compile(r"(?m)^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S+.*$")  # "[1]: https://..."
_AUTOLINK = re.compile(r"<(?:https?|ftp|mailto):[^>\s]*>", re.I)
_TAG = re.compile(r"</?[A-Za-z][^<>\n]*>")
_HIDDEN_OPEN = re.compile(r"<(script|style)\b[^>]*>", re.I)


# "---" / "key: value" lines / "---" at the very start (YAML), or "+++" / "key = value"
# lines / "+++" (TOML, as Hugo writes it). A YAML field may hold a list, an item a line
# under it ("author:" / '  - "[[Jo Lin]]"', as a web clipper writes it).
_FRONT_MATTER = re.compile(r"\A\ufeff?(?P<fence>---|\+\+\+)[ \t]*\n"
                           r"(?P<fields>(?:[ \t]*[\w-]+[ \t]*[:=].*\n|[ \t]+-[ \t].*\n|[ \t]*(?:#.*)?\n)*?)"
                           r"(?P=fence)[ \t]*(?:\n|\Z)")
_LIST_ITEM = re.compile(r"^([\w-]+)[ \t]*:[ \t]*\n[ \t]+-[ \t]+[\"']?(?:\[\[)?(?P<item>[^\"'\]\n]*)", re.M)
_FIELD = re.compile(r"^[ \t]*([\w-]+)[ \t]*[:=][ \t]*(?:\"(?P<quoted>[^\"]*)\"|'(?P<single>[^']*)'|(?P<bare>[^#\n]*?))"
                    r"[ \t]*(?:#(?P<comment>.*))?$", re.M)
_FRONT_KEYS = {"title": ("title",), "author": ("author", "authors", "byline", "creator"),
               "outlet": ("site", "site_name", "sitename", "publisher", "publication", "outlet"),
               "rating": ("rating", "score", "stars", "grade")}
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
# The scale a field's comment gives its number: "rating = 2.5   # out of 5".
_SCALE_NOTE = re.compile(r"\b(?:out\s+of|of)\s+(\d{1,3})\b|/\s*(\d{1,3})\b", re.I)


def front_matter(text: str) -> tuple[dict[str, str], str]:
    """The details a Markdown file's front matter gives ("title", "author", "outlet",
    "rating"), and the text after it; ``({}, text)`` for a file without one."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, text
    fields, notes = {}, {}
    for field in _FIELD.finditer(m.group("fields")):
        key = field.group(1).lower()
        fields[key] = (field.group("quoted") or field.group("single") or field.group("bare") or "").strip()
        notes[key] = field.group("comment") or ""
    for listed in _LIST_ITEM.finditer(m.group("fields")):  # a list's first item
        fields[listed.group(1).lower()] = listed.group("item").strip()
    details = {name: next((k for k in keys if fields.get(k)), "") for name, keys in _FRONT_KEYS.items()}
    found = {name: fields[key] for name, key in details.items() if key}
    if "rating" in found:
        found["rating"] = _front_rating(found["rating"], notes[details["rating"]])
    return {name: value for name, value in found.items() if value}, text[m.end():]


def _front_rating(value: str, note: str) -> str:
    """A front-matter rating as a rating string: a number over the scale its comment gives
    ("rating = 2.5  # out of 5"), or as written when it has a scale of its own ("4/5", "B+");
    "" for a number alone, whose scale no one knows."""
    if _NUMBER.fullmatch(value):
        scale = _SCALE_NOTE.search(note)
        value = f"{value}/{scale.group(1) or scale.group(2)}" if scale else ""
    return value if value and parse_rating(value).score is not None else ""


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
