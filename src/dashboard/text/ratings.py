"""The critic's own rating: find it in a review and normalise it to 0-100.

Normalisation follows Metacritic's practice: a fraction is scaled linearly
(3.5/5 -> 70, 7/10 -> 70, 3 out of 4 -> 75) and letter grades use Metacritic's table
(A+ and A = 100 ... F = 0). The raw string is always kept beside the number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dashboard.text.language import load_resource
from dashboard.text.normalize import normalize

# Metacritic's conversion of letter grades.
LETTER_GRADES = {
    "A+": 100, "A": 100, "A-": 91,
    "B+": 83, "B": 75, "B-": 67,
    "C+": 58, "C": 50, "C-": 42,
    "D+": 33, "D": 25, "D-": 16,
    "F": 0,
}
# Rating scales critics use in running text; there, "2/3" or "9/11" is more likely a ratio
# or a date. (A table's rating column takes any scale: Rotten Tomatoes has /6, /8, /2.)
SCALES = (4, 5, 10, 20, 100)
FULL_STARS = "★⭐✪✭✮●◉"
EMPTY_STARS = "☆✩○◯"
# Dots are a rating only with an empty one in the run ("●●○○○", "◉◉○○○"): "●" alone is a bullet.
_DOTS_ALONE = re.compile(r"[\s●◉]*[●◉][\s●◉]*")
HALVES = ("½", "1/2", ".5")


@dataclass(frozen=True, slots=True)
class Rating:
    raw: str
    score: float | None  # 0-100, None when the string makes no sense
    problem: str = ""    # why a rating-like string was not accepted


@dataclass(frozen=True, slots=True)
class FoundRating:
    rating: Rating
    start: int
    end: int


_NUM = r"(\d+(?:[.,]\d+)?)"
# Numbers critics spell out: "Three stars out of four", "two and a half stars".
_NUMBER_WORDS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_NUMBER_WORD = rf"(?:{'|'.join(_NUMBER_WORDS)})"
_SPELLED = re.compile(rf"\b(?P<n>{_NUMBER_WORD})(?P<half>\s+and\s+a\s+half)?\b", re.I)
_HALF_A_STAR = re.compile(r"\bhalf\s+a\s+star\b", re.I)
# "★★★½ (out of four)", "★½ out of 4": star glyphs on a scale the critic states.
_GLYPHS_OF = re.compile(rf"([{FULL_STARS}]+)\s*(½|1/2)?\s*\(?\s*(?:out of|of|/)\s*(\d+)\s*\)?")
# A glyph a site may rate in: no letter, digit, space or punctuation.
_GLYPH = r"[^\w\s.,;:!?()/*'\"-]"
# "🍿🍿🍿/5": one glyph repeated, over a scale.
_SYMBOL_RUN = re.compile(rf"^\s*(?P<run>(?P<symbol>{_GLYPH})\ufe0f?(?:(?P=symbol)\ufe0f?){{0,9}})\s*(?P<half>½)?\s*"
                         r"(?:/|out of|\(\s*(?:out\s+)?of)\s*(?:(?P<scale>\d+)|(?P<glyphs>(?:(?P=symbol)\ufe0f?){4,10}))"
                         r"\s*\)?\s*$")  # "🐙🐙🐙 (of 5)", "🚐🚐🚐 out of 🚐🚐🚐🚐🚐"
# "3 stars (out of 4)", "3 stars of 4": the scale after the stars.
_STARS_OF = re.compile(r"\s*\bstars?\b\s*\(?\s*(out of|of|/)\s*(\d+)\s*\)?", re.I)
_FRACTION = re.compile(rf"^\s*(-?\s*\d+(?:[.,]\d+)?)(?:\s+1/2|\s*½)?\s*(?:/|out of|of)\s*{_NUM}\s*(?:stars?)?\s*$", re.I)
_MIXED = re.compile(r"^\s*(\d+)\s+1/2\s*(?:/|out of)\s*(\d+)\s*$", re.I)
_LETTER = re.compile(r"^\s*([A-DF])\s*([+-]?)\s*$", re.I)
_GRADE_WORDS = re.compile(r"^\s*([A-DF])(?:\s+|\s*-\s*)(plus|minus)\s*$", re.I)
_PERCENT = re.compile(rf"^\s*{_NUM}\s*%\s*$")
_BARE = re.compile(rf"^\s*{_NUM}\s*$")
# A site's own pair of glyphs, filled then hollow, over a scale of four, five or ten ("◆◆◇◇◇").
_FILLED_THEN_HOLLOW_PATTERN = (rf"(?P<filled>(?P<fill>{_GLYPH})\ufe0f?(?:(?P=fill)\ufe0f?){{0,9}})"
                               rf"(?!(?P=fill))(?P<hollow>{_GLYPH})\ufe0f?(?:(?P=hollow)\ufe0f?){{0,9}}")
_FILLED_THEN_HOLLOW = re.compile(_FILLED_THEN_HOLLOW_PATTERN)


def _fraction(value: float, scale: float, raw: str) -> Rating:
    if scale <= 0 or value < 0 or value > scale:
        return Rating(raw, None, f"“{raw}” is not a rating on its own scale")
    return Rating(raw, round(100.0 * value / scale, 1))


def _stars(text: str, raw: str) -> Rating | None:
    """Star glyphs or asterisks in ``text`` (prepared for parsing; ``raw``: as written)."""
    text = text.strip()
    if m := re.fullmatch(r"(\*{1,5})\s*(½|1/2)?\s*\(?\s*(?:out of|of|/)\s*(\d+)\s*\)?", text):
        # "**** (out of four)": asterisks on a scale the critic states
        return _fraction(len(m.group(1)) + (0.5 if m.group(2) else 0.0), float(m.group(3)), raw)
    if m := _GLYPHS_OF.fullmatch(text):
        return _fraction(len(m.group(1)) + (0.5 if m.group(2) else 0.0), float(m.group(3)), raw)
    if m := _SYMBOL_RUN.match(text):
        scale = float(m.group("scale")) if m.group("scale") else len(m.group("glyphs").replace("\ufe0f", ""))
        return _fraction(len(m.group("run").replace("\ufe0f", "")) + (0.5 if m.group("half") else 0.0), scale, raw)
    if _DOTS_ALONE.fullmatch(text):
        return None
    if (m := _FILLED_THEN_HOLLOW.fullmatch(text)) and len(m.group().replace("\ufe0f", "")) in SCALES[:3]:
        return _fraction(len(m.group("filled").replace("\ufe0f", "")), len(m.group().replace("\ufe0f", "")), raw)
    full = sum(text.count(c) for c in FULL_STARS)
    empty = sum(text.count(c) for c in EMPTY_STARS)
    asterisks = len(text) - len(text.lstrip("*"))
    half = 0.5 if any(h in text for h in HALVES) else 0.0
    if full:
        # Star glyphs: out of five unless empty stars show the scale.
        scale = full + empty + (1 if half and empty else 0) if empty else 5
        return _fraction(full + half, max(scale, 5 if not empty else scale), raw)
    if asterisks and re.fullmatch(r"\*{1,5}\s*(?:½|1/2)?", text):
        # Asterisks are the newspaper four-star scale unless there are more than four.
        return _fraction(asterisks + half, 5 if asterisks + half > 4 else 4, raw)
    return None


# A site's own unit in place of stars, before its scale: "spurs" in "Three and a half spurs
# out of five" (not a count: "nine times out of ten").
_UNIT = r"(?!times\b|people\b|minutes\b|stars\b)[a-z]+s"
# "3.5 spurs (out of 5)", "3 giant footprints out of 5"
_UNIT_OUT_OF = re.compile(rf"(?<=\d)(?:\s+[a-z]+)?\s+{_UNIT}\s+(?=\(?out\s+of\s+\d)", re.I)
_UNIT_AFTER_SCALE = re.compile(rf"(\d\s+(?:out\s+)?of\s+\d+)\s+{_UNIT}\s*$", re.I)  # "3 of 4 buckets"
_SCALE_IN_BRACKETS = re.compile(r"(?<=\d)\s*\(\s*(out\s+of\s+\d+)\s*\)", re.I)  # "3.5 (out of 5)"
# So many of the site's units, in digits: "3½ knots", "2.5 tickets".
_UNIT_DIGITS = r"\d{1,2}(?:[.,]5|\s*½)?"
_UNIT_COUNT = rf"{_UNIT_DIGITS}\s+{_UNIT}"


def _digits(text: str) -> str:
    """Spelled-out numbers as digits and a stated scale as a fraction: "Three and a half
    stars (out of four)" -> "3.5 out of 4", "Half a star out of five" -> "0.5 out of 5"."""
    text = _HALF_A_STAR.sub("0.5 stars", text)
    text = _SPELLED.sub(lambda m: f"{_NUMBER_WORDS[m['n'].lower()] + (0.5 if m['half'] else 0):g}", text)
    text = re.sub(r"(?<![\d.,])(\d)(?:\s*½|\s+and\s+a\s+half\b)", r"\1.5", text)
    text = _SCALE_IN_BRACKETS.sub(r" \1", _UNIT_OUT_OF.sub(" ", _UNIT_AFTER_SCALE.sub(r"\1", text)))
    return _STARS_OF.sub(r" \1 \2", text)


