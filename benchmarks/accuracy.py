"""Accuracy of the dashboard's analysis on public labelled film-review data (test splits).

Usage::

    python benchmarks/accuracy.py [BENCHDATA_DIR] [--scorer critic|textblob|both] [--fraction F]

BENCHDATA_DIR defaults to ../shared/benchdata next to the repository. Every number comes
from the same code path as the CLI: ``dashboard.engine.pipeline.analyze_sources`` over
``dashboard.reading.ingest.ReviewSource`` objects, read back from the ``reviews`` and ``mentions``
tables. Only ``test`` splits are scored (the scorer was trained and tuned on ``dev``).

Rows of the printed table (critic and textblob side by side):

* rt_sentence_polarity: accuracy of sign(inferred_score - 50) per snippet (no score = wrong);
* pang_lee_scale: Pearson and MAE of inferred_score/100 against the critic's rating, overall
  and per critic (a review with no score counts as 0.5 for the MAE and Pearson);
* rt_critic_snippets: balanced accuracy of fresh/rotten from the quote (fresh: an inferred
  score at or above the fresh line, the cut of the critics' own ratings that best separates
  fresh from rotten on the dev quotes: 60, i.e. 3/5; no score = rotten); and the explicit
  rating parser (``dashboard.text.ratings.parse_rating``) on the raw score strings: share parsed,
  and share agreeing (within 0.5 points) with the value implied by the string's own scale
  (x/y fractions and letter grades on Metacritic's table; bare numbers have no stated scale
  and are only counted as parsed);
* rescore_movie_aspects: per-aspect sign accuracy of the mentions overlapping each labelled
  sentence (aspects mapped plot->story, cast->acting, cinematography->visuals,
  sound->music, length->pacing, movie->overall) and aspect recall (a mention overlapping
  the sentence carries the mapped aspect);
* throughput: scorer sentences per second (``score_many`` on the rt snippets) and pipeline
  mentions per second.
* the whole scale: the spread of the inferred scores against the ratings', the mean
  inferred score of reviews rated at least 0.9 and at most 0.2, the lowest and highest;
  whether the pull quote has the sign of the critic's rating;
* subjectivity: opinion snippets against plot-summary sentences, each a review of its own
  (opinion when the analysis finds any opinion in it);
* the development set of critics' pages (``own_pages.py``), for the critic scorer;
* sst_phrases: the sign of the inferred score of the test sentences that are not RT dev
  snippets, and the scorer's sign on the test phrases that hold a negator;
* imdb_reviews: the sign of each whole test review's inferred score against its stars;
* the highlighted words that judge, by TextBlob's and VADER's word lists, on the bundled
  film and the development pages.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np
import pandas as pd

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from train_scorer import imdb_text, read_jsonl  # noqa: E402

ASPECT_MAP = {"plot": "story", "cast": "acting", "cinematography": "visuals", "sound": "music",
              "length": "pacing", "movie": "overall"}
AUTHORS = ("Dennis Schwartz", "James Berardinelli", "Scott Renshaw", "Steve Rhodes")
LETTERS = {"A+": 100, "A": 100, "A-": 91, "B+": 83, "B": 75, "B-": 67, "C+": 58, "C": 50,
           "C-": 42, "D+": 33, "D": 25, "D-": 16, "F": 0}
_FRACTION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*/\s*(\d+(?:\.\d+)?)\s*$")
_LETTER = re.compile(r"^\s*([A-F][+-]?)\s*$", re.I)
_BARE = re.compile(r"^\s*\d+(?:\.\d+)?\s*$")


CHUNK = 200


class _Joined:
    """The tables of several ``analyze_sources`` runs, concatenated."""

    def __init__(self, parts) -> None:
        self.reviews = pd.concat([p.reviews for p in parts], ignore_index=True)
        self.mentions = pd.concat([p.mentions for p in parts], ignore_index=True)
        self.aspects = pd.concat([p.aspects for p in parts], ignore_index=True)


def analyze(texts: list[str], scorer: str):
    """Run the pipeline on the texts, in chunks of unrelated reviews (each call analyses
    reviews as if of one film; the benchmark sets mix hundreds of films, and the run time
    of one call grows faster than linearly with the number of reviews)."""
    from dashboard.records import ReviewSource
    from dashboard.engine.pipeline import analyze_sources

    sources = [ReviewSource(review_id=f"r{i}", text=t) for i, t in enumerate(texts)]
    return _Joined([analyze_sources(sources[i:i + CHUNK], scorer=scorer) for i in range(0, len(sources), CHUNK)])


def inferred(analysis, n: int) -> np.ndarray:
    scores = analysis.reviews.set_index("review_id")["inferred_score"]
    return np.array([scores.get(f"r{i}", np.nan) for i in range(n)], dtype=float)


def stride(frac: float) -> int:
    """Every k-th row, so that a quick run still covers every critic and both labels."""
    return max(1, int(round(1.0 / max(frac, 1e-6))))


def side_of_50(scores: np.ndarray) -> np.ndarray:
    """1 above 50, 0 below, -1 (wrong whatever the label) for no score or exactly 50."""
    return np.where(np.isnan(scores) | (scores == 50), -1, np.where(scores > 50, 1, 0))


def bal_acc(pred_pos: np.ndarray, y: np.ndarray) -> float:
    return 0.5 * (pred_pos[y == 1].mean() + (~pred_pos[y == 0]).mean())


# ---------------------------------------------------------------------------------------
def bench_rt_sentences(data: Path, scorer: str, frac: float) -> dict:
    df = pd.read_csv(data / "rt_sentence_polarity" / "test.tsv", sep="\t", keep_default_na=False)
    df = df.iloc[::stride(frac)]
    a = analyze(list(df["text"]), scorer)
    s = inferred(a, len(df))
    y = df["label"].to_numpy()
    pred = side_of_50(s)
    return {"rt_sentence acc": (pred == y).mean(), "rt_sentence n": len(df),
            "rt_sentence no score": float(np.isnan(s).mean())}


def bench_scale(data: Path, scorer: str, frac: float) -> dict:
    rows = read_jsonl(data / "pang_lee_scale" / "test.jsonl.gz")
    rows = rows[::stride(frac)]
    t0 = time.time()
    a = analyze([r["review"] for r in rows], scorer)
    elapsed = time.time() - t0
    s = inferred(a, len(rows)) / 100.0
    s = np.where(np.isnan(s), 0.5, s)
    y = np.array([r["rating"] for r in rows])
    author = np.array([r["author"] for r in rows])
    out = {"scale n": len(rows), "scale pearson": np.corrcoef(s, y)[0, 1], "scale MAE": np.abs(s - y).mean()}
    for au in AUTHORS:
        m = author == au
        if m.sum() > 2:
            out[f"scale pearson {au}"] = np.corrcoef(s[m], y[m])[0, 1]
            out[f"scale MAE {au}"] = np.abs(s[m] - y[m]).mean()
    # The whole scale: inferred scores should spread as the critics' ratings do.
    out["scale sd ratio (inferred / ratings)"] = s.std() / y.std()
    out["scale inferred mean, rated >= 0.9"] = 100 * s[y >= 0.9].mean()
    out["scale inferred mean, rated <= 0.2"] = 100 * s[y <= 0.2].mean()
    out["scale lowest / highest inferred"] = f"{100 * s.min():.0f} / {100 * s.max():.0f}"
    # The pull quote is a verdict: an opinion whose sign is the critic's rating's.
    opinions = a.mentions[a.mentions["opinion"]].drop_duplicates("mention_id")
    polarity = opinions.groupby(["review_id", "sentence_start"])["polarity"].mean()
    reviews = a.reviews.set_index("review_id")
    agree = []
    for i, rating in enumerate(y):
        rid = f"r{i}"
        if rating == 0.5 or rid not in reviews.index or reviews.at[rid, "pull_quote_start"] < 0:
            continue
        quote = polarity.get((rid, int(reviews.at[rid, "pull_quote_start"])), 0.0)
        agree.append(np.sign(quote) == np.sign(rating - 0.5))
    out["scale pull quote has the rating's sign"] = float(np.mean(agree)) if agree else float("nan")
    mentions = a.mentions.drop_duplicates("mention_id")
    out["pipeline mentions/s"] = len(mentions) / elapsed
    return out


def bench_subjectivity(data: Path, scorer: str, frac: float) -> dict:
    """Opinion or plot-summary sentence, each a review of its own: opinion when the
    analysis finds any opinion in it."""
    df = pd.read_csv(data / "subjectivity" / "test.tsv", sep="\t", keep_default_na=False)
    df = df.iloc[::stride(frac)]
    a = analyze(list(df["text"]), scorer)
    counts = a.reviews.set_index("review_id")["mentions"]
    opinion = np.array([counts.get(f"r{i}", 0) > 0 for i in range(len(df))])
    return {"subjectivity acc (opinion = any opinion found)": float((opinion == (df["label"].to_numpy() == 1)).mean())}


def bench_own_pages(data: Path, scorer: str, frac: float) -> dict:
    """The development set of critics' pages (``own_pages.py``), for the critic scorer."""
    import own_pages

    labels = own_pages.load_labels()
    return {f"own pages: {k}": v for k, v in own_pages.measure(labels, own_pages.analyse(labels)).items()}


