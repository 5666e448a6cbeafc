"""Spoken reviews printed as transcripts: who says each line.

A radio or podcast review comes as a transcript: speakers' names in capitals before their
words ("RENATA VOSS, HOST:", "[00:02:09] CRITIC: So it's 1911..."), clips of the film
("(SOUNDBITE OF FILM, ...)", "IONE MARCH: (As Tess) ..."). The speaker's label is no part of
what is said, and only the critic's words are the review: the host's questions and the
film's dialogue move no score. Which speaker is the critic: the one labelled so ("CRITIC",
"FILM CRITIC"), or the one named in the byline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dashboard.text.names import from_capitals

# "RENATA VOSS, HOST:", "CALLOWAY-NDIAYE:", "[00:02:09] CRITIC:": a name in capitals (a
# role after a comma), a colon, then the words or the end of the line.
_SPEAKER = re.compile(
    r"^[\W_]*?(?P<time>\[?\(?\d{1,2}:\d{2}(?::\d{2})?\)?\]?\s*)?"
    r"(?P<speaker>[A-Z][A-Z.'’-]*(?:\s[A-Z][A-Z.'’-]*){0,3})(?:,\s*(?P<role>[A-Z][A-Z ]{1,30}))?:(?=\s|$)\s*"
)
_CLIP = re.compile(r"^\W*\((?:SOUNDBITE|SOUND BITE|CLIP|MUSIC|BEGIN|END)\b")
_CRITIC_ROLES = re.compile(r"\b(?:CRITIC|REVIEWER)\b")
# A transcript names its speakers' parts or times them: without that, capitals and a colon
# are labels ("MY SCORE:", "TAGS:") or readers' comments.
_ROLES = re.compile(r"\b(?:HOST|CO-HOST|CRITIC|REVIEWER|ANCHOR|PRESENTER|INTERVIEWER|GUEST|BYLINE)\b")
MIN_SPEAKER_LINES = 3


@dataclass
class Transcript:
    labels: dict[int, int] = field(default_factory=dict)  # line index -> length of its speaker's label
    others: set[int] = field(default_factory=set)          # lines no critic says
    critic: str = ""                                       # the critic's name, as the labels print it


def read_transcript(bodies: list[str], author: str = "") -> Transcript:
    """The speakers of a transcript's lines; an empty ``Transcript`` for any other text."""
    found = {i: m for i, body in enumerate(bodies) if (m := _SPEAKER.match(body))}
    if (len(found) < MIN_SPEAKER_LINES or len({m.group("speaker") for m in found.values()}) < 2
            or not any(m.group("time") or _ROLES.search(m.group("role") or m.group("speaker")) for m in found.values())):
        return Transcript()
    out = Transcript(labels={i: m.end() for i, m in found.items()})
    author_words = {w.upper() for w in re.findall(r"[\w'’-]+", author)}
    critics = {m.group("speaker") for m in found.values()
               if _CRITIC_ROLES.search(m.group("role") or m.group("speaker"))
               or author_words.intersection(m.group("speaker").split())}
    named = next((m for m in found.values() if m.group("role") and _CRITIC_ROLES.search(m.group("role"))), None)
    out.critic = from_capitals(named.group("speaker")) if named else ""
    if not critics:
        return out
    # The critic's surname alone labels their later lines ("CALLOWAY-NDIAYE:").
    surnames = {name.split()[-1] for name in critics}
    speaker = ""
    for index, body in enumerate(bodies):
        if index in found:
            speaker = found[index].group("speaker")
        if _CLIP.match(body) or (speaker and speaker not in critics and speaker.split()[-1] not in surnames):
            out.others.add(index)
    return out
