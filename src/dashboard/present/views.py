"""Data prep for the pages: plain pandas in, plain pandas (or escaped HTML) out.

Nothing here imports Streamlit, so every function is testable on its own. Scores are on
the 0-100 scale of the analysis tables (50 = neutral). A missing score stays missing:
it is never shown or counted as 0 or 50.

Every string that comes from a review is escaped with ``html.escape`` before it is put
into HTML built here, and Markdown specials are neutralised by ``md_escape`` where text
goes through Markdown.
"""

from __future__ import annotations

import html
import json
import math
import re
from dataclasses import dataclass
from pathlib import PurePath

import numpy as np
import pandas as pd

from dashboard.reading.ingest import HTML_SUFFIXES, TEXT_SUFFIXES

# A mention is praise or criticism beyond the engine's own deadband.
from dashboard.engine.scores import POLARITY_DEADBAND
from dashboard.text.wording import count

# Metacritic's colour bands for 0-100 scores.
FAVOURABLE, MIXED, UNFAVOURABLE = "favourable", "mixed", "unfavourable"
BAND_WORDS = {FAVOURABLE: "Generally favourable", MIXED: "Mixed or average", UNFAVOURABLE: "Generally unfavourable"}
# Fewer reviews than this: the consensus carries a caution.
MIN_REVIEWS_FOR_CONSENSUS = 4
# Words for how far a critic's words sit from their own rating (points on 0-100).
GAP_SMALL, GAP_LARGE = 10, 20

PRAISE, CRITICISM, NEUTRAL = "praise", "criticism", "neutral"
VERDICT_LABELS = {PRAISE: "Praise", CRITICISM: "Criticism", NEUTRAL: "Neutral"}
VERDICT_SYMBOLS = {PRAISE: "▲", CRITICISM: "▼", NEUTRAL: "●"}


# ----------------------------------------------------------------------------- basics

def is_missing(value) -> bool:
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


# Metacritic's bands, best first: (band, lowest whole score, highest).
BANDS = ((FAVOURABLE, 61, 100), (MIXED, 40, 60), (UNFAVOURABLE, 0, 39))
# The bands in words, as every page states them: "61–100 favourable, 40–60 mixed, 0–39 unfavourable".
BAND_RANGES = {b: f"{lo}–{hi} {b}" for b, lo, hi in BANDS}


def band(score) -> str:
    """Metacritic band of a 0-100 score ("" when missing). Scores are rounded first,
    so 60.6 shows as 61 and is favourable, matching what the reader sees."""
    if is_missing(score):
        return ""
    s = int(math.floor(float(score) + 0.5))
    return next(b for b, lo, _ in BANDS if s >= lo)


def band_spans() -> dict[str, tuple[float, float]]:
    """Each band's stretch of a 0-100 axis, for shading a chart (edges halfway between
    whole scores: 60.6 rounds to 61)."""
    return {b: (max(0.0, lo - 0.5), min(100.0, hi + 0.5)) for b, lo, hi in BANDS}


def bands_in_words(separator: str = ", ", ascending: bool = False) -> str:
    ranges = [BAND_RANGES[b] for b, _, _ in (reversed(BANDS) if ascending else BANDS)]
    return separator.join(ranges)


def fmt_score(score) -> str:
    """A score as the reader sees it: a whole number, or an en dash when missing."""
    if is_missing(score):
        return "–"
    return str(int(math.floor(float(score) + 0.5)))


def verdict(polarity: float) -> str:
    if polarity > POLARITY_DEADBAND:
        return PRAISE
    if polarity < -POLARITY_DEADBAND:
        return CRITICISM
    return NEUTRAL


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|:$~=^&])")


# Streamlit's Markdown turns a bare web or e-mail address into a link after escapes are
# read, so no backslash stops it: an invisible word joiner inside the address does.
_AUTOLINK = re.compile(r"(?i)\b(https?|ftp|www)(?=[:.])|(?<=[\w.+-])(?=@\w)")
_WORD_JOINER = "\u2060"


def md_escape(text: str) -> str:
    """Text safe to pass through Streamlit Markdown: every Markdown special is
    backslash-escaped (links, images, emphasis, ``:red[...]`` directives, ``$math$``,
    HTML tags and entities) and bare addresses are kept from turning into links, so it
    shows literally."""
    text = _AUTOLINK.sub(lambda m: (m.group(1) or "") + _WORD_JOINER, str(text))
    return _MD_SPECIAL.sub(r"\\\1", text)


