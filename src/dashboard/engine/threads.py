"""Pages of several people's posts, of which one is the review.

A mailing-list digest prints its list's header and a table of contents, then each message
under its own headers ("Message: 2", "Date: …", "From: Gwen Harrow <gwen@example.org>",
"Subject: …"). The review is the message whose subject names the film, a first post before
a reply ("Re: …"); the other messages are other members' words (their "8/10 from me" is no
rating of the critic's), and the review's sender is its critic.

A reblog chain ("grandmacore-archive reblogged thermos-and-a-map") shows the first post
under its poster's handle, then each reblogger's handle over what they added. The first
poster is the critic; what the others added is theirs.

A chat's export shows each message under its poster's handle and time ("lanternjaw — Today
at 09:14", "**river_jo** — 20/09/2025 23:14"), a live blog each entry under its time and
writer ("15:48 Rhys Penhaligon"). The critic is the member who wrote the most; the other
members' messages are theirs ("5/10 from me" is no rating of the critic's).

A forum's thread shows each post under its subject and a line of its writer and date ("by
Catrin Aldous - Monday, 17 March 2025, 09:14"), replies under "Re: ...". The first post's
writer is the critic; the other members' replies are theirs.

An e-mail may carry a review pasted in whole, under its headline and byline, among the
senders' own words, headers and quoted replies ("I'd give it 9/10 myself" is the sender's).
The review runs from its headline to the next message's header or the sender's signature;
everything else is the e-mail's. A review forwarded whole runs from the forwarded message's
headers, whose sender is its critic (or its outlet: a newsletter's name).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dashboard.engine.bylines import BYLINE, BYLINE_REASON, PERSON_LINE, plain_line
from dashboard.engine.outlets import outlet_named
from dashboard.text.names import PERSON_ALONE, names_a_body

_OTHER_MESSAGE_REASON = "Another member's message in a mailing-list digest, or the digest's contents"
_REBLOG_REASON = "Another user's words added to a reblogged post"
_CHAT_REASON = "Another member's message in the chat or entry in the live blog, not the critic's"
_FORUM_REASON = "Another member's post in the forum's thread, not the critic's"
_HEADERS_REASON = "The message's headers: its date, sender and subject"
_MAIL_REASON = "The e-mail around the review: its senders' own words and headers"
# A user's handle on a reblog chain or alone on its line: "thermos-and-a-map".
_HANDLE = r"[a-z0-9][a-z0-9_-]{2,31}"

_MESSAGE = re.compile(r"\s*Message:\s*\d+\s*")
_FROM = re.compile(r"\s*From:\s*\"?(?P<name>[^\"<>@\n]+?)\"?\s*<[^<>\s]+@[^<>\s]+>\s*")
_SUBJECT = re.compile(r"\s*Subject:\s*(?P<reply>(?:(?:re|fwd?|aw|sv)\s*:\s*)*)(?P<subject>.+)", re.I)
HEADER_FIELD = re.compile(r"\s*(?:Date|From|To|Cc|Subject|Message-ID|Content-Type):", re.I)
# "Send cinephiles-north mailing list submissions to"
_LIST_NAME = re.compile(r"\s*Send\s+(?P<name>\S+(?:\s+\S+){0,3}?\s+mailing\s+list)\s+submissions\s+to\b", re.I)
_FIRST_LINES = 5  # the list's name is in the digest's first lines


@dataclass
class Thread:
    reason: str                                     # why the others' lines are set aside
    header_reason: str                              # why the review's own headers are
    others: set[int] = field(default_factory=set)   # lines of the other messages and the contents
    headers: set[int] = field(default_factory=set)  # the review's own headers
    author: str = ""
    outlet: str = ""


def read_thread(bodies: list[str], title_keys: set[str]) -> Thread | None:
    """The page's posts, when it is a digest, a reblog chain, a chat's export, a forum's
    thread or an e-mail with an article pasted in."""
    return (read_digest(bodies, title_keys) or read_reblogs(bodies) or read_chat(bodies) or read_forum(bodies)
            or read_pasted_article(bodies))


@dataclass
class _Message:
    start: int
    end: int
    sender: str = ""
    subject: str = ""
    reply: bool = False
    headers: set[int] = field(default_factory=set)


def read_digest(bodies: list[str], title_keys: set[str]) -> Thread | None:
    """The digest's parts, when the lines (``bodies``) are a digest of two messages or more
    and one of them names the film (``title_keys``, lower case) in its subject."""
    starts = [i for i, body in enumerate(bodies) if _MESSAGE.fullmatch(body)]
    if len(starts) < 2 or not title_keys:
        return None
    messages = [_message(bodies, start, end) for start, end in zip(starts, starts[1:] + [len(bodies)])]
    naming = [m for m in messages if any(key in m.subject.lower() for key in title_keys)]
    if not naming:
        return None
    review = min(naming, key=lambda m: m.reply)  # the first post, else the first reply
    digest = Thread(_OTHER_MESSAGE_REASON, _HEADERS_REASON, set(range(starts[0])), {review.start} | review.headers,
                    review.sender)
    for m in messages:
        if m is not review:
            digest.others |= set(range(m.start, m.end))
    digest.outlet = next((m.group("name") for body in bodies[:_FIRST_LINES] if (m := _LIST_NAME.match(body))), "")
    return digest


def _message(bodies: list[str], start: int, end: int) -> _Message:
    message = _Message(start, end)
    for i in range(start + 1, end):
        if not HEADER_FIELD.match(bodies[i]):
            break
        message.headers.add(i)
        if m := _FROM.fullmatch(bodies[i]):
            message.sender = m.group("name").strip()
        elif m := _SUBJECT.fullmatch(bodies[i]):
            message.subject, message.reply = m.group("subject"), bool(m.group("reply"))
    return message


# "grandmacore-archive reblogged thermos-and-a-map"
_REBLOGGED = re.compile(rf"\W*{_HANDLE}\s+reblogged\s+(?P<poster>{_HANDLE})\W*")
_USER_LINE = re.compile(_HANDLE)
_REBLOG_HEAD_LINES = 5  # the chain's head is among the page's first lines


def read_reblogs(bodies: list[str]) -> Thread | None:
    """The parts of a reblog chain: the first poster as the critic, and the lines other users
    added under their handles, to the post's tags or the end."""
    head = next((i for i, body in enumerate(bodies[:_REBLOG_HEAD_LINES]) if _REBLOGGED.fullmatch(body)), None)
    if head is None:
        return None
    poster = _REBLOGGED.fullmatch(bodies[head]).group("poster")
    try:
        start = bodies.index(poster, head + 1)  # the first post, under its poster's handle
    except ValueError:
        return None
    thread = Thread(_REBLOG_REASON, BYLINE_REASON, headers={head, start}, author=poster)
    other = False
    for i in range(start + 1, len(bodies)):
        body = bodies[i].strip()
        if _USER_LINE.fullmatch(body):
            other = body != poster
        elif body.startswith("#"):
            other = False  # the post's tags
        if other:
            thread.others.add(i)
    return thread