def reference_score(raw: str):
    """The value a rating string states on its own scale, or None when it states none."""
    if m := _FRACTION.match(raw):
        num, den = float(m.group(1)), float(m.group(2))
        return 100.0 * num / den if 0 < den and num <= den else "invalid"
    if m := _LETTER.match(raw):
        grade = m.group(1).upper()
        return float(LETTERS.get(grade, LETTERS[grade[0]]))  # "F+" (dev) is worth its letter
    return None


def bench_snippets(data: Path, scorer: str, frac: float) -> dict:
    df = pd.read_csv(data / "rt_critic_snippets" / "test.tsv.gz", sep="\t", keep_default_na=False, dtype=str)
    df = df.iloc[::stride(frac)]
    a = analyze(list(df["review"]), scorer)
    s = inferred(a, len(df))
    y = (df["fresh"] == "fresh").to_numpy().astype(int)
    line = fresh_line(data)
    # A quote with no score counts as rotten.
    return {"snippets bal_acc": bal_acc(np.nan_to_num(s, nan=-1.0) >= line, y), "snippets n": len(df),
            "snippets fresh line (dev ratings)": line}


def fresh_line(data: Path) -> float:
    """Where "fresh" starts on the 0-100 rating scale: the cut of the critics' own ratings
    (``parse_rating``) that best separates fresh from rotten on the dev quotes. The
    inferred score estimates that rating, so a quote is called fresh at or above it."""
    from dashboard.text.ratings import parse_rating

    df = pd.read_csv(data / "rt_critic_snippets" / "dev.tsv.gz", sep="\t", keep_default_na=False, dtype=str)
    pairs = [(parse_rating(r).score, f == "fresh") for r, f in zip(df["rating"], df["fresh"]) if r.strip()]
    scores = np.array([p for p, _ in pairs if p is not None], dtype=float)
    fresh = np.array([f for p, f in pairs if p is not None], dtype=int)
    return max(range(30, 80, 5), key=lambda cut: (bal_acc(scores >= cut, fresh), -abs(cut - 50)))