def parse_rating(raw: str) -> Rating:
    """Parse one rating string as a critic or a table would write it.

    Accepts fractions (``3.5/5``, ``2.5 / 5 ✨``, ``3 out of 4``, ``3 1/2/4``), stars
    (``★★★½``, ``****``, ``3 stars``, ``Three stars out of four``), letter grades (``B+``),
    percentages (``85%``) and, in a rating column, bare numbers (``8`` is read as 8/10,
    ``72`` as 72/100).
    """
    text = _digits(normalize(raw or "").strip())
    text = _GRADE_WORDS.sub(lambda m: m.group(1) + ("+" if m.group(2).lower() == "plus" else "-"), text)
    in_stars = re.search(r"\bstars?\b", text, re.I) is not None
    text = re.sub(r"[✨!]+|\bstars?\b\.?$", "", text, flags=re.I).strip().rstrip(".")
    # "9/10 ★": a star glyph after a fraction decorates it (it is no one-star rating)
    if _FRACTION.match(plain := re.sub(rf"[\s{FULL_STARS}{EMPTY_STARS}]+$", "", text)):
        text = plain
    if not text:
        return Rating(raw, None, "empty rating")
    if m := _MIXED.match(text):
        return _fraction(int(m.group(1)) + 0.5, float(m.group(2)), raw)
    if m := _FRACTION.match(text):
        value = float(m.group(1).replace(" ", "").replace(",", "."))
        if "½" in text or re.search(r"\s1/2\s*(?:/|out of)", text):
            value += 0.5
        return _fraction(value, float(m.group(2).replace(",", ".")), raw)
    if m := _LETTER.match(text):
        grade = m.group(1).upper() + m.group(2)
        # Grades outside the table (F+, F-) take their letter's value.
        return Rating(raw, float(LETTER_GRADES.get(grade, LETTER_GRADES[m.group(1).upper()])))
    if m := _PERCENT.match(text):
        return _fraction(float(m.group(1).replace(",", ".")), 100.0, raw)
    if (stars := _stars(text, raw.strip())) is not None:
        return stars
    if m := re.match(r"^\s*(\d)\s+1/2\s*$", text):
        # "3 1/2" on its own: half stars are a four-star-scale habit (five above 4).
        value = int(m.group(1)) + 0.5
        return _fraction(value, 4.0 if value <= 4 else 5.0, raw)
    if m := _BARE.match(text):
        value = float(m.group(1).replace(",", "."))
        scale = 5.0 if in_stars else 10.0 if value <= 10 else 100.0
        return _fraction(value, scale, raw)
    return Rating(raw, None, f"“{raw}” does not look like a rating")


# --- finding a rating inside review text -------------------------------------------------

# A film's certificate as critics print it beside the title ("(15)", "(PG-13)", "MA15+").
CERTIFICATE = r"(?:U|PG|12A?|15|18|R|PG-?13|NC-?17|G|NR|M|MA\s?15\+?|R\s?18\+?|TV-MA|TV-14)"
_STAR_SCALE_WORDS = r"(?:four|five|ten|4|5|10)"
# Star glyphs, with the scale when the critic writes it ("★½ out of four", "★★★½ (out of 4)").
_STAR_RUN = rf"[{FULL_STARS}{EMPTY_STARS}]+\s*½?(?:\s*\(?\s*out\s+of\s+{_STAR_SCALE_WORDS}\b\s*\)?)?"
_FRACTION_IN_TEXT = (
    rf"(?<![\d/.])(?<!\d,)\d{{1,3}}(?:[.,]\d)?(?:\s*½|\s+1/2)?\s*(?:/|out of)\s*(?:{'|'.join(map(str, SCALES))})(?![\d/])"
)
# Stars in words or digits: "Three stars out of four", "3½ stars", "two and a half stars".
# Without a stated scale ("Three stars") they are a rating only where nothing else could be
# meant (``_stars_alone``): "The two stars are great" is about actors.
_STAR_SCALE = r"(?:four|five|ten|4|5|10)"
# Three forms, each with a group that, when set, makes it a rating on any short line (the
# scale is stated, or "stars" follows it): "N stars (out of S)", "N out of S (stars)" and
# "**** (out of S)".
_STARS_IN_WORDS = (
    rf"(?:{_NUMBER_WORD}(?:\s+and\s+a\s+half)?|half\s+a|\d(?:[.,]5)?(?:\s*½|\s+1/2|\s+and\s+a\s+half)?)\s+stars?\b"
    rf"(?P<scale>\s*\(?\s*(?:out\s+of|of)\s+{_STAR_SCALE}\b\s*\)?)?"
    # the site's unit, an adjective before it: "three giant footprints out of five"
    rf"|{_NUMBER_WORD}(?:\s+and\s+a\s+half)?(?:(?:\s+[a-z]+)?\s+{_UNIT})?\s+out\s+of\s+(?:four|five|ten)(?P<stars>\s+stars\b)?"
    rf"|\*{{1,5}}\s*(?:½|1/2)?\s*\(\s*out\s+of\s+{_STAR_SCALE}\s*\)(?P<scale3>)"
    # the site's unit in digits over its scale: "2½ tickets out of 5"
    rf"|{_UNIT_COUNT}\s+out\s+of\s+{_STAR_SCALE}\b(?P<scale4>)"
    # ... or after its scale: "3 of 4 buckets"
    rf"|{_UNIT_DIGITS}\s+(?:out\s+)?of\s+{_STAR_SCALE}\s+{_UNIT}\b"
)
_WORD_STARS = re.compile(_STARS_IN_WORDS, re.I)
# What may lead into a rating on its line: "I give it", "We'd rate this one".
RATING_LEAD = re.compile(
    r"(?:(?:and|so|overall|all in all|all told)\W+)?(?:(?:(?:i|we)(?:'d|’d|'ll|’ll|\s+would|\s+will)?\s+"
    r"|(?:i|we)(?:'m|’m|'re|’re|\s+am|\s+are)\s+(?=giving|rating|awarding|scoring|going|landing|settling))?"
    r"(?:give|gave|giving|rate|rated|rating|award|awarded|awarding|score|scored|scoring|going(?:\s+with)?"
    # where the critic ends up: "In the end I'm landing on a B+", "I land on 7.5/10"
    r"|land(?:s|ed|ing)?\s+on|settl(?:e|es|ed|ing)\s+on"
    # "The film gets three and a half stars out of five"
    r"|gets|earns|deserves|merits)"
    # the film by its name, as it is given now ("I'm giving Thornhelm six tankards out of ten"),
    # not as another was ("I gave Amadeus 10/10")
    r"(?:\s+(?:it|this|this one|the\s+(?:film|movie)"
    r"|(?<!gave\s)(?<!rated\s)(?<!awarded\s)(?<!scored\s)[*_\"“‘]?(?-i:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})[*_\"”’]?))?"
    r"(?:\s+an?)?"
    # "It's a seven out of ten", "That's a 6/10 from me"
    r"|(?:it|this(?:\s+one)?|that)(?:'s|’s|\s+is)\s+an?)"
    r"(?:\s+(?:rare|solid|generous|healthy|respectable|strong|mere|measly|perfect))?",
    re.I,
)
# A grade is a capital letter with at most a sign or its word ("B minus", "D-plus"), not
# the start of a word ("Verdict: A-list cast"); without a sign it ends its clause or its
# bold ("**Grade: A**"; "Verdict: A triumph" is no A, nor "the score - a single cello").
_GRADE_IN_TEXT = r"(?-i:[A-F])(?:[+-](?![\w-])|(?:\s+|-)(?:plus|minus)\b|(?![\w-])(?=[\s*_]*(?:$|[.,;:!?)(|/])))"
# One symbol repeated over a scale: "🍿🍿🍿/5".
_SYMBOLS_OVER_SCALE = (rf"(?P<symbol>{_GLYPH})\ufe0f?(?:(?P=symbol)\ufe0f?){{0,9}}\s*½?\s*"
                       r"(?:/|out\s+of|\(\s*(?:out\s+)?of)\s*(?:4|5|10)\b\)?")