# A live blog's entry under its time and writer: "15:48 Rhys Penhaligon".
_LIVE_ENTRY = re.compile(rf"\s*\d{{1,2}}[:.]\d\d\s+(?P<handle>{PERSON_ALONE})\s*")
# "lanternjaw — Today at 09:14", "**river_jo** — 20/09/2025 23:14"
_CHAT_HEADER = re.compile(
    r"\W*(?:\*\*)?(?P<handle>[\w.-]{2,32})(?:\*\*)?\s+[—–-]\s+(?:(?:today|yesterday)\s+at\s+\d{1,2}:\d\d(?:\s*[ap]m)?"
    r"|\d{1,2}/\d{1,2}/\d{2,4}(?:,?\s+\d{1,2}:\d\d(?:\s*[ap]m)?)?)\s*", re.I)
_CHAT_MESSAGES = 3  # a chat has at least this many messages, by two members or more


def read_chat(bodies: list[str]) -> Thread | None:
    """The parts of a chat's export: the member who wrote the most as the critic, and the
    other members' messages (their headers and lines)."""
    headers = [(i, m.group("handle")) for i, body in enumerate(bodies)
               if (m := _CHAT_HEADER.fullmatch(body) or _LIVE_ENTRY.fullmatch(body))]
    if len(headers) < _CHAT_MESSAGES or len({handle for _, handle in headers}) < 2:
        return None
    ends = [i for i, _ in headers[1:]] + [len(bodies)]
    words: dict[str, int] = {}
    for (start, handle), end in zip(headers, ends):
        words[handle] = words.get(handle, 0) + sum(len(body.split()) for body in bodies[start + 1:end])
    critic = max(words, key=words.get)
    thread = Thread(_CHAT_REASON, BYLINE_REASON, author=critic)
    for (start, handle), end in zip(headers, ends):
        if handle == critic:
            thread.headers.add(start)
        else:
            thread.others |= set(range(start, end))
    return thread