def bench_rating_parser(data: Path) -> dict:
    from dashboard.text.ratings import parse_rating

    df = pd.read_csv(data / "rt_critic_snippets" / "test.tsv.gz", sep="\t", keep_default_na=False, dtype=str)
    raw = [r for r in df["rating"] if r.strip()]
    parseable = parsed = agree = wrong = bare = bare_parsed = invalid = invalid_accepted = 0
    wrong_examples: list[str] = []
    for r in raw:
        ref = reference_score(r)
        got = parse_rating(r).score
        if ref == "invalid":
            invalid += 1
            invalid_accepted += got is not None
            continue
        if ref is None:
            if _BARE.match(r):
                bare += 1
                bare_parsed += got is not None
            continue
        parseable += 1
        if got is not None:
            parsed += 1
            if abs(got - ref) <= 0.5:
                agree += 1
            else:
                wrong += 1
                if len(wrong_examples) < 5:
                    wrong_examples.append(f"{r}->{got}")
    return {
        "ratings non-empty": len(raw), "ratings parseable (x/y, letter)": parseable,
        "ratings parsed share": parsed / max(parseable, 1), "ratings agree share": agree / max(parseable, 1),
        "ratings wrong": wrong, "ratings wrong examples": ", ".join(wrong_examples),
        "ratings bare numbers parsed": f"{bare_parsed}/{bare}",
        "ratings impossible fractions accepted": f"{invalid_accepted}/{invalid}",
    }