# A labelled number with no scale that can only be out of ten ("Score: 8.5", "Rating: 7"):
# not 5 or under (out of five or of ten?), nor "15" or "18" (certificates).
_OUT_OF_TEN = r"(?:[5-9]\.\d|10(?:\.0)?|[6-9])(?![\d.,/%])(?!\s*(?:out\b|stars?\b|minutes?\b))(?=\s*(?:$|[.;!)|]))"
# Words that label a rating ("Rating: 3/5", "Our verdict - B+", "Our review: B", a writer in
# their second language's "My note: 7,5 of 10").
_LABEL_WORDS = (r"rating|score|grade|verdict|overall|stars|(?:our|my)\s+(?:review|note|mark)"
                # a teacher's word for a grade, alone on its line ("Mark: C+"), not a speaker named Mark
                r"|mark(?=\s*:\s*[A-F][+-]?\s*$)")
# A rating of others that the page prints beside the critic's ("Audience score: 3.6 / 5").
_OTHERS = re.compile(r"\b(?:audience|readers?|listeners?|users?|viewers?|visitors?|parents?|kids|patrons?|borrowers?|customers?|"
                     # an aggregator's average of the critic's scores ("Average original score: 3.1/5")
                     r"fans?|crowd|imdb|(?:average|avg\.?)(?:\s+original)?|aggregate|community|public|metacritic|"
                     r"rotten\s+tomatoes|tomatometer|letterboxd"
                     # a certificate's board ("MPAA rating: PG")
                     r"|mpaa|bbfc|age|content|parental"
                     # another critic's ("Second opinion: ★★")
                     r"|second\s+opinion|other\s+critics?|members?|panel"
                     # the critic's own earlier one ("My previous rating: 2/5"); an aggregator's
                     # "Original score" is the critic's own
                     r"|previous|earlier|old"
                     # a parents' guide's score for one kind of content ("Violence: 3/5")
                     r"|educational\s+value|positive\s+messages|positive\s+role\s+models|violence|scariness|"
                     r"nudity|language|consumerism|smoking|purchases|diverse\s+representations)\W{0,6}"  # "**Violence:** 3/5"
                     rf"(?:(?:{_LABEL_WORDS}|votes?|ballots?|poll)\W{{0,3}})?$", re.I)
# A line that opens with a rating's label ("OUR SCORE: 45/100", "Verdict: B-").
LABEL_OPENS_LINE = re.compile(rf"^\W*(?:(?:the|our|my|final)\s+)?(?:{_LABEL_WORDS})\s*:", re.I)
_LABELLED = re.compile(
    # "**Our rating:** 4/5"; with no colon a score only before a share or a fraction: "Queuewise
    # score 86%" (not a members' share: "5 stars 31%")
    # (what it rates, or how, before the colon: "My score (as a percentage): 85%"; not the
    # year of an earlier one: "Original rating (2019): 2/5 - Revised rating: 4/5")
    rf"(?:\b(?:{_LABEL_WORDS})(?:\s+(?:for|of)\s+(?:the|this)\s+(?:film|movie|picture)"
    # or by its name: "Sam's verdict on *Harbour Lights*: ⚓⚓⚓ out of 5"
    rf"|\s+(?:for|of|on)\s+[*_\"“‘]?(?-i:[A-Z])[^:\n]{{0,60}}?)?(?:\s*\([^\W\d][^()\n]{{0,79}}\))?"
    rf"(?:\s*:|\s+-)|\b(?:score|rating)(?=\s+\d{{1,3}}(?:\.\d)?\s*(?:%|/\s*\d)))"
    rf"(?:[*_]{{1,3}}(?=\s))?\s*"
    rf"(?:[*_]{{1,3}}(?=[^\s*_]))?"  # the value in emphasis of its own: "**Grade:** **B-**"
    # the site's glyphs before the number they draw: "Skyward rating: ☁☁☁◐ 3.5 of 5 clouds"
    rf"(?:(?:{_GLYPH}\ufe0f?){{1,10}}\s+(?=\d))?"
    rf"(?P<value>{_STAR_RUN}|{_FRACTION_IN_TEXT}(?:\s*stars?)?|{_STARS_IN_WORDS}|{_GRADE_IN_TEXT}|\d{{1,3}}\s*%"
    # the site's own unit over a scale: "Verdict: 3.5 chainrings out of 5"
    # or "3½ reels (out of 5)"; or alone, its scale in the page's key (``_over_key_scale``):
    # "Our rating: 3½ knots"
    rf"|{_UNIT_DIGITS}\s+(?:[a-z]+\s+)?{_UNIT}\s+\(?out\s+of\s+(?:4|5|6|10)\b\)?|{_UNIT_COUNT}(?=[\s*_.]*$)"
    # a number of a scale, labelled: "My note: 7,5 of 10", "Rating: 4 out of 6"
    rf"|\d{{1,2}}(?:[.,]\d)?\s+(?:out\s+)?of\s+(?:4|5|6|10)\b"
    # asterisks; glued to the label's colon, only with nothing after them ("MPAA rating:** PG"
    # and "**Skyward rating:** ☁☁☁◐" close the label's bold), nor opening a title's italics
    # ("Movies Under the Stars: *Deepwake*")
    rf"|(?<=\s)\*{{1,5}}(?![^\W\d_½]|\*)\s*(?:½|1/2)?(?:\s*out\s+of\s+(?:4|5|10)\b)?|\*{{1,5}}+(?=\s*$)|{_SYMBOLS_OVER_SCALE}|{_OUT_OF_TEN}"
    rf"|{_FILLED_THEN_HOLLOW_PATTERN}(?![^\s–—|-]))",
    re.I,
)
# A rating as a bound that others' ratings pass: "Rated ★★★★ or higher by 38% of members",
# or their average: "★★★★☆ 3.74 · 4,918 ratings". A blog's like button is no rating either:
# "★ Like 23 bloggers like this.", "★ Like · Be the first to like this."
_OTHERS_AFTER = re.compile(r"\s*(?:or\s+(?:higher|more|better|above|over|less|lower|below)|and\s+(?:up|above|over|below))\b"
                           r"|\s*like\b(?:\s*$|\s+\d|\s*[·|•]|\s+be\s+the\s+first)"
                           # a visitor's words quoted after their stars, and who they are:
                           # '★★★★☆ "Still worth it on a dry day." – Mike and Jan, Derby'
                           r"|\s*[\"“][^\"“”\n]{3,200}[\"”]\s*[-–—]\s*[A-Z]"
                           # members' average beside its count: "★★★★☆ 3.74 · 4,918 ratings", "4.4 out of
                           # 5 stars · 1,208 ratings", "★★★★½ 4.5 out of 5 (212 members)", "5.8/10 3,214 ratings"
                           # ... "★★★★½ (4.6 from 57 ratings)", "★★★★½ based on 88 reviews"
                           r"|\s*[(]?\s*(?:\d(?:\.\d{1,2})?\s*(?:(?:/|out\s+of)\s*(?:5|10)\s*(?:stars)?\s*)?)?"
                           r"(?:(?:avg\.?|average|from|based\s+on)\s*)*[·|•(]?\s*[\d,.]+k?\s+"
                           r"(?:ratings|votes|ballots|reviews|members|fans|readers|users|viewers|people)\b", re.I)