def esc(text) -> str:
    return html.escape("" if is_missing(text) else str(text), quote=True)


def safe_url(url) -> str:
    """The URL if it is a plain web address, else "" (no javascript:, data: ...)."""
    url = "" if is_missing(url) else str(url).strip()
    return url if re.match(r"^https?://[^\s<>\"']+$", url, re.I) else ""


# ----------------------------------------------------------------------------- critics

def review_labels(reviews: pd.DataFrame) -> dict[str, str]:
    """A readable name per review: outlet (and author), else title, else the name of the
    file it came from, else "Review N". Duplicates get a number so every label is unique."""
    labels: dict[str, str] = {}
    seen: dict[str, int] = {}
    for n, row in enumerate(reviews.itertuples(index=False), start=1):
        outlet = _clean(getattr(row, "outlet", ""))
        author = _clean(getattr(row, "author", ""))
        title = _clean(getattr(row, "title", ""))
        if outlet and author:
            label = f"{author} ({outlet})"
        else:
            label = outlet or author or title[:60] or file_label(getattr(row, "origin", "")) or f"Review {n}"
        seen[label] = seen.get(label, 0) + 1
        if seen[label] > 1:
            label = f"{label} #{seen[label]}"
        labels[str(row.review_id)] = label
    return labels


# A review file's own name says more than "Review 3" ("kermode_ballerina.txt" -> "kermode
# ballerina"), if it reads as words: not machine-made ("000_53a4ec30daea817b.txt"). A
# table's rows, pasted text and web addresses have no such name.
ONE_REVIEW_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES
_NAME_PART = re.compile(r"[^\W\d_]+|\d{1,4}")


def file_label(origin) -> str:
    origin = _clean(origin)
    path = PurePath(origin)
    if "://" in origin or path.suffix.lower() not in ONE_REVIEW_SUFFIXES:
        return ""
    stem = path.stem
    words = [w for w in re.split(r"[\W_]+", stem) if w]
    if not any(w.isalpha() for w in words) or not all(_NAME_PART.fullmatch(w) for w in words):
        return ""
    return " ".join(stem.replace("_", " ").split())[:60]


# The reviews table as the Your reviews page shows it: plain headers, whole numbers, "–"
# for what is missing (the CSV download keeps the table contract's own columns).
UPLOAD_SUMMARY_COLUMNS = {
    "origin": "File", "label": "Shown as", "explicit_rating": "Their rating", "explicit_score": "Rating /100",
    "inferred_score": "Words /100", "mentions": "Opinions found", "pull_quote": "Sums up their view", "note": "Note",
}


def upload_summary(reviews: pd.DataFrame) -> pd.DataFrame:
    labels = review_labels(reviews)
    table = reviews.assign(
        label=reviews["review_id"].astype(str).map(labels),
        origin=reviews["origin"].map(_clean),
        explicit_rating=reviews["explicit_rating"].map(lambda r: _clean(r) or "none given"),
        explicit_score=reviews["explicit_score"].map(fmt_score),
        inferred_score=reviews["inferred_score"].map(fmt_score),
        mentions=reviews["mentions"].fillna(0).astype(int),
        pull_quote=reviews["pull_quote"].map(_clean),
        note=reviews["note"].map(_clean),
    )
    return table[list(UPLOAD_SUMMARY_COLUMNS)].rename(columns=UPLOAD_SUMMARY_COLUMNS)


def _clean(value) -> str:
    return "" if is_missing(value) else " ".join(str(value).split())


def critic_scores(reviews: pd.DataFrame) -> pd.DataFrame:
    """One row per review: the score that stands for the critic (their own rating where
    given, else the estimate from their words) and where it came from."""
    out = pd.DataFrame({"review_id": reviews["review_id"].astype(str)})
    explicit = pd.to_numeric(reviews["explicit_score"], errors="coerce")
    inferred = pd.to_numeric(reviews["inferred_score"], errors="coerce")
    out["label"] = out["review_id"].map(review_labels(reviews))
    out["explicit_score"] = explicit.to_numpy()
    out["inferred_score"] = inferred.to_numpy()
    out["score"] = explicit.where(explicit.notna(), inferred).to_numpy()
    out["source"] = np.where(explicit.notna(), "rating", np.where(inferred.notna(), "estimate", "none"))
    return out