def bench_rescore(data: Path, scorer: str, split: str = "test") -> dict:
    rows = read_jsonl(data / "rescore_movie_aspects" / f"{split}.jsonl")
    a = analyze([r["body"] for r in rows], scorer)
    mentions = a.mentions
    per_aspect: dict[str, list[int]] = {}
    recall: list[int] = []
    for i, r in enumerate(rows):
        body = r["body"]
        ms = mentions[mentions["review_id"] == f"r{i}"]
        cursor = 0
        for sent in r["annotated_sentences"]:
            start = body.find(sent["text"], cursor)
            if start < 0:
                start = body.find(sent["text"])
            if start < 0:
                continue
            end = start + len(sent["text"])
            cursor = end
            over = ms[(ms["start"] < end) & (ms["end"] > start)]
            for name, lab in (sent.get("aspects") or {}).items():
                target = ASPECT_MAP.get(name)
                try:
                    gold = int(str(lab.get("score", "")).strip())
                except ValueError:
                    continue
                if target is None:
                    continue
                hit = over[over["aspect"] == target]
                recall.append(int(len(hit) > 0))
                if gold == 0:
                    continue
                # polarity of the mentions carrying the aspect, else of the whole sentence
                src = hit if len(hit) else over.drop_duplicates("mention_id")
                pol = src["polarity"].astype(float).mean() if len(src) else 0.0
                ok = int(np.sign(pol) == np.sign(gold))
                per_aspect.setdefault(target, []).append(ok)
    out = {"rescore sign acc": np.mean([v for vs in per_aspect.values() for v in vs]),
           "rescore labels": sum(len(v) for v in per_aspect.values()),
           "rescore aspect recall": np.mean(recall)}
    for asp, vs in sorted(per_aspect.items()):
        out[f"rescore sign acc {asp} (n={len(vs)})"] = np.mean(vs)
    return out


def bench_throughput(data: Path, scorer: str) -> dict:
    from dashboard.engine.polarity import get_scorer

    df = pd.read_csv(data / "rt_sentence_polarity" / "test.tsv", sep="\t", keep_default_na=False)
    texts = list(df["text"])
    sc = get_scorer(scorer)
    sc.score_many(texts[:50])
    t0 = time.time()
    sc.score_many(texts)
    return {"scorer sentences/s": len(texts) / (time.time() - t0)}


def bench_sst_sentences(data: Path, scorer: str, frac: float) -> dict:
    """SST test sentences (non-neutral roots) that are not rt dev snippets: accuracy of
    sign(inferred_score - 50), each sentence a review of its own (no score = wrong)."""
    import sst

    trees = [t for t in sst.test_sentences(data) if t["root"] != 2][::stride(frac)]
    s = inferred(analyze([t["text"] for t in trees], scorer), len(trees))
    y = np.array([int(t["root"] > 2) for t in trees])
    pred = side_of_50(s)
    return {"sst sentences acc": (pred == y).mean(), "sst sentences n": len(trees)}