# "Released 4/20", "It opens 5/10", "Seen on 4/5": a date, not a rating.
_DATE_BEFORE = re.compile(
    r"\b(?:releas(?:ed|es|e|ing)|opens|opened|opening|premieres?|premiered|dated?|updated|posted|published|"
    r"since|until|till|seen|watched|screened|screening|(?<!\bit )on)(?:\s+on)?\s*$",
    re.I,
)
# What stands around a rating without being the critic's prose: its label, stars, digits,
# brackets and separators ("Rating: ★★★½ (3.5/5)", "3 out of 5 stars ✨").
_RATING_FILL = re.compile(
    rf"(?:[\s\d{FULL_STARS}{EMPTY_STARS}½*✨/().,:;|–—-]+|\b(?:out\s+of|star|our|final|{_LABEL_WORDS}|{_NUMBER_WORD}"
    rf"|and\s+a\s+half)\b)+",
    re.I,
)
_UNLABELLED = re.compile(
    rf"(?P<value>{_STAR_RUN}|{_FRACTION_IN_TEXT}(?:\s*stars?)?)\s*✨?",
    re.I,
)
# In a long line of prose only forms no sentence means otherwise are a rating: stars on a
# stated scale ("(★½ out of four; rated PG-13)"), stars in digits ("99 minutes, 3.5 stars,"),
# and a decimal mark the critic gives ("Nightjar gets a rare 8.5 from me": out of 10).
# Where a details line's certificate or running time ends, just before its stars: look-behinds
# of one width each ("(15) ", "118min ", "118 mins. ").
_AFTER_DETAILS = "|".join(
    [rf"(?<=\({re.escape(c)}\)\s)" for c in ("U", "PG", "12", "12A", "15", "18", "R", "G", "M", "NR", "PG-13", "NC-17", "MA15+")]
    + [rf"(?<=\d{re.escape(unit)}\s)" for unit in ("min", "mins", " min", " mins", "min.", "mins.", " min.", " mins.",
                                                     " min)", " mins)", "min)", "mins)")])  # "(15, 118 mins) ★★☆☆☆"
_IN_PROSE = re.compile(
    rf"(?P<value>[{FULL_STARS}]+\s*½?\s*\(?\s*out\s+of\s+{_STAR_SCALE_WORDS}\b\s*\)?"
    # whole stars only where a sentence's rating ends ("3 stars.", "4 stars for this one",
    # "2 stars from me"), never a cast ("two stars from the first film", "all 5 stars are
    # terrific"); a half star is never a cast ("3.5 stars from me")
    rf"|(?<![\w.\"“'‘])\d(?:(?:[.,]5|\s*½)\s+stars\b|\s+stars\b(?=\s*(?:[.,;!?()–—-]|$|out\s+of\b|for\b|from\s+(?:me|us)\b)))"
    # star glyphs beside the film's certificate or running time, on a line of its details
    # ("Cutter's Ford ★★★★★ (15) 131 mins. In cinemas from Friday")
    rf"|[{FULL_STARS}]{{1,5}}[{EMPTY_STARS}]*\s*½?(?=\s*(?:\({CERTIFICATE}\)|\d{{2,3}}\s*min))(?!\s*[:=])"
    # ... or after them ("(15) 118min ★★★ Dir: ...")
    rf"|(?:{_AFTER_DETAILS})[{FULL_STARS}]{{1,5}}[{EMPTY_STARS}]*(?:\s*½)?(?![{FULL_STARS}{EMPTY_STARS}])(?!\s*[:=]))",
    re.I,
)
# Stars after the film's name in capitals, opening a line of its details: "HARBOUR LIGHTS ★★★½
# Directed by Jo Penn. Starring ..."
_TITLE_THEN_STARS = re.compile(
    rf"\W*(?-i:[A-Z0-9][A-Z0-9'’:&,.!?-]+(?:\s+[A-Z0-9][A-Z0-9'’:&,.!?-]*){{0,6}})\s+"
    rf"(?P<value>[{FULL_STARS}]{{1,5}}[{EMPTY_STARS}]*(?:\s*½)?)(?![{FULL_STARS}{EMPTY_STARS}])\s+(?-i:[A-Z])")
# A fraction in brackets of its own at the end of a sentence: "... and the ending lands (3/5)."
_BRACKETED_FRACTION = re.compile(r"\(\s*(?P<value>\d{1,3}(?:[.,]\d)?\s*/\s*(?:4|5|10|100))\s*\)(?=\s*(?:[.!?]|$))")
# (asked only of a line with a decimal in it: the verbs would be tried at every character)
_DECIMAL = re.compile(r"\d\.\d")
_DECIMAL_GIVEN = re.compile(
    r"\b(?:gets|earns|deserves|scores|merits|receives|warrants)\s+an?\s+(?:[a-z]+\s+)?(?P<decimal>\d\.\d)\b"
    r"(?!\s*(?:%|/|out\b|percent|stars?|minutes?|hours?|million|billion))",
    re.I,
)
# The word before the number, as a short details line prints it ("Cert 12A Stars 3"): a label.
_STARS_FIRST = re.compile(r"(?<![\w-])stars\s+(?P<value>[0-5](?:\.5)?)\s*$", re.I)
_STARS_FIRST_WORDS = 8
# Asterisks as a rating (``_asterisks``); after the film's name only when they are the
# line's only asterisks (not the end of "**bold**").
_ASTERISKS_LINE = re.compile(r"\s*\*{1,5}\s*(?:½|1/2)?\s*")
_HALF_ASTERISKS_LINE = re.compile(r"\s*\*{1,5}\s*(?:½|1/2)\s*")
_ASTERISKS_AFTER_TITLE = re.compile(r"[^*]*[^\s*]\s+(?P<value>\*{1,5}\s*(?:½|1/2)?)\s*")
# A rating that opens a sentence of its own inside a line ("... suggests. 7/10 - up from a 5").
# Where a rating may start in a long line: a new sentence, or after the dash or colon
# that follows the film's quoted name ("“Locker 214” — Two and a half stars out of four. Rated ...").
_SENTENCE_BEFORE = re.compile(r"(?:[.!?]|\"\s*(?:-|:))\s+$")  # the text is normalised: straight quotes, "-"
_SENTENCE_FROM = re.compile(r".*?(?:[.!?]+(?=\s|$)|$)")


# A key to the site's stars on one line, no rating of this film: opened by the words the
# cleaner sets such a line aside by ("How we rate: ★★★★★ Unmissable · ★★★★ Excellent",
# ``cleaning.toml``'s boilerplate named "rating_key"), or a list of star runs and their
# meanings ("★★★★ excellent; ★★★ good; ★★ fair", "★★★★★ Unmissable ★★★★ Very good ★★★ Worth a look").
_SITE_KEY = "|".join(f"(?:{b['pattern']})" for b in load_resource("cleaning.toml")["boilerplate"]
                     if b.get("name") == "rating_key") or "(?!)"  # a file without it: no key by words
_RATING_KEY = re.compile(
    rf"(?:{_SITE_KEY})"
    # (each entry atomic: its words and the separator after it can be split in many ways, and
    # a line of many star runs would try them all)
    rf"|(?>[{FULL_STARS}*]{{1,5}}\s*[^{FULL_STARS}*\n\d]{{2,30}}?(?:[;,·|]\s*|\s+(?=[{FULL_STARS}*]))){{2,}}"
    rf"[{FULL_STARS}*]{{1,5}}\s*[A-Za-z]", re.I)
# A site's own glyph, from one to five of it, each with its word: "⛵ sunk · ⛵⛵ adrift · ...".
_GLYPH_KEY = re.compile(rf"(?:(?P<glyph>{_GLYPH})\ufe0f?(?:(?P=glyph)\ufe0f?){{0,4}}\s+[a-z][^·|;\n]{{1,30}}?\s*[·|;]\s*){{2,}}"
                        rf"(?P=glyph)")
_KEY_SEPARATOR = re.compile(r"[·|;]")
# Keys in entries of words or of a site's glyphs are short lines: a paragraph is not tried.
_KEY_CHARS = 400