@dataclass
class Consensus:
    score: float          # NaN when no review has any score
    reviews: int          # reviews that back the score
    rated: int            # of which carry the critic's own rating
    estimated: int        # of which are estimated from the words
    unscored: int         # reviews with neither
    band: str
    caution: bool         # fewer than MIN_REVIEWS_FOR_CONSENSUS reviews back it

    @property
    def band_words(self) -> str:
        return BAND_WORDS.get(self.band, "No score yet")


def consensus(reviews: pd.DataFrame) -> Consensus:
    scores = critic_scores(reviews)
    backed = scores[scores["source"] != "none"]
    mean = float(backed["score"].mean()) if len(backed) else float("nan")
    return Consensus(
        score=mean,
        reviews=len(backed),
        rated=int((backed["source"] == "rating").sum()),
        estimated=int((backed["source"] == "estimate").sum()),
        unscored=int((scores["source"] == "none").sum()),
        band=band(mean),
        caution=len(backed) < MIN_REVIEWS_FOR_CONSENSUS,
    )


def gap_words(explicit, inferred) -> str:
    """What the distance between a critic's rating and their words means, in plain words."""
    if is_missing(inferred) and is_missing(explicit):
        return "Not enough opinion in this review to score it."
    if is_missing(explicit):
        return "No rating given: estimate only."
    if is_missing(inferred):
        return "Rating only: too little opinion to estimate."
    gap = float(inferred) - float(explicit)
    direction = "warmer" if gap > 0 else "cooler"
    if abs(gap) < GAP_SMALL:
        return "The words match the rating."
    if abs(gap) < GAP_LARGE:
        return f"The words read a little {direction} than the rating."
    return f"The words read much {direction} than the rating."


def rating_gaps(reviews: pd.DataFrame) -> pd.DataFrame:
    """Per review: the rating as written, its 0-100 form, the estimate, the gap and its
    meaning. Sorted by the critic's score, best first; unscored reviews last."""
    scores = critic_scores(reviews)
    out = scores[["review_id", "label", "explicit_score", "inferred_score", "score", "source"]].copy()
    raw = reviews.set_index(reviews["review_id"].astype(str))["explicit_rating"]
    out["rating_as_written"] = out["review_id"].map(raw).fillna("").astype(str)
    out["gap"] = out["inferred_score"] - out["explicit_score"]
    out["meaning"] = [gap_words(e, i) for e, i in zip(out["explicit_score"], out["inferred_score"])]
    return out.sort_values("score", ascending=False, na_position="last", kind="stable").reset_index(drop=True)


# ----------------------------------------------------------------------------- aspects

def aspect_order(aspects: pd.DataFrame, keys: list[str]) -> list[str]:
    """Taxonomy aspects that at least one review mentions, in taxonomy order."""
    present = set(aspects["aspect"]) if len(aspects) else set()
    return [k for k in keys if k in present]


def strongest_quotes(mentions: pd.DataFrame) -> pd.DataFrame:
    """Per review and aspect: the opinion mention with the largest |polarity|."""
    ops = mentions[mentions["opinion"].astype(bool) & (mentions["aspect"] != "")]
    if ops.empty:
        return pd.DataFrame(columns=["review_id", "aspect", "text", "polarity", "mention_id"])
    ops = ops.assign(strength=ops["polarity"].astype(float).abs())
    idx = ops.sort_values(["strength", "position"], ascending=[False, True], kind="stable") \
        .drop_duplicates(["review_id", "aspect"]).index
    return ops.loc[idx, ["review_id", "aspect", "text", "polarity", "mention_id"]].reset_index(drop=True)


def agreement(aspects: pd.DataFrame) -> pd.DataFrame:
    """Per aspect: how many reviews mention it, the mean score and the spread (standard
    deviation; 0 = all agree). Sorted most-agreed first."""
    if aspects.empty:
        return pd.DataFrame(columns=["aspect", "reviews", "mean", "spread"])
    g = aspects.groupby("aspect")["score"]
    out = pd.DataFrame({"reviews": g.size(), "mean": g.mean(), "spread": g.std(ddof=0).fillna(0.0)}).reset_index()
    return out.sort_values(["spread", "reviews"], ascending=[True, False], kind="stable").reset_index(drop=True)


SORTS = {
    "score": "Highest score first",
    "agreement": "Closest to the consensus first",
    "disagreement": "Furthest from the consensus first",
    "name": "By name",
}