def bench_sst_negators(data: Path, scorer: str, frac: float) -> dict:
    """The distinct non-neutral phrases of those SST test trees (sentences included) that
    hold a negator (``sst.NEGATORS`` or a word ending in "n't"): sign of the scorer's
    polarity (0 = wrong)."""
    import sst
    from dashboard.engine.polarity import get_scorer

    phrases: dict[str, int] = {}
    for t in sst.test_sentences(data):
        for label, text in t["nodes"]:
            if label != 2 and sst.has_negator(text):
                phrases.setdefault(text, int(label > 2))
    texts = list(phrases)[::stride(frac)]
    pol = np.array([j.polarity for j in get_scorer(scorer).score_many(texts)])
    y = np.array([phrases[t] for t in texts])
    return {"sst negator phrases sign acc": float((np.sign(pol) == 2 * y - 1).mean()),
            "sst negator phrases n": len(texts)}


def bench_imdb(data: Path, scorer: str, frac: float) -> dict:
    """IMDb test user reviews (whole, HTML line breaks as new lines): accuracy of
    sign(inferred_score - 50) against the stars (1-4 / 7-10; no score = wrong)."""
    rows = read_jsonl(data / "imdb_reviews" / "test.jsonl.gz")[::stride(frac)]
    s = inferred(analyze([imdb_text(r["text"]) for r in rows], scorer), len(rows))
    y = np.array([r["label"] for r in rows])
    pred = side_of_50(s)
    return {"imdb acc": (pred == y).mean(), "imdb n": len(rows), "imdb no score": float(np.isnan(s).mean())}


def textblob_lexicon() -> frozenset:
    """The words of TextBlob's sentiment lexicon (``en-sentiment.xml`` of the installed
    package): an independent list of words that judge."""
    import textblob

    xml = (Path(textblob.__file__).parent / "en" / "en-sentiment.xml").read_text("utf-8")
    return frozenset(w.lower() for w in re.findall(r'<word form="([^"]+)"', xml))


def vader_lexicon() -> frozenset:
    """VADER's sentiment words, negators and boosters (``pip install vaderSentiment``;
    empty without it)."""
    try:
        from vaderSentiment import vaderSentiment as vader
    except ImportError:
        print("vaderSentiment is not installed (pip install -e \".[bench]\"): the highlighted words are "
              "measured against TextBlob's list alone", file=sys.stderr)
        return frozenset()
    return frozenset(vader.SentimentIntensityAnalyzer().lexicon) | set(vader.NEGATE) | set(vader.BOOSTER_DICT)


def bench_highlights(data: Path, scorer: str, frac: float) -> dict:
    """Of the words the pages highlight as the words behind a score (``views.key_cues`` of
    each opinion mention: what the quotes and full-review pages mark), the share that
    judge by lists made independently of this project: TextBlob's or VADER's sentiment
    words, VADER's negators and boosters (a cue of several words: any of them). On the
    bundled film and on the development pages (``benchmarks/pages``)."""
    from dashboard.engine.batch import analyze_report
    from dashboard.present.views import key_cues
    from dashboard.reading.films import load_film_info
    from dashboard.reading.ingest import read_paths

    import own_pages

    judging = textblob_lexicon() | vader_lexicon() | {"not"}
    film = REPO / "data" / "reviews" / "ballerina"
    out = {}
    for what, result in (("bundled film", analyze_report(read_paths([film]), load_film_info(film), scorer=scorer)),
                         ("pages", own_pages.analyse(own_pages.load_labels(), scorer=scorer))):
        texts = result.texts.set_index("review_id")["text"]
        opinions = result.mentions[result.mentions["opinion"]].drop_duplicates("mention_id")
        seen, hits = set(), []
        for rid, cues, polarity in zip(opinions["review_id"], opinions["cues"], opinions["polarity"]):
            for start, end, _ in key_cues(cues, polarity):
                if (rid, start, end) in seen:
                    continue
                seen.add((rid, start, end))
                words = re.findall(r"[\w'-]+", texts[rid][start:end].lower().replace("\u2019", "'"))
                hits.append(any(w in judging or w.endswith("n't") for w in words))
        out[f"highlighted words that judge ({what})"] = float(np.mean(hits)) if hits else float("nan")
        out[f"highlighted words ({what}) n"] = len(hits)
    return out