# The key's entries as the cleaner counts them (``cleaning.toml``'s [rating_legend]): "4 stars,
# superb; 3 stars, solid", "A - see it now. B - worth a ticket". Every entry has one of
# these signs: most lines are ruled out without the pattern.
_LEGEND_SIGN = re.compile(r"[=*]|stars?(?:[:,]|\s+(?:is|are|means?)\b)|\w{3}s:|(?-i:[\dA-F])[+-]?\s+-|\d%", re.I)
_LEGEND = load_resource("cleaning.toml")["rating_legend"]
LEGEND_ENTRY = re.compile(_LEGEND["entry"])
LEGEND_MIN_ENTRIES = int(_LEGEND["min_entries"])


def legend_entries(line: str) -> int:
    """How many entries of a key to a rating scale the line holds."""
    return len(LEGEND_ENTRY.findall(line)) if _LEGEND_SIGN.search(line) else 0


def is_rating_key(line: str) -> bool:
    """Is the line a key to the site's or the critic's ratings (``_RATING_KEY``; on a short
    line, a key in the site's glyphs or entries of [rating_legend])?"""
    if _RATING_KEY.search(line):
        return True
    return len(line) <= _KEY_CHARS and (
        (_KEY_SEPARATOR.search(line) is not None and _GLYPH_KEY.search(line) is not None)
        or legend_entries(line) >= LEGEND_MIN_ENTRIES)


# Readers' comments under the review: a score in a comment is a reader's ("9/10 and I
# don't give those out"). Their heading is the one the cleaner sets them aside by
# (``cleaning.toml``'s [comments]); as there, only below a few lines of prose, since a
# counter beside the byline ("By Jo Lin · 4 comments") heads no comments. Below it, only a
# line that is a rating of its own counts (a newsletter's "31 comments" counter, then
# "Nightjar:" and "****" on lines of their own). So below a heading over links to other
# articles ("Read next", ``cleaning.toml``'s [link_lists]), for its run of short lines: a
# headline there may give another film's stars.
_COMMENTS_HEADING = re.compile(load_resource("cleaning.toml")["comments"]["heading"], re.I)
_LINKS_HEADING = re.compile(load_resource("cleaning.toml")["link_lists"]["heading"], re.I)
_LINK_MAX_WORDS = load_resource("cleaning.toml")["link_lists"]["max_words"]
_ANOTHER_POST = re.compile(load_resource("cleaning.toml")["link_lists"]["another_post"], re.I)
_PROSE_LINES_BEFORE_COMMENTS = 2
_PROSE_LINE_WORDS = 12
_RATING_LINE_WORDS = 3


def _outside_comments_and_links(lines: list[re.Match]) -> list[re.Match]:
    """The lines that are no reader's comment and no link to another article (a headline
    under "Read next" may give another film's stars)."""
    prose, kept, in_links = 0, [], False
    for i, line in enumerate(lines):
        words = len(line.group().split())
        if prose >= _PROSE_LINES_BEFORE_COMMENTS and _COMMENTS_HEADING.match(line.group()):
            return kept + [ln for ln in lines[i + 1:] if len(ln.group().split()) <= _RATING_LINE_WORDS]
        if prose >= _PROSE_LINES_BEFORE_COMMENTS and _LINKS_HEADING.match(line.group()):
            in_links = True
            continue
        in_links = in_links and words <= _LINK_MAX_WORDS
        if _ANOTHER_POST.match(line.group()):
            continue
        if not in_links or words <= _RATING_LINE_WORDS:
            kept.append(line)
        prose += words >= _PROSE_LINE_WORDS
    return kept


_RATINGS_COUNT = re.compile(r"\s*(?:[\d,.]+k?\s+(?:global\s+|customer\s+|user\s+|member\s+)?(?:ratings|reviews|votes)"
                            r"|[\d.]+\s*[km])\s*", re.I)  # "3.1K" alone under a site's average
# Members' share of each number of stars: "★★★★★ 12%   ★★★★ 27%   ★★★ 33% ...".
_STAR_SHARES = re.compile(rf"(?:[{FULL_STARS}{EMPTY_STARS}]+\s*½?\s*\d{{1,3}}(?:\.\d)?\s*%\s*){{3,}}")


def find_rating(text: str, norm: str | None = None) -> FoundRating | None:
    """The critic's own rating in a review, or None when there is none.

    A labelled rating ("Rating: ★★★½ (3.5/5)") wins, wherever it stands; otherwise the
    first star run or fraction on a short line of its own ("2.5 / 5 ✨ from the Screen
    Scribe."). Fractions in running prose ("one of 5 films") are not ratings. When stars
    and a fraction stand together, the fraction is the more precise and is preferred. A
    reader's score in the comments below the review is none, nor is another film's in a
    link to its review (``_outside_comments_and_links``).
    ``norm``: the text normalised, when it already is.
    """
    norm = normalize(text) if norm is None else norm
    first_unlabelled = None
    lines = _outside_comments_and_links(list(re.finditer(r"[^\n]+", norm)))
    keys = {i for i, line in enumerate(lines) if is_rating_key(line.group())}
    # an average over its count on the next line: "4.4 out of 5" / "1,208 global ratings"
    counted = {i for i in range(len(lines) - 1) if _RATINGS_COUNT.fullmatch(lines[i + 1].group())}
    shares = {i for i, line in enumerate(lines) if _STAR_SHARES.search(line.group())}
    other_scores = keys | counted | shares | _ranked_lines(lines) | key_entry_lines([line.group() for line in lines])
    for i, line in enumerate(lines):
        if i in other_scores:
            continue
        n_words = len(line.group().split())
        if n_words <= _STARS_FIRST_WORDS and (m := _STARS_FIRST.search(line.group())):
            start, end = line.start() + m.start(), line.start() + m.end()
            return FoundRating(Rating(text[start:end], parse_rating(m.group("value") + " stars").score), start, end)
        labelled = _critics_label(line.group())
        if not labelled and first_unlabelled:
            continue
        headline = line.start() == lines[0].start() or line.group().lstrip().startswith("#")
        if labelled or n_words <= 12:
            found = _rating_on_line(text, line, labelled) or (None if labelled else _stars_given(text, line) or (
                _grade_closing_headline(text, line) if headline else None))
        elif headline:
            found = _stars_in_headline(text, line) or _rating_in_prose(text, norm, line)
        else:
            found = _rating_in_prose(text, norm, line)
        if not found and (m := _STARS_AFTER_COLON.search(line.group())):
            start, end = line.start() + m.start("value"), line.start() + m.end("value")
            found = FoundRating(parse_rating(text[start:end]), start, end)
        if found and not labelled and _OTHERS_AFTER.match(norm, found.end):
            found = None  # others' stars: '★★★★☆ "Still worth it on a dry day." – Mike and Jan, Derby'
        if found and labelled:
            return found
        first_unlabelled = first_unlabelled or found
    if first_unlabelled and keys and (in_key := _in_key_glyphs(lines, keys, first_unlabelled)):
        return in_key
    return first_unlabelled or (_asterisks(text, lines, [lines[i] for i in sorted(keys)]) if lines else None)


_GLYPHS_OVER_SCALE = re.compile(_SYMBOLS_OVER_SCALE, re.I)
# The site's glyph over a scale written in the same glyph, anywhere: "🚐🚐🚐 out of 🚐🚐🚐🚐🚐".
_GLYPHS_OVER_GLYPHS = re.compile(
    rf"(?<![\w+])(?P<symbol>{_GLYPH})\ufe0f?(?:(?P=symbol)\ufe0f?){{0,9}}\s*(?:/|out\s+of|of)\s*"
    r"(?:(?:(?P=symbol)\ufe0f?){10}|(?:(?P=symbol)\ufe0f?){5}|(?:(?P=symbol)\ufe0f?){4})(?!(?P=symbol))", re.I)
_OVER_A_SCALE = re.compile(r"(?:/|out\s+of)\s*(?:4|5|10)\b", re.I)
_GLYPHS_ENDING = re.compile(rf"(?<![\w+])(?![+%#&=<>~])(?P<value>{_SYMBOLS_OVER_SCALE})(?=\s*(?:[.!;]|$))", re.I)  # not "8+ out of 10"


