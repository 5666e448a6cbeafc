"""Length-preserving text normalisation.

Scorers and pattern rules see a normalised copy of the text, but every offset we keep
must point into the original. Each replacement here maps one character to exactly one
character, so an offset into the normalised copy is an offset into the original.
"""

from __future__ import annotations

import re

# Curly quotes confuse TextBlob ("isn’t great" scores positive) and most word lists.
_REPLACEMENTS = (
    {
        "\u2018": "'",  # ‘
        "\u2019": "'",  # ’
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u00b4": "'",
        "`": "'",
        "\u201c": '"',  # “
        "\u201d": '"',  # ”
        "\u201e": '"',
        "\u2033": '"',
        "\u2013": "-",  # – en dash
        "\u2014": "-",  # — em dash
        "\u2212": "-",
        "\u00a0": " ",  # no-break space
        "\u2009": " ",
        "\u202f": " ",
        "\u2026": ".",  # … (one char, so it becomes one full stop)
    }
)
_SPECIAL = frozenset(_REPLACEMENTS)
# Markup pasted into a review ("<b>", "</p>", a whole "<script>...</script>"): tag names
# and code are no words of the critic's ("script" would count for the story). Blanked, one
# space per character. Only HTML's own tag names: "x<y and y>z" is no markup.
_TAG_NAMES = (
    "a|abbr|article|aside|audio|b|blockquote|body|br|button|center|cite|code|div|em|embed|figcaption|"
    "figure|font|form|h[1-6]|head|header|hr|html|i|iframe|img|input|li|link|meta|nav|noscript|object|"
    "ol|p|pre|q|s|section|small|source|span|strike|strong|sub|sup|svg|table|tbody|td|th|thead|tr|u|"
    "ul|video"
)
_MARKUP = re.compile(
    r"<(script|style)\b[^>]*>.*?</\1\s*>"
    rf"|</?(?:{_TAG_NAMES})(?:\s[^<>]*)?/?>",
    re.I | re.S,
)


def normalize(text: str) -> str:
    """Return ``text`` with typographic characters replaced one-for-one by ASCII ones and
    markup tags blanked."""
    if "<" in text:
        text = _MARKUP.sub(lambda m: " " * len(m.group()), text)
    # str.translate with a mapping table is slow; most texts are plain ASCII or hold only a
    # few of these characters, so replace just the ones present.
    if text.isascii():
        return text
    for char in _SPECIAL.intersection(text):
        text = text.replace(char, _REPLACEMENTS[char])
    return text