def run_scorer(args) -> dict:
    data, scorer, frac = args
    t0 = time.time()
    out: dict = {}
    for fn in (bench_throughput, bench_rt_sentences, bench_snippets, bench_rescore, bench_scale, bench_subjectivity,
               *((bench_own_pages,) if scorer == "critic" else ()),
               bench_sst_sentences, bench_imdb, bench_sst_negators, bench_highlights):
        t = time.time()
        res = fn(data, scorer) if fn in (bench_throughput, bench_rescore) else fn(data, scorer, frac)
        out.update(res)
        print(f"  [{scorer}] {fn.__name__}: {time.time() - t:.0f}s", file=sys.stderr, flush=True)
    out["seconds"] = time.time() - t0
    return out


TARGETS = {"rt_sentence acc": ">= 0.83", "scale pearson": ">= 0.75", "scale MAE": "<= 0.12",
           "snippets bal_acc": ">= 0.78", "rescore sign acc": ">= 0.85",
           "ratings parsed share": "= 1.00", "ratings wrong": "= 0",
           "subjectivity acc (opinion = any opinion found)": ">= 0.92",
           "scale sd ratio (inferred / ratings)": ">= 0.85", "scale inferred mean, rated >= 0.9": ">= 80",
           "scale inferred mean, rated <= 0.2": "<= 30", "scale pull quote has the rating's sign": ">= 0.90",
           "sst sentences acc": ">= 0.87", "imdb acc": ">= 0.88",
           "highlighted words that judge (bundled film)": ">= 0.80",
           "highlighted words that judge (pages)": ">= 0.80"}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Accuracy of the dashboard analysis on the test splits.")
    ap.add_argument("benchdata", nargs="?", default=str(REPO.parent / "shared" / "benchdata"))
    ap.add_argument("--scorer", choices=("critic", "textblob", "both"), default="both")
    ap.add_argument("--fraction", type=float, default=1.0,
                    help="use only about this fraction (every k-th row) of the big test sets (for quick runs)")
    args = ap.parse_args(argv)
    data = Path(args.benchdata)
    if not data.is_dir():
        print(f"Benchmark data not found at {data}. Pass its path: python benchmarks/accuracy.py DIR")
        return 0
    scorers = ["critic", "textblob"] if args.scorer == "both" else [args.scorer]
    t0 = time.time()
    with ProcessPoolExecutor(max_workers=min(2, len(scorers))) as pool:
        results = dict(zip(scorers, pool.map(run_scorer, [(data, s, args.fraction) for s in scorers])))
    parser = bench_rating_parser(data)

    keys = list(dict.fromkeys(k for r in results.values() for k in r))
    print(f"\n## Accuracy on the test splits{'' if args.fraction >= 1 else f' (fraction {args.fraction})'}\n")
    print("| measure | " + " | ".join(scorers) + " | target |")
    print("|---|" + "---|" * len(scorers) + "---|")
    for k in keys:
        cells = []
        for s in scorers:
            v = results[s].get(k, "")
            cells.append(f"{v:.3f}" if isinstance(v, (float, np.floating)) and abs(v) < 100
                         else f"{v:.0f}" if isinstance(v, (float, np.floating)) else str(v))
        print(f"| {k} | " + " | ".join(cells) + f" | {TARGETS.get(k, '')} |")
    for k, v in parser.items():
        cell = f"{v:.3f}" if isinstance(v, float) else str(v)
        print(f"| {k} | " + " | ".join([cell] * 1 + [""] * (len(scorers) - 1)) + f" | {TARGETS.get(k, '')} |")
    if "critic" in results and "textblob" in results:
        ratio = results["critic"]["scorer sentences/s"] / results["textblob"]["scorer sentences/s"]
        print(f"\ncritic scorer is {ratio:.1f}x the speed of TextBlob on the same sentences")
    print(f"(rating parser rows are independent of the scorer; total {time.time() - t0:.0f}s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