def _in_key_glyphs(lines: list[re.Match], keys: set[int], first: FoundRating) -> FoundRating | None:
    """Of several scores on their own lines ("Gore-meter: 3/5", "Brain count: 🧠🧠🧠🧠 / 5"),
    the one in the glyphs the page's key explains ("🧠 = leave it in the grave, 🧠🧠🧠🧠🧠 =
    instant cult classic"): the site's rating, the others its parts. None when the first
    found is in those glyphs or no other is."""
    glyphs = {glyph for i in keys for glyph in re.findall(_GLYPH, lines[i].group())} - {"=", "\ufe0f"}
    if not glyphs or glyphs & set(first.rating.raw):
        return None
    for i, line in enumerate(lines):
        if i in keys or len(line.group().split()) > 12:
            continue
        for m in _GLYPHS_OVER_SCALE.finditer(line.group()):
            if m.group("symbol") in glyphs and (rating := parse_rating(m.group())).score is not None:
                return FoundRating(rating, line.start() + m.start(), line.start() + m.end())
    return None


# An item of a numbered list that ends in a score: "2. Dockside Eight – 4.1/5"; or a table's
# row holding one: "| *Salt Choir* (Korea) | ★★★ 3.4 |".
_RANKED_ITEM = re.compile(r"\s*\d{1,2}[.)]\s+\S.*?\s(?:\d+(?:\.\d+)?\s*/\s*\d+|[★☆]+)\W*$"
                          rf"|\s*\|(?=[^\n]*(?:[{FULL_STARS}{EMPTY_STARS}]|\d\s*/\s*\d))[^\n]*\|\s*$")


def _ranked_lines(lines: list[re.Match]) -> set[int]:
    """Indices of the lines of a ranked list or a table of films with their scores (a
    readers' poll, a top ten, a festival panel's grid): two such items in a row are no
    critic's rating of this film."""
    items = [i for i, line in enumerate(lines) if _RANKED_ITEM.match(line.group())]
    return {i for i in items if i - 1 in items or i + 1 in items}


# A key's entry on a line of its own: "★★★★★ – cleared my schedule", "** = for fans only".
_KEY_ENTRY = re.compile(rf"[^\w{FULL_STARS}{EMPTY_STARS}*]*(?:[{FULL_STARS}{EMPTY_STARS}]{{1,5}}|\*{{1,5}})\s*½?\s*[–—=:-]\s*\w")


def key_entry_lines(lines: list[str]) -> set[int]:
    """Indices of the lines of a key to the critic's stars, one entry a line: two such
    lines in a row are no rating of this film."""
    entries = [i for i, line in enumerate(lines) if _KEY_ENTRY.match(line)]
    return {i for i in entries if i - 1 in entries or i + 1 in entries}


def _asterisks(text: str, lines: list[re.Match], keys: list[re.Match]) -> FoundRating | None:
    """Asterisks as the rating, where they are nothing else: alone on the last line
    ("****"), alone on any line with a half star ("***1/2": a scene break has none), alone
    on any line of a page whose key rates in asterisks ("How I rate: ***** essential ·
    **** strong..."), or after the film's name on a short line above the review's prose
    ("The Lantern ****", under the masthead and "FILM OF THE WEEK")."""
    # the key's longest run is the top of its scale ("***** essential": out of five)
    key_scale = max((len(run) for key in keys for run in re.findall(r"\*+", key.group())), default=0)
    for line in [lines[-1], *(ln for ln in lines if key_scale or _HALF_ASTERISKS_LINE.fullmatch(ln.group()))]:
        if not _ASTERISKS_LINE.fullmatch(line.group()):
            continue
        raw = line.group().strip()
        stars = raw.count("*") + (0.5 if raw[-1] != "*" else 0.0)
        rating = _fraction(stars, key_scale, raw) if key_scale >= stars else parse_rating(line.group())
        if rating.score is not None:
            return FoundRating(rating, line.start(), line.end())
    for line in lines:
        if len(line.group().split()) > 12:
            break  # the review's prose has begun
        if m := _ASTERISKS_AFTER_TITLE.fullmatch(line.group()):
            start, end = line.start() + m.start("value"), line.start() + m.end("value")
            if (rating := parse_rating(text[start:end])).score is not None:
                return FoundRating(rating, start, end)
    return None


# Stars in words after a heading's colon ("## Harbour Lights: four stars, and I'll argue ..."),
# or after "review:" ("Harbour Lights review: Three stars, and a ferry drama that stays afloat").
_STARS_AFTER_COLON = re.compile(
    rf"(?:^\W*#+\s+[^:\n]{{1,80}}|\breview):\s+(?P<value>(?:{_NUMBER_WORD}(?:\s+and\s+a\s+half)?|\d(?:\.5|½)?)\s+stars?"
    rf"(?:\s*\(?\s*(?:out\s+of|of)\s+{_STAR_SCALE}\b\s*\)?)?)\b", re.I)
# A run of star glyphs in a long headline ("# Paper Kites ✪✪✪ — a village musical ...").
_HEADLINE_STARS = re.compile(rf"(?<![{FULL_STARS}{EMPTY_STARS}])[{FULL_STARS}]{{2,5}}[{EMPTY_STARS}]*½?(?![{FULL_STARS}{EMPTY_STARS}])")


def _stars_in_headline(text: str, line: re.Match) -> FoundRating | None:
    """A run of two or more star glyphs in a long first line or Markdown heading."""
    if not (m := _HEADLINE_STARS.search(line.group())) or _OTHERS.search(line.group(), 0, m.start()):
        return None
    start, end = line.start() + m.start(), line.start() + m.end()
    rating = parse_rating(text[start:end])
    return FoundRating(rating, start, end) if rating.score is not None else None


# A grade in brackets closing a headline: "## Harbour Lights [C-]", "Harbour Lights (B+)".
_GRADE_CLOSING = re.compile(r"\s(?:\[(?P<grade>[A-D][+-]?|F)\]|\((?P<signed>[A-D][+-])\))[*_\s]*$")


def _grade_closing_headline(text: str, line: re.Match) -> FoundRating | None:
    if not (m := _GRADE_CLOSING.search(line.group())):
        return None
    group = "grade" if m.group("grade") else "signed"
    start, end = line.start() + m.start(group), line.start() + m.end(group)
    return FoundRating(parse_rating(text[start:end]), start, end)


def _critics_label(line: str) -> re.Match | None:
    """The first labelled rating on a line that is not a rating of others ("Audience
    score")."""
    m = _LABELLED.search(line)
    while m and _OTHERS.search(line, 0, m.start()):
        m = _LABELLED.search(line, m.end())
    return m


def _stars_given(text: str, line: re.Match) -> FoundRating | None:
    """Stars in words the critic gives in a sentence (``_GIVEN_STARS``, ``_EARNED_STARS``)."""
    body = line.group()
    if not _STARS_WORD.search(body) or not (
            m := _GIVEN_STARS.search(body) or _EARNED_STARS.search(body) or _STARS_GIVING.search(body)):
        return None
    start, end = line.start() + m.start("value"), line.start() + m.end("value")
    return FoundRating(parse_rating(text[start:end]), start, end)