# An e-mail's sender ("Sian Rowe <sian@example.net>"), a reply's quote header ("On Thu, 31
# Jul 2025 at 19:02, Dave Hocking <dave@example.net> wrote:", "Sian Rowe wrote:"), a forward's
# banner and a signature's separator.
_BANNER = r"\W*-{{2,}}\s*{kind}\s+message\s*-{{2,}}\W*"
_FORWARDED = re.compile(_BANNER.format(kind="forwarded"), re.I)
_MESSAGE_START = re.compile(
    r"\W*(?:(?:from|to|cc)\s*:\s*)?[^<>@\n]{0,60}<[^<>\s]+@[^<>\s]+>\s*"
    r"|\s*on\s+.{5,80}\bwrote:\s*|\s*[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3}\s+wrote:\s*"
    rf"|{_BANNER.format(kind='(?:forwarded|original)')}", re.I)
_SIGNATURE = re.compile(r"--\s*")  # "-- " over the signature
_ABOUT_THE_REVIEW = re.compile(r"\b(?:review|article|piece|column)\b", re.I)


def read_pasted_article(bodies: list[str]) -> Thread | None:
    """The e-mail's lines around an article pasted into it: the article opens at its headline,
    the line over a byline that comes after a mail header, and ends at the next header or
    signature."""
    first_header = next((i for i, body in enumerate(bodies) if _MESSAGE_START.fullmatch(body)), None)
    if first_header is None:
        return None
    byline = next((i for i in range(first_header + 1, len(bodies)) if BYLINE.match(plain_line(bodies[i]))), None)
    if byline is None:
        return _forwarded_message(bodies, first_header)
    start = byline - 1 if byline - 1 > first_header else byline  # its headline, just above
    end = _message_end(bodies, byline + 1)
    others = set(range(start)) | set(range(end, len(bodies)))
    # the sender's note on where the review ran: "Here's that review I mentioned, from the Gazette."
    outlet = next((name for i in range(first_header, start)
                   if _ABOUT_THE_REVIEW.search(bodies[i]) and (name := outlet_named(bodies[i]))), "")
    return Thread(_MAIL_REASON, BYLINE_REASON, others, outlet=outlet)


def _message_end(bodies: list[str], start: int) -> int:
    """Where the message that runs from ``start`` ends: at the next message's header or the
    sender's signature."""
    return next((i for i in range(start, len(bodies))
                 if _MESSAGE_START.fullmatch(bodies[i]) or _SIGNATURE.fullmatch(bodies[i])), len(bodies))


def _forwarded_message(bodies: list[str], first_header: int) -> Thread | None:
    """A review forwarded whole: the forwarder's note above the banner is theirs, and the
    forwarded message's sender is its critic, or its outlet when a newsletter sent it."""
    banner = next((i for i in range(first_header, len(bodies)) if _FORWARDED.fullmatch(bodies[i])), None)
    if banner is None:
        return None
    forwarded = _message(bodies, banner, len(bodies))
    sender, headers = forwarded.sender, {banner} | forwarded.headers
    end = _message_end(bodies, max(headers) + 1)
    thread = Thread(_MAIL_REASON, _HEADERS_REASON, set(range(banner)) | set(range(end, len(bodies))), headers)
    if sender and PERSON_LINE.fullmatch(sender) and not sender.startswith("The ") and not names_a_body(sender):
        thread.author = sender
    else:
        thread.outlet = sender
    return thread


# A forum post's writer and date under its subject: "by Catrin Aldous - Monday, 17 March 2025, 09:14".
_POSTED_BY = re.compile(rf"\s*by\s+(?P<name>{PERSON_ALONE})\s+[-–—]\s+.*\d{{4}}.*")
_REPLY = re.compile(r"\s*re\s*:", re.I)


def read_forum(bodies: list[str]) -> Thread | None:
    """The parts of a forum's thread: the first post's writer as the critic, and the other
    members' replies (from each reply's subject to the next post's)."""
    posts = [(i, m.group("name")) for i, body in enumerate(bodies) if i and (m := _POSTED_BY.fullmatch(body))]
    if len(posts) < 2 or _REPLY.match(bodies[posts[0][0] - 1]) or not all(
            _REPLY.match(bodies[i - 1]) for i, _ in posts[1:]):
        return None
    critic = posts[0][1]
    thread = Thread(_FORUM_REASON, BYLINE_REASON, headers={posts[0][0]}, author=critic)
    ends = [i - 1 for i, _ in posts[1:]] + [len(bodies)]
    for (start, name), end in zip(posts[1:], ends[1:]):
        if name != critic:
            thread.others |= set(range(start - 1, end))
    return thread