@dataclass
class HeatmapData:
    scores: pd.DataFrame      # rows: review_id, cols: aspect keys; NaN = not mentioned
    positive: pd.DataFrame
    negative: pd.DataFrame
    mentions: pd.DataFrame
    quotes: pd.DataFrame      # strongest quote text per cell ("" = none)
    labels: list[str]         # row labels, same order as scores.index
    total_rows: int           # before paging


def heatmap_row_count(reviews: pd.DataFrame, top_bottom: int = 0) -> int:
    """How many critics the heatmap shows across its pages (to size the pager before a
    page is chosen)."""
    return len(_heatmap_order(critic_scores(reviews).set_index("review_id"), "score", top_bottom))


def _heatmap_order(scores_tbl: pd.DataFrame, sort: str, top_bottom: int) -> list:
    """Review ids in the chosen order; with ``top_bottom=k``, only the k highest- and k
    lowest-scoring critics."""
    overall = scores_tbl["score"]
    mean = overall.mean()
    if sort == "agreement":
        order = (overall - mean).abs().sort_values(na_position="last", kind="stable").index
    elif sort == "disagreement":
        order = (overall - mean).abs().sort_values(ascending=False, na_position="last", kind="stable").index
    elif sort == "name":
        order = scores_tbl["label"].str.lower().sort_values(kind="stable").index
    else:
        order = overall.sort_values(ascending=False, na_position="last", kind="stable").index
    order = list(order)
    if top_bottom and len(order) > 2 * top_bottom:
        by_score = list(overall.sort_values(ascending=False, na_position="last", kind="stable").index)
        scored = [r for r in by_score if not is_missing(overall[r])]
        keep = set(scored[:top_bottom] + scored[-top_bottom:])
        order = [r for r in order if r in keep]
    return order


def heatmap_data(reviews: pd.DataFrame, aspects: pd.DataFrame, mentions: pd.DataFrame, keys: list[str],
                 sort: str = "score", page: int = 1, per_page: int = 25, top_bottom: int = 0) -> HeatmapData:
    """Reviews × aspects for the heatmap, sorted and paged (page is 1-based). With
    ``top_bottom=k``, only the k highest- and k lowest-scoring critics are kept."""
    cols = aspect_order(aspects, keys)
    scores_tbl = critic_scores(reviews).set_index("review_id")
    order = _heatmap_order(scores_tbl, sort, top_bottom)
    total = len(order)
    page = max(1, min(page, max(1, math.ceil(total / per_page))))
    chosen = order[(page - 1) * per_page: page * per_page]

    # Only the rows on screen are reshaped: a page of a large corpus costs what a small
    # corpus does.
    values = ["score", "positive", "negative", "mentions"]
    cells = _cells(aspects, values, chosen, cols)
    quotes = _cells(strongest_quotes(mentions[mentions["review_id"].isin(chosen)]), ["text"], chosen, cols, empty="")
    return HeatmapData(
        scores=cells["score"].astype(float),
        positive=cells["positive"].astype(float),
        negative=cells["negative"].astype(float),
        mentions=cells["mentions"].astype(float),
        quotes=quotes["text"],
        labels=[str(scores_tbl.at[r, "label"]) for r in chosen],
        total_rows=total,
    )


def _cells(table: pd.DataFrame, values: list[str], rows: list, cols: list[str],
           empty: object = np.nan) -> dict[str, pd.DataFrame]:
    """Each of ``values`` of a long (review_id, aspect) table as reviews × aspects, in the
    order of ``rows`` and ``cols`` (``empty`` where the table has no row; the first row of
    a cell counts). Built in plain Python: a page holds a few hundred cells, for which
    pandas' reshaping costs more than it saves."""
    row_at = {r: i for i, r in enumerate(rows)}
    col_at = {c: j for j, c in enumerate(cols)}
    grids = {value: [[empty] * len(cols) for _ in rows] for value in values}
    columns = [(grids[value], table[value].tolist()) for value in values]
    filled: set[tuple[int, int]] = set()
    for k, (review, aspect) in enumerate(zip(table["review_id"].tolist(), table["aspect"].tolist())):
        i, j = row_at.get(review), col_at.get(aspect)
        if i is None or j is None or (i, j) in filled:
            continue
        filled.add((i, j))
        for grid, column in columns:
            grid[i][j] = column[k]
    index, header = pd.Index(rows, dtype=object), pd.Index(cols, dtype=object)
    return {value: pd.DataFrame(grid, index=index, columns=header) for value, grid in grids.items()}


def pages_needed(total: int, per_page: int) -> int:
    return max(1, math.ceil(total / max(1, per_page)))