def _rating_in_prose(text: str, norm: str, line: re.Match) -> FoundRating | None:
    """In a long line: a letter grade the critic gives ("a solid B from me."), a short
    sentence that is a rating of its own, or a form no prose means otherwise
    (``_IN_PROSE``). Every other such rating has a digit or a star glyph: most lines of
    prose are passed over on that alone."""
    body = line.group()
    for m in _GRADE_GIVEN.finditer(body):
        from_this = _FROM_THIS.match(body, m.end())
        if (_GIVEN_BEFORE.search(body, max(0, m.start() - _LEAD_CHARS), m.start()) and not from_this
                or (from_this or _FROM_ME.match(body, m.end())) and _GRADE_OPENS_SENTENCE.search(body, 0, m.start())):
            start, end = line.start() + m.start(), line.start() + m.end()
            return FoundRating(parse_rating(text[start:end]), start, end)
    if found := _stars_given(text, line):
        return found
    if found := _score_said(text, line):
        return found
    spelled = _SPELLED_SCALE.search(body)
    if not spelled and not _DIGIT_OR_STAR.search(body):
        return None
    candidates = list(_UNLABELLED.finditer(body)) if _SCALE_HINT.search(body) else []
    if spelled:
        candidates += _WORD_STARS.finditer(body)
    for m in candidates:
        before = max(0, m.start() - _LEAD_CHARS)  # only the words just before it
        after = m.start() + len(m.group().rstrip())
        given = m.start() and (
            _GIVEN_BEFORE.search(body, before, m.start()) and not _OTHERS_GAVE.search(body, before, m.start())
            or (_SAID_BEFORE.search(body, before, m.start()) and _SAID_AFTER.match(body, after))
            or _SENTENCE_BEFORE.search(body, before, m.start()) and _FROM_ME.match(body, after)
            or _FOR_THE_FILM.search(body, before, m.start())
            or _IS_A_BEFORE.search(body, before, m.start()) and _FOR_ME.match(body, after))
        if m.start() and not (given or _SENTENCE_BEFORE.search(body, before, m.start())):
            continue  # not where a sentence starts, nor given ("I give it a rare 8.5 out of 10")
        if given:
            # given, whatever the sentence goes on to say ("I'd give it a seven out of ten, and ...")
            start, end = line.start() + m.start(), line.start() + len(m.group().rstrip()) + m.start()
            if (rating := parse_rating(text[start:end])).score is not None:
                return FoundRating(rating, start, end)
        sentence = _SENTENCE_FROM.match(body, m.start()).group()
        # (a note in brackets after it is no prose: "2 out of 5 lighthouses (a generous one
        # for the sea, and one for the cat)")
        if len(_BRACKETED.sub("", sentence).split()) <= 12:
            start = line.start() + m.start()
            if found := _rating_on_line(text, _WHOLE.match(norm, start, start + len(sentence)), None):
                return found
    if m := _TITLE_THEN_STARS.match(body):
        start, end = line.start() + m.start("value"), line.start() + m.end("value")
        return FoundRating(parse_rating(text[start:end].rstrip()), start, end)
    for m in _IN_PROSE.finditer(body) if _STARS_HINT.search(body) else ():
        start, end = line.start() + m.start("value"), line.start() + m.end("value")
        rating = parse_rating(text[start:end].rstrip())
        if rating.score is not None:
            return FoundRating(rating, start, end)
    if found := _glyphs_over_glyphs(text, line):
        return found
    for m in _GLYPHS_ENDING.finditer(body) if _OVER_A_SCALE.search(body) else ():
        # the site's glyphs over its scale, ending a sentence: "... a safe rerun. 🚀🚀🚀🚀 out of 5."
        start, end = line.start() + m.start(), line.start() + m.end("value")
        if (rating := parse_rating(text[start:end])).score is not None:
            return FoundRating(rating, start, end)
    for m in _BRACKETED_FRACTION.finditer(body) if "(" in body else ():
        start, end = line.start() + m.start("value"), line.start() + m.end("value")
        if (rating := parse_rating(text[start:end])).score is not None:
            return FoundRating(rating, start, end)
    if _DECIMAL.search(body) and (m := _DECIMAL_GIVEN.search(body)):
        start = line.start() + m.start("decimal")
        return FoundRating(_fraction(float(m.group("decimal")), 10.0, text[start:start + 3]), start, start + 3)
    return None


_WHOLE = re.compile(r".+")
_BRACKETED = re.compile(r"\([^()]*\)")
_LEAD_CHARS = 80
_SPELLED_SCALE = re.compile(r"\bout\s+of\s+(?:four|five|ten)\b", re.I)
_GIVEN_BEFORE = re.compile(rf"\b{RATING_LEAD.pattern}\s+$", re.I)
# A score said aloud, where it ends its clause: "I'll say six out of ten, and a ten for the
# lead" (not "I'd say nine out of ten viewers will love it").
# A score out of ten said aloud, with no scale but a number only ten can hold, ending its
# clause: "I'm going to say a solid seven.", "I'd give it a generous eight, ..." (not "a
# solid three": out of five or of ten?; nor "I'd give it a seven-minute trim").
_SCORE_SAID = re.compile(
    r"\b(?:i|we)(?:'m|’m|\s+am|'re|’re|\s+are)?(?:'ll|’ll|'d|’d|\s+will|\s+would|\s+going\s+to)?\s+"
    r"(?:say|give\s+it|go\s+with|call\s+it)\s+(?P<value>an?\s+(?:(?:solid|strong|generous|good|firm|high|low|shaky|"
    r"wobbly|very|grudging)\s+)*(?P<n>six|seven|eight|nine|ten)(?P<half>\s+and\s+a\s+half)?)(?=\s*(?:[.,;!?]|$))", re.I)
_SAID_BEFORE = re.compile(r"\b(?:i|we)(?:'ll|’ll|'d|’d|\s+will|\s+would)\s+(?:say|call\s+it|go\s+with)\s+(?:an?\s+)?$", re.I)
_SAID_AFTER = re.compile(r"\s*(?:[,.;!?]|$)")
# A score that opens its sentence and is the critic's: "8 out of 10 from me, and I'd gladly see it again".
_FROM_ME = re.compile(r"\s*from\s+(?:me|us)\b", re.I)
# "<the film> is a seven out of ten for me"; "For Harbour Lights, six out of ten, maybe."
_IS_A_BEFORE = re.compile(r"\b(?:is|'s|’s)\s+an?\s+$", re.I)
_FOR_ME = re.compile(r"\s*(?:for|from)\s+(?:me|us)\b", re.I)
_FOR_THE_FILM = re.compile(r"(?:^|[.!?]\s+)for\s+(?:me|us|it|this\s+one|the\s+(?:film|movie)"
                           r"|[*_\"“‘]?(?-i:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})[*_\"”’]?),\s+(?:an?\s+)?$", re.I)
# Others who gave it their score: "her nephews gave it nine out of ten" is no critic's.
_OTHERS_GAVE = re.compile(r"\b(?:they|he|she|you|people|everyone|everybody|someone|somebody|audiences?|kids|"
                          r"children|grandchildren|nephews?|nieces?|sons?|daughters?|wife|husband|partner|family|"
                          r"friends?|readers|listeners|viewers|critics)\s+(?:all\s+|both\s+)?"
                          r"(?:gave|give|rated|scored|awarded)\b[^.!?]*$", re.I)
# A letter grade given in a sentence ("This one's a solid B from me.", "I'd give it a C+.",
# "I'd give it a B plus, maybe more"), or opening one with who gives it ("A C+ from this
# reviewer.").
_GRADE_GIVEN = re.compile(r"(?<![\w'’-])(?:[A-D](?:(?:\s+|-)(?:plus|minus)\b|[+-])?|F)(?![\w+-])"
                          r"(?=\s+from\s+(?:me|us|this\s+\w+)\b|\s*[.!,;](?:\s|$))")
_GRADE_OPENS_SENTENCE = re.compile(r"(?:^|[.!?]\s+)an?\s+(?:(?:solid|strong|generous|firm|shaky|grudging)\s+)?$",
                                   re.I)
# who gives it, named after it: a grade opening its sentence is the critic's ("A C+ from this
# reviewer."), one after "gets" is another's ("She gets an A from this critic for effort")
_FROM_THIS = re.compile(r"\s+from\s+this\s+\w+")
# Stars in words the critic gives in a sentence: given by "I" or "we" ("I'd give it four
# stars", "I'm giving it two and a half stars and a strong recommendation"), or earned by
# the film where a sentence's rating ends ("On balance it earns three stars from me - plus a
# cheer for..."); not another's ("I can't believe Ebert gave it four stars", "only the music
# kept him from giving it zero stars"), nor a cast ("it gets two stars from the first film").
_STARS_IN_WORDS_VALUE = rf"(?P<value>{_NUMBER_WORD}(?:\s+and\s+a\s+half)?\s+stars?)\b"
_GIVEN_STARS = re.compile(
    r"\b(?:i|we)(?:(?:'d|’d|'ll|’ll|'m\s+(?:gonna|going\s+to)|\s+would|\s+will|\s+am\s+going\s+to)?\s+"
    r"(?:give|gave|award|awarded|rate|rated)(?:\s+(?:it|this|this\s+one|the\s+(?:film|movie)))?(?:\s+an?)?"
    r"|(?:'m|’m|'re|’re|\s+am|\s+are)\s+(?:giving|awarding)\s+(?:it|this|this\s+one|the\s+(?:film|movie)))"
    rf"\s+{_STARS_IN_WORDS_VALUE}", re.I)
