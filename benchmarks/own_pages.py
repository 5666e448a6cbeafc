"""The analysis on the development set of critics' review pages (``benchmarks/pages``).

    python benchmarks/own_pages.py [--verbose] [--pages DIR]

47 pages about 14 invented films, written for this project in the shapes real critics'
pages take (furniture, bylines, rating lines, synopses; ``pages/README.md``), each labelled
with the critic's judgements (aspect and sign), the furniture and retold plot, the printed
rating, the outlet and the author. Each page is read as a user's file would be (``.txt``,
``.md``, ``.html``), reviews of one film pooled, and measured as the maintainers measure real
pages:

* furniture and plot that move no score: share of labelled set-aside items and retold-plot
  sentences that no opinion mention covers;
* judgements found with the right sign: share of labelled judgements with an opinion
  mention of that aspect over the quote whose mean polarity has the labelled sign (a
  missed aspect counts as wrong); and the same share of those found;
* printed ratings found (within a point of the label) and wrong (found where the label
  says otherwise or says none);
* inferred score against the printed rating: Pearson and mean absolute error, on 0-100;
  the lowest and highest inferred score;
* outlet and byline found, of the pages that print one;
* the pull quote is a verdict: it overlaps a labelled judgement whose sign is the printed
  rating's (above 60 praise, below 40 criticism).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
PAGES = Path(__file__).resolve().parent / "pages"
# Every labelled page written for the project: the development set and the training pages
# the learned models read.
PAGE_FOLDERS = (PAGES, PAGES.parent / "training_pages")


def load_labels(pages: Path = PAGES) -> list[dict]:
    return [json.loads(line) for line in (pages / "labels.jsonl").read_text("utf-8").splitlines() if line.strip()]


def analyse(labels: list[dict], pages: Path = PAGES, scorer: str | None = None):
    """The pages read and analysed through the app's own path; reviews of a film pooled."""
    from dashboard.engine.batch import analyze_report
    from dashboard.reading.ingest import read_bytes
    from dashboard.records import IngestReport

    report = IngestReport()
    for label in labels:
        report.extend(read_bytes((pages / label["file"]).read_bytes(), label["file"], film=label["film"]))
    return analyze_report(report, scorer=scorer) if scorer else analyze_report(report)


def _overlapping(mentions, review_id: str, start: int, end: int):
    m = mentions
    return m[(m.review_id == review_id) & (m.start < end) & (m.end > start)]


def measure(labels: list[dict], analysis, verbose: bool = False) -> dict[str, float]:
    reviews = analysis.reviews.set_index("origin")
    mentions = analysis.mentions
    opinions = mentions[mentions.opinion]
    quiet = noisy = found = right = right_of_found = judged = 0
    ratings_found = ratings_wrong = rated = 0
    inferred, printed = [], []
    outlets = outlet_pages = authors = author_pages = verdicts = verdict_pages = 0
    for label in labels:
        row = reviews.loc[label["file"]]
        rid = row["review_id"]
        text = analysis.text_of(rid)
        for quote in [s["quote"] for s in label["set_aside"]] + label["plot"]:
            start = text.find(quote)
            moved = start >= 0 and len(_overlapping(opinions, rid, start, start + len(quote)))
            noisy += bool(moved)
            quiet += not moved
            if moved and verbose:
                print(f"  moves a score: {quote[:90]!r}")
        for j in label["judgements"]:
            judged += 1
            start = text.find(j["quote"])
            hits = _overlapping(opinions, rid, start, start + len(j["quote"])) if start >= 0 else opinions[:0]
            on_aspect = hits[hits.aspect == j["aspect"]]
            if len(on_aspect):
                found += 1
                ok = (1 if on_aspect.polarity.mean() > 0 else -1) == j["sign"]
                right += ok
                right_of_found += ok
            elif verbose:
                print(f"  missed {j['aspect']} ({j['sign']:+d}), got {sorted(set(hits.aspect))}: {j['quote'][:80]!r}")
        score = row["explicit_score"]
        if label["rating_score"] is not None:
            rated += 1
            if not np.isnan(score) and abs(score - label["rating_score"]) <= 1:
                ratings_found += 1
            elif not np.isnan(score):
                ratings_wrong += 1
                if verbose:
                    print(f"  rating wrong: {row['explicit_rating']!r} = {score} for {label['rating_raw']!r}"
                          f" in {label['file']}")
            elif verbose:
                print(f"  rating not found: {label['rating_raw']!r} in {label['file']}")
            if not np.isnan(row["inferred_score"]):
                inferred.append(row["inferred_score"])
                printed.append(label["rating_score"])
            if label["rating_score"] >= 60 or label["rating_score"] <= 40:
                verdict_pages += 1
                sign = 1 if label["rating_score"] >= 60 else -1
                q0, q1 = int(row["pull_quote_start"]), int(row["pull_quote_end"])
                verdict = any(
                    j["sign"] == sign and (s := text.find(j["quote"])) >= 0 and s < q1 and s + len(j["quote"]) > q0
                    for j in label["judgements"])
                verdicts += verdict
                if verbose and not verdict:
                    print(f"  pull quote no verdict ({sign:+d}): {text[q0:q1][:90]!r} in {label['file']}")
        elif not np.isnan(score):
            ratings_wrong += 1
            if verbose:
                print(f"  rating found where none is printed: {row['explicit_rating']!r} in {label['file']}")
        if label["outlet"]:
            outlet_pages += 1
            outlet_found = label["outlet"].lower() in str(row["outlet"]).lower() or (
                bool(row["outlet"]) and str(row["outlet"]).lower() in label["outlet"].lower())
            outlets += outlet_found
            if verbose and not outlet_found:
                print(f"  outlet {label['outlet']!r}, got {row['outlet']!r} in {label['file']}")
        if label["author"]:
            author_pages += 1
            author_found = label["author"].lower() in str(row["author"]).lower()
            authors += author_found
            if verbose and not author_found:
                print(f"  byline {label['author']!r}, got {row['author']!r} in {label['file']}")
    inferred_all = analysis.reviews["inferred_score"].dropna()
    return {
        "furniture and plot moving no score": quiet / max(quiet + noisy, 1),
        "judgements found with the right sign": right / max(judged, 1),
        "sign right, of those found": right_of_found / max(found, 1),
        "printed ratings found": ratings_found / max(rated, 1),
        "ratings found wrong (count)": float(ratings_wrong),
        "inferred vs printed: Pearson": float(np.corrcoef(inferred, printed)[0, 1]) if len(inferred) > 2 else float("nan"),
        "inferred vs printed: mean error (points)": float(np.mean(np.abs(np.subtract(inferred, printed)))) if inferred else float("nan"),
        "lowest inferred score": float(inferred_all.min()),
        "highest inferred score": float(inferred_all.max()),
        "outlet found": outlets / max(outlet_pages, 1),
        "byline found": authors / max(author_pages, 1),
        "pull quote is the verdict": verdicts / max(verdict_pages, 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="print what went wrong, item by item")
    parser.add_argument("--pages", type=Path, default=PAGES,
                        help="a folder of pages labelled the same way (labels.jsonl beside them)")
    args = parser.parse_args(argv)
    labels = load_labels(args.pages)
    figures = measure(labels, analyse(labels, args.pages), args.verbose)
    print(f"\n{len(labels)} pages, {len({x['film'] for x in labels})} films\n\n| measure | value |\n|---|---|")
    for name, value in figures.items():
        print(f"| {name} | {value:.3f} |" if value <= 1.0 or np.isnan(value) else f"| {name} | {value:.1f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