def page_caption(page: int, per_page: int, total: int) -> str:
    """Which critics a page shows: "Critics 26–50 of 60.", "Critic 4 of 4."."""
    first, last = (page - 1) * per_page + 1, min(page * per_page, total)
    return f"Critic {first} of {total}." if first == last else f"Critics {first}–{last} of {total}."


# ----------------------------------------------------------------------------- quotes

def quotes_for(mentions: pd.DataFrame, aspect: str, review_ids: list[str] | None = None,
               include_plot: bool = False) -> pd.DataFrame:
    """Excerpts about ``aspect``, one row per mention, in reading order per review, with
    the verdict (praise/criticism/neutral) and its strength."""
    rows = mentions[mentions["aspect"] == aspect]
    if not include_plot:
        rows = rows[rows["opinion"].astype(bool)]
    if review_ids is not None:
        rows = rows[rows["review_id"].isin(review_ids)]
    rows = rows.drop_duplicates("mention_id").copy()
    rows["verdict"] = [verdict(float(p)) for p in rows["polarity"]]
    rows["strength"] = rows["polarity"].astype(float).abs()
    return rows.sort_values(["review_id", "start"], kind="stable").reset_index(drop=True)


def aspect_summary(aspects: pd.DataFrame, aspect: str) -> pd.DataFrame:
    """Per review: score, praise and criticism counts for one aspect."""
    return aspects[aspects["aspect"] == aspect].set_index("review_id")[["score", "mentions", "positive", "negative"]]


def parse_cues(cues) -> list[tuple[int, int, float]]:
    """Cues as (start, end, weight) tuples, from the JSON text of the mentions table or a list."""
    if isinstance(cues, str):
        try:
            cues = json.loads(cues or "[]")
        except ValueError:
            cues = []
    items = []
    for c in cues if isinstance(cues, (list, tuple)) else []:
        try:
            s, e, w = int(c[0]), int(c[1]), float(c[2])
        except (TypeError, ValueError, IndexError):
            continue
        if e > s:
            items.append((s, e, w))
    return items


def key_cues(cues, polarity: float, limit: int = 4, min_weight: float = 0.15) -> list[tuple[int, int, float]]:
    """The words that moved the score most, in the mention's direction (absolute offsets).
    ``cues`` is the JSON list [[start, end, weight], ...] from the mentions table."""
    items = parse_cues(cues)
    sign = 1 if polarity > POLARITY_DEADBAND else -1 if polarity < -POLARITY_DEADBAND else 0
    if sign == 0:  # a neutral remark: no word tipped the balance
        return []
    agreeing = [c for c in items if c[2] * sign > 0]
    agreeing.sort(key=lambda c: -abs(c[2]))
    strong = [c for c in agreeing if abs(c[2]) >= min_weight][:limit]
    if not strong and agreeing:
        strong = agreeing[:1]
    return sorted(strong)


def highlight_html(text: str, start: int, cues) -> str:
    """``text`` (which begins at absolute offset ``start`` of the review) as escaped HTML,
    with the cue words wrapped in ``<mark class="cue pos|neg">``."""
    text = str(text)
    out, pos = [], 0
    for s, e, w in sorted(parse_cues(cues)):
        s, e = max(s - start, 0), min(e - start, len(text))
        if s < pos or s >= e:
            continue
        out.append(esc(text[pos:s]))
        cls = "pos" if w > 0 else "neg"
        out.append(f'<mark class="cue {cls}">{esc(text[s:e])}</mark>')
        pos = e
    out.append(esc(text[pos:]))
    return "".join(out)


def context_window(text: str, start: int, end: int, width: int = 320) -> tuple[int, int]:
    """The paragraph around [start, end), trimmed to about ``width`` characters each side."""
    text = str(text)
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    right = len(text) if right < 0 else right
    left = max(left, start - width)
    right = min(right, end + width)
    # Don't cut a word in half.
    if left > 0 and left < start and not text[left - 1].isspace():
        sp = text.find(" ", left, start)
        left = sp + 1 if sp >= 0 else left
    if right < len(text) and right > end and not text[right].isspace():
        sp = text.rfind(" ", end, right)
        right = sp if sp >= 0 else right
    return left, right


def context_html(text: str, start: int, end: int, width: int = 320) -> str:
    """The sentence inside its paragraph, the sentence marked, all escaped."""
    text = str(text)
    left, right = context_window(text, start, end, width)
    pre = ("… " if left > 0 and text[left - 1] != "\n" else "") + esc(text[left:start])
    post = esc(text[end:right]) + (" …" if right < len(text) and text[right] != "\n" else "")
    return f'{pre}<mark class="ctx">{esc(text[start:end])}</mark>{post}'


