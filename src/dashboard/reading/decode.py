"""Bytes to text: what encoding a review file is in, whether it is text at all, and the
plain line breaks and length every reader's text is given."""

from __future__ import annotations

import re
import unicodedata

from dashboard.records import IngestError

MAX_REVIEW_CHARS = 200_000             # ~35,000 words: far longer than any real review

# File signatures of common binary formats (checked at the start of the file).
_BINARY_SIGNATURES = (
    b"%PDF-", b"\x89PNG", b"GIF87a", b"GIF89a", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b\x08",
    b"\x7fELF", b"\xd0\xcf\x11\xe0", b"Rar!", b"7z\xbc\xaf", b"OggS", b"ID3", b"\x00\x00\x01\x00",
    b"II*\x00", b"MM\x00*", b"\x00\x00\x00\x18ftyp", b"\x00\x00\x00\x20ftyp", b"wOFF", b"wOF2",
)
BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def safe_name(name: str) -> str:
    """A file name fit for a one-line message: no folders, no control characters, not too long."""
    base = re.split(r"[\\/]", str(name or ""))[-1]
    base = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in base)
    base = re.sub(r"\s+", " ", base).strip()
    if len(base) > 100:
        base = base[:60] + "…" + base[-30:]
    return base or "unnamed file"


def megabytes(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB"


def looks_binary(data: bytes) -> bool:
    head = data[:4096]
    if head.startswith(_BINARY_SIGNATURES) or b"\x00" in head:
        return True
    controls = sum(b < 9 or 13 < b < 32 for b in head if b != 27)
    return controls > max(8, len(head) // 50)


def cut_bytes(data: bytes, limit: int, encoding: str | None = None) -> bytes:
    """The first ``limit`` bytes, not splitting a UTF-8 or UTF-16 character."""
    if len(data) <= limit:
        return data
    cut = limit
    if encoding and encoding.startswith("utf-16"):
        return data[: cut - cut % 2]
    while cut > 0 and (data[cut] & 0xC0) == 0x80:  # inside a UTF-8 sequence
        cut -= 1
    return data[:cut]


def utf8_file(path, block: int = 1 << 20) -> str | None:
    """"utf-8-sig" when the whole file at ``path`` is UTF-8 text (a BOM or not) and so can
    be read in pieces; None when it is empty, binary or in another encoding (read it whole
    with ``decode_bytes``, which guesses and says so)."""
    with open(path, "rb") as fh:
        return "utf-8-sig" if _utf8_blocks(iter(lambda: fh.read(block), b"")) else None


def utf8_bytes(data: bytes, block: int = 1 << 20) -> bool:
    """Is ``data`` UTF-8 text (as ``utf8_file``), checked a block at a time, never decoded whole?"""
    view = memoryview(data)
    return _utf8_blocks(bytes(view[i:i + block]) for i in range(0, len(data), block))


def _utf8_blocks(blocks) -> bool:
    import codecs

    decoder = codecs.getincrementaldecoder("utf-8")()
    first = True
    try:
        for data in blocks:
            if first and (not data.strip() or looks_binary(data)
                          or data.startswith(tuple(b for b, e in BOMS if e != "utf-8"))):
                return False
            first = False
            decoder.decode(data)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return not first


def decode_bytes(data: bytes, name: str) -> tuple[str, str]:
    """(text, note): UTF-8 (with or without BOM), UTF-16 with a BOM, then the Windows/Latin-1
    encodings English reviews are saved in; ``note`` says when some bytes were replaced."""
    if not data.strip():
        raise IngestError(f"{name}: the file is empty")
    for bom, encoding in BOMS:
        if data.startswith(bom):
            body = data[len(bom):]
            text = body.decode(encoding, "replace")
            if not text.strip():
                raise IngestError(f"{name}: the file is empty")
            return _checked(text, name, body.decode(encoding, "ignore") != text)
    if looks_binary(data):
        raise IngestError(f"{name}: this is not a text file (it looks like an image, PDF or other binary file)")
    try:
        return data.decode("utf-8"), ""
    except UnicodeDecodeError:
        pass
    # UTF-8 with a few broken bytes: keep UTF-8 rather than turn every accented letter
    # into mojibake ("CafÃ©"). Text in another encoding almost never holds a valid UTF-8
    # sequence, so one is enough to tell.
    replaced = data.decode("utf-8", "replace")
    if any(ord(ch) > 127 and ch != "\ufffd" for ch in replaced):
        return _checked(replaced, name, True)
    try:
        # cp1252 is what most non-UTF-8 English reviews are in (curly quotes at 0x91-0x94);
        # Latin-1 text decodes the same way for every letter.
        return _checked(data.decode("cp1252"), name, False, guessed="Windows-1252")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:1_000_000]).best()
    if best is not None and best.encoding:
        try:
            return _checked(data.decode(best.encoding, "replace"), name, False, guessed=best.encoding)
        except LookupError:
            pass
    return _checked(data.decode("cp1252", "replace"), name, True)


def _is_unspaced_script(ch: str) -> bool:
    # Chinese and Japanese are written without spaces between words.
    return "\u3040" <= ch <= "\u30ff" or "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def _checked(text: str, name: str, replaced: bool, guessed: str = "") -> tuple[str, str]:
    """Refuse a decoding that is mostly junk: replacement or control characters, or (for a
    ``guessed`` encoding) a long run of letters with no spaces, as bytes that are not text
    give. The note says when bytes were replaced or the encoding was guessed."""
    sample = text[:20_000]
    junk = sum(1 for ch in sample if ch == "\ufffd" or (unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f"))
    unspaced = (guessed or replaced) and len(sample) >= 200 and \
        sum(ch.isspace() for ch in sample) < len(sample) * 0.02 and \
        sum(_is_unspaced_script(ch) for ch in sample) < len(sample) * 0.3
    if (sample and junk > max(3, len(sample) // 10)) or unspaced:
        raise IngestError(f"{name}: the text could not be decoded (unknown character encoding or not text)")
    if replaced:
        return text, f"{name}: some bytes could not be decoded and are shown as �"
    if guessed:
        return text, (f"{name}: not saved in the usual text encoding (UTF-8); read as {guessed}, "
                      "so check any accented letters")
    return text, ""


def clean_id(value: str) -> str:
    value = "".join(ch for ch in str(value) if unicodedata.category(ch)[0] != "C")
    return re.sub(r"\s+", "_", value.strip())[:120]


def cap_text(text: str, limit: int = MAX_REVIEW_CHARS) -> tuple[str, bool]:
    """At most ``limit`` characters, cut at a paragraph or sentence end when one is near."""
    if len(text) <= limit:
        return text, False
    head = text[:limit]
    for boundary in ("\n", ". ", " "):
        at = head.rfind(boundary, int(limit * 0.9))
        if at > 0:
            return head[: at + len(boundary)].rstrip(), True
    return head, True


_LINE_ENDS = re.compile(r"\r\n?|[\u2028\u2029]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def plain_text(text: str) -> str:
    """Line breaks as "\n" (old Mac files end lines with a lone CR, and the cleaner reads
    headings and lists line by line), and a lone surrogate, which a JSON escape such as
    "\\ud800" can give and no file can hold, as U+FFFD."""
    text = _LINE_ENDS.sub("\n", text)
    if _SURROGATE.search(text):
        text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return text