_EARNED_STARS = re.compile(
    rf"\b(?:it|this(?:\s+one)?|the\s+(?:film|movie))\s+(?:earns|gets|deserves|merits)\s+{_STARS_IN_WORDS_VALUE}"
    rf"(?=\s*(?:[.,;!?()–—-]|$|from\s+(?:me|us)\b))", re.I)
# ... or named as the ones the critic is giving: "the three stars I'm giving it come easily"
_STARS_GIVING = re.compile(rf"{_STARS_IN_WORDS_VALUE}\s+(?:that\s+)?(?:i|we)(?:'m|’m|\s+am|'re|’re|\s+are)\s+"
                           r"(?:giving|awarding)\b", re.I)
_STARS_WORD = re.compile(r"\bstars?\b", re.I)
_DIGIT_OR_STAR = re.compile(rf"[\d{FULL_STARS}]")
_SCALE_HINT = re.compile(rf"\d\s*(?:/|out\s+of)|[{FULL_STARS}{EMPTY_STARS}]", re.I)
_STARS_HINT = re.compile(rf"stars\b|[{FULL_STARS}]", re.I)


def _score_said(text: str, line: re.Match) -> FoundRating | None:
    if m := _SCORE_SAID.search(line.group()):
        start, end = line.start() + m.start("value"), line.start() + m.end("value")
        n = _NUMBER_WORDS[m.group("n").lower()] + (0.5 if m.group("half") else 0.0)
        return FoundRating(_fraction(n, 10.0, text[start:end]), start, end)
    return None


def _glyphs_over_glyphs(text: str, line: re.Match) -> FoundRating | None:
    for m in _GLYPHS_OVER_GLYPHS.finditer(line.group()):
        start, end = line.start() + m.start(), line.start() + m.end()
        if (rating := parse_rating(text[start:end])).score is not None:
            return FoundRating(rating, start, end)
    return None


# Stars framing words, as decoration: "★ STAFF PICK ★".
_FRAMED = re.compile(rf"\s*(?P<glyphs>[{FULL_STARS}{EMPTY_STARS}]+)[^{FULL_STARS}{EMPTY_STARS}\d]*[^\W\d_]"
                     rf"[^{FULL_STARS}{EMPTY_STARS}\d]*(?P=glyphs)\s*")


def _others_label_above(text: str, at: int) -> bool:
    """Does a rating opening its line at ``at`` stand under others' label closing the line
    above ("Members' vote:" over "8.4 out of 10.")?"""
    line_start = text.rfind("\n", 0, at) + 1
    if not line_start or text[line_start:at].strip():
        return False
    above = text[text.rfind("\n", 0, line_start - 1) + 1:line_start].rstrip()
    return above.endswith(":") and bool(_OTHERS.search(above))


def _rating_on_line(text: str, line: re.Match, labelled: re.Match | None) -> FoundRating | None:
    body = line.group()
    if _FRAMED.fullmatch(body):
        return None
    candidates: list[FoundRating] = []
    for m in _UNLABELLED.finditer(body):
        if ((not labelled and _DATE_BEFORE.search(body, 0, m.start("value"))) or _OTHERS.search(body, 0, m.start("value"))
                or _OTHERS_AFTER.match(body, m.end()) or _others_label_above(text, line.start() + m.start("value"))):
            continue
        start, end = line.start() + m.start("value"), line.start() + m.end()
        rating = parse_rating(text[start:end].rstrip())
        if rating.score is not None:
            candidates.append(FoundRating(rating, start, start + len(rating.raw)))
    for m in _WORD_STARS.finditer(body):
        # (a unit after its scale rates only where it stands alone: not "I saw 2 of 5 films")
        stated = m.group("scale") or m.group("stars") or m.group("scale3") is not None or m.group("scale4") is not None
        if stated or (labelled and labelled.start("value") == m.start()) or _stars_alone(body, m):
            rating = parse_rating(m.group().strip())
            if rating.score is not None:
                candidates.append(FoundRating(rating, line.start() + m.start(), line.start() + m.end()))
    if not candidates and (found := _glyphs_over_glyphs(text, line) or _score_said(text, line)):
        candidates.append(found)
    given = None if labelled or candidates else _GIVEN_GRADE.fullmatch(body)
    value = labelled or given
    # (a labelled value counts beside a glyph after it: "My note: 7,5 of 10 ⭐")
    if value and not any(c.start == line.start() + value.start("value") for c in candidates) and (
            not candidates or labelled) and not _OTHERS_AFTER.match(body, value.end("value")):
        start, end = line.start() + value.start("value"), line.start() + value.end("value")
        rating = parse_rating(text[start:end])
        if rating.score is None and labelled:
            rating = _over_key_scale(text, text[start:end])
        if rating.score is not None:
            candidates.append(FoundRating(rating, start, end))
    if labelled:  # from the label on ("Original rating (2019): 2/5 — Revised rating: 4/5")
        candidates = [c for c in candidates if c.start >= line.start() + labelled.start("value")] or candidates
    # In the line's order: the critic's own score comes before a co-host's ("Sam's score:
    # six and a half out of ten. Dana's score: 8/10").
    candidates.sort(key=lambda c: c.start)
    fractions = [c for c in candidates if re.search(r"/|\bof\b", c.rating.raw)]
    best = fractions or candidates
    return best[0] if best else None


# A site's unit with no scale beside it ("3½ knots"), and the page's key that gives its scale
# ("Screen Test rates films out of 5 knots").
_UNIT_ALONE = re.compile(rf"(?P<count>{_UNIT_DIGITS})\s+(?P<unit>{_UNIT})", re.I)


def _over_key_scale(text: str, value: str) -> Rating:
    """A site's unit alone read over the scale the page's key gives it (``_UNIT_ALONE``)."""
    m = _UNIT_ALONE.fullmatch(value.strip())
    key = m and re.search(rf"\bout\s+of\s+(?P<scale>4|5|10|four|five|ten)\s+{re.escape(m['unit'])}\b", text, re.I)
    if not key:
        return Rating(value, None, "no scale")
    return Rating(value, parse_rating(f"{m['count']} out of {key['scale']}").score, "")


# A grade given in words: "I give it a B+.", "We'd rate it a C-", in a transcript after the
# speaker's name ("OKORO: I'm giving it a C-plus.")
_GIVEN_GRADE = re.compile(rf"\W*(?:(?-i:[A-Z][A-Z'’.-]+(?:\s[A-Z][A-Z'’.-]+)?):\s+)?{RATING_LEAD.pattern}"
                          rf"\s+(?P<value>{_GRADE_IN_TEXT})\W*", re.I)


def _stars_alone(line: str, m: re.Match) -> bool:
    """Stars with no stated scale are a rating when they stand alone on their line, at
    most after a lead-in ("I give it three stars."), and end their sentence."""
    if re.search(r"\(\s*$", line[:m.start()]) and re.match(r"\s*\)", line[m.end():]):
        return True  # in brackets of their own: "Harbour Lights (3 stars)"
    if re.search(r"[:|–—-]\s*$", line[:m.start()]) and re.fullmatch(r"[\s.!]*", line[m.end():]):
        return True  # ending the line after a separator: "Harbour Lights review: 4 stars"
    before = _RATING_FILL.sub(" ", line[:m.start()]).strip()
    ends_sentence = re.match(r"[*_]*\s*(?:[.!:;|–—(-]|$)", line[m.end():]) is not None  # "**Three out of five**"
    return ends_sentence and (not before or RATING_LEAD.fullmatch(before) is not None)


def rating_phrase(text: str, found: FoundRating, start: int, end: int) -> tuple[int, int]:
    """The span of a found rating with its label and decoration, inside ``[start, end)``:
    in "Great acting, weak plot. Rating: ★★★½ (3.5/5)" the part from "Rating" on."""
    left, right = found.start, found.end
    for m in _RATING_FILL.finditer(text, start, found.start):
        if m.end() == found.start:
            left = m.start()
    if m := _RATING_FILL.match(text, found.end, end):
        right = m.end()
    return left, right