# ----------------------------------------------------------------------------- full review

SET_ASIDE_WORDS = {
    "boilerplate": "Site text, not part of the review",
    "advert": "Advert",
    "metadata": "Film details",
    "rating": "The critic's own rating",
    "heading": "Heading",
}


PLOT_TITLE = "Retold plot: describes the story, not the critic's opinion of it, so it changes no score"


def highlight_caption(mentions: pd.DataFrame, aspect: str, name: str) -> str:
    """What a one-aspect highlight shows in a review, so that a reader knows to scroll (or
    that there is nothing to look for)."""
    found = mentions[mentions["opinion"].astype(bool) & (mentions["aspect"] == aspect)]["mention_id"].nunique()
    if not found:
        return f"This critic says nothing about the {name.lower()}: nothing is highlighted."
    return f"{count(found, 'opinion')} about the {name.lower()} highlighted below."


def full_review_html(text: str, mentions: pd.DataFrame, set_aside: pd.DataFrame, names: dict[str, str],
                     aspect: str | None = None) -> str:
    """The original review as escaped HTML: opinion mentions highlighted (praise/criticism
    by colour, plus a small tag naming the aspect and the verdict in words), set-aside
    text greyed with its reason, the critic's rating marked. With ``aspect``, only
    mentions of that aspect are highlighted."""
    text = str(text)
    n = len(text)
    spans: list[tuple[int, int, str, dict]] = []
    for row in set_aside.itertuples(index=False):
        s, e = int(row.start), int(row.end)
        if 0 <= s < e <= n:
            spans.append((s, e, "aside", {"kind": str(row.kind), "reason": str(row.reason)}))
    if "plot" in mentions.columns:
        plot = mentions[mentions["plot"].astype(bool)].drop_duplicates("mention_id")
        for row in plot.itertuples(index=False):
            if not aspect and 0 <= int(row.start) < int(row.end) <= n:
                spans.append((int(row.start), int(row.end), "plot", {}))
    ops = mentions[mentions["opinion"].astype(bool)]
    grouped: dict[str, dict] = {}
    for row in ops.itertuples(index=False):
        g = grouped.setdefault(row.mention_id, {"start": int(row.start), "end": int(row.end),
                                                "polarity": float(row.polarity), "aspects": [], "cues": row.cues})
        if row.aspect:
            g["aspects"].append(str(row.aspect))
    for g in grouped.values():
        if aspect and aspect not in g["aspects"]:
            continue
        if 0 <= g["start"] < g["end"] <= n:
            spans.append((g["start"], g["end"], "mention", g))
    spans.sort(key=lambda s: (s[0], -s[1]))
    out, pos = [], 0
    for s, e, kind, info in spans:
        if s < pos:  # overlaps an earlier span: skip (spans don't nest in practice)
            continue
        out.append(esc(text[pos:s]))
        if kind == "plot":
            out.append(f'<span class="plot" title="{esc(PLOT_TITLE)}">{esc(text[s:e])}</span>')
        elif kind == "aside":
            k = info["kind"]
            cls = "rating" if k == "rating" else "aside"
            kind_words = SET_ASIDE_WORDS.get(k, "Set aside")
            # the rating's reason is its kind in words: said once, not twice
            title = info["reason"] if info["reason"] == kind_words else f"{kind_words}: {info['reason']}"
            tag = "Critic's rating" if k == "rating" else f"Not scored: {info['reason']}"
            out.append(f'<span class="{cls}" title="{esc(title)}">{esc(text[s:e])}'
                       f'<span class="tag">{esc(tag)}</span></span>')
        else:
            v = verdict(info["polarity"])
            aspect_names = ", ".join(names.get(a, a) for a in info["aspects"]) or "General"
            cues = key_cues(info["cues"], info["polarity"])
            title = f"{aspect_names}: {VERDICT_LABELS[v].lower()}"
            out.append(f'<span class="m {v}" title="{esc(title)}">'
                       f'<span class="tag">{esc(aspect_names)} {VERDICT_SYMBOLS[v]} {esc(VERDICT_LABELS[v])}</span>'
                       f'{highlight_html(text[s:e], s, cues)}</span>')
        pos = e
    out.append(esc(text[pos:]))
    return "".join(out)
